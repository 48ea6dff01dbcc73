// py_random draws exactly what CPython 3.11's `random` draws: every call recorded by
// generate_random_expectations.py is replayed, in order, and compared (floats bit for bit).
#include <doctest.h>

#include <array>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "pyrt/py_random.hpp"

using namespace asyncrace;

namespace {

const char* const expectations_path = ASYNCRACE_SOURCE_DIR "/tests/sched/random_expectations.txt";

std::uint64_t bits_of(double d) {
  std::uint64_t b;
  std::memcpy(&b, &d, sizeof b);
  return b;
}

// float.fromhex: strtod reads C99 hex floats exactly.
double from_hex(const std::string& s) {
  char* end = nullptr;
  double d = std::strtod(s.c_str(), &end);
  REQUIRE_MESSAGE(*end == '\0', "not a float: " << s);
  return d;
}

std::int64_t to_int(const std::string& s) { return std::stoll(s); }

// Python's hex() of the int whose 32-bit words, least significant first, are `words`.
std::string py_hex(const std::vector<std::uint32_t>& words) {
  std::size_t top = words.size();
  while (top > 0 && words[top - 1] == 0) --top;
  if (top == 0) return "0x0";
  char buf[16];
  std::snprintf(buf, sizeof buf, "%x", words[top - 1]);
  std::string out = std::string("0x") + buf;
  for (std::size_t i = top - 1; i-- > 0;) {
    std::snprintf(buf, sizeof buf, "%08x", words[i]);
    out += buf;
  }
  return out;
}

// "[a,b,c]" → {"a", "b", "c"}; "[]" → {}.
std::vector<std::string> parse_list(const std::string& s) {
  std::vector<std::string> items;
  std::string inner = s.substr(1, s.size() - 2);
  if (inner.empty()) return items;
  std::stringstream in(inner);
  for (std::string item; std::getline(in, item, ',');) items.push_back(item);
  return items;
}

// Runs one recorded call on `rng`; returns its result in the file's notation, or, for a float,
// sets `value` and returns "" (floats are compared as bits, not as text).
std::string replay(py_random& rng, const std::vector<std::string>& call, double& value) {
  const std::string& name = call[0];
  auto arg = [&](std::size_t i) { return to_int(call.at(i)); };
  try {
    if (name == "random") {
      value = rng.random();
      return "";
    }
    if (name == "uniform") {
      value = rng.uniform(from_hex(call.at(1)), from_hex(call.at(2)));
      return "";
    }
    if (name == "getrandbits") {
      const int k = static_cast<int>(arg(1));
      return k > 64 ? py_hex(rng.getrandbits_words(k)) : std::to_string(rng.getrandbits(k));
    }
    if (name == "randint") return std::to_string(rng.randint(arg(1), arg(2)));
    if (name == "randrange") {
      if (call.size() == 2) return std::to_string(rng.randrange(arg(1)));
      if (call.size() == 3) return std::to_string(rng.randrange(arg(1), arg(2)));
      return std::to_string(rng.randrange(arg(1), arg(2), arg(3)));
    }
    if (name == "choice") {
      const std::vector<std::string> seq = parse_list(call.at(1));
      return rng.choice(seq);
    }
    if (name == "choice_range") {
      std::vector<std::int64_t> seq(static_cast<std::size_t>(arg(1)));
      for (std::size_t i = 0; i < seq.size(); ++i) seq[i] = static_cast<std::int64_t>(i);
      return std::to_string(rng.choice(seq));
    }
    if (name == "choice_str") {
      std::string text = call.at(1);
      return std::string(1, rng.choice(text));
    }
  } catch (const py_exception& e) {
    return e.python_text();
  }
  FAIL("unknown call in the expectations: " << name);
  return "";
}

}  // namespace

TEST_CASE("every draw recorded from CPython 3.11, in order, floats bit for bit") {
  std::ifstream in(expectations_path);
  REQUIRE_MESSAGE(in, "cannot read " << expectations_path);
  py_random rng;
  std::set<std::string> seeds;
  int line_no = 0, calls = 0, floats = 0, mismatches = 0;
  for (std::string line; std::getline(in, line);) {
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    if (line.rfind("seed ", 0) == 0) {
      const std::string n = line.substr(5);
      if (n[0] == '-')
        rng.seed(std::stoll(n));  // CPython seeds with abs(n)
      else
        rng.seed(std::stoull(n));
      seeds.insert(n);
      continue;
    }
    const std::size_t arrow = line.find(" -> ");
    REQUIRE_MESSAGE(arrow != std::string::npos, "line " << line_no << ": " << line);
    std::vector<std::string> call;
    std::stringstream words(line.substr(0, arrow));
    for (std::string w; words >> w;) call.push_back(w);
    const std::string want = line.substr(arrow + 4);

    double value = 0.0;
    std::string got = replay(rng, call, value);
    bool same;
    if (got.empty() && want.find(':') == std::string::npos) {  // a float result
      ++floats;
      same = bits_of(value) == bits_of(from_hex(want));
      char buf[64];
      std::snprintf(buf, sizeof buf, "%a", value);
      got = buf;
    } else {
      same = got == want;
    }
    ++calls;
    if (!same && ++mismatches <= 10)  // the first few are enough: later ones follow from them
      FAIL_CHECK("line " << line_no << ": " << line.substr(0, arrow) << " -> " << got
                         << ", CPython: " << want);
  }
  CHECK(mismatches == 0);
  // Guards against a truncated or empty file passing vacuously.
  CHECK(seeds.size() == 8);
  CHECK(calls > 9000);
  CHECK(floats > 2000);
}

TEST_CASE("seed: abs(n) for negative ints, all 64 bits for large ones") {
  py_random a(444), b(-444), c(std::int64_t{INT64_MIN}), d(std::uint64_t{1} << 63);
  for (int i = 0; i < 1000; ++i) {
    CHECK(bits_of(a.random()) == bits_of(b.random()));
    CHECK(c.getrandbits(32) == d.getrandbits(32));
  }
  py_random e(std::uint64_t{1} << 32), f(0);  // 2**32 is two words, not the word 0
  CHECK(e.getrandbits(64) != f.getrandbits(64));
}

TEST_CASE("the same generator after the same seed, and a reseed starts over") {
  py_random rng(7);
  const double first = rng.random();
  rng.random();
  rng.seed(7);
  CHECK(bits_of(rng.random()) == bits_of(first));
}

TEST_CASE("choice works on any random-access sequence and returns a reference into it") {
  py_random rng(1);
  const std::array<int, 3> fixed{10, 20, 30};
  const int& picked = rng.choice(fixed);
  CHECK((&picked >= fixed.data() && &picked < fixed.data() + fixed.size()));
  std::vector<int> empty;
  CHECK_THROWS_WITH_AS(rng.choice(empty), "Cannot choose from an empty sequence", py_exception);
}

TEST_CASE("getrandbits: 0 bits is 0 and draws nothing, more than 64 bits only as words") {
  py_random a(3), b(3);
  CHECK(a.getrandbits(0) == 0);
  CHECK(a.getrandbits_words(0).empty());
  CHECK(a.getrandbits(32) == b.getrandbits(32));
  CHECK_THROWS_AS(a.getrandbits(65), py_exception);
  // getrandbits(64) and getrandbits_words(64) are the same two draws.
  const std::uint64_t v = a.getrandbits(64);
  const std::vector<std::uint32_t> w = b.getrandbits_words(64);
  REQUIRE(w.size() == 2);
  CHECK(v == (std::uint64_t{w[1]} << 32 | w[0]));
}
