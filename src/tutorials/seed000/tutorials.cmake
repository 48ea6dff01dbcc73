# Seed 000's tutorials, in the order the page shows them.
list(APPEND ASYNCRACE_TUTORIALS
  seed000/coroutine_repr
  seed000/await_once
  seed000/forgotten_await
  seed000/sequential_await
  seed000/gather_three
  seed000/nine_tasks_race
  seed000/timing_demo)
