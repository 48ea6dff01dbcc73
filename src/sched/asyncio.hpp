// The asyncio vocabulary tutorials are written in. A tutorial reads like its Python:
//
//   task<> do_some_work(int num) {
//     print("Starting work", num);
//     co_await asyncio::sleep(1);
//     print("Work complete", num);
//   }
#pragma once

#include "asyncio/as_completed.hpp"
#include "asyncio/gather.hpp"
#include "asyncio/gather_futures.hpp"
#include "asyncio/gather_handles.hpp"
#include "asyncio/locks.hpp"
#include "asyncio/queue.hpp"
#include "asyncio/run.hpp"
#include "asyncio/run_in_executor.hpp"
#include "asyncio/sleep.hpp"
#include "asyncio/subprocess.hpp"
#include "asyncio/task_group.hpp"
#include "asyncio/timeouts.hpp"
#include "asyncio/to_thread.hpp"
#include "loop/awaiter.hpp"
#include "loop/event_loop.hpp"
#include "loop/future_object.hpp"
#include "loop/task.hpp"
#include "loop/task_state.hpp"
#include "pyrt/context.hpp"
#include "pyrt/py_format.hpp"

namespace asyncrace {

// Python's print(*args): one line on the running loop's output, stamped with the virtual time.
template <class... A>
void print(const A&... args) {
  if (event_loop* loop = event_loop::current()) loop->emit(output_stream::out, py_join(args...));
}

namespace asyncio {
using asyncrace::create_task;
using asyncrace::gather;
using asyncrace::run;
using asyncrace::sleep;
using asyncrace::shield;
using asyncrace::timeout;
using asyncrace::to_thread;
using asyncrace::as_completed;
using asyncrace::wait_for;
using asyncrace::with_task_group;
using TaskGroup = asyncrace::task_group;
using ExceptionGroup = asyncrace::exception_group;
using asyncrace::return_exceptions;
using CancelledError = asyncrace::cancelled_error;
using TimeoutError = asyncrace::timeout_error;
template <class T>
using Queue = asyncrace::queue<T>;
template <class T>
using PriorityQueue = asyncrace::priority_queue<T>;
template <class T>
using LifoQueue = asyncrace::lifo_queue<T>;
using QueueEmpty = asyncrace::queue_empty;
using QueueFull = asyncrace::queue_full;
using Event = asyncrace::event;
using Lock = asyncrace::lock;
using Semaphore = asyncrace::semaphore;
using BoundedSemaphore = asyncrace::bounded_semaphore;
}  // namespace asyncio

}  // namespace asyncrace
