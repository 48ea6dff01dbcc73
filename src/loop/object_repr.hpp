// CPython's reprs of the loop's objects (base_futures / base_tasks): coroutine objects, futures
// and Tasks. The values inside them (a result, an exception) use pyrt/py_repr.hpp.
#pragma once

#include <string>
#include <string_view>

#include "loop/future.hpp"
#include "pyrt/py_repr.hpp"

namespace asyncrace {

class task_driver;

// "<coroutine object do_some_work at 0x7f3a1c2e4d10>": `frame` is the coroutine's frame, whose
// address the repr shows (pyrt/address.hpp).
std::string coroutine_repr(std::string_view qualname, const void* frame);

// "<Future pending cb=[Task.task_wakeup()]>" and the like.
std::string future_repr(const future_core& f, std::string_view class_name = "Future");

// "<Task pending name='Task-2' coro=<example_future() running at reprs.py:4> wait_for=<…>>";
// `result` is the repr of its result (used when it finished with one).
std::string task_repr(const task_driver& d, const std::string& result);

}  // namespace asyncrace
