// Seed 002 (the contextvars documentation's example): Context.run on a copy keeps what it sets.
#include <string>

#include "sched/asyncio.hpp"
#include "tutorials/tutorial.hpp"

namespace asyncrace::tutorials::contextvars_copy_context {

contextvars::context_var<std::string> var("var");

program script() {
  var.set("spam");
  print(var.get());  // 'spam'

  auto ctx = contextvars::copy_context();

  auto main = [&] {
    // 'var' was set to 'spam' before
    // calling 'copy_context()' and 'ctx.run(main)', so:
    print(var.get());  // 'spam'
    print(ctx[var]);  // 'spam'

    var.set("ham");

    // Now, after setting 'var' to 'ham':
    print(var.get());  // 'ham'
    print(ctx[var]);  // 'ham'
  };

  // Any changes that the 'main' function makes to 'var'
  // will be contained in 'ctx'.
  ctx.run(main);

  // The 'main()' function was run in the 'ctx' context,
  // so changes to 'var' are contained in it:
  print(ctx[var]);  // 'ham'

  // However, outside of 'ctx', 'var' is still set to 'spam':
  print(var.get());  // 'spam'

  co_return;  // no asyncio.run: plain module code (nothing to co_await)
}

}  // namespace asyncrace::tutorials::contextvars_copy_context

namespace asyncrace::tutorials {
extern const tutorial_info contextvars_copy_context_info{
    .slug = "contextvars_copy_context",
    .seed = "002",
    .topic = "context variables",
    .title = "copy_context() and Context.run: changes stay inside the copy",
    .explanation =
        "copy_context() snapshots the current context, where var is 'spam'. ctx.run(main) makes "
        "that copy current while main runs, so main's var.set('ham') lands in ctx: inside, "
        "var.get() and ctx[var] both say 'ham'. Once run returns, the module's own context is "
        "current again and still says 'spam'. No event loop is involved: this is what each "
        "asyncio Task does with its own copy (see contextvars_isolation), shown by hand.",
    .script = &contextvars_copy_context::script,
};
}  // namespace asyncrace::tutorials
