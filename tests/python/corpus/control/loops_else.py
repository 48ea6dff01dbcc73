# for/while with else, break and continue.
for n in range(2, 20):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        print(n, "is prime")

count = 0
while count < 10:
    count += 1
    if count % 3:
        continue
    print("multiple of 3:", count)
else:
    print("while finished without break")

i = 0
while True:
    i += 1
    if i == 4:
        break
print("stopped at", i)
for x in []:
    pass
else:
    print("empty loop still runs else")
