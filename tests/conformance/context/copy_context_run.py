# The seed's first contextvars example (Context.run on a copy of the current context), with what
# the bare API does around it: LookupError for a variable never set, defaults, KeyError from
# ctx[var], and a Context that cannot be entered twice. No event loop involved.
import contextvars

var = contextvars.ContextVar('var')
counter = contextvars.ContextVar('counter', default=0)
print(repr(var))
print(repr(counter))
try:
    var.get()
except LookupError as e:
    print("LookupError:", e)
print("var.get('fallback'):", var.get('fallback'), "| counter.get():", counter.get())

var.set('spam')
print(var.get())  # 'spam'

ctx = contextvars.copy_context()


def main():
    # 'var' was set to 'spam' before
    # calling 'copy_context()' and 'ctx.run(main)', so:
    print(var.get())  # 'spam'
    print(ctx[var])  # 'spam'

    var.set('ham')

    # Now, after setting 'var' to 'ham':
    print(var.get())  # 'ham'
    print(ctx[var])  # 'ham'


# Any changes that the 'main' function makes to 'var'
# will be contained in 'ctx'.
ctx.run(main)

# The 'main()' function was run in the 'ctx' context,
# so changes to 'var' are contained in it:
print(ctx[var])  # 'ham'

# However, outside of 'ctx', 'var' is still set to 'spam':
print(var.get())  # 'spam'

print("var in ctx:", var in ctx, "| counter in ctx:", counter in ctx, "| len(ctx):", len(ctx))
try:
    ctx[counter]
except KeyError as e:
    print("KeyError:", e)


def enter_again():
    ctx.run(print, "never printed")


try:
    ctx.run(enter_again)
except RuntimeError as e:
    print("RuntimeError:", e)
