#include "process_pool.hpp"

#include "coroutine.hpp"
#include "dict.hpp"
#include "limits.hpp"
#include "pickling.hpp"
#include "program_run.hpp"
#include "vm.hpp"

namespace asyncrace::python {

namespace {

const tuple_object& as_tuple(interpreter& in, const value& v) {
  if (!v.is_object() || v.obj()->type != in.types.tuple) throw_error(in, in.types.TypeError, "a pickled call is a tuple");
  return *static_cast<const tuple_object*>(v.obj());
}

}  // namespace

process_workers::process_workers(interpreter& program) : program_(&program) {}

process_workers::~process_workers() { shut_down(); }

void process_workers::shut_down() {
  if (workers_.empty()) return;
  workers_.clear();
  program_->make_current();
}

std::string process_workers::pickle_call(interpreter& in, const value& fn, const std::vector<value>& args,
                                         const std::vector<std::pair<str_object*, value>>& kwargs) {
  value kw = make_dict(in);
  for (const auto& [k, v] : kwargs) dict_set(in, kw, value::borrow(k), v);
  return pickle_dump(in, make_tuple(in, {fn, make_tuple(in, args), kw}));
}

compiled_program& process_workers::worker(std::size_t w) {
  if (workers_.size() <= w) workers_.resize(w + 1);
  if (workers_[w]) return *workers_[w];
  bool imported = true;
  if (const compiled_program* parent = program_->program) {
    program_options o = parent->options();
    o.module_name = "__mp_main__";
    workers_[w] = std::make_unique<compiled_program>(parent->source(), o);
    if (!parent->notebook_only() &&
        python_error_of([&] { imported = workers_[w]->run_module_now(); }))
      imported = false;  // the program raised while the worker imported it
  } else {  // an interpreter without a program (a test's): nothing to import
    workers_[w] = std::make_unique<compiled_program>(source_file("<worker>", ""), program_options{});
  }
  program_->make_current();
  if (!imported) worker_died(w);
  return *workers_[w];
}

void process_workers::worker_died(std::size_t w) {
  workers_[w].reset();  // a fresh worker takes its place
  program_->make_current();
  throw_error(*program_, program_->types.BrokenProcessPool,
              "A process in the process pool was terminated abruptly while the future was running or pending.");
}

value process_workers::run(const std::string& call_bytes, job_context& job) {
  const std::size_t w = job.worker() < 0 ? 0 : static_cast<std::size_t>(job.worker());
  interpreter& in = worker(w).interp();
  in.make_current();
  value fn, args, kwargs;
  if (python_error_of([&] {
        value c = pickle_load(in, call_bytes);
        const tuple_object& t = as_tuple(in, c);
        fn = t.items.at(0), args = t.items.at(1), kwargs = t.items.at(2);
      }))
    worker_died(w);  // as CPython's _process_worker, which cannot even read its call item
  std::string answer;
  std::exception_ptr failed = python_error_of([&] {
    std::vector<value> all = as_tuple(in, args).items;
    std::vector<str_object*> names;
    for (const auto& e : dict_of(kwargs).entries())
      if (!e.key.empty()) names.push_back(static_cast<str_object*>(e.key.obj())), all.push_back(e.val);
    value r = call(in, fn, call_args{all.data(), all.size() - names.size(), names.data(), names.size()});
    answer = pickle_dump(in, make_tuple(in, {r, value::none()}));
  });
  if (failed) {  // the exception travels back; one that cannot, as the error pickling it raised
    value exc = to_python_exception(in, failed);
    if (std::exception_ptr e = python_error_of([&] { answer = pickle_dump(in, make_tuple(in, {value::none(), exc})); }))
      answer = pickle_dump(in, make_tuple(in, {value::none(), to_python_exception(in, e)}));
  }
  fn = args = kwargs = value();
  program_->make_current();
  value back = pickle_load(*program_, answer);
  const tuple_object& t = as_tuple(*program_, back);
  if (!t.items.at(1).is_none()) throw_exception(t.items.at(1));
  return t.items.at(0);
}

}  // namespace asyncrace::python
