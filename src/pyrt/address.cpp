#include "pyrt/address.hpp"

#include <cstdio>

namespace asyncrace {

std::uint64_t plausible_address(const void* object) {
  // The low 40 bits of the real address, shifted into a Linux mmap region: one-to-one for any two
  // objects less than a terabyte apart (so for every pair of live objects), and a wasm offset such
  // as 0x1f2a0 becomes 0x7f3a1c01f2a0 rather than a number no CPython would print.
  constexpr std::uint64_t low40 = (std::uint64_t{1} << 40) - 1;
  const auto p = static_cast<std::uint64_t>(reinterpret_cast<std::uintptr_t>(object));
  return std::uint64_t{0x7f} << 40 | ((p + 0x3a1c000000) & low40);
}

std::string address_text(const void* object) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "0x%llx", static_cast<unsigned long long>(plausible_address(object)));
  return buf;
}

}  // namespace asyncrace
