// dict.keys()/values()/items(): live views of a dict, their iterators (which notice a dict that
// changed size, as CPython's do) and the keys/items views' set operations.
#include "args.hpp"
#include "dict.hpp"
#include "interpreter.hpp"
#include "sequence.hpp"

namespace asyncrace::python {

namespace {

struct dict_view : object {
  value dict;
};

struct dict_iterator : object {
  value dict;
  std::size_t pos = 0;
  std::size_t expected_size = 0;
  enum class kind : std::uint8_t { keys, values, items } what = kind::keys;
};

value make_view(interpreter& in, const value& d, type_object* t) {
  auto* v = in.heap.make<dict_view>(t);
  v->dict = d;
  return value::adopt(v);
}

const value& view_dict(const value& v) { return static_cast<dict_view*>(v.obj())->dict; }

value make_dict_iterator(interpreter& in, const value& d, dict_iterator::kind what) {
  type_object* t = what == dict_iterator::kind::keys     ? in.types.dict_keyiterator
                   : what == dict_iterator::kind::values ? in.types.dict_valueiterator
                                                         : in.types.dict_itemiterator;
  auto* it = in.heap.make<dict_iterator>(t);
  it->dict = d;
  it->what = what;
  it->expected_size = dict_of(d).size();
  return value::adopt(it);
}

value dict_next(interpreter& in, const value& v) {
  auto* it = static_cast<dict_iterator*>(v.obj());
  if (it->dict.empty()) return {};
  const dict_table& t = dict_of(it->dict);
  if (t.size() != it->expected_size) {
    it->expected_size = static_cast<std::size_t>(-1);  // stays broken, as CPython's
    throw_error(in, in.types.RuntimeError, "dictionary changed size during iteration");
  }
  while (it->pos < t.entries().size() && t.entries()[it->pos].key.empty()) ++it->pos;
  if (it->pos >= t.entries().size()) {
    it->dict = value();
    return {};
  }
  const auto& e = t.entries()[it->pos++];
  switch (it->what) {
    case dict_iterator::kind::keys: return e.key;
    case dict_iterator::kind::values: return e.val;
    case dict_iterator::kind::items: return make_tuple(in, {e.key, e.val});
  }
  return {};
}

std::string view_repr(interpreter& in, const value& v, const char* name, dict_iterator::kind what) {
  repr_guard guard(v.obj());
  if (guard.recursive()) return "...";
  std::vector<value> items;
  value it = make_dict_iterator(in, view_dict(v), what);
  for (value x = dict_next(in, it); !x.empty(); x = dict_next(in, it)) items.push_back(std::move(x));
  return std::string(name) + "(" + items_repr(in, items.data(), items.size(), "[", "]") + ")";
}

// keys() & other, | - ^: sets built from the view, as CPython's dictviews do.
value view_binary(interpreter& in, bin_op op, const value& a, const value& b) {
  static const char* const names[] = {nullptr, "difference", nullptr, nullptr, nullptr, nullptr, nullptr, nullptr,
                                      nullptr, "intersection", "union", "symmetric_difference", nullptr};
  const char* name = names[static_cast<int>(op)];
  if (!name) return {};
  const bool a_view = a.is_object() && (a.obj()->type == in.types.dict_keys || a.obj()->type == in.types.dict_items);
  value left = call(in, value::borrow(in.types.set), {a_view ? a : b});
  if (!a_view && op == bin_op::sub) {  // other - view
    left = call(in, value::borrow(in.types.set), {a});
    return call(in, getattr(in, left, in.intern("difference")), {b});
  }
  return call(in, getattr(in, left, in.intern(name)), {a_view ? b : a});
}

value view_compare(interpreter& in, const value& a, const value& b, cmp_op op) {
  if (op != cmp_op::eq && op != cmp_op::ne) return {};
  const bool b_setlike = b.is_object() && (b.obj()->type == in.types.set || b.obj()->type == in.types.frozenset ||
                                           b.obj()->type == in.types.dict_keys || b.obj()->type == in.types.dict_items);
  if (!b_setlike) return {};
  value sa = call(in, value::borrow(in.types.set), {a});
  value sb = call(in, value::borrow(in.types.set), {b});
  return compare(in, op, sa, sb);
}

type_object* iterator_type(interpreter& in, const char* name) {
  type_object* t = make_builtin_type(in, name, in.types.object_);
  t->slots.iter = [](interpreter&, const value& v) { return v; };
  t->slots.next = dict_next;
  return t;
}

}  // namespace

void install_dict_views(interpreter& in) {
  builtin_types& ts = in.types;
  ts.dict_keyiterator = iterator_type(in, "dict_keyiterator");
  ts.dict_valueiterator = iterator_type(in, "dict_valueiterator");
  ts.dict_itemiterator = iterator_type(in, "dict_itemiterator");
  ts.dict->slots.iter = [](interpreter& i, const value& d) { return make_dict_iterator(i, d, dict_iterator::kind::keys); };
  for (type_object* t : {ts.dict_keys, ts.dict_values, ts.dict_items}) {
    t->slots.len = [](interpreter&, const value& v) { return static_cast<std::int64_t>(dict_of(view_dict(v)).size()); };
  }
  ts.dict_keys->slots.iter = [](interpreter& i, const value& v) { return make_dict_iterator(i, view_dict(v), dict_iterator::kind::keys); };
  ts.dict_values->slots.iter = [](interpreter& i, const value& v) { return make_dict_iterator(i, view_dict(v), dict_iterator::kind::values); };
  ts.dict_items->slots.iter = [](interpreter& i, const value& v) { return make_dict_iterator(i, view_dict(v), dict_iterator::kind::items); };
  ts.dict_keys->slots.repr = [](interpreter& i, const value& v) { return view_repr(i, v, "dict_keys", dict_iterator::kind::keys); };
  ts.dict_values->slots.repr = [](interpreter& i, const value& v) { return view_repr(i, v, "dict_values", dict_iterator::kind::values); };
  ts.dict_items->slots.repr = [](interpreter& i, const value& v) { return view_repr(i, v, "dict_items", dict_iterator::kind::items); };
  ts.dict_keys->slots.contains = [](interpreter& i, const value& v, const value& k) {
    return dict_of(view_dict(v)).find(i, k, hash(i, k)) >= 0;
  };
  ts.dict_items->slots.contains = [](interpreter& i, const value& v, const value& item) {
    if (!item.is_object() || item.obj()->type != i.types.tuple || static_cast<tuple_object*>(item.obj())->items.size() != 2) return false;
    const auto& kv = static_cast<tuple_object*>(item.obj())->items;
    const value* found = dict_of(view_dict(v)).lookup(i, kv[0], hash(i, kv[0]));
    return found && (found->identical(kv[1]) || equal(i, *found, kv[1]));
  };
  for (type_object* t : {ts.dict_keys, ts.dict_items}) {
    t->slots.binary = view_binary;
    t->slots.compare = view_compare;
  }
  add_method(in, ts.dict, "keys", [](interpreter& i, const call_args& a, object*) {
    expect_args(i, a, "dict.keys", 1);
    return make_view(i, a.args[0], i.types.dict_keys);
  });
  add_method(in, ts.dict, "values", [](interpreter& i, const call_args& a, object*) {
    expect_args(i, a, "dict.values", 1);
    return make_view(i, a.args[0], i.types.dict_values);
  });
  add_method(in, ts.dict, "items", [](interpreter& i, const call_args& a, object*) {
    expect_args(i, a, "dict.items", 1);
    return make_view(i, a.args[0], i.types.dict_items);
  });
}

}  // namespace asyncrace::python
