// The race diagram's time axis: zoom around the cursor, pan, fit, ticks on the 1-2-5 ladder.
#include <doctest.h>

#include <cmath>

#include "ui/time_axis.hpp"

using namespace asyncrace::ui;

TEST_CASE("to_x and to_t are inverse") {
  const time_axis a{0.25, 400.0};
  CHECK(a.to_x(0.25) == 0.0);
  CHECK(a.to_x(1.25) == doctest::Approx(400.0));
  CHECK(a.to_t(a.to_x(3.7)) == doctest::Approx(3.7));
}

TEST_CASE("zooming keeps the time under the cursor in place") {
  const time_axis a{0.0, 100.0};
  const double x = 250.0;
  const time_axis in = zoom_around(a, x, 4.0);
  CHECK(in.px_per_s == doctest::Approx(400.0));
  CHECK(in.to_t(x) == doctest::Approx(a.to_t(x)));
  const time_axis out = zoom_around(in, 10.0, 0.5);
  CHECK(out.to_t(10.0) == doctest::Approx(in.to_t(10.0)));
}

TEST_CASE("zoom reaches microseconds and stops at the limits") {
  time_axis a = fit(0.0, 1.0, 800.0);
  for (int i = 0; i < 200; ++i) a = zoom_around(a, 400.0, 1.25);
  CHECK(a.px_per_s == max_px_per_s);
  CHECK(1e-6 * a.px_per_s >= 1000.0);  // one microsecond spans at least 1000 px
  for (int i = 0; i < 400; ++i) a = zoom_around(a, 400.0, 0.8);
  CHECK(a.px_per_s == min_px_per_s);
}

TEST_CASE("panning by the drag distance moves the time under the mouse with it") {
  const time_axis a{1.0, 200.0};
  const time_axis b = pan(a, 50.0);
  CHECK(b.to_t(150.0) == doctest::Approx(a.to_t(100.0)));
  CHECK(b.px_per_s == a.px_per_s);
}

TEST_CASE("fit shows the whole span with room at the right for finish ranks") {
  const double width = 1000.0;
  const time_axis a = fit(0.0, 1.0, width);
  CHECK(a.to_x(0.0) == doctest::Approx(30.0));
  CHECK(a.to_x(1.0) <= width - 48.0 + 1e-9);
  CHECK(a.to_x(1.0) >= width - 60.0);
  const time_axis zero = fit(2.0, 2.0, width);  // an empty span still gives a usable zoom
  CHECK(std::isfinite(zero.px_per_s));
  CHECK(zero.px_per_s <= max_px_per_s);
}

TEST_CASE("ticks sit on the 1-2-5 ladder, major lines a multiple of minor ones") {
  for (double zoom : {0.3, 1.0, 37.0, 100.0, 655.0, 1e4, 3.3e5, 1e7, 2e9}) {
    CAPTURE(zoom);
    const tick_spacing t = ticks_for(zoom, 10.0, 90.0);
    CHECK(t.minor * zoom >= 10.0 - 1e-6);
    CHECK(t.major * zoom >= 90.0 - 1e-6);
    CHECK(t.minor * zoom < 10.0 * 2.5 + 1e-6);  // the finest rung that is wide enough
    const double ratio = t.major / t.minor;
    CHECK(std::abs(ratio - std::round(ratio)) < 1e-6);
    const double mantissa = t.minor / std::pow(10.0, std::floor(std::log10(t.minor) + 1e-9));
    CHECK((std::abs(mantissa - 1) < 1e-6 || std::abs(mantissa - 2) < 1e-6 || std::abs(mantissa - 5) < 1e-6));
  }
}

TEST_CASE("tick labels carry as many decimals as the spacing needs") {
  CHECK(ticks_for(610.0).decimals == 1);  // 0.2 s majors at 610 px/s
  CHECK(ticks_for(1.0).decimals == 0);    // 100 s majors
  CHECK(ticks_for(1e8).decimals == 6);    // microseconds
  CHECK(format_tick(0.2, 1) == "0.2 s");
  CHECK(format_tick(-1e-15, 3) == "0.000 s");  // never "-0.000 s"
  CHECK(format_tick(1.000002, 6) == "1.000002 s");
}

TEST_CASE("exact times and durations to the microsecond") {
  CHECK(format_time(1.0) == "1.000000");
  CHECK(format_time(0.0000015) == "0.000002");
  CHECK(format_seconds(1.0) == "1");
  CHECK(format_seconds(0.25) == "0.25");
  CHECK(format_seconds(1.000018) == "1.000018");
  CHECK(format_seconds(0.0) == "0");
}
