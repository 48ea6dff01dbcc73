// The collections module: deque (collections_deque.cpp), defaultdict, Counter, OrderedDict (dict
// subtypes sharing the dict layout) and namedtuple (a tuple subtype with named fields).
#include <algorithm>
#include <numeric>

#include "args.hpp"
#include "dict.hpp"
#include "modules.hpp"
#include "numbers.hpp"
#include "str.hpp"

namespace asyncrace::python {

void add_deque_type(interpreter&, module_object&);
value make_namedtuple(interpreter&, const call_args&, object*);  // collections_namedtuple.cpp

namespace {

struct defaultdict_object : dict_object {
  value factory;  // None or a callable
};

std::vector<std::pair<value, value>> items_of(const value& d) {
  std::vector<std::pair<value, value>> out;
  for (const auto& e : dict_of(d).entries())
    if (!e.key.empty()) out.emplace_back(e.key, e.val);
  return out;
}

std::string plain_dict_repr(interpreter& in, const value& d) { return in.types.dict->slots.repr(in, d); }

// defaultdict ---------------------------------------------------------------------------------

value defaultdict_new(interpreter& in, const call_args& a, object* t) {
  auto* d = in.heap.make<defaultdict_object>(static_cast<type_object*>(t));
  value result = value::adopt(d);
  d->factory = a.npos ? a.args[0] : value::none();
  if (!d->factory.is_none() && !type_of(d->factory)->slots.call && !type_of(d->factory)->is_subtype_of(in.types.type_) &&
      d->factory.obj()->type != in.types.function && d->factory.obj()->type != in.types.builtin_function &&
      !type_of(d->factory)->lookup(in.intern("__call__")))
    throw_error(in, in.types.TypeError, "first argument must be callable or None");
  if (a.npos > 2) throw_error(in, in.types.TypeError, "defaultdict expected at most 2 arguments");
  if (a.npos == 2) dict_update(in, result, a.args[1]);
  for (std::size_t k = 0; k < a.nkw; ++k) dict_set(in, result, value::borrow(a.kwnames[k]), a.kw(k));
  return result;
}

value defaultdict_missing(interpreter& in, const call_args& a, object*) {
  auto* d = static_cast<defaultdict_object*>(a.args[0].obj());
  if (d->factory.is_none()) raise_key_error(in, a.args[1]);
  value v = call(in, d->factory, std::vector<value>{});
  dict_set(in, a.args[0], a.args[1], v);
  return v;
}

// Counter ---------------------------------------------------------------------------------------

void counter_add(interpreter& in, const value& c, const value& iterable, int sign) {
  if (is_dict(in, iterable)) {
    for (auto& [k, v] : items_of(iterable)) {
      value old = dict_get(in, c, k);
      dict_set(in, c, k, old.empty() ? (sign > 0 ? v : unary(in, unary_op::neg, v)) : binary(in, sign > 0 ? bin_op::add : bin_op::sub, old, v));
    }
    return;
  }
  value it = get_iter(in, iterable);
  for (value x = iter_next(in, it); !x.empty(); x = iter_next(in, it)) {
    value old = dict_get(in, c, x);
    const std::int64_t n = old.is_int() ? old.as_int() : 0;
    dict_set(in, c, x, old.empty() || old.is_int() ? value::integer(n + sign) : binary(in, bin_op::add, old, value::integer(sign)));
  }
}

value counter_new(interpreter& in, const call_args& a, object* t) {
  auto* d = in.heap.make<dict_object>(static_cast<type_object*>(t));
  value result = value::adopt(d);
  if (a.npos > 1) throw_error(in, in.types.TypeError, "expected at most 1 arguments, got " + std::to_string(a.npos));
  if (a.npos) counter_add(in, result, a.args[0], 1);
  for (std::size_t k = 0; k < a.nkw; ++k) dict_set(in, result, value::borrow(a.kwnames[k]), a.kw(k));
  return result;
}

// (key, count) pairs by count, largest first, ties in insertion order (sorted is stable).
std::vector<std::pair<value, value>> most_common(interpreter& in, const value& c) {
  auto items = items_of(c);
  std::vector<std::size_t> order(items.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
    return truthy(in, compare(in, cmp_op::lt, items[y].second, items[x].second));
  });
  std::vector<std::pair<value, value>> out;
  for (std::size_t i : order) out.push_back(items[i]);
  return out;
}

std::string counter_repr(interpreter& in, const value& c) {
  if (dict_of(c).size() == 0) return c.obj()->type->name + "()";
  std::string out = c.obj()->type->name + "({";
  bool first = true;
  for (auto& [k, v] : most_common(in, c)) {
    out += (first ? "" : ", ") + repr(in, k) + ": " + repr(in, v);
    first = false;
  }
  return out + "})";
}

value counter_binary(interpreter& in, bin_op op, const value& a, const value& b) {
  if (!a.is_object() || !b.is_object() || a.obj()->type != b.obj()->type) return in.types.dict->slots.binary(in, op, a, b);
  if (op != bin_op::add && op != bin_op::sub && op != bin_op::or_ && op != bin_op::and_) return {};
  auto* d = in.heap.make<dict_object>(a.obj()->type);
  value result = value::adopt(d);
  auto keep = [&](const value& k, const value& v) {
    if (truthy(in, compare(in, cmp_op::gt, v, value::integer(0)))) dict_set(in, result, k, v);
  };
  auto get = [&](const value& c, const value& k) {
    value v = dict_get(in, c, k);
    return v.empty() ? value::integer(0) : v;
  };
  for (auto& [k, v] : items_of(a)) {
    const value w = get(b, k);
    switch (op) {
      case bin_op::add: keep(k, binary(in, bin_op::add, v, w)); break;
      case bin_op::sub: keep(k, binary(in, bin_op::sub, v, w)); break;
      case bin_op::or_: keep(k, truthy(in, compare(in, cmp_op::lt, v, w)) ? w : v); break;
      default: keep(k, truthy(in, compare(in, cmp_op::lt, v, w)) ? v : w); break;
    }
  }
  if (op == bin_op::add || op == bin_op::or_)
    for (auto& [k, v] : items_of(b))
      if (dict_get(in, a, k).empty()) keep(k, v);
  return result;
}

void add_counter_methods(interpreter& in, type_object* t) {
  add_method(in, t, "__missing__", [](interpreter&, const call_args&, object*) { return value::integer(0); });
  add_method(in, t, "most_common", [](interpreter& i, const call_args& a, object*) {
    expect_range(i, a, "most_common", 1, 2);
    auto items = most_common(i, a.args[0]);
    if (a.npos > 1 && !a.args[1].is_none()) items.resize(std::min<std::size_t>(items.size(), static_cast<std::size_t>(std::max<std::int64_t>(0, index_of(i, a.args[1])))));
    std::vector<value> out;
    for (auto& [k, v] : items) out.push_back(make_tuple(i, {k, v}));
    return make_list(i, std::move(out));
  });
  add_method(in, t, "update", [](interpreter& i, const call_args& a, object*) {
    if (a.npos > 1) counter_add(i, a.args[0], a.args[1], 1);
    for (std::size_t k = 0; k < a.nkw; ++k) counter_add(i, a.args[0], make_list(i, {value::borrow(a.kwnames[k])}), 1);
    return value::none();
  });
  add_method(in, t, "subtract", [](interpreter& i, const call_args& a, object*) {
    if (a.npos > 1) counter_add(i, a.args[0], a.args[1], -1);
    return value::none();
  });
  add_method(in, t, "total", [](interpreter& i, const call_args& a, object*) {
    value total = value::integer(0);
    for (auto& [k, v] : items_of(a.args[0])) total = binary(i, bin_op::add, total, v);
    return total;
  });
  add_method(in, t, "elements", [](interpreter& i, const call_args& a, object*) {
    std::vector<value> out;
    for (auto& [k, v] : items_of(a.args[0]))
      for (std::int64_t n = v.is_int() ? v.as_int() : 0; n > 0; --n) out.push_back(k);
    return get_iter(i, make_list(i, std::move(out)));
  });
}

// OrderedDict ---------------------------------------------------------------------------------

value ordered_move_to_end(interpreter& in, const call_args& a, object*) {
  value p[2];
  bind_args(in, a, "move_to_end", 1, {"key", "last"}, 1, p);
  const bool last = p[1].empty() || truthy(in, p[1]);
  value v;
  if (!dict_of(a.args[0]).erase(in, p[0], hash(in, p[0]), &v)) raise_key_error(in, p[0]);
  if (last) {
    dict_set(in, a.args[0], p[0], v);
    return value::none();
  }
  auto rest = items_of(a.args[0]);
  dict_of(a.args[0]).clear();
  dict_set(in, a.args[0], p[0], v);
  for (auto& [k, x] : rest) dict_set(in, a.args[0], k, x);
  return value::none();
}

value ordered_popitem(interpreter& in, const call_args& a, object*) {
  value p[1];
  bind_args(in, a, "popitem", 1, {"last"}, 0, p);
  const bool last = p[0].empty() || truthy(in, p[0]);
  auto items = items_of(a.args[0]);
  if (items.empty()) throw_error(in, in.types.KeyError, "dictionary is empty");
  auto& [k, v] = last ? items.back() : items.front();
  dict_of(a.args[0]).erase(in, k, hash(in, k));
  return make_tuple(in, {k, v});
}

std::string ordered_repr(interpreter& in, const value& d) {
  const std::string name = d.obj()->type->name;
  auto items = items_of(d);
  if (items.empty()) return name + "()";
  std::string out = name + "([";
  for (std::size_t i = 0; i < items.size(); ++i)
    out += (i ? ", (" : "(") + repr(in, items[i].first) + ", " + repr(in, items[i].second) + ")";
  return out + "])";
}

type_object* dict_subtype(interpreter& in, module_object& m, const char* name) {
  type_object* t = make_builtin_type(in, name, in.types.dict);
  t->module = "collections";
  m.attrs.set(in.intern(name), value::adopt(t));
  return t;
}

void make_collections(interpreter& in, module_object& m) {
  add_deque_type(in, m);
  type_object* dd = dict_subtype(in, m, "defaultdict");
  dd->slots.construct = defaultdict_new;
  dd->slots.repr = [](interpreter& i, const value& v) {
    auto* d = static_cast<defaultdict_object*>(v.obj());
    return "defaultdict(" + repr(i, d->factory) + ", " + plain_dict_repr(i, v) + ")";
  };
  dd->slots.getattr = [](interpreter& i, const value& v, str_object* name) -> value {
    if (name != i.intern("default_factory")) return {};
    return static_cast<defaultdict_object*>(v.obj())->factory;
  };
  add_method(in, dd, "__missing__", defaultdict_missing);
  add_method(in, dd, "copy", [](interpreter& i, const call_args& a, object*) {
    auto* src = static_cast<defaultdict_object*>(a.args[0].obj());
    auto* d = i.heap.make<defaultdict_object>(src->type);
    value result = value::adopt(d);
    d->factory = src->factory;
    dict_update(i, result, a.args[0]);
    return result;
  });
  type_object* counter = dict_subtype(in, m, "Counter");
  counter->slots.construct = counter_new;
  counter->slots.repr = counter_repr;
  counter->slots.binary = counter_binary;
  add_counter_methods(in, counter);
  type_object* ordered = dict_subtype(in, m, "OrderedDict");
  ordered->slots.repr = ordered_repr;
  add_method(in, ordered, "move_to_end", ordered_move_to_end);
  add_method(in, ordered, "popitem", ordered_popitem);
  add_function(in, m, "namedtuple", make_namedtuple);
}

}  // namespace

void register_collections_module(interpreter& in) { in.register_module("collections", make_collections); }

}  // namespace asyncrace::python
