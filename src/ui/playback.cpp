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
  tutorials::session* const runs[] = {&run};
  tick(runs, real_dt, speed, budget);
}

void playback_clock::tick(std::span<tutorials::session* const> runs, double real_dt, playback_speed speed,
                          std::size_t budget) {
  bool pending = false;
  for (const tutorials::session* run : runs) pending = pending || !run->finished();
  if (pending) {
    // Leaving 'instant' mid-run goes on from the playhead, not from infinity.
    const double from = std::isinf(target_) ? now_ : std::max(target_, now_);
    target_ = speed == playback_speed::instant ? std::numeric_limits<double>::infinity()
                                               : from + std::max(0.0, real_dt) * rate(speed);
    for (tutorials::session* run : runs) {
      if (run->finished()) continue;
      // Real jobs out: the run's clock is the wall clock, and playback follows it (no speed
      // can slow down or hurry real work); what has arrived runs now.
      const bool live = run->workers_busy();
      run->advance(live ? std::max(target_, run->now()) : target_, budget);
      if (live && !std::isinf(target_)) target_ = std::max(target_, run->now());
    }
  }
  double reached = std::numeric_limits<double>::infinity();  // over the runs still going
  double end = now_;
  for (const tutorials::session* run : runs) {
    if (run->finished()) {
      end = std::max(end, run->trace().end_time());
    } else if (run->workers_busy() || run->next_event_time() <= target_) {
      reached = std::min(reached, run->now());  // out of budget: show only what has run
    } else {
      reached = std::min(reached, target_);
    }
  }
  if (std::isinf(reached)) {  // all finished
    now_ = end;
    target_ = now_;
  } else {
    now_ = std::max(now_, reached);
  }
}

}  // namespace asyncrace::ui
