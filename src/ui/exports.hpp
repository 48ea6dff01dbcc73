// What can leave the page: the shown run as a Chrome Trace Event file (Perfetto,
// chrome://tracing), its transcript as text, its race diagram as SVG. The files are made from the
// run's recording; the page hands them to the browser (page_bridge). Pure: unit-tested.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace asyncrace::ui {

class app_state;

enum class export_kind { trace, transcript, svg };
inline constexpr export_kind all_exports[] = {export_kind::trace, export_kind::transcript, export_kind::svg};

struct export_file {
  std::string name;  // "nine_tasks_race.trace.json"
  std::string mime;
  std::string content;
};

// "trace" | "transcript" | "svg"
std::string_view to_string(export_kind k);
bool parse_export_kind(std::string_view text, export_kind& out);
// The menu's words: "Trace for Perfetto (.json)", ...
std::string_view export_label(export_kind k);

// Why the shown run cannot be exported yet ("Run first.", "Wait for the run to finish or stop
// it (Esc)."); empty when it can.
std::string export_problem(const app_state& app);

// The file for the shown run (the main one: everything its recording holds, finished or stopped),
// or nothing, with export_problem() saying why. `light`: the SVG in the light theme.
std::optional<export_file> export_run(const app_state& app, export_kind kind, bool light = false);

}  // namespace asyncrace::ui
