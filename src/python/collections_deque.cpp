// collections.deque: a double-ended queue with an optional maxlen (appending to a full deque
// drops from the other end), rotation, indexing and CPython's repr.
#include <deque>

#include "args.hpp"
#include "modules.hpp"
#include "numbers.hpp"
#include "sequence.hpp"

namespace asyncrace::python {

namespace {

struct deque_object : object {
  std::deque<value> items;
  std::int64_t maxlen = -1;
  std::uint64_t version = 0;
};

struct deque_iterator : object {
  value d;
  std::size_t index = 0;
  std::uint64_t version = 0;
  bool reverse = false;
};

deque_object& dq(const value& v) { return *static_cast<deque_object*>(v.obj()); }

void push(deque_object& d, value x, bool left) {
  if (d.maxlen == 0) return;
  if (left) d.items.push_front(std::move(x));
  else d.items.push_back(std::move(x));
  if (d.maxlen > 0 && static_cast<std::int64_t>(d.items.size()) > d.maxlen) {
    if (left) d.items.pop_back();
    else d.items.pop_front();
  }
  ++d.version;
}

void extend(interpreter& in, deque_object& d, const value& iterable, bool left) {
  std::vector<value> items;
  value it = get_iter(in, iterable);
  for (value x = iter_next(in, it); !x.empty(); x = iter_next(in, it)) items.push_back(std::move(x));
  for (auto& x : items) push(d, std::move(x), left);
}

value deque_new(interpreter& in, const call_args& a, object* t) {
  value p[2];
  bind_args(in, a, "deque", 0, {"iterable", "maxlen"}, 0, p);
  auto* d = in.heap.make<deque_object>(static_cast<type_object*>(t));
  value result = value::adopt(d);
  if (!p[1].empty() && !p[1].is_none()) {
    d->maxlen = index_of(in, p[1]);
    if (d->maxlen < 0) throw_error(in, in.types.ValueError, "maxlen must be non-negative");
  }
  if (!p[0].empty()) extend(in, *d, p[0], false);
  return result;
}

std::string deque_repr(interpreter& in, const value& v) {
  repr_guard guard(v.obj());
  if (guard.recursive()) return "[...]";
  const std::vector<value> items(dq(v).items.begin(), dq(v).items.end());
  std::string out = "deque(" + items_repr(in, items.data(), items.size(), "[", "]");
  if (dq(v).maxlen >= 0) out += ", maxlen=" + std::to_string(dq(v).maxlen);
  return out + ")";
}

std::size_t checked_index(interpreter& in, const value& v, const value& key) {
  const std::int64_t i = sequence_index(in, key, static_cast<std::int64_t>(dq(v).items.size()));
  if (i < 0) throw_error(in, in.types.IndexError, "deque index out of range");
  return static_cast<std::size_t>(i);
}

value deque_next(interpreter& in, const value& v) {
  auto* it = static_cast<deque_iterator*>(v.obj());
  if (it->d.empty()) return {};
  deque_object& d = dq(it->d);
  if (d.version != it->version) {
    it->d = value();
    throw_error(in, in.types.RuntimeError, "deque mutated during iteration");
  }
  if (it->index >= d.items.size()) {
    it->d = value();
    return {};
  }
  const std::size_t k = it->reverse ? d.items.size() - 1 - it->index : it->index;
  ++it->index;
  return d.items[k];
}

value make_iterator(interpreter& in, const value& v, bool reverse) {
  const value* t = v.obj()->type->lookup(in.intern("_iterator_type"));
  auto* it = in.heap.make<deque_iterator>(static_cast<type_object*>(t->obj()));
  it->d = v;
  it->version = dq(v).version;
  it->reverse = reverse;
  return value::adopt(it);
}

void add_deque_methods(interpreter& in, type_object* t) {
  add_method(in, t, "append", [](interpreter& i, const call_args& a, object*) {
    expect_args(i, a, "deque.append", 2);
    push(dq(a.args[0]), a.args[1], false);
    return value::none();
  });
  add_method(in, t, "appendleft", [](interpreter& i, const call_args& a, object*) {
    expect_args(i, a, "deque.appendleft", 2);
    push(dq(a.args[0]), a.args[1], true);
    return value::none();
  });
  add_method(in, t, "pop", [](interpreter& i, const call_args& a, object*) {
    expect_args(i, a, "deque.pop", 1);
    deque_object& d = dq(a.args[0]);
    if (d.items.empty()) throw_error(i, i.types.IndexError, "pop from an empty deque");
    value x = std::move(d.items.back());
    d.items.pop_back();
    ++d.version;
    return x;
  });
  add_method(in, t, "popleft", [](interpreter& i, const call_args& a, object*) {
    expect_args(i, a, "deque.popleft", 1);
    deque_object& d = dq(a.args[0]);
    if (d.items.empty()) throw_error(i, i.types.IndexError, "pop from an empty deque");
    value x = std::move(d.items.front());
    d.items.pop_front();
    ++d.version;
    return x;
  });
  add_method(in, t, "extend", [](interpreter& i, const call_args& a, object*) {
    expect_args(i, a, "deque.extend", 2);
    extend(i, dq(a.args[0]), a.args[1], false);
    return value::none();
  });
  add_method(in, t, "extendleft", [](interpreter& i, const call_args& a, object*) {
    expect_args(i, a, "deque.extendleft", 2);
    extend(i, dq(a.args[0]), a.args[1], true);
    return value::none();
  });
  add_method(in, t, "rotate", [](interpreter& i, const call_args& a, object*) {
    expect_range(i, a, "rotate", 1, 2);
    deque_object& d = dq(a.args[0]);
    if (d.items.empty()) return value::none();
    const auto n = static_cast<std::int64_t>(d.items.size());
    std::int64_t k = a.npos > 1 ? index_of(i, a.args[1]) : 1;
    k = ((k % n) + n) % n;
    std::rotate(d.items.begin(), d.items.begin() + (n - k), d.items.end());
    ++d.version;
    return value::none();
  });
  add_method(in, t, "clear", [](interpreter&, const call_args& a, object*) {
    std::deque<value> old;
    old.swap(dq(a.args[0]).items);
    ++dq(a.args[0]).version;
    return value::none();
  });
  add_method(in, t, "copy", [](interpreter& i, const call_args& a, object*) {
    auto* d = i.heap.make<deque_object>(a.args[0].obj()->type);
    d->items = dq(a.args[0]).items;
    d->maxlen = dq(a.args[0]).maxlen;
    return value::adopt(d);
  });
  add_method(in, t, "count", [](interpreter& i, const call_args& a, object*) {
    expect_args(i, a, "deque.count", 2);
    const std::vector<value> items(dq(a.args[0]).items.begin(), dq(a.args[0]).items.end());
    return value::integer(count_in(i, items.data(), items.size(), a.args[1]));
  });
  add_method(in, t, "index", [](interpreter& i, const call_args& a, object*) {
    expect_range(i, a, "index", 2, 4);
    const std::vector<value> items(dq(a.args[0]).items.begin(), dq(a.args[0]).items.end());
    for (std::size_t k = 0; k < items.size(); ++k)
      if (items[k].identical(a.args[1]) || equal(i, items[k], a.args[1])) return value::integer(static_cast<std::int64_t>(k));
    throw_error(i, i.types.ValueError, repr(i, a.args[1]) + " is not in deque");
  });
  add_method(in, t, "remove", [](interpreter& i, const call_args& a, object*) {
    expect_args(i, a, "deque.remove", 2);
    deque_object& d = dq(a.args[0]);
    for (std::size_t k = 0; k < d.items.size(); ++k) {
      value item = d.items[k];
      if (item.identical(a.args[1]) || equal(i, item, a.args[1])) {
        d.items.erase(d.items.begin() + static_cast<std::ptrdiff_t>(k));
        ++d.version;
        return value::none();
      }
    }
    throw_error(i, i.types.ValueError, repr(i, a.args[1]) + " is not in deque");
  });
  add_method(in, t, "insert", [](interpreter& i, const call_args& a, object*) {
    expect_args(i, a, "deque.insert", 3);
    deque_object& d = dq(a.args[0]);
    if (d.maxlen >= 0 && static_cast<std::int64_t>(d.items.size()) >= d.maxlen) throw_error(i, i.types.IndexError, "deque already at its maximum size");
    const auto n = static_cast<std::int64_t>(d.items.size());
    std::int64_t at = index_of(i, a.args[1]);
    if (at < 0) at = std::max<std::int64_t>(at + n, 0);
    d.items.insert(d.items.begin() + std::min(at, n), a.args[2]);
    ++d.version;
    return value::none();
  });
  add_method(in, t, "reverse", [](interpreter&, const call_args& a, object*) {
    std::reverse(dq(a.args[0]).items.begin(), dq(a.args[0]).items.end());
    ++dq(a.args[0]).version;
    return value::none();
  });
  add_method(in, t, "__reversed__", [](interpreter& i, const call_args& a, object*) { return make_iterator(i, a.args[0], true); });
}

}  // namespace

void add_deque_type(interpreter& in, module_object& m) {
  type_object* t = make_builtin_type(in, "deque", in.types.object_);
  t->module = "collections";
  type_object* it = make_builtin_type(in, "_deque_iterator", in.types.object_);
  it->slots.iter = [](interpreter&, const value& v) { return v; };
  it->slots.next = deque_next;
  t->dict.set(in.intern("_iterator_type"), value::adopt(it));
  type_slots& s = t->slots;
  s.construct = deque_new;
  s.repr = deque_repr;
  s.len = [](interpreter&, const value& v) { return static_cast<std::int64_t>(dq(v).items.size()); };
  s.iter = [](interpreter& i, const value& v) { return make_iterator(i, v, false); };
  s.getitem = [](interpreter& i, const value& v, const value& key) { return dq(v).items[checked_index(i, v, key)]; };
  s.setitem = [](interpreter& i, const value& v, const value& key, const value& x) { dq(v).items[checked_index(i, v, key)] = x; };
  s.delitem = [](interpreter& i, const value& v, const value& key) {
    const std::size_t k = checked_index(i, v, key);
    dq(v).items.erase(dq(v).items.begin() + static_cast<std::ptrdiff_t>(k));
    ++dq(v).version;
  };
  s.compare = [](interpreter& i, const value& a, const value& b, cmp_op op) -> value {
    if (!b.is_object() || b.obj()->type != a.obj()->type) return {};
    const std::vector<value> x(dq(a).items.begin(), dq(a).items.end()), y(dq(b).items.begin(), dq(b).items.end());
    return sequence_compare(i, x.data(), x.size(), y.data(), y.size(), op);
  };
  s.inplace = [](interpreter& i, bin_op op, const value& a, const value& b) -> value {
    if (op != bin_op::add) return {};
    extend(i, dq(a), b, false);
    return a;
  };
  s.getattr = [](interpreter&, const value& v, str_object* name) -> value {
    if (name->s != "maxlen") return {};
    return dq(v).maxlen < 0 ? value::none() : value::integer(dq(v).maxlen);
  };
  add_deque_methods(in, t);
  m.attrs.set(in.intern("deque"), value::adopt(t));
}

}  // namespace asyncrace::python
