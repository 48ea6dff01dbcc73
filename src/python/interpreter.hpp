// One interpreter: its builtin types and modules, its interned names, its heap and its limits.
// A run of a program gets a fresh one; destroying it frees every object the program made, cycles
// included.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "heap.hpp"
#include "limits.hpp"
#include "runtime.hpp"

namespace asyncrace::python {

class compiled_program;
struct frame;

class interpreter {
 public:
  explicit interpreter(run_limits limits = {});
  ~interpreter();
  interpreter(const interpreter&) = delete;
  interpreter& operator=(const interpreter&) = delete;

  builtin_types types;
  python::heap heap;
  run_limits limits;

  // Interned names: one str object per text, alive as long as the interpreter.
  str_object* intern(std::string_view s);
  // Makes this the interpreter of the running thread: every entry into Python code from the
  // scheduler (a Task's step, the module code, a callback) calls it, so two interpreters (compare
  // mode) can share one thread.
  void make_current();

  // The `builtins` module's namespace (print, len, ...).
  module_object& builtins() const { return *builtins_; }

  // Modules: a builtin module is made on its first import.
  using module_factory = std::function<void(interpreter&, module_object&)>;
  void register_module(std::string name, module_factory make);
  // `import name`: the module, made on first use; ModuleNotFoundError when unknown.
  value import_module(std::string_view name);
  void add_module(std::string name, value module);  // __main__ and the like
  // A module already imported (or added), or empty: no import runs.
  value loaded_module(std::string_view name) const;
  // Every module imported so far, in no particular order.
  template <class F>
  void each_module(F&& f) const {
    for (const auto& [name, m] : modules_) f(name, m);
  }
  // The program this interpreter runs (program_run.hpp), when it runs one: a process pool's
  // workers import it again (process_pool.hpp).
  const compiled_program* program = nullptr;

  // Singletons.
  value not_implemented, ellipsis;
  // One str of each ASCII character: s[i] and iteration never allocate for ASCII text.
  value char_strings[128];
  value empty_str, empty_tuple;

  // The value of the StopIteration that ended the last generator step (generators.cpp).
  value stop_value;
  // Module code's asyncio.run(main) waiting for the program's driver (program.cpp).
  value pending_run;
  bool pending_run_shutdown = true;

  // Task objects by their scheduler task (asyncio_futures.cpp; weak: a Task object unregisters
  // itself as it dies).
  std::unordered_map<const void*, object*> task_objects;
  std::string pending_output;  // a printed line still waiting for its newline (output.cpp)
  std::string pending_stderr;  // the same for sys.stderr
  // Write stderr (tracebacks, traceback.print_exc, sys.stderr) to the transcript, as stream
  // "stderr"; off, only stdout, warnings and the exception's last line are recorded.
  bool record_stderr = true;
  std::uint64_t seed = 1;      // the run's seed: simulated I/O latencies (aiohttp)

  // What the run may still spend (limits.hpp): checked by the VM and by allocation.
  std::uint64_t steps = 0;       // instructions executed so far
  std::uint32_t depth = 0;       // Python frames on the C++ stack now (RecursionError at limit)
  std::uint64_t printed_lines = 0;
  std::uint64_t tasks_created = 0;
  // Slices (slices.hpp): the VM stops at `step_stop`, the cap or the slice's end (0: aim first).
  std::uint64_t step_stop = 0;
  std::uint64_t slice_end = UINT64_MAX;   // no slice: the run goes on to its caps
  const frame* preemptible = nullptr;  // the base frame that may stop at a slice's end

 private:
  std::unordered_map<std::string, str_object*> interned_;
  std::unordered_map<std::string, module_factory> factories_;
  std::unordered_map<std::string, value> modules_;
  module_object* builtins_ = nullptr;
  interpreter* previous_ = nullptr;  // the thread's current interpreter before this one
};

// The install steps the constructor runs, one per file that fills builtin types and modules.
void install_object_types(interpreter&);    // object, type, None, functions, methods, cells, ...
void install_exceptions(interpreter&);      // BaseException and the hierarchy
void install_numbers(interpreter&);         // bool, int (big ints included), float
void install_strings(interpreter&);         // str, bytes
void install_containers(interpreter&);      // tuple, list, dict, set, frozenset, range, slice, iterators
void install_builtin_functions(interpreter&, module_object& builtins);  // print, len, sorted, ...
void install_stdlib(interpreter&);          // math, itertools, functools, random, time, ...
void install_asyncio(interpreter&);         // asyncio, contextvars, concurrent.futures, aiohttp

}  // namespace asyncrace::python
