# NameError with 3.11's suggestion of a close name.
counter = 0
for step in range(3):
    counter += step
print("counter is", counter)
print(countr)
