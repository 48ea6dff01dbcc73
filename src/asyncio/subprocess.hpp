// asyncio's subprocesses, simulated on the virtual clock as the golden transcripts have them
// (tests/golden/README.md, "Subprocesses"): no real process is started.
//
//   auto proc = co_await asyncio::create_subprocess_exec(
//       sys::executable, "-c", code, asyncio::subprocess::options{.stdout_ = asyncio::subprocess::PIPE});
//   bytes data = co_await proc.stdout_.readline();   // proc.stdout.readline()
//   int status = co_await proc.wait();                // 0
//
// create_subprocess_exec returns at once (a coroutine that never suspends: no loop iteration).
// The Process has pid 4242 and returncode None. The child lives 0.05 s: at spawn + 0.05 one timer
// callback writes its whole stdout to the PIPE's StreamReader and closes it (feed_data, feed_eof),
// sets returncode 0 and wakes every proc.wait() (each waits on a future of its own). Without a
// PIPE the child's output goes to our stdout at that moment. Two programs are known, reading a
// clock at spawn + 0.05 with epoch 0.0 in UTC:
//   {sys::executable, "-c", "import datetime; print(datetime.datetime.now())"}
//       prints `1970-01-01 00:00:00.050000`;
//   {"date"}  prints `Thu Jan  1 00:00:00 UTC 1970`.
// Any other command raises NotImplementedError.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "loop/event_loop.hpp"
#include "loop/future_handle.hpp"
#include "loop/task.hpp"
#include "pyrt/py_bytes.hpp"

namespace asyncrace {

namespace sys {
// sys.executable: the interpreter's path, as a command's first word.
inline const std::string executable = "/usr/bin/python3";
}  // namespace sys

namespace subprocess {
// asyncio.subprocess.PIPE, STDOUT, DEVNULL (the values CPython gives them).
enum redirect : int { PIPE = -1, STDOUT = -2, DEVNULL = -3 };

// create_subprocess_exec's keyword arguments (`stdout=PIPE`), as the last argument:
// `subprocess::options{.stdout_ = subprocess::PIPE}`. (A trailing underscore: `stdout` is a C
// macro.) Only stdout's PIPE is simulated: without it the child writes to our stdout.
struct options {
  std::optional<redirect> stdout_;
};
}  // namespace subprocess

namespace detail {
struct stream_state;
struct process_state;
}  // namespace detail

// asyncio.StreamReader: the read end of a child's pipe. A handle: copies share the stream.
class stream_reader {
 public:
  stream_reader() = default;  // Process.stdout without stdout=PIPE: None
  explicit stream_reader(std::shared_ptr<detail::stream_state> s) : s_(std::move(s)) {}

  explicit operator bool() const { return static_cast<bool>(s_); }  // `is not None`
  // StreamReader.readline(): up to and including the next b'\n', waiting for data as needed; at
  // EOF what is left (b'' once empty).
  task<bytes> readline() const;
  // StreamReader.read(): everything until EOF.
  task<bytes> read() const;
  bool at_eof() const;
  // What the pipe's protocol calls: data arrives; the writer closed its end.
  void feed_data(const std::string& data) const;
  void feed_eof() const;

 private:
  std::shared_ptr<detail::stream_state> s_;
};

// asyncio.subprocess.Process. A handle: copies share the process.
class process {
 public:
  explicit process(std::shared_ptr<detail::process_state> s);

  int pid;                // Process.pid
  stream_reader stdout_;  // Process.stdout: the PIPE's reader, or None (empty) without one
  // Process.returncode: nullopt (None) until the child has exited.
  std::optional<int> returncode() const;
  // Process.wait(): the return code, once the child has exited.
  task<int> wait() const;

 private:
  std::shared_ptr<detail::process_state> s_;
};

namespace detail {
task<process> create_subprocess_exec(std::vector<std::string> argv, subprocess::options options);

inline void add_exec_argument(std::vector<std::string>& argv, subprocess::options&, std::string_view a) {
  argv.emplace_back(a);
}
inline void add_exec_argument(std::vector<std::string>&, subprocess::options& o, const subprocess::options& given) {
  o = given;
}
}  // namespace detail

// asyncio.create_subprocess_exec(program, *args, stdout=...): the command's words, then
// optionally its subprocess::options.
template <class... A>
task<process> create_subprocess_exec(std::string_view program, const A&... args) {
  std::vector<std::string> argv{std::string(program)};
  subprocess::options o;
  (detail::add_exec_argument(argv, o, args), ...);
  return detail::create_subprocess_exec(std::move(argv), o);
}

namespace asyncio {
using asyncrace::create_subprocess_exec;
namespace subprocess = asyncrace::subprocess;
using Process = asyncrace::process;
using StreamReader = asyncrace::stream_reader;
}  // namespace asyncio

}  // namespace asyncrace
