// Conformance harness: a scenario written in C++ beside its Python twin (<area>/<name>.py), run
// with asyncio.run on a fresh loop whose clock is virtual; its transcript must equal the one CPython
// 3.11 printed for the twin (<area>/<name>.jsonl, made by tests/golden/generate.py).
#pragma once

#include <string>
#include <string_view>

#include "sched/asyncio.hpp"
#include "trace/recording.hpp"

namespace asyncrace::conformance {

class scenario {
 public:
  explicit scenario(tie_policy ties = tie_policy::cpython_heap);
  // asyncio.run(main): the loop's clock carries on from earlier runs in this scenario.
  void run(task<> main);
  // print() outside any loop (module level, after asyncio.run returned).
  void print(std::string_view text);
  std::string transcript() const;

 private:
  event_loop loop_;
  trace::recording trace_;
};

// The committed CPython transcript of tests/conformance/<path>.jsonl.
std::string expected(std::string_view path);

// The loop's clock, as `asyncio.get_running_loop().time()`.
inline double loop_time() { return event_loop::current()->time(); }

}  // namespace asyncrace::conformance
