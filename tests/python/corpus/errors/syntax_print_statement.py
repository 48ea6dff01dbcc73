# Python 2 style print is a SyntaxError with a hint.
name = "world"
print "hello", name
