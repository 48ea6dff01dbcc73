# ValueError from int() of a bad string.
answers = ["12", "7", "seven"]
total = 0
for a in answers:
    total += int(a)
    print("running total", total)
