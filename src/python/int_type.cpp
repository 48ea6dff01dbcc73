// int and bool: small ints are immediates and their arithmetic never allocates; an operation
// that overflows 64 bits continues on big ints, and a big result that fits goes back inline.
#include <cmath>

#include "interpreter.hpp"
#include "numbers.hpp"

namespace asyncrace::python {

namespace {

constexpr std::uint64_t max_result_bits = std::uint64_t{1} << 26;  // 64 Mbit: MemoryError beyond

[[noreturn]] void too_big(interpreter& in) { throw_error(in, in.types.MemoryError, ""); }

value big_binary(interpreter& in, bin_op op, const bigint& x, const bigint& y) {
  switch (op) {
    case bin_op::add: return make_int(in, x + y);
    case bin_op::sub: return make_int(in, x - y);
    case bin_op::mul:
      if (x.bit_length() + y.bit_length() > max_result_bits) too_big(in);
      return make_int(in, x * y);
    case bin_op::floordiv:
    case bin_op::mod: {
      if (y.is_zero())
        throw_error(in, in.types.ZeroDivisionError, op == bin_op::mod ? "integer modulo by zero" : "integer division or modulo by zero");
      bigint q, r;
      bigint::divmod(x, y, &q, &r);
      return make_int(in, op == bin_op::mod ? std::move(r) : std::move(q));
    }
    case bin_op::truediv: {
      if (y.is_zero()) throw_error(in, in.types.ZeroDivisionError, "division by zero");
      const double d = bigint::true_divide(x, y);
      if (std::isinf(d)) throw_error(in, in.types.OverflowError, "integer division result too large for a float");
      return value::floating(d);
    }
    case bin_op::pow: {
      if (y.negative()) {
        const double base = x.to_double();
        if (base == 0) throw_error(in, in.types.ZeroDivisionError, "0.0 cannot be raised to a negative power");
        if (std::isinf(base)) throw_error(in, in.types.OverflowError, "int too large to convert to float");
        return value::floating(std::pow(base, y.to_double()));
      }
      if (x.bit_length() <= 1) {  // 0, 1 and -1 to any power
        if (x.is_zero()) return value::integer(y.is_zero() ? 1 : 0);
        const bool odd = !y.is_zero() && (y.limbs()[0] & 1);
        return value::integer(x.negative() && odd ? -1 : 1);
      }
      if (!y.fits_i64() || static_cast<std::uint64_t>(y.to_i64()) > max_result_bits ||
          x.bit_length() * static_cast<std::uint64_t>(y.to_i64()) > max_result_bits)
        too_big(in);
      return make_int(in, x.pow(static_cast<std::uint64_t>(y.to_i64())));
    }
    case bin_op::lshift:
    case bin_op::rshift: {
      if (y.negative()) throw_error(in, in.types.ValueError, "negative shift count");
      if (op == bin_op::rshift) {
        if (!y.fits_i64()) return value::integer(x.negative() ? -1 : 0);
        return make_int(in, x.shift_right(static_cast<std::uint64_t>(y.to_i64())));
      }
      if (x.is_zero()) return value::integer(0);
      if (!y.fits_i64() || x.bit_length() + static_cast<std::uint64_t>(y.to_i64()) > max_result_bits) too_big(in);
      return make_int(in, x.shift_left(static_cast<std::uint64_t>(y.to_i64())));
    }
    case bin_op::and_: return make_int(in, x & y);
    case bin_op::or_: return make_int(in, x | y);
    case bin_op::xor_: return make_int(in, x ^ y);
    default: return {};
  }
}

// The immediate fast path: empty when the result needs a big int (or a float).
value small_binary(interpreter& in, bin_op op, std::int64_t x, std::int64_t y) {
  std::int64_t r = 0;
  switch (op) {
    case bin_op::add: return __builtin_add_overflow(x, y, &r) ? value() : value::integer(r);
    case bin_op::sub: return __builtin_sub_overflow(x, y, &r) ? value() : value::integer(r);
    case bin_op::mul: return __builtin_mul_overflow(x, y, &r) ? value() : value::integer(r);
    case bin_op::floordiv:
    case bin_op::mod: {
      if (y == 0)
        throw_error(in, in.types.ZeroDivisionError, op == bin_op::mod ? "integer modulo by zero" : "integer division or modulo by zero");
      if (y == -1) return op == bin_op::mod ? value::integer(0) : (x == INT64_MIN ? value() : value::integer(-x));
      std::int64_t q = x / y, m = x % y;
      if (m != 0 && ((m < 0) != (y < 0))) {
        --q;
        m += y;
      }
      return value::integer(op == bin_op::mod ? m : q);
    }
    case bin_op::truediv: {
      if (y == 0) throw_error(in, in.types.ZeroDivisionError, "division by zero");
      constexpr std::int64_t exact = std::int64_t{1} << 53;
      if (x > -exact && x < exact && y > -exact && y < exact)
        return value::floating(static_cast<double>(x) / static_cast<double>(y));
      return {};
    }
    case bin_op::pow: {
      if (y < 0) {
        if (x == 0) throw_error(in, in.types.ZeroDivisionError, "0.0 cannot be raised to a negative power");
        return value::floating(std::pow(static_cast<double>(x), static_cast<double>(y)));
      }
      std::int64_t result = 1, base = x;
      for (std::int64_t e = y; e; e >>= 1) {
        if ((e & 1) && __builtin_mul_overflow(result, base, &result)) return {};
        if ((e >> 1) && __builtin_mul_overflow(base, base, &base)) return {};
      }
      return value::integer(result);
    }
    case bin_op::lshift:
      if (y < 0) throw_error(in, in.types.ValueError, "negative shift count");
      if (x == 0) return value::integer(0);
      if (y >= 63) return {};
      r = static_cast<std::int64_t>(static_cast<std::uint64_t>(x) << y);
      return (r >> y) == x ? value::integer(r) : value();
    case bin_op::rshift:
      if (y < 0) throw_error(in, in.types.ValueError, "negative shift count");
      return value::integer(y >= 64 ? (x < 0 ? -1 : 0) : x >> y);
    case bin_op::and_: return value::integer(x & y);
    case bin_op::or_: return value::integer(x | y);
    case bin_op::xor_: return value::integer(x ^ y);
    default: return {};
  }
}

value int_binary(interpreter& in, bin_op op, const value& a, const value& b) {
  if (!is_int_like(a) || !is_int_like(b)) return {};  // float's slot handles int op float
  if (op == bin_op::matmul) return {};
  if (!a.is_object() && !b.is_object()) {
    value r = small_binary(in, op, a.as_int(), b.as_int());
    if (!r.empty()) return r;
  }
  return big_binary(in, op, to_bigint(a), to_bigint(b));
}

value bool_binary(interpreter& in, bin_op op, const value& a, const value& b) {
  if (a.is_bool() && b.is_bool()) {
    if (op == bin_op::and_) return value::boolean(a.as_bool() && b.as_bool());
    if (op == bin_op::or_) return value::boolean(a.as_bool() || b.as_bool());
    if (op == bin_op::xor_) return value::boolean(a.as_bool() != b.as_bool());
  }
  return int_binary(in, op, a, b);
}

bool compare_result(int c, cmp_op op) {
  switch (op) {
    case cmp_op::lt: return c < 0;
    case cmp_op::le: return c <= 0;
    case cmp_op::eq: return c == 0;
    case cmp_op::ne: return c != 0;
    case cmp_op::gt: return c > 0;
    case cmp_op::ge: return c >= 0;
  }
  return false;
}

value int_compare(interpreter&, const value& a, const value& b, cmp_op op) {
  if (b.is_float()) return value::boolean(compare_int_float(a, b.as_float(), op));
  if (!is_int_like(b)) return {};
  if (!a.is_object() && !b.is_object()) {
    const std::int64_t x = a.as_int(), y = b.as_int();
    return value::boolean(compare_result(x < y ? -1 : x > y ? 1 : 0, op));
  }
  return value::boolean(compare_result(bigint::compare(to_bigint(a), to_bigint(b)), op));
}

value int_unary(interpreter& in, unary_op op, const value& a) {
  if (!a.is_object()) {
    const std::int64_t x = a.as_int();
    switch (op) {
      case unary_op::neg: return x == INT64_MIN ? make_int(in, -bigint::from_i64(x)) : value::integer(-x);
      case unary_op::pos: return value::integer(x);
      case unary_op::invert: return value::integer(~x);
    }
  }
  const bigint& n = static_cast<int_object*>(a.obj())->v;
  switch (op) {
    case unary_op::neg: return make_int(in, -n);
    case unary_op::pos: return a;
    case unary_op::invert: return make_int(in, n.invert());
  }
  return {};
}

std::int64_t int_hash(interpreter&, const value& v) {
  if (v.is_object()) return static_cast<int_object*>(v.obj())->v.hash();
  const std::int64_t x = v.as_int();
  constexpr std::int64_t modulus = (std::int64_t{1} << 61) - 1;
  if (x > -modulus && x < modulus) return x == -1 ? -2 : x;
  return bigint::from_i64(x).hash();
}

std::string checked_repr(interpreter& in, const value& v) {
  std::string s = int_repr(v);
  if (s.size() - (s[0] == '-') > 4300)
    throw_error(in, in.types.ValueError,
                "Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit");
  return s;
}

value int_construct(interpreter& in, const call_args& a, object*) {
  if (a.nkw > 1 || (a.nkw == 1 && a.kwnames[0]->s != "base"))
    throw_error(in, in.types.TypeError, "'" + (a.nkw ? a.kwnames[a.nkw - 1]->s : std::string()) + "' is an invalid keyword argument for int()");
  if (a.npos + a.nkw > 2)
    throw_error(in, in.types.TypeError, "int() takes at most 2 arguments (" + std::to_string(a.npos + a.nkw) + " given)");
  if (a.npos == 0) {
    if (a.nkw) throw_error(in, in.types.TypeError, "int() missing string argument");
    return value::integer(0);
  }
  const value& x = a.args[0];
  if (a.npos + a.nkw == 2) {
    const value& base_v = a.args[1];
    const std::int64_t base = index_of(in, base_v);
    if (base != 0 && (base < 2 || base > 36)) throw_error(in, in.types.ValueError, "int() base must be >= 2 and <= 36, or 0");
    if (isinstance(x, in.types.str)) return int_from_string(in, static_cast<str_object*>(x.obj())->s, static_cast<int>(base), x);
    if (isinstance(x, in.types.bytes)) return int_from_string(in, static_cast<bytes_object*>(x.obj())->s, static_cast<int>(base), x);
    throw_error(in, in.types.TypeError, "int() can't convert non-string with explicit base");
  }
  if (x.is_bool()) return value::integer(x.as_int());
  if (is_int_like(x)) return x;
  if (x.is_float()) return int_from_double(in, x.as_float());
  if (isinstance(x, in.types.str)) return int_from_string(in, static_cast<str_object*>(x.obj())->s, 10, x);
  if (isinstance(x, in.types.bytes)) return int_from_string(in, static_cast<bytes_object*>(x.obj())->s, 10, x);
  for (const char* name : {"__int__", "__index__", "__trunc__"}) {
    if (const value* m = type_of(x)->lookup(in.intern(name))) {
      value r = call(in, *m, {x});
      if (!is_int_like(r))
        throw_error(in, in.types.TypeError, std::string(name) + " returned non-int (type " + type_name(r) + ")");
      return r.is_bool() ? value::integer(r.as_int()) : r;
    }
  }
  throw_error(in, in.types.TypeError,
              "int() argument must be a string, a bytes-like object or a real number, not '" + type_name(x) + "'");
}

}  // namespace

value make_int(interpreter& in, bigint n) {
  if (n.fits_i64()) return value::integer(n.to_i64());
  auto* o = in.heap.make<int_object>(in.types.int_);
  o->v = std::move(n);
  return value::adopt(o);
}

bool is_int_like(const value& v) {
  if (v.is_int() || v.is_bool()) return true;
  return v.is_object() && dynamic_cast<int_object*>(v.obj()) != nullptr;
}

bigint to_bigint(const value& v) {
  if (v.is_object()) return static_cast<int_object*>(v.obj())->v;
  return bigint::from_i64(v.as_int());
}

double to_double(interpreter& in, const value& v) {
  if (v.is_float()) return v.as_float();
  if (!v.is_object()) return static_cast<double>(v.as_int());
  const double d = static_cast<int_object*>(v.obj())->v.to_double();
  if (std::isinf(d)) throw_error(in, in.types.OverflowError, "int too large to convert to float");
  return d;
}

bool is_number(const value& v) { return v.is_float() || is_int_like(v); }

std::int64_t index_of(interpreter& in, const value& v) {
  if (v.is_int() || v.is_bool()) return v.as_int();
  if (is_int_like(v)) throw_error(in, in.types.IndexError, "cannot fit 'int' into an index-sized integer");
  if (const value* m = type_of(v)->is_heap_type ? type_of(v)->lookup(in.intern("__index__")) : nullptr) {
    value r = call(in, *m, {v});
    if (r.is_int()) return r.as_int();
  }
  throw_error(in, in.types.TypeError, "'" + type_name(v) + "' object cannot be interpreted as an integer");
}

std::string int_repr(const value& v) {
  if (v.is_object()) return static_cast<int_object*>(v.obj())->v.to_string();
  return std::to_string(v.as_int());
}

value int_from_double(interpreter& in, double x) {
  if (std::isnan(x)) throw_error(in, in.types.ValueError, "cannot convert float NaN to integer");
  if (std::isinf(x)) throw_error(in, in.types.OverflowError, "cannot convert float infinity to integer");
  if (x > -9.2e18 && x < 9.2e18) return value::integer(static_cast<std::int64_t>(x));
  return make_int(in, bigint::from_double(x));
}

value int_from_string(interpreter& in, std::string_view text, int base, const value& original) {
  auto fail = [&]() -> value {
    throw_error(in, in.types.ValueError,
                "invalid literal for int() with base " + std::to_string(base) + ": " + repr(in, original));
  };
  const auto first = text.find_first_not_of(" \t\n\r\f\v");
  if (first == std::string_view::npos) return fail();
  text = text.substr(first, text.find_last_not_of(" \t\n\r\f\v") - first + 1);
  if (base == 10 && text.size() > 4300 && text.find_first_not_of("+-0123456789_") == std::string_view::npos)
    throw_error(in, in.types.ValueError,
                "Exceeds the limit (4300 digits) for integer string conversion: value has " + std::to_string(text.size()) +
                    " digits; use sys.set_int_max_str_digits() to increase the limit");
  auto n = bigint::parse(text, base);
  if (!n) return fail();
  return make_int(in, std::move(*n));
}

bool compare_int_float(const value& a, double b, cmp_op op) {
  if (std::isnan(b)) return op == cmp_op::ne;
  int c;
  if (std::isinf(b)) {
    c = b > 0 ? -1 : 1;
  } else if (!a.is_object() && a.as_int() > -(std::int64_t{1} << 53) && a.as_int() < (std::int64_t{1} << 53)) {
    const double x = static_cast<double>(a.as_int());
    c = x < b ? -1 : x > b ? 1 : 0;
  } else {
    // Exactly: compare with floor(b); an integer above floor(b) is above b.
    const double fl = std::floor(b);
    const int cf = bigint::compare(to_bigint(a), bigint::from_double(fl));
    c = cf > 0 ? 1 : cf < 0 ? -1 : (fl == b ? 0 : -1);
  }
  return compare_result(c, op);
}

void install_numbers(interpreter& in) {
  type_slots& s = in.types.int_->slots;
  s.repr = checked_repr;
  s.hash = int_hash;
  s.compare = int_compare;
  s.binary = int_binary;
  s.unary = int_unary;
  s.truth = [](interpreter&, const value& v) { return v.is_object() || v.as_int() != 0; };
  s.construct = int_construct;
  s.getattr = [](interpreter& i, const value& v, str_object* name) -> value {
    if (name == i.intern("real") || name == i.intern("numerator")) return v.is_bool() ? value::integer(v.as_int()) : v;
    if (name == i.intern("imag")) return value::integer(0);
    if (name == i.intern("denominator")) return value::integer(1);
    return {};
  };
  type_slots& b = in.types.bool_->slots;
  b = s;
  b.binary = bool_binary;
  b.repr = [](interpreter&, const value& v) -> std::string { return v.as_bool() ? "True" : "False"; };
  b.construct = [](interpreter& i, const call_args& a, object*) {
    if (a.nkw) throw_error(i, i.types.TypeError, "bool() takes no keyword arguments");
    if (a.npos > 1) throw_error(i, i.types.TypeError, "bool expected at most 1 argument, got " + std::to_string(a.npos));
    return value::boolean(a.npos && truthy(i, a.args[0]));
  };
  install_int_methods(in);
  install_float_type(in);
  install_complex_type(in);
}

}  // namespace asyncrace::python
