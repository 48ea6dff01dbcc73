// bytes: immutable byte strings — literals, repr, hex(), decode, len, indexing (ints), slicing,
// iteration, concatenation, repetition, comparisons and a few str-like methods.
#include <cstdio>

#include "args.hpp"
#include "numbers.hpp"
#include "pyrt/py_repr.hpp"
#include "sequence.hpp"
#include "str.hpp"

namespace asyncrace::python {

namespace {

struct bytes_iterator : object {
  value b;
  std::size_t pos = 0;
};

bool is_bytes(interpreter& in, const value& v) { return v.is_object() && v.obj()->type->is_subtype_of(in.types.bytes); }
const std::string& bytes_of(const value& v) { return static_cast<bytes_object*>(v.obj())->s; }

const std::string& bytes_arg(interpreter& in, const value& v) {
  if (!is_bytes(in, v)) throw_error(in, in.types.TypeError, "a bytes-like object is required, not '" + type_name(v) + "'");
  return bytes_of(v);
}

value bytes_binary(interpreter& in, bin_op op, const value& a, const value& b) {
  if (op == bin_op::add && is_bytes(in, a)) {
    if (!is_bytes(in, b)) {
      if (reflected_may_handle(in, b, op)) return {};
      throw_error(in, in.types.TypeError, "can't concat " + type_name(b) + " to bytes");
    }
    return make_bytes(in, bytes_of(a) + bytes_of(b));
  }
  if (op == bin_op::mul) {
    const value& s = is_bytes(in, a) ? a : b;
    const value& n = is_bytes(in, a) ? b : a;
    if (!is_bytes(in, s) || !is_int_like(n)) return {};
    const std::int64_t count = index_of(in, n);
    std::string out;
    for (std::int64_t i = 0; i < count; ++i) out += bytes_of(s);
    return make_bytes(in, std::move(out));
  }
  return {};
}

value bytes_compare(interpreter& in, const value& a, const value& b, cmp_op op) {
  if (!is_bytes(in, b)) return {};
  const int c = bytes_of(a).compare(bytes_of(b));
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

value bytes_getitem(interpreter& in, const value& v, const value& key) {
  const std::string& s = bytes_of(v);
  if (is_slice(in, key)) {
    const slice_bounds b = slice_indices(in, *static_cast<slice_object*>(key.obj()), static_cast<std::int64_t>(s.size()));
    std::string out;
    for (std::int64_t i = 0, k = b.start; i < b.length; ++i, k += b.step) out += s[static_cast<std::size_t>(k)];
    return make_bytes(in, std::move(out));
  }
  if (!is_index(in, key)) throw_error(in, in.types.TypeError, "byte indices must be integers or slices, not " + type_name(key));
  const std::int64_t i = sequence_index(in, key, static_cast<std::int64_t>(s.size()));
  if (i < 0) throw_error(in, in.types.IndexError, "index out of range");
  return value::integer(static_cast<unsigned char>(s[static_cast<std::size_t>(i)]));
}

value bytes_construct(interpreter& in, const call_args& a, object*) {
  value p[3];
  bind_args(in, a, "bytes", 0, {"source", "encoding", "errors"}, 0, p);
  if (p[0].empty()) return make_bytes(in, "");
  if (is_str(in, p[0])) {
    if (p[1].empty()) throw_error(in, in.types.TypeError, "string argument without an encoding");
    return call(in, getattr(in, p[0], in.intern("encode")), std::vector<value>(p + 1, p + (p[2].empty() ? 2 : 3)));
  }
  if (is_int_like(p[0])) {
    const std::int64_t n = index_of(in, p[0]);
    if (n < 0) throw_error(in, in.types.ValueError, "negative count");
    return make_bytes(in, std::string(static_cast<std::size_t>(n), '\0'));
  }
  if (is_bytes(in, p[0])) return p[0];
  std::string out;
  value it = get_iter(in, p[0]);
  for (value v = iter_next(in, it); !v.empty(); v = iter_next(in, it)) {
    if (!is_int_like(v)) throw_error(in, in.types.TypeError, "'" + type_name(v) + "' object cannot be interpreted as an integer");
    const std::int64_t b = index_of(in, v);
    if (b < 0 || b > 255) throw_error(in, in.types.ValueError, "bytes must be in range(0, 256)");
    out += static_cast<char>(b);
  }
  return make_bytes(in, std::move(out));
}

value decode(interpreter& in, const call_args& a, object*) {
  value p[2];
  bind_args(in, a, "decode", 1, {"encoding", "errors"}, 0, p);
  std::string encoding = p[0].empty() ? "utf-8" : str_arg(in, p[0], "decode() argument 'encoding'");
  for (auto& c : encoding) c = static_cast<char>(c == '_' ? '-' : std::tolower(static_cast<unsigned char>(c)));
  const std::string& s = bytes_of(a.args[0]);
  if (encoding == "latin-1" || encoding == "latin1" || encoding == "iso-8859-1") {
    std::string out;
    for (unsigned char c : s) out += utf8_char(c);
    return make_str(in, std::move(out));
  }
  if (encoding != "utf-8" && encoding != "utf8" && encoding != "ascii")
    throw_error(in, in.types.LookupError, "unknown encoding: " + encoding);
  const bool ascii = encoding == "ascii";
  for (std::size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    const bool bad = ascii ? c >= 0x80 : (c >= 0x80 && (c < 0xc2 || c > 0xf4));
    if (bad) {
      char buf[160];
      std::snprintf(buf, sizeof buf, "'%s' codec can't decode byte 0x%02x in position %zu: %s", ascii ? "ascii" : "utf-8", c, i,
                    ascii ? "ordinal not in range(128)" : "invalid start byte");
      throw_error(in, in.types.UnicodeError, buf);
    }
    if (c >= 0x80) i += c >= 0xf0 ? 3 : c >= 0xe0 ? 2 : 1;
  }
  return make_str(in, s);
}

value hex(interpreter& in, const call_args& a, object*) {
  std::string out;
  for (unsigned char c : bytes_of(a.args[0])) {
    out += "0123456789abcdef"[c >> 4];
    out += "0123456789abcdef"[c & 15];
  }
  return make_str(in, std::move(out));
}

}  // namespace

void install_bytes_type(interpreter& in) {
  type_object* t = in.types.bytes;
  type_slots& s = t->slots;
  s.repr = [](interpreter&, const value& v) { return "b" + py_quoted(bytes_of(v), true); };
  s.str = s.repr;
  s.hash = [](interpreter&, const value& v) { return hash_bytes(bytes_of(v)); };
  s.compare = bytes_compare;
  s.binary = bytes_binary;
  s.len = [](interpreter&, const value& v) { return static_cast<std::int64_t>(bytes_of(v).size()); };
  s.getitem = bytes_getitem;
  s.contains = [](interpreter& i, const value& v, const value& item) {
    if (is_int_like(item)) {
      const std::int64_t b = index_of(i, item);
      if (b < 0 || b > 255) throw_error(i, i.types.ValueError, "byte must be in range(0, 256)");
      return bytes_of(v).find(static_cast<char>(b)) != std::string::npos;
    }
    return bytes_of(v).find(bytes_arg(i, item)) != std::string::npos;
  };
  s.construct = bytes_construct;
  type_object* it = in.types.bytes_iterator = make_builtin_type(in, "bytes_iterator", in.types.object_);
  it->slots.iter = [](interpreter&, const value& v) { return v; };
  it->slots.next = [](interpreter&, const value& v) -> value {
    auto* i = static_cast<bytes_iterator*>(v.obj());
    if (i->b.empty() || i->pos >= bytes_of(i->b).size()) return {};
    return value::integer(static_cast<unsigned char>(bytes_of(i->b)[i->pos++]));
  };
  s.iter = [](interpreter& i, const value& v) {
    auto* o = i.heap.make<bytes_iterator>(i.types.bytes_iterator);
    o->b = v;
    return value::adopt(o);
  };
  add_method(in, t, "decode", decode);
  add_method(in, t, "hex", hex);
  add_method(in, t, "startswith", [](interpreter& i, const call_args& a, object*) {
    expect_args(i, a, "startswith", 2);
    const std::string& x = bytes_arg(i, a.args[1]);
    return value::boolean(bytes_of(a.args[0]).compare(0, x.size(), x) == 0);
  });
  add_method(in, t, "endswith", [](interpreter& i, const call_args& a, object*) {
    expect_args(i, a, "endswith", 2);
    const std::string& s = bytes_of(a.args[0]);
    const std::string& x = bytes_arg(i, a.args[1]);
    return value::boolean(s.size() >= x.size() && s.compare(s.size() - x.size(), x.size(), x) == 0);
  });
  add_method(in, t, "find", [](interpreter& i, const call_args& a, object*) {
    expect_args(i, a, "find", 2);
    const auto at = bytes_of(a.args[0]).find(bytes_arg(i, a.args[1]));
    return value::integer(at == std::string::npos ? -1 : static_cast<std::int64_t>(at));
  });
  add_method(in, t, "strip", [](interpreter& i, const call_args& a, object*) {
    const std::string& s = bytes_of(a.args[0]);
    const std::string chars = a.npos > 1 && !a.args[1].is_none() ? bytes_arg(i, a.args[1]) : std::string(" \t\n\r\f\v");
    const auto b = s.find_first_not_of(chars);
    return make_bytes(i, b == std::string::npos ? "" : s.substr(b, s.find_last_not_of(chars) - b + 1));
  });
  add_method(in, t, "rstrip", [](interpreter& i, const call_args& a, object*) {
    const std::string& s = bytes_of(a.args[0]);
    const std::string chars = a.npos > 1 && !a.args[1].is_none() ? bytes_arg(i, a.args[1]) : std::string(" \t\n\r\f\v");
    const auto e = s.find_last_not_of(chars);
    return make_bytes(i, e == std::string::npos ? "" : s.substr(0, e + 1));
  });
  add_method(in, t, "join", [](interpreter& i, const call_args& a, object*) {
    expect_args(i, a, "join", 2);
    std::string out;
    value it = get_iter(i, a.args[1]);
    bool first = true;
    for (value v = iter_next(i, it); !v.empty(); v = iter_next(i, it), first = false) {
      if (!first) out += bytes_of(a.args[0]);
      out += bytes_arg(i, v);
    }
    return make_bytes(i, std::move(out));
  });
  add_method(in, t, "upper", [](interpreter& i, const call_args& a, object*) {
    std::string s = bytes_of(a.args[0]);
    for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return make_bytes(i, std::move(s));
  });
  add_method(in, t, "lower", [](interpreter& i, const call_args& a, object*) {
    std::string s = bytes_of(a.args[0]);
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return make_bytes(i, std::move(s));
  });
}

}  // namespace asyncrace::python
