#include "exports.hpp"

#include "app_state.hpp"
#include "race_svg.hpp"
#include "trace/chrome_trace.hpp"
#include "trace/transcript.hpp"
#include "tutorials/run_about.hpp"

namespace asyncrace::ui {

std::string_view to_string(export_kind k) {
  switch (k) {
    case export_kind::transcript: return "transcript";
    case export_kind::svg: return "svg";
    case export_kind::trace: break;
  }
  return "trace";
}

bool parse_export_kind(std::string_view text, export_kind& out) {
  for (export_kind k : all_exports)
    if (to_string(k) == text) {
      out = k;
      return true;
    }
  return false;
}

std::string_view export_label(export_kind k) {
  switch (k) {
    case export_kind::transcript: return "Transcript (.txt)";
    case export_kind::svg: return "Race diagram (.svg)";
    case export_kind::trace: break;
  }
  return "Trace for Perfetto (.json)";
}

std::string export_problem(const app_state& app) {
  if (app.session() == nullptr) return "Run first: there is nothing to export yet.";
  if (app.running()) return "Wait for the run to finish, or stop it (Esc).";
  return {};
}

std::optional<export_file> export_run(const app_state& app, export_kind kind, bool light) {
  if (!export_problem(app).empty()) return std::nullopt;
  const tutorials::session& run = *app.session();
  // Files are named after the tutorial, or the interpreted program's file ("your_program.py").
  std::string slug = run.interpreted() ? run.program_name() : std::string(run.source().slug());
  if (run.interpreted() && slug.size() > 3 && slug.compare(slug.size() - 3, 3, ".py") == 0) slug.resize(slug.size() - 3);
  switch (kind) {
    case export_kind::trace:
      return export_file{slug + ".trace.json", "application/json",
                         trace::to_chrome_trace(run.trace(), tutorials::about_run(run))};
    case export_kind::transcript:
      return export_file{slug + ".transcript.txt", "text/plain;charset=utf-8", trace::to_text(run.trace())};
    case export_kind::svg: {
      const std::string title = slug + "  \xc2\xb7  " + std::string(to_string(run.options().ties));
      return export_file{slug + ".svg", "image/svg+xml", race_svg(run.trace(), {title, light, 1200.0f})};
    }
  }
  return std::nullopt;
}

}  // namespace asyncrace::ui
