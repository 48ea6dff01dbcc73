// The generic operations: a builtin type's C++ slot when it has one, a class's dunder method
// through its MRO otherwise, and CPython's TypeError texts when neither exists.
#include <cstdio>

#include "pyrt/address.hpp"
#include "functions.hpp"
#include "interpreter.hpp"
#include "vm.hpp"

namespace asyncrace::python {

namespace {

const char* op_symbol(bin_op op) {
  static const char* const symbols[] = {"+", "-", "*", "/", "//", "%", "**", "<<", ">>", "&", "|", "^", "@"};
  return symbols[static_cast<int>(op)];
}
const char* op_dunder(bin_op op) {
  static const char* const names[] = {"add", "sub", "mul", "truediv", "floordiv", "mod", "pow",
                                      "lshift", "rshift", "and", "or", "xor", "matmul"};
  return names[static_cast<int>(op)];
}
const char* cmp_symbol(cmp_op op) {
  static const char* const symbols[] = {"<", "<=", "==", "!=", ">", ">="};
  return symbols[static_cast<int>(op)];
}
const char* cmp_dunder(cmp_op op) {
  static const char* const names[] = {"__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"};
  return names[static_cast<int>(op)];
}
cmp_op reflected(cmp_op op) {
  switch (op) {
    case cmp_op::lt: return cmp_op::gt;
    case cmp_op::le: return cmp_op::ge;
    case cmp_op::gt: return cmp_op::lt;
    case cmp_op::ge: return cmp_op::le;
    default: return op;
  }
}

// A user class's dunder (looked up on the type, as CPython's slot wrappers do); null when absent
// or inherited from a builtin that has a slot instead.
const value* dunder(interpreter& in, const value& v, const char* name) {
  type_object* t = type_of(v);
  if (!t->is_heap_type) return nullptr;
  return t->lookup(in.intern(name));
}

value call_dunder(interpreter& in, const value& fn, const value& self) { return call(in, fn, {self}); }
value call_dunder(interpreter& in, const value& fn, const value& self, const value& other) {
  return call(in, fn, {self, other});
}

bool is_not_implemented(interpreter& in, const value& v) { return v.is_object() && v.obj() == in.not_implemented.obj(); }

}  // namespace

std::string default_repr(interpreter&, const value& v) {
  type_object* t = type_of(v);
  const std::string prefix = t->module == "builtins" ? "" : t->module + ".";
  return "<" + prefix + t->name + " object at " + address_text(v.obj()) + ">";
}

value call(interpreter& in, const value& callable, std::vector<value> positional) {
  call_args a;
  a.args = positional.data();
  a.npos = positional.size();
  return call(in, callable, a);
}

value call(interpreter& in, const value& callable, const call_args& args) {
  if (callable.is_object()) {
    object* o = callable.obj();
    type_object* t = o->type;
    if (t == in.types.function) return call_function(in, *static_cast<function_object*>(o), args);
    if (t == in.types.builtin_function) {
      auto* b = static_cast<builtin_function_object*>(o);
      return b->fn(in, args, b->bound.empty() ? nullptr : b->bound.obj());
    }
    if (t == in.types.method) {
      auto* m = static_cast<method_object*>(o);
      std::vector<value> all;
      all.reserve(args.npos + args.nkw + 1);
      all.push_back(m->self);
      for (std::size_t i = 0; i < args.npos + args.nkw; ++i) all.push_back(args.args[i]);
      call_args a = args;
      a.args = all.data();
      a.npos = args.npos + 1;
      return call(in, m->func, a);
    }
    if (t->is_subtype_of(in.types.type_)) return construct(in, static_cast<type_object*>(o), args);
    if (t->slots.call) return t->slots.call(in, args, o);
    if (const value* c = t->is_heap_type ? t->lookup(in.intern("__call__")) : nullptr) {
      std::vector<value> all{callable};
      for (std::size_t i = 0; i < args.npos + args.nkw; ++i) all.push_back(args.args[i]);
      call_args a = args;
      a.args = all.data();
      a.npos = args.npos + 1;
      return call(in, *c, a);
    }
  }
  throw_error(in, in.types.TypeError, "'" + type_name(callable) + "' object is not callable");
}

value binary(interpreter& in, bin_op op, const value& a, const value& b, bool inplace) {
  if (inplace) {
    if (const value* m = dunder(in, a, (std::string("__i") + op_dunder(op) + "__").c_str())) {
      value r = call_dunder(in, *m, a, b);
      if (!is_not_implemented(in, r)) return r;
    }
    // Mutable builtins change in place (list +=, set |=, ...): aliases see it.
    if (type_object* t = type_of(a); t->slots.inplace) {
      value r = t->slots.inplace(in, op, a, b);
      if (!r.empty()) return r;
    }
  }
  type_object* ta = type_of(a);
  type_object* tb = type_of(b);
  const std::string name = op_dunder(op);
  // A subclass's reflected method goes first when it overrides it (CPython's rule).
  const bool b_first = tb != ta && tb->is_subtype_of(ta) && tb->is_heap_type;
  for (int pass = 0; pass < 2; ++pass) {
    const bool try_a = (pass == 0) != b_first;
    if (try_a) {
      if (const value* m = dunder(in, a, ("__" + name + "__").c_str())) {
        value r = call_dunder(in, *m, a, b);
        if (!is_not_implemented(in, r)) return r;
      } else if (ta->slots.binary) {
        value r = ta->slots.binary(in, op, a, b);
        if (!r.empty()) return r;
      }
    } else if (tb != ta) {
      if (const value* m = dunder(in, b, ("__r" + name + "__").c_str())) {
        value r = call_dunder(in, *m, b, a);
        if (!is_not_implemented(in, r)) return r;
      } else if (tb->slots.binary) {
        value r = tb->slots.binary(in, op, a, b);
        if (!r.empty()) return r;
      }
    }
  }
  throw_error(in, in.types.TypeError,
              std::string("unsupported operand type(s) for ") + op_symbol(op) + (inplace ? "=" : "") + ": '" + ta->name +
                  "' and '" + tb->name + "'");
}

value unary(interpreter& in, unary_op op, const value& a) {
  static const char* const names[] = {"__neg__", "__pos__", "__invert__"};
  static const char* const symbols[] = {"-", "+", "~"};
  if (const value* m = dunder(in, a, names[static_cast<int>(op)])) return call_dunder(in, *m, a);
  type_object* t = type_of(a);
  if (t->slots.unary) {
    value r = t->slots.unary(in, op, a);
    if (!r.empty()) return r;
  }
  throw_error(in, in.types.TypeError,
              std::string("bad operand type for unary ") + symbols[static_cast<int>(op)] + ": '" + t->name + "'");
}

value compare(interpreter& in, cmp_op op, const value& a, const value& b) {
  type_object* ta = type_of(a);
  type_object* tb = type_of(b);
  const bool b_first = tb != ta && tb->is_subtype_of(ta) && tb->is_heap_type;
  for (int pass = 0; pass < 2; ++pass) {
    const bool try_a = (pass == 0) != b_first;
    const value& self = try_a ? a : b;
    const value& other = try_a ? b : a;
    const cmp_op o = try_a ? op : reflected(op);
    type_object* t = try_a ? ta : tb;
    if (!try_a && tb == ta && pass == 1) break;
    if (const value* m = dunder(in, self, cmp_dunder(o))) {
      value r = call_dunder(in, *m, self, other);
      if (!is_not_implemented(in, r)) return r;
    } else if (t->slots.compare) {
      value r = t->slots.compare(in, self, other, o);
      if (!r.empty()) return r;
    }
  }
  if (op == cmp_op::eq) return value::boolean(a.identical(b));
  if (op == cmp_op::ne) {
    // `!=` falls back to the inverse of a user __eq__, then identity.
    if (const value* m = dunder(in, a, "__eq__")) {
      value r = call_dunder(in, *m, a, b);
      if (!is_not_implemented(in, r)) return value::boolean(!truthy(in, r));
    }
    return value::boolean(!a.identical(b));
  }
  throw_error(in, in.types.TypeError,
              std::string("'") + cmp_symbol(op) + "' not supported between instances of '" + ta->name + "' and '" + tb->name + "'");
}

bool equal(interpreter& in, const value& a, const value& b) {
  if (a.identical(b)) return !(a.is_float() && a.as_float() != a.as_float());
  if (a.is_int() && b.is_int()) return a.as_int() == b.as_int();
  return truthy(in, compare(in, cmp_op::eq, a, b));
}

bool truthy(interpreter& in, const value& v) {
  switch (v.tag()) {
    case value::kind::none: return false;
    case value::kind::boolean:
    case value::kind::integer: return v.as_int() != 0;
    case value::kind::floating: return v.as_float() != 0.0;
    case value::kind::empty: return false;
    case value::kind::object: break;
  }
  type_object* t = v.obj()->type;
  if (t->is_heap_type) {
    if (const value* m = t->lookup(in.intern("__bool__"))) {
      value r = call_dunder(in, *m, v);
      if (!r.is_bool()) throw_error(in, in.types.TypeError, "__bool__ should return bool, returned " + type_name(r));
      return r.as_bool();
    }
    if (const value* m = t->lookup(in.intern("__len__"))) return truthy(in, call_dunder(in, *m, v));
  }
  if (t->slots.truth) return t->slots.truth(in, v);
  if (t->slots.len) return t->slots.len(in, v) != 0;
  return true;
}

std::int64_t hash(interpreter& in, const value& v) {
  type_object* t = type_of(v);
  if (t->is_heap_type) {
    if (const value* m = t->lookup(in.intern("__hash__"))) {
      if (m->is_none()) throw_error(in, in.types.TypeError, "unhashable type: '" + t->name + "'");
      value r = call_dunder(in, *m, v);
      if (!r.is_int()) throw_error(in, in.types.TypeError, "__hash__ method should return an integer");
      return r.as_int() == -1 ? -2 : r.as_int();
    }
    // A class defining __eq__ without __hash__ is unhashable.
    if (t->lookup(in.intern("__eq__")) && !t->lookup(in.intern("__hash__")))
      throw_error(in, in.types.TypeError, "unhashable type: '" + t->name + "'");
  }
  if (t->slots.hash) return t->slots.hash(in, v);
  if (v.is_object() && !t->slots.len && !t->slots.setitem)
    return static_cast<std::int64_t>(reinterpret_cast<std::uintptr_t>(v.obj()) >> 4);
  throw_error(in, in.types.TypeError, "unhashable type: '" + t->name + "'");
}

std::int64_t length(interpreter& in, const value& v) {
  if (const value* m = dunder(in, v, "__len__")) {
    value r = call_dunder(in, *m, v);
    if (!r.is_int()) throw_error(in, in.types.TypeError, "'" + type_name(r) + "' object cannot be interpreted as an integer");
    if (r.as_int() < 0) throw_error(in, in.types.ValueError, "__len__() should return >= 0");
    return r.as_int();
  }
  type_object* t = type_of(v);
  if (t->slots.len) return t->slots.len(in, v);
  throw_error(in, in.types.TypeError, "object of type '" + t->name + "' has no len()");
}

value get_iter(interpreter& in, const value& v) {
  if (const value* m = dunder(in, v, "__iter__")) {
    value it = call_dunder(in, *m, v);
    if (!type_of(it)->slots.next && !dunder(in, it, "__next__"))
      throw_error(in, in.types.TypeError, "iter() returned non-iterator of type '" + type_name(it) + "'");
    return it;
  }
  type_object* t = type_of(v);
  if (t->slots.iter) return t->slots.iter(in, v);
  throw_error(in, in.types.TypeError, "'" + t->name + "' object is not iterable");
}

value iter_next(interpreter& in, const value& it) {
  type_object* t = type_of(it);
  if (t->slots.next && !t->is_heap_type) return t->slots.next(in, it);
  if (const value* m = dunder(in, it, "__next__")) {
    try {
      return call_dunder(in, *m, it);
    } catch (const raised& e) {
      if (!isinstance(e.exception(), in.types.StopIteration)) throw;
      return value();
    }
  }
  if (t->slots.next) return t->slots.next(in, it);
  throw_error(in, in.types.TypeError, "'" + t->name + "' object is not an iterator");
}

value getitem(interpreter& in, const value& c, const value& key) {
  if (const value* m = dunder(in, c, "__getitem__")) return call_dunder(in, *m, c, key);
  type_object* t = type_of(c);
  if (t->slots.getitem) return t->slots.getitem(in, c, key);
  if (c.is_object() && t->is_subtype_of(in.types.type_)) {
    // list[int], asyncio.Queue[str]: annotations evaluate to the class itself here.
    if (const value* m = static_cast<type_object*>(c.obj())->lookup(in.intern("__class_getitem__")))
      return call(in, *m, {c, key});
    return c;
  }
  throw_error(in, in.types.TypeError, "'" + t->name + "' object is not subscriptable");
}

void setitem(interpreter& in, const value& c, const value& key, const value& v) {
  if (const value* m = dunder(in, c, "__setitem__")) {
    call(in, *m, {c, key, v});
    return;
  }
  type_object* t = type_of(c);
  if (t->slots.setitem) return t->slots.setitem(in, c, key, v);
  throw_error(in, in.types.TypeError, "'" + t->name + "' object does not support item assignment");
}

void delitem(interpreter& in, const value& c, const value& key) {
  if (const value* m = dunder(in, c, "__delitem__")) {
    call(in, *m, {c, key});
    return;
  }
  type_object* t = type_of(c);
  if (t->slots.delitem) return t->slots.delitem(in, c, key);
  throw_error(in, in.types.TypeError, "'" + t->name + "' object doesn't support item deletion");
}

bool contains(interpreter& in, const value& c, const value& item) {
  if (const value* m = dunder(in, c, "__contains__")) return truthy(in, call_dunder(in, *m, c, item));
  type_object* t = type_of(c);
  if (t->slots.contains) return t->slots.contains(in, c, item);
  if (!t->slots.iter && !dunder(in, c, "__iter__") && !dunder(in, c, "__getitem__"))
    throw_error(in, in.types.TypeError, "argument of type '" + t->name + "' is not iterable");
  value it = get_iter(in, c);
  for (value v = iter_next(in, it); !v.empty(); v = iter_next(in, it))
    if (equal(in, v, item)) return true;
  return false;
}

std::string repr(interpreter& in, const value& v) {
  if (const value* m = dunder(in, v, "__repr__")) {
    value r = call_dunder(in, *m, v);
    if (!isinstance(r, in.types.str))
      throw_error(in, in.types.TypeError, "__repr__ returned non-string (type " + type_name(r) + ")");
    return static_cast<str_object*>(r.obj())->s;
  }
  type_object* t = type_of(v);
  if (t->slots.repr) return t->slots.repr(in, v);
  return default_repr(in, v);
}

std::string str(interpreter& in, const value& v) {
  if (v.is_object() && v.obj()->type == in.types.str) return static_cast<str_object*>(v.obj())->s;
  if (const value* m = dunder(in, v, "__str__")) {
    value r = call_dunder(in, *m, v);
    if (!isinstance(r, in.types.str))
      throw_error(in, in.types.TypeError, "__str__ returned non-string (type " + type_name(r) + ")");
    return static_cast<str_object*>(r.obj())->s;
  }
  type_object* t = type_of(v);
  if (t->slots.str) return t->slots.str(in, v);
  return repr(in, v);
}

std::string format(interpreter& in, const value& v, std::string_view spec) {
  const value* m = type_of(v)->lookup(in.intern("__format__"));
  if (m && !(m->is_object() && m->obj()->type == in.types.builtin_function &&
             static_cast<builtin_function_object*>(m->obj())->name == "object.__format__")) {
    value r = call(in, *m, {v, make_str(in, std::string(spec))});
    if (!isinstance(r, in.types.str))
      throw_error(in, in.types.TypeError, "__format__ must return a str, not " + type_name(r));
    return static_cast<str_object*>(r.obj())->s;
  }
  if (!spec.empty())
    throw_error(in, in.types.TypeError, "unsupported format string passed to " + type_name(v) + ".__format__");
  return str(in, v);
}

}  // namespace asyncrace::python
