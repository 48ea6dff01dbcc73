// The builtin iterator types: enumerate, zip (strict=), map, filter, reversed, and iter(f, sentinel).
#include "args.hpp"
#include "builtins.hpp"
#include "numbers.hpp"

namespace asyncrace::python {

value make_list_reverse_iterator(interpreter&, const value& list);  // list_type.cpp
value range_reversed(interpreter&, const value& range);              // range_type.cpp

namespace {

struct enumerate_object : object {
  value it, index;  // index: an int (big ints too)
};
struct zip_object : object {
  std::vector<value> its;
  bool strict = false;
};
struct map_object : object {
  value fn;
  std::vector<value> its;
};
struct filter_object : object {
  value fn, it;
};
struct reversed_object : object {
  value seq;
  std::int64_t index = 0;
};
struct callable_iterator : object {
  value fn, sentinel;
};

type_object* iterator_type(interpreter& in, module_object& b, const char* name, value (*next)(interpreter&, const value&), native_fn construct) {
  type_object* t = make_builtin_type(in, name, in.types.object_);
  t->slots.iter = [](interpreter&, const value& v) { return v; };
  t->slots.next = next;
  t->slots.construct = construct;
  if (construct) b.attrs.set(in.intern(name), value::adopt(t));
  return t;
}

value enumerate_new(interpreter& in, const call_args& a, object* t) {
  value p[2];
  bind_args(in, a, "enumerate", 0, {"iterable", "start"}, 1, p);
  auto* e = in.heap.make<enumerate_object>(static_cast<type_object*>(t));
  value result = value::adopt(e);
  e->it = get_iter(in, p[0]);
  e->index = p[1].empty() ? value::integer(0) : p[1];
  if (!is_int_like(e->index))
    throw_error(in, in.types.TypeError, "'" + type_name(e->index) + "' object cannot be interpreted as an integer");
  return result;
}

value enumerate_next(interpreter& in, const value& v) {
  auto* e = static_cast<enumerate_object*>(v.obj());
  value item = iter_next(in, e->it);
  if (item.empty()) return {};
  value index = e->index;
  e->index = binary(in, bin_op::add, index, value::integer(1));
  return make_tuple(in, {std::move(index), std::move(item)});
}

value zip_new(interpreter& in, const call_args& a, object* t) {
  auto* z = in.heap.make<zip_object>(static_cast<type_object*>(t));
  value result = value::adopt(z);
  for (std::size_t k = 0; k < a.nkw; ++k) {
    if (a.nkw > 1) throw_error(in, in.types.TypeError, "zip() takes at most 1 keyword argument (" + std::to_string(a.nkw) + " given)");
    if (a.kwnames[k]->s != "strict") throw_error(in, in.types.TypeError, "zip() got an unexpected keyword argument '" + a.kwnames[k]->s + "'");
    z->strict = truthy(in, a.kw(k));
  }
  for (std::size_t i = 0; i < a.npos; ++i) z->its.push_back(get_iter(in, a.args[i]));
  return result;
}

value zip_next(interpreter& in, const value& v) {
  auto* z = static_cast<zip_object*>(v.obj());
  if (z->its.empty()) return {};
  std::vector<value> items;
  items.reserve(z->its.size());
  for (std::size_t i = 0; i < z->its.size(); ++i) {
    value x = iter_next(in, z->its[i]);
    if (x.empty()) {
      if (z->strict) {
        if (i > 0)
          throw_error(in, in.types.ValueError, "zip() argument " + std::to_string(i + 1) + " is shorter than argument" +
                                                   (i == 1 ? " 1" : "s 1-" + std::to_string(i)));
        for (std::size_t j = 1; j < z->its.size(); ++j)
          if (!iter_next(in, z->its[j]).empty())
            throw_error(in, in.types.ValueError, "zip() argument " + std::to_string(j + 1) + " is longer than argument" +
                                                     (j == 1 ? " 1" : "s 1-" + std::to_string(j)));
      }
      z->its.clear();
      return {};
    }
    items.push_back(std::move(x));
  }
  return make_tuple(in, std::move(items));
}

value map_new(interpreter& in, const call_args& a, object* t) {
  if (a.nkw) throw_error(in, in.types.TypeError, "map() takes no keyword arguments");
  if (a.npos < 2) throw_error(in, in.types.TypeError, "map() must have at least two arguments.");
  auto* m = in.heap.make<map_object>(static_cast<type_object*>(t));
  value result = value::adopt(m);
  m->fn = a.args[0];
  for (std::size_t i = 1; i < a.npos; ++i) m->its.push_back(get_iter(in, a.args[i]));
  return result;
}

value map_next(interpreter& in, const value& v) {
  auto* m = static_cast<map_object*>(v.obj());
  std::vector<value> args;
  for (auto& it : m->its) {
    value x = iter_next(in, it);
    if (x.empty()) return {};
    args.push_back(std::move(x));
  }
  return call(in, m->fn, std::move(args));
}

value filter_new(interpreter& in, const call_args& a, object* t) {
  if (a.nkw) throw_error(in, in.types.TypeError, "filter() takes no keyword arguments");
  if (a.npos != 2) throw_error(in, in.types.TypeError, "filter expected 2 arguments, got " + std::to_string(a.npos));
  auto* f = in.heap.make<filter_object>(static_cast<type_object*>(t));
  value result = value::adopt(f);
  f->fn = a.args[0];
  f->it = get_iter(in, a.args[1]);
  return result;
}

value filter_next(interpreter& in, const value& v) {
  auto* f = static_cast<filter_object*>(v.obj());
  for (value x = iter_next(in, f->it); !x.empty(); x = iter_next(in, f->it)) {
    const bool keep = f->fn.is_none() ? truthy(in, x) : truthy(in, call(in, f->fn, {x}));
    if (keep) return x;
  }
  return {};
}

value reversed_new(interpreter& in, const call_args& a, object* t) {
  if (a.nkw) throw_error(in, in.types.TypeError, "reversed() takes no keyword arguments");
  if (a.npos != 1) throw_error(in, in.types.TypeError, "reversed expected 1 argument, got " + std::to_string(a.npos));
  const value& seq = a.args[0];
  type_object* st = type_of(seq);
  if (st == in.types.list) return make_list_reverse_iterator(in, seq);
  if (st == in.types.range) return range_reversed(in, seq);
  if (const value* m = st->lookup(in.intern("__reversed__"))) return call(in, *m, {seq});
  if (st == in.types.dict) {
    value keys = call(in, value::borrow(in.types.list), {seq});
    return make_list_reverse_iterator(in, keys);
  }
  const bool has_len = st->slots.len || (st->is_heap_type && st->lookup(in.intern("__len__")));
  const bool has_getitem = (st->slots.getitem && st != in.types.dict) || (st->is_heap_type && st->lookup(in.intern("__getitem__")));
  if (!has_len || !has_getitem) throw_error(in, in.types.TypeError, "'" + st->name + "' object is not reversible");
  auto* r = in.heap.make<reversed_object>(static_cast<type_object*>(t));
  r->seq = seq;
  r->index = length(in, seq);
  return value::adopt(r);
}

value reversed_next(interpreter& in, const value& v) {
  auto* r = static_cast<reversed_object*>(v.obj());
  if (r->index <= 0 || r->seq.empty()) return {};
  return getitem(in, r->seq, value::integer(--r->index));
}

value callable_next(interpreter& in, const value& v) {
  auto* c = static_cast<callable_iterator*>(v.obj());
  if (c->fn.empty()) return {};
  value x = call(in, c->fn, std::vector<value>{});
  if (equal(in, x, c->sentinel)) {
    c->fn = value();
    return {};
  }
  return x;
}


}  // namespace

value make_callable_iterator(interpreter& in, const value& callable, const value& sentinel) {
  const value* t = in.builtins().attrs.find(in.intern("__callable_iterator__"));
  auto* c = in.heap.make<callable_iterator>(static_cast<type_object*>(t->obj()));
  c->fn = callable;
  c->sentinel = sentinel;
  return value::adopt(c);
}

void install_iterator_types(interpreter& in, module_object& b) {
  iterator_type(in, b, "enumerate", enumerate_next, enumerate_new);
  iterator_type(in, b, "zip", zip_next, zip_new);
  iterator_type(in, b, "map", map_next, map_new);
  iterator_type(in, b, "filter", filter_next, filter_new);
  iterator_type(in, b, "reversed", reversed_next, reversed_new);
  // Reachable by iter(f, sentinel) only (CPython does not name it in builtins either; the key
  // cannot be written as a name in a program).
  type_object* c = iterator_type(in, b, "callable_iterator", callable_next, nullptr);
  b.attrs.set(in.intern("__callable_iterator__"), value::adopt(c));
}

}  // namespace asyncrace::python
