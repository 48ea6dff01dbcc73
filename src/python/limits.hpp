// The caps that keep a browser tab and a CI run alive whatever a program does. Each is a clear
// Python-level error when reached, never an aborted process or wasm instance.
#pragma once

#include <cstdint>
#include <string>

#include "pyrt/py_exception.hpp"

namespace asyncrace::python {

struct run_limits {
  std::uint64_t max_steps = 200'000'000;      // bytecode instructions in all
  std::uint64_t max_printed_lines = 100'000;  // lines of output
  std::uint32_t max_recursion = 1000;         // sys.getrecursionlimit(): RecursionError beyond
  std::uint64_t max_memory = 512ull << 20;    // bytes of live Python objects: MemoryError beyond
  std::uint64_t max_tasks = 1'000'000;        // asyncio Tasks created
};

// The highest recursion limit anyone may set: --max-recursion and sys.setrecursionlimit share it.
inline constexpr std::uint32_t max_recursion_ceiling = 100'000;

// Checks limits a user typed (CLI flags, page parameters): empty when valid, else the problem.
std::string validate(const run_limits& l);

// A cap was reached: the run ends with this message, which the program cannot catch
// (RecursionError and MemoryError are Python exceptions instead, as in CPython). The transcript's
// last line reads "LimitReached: the program ran 200000000 instructions ...".
class limit_reached : public py_exception {
 public:
  explicit limit_reached(const std::string& message) : py_exception("LimitReached", message) {}
};

}  // namespace asyncrace::python
