#include "process_worker.hpp"

#include <algorithm>
#include <memory>
#include <mutex>
#include <set>
#include <utility>
#include <vector>

#include "asyncio/job_wire.hpp"
#include "coroutine.hpp"
#include "dict.hpp"
#include "loop/event_loop.hpp"
#include "loop/executor.hpp"
#include "loop/task_driver.hpp"
#include "output.hpp"
#include "pickling.hpp"
#include "program_run.hpp"
#include "runtime.hpp"
#include "vm.hpp"

namespace asyncrace::python {

namespace {

constexpr const char* worker_function_name = "python.process_call";

// An answer message: how the job ended on the worker, the lines it printed, then the pickled
// (result, exception) or the cap's message.
enum class answer_kind : int { pickled = 0, cap_reached = 1 };

// The worker's copies of a run's settings: the program's options but its module name.
std::string settings_of(const program_options& o) {
  wire::writer w;
  w.put(o.notebook);
  w.put(static_cast<std::int64_t>(o.seed));
  w.put(static_cast<std::int64_t>(o.limits.max_steps));
  w.put(static_cast<std::int64_t>(o.limits.max_printed_lines));
  w.put(static_cast<std::int64_t>(o.limits.max_recursion));
  w.put(static_cast<std::int64_t>(o.limits.max_memory));
  w.put(static_cast<std::int64_t>(o.limits.max_tasks));
  return w.take();
}

program_options options_of(const std::string& settings) {
  wire::reader r(settings);
  program_options o;
  o.notebook = r.get<bool>();
  o.seed = static_cast<std::uint64_t>(r.get<std::int64_t>());
  o.limits.max_steps = static_cast<std::uint64_t>(r.get<std::int64_t>());
  o.limits.max_printed_lines = static_cast<std::uint64_t>(r.get<std::int64_t>());
  o.limits.max_recursion = static_cast<std::uint32_t>(r.get<std::int64_t>());
  o.limits.max_memory = static_cast<std::uint64_t>(r.get<std::int64_t>());
  o.limits.max_tasks = static_cast<std::uint64_t>(r.get<std::int64_t>());
  o.module_name = "__mp_main__";
  return o;
}

// A job's name outlives the job (the pool reads it after the worker has moved on): names are kept
// for good, one copy each (a program has few functions).
const char* lasting_name(const std::string& name) {
  static std::mutex lock;
  static auto* names = new std::set<std::string>;  // never destroyed: read by threads until the end
  std::lock_guard hold(lock);
  return names->insert(name).first->c_str();
}

// The worker's side ---------------------------------------------------------------------------

// What one worker keeps between jobs: the programs it imported, one per pool (a Web Worker serves
// every pool of the page; a native worker thread belongs to one pool), the last used last.
struct imported_program {
  std::int64_t pool;
  std::string name, source, settings;
  std::unique_ptr<compiled_program> program;
};
struct imported_programs final : job_context::kept_state {
  static constexpr std::size_t most = 4;
  std::vector<imported_program> programs;
};

// Where a worker that gives no slot of its own keeps them: the page's Web Worker module runs one
// job at a time for its whole life.
std::unique_ptr<job_context::kept_state>& module_slot() {
  static auto* slot = new std::unique_ptr<job_context::kept_state>;  // the worker's life: never destroyed
  return *slot;
}

// The program as this worker imported it for `pool` (spawn: as __mp_main__, once); a worker that
// cannot import it dies.
compiled_program& imported(job_context& job, std::int64_t pool, const std::string& name, const std::string& source,
                           const std::string& settings) {
  std::unique_ptr<job_context::kept_state>& slot = job.kept() ? *job.kept() : module_slot();
  auto* kept = dynamic_cast<imported_programs*>(slot.get());
  if (!kept) slot = std::make_unique<imported_programs>(), kept = static_cast<imported_programs*>(slot.get());
  std::vector<imported_program>& ps = kept->programs;
  auto it = std::find_if(ps.begin(), ps.end(), [&](const imported_program& p) {
    return p.pool == pool && p.name == name && p.settings == settings && p.source == source;
  });
  if (it != ps.end()) {
    std::rotate(it, it + 1, ps.end());
    return *ps.back().program;
  }
  if (ps.size() >= imported_programs::most) ps.erase(ps.begin());
  std::unique_ptr<compiled_program> p;
  bool ok = true;
  if (call_caught([&] { p = std::make_unique<compiled_program>(source_file(name, source), options_of(settings)); }))
    job.terminate_worker();
  if (!p->notebook_only() && python_error_of([&] { ok = p->run_module_now(); })) ok = false;
  if (!ok) job.terminate_worker();  // the program raised (or called asyncio.run) while imported
  ps.push_back({pool, name, source, settings, std::move(p)});
  return *ps.back().program;
}

const tuple_object& as_tuple(interpreter& in, const value& v) {
  if (!v.is_object() || v.obj()->type != in.types.tuple) throw_error(in, in.types.TypeError, "a pickled call is a tuple");
  return *static_cast<const tuple_object*>(v.obj());
}

// Runs a pickled call in the worker's interpreter: the pickled (result, None) or (None, exception).
std::string call_pickled(interpreter& in, const std::string& call_bytes, job_context& job) {
  in.make_current();
  value fn;
  std::vector<value> args;
  std::vector<std::pair<str_object*, value>> kwargs;
  value kw;  // keeps the keywords' names alive
  if (python_error_of([&] {
        value c = pickle_load(in, call_bytes);
        const tuple_object& t = as_tuple(in, c);
        fn = t.items.at(0), args = as_tuple(in, t.items.at(1)).items, kw = t.items.at(2);
        for (const auto& e : dict_of(kw).entries())
          if (!e.key.empty()) kwargs.emplace_back(static_cast<str_object*>(e.key.obj()), e.val);
      }))
    job.terminate_worker();  // as CPython's _process_worker, which cannot even read its call item
  std::string answer;
  python_job job_call(in, std::move(fn), std::move(args), std::move(kwargs));
  std::exception_ptr failed =
      python_error_of([&] { answer = pickle_dump(in, make_tuple(in, {job_call(job), value::none()})); });
  if (failed) {  // the exception travels back; one that cannot, as the error pickling it raised
    value exc = to_python_exception(in, failed);
    if (std::exception_ptr e = python_error_of([&] { answer = pickle_dump(in, make_tuple(in, {value::none(), exc})); }))
      answer = pickle_dump(in, make_tuple(in, {value::none(), to_python_exception(in, e)}));
  }
  return answer;
}

// The loop's side ----------------------------------------------------------------------------

// The asyncio future of one call on a real process pool, carrying the call as the worker function's
// arguments and, once it ran, its answer (executor_call.hpp's chain, with the unpickling on the
// loop's thread at delivery).
class process_call final : public future_state<value>, public executor_job {
 public:
  process_call(interpreter& in, event_loop& loop, std::shared_ptr<job_outcome> out, std::string what, std::int64_t pool,
               std::string call)
      : future_state<value>(loop),
        executor_job{&run_job, &deliver_job, &drop_job, &loop, running_task()},
        in_(&in),
        out_(std::move(out)),
        what_(std::move(what)),
        pool_(pool),
        call_(std::move(call)) {
    if (const compiled_program* p = in.program) {
      name_ = p->source().name(), source_ = p->source().text(), settings_ = settings_of(p->options());
    } else {  // an interpreter without a program (a test's): nothing to import
      name_ = "<worker>", settings_ = settings_of(program_options{});
    }
    encode = &encode_job;
    decode = &decode_job;
    abandoned = [](const executor_job& j) { return static_cast<const process_call&>(j).cancelled(); };
  }

 private:
  static task_id running_task() {
    task_driver* d = task_driver::running();
    return d ? d->id : no_task;
  }
  // On the worker's thread: only this object's strings are touched.
  static void run_job(executor_job& j, job_context& job) {
    auto& self = static_cast<process_call&>(j);
    try {
      self.answer_ = run_process_call(job, self.what_, self.name_, self.source_, self.settings_, self.pool_, self.call_);
    } catch (const worker_death&) {
      self.died_ = true;
    } catch (...) {
      self.error_ = std::current_exception();
    }
  }
  static bool encode_job(executor_job& j, std::string& message) {
    auto& self = static_cast<process_call&>(j);
    wire::writer w;
    w.put(worker_function_name);
    for (const std::string* s : {&self.what_, &self.name_, &self.source_, &self.settings_}) w.put(*s);
    w.put(self.pool_);
    w.put(self.call_);
    message = w.take();
    return true;
  }
  static void decode_job(executor_job& j, const wire::outcome& outcome) {
    auto& self = static_cast<process_call&>(j);
    wire::reader rest(outcome.payload);
    try {
      if (outcome.how == wire::ending::returned) {
        self.answer_ = rest.get<std::string>();
      } else if (outcome.how == wire::ending::raised) {
        std::string type = rest.get<std::string>();
        self.error_ = std::make_exception_ptr(py_exception(std::move(type), rest.get<std::string>()));
      } else {
        self.died_ = true;
      }
    } catch (const wire::wire_error&) {
      self.error_ = std::current_exception();
    }
  }
  static void deliver_job(executor_job& j) {
    auto& self = static_cast<process_call&>(j);
    self.in_->make_current();
    if (!self.cancelled()) self.complete();
    self.release();
  }
  static void drop_job(executor_job& j) {
    auto& self = static_cast<process_call&>(j);
    self.in_->make_current();
    self.discard_callbacks();
    self.release();
  }

  // On the loop's thread: the worker's lines printed, its answer unpickled into the program.
  void complete() {
    interpreter& in = *in_;
    value result;
    std::exception_ptr error = error_;
    if (died_) {
      error = call_caught([&] {
        throw_error(in, in.types.BrokenProcessPool,
                    "A process in the process pool was terminated abruptly while the future was running or pending.");
      });
    } else if (!error) {
      error = call_caught([&] { result = answer_value(in); });  // a cap reached too
    }
    if (out_) out_->ran = true, out_->end = future_state<value>::loop().time(), out_->result = result, out_->error = error;
    if (error) set_exception(error);
    else set_result(std::move(result));
  }
  value answer_value(interpreter& in) {
    wire::reader r(answer_);
    const auto kind = static_cast<answer_kind>(r.get<int>());
    const auto lines = r.get<std::uint32_t>();
    for (std::uint32_t i = 0; i < lines; ++i) emit_output(in, r.get<std::string>() + "\n");
    if (kind == answer_kind::cap_reached) throw limit_reached(r.get<std::string>());
    value back = pickle_load(in, r.get<std::string>());
    const tuple_object& t = as_tuple(in, back);
    if (!t.items.at(1).is_none()) throw_exception(t.items.at(1));
    return t.items.at(0);
  }

  interpreter* in_;
  std::shared_ptr<job_outcome> out_;
  std::string what_, name_, source_, settings_;
  std::int64_t pool_;
  std::string call_;
  std::string answer_;
  bool died_ = false;
  std::exception_ptr error_;
};

// The job's name in traces: the function's __name__, as a virtual worker's job is named.
std::string function_name(interpreter& in, const value& fn) {
  value n = getattr_or_empty(in, fn, in.intern("__name__"));
  return !n.empty() && isinstance(n, in.types.str) ? static_cast<str_object*>(n.obj())->s : std::string("job");
}

}  // namespace

std::string run_process_call(job_context& job, std::string what, std::string program_name, std::string source,
                             std::string settings, std::int64_t pool, std::string call) {
  job.spend(0.0, lasting_name(what));  // names the job (the worker's lane)
  std::vector<std::string> printed;
  answer_kind kind = answer_kind::pickled;
  std::string payload;
  {
    output_capture capture(printed);
    try {
      compiled_program& p = imported(job, pool, program_name, source, settings);
      payload = call_pickled(p.interp(), call, job);
      flush_output(p.interp());  // a last line without its newline: the worker's stdout is flushed
    } catch (const limit_reached& e) {
      kind = answer_kind::cap_reached;
      payload = e.what();
    } catch (const py_exception& e) {
      // Nothing of the worker's interpreter may leave its thread: the error as type and message.
      throw py_exception(e.type(), e.what());
    }
  }
  wire::writer w;
  w.put(static_cast<int>(kind));
  w.put(static_cast<std::uint32_t>(printed.size()));
  for (const std::string& line : printed) w.put(line);
  w.put(payload);
  return w.take();
}

future_handle<value> submit_to_real_processes(interpreter& in, event_loop& loop, executor& pool, python_job job) {
  if (job.pickling_error) {  // nothing to send: the future fails with pickle's error
    future_handle<value> failed = create_future<value>(loop);
    if (job.out) job.out->ran = true, job.out->end = loop.time(), job.out->error = job.pickling_error;
    failed.state().set_exception(job.pickling_error);
    return failed;
  }
  auto* call = new process_call(in, loop, job.out, function_name(in, job.fn), static_cast<std::int64_t>(pool.id()),
                                std::move(job.pickled_call));
  future_handle<value> handle{ref<future_state<value>>(call)};
  call->add_ref();  // the executor's, until the outcome is delivered (or dropped)
  try {
    pool.submit(*call);
  } catch (...) {
    call->release();
    throw;
  }
  return handle;
}

ASYNCRACE_WORKER_FUNCTION("python.process_call", run_process_call);  // can run on a Web Worker

void link_process_worker() {}

}  // namespace asyncrace::python
