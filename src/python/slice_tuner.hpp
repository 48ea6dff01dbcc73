// Adaptive slices (the page): how many instructions the next slice of a run gets, so that a slice
// takes about `target_ms` of wall time whatever the machine (a phone interprets several times
// slower than a desktop, a cold wasm module slower than a tiered-up one). The caller measures each
// slice's wall time and says how many instructions it ran; the tuner only does the arithmetic, so
// its tests need no clock. Slice sizes change when slices stop, never what a run does (slices.hpp).
#pragma once

#include <cstdint>

namespace asyncrace::python {

struct slice_bounds {
  std::uint64_t start = 300'000;  // the first slice, before anything was measured
  std::uint64_t min = 20'000;
  std::uint64_t max = 5'000'000;
  double target_ms = 9.0;  // of a 16.7 ms frame: the rest draws the picture
};

class slice_tuner {
 public:
  explicit slice_tuner(const slice_bounds& b = {});

  // The instructions the next slice gets.
  std::uint64_t size() const { return size_; }
  // A slice that was used up ran `instructions` in `ms` of wall time (slices that ended because
  // the program had nothing to compute say nothing about its speed: do not record them). The next
  // size is what that speed runs in target_ms, moved at most 2x either way per slice (one slow
  // frame, a garbage collection or a tab switch, does not shrink it to nothing), within the bounds.
  void record(std::uint64_t instructions, double ms);

 private:
  slice_bounds bounds_;
  std::uint64_t size_;
};

}  // namespace asyncrace::python
