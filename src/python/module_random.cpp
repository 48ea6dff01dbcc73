// The random module: CPython's Random on the one Mersenne Twister the C++ tutorials draw from
// (pyrt/py_random.hpp). The module's functions use the program's hidden instance
// (program/py_process.hpp), so `random.seed(444)` in an interpreted program and in its C++ twin
// draw the same numbers; random.Random(x) is an instance of its own. The algorithms are
// CPython 3.11's random.py (randrange, choices, sample, shuffle, gauss, ...), draw for draw, with
// its error texts; ints of any size.
#include <cmath>
#include <vector>

#include "args.hpp"
#include "formatting.hpp"
#include "functions.hpp"
#include "interpreter.hpp"
#include "modules.hpp"
#include "numbers.hpp"
#include "program/py_process.hpp"
#include "pyrt/py_random.hpp"
#include "str.hpp"

namespace asyncrace::python {

namespace {

struct random_object : object {
  py_random rng;
};

std::string random_repr(interpreter& in, const value& v) { return default_repr(in, v); }

// Binds a call to a method written in Python (`def randint(self, a, b)`): positional-or-keyword
// parameters, then keyword-only ones (from `npositional` on), the first `required` of them
// required; with the TypeError texts CPython gives for `Random.<name>()` (self counted).
void bind(interpreter& in, const call_args& a, const char* name, std::initializer_list<const char*> names,
          std::size_t npositional, std::size_t required, value* out) {
  const std::string fn = std::string("Random.") + name + "()";
  if (a.npos > npositional) {
    const std::size_t defaults = npositional - std::min(required, npositional);
    const std::string takes = defaults ? "from " + std::to_string(npositional + 1 - defaults) + " to " + std::to_string(npositional + 1)
                                       : std::to_string(npositional + 1);
    throw_error(in, in.types.TypeError,
                fn + " takes " + takes + " positional argument" + (npositional == 0 && !defaults ? "" : "s") + " but " +
                    std::to_string(a.npos + 1) + (a.npos + 1 == 1 ? " was" : " were") + " given");
  }
  for (std::size_t i = 0; i < a.npos; ++i) out[i] = a.args[i];
  for (std::size_t k = 0; k < a.nkw; ++k) {
    const std::string& kw = a.kwnames[k]->s;
    std::size_t i = 0;
    for (const char* n : names) {
      if (kw == n) break;
      ++i;
    }
    if (i == names.size()) throw_error(in, in.types.TypeError, fn + " got an unexpected keyword argument '" + kw + "'");
    if (!out[i].empty()) throw_error(in, in.types.TypeError, fn + " got multiple values for argument '" + kw + "'");
    out[i] = a.kw(k);
  }
  std::vector<std::string> missing;
  std::size_t i = 0;
  for (const char* n : names) {
    if (i < required && out[i].empty()) missing.push_back(std::string("'") + n + "'");
    ++i;
  }
  if (missing.empty()) return;
  std::string list;
  for (std::size_t m = 0; m < missing.size(); ++m) {
    if (m) list += missing.size() == 2 ? " and " : (m + 1 == missing.size() ? ", and " : ", ");
    list += missing[m];
  }
  throw_error(in, in.types.TypeError,
              fn + " missing " + std::to_string(missing.size()) + " required positional argument" + (missing.size() == 1 ? "" : "s") +
                  ": " + list);
}

bigint from_words(const std::vector<std::uint32_t>& words) {
  bigint r;
  for (std::size_t i = words.size(); i-- > 0;) r = r.shift_left(32) | bigint::from_u64(words[i]);
  return r;
}

value getrandbits_value(interpreter& in, py_random& rng, std::int64_t k) {
  if (k < 0) throw_error(in, in.types.ValueError, "number of bits must be non-negative");
  if (k > 1'000'000'000) throw_error(in, in.types.MemoryError, "");
  if (k <= 63) return value::integer(static_cast<std::int64_t>(rng.getrandbits(static_cast<int>(k))));
  return make_int(in, from_words(rng.getrandbits_words(static_cast<int>(k))));
}

// Random._randbelow(n) for n > 0.
bigint randbelow(py_random& rng, const bigint& n) {
  if (n.fits_i64()) return bigint::from_u64(rng.randbelow(static_cast<std::uint64_t>(n.to_i64())));
  const int k = static_cast<int>(n.bit_length());
  bigint r = from_words(rng.getrandbits_words(k));
  while (bigint::compare(r, n) >= 0) r = from_words(rng.getrandbits_words(k));
  return r;
}

std::size_t randbelow_size(py_random& rng, std::size_t n) { return static_cast<std::size_t>(rng.randbelow(n)); }

// randrange's _index(x): an int; an integral float as its int (CPython also warns that this is
// deprecated); ValueError "non-integer <what> for randrange()" for other floats.
bigint range_arg(interpreter& in, const value& v, const char* what) {
  if (is_int_like(v)) return to_bigint(v);
  if (v.is_float()) {
    const double d = v.as_float();
    if (std::isfinite(d) && d == std::trunc(d)) return bigint::from_double(d);
    if (!std::isfinite(d)) to_bigint(int_from_double(in, d));  // OverflowError / ValueError
    throw_error(in, in.types.ValueError, std::string("non-integer ") + what + " for randrange()");
  }
  if (const value* m = type_of(v)->lookup(in.intern("__index__"))) return to_bigint(call(in, *m, {v}));
  throw_error(in, in.types.TypeError, "'" + type_name(v) + "' object cannot be interpreted as an integer");
}

value randrange_of(interpreter& in, py_random& rng, const value& start, const value& stop, const value& step) {
  const bigint istart = range_arg(in, start, "arg 1");
  if (stop.empty() || stop.is_none()) {
    if (!step.empty()) throw_error(in, in.types.TypeError, "Missing a non-None stop argument");
    if (!istart.negative() && !istart.is_zero()) return make_int(in, randbelow(rng, istart));
    throw_error(in, in.types.ValueError, "empty range for randrange()");
  }
  const bigint istop = range_arg(in, stop, "stop");
  const bigint width = istop - istart;
  const bigint istep = step.empty() ? bigint::from_i64(1) : range_arg(in, step, "step");
  const bigint one = bigint::from_i64(1);
  if (istep == one) {
    if (!width.negative() && !width.is_zero()) return make_int(in, istart + randbelow(rng, width));
    throw_error(in, in.types.ValueError,
                "empty range for randrange() (" + istart.to_string() + ", " + istop.to_string() + ", " + width.to_string() + ")");
  }
  bigint n;
  if (istep.is_zero()) throw_error(in, in.types.ValueError, "zero step for randrange()");
  bigint::divmod(istep.negative() ? width + istep + one : width + istep - one, istep, &n, nullptr);
  if (n.negative() || n.is_zero()) throw_error(in, in.types.ValueError, "empty range for randrange()");
  return make_int(in, istart + istep * randbelow(rng, n));
}

double float_arg(interpreter& in, const value& v) {
  if (v.is_float()) return v.as_float();
  if (is_int_like(v)) return to_double(in, v);
  if (const value* m = type_of(v)->lookup(in.intern("__float__"))) return to_double(in, call(in, *m, {v}));
  throw_error(in, in.types.TypeError, "must be real number, not " + type_name(v));
}

// The methods, each on a given generator; `a` holds the arguments after self.
value r_seed(interpreter& in, py_random& rng, const call_args& a) {
  value p[2];
  bind(in, a, "seed", {"a", "version"}, 2, 0, p);
  const value& x = p[0];
  const bool v2 = p[1].empty() || (is_int_like(p[1]) && to_bigint(p[1]) == bigint::from_i64(2));
  if (x.empty() || x.is_none()) {
    rng.seed(0);  // CPython seeds from the OS; a program here draws reproducibly
  } else if (is_int_like(x)) {
    rng.seed_words(to_bigint(x).limbs());
  } else if (x.is_float()) {
    rng.seed(hash_double(x.as_float()));
  } else if (isinstance(x, in.types.str) && v2) {
    rng.seed_bytes(static_cast<str_object*>(x.obj())->s);
  } else if (isinstance(x, in.types.bytes) && v2) {
    rng.seed_bytes(static_cast<bytes_object*>(x.obj())->s);
  } else if (isinstance(x, in.types.str) || isinstance(x, in.types.bytes)) {
    throw_error(in, in.types.NotImplementedError, "random.seed(version=1) is not supported here");
  } else {
    throw_error(in, in.types.TypeError, "The only supported seed types are: None,\nint, float, str, bytes, and bytearray.");
  }
  rng.gauss_next.reset();
  return value::none();
}

value r_random(interpreter& in, py_random& rng, const call_args& a) {
  if (a.nkw) throw_error(in, in.types.TypeError, "Random.random() takes no keyword arguments");
  if (a.npos) throw_error(in, in.types.TypeError, "Random.random() takes no arguments (" + std::to_string(a.npos + 1) + " given)");
  return value::floating(rng.random());
}

value r_getrandbits(interpreter& in, py_random& rng, const call_args& a) {
  if (a.nkw) throw_error(in, in.types.TypeError, "Random.getrandbits() takes no keyword arguments");
  if (a.npos != 1) throw_error(in, in.types.TypeError, "Random.getrandbits() takes exactly one argument (" + std::to_string(a.npos) + " given)");
  return getrandbits_value(in, rng, index_of(in, a.args[0]));
}

value r_randbytes(interpreter& in, py_random& rng, const call_args& a) {
  value p[1];
  bind(in, a, "randbytes", {"n"}, 1, 1, p);
  const std::int64_t n = index_of(in, p[0]);
  if (n < 0) throw_error(in, in.types.ValueError, "number of bits must be non-negative");
  std::vector<std::uint32_t> words = rng.getrandbits_words(static_cast<int>(n * 8));
  std::string out(static_cast<std::size_t>(n), '\0');
  for (std::size_t i = 0; i < out.size(); ++i) out[i] = static_cast<char>((words[i / 4] >> (8 * (i % 4))) & 0xff);
  return make_bytes(in, std::move(out));
}

value r_randrange(interpreter& in, py_random& rng, const call_args& a) {
  value p[3];
  bind(in, a, "randrange", {"start", "stop", "step"}, 3, 1, p);
  return randrange_of(in, rng, p[0], p[1], p[2]);
}

value r_randint(interpreter& in, py_random& rng, const call_args& a) {
  value p[2];
  bind(in, a, "randint", {"a", "b"}, 2, 2, p);
  if (p[0].is_int() && p[1].is_int()) {  // the tutorials' own path: py_random::randint
    try {
      return value::integer(rng.randint(p[0].as_int(), p[1].as_int()));
    } catch (const py_exception& e) {
      raise_as_python(in, e);
    }
  }
  return randrange_of(in, rng, p[0], binary(in, bin_op::add, p[1], value::integer(1)), value());
}

value r_uniform(interpreter& in, py_random& rng, const call_args& a) {
  value p[2];
  bind(in, a, "uniform", {"a", "b"}, 2, 2, p);
  // a + (b - a) * self.random()
  value width = binary(in, bin_op::sub, p[1], p[0]);
  return binary(in, bin_op::add, p[0], binary(in, bin_op::mul, width, value::floating(rng.random())));
}

value r_choice(interpreter& in, py_random& rng, const call_args& a) {
  value p[1];
  bind(in, a, "choice", {"seq"}, 1, 1, p);
  const std::int64_t n = length(in, p[0]);
  if (n == 0) throw_error(in, in.types.IndexError, "Cannot choose from an empty sequence");
  return getitem(in, p[0], value::integer(static_cast<std::int64_t>(randbelow_size(rng, static_cast<std::size_t>(n)))));
}

value r_shuffle(interpreter& in, py_random& rng, const call_args& a) {
  value p[1];
  bind(in, a, "shuffle", {"x"}, 1, 1, p);
  const value& x = p[0];
  if (x.is_object() && x.obj()->type == in.types.list) {
    rng.shuffle(static_cast<list_object*>(x.obj())->items);
    return value::none();
  }
  for (std::int64_t i = length(in, x) - 1; i >= 1; --i) {
    const auto j = static_cast<std::int64_t>(randbelow_size(rng, static_cast<std::size_t>(i + 1)));
    value xj = getitem(in, x, value::integer(j)), xi = getitem(in, x, value::integer(i));
    setitem(in, x, value::integer(i), xj);
    setitem(in, x, value::integer(j), xi);
  }
  return value::none();
}

// bisect.bisect_right(a, x, 0, hi)
std::size_t bisect_right(interpreter& in, const std::vector<value>& a, const value& x, std::size_t hi) {
  std::size_t lo = 0;
  while (lo < hi) {
    const std::size_t mid = (lo + hi) / 2;
    if (truthy(in, compare(in, cmp_op::lt, x, a[mid]))) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

std::vector<value> accumulate(interpreter& in, const value& iterable) {
  std::vector<value> out;
  value it = get_iter(in, iterable);
  for (value x = iter_next(in, it); !x.empty(); x = iter_next(in, it))
    out.push_back(out.empty() ? x : binary(in, bin_op::add, out.back(), x));
  return out;
}

std::vector<value> items_of(interpreter& in, const value& iterable) {
  std::vector<value> out;
  value it = get_iter(in, iterable);
  for (value x = iter_next(in, it); !x.empty(); x = iter_next(in, it)) out.push_back(std::move(x));
  return out;
}

value r_choices(interpreter& in, py_random& rng, const call_args& a) {
  value p[4];
  bind(in, a, "choices", {"population", "weights", "cum_weights", "k"}, 2, 1, p);
  const value& population = p[0];
  value weights = p[1].empty() ? value::none() : p[1];
  value cum = p[2].empty() ? value::none() : p[2];
  const value k_v = p[3].empty() ? value::integer(1) : p[3];
  const std::int64_t n = length(in, population);
  std::vector<value> out;
  if (cum.is_none()) {
    if (weights.is_none()) {
      const double nf = static_cast<double>(n);
      const std::int64_t k = index_of(in, k_v);
      for (std::int64_t i = 0; i < k; ++i)
        out.push_back(getitem(in, population, value::integer(static_cast<std::int64_t>(std::floor(rng.random() * nf)))));
      return make_list(in, std::move(out));
    }
    if (is_int_like(weights))
      throw_error(in, in.types.TypeError, "The number of choices must be a keyword argument: k=" + int_repr(weights));
  } else if (!weights.is_none()) {
    throw_error(in, in.types.TypeError, "Cannot specify both weights and cumulative weights");
  }
  std::vector<value> cum_weights = cum.is_none() ? accumulate(in, weights) : items_of(in, cum);
  if (static_cast<std::int64_t>(cum_weights.size()) != n)
    throw_error(in, in.types.ValueError, "The number of weights does not match the population");
  const double total = to_double(in, binary(in, bin_op::add, cum_weights.back(), value::floating(0.0)));
  if (total <= 0.0) throw_error(in, in.types.ValueError, "Total of weights must be greater than zero");
  if (!std::isfinite(total)) throw_error(in, in.types.ValueError, "Total of weights must be finite");
  const std::int64_t k = index_of(in, k_v);
  for (std::int64_t i = 0; i < k; ++i) {
    const std::size_t at = bisect_right(in, cum_weights, value::floating(rng.random() * total), static_cast<std::size_t>(n - 1));
    out.push_back(getitem(in, population, value::integer(static_cast<std::int64_t>(at))));
  }
  return make_list(in, std::move(out));
}

bool is_sequence(interpreter& in, const value& v) {
  type_object* t = type_of(v);
  for (type_object* s : {in.types.list, in.types.tuple, in.types.str, in.types.bytes, in.types.range})
    if (t->is_subtype_of(s)) return true;
  return t->name == "deque" && t->module == "collections";
}

value r_sample(interpreter& in, py_random& rng, const call_args& a) {
  value p[3];
  bind(in, a, "sample", {"population", "k", "counts"}, 2, 2, p);
  const value& population = p[0];
  if (!is_sequence(in, population))
    throw_error(in, in.types.TypeError, "Population must be a sequence.  For dicts or sets, use sorted(d).");
  const std::int64_t n = length(in, population);
  if (!p[2].empty() && !p[2].is_none()) {
    std::vector<value> cum_counts = accumulate(in, p[2]);
    if (static_cast<std::int64_t>(cum_counts.size()) != n)
      throw_error(in, in.types.ValueError, "The number of counts does not match the population");
    value total = cum_counts.back();
    cum_counts.pop_back();
    if (!is_int_like(total)) throw_error(in, in.types.TypeError, "Counts must be integers");
    if (to_bigint(total).negative() || to_bigint(total).is_zero())
      throw_error(in, in.types.ValueError, "Total of counts must be greater than zero");
    auto* range = in.heap.make<range_object>(in.types.range);
    range->stop = index_of(in, total);
    value range_v = value::adopt(range);
    const value args[] = {range_v, p[1]};
    call_args inner;
    inner.args = args;
    inner.npos = 2;
    value selections = r_sample(in, rng, inner);
    std::vector<value> out;
    for (const value& s : static_cast<list_object*>(selections.obj())->items)
      out.push_back(getitem(in, population, value::integer(static_cast<std::int64_t>(bisect_right(in, cum_counts, s, cum_counts.size())))));
    return make_list(in, std::move(out));
  }
  const std::int64_t k = index_of(in, p[1]);
  if (k < 0 || k > n) throw_error(in, in.types.ValueError, "Sample larger than population or is negative");
  std::vector<value> out;
  for (std::size_t j : rng.sample_indices(static_cast<std::size_t>(n), static_cast<std::size_t>(k)))
    out.push_back(getitem(in, population, value::integer(static_cast<std::int64_t>(j))));
  return make_list(in, std::move(out));
}

value r_gauss(interpreter& in, py_random& rng, const call_args& a) {
  value p[2];
  bind(in, a, "gauss", {"mu", "sigma"}, 2, 0, p);
  const double mu = p[0].empty() ? 0.0 : float_arg(in, p[0]), sigma = p[1].empty() ? 1.0 : float_arg(in, p[1]);
  double z;
  if (rng.gauss_next) {
    z = *rng.gauss_next;
    rng.gauss_next.reset();
  } else {
    const double x2pi = rng.random() * (2 * 3.141592653589793);
    const double g2rad = std::sqrt(-2.0 * std::log(1.0 - rng.random()));
    z = std::cos(x2pi) * g2rad;
    rng.gauss_next = std::sin(x2pi) * g2rad;
  }
  return value::floating(mu + z * sigma);
}

value r_normalvariate(interpreter& in, py_random& rng, const call_args& a) {
  value p[2];
  bind(in, a, "normalvariate", {"mu", "sigma"}, 2, 0, p);
  const double mu = p[0].empty() ? 0.0 : float_arg(in, p[0]), sigma = p[1].empty() ? 1.0 : float_arg(in, p[1]);
  const double magic = 4 * std::exp(-0.5) / std::sqrt(2.0);  // NV_MAGICCONST
  double z;
  while (true) {
    const double u1 = rng.random(), u2 = 1.0 - rng.random();
    z = magic * (u1 - 0.5) / u2;
    if (z * z / 4.0 <= -std::log(u2)) break;
  }
  return value::floating(mu + z * sigma);
}

value r_expovariate(interpreter& in, py_random& rng, const call_args& a) {
  value p[1];
  bind(in, a, "expovariate", {"lambd"}, 1, 1, p);
  const double lambd = float_arg(in, p[0]);
  const double u = rng.random();
  if (lambd == 0) throw_error(in, in.types.ZeroDivisionError, "float division by zero");
  return value::floating(-std::log(1.0 - u) / lambd);
}

value r_triangular(interpreter& in, py_random& rng, const call_args& a) {
  value p[3];
  bind(in, a, "triangular", {"low", "high", "mode"}, 3, 0, p);
  double low = p[0].empty() ? 0.0 : float_arg(in, p[0]), high = p[1].empty() ? 1.0 : float_arg(in, p[1]);
  double u = rng.random();
  if (high - low == 0) return p[0].empty() ? value::floating(low) : p[0];
  double c = p[2].empty() || p[2].is_none() ? 0.5 : (float_arg(in, p[2]) - low) / (high - low);
  if (u > c) {
    u = 1.0 - u;
    c = 1.0 - c;
    std::swap(low, high);
  }
  return value::floating(low + (high - low) * std::sqrt(u * c));
}

using impl_fn = value (*)(interpreter&, py_random&, const call_args&);

struct method_entry {
  const char* name;
  native_fn as_method;
  native_fn as_function;
};

random_object& self_of(interpreter& in, const call_args& a) {
  if (a.npos < 1 || !a.args[0].is_object() || a.args[0].obj()->type->slots.repr != random_repr)
    throw_error(in, in.types.TypeError, "descriptor requires a 'random.Random' object");
  return *static_cast<random_object*>(a.args[0].obj());
}

template <impl_fn F>
value as_method(interpreter& in, const call_args& a, object*) {
  random_object& self = self_of(in, a);
  call_args rest = a;
  rest.args += 1;
  rest.npos -= 1;
  return F(in, self.rng, rest);
}

// A module function: the method of the program's hidden Random.
template <impl_fn F>
value as_function(interpreter& in, const call_args& a, object*) {
  return F(in, detail::current_process().random, a);
}

#define RANDOM_METHOD(name) method_entry{#name, as_method<r_##name>, as_function<r_##name>}
const method_entry methods[] = {
    RANDOM_METHOD(seed),        RANDOM_METHOD(random),        RANDOM_METHOD(getrandbits), RANDOM_METHOD(randbytes),
    RANDOM_METHOD(randrange),   RANDOM_METHOD(randint),       RANDOM_METHOD(uniform),     RANDOM_METHOD(choice),
    RANDOM_METHOD(shuffle),     RANDOM_METHOD(choices),       RANDOM_METHOD(sample),      RANDOM_METHOD(gauss),
    RANDOM_METHOD(normalvariate), RANDOM_METHOD(expovariate), RANDOM_METHOD(triangular),
};
#undef RANDOM_METHOD

value random_new(interpreter& in, const call_args& a, object* t) {
  auto* r = in.heap.make<random_object>(static_cast<type_object*>(t));
  value result = value::adopt(r);
  if (a.npos > 1) throw_error(in, in.types.TypeError, "Random() takes at most 1 argument (" + std::to_string(a.npos) + " given)");
  if (a.nkw) throw_error(in, in.types.TypeError, "Random() takes no keyword arguments");
  r_seed(in, r->rng, a);
  return result;
}

void make_random(interpreter& in, module_object& m) {
  type_object* t = make_builtin_type(in, "Random", in.types.object_);
  t->module = "random";
  t->slots.construct = random_new;
  t->slots.repr = random_repr;
  for (const method_entry& e : methods) {
    add_method(in, t, e.name, e.as_method);
    add_function(in, m, e.name, e.as_function);
  }
  m.attrs.set(in.intern("Random"), value::adopt(t));
}

}  // namespace

void register_random_module(interpreter& in) { in.register_module("random", make_random); }

}  // namespace asyncrace::python
