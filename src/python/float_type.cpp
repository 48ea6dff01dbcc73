// float: an immediate double. Mixed int/float arithmetic lands here (int's slot declines it,
// as CPython's long returns NotImplemented), with CPython's floor division and modulo.
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "args.hpp"
#include "formatting.hpp"
#include "interpreter.hpp"
#include "numbers.hpp"
#include "pyrt/py_format.hpp"

namespace asyncrace::python {

namespace {

// CPython's float_divmod: the modulo takes the divisor's sign; the quotient is floored.
void float_divmod(interpreter& in, double vx, double wx, double* div_out, double* mod_out, const char* zero_message) {
  if (wx == 0) throw_error(in, in.types.ZeroDivisionError, zero_message);
  double mod = std::fmod(vx, wx);
  double div = (vx - mod) / wx;
  if (mod != 0) {
    if ((wx < 0) != (mod < 0)) {
      mod += wx;
      div -= 1.0;
    }
  } else {
    mod = std::copysign(0.0, wx);
  }
  double floordiv;
  if (div != 0) {
    floordiv = std::floor(div);
    if (div - floordiv > 0.5) floordiv += 1.0;
  } else {
    floordiv = std::copysign(0.0, vx / wx);
  }
  if (div_out) *div_out = floordiv;
  if (mod_out) *mod_out = mod;
}

double float_pow(interpreter& in, double x, double y) {
  if (x == 0 && y < 0) throw_error(in, in.types.ZeroDivisionError, "0.0 cannot be raised to a negative power");
  errno = 0;
  const double r = std::pow(x, y);
  if (std::isinf(r) && std::isfinite(x) && std::isfinite(y))
    throw_error(in, in.types.OverflowError, "(34, 'Numerical result out of range')");
  return r;
}

value float_binary(interpreter& in, bin_op op, const value& a, const value& b) {
  if (!is_number(a) || !is_number(b)) return {};
  const double x = to_double(in, a), y = to_double(in, b);
  switch (op) {
    case bin_op::add: return value::floating(x + y);
    case bin_op::sub: return value::floating(x - y);
    case bin_op::mul: return value::floating(x * y);
    case bin_op::truediv:
      if (y == 0) throw_error(in, in.types.ZeroDivisionError, "float division by zero");
      return value::floating(x / y);
    case bin_op::floordiv: {
      double d;
      float_divmod(in, x, y, &d, nullptr, "float floor division by zero");
      return value::floating(d);
    }
    case bin_op::mod: {
      double m;
      float_divmod(in, x, y, nullptr, &m, "float modulo");
      return value::floating(m);
    }
    case bin_op::pow:
      if (x < 0 && y != std::floor(y) && std::isfinite(y)) return complex_power(in, x, y);
      return value::floating(float_pow(in, x, y));
    default: return {};
  }
}

value float_compare(interpreter&, const value& a, const value& b, cmp_op op) {
  const double x = a.as_float();
  if (b.is_float()) {
    const double y = b.as_float();
    switch (op) {
      case cmp_op::lt: return value::boolean(x < y);
      case cmp_op::le: return value::boolean(x <= y);
      case cmp_op::eq: return value::boolean(x == y);
      case cmp_op::ne: return value::boolean(x != y);
      case cmp_op::gt: return value::boolean(x > y);
      case cmp_op::ge: return value::boolean(x >= y);
    }
  }
  if (!is_int_like(b)) return {};
  // x op n is n reflected(op) x.
  static const cmp_op swapped[] = {cmp_op::gt, cmp_op::ge, cmp_op::eq, cmp_op::ne, cmp_op::lt, cmp_op::le};
  return value::boolean(compare_int_float(b, x, swapped[static_cast<int>(op)]));
}

value float_unary(interpreter&, unary_op op, const value& a) {
  if (op == unary_op::neg) return value::floating(-a.as_float());
  if (op == unary_op::pos) return a;
  return {};
}

// float(text): Python's grammar (underscores between digits, inf/nan words), spaces stripped.
value float_from_string(interpreter& in, const std::string& text, const value& original) {
  auto fail = [&]() -> value {
    throw_error(in, in.types.ValueError, "could not convert string to float: " + repr(in, original));
  };
  const auto first = text.find_first_not_of(" \t\n\r\f\v");
  if (first == std::string::npos) return fail();
  std::string t = text.substr(first, text.find_last_not_of(" \t\n\r\f\v") - first + 1);
  std::string clean;
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (t[i] == '_') {
      const bool between = i > 0 && i + 1 < t.size() && std::isdigit(static_cast<unsigned char>(t[i - 1])) &&
                           std::isdigit(static_cast<unsigned char>(t[i + 1]));
      if (!between) return fail();
      continue;
    }
    clean += t[i];
  }
  std::string word = clean;
  for (auto& c : word) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const bool neg = !word.empty() && word[0] == '-';
  const std::string bare = (!word.empty() && (word[0] == '-' || word[0] == '+')) ? word.substr(1) : word;
  if (bare == "inf" || bare == "infinity") return value::floating(neg ? -HUGE_VAL : HUGE_VAL);
  if (bare == "nan") return value::floating(neg ? -NAN : NAN);
  // Only decimal literals: no hex floats, no words strtod would also take.
  if (clean.find_first_not_of("0123456789.eE+-") != std::string::npos) return fail();
  char* end = nullptr;
  const double d = std::strtod(clean.c_str(), &end);
  if (end != clean.c_str() + clean.size() || clean.empty()) return fail();
  return value::floating(d);
}

value float_construct(interpreter& in, const call_args& a, object*) {
  no_keywords(in, a, "float");
  if (a.npos > 1) throw_error(in, in.types.TypeError, "float expected at most 1 argument, got " + std::to_string(a.npos));
  if (a.npos == 0) return value::floating(0.0);
  const value& x = a.args[0];
  if (x.is_float()) return x;
  if (is_int_like(x)) return value::floating(to_double(in, x));
  if (isinstance(x, in.types.str)) return float_from_string(in, static_cast<str_object*>(x.obj())->s, x);
  for (const char* name : {"__float__", "__index__"}) {
    if (const value* m = type_of(x)->lookup(in.intern(name))) {
      value r = call(in, *m, {x});
      if (r.is_float()) return r;
      if (is_int_like(r)) return value::floating(to_double(in, r));
      throw_error(in, in.types.TypeError, type_name(x) + "." + name + " returned non-float (type " + type_name(r) + ")");
    }
  }
  throw_error(in, in.types.TypeError, "float() argument must be a string or a real number, not '" + type_name(x) + "'");
}

value float_as_integer_ratio(interpreter& in, const call_args& a, object*) {
  double x = a.args[0].as_float();
  if (std::isinf(x)) throw_error(in, in.types.OverflowError, "cannot convert Infinity to integer ratio");
  if (std::isnan(x)) throw_error(in, in.types.ValueError, "cannot convert NaN to integer ratio");
  int exponent = 0;
  double m = std::frexp(x, &exponent);
  for (int i = 0; i < 300 && m != std::floor(m); ++i) {
    m *= 2.0;
    --exponent;
  }
  bigint num = bigint::from_double(m), den = bigint::from_i64(1);
  if (exponent > 0) num = num.shift_left(static_cast<std::uint64_t>(exponent));
  else den = den.shift_left(static_cast<std::uint64_t>(-exponent));
  return make_tuple(in, {make_int(in, std::move(num)), make_int(in, std::move(den))});
}

value float_hex(interpreter& in, const call_args& a, object*) {
  const double x = a.args[0].as_float();
  if (std::isnan(x) || std::isinf(x)) return make_str(in, py_float_repr(x));
  if (x == 0) return make_str(in, std::signbit(x) ? "-0x0.0p+0" : "0x0.0p+0");
  int exponent = 0;
  const double m = std::frexp(std::fabs(x), &exponent);  // [0.5, 1)
  // CPython writes 1.xxxxxxxxxxxxx (13 hex digits) p exponent, subnormals included.
  auto mant = static_cast<std::uint64_t>(std::ldexp(m, 53));  // 53 bits, leading one at bit 52
  int e = exponent - 1;
  if (e < -1022) {  // subnormal: 0.xxx p-1022
    mant >>= (-1022 - e);
    e = -1022;
  }
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s0x%llx.%013llxp%+d", x < 0 ? "-" : "", static_cast<unsigned long long>(mant >> 52),
                static_cast<unsigned long long>(mant & ((std::uint64_t{1} << 52) - 1)), e);
  return make_str(in, buf);
}

}  // namespace

std::int64_t hash_double(double v) {
  constexpr std::uint64_t modulus = (std::uint64_t{1} << 61) - 1;
  constexpr int bits = 61;
  if (std::isinf(v)) return v > 0 ? 314159 : -314159;
  if (std::isnan(v)) return 0;
  int e = 0;
  double m = std::frexp(v, &e);
  int sign = 1;
  if (m < 0) {
    sign = -1;
    m = -m;
  }
  std::uint64_t x = 0;
  while (m != 0) {
    x = ((x << 28) & modulus) | x >> (bits - 28);
    m *= 268435456.0;
    e -= 28;
    const auto y = static_cast<std::uint64_t>(m);
    m -= static_cast<double>(y);
    x += y;
    if (x >= modulus) x -= modulus;
  }
  e = e >= 0 ? e % bits : bits - 1 - ((-1 - e) % bits);
  x = ((x << e) & modulus) | x >> (bits - e);
  x = x * static_cast<std::uint64_t>(static_cast<std::int64_t>(sign));
  auto h = static_cast<std::int64_t>(x);
  return h == -1 ? -2 : h;
}

double round_double(double x, std::int64_t ndigits) {
  if (!std::isfinite(x) || x == 0) return x;
  if (ndigits > 330) return x;
  if (ndigits >= 0) {
    // %.*f rounds the exact binary value half to even, as CPython's dtoa-based round does.
    char buf[512];
    std::snprintf(buf, sizeof buf, "%.*f", static_cast<int>(ndigits), x);
    return std::strtod(buf, nullptr);
  }
  if (ndigits < -330) return std::copysign(0.0, x);
  // Round to 10**-ndigits: keep the significant digits above that place, correctly rounded.
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.0e", x);
  const int magnitude = std::atoi(std::strchr(buf, 'e') + 1);  // decimal exponent of x (rounded)
  const long significant = magnitude + 1 + ndigits;
  if (significant <= 0) {
    // Everything is below the rounding place: 0, or one unit of it when x is above half of it.
    const double unit = std::pow(10.0, static_cast<double>(-ndigits));
    return std::fabs(x) > unit / 2 ? std::copysign(unit, x) : std::copysign(0.0, x);
  }
  char out[64];
  std::snprintf(out, sizeof out, "%.*e", static_cast<int>(significant - 1), x);
  return std::strtod(out, nullptr);
}

void install_float_type(interpreter& in) {
  type_object* t = in.types.float_;
  type_slots& s = t->slots;
  s.repr = [](interpreter&, const value& v) { return py_float_repr(v.as_float()); };
  s.hash = [](interpreter&, const value& v) { return hash_double(v.as_float()); };
  s.compare = float_compare;
  s.binary = float_binary;
  s.unary = float_unary;
  s.truth = [](interpreter&, const value& v) { return v.as_float() != 0; };
  s.construct = float_construct;
  s.getattr = [](interpreter& i, const value& v, str_object* name) -> value {
    if (name == i.intern("real")) return v;
    if (name == i.intern("imag")) return value::floating(0.0);
    return {};
  };
  add_method(in, t, "__format__", [](interpreter& i, const call_args& a, object*) {
    expect_args(i, a, "float.__format__", 2);
    if (!isinstance(a.args[1], i.types.str))
      throw_error(i, i.types.TypeError, "format() argument 2 must be str, not " + type_name(a.args[1]));
    const std::string& spec = static_cast<str_object*>(a.args[1].obj())->s;
    return make_str(i, spec.empty() ? py_float_repr(a.args[0].as_float()) : format_float(i, a.args[0].as_float(), spec));
  });
  add_method(in, t, "is_integer", [](interpreter& i, const call_args& a, object*) {
    expect_args(i, a, "float.is_integer", 1);
    const double x = a.args[0].as_float();
    return value::boolean(std::isfinite(x) && x == std::floor(x));
  });
  add_method(in, t, "as_integer_ratio", float_as_integer_ratio);
  add_method(in, t, "hex", float_hex);
  add_method(in, t, "conjugate", [](interpreter&, const call_args& a, object*) { return a.args[0]; });
  add_method(in, t, "__float__", [](interpreter&, const call_args& a, object*) { return a.args[0]; });
  add_method(in, t, "__int__", [](interpreter& i, const call_args& a, object*) { return int_from_double(i, a.args[0].as_float()); });
  add_method(in, t, "__trunc__", [](interpreter& i, const call_args& a, object*) { return int_from_double(i, a.args[0].as_float()); });
  add_method(in, t, "__floor__", [](interpreter& i, const call_args& a, object*) { return int_from_double(i, std::floor(a.args[0].as_float())); });
  add_method(in, t, "__ceil__", [](interpreter& i, const call_args& a, object*) { return int_from_double(i, std::ceil(a.args[0].as_float())); });
  add_method(in, t, "__abs__", [](interpreter&, const call_args& a, object*) { return value::floating(std::fabs(a.args[0].as_float())); });
}

}  // namespace asyncrace::python
