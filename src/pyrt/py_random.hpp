// Python's `random` module, bit for bit: MT19937 seeded by init_by_array with the seed's 32-bit
// words, as CPython's random_seed() does for an int seed. Tutorials that call random.seed(444)
// and the jitter tie policy both draw from it, so a seed means the same numbers as in CPython
// 3.11 (tests/sched/random_expectations.txt holds CPython's own draws, checked draw by draw).
//
// Python ints are unbounded; here they are 64-bit. Errors CPython raises for bad arguments are
// thrown as py_exception with CPython's type and message.
#pragma once

#include <array>
#include <concepts>
#include <cstdint>
#include <iterator>
#include <optional>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "pyrt/py_exception.hpp"

namespace asyncrace {

class py_random {
 public:
  py_random() { seed(0); }
  template <std::integral I>
  explicit py_random(I value) { seed(value); }

  // random.seed(n): CPython seeds with abs(n), so seed(-444) draws what seed(444) draws.
  template <std::integral I>
  void seed(I value) {
    gauss_next.reset();
    const auto bits = static_cast<std::uint64_t>(value);
    // 0 - bits is abs(value) even for the most negative value, whose negation would overflow I.
    if constexpr (std::is_signed_v<I>)
      seed_abs(value < 0 ? std::uint64_t{0} - bits : bits);
    else
      seed_abs(bits);
  }

  // random.seed(n) for any int: abs(n) as its 32-bit words, least significant first (CPython's
  // random_seed(); high zero words are ignored, no words is 0).
  void seed_words(std::vector<std::uint32_t> magnitude);
  // random.seed(s) of a str (its UTF-8) or bytes, version 2: the int of s + sha512(s) read
  // big-endian.
  void seed_bytes(std::string_view data);

  // random.getrandbits(k) for 0 <= k <= 64. ValueError for k < 0 (as CPython); k > 64 does not
  // fit the result and throws OverflowError: use getrandbits_words.
  std::uint64_t getrandbits(int k);
  // random.getrandbits(k) for any k >= 0, as the int's 32-bit words, least significant first
  // (CPython fills them in this order; the last word keeps the top k % 32 bits of its draw).
  std::vector<std::uint32_t> getrandbits_words(int k);

  double random();  // random.random(): 53-bit float in [0, 1)
  // random._randbelow_with_getrandbits(n): uniform in [0, n) by rejection, for n > 0.
  std::uint64_t randbelow(std::uint64_t n);

  std::int64_t randrange(std::int64_t stop);  // random.randrange(stop)
  std::int64_t randrange(std::int64_t start, std::int64_t stop, std::int64_t step = 1);
  std::int64_t randint(std::int64_t a, std::int64_t b);  // random.randint(a, b) = randrange(a, b + 1)
  double uniform(double a, double b) { return a + (b - a) * random(); }  // random.uniform

  // random.shuffle(x): Fisher-Yates from the end, j = randbelow(i + 1), as CPython.
  template <class Seq>
  void shuffle(Seq& seq) {
    using std::swap;
    for (std::size_t i = std::size(seq); i-- > 1;) swap(seq[i], seq[static_cast<std::size_t>(randbelow(i + 1))]);
  }
  // random.sample(range(size), k) (k <= size): the positions random.sample(population, k) picks, in
  // selection order (a pool of size items when size is small against k, else rejection of repeats, as CPython).
  std::vector<std::size_t> sample_indices(std::size_t size, std::size_t k);

  // random.gauss's spare value (Random.gauss_next): seeding forgets it.
  std::optional<double> gauss_next;

  // random.choice(seq): seq[randbelow(len(seq))] for any random-access container.
  template <class Seq>
  decltype(auto) choice(Seq& seq) {
    if (std::size(seq) == 0) throw py_exception("IndexError", "Cannot choose from an empty sequence");
    return seq[static_cast<std::size_t>(randbelow(static_cast<std::uint64_t>(std::size(seq))))];
  }

 private:
  std::uint32_t next();  // genrand_uint32
  void init_genrand(std::uint32_t s);
  void init_by_array(const std::uint32_t* key, int length);
  void seed_abs(std::uint64_t magnitude);
  std::uint64_t randbelow_2_64();  // randbelow(2**64), which a uint64 cannot spell

  static constexpr int n = 624;
  std::array<std::uint32_t, n> mt_{};
  int mti_ = n + 1;
};

}  // namespace asyncrace
