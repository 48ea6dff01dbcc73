// Compare mode: the suggestion table, two runs on one clock, one time axis for both diagrams.
#include <doctest.h>

#include <algorithm>
#include <filesystem>
#include <string>

#include "tutorials/catalog.hpp"
#include "tutorials/session.hpp"
#include "ui/app_state.hpp"
#include "ui/compare.hpp"
#include "ui/layout.hpp"
#include "ui/time_axis.hpp"

using namespace asyncrace;
using namespace asyncrace::ui;

namespace {

bool valid_slug(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

// Whether some seed folder of the source tree has this tutorial (the build may hold only a few
// seeds); unknown (true) where the tree cannot be read, e.g. under node without a real file system.
bool in_source_tree(std::string_view slug) {
#ifdef ASYNCRACE_SOURCE_DIR
  const std::filesystem::path dir = std::filesystem::path(ASYNCRACE_SOURCE_DIR) / "src" / "tutorials";
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) return true;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec))
    if (entry.is_directory() && std::filesystem::exists(entry.path() / (std::string(slug) + ".py"))) return true;
  return false;
#else
  (void)slug;
  return true;
#endif
}

void play_out(app_state& app) {
  for (int i = 0; i < 100 && app.running(); ++i) app.tick(1.0 / 60.0);
}

}  // namespace

TEST_CASE("the suggestion table names real tutorials, never one with itself, never twice") {
  REQUIRE_FALSE(compare_pairs().empty());
  for (std::size_t i = 0; i < compare_pairs().size(); ++i) {
    const compare_pair& p = compare_pairs()[i];
    CAPTURE(p.a);
    CAPTURE(p.b);
    CHECK(valid_slug(p.a));
    CHECK(valid_slug(p.b));
    CHECK(p.a != p.b);
    CHECK(in_source_tree(p.a));
    CHECK(in_source_tree(p.b));
    for (std::size_t j = 0; j < i; ++j) {
      const compare_pair& q = compare_pairs()[j];
      CHECK_FALSE(((q.a == p.a && q.b == p.b) || (q.a == p.b && q.b == p.a)));
    }
  }
}

TEST_CASE("suggestions go both ways and only name tutorials this build has") {
  for (const tutorials::tutorial& t : tutorials::catalog())
    for (std::string_view other : compare_suggestions(t.slug())) {
      CAPTURE(t.slug());
      CAPTURE(other);
      CHECK(other != t.slug());
      REQUIRE(tutorials::find(other) != nullptr);
      const auto back = compare_suggestions(other);
      CHECK(std::find(back.begin(), back.end(), t.slug()) != back.end());
    }
  if (tutorials::find("sequential_await") != nullptr && tutorials::find("gather_three") != nullptr) {
    CHECK(compare_suggestions("sequential_await") == std::vector<std::string_view>{"gather_three"});
    CHECK(compare_suggestions("gather_three") == std::vector<std::string_view>{"sequential_await"});
  }
  if (tutorials::find("send_message_tasks") != nullptr && tutorials::find("taskgroup") != nullptr &&
      tutorials::find("send_message_sequential") != nullptr)
    CHECK(compare_suggestions("send_message_tasks") ==
          std::vector<std::string_view>{"send_message_sequential", "taskgroup"});
  CHECK(compare_suggestions("no_such_tutorial").empty());
}

TEST_CASE("compare: unknown or self is a message and a new selection drops itself as partner") {
  app_state app;
  REQUIRE(app.select("sequential_await"));
  CHECK_FALSE(app.set_compare("no_such_tutorial"));
  CHECK(app.message().find("no_such_tutorial") != std::string::npos);
  CHECK(app.compared() == nullptr);
  CHECK_FALSE(app.set_compare("sequential_await"));
  CHECK(app.compared() == nullptr);
  REQUIRE(app.set_compare("gather_three"));
  CHECK(app.message().empty());
  REQUIRE(app.compared() != nullptr);
  CHECK(app.compared()->slug() == "gather_three");
  CHECK(app.select("nine_tasks_race"));
  CHECK(app.compared()->slug() == "gather_three");  // kept across selections
  CHECK(app.select("gather_three"));
  CHECK(app.compared() == nullptr);  // but not with itself
  REQUIRE(app.set_compare("sequential_await"));
  CHECK(app.set_compare(""));
  CHECK(app.compared() == nullptr);
  CHECK(app.set_compare("none"));
}

TEST_CASE("compare run: both tutorials start with the same settings and play on one clock") {
  app_state app;
  REQUIRE(app.select("sequential_await"));
  REQUIRE(app.set_compare("gather_three"));
  app.settings.speed = playback_speed::real_time;
  const auto serial = app.run_serial();
  REQUIRE(app.run());
  CHECK(app.run_serial() == serial + 1);
  REQUIRE(app.session() != nullptr);
  REQUIRE(app.compare_session() != nullptr);
  CHECK(app.session()->source().slug() == "sequential_await");
  CHECK(app.compare_session()->source().slug() == "gather_three");
  CHECK(app.compare_session()->options().ties == app.session()->options().ties);
  CHECK(app.compare_session()->options().seed == app.session()->options().seed);

  // Half a second in: both loops have got there, neither has finished.
  for (int i = 0; i < 30; ++i) app.tick(1.0 / 60.0);
  CHECK(app.playhead() == doctest::Approx(0.5).epsilon(0.02));
  CHECK(app.running(app.session()));
  CHECK(app.running(app.compare_session()));
  CHECK(app.compare_session()->now() <= app.playhead() + 1e-9);
  // 1.5 s: gather_three is done (1 s), sequential_await still awaits its second sleep.
  for (int i = 0; i < 60; ++i) app.tick(1.0 / 60.0);
  CHECK(app.compare_session()->finished());
  CHECK_FALSE(app.running(app.compare_session()));
  CHECK(app.running(app.session()));
  CHECK(app.running());
  CHECK(app.playhead() == doctest::Approx(1.5).epsilon(0.02));
  for (int i = 0; i < 120 && app.running(); ++i) app.tick(1.0 / 60.0);
  CHECK_FALSE(app.running());
  CHECK(app.session()->finished());
  CHECK(app.session()->trace().end_time() == doctest::Approx(3.0));
  CHECK(app.compare_session()->trace().end_time() == doctest::Approx(1.0));
  CHECK(app.playhead() == doctest::Approx(3.0));
}

TEST_CASE("compare run at instant speed finishes both and leaving compare ends the pair") {
  app_state app;
  REQUIRE(app.select("sequential_await"));
  REQUIRE(app.set_compare("gather_three"));
  app.settings.speed = playback_speed::instant;
  REQUIRE(app.run());
  play_out(app);
  CHECK_FALSE(app.running());
  CHECK(app.session()->error().empty());
  CHECK(app.compare_session()->error().empty());
  CHECK(app.playhead() == doctest::Approx(3.0));
  const auto serial = app.run_serial();
  REQUIRE(app.set_compare(""));
  CHECK(app.run_serial() == serial + 1);
  CHECK(app.session() == nullptr);
  CHECK(app.compare_session() == nullptr);
  REQUIRE(app.run());
  CHECK(app.compare_session() == nullptr);
  play_out(app);
  CHECK(app.playhead() == doctest::Approx(3.0));
}

TEST_CASE("one axis for both diagrams: fit to the longer run, so 1 s is a third of 3 s") {
  // What the diagram does with two runs: fit the axis to the later end, then both plots map time
  // with it, so equal durations are equal widths.
  const double width = 900.0;
  const time_axis axis = fit(0.0, std::max(3.0, 1.0), width);
  const double one = axis.to_x(1.0) - axis.to_x(0.0);
  const double three = axis.to_x(3.0) - axis.to_x(0.0);
  CHECK(three == doctest::Approx(3.0 * one));
  CHECK(axis.to_x(3.0) <= width);
  // Zooming or panning the one axis moves both diagrams alike.
  const time_axis zoomed = zoom_around(axis, 300.0, 2.0);
  CHECK(zoomed.to_x(3.0) - zoomed.to_x(1.0) == doctest::Approx(2.0 * (axis.to_x(3.0) - axis.to_x(1.0))));
}

TEST_CASE("two stacked diagrams: each as tall as its rows when both fit, else shared, neither squeezed") {
  // sequential_await (1 lane) over gather_three (4 lanes) in 360 px: both fit, stacked from the top.
  auto h = stack_heights(360.0f, 50.0f, 1, 4);
  CHECK(h[0] == doctest::Approx(80.0f));
  CHECK(h[1] == doctest::Approx(170.0f));
  // 1 lane over 40 in 400 px: the big one gets the rest, the small one all it wants.
  h = stack_heights(400.0f, 50.0f, 1, 40);
  CHECK(h[0] == doctest::Approx(80.0f));
  CHECK(h[1] == doctest::Approx(320.0f));
  // 40 over 1: the same, the other way up.
  h = stack_heights(400.0f, 50.0f, 40, 1);
  CHECK(h[0] == doctest::Approx(320.0f));
  CHECK(h[1] == doctest::Approx(80.0f));
  // 30 over 60 in 600 px: shared, but the smaller keeps at least a third.
  h = stack_heights(600.0f, 50.0f, 30, 60);
  CHECK(h[0] + h[1] == doctest::Approx(600.0f));
  CHECK(h[0] >= 200.0f);
  CHECK(h[1] > h[0]);
  // Tiny panels never go negative.
  h = stack_heights(30.0f, 50.0f, 3, 3);
  CHECK(h[0] >= 0.0f);
  CHECK(h[1] >= 0.0f);
}
