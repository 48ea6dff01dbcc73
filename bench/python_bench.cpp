// asyncrace-pybench <program.py>: the interpreter on one of bench/python/*.py, timed inside the
// process like CPython's side (bench/python_workloads.py): compiling is outside the timer, the
// run (module code, every asyncio.run, the loop) inside. Prints one JSON line,
//   {"seconds": …, "peak_mb": …, "check": "<last printed line>"}
// bench/python.sh drives it natively and as wasm under node.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>

#include "peak_memory.hpp"
#include "python/program_run.hpp"
#include "tutorials/session.hpp"

int main(int argc, char** argv) {
  using namespace asyncrace;
  if (argc != 2) {
    std::fprintf(stderr, "usage: asyncrace-pybench <program.py>\n");
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "asyncrace-pybench: cannot read %s\n", argv[1]);
    return 2;
  }
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  python::program_options po;
  po.limits.max_steps = ~0ull;  // a benchmark runs to its end
  auto program = std::make_shared<python::compiled_program>(python::source_file("bench.py", std::move(text)), po);
  tutorials::session s(std::move(program), tutorials::run_options{tie_policy::fifo});
  const auto begin = std::chrono::steady_clock::now();
  s.run_to_end();
  const std::chrono::duration<double> wall = std::chrono::steady_clock::now() - begin;
  const auto& lines = s.trace().lines();
  const std::string check = lines.empty() ? "" : lines.back().text;
  std::printf("{\"seconds\": %.4f, \"peak_mb\": %.1f, \"check\": \"%s\", \"error\": \"%s\"}\n", wall.count(),
              bench::peak_memory_mb(), check.c_str(), s.error().c_str());
  return s.error().empty() ? 0 : 1;
}
