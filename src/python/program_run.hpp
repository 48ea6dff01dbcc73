// An interpreted program, ready to run on the scheduler as `python3 prog.py` would run it: the
// whole file is compiled first (a SyntaxError means nothing runs), then its module code becomes a
// scheduler `program` whose asyncio.run calls are handed to the program's driver, one loop
// iteration at a time, exactly as a C++ twin's are.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "limits.hpp"
#include "program/program.hpp"
#include "pyrt/python_source.hpp"
#include "source_file.hpp"
#include "syntax_error.hpp"

namespace asyncrace::python {

class interpreter;

struct program_options {
  bool notebook = true;          // top-level `await x` runs asyncio.run(x); a cell's last expression is shown
  std::string module_name = "__main__";  // "__mp_main__" in a process-pool worker (spawn)
  std::uint64_t seed = 1;        // simulated I/O (aiohttp latencies)
  // Record stderr (an uncaught exception's traceback, traceback.print_exc, sys.stderr) as
  // "stderr" lines; off, as the goldens of programs without `# transcript: stderr`.
  bool record_stderr = true;
  run_limits limits;
};

class compiled_program {
 public:
  // Compiles `src`; throws syntax_error (nothing runs then).
  compiled_program(source_file src, program_options o);
  ~compiled_program();
  compiled_program(const compiled_program&) = delete;
  compiled_program& operator=(const compiled_program&) = delete;

  // The module code as a scheduler program (call once).
  program script();
  // Or the module code run at once, to its end, as a process pool's worker imports the program
  // (module_name "__mp_main__"): false when it called asyncio.run, which a worker cannot go on
  // from. What the code raises propagates. Call once, instead of script().
  bool run_module_now();
  // The module has a top-level await: a notebook, which only IPython runs (no file to import).
  bool notebook_only() const;
  // Names Python lines in reprs and warnings (each line is its own).
  const python_source& python() const { return python_; }
  const source_file& source() const { return source_; }
  interpreter& interp() { return *interp_; }
  const program_options& options() const { return options_; }

 private:
  struct state;
  source_file source_;
  program_options options_;
  python_source python_;
  std::unique_ptr<interpreter> interp_;
  std::unique_ptr<state> state_;
};

}  // namespace asyncrace::python
