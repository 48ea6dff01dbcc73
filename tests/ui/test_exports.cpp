// Exports of the shown run: refused (with a reason) before a run and while it plays; then a trace,
// a transcript and an SVG named after the tutorial.
#include <doctest.h>

#include "trace/transcript.hpp"
#include "ui/app_state.hpp"
#include "ui/exports.hpp"

using namespace asyncrace;
using namespace asyncrace::ui;

TEST_CASE("exports: nothing before a run or while it plays, each kind after") {
  app_state app;
  CHECK_FALSE(export_run(app, export_kind::trace));
  CHECK(export_problem(app).find("Run first") != std::string::npos);
  app.settings.speed = playback_speed::real_time;
  REQUIRE(app.run());
  app.tick(0.1);
  CHECK_FALSE(export_run(app, export_kind::svg));
  CHECK(export_problem(app).find("stop it (Esc)") != std::string::npos);
  for (int i = 0; i < 40 && app.running(); ++i) app.tick(0.25);
  REQUIRE(export_problem(app).empty());

  const auto trace = export_run(app, export_kind::trace);
  REQUIRE(trace);
  CHECK(trace->name == "nine_tasks_race.trace.json");
  CHECK(trace->mime == "application/json");
  CHECK(trace->content.find("\"tutorial\":\"nine_tasks_race\"") != std::string::npos);
  const auto text = export_run(app, export_kind::transcript);
  REQUIRE(text);
  CHECK(text->name == "nine_tasks_race.transcript.txt");
  CHECK(text->content == trace::to_text(app.session()->trace()));
  const auto svg = export_run(app, export_kind::svg, true);
  REQUIRE(svg);
  CHECK(svg->name == "nine_tasks_race.svg");
  CHECK(svg->mime == "image/svg+xml");
  CHECK(svg->content.find(".bg{fill:#f7f8fa}") != std::string::npos);  // light, as asked
}

TEST_CASE("exports: kinds by name") {
  export_kind k{};
  CHECK(parse_export_kind("svg", k));
  CHECK(k == export_kind::svg);
  CHECK(parse_export_kind("transcript", k));
  CHECK(k == export_kind::transcript);
  CHECK_FALSE(parse_export_kind("pdf", k));
  for (export_kind each : all_exports) {
    CHECK(parse_export_kind(to_string(each), k));
    CHECK(k == each);
  }
}
