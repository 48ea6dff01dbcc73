// str: UTF-8 text with its length in code points; ASCII text (the common case) indexes by byte.
// Its slots: repr, hash (cached), comparisons, +, *, %, len, iteration, indexing, `in`.
#include <algorithm>

#include "args.hpp"
#include "formatting.hpp"
#include "interpreter.hpp"
#include "numbers.hpp"
#include "pyrt/py_format_spec.hpp"
#include "pyrt/py_repr.hpp"
#include "sequence.hpp"
#include "str.hpp"

namespace asyncrace::python {

namespace {

struct str_iterator : object {
  value s;
  std::size_t pos = 0;  // byte offset
};

value str_next(interpreter& in, const value& it) {
  auto* i = static_cast<str_iterator*>(it.obj());
  if (i->s.empty()) return {};
  const std::string& text = as_str(i->s)->s;
  if (i->pos >= text.size()) {
    i->s = value();
    return {};
  }
  const unsigned char c = static_cast<unsigned char>(text[i->pos]);
  if (c < 0x80) {
    ++i->pos;
    return in.char_strings[c];
  }
  const std::size_t start = i->pos;
  utf8_decode(text, i->pos);
  return make_str(in, text.substr(start, i->pos - start));
}

value str_binary(interpreter& in, bin_op op, const value& a, const value& b) {
  if (op == bin_op::add) {
    if (!is_str(in, a)) return {};
    if (!is_str(in, b)) {
      if (reflected_may_handle(in, b, op)) return {};
      throw_error(in, in.types.TypeError, "can only concatenate str (not \"" + type_name(b) + "\") to str");
    }
    const str_object& x = *as_str(a);
    const str_object& y = *as_str(b);
    if (y.s.empty()) return a;
    if (x.s.empty()) return b;
    return make_str(in, x.s + y.s);
  }
  if (op == bin_op::mul) {
    const value& s = is_str(in, a) ? a : b;
    const value& n = is_str(in, a) ? b : a;
    if (!is_str(in, s)) return {};
    if (!is_index(in, n)) {
      if (&s == &a && reflected_may_handle(in, b, op)) return {};
      throw_error(in, in.types.TypeError, "can't multiply sequence by non-int of type '" + type_name(n) + "'");
    }
    const std::int64_t count = is_int_like(n) && n.is_object() ? (to_bigint(n).negative() ? 0 : INT64_MAX) : index_of(in, n);
    const std::string& text = as_str(s)->s;
    if (count <= 0 || text.empty()) return in.empty_str;
    if (count == 1) return s;
    if (static_cast<std::uint64_t>(count) > (std::uint64_t{1} << 31) / text.size()) throw_error(in, in.types.MemoryError, "");
    std::string out;
    out.reserve(text.size() * static_cast<std::size_t>(count));
    for (std::int64_t i = 0; i < count; ++i) out += text;
    return make_str(in, std::move(out));
  }
  if (op == bin_op::mod && is_str(in, a)) return str_percent(in, as_str(a)->s, b);
  return {};
}

value str_compare(interpreter& in, const value& a, const value& b, cmp_op op) {
  if (!is_str(in, b)) return {};
  // Byte order of UTF-8 is code point order.
  const int c = as_str(a)->s.compare(as_str(b)->s);
  switch (op) {
    case cmp_op::lt: return value::boolean(c < 0);
    case cmp_op::le: return value::boolean(c <= 0);
    case cmp_op::eq: return value::boolean(c == 0);
    case cmp_op::ne: return value::boolean(c != 0);
    case cmp_op::gt: return value::boolean(c > 0);
    case cmp_op::ge: return value::boolean(c >= 0);
  }
  return {};
}

value str_getitem(interpreter& in, const value& v, const value& key) {
  const str_object& s = *as_str(v);
  const auto length = static_cast<std::int64_t>(s.length);
  if (is_slice(in, key)) {
    const slice_bounds b = slice_indices(in, *static_cast<slice_object*>(key.obj()), length);
    if (b.step == 1) return b.length == length ? v : str_slice_range(in, s, static_cast<std::size_t>(b.start), static_cast<std::size_t>(b.start + b.length));
    std::string out;
    if (s.ascii) {
      for (std::int64_t i = 0, k = b.start; i < b.length; ++i, k += b.step) out += s.s[static_cast<std::size_t>(k)];
    } else {
      std::vector<std::string> chars;
      for (std::size_t pos = 0; pos < s.s.size();) chars.push_back(utf8_char(utf8_decode(s.s, pos)));
      for (std::int64_t i = 0, k = b.start; i < b.length; ++i, k += b.step) out += chars[static_cast<std::size_t>(k)];
    }
    return make_str(in, std::move(out));
  }
  if (!is_index(in, key)) throw_error(in, in.types.TypeError, "string indices must be integers, not '" + type_name(key) + "'");
  const std::int64_t i = sequence_index(in, key, length);
  if (i < 0) throw_error(in, in.types.IndexError, "string index out of range");
  if (s.ascii) return in.char_strings[static_cast<unsigned char>(s.s[static_cast<std::size_t>(i)])];
  return str_slice_range(in, s, static_cast<std::size_t>(i), static_cast<std::size_t>(i) + 1);
}

value str_construct(interpreter& in, const call_args& a, object*) {
  value p[3];
  bind_args(in, a, "str", 0, {"object", "encoding", "errors"}, 0, p);
  if (p[0].empty()) return in.empty_str;
  if (p[1].empty() && p[2].empty()) return make_str(in, str(in, p[0]));
  if (!isinstance(p[0], in.types.bytes))
    throw_error(in, in.types.TypeError, "decoding to str: need a bytes-like object, " + type_name(p[0]) + " found");
  return call(in, getattr(in, p[0], in.intern("decode")), std::vector<value>(p + 1, p + (p[2].empty() ? 2 : 3)));
}

}  // namespace

const std::string& str_arg(interpreter& in, const value& v, std::string_view what) {
  if (!is_str(in, v))
    throw_error(in, in.types.TypeError, (what.empty() ? "" : std::string(what) + " ") + "must be str, not " + type_name(v));
  return as_str(v)->s;
}

std::uint32_t utf8_decode(std::string_view s, std::size_t& pos) {
  const unsigned char c = static_cast<unsigned char>(s[pos]);
  if (c < 0x80) {
    ++pos;
    return c;
  }
  const int len = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
  std::uint32_t cp = c & (len == 4 ? 0x07 : len == 3 ? 0x0f : 0x1f);
  for (int k = 1; k < len && pos + static_cast<std::size_t>(k) < s.size(); ++k)
    cp = (cp << 6) | (static_cast<unsigned char>(s[pos + static_cast<std::size_t>(k)]) & 0x3f);
  pos = std::min(pos + static_cast<std::size_t>(len), s.size());
  return cp;
}

std::string utf8_char(std::uint32_t code_point) { return utf8_encode(code_point); }

std::size_t utf8_offset(const str_object& s, std::size_t index) {
  if (s.ascii) return index;
  std::size_t pos = 0;
  for (std::size_t i = 0; i < index && pos < s.s.size(); ++i) utf8_decode(s.s, pos);
  return pos;
}

value str_slice_range(interpreter& in, const str_object& s, std::size_t start, std::size_t stop) {
  const std::size_t from = utf8_offset(s, start);
  const std::size_t to = s.ascii ? stop : from + utf8_offset(s, stop) - utf8_offset(s, start);
  return make_str(in, s.s.substr(from, to - from));
}

std::string str_repr(std::string_view s) { return asyncrace::py_repr(s); }

bool is_space_cp(std::uint32_t c) {
  return c == ' ' || (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x1f) || c == 0x85 || c == 0xa0 || c == 0x1680 ||
         (c >= 0x2000 && c <= 0x200a) || c == 0x2028 || c == 0x2029 || c == 0x202f || c == 0x205f || c == 0x3000;
}
bool is_upper_cp(std::uint32_t c) {
  return (c >= 'A' && c <= 'Z') || (c >= 0xc0 && c <= 0xde && c != 0xd7) || (c >= 0x391 && c <= 0x3a9) ||
         (c >= 0x410 && c <= 0x42f);
}
bool is_lower_cp(std::uint32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 0xdf && c <= 0xff && c != 0xf7) || (c >= 0x3b1 && c <= 0x3c9) ||
         (c >= 0x430 && c <= 0x44f);
}
bool is_alpha_cp(std::uint32_t c) {
  return is_upper_cp(c) || is_lower_cp(c) || c == 0xaa || c == 0xb5 || c == 0xba || (c >= 0x4e00 && c <= 0x9fff) ||
         (c >= 0x3040 && c <= 0x30ff);
}
bool is_digit_cp(std::uint32_t c) { return c >= '0' && c <= '9'; }
std::uint32_t to_upper_cp(std::uint32_t c) {
  if (c >= 'a' && c <= 'z') return c - 32;
  if ((c >= 0xe0 && c <= 0xfe && c != 0xf7) || (c >= 0x3b1 && c <= 0x3c9 && c != 0x3c2) || (c >= 0x430 && c <= 0x44f))
    return c - 32;
  return c;
}
std::uint32_t to_lower_cp(std::uint32_t c) {
  if (c >= 'A' && c <= 'Z') return c + 32;
  if ((c >= 0xc0 && c <= 0xde && c != 0xd7) || (c >= 0x391 && c <= 0x3a9) || (c >= 0x410 && c <= 0x42f)) return c + 32;
  return c;
}

void install_strings(interpreter& in) {
  type_object* t = in.types.str;
  type_slots& s = t->slots;
  s.repr = [](interpreter&, const value& v) { return str_repr(as_str(v)->s); };
  s.str = [](interpreter&, const value& v) { return as_str(v)->s; };
  s.hash = [](interpreter&, const value& v) { return str_hash(*as_str(v)); };
  s.compare = str_compare;
  s.binary = str_binary;
  s.len = [](interpreter&, const value& v) { return static_cast<std::int64_t>(as_str(v)->length); };
  s.getitem = str_getitem;
  s.contains = [](interpreter& i, const value& v, const value& item) {
    if (!is_str(i, item))
      throw_error(i, i.types.TypeError, "'in <string>' requires string as left operand, not " + type_name(item));
    return as_str(v)->s.find(as_str(item)->s) != std::string::npos;
  };
  s.construct = str_construct;
  type_object* it_type = in.types.str_iterator = make_builtin_type(in, "str_ascii_iterator", in.types.object_);
  it_type->slots.next = str_next;
  it_type->slots.iter = [](interpreter&, const value& v) { return v; };
  s.iter = [](interpreter& i, const value& v) {
    auto* it = i.heap.make<str_iterator>(i.types.str_iterator);
    it->s = v;
    return value::adopt(it);
  };
  install_str_methods(in);
  install_str_format(in);
  install_str_case(in);
  install_bytes_type(in);
}

}  // namespace asyncrace::python
