// Python's `random` module, bit for bit: MT19937 seeded by init_by_array with the seed's 32-bit
// words, as CPython's random_seed() does for an int seed. Tutorials that call random.seed(444)
// and the jitter tie policy both draw from it, so a seed means the same numbers as in CPython.
#pragma once

#include <array>
#include <cstdint>

namespace asyncrace {

class py_random {
 public:
  explicit py_random(std::uint64_t seed = 0) { this->seed(seed); }

  void seed(std::uint64_t seed);       // random.seed(n) for n >= 0
  std::uint32_t getrandbits(int k);    // random.getrandbits(k), 0 <= k <= 32
  double random();                     // random.random(): 53-bit float in [0, 1)
  std::uint64_t randbelow(std::uint64_t n);  // random._randbelow_with_getrandbits(n), 0 < n < 2^32
  std::int64_t randint(std::int64_t a, std::int64_t b) {  // random.randint(a, b)
    return a + static_cast<std::int64_t>(randbelow(static_cast<std::uint64_t>(b - a + 1)));
  }
  double uniform(double a, double b) { return a + (b - a) * random(); }  // random.uniform

 private:
  std::uint32_t next();  // genrand_uint32
  void init_genrand(std::uint32_t s);
  void init_by_array(const std::uint32_t* key, int length);

  static constexpr int n = 624;
  std::array<std::uint32_t, n> mt_{};
  int mti_ = n + 1;
};

}  // namespace asyncrace
