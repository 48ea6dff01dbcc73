// Seed 002 (the asyncio documentation's example): a child Python prints the date; the parent
// reads it from a pipe.
#include <string>

#include "sched/asyncio.hpp"
#include "tutorials/tutorial.hpp"

namespace asyncrace::tutorials::subprocess_date {

task<std::string> get_date() {
  std::string code = "import datetime; print(datetime.datetime.now())";

  // Create the subprocess; redirect the standard output
  // into a pipe.
  auto proc = co_await asyncio::create_subprocess_exec(
      sys::executable, "-c", code,
      asyncio::subprocess::options{.stdout_ = asyncio::subprocess::PIPE});

  // Read one line of output.
  bytes data = co_await proc.stdout_.readline();
  std::string line = rstrip(data.decode("ascii"));

  // Wait for the subprocess exit.
  co_await proc.wait();
  co_return line;
}

program script() {
  std::string date = co_await asyncio::run(get_date());
  print("Current date: " + date);  // print(f"Current date: {date}")
}

}  // namespace asyncrace::tutorials::subprocess_date

namespace asyncrace::tutorials {
extern const tutorial_info subprocess_date_info{
    .slug = "subprocess_date",
    .seed = "002",
    .topic = "subprocesses",
    .title = "create_subprocess_exec: await a child's output line, then its exit",
    .explanation =
        "create_subprocess_exec starts the child and returns a Process at once; the task then "
        "suspends in proc.stdout.readline() until the child writes a whole line. Meanwhile the "
        "loop is free for other tasks: here there are none, so the clock jumps to the child's "
        "exit. The child is simulated (no real process runs in the browser): it lives 0.05 s and "
        "prints the virtual clock, epoch 0, so the date reads 1970-01-01 00:00:00.050000. By then "
        "it has exited (the simulation closes the pipe and ends the child in one callback; a real "
        "child's exit may be noticed a little after its EOF), so proc.wait() returns 0 without "
        "suspending.",
    .script = &subprocess_date::script,
};
}  // namespace asyncrace::tutorials
