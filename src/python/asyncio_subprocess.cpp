// asyncio.create_subprocess_exec and asyncio.subprocess (PIPE, STDOUT, DEVNULL, Process) for
// interpreted programs: the scheduler's simulated child processes (sched/subprocess.hpp, specified
// in tests/golden/README.md "Subprocesses"): no real process, the same timer and output as the C++
// twins'.
#include "args.hpp"
#include "asyncio_natives.hpp"
#include "asyncio_support.hpp"
#include "asyncio/subprocess.hpp"

namespace asyncrace::python {

namespace {

struct process_object : object {
  explicit process_object(asyncrace::process p) : proc(std::move(p)) {}
  asyncrace::process proc;
  value stdout_;  // a StreamReader, or None
};

struct reader_object : object {
  stream_reader r;
};

std::string process_repr(interpreter&, const value& v) {
  return "<Process " + std::to_string(static_cast<process_object*>(v.obj())->proc.pid) + ">";
}
std::string reader_repr(interpreter&, const value& v) {
  return std::string("<StreamReader") + (static_cast<reader_object*>(v.obj())->r.at_eof() ? " eof" : "") + ">";
}

process_object& po(interpreter& in, const call_args& a) { return native_self<process_object>(in, a, process_repr, "Process"); }
reader_object& ro(interpreter& in, const call_args& a) { return native_self<reader_object>(in, a, reader_repr, "StreamReader"); }

type_object* asyncio_type(interpreter& in, const char* name) {
  value m = in.import_module("asyncio");
  return static_cast<type_object*>(getattr(in, m, in.intern(name)).obj());
}

task<value> exec_body(std::vector<std::string> argv, subprocess::options o) {
  asyncrace::process p = co_await detail::create_subprocess_exec(std::move(argv), o);
  interpreter& in = current_interpreter();
  auto* obj = new process_object(std::move(p));
  obj->type = asyncio_type(in, "_Process");
  in.heap.link(obj);
  value v = value::adopt(obj);
  if (obj->proc.stdout_) {
    auto* r = in.heap.make<reader_object>(asyncio_type(in, "_StreamReader"));
    r->r = obj->proc.stdout_;
    obj->stdout_ = value::adopt(r);
  } else {
    obj->stdout_ = value::none();
  }
  co_return v;
}

value create_subprocess_exec(interpreter& in, const call_args& a, object*) {
  if (a.npos < 1) throw_error(in, in.types.TypeError, "create_subprocess_exec() missing 1 required positional argument: 'program'");
  std::vector<std::string> argv;
  for (std::size_t i = 0; i < a.npos; ++i) {
    if (!isinstance(a.args[i], in.types.str))
      throw_error(in, in.types.TypeError, "expected str, bytes or os.PathLike object, not " + type_name(a.args[i]));
    argv.push_back(str(in, a.args[i]));
  }
  subprocess::options o;
  for (std::size_t k = 0; k < a.nkw; ++k) {
    const std::string& name = a.kwnames[k]->s;
    const value& v = a.kw(k);
    if (name == "stdout") {
      if (v.is_int()) o.stdout_ = static_cast<subprocess::redirect>(v.as_int());
      else if (!v.is_none()) throw_error(in, in.types.NotImplementedError, "stdout= other than PIPE, STDOUT, DEVNULL or None is not simulated");
    } else if (name != "stderr" && name != "stdin") {
      throw_error(in, in.types.TypeError, "create_subprocess_exec() got an unexpected keyword argument '" + name + "'");
    }
  }
  return make_native_coroutine(in, exec_body(std::move(argv), o), "create_subprocess_exec");
}

task<value> wait_body(value self) {
  const int code = co_await static_cast<process_object*>(self.obj())->proc.wait();
  co_return value::integer(code);
}
value process_wait(interpreter& in, const call_args& a, object*) {
  po(in, a);
  return make_native_coroutine(in, wait_body(a.args[0]), "Process.wait");
}
value process_getattr(interpreter&, const value& v, str_object* name) {
  auto& p = *static_cast<process_object*>(v.obj());
  if (name->s == "pid") return value::integer(p.proc.pid);
  if (name->s == "stdout") return p.stdout_;
  if (name->s == "stdin" || name->s == "stderr") return value::none();
  if (name->s == "returncode") {
    std::optional<int> rc = p.proc.returncode();
    return rc ? value::integer(*rc) : value::none();
  }
  return value();
}

task<value> readline_body(value self, bool all) {
  stream_reader& r = static_cast<reader_object*>(self.obj())->r;
  // Two statements: GCC 12 frees the result of a co_await inside `?:` too early.
  std::string data;
  if (all) data = (co_await r.read()).data();
  else data = (co_await r.readline()).data();
  co_return make_bytes(current_interpreter(), std::move(data));
}
value reader_readline(interpreter& in, const call_args& a, object*) {
  ro(in, a);
  return make_native_coroutine(in, readline_body(a.args[0], false), "StreamReader.readline");
}
value reader_read(interpreter& in, const call_args& a, object*) {
  ro(in, a);
  return make_native_coroutine(in, readline_body(a.args[0], true), "StreamReader.read");
}
value reader_at_eof(interpreter& in, const call_args& a, object*) { return value::boolean(ro(in, a).r.at_eof()); }

}  // namespace

void fill_asyncio_subprocess(interpreter& in, module_object& m) {
  type_object* P = make_builtin_type(in, "Process", in.types.object_);
  P->module = "asyncio.subprocess";
  P->slots.repr = process_repr;
  P->slots.getattr = process_getattr;
  add_method(in, P, "wait", process_wait);
  type_object* R = make_builtin_type(in, "StreamReader", in.types.object_);
  R->module = "asyncio.streams";
  R->slots.repr = reader_repr;
  add_method(in, R, "readline", reader_readline);
  add_method(in, R, "read", reader_read);
  add_method(in, R, "at_eof", reader_at_eof);
  m.attrs.set(in.intern("_Process"), value::borrow(P));
  m.attrs.set(in.intern("_StreamReader"), value::borrow(R));
  m.attrs.set(in.intern("StreamReader"), value::borrow(R));
  m.attrs.set(in.intern("create_subprocess_exec"), make_builtin(in, "create_subprocess_exec", create_subprocess_exec));
  auto* sub = in.heap.make<module_object>(in.types.module);
  value subv = value::adopt(sub);
  sub->name = "asyncio.subprocess";
  sub->attrs.set(in.intern("__name__"), make_str(in, "asyncio.subprocess"));
  sub->attrs.set(in.intern("PIPE"), value::integer(subprocess::PIPE));
  sub->attrs.set(in.intern("STDOUT"), value::integer(subprocess::STDOUT));
  sub->attrs.set(in.intern("DEVNULL"), value::integer(subprocess::DEVNULL));
  sub->attrs.set(in.intern("Process"), value::borrow(P));
  m.attrs.set(in.intern("subprocess"), subv);
}

}  // namespace asyncrace::python
