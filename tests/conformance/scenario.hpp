// Conformance harness: a scenario written in C++ beside its Python twin (<area>/<name>.py), run
// with asyncio.run on a fresh loop whose clock is virtual; its transcript must equal the one CPython
// 3.11 printed for the twin (<area>/<name>.jsonl, made by tests/golden/generate.py).
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "pyrt/python_source.hpp"
#include "sched/asyncio.hpp"
#include "trace/recording.hpp"

namespace asyncrace::conformance {

class scenario {
 public:
  explicit scenario(tie_policy ties = tie_policy::cpython_heap);
  // A scenario whose reprs and warnings name Python lines: `python` is its twin
  // ("diagnostics/reprs"), `cpp_file` the C++ file with the `// py:N` marks (__FILE__).
  scenario(std::string_view python, const char* cpp_file);
  // asyncio.run(main): the loop's clock carries on from earlier runs in this scenario. An
  // exception main raises ends the program as in CPython: its last traceback line is recorded.
  void run(task<> main);
  event_loop& loop() { return loop_; }
  // print() outside any loop (module level, after asyncio.run returned).
  void print(std::string_view text);
  std::string transcript() const;

 private:
  event_loop loop_;
  trace::recording trace_;
  std::unique_ptr<python_source> python_;
};

// The committed CPython transcript of tests/conformance/<path>.jsonl.
std::string expected(std::string_view path);

// The loop's clock, as `asyncio.get_running_loop().time()`.
inline double loop_time() { return event_loop::current()->time(); }

}  // namespace asyncrace::conformance
