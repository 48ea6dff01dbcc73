// CPython's string hash: siphash13 (Python/pyhash.c) keyed with zeros, as PYTHONHASHSEED=0 runs
// it (the goldens are generated so), over the text in CPython's 1-, 2- or 4-byte representation.
#include <cstring>

#include "str.hpp"

namespace asyncrace::python {

namespace {

std::uint64_t rotate(std::uint64_t x, int b) { return (x << b) | (x >> (64 - b)); }

void half_round(std::uint64_t& a, std::uint64_t& b, std::uint64_t& c, std::uint64_t& d, int s, int t) {
  a += b;
  c += d;
  b = rotate(b, s) ^ a;
  d = rotate(d, t) ^ c;
  a = rotate(a, 32);
}

void single_round(std::uint64_t& v0, std::uint64_t& v1, std::uint64_t& v2, std::uint64_t& v3) {
  half_round(v0, v1, v2, v3, 13, 16);
  half_round(v2, v1, v0, v3, 17, 21);
}

std::uint64_t siphash13(const unsigned char* in, std::size_t size) {
  std::uint64_t b = static_cast<std::uint64_t>(size) << 56;
  std::uint64_t v0 = 0x736f6d6570736575ULL, v1 = 0x646f72616e646f6dULL;
  std::uint64_t v2 = 0x6c7967656e657261ULL, v3 = 0x7465646279746573ULL;
  while (size >= 8) {
    std::uint64_t mi = 0;
    for (int i = 7; i >= 0; --i) mi = (mi << 8) | in[i];  // little-endian
    in += 8;
    size -= 8;
    v3 ^= mi;
    single_round(v0, v1, v2, v3);
    v0 ^= mi;
  }
  std::uint64_t t = 0;
  for (std::size_t i = size; i-- > 0;) t = (t << 8) | in[i];
  b |= t;
  v3 ^= b;
  single_round(v0, v1, v2, v3);
  v0 ^= b;
  v2 ^= 0xff;
  single_round(v0, v1, v2, v3);
  single_round(v0, v1, v2, v3);
  single_round(v0, v1, v2, v3);
  return (v0 ^ v1) ^ (v2 ^ v3);
}

}  // namespace

std::int64_t hash_bytes(std::string_view data) {
  if (data.empty()) return 0;
  const auto h = static_cast<std::int64_t>(siphash13(reinterpret_cast<const unsigned char*>(data.data()), data.size()));
  return h == -1 ? -2 : h;
}

std::int64_t str_hash(str_object& s) {
  if (s.hash != -1) return s.hash;
  if (s.ascii) return s.hash = hash_bytes(s.s);
  // CPython stores the code points in 1, 2 or 4 bytes each, by the largest one.
  std::uint32_t largest = 0;
  for (std::size_t pos = 0; pos < s.s.size();) largest = std::max(largest, utf8_decode(s.s, pos));
  const std::size_t width = largest < 0x100 ? 1 : largest < 0x10000 ? 2 : 4;
  std::string units;
  units.reserve(s.length * width);
  for (std::size_t pos = 0; pos < s.s.size();) {
    const std::uint32_t c = utf8_decode(s.s, pos);
    for (std::size_t i = 0; i < width; ++i) units += static_cast<char>((c >> (8 * i)) & 0xff);
  }
  return s.hash = hash_bytes(units);
}

}  // namespace asyncrace::python
