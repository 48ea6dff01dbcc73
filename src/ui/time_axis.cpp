#include "time_axis.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace asyncrace::ui {
namespace {

// The n-th step of the ladder ..., 0.1, 0.2, 0.5, 1, 2, 5, 10, ...: n = 3 * exponent + index.
double ladder(int n) {
  static constexpr double mantissa[] = {1.0, 2.0, 5.0};
  const int exponent = n >= 0 ? n / 3 : -((-n + 2) / 3);
  return mantissa[n - 3 * exponent] * std::pow(10.0, exponent);
}

int first_rung_at_least(double seconds) {
  int n = static_cast<int>(std::floor(std::log10(seconds))) * 3 - 3;
  while (ladder(n) < seconds * (1.0 - 1e-9)) ++n;
  return n;
}

bool is_multiple(double big, double small) {
  const double ratio = big / small;
  return std::abs(ratio - std::round(ratio)) < 1e-6;
}

}  // namespace

time_axis zoom_around(const time_axis& axis, double x, double factor) {
  const double anchor = axis.to_t(x);
  const double zoom = std::clamp(axis.px_per_s * factor, min_px_per_s, max_px_per_s);
  return {anchor - x / zoom, zoom};
}

time_axis pan(const time_axis& axis, double dx) { return {axis.t0 - dx / axis.px_per_s, axis.px_per_s}; }

time_axis fit(double begin, double end, double width, double margin, double right_px) {
  const double usable = std::max(1.0, width * (1.0 - margin) - std::max(width * margin, right_px));
  const double span = std::max(end - begin, 1e-6);
  const double zoom = std::clamp(usable / span, min_px_per_s, max_px_per_s);
  return {begin - width * margin / zoom, zoom};
}

tick_spacing ticks_for(double px_per_s, double min_minor_px, double min_major_px) {
  const int minor_rung = first_rung_at_least(min_minor_px / px_per_s);
  const double minor = ladder(minor_rung);
  int major_rung = std::max(minor_rung, first_rung_at_least(min_major_px / px_per_s));
  while (!is_multiple(ladder(major_rung), minor)) ++major_rung;
  const double major = ladder(major_rung);
  const int decimals = std::max(0, static_cast<int>(std::ceil(-std::log10(major) - 1e-9)));
  return {minor, major, decimals};
}

std::string format_tick(double t, int decimals) {
  if (std::abs(t) < 1e-12) t = 0.0;  // never "-0"
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.*f s", decimals, t);
  return buf;
}

std::string format_time(double t) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.6f", t);
  return buf;
}

std::string format_seconds(double s) {
  std::string text = format_time(s);
  while (!text.empty() && text.back() == '0') text.pop_back();
  if (!text.empty() && text.back() == '.') text.pop_back();
  return text == "-0" ? "0" : text;
}

}  // namespace asyncrace::ui
