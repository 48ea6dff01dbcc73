// The playground's state: selection, settings typed by the learner, runs.
#include <doctest.h>

#include <string>

#include "tutorials/catalog.hpp"
#include "ui/app_state.hpp"

using namespace asyncrace;
using namespace asyncrace::ui;

TEST_CASE("the page opens on nine_tasks_race under cpython-heap") {
  const app_state app;
  REQUIRE(app.selected() != nullptr);
  CHECK(app.selected()->slug() == "nine_tasks_race");
  CHECK(app.settings.ties == tie_policy::cpython_heap);
  CHECK(app.session() == nullptr);
  CHECK(app.settings_problem().empty());
}

TEST_CASE("seeds as typed") {
  std::uint64_t seed = 0;
  std::string error;
  CHECK(parse_seed(" 42 ", seed, error));
  CHECK(seed == 42);
  CHECK(parse_seed("18446744073709551615", seed, error));
  CHECK_FALSE(parse_seed("18446744073709551616", seed, error));
  CHECK(error.find("too large") != std::string::npos);
  for (const char* bad : {"", "-1", "abc", "1.5", "12abc"}) {
    CAPTURE(bad);
    CHECK_FALSE(parse_seed(bad, seed, error));
    CHECK_FALSE(error.empty());
  }
}

TEST_CASE("bad settings give a message and no run, never a crash") {
  app_state app;
  app.settings.ties = tie_policy::jitter;
  app.settings.seed_text = "banana";
  CHECK_FALSE(app.settings_problem().empty());
  CHECK_FALSE(app.run());
  CHECK(app.session() == nullptr);
  CHECK(app.message().find("banana") != std::string::npos);
  app.settings.seed_text = "7";
  app.settings.jitter_us = -3.0;
  CHECK_FALSE(app.run());
  app.settings.jitter_us = 1e300;
  CHECK_FALSE(app.run());
  app.settings.jitter_us = 50.0;
  CHECK(app.run());
  CHECK(app.message().empty());
}

TEST_CASE("a run plays to the end and a new selection clears it") {
  app_state app;
  app.settings.speed = playback_speed::instant;
  const auto serial = app.run_serial();
  REQUIRE(app.run());
  CHECK(app.run_serial() == serial + 1);
  for (int i = 0; i < 10 && app.running(); ++i) app.tick(1.0 / 60.0);
  CHECK_FALSE(app.running());
  CHECK(app.session()->finished());
  CHECK(app.playhead() == doctest::Approx(1.0));
  CHECK(app.select("gather_three"));
  CHECK(app.session() == nullptr);
  CHECK_FALSE(app.select("no_such_tutorial"));
  CHECK(app.selected()->slug() == "gather_three");
  CHECK(app.message().find("no_such_tutorial") != std::string::npos);
}

TEST_CASE("selecting a tutorial opens it with its seed's tie policy, until the learner picks one") {
  ui::app_state app;
  for (const tutorials::tutorial& t : tutorials::catalog()) {
    CAPTURE(t.slug());
    REQUIRE(app.select(t.slug()));
    CHECK(app.settings.ties == t.info->ties);
    app.settings.ties = tie_policy::jitter;  // the learner's choice holds while the tutorial stays
    CHECK(app.select(t.slug()));
    CHECK(app.settings.ties == tie_policy::jitter);
  }
}
