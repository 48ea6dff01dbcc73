// The asyncio vocabulary tutorials are written in. A tutorial reads like its Python:
//
//   task<> do_some_work(int num) {
//     print("Starting work", num);
//     co_await asyncio::sleep(1);
//     print("Work complete", num);
//   }
#pragma once

#include "context.hpp"
#include "as_completed.hpp"
#include "awaiter.hpp"
#include "event_loop.hpp"
#include "executor.hpp"
#include "future_object.hpp"
#include "gather.hpp"
#include "gather_handles.hpp"
#include "locks.hpp"
#include "py_format.hpp"
#include "queue.hpp"
#include "run.hpp"
#include "sleep.hpp"
#include "subprocess.hpp"
#include "task.hpp"
#include "task_state.hpp"
#include "task_group.hpp"
#include "timeouts.hpp"
#include "to_thread.hpp"

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
