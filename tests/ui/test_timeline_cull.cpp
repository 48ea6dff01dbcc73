// First phase of drawing a lane: cull to the view and fold instants closer than a few pixels.
#include <doctest.h>

#include <vector>

#include "ui/timeline_cull.hpp"

using namespace asyncrace::ui;

TEST_CASE("instants off screen are dropped, close ones folded") {
  const time_axis axis{0.0, 100.0};  // 1 px = 10 ms, 500 px wide
  const std::vector<double> times = {-1.0, 0.5, 0.51, 0.515, 1.0, 4.99, 6.0, 9.0};
  const auto runs = fold_instants(times, axis, 500.0f, 3.0f);
  REQUIRE(runs.size() == 3);
  CHECK(runs[0].x0 == doctest::Approx(50.0f));
  CHECK(runs[0].x1 == doctest::Approx(51.5f));
  CHECK(runs[0].count == 3);
  CHECK(runs[1].count == 1);
  CHECK(runs[2].x0 == doctest::Approx(499.0f));
}

TEST_CASE("a million steps in view fold to at most one run per few pixels") {
  std::vector<double> times;
  for (int i = 0; i < 1000000; ++i) times.push_back(i * 1e-6);
  const auto runs = fold_instants(times, fit(0.0, 1.0, 800.0), 800.0f, 3.0f);
  CHECK(runs.size() <= 800 / 3 + 2);
  int total = 0;
  for (const auto& r : runs) total += r.count;
  CHECK(total == 1000000);
}

TEST_CASE("far-off positions clamp near the plot") {
  CHECK(clamp_to_plot(-1e12, 500.0f) == -64.0f);
  CHECK(clamp_to_plot(1e12, 500.0f) == 564.0f);
  CHECK(clamp_to_plot(123.5, 500.0f) == 123.5f);
}
