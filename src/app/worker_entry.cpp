// The pool's worker side, linked into the page's own module (asyncrace.wasm): each of the page's
// Web Workers runs web/asyncrace_worker.js, which loads the page's asyncrace.js + .wasm without
// running main() (no SDL, no WebGL, no frame loop) and hands these functions the page's call
// messages (web_pool.js, AsyncraceWorkerSide). The module holds every registered worker function
// (asyncio/job_wire.hpp: the tutorials' blocking_io, cpu_tasks.cpu_bound, the fault drills, and
// the interpreter's python.process_call, which runs an interpreted program's ProcessPoolExecutor
// jobs: python/process_worker.hpp) and runs one call message at a time, answering with the job's
// measured start and end and its outcome. On the page itself these functions are never called.
#include <emscripten.h>

#include <chrono>
#include <string>
#include <string_view>

#include "asyncio/job_context.hpp"
#include "asyncio/job_wire.hpp"
#include "loop/executor.hpp"
#include "pool/message_pool.hpp"
#include "python/process_worker.hpp"

extern "C" {
// web_pool.js: the final answer to the message being served (posted to the page).
void asyncrace_js_worker_respond(const char* data, int size);
}

namespace {
// The page's clock and the workers' share this origin (ms since the Unix epoch).
double epoch_ms() { return EM_ASM_DOUBLE({ return performance.timeOrigin + performance.now(); }); }
}  // namespace

extern "C" {
// The page's first message: loads the module ahead of the first job. The reply says "ready".
EMSCRIPTEN_KEEPALIVE void asyncrace_worker_ping(char*, int) {
  // Keeps the interpreter's worker function (python.process_call) linked into the page.
  asyncrace::python::link_process_worker();
  asyncrace_js_worker_respond(nullptr, 0);
}

EMSCRIPTEN_KEEPALIVE void asyncrace_worker_run(char* data, int size) {
  using namespace asyncrace;
  const double start = epoch_ms();
  job_context job(job_context::real_worker{}, 0.0, std::chrono::steady_clock::now());
  const std::string outcome = wire::run_call(std::string_view(data, static_cast<std::size_t>(size)), job);
  if (wire::outcome_ending(outcome) == wire::ending::worker_died) {
    // os._exit() in a pool worker: it dies without an answer; the page sees the worker's error
    // event, fails the job with BrokenProcessPool and starts a fresh worker.
    EM_ASM({ throw new Error('asyncrace worker: ended by its job (os._exit)'); });
  }
  const std::string reply = pool::reply_message(start, epoch_ms(), outcome);
  asyncrace_js_worker_respond(reply.data(), static_cast<int>(reply.size()));
}
}
