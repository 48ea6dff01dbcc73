// list's methods: append, extend, insert, pop, remove, index, count, reverse, copy, clear, and
// sort — stable, with key= and reverse=, calling back into Python through call()/compare().
#include <algorithm>
#include <numeric>

#include "args.hpp"
#include "interpreter.hpp"
#include "numbers.hpp"
#include "sequence.hpp"
#include "str.hpp"

namespace asyncrace::python {

void list_extend_from(interpreter&, const value& list, const value& iterable);  // containers_vm.cpp
value make_list_reverse_iterator(interpreter&, const value& list);

namespace {

std::vector<value>& items_of(const value& v) { return static_cast<list_object*>(v.obj())->items; }

// a < b as sort sees it: the common homogeneous cases without dispatch.
bool less(interpreter& in, const value& a, const value& b) {
  if (a.is_int() && b.is_int()) return a.as_int() < b.as_int();
  if (a.is_float() && b.is_float()) return a.as_float() < b.as_float();
  if (a.is_object() && b.is_object() && a.obj()->type == in.types.str && b.obj()->type == in.types.str)
    return as_str(a)->s < as_str(b)->s;
  return truthy(in, compare(in, cmp_op::lt, a, b));
}

value sort(interpreter& in, const call_args& a, object*) {
  if (a.npos > 1) throw_error(in, in.types.TypeError, "sort() takes no positional arguments");
  value p[2];
  bind_args(in, a, "sort", 1, {"key", "reverse"}, 0, p);
  const bool reverse = !p[1].empty() && truthy(in, p[1]);
  // CPython empties the list while sorting, so changes made by key/__lt__ are noticed.
  std::vector<value> items;
  items.swap(items_of(a.args[0]));
  try {
    std::vector<value> keys;
    if (!p[0].empty() && !p[0].is_none()) {
      keys.reserve(items.size());
      for (const value& x : items) keys.push_back(call(in, p[0], {x}));
    }
    const std::vector<value>& k = keys.empty() ? items : keys;
    // Sorting positions keeps `items` whole if a comparison raises.
    std::vector<std::size_t> order(items.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
      return reverse ? less(in, k[y], k[x]) : less(in, k[x], k[y]);
    });
    std::vector<value> sorted;
    sorted.reserve(items.size());
    for (std::size_t i : order) sorted.push_back(items[i]);
    items.swap(sorted);
  } catch (...) {
    items_of(a.args[0]).swap(items);
    throw;
  }
  const bool modified = !items_of(a.args[0]).empty();
  items_of(a.args[0]).swap(items);
  if (modified) throw_error(in, in.types.ValueError, "list modified during sort");
  return value::none();
}

value pop(interpreter& in, const call_args& a, object*) {
  expect_range(in, a, "pop", 1, 2);
  auto& items = items_of(a.args[0]);
  if (items.empty()) throw_error(in, in.types.IndexError, "pop from empty list");
  std::int64_t i = a.npos > 1 ? index_of(in, a.args[1]) : -1;
  if (i < 0) i += static_cast<std::int64_t>(items.size());
  if (i < 0 || i >= static_cast<std::int64_t>(items.size())) throw_error(in, in.types.IndexError, "pop index out of range");
  value out = std::move(items[static_cast<std::size_t>(i)]);
  items.erase(items.begin() + i);
  return out;
}

std::int64_t find_index(interpreter& in, const value& list, const value& x, std::int64_t start, std::int64_t stop) {
  auto& items = items_of(list);
  const auto n = static_cast<std::int64_t>(items.size());
  if (start < 0) start = std::max<std::int64_t>(start + n, 0);
  if (stop < 0) stop = std::max<std::int64_t>(stop + n, 0);
  for (std::int64_t k = start; k < std::min<std::int64_t>(stop, static_cast<std::int64_t>(items.size())); ++k) {
    value item = items[static_cast<std::size_t>(k)];
    if (item.identical(x) || equal(in, item, x)) return k;
  }
  return -1;
}

}  // namespace

void install_list_methods(interpreter& in) {
  type_object* t = in.types.list;
  add_method(in, t, "append", [](interpreter& i, const call_args& a, object*) {
    if (a.nkw) throw_error(i, i.types.TypeError, "list.append() takes no keyword arguments");
    if (a.npos != 2) throw_error(i, i.types.TypeError, "list.append() takes exactly one argument (" + std::to_string(a.npos - 1) + " given)");
    items_of(a.args[0]).push_back(a.args[1]);
    return value::none();
  });
  add_method(in, t, "extend", [](interpreter& i, const call_args& a, object*) {
    if (a.npos != 2) throw_error(i, i.types.TypeError, "list.extend() takes exactly one argument (" + std::to_string(a.npos - 1) + " given)");
    if (!type_of(a.args[1])->slots.iter && !type_of(a.args[1])->lookup(i.intern("__iter__")))
      throw_error(i, i.types.TypeError, "'" + type_name(a.args[1]) + "' object is not iterable");
    list_extend_from(i, a.args[0], a.args[1]);
    return value::none();
  });
  add_method(in, t, "insert", [](interpreter& i, const call_args& a, object*) {
    if (a.npos != 3) throw_error(i, i.types.TypeError, "insert expected 2 arguments, got " + std::to_string(a.npos - 1));
    auto& items = items_of(a.args[0]);
    const auto n = static_cast<std::int64_t>(items.size());
    std::int64_t at = index_of(i, a.args[1]);
    if (at < 0) at = std::max<std::int64_t>(at + n, 0);
    at = std::min(at, n);
    items.insert(items.begin() + at, a.args[2]);
    return value::none();
  });
  add_method(in, t, "pop", pop);
  add_method(in, t, "remove", [](interpreter& i, const call_args& a, object*) {
    expect_args(i, a, "list.remove", 2);
    const std::int64_t at = find_index(i, a.args[0], a.args[1], 0, INT64_MAX);
    if (at < 0) throw_error(i, i.types.ValueError, "list.remove(x): x not in list");
    auto& items = items_of(a.args[0]);
    value old = std::move(items[static_cast<std::size_t>(at)]);
    items.erase(items.begin() + at);
    return value::none();
  });
  add_method(in, t, "index", [](interpreter& i, const call_args& a, object*) {
    expect_range(i, a, "index", 2, 4);
    const std::int64_t at = find_index(i, a.args[0], a.args[1], a.npos > 2 ? index_of(i, a.args[2]) : 0,
                                       a.npos > 3 ? index_of(i, a.args[3]) : INT64_MAX);
    if (at < 0) throw_error(i, i.types.ValueError, repr(i, a.args[1]) + " is not in list");
    return value::integer(at);
  });
  add_method(in, t, "count", [](interpreter& i, const call_args& a, object*) {
    expect_args(i, a, "list.count", 2);
    const std::vector<value> items = items_of(a.args[0]);
    return value::integer(count_in(i, items.data(), items.size(), a.args[1]));
  });
  add_method(in, t, "reverse", [](interpreter& i, const call_args& a, object*) {
    expect_args(i, a, "list.reverse", 1);
    std::reverse(items_of(a.args[0]).begin(), items_of(a.args[0]).end());
    return value::none();
  });
  add_method(in, t, "copy", [](interpreter& i, const call_args& a, object*) {
    expect_args(i, a, "list.copy", 1);
    return make_list(i, items_of(a.args[0]));
  });
  add_method(in, t, "clear", [](interpreter& i, const call_args& a, object*) {
    expect_args(i, a, "list.clear", 1);
    std::vector<value> old;
    old.swap(items_of(a.args[0]));
    return value::none();
  });
  add_method(in, t, "sort", sort);
  add_method(in, t, "__reversed__", [](interpreter& i, const call_args& a, object*) { return make_list_reverse_iterator(i, a.args[0]); });
  add_method(in, t, "__len__", [](interpreter&, const call_args& a, object*) { return value::integer(static_cast<std::int64_t>(items_of(a.args[0]).size())); });
  add_method(in, t, "__getitem__", [](interpreter& i, const call_args& a, object*) { return i.types.list->slots.getitem(i, a.args[0], a.args[1]); });
}

}  // namespace asyncrace::python
