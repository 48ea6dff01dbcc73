# ContextVar get/set/reset and Context.run, without asyncio.
import contextvars

user = contextvars.ContextVar("user")
level = contextvars.ContextVar("level", default=0)
print(level.get(), user.get("anonymous"))
try:
    user.get()
except LookupError as e:
    print("LookupError:", e)
token = user.set("ann")
print(user.get(), token.var is user, user.name)
user.reset(token)
print(user.get("gone"))

def in_context():
    level.set(level.get() + 10)
    return level.get()

ctx = contextvars.copy_context()
print(ctx.run(in_context), ctx.run(in_context), level.get())
print(ctx.get(level), len(list(ctx.items())) >= 1)
