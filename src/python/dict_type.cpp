// The dict type: its slots (d[k], `in`, len, ==, |, repr) and methods (get, setdefault, pop,
// popitem, update, copy, clear, fromkeys, keys/values/items).
#include "args.hpp"
#include "dict.hpp"
#include "interpreter.hpp"
#include "sequence.hpp"

namespace asyncrace::python {

void install_dict_views(interpreter&);

namespace {

value new_dict_like(interpreter& in, const dict_table& from) {
  value d = make_dict(in);
  dict_table& t = dict_of(d);
  for (const auto& e : from.entries())
    if (!e.key.empty()) t.set(in, e.key, e.hash, e.val);
  return d;
}

std::string dict_repr(interpreter& in, const value& v) {
  repr_guard guard(v.obj());
  if (guard.recursive()) return "{...}";
  const dict_table& t = dict_of(v);
  std::string out = "{";
  bool first = true;
  for (std::size_t i = 0; i < t.entries().size(); ++i) {
    const auto& e = t.entries()[i];
    if (e.key.empty()) continue;
    value key = e.key, val = e.val;  // repr may run Python code that changes the dict
    if (!first) out += ", ";
    first = false;
    out += repr(in, key) + ": " + repr(in, val);
  }
  return out + "}";
}

value dict_compare(interpreter& in, const value& a, const value& b, cmp_op op) {
  if (!is_dict(in, b) || (op != cmp_op::eq && op != cmp_op::ne)) return {};
  const dict_table& x = dict_of(a);
  const dict_table& y = dict_of(b);
  bool same = x.size() == y.size();
  for (std::size_t i = 0; same && i < x.entries().size(); ++i) {
    const auto& e = x.entries()[i];
    if (e.key.empty()) continue;
    value key = e.key, val = e.val;
    const value* other = dict_of(b).lookup(in, key, e.hash);
    same = other && (other->identical(val) || equal(in, val, *other));
  }
  return value::boolean(op == cmp_op::eq ? same : !same);
}

value dict_binary(interpreter& in, bin_op op, const value& a, const value& b) {
  if (op != bin_op::or_ || !is_dict(in, a) || !is_dict(in, b)) return {};
  value d = new_dict_like(in, dict_of(a));
  dict_update(in, d, b);
  return d;
}

value dict_getitem(interpreter& in, const value& d, const value& key) {
  const value* v = dict_of(d).lookup(in, key, hash(in, key));
  if (v) return *v;
  if (d.obj()->type != in.types.dict) {
    // A subclass's __missing__ (defaultdict, Counter and user classes).
    if (const value* missing = d.obj()->type->lookup(in.intern("__missing__"))) return call(in, *missing, {d, key});
  }
  raise_key_error(in, key);
}

value dict_construct(interpreter& in, const call_args& a, object* t) {
  if (a.npos > 1) throw_error(in, in.types.TypeError, "dict expected at most 1 argument, got " + std::to_string(a.npos));
  auto* o = in.heap.make<dict_object>(static_cast<type_object*>(t));
  value d = value::adopt(o);
  if (a.npos) dict_update(in, d, a.args[0]);
  for (std::size_t k = 0; k < a.nkw; ++k) dict_set(in, d, value::borrow(a.kwnames[k]), a.kw(k));
  return d;
}

value dict_get_method(interpreter& in, const call_args& a, object*) {
  expect_range(in, a, "get", 2, 3);
  value v = dict_get(in, a.args[0], a.args[1]);
  if (!v.empty()) return v;
  return a.npos > 2 ? a.args[2] : value::none();
}

value dict_setdefault(interpreter& in, const call_args& a, object*) {
  expect_range(in, a, "setdefault", 2, 3);
  dict_table& t = dict_of(a.args[0]);
  const std::int64_t h = hash(in, a.args[1]);
  if (const value* v = t.lookup(in, a.args[1], h)) return *v;
  value def = a.npos > 2 ? a.args[2] : value::none();
  t.set(in, a.args[1], h, def);
  return def;
}

value dict_pop(interpreter& in, const call_args& a, object*) {
  expect_range(in, a, "pop", 2, 3);
  value out;
  if (dict_of(a.args[0]).erase(in, a.args[1], hash(in, a.args[1]), &out)) return out;
  if (a.npos > 2) return a.args[2];
  raise_key_error(in, a.args[1]);
}

value dict_popitem(interpreter& in, const call_args& a, object*) {
  expect_args(in, a, "popitem", 1);
  value k, v;
  if (!dict_of(a.args[0]).pop_last(k, v)) throw_error(in, in.types.KeyError, "popitem(): dictionary is empty");
  return make_tuple(in, {std::move(k), std::move(v)});
}

value dict_update_method(interpreter& in, const call_args& a, object*) {
  if (a.npos > 2) throw_error(in, in.types.TypeError, "update expected at most 1 argument, got " + std::to_string(a.npos - 1));
  if (a.npos == 2) dict_update(in, a.args[0], a.args[1]);
  for (std::size_t k = 0; k < a.nkw; ++k) dict_set(in, a.args[0], value::borrow(a.kwnames[k]), a.kw(k));
  return value::none();
}

value dict_fromkeys(interpreter& in, const call_args& a, object*) {
  // Called on the class (dict.fromkeys(...)) or an instance: skip either.
  std::size_t first = 0;
  if (a.npos && a.args[0].is_object() && (a.args[0].obj()->type == in.types.type_ || is_dict(in, a.args[0]))) first = 1;
  if (a.npos - first < 1 || a.npos - first > 2)
    throw_error(in, in.types.TypeError, "fromkeys expected at least 1 argument, got " + std::to_string(a.npos - first));
  value d = make_dict(in);
  value fill = a.npos - first > 1 ? a.args[first + 1] : value::none();
  value it = get_iter(in, a.args[first]);
  for (value k = iter_next(in, it); !k.empty(); k = iter_next(in, it)) dict_set(in, d, k, fill);
  return d;
}

}  // namespace

void dict_update(interpreter& in, const value& d, const value& other) {
  if (is_dict(in, other)) {
    const dict_table& src = dict_of(other);
    std::vector<dict_table::entry> copy;
    for (const auto& e : src.entries())
      if (!e.key.empty()) copy.push_back(e);
    for (auto& e : copy) dict_of(d).set(in, e.key, e.hash, std::move(e.val));
    return;
  }
  if (type_of(other)->lookup(in.intern("keys"))) {
    value keys = call(in, getattr(in, other, in.intern("keys")), std::vector<value>{});
    value it = get_iter(in, keys);
    for (value k = iter_next(in, it); !k.empty(); k = iter_next(in, it)) dict_set(in, d, k, getitem(in, other, k));
    return;
  }
  if (!type_of(other)->slots.iter && !type_of(other)->lookup(in.intern("__iter__")))
    throw_error(in, in.types.TypeError, "'" + type_name(other) + "' object is not iterable");
  value it = get_iter(in, other);
  std::size_t n = 0;
  for (value item = iter_next(in, it); !item.empty(); item = iter_next(in, it), ++n) {
    std::vector<value> pair;
    if (item.is_object() && item.obj()->type == in.types.tuple) pair = static_cast<tuple_object*>(item.obj())->items;
    else if (item.is_object() && item.obj()->type == in.types.list) pair = static_cast<list_object*>(item.obj())->items;
    else {
      if (!type_of(item)->slots.iter && !type_of(item)->lookup(in.intern("__iter__")))
        throw_error(in, in.types.TypeError, "cannot convert dictionary update sequence element #" + std::to_string(n) + " to a sequence");
      value pit = get_iter(in, item);
      for (value x = iter_next(in, pit); !x.empty(); x = iter_next(in, pit)) pair.push_back(std::move(x));
    }
    if (pair.size() != 2)
      throw_error(in, in.types.ValueError, "dictionary update sequence element #" + std::to_string(n) + " has length " +
                                               std::to_string(pair.size()) + "; 2 is required");
    dict_set(in, d, pair[0], pair[1]);
  }
}

void install_dict_type(interpreter& in) {
  type_object* t = in.types.dict;
  type_slots& s = t->slots;
  s.repr = dict_repr;
  s.compare = dict_compare;
  s.binary = dict_binary;
  s.inplace = [](interpreter& i, bin_op op, const value& a, const value& b) -> value {
    if (op != bin_op::or_) return {};
    dict_update(i, a, b);  // d |= any mapping or iterable of pairs
    return a;
  };
  s.len = [](interpreter&, const value& v) { return static_cast<std::int64_t>(dict_of(v).size()); };
  s.getitem = dict_getitem;
  s.setitem = [](interpreter& i, const value& d, const value& k, const value& v) { dict_set(i, d, k, v); };
  s.delitem = [](interpreter& i, const value& d, const value& k) {
    if (!dict_of(d).erase(i, k, hash(i, k))) raise_key_error(i, k);
  };
  s.contains = [](interpreter& i, const value& d, const value& k) { return dict_of(d).find(i, k, hash(i, k)) >= 0; };
  s.construct = dict_construct;
  add_method(in, t, "get", dict_get_method);
  add_method(in, t, "setdefault", dict_setdefault);
  add_method(in, t, "pop", dict_pop);
  add_method(in, t, "popitem", dict_popitem);
  add_method(in, t, "update", dict_update_method);
  add_method(in, t, "fromkeys", dict_fromkeys);
  add_method(in, t, "copy", [](interpreter& i, const call_args& a, object*) {
    expect_args(i, a, "dict.copy", 1);
    return new_dict_like(i, dict_of(a.args[0]));
  });
  add_method(in, t, "clear", [](interpreter& i, const call_args& a, object*) {
    expect_args(i, a, "dict.clear", 1);
    dict_of(a.args[0]).clear();
    return value::none();
  });
  add_method(in, t, "__getitem__", [](interpreter& i, const call_args& a, object*) { return dict_getitem(i, a.args[0], a.args[1]); });
  add_method(in, t, "__contains__", [](interpreter& i, const call_args& a, object*) {
    return value::boolean(dict_of(a.args[0]).find(i, a.args[1], hash(i, a.args[1])) >= 0);
  });
  add_method(in, t, "__setitem__", [](interpreter& i, const call_args& a, object*) {
    dict_set(i, a.args[0], a.args[1], a.args[2]);
    return value::none();
  });
  add_method(in, t, "__len__", [](interpreter&, const call_args& a, object*) { return value::integer(static_cast<std::int64_t>(dict_of(a.args[0]).size())); });
  install_dict_views(in);
}

}  // namespace asyncrace::python
