// What a tutorial's own .cpp file includes: the catalog entry it defines (tutorial_info.hpp) and the
// asyncio it spells, all of sched/asyncio.hpp. Everything else includes tutorial_info.hpp only.
#pragma once

#include "program/program.hpp"
#include "sched/asyncio.hpp"
#include "tutorials/tutorial_info.hpp"

namespace asyncrace::tutorials {

// The asyncio a tutorial spells: everything of asyncrace::asyncio, except that asyncio.run(main),
// used at module level, is a request to the program's driver (program.hpp), so the page can run
// it one loop iteration per step:   co_await asyncio::run(main());
namespace asyncio {
using namespace asyncrace::asyncio;
template <class T>
run_request<T> run(task<T> main) {
  return run_request<T>(std::move(main), true);
}
// loop.run_until_complete(coro) on the program's loop: no shutdown; other tasks are left as they are.
template <class T>
run_request<T> run_until_complete(task<T> main) {
  return run_request<T>(std::move(main), false);
}
}  // namespace asyncio

}  // namespace asyncrace::tutorials
