// Seed 003: the seed's `await get_api` — awaiting the function itself, not a call of it.
#include "sched/asyncio.hpp"
#include "tutorials/tutorial.hpp"

namespace asyncrace::tutorials::get_api_await_function {

task<std::string> get_api([[maybe_unused]] std::string endpoint) {
  // return requests.get(endpoint): `requests` is never imported, so a call would raise NameError.
  // Nothing calls get_api, though.
  throw py_exception("NameError", "name 'requests' is not defined");
  co_return "";
}

task<> main() {
  // await get_api
  // C++ cannot even compile `co_await get_api`: a function is not awaitable. Python compiles it
  // and fails when the line runs, in main's first step; this is what it raises there.
  throw py_exception("TypeError", "object function can't be used in 'await' expression");
  co_return;
}

// if __name__ == "__main__":
program script() { co_await asyncio::run(main()); }

}  // namespace asyncrace::tutorials::get_api_await_function

namespace asyncrace::tutorials {
extern const tutorial_info get_api_await_function_info{
    .slug = "get_api_await_function",
    .seed = "003",
    .topic = "coroutines",
    .title = "`await get_api` without a call: TypeError, nothing awaited",
    .explanation =
        "await needs an awaitable: a coroutine object, a Task or a Future. `get_api` names the "
        "coroutine function; only calling it, get_api(url), makes a coroutine. So main's first "
        "step raises TypeError: object function can't be used in 'await' expression, at t = 0, "
        "and asyncio.run passes it on: the program ends there.\n\n"
        "The seed's snippet had a second bug it never reached: requests is not imported (and "
        "requests.get is blocking, which would stall the loop inside an async def). The C++ cannot "
        "spell the mistake at all, since co_await on a function does not compile; it raises "
        "CPython's TypeError at that line instead. We added the `import asyncio` of the post's "
        "first snippet.",
    .script = &get_api_await_function::script,
};
}  // namespace asyncrace::tutorials
