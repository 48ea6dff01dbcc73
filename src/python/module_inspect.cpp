// The inspect module's predicates (program/inspect.hpp is their C++ side): what kind of function
// or object a value is, as CPython 3.11 answers — iscoroutinefunction and friends look through
// bound methods and functools.partial at the code's flags; isawaitable is true for coroutines,
// Futures/Tasks and any object whose type has __await__.
#include "args.hpp"
#include "asyncio_objects.hpp"
#include "code.hpp"
#include "coroutine.hpp"
#include "interpreter.hpp"
#include "modules.hpp"

namespace asyncrace::python {

namespace {

const value& one_arg(interpreter& in, const call_args& a, const char* name) {
  if (a.nkw) throw_error(in, in.types.TypeError, std::string(name) + "() got an unexpected keyword argument '" + a.kwnames[0]->s + "'");
  if (a.npos != 1)
    throw_error(in, in.types.TypeError, std::string(name) + "() " +
                                            (a.npos == 0 ? "missing 1 required positional argument: 'object'"
                                                         : "takes 1 positional argument but " + std::to_string(a.npos) + " were given"));
  return a.args[0];
}

bool of_type(const value& v, const type_object* t) { return v.is_object() && t && v.obj()->type == t; }

// functools._unwrap_partial, then a bound method's __func__, as inspect._has_code_flag does.
value unwrap(interpreter& in, value f) {
  while (true) {
    if (of_type(f, in.types.method)) {
      f = static_cast<method_object*>(f.obj())->func;
      continue;
    }
    type_object* t = type_of(f);
    if (t->name == "partial" && t->module == "functools") {
      f = getattr(in, f, in.intern("func"));
      continue;
    }
    return f;
  }
}

bool has_code_flag(interpreter& in, const value& v, code::flag flag) {
  const value f = unwrap(in, v);
  return of_type(f, in.types.function) && static_cast<function_object*>(f.obj())->co->is(flag);
}

template <code::flag Flag>
value code_flag_predicate(interpreter& in, const call_args& a, object* data) {
  (void)data;
  return value::boolean(has_code_flag(in, one_arg(in, a, Flag == code::coroutine ? "iscoroutinefunction"
                                                          : Flag == code::generator ? "isgeneratorfunction"
                                                                                    : "isasyncgenfunction"),
                                      Flag));
}

value inspect_isawaitable(interpreter& in, const call_args& a, object*) {
  const value& v = one_arg(in, a, "isawaitable");
  if (is_coroutine(v) || as_future(v)) return value::boolean(true);
  return value::boolean(!of_type(v, in.types.generator) && type_of(v)->lookup(in.intern("__await__")) != nullptr &&
                        !isinstance(v, in.types.type_));
}

#define TYPE_PREDICATE(fname, expr)                                   \
  value fname(interpreter& in, const call_args& a, object*) {          \
    const value& v = one_arg(in, a, #fname + 8);                       \
    (void)in;                                                          \
    return value::boolean(expr);                                       \
  }

TYPE_PREDICATE(inspect_iscoroutine, is_coroutine(v))
TYPE_PREDICATE(inspect_isgenerator, of_type(v, in.types.generator))
TYPE_PREDICATE(inspect_isasyncgen, of_type(v, in.types.async_generator))
TYPE_PREDICATE(inspect_isfunction, of_type(v, in.types.function))
TYPE_PREDICATE(inspect_ismethod, of_type(v, in.types.method))
TYPE_PREDICATE(inspect_isbuiltin, of_type(v, in.types.builtin_function))
TYPE_PREDICATE(inspect_isroutine, of_type(v, in.types.function) || of_type(v, in.types.method) || of_type(v, in.types.builtin_function))
TYPE_PREDICATE(inspect_isclass, isinstance(v, in.types.type_))
TYPE_PREDICATE(inspect_ismodule, of_type(v, in.types.module))
TYPE_PREDICATE(inspect_isframe, of_type(v, in.types.frame))
TYPE_PREDICATE(inspect_iscode, of_type(v, in.types.code))
#undef TYPE_PREDICATE

void make_inspect(interpreter& in, module_object& m) {
  add_function(in, m, "isawaitable", inspect_isawaitable);
  add_function(in, m, "iscoroutinefunction", code_flag_predicate<code::coroutine>);
  add_function(in, m, "isgeneratorfunction", code_flag_predicate<code::generator>);
  add_function(in, m, "isasyncgenfunction", code_flag_predicate<code::async_generator>);
  add_function(in, m, "iscoroutine", inspect_iscoroutine);
  add_function(in, m, "isgenerator", inspect_isgenerator);
  add_function(in, m, "isasyncgen", inspect_isasyncgen);
  add_function(in, m, "isfunction", inspect_isfunction);
  add_function(in, m, "ismethod", inspect_ismethod);
  add_function(in, m, "isbuiltin", inspect_isbuiltin);
  add_function(in, m, "isroutine", inspect_isroutine);
  add_function(in, m, "isclass", inspect_isclass);
  add_function(in, m, "ismodule", inspect_ismodule);
  add_function(in, m, "isframe", inspect_isframe);
  add_function(in, m, "iscode", inspect_iscode);
}

}  // namespace

void register_inspect_module(interpreter& in) { in.register_module("inspect", make_inspect); }

}  // namespace asyncrace::python
