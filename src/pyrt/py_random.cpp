#include "pyrt/py_random.hpp"

#include <algorithm>
#include <bit>
#include <cassert>
#include <cmath>
#include <string>
#include <unordered_set>

#include "pyrt/py_sha512.hpp"

namespace asyncrace {
namespace {
constexpr int m = 397;
constexpr std::uint32_t matrix_a = 0x9908b0dfU;
constexpr std::uint32_t upper_mask = 0x80000000U;
constexpr std::uint32_t lower_mask = 0x7fffffffU;
}  // namespace

void py_random::init_genrand(std::uint32_t s) {
  mt_[0] = s;
  for (int i = 1; i < n; ++i)
    mt_[i] = 1812433253U * (mt_[i - 1] ^ (mt_[i - 1] >> 30)) + static_cast<std::uint32_t>(i);
  mti_ = n;
}

void py_random::init_by_array(const std::uint32_t* key, int length) {
  init_genrand(19650218U);
  int i = 1, j = 0;
  for (int k = std::max(n, length); k > 0; --k) {
    mt_[i] = (mt_[i] ^ ((mt_[i - 1] ^ (mt_[i - 1] >> 30)) * 1664525U)) + key[j] +
             static_cast<std::uint32_t>(j);
    ++i;
    ++j;
    if (i >= n) {
      mt_[0] = mt_[n - 1];
      i = 1;
    }
    if (j >= length) j = 0;
  }
  for (int k = n - 1; k > 0; --k) {
    mt_[i] = (mt_[i] ^ ((mt_[i - 1] ^ (mt_[i - 1] >> 30)) * 1566083941U)) -
             static_cast<std::uint32_t>(i);
    ++i;
    if (i >= n) {
      mt_[0] = mt_[n - 1];
      i = 1;
    }
  }
  mt_[0] = 0x80000000U;  // MSB is 1, assuring a non-zero initial array
}

void py_random::seed_abs(std::uint64_t magnitude) {
  // random_seed(): abs(n) as little-endian 32-bit words, high zero words dropped (at least one).
  std::uint32_t key[2] = {static_cast<std::uint32_t>(magnitude), static_cast<std::uint32_t>(magnitude >> 32)};
  init_by_array(key, key[1] != 0 ? 2 : 1);
}

void py_random::seed_words(std::vector<std::uint32_t> magnitude) {
  gauss_next.reset();
  while (magnitude.size() > 1 && magnitude.back() == 0) magnitude.pop_back();
  if (magnitude.empty()) magnitude.push_back(0);
  init_by_array(magnitude.data(), static_cast<int>(magnitude.size()));
}

void py_random::seed_bytes(std::string_view data) {
  // int.from_bytes(data + sha512(data).digest()): big-endian, so the last byte is the lowest.
  const auto digest = sha512(data);
  std::string all(data);
  all.append(reinterpret_cast<const char*>(digest.data()), digest.size());
  std::vector<std::uint32_t> words((all.size() + 3) / 4);
  for (std::size_t i = 0; i < all.size(); ++i) {
    const std::size_t k = all.size() - 1 - i;  // byte k from the low end
    words[k / 4] |= static_cast<std::uint32_t>(static_cast<unsigned char>(all[i])) << (8 * (k % 4));
  }
  seed_words(std::move(words));
}

std::vector<std::size_t> py_random::sample_indices(std::size_t size, std::size_t k) {
  std::vector<std::size_t> result(k);
  std::size_t setsize = 21;  // a small set's size minus an empty list's
  if (k > 5) setsize += static_cast<std::size_t>(std::pow(4.0, std::ceil(std::log(static_cast<double>(k * 3)) / std::log(4.0))));
  if (size <= setsize) {
    std::vector<std::size_t> pool(size);
    for (std::size_t i = 0; i < size; ++i) pool[i] = i;
    for (std::size_t i = 0; i < k; ++i) {
      const auto j = static_cast<std::size_t>(randbelow(size - i));
      result[i] = pool[j];
      pool[j] = pool[size - i - 1];  // the unselected item moves into the vacancy
    }
  } else {
    std::unordered_set<std::size_t> selected;
    for (std::size_t i = 0; i < k; ++i) {
      auto j = static_cast<std::size_t>(randbelow(size));
      while (selected.count(j)) j = static_cast<std::size_t>(randbelow(size));
      selected.insert(j);
      result[i] = j;
    }
  }
  return result;
}

std::uint32_t py_random::next() {
  if (mti_ >= n) {
    int kk = 0;
    auto twist = [this](int a, int b, int c) {
      std::uint32_t y = (mt_[a] & upper_mask) | (mt_[b] & lower_mask);
      mt_[a] = mt_[c] ^ (y >> 1) ^ ((y & 1U) ? matrix_a : 0U);
    };
    for (; kk < n - m; ++kk) twist(kk, kk + 1, kk + m);
    for (; kk < n - 1; ++kk) twist(kk, kk + 1, kk + (m - n));
    twist(n - 1, 0, m - 1);
    mti_ = 0;
  }
  std::uint32_t y = mt_[mti_++];
  y ^= (y >> 11);
  y ^= (y << 7) & 0x9d2c5680U;
  y ^= (y << 15) & 0xefc60000U;
  y ^= (y >> 18);
  return y;
}

std::uint64_t py_random::getrandbits(int k) {
  if (k < 0) throw py_exception("ValueError", "number of bits must be non-negative");
  if (k > 64)
    throw py_exception("OverflowError", "getrandbits(" + std::to_string(k) +
                                            ") does not fit in 64 bits: use getrandbits_words");
  if (k == 0) return 0;
  if (k <= 32) return next() >> (32 - k);
  // Two words, least significant first; the second keeps the top k - 32 bits of its draw.
  const std::uint64_t low = next();
  const std::uint64_t high = next() >> (64 - k);
  return low | (high << 32);
}

std::vector<std::uint32_t> py_random::getrandbits_words(int k) {
  if (k < 0) throw py_exception("ValueError", "number of bits must be non-negative");
  std::vector<std::uint32_t> words(static_cast<std::size_t>((k + 31) / 32));  // none for k == 0
  if (k <= 32) {  // CPython's fast path: the top k bits of one draw
    if (k > 0) words[0] = next() >> (32 - k);
    return words;
  }
  for (std::uint32_t& w : words) {
    std::uint32_t r = next();
    if (k < 32) r >>= (32 - k);  // the last, partial word: drop its least significant bits
    w = r;
    k -= 32;
  }
  return words;
}

double py_random::random() {
  // genrand_res53
  std::uint32_t a = next() >> 5, b = next() >> 6;
  return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
}

std::uint64_t py_random::randbelow(std::uint64_t limit) {
  assert(limit > 0);
  if (limit == 0) return 0;  // CPython's _randbelow(0) would loop forever; nothing calls it so
  const int k = static_cast<int>(std::bit_width(limit));  // limit.bit_length()
  std::uint64_t r = getrandbits(k);
  while (r >= limit) r = getrandbits(k);  // rejection sampling, as CPython
  return r;
}

std::uint64_t py_random::randbelow_2_64() {
  // _randbelow(2**64): getrandbits(65) is three words (the third holds one bit) until it is < 2**64.
  for (;;) {
    const std::uint64_t low = next();
    const std::uint64_t high = next();
    if ((next() >> 31) == 0) return low | (high << 32);
  }
}

namespace {
// The decimal of a - b, which may not fit in 64 signed bits (Python ints have no limit).
std::string difference(std::int64_t a, std::int64_t b) {
  const auto ua = static_cast<std::uint64_t>(a), ub = static_cast<std::uint64_t>(b);
  return a >= b ? std::to_string(ua - ub) : "-" + std::to_string(ub - ua);
}

[[noreturn]] void empty_range(std::int64_t start, std::int64_t stop) {
  throw py_exception("ValueError", "empty range for randrange() (" + std::to_string(start) + ", " +
                                       std::to_string(stop) + ", " + difference(stop, start) + ")");
}

// Two's-complement arithmetic: the true result lies in [start, stop), so wrapping is exact.
std::int64_t offset(std::int64_t start, std::uint64_t by) {
  return static_cast<std::int64_t>(static_cast<std::uint64_t>(start) + by);
}
}  // namespace

std::int64_t py_random::randrange(std::int64_t stop) {
  if (stop > 0) return static_cast<std::int64_t>(randbelow(static_cast<std::uint64_t>(stop)));
  throw py_exception("ValueError", "empty range for randrange()");
}

std::int64_t py_random::randrange(std::int64_t start, std::int64_t stop, std::int64_t step) {
  const auto ustart = static_cast<std::uint64_t>(start), ustop = static_cast<std::uint64_t>(stop);
  if (step == 1) {  // CPython's fast path, with its own message
    if (stop > start) return offset(start, randbelow(ustop - ustart));
    empty_range(start, stop);
  }
  if (step == 0) throw py_exception("ValueError", "zero step for randrange()");
  // n = ceil(width / step), in magnitudes: (width + step - 1) // step for step > 0,
  // (width + step + 1) // step for step < 0; empty when n <= 0.
  const bool up = step > 0;
  if (up ? stop <= start : stop >= start) throw py_exception("ValueError", "empty range for randrange()");
  const std::uint64_t width = up ? ustop - ustart : ustart - ustop;
  const std::uint64_t stride = up ? static_cast<std::uint64_t>(step) : std::uint64_t{0} - static_cast<std::uint64_t>(step);
  const std::uint64_t count = (width - 1) / stride + 1;
  return offset(start, static_cast<std::uint64_t>(step) * randbelow(count));
}

std::int64_t py_random::randint(std::int64_t a, std::int64_t b) {
  // randrange(a, b + 1), where b + 1 may be 2**63 and the width 2**64.
  if (b < a) empty_range(a, b + 1);
  const std::uint64_t width = static_cast<std::uint64_t>(b) - static_cast<std::uint64_t>(a) + 1;
  return offset(a, width == 0 ? randbelow_2_64() : randbelow(width));
}

}  // namespace asyncrace
