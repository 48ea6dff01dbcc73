// The simulated asyncio subprocess (subprocess.hpp): a child living 0.05 s on the virtual clock,
// its stdout through a PIPE's StreamReader, returncode and wait(); and bytes (py_bytes.hpp).
#include <doctest.h>

#include <optional>
#include <string>
#include <vector>

#include "pyrt/py_exception.hpp"
#include "sched/asyncio.hpp"

using namespace asyncrace;

namespace {
const std::string python_now = "import datetime; print(datetime.datetime.now())";

double now() { return event_loop::current()->time(); }

task<std::vector<std::string>> python_child() {
  std::vector<std::string> seen;
  auto proc = co_await asyncio::create_subprocess_exec(
      sys::executable, "-c", python_now, asyncio::subprocess::options{.stdout_ = asyncio::subprocess::PIPE});
  seen.push_back("spawned at " + py_str(now()) + ", pid " + py_str(proc.pid) + ", returncode " +
                 (proc.returncode() ? py_str(*proc.returncode()) : "None"));
  bytes data = co_await proc.stdout_.readline();
  seen.push_back(data.repr() + " at " + py_str(now()));
  seen.push_back("returncode " + py_str(*proc.returncode()));
  bytes rest = co_await proc.stdout_.readline();
  seen.push_back("then " + rest.repr() + ", at_eof " + py_str(proc.stdout_.at_eof()));
  int status = co_await proc.wait();
  seen.push_back("wait() -> " + py_str(status) + " at " + py_str(now()));
  co_return seen;
}

task<int> waiter(process proc, std::vector<std::string>& log, std::string name) {
  int status = co_await proc.wait();
  log.push_back(name + " woke at " + py_str(now()));
  co_return status;
}

task<std::vector<std::string>> two_waiters() {
  std::vector<std::string> log;
  co_await asyncio::sleep(1);
  auto proc = co_await asyncio::create_subprocess_exec("date");
  log.push_back(std::string("stdout is None: ") + py_str(!proc.stdout_));
  co_await asyncio::gather(waiter(proc, log, "a"), waiter(proc, log, "b"));
  co_return log;
}

task<std::string> date_at(double t) {
  co_await asyncio::sleep(t);
  auto proc = co_await asyncio::create_subprocess_exec(
      "date", asyncio::subprocess::options{.stdout_ = asyncio::subprocess::PIPE});
  bytes all = co_await proc.stdout_.read();
  co_return all.decode("ascii");
}

task<std::string> unknown_program() {
  try {
    co_await asyncio::create_subprocess_exec("ls", "-l");
  } catch (const py_exception& e) {
    co_return e.python_text();
  }
  co_return "spawned";
}
}  // namespace

TEST_CASE("a child's line arrives through the pipe at its exit 0.05 s after the spawn") {
  CHECK(asyncio::run(python_child()) == std::vector<std::string>{
                                            "spawned at 0.0, pid 4242, returncode None",
                                            "b'1970-01-01 00:00:00.050000\\n' at 0.05",
                                            "returncode 0",
                                            "then b'', at_eof True",
                                            "wait() -> 0 at 0.05",
                                        });
}

TEST_CASE("every wait() wakes at the exit and without a PIPE there is no StreamReader") {
  CHECK(asyncio::run(two_waiters()) == std::vector<std::string>{
                                           "stdout is None: True",
                                           "a woke at 1.05",
                                           "b woke at 1.05",
                                       });
}

TEST_CASE("date prints the virtual clock in UTC without the fraction") {
  CHECK(asyncio::run(date_at(0)) == "Thu Jan  1 00:00:00 UTC 1970\n");
  CHECK(asyncio::run(date_at(32 * 86400 + 3661)) == "Mon Feb  2 01:01:01 UTC 1970\n");
}

TEST_CASE("a program the simulation does not know raises NotImplementedError") {
  CHECK(asyncio::run(unknown_program()) ==
        "NotImplementedError: asyncrace does not simulate the program ['ls', '-l']");
}

TEST_CASE("bytes: decode and repr and str.rstrip") {
  bytes data("2024\t\xe9\n");
  CHECK(data.repr() == "b'2024\\t\\xe9\\n'");
  CHECK(data.decode("utf-8") == "2024\t\xe9\n");
  CHECK_THROWS_WITH_AS(data.decode("ascii"),
                       "'ascii' codec can't decode byte 0xe9 in position 5: ordinal not in range(128)", py_exception);
  CHECK(rstrip(bytes("1970-01-01 00:00:00.050000\r\n").decode("ascii")) == "1970-01-01 00:00:00.050000");
  CHECK(bytes("it's").repr() == "b\"it's\"");
}
