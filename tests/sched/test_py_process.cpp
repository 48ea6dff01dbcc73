// py_process.hpp: the `random` module and os.urandom belong to the running program (module code
// and its tasks alike), so each run of a program draws the same numbers, even two side by side;
// py_tuple.hpp: the repr of a tuple in an f-string.
#include <doctest.h>

#include <string>
#include <vector>

#include "program/program.hpp"
#include "program/py_process.hpp"
#include "pyrt/py_tuple.hpp"

using namespace asyncrace;

namespace {

task<int> draw_later() {
  co_await asyncio::sleep(1);
  co_return random::randint(0, 10);
}

task<std::string> item_later() {
  co_await asyncio::sleep(1);
  co_return os::urandom(5).hex();
}

// random.seed(444) at module level, then draws in the module and in tasks: makerandom's 4, 4, 0.
program draws(std::vector<std::string>& out) {
  random::seed(444);
  out.push_back(py_str(random::randint(0, 10)));
  out.push_back(py_str(co_await run_request<int>(draw_later(), true)));
  out.push_back(py_str(random::randint(0, 10)));
  out.push_back(co_await run_request<std::string>(item_later(), true));  // os.urandom: its own stream
  out.push_back(os::urandom(5).hex());
}

const std::vector<std::string> expected = {"4", "4", "0", "d862c2e36b", "0a42f7827c"};

std::vector<std::string> run_alone() {
  std::vector<std::string> out;
  event_loop loop;
  program_runner r(loop, draws(out));
  while (r.step()) {
  }
  return out;
}

}  // namespace

TEST_CASE("random and os.urandom draw CPython's numbers, in the module and its tasks alike") {
  CHECK(run_alone() == expected);
}

TEST_CASE("each program run starts its own random and os.urandom: a rerun draws the same") {
  CHECK(run_alone() == expected);
  CHECK(run_alone() == expected);
}

TEST_CASE("two programs stepped in turn never share a stream") {
  std::vector<std::string> a, b;
  event_loop loop_a, loop_b;
  program_runner ra(loop_a, draws(a));
  program_runner rb(loop_b, draws(b));
  bool more_a = true, more_b = true;
  while (more_a || more_b) {
    if (more_a) more_a = ra.step();
    if (more_b) more_b = rb.step();
  }
  CHECK(a == expected);
  CHECK(b == expected);
}

TEST_CASE("outside a program, random.seed and randint work on the thread's own generator") {
  random::seed(444);
  CHECK(random::randint(0, 10) == 4);
  CHECK(random::randint(0, 10) == 4);
  CHECK(random::randint(0, 10) == 0);
  CHECK(os::urandom(0).hex().empty());
}

TEST_CASE("py_tuple_repr: a tuple as an f-string shows it") {
  CHECK(py_tuple_repr(3, std::string("result3-1")) == "(3, 'result3-1')");
  CHECK(py_tuple_repr(1) == "(1,)");
  CHECK(py_tuple_repr() == "()");
}

TEST_CASE("bytes.hex: two lowercase digits per byte") {
  CHECK(bytes(std::string("\x00\xff\x10\xa7", 4)).hex() == "00ff10a7");
  CHECK(os::urandom(3).size() == 3);
}
