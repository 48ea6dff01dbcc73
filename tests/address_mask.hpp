// CPython prints real addresses (`<coroutine object main at 0x7f3a1c2e4d10>`), which change with
// every run, so the golden transcripts record each as ` at 0x...` (tests/golden/README.md).
// asyncrace prints a plausible address (pyrt/address.hpp); tests compare through this mask.
#pragma once

#include <cctype>
#include <string>
#include <string_view>

namespace asyncrace::testing {

inline std::string mask_addresses(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    if (s.compare(i, 6, " at 0x") == 0) {
      out += " at 0x...";
      i += 6;
      while (i < s.size() && std::isxdigit(static_cast<unsigned char>(s[i]))) ++i;
      if (s.compare(i, 3, "...") == 0) i += 3;
      continue;
    }
    out += s[i++];
  }
  return out;
}

}  // namespace asyncrace::testing
