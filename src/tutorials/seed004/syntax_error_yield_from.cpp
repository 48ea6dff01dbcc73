// Seed 004: a cell CPython refuses to compile — `yield from` inside an async def. Nothing runs.
#include "sched/asyncio.hpp"
#include "tutorials/tutorial.hpp"

namespace asyncrace::tutorials::syntax_error_yield_from {

// There is no C++ twin of this cell's functions: the point of the cell is code that does not
// compile, and C++ would refuse its own version too, with its own words. What each one is:
//   f  an async def that awaits: fine (C++: a coroutine using co_await);
//   g  an async def that yields: an async generator, fine;
//   m  an async def with `yield from`: SyntaxError, Python forbids it in coroutines;
//   m  again, a plain def that awaits: SyntaxError too (C++: co_await in a function whose return
//      type is not a coroutine type does not compile either).
// python3 compiles the whole file before running any of it and stops at the first error, the
// `yield from` on line 9. So the program only reports what CPython reports.
program script() {
  throw py_exception("SyntaxError", "'yield from' inside async function");  // py:9
  co_return;
}

}  // namespace asyncrace::tutorials::syntax_error_yield_from

namespace asyncrace::tutorials {
extern const tutorial_info syntax_error_yield_from_info{
    .slug = "syntax_error_yield_from",
    .seed = "004",
    .topic = "generators and coroutines",
    .title = "`yield from` in an async def: SyntaxError before anything runs",
    .explanation =
        "Python compiles the whole file before running a line of it, so this cell prints nothing: "
        "the only output is SyntaxError: 'yield from' inside async function, for line 9. The "
        "plain def m that awaits (line 12) would be the next SyntaxError, but compiling stops at "
        "the first. `await` belongs in an async def and `yield from` in a generator: an async def "
        "that yields is an async generator, and one may not delegate with `yield from`.\n\n"
        "The C++ beside it cannot contain the error itself (it would not build); it raises "
        "CPython's report instead, before any task exists, so there is no race to draw.",
    .ties = tie_policy::fifo,
    .script = &syntax_error_yield_from::script,
};
}  // namespace asyncrace::tutorials
