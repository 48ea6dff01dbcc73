# str.format and %-formatting next to f-strings.
template = "{0} + {0} = {1}"
print(template.format(2, 4))
print("{name} is {age} years old".format(name="Ann", age=31))
print("{:>8}|{:<8}|{:^8}".format("r", "l", "c"))
print("{:08.3f} {:+d} {:x}".format(3.14159, 7, 255))
data = {"city": "Oslo", "temp": -3.5}
print("{city}: {temp}C".format(**data))
print("{0[0]} {0[1]} {1.real}".format(["x", "y"], 3 + 4j))
print("%d%% done, %s, %r, %5.2f, %-4d|" % (50, "ok", "ok", 2.5, 3))
print("%(user)s has %(n)03d messages" % {"user": "bob", "n": 7})
print("%x %o %e" % (255, 8, 12345.678))
print(format(1234.5678, ",.2f"), format(0.5, ".0%"), format(42, "^7"))
