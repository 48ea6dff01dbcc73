// Big int arithmetic against CPython 3.11's results (bigint_expectations.txt, written by
// generate_bigint_expectations.py): edge sizes around limbs and words, and random ints.
#include <doctest.h>

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "python/bigint.hpp"

using asyncrace::python::bigint;

namespace {

bigint parse(const std::string& text) {
  auto v = bigint::parse(text, 0);
  REQUIRE(v.has_value());
  return *v;
}

std::string hex(const bigint& v) { return (v.negative() ? "-0x" : "0x") + v.abs().to_string(16); }

std::string float_hex(double d) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%a", d);
  return buf;
}

// What the C++ side computes for one line of the file, in the file's notation.
std::string compute(const std::string& op, const std::string& a_text, const std::string& b_text) {
  const bigint a = parse(a_text);
  const bigint b = parse(b_text);
  if (op == "add") return hex(a + b);
  if (op == "sub") return hex(a - b);
  if (op == "mul") return hex(a * b);
  if (op == "floordiv" || op == "mod") {
    if (b.is_zero()) return "error";
    bigint q, r;
    bigint::divmod(a, b, &q, &r);
    return hex(op == "mod" ? r : q);
  }
  if (op == "truediv") return b.is_zero() ? "error" : float_hex(bigint::true_divide(a, b));
  if (op == "and") return hex(a & b);
  if (op == "or") return hex(a | b);
  if (op == "xor") return hex(a ^ b);
  if (op == "lt") return bigint::compare(a, b) < 0 ? "1" : "0";
  if (op == "eq") return a == b ? "1" : "0";
  if (op == "lshift") return hex(a.shift_left(static_cast<std::uint64_t>(b.to_i64())));
  if (op == "rshift") return hex(a.shift_right(static_cast<std::uint64_t>(b.to_i64())));
  if (op == "neg") return hex(-a);
  if (op == "invert") return hex(a.invert());
  if (op == "hash") return hex(bigint::from_i64(a.hash()));
  if (op == "float") return float_hex(a.to_double());
  if (op == "str10") return a.to_string(10);
  if (op == "str16") return a.to_string(16);
  if (op == "str2") return a.to_string(2);
  if (op == "bitlen") return hex(bigint::from_u64(a.bit_length()));
  if (op == "pow") return hex(a.pow(static_cast<std::uint64_t>(b.to_i64())));
  return "unknown op " + op;
}

// Python's float.hex() and C's %a spell the same double differently (0x1.8p+1 vs 0x1.8p+1 are
// equal, but Python pads the fraction to 13 digits): compare the values.
bool same(const std::string& got, const std::string& want) {
  if (got == want) return true;
  if (want.find('p') != std::string::npos && got.find('p') != std::string::npos)
    return std::strtod(got.c_str(), nullptr) == std::strtod(want.c_str(), nullptr);
  return false;
}

}  // namespace

TEST_CASE("big ints: arithmetic, bitwise ops, shifts, hash, str and float equal CPython's") {
  std::ifstream in(ASYNCRACE_SOURCE_DIR "/tests/python/bigint_expectations.txt");
  REQUIRE(in);
  std::string line;
  int checked = 0, differing = 0;
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    std::string op, a, b, want;
    fields >> op >> a >> b >> want;
    const std::string got = compute(op, a, b);
    if (!same(got, want) && ++differing <= 20) FAIL_CHECK(op << " " << a << " " << b << ": got " << got << ", CPython " << want);
    ++checked;
  }
  CHECK(differing == 0);
  CHECK(checked > 4000);
}

TEST_CASE("big ints: parsing follows int(text, base)") {
  CHECK(bigint::parse("1_000_000", 10)->to_i64() == 1000000);
  CHECK(bigint::parse("0x_ff", 0)->to_i64() == 255);
  CHECK(bigint::parse("-0b101", 0)->to_i64() == -5);
  CHECK(bigint::parse("z", 36)->to_i64() == 35);
  CHECK_FALSE(bigint::parse("010", 0).has_value());
  CHECK_FALSE(bigint::parse("1__0", 10).has_value());
  CHECK_FALSE(bigint::parse("_1", 10).has_value());
  CHECK_FALSE(bigint::parse("12", 2).has_value());
  CHECK(bigint::parse("99999999999999999999", 10)->to_string() == "99999999999999999999");
  CHECK_FALSE(bigint::parse("99999999999999999999", 10)->fits_i64());
}
