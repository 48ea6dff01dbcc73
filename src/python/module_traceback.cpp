// The traceback module as learners use it (print_exc, format_exc, print_exception,
// format_exception, format_exception_only, format_tb) and the objects behind an exception's
// __traceback__: tb_lineno, tb_next, tb_frame.f_code.co_name.
#include "args.hpp"
#include "frame.hpp"
#include "modules.hpp"
#include "output.hpp"
#include "traceback.hpp"
#include "vm.hpp"

namespace asyncrace::python {

namespace {

// A traceback object: the entry at `at` of an exception's frames (innermost first), so tb_next
// is the entry before it.
struct traceback_object : object {
  std::vector<traceback_entry> entries;
  std::size_t at = 0;
};
// tb_frame (f_code, f_lineno) and f_code (co_name, co_filename, ...): views of one entry.
struct frame_view_object : object {
  traceback_entry entry;
};

value make_frame_view(interpreter& in, type_object* t, const traceback_entry& e) {
  auto* f = in.heap.make<frame_view_object>(t);
  f->entry = e;
  return value::adopt(f);
}

value make_tb(interpreter& in, const std::vector<traceback_entry>& entries, std::size_t at) {
  auto* tb = in.heap.make<traceback_object>(in.types.traceback);
  tb->entries = entries;
  tb->at = at;
  return value::adopt(tb);
}

value tb_getattr(interpreter& in, const value& self, str_object* name) {
  auto* tb = static_cast<traceback_object*>(self.obj());
  const traceback_entry& e = tb->entries[tb->at];
  if (name->s == "tb_lineno") return value::integer(e.line());
  if (name->s == "tb_lasti") return value::integer(static_cast<std::int64_t>(e.instr) * 2);
  if (name->s == "tb_frame") return make_frame_view(in, in.types.tb_frame, e);
  if (name->s == "tb_next") return tb->at == 0 ? value::none() : make_tb(in, tb->entries, tb->at - 1);
  return value();
}

value frame_getattr(interpreter& in, const value& self, str_object* name) {
  const traceback_entry& e = static_cast<frame_view_object*>(self.obj())->entry;
  if (name->s == "f_code") return make_frame_view(in, in.types.tb_code, e);
  if (name->s == "f_lineno") return value::integer(e.line());
  return value();
}

value code_getattr(interpreter& in, const value& self, str_object* name) {
  const code& co = *static_cast<frame_view_object*>(self.obj())->entry.co;
  if (name->s == "co_name") return make_str(in, co.name);
  if (name->s == "co_qualname") return make_str(in, co.qualname);
  if (name->s == "co_filename") return make_str(in, co.filename);
  if (name->s == "co_firstlineno") return value::integer(co.first_line);
  return value();
}

// The exception an except block handles now (sys.exc_info()[1]), or None.
value handled_exception() {
  for (frame* f = running_frame(); f; f = f->back)
    if (!f->handled.empty() && !f->handled.is_none()) return f->handled;
  return value::none();
}

std::string joined(const std::vector<std::string>& chunks) {
  std::string s;
  for (const std::string& c : chunks) s += c;
  return s;
}

// print_exception(exc) and format_exception(exc) take the exception alone (3.10+) or
// (type, value, tb): the value is the exception.
value exception_argument(interpreter& in, const call_args& a, std::string_view name) {
  if (a.npos == 0) throw_error(in, in.types.TypeError, std::string(name) + "() missing required argument 'exc' (pos 1)");
  const value& v = a.npos >= 2 ? a.args[1] : a.args[0];
  return v;
}

bool chain_argument(interpreter& in, const call_args& a) {
  const value c = keyword(in, a, "chain");
  return c.empty() || truthy(in, c);
}

std::vector<std::string> chunks_of(interpreter& in, const value& exc, bool chain) {
  if (exc.is_none()) return {"NoneType: None\n"};
  return format_exception_chunks(in, exc, chain);
}

void write_to(interpreter& in, const value& file, const std::string& text) {
  if (file.empty() || file.is_none()) return emit_stderr(in, text);
  call(in, getattr(in, file, in.intern("write")), {make_str(in, text)});
}

value py_format_exception(interpreter& in, const call_args& a, object*) {
  const value exc = exception_argument(in, a, "format_exception");
  std::vector<value> items;
  for (std::string& c : chunks_of(in, exc, chain_argument(in, a))) items.push_back(make_str(in, std::move(c)));
  return make_list(in, std::move(items));
}

value py_print_exception(interpreter& in, const call_args& a, object*) {
  const value exc = exception_argument(in, a, "print_exception");
  write_to(in, keyword(in, a, "file"), joined(chunks_of(in, exc, chain_argument(in, a))));
  return value::none();
}

value py_format_exc(interpreter& in, const call_args& a, object*) {
  return make_str(in, joined(chunks_of(in, handled_exception(), chain_argument(in, a))));
}

value py_print_exc(interpreter& in, const call_args& a, object*) {
  write_to(in, keyword(in, a, "file"), joined(chunks_of(in, handled_exception(), chain_argument(in, a))));
  return value::none();
}

value py_format_exception_only(interpreter& in, const call_args& a, object*) {
  const value exc = exception_argument(in, a, "format_exception_only");
  std::vector<value> items;
  if (exc.is_none()) return make_list(in, {make_str(in, "NoneType: None\n")});
  for (std::string& l : format_exception_only_lines(in, exc)) items.push_back(make_str(in, l + "\n"));
  return make_list(in, std::move(items));
}

// format_tb(tb): the frames from tb on, one string each.
value py_format_tb(interpreter& in, const call_args& a, object*) {
  if (a.npos < 1) throw_error(in, in.types.TypeError, "format_tb() missing required argument 'tb' (pos 1)");
  std::vector<value> items;
  if (a.args[0].is_none()) return make_list(in, {});
  if (type_of(a.args[0]) != in.types.traceback)
    throw_error(in, in.types.AttributeError, "'" + type_name(a.args[0]) + "' object has no attribute 'tb_frame'");
  auto* tb = static_cast<traceback_object*>(a.args[0].obj());
  const std::vector<traceback_entry> from(tb->entries.begin(), tb->entries.begin() + static_cast<std::ptrdiff_t>(tb->at) + 1);
  for (std::string& f : format_frames(in, from)) items.push_back(make_str(in, std::move(f)));
  return make_list(in, std::move(items));
}

value py_print_tb(interpreter& in, const call_args& a, object* data) {
  value frames = py_format_tb(in, a, data);
  std::string text;
  for (const value& f : static_cast<list_object*>(frames.obj())->items) text += str(in, f);
  write_to(in, keyword(in, a, "file"), text);
  return value::none();
}

void make_traceback(interpreter& in, module_object& m) {
  add_function(in, m, "print_exc", py_print_exc);
  add_function(in, m, "format_exc", py_format_exc);
  add_function(in, m, "print_exception", py_print_exception);
  add_function(in, m, "format_exception", py_format_exception);
  add_function(in, m, "format_exception_only", py_format_exception_only);
  add_function(in, m, "format_tb", py_format_tb);
  add_function(in, m, "print_tb", py_print_tb);
}

}  // namespace

void install_traceback_objects(interpreter& in) {
  in.types.traceback->slots.getattr = tb_getattr;
  in.types.tb_frame->slots.getattr = frame_getattr;
  in.types.tb_code->slots.getattr = code_getattr;
}

value traceback_of_exception(interpreter& in, const std::vector<traceback_entry>& entries) {
  if (entries.empty()) return value::none();
  return make_tb(in, entries, entries.size() - 1);
}

void register_traceback_module(interpreter& in) { in.register_module("traceback", make_traceback); }

}  // namespace asyncrace::python
