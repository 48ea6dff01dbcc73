// The functools module: reduce, partial, lru_cache/cache (as decorators, with cache_info and
// cache_clear), wraps, cmp_to_key and total_ordering.
#include "args.hpp"
#include "dict.hpp"
#include "modules.hpp"
#include "str.hpp"

namespace asyncrace::python {

namespace {

struct partial_object : object {
  value fn;
  std::vector<value> args;
  std::vector<std::pair<str_object*, value>> kwargs;
};

struct cache_object : object {
  value fn, cache;  // cache: a dict from the argument tuple to the result
  std::int64_t maxsize = -1, hits = 0, misses = 0;
};

struct key_object : object {
  value cmp, obj;
};

value reduce(interpreter& in, const call_args& a, object*) {
  expect_range(in, a, "reduce", 2, 3);
  value it = get_iter(in, a.args[1]);
  value acc = a.npos > 2 ? a.args[2] : iter_next(in, it);
  if (acc.empty()) throw_error(in, in.types.TypeError, "reduce() of empty iterable with no initial value");
  for (value x = iter_next(in, it); !x.empty(); x = iter_next(in, it)) acc = call(in, a.args[0], {acc, x});
  return acc;
}

value partial_new(interpreter& in, const call_args& a, object* t) {
  if (a.npos < 1) throw_error(in, in.types.TypeError, "type 'partial' takes at least one argument");
  auto* p = in.heap.make<partial_object>(static_cast<type_object*>(t));
  value result = value::adopt(p);
  p->fn = a.args[0];
  p->args.assign(a.args + 1, a.args + a.npos);
  for (std::size_t k = 0; k < a.nkw; ++k) p->kwargs.emplace_back(a.kwnames[k], a.kw(k));
  return result;
}

value partial_call(interpreter& in, const call_args& a, object* self) {
  auto* p = static_cast<partial_object*>(self);
  std::vector<value> all = p->args;
  all.insert(all.end(), a.args, a.args + a.npos);
  std::vector<str_object*> names;
  std::vector<value> kw;
  for (auto& [n, v] : p->kwargs) {
    bool overridden = false;
    for (std::size_t k = 0; k < a.nkw; ++k) overridden = overridden || a.kwnames[k] == n;
    if (!overridden) {
      names.push_back(n);
      kw.push_back(v);
    }
  }
  for (std::size_t k = 0; k < a.nkw; ++k) {
    names.push_back(a.kwnames[k]);
    kw.push_back(a.kw(k));
  }
  const std::size_t npos = all.size();
  all.insert(all.end(), kw.begin(), kw.end());
  call_args c;
  c.args = all.data();
  c.npos = npos;
  c.kwnames = names.data();
  c.nkw = names.size();
  return call(in, p->fn, c);
}

std::string partial_repr(interpreter& in, const value& v) {
  auto* p = static_cast<partial_object*>(v.obj());
  std::string out = "functools.partial(" + repr(in, p->fn);
  for (auto& x : p->args) out += ", " + repr(in, x);
  for (auto& [n, x] : p->kwargs) out += ", " + n->s + "=" + repr(in, x);
  return out + ")";
}

value cache_call(interpreter& in, const call_args& a, object* self) {
  auto* c = static_cast<cache_object*>(self);
  std::vector<value> key_items(a.args, a.args + a.npos);
  if (a.nkw) {
    key_items.push_back(in.ellipsis);  // CPython's kwd_mark separates the keywords
    for (std::size_t k = 0; k < a.nkw; ++k) {
      key_items.push_back(value::borrow(a.kwnames[k]));
      key_items.push_back(a.kw(k));
    }
  }
  value key = make_tuple(in, std::move(key_items));
  value hit = dict_get(in, c->cache, key);
  if (!hit.empty()) {
    ++c->hits;
    return hit;
  }
  ++c->misses;
  value result = call(in, c->fn, a);
  if (c->maxsize != 0) {
    dict_table& t = dict_of(c->cache);
    if (c->maxsize > 0 && static_cast<std::int64_t>(t.size()) >= c->maxsize) {
      // Evict the least recently inserted entry (CPython evicts the least recently used).
      for (const auto& e : t.entries())
        if (!e.key.empty()) {
          value old = e.key;
          t.erase(in, old, e.hash);
          break;
        }
    }
    dict_set(in, c->cache, key, result);
  }
  return result;
}

value make_cache(interpreter& in, type_object* t, const value& fn, std::int64_t maxsize) {
  auto* c = in.heap.make<cache_object>(t);
  c->fn = fn;
  c->cache = make_dict(in);
  c->maxsize = maxsize;
  return value::adopt(c);
}

// lru_cache(maxsize=128) and lru_cache(fn): a decorator, or the decorated function.
value lru_cache(interpreter& in, const call_args& a, object* data) {
  auto* t = static_cast<type_object*>(data);
  value p[2];
  bind_args(in, a, "lru_cache", 0, {"maxsize", "typed"}, 0, p);
  if (!p[0].empty() && (p[0].is_object() && !isinstance(p[0], in.types.int_))) return make_cache(in, t, p[0], 128);
  const std::int64_t maxsize = p[0].empty() ? 128 : p[0].is_none() ? -1 : std::max<std::int64_t>(0, p[0].as_int());
  return make_builtin(in, "decorating_function", [](interpreter& i, const call_args& c, object* d) {
    expect_args(i, c, "decorating_function", 1);
    auto* spec = static_cast<tuple_object*>(d);
    return make_cache(i, static_cast<type_object*>(spec->items[0].obj()), c.args[0], spec->items[1].as_int());
  }, make_tuple(in, {value::borrow(t), value::integer(maxsize)}));
}

value wraps(interpreter& in, const call_args& a, object*) {
  if (a.npos != 1) throw_error(in, in.types.TypeError, "wraps() missing 1 required positional argument: 'wrapped'");
  return make_builtin(in, "update_wrapper", [](interpreter& i, const call_args& c, object* wrapped_obj) {
    expect_args(i, c, "update_wrapper", 1);
    value wrapped = value::borrow(wrapped_obj);
    const value& wrapper = c.args[0];
    for (const char* name : {"__module__", "__name__", "__qualname__", "__doc__"}) {
      value v;
      try {
        v = getattr_or_empty(i, wrapped, i.intern(name));
      } catch (const raised&) {
        continue;
      }
      if (v.empty()) continue;
      try {
        setattr(i, wrapper, i.intern(name), v);
      } catch (const raised&) {
      }
    }
    try {
      setattr(i, wrapper, i.intern("__wrapped__"), wrapped);
    } catch (const raised&) {
    }
    return wrapper;
  }, a.args[0]);
}

value key_compare(interpreter& in, const value& a, const value& b, cmp_op op) {
  if (!b.is_object() || b.obj()->type != a.obj()->type) return {};
  auto* x = static_cast<key_object*>(a.obj());
  auto* y = static_cast<key_object*>(b.obj());
  value r = call(in, x->cmp, {x->obj, y->obj});
  return compare(in, op, r, value::integer(0));
}

// total_ordering: the missing comparisons from __eq__ and one root, as functools defines them.
value total_ordering(interpreter& in, const call_args& a, object*) {
  expect_args(in, a, "total_ordering", 1);
  const value& cls = a.args[0];
  auto* t = static_cast<type_object*>(cls.obj());
  const char* roots[] = {"__lt__", "__le__", "__gt__", "__ge__"};
  const char* root = nullptr;
  for (const char* r : roots)
    if (t->dict.find(in.intern(r))) {
      root = r;
      break;
    }
  if (!root) throw_error(in, in.types.ValueError, "must define at least one ordering operation: < > <= >=");
  for (const char* r : roots) {
    if (t->dict.find(in.intern(r))) continue;
    // data: (root name, wanted name)
    value data = make_tuple(in, {make_str(in, root), make_str(in, r)});
    t->dict.set(in.intern(r), make_builtin(in, r, [](interpreter& i, const call_args& c, object* d) -> value {
      auto* spec = static_cast<tuple_object*>(d);
      const std::string& root_name = as_str(spec->items[0])->s;
      const std::string& want = as_str(spec->items[1])->s;
      const value& self = c.args[0];
      const value& other = c.args[1];
      auto root_op = [&]() { return truthy(i, call(i, getattr(i, self, i.intern(root_name)), {other})); };
      const bool eq = equal(i, self, other);
      const bool r = root_op();
      const bool root_is_less = root_name == "__lt__" || root_name == "__le__";
      const bool root_strict = root_name == "__lt__" || root_name == "__gt__";
      // The root says "self < other" (or <=, >, >=); derive the wanted relation.
      const bool less = root_is_less ? (root_strict ? r : r && !eq) : (root_strict ? !r && !eq : !r);
      if (want == "__lt__") return value::boolean(less);
      if (want == "__le__") return value::boolean(less || eq);
      if (want == "__gt__") return value::boolean(!less && !eq);
      return value::boolean(!less);
    }, data));
  }
  return cls;
}

void make_functools(interpreter& in, module_object& m) {
  add_function(in, m, "reduce", reduce);
  type_object* partial = make_builtin_type(in, "partial", in.types.object_);
  partial->module = "functools";
  partial->slots.construct = partial_new;
  partial->slots.call = partial_call;
  partial->slots.repr = partial_repr;
  partial->slots.getattr = [](interpreter& i, const value& v, str_object* name) -> value {
    auto* p = static_cast<partial_object*>(v.obj());
    if (name->s == "func") return p->fn;
    if (name->s == "args") return make_tuple(i, p->args);
    return {};
  };
  m.attrs.set(in.intern("partial"), value::adopt(partial));
  type_object* wrapper = make_builtin_type(in, "_lru_cache_wrapper", in.types.object_);
  wrapper->module = "functools";
  wrapper->slots.call = cache_call;
  wrapper->slots.getattr = [](interpreter& i, const value& v, str_object* name) -> value {
    auto* c = static_cast<cache_object*>(v.obj());
    if (name->s == "__wrapped__") return c->fn;
    if (name->s == "cache_info" || name->s == "cache_clear") return {};
    return getattr_or_empty(i, c->fn, name);  // __name__, __doc__, ... of the function
  };
  wrapper->slots.repr = [](interpreter& i, const value& v) { return repr(i, static_cast<cache_object*>(v.obj())->fn); };
  add_method(in, wrapper, "cache_info", [](interpreter& i, const call_args& a, object*) {
    auto* c = static_cast<cache_object*>(a.args[0].obj());
    return make_str(i, "CacheInfo(hits=" + std::to_string(c->hits) + ", misses=" + std::to_string(c->misses) + ", maxsize=" +
                           (c->maxsize < 0 ? std::string("None") : std::to_string(c->maxsize)) +
                           ", currsize=" + std::to_string(dict_of(c->cache).size()) + ")");
  });
  add_method(in, wrapper, "cache_clear", [](interpreter&, const call_args& a, object*) {
    auto* c = static_cast<cache_object*>(a.args[0].obj());
    dict_of(c->cache).clear();
    c->hits = c->misses = 0;
    return value::none();
  });
  m.attrs.set(in.intern("_lru_cache_wrapper"), value::adopt(wrapper));
  add_function(in, m, "lru_cache", lru_cache, value::borrow(wrapper));
  add_function(in, m, "cache", [](interpreter& i, const call_args& a, object* data) {
    expect_args(i, a, "cache", 1);
    return make_cache(i, static_cast<type_object*>(data), a.args[0], -1);
  }, value::borrow(wrapper));
  add_function(in, m, "wraps", wraps);
  type_object* key = make_builtin_type(in, "KeyWrapper", in.types.object_);
  key->module = "functools";
  key->slots.compare = key_compare;
  m.attrs.set(in.intern("KeyWrapper"), value::adopt(key));
  add_function(in, m, "cmp_to_key", [](interpreter& i, const call_args& a, object* data) {
    expect_args(i, a, "cmp_to_key", 1);
    value spec = make_tuple(i, {a.args[0], value::borrow(data)});
    return make_builtin(i, "K", [](interpreter& j, const call_args& c, object* d) {
      expect_args(j, c, "K", 1);
      auto* s = static_cast<tuple_object*>(d);
      auto* k = j.heap.make<key_object>(static_cast<type_object*>(s->items[1].obj()));
      k->cmp = s->items[0];
      k->obj = c.args[0];
      return value::adopt(k);
    }, spec);
  }, value::borrow(key));
  add_function(in, m, "total_ordering", total_ordering);
}

}  // namespace

void register_functools_module(interpreter& in) { in.register_module("functools", make_functools); }

}  // namespace asyncrace::python
