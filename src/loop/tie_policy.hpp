// How timers with equal deadlines are ordered (docs/asyncio-model.md, "Timer ties").
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace asyncrace {

enum class tie_policy : std::uint8_t {
  fifo,          // equal deadlines fire in scheduling order (CPython on Linux/macOS)
  cpython_heap,  // exactly equal deadlines, popped in heapq's order (CPython on a coarse clock)
  jitter,        // each deadline gets a seeded random offset (a model of timer noise)
};

inline constexpr tie_policy all_tie_policies[] = {tie_policy::fifo, tie_policy::cpython_heap,
                                                  tie_policy::jitter};

constexpr std::string_view to_string(tie_policy p) {
  switch (p) {
    case tie_policy::fifo: return "fifo";
    case tie_policy::cpython_heap: return "cpython-heap";
    case tie_policy::jitter: return "jitter";
  }
  return "?";
}

inline std::optional<tie_policy> parse_tie_policy(std::string_view s) {
  for (tie_policy p : all_tie_policies)
    if (to_string(p) == s) return p;
  return std::nullopt;
}

}  // namespace asyncrace
