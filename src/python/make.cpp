// Making the objects every part of the interpreter needs: strings, bytes, tuples, lists.
#include "interpreter.hpp"

namespace asyncrace::python {

value make_str(interpreter& in, std::string s) {
  if (s.size() == 1 && static_cast<unsigned char>(s[0]) < 128 && !in.char_strings[static_cast<unsigned char>(s[0])].empty())
    return in.char_strings[static_cast<unsigned char>(s[0])];
  if (s.empty() && !in.empty_str.empty()) return in.empty_str;
  auto* o = in.heap.make<str_object>(in.types.str);
  std::size_t n = 0;
  bool ascii = true;
  for (unsigned char c : s) {
    if (c >= 0x80) ascii = false;
    if ((c & 0xC0) != 0x80) ++n;
  }
  o->length = n;
  o->ascii = ascii;
  o->s = std::move(s);
  return value::adopt(o);
}

value make_bytes(interpreter& in, std::string s) {
  auto* o = in.heap.make<bytes_object>(in.types.bytes);
  o->s = std::move(s);
  return value::adopt(o);
}

value make_tuple(interpreter& in, std::vector<value> items) {
  if (items.empty() && !in.empty_tuple.empty()) return in.empty_tuple;
  auto* o = in.heap.make<tuple_object>(in.types.tuple);
  o->items = std::move(items);
  return value::adopt(o);
}

value make_list(interpreter& in, std::vector<value> items) {
  auto* o = in.heap.make<list_object>(in.types.list);
  o->items = std::move(items);
  return value::adopt(o);
}

value make_builtin(interpreter& in, std::string name, native_fn fn, value bound) {
  auto* o = in.heap.make<builtin_function_object>(in.types.builtin_function);
  o->name = std::move(name);
  o->fn = fn;
  o->bound = std::move(bound);
  return value::adopt(o);
}

void add_method(interpreter& in, type_object* t, std::string_view name, native_fn fn) {
  t->dict.set(in.intern(name), make_builtin(in, t->name + "." + std::string(name), fn));
}

type_object* type_of(const value& v) {
  const builtin_types& t = current_interpreter().types;
  switch (v.tag()) {
    case value::kind::none: return t.none;
    case value::kind::boolean: return t.bool_;
    case value::kind::integer: return t.int_;
    case value::kind::floating: return t.float_;
    case value::kind::object: return v.obj()->type;
    case value::kind::empty: break;
  }
  return t.none;
}

bool isinstance(const value& v, const type_object* t) { return type_of(v)->is_subtype_of(t); }
std::string type_name(const value& v) { return type_of(v)->name; }

const value* type_object::lookup(str_object* name) const {
  for (type_object* t : mro)
    if (const value* v = t->dict.find(name)) return v;
  return nullptr;
}

bool type_object::is_subtype_of(const type_object* t) const {
  for (type_object* m : mro)
    if (m == t) return true;
  return false;
}

type_object::~type_object() {
  for (type_object* b : bases) decref(b);
}

void attr_map::set(str_object* name, value v) {
  auto it = index_.find(name);
  if (it != index_.end()) {
    entries_[it->second].second = std::move(v);
    return;
  }
  index_.emplace(name, entries_.size());
  entries_.emplace_back(name, std::move(v));
}

bool attr_map::erase(str_object* name) {
  auto it = index_.find(name);
  if (it == index_.end()) return false;
  entries_[it->second].second = value();
  index_.erase(it);
  return true;
}

}  // namespace asyncrace::python
