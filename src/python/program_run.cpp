#include "program_run.hpp"

#include <algorithm>

#include "asyncio_objects.hpp"
#include "asyncio_support.hpp"
#include "compiler.hpp"
#include "coroutine.hpp"
#include "functions.hpp"
#include "interpreter.hpp"
#include "output.hpp"
#include "slices.hpp"
#include "loop/event_loop.hpp"
#include "loop/task_driver.hpp"
#include "vm.hpp"

namespace asyncrace::python {

struct compiled_program::state {
  std::shared_ptr<const code> module_code;
  value module;  // __main__
  value frame_v;
};

namespace {

// How deep the module's code was when it called asyncio.run (the module's frame is the first on
// the stack: 1), and whether it was asyncio.run (true) or loop.run_until_complete.
thread_local std::uint32_t run_depth = 1;
thread_local bool run_via_runner = true;

// A run of the module's frame that may stop at the end of a slice (slices.hpp).
template <class Run>
exec_result run_module_slice(interpreter& in, frame& f, Run run) {
  preemptible_scope scope(in, f);
  return run();
}

// The module code, as python3 runs it: statements run; each asyncio.run is handed to the
// program's driver (co_await run_request), which resumes the module with main's result.
program module_script(compiled_program* p, value frame_v) {
  interpreter& in = p->interp();
  in.make_current();
  // A future that dies with an exception nobody retrieved is logged (asyncio_callback_log.cpp).
  if (event_loop* loop = event_loop::current()) loop->set_unretrieved_handler(&log_unretrieved_exception);
  auto* f = static_cast<frame*>(frame_v.obj());
  if (module_state* m = module_state::current()) {
    // Interpreter exit clears the module's globals first (a coroutine they hold warns "sys:1").
    value module = value::borrow(f->globals);
    m->keep([module, &in]() mutable {
      in.make_current();
      auto* mod = static_cast<module_object*>(module.obj());
      std::vector<str_object*> names;
      mod->attrs.each([&](str_object* k, const value&) { names.push_back(k); });
      for (str_object* k : names) mod->attrs.erase(k);
      module = value();
    });
  }
  in.depth = 1;  // the module's frame: CPython counts it against the recursion limit
  exec_result r = run_module_slice(in, *f, [&] { return run_frame(in, *f); });
  for (;;) {
    if (r.status == exec_status::preempted) {  // the page's slice ran out: on at the next step
      const std::uint32_t depth = in.depth;  // the frames the module code has called stay
      co_await module_slice_pause{};
      in.make_current();
      in.depth = depth;
      r = run_module_slice(in, *f, [&] { return run_frame(in, *f); });
      continue;
    }
    if (r.status != exec_status::run_request) break;
    value main = std::move(in.pending_run);
    const bool shutdown = in.pending_run_shutdown;
    const std::uint32_t depth = in.depth;  // the tasks' frames stand on top of it
    run_depth = depth;
    run_via_runner = shutdown;
    value result, exc;
    // No try block around the co_await (see coroutine.hpp's caught): what main raised comes back
    // as an exception_ptr.
    task<value> t;
    std::exception_ptr error = call_caught([&] { t = task_coroutine(in, main); });
    if (!error) {
      run_request<value> request(std::move(t), shutdown);
      caught_outcome<value> got = co_await caught<run_request<value>&>{request};
      result = std::move(got.v);
      error = std::move(got.error);
    }
    in.make_current();
    in.depth = depth;
    if (error) exc = to_python_exception(in, std::move(error));
    r = run_module_slice(in, *f, [&] {
      return exc.empty() ? resume_frame(in, *f, std::move(result)) : throw_into_frame(in, *f, std::move(exc));
    });
  }
  flush_output(in);
}

}  // namespace

compiled_program::compiled_program(source_file src, program_options o)
    : source_(std::move(src)),
      options_(std::move(o)),
      python_(python_source::interpreted(source_.name(), source_.text())),
      state_(std::make_unique<state>()) {
  compile_options co;
  co.notebook = options_.notebook;
  state_->module_code = compile_source(source_, co);  // throws syntax_error: nothing is made
  interp_ = std::make_unique<interpreter>(options_.limits);
  interpreter& in = *interp_;
  in.program = this;
  in.seed = options_.seed;
  in.record_stderr = options_.record_stderr;
  auto* m = in.heap.make<module_object>(in.types.module);
  m->name = options_.module_name;
  state_->module = value::adopt(m);
  m->attrs.set(in.intern("__name__"), make_str(in, options_.module_name));
  m->attrs.set(in.intern("__file__"), make_str(in, source_.name()));
  m->attrs.set(in.intern("__doc__"), value::none());
  if (options_.notebook) m->attrs.set(in.intern("asyncio"), in.import_module("asyncio"));
  in.add_module(options_.module_name, state_->module);
  auto* fn = in.heap.make<function_object>(in.types.function);
  value fv = value::adopt(fn);
  fn->co = state_->module_code;
  fn->globals = state_->module;
  fn->qualname = make_str(in, "<module>");
  state_->frame_v = make_frame(in, *fn, call_args{});
}

compiled_program::~compiled_program() {
  if (!interp_) return;
  interp_->make_current();
  state_.reset();
  interp_.reset();
}

program compiled_program::script() { return module_script(this, state_->frame_v); }

bool compiled_program::run_module_now() {
  interpreter& in = *interp_;
  in.make_current();
  const exec_result r = run_frame(in, *static_cast<frame*>(state_->frame_v.obj()));
  flush_output(in);
  return r.status != exec_status::run_request;
}

bool compiled_program::notebook_only() const {
  const auto& code = state_->module_code->code;
  return std::any_of(code.begin(), code.end(), [](const instr& i) { return i.code == op::asyncio_run; });
}

// asyncio.run: runners.run, Runner.run, run_until_complete, run_forever, _run_once, Handle._run
// and Context.run (a C call) under the module's frame; then the Task's step (a C call) and the
// coroutine, or the function called back. run_until_complete lacks the first two.
std::uint32_t task_frame_depth() { return run_depth + (run_via_runner ? 9 : 7); }
std::uint32_t callback_frame_depth() { return run_depth + (run_via_runner ? 8 : 6); }

void display_value(interpreter& in, const value& v) {
  if (v.is_none()) return;
  std::string text = repr(in, v);
  emit_output(in, text + "\n");
  // IPython's Out[] history keeps the value alive until the program ends.
  if (module_state* m = module_state::current()) {
    value kept = v;
    interpreter* ip = &in;
    m->keep([kept, ip]() mutable {
      ip->make_current();
      kept = value();
    });
  }
}

void request_asyncio_run(interpreter& in, const value& awaitable, bool shutdown) {
  if (task_driver::running())
    throw_error(in, in.types.RuntimeError, "asyncio.run() cannot be called from a running event loop");
  if (!is_coroutine(awaitable))
    throw_error(in, in.types.ValueError, "a coroutine was expected, got " + repr(in, awaitable));
  in.pending_run = awaitable;
  in.pending_run_shutdown = shutdown;
}

}  // namespace asyncrace::python
