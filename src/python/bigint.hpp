// Python's unbounded int beyond 64 bits: sign and magnitude in 32-bit limbs (least significant
// first, no leading zero limbs; zero has none). Small ints live inline in `value`; arithmetic on
// them promotes to a bigint on overflow and results that fit go back to immediates (int_type.cpp).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "object.hpp"

namespace asyncrace::python {

class bigint {
 public:
  bigint() = default;
  static bigint from_i64(std::int64_t v);
  static bigint from_u64(std::uint64_t v, bool negative = false);
  // int(x) of a finite double: truncated toward zero.
  static bigint from_double(double d);
  // int(text, base) after CPython's stripping of spaces; base 0 reads a 0x/0o/0b prefix.
  // Underscores between digits are allowed. Empty when the text is not a number in that base.
  static std::optional<bigint> parse(std::string_view text, int base);

  bool is_zero() const { return mag_.empty(); }
  bool negative() const { return neg_; }
  bool fits_i64() const;
  std::int64_t to_i64() const;  // only when fits_i64()
  // float(n), correctly rounded (half to even); infinite when too large.
  double to_double() const;
  std::size_t bit_length() const;
  std::string to_string(int base = 10) const;  // digits only, '-' for negatives, no prefix

  bigint operator-() const;
  bigint abs() const;
  friend bigint operator+(const bigint& a, const bigint& b);
  friend bigint operator-(const bigint& a, const bigint& b);
  friend bigint operator*(const bigint& a, const bigint& b);
  // Floor division and the modulo that goes with it (Python's signs); b must not be zero.
  static void divmod(const bigint& a, const bigint& b, bigint* quotient, bigint* remainder);
  bigint pow(std::uint64_t exponent) const;
  bigint shift_left(std::uint64_t n) const;
  bigint shift_right(std::uint64_t n) const;  // floor (toward negative infinity), as Python's >>
  friend bigint operator&(const bigint& a, const bigint& b);
  friend bigint operator|(const bigint& a, const bigint& b);
  friend bigint operator^(const bigint& a, const bigint& b);
  bigint invert() const { return -*this - from_i64(1); }  // ~n == -n - 1
  static int compare(const bigint& a, const bigint& b);  // -1, 0, 1
  friend bool operator==(const bigint& a, const bigint& b) { return a.neg_ == b.neg_ && a.mag_ == b.mag_; }
  // hash(n): n modulo 2**61 - 1 with n's sign, -1 becoming -2, as CPython's long_hash.
  std::int64_t hash() const;
  // True division a / b correctly rounded; infinite when the result is too large. b != 0.
  static double true_divide(const bigint& a, const bigint& b);
  // The magnitude's limbs (least significant first).
  const std::vector<std::uint32_t>& limbs() const { return mag_; }

 private:
  void trim();
  static int compare_magnitude(const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b);
  static std::vector<std::uint32_t> add_magnitude(const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b);
  static std::vector<std::uint32_t> sub_magnitude(const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b);
  static std::vector<std::uint32_t> mul_magnitude(const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b);
  static void divmod_magnitude(const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b,
                               std::vector<std::uint32_t>& q, std::vector<std::uint32_t>& r);
  static std::uint32_t divmod_small(std::vector<std::uint32_t>& a, std::uint32_t d);  // in place
  std::vector<std::uint32_t> twos_complement(std::size_t limbs) const;
  static bigint from_twos_complement(std::vector<std::uint32_t> limbs);
  template <class Op>
  static bigint bitwise(const bigint& a, const bigint& b, Op op);

  bool neg_ = false;
  std::vector<std::uint32_t> mag_;
};

// An int too large for an immediate.
struct int_object : object {
  bigint v;
};

}  // namespace asyncrace::python
