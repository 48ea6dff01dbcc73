// What displays, comprehensions and unpacking ask of containers, through their public methods
// (the containers themselves live in their own files).
#include <cstdio>

#include "functions.hpp"
#include "interpreter.hpp"

namespace asyncrace::python {

namespace {
value method(interpreter& in, const value& obj, const char* name) { return getattr(in, obj, in.intern(name)); }
}  // namespace

void set_add_item(interpreter& in, const value& set, const value& item) { call(in, method(in, set, "add"), {item}); }

void list_extend_from(interpreter& in, const value& list, const value& iterable) {
  auto& items = static_cast<list_object*>(list.obj())->items;
  if (isinstance(iterable, in.types.tuple) || isinstance(iterable, in.types.list)) {
    const auto& src = iterable.obj()->type == in.types.tuple ? static_cast<tuple_object*>(iterable.obj())->items
                                                             : static_cast<list_object*>(iterable.obj())->items;
    std::vector<value> copy = src;  // `l += l` reads the list it grows
    items.insert(items.end(), copy.begin(), copy.end());
    return;
  }
  if (!type_of(iterable)->slots.iter && !type_of(iterable)->lookup(in.intern("__iter__")))
    throw_error(in, in.types.TypeError, "Value after * must be an iterable, not " + type_name(iterable));
  value it = get_iter(in, iterable);
  for (value v = iter_next(in, it); !v.empty(); v = iter_next(in, it)) items.push_back(std::move(v));
}

void dict_merge_from(interpreter& in, const value& dict, const value& mapping, bool reject_duplicates) {
  value keys = call(in, method(in, mapping, "keys"), std::vector<value>{});
  value it = get_iter(in, keys);
  for (value k = iter_next(in, it); !k.empty(); k = iter_next(in, it)) {
    if (reject_duplicates && contains(in, dict, k))
      throw_error(in, in.types.TypeError, "got multiple values for keyword argument '" + str(in, k) + "'");
    setitem(in, dict, k, getitem(in, mapping, k));
  }
}

std::vector<value> unpack_iterable(interpreter& in, const value& seq, std::uint32_t before, int after) {
  std::vector<value> items;
  if (isinstance(seq, in.types.tuple)) items = static_cast<tuple_object*>(seq.obj())->items;
  else if (isinstance(seq, in.types.list)) items = static_cast<list_object*>(seq.obj())->items;
  else {
    if (!type_of(seq)->slots.iter && !type_of(seq)->lookup(in.intern("__iter__")))
      throw_error(in, in.types.TypeError, "cannot unpack non-iterable " + type_name(seq) + " object");
    value it = get_iter(in, seq);
    for (value v = iter_next(in, it); !v.empty(); v = iter_next(in, it)) items.push_back(std::move(v));
  }
  if (after == 0 && before == 0) return items;  // "all of it" (args tuples)
  if (after < 0) {
    if (items.size() < before)
      throw_error(in, in.types.ValueError, "not enough values to unpack (expected " + std::to_string(before) + ", got " + std::to_string(items.size()) + ")");
    if (items.size() > before)
      throw_error(in, in.types.ValueError, "too many values to unpack (expected " + std::to_string(before) + ")");
    return items;
  }
  const std::size_t need = before + static_cast<std::size_t>(after);
  if (items.size() < need)
    throw_error(in, in.types.ValueError, "not enough values to unpack (expected at least " + std::to_string(need) + ", got " + std::to_string(items.size()) + ")");
  std::vector<value> out(items.begin(), items.begin() + before);
  out.push_back(make_list(in, std::vector<value>(items.begin() + before, items.end() - after)));
  out.insert(out.end(), items.end() - after, items.end());
  return out;
}

std::string ascii_repr(interpreter& in, const value& v) {
  std::string r = repr(in, v), out;
  for (std::size_t i = 0; i < r.size();) {
    unsigned char c = static_cast<unsigned char>(r[i]);
    if (c < 0x80) {
      out += r[i++];
      continue;
    }
    unsigned cp = 0;
    int len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    cp = c & (len == 4 ? 0x07 : len == 3 ? 0x0F : 0x1F);
    for (int k = 1; k < len && i + k < r.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(r[i + k]) & 0x3F);
    i += len;
    char buf[16];
    if (cp <= 0xff) std::snprintf(buf, sizeof buf, "\\x%02x", cp);
    else if (cp <= 0xffff) std::snprintf(buf, sizeof buf, "\\u%04x", cp);
    else std::snprintf(buf, sizeof buf, "\\U%08x", cp);
    out += buf;
  }
  return out;
}

}  // namespace asyncrace::python
