// The sys module, as much of it as a program here can use: sys.executable (the simulated
// subprocesses know it, asyncio/subprocess.hpp), sys.version_info, sys.stdout/sys.stderr with
// write() and flush() (stdout is the transcript; stderr is not recorded, as in the goldens),
// sys.maxsize, sys.platform, sys.byteorder, sys.getrecursionlimit() and sys.setrecursionlimit().
#include "args.hpp"
#include "asyncio/subprocess.hpp"
#include "interpreter.hpp"
#include "modules.hpp"
#include "output.hpp"

namespace asyncrace::python {

namespace {

struct stream_object : object {
  bool is_stdout = true;
};

std::string stream_repr(interpreter&, const value& v) {
  return std::string("<_io.TextIOWrapper name='") + (static_cast<stream_object*>(v.obj())->is_stdout ? "<stdout>" : "<stderr>") +
         "' mode='w' encoding='utf-8'>";
}

stream_object& stream_self(interpreter& in, const call_args& a) {
  if (a.npos < 1 || !a.args[0].is_object() || a.args[0].obj()->type->slots.repr != stream_repr)
    throw_error(in, in.types.TypeError, "descriptor requires a '_io.TextIOWrapper' object");
  return *static_cast<stream_object*>(a.args[0].obj());
}

value stream_write(interpreter& in, const call_args& a, object*) {
  stream_object& s = stream_self(in, a);
  call_args rest = a;
  rest.args += 1;
  rest.npos -= 1;
  expect_args(in, rest, "write", 1);
  if (!isinstance(rest.args[0], in.types.str))
    throw_error(in, in.types.TypeError, "write() argument must be str, not " + type_name(rest.args[0]));
  const auto* text = static_cast<str_object*>(rest.args[0].obj());
  if (s.is_stdout)
    emit_output(in, text->s);
  else
    emit_stderr(in, text->s);
  return value::integer(static_cast<std::int64_t>(text->length));
}

value stream_flush(interpreter& in, const call_args& a, object*) {
  stream_self(in, a);
  return value::none();
}

value make_stream(interpreter& in, type_object* t, bool is_stdout) {
  auto* s = in.heap.make<stream_object>(t);
  s->is_stdout = is_stdout;
  return value::adopt(s);
}

value version_info(interpreter& in) {
  value namedtuple = getattr(in, in.import_module("collections"), in.intern("namedtuple"));
  value fields = make_list(in, {make_str(in, "major"), make_str(in, "minor"), make_str(in, "micro"), make_str(in, "releaselevel"),
                                make_str(in, "serial")});
  value t = call(in, namedtuple, {make_str(in, "version_info"), fields});
  static_cast<type_object*>(t.obj())->name = "sys.version_info";
  return call(in, t, {value::integer(3), value::integer(11), value::integer(7), make_str(in, "final"), value::integer(0)});
}

void make_sys(interpreter& in, module_object& m) {
  type_object* stream = make_builtin_type(in, "TextIOWrapper", in.types.object_);
  stream->module = "_io";
  stream->slots.repr = stream_repr;
  add_method(in, stream, "write", stream_write);
  add_method(in, stream, "flush", stream_flush);
  m.attrs.set(in.intern("stdout"), make_stream(in, stream, true));
  m.attrs.set(in.intern("stderr"), make_stream(in, stream, false));
  m.attrs.set(in.intern("_stream_type"), value::adopt(stream));
  m.attrs.set(in.intern("executable"), make_str(in, sys::executable));
  m.attrs.set(in.intern("platform"), make_str(in, "linux"));
  m.attrs.set(in.intern("byteorder"), make_str(in, "little"));
  m.attrs.set(in.intern("maxsize"), value::integer(INT64_MAX));
  m.attrs.set(in.intern("version_info"), version_info(in));
  add_function(in, m, "getrecursionlimit", [](interpreter& i, const call_args& a, object*) {
    expect_args(i, a, "getrecursionlimit", 0);
    return value::integer(i.limits.max_recursion);
  });
  add_function(in, m, "setrecursionlimit", [](interpreter& i, const call_args& a, object*) {
    expect_args(i, a, "setrecursionlimit", 1);
    const value& n = a.args[0];
    if (!n.is_int() && !n.is_bool())
      throw_error(i, i.types.TypeError, "'" + type_name(n) + "' object cannot be interpreted as an integer");
    const std::int64_t limit = n.as_int();
    if (limit < 1) throw_error(i, i.types.ValueError, "recursion limit must be greater or equal than 1");
    // The frames on the stack and this call itself, as CPython counts them.
    const std::int64_t depth = static_cast<std::int64_t>(i.depth) + 1;
    if (depth >= limit)
      throw_error(i, i.types.RecursionError, "cannot set the recursion limit to " + std::to_string(limit) +
                                                 " at the recursion depth " + std::to_string(depth) + ": the limit is too low");
    if (limit > static_cast<std::int64_t>(max_recursion_ceiling))
      throw_error(i, i.types.ValueError, "asyncrace's recursion limit is at most " + std::to_string(max_recursion_ceiling) +
                                             " (sys.setrecursionlimit(" + std::to_string(limit) + "))");
    i.limits.max_recursion = static_cast<std::uint32_t>(limit);
    return value::none();
  });
}

}  // namespace

void register_sys_module(interpreter& in) { in.register_module("sys", make_sys); }

}  // namespace asyncrace::python
