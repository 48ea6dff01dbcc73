// The methods of int: bit_length, to_bytes, __format__, ... (the operators are slots, int_type.cpp).
#include "args.hpp"
#include "formatting.hpp"
#include "interpreter.hpp"
#include "numbers.hpp"

namespace asyncrace::python {

namespace {

value str_value(interpreter& in, std::string s) { return make_str(in, std::move(s)); }

value int_to_bytes(interpreter& in, const call_args& a, object*) {
  value p[3];
  bind_args(in, a, "to_bytes", 1, {"length", "byteorder", "signed"}, 0, p);
  const std::int64_t length = p[0].empty() ? 1 : index_of(in, p[0]);
  const std::string order = p[1].empty() ? "big" : str(in, p[1]);
  const bool is_signed = !p[2].empty() && truthy(in, p[2]);
  if (order != "big" && order != "little") throw_error(in, in.types.ValueError, "byteorder must be either 'little' or 'big'");
  if (length < 0) throw_error(in, in.types.ValueError, "length argument must be non-negative");
  bigint n = to_bigint(a.args[0]);
  if (n.negative() && !is_signed) throw_error(in, in.types.OverflowError, "can't convert negative int to unsigned");
  const std::size_t bits = static_cast<std::size_t>(length) * 8;
  if (is_signed ? (n.negative() ? (-n - bigint::from_i64(1)).bit_length() + 1 > bits : n.bit_length() + 1 > bits)
                : n.bit_length() > bits)
    throw_error(in, in.types.OverflowError, "int too big to convert");
  if (n.negative()) n = n + bigint::from_i64(1).shift_left(bits);
  std::string out(static_cast<std::size_t>(length), '\0');
  for (std::size_t i = 0; i < out.size(); ++i) {
    const auto& limbs = n.limbs();
    const std::size_t limb = i / 4;
    const auto byte = static_cast<char>(limb < limbs.size() ? (limbs[limb] >> (8 * (i % 4))) & 0xff : 0);
    out[order == "big" ? out.size() - 1 - i : i] = byte;
  }
  return make_bytes(in, std::move(out));
}

value int_from_bytes(interpreter& in, const call_args& a, object*) {
  value p[3];
  const std::size_t first = a.npos && a.args[0].is_object() && a.args[0].obj() == in.types.int_ ? 1 : 0;
  bind_args(in, a, "from_bytes", first, {"bytes", "byteorder", "signed"}, 1, p);
  if (!isinstance(p[0], in.types.bytes)) throw_error(in, in.types.TypeError, "cannot convert '" + type_name(p[0]) + "' object to bytes");
  const std::string& data = static_cast<bytes_object*>(p[0].obj())->s;
  const std::string order = p[1].empty() ? "big" : str(in, p[1]);
  if (order != "big" && order != "little") throw_error(in, in.types.ValueError, "byteorder must be either 'little' or 'big'");
  bigint n;
  for (std::size_t i = 0; i < data.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(order == "big" ? data[i] : data[data.size() - 1 - i]);
    n = n.shift_left(8) + bigint::from_i64(c);
  }
  if (!p[2].empty() && truthy(in, p[2]) && !data.empty() && n.bit_length() == data.size() * 8)
    n = n - bigint::from_i64(1).shift_left(data.size() * 8);
  return make_int(in, std::move(n));
}

}  // namespace

void install_int_methods(interpreter& in) {
  type_object* t = in.types.int_;
  add_method(in, t, "bit_length", [](interpreter& i, const call_args& a, object*) {
    expect_args(i, a, "int.bit_length", 1);
    return value::integer(static_cast<std::int64_t>(to_bigint(a.args[0]).bit_length()));
  });
  add_method(in, t, "bit_count", [](interpreter& i, const call_args& a, object*) {
    expect_args(i, a, "int.bit_count", 1);
    std::int64_t count = 0;
    for (auto limb : to_bigint(a.args[0]).limbs()) count += __builtin_popcount(limb);
    return value::integer(count);
  });
  add_method(in, t, "__format__", [](interpreter& i, const call_args& a, object*) {
    expect_args(i, a, "int.__format__", 2);
    if (!isinstance(a.args[1], i.types.str))
      throw_error(i, i.types.TypeError, "format() argument 2 must be str, not " + type_name(a.args[1]));
    return str_value(i, format_int(i, a.args[0], static_cast<str_object*>(a.args[1].obj())->s));
  });
  for (const char* name : {"__index__", "__int__", "__trunc__", "__floor__", "__ceil__", "conjugate", "__pos__"})
    add_method(in, t, name, [](interpreter& i, const call_args& a, object*) {
      expect_args(i, a, "int method", 1);
      return a.args[0].is_bool() ? value::integer(a.args[0].as_int()) : a.args[0];
    });
  add_method(in, t, "__float__", [](interpreter& i, const call_args& a, object*) { return value::floating(to_double(i, a.args[0])); });
  add_method(in, t, "__abs__", [](interpreter& i, const call_args& a, object*) {
    const value& v = a.args[0];
    if (!v.is_object() && v.as_int() >= 0) return value::integer(v.as_int());
    return make_int(i, to_bigint(v).abs());
  });
  add_method(in, t, "as_integer_ratio", [](interpreter& i, const call_args& a, object*) {
    return make_tuple(i, {a.args[0].is_bool() ? value::integer(a.args[0].as_int()) : a.args[0], value::integer(1)});
  });
  add_method(in, t, "to_bytes", int_to_bytes);
  add_method(in, t, "from_bytes", int_from_bytes);
}

}  // namespace asyncrace::python
