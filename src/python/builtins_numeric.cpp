// The numeric builtins: abs, round, divmod, pow (with a modulus), hex/oct/bin, chr/ord.
#include <cmath>

#include "args.hpp"
#include "builtins.hpp"
#include "numbers.hpp"
#include "sequence.hpp"
#include "str.hpp"

namespace asyncrace::python {

namespace {

value call_dunder_or(interpreter& in, const value& v, const char* name, const std::string& error) {
  if (const value* m = type_of(v)->lookup(in.intern(name))) return call(in, *m, {v});
  throw_error(in, in.types.TypeError, error);
}

value builtin_abs(interpreter& in, const call_args& a, object*) {
  expect_args(in, a, "abs", 1);
  const value& x = a.args[0];
  if (x.is_float()) return value::floating(std::fabs(x.as_float()));
  if (x.is_int() || x.is_bool()) {
    if (x.as_int() >= 0) return value::integer(x.as_int());
    if (x.as_int() != INT64_MIN) return value::integer(-x.as_int());
  }
  if (is_int_like(x)) return make_int(in, to_bigint(x).abs());
  return call_dunder_or(in, x, "__abs__", "bad operand type for abs(): '" + type_name(x) + "'");
}

// round(int, ndigits): to a multiple of 10**-ndigits, halves to even.
value round_int(interpreter& in, const value& x, std::int64_t ndigits) {
  if (ndigits >= 0) return x.is_bool() ? value::integer(x.as_int()) : x;
  if (-ndigits > 4300) return value::integer(0);
  const bigint unit = bigint::from_i64(10).pow(static_cast<std::uint64_t>(-ndigits));
  bigint q, r;
  bigint::divmod(to_bigint(x), unit, &q, &r);
  const int c = bigint::compare(r.shift_left(1), unit);
  if (c > 0 || (c == 0 && !q.is_zero() && (q.limbs()[0] & 1))) q = q + bigint::from_i64(1);
  return make_int(in, q * unit);
}

value builtin_round(interpreter& in, const call_args& a, object*) {
  value p[2];
  bind_args(in, a, "round", 0, {"number", "ndigits"}, 1, p);
  const value& x = p[0];
  const bool no_digits = p[1].empty() || p[1].is_none();
  if (x.is_float()) {
    const double d = x.as_float();
    if (no_digits) {
      double r = std::nearbyint(d);  // the default rounding mode: halves to even
      if (std::fabs(d - std::trunc(d)) == 0.5) r = 2.0 * std::nearbyint(d / 2.0);
      return int_from_double(in, r);
    }
    return value::floating(round_double(d, index_of(in, p[1])));
  }
  if (is_int_like(x)) return no_digits ? (x.is_bool() ? value::integer(x.as_int()) : x) : round_int(in, x, index_of(in, p[1]));
  if (const value* m = type_of(x)->lookup(in.intern("__round__")))
    return no_digits ? call(in, *m, {x}) : call(in, *m, {x, p[1]});
  throw_error(in, in.types.TypeError, "type " + type_name(x) + " doesn't define __round__ method");
}

value builtin_divmod(interpreter& in, const call_args& a, object*) {
  expect_args(in, a, "divmod", 2);
  const value &x = a.args[0], &y = a.args[1];
  if (is_number(x) && is_number(y)) {
    if (x.is_float() || y.is_float()) {
      const double d = to_double(in, y);
      if (d == 0) throw_error(in, in.types.ZeroDivisionError, "float divmod()");
    }
    return make_tuple(in, {binary(in, bin_op::floordiv, x, y), binary(in, bin_op::mod, x, y)});
  }
  if (const value* m = type_of(x)->is_heap_type ? type_of(x)->lookup(in.intern("__divmod__")) : nullptr) return call(in, *m, {x, y});
  if (const value* m = type_of(y)->is_heap_type ? type_of(y)->lookup(in.intern("__rdivmod__")) : nullptr) return call(in, *m, {y, x});
  throw_error(in, in.types.TypeError, "unsupported operand type(s) for divmod(): '" + type_name(x) + "' and '" + type_name(y) + "'");
}

// pow(base, exp, mod) on ints: square-and-multiply; a negative exponent inverts base first.
value modular_pow(interpreter& in, const value& b, const value& e, const value& m) {
  bigint base = to_bigint(b), exp = to_bigint(e), mod = to_bigint(m);
  if (mod.is_zero()) throw_error(in, in.types.ValueError, "pow() 3rd argument cannot be 0");
  const bool negative_mod = mod.negative();
  mod = mod.abs();
  bigint r;
  bigint::divmod(base, mod, nullptr, &r);
  base = r;
  if (exp.negative()) {
    // Extended Euclid for the inverse of base modulo mod.
    bigint old_r = base, cur_r = mod, old_s = bigint::from_i64(1), cur_s;
    while (!cur_r.is_zero()) {
      bigint q, rem;
      bigint::divmod(old_r, cur_r, &q, &rem);
      old_r = std::exchange(cur_r, rem);
      bigint next_s = old_s - q * cur_s;
      old_s = std::exchange(cur_s, next_s);
    }
    if (!(old_r == bigint::from_i64(1))) throw_error(in, in.types.ValueError, "base is not invertible for the given modulus");
    bigint::divmod(old_s, mod, nullptr, &base);
    exp = -exp;
  }
  bigint result = bigint::from_i64(1);
  bigint::divmod(result, mod, nullptr, &result);
  while (!exp.is_zero()) {
    if (exp.limbs()[0] & 1) bigint::divmod(result * base, mod, nullptr, &result);
    exp = exp.shift_right(1);
    if (!exp.is_zero()) bigint::divmod(base * base, mod, nullptr, &base);
  }
  if (negative_mod && !result.is_zero()) result = result - mod;
  return make_int(in, std::move(result));
}

value builtin_pow(interpreter& in, const call_args& a, object*) {
  value p[3];
  bind_args(in, a, "pow", 0, {"base", "exp", "mod"}, 2, p);
  if (p[2].empty() || p[2].is_none()) return binary(in, bin_op::pow, p[0], p[1]);
  if (!is_int_like(p[0]) || !is_int_like(p[1]) || !is_int_like(p[2]))
    throw_error(in, in.types.TypeError, "pow() 3rd argument not allowed unless all arguments are integers");
  return modular_pow(in, p[0], p[1], p[2]);
}

value prefixed_int(interpreter& in, const call_args& a, const char* name, int base, const char* prefix) {
  expect_args(in, a, name, 1);
  value n = a.args[0];
  if (!is_int_like(n)) n = value::integer(index_of(in, n));
  const bigint v = to_bigint(n);
  return make_str(in, (v.negative() ? "-" : "") + std::string(prefix) + v.abs().to_string(base));
}

value builtin_chr(interpreter& in, const call_args& a, object*) {
  expect_args(in, a, "chr", 1);
  if (!is_index(in, a.args[0]))
    throw_error(in, in.types.TypeError, "'" + type_name(a.args[0]) + "' object cannot be interpreted as an integer");
  if (is_int_like(a.args[0]) && a.args[0].is_object()) throw_error(in, in.types.OverflowError, "Python int too large to convert to C int");
  const std::int64_t c = index_of(in, a.args[0]);
  if (c < 0 || c >= 0x110000) throw_error(in, in.types.ValueError, "chr() arg not in range(0x110000)");
  if (c < 128) return in.char_strings[c];
  return make_str(in, utf8_char(static_cast<std::uint32_t>(c)));
}

value builtin_ord(interpreter& in, const call_args& a, object*) {
  expect_args(in, a, "ord", 1);
  const value& c = a.args[0];
  if (is_str(in, c)) {
    if (as_str(c)->length != 1)
      throw_error(in, in.types.TypeError, "ord() expected a character, but string of length " + std::to_string(as_str(c)->length) + " found");
    std::size_t pos = 0;
    return value::integer(utf8_decode(as_str(c)->s, pos));
  }
  if (c.is_object() && c.obj()->type == in.types.bytes) {
    const std::string& b = static_cast<bytes_object*>(c.obj())->s;
    if (b.size() != 1) throw_error(in, in.types.TypeError, "ord() expected a character, but string of length " + std::to_string(b.size()) + " found");
    return value::integer(static_cast<unsigned char>(b[0]));
  }
  throw_error(in, in.types.TypeError, "ord() expected string of length 1, but " + type_name(c) + " found");
}

}  // namespace

void install_numeric_builtins(interpreter& in, module_object& b) {
  add_builtin(in, b, "abs", builtin_abs);
  add_builtin(in, b, "round", builtin_round);
  add_builtin(in, b, "divmod", builtin_divmod);
  add_builtin(in, b, "pow", builtin_pow);
  add_builtin(in, b, "hex", [](interpreter& i, const call_args& a, object*) { return prefixed_int(i, a, "hex", 16, "0x"); });
  add_builtin(in, b, "oct", [](interpreter& i, const call_args& a, object*) { return prefixed_int(i, a, "oct", 8, "0o"); });
  add_builtin(in, b, "bin", [](interpreter& i, const call_args& a, object*) { return prefixed_int(i, a, "bin", 2, "0b"); });
  add_builtin(in, b, "chr", builtin_chr);
  add_builtin(in, b, "ord", builtin_ord);
}

}  // namespace asyncrace::python
