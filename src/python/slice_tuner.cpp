#include "slice_tuner.hpp"

#include <algorithm>
#include <cmath>

namespace asyncrace::python {

slice_tuner::slice_tuner(const slice_bounds& b)
    : bounds_(b), size_(std::clamp(b.start, b.min, std::max(b.min, b.max))) {}

void slice_tuner::record(std::uint64_t instructions, double ms) {
  if (instructions == 0 || !(ms >= 0.0)) return;  // nothing ran, or no measurement (NaN)
  const double up = static_cast<double>(size_) * 2.0;
  const double down = static_cast<double>(size_) / 2.0;
  // Faster than the clock can tell (0 ms): as fast as one step allows.
  const double wanted = ms > 0.0 ? static_cast<double>(instructions) * (bounds_.target_ms / ms) : up;
  const double next = std::clamp(wanted, down, up);
  const double lo = static_cast<double>(bounds_.min);
  const double hi = static_cast<double>(std::max(bounds_.min, bounds_.max));
  size_ = static_cast<std::uint64_t>(std::llround(std::clamp(next, lo, hi)));
}

}  // namespace asyncrace::python
