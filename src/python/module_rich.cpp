// `from rich import print`: the stand-in the golden transcripts use (tests/golden/README.md,
// "rich"), the same text the C++ tutorials print (pyrt/py_rich.hpp): what print(*objects,
// sep=sep, end=end) would write, markup tags removed, tabs expanded to 8 columns.
#include "interpreter.hpp"
#include "modules.hpp"
#include "output.hpp"
#include "pyrt/py_rich.hpp"

namespace asyncrace::python {

namespace {

// The stand-in computes `sep.join(str(o) for o in objects) + end`: its errors for a sep or end
// that is not a str.
const std::string& sep_text(interpreter& in, const value& v) {
  if (!isinstance(v, in.types.str)) throw_error(in, in.types.AttributeError, "'" + type_name(v) + "' object has no attribute 'join'");
  return static_cast<str_object*>(v.obj())->s;
}
const std::string& end_text(interpreter& in, const value& v) {
  if (!isinstance(v, in.types.str))
    throw_error(in, in.types.TypeError, "can only concatenate str (not \"" + type_name(v) + "\") to str");
  return static_cast<str_object*>(v.obj())->s;
}

value rich_print(interpreter& in, const call_args& a, object*) {
  value sep, end, file;
  for (std::size_t k = 0; k < a.nkw; ++k) {
    const std::string& name = a.kwnames[k]->s;
    if (name == "sep") sep = a.kw(k);
    else if (name == "end") end = a.kw(k);
    else if (name == "file") file = a.kw(k);
    else if (name != "flush") throw_error(in, in.types.TypeError, "print() got an unexpected keyword argument '" + name + "'");
  }
  const std::string separator = sep.empty() ? std::string(" ") : sep_text(in, sep);
  std::string text;
  for (std::size_t i = 0; i < a.npos; ++i) {
    if (i) text += separator;
    text += str(in, a.args[i]);
  }
  text += end.empty() ? std::string("\n") : end_text(in, end);
  std::string shown = py_rich_render(text);
  if (!file.empty() && !file.is_none()) {
    call(in, getattr(in, file, in.intern("write")), {make_str(in, std::move(shown))});
    return value::none();
  }
  emit_output(in, shown);
  return value::none();
}

void make_rich(interpreter& in, module_object& m) { add_function(in, m, "print", rich_print); }

}  // namespace

void register_rich_module(interpreter& in) { in.register_module("rich", make_rich); }

}  // namespace asyncrace::python
