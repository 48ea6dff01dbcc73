// The playback clock: virtual time moves with real time at the chosen speed, never past work the
// frame budget left undone.
#include <doctest.h>

#include "tutorials/catalog.hpp"
#include "tutorials/session.hpp"
#include "ui/playback.hpp"

using namespace asyncrace;
using namespace asyncrace::ui;

namespace {

tutorials::run_options heap() {
  tutorials::run_options o;
  o.ties = tie_policy::cpython_heap;
  return o;
}

}  // namespace

TEST_CASE("at 1x the console fills in at the virtual times CPython prints") {
  tutorials::session run(*tutorials::find("nine_tasks_race"), heap());
  playback_clock clock;
  clock.tick(run, 0.5, playback_speed::real_time);
  CHECK(clock.now() == doctest::Approx(0.5));
  CHECK(run.trace().lines().size() == 9);  // nine "Starting work", nothing complete yet
  CHECK_FALSE(run.finished());
  clock.tick(run, 0.6, playback_speed::real_time);
  CHECK(run.finished());
  CHECK(clock.now() == doctest::Approx(1.0));  // stops at the end of the run
  CHECK(run.trace().lines().size() == 18);
}

TEST_CASE("slow motion plays a quarter as fast") {
  tutorials::session run(*tutorials::find("nine_tasks_race"), heap());
  playback_clock clock;
  for (int frame = 0; frame < 60; ++frame) clock.tick(run, 1.0 / 60.0, playback_speed::slow_motion);
  CHECK(clock.now() == doctest::Approx(0.25));
  CHECK_FALSE(run.finished());
}

TEST_CASE("instant runs to the end within a few frames' budgets") {
  tutorials::session run(*tutorials::find("nine_tasks_race"), heap());
  playback_clock clock;
  int frames = 0;
  while (!run.finished() && frames < 100) {
    clock.tick(run, 1.0 / 60.0, playback_speed::instant);
    ++frames;
  }
  CHECK(run.finished());
  CHECK(frames <= 2);
  CHECK(clock.now() == doctest::Approx(1.0));
}

TEST_CASE("a tiny budget holds the playhead back instead of showing what has not run") {
  tutorials::session run(*tutorials::find("nine_tasks_race"), heap());
  playback_clock clock;
  clock.tick(run, 5.0, playback_speed::real_time, 1);
  CHECK_FALSE(run.finished());
  CHECK(clock.now() <= run.now());
  CHECK(clock.now() < 1.0);
  for (int i = 0; i < 10000 && !run.finished(); ++i) clock.tick(run, 0.0, playback_speed::real_time, 1);
  CHECK(run.finished());
}

TEST_CASE("speeds by name") {
  playback_speed s = playback_speed::instant;
  CHECK(parse_speed("0.25x", s));
  CHECK(s == playback_speed::slow_motion);
  CHECK(parse_speed("1x", s));
  CHECK(s == playback_speed::real_time);
  CHECK_FALSE(parse_speed("2x", s));
  CHECK(rate(playback_speed::slow_motion) == 0.25);
}

TEST_CASE("switching from instant to 1x mid-run plays on from the playhead") {
  tutorials::session run(*tutorials::find("sequential_await"), heap());  // three 1 s sleeps in a row
  playback_clock clock;
  clock.tick(run, 1.0 / 60.0, playback_speed::instant, 1);  // out of budget early
  REQUIRE_FALSE(run.finished());
  const double at = clock.now();
  clock.tick(run, 0.5, playback_speed::real_time);
  CHECK(clock.now() == doctest::Approx(at + 0.5));
  CHECK_FALSE(run.finished());
}
