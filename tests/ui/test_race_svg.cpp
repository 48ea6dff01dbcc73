// The race diagram as SVG: well-formed, one row per task and per pool worker, the spans and marks
// the recording holds, and every text escaped (a printed "<script>" stays text).
#include <doctest.h>

#include <memory>
#include <string>
#include <vector>

#include "tutorials/catalog.hpp"
#include "tutorials/session.hpp"
#include "ui/race_svg.hpp"

using namespace asyncrace;

namespace {

// The finished run (its recording is the session's: not copied).
std::unique_ptr<tutorials::session> run(std::string_view slug) {
  const tutorials::tutorial* t = tutorials::find(slug);
  REQUIRE(t != nullptr);
  tutorials::run_options o;
  o.ties = t->info->ties;
  auto s = std::make_unique<tutorials::session>(*t, o);
  s->run_to_end();
  return s;
}

int occurrences(const std::string& s, const std::string& what) {
  int n = 0;
  for (std::size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + what.size())) ++n;
  return n;
}

// Tags open and close in order (self-closing ones aside), and no raw '<' hides in text.
bool well_formed(const std::string& svg) {
  std::vector<std::string> open;
  for (std::size_t at = svg.find('<'); at != std::string::npos; at = svg.find('<', at + 1)) {
    const std::size_t end = svg.find('>', at);
    if (end == std::string::npos) return false;
    const std::string tag = svg.substr(at + 1, end - at - 1);
    if (tag.find('<') != std::string::npos) return false;
    if (tag.back() == '/') continue;
    const std::string name = tag.substr(tag[0] == '/' ? 1 : 0, tag.find_first_of(" />", 1) - (tag[0] == '/' ? 1 : 0));
    if (tag[0] != '/') { open.push_back(name); continue; }
    if (open.empty() || open.back() != name) return false;
    open.pop_back();
  }
  return open.empty();
}

}  // namespace

TEST_CASE("race svg: nine_tasks_race draws 13 lanes, 9 sleeps with deadlines, 13 ranks") {
  const std::string svg = ui::race_svg(run("nine_tasks_race")->trace(), {"nine_tasks_race", false, 1200.0f});
  CHECK(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\"", 0) == 0);
  CHECK(well_formed(svg));
  CHECK(occurrences(svg, "class=\"sleep\"") == 9);
  CHECK(occurrences(svg, "class=\"deadline\"") == 9);
  CHECK(occurrences(svg, "class=\"finish\"") == 2 * 13);  // the mark and the rank of each task
  CHECK(occurrences(svg, "class=\"created\"") == 13);
  CHECK(svg.find("do_some_work \xc2\xb7 Starting work 10") != std::string::npos);
  CHECK(svg.find("<title>nine_tasks_race</title>") != std::string::npos);
  CHECK(svg.find(".bg{fill:#181b21}") != std::string::npos);
}

TEST_CASE("race svg: pool lanes for executor jobs, light theme on request") {
  const std::string svg = ui::race_svg(run("processpool_cpu_bound")->trace(), {"processpool_cpu_bound", true, 1000.0f});
  CHECK(well_formed(svg));
  CHECK(occurrences(svg, "class=\"job\"") == 30);
  CHECK(svg.find("pool 0 \xc2\xb7 worker 7") != std::string::npos);
  CHECK(svg.find(".bg{fill:#f7f8fa}") != std::string::npos);
  CHECK(svg.find("width=\"1000.0\"") != std::string::npos);
}

TEST_CASE("race svg: printed markup and control characters stay text") {
  trace::recording r;
  r.task_created(1, no_task, "Task-1", "main", 0.0);
  r.task_stepped(1, 0.0);
  r.output(1, output_stream::out, "<script>alert('x')</script> & \x1b[31m", 0.0);
  r.task_finished(1, task_outcome::result, 0.5);
  const std::string svg = ui::race_svg(r, {"<b>\"title\"</b>", false, 800.0f});
  CHECK(well_formed(svg));
  CHECK(svg.find("<script>") == std::string::npos);
  CHECK(svg.find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; \xef\xbf\xbd[31m") != std::string::npos);
  CHECK(svg.find("<title>&lt;b&gt;&quot;title&quot;&lt;/b&gt;</title>") != std::string::npos);
  CHECK(ui::xml_escape("a<b") == "a&lt;b");
}
