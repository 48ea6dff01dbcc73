// The os module, as much of it as a program here can use: os.urandom, reproducible as the golden
// transcripts make it (program/py_process.hpp: its own MT19937 seeded with 0, the same stream a
// C++ twin's os::urandom draws from), and os.cpu_count(), 8 as the virtual executors have it.
#include "args.hpp"
#include "interpreter.hpp"
#include "modules.hpp"
#include "numbers.hpp"
#include "program/py_process.hpp"

namespace asyncrace::python {

namespace {

value os_urandom(interpreter& in, const call_args& a, object*) {
  expect_args(in, a, "urandom", 1);
  const std::int64_t n = index_of(in, a.args[0]);
  if (n < 0) throw_error(in, in.types.ValueError, "negative argument not allowed");
  return make_bytes(in, os::urandom(static_cast<std::size_t>(n)).data());
}

value os_cpu_count(interpreter& in, const call_args& a, object*) {
  expect_args(in, a, "cpu_count", 0);
  return value::integer(8);
}

void make_os(interpreter& in, module_object& m) {
  add_function(in, m, "urandom", os_urandom);
  add_function(in, m, "cpu_count", os_cpu_count);
  m.attrs.set(in.intern("name"), make_str(in, "posix"));
  m.attrs.set(in.intern("sep"), make_str(in, "/"));
  m.attrs.set(in.intern("linesep"), make_str(in, "\n"));
}

}  // namespace

void register_os_module(interpreter& in) { in.register_module("os", make_os); }

}  // namespace asyncrace::python
