// What one python3 process owns that tutorials draw from: the `random` module's hidden Random
// and os.urandom's bytes. Each program (program.hpp) has its own, as each `python3 file.py` has,
// so a tutorial draws the same numbers every time it runs, and two sessions side by side never
// share a stream. Outside a program (unit tests, conformance scenarios) one per thread serves.
//
//   random::seed(444);                   // random.seed(444)
//   int i = random::randint(0, 10);      // random.randint(0, 10): CPython's numbers, bit for bit
//   std::string item = os::urandom(5).hex();  // os.urandom(5).hex()
//
// os.urandom is reproducible, as in the golden transcripts (tests/golden/README.md): byte k is the
// top 8 bits of the k-th 32-bit output of one MT19937 seeded with 0 for the whole run
// (random.Random(0).getrandbits(8) per byte), a stream of its own: random.seed does not touch it.
// An unseeded `random` draws as after random.seed(0) (CPython would seed it from os.urandom).
#pragma once

#include <concepts>
#include <cstddef>
#include <cstdint>

#include "pyrt/py_bytes.hpp"
#include "pyrt/py_random.hpp"

namespace asyncrace {

namespace detail {
struct py_process {
  py_random random;        // the random module's functions are this instance's methods
  py_random urandom{0};    // os.urandom's stream
};
// The process of the program running now on this thread (its module code or one of its tasks).
py_process& current_process();
}  // namespace detail

// `import random`: the module-level functions, on the process's hidden instance.
namespace random {
template <std::integral I>
void seed(I value) {
  detail::current_process().random.seed(value);
}
// random.randint(a, b): a <= n <= b, of its arguments' type.
template <std::integral I>
I randint(I a, I b) {
  return static_cast<I>(detail::current_process().random.randint(a, b));
}
template <std::integral I>
I randrange(I stop) {
  return static_cast<I>(detail::current_process().random.randrange(stop));
}
template <std::integral I>
I randrange(I start, I stop, I step = 1) {
  return static_cast<I>(detail::current_process().random.randrange(start, stop, step));
}
inline double random() { return detail::current_process().random.random(); }
inline double uniform(double a, double b) { return detail::current_process().random.uniform(a, b); }
template <class Seq>
decltype(auto) choice(Seq& seq) {
  return detail::current_process().random.choice(seq);
}
}  // namespace random

// `import os`: os.urandom.
namespace os {
// os.urandom(n): n reproducible bytes (see above).
bytes urandom(std::size_t n);
}  // namespace os

}  // namespace asyncrace
