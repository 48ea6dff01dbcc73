// The math module: the C library's functions as CPython calls them (with its domain and range
// errors), the integer functions on big ints (isqrt, gcd, lcm, factorial, comb, perm), prod,
// fsum (exactly rounded), isclose, and the constants.
#include <cerrno>
#include <cmath>

#include "args.hpp"
#include "modules.hpp"
#include "numbers.hpp"

namespace asyncrace::python {

namespace {

// Spelled out: M_PI and M_E are POSIX extensions, not standard C++.
constexpr double pi = 3.141592653589793238462643383279502884;
constexpr double e = 2.718281828459045235360287471352662498;

[[noreturn]] void domain_error(interpreter& in) { throw_error(in, in.types.ValueError, "math domain error"); }

double real_arg(interpreter& in, const value& v) {
  if (v.is_float()) return v.as_float();
  if (is_int_like(v)) return to_double(in, v);
  if (const value* m = type_of(v)->lookup(in.intern("__float__"))) return to_double(in, call(in, *m, {v}));
  throw_error(in, in.types.TypeError, "must be real number, not " + type_name(v));
}

// A one-argument libm function with CPython's checks: NaN out of a non-NaN in is a domain error,
// an infinity out of a finite in is a range error (unless the function may overflow to inf).
template <double (*F)(double)>
value unary(interpreter& in, const call_args& a, object*) {
  expect_args(in, a, "math function", 1);
  const double x = real_arg(in, a.args[0]);
  errno = 0;
  const double r = F(x);
  if (std::isnan(r) && !std::isnan(x)) domain_error(in);
  if (std::isinf(r) && std::isfinite(x)) {
    if (errno == ERANGE || F == static_cast<double (*)(double)>(std::exp) || F == static_cast<double (*)(double)>(std::cosh) ||
        F == static_cast<double (*)(double)>(std::sinh) || F == static_cast<double (*)(double)>(std::expm1))
      throw_error(in, in.types.OverflowError, "math range error");
    domain_error(in);
  }
  return value::floating(r);
}

double log_of(interpreter& in, const value& v) {
  if (is_int_like(v) && v.is_object()) {
    const bigint n = to_bigint(v);
    if (n.negative() || n.is_zero()) domain_error(in);
    // log(n) = log(n / 2**k) + k*log(2) for ints beyond the double range.
    const std::size_t bits = n.bit_length();
    if (bits > 1000) return std::log(n.shift_right(bits - 64).to_double()) + static_cast<double>(bits - 64) * std::log(2.0);
  }
  const double x = real_arg(in, v);
  if (x <= 0 || std::isnan(x)) {
    if (std::isnan(x)) return x;
    domain_error(in);
  }
  return std::log(x);
}

value math_log(interpreter& in, const call_args& a, object*) {
  expect_range(in, a, "log", 1, 2);
  const double num = log_of(in, a.args[0]);
  if (a.npos == 1) return value::floating(num);
  const double den = log_of(in, a.args[1]);
  if (den == 0) throw_error(in, in.types.ZeroDivisionError, "float division by zero");
  return value::floating(num / den);
}

value rounding(interpreter& in, const call_args& a, const char* dunder, double (*f)(double)) {
  expect_args(in, a, dunder, 1);
  const value& x = a.args[0];
  if (is_int_like(x)) return x.is_bool() ? value::integer(x.as_int()) : x;
  if (x.is_float()) return int_from_double(in, f(x.as_float()));
  if (const value* m = type_of(x)->lookup(in.intern(dunder))) return call(in, *m, {x});
  return int_from_double(in, f(real_arg(in, x)));
}

bigint int_arg(interpreter& in, const value& v) {
  if (!is_int_like(v)) throw_error(in, in.types.TypeError, "'" + type_name(v) + "' object cannot be interpreted as an integer");
  return to_bigint(v);
}

bigint isqrt(const bigint& n) {
  if (n.is_zero()) return n;
  // Newton's iteration from a power of two above the root.
  bigint x = bigint::from_i64(1).shift_left((n.bit_length() + 1) / 2 + 1);
  while (true) {
    bigint q;
    bigint::divmod(n, x, &q, nullptr);
    bigint y = (x + q).shift_right(1);
    if (bigint::compare(y, x) >= 0) return x;
    x = std::move(y);
  }
}

bigint gcd(bigint a, bigint b) {
  a = a.abs();
  b = b.abs();
  while (!b.is_zero()) {
    bigint r;
    bigint::divmod(a, b, nullptr, &r);
    a = std::exchange(b, r);
  }
  return a;
}

// n * (n-1) * ... * (n-k+1), the product of k factors down from n.
bigint falling(const bigint& n, std::int64_t k) {
  bigint r = bigint::from_i64(1);
  for (std::int64_t i = 0; i < k; ++i) r = r * (n - bigint::from_i64(i));
  return r;
}

std::int64_t small_nonnegative(interpreter& in, const value& v, const char* what) {
  const bigint n = int_arg(in, v);
  if (n.negative()) throw_error(in, in.types.ValueError, std::string(what) + " must be a non-negative integer");
  if (!n.fits_i64() || n.to_i64() > 1'000'000) throw_error(in, in.types.OverflowError, std::string(what) + " is too large");
  return n.to_i64();
}

value math_comb_perm(interpreter& in, const call_args& a, bool comb) {
  if (comb) expect_args(in, a, "comb", 2);
  else expect_range(in, a, "perm", 1, 2);
  const bigint n = int_arg(in, a.args[0]);
  if (n.negative()) throw_error(in, in.types.ValueError, "n must be a non-negative integer");
  if (!comb && (a.npos == 1 || a.args[1].is_none())) {
    const std::int64_t k = small_nonnegative(in, a.args[0], "n");
    return make_int(in, falling(n, k));
  }
  const bigint kb = int_arg(in, a.args[1]);
  if (kb.negative()) throw_error(in, in.types.ValueError, "k must be a non-negative integer");
  if (bigint::compare(kb, n) > 0) return value::integer(0);
  std::int64_t k = small_nonnegative(in, a.args[1], "k");
  if (comb) {
    const bigint rest = n - kb;
    if (rest.fits_i64() && rest.to_i64() < k) k = rest.to_i64();
    bigint r = falling(n, k), f = falling(bigint::from_i64(k), k), q;
    bigint::divmod(r, f, &q, nullptr);
    return make_int(in, std::move(q));
  }
  return make_int(in, falling(n, k));
}

// Shewchuk's exactly rounded sum (the algorithm of CPython's math.fsum).
value math_fsum(interpreter& in, const call_args& a, object*) {
  expect_args(in, a, "fsum", 1);
  std::vector<double> partials;
  double special = 0, inf_sum = 0;
  value it = get_iter(in, a.args[0]);
  for (value v = iter_next(in, it); !v.empty(); v = iter_next(in, it)) {
    double x = real_arg(in, v);
    if (!std::isfinite(x)) {
      if (std::isinf(x)) inf_sum += x;
      special += x;
      continue;
    }
    std::size_t i = 0;
    for (double y : partials) {
      if (std::fabs(x) < std::fabs(y)) std::swap(x, y);
      const double hi = x + y, lo = y - (hi - x);
      if (lo != 0.0) partials[i++] = lo;
      x = hi;
    }
    partials.resize(i);
    partials.push_back(x);
  }
  if (special != 0) {
    if (std::isnan(inf_sum)) throw_error(in, in.types.ValueError, "-inf + inf in fsum");
    return value::floating(special);
  }
  double hi = 0;
  std::size_t n = partials.size();
  if (n > 0) {
    hi = partials[--n];
    double lo = 0;
    while (n > 0) {
      const double x = hi, y = partials[--n];
      hi = x + y;
      const double yr = hi - x;
      lo = y - yr;
      if (lo != 0.0) break;
    }
    if (n > 0 && ((lo < 0 && partials[n - 1] < 0) || (lo > 0 && partials[n - 1] > 0))) {
      const double y = lo * 2, x = hi + y, yr = x - hi;
      if (y == yr) hi = x;
    }
  }
  return value::floating(hi);
}

value math_isclose(interpreter& in, const call_args& a, object*) {
  value p[4];
  bind_args(in, a, "isclose", 0, {"a", "b", "rel_tol", "abs_tol"}, 2, p);
  const double x = real_arg(in, p[0]), y = real_arg(in, p[1]);
  const double rel = p[2].empty() ? 1e-9 : real_arg(in, p[2]), abs_tol = p[3].empty() ? 0.0 : real_arg(in, p[3]);
  if (rel < 0 || abs_tol < 0) throw_error(in, in.types.ValueError, "tolerances must be non-negative");
  if (x == y) return value::boolean(true);
  if (std::isinf(x) || std::isinf(y)) return value::boolean(false);
  const double diff = std::fabs(y - x);
  return value::boolean(diff <= std::fabs(rel * y) || diff <= std::fabs(rel * x) || diff <= abs_tol);
}

value math_prod(interpreter& in, const call_args& a, object*) {
  value p[2];
  bind_args(in, a, "prod", 0, {"iterable", "start"}, 1, p);
  value total = p[1].empty() ? value::integer(1) : p[1];
  value it = get_iter(in, p[0]);
  for (value v = iter_next(in, it); !v.empty(); v = iter_next(in, it)) total = binary(in, bin_op::mul, total, v);
  return total;
}

value math_hypot(interpreter& in, const call_args& a, object*) {
  double r = 0;
  for (std::size_t i = 0; i < a.npos; ++i) r = std::hypot(r, real_arg(in, a.args[i]));
  return value::floating(r);
}

value math_pow(interpreter& in, const call_args& a, object*) {
  expect_args(in, a, "pow", 2);
  const double x = real_arg(in, a.args[0]), y = real_arg(in, a.args[1]);
  if (x == 0 && y < 0) domain_error(in);
  if (x < 0 && std::isfinite(y) && y != std::floor(y)) domain_error(in);
  const double r = std::pow(x, y);
  if (std::isinf(r) && std::isfinite(x) && std::isfinite(y)) throw_error(in, in.types.OverflowError, "math range error");
  return value::floating(r);
}

template <class F>
value binary_real(interpreter& in, const call_args& a, const char* name, F f) {
  expect_args(in, a, name, 2);
  return value::floating(f(real_arg(in, a.args[0]), real_arg(in, a.args[1])));
}

double math_degrees(double x) { return x * (180.0 / pi); }
double math_radians(double x) { return x * (pi / 180.0); }
double math_sqrt(double x) { return std::sqrt(x); }
double math_fabs(double x) { return std::fabs(x); }

void add(interpreter& in, module_object& m, std::string_view name, native_fn fn) { add_function(in, m, name, fn); }

void make_math(interpreter& in, module_object& m) {
  m.attrs.set(in.intern("pi"), value::floating(pi));
  m.attrs.set(in.intern("e"), value::floating(e));
  m.attrs.set(in.intern("tau"), value::floating(2 * pi));
  m.attrs.set(in.intern("inf"), value::floating(HUGE_VAL));
  m.attrs.set(in.intern("nan"), value::floating(NAN));
  add(in, m, "sqrt", unary<math_sqrt>);
  add(in, m, "exp", unary<std::exp>);
  add(in, m, "expm1", unary<std::expm1>);
  add(in, m, "log2", [](interpreter& i, const call_args& a, object*) {
    expect_args(i, a, "log2", 1);
    if (a.args[0].is_object()) return value::floating(log_of(i, a.args[0]) / std::log(2.0));
    const double x = real_arg(i, a.args[0]);
    if (x <= 0) domain_error(i);
    return value::floating(std::log2(x));
  });
  add(in, m, "log10", [](interpreter& i, const call_args& a, object*) {
    expect_args(i, a, "log10", 1);
    if (a.args[0].is_object()) return value::floating(log_of(i, a.args[0]) / std::log(10.0));
    const double x = real_arg(i, a.args[0]);
    if (x <= 0) domain_error(i);
    return value::floating(std::log10(x));
  });
  add(in, m, "log1p", unary<std::log1p>);
  add(in, m, "log", math_log);
  for (auto [name, fn] : {std::pair<const char*, native_fn>{"sin", unary<std::sin>}, {"cos", unary<std::cos>}, {"tan", unary<std::tan>},
                          {"asin", unary<std::asin>}, {"acos", unary<std::acos>}, {"atan", unary<std::atan>},
                          {"sinh", unary<std::sinh>}, {"cosh", unary<std::cosh>}, {"tanh", unary<std::tanh>},
                          {"asinh", unary<std::asinh>}, {"acosh", unary<std::acosh>}, {"atanh", unary<std::atanh>},
                          {"erf", unary<std::erf>}, {"erfc", unary<std::erfc>}, {"gamma", unary<std::tgamma>},
                          {"lgamma", unary<std::lgamma>}, {"fabs", unary<math_fabs>}, {"degrees", unary<math_degrees>},
                          {"radians", unary<math_radians>}})
    add(in, m, name, fn);
  add(in, m, "floor", [](interpreter& i, const call_args& a, object*) { return rounding(i, a, "__floor__", std::floor); });
  add(in, m, "ceil", [](interpreter& i, const call_args& a, object*) { return rounding(i, a, "__ceil__", std::ceil); });
  add(in, m, "trunc", [](interpreter& i, const call_args& a, object*) { return rounding(i, a, "__trunc__", std::trunc); });
  add(in, m, "pow", math_pow);
  add(in, m, "atan2", [](interpreter& i, const call_args& a, object*) { return binary_real(i, a, "atan2", [](double y, double x) { return std::atan2(y, x); }); });
  add(in, m, "copysign", [](interpreter& i, const call_args& a, object*) { return binary_real(i, a, "copysign", [](double x, double y) { return std::copysign(x, y); }); });
  add(in, m, "fmod", [](interpreter& i, const call_args& a, object*) {
    expect_args(i, a, "fmod", 2);
    const double x = real_arg(i, a.args[0]), y = real_arg(i, a.args[1]);
    if (y == 0 || std::isinf(x)) domain_error(i);
    return value::floating(std::fmod(x, y));
  });
  add(in, m, "remainder", [](interpreter& i, const call_args& a, object*) { return binary_real(i, a, "remainder", [](double x, double y) { return std::remainder(x, y); }); });
  add(in, m, "hypot", math_hypot);
  add(in, m, "isfinite", [](interpreter& i, const call_args& a, object*) { return value::boolean(std::isfinite(real_arg(i, a.args[0]))); });
  add(in, m, "isinf", [](interpreter& i, const call_args& a, object*) { return value::boolean(std::isinf(real_arg(i, a.args[0]))); });
  add(in, m, "isnan", [](interpreter& i, const call_args& a, object*) { return value::boolean(std::isnan(real_arg(i, a.args[0]))); });
  add(in, m, "isclose", math_isclose);
  add(in, m, "fsum", math_fsum);
  add(in, m, "prod", math_prod);
  add(in, m, "modf", [](interpreter& i, const call_args& a, object*) {
    expect_args(i, a, "modf", 1);
    double whole = 0;
    const double frac = std::modf(real_arg(i, a.args[0]), &whole);
    return make_tuple(i, {value::floating(frac), value::floating(whole)});
  });
  add(in, m, "frexp", [](interpreter& i, const call_args& a, object*) {
    expect_args(i, a, "frexp", 1);
    int e = 0;
    const double mant = std::frexp(real_arg(i, a.args[0]), &e);
    return make_tuple(i, {value::floating(mant), value::integer(e)});
  });
  add(in, m, "ldexp", [](interpreter& i, const call_args& a, object*) {
    expect_args(i, a, "ldexp", 2);
    const double r = std::ldexp(real_arg(i, a.args[0]), static_cast<int>(std::max<std::int64_t>(-100000, std::min<std::int64_t>(100000, index_of(i, a.args[1])))));
    if (std::isinf(r) && std::isfinite(real_arg(i, a.args[0]))) throw_error(i, i.types.OverflowError, "math range error");
    return value::floating(r);
  });
  add(in, m, "isqrt", [](interpreter& i, const call_args& a, object*) {
    expect_args(i, a, "isqrt", 1);
    const bigint n = int_arg(i, a.args[0]);
    if (n.negative()) throw_error(i, i.types.ValueError, "isqrt() argument must be nonnegative");
    return make_int(i, isqrt(n));
  });
  add(in, m, "gcd", [](interpreter& i, const call_args& a, object*) {
    bigint g;
    for (std::size_t k = 0; k < a.npos; ++k) g = gcd(g, int_arg(i, a.args[k]));
    return make_int(i, std::move(g));
  });
  add(in, m, "lcm", [](interpreter& i, const call_args& a, object*) {
    bigint l = bigint::from_i64(1);
    for (std::size_t k = 0; k < a.npos; ++k) {
      const bigint x = int_arg(i, a.args[k]);
      if (x.is_zero()) return value::integer(0);
      bigint q;
      bigint::divmod((l * x).abs(), gcd(l, x), &q, nullptr);
      l = q;
    }
    return make_int(i, std::move(l));
  });
  add(in, m, "factorial", [](interpreter& i, const call_args& a, object*) {
    expect_args(i, a, "factorial", 1);
    const bigint n = int_arg(i, a.args[0]);
    if (n.negative()) throw_error(i, i.types.ValueError, "factorial() not defined for negative values");
    if (!n.fits_i64() || n.to_i64() > 100000) throw_error(i, i.types.OverflowError, "factorial() argument should not exceed 100000 here");
    return make_int(i, falling(n, n.to_i64()));
  });
  add(in, m, "comb", [](interpreter& i, const call_args& a, object*) { return math_comb_perm(i, a, true); });
  add(in, m, "perm", [](interpreter& i, const call_args& a, object*) { return math_comb_perm(i, a, false); });
  add(in, m, "dist", [](interpreter& i, const call_args& a, object*) {
    expect_args(i, a, "dist", 2);
    value p = call(i, value::borrow(i.types.tuple), {a.args[0]}), q = call(i, value::borrow(i.types.tuple), {a.args[1]});
    const auto& x = static_cast<tuple_object*>(p.obj())->items;
    const auto& y = static_cast<tuple_object*>(q.obj())->items;
    if (x.size() != y.size()) throw_error(i, i.types.ValueError, "both points must have the same number of dimensions");
    double r = 0;
    for (std::size_t k = 0; k < x.size(); ++k) r = std::hypot(r, real_arg(i, x[k]) - real_arg(i, y[k]));
    return value::floating(r);
  });
}

}  // namespace

void register_math_module(interpreter& in) { in.register_module("math", make_math); }

}  // namespace asyncrace::python
