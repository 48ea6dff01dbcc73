// complex: a pair of doubles with CPython's arithmetic (c_quot, c_pow), repr ("(1+2j)", "2j"),
// hash and constructor; ints and floats mix in (their slots decline, this one accepts them).
#include <cmath>

#include "args.hpp"
#include "interpreter.hpp"
#include "numbers.hpp"
#include "pyrt/py_format.hpp"
#include "str.hpp"

namespace asyncrace::python {

namespace {

struct complex_object : object {
  double re = 0, im = 0;
};

struct cvalue {
  double re, im;
};

bool is_complex(interpreter& in, const value& v) { return v.is_object() && v.obj()->type->is_subtype_of(in.types.complex); }

bool as_complex(interpreter& in, const value& v, cvalue& out) {
  if (is_complex(in, v)) {
    out = {static_cast<complex_object*>(v.obj())->re, static_cast<complex_object*>(v.obj())->im};
    return true;
  }
  if (!is_number(v)) return false;
  out = {to_double(in, v), 0.0};
  return true;
}

// A component as complex_repr writes it: repr's digits, without a ".0" for whole numbers.
std::string component(double x) {
  std::string s = py_float_repr(x);
  if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0) s.resize(s.size() - 2);
  return s;
}

std::string complex_repr(double re, double im) {
  if (re == 0 && !std::signbit(re)) return component(im) + "j";
  std::string imag = component(im);
  if (imag[0] != '-') imag = "+" + imag;
  return "(" + component(re) + imag + "j)";
}

cvalue quotient(interpreter& in, cvalue a, cvalue b) {
  // CPython's _Py_c_quot (Smith's method).
  const double abs_breal = std::fabs(b.re), abs_bimag = std::fabs(b.im);
  if (abs_breal >= abs_bimag) {
    if (abs_breal == 0.0) throw_error(in, in.types.ZeroDivisionError, "complex division by zero");
    const double ratio = b.im / b.re, denom = b.re + b.im * ratio;
    return {(a.re + a.im * ratio) / denom, (a.im - a.re * ratio) / denom};
  }
  if (abs_bimag >= abs_breal) {
    const double ratio = b.re / b.im, denom = b.re * ratio + b.im;
    return {(a.re * ratio + a.im) / denom, (a.im * ratio - a.re) / denom};
  }
  return {NAN, NAN};
}

cvalue product(cvalue a, cvalue b) { return {a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re}; }

cvalue power(interpreter& in, cvalue a, cvalue b) {
  if (b.re == 0 && b.im == 0) return {1.0, 0.0};
  if (a.re == 0 && a.im == 0) {
    if (b.im != 0 || b.re < 0) throw_error(in, in.types.ZeroDivisionError, "0.0 to a negative or complex power");
    return {0.0, 0.0};
  }
  // Small integer exponents by repeated squaring, as CPython's c_powi.
  if (b.im == 0 && b.re == std::floor(b.re) && std::fabs(b.re) <= 100) {
    auto n = static_cast<long>(b.re);
    cvalue r{1.0, 0.0}, x = a;
    const bool invert = n < 0;
    n = std::labs(n);
    for (long mask = 1; mask > 0 && n >= mask; mask <<= 1) {
      if (n & mask) r = product(r, x);
      x = product(x, x);
    }
    return invert ? quotient(in, {1.0, 0.0}, r) : r;
  }
  const double vabs = std::hypot(a.re, a.im);
  double len = std::pow(vabs, b.re);
  const double at = std::atan2(a.im, a.re);
  double phase = at * b.re;
  if (b.im != 0.0) {
    len /= std::exp(at * b.im);
    phase += b.im * std::log(vabs);
  }
  return {len * std::cos(phase), len * std::sin(phase)};
}

value complex_binary(interpreter& in, bin_op op, const value& a, const value& b) {
  cvalue x, y;
  if (!as_complex(in, a, x) || !as_complex(in, b, y)) return {};
  switch (op) {
    case bin_op::add: return make_complex(in, x.re + y.re, x.im + y.im);
    case bin_op::sub: return make_complex(in, x.re - y.re, x.im - y.im);
    case bin_op::mul: {
      const cvalue r = product(x, y);
      return make_complex(in, r.re, r.im);
    }
    case bin_op::truediv: {
      const cvalue r = quotient(in, x, y);
      return make_complex(in, r.re, r.im);
    }
    case bin_op::pow: {
      const cvalue r = power(in, x, y);
      return make_complex(in, r.re, r.im);
    }
    default: return {};
  }
}

value complex_construct(interpreter& in, const call_args& a, object*) {
  value p[2];
  bind_args(in, a, "complex", 0, {"real", "imag"}, 0, p);
  if (!p[0].empty() && is_str(in, p[0])) {
    if (!p[1].empty()) throw_error(in, in.types.TypeError, "complex() can't take second arg if first is a string");
    std::string s = as_str(p[0])->s;
    s.erase(0, s.find_first_not_of(" \t\n"));
    s.erase(s.find_last_not_of(" \t\n") + 1);
    if (s.size() > 1 && s.front() == '(' && s.back() == ')') s = s.substr(1, s.size() - 2);
    char* end = nullptr;
    const double first = std::strtod(s.c_str(), &end);
    std::string rest(end);
    if (end == s.c_str() && (rest == "j" || rest == "+j" || rest == "-j")) return make_complex(in, 0, rest == "-j" ? -1 : 1);
    if (rest.empty() && end != s.c_str()) return make_complex(in, first, 0);
    if (rest == "j" || rest == "J") return make_complex(in, 0, first);
    if (rest == "+j" || rest == "-j") return make_complex(in, first, rest == "-j" ? -1 : 1);
    char* end2 = nullptr;
    const double second = std::strtod(rest.c_str(), &end2);
    if (end2 != rest.c_str() && (std::string(end2) == "j" || std::string(end2) == "J")) return make_complex(in, first, second);
    throw_error(in, in.types.ValueError, "complex() arg is a malformed string");
  }
  cvalue re{0, 0}, im{0, 0};
  if (!p[0].empty() && !as_complex(in, p[0], re))
    throw_error(in, in.types.TypeError, "complex() first argument must be a string or a number, not '" + type_name(p[0]) + "'");
  if (!p[1].empty() && !as_complex(in, p[1], im))
    throw_error(in, in.types.TypeError, "complex() second argument must be a number, not '" + type_name(p[1]) + "'");
  return make_complex(in, re.re - im.im, re.im + im.re);
}

}  // namespace

value make_complex(interpreter& in, double re, double im) {
  auto* c = in.heap.make<complex_object>(in.types.complex);
  c->re = re;
  c->im = im;
  return value::adopt(c);
}

void install_complex_type(interpreter& in) {
  type_object* t = in.types.complex = make_builtin_type(in, "complex", in.types.object_);
  type_slots& s = t->slots;
  s.repr = [](interpreter&, const value& v) {
    auto* c = static_cast<complex_object*>(v.obj());
    return complex_repr(c->re, c->im);
  };
  s.hash = [](interpreter&, const value& v) {
    auto* c = static_cast<complex_object*>(v.obj());
    const std::uint64_t h = static_cast<std::uint64_t>(hash_double(c->re)) + 1000003ULL * static_cast<std::uint64_t>(hash_double(c->im));
    const auto r = static_cast<std::int64_t>(h);
    return r == -1 ? -2 : r;
  };
  s.compare = [](interpreter& i, const value& a, const value& b, cmp_op op) -> value {
    cvalue x, y;
    if ((op != cmp_op::eq && op != cmp_op::ne) || !as_complex(i, a, x) || !as_complex(i, b, y)) return {};
    const bool same = x.re == y.re && x.im == y.im;
    return value::boolean(op == cmp_op::eq ? same : !same);
  };
  s.binary = complex_binary;
  s.unary = [](interpreter& i, unary_op op, const value& v) -> value {
    auto* c = static_cast<complex_object*>(v.obj());
    if (op == unary_op::neg) return make_complex(i, -c->re, -c->im);
    if (op == unary_op::pos) return make_complex(i, c->re, c->im);
    return {};
  };
  s.truth = [](interpreter&, const value& v) {
    auto* c = static_cast<complex_object*>(v.obj());
    return c->re != 0 || c->im != 0;
  };
  s.construct = complex_construct;
  s.getattr = [](interpreter& i, const value& v, str_object* name) -> value {
    auto* c = static_cast<complex_object*>(v.obj());
    if (name == i.intern("real")) return value::floating(c->re);
    if (name == i.intern("imag")) return value::floating(c->im);
    return {};
  };
  add_method(in, t, "conjugate", [](interpreter& i, const call_args& a, object*) {
    auto* c = static_cast<complex_object*>(a.args[0].obj());
    return make_complex(i, c->re, -c->im);
  });
  add_method(in, t, "__abs__", [](interpreter& i, const call_args& a, object*) {
    auto* c = static_cast<complex_object*>(a.args[0].obj());
    const double r = std::hypot(c->re, c->im);
    if (std::isinf(r) && std::isfinite(c->re) && std::isfinite(c->im)) throw_error(i, i.types.OverflowError, "absolute value too large");
    return value::floating(r);
  });
}

// A float base below zero to a fractional power is complex in Python 3.
value complex_power(interpreter& in, double base, double exponent) {
  const cvalue r = power(in, {base, 0.0}, {exponent, 0.0});
  return make_complex(in, r.re, r.im);
}

}  // namespace asyncrace::python
