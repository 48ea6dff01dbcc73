#include "bigint.hpp"

#include <algorithm>
#include <cmath>

namespace asyncrace::python {

namespace {
using limbs_t = std::vector<std::uint32_t>;
constexpr std::uint64_t hash_modulus = (std::uint64_t{1} << 61) - 1;  // CPython's _PyHASH_MODULUS

int digit_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'z') return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return 99;
}

// a = a * m + add, in place.
void mul_add_small(limbs_t& a, std::uint32_t m, std::uint32_t add) {
  std::uint64_t carry = add;
  for (auto& limb : a) {
    const std::uint64_t t = std::uint64_t{limb} * m + carry;
    limb = static_cast<std::uint32_t>(t);
    carry = t >> 32;
  }
  if (carry) a.push_back(static_cast<std::uint32_t>(carry));
}
}  // namespace

void bigint::trim() {
  while (!mag_.empty() && mag_.back() == 0) mag_.pop_back();
  if (mag_.empty()) neg_ = false;
}

bigint bigint::from_u64(std::uint64_t v, bool negative) {
  bigint r;
  while (v) {
    r.mag_.push_back(static_cast<std::uint32_t>(v));
    v >>= 32;
  }
  r.neg_ = negative && !r.mag_.empty();
  return r;
}

bigint bigint::from_i64(std::int64_t v) {
  const std::uint64_t m = v < 0 ? ~static_cast<std::uint64_t>(v) + 1 : static_cast<std::uint64_t>(v);
  return from_u64(m, v < 0);
}

bigint bigint::from_double(double d) {
  bigint r;
  const bool negative = d < 0;
  d = std::trunc(std::fabs(d));
  if (d < 1) return r;
  int exponent = 0;
  double m = std::frexp(d, &exponent);  // d = m * 2**exponent, 0.5 <= m < 1
  // Take the 53-bit mantissa as an integer, then shift it into place.
  const auto mantissa = static_cast<std::uint64_t>(std::ldexp(m, 53));
  r = from_u64(mantissa);
  r = exponent >= 53 ? r.shift_left(static_cast<std::uint64_t>(exponent - 53))
                     : r.shift_right(static_cast<std::uint64_t>(53 - exponent));
  r.neg_ = negative && !r.mag_.empty();
  return r;
}

std::optional<bigint> bigint::parse(std::string_view text, int base) {
  bool negative = false;
  if (!text.empty() && (text[0] == '+' || text[0] == '-')) {
    negative = text[0] == '-';
    text.remove_prefix(1);
  }
  auto has_prefix = [&](char lower) {
    return text.size() >= 2 && text[0] == '0' && (text[1] == lower || text[1] == lower - 32);
  };
  const int prefixed = has_prefix('x') ? 16 : has_prefix('o') ? 8 : has_prefix('b') ? 2 : 0;
  if (base == 0) {
    if (prefixed) {
      base = prefixed;
      text.remove_prefix(2);
      if (!text.empty() && text[0] == '_') text.remove_prefix(1);
    } else {
      base = 10;
      // Base 0 refuses leading zeros in a nonzero decimal ("010"), as Python literals do.
      if (text.size() > 1 && text[0] == '0' &&
          text.find_first_not_of("0_") != std::string_view::npos)
        return std::nullopt;
    }
  } else if (prefixed == base) {
    text.remove_prefix(2);
    if (!text.empty() && text[0] == '_') text.remove_prefix(1);
  }
  if (text.empty() || text.front() == '_' || text.back() == '_') return std::nullopt;
  bigint r;
  bool previous_underscore = false;
  for (char c : text) {
    if (c == '_') {
      if (previous_underscore) return std::nullopt;
      previous_underscore = true;
      continue;
    }
    previous_underscore = false;
    const int d = digit_value(c);
    if (d >= base) return std::nullopt;
    mul_add_small(r.mag_, static_cast<std::uint32_t>(base), static_cast<std::uint32_t>(d));
  }
  r.trim();
  r.neg_ = negative && !r.mag_.empty();
  return r;
}

bool bigint::fits_i64() const {
  if (mag_.size() <= 1) return true;
  if (mag_.size() > 2) return false;
  const std::uint64_t m = (std::uint64_t{mag_[1]} << 32) | mag_[0];
  return neg_ ? m <= (std::uint64_t{1} << 63) : m < (std::uint64_t{1} << 63);
}

std::int64_t bigint::to_i64() const {
  std::uint64_t m = 0;
  if (!mag_.empty()) m = mag_[0];
  if (mag_.size() > 1) m |= std::uint64_t{mag_[1]} << 32;
  return neg_ ? static_cast<std::int64_t>(~m + 1) : static_cast<std::int64_t>(m);
}

std::size_t bigint::bit_length() const {
  if (mag_.empty()) return 0;
  return (mag_.size() - 1) * 32 + (32 - static_cast<std::size_t>(__builtin_clz(mag_.back())));
}

double bigint::to_double() const {
  const std::size_t bits = bit_length();
  if (bits <= 64) {
    std::uint64_t m = 0;
    for (std::size_t i = mag_.size(); i-- > 0;) m = (m << 32) | mag_[i];
    const double d = static_cast<double>(m);  // rounds half to even
    return neg_ ? -d : d;
  }
  if (bits > 1100) return neg_ ? -HUGE_VAL : HUGE_VAL;
  // The top 64 bits with a sticky bit for what is below them: one correct rounding to 53 bits.
  const std::size_t shift = bits - 64;
  const bigint top = abs().shift_right(shift);
  std::uint64_t m = (std::uint64_t{top.mag_[1]} << 32) | top.mag_[0];
  bool sticky = false;
  for (std::size_t i = 0; i < shift / 32 && !sticky; ++i) sticky = mag_[i] != 0;
  if (!sticky && shift % 32) sticky = (mag_[shift / 32] & ((std::uint32_t{1} << (shift % 32)) - 1)) != 0;
  if (sticky) m |= 1;
  const double d = std::ldexp(static_cast<double>(m), static_cast<int>(shift));
  return neg_ ? -d : d;
}

std::uint32_t bigint::divmod_small(limbs_t& a, std::uint32_t d) {
  std::uint64_t rem = 0;
  for (std::size_t i = a.size(); i-- > 0;) {
    const std::uint64_t cur = (rem << 32) | a[i];
    a[i] = static_cast<std::uint32_t>(cur / d);
    rem = cur % d;
  }
  while (!a.empty() && a.back() == 0) a.pop_back();
  return static_cast<std::uint32_t>(rem);
}

std::string bigint::to_string(int base) const {
  if (mag_.empty()) return "0";
  std::string out;
  limbs_t m = mag_;
  if (base == 10) {
    // Nine decimal digits per division.
    while (!m.empty()) {
      std::uint32_t chunk = divmod_small(m, 1'000'000'000);
      for (int i = 0; i < 9; ++i) {
        out += static_cast<char>('0' + chunk % 10);
        chunk /= 10;
        if (m.empty() && chunk == 0) break;
      }
    }
  } else {
    while (!m.empty()) out += "0123456789abcdefghijklmnopqrstuvwxyz"[divmod_small(m, static_cast<std::uint32_t>(base))];
  }
  while (out.size() > 1 && out.back() == '0') out.pop_back();
  if (neg_) out += '-';
  std::reverse(out.begin(), out.end());
  return out;
}

int bigint::compare_magnitude(const limbs_t& a, const limbs_t& b) {
  if (a.size() != b.size()) return a.size() < b.size() ? -1 : 1;
  for (std::size_t i = a.size(); i-- > 0;)
    if (a[i] != b[i]) return a[i] < b[i] ? -1 : 1;
  return 0;
}

int bigint::compare(const bigint& a, const bigint& b) {
  if (a.neg_ != b.neg_) return a.neg_ ? -1 : 1;
  const int c = compare_magnitude(a.mag_, b.mag_);
  return a.neg_ ? -c : c;
}

limbs_t bigint::add_magnitude(const limbs_t& a, const limbs_t& b) {
  const limbs_t& longer = a.size() >= b.size() ? a : b;
  const limbs_t& shorter = a.size() >= b.size() ? b : a;
  limbs_t r(longer.size() + 1);
  std::uint64_t carry = 0;
  for (std::size_t i = 0; i < longer.size(); ++i) {
    const std::uint64_t t = std::uint64_t{longer[i]} + (i < shorter.size() ? shorter[i] : 0) + carry;
    r[i] = static_cast<std::uint32_t>(t);
    carry = t >> 32;
  }
  r.back() = static_cast<std::uint32_t>(carry);
  return r;
}

limbs_t bigint::sub_magnitude(const limbs_t& a, const limbs_t& b) {  // |a| >= |b|
  limbs_t r(a.size());
  std::int64_t borrow = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    std::int64_t t = std::int64_t{a[i]} - (i < b.size() ? b[i] : 0) - borrow;
    borrow = t < 0;
    if (t < 0) t += std::int64_t{1} << 32;
    r[i] = static_cast<std::uint32_t>(t);
  }
  return r;
}

limbs_t bigint::mul_magnitude(const limbs_t& a, const limbs_t& b) {
  if (a.empty() || b.empty()) return {};
  limbs_t r(a.size() + b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    std::uint64_t carry = 0;
    const std::uint64_t ai = a[i];
    for (std::size_t j = 0; j < b.size(); ++j) {
      const std::uint64_t t = ai * b[j] + r[i + j] + carry;
      r[i + j] = static_cast<std::uint32_t>(t);
      carry = t >> 32;
    }
    r[i + b.size()] = static_cast<std::uint32_t>(carry);
  }
  return r;
}

bigint operator+(const bigint& a, const bigint& b) {
  bigint r;
  if (a.neg_ == b.neg_) {
    r.mag_ = bigint::add_magnitude(a.mag_, b.mag_);
    r.neg_ = a.neg_;
  } else if (bigint::compare_magnitude(a.mag_, b.mag_) >= 0) {
    r.mag_ = bigint::sub_magnitude(a.mag_, b.mag_);
    r.neg_ = a.neg_;
  } else {
    r.mag_ = bigint::sub_magnitude(b.mag_, a.mag_);
    r.neg_ = b.neg_;
  }
  r.trim();
  return r;
}

bigint bigint::operator-() const {
  bigint r = *this;
  r.neg_ = !neg_ && !mag_.empty();
  return r;
}

bigint bigint::abs() const {
  bigint r = *this;
  r.neg_ = false;
  return r;
}

bigint operator-(const bigint& a, const bigint& b) { return a + (-b); }

bigint operator*(const bigint& a, const bigint& b) {
  bigint r;
  r.mag_ = bigint::mul_magnitude(a.mag_, b.mag_);
  r.neg_ = a.neg_ != b.neg_;
  r.trim();
  return r;
}

// Knuth's algorithm D (TAOCP 4.3.1) on 32-bit limbs; |b| has at least two limbs.
void bigint::divmod_magnitude(const limbs_t& a, const limbs_t& b, limbs_t& q, limbs_t& r) {
  if (compare_magnitude(a, b) < 0) {
    q.clear();
    r = a;
    return;
  }
  if (b.size() == 1) {
    q = a;
    const std::uint32_t rem = divmod_small(q, b[0]);
    r.clear();
    if (rem) r.push_back(rem);
    return;
  }
  const int s = __builtin_clz(b.back());
  const std::size_t n = b.size(), m = a.size() - b.size();
  limbs_t v(n), u(a.size() + 1);
  for (std::size_t i = n; i-- > 0;)
    v[i] = (b[i] << s) | (s && i ? b[i - 1] >> (32 - s) : 0);
  u[a.size()] = s ? a.back() >> (32 - s) : 0;
  for (std::size_t i = a.size(); i-- > 0;)
    u[i] = (a[i] << s) | (s && i ? a[i - 1] >> (32 - s) : 0);
  q.assign(m + 1, 0);
  const std::uint64_t base = std::uint64_t{1} << 32;
  for (std::size_t j = m + 1; j-- > 0;) {
    const std::uint64_t num = (std::uint64_t{u[j + n]} << 32) | u[j + n - 1];
    std::uint64_t qhat = num / v[n - 1], rhat = num % v[n - 1];
    while (qhat >= base || qhat * v[n - 2] > ((rhat << 32) | u[j + n - 2])) {
      --qhat;
      rhat += v[n - 1];
      if (rhat >= base) break;
    }
    std::int64_t borrow = 0;
    std::uint64_t carry = 0;
    for (std::size_t i = 0; i < n; ++i) {
      const std::uint64_t p = qhat * v[i] + carry;
      carry = p >> 32;
      const std::int64_t t = std::int64_t{u[i + j]} - borrow - static_cast<std::int64_t>(p & 0xffffffffu);
      u[i + j] = static_cast<std::uint32_t>(t);
      borrow = t < 0;
    }
    const std::int64_t t = std::int64_t{u[j + n]} - borrow - static_cast<std::int64_t>(carry);
    u[j + n] = static_cast<std::uint32_t>(t);
    if (t < 0) {  // qhat was one too large: add v back
      --qhat;
      std::uint64_t c = 0;
      for (std::size_t i = 0; i < n; ++i) {
        const std::uint64_t sum = std::uint64_t{u[i + j]} + v[i] + c;
        u[i + j] = static_cast<std::uint32_t>(sum);
        c = sum >> 32;
      }
      u[j + n] += static_cast<std::uint32_t>(c);
    }
    q[j] = static_cast<std::uint32_t>(qhat);
  }
  r.assign(n, 0);
  for (std::size_t i = 0; i < n; ++i) r[i] = (u[i] >> s) | (s ? u[i + 1] << (32 - s) : 0);
  while (!q.empty() && q.back() == 0) q.pop_back();
  while (!r.empty() && r.back() == 0) r.pop_back();
}

void bigint::divmod(const bigint& a, const bigint& b, bigint* quotient, bigint* remainder) {
  bigint q, r;
  divmod_magnitude(a.mag_, b.mag_, q.mag_, r.mag_);
  q.neg_ = a.neg_ != b.neg_;
  r.neg_ = a.neg_;
  q.trim();
  r.trim();
  // Truncated to floored: when the signs differ and something remains, step down once.
  if (!r.is_zero() && a.neg_ != b.neg_) {
    q = q - from_i64(1);
    r = r + b;
  }
  if (quotient) *quotient = std::move(q);
  if (remainder) *remainder = std::move(r);
}

bigint bigint::pow(std::uint64_t exponent) const {
  bigint result = from_i64(1), base = *this;
  while (exponent) {
    if (exponent & 1) result = result * base;
    exponent >>= 1;
    if (exponent) base = base * base;
  }
  return result;
}

bigint bigint::shift_left(std::uint64_t n) const {
  if (mag_.empty()) return *this;
  bigint r;
  const std::size_t limbs = n / 32, bits = n % 32;
  r.mag_.assign(limbs, 0);
  std::uint32_t carry = 0;
  for (std::uint32_t limb : mag_) {
    r.mag_.push_back((limb << bits) | carry);
    carry = bits ? limb >> (32 - bits) : 0;
  }
  r.mag_.push_back(carry);
  r.neg_ = neg_;
  r.trim();
  return r;
}

bigint bigint::shift_right(std::uint64_t n) const {
  const std::size_t limbs = n / 32, bits = n % 32;
  if (limbs >= mag_.size()) return neg_ ? from_i64(-1) : bigint{};
  bigint r;
  bool lost = false;  // a one bit shifted out (negatives then round toward -infinity)
  for (std::size_t i = 0; i < limbs; ++i) lost = lost || mag_[i];
  if (bits) lost = lost || (mag_[limbs] & ((std::uint32_t{1} << bits) - 1));
  for (std::size_t i = limbs; i < mag_.size(); ++i) {
    const std::uint32_t high = i + 1 < mag_.size() && bits ? mag_[i + 1] << (32 - bits) : 0;
    r.mag_.push_back((mag_[i] >> bits) | high);
  }
  r.neg_ = neg_;
  r.trim();
  if (neg_ && lost) r = r - from_i64(1);
  return r;
}

limbs_t bigint::twos_complement(std::size_t limbs) const {
  limbs_t r(limbs, 0);
  std::copy(mag_.begin(), mag_.end(), r.begin());
  if (neg_) {
    std::uint64_t carry = 1;
    for (auto& limb : r) {
      const std::uint64_t t = std::uint64_t{static_cast<std::uint32_t>(~limb)} + carry;
      limb = static_cast<std::uint32_t>(t);
      carry = t >> 32;
    }
  }
  return r;
}

bigint bigint::from_twos_complement(limbs_t limbs) {
  bigint r;
  r.neg_ = !limbs.empty() && (limbs.back() >> 31);
  if (r.neg_) {
    std::uint64_t carry = 1;
    for (auto& limb : limbs) {
      const std::uint64_t t = std::uint64_t{static_cast<std::uint32_t>(~limb)} + carry;
      limb = static_cast<std::uint32_t>(t);
      carry = t >> 32;
    }
  }
  r.mag_ = std::move(limbs);
  r.trim();
  return r;
}

template <class Op>
bigint bigint::bitwise(const bigint& a, const bigint& b, Op op) {
  const std::size_t n = std::max(a.mag_.size(), b.mag_.size()) + 1;  // room for the sign bit
  limbs_t x = a.twos_complement(n);
  const limbs_t y = b.twos_complement(n);
  for (std::size_t i = 0; i < n; ++i) x[i] = op(x[i], y[i]);
  return from_twos_complement(std::move(x));
}

bigint operator&(const bigint& a, const bigint& b) {
  return bigint::bitwise(a, b, [](std::uint32_t x, std::uint32_t y) { return x & y; });
}
bigint operator|(const bigint& a, const bigint& b) {
  return bigint::bitwise(a, b, [](std::uint32_t x, std::uint32_t y) { return x | y; });
}
bigint operator^(const bigint& a, const bigint& b) {
  return bigint::bitwise(a, b, [](std::uint32_t x, std::uint32_t y) { return x ^ y; });
}

std::int64_t bigint::hash() const {
  std::uint64_t x = 0;
  for (std::size_t i = mag_.size(); i-- > 0;) {
    // x * 2**32 mod (2**61 - 1) is a rotation of x's 61 bits (2**61 == 1 modulo it).
    x = ((x << 32) & hash_modulus) | (x >> 29);
    x += mag_[i];
    if (x >= hash_modulus) x -= hash_modulus;
  }
  auto h = static_cast<std::int64_t>(x);
  if (neg_) h = -h;
  return h == -1 ? -2 : h;
}

double bigint::true_divide(const bigint& a, const bigint& b) {
  const std::size_t abits = a.bit_length(), bbits = b.bit_length();
  if (abits <= 53 && bbits <= 53) return a.to_double() / b.to_double();  // both exact: one rounding
  if (a.is_zero()) return (a.neg_ != b.neg_) ? -0.0 : 0.0;
  // Scale so the quotient has 62-63 bits, keep a sticky bit for the remainder, round once.
  const auto k = static_cast<std::int64_t>(62 + bbits) - static_cast<std::int64_t>(abits);
  const bigint n = k >= 0 ? a.abs().shift_left(static_cast<std::uint64_t>(k)) : a.abs();
  const bigint d = k >= 0 ? b.abs() : b.abs().shift_left(static_cast<std::uint64_t>(-k));
  bigint q, r;
  divmod(n, d, &q, &r);
  std::uint64_t m = static_cast<std::uint64_t>(q.to_i64());
  if (q.mag_.size() == 2) m = (std::uint64_t{q.mag_[1]} << 32) | q.mag_[0];
  if (!r.is_zero()) m |= 1;
  if (k > 2000) return (a.neg_ != b.neg_) ? -0.0 : 0.0;
  if (k < -2000) return (a.neg_ != b.neg_) ? -HUGE_VAL : HUGE_VAL;
  const double result = std::ldexp(static_cast<double>(m), static_cast<int>(-k));
  return (a.neg_ != b.neg_) ? -result : result;
}

}  // namespace asyncrace::python
