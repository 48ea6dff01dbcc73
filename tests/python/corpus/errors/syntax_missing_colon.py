# A missing colon stops the whole file before anything runs.
print("never printed")
for i in range(3)
    print(i)
