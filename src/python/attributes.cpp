// Attribute access as CPython's PyObject_GenericGetAttr: data descriptors (property) first, then
// the instance's own attributes, then what the class has (functions become bound methods), then
// __getattr__, then AttributeError with 3.11's "Did you mean" suggestion.
#include "functions.hpp"
#include "interpreter.hpp"
#include "names.hpp"

namespace asyncrace::python {

namespace {

bool is_type(interpreter& in, const value& v) { return v.is_object() && v.obj()->type->is_subtype_of(in.types.type_); }

attr_map* instance_attrs(interpreter& in, const value& obj) {
  if (!obj.is_object()) return nullptr;
  object* o = obj.obj();
  type_object* t = o->type;
  if (t == in.types.module) return &static_cast<module_object*>(o)->attrs;
  if (t->is_heap_type || t->is_exception) return &static_cast<instance_object*>(o)->attrs;
  return nullptr;
}

// A __setattr__/__delattr__ a class has of its own: a function, or a native one (dataclasses'
// frozen ones), not object's.
bool is_user_method(interpreter& in, const value& m) {
  if (!m.is_object()) return false;
  if (m.obj()->type == in.types.function) return true;
  return m.obj()->type == in.types.builtin_function && static_cast<builtin_function_object*>(m.obj())->name.rfind("object.", 0) != 0;
}

value bind(interpreter& in, const value& descr, const value& obj, type_object* owner) {
  if (!descr.is_object()) return descr;
  type_object* dt = descr.obj()->type;
  if (dt == in.types.function || (dt == in.types.builtin_function && static_cast<builtin_function_object*>(descr.obj())->bound.empty())) {
    auto* m = in.heap.make<method_object>(in.types.method);
    m->func = descr;
    m->self = obj;
    return value::adopt(m);
  }
  if (dt == in.types.staticmethod) return static_cast<descriptor_object*>(descr.obj())->fget;
  if (dt == in.types.classmethod) {
    auto* m = in.heap.make<method_object>(in.types.method);
    m->func = static_cast<descriptor_object*>(descr.obj())->fget;
    m->self = value::borrow(owner);
    return value::adopt(m);
  }
  if (dt == in.types.property) {
    auto* p = static_cast<descriptor_object*>(descr.obj());
    if (p->fget.empty() || p->fget.is_none()) throw_error(in, in.types.AttributeError, "property has no getter");
    return call(in, p->fget, {obj});
  }
  return descr;
}

// Class attribute access (Foo.x): functions stay plain functions, classmethods bind to the class.
value type_getattr(interpreter& in, type_object* t, str_object* name) {
  const std::string& n = name->s;
  if (n.size() > 4 && n[0] == '_' && n[1] == '_') {
    if (n == "__name__") return make_str(in, t->name);
    if (n == "__qualname__") {
      if (const value* q = t->dict.find(name)) return *q;
      return make_str(in, t->name);
    }
    if (n == "__module__") return make_str(in, t->module);
    if (n == "__mro__") {
      std::vector<value> items;
      for (type_object* m : t->mro) items.push_back(value::borrow(m));
      return make_tuple(in, std::move(items));
    }
    if (n == "__bases__") {
      std::vector<value> items;
      for (type_object* b : t->bases) items.push_back(value::borrow(b));
      return make_tuple(in, std::move(items));
    }
    if (n == "__base__") return t->bases.empty() ? value::none() : value::borrow(t->bases[0]);
    if (n == "__doc__" && !t->lookup(name)) return value::none();
  }
  const value* v = t->lookup(name);
  if (!v) return value();
  if (v->is_object()) {
    type_object* dt = v->obj()->type;
    if (dt == in.types.staticmethod) return static_cast<descriptor_object*>(v->obj())->fget;
    if (dt == in.types.classmethod) return bind(in, *v, value::borrow(t), t);
  }
  return *v;
}

}  // namespace

value getattr_or_empty(interpreter& in, const value& obj, str_object* name) {
  type_object* t = type_of(obj);
  if (is_type(in, obj)) {
    value v = type_getattr(in, static_cast<type_object*>(obj.obj()), name);
    if (!v.empty()) return v;
  }
  const value* descr = t->lookup(name);
  if (descr && descr->is_object() && descr->obj()->type == in.types.property) return bind(in, *descr, obj, t);
  if (attr_map* attrs = instance_attrs(in, obj))
    if (const value* v = attrs->find(name); v && !v->empty()) return *v;
  if (t->slots.getattr) {
    value v = t->slots.getattr(in, obj, name);
    if (!v.empty()) return v;
  }
  if (name->s == "__class__") return value::borrow(t);
  if (descr) return bind(in, *descr, obj, t);
  if (t->is_heap_type) {
    if (const value* ga = t->lookup(in.intern("__getattr__"))) {
      try {
        return call(in, *ga, {obj, value::borrow(name)});
      } catch (const raised& e) {
        if (!isinstance(e.exception(), in.types.AttributeError)) throw;
      }
    }
  }
  return value();
}

value getattr(interpreter& in, const value& obj, str_object* name) {
  value v = getattr_or_empty(in, obj, name);
  if (!v.empty()) return v;
  throw_attribute_error(in, obj, name);
}

void setattr(interpreter& in, const value& obj, str_object* name, const value& v) {
  type_object* t = type_of(obj);
  if (const value* descr = t->lookup(name); descr && descr->is_object() && descr->obj()->type == in.types.property) {
    auto* p = static_cast<descriptor_object*>(descr->obj());
    if (p->fset.empty() || p->fset.is_none())
      throw_error(in, in.types.AttributeError, "property '" + name->s + "' of '" + t->name + "' object has no setter");
    call(in, p->fset, {obj, v});
    return;
  }
  if (t->slots.setattr && t->slots.setattr(in, obj, name, v)) return;
  if (is_type(in, obj)) {
    auto* ty = static_cast<type_object*>(obj.obj());
    if (!ty->is_heap_type)
      throw_error(in, in.types.TypeError, "cannot set '" + name->s + "' attribute of immutable type '" + ty->name + "'");
    ty->dict.set(name, v);
    return;
  }
  if (attr_map* attrs = instance_attrs(in, obj)) {
    if (t->is_heap_type) {
      if (const value* sa = t->lookup(in.intern("__setattr__")); sa && is_user_method(in, *sa)) {
        call(in, *sa, {obj, value::borrow(name), v});
        return;
      }
    }
    attrs->set(name, v);
    return;
  }
  if (obj.is_object() && t == in.types.function) {
    auto* fn = static_cast<function_object*>(obj.obj());
    if (name->s == "__qualname__") fn->qualname = v;  // functools.wraps copies it
    if (fn->dict.empty()) fn->dict = make_dict(in);
    setitem(in, fn->dict, value::borrow(name), v);
    return;
  }
  if (t->lookup(name))
    throw_error(in, in.types.AttributeError, "'" + t->name + "' object attribute '" + name->s + "' is read-only");
  throw_error(in, in.types.AttributeError, "'" + t->name + "' object has no attribute '" + name->s + "'");
}

void delattr(interpreter& in, const value& obj, str_object* name) {
  type_object* t = type_of(obj);
  if (t->slots.setattr && t->slots.setattr(in, obj, name, value())) return;
  if (is_type(in, obj) && static_cast<type_object*>(obj.obj())->is_heap_type) {
    if (static_cast<type_object*>(obj.obj())->dict.erase(name)) return;
  } else if (attr_map* attrs = instance_attrs(in, obj)) {
    if (const value* da = t->is_heap_type ? t->lookup(in.intern("__delattr__")) : nullptr; da && is_user_method(in, *da)) {
      call(in, *da, {obj, value::borrow(name)});
      return;
    }
    if (attrs->erase(name)) return;
  }
  throw_attribute_error(in, obj, name);
}

value bound_special(interpreter& in, const value& mgr, const char* name, const char* partner, bool async) {
  (void)partner;
  type_object* t = type_of(mgr);
  const value* m = t->lookup(in.intern(name));
  if (!m)
    throw_error(in, in.types.TypeError,
                "'" + t->name + "' object does not support the " + (async ? "asynchronous " : "") + "context manager protocol");
  return bind(in, *m, mgr, t);
}

}  // namespace asyncrace::python
