// install_builtin_functions: fills the builtins module with the builtin types and functions.
#include "builtins.hpp"

namespace asyncrace::python {

void add_builtin(interpreter& in, module_object& b, std::string_view name, native_fn fn) {
  b.attrs.set(in.intern(name), make_builtin(in, std::string(name), fn));
}

void install_builtin_functions(interpreter& in, module_object& b) {
  const builtin_types& t = in.types;
  for (type_object* type : {t.bool_, t.int_, t.float_, t.complex, t.str, t.bytes, t.tuple, t.list, t.dict, t.set, t.frozenset,
                            t.range, t.slice})
    b.attrs.set(in.intern(type->name), value::borrow(type));
  // The lead's types, unless their install step already put them there.
  for (type_object* type : {t.object_, t.type_, t.property, t.staticmethod, t.classmethod, t.super_})
    if (type && !b.attrs.find(in.intern(type->name))) b.attrs.set(in.intern(type->name), value::borrow(type));
  b.attrs.set(in.intern("NotImplemented"), in.not_implemented);
  b.attrs.set(in.intern("Ellipsis"), in.ellipsis);
  install_numeric_builtins(in, b);
  install_object_builtins(in, b);
  install_iteration_builtins(in, b);
  install_iterator_types(in, b);
}

}  // namespace asyncrace::python
