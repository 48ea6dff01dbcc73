// The itertools module: each tool is a type (so `itertools.count(5)` is called like CPython's)
// whose objects share one layout and one `next` that switches on the tool.
#include <memory>

#include "args.hpp"
#include "modules.hpp"
#include "numbers.hpp"

namespace asyncrace::python {

namespace {

enum class tool : std::uint8_t {
  count, cycle, repeat, accumulate, chain, compress, dropwhile, takewhile, filterfalse, groupby, grouper, islice,
  starmap, tee, zip_longest, product, permutations, combinations, combinations_with_replacement, pairwise
};

const char* const tool_names[] = {"count", "cycle", "repeat", "accumulate", "chain", "compress", "dropwhile", "takewhile",
                                  "filterfalse", "groupby", "_grouper", "islice", "starmap", "_tee", "zip_longest",
                                  "product", "permutations", "combinations", "combinations_with_replacement", "pairwise"};

struct tee_buffer {
  value source;
  std::vector<value> items;
  bool done = false;
};

struct tool_object : object {
  tool kind = tool::count;
  std::vector<value> its;       // source iterators
  std::vector<value> pool;      // saved items (cycle, product's pools flattened per `sizes`)
  std::vector<std::size_t> sizes, indices, cycles;
  value fn, cur, step, fill, parent, key;
  std::int64_t n = 0, pos = 0, stop = -1, stride = 1, r = 0;
  bool first = true, done = false, flag = false;
  std::shared_ptr<tee_buffer> tee;
};

tool_object& self(const value& v) { return *static_cast<tool_object*>(v.obj()); }

std::vector<value> collect(interpreter& in, const value& iterable) {
  std::vector<value> out;
  value it = get_iter(in, iterable);
  for (value x = iter_next(in, it); !x.empty(); x = iter_next(in, it)) out.push_back(std::move(x));
  return out;
}

value tuple_of_indices(interpreter& in, const tool_object& t, std::size_t count) {
  std::vector<value> out;
  for (std::size_t k = 0; k < count; ++k) out.push_back(t.pool[t.indices[k]]);
  return make_tuple(in, std::move(out));
}

// The next combination-like index tuple; false when exhausted (the recipes in the docs).
bool advance_combinations(tool_object& t, bool replacement) {
  const auto n = t.pool.size();
  const auto r = static_cast<std::size_t>(t.r);
  std::size_t i = r;
  while (i-- > 0) {
    if (replacement ? t.indices[i] != n - 1 : t.indices[i] != i + n - r) break;
    if (i == 0) return false;
  }
  if (r == 0) return false;
  if (replacement) {
    const std::size_t v = t.indices[i] + 1;
    for (std::size_t j = i; j < r; ++j) t.indices[j] = v;
  } else {
    ++t.indices[i];
    for (std::size_t j = i + 1; j < r; ++j) t.indices[j] = t.indices[j - 1] + 1;
  }
  return true;
}

bool advance_permutations(tool_object& t) {
  const auto n = t.pool.size();
  const auto r = static_cast<std::size_t>(t.r);
  for (std::size_t i = r; i-- > 0;) {
    if (--t.cycles[i] == 0) {
      std::rotate(t.indices.begin() + static_cast<std::ptrdiff_t>(i), t.indices.begin() + static_cast<std::ptrdiff_t>(i) + 1, t.indices.end());
      t.cycles[i] = n - i;
    } else {
      std::swap(t.indices[i], t.indices[n - t.cycles[i]]);
      return true;
    }
  }
  return false;
}

bool advance_product(tool_object& t) {
  for (std::size_t i = t.sizes.size(); i-- > 0;) {
    if (++t.indices[i] < t.sizes[i]) return true;
    t.indices[i] = 0;
  }
  return false;
}

value product_tuple(interpreter& in, const tool_object& t) {
  std::vector<value> out;
  std::size_t base = 0;
  for (std::size_t k = 0; k < t.sizes.size(); ++k) {
    out.push_back(t.pool[base + t.indices[k]]);
    base += t.sizes[k];
  }
  return make_tuple(in, std::move(out));
}

value tee_next(interpreter& in, tool_object& t) {
  tee_buffer& b = *t.tee;
  if (static_cast<std::size_t>(t.pos) >= b.items.size()) {
    if (b.done) return {};
    value x = iter_next(in, b.source);
    if (x.empty()) {
      b.done = true;
      return {};
    }
    b.items.push_back(std::move(x));
  }
  return b.items[static_cast<std::size_t>(t.pos++)];
}

value groupby_next(interpreter& in, const value& v);

value tool_next(interpreter& in, const value& v) {
  tool_object& t = self(v);
  if (t.done) return {};
  auto finish = [&]() -> value {
    t.done = true;
    return {};
  };
  switch (t.kind) {
    case tool::count: {
      value x = t.cur;
      t.cur = binary(in, bin_op::add, t.cur, t.step);
      return x;
    }
    case tool::cycle: {
      if (!t.its.empty()) {
        value x = iter_next(in, t.its[0]);
        if (!x.empty()) {
          t.pool.push_back(x);
          return x;
        }
        t.its.clear();
      }
      if (t.pool.empty()) return finish();
      value x = t.pool[static_cast<std::size_t>(t.pos)];
      t.pos = (t.pos + 1) % static_cast<std::int64_t>(t.pool.size());
      return x;
    }
    case tool::repeat:
      if (t.n >= 0 && t.pos >= t.n) return finish();
      ++t.pos;
      return t.cur;
    case tool::accumulate: {
      value x = iter_next(in, t.its[0]);
      if (x.empty()) {
        if (t.first && !t.cur.empty()) {
          t.first = false;
          return t.cur;
        }
        return finish();
      }
      if (t.first && !t.cur.empty()) {  // initial= comes first
        t.first = false;
        value init = t.cur;
        t.cur = t.fn.empty() ? binary(in, bin_op::add, init, x) : call(in, t.fn, {init, x});
        return init;
      }
      t.first = false;
      t.cur = t.cur.empty() ? x : (t.fn.empty() ? binary(in, bin_op::add, t.cur, x) : call(in, t.fn, {t.cur, x}));
      return t.cur;
    }
    case tool::chain:
      while (true) {
        if (t.cur.empty()) {
          if (t.pos >= static_cast<std::int64_t>(t.its.size())) {
            if (t.fn.empty()) return finish();
            value next_iterable = iter_next(in, t.fn);  // chain.from_iterable: fn holds the outer iterator
            if (next_iterable.empty()) return finish();
            t.cur = get_iter(in, next_iterable);
          } else {
            t.cur = get_iter(in, t.its[static_cast<std::size_t>(t.pos++)]);
          }
        }
        value x = iter_next(in, t.cur);
        if (!x.empty()) return x;
        t.cur = value();
      }
    case tool::compress:
      while (true) {
        value x = iter_next(in, t.its[0]), s = iter_next(in, t.its[1]);
        if (x.empty() || s.empty()) return finish();
        if (truthy(in, s)) return x;
      }
    case tool::dropwhile:
      for (value x = iter_next(in, t.its[0]); !x.empty(); x = iter_next(in, t.its[0])) {
        if (t.flag || !truthy(in, call(in, t.fn, {x}))) {
          t.flag = true;
          return x;
        }
      }
      return finish();
    case tool::takewhile: {
      value x = iter_next(in, t.its[0]);
      if (x.empty() || !truthy(in, call(in, t.fn, {x}))) return finish();
      return x;
    }
    case tool::filterfalse:
      for (value x = iter_next(in, t.its[0]); !x.empty(); x = iter_next(in, t.its[0]))
        if (!truthy(in, t.fn.is_none() ? x : call(in, t.fn, {x}))) return x;
      return finish();
    case tool::groupby: return groupby_next(in, v);
    case tool::grouper: {
      tool_object& g = self(t.parent);
      if (g.cur.empty() || g.key.empty() || !(g.key.identical(t.key) || equal(in, g.key, t.key)) || g.parent.obj() != v.obj())
        return finish();
      value x = std::move(g.cur);
      g.cur = iter_next(in, g.its[0]);
      if (g.cur.empty()) {
        g.key = value();
        g.done = true;
      } else {
        g.key = g.fn.is_none() ? g.cur : call(in, g.fn, {g.cur});
      }
      return x;
    }
    case tool::islice: {
      while (t.pos < t.n) {  // skip to the next index we keep
        if (iter_next(in, t.its[0]).empty()) return finish();
        ++t.pos;
      }
      if (t.stop >= 0 && t.pos >= t.stop) return finish();
      value x = iter_next(in, t.its[0]);
      if (x.empty()) return finish();
      ++t.pos;
      t.n = t.pos - 1 + t.stride;
      return x;
    }
    case tool::starmap: {
      value args = iter_next(in, t.its[0]);
      if (args.empty()) return finish();
      return call(in, t.fn, collect(in, args));
    }
    case tool::tee: {
      value x = tee_next(in, t);
      return x.empty() ? finish() : x;
    }
    case tool::zip_longest: {
      std::vector<value> items;
      std::size_t active = 0;
      for (auto& it : t.its) {
        value x = it.empty() ? value() : iter_next(in, it);
        if (x.empty()) {
          it = value();
          items.push_back(t.fill);
        } else {
          ++active;
          items.push_back(std::move(x));
        }
      }
      if (active == 0) return finish();
      return make_tuple(in, std::move(items));
    }
    case tool::product:
      if (!t.first && !advance_product(t)) return finish();
      t.first = false;
      return product_tuple(in, t);
    case tool::permutations:
      if (!t.first && !advance_permutations(t)) return finish();
      t.first = false;
      return tuple_of_indices(in, t, static_cast<std::size_t>(t.r));
    case tool::combinations:
    case tool::combinations_with_replacement:
      if (!t.first && !advance_combinations(t, t.kind == tool::combinations_with_replacement)) return finish();
      t.first = false;
      return tuple_of_indices(in, t, static_cast<std::size_t>(t.r));
    case tool::pairwise: {
      if (t.cur.empty()) {
        t.cur = iter_next(in, t.its[0]);
        if (t.cur.empty()) return finish();
      }
      value x = iter_next(in, t.its[0]);
      if (x.empty()) return finish();
      value pair = make_tuple(in, {t.cur, x});
      t.cur = std::move(x);
      return pair;
    }
  }
  return {};
}

value groupby_next(interpreter& in, const value& v) {
  tool_object& g = self(v);
  // Skip what is left of the current group.
  if (!g.first) {
    const value old_key = g.parent.empty() ? value() : self(g.parent).key;
    while (!g.cur.empty() && !old_key.empty() && (g.key.identical(old_key) || equal(in, g.key, old_key))) {
      g.cur = iter_next(in, g.its[0]);
      if (g.cur.empty()) break;
      g.key = g.fn.is_none() ? g.cur : call(in, g.fn, {g.cur});
    }
  } else {
    g.first = false;
    g.cur = iter_next(in, g.its[0]);
    if (!g.cur.empty()) g.key = g.fn.is_none() ? g.cur : call(in, g.fn, {g.cur});
  }
  if (g.cur.empty()) {
    g.done = true;
    return {};
  }
  auto* grouper = in.heap.make<tool_object>(v.obj()->type);  // same layout; the kind tells them apart
  grouper->kind = tool::grouper;
  grouper->parent = v;
  grouper->key = g.key;
  value gv = value::adopt(grouper);
  g.parent = gv;
  return make_tuple(in, {g.key, gv});
}

std::int64_t nonnegative(interpreter& in, const value& v, const char* message) {
  const std::int64_t n = index_of(in, v);
  if (n < 0) throw_error(in, in.types.ValueError, message);
  return n;
}

value construct_tool(interpreter& in, const call_args& a, object* type) {
  auto* tt = static_cast<type_object*>(type);
  tool kind = tool::count;
  for (std::size_t k = 0; k < std::size(tool_names); ++k)
    if (tt->name == tool_names[k]) kind = static_cast<tool>(k);
  auto* t = in.heap.make<tool_object>(tt);
  value result = value::adopt(t);
  t->kind = kind;
  auto iterate = [&](std::size_t from, std::size_t to) {
    for (std::size_t k = from; k < to; ++k) t->its.push_back(get_iter(in, a.args[k]));
  };
  const std::string name = tt->name;
  switch (kind) {
    case tool::count: {
      value p[2];
      bind_args(in, a, "count", 0, {"start", "step"}, 0, p);
      t->cur = p[0].empty() ? value::integer(0) : p[0];
      t->step = p[1].empty() ? value::integer(1) : p[1];
      break;
    }
    case tool::cycle: expect_args(in, a, "cycle", 1); iterate(0, 1); break;
    case tool::repeat: {
      value p[2];
      bind_args(in, a, "repeat", 0, {"object", "times"}, 1, p);
      t->cur = p[0];
      t->n = p[1].empty() ? -1 : std::max<std::int64_t>(0, index_of(in, p[1]));
      break;
    }
    case tool::accumulate: {
      value p[3];
      bind_args(in, a, "accumulate", 0, {"iterable", "func", "initial"}, 1, p);
      t->its.push_back(get_iter(in, p[0]));
      if (!p[1].empty() && !p[1].is_none()) t->fn = p[1];
      if (!p[2].empty() && !p[2].is_none()) t->cur = p[2];
      break;
    }
    case tool::chain:
      no_keywords(in, a, "chain");
      for (std::size_t k = 0; k < a.npos; ++k) t->its.push_back(a.args[k]);
      break;
    case tool::compress: {
      value p[2];
      bind_args(in, a, "compress", 0, {"data", "selectors"}, 2, p);
      t->its = {get_iter(in, p[0]), get_iter(in, p[1])};
      break;
    }
    case tool::dropwhile: case tool::takewhile: case tool::filterfalse: case tool::starmap:
      expect_args(in, a, name, 2);
      t->fn = a.args[0];
      iterate(1, 2);
      break;
    case tool::groupby: {
      value p[2];
      bind_args(in, a, "groupby", 0, {"iterable", "key"}, 1, p);
      t->its.push_back(get_iter(in, p[0]));
      t->fn = p[1].empty() ? value::none() : p[1];
      break;
    }
    case tool::islice: {
      expect_range(in, a, "islice", 2, 4);
      iterate(0, 1);
      const char* message = "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
      const char* index_message = "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
      if (a.npos == 2) {
        t->stop = a.args[1].is_none() ? -1 : nonnegative(in, a.args[1], message);
      } else {
        t->n = a.args[1].is_none() ? 0 : nonnegative(in, a.args[1], index_message);
        t->stop = a.args[2].is_none() ? -1 : nonnegative(in, a.args[2], index_message);
        if (a.npos > 3 && !a.args[3].is_none()) {
          t->stride = index_of(in, a.args[3]);
          if (t->stride <= 0) throw_error(in, in.types.ValueError, "Step for islice() must be a positive integer or None.");
        }
      }
      break;
    }
    case tool::zip_longest:
      for (std::size_t k = 0; k < a.nkw; ++k) {
        if (a.kwnames[k]->s != "fillvalue")
          throw_error(in, in.types.TypeError, "zip_longest() got an unexpected keyword argument '" + a.kwnames[k]->s + "'");
        t->fill = a.kw(k);
      }
      if (t->fill.empty()) t->fill = value::none();
      iterate(0, a.npos);
      break;
    case tool::product: {
      std::int64_t repeat = 1;
      for (std::size_t k = 0; k < a.nkw; ++k) {
        if (a.kwnames[k]->s != "repeat") throw_error(in, in.types.TypeError, "product() got an unexpected keyword argument '" + a.kwnames[k]->s + "'");
        repeat = nonnegative(in, a.kw(k), "repeat argument cannot be negative");
      }
      std::vector<std::vector<value>> pools;
      for (std::size_t k = 0; k < a.npos; ++k) pools.push_back(collect(in, a.args[k]));
      for (std::int64_t r = 0; r < repeat; ++r)
        for (auto& p : pools) {
          t->sizes.push_back(p.size());
          t->pool.insert(t->pool.end(), p.begin(), p.end());
        }
      t->indices.assign(t->sizes.size(), 0);
      for (std::size_t s : t->sizes) t->done = t->done || s == 0;
      break;
    }
    case tool::permutations: case tool::combinations: case tool::combinations_with_replacement: {
      value p[2];
      bind_args(in, a, name, 0, {"iterable", "r"}, kind == tool::permutations ? 1 : 2, p);
      t->pool = collect(in, p[0]);
      const auto n = static_cast<std::int64_t>(t->pool.size());
      t->r = p[1].empty() || p[1].is_none() ? n : nonnegative(in, p[1], "r must be non-negative");
      if (kind == tool::combinations_with_replacement) {
        t->indices.assign(static_cast<std::size_t>(t->r), 0);
        t->done = n == 0 && t->r > 0;
      } else {
        t->done = t->r > n;
        t->indices.resize(static_cast<std::size_t>(n));
        for (std::size_t k = 0; k < t->indices.size(); ++k) t->indices[k] = k;
        for (std::int64_t k = 0; k < t->r; ++k) t->cycles.push_back(static_cast<std::size_t>(n - k));
      }
      break;
    }
    case tool::pairwise: expect_args(in, a, "pairwise", 1); iterate(0, 1); break;
    case tool::tee: case tool::grouper: throw_error(in, in.types.TypeError, "cannot create '" + name + "' instances");
  }
  return result;
}

value chain_from_iterable(interpreter& in, const call_args& a, object* data) {
  expect_args(in, a, "from_iterable", a.npos == 2 ? 2 : 1);
  auto* t = in.heap.make<tool_object>(static_cast<type_object*>(data));
  t->kind = tool::chain;
  value result = value::adopt(t);
  t->fn = get_iter(in, a.args[a.npos - 1]);
  return result;
}

value tee_fn(interpreter& in, const call_args& a, object* data) {
  expect_range(in, a, "tee", 1, 2);
  const std::int64_t n = a.npos > 1 ? nonnegative(in, a.args[1], "n must be >= 0") : 2;
  auto buffer = std::make_shared<tee_buffer>();
  buffer->source = get_iter(in, a.args[0]);
  std::vector<value> out;
  for (std::int64_t k = 0; k < n; ++k) {
    auto* t = in.heap.make<tool_object>(static_cast<type_object*>(data));
    t->kind = tool::tee;
    t->tee = buffer;
    out.push_back(value::adopt(t));
  }
  return make_tuple(in, std::move(out));
}

std::string count_repr(interpreter& in, const value& v) {
  const tool_object& t = self(v);
  if (t.kind == tool::count)
    return "count(" + repr(in, t.cur) + (t.step.is_int() && t.step.as_int() == 1 ? "" : ", " + repr(in, t.step)) + ")";
  if (t.kind == tool::repeat)
    return "repeat(" + repr(in, t.cur) + (t.n >= 0 ? ", " + std::to_string(t.n - t.pos) : "") + ")";
  return "<itertools." + v.obj()->type->name + " object>";
}

void make_itertools(interpreter& in, module_object& m) {
  type_object* chain_type = nullptr;
  type_object* tee_type = nullptr;
  for (const char* name : tool_names) {
    type_object* t = make_builtin_type(in, name, in.types.object_);
    t->module = "itertools";
    t->slots.iter = [](interpreter&, const value& v) { return v; };
    t->slots.next = tool_next;
    t->slots.construct = construct_tool;
    t->slots.repr = count_repr;
    m.attrs.set(in.intern(name), value::adopt(t));
    if (std::string_view(name) == "chain") chain_type = t;
    if (std::string_view(name) == "_tee") tee_type = t;
  }
  chain_type->dict.set(in.intern("from_iterable"), make_builtin(in, "from_iterable", chain_from_iterable, value::borrow(chain_type)));
  add_function(in, m, "tee", tee_fn, value::borrow(tee_type));
}

}  // namespace

void register_itertools_module(interpreter& in) { in.register_module("itertools", make_itertools); }

}  // namespace asyncrace::python
