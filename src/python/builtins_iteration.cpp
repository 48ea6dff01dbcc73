// The builtins that consume iterables: iter, next, any, all, sum, min, max, sorted.
#include "args.hpp"
#include "functions.hpp"
#include "builtins.hpp"
#include "coroutine.hpp"
#include "numbers.hpp"
#include "str.hpp"

namespace asyncrace::python {

value make_callable_iterator(interpreter&, const value& callable, const value& sentinel);  // iterators.cpp

namespace {

value builtin_iter(interpreter& in, const call_args& a, object*) {
  expect_range(in, a, "iter", 1, 2);
  if (a.npos == 2) return make_callable_iterator(in, a.args[0], a.args[1]);
  return get_iter(in, a.args[0]);
}

value builtin_next(interpreter& in, const call_args& a, object*) {
  expect_range(in, a, "next", 1, 2);
  type_object* t = type_of(a.args[0]);
  if (!t->slots.next && !(t->is_heap_type && t->lookup(in.intern("__next__"))))
    throw_error(in, in.types.TypeError, "'" + t->name + "' object is not an iterator");
  if (a.npos == 1 && t->is_heap_type) {
    // A class's __next__ raises its own StopIteration (with its value): let it through as is.
    if (const value* m = t->lookup(in.intern("__next__"))) return call(in, *m, {a.args[0]});
  }
  value v = iter_next(in, a.args[0]);
  if (!v.empty()) return v;
  if (a.npos == 2) return a.args[1];
  // A generator's StopIteration carries what it returned.
  std::vector<value> args;
  if (t == in.types.generator || t == in.types.coroutine_wrapper) {
    value r = take_stop_value(in);
    if (!r.is_none()) args.push_back(std::move(r));
  }
  throw_exception(new_exception(in, in.types.StopIteration, std::move(args)));
}

value any_all(interpreter& in, const call_args& a, const char* name, bool want) {
  expect_args(in, a, name, 1);
  value it = get_iter(in, a.args[0]);
  for (value v = iter_next(in, it); !v.empty(); v = iter_next(in, it))
    if (truthy(in, v) == want) return value::boolean(want);
  return value::boolean(!want);
}

value builtin_sum(interpreter& in, const call_args& a, object*) {
  value p[2];
  bind_args(in, a, "sum", 0, {"iterable", "start"}, 1, p);
  value total = p[1].empty() ? value::integer(0) : p[1];
  if (is_str(in, total)) throw_error(in, in.types.TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
  if (total.is_object() && total.obj()->type == in.types.bytes)
    throw_error(in, in.types.TypeError, "sum() can't sum bytes [use b''.join(seq) instead]");
  value it = get_iter(in, p[0]);
  for (value v = iter_next(in, it); !v.empty(); v = iter_next(in, it)) {
    // Small ints and floats add without dispatch.
    if (total.is_int() && v.is_int()) {
      std::int64_t r;
      if (!__builtin_add_overflow(total.as_int(), v.as_int(), &r)) {
        total = value::integer(r);
        continue;
      }
    } else if (total.is_float() && (v.is_float() || v.is_int())) {
      total = value::floating(total.as_float() + (v.is_float() ? v.as_float() : static_cast<double>(v.as_int())));
      continue;
    }
    total = binary(in, bin_op::add, total, v);
  }
  return total;
}

value min_max(interpreter& in, const call_args& a, const char* name, cmp_op better) {
  value key, def;
  for (std::size_t k = 0; k < a.nkw; ++k) {
    const std::string& n = a.kwnames[k]->s;
    if (n == "key") key = a.kw(k);
    else if (n == "default") def = a.kw(k);
    else throw_error(in, in.types.TypeError, "'" + n + "' is an invalid keyword argument for " + name + "()");
  }
  if (key.is_none()) key = value();
  if (a.npos == 0) throw_error(in, in.types.TypeError, std::string(name) + " expected at least 1 argument, got 0");
  if (a.npos > 1 && !def.empty())
    throw_error(in, in.types.TypeError, std::string("Cannot specify a default for ") + name + "() with multiple positional arguments");
  value best, best_key;
  auto consider = [&](const value& v) {
    value k = key.empty() ? v : call(in, key, {v});
    if (best.empty()) {
      best = v;
      best_key = k;
      return;
    }
    const bool wins = (k.is_int() && best_key.is_int())
                          ? (better == cmp_op::lt ? k.as_int() < best_key.as_int() : k.as_int() > best_key.as_int())
                          : truthy(in, compare(in, better, k, best_key));
    if (wins) {
      best = v;
      best_key = std::move(k);
    }
  };
  if (a.npos > 1) {
    for (std::size_t i = 0; i < a.npos; ++i) consider(a.args[i]);
    return best;
  }
  value it = get_iter(in, a.args[0]);
  for (value v = iter_next(in, it); !v.empty(); v = iter_next(in, it)) consider(v);
  if (!best.empty()) return best;
  if (!def.empty()) return def;
  throw_error(in, in.types.ValueError, std::string(name) + "() arg is an empty sequence");
}

value builtin_sorted(interpreter& in, const call_args& a, object*) {
  if (a.npos != 1)
    throw_error(in, in.types.TypeError, a.npos ? "sorted expected 1 argument, got " + std::to_string(a.npos)
                                               : std::string("sorted expected 1 argument, got 0"));
  value key, reverse;
  for (std::size_t k = 0; k < a.nkw; ++k) {
    const std::string& n = a.kwnames[k]->s;
    if (n == "key") key = a.kw(k);
    else if (n == "reverse") reverse = a.kw(k);
    else throw_error(in, in.types.TypeError, "'" + n + "' is an invalid keyword argument for sort()");
  }
  return sorted_list(in, a.args[0], key, !reverse.empty() && truthy(in, reverse));
}

}  // namespace

value sorted_list(interpreter& in, const value& iterable, const value& key, bool reverse) {
  value list = call(in, value::borrow(in.types.list), {iterable});
  std::vector<value> kw_values;
  std::vector<str_object*> kw_names;
  if (!key.empty()) {
    kw_values.push_back(key);
    kw_names.push_back(in.intern("key"));
  }
  if (reverse) {
    kw_values.push_back(value::boolean(true));
    kw_names.push_back(in.intern("reverse"));
  }
  std::vector<value> all{list};
  all.insert(all.end(), kw_values.begin(), kw_values.end());
  call_args args;
  args.args = all.data();
  args.npos = 1;
  args.kwnames = kw_names.data();
  args.nkw = kw_names.size();
  call(in, *in.types.list->dict.find(in.intern("sort")), args);
  return list;
}

void install_iteration_builtins(interpreter& in, module_object& b) {
  add_builtin(in, b, "iter", builtin_iter);
  add_builtin(in, b, "next", builtin_next);
  add_builtin(in, b, "aiter", [](interpreter& i, const call_args& a, object*) {
    expect_args(i, a, "aiter", 1);
    type_object* t = type_of(a.args[0]);
    if (t != i.types.async_generator && !t->lookup(i.intern("__aiter__")))
      throw_error(i, i.types.TypeError, "'" + t->name + "' object is not an async iterable");
    return get_aiter(i, a.args[0]);
  });
  add_builtin(in, b, "anext", [](interpreter& i, const call_args& a, object*) {
    expect_range(i, a, "anext", 1, 2);
    return anext_awaitable(i, a.args[0], a.npos == 2 ? a.args[1] : value());
  });
  add_builtin(in, b, "any", [](interpreter& i, const call_args& a, object*) { return any_all(i, a, "any", true); });
  add_builtin(in, b, "all", [](interpreter& i, const call_args& a, object*) { return any_all(i, a, "all", false); });
  add_builtin(in, b, "sum", builtin_sum);
  add_builtin(in, b, "min", [](interpreter& i, const call_args& a, object*) { return min_max(i, a, "min", cmp_op::lt); });
  add_builtin(in, b, "max", [](interpreter& i, const call_args& a, object*) { return min_max(i, a, "max", cmp_op::gt); });
  add_builtin(in, b, "sorted", builtin_sorted);
}

}  // namespace asyncrace::python
