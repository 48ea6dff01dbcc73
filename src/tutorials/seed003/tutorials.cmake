# Seed 003's tutorials, in the order the page shows them.
list(APPEND ASYNCRACE_TUTORIALS
  seed003/send_message_sequential
  seed003/send_message_tasks
  seed003/taskgroup
  seed003/get_api_await_function
  seed003/as_completed
  seed003/run_until_complete_blocking)
