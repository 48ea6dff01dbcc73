# Seed 002's tutorials, in the order the page shows them.
list(APPEND ASYNCRACE_TUTORIALS
  seed002/coffee_pastry_sync_vs_async
  seed002/my_function_sleep4
  seed002/isawaitable_warning
  seed002/custom_awaitable
  seed002/task1_task2_gather
  seed002/future_vacation
  seed002/futures_states
  seed002/future_cancel
  seed002/task_repr_jupyter
  seed002/contextvars_copy_context
  seed002/contextvars_isolation
  seed002/global_var_race
  seed002/subprocess_date)
