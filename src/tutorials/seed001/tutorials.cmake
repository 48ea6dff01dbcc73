# Seed 001's tutorials, in the order the page shows them.
list(APPEND ASYNCRACE_TUTORIALS
  seed001/coroutine_repr_noarg
  seed001/await_once_noarg
  seed001/forgotten_await_noarg
  seed001/sequential_await_noarg
  seed001/gather_three_noarg
  seed001/blocking_vs_async_sleep
  seed001/create_task_vs_await
  seed001/to_thread
  seed001/threadpool
  seed001/single_cpu_bound
  seed001/processpool_cpu_bound)
