#include "py_random.hpp"

#include <algorithm>
#include <cassert>

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

void py_random::seed(std::uint64_t seed) {
  // CPython splits abs(n) into little-endian 32-bit words, dropping high zero words (at least one).
  std::uint32_t key[2] = {static_cast<std::uint32_t>(seed), static_cast<std::uint32_t>(seed >> 32)};
  init_by_array(key, key[1] != 0 ? 2 : 1);
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

std::uint32_t py_random::getrandbits(int k) {
  assert(k >= 0 && k <= 32);
  if (k == 0) return 0;
  return next() >> (32 - k);
}

double py_random::random() {
  std::uint32_t a = next() >> 5, b = next() >> 6;
  return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
}

std::uint64_t py_random::randbelow(std::uint64_t limit) {
  assert(limit > 0 && limit < (std::uint64_t{1} << 32));
  int k = 0;
  for (std::uint64_t v = limit; v; v >>= 1) ++k;  // limit.bit_length()
  std::uint64_t r = getrandbits(k);
  while (r >= limit) r = getrandbits(k);  // rejection sampling, as CPython
  return r;
}

}  // namespace asyncrace
