// The copy module: copy() and deepcopy() for the builtin containers and class instances (a
// memo keeps shared and cyclic references shared, as copy.deepcopy's does).
#include <unordered_map>

#include "args.hpp"
#include "dict.hpp"
#include "modules.hpp"
#include "set.hpp"

namespace asyncrace::python {

namespace {

bool immutable_atom(interpreter& in, const value& v) {
  if (!v.is_object()) return true;
  type_object* t = v.obj()->type;
  return t == in.types.str || t == in.types.bytes || t == in.types.int_ || t == in.types.range || t == in.types.function ||
         t == in.types.builtin_function || t->is_subtype_of(in.types.type_) || t == in.types.frozenset || t == in.types.slice;
}

value copy_instance(interpreter& in, const value& v) {
  auto* src = static_cast<instance_object*>(v.obj());
  auto* o = in.heap.make<instance_object>(src->type);
  incref(src->type);
  src->attrs.each([&](str_object* k, const value& x) { o->attrs.set(k, x); });
  return value::adopt(o);
}

value shallow_copy(interpreter& in, const value& v) {
  if (immutable_atom(in, v)) return v;
  type_object* t = v.obj()->type;
  if (t->is_heap_type) {
    if (const value* m = t->lookup(in.intern("__copy__"))) return call(in, *m, {v});
  }
  if (t == in.types.tuple) return v;
  if (t == in.types.list) return make_list(in, static_cast<list_object*>(v.obj())->items);
  if (t->is_subtype_of(in.types.dict) || t->is_subtype_of(in.types.set))
    return call(in, getattr(in, v, in.intern("copy")), std::vector<value>{});
  if (t->lookup(in.intern("copy")) && !t->is_heap_type) return call(in, getattr(in, v, in.intern("copy")), std::vector<value>{});
  if (t->is_heap_type && dynamic_cast<instance_object*>(v.obj()) && !t->is_exception) return copy_instance(in, v);
  throw_error(in, in.types.TypeError, "cannot copy '" + t->name + "' object");
}

using memo_t = std::unordered_map<object*, value>;

value deep(interpreter& in, const value& v, memo_t& memo) {
  if (immutable_atom(in, v)) return v;
  auto found = memo.find(v.obj());
  if (found != memo.end()) return found->second;
  type_object* t = v.obj()->type;
  if (t->is_heap_type) {
    if (const value* m = t->lookup(in.intern("__deepcopy__"))) return call(in, *m, {v, make_dict(in)});
  }
  if (t->is_subtype_of(in.types.tuple)) {
    std::vector<value> items;
    bool changed = false;
    for (const value& x : static_cast<tuple_object*>(v.obj())->items) {
      items.push_back(deep(in, x, memo));
      changed = changed || !items.back().identical(x);
    }
    if (!changed) return v;
    auto* o = in.heap.make<tuple_object>(t);
    o->items = std::move(items);
    return memo[v.obj()] = value::adopt(o);
  }
  if (t == in.types.list) {
    value out = make_list(in, {});
    memo[v.obj()] = out;
    const std::vector<value> src = static_cast<list_object*>(v.obj())->items;
    for (const value& x : src) static_cast<list_object*>(out.obj())->items.push_back(deep(in, x, memo));
    return out;
  }
  if (t->is_subtype_of(in.types.dict)) {
    value out = shallow_copy(in, v);  // keeps the subtype (defaultdict's factory, Counter)
    dict_of(out).clear();
    memo[v.obj()] = out;
    for (const auto& e : std::vector<dict_table::entry>(dict_of(v).entries()))
      if (!e.key.empty()) dict_set(in, out, deep(in, e.key, memo), deep(in, e.val, memo));
    return out;
  }
  if (t == in.types.set) {
    value out = make_set(in, false);
    memo[v.obj()] = out;
    for (const auto& s : std::vector<set_table::slot>(set_of(v).slots()))
      if (!s.key.empty()) {
        value k = deep(in, s.key, memo);
        set_of(out).add(in, k, hash(in, k));
      }
    return out;
  }
  if (t->is_heap_type && dynamic_cast<instance_object*>(v.obj()) && !t->is_exception) {
    auto* src = static_cast<instance_object*>(v.obj());
    auto* o = in.heap.make<instance_object>(t);
    incref(t);
    value out = value::adopt(o);
    memo[v.obj()] = out;
    std::vector<std::pair<str_object*, value>> attrs;
    src->attrs.each([&](str_object* k, const value& x) { attrs.emplace_back(k, x); });
    for (auto& [k, x] : attrs) o->attrs.set(k, deep(in, x, memo));
    return out;
  }
  return shallow_copy(in, v);
}

void make_copy(interpreter& in, module_object& m) {
  add_function(in, m, "copy", [](interpreter& i, const call_args& a, object*) {
    expect_args(i, a, "copy", 1);
    return shallow_copy(i, a.args[0]);
  });
  add_function(in, m, "deepcopy", [](interpreter& i, const call_args& a, object*) {
    expect_range(i, a, "deepcopy", 1, 2);
    memo_t memo;
    return deep(i, a.args[0], memo);
  });
}

}  // namespace

void register_copy_module(interpreter& in) { in.register_module("copy", make_copy); }

}  // namespace asyncrace::python
