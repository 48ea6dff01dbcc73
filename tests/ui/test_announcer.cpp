// The screen-reader mirror: each printed line once, when the playhead reaches it; the finish order
// when the run ends; problems as status; a new run starts a fresh console.
#include <doctest.h>

#include <string>
#include <vector>

#include "ui/announcer.hpp"
#include "ui/app_state.hpp"

using namespace asyncrace;
using namespace asyncrace::ui;

namespace {

struct recorded_sink final : mirror_sink {
  std::vector<std::string> events;
  void clear(std::string_view heading) override { events.push_back("clear " + std::string(heading)); }
  void line(std::string_view text) override { events.push_back("line " + std::string(text)); }
  void finished(std::string_view summary) override { events.push_back("finished " + std::string(summary)); }
  void status(std::string_view text) override { events.push_back("status " + std::string(text)); }
  std::vector<std::string> lines() const {
    std::vector<std::string> out;
    for (const std::string& e : events)
      if (e.rfind("line ", 0) == 0) out.push_back(e.substr(5));
    return out;
  }
};

}  // namespace

TEST_CASE("announcer: lines as they are played, then the finish order, once") {
  app_state app;
  app.settings.speed = playback_speed::real_time;
  recorded_sink sink;
  announcer a;
  a.update(app, sink);
  CHECK(sink.events.empty());  // nothing run, nothing wrong: silence
  REQUIRE(app.run());
  a.update(app, sink);
  REQUIRE(sink.events.size() == 1);
  CHECK(sink.events[0] == "clear Console of nine_tasks_race");
  app.tick(0.5);  // half a second in: the nine "Starting work" lines, none of "Work complete"
  a.update(app, sink);
  CHECK(sink.lines().size() == 9);
  CHECK(sink.lines()[0] == "Starting work 10");
  for (int i = 0; i < 20 && app.running(); ++i) app.tick(0.25);
  a.update(app, sink);
  a.update(app, sink);  // nothing new: nothing said twice
  CHECK(sink.lines().size() == 18);
  CHECK(sink.lines()[9] == "Work complete 10");
  REQUIRE(sink.events.back().rfind("finished ", 0) == 0);
  CHECK(sink.events.back() == "finished Finished at 1 s. Finish order: 10, 12, 30, 32, 22, 31, 21, 11, 20.");
}

TEST_CASE("announcer: a stopped run says so, a new run clears, problems are status") {
  app_state app;
  recorded_sink sink;
  announcer a;
  REQUIRE(app.run());
  app.tick(0.5);
  CHECK(app.stop());
  CHECK_FALSE(app.stop());  // nothing playing any more
  a.update(app, sink);
  CHECK(sink.events.back() == "finished Stopped at 0.5 s.");
  REQUIRE(app.run());
  a.update(app, sink);
  CHECK(sink.events.back() == "clear Console of nine_tasks_race");
  CHECK_FALSE(app.select("<img src=x>"));
  a.update(app, sink);
  CHECK(sink.events.back() == "status There is no tutorial called \"<img src=x>\".");
}
