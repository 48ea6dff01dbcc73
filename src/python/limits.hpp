// The caps that keep a browser tab and a CI run alive whatever a program does. Each is a clear
// Python-level error when reached, never an aborted process or wasm instance.
#pragma once

#include <cstdint>
#include <string>

namespace asyncrace::python {

struct run_limits {
  std::uint64_t max_steps = 200'000'000;      // bytecode instructions in all
  std::uint64_t max_printed_lines = 100'000;  // lines of output
  std::uint32_t max_recursion = 1000;         // sys.getrecursionlimit(): RecursionError beyond
  std::uint64_t max_memory = 512ull << 20;    // bytes of live Python objects: MemoryError beyond
  std::uint64_t max_tasks = 1'000'000;        // asyncio Tasks created
};

// Checks limits a user typed (CLI flags, page parameters): empty when valid, else the problem.
std::string validate(const run_limits& l);

// A cap was reached: the run ends with this message (not catchable by the program, except
// RecursionError and MemoryError, which are Python exceptions as in CPython).
struct limit_reached {
  std::string message;  // "step limit reached: the program ran 200000000 instructions (--max-steps)"
};

}  // namespace asyncrace::python
