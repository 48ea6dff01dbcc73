// A ProcessPoolExecutor's worker processes, as CPython's "spawn" start method makes them (the
// default on macOS and Windows, and the model of tests/conformance/executors/support/
// virtual_executor.py, which the goldens come from):
// - each worker is an interpreter of its own that imports the program afresh as `__mp_main__`
//   (so `if __name__ == "__main__":` code does not run there), once, before its first job, and
//   keeps its globals from job to job; the program's own globals never change. A notebook (a
//   top-level await: only IPython runs it) has no file to import: its workers know none of its
//   functions;
// - a call travels pickled (pickling.hpp): pickled by the program when it is submitted (a lambda
//   fails there, and the future gets pickle's error), unpickled and run by the worker, whose
//   result or exception travels back pickled too;
// - a worker that cannot import the program or unpickle a call dies, as in CPython: the job fails
//   with BrokenProcessPool and a fresh worker takes its place.
// Jobs run on the virtual workers of the pool (asyncio/virtual_pool.hpp): at once, on the loop's
// thread, on the worker's clock; the worker's interpreter is made current while it runs.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "asyncio/job_context.hpp"
#include "interpreter.hpp"

namespace asyncrace::python {

class compiled_program;

class process_workers {
 public:
  explicit process_workers(interpreter& program);
  ~process_workers();
  process_workers(const process_workers&) = delete;
  process_workers& operator=(const process_workers&) = delete;

  // The call fn(*args, **kwargs) as a worker receives it; raises what pickling raises.
  static std::string pickle_call(interpreter& in, const value& fn, const std::vector<value>& args,
                                 const std::vector<std::pair<str_object*, value>>& kwargs);
  // Runs a pickled call on the job's worker: its result, or what it raised, in the program's
  // interpreter (BrokenProcessPool when the worker died).
  value run(const std::string& call, job_context& job);
  // Executor.shutdown: the workers exit.
  void shut_down();

 private:
  compiled_program& worker(std::size_t w);
  [[noreturn]] void worker_died(std::size_t w);

  interpreter* program_;
  std::vector<std::unique_ptr<compiled_program>> workers_;
};

}  // namespace asyncrace::python
