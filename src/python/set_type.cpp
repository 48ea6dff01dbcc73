// The set and frozenset types: slots (operators, comparisons as subset tests, repr) and methods,
// each building its result in the order CPython's setobject.c does (which fixes print order).
#include "args.hpp"
#include "interpreter.hpp"
#include "sequence.hpp"
#include "set.hpp"

namespace asyncrace::python {

bool is_dict_value(interpreter&, const value& v);

namespace {

struct set_iterator : object {
  value set;
  std::size_t pos = 0, expected = 0;
};

type_object* result_type(interpreter& in, const value& so) {
  return so.obj()->type->is_subtype_of(in.types.frozenset) ? in.types.frozenset : in.types.set;
}

value copy_of(interpreter& in, const value& so, type_object* t) {
  value r = new_set(in, t);
  set_of(r).merge(in, set_of(so));
  return r;
}

// A set of an arbitrary iterable (set_update_internal), or the set itself.
value as_set(interpreter& in, const value& v) {
  if (is_anyset(in, v)) return v;
  value r = new_set(in, in.types.set);
  set_update(in, set_of(r), v);
  return r;
}

value intersection(interpreter& in, const value& so_in, const value& other) {
  value result = new_set(in, result_type(in, so_in));
  value so = so_in;
  if (is_anyset(in, other)) {
    value o = other;
    if (set_of(o).size() > set_of(so).size()) std::swap(so, o);
    const auto slots = set_of(o).slots();
    for (const auto& s : slots)
      if (!s.key.empty() && set_of(so).contains(in, s.key, s.hash)) set_of(result).add(in, s.key, s.hash);
    return result;
  }
  value it = get_iter(in, other);
  for (value v = iter_next(in, it); !v.empty(); v = iter_next(in, it)) {
    const std::int64_t h = hash(in, v);
    if (set_of(so).contains(in, v, h)) set_of(result).add(in, v, h);
  }
  return result;
}

void difference_update(interpreter& in, set_table& t, const value& other) {
  if (is_anyset(in, other)) {
    const auto slots = set_of(other).slots();
    for (const auto& s : slots)
      if (!s.key.empty()) t.discard(in, s.key, s.hash);
    return;
  }
  value it = get_iter(in, other);
  for (value v = iter_next(in, it); !v.empty(); v = iter_next(in, it)) t.discard(in, v, hash(in, v));
}

value difference(interpreter& in, const value& so, const value& other) {
  const bool small_other = is_anyset(in, other) || is_dict_value(in, other);
  if (!small_other || (set_of(so).size() >> 2) > static_cast<std::size_t>(length(in, other))) {
    value r = copy_of(in, so, result_type(in, so));
    difference_update(in, set_of(r), other);
    return r;
  }
  value result = new_set(in, result_type(in, so));
  const auto slots = set_of(so).slots();
  for (const auto& s : slots) {
    if (s.key.empty()) continue;
    const bool in_other = is_anyset(in, other) ? set_of(other).contains(in, s.key, s.hash) : contains(in, other, s.key);
    if (!in_other) set_of(result).add(in, s.key, s.hash);
  }
  return result;
}

void symmetric_difference_update(interpreter& in, set_table& t, const value& other) {
  value o = as_set(in, other);
  const auto slots = set_of(o).slots();
  for (const auto& s : slots)
    if (!s.key.empty() && !t.discard(in, s.key, s.hash)) t.add(in, s.key, s.hash);
}

value symmetric_difference(interpreter& in, const value& so, const value& other) {
  value r = new_set(in, result_type(in, so));
  set_update(in, set_of(r), other);
  symmetric_difference_update(in, set_of(r), so);
  return r;
}

bool is_subset(interpreter& in, const value& a, const value& b) {
  if (set_of(a).size() > set_of(b).size()) return false;
  for (const auto& s : set_of(a).slots())
    if (!s.key.empty() && !set_of(b).contains(in, s.key, s.hash)) return false;
  return true;
}

value set_binary(interpreter& in, bin_op op, const value& a, const value& b) {
  if (!is_anyset(in, a) || !is_anyset(in, b)) return {};
  switch (op) {
    case bin_op::or_: {
      value r = copy_of(in, a, result_type(in, a));
      set_of(r).merge(in, set_of(b));
      return r;
    }
    case bin_op::and_: return intersection(in, a, b);
    case bin_op::sub: return difference(in, a, b);
    case bin_op::xor_: return symmetric_difference(in, a, b);
    default: return {};
  }
}

// |=, &=, -=, ^= change a set in place (set_ior and friends); frozensets make new ones.
value set_inplace(interpreter& in, bin_op op, const value& a, const value& b) {
  if (a.obj()->type->is_subtype_of(in.types.frozenset) || !is_anyset(in, b)) return {};
  set_table& t = set_of(a);
  switch (op) {
    case bin_op::or_: t.merge(in, set_of(b)); return a;
    case bin_op::sub: difference_update(in, t, b); return a;
    case bin_op::xor_: symmetric_difference_update(in, t, b); return a;
    case bin_op::and_: {
      value r = intersection(in, a, b);
      std::swap(t, set_of(r));
      return a;
    }
    default: return {};
  }
}

value set_compare(interpreter& in, const value& a, const value& b, cmp_op op) {
  if (!is_anyset(in, b)) return {};
  const std::size_t na = set_of(a).size(), nb = set_of(b).size();
  switch (op) {
    case cmp_op::eq: return value::boolean(na == nb && is_subset(in, a, b));
    case cmp_op::ne: return value::boolean(!(na == nb && is_subset(in, a, b)));
    case cmp_op::le: return value::boolean(is_subset(in, a, b));
    case cmp_op::lt: return value::boolean(na < nb && is_subset(in, a, b));
    case cmp_op::ge: return value::boolean(is_subset(in, b, a));
    case cmp_op::gt: return value::boolean(na > nb && is_subset(in, b, a));
  }
  return {};
}

std::string set_repr(interpreter& in, const value& v) {
  const bool frozen = v.obj()->type->is_subtype_of(in.types.frozenset);
  const std::string name = v.obj()->type->name;
  if (set_of(v).size() == 0) return name + "()";
  repr_guard guard(v.obj());
  if (guard.recursive()) return name + "(...)";
  std::vector<value> items;
  for (const auto& s : set_of(v).slots())
    if (!s.key.empty()) items.push_back(s.key);
  std::string body = items_repr(in, items.data(), items.size(), "{", "}");
  return frozen || v.obj()->type != in.types.set ? name + "(" + body + ")" : body;
}

value set_next(interpreter& in, const value& v) {
  auto* it = static_cast<set_iterator*>(v.obj());
  if (it->set.empty()) return {};
  const set_table& t = set_of(it->set);
  if (t.size() != it->expected) {
    it->expected = static_cast<std::size_t>(-1);
    throw_error(in, in.types.RuntimeError, "Set changed size during iteration");
  }
  while (it->pos < t.slots().size() && t.slots()[it->pos].key.empty()) ++it->pos;
  if (it->pos >= t.slots().size()) {
    it->set = value();
    return {};
  }
  return t.slots()[it->pos++].key;
}

value set_construct(interpreter& in, const call_args& a, object* t) {
  auto* type = static_cast<type_object*>(t);
  const char* name = type->is_subtype_of(in.types.frozenset) ? "frozenset" : "set";
  if (a.nkw) throw_error(in, in.types.TypeError, std::string(name) + "() takes no keyword arguments");
  if (a.npos > 1) throw_error(in, in.types.TypeError, std::string(name) + " expected at most 1 argument, got " + std::to_string(a.npos));
  if (a.npos == 1 && type == in.types.frozenset && a.args[0].is_object() && a.args[0].obj()->type == in.types.frozenset) return a.args[0];
  value r = new_set(in, type);
  if (a.npos) set_update(in, set_of(r), a.args[0]);
  return r;
}

using set_fn = value (*)(interpreter&, const value&, const value&);

// union(*others), intersection(*others), ...: applied one argument after another.
template <set_fn F>
value fold_method(interpreter& in, const call_args& a, object*) {
  value r = a.args[0];
  if (a.npos == 1) return copy_of(in, r, result_type(in, r));
  for (std::size_t i = 1; i < a.npos; ++i) r = F(in, r, a.args[i]);
  return r;
}

value union_one(interpreter& in, const value& so, const value& other) {
  value r = copy_of(in, so, result_type(in, so));
  set_update(in, set_of(r), other);
  return r;
}

void add_methods(interpreter& in, type_object* t, bool mutating) {
  add_method(in, t, "union", fold_method<union_one>);
  add_method(in, t, "intersection", fold_method<intersection>);
  add_method(in, t, "difference", fold_method<difference>);
  add_method(in, t, "symmetric_difference", [](interpreter& i, const call_args& a, object*) {
    expect_args(i, a, "symmetric_difference", 2);
    return symmetric_difference(i, a.args[0], a.args[1]);
  });
  add_method(in, t, "issubset", [](interpreter& i, const call_args& a, object*) {
    expect_args(i, a, "issubset", 2);
    return value::boolean(is_subset(i, a.args[0], as_set(i, a.args[1])));
  });
  add_method(in, t, "issuperset", [](interpreter& i, const call_args& a, object*) {
    expect_args(i, a, "issuperset", 2);
    return value::boolean(is_subset(i, as_set(i, a.args[1]), a.args[0]));
  });
  add_method(in, t, "isdisjoint", [](interpreter& i, const call_args& a, object*) {
    expect_args(i, a, "isdisjoint", 2);
    return value::boolean(set_of(intersection(i, a.args[0], a.args[1])).size() == 0);
  });
  add_method(in, t, "copy", [](interpreter& i, const call_args& a, object*) {
    expect_args(i, a, "copy", 1);
    if (a.args[0].obj()->type == i.types.frozenset) return a.args[0];
    return copy_of(i, a.args[0], result_type(i, a.args[0]));
  });
  if (!mutating) return;
  add_method(in, t, "add", [](interpreter& i, const call_args& a, object*) {
    expect_args(i, a, "set.add", 2);
    set_of(a.args[0]).add(i, a.args[1], hash(i, a.args[1]));
    return value::none();
  });
  add_method(in, t, "discard", [](interpreter& i, const call_args& a, object*) {
    expect_args(i, a, "set.discard", 2);
    set_of(a.args[0]).discard(i, a.args[1], hash(i, a.args[1]));
    return value::none();
  });
  add_method(in, t, "remove", [](interpreter& i, const call_args& a, object*) {
    expect_args(i, a, "set.remove", 2);
    if (!set_of(a.args[0]).discard(i, a.args[1], hash(i, a.args[1])))
      throw_exception(new_exception(i, i.types.KeyError, {a.args[1]}));
    return value::none();
  });
  add_method(in, t, "pop", [](interpreter& i, const call_args& a, object*) {
    expect_args(i, a, "set.pop", 1);
    value out;
    if (!set_of(a.args[0]).pop(out)) throw_error(i, i.types.KeyError, "pop from an empty set");
    return out;
  });
  add_method(in, t, "clear", [](interpreter&, const call_args& a, object*) {
    set_of(a.args[0]).clear();
    return value::none();
  });
  add_method(in, t, "update", [](interpreter& i, const call_args& a, object*) {
    for (std::size_t k = 1; k < a.npos; ++k) set_update(i, set_of(a.args[0]), a.args[k]);
    return value::none();
  });
  add_method(in, t, "difference_update", [](interpreter& i, const call_args& a, object*) {
    for (std::size_t k = 1; k < a.npos; ++k) difference_update(i, set_of(a.args[0]), a.args[k]);
    return value::none();
  });
  add_method(in, t, "intersection_update", [](interpreter& i, const call_args& a, object*) {
    value r = a.args[0];
    for (std::size_t k = 1; k < a.npos; ++k) r = intersection(i, r, a.args[k]);
    std::swap(set_of(a.args[0]), set_of(r));
    return value::none();
  });
  add_method(in, t, "symmetric_difference_update", [](interpreter& i, const call_args& a, object*) {
    expect_args(i, a, "symmetric_difference_update", 2);
    symmetric_difference_update(i, set_of(a.args[0]), a.args[1]);
    return value::none();
  });
}

}  // namespace

bool is_dict_value(interpreter& in, const value& v) { return v.is_object() && v.obj()->type == in.types.dict; }

void install_set_type(interpreter& in) {
  in.types.set_iterator = make_builtin_type(in, "set_iterator", in.types.object_);
  in.types.set_iterator->slots.iter = [](interpreter&, const value& v) { return v; };
  in.types.set_iterator->slots.next = set_next;
  for (type_object* t : {in.types.set, in.types.frozenset}) {
    type_slots& s = t->slots;
    s.repr = set_repr;
    s.compare = set_compare;
    s.binary = set_binary;
    s.inplace = set_inplace;
    s.len = [](interpreter&, const value& v) { return static_cast<std::int64_t>(set_of(v).size()); };
    s.contains = [](interpreter& i, const value& v, const value& k) { return set_of(v).contains(i, k, hash(i, k)); };
    s.construct = set_construct;
    s.iter = [](interpreter& i, const value& v) {
      auto* it = i.heap.make<set_iterator>(i.types.set_iterator);
      it->set = v;
      it->expected = set_of(v).size();
      return value::adopt(it);
    };
    add_methods(in, t, t == in.types.set);
  }
  in.types.frozenset->slots.hash = [](interpreter&, const value& v) { return set_of(v).frozen_hash(); };
}

}  // namespace asyncrace::python
