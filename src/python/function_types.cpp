// How functions, methods, types, modules and the singletons look and what attributes they have.
#include <cstdio>

#include "pyrt/address.hpp"
#include "functions.hpp"
#include "interpreter.hpp"

namespace asyncrace::python {

namespace {

std::string address(const value& v) { return address_text(v.obj()); }

std::string function_repr(interpreter& in, const value& v) {
  auto* fn = static_cast<function_object*>(v.obj());
  return "<function " + str(in, fn->qualname) + " at " + address(v) + ">";
}

value function_getattr(interpreter& in, const value& v, str_object* name) {
  auto* fn = static_cast<function_object*>(v.obj());
  const std::string& n = name->s;
  // What the program set (functools.wraps sets __name__, __doc__, __wrapped__) comes first.
  if (!fn->dict.empty() && n != "__dict__") {
    value key = value::borrow(name);
    if (contains(in, fn->dict, key)) return getitem(in, fn->dict, key);
  }
  if (n == "__name__") return make_str(in, fn->co->name);
  if (n == "__qualname__") return fn->qualname;
  if (n == "__module__") return make_str(in, static_cast<module_object*>(fn->globals.obj())->name);
  if (n == "__doc__") return fn->doc;
  if (n == "__defaults__") return fn->defaults.empty() ? value::none() : fn->defaults;
  if (n == "__kwdefaults__") return fn->kwdefaults.empty() ? value::none() : fn->kwdefaults;
  if (n == "__globals__") return fn->globals;
  if (n == "__dict__") {
    if (fn->dict.empty()) fn->dict = make_dict(in);
    return fn->dict;
  }
  return value();
}

std::string method_repr(interpreter& in, const value& v) {
  auto* m = static_cast<method_object*>(v.obj());
  std::string name;
  if (m->func.is_object() && m->func.obj()->type == in.types.function)
    name = str(in, static_cast<function_object*>(m->func.obj())->qualname);
  else if (m->func.is_object() && m->func.obj()->type == in.types.builtin_function)
    name = static_cast<builtin_function_object*>(m->func.obj())->name;
  if (m->func.obj()->type == in.types.builtin_function) {
    std::string n = name.substr(name.rfind('.') == std::string::npos ? 0 : name.rfind('.') + 1);
    return "<built-in method " + n + " of " + type_name(m->self) + " object at " + address(m->self) + ">";
  }
  return "<bound method " + name + " of " + repr(in, m->self) + ">";
}

value method_getattr(interpreter& in, const value& v, str_object* name) {
  auto* m = static_cast<method_object*>(v.obj());
  if (name->s == "__self__") return m->self;
  if (name->s == "__func__") return m->func;
  return getattr_or_empty(in, m->func, name);
}

std::string builtin_repr(interpreter&, const value& v) {
  auto* b = static_cast<builtin_function_object*>(v.obj());
  return "<built-in function " + b->name.substr(b->name.rfind('.') == std::string::npos ? 0 : b->name.rfind('.') + 1) + ">";
}

value builtin_getattr(interpreter& in, const value& v, str_object* name) {
  auto* b = static_cast<builtin_function_object*>(v.obj());
  if (name->s == "__name__" || name->s == "__qualname__")
    return make_str(in, b->name.substr(b->name.rfind('.') == std::string::npos ? 0 : b->name.rfind('.') + 1));
  if (name->s == "__doc__") return value::none();
  return value();
}

std::string type_repr(interpreter&, const value& v) {
  auto* t = static_cast<type_object*>(v.obj());
  return "<class '" + (t->module == "builtins" ? "" : t->module + ".") + t->name + "'>";
}

std::string module_repr(interpreter&, const value& v) {
  return "<module '" + static_cast<module_object*>(v.obj())->name + "' (built-in)>";
}

value module_getattr(interpreter& in, const value& v, str_object* name) {
  if (name->s == "__name__") return make_str(in, static_cast<module_object*>(v.obj())->name);
  return value();
}

bool module_setattr(interpreter&, const value& v, str_object* name, const value& val) {
  auto& attrs = static_cast<module_object*>(v.obj())->attrs;
  if (val.empty()) return attrs.erase(name);
  attrs.set(name, val);
  return true;
}

}  // namespace

void install_function_types(interpreter& in) {
  builtin_types& t = in.types;
  t.function->slots.repr = function_repr;
  t.function->slots.getattr = function_getattr;
  t.method->slots.repr = method_repr;
  t.method->slots.getattr = method_getattr;
  t.method->slots.compare = [](interpreter& i, const value& a, const value& b, cmp_op op) -> value {
    if ((op != cmp_op::eq && op != cmp_op::ne) || type_of(b) != i.types.method) return value();
    auto* x = static_cast<method_object*>(a.obj());
    auto* y = static_cast<method_object*>(b.obj());
    const bool same = x->func.identical(y->func) && x->self.identical(y->self);
    return value::boolean(same == (op == cmp_op::eq));
  };
  t.method->slots.hash = [](interpreter& i, const value& v) {
    auto* m = static_cast<method_object*>(v.obj());
    return hash(i, m->func) ^ hash(i, m->self);
  };
  t.builtin_function->slots.repr = builtin_repr;
  t.builtin_function->slots.getattr = builtin_getattr;
  t.type_->slots.repr = type_repr;
  t.type_->slots.hash = [](interpreter&, const value& v) { return static_cast<std::int64_t>(reinterpret_cast<std::uintptr_t>(v.obj()) >> 4); };
  t.module->slots.repr = module_repr;
  t.module->slots.getattr = module_getattr;
  t.module->slots.setattr = module_setattr;
  t.none->slots.repr = [](interpreter&, const value&) { return std::string("None"); };
  t.none->slots.truth = [](interpreter&, const value&) { return false; };
  t.none->slots.hash = [](interpreter&, const value&) { return std::int64_t{0x7f3a1c2e4d1}; };
  t.not_implemented->slots.repr = [](interpreter&, const value&) { return std::string("NotImplemented"); };
  t.ellipsis->slots.repr = [](interpreter&, const value&) { return std::string("Ellipsis"); };
  t.cell->slots.repr = [](interpreter&, const value& v) { return "<cell at " + address(v) + ">"; };
}

}  // namespace asyncrace::python
