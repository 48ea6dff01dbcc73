#include "playback.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "tutorials/session.hpp"

namespace asyncrace::ui {

double rate(playback_speed s) {
  switch (s) {
    case playback_speed::slow_motion: return 0.25;
    case playback_speed::real_time: return 1.0;
    case playback_speed::instant: return std::numeric_limits<double>::infinity();
  }
  return 1.0;
}

std::string_view to_string(playback_speed s) {
  switch (s) {
    case playback_speed::slow_motion: return "0.25x";
    case playback_speed::real_time: return "1x";
    case playback_speed::instant: return "instant";
  }
  return "?";
}

bool parse_speed(std::string_view text, playback_speed& out) {
  for (playback_speed s : all_speeds)
    if (to_string(s) == text) {
      out = s;
      return true;
    }
  return false;
}

void playback_clock::tick(tutorials::session& run, double real_dt, playback_speed speed, std::size_t budget) {
  if (!run.finished()) {
    // Leaving 'instant' mid-run goes on from the playhead, not from infinity.
    const double from = std::isinf(target_) ? now_ : std::max(target_, now_);
    target_ = speed == playback_speed::instant ? std::numeric_limits<double>::infinity()
                                               : from + std::max(0.0, real_dt) * rate(speed);
    run.advance(target_, budget);
  }
  if (run.finished()) {
    now_ = std::max(now_, run.trace().end_time());
    target_ = now_;
  } else if (run.next_event_time() <= target_) {
    now_ = std::max(now_, run.now());  // out of budget: show only what has run
  } else {
    now_ = target_;
  }
}

}  // namespace asyncrace::ui
