# Mixing tabs and spaces in one block.
for i in range(2):
        print(i)
	print("tab")
