// SHA-512 (FIPS 180-4), what CPython's random.seed hashes a str/bytes seed with (version 2:
// `int.from_bytes(a + sha512(a).digest())`).
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

namespace asyncrace {

// The 64-byte digest of `data`.
std::array<std::uint8_t, 64> sha512(std::string_view data);

}  // namespace asyncrace
