// The playground's state: selection, settings typed by the learner, runs.
#include <doctest.h>

#include <string>
#include <utility>
#include <vector>

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

namespace {
// Plays every run of `app` to its end.
void play_out(app_state& app) {
  for (int i = 0; i < 100000 && app.running(); ++i) app.tick(1.0);
}
std::vector<std::pair<double, std::string>> lines_of(const tutorials::session& run) {
  std::vector<std::pair<double, std::string>> out;
  for (const auto& l : run.trace().lines()) out.emplace_back(l.t, l.text);
  return out;
}
}  // namespace

TEST_CASE("an untouched tutorial runs its C++ twin, an edited one the interpreter") {
  app_state app;
  app.settings.speed = playback_speed::instant;
  CHECK_FALSE(app.interprets());
  REQUIRE(app.run());
  CHECK_FALSE(app.session()->interpreted());
  play_out(app);
  const auto twin = lines_of(*app.session());

  std::string edited = app.program().text() + "\n# an edit that changes nothing printed\n";
  app.set_source(edited);
  CHECK(app.program().edited());
  CHECK(app.interprets());
  REQUIRE(app.run());
  CHECK(app.session()->interpreted());
  CHECK(run_name(*app.session()) == "nine_tasks_race (interpreter)");
  play_out(app);
  CHECK(app.session()->error().empty());
  CHECK(lines_of(*app.session()) == twin);

  // Back to the tutorial's text: the twin again; a new selection starts from its own text.
  app.set_source(std::string(app.program().original()));
  CHECK_FALSE(app.interprets());
  const auto serial = app.selection_serial();
  app.set_source("print(1)\n");
  REQUIRE(app.select("gather_three"));
  CHECK(app.selection_serial() == serial + 1);
  CHECK(app.program().text() == app.selected()->python_source);
  CHECK(app.program().file_name() == "gather_three.py");
}

TEST_CASE("a SyntaxError runs nothing and says where, as CPython does") {
  app_state app;
  app.set_source("import asyncio\n\nasync def main()\n    print(1)\n");
  const auto serial = app.syntax_serial();
  CHECK_FALSE(app.run());
  CHECK(app.session() == nullptr);
  REQUIRE(app.syntax_problem().has_value());
  CHECK(app.syntax_problem()->line == 3);
  CHECK(app.syntax_problem()->column == 17);
  CHECK(app.message() == "SyntaxError: expected ':' (line 3, column 17)");
  CHECK(app.syntax_serial() > serial);
  app.set_source("print('fixed')\n");
  CHECK(app.run());
  CHECK_FALSE(app.syntax_problem().has_value());
}

TEST_CASE("Your program: a template on the interpreter, with caps") {
  app_state app;
  app.settings.speed = playback_speed::instant;
  REQUIRE(app.select(own_program_slug));
  CHECK(app.own_program());
  CHECK(app.selected() == nullptr);
  CHECK(app.selection_slug() == own_program_slug);
  CHECK(app.program().text() == own_program_template());
  CHECK(app.interprets());
  CHECK_FALSE(app.set_compare(compare_interpreter_slug));  // no twin to compare with
  REQUIRE(app.run());
  play_out(app);
  CHECK(app.session()->error().empty());
  CHECK_FALSE(app.session()->trace().lines().empty());

  app.limits.max_steps = 100000;
  app.set_source("while True:\n    pass\n");
  REQUIRE(app.run());
  play_out(app);
  REQUIRE_FALSE(app.session()->trace().lines().empty());
  CHECK(app.session()->trace().lines().back().text.rfind("LimitReached: the program ran 100000 instructions", 0) == 0);
  REQUIRE(app.select("nine_tasks_race"));
  CHECK_FALSE(app.own_program());
}

TEST_CASE("compare mode: the C++ twin beside its .py on the interpreter, line for line") {
  app_state app;
  app.settings.speed = playback_speed::instant;
  REQUIRE(app.set_compare(compare_interpreter_slug));
  CHECK(app.compares_interpreter());
  CHECK(app.compared() == nullptr);
  REQUIRE(app.run());
  REQUIRE(app.compare_session() != nullptr);
  CHECK(app.compare_session()->interpreted());
  play_out(app);
  CHECK(lines_of(*app.compare_session()) == lines_of(*app.session()));
  CHECK(app.set_compare(""));
  CHECK_FALSE(app.compares_interpreter());
}
