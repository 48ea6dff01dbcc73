// A ProcessPoolExecutor's jobs on REAL workers (`--executor real`, the page's Web Workers): the
// real-pool twin of process_pool.hpp's virtual worker processes, with the same spawn semantics.
//
// A job is a message that needs no shared memory: (the program's name and source, how it was run,
// the pool it belongs to, the pickled call). The worker (a std::thread of the native pool, or a
// Web Worker running the same wasm) compiles and imports the program in an interpreter of its own
// as `__mp_main__` before its first job of that pool (so `if __name__ == "__main__":` does not run
// there), keeps it from job to job as CPython's worker processes keep theirs, unpickles the call,
// runs it, and sends back the pickled (result, exception) with the lines it printed. The loop's
// thread unpickles that into the program's interpreter: the result, or the worker's exception
// raised by the awaiter. A worker that cannot import the program or unpickle its call dies: the
// job fails with BrokenProcessPool and a fresh worker takes its place (the pool's own fault path).
//
// What a worker prints goes to the same terminal as the program's own lines, as a spawned
// CPython worker's stdout does: the lines travel back with the job's outcome and are printed when
// the outcome reaches the loop (real jobs have measured times: the lines stand at the hand-back).
// A run's cap reached inside a worker (steps, lines, memory) ends the run as it would on a
// virtual worker.
#pragma once

#include <cstdint>
#include <string>

#include "asyncio/job_context.hpp"
#include "jobs.hpp"
#include "loop/future_handle.hpp"

namespace asyncrace {
class event_loop;
class executor;
}  // namespace asyncrace

namespace asyncrace::python {

// Submits a ProcessPoolExecutor's call (job.pickled_call, or job.pickling_error) to the real pool
// `pool` of `loop`: the asyncio future of its outcome, `job.out` told it when it arrives.
future_handle<value> submit_to_real_processes(interpreter& in, event_loop& loop, executor& pool, python_job job);

// The worker's side (registered as the worker function "python.process_call"): runs one call and
// returns its answer message. Exposed for tests.
std::string run_process_call(job_context& job, std::string what, std::string program_name, std::string source,
                             std::string settings, std::int64_t pool, std::string call);

// Links the worker function into a module that calls nothing else of this file (the Web Worker's).
void link_process_worker();

}  // namespace asyncrace::python
