// The playback clock: how far into virtual time the page has played a run. Each frame it moves
// with real time at the chosen speed and asks the session to catch up, within a budget, so a frame
// is never blocked. Drives tutorials::session only through its public interface.
#pragma once

#include <cstddef>
#include <span>
#include <string_view>

namespace asyncrace::tutorials {
class session;
}

namespace asyncrace::ui {

enum class playback_speed { slow_motion, real_time, instant };

inline constexpr playback_speed all_speeds[] = {playback_speed::slow_motion, playback_speed::real_time,
                                                playback_speed::instant};

// Virtual seconds per real second (instant: no clock, the run goes as fast as the budget allows).
double rate(playback_speed s);
std::string_view to_string(playback_speed s);  // "0.25x", "1x", "instant"
bool parse_speed(std::string_view text, playback_speed& out);

// Callbacks per frame: enough for any tutorial in a few frames, small enough to keep 60 fps.
inline constexpr std::size_t frame_budget = 20000;

class playback_clock {
 public:
  // The virtual time the views show (the playhead).
  double now() const { return now_; }
  void restart() { now_ = target_ = 0.0; }

  // Moves the clock by `real_dt` seconds at `speed` and lets `run` catch up to it. The playhead
  // never passes work the budget left undone, so nothing is shown before it has happened; the
  // clock itself keeps going, so a slow frame delays the picture but loses no time.
  void tick(tutorials::session& run, double real_dt, playback_speed speed, std::size_t budget = frame_budget);
  // One clock for several runs side by side (compare mode): each catches up to the same target
  // (each within `budget`); the playhead is the earliest any unfinished run has really reached, so
  // every diagram shows the same instant. When all have finished it rests on the latest end.
  void tick(std::span<tutorials::session* const> runs, double real_dt, playback_speed speed,
            std::size_t budget = frame_budget);

 private:
  double now_ = 0.0;     // the playhead: shown
  double target_ = 0.0;  // where real time says the run should be
};

}  // namespace asyncrace::ui
