// Code and picture tied together (issue 10 item 4): while a run plays, the editor marks the line
// where each pending task is suspended at the playhead; hovering a lane marks that task's lines;
// the line the editor's cursor is on names a function, whose tasks' lanes the race diagram marks.
// Pure logic: the chains come from the recording (trace::chain_steps, through the loop stepper at
// the playhead), the functions from the program's text; nothing here looks at the scheduler.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "loop/observer.hpp"
#include "trace/recording.hpp"

namespace asyncrace::ui {

// A def (or class) of the program's text: its qualified name as CPython spells __qualname__
// ("main", "Worker.run", "outer.<locals>.inner") and the lines it spans (1-based, inclusive).
struct code_block {
  std::string qualname;
  unsigned first = 0;  // the `def` line
  unsigned last = 0;   // its body's last line
  bool is_function = true;
};

// The defs and classes of `source`, found by indentation (a line's block ends at the next line
// indented no deeper; blank lines, comments and continuation lines inside brackets do not count).
std::vector<code_block> outline(std::string_view source);
// The innermost function whose body holds `line` ("" at module level, or past the end).
std::string enclosing_function(std::span<const code_block> blocks, unsigned line);
// The `def` line of the function named `name` (a qualname, or a bare name), 0 if none.
unsigned def_line(std::span<const code_block> blocks, std::string_view name);

// The chains at a snapshot (`at_snapshot`, in order of id) with what changed since (`delta`):
// finished tasks dropped, changed or new chains put in; in order of id.
std::vector<task_chain> apply_chain_delta(std::span<const task_chain> at_snapshot, const chain_delta& delta);

// Lines where the started pending tasks are suspended: each chain's innermost frame with a line
// (a library frame such as asyncio's sleep has none). Sorted, each once.
std::vector<unsigned> suspended_lines(std::span<const task_chain> chains);
// One task's lines, outermost frame first (empty when it is not pending at the playhead).
std::vector<unsigned> task_lines(std::span<const task_chain> chains, task_id task);
// The tasks running `function`: its root coroutine is that function (their lane), or it is on
// their await chain at the playhead. Sorted by id.
std::vector<task_id> tasks_running(std::span<const task_chain> chains, const std::vector<trace::task_lane>& lanes,
                                   std::string_view function);

// What the editor and the race diagram show this frame.
struct code_highlights {
  std::vector<unsigned> suspended;  // editor: every suspended line
  std::vector<unsigned> hovered;    // editor: the hovered lane's lines
  std::string function;             // the function at the editor's cursor line ("" at module level)
  std::vector<task_id> lanes;       // race diagram: the tasks running it
  bool operator==(const code_highlights&) const = default;
};

// The learner's two pointers (the lane under the mouse, the editor's cursor line) and what they
// highlight, worked out from the chains at the playhead.
class code_links {
 public:
  void hover_task(task_id t) { hovered_task_ = t; }
  void point_at_line(unsigned line) { cursor_line_ = line; }
  task_id hovered_task() const { return hovered_task_; }
  unsigned cursor_line() const { return cursor_line_; }

  // `chains` at the playhead (empty without a recording of them), the run's lanes, and the text
  // the editor shows (its outline is kept until the text changes).
  const code_highlights& update(std::span<const task_chain> chains, const std::vector<trace::task_lane>& lanes,
                                std::string_view source);
  const code_highlights& current() const { return shown_; }

 private:
  task_id hovered_task_ = no_task;
  unsigned cursor_line_ = 0;
  std::string outlined_;  // the text `blocks_` was found in
  std::vector<code_block> blocks_;
  code_highlights shown_;
  // The lanes whose coroutine is `lanes_function_`, among the first `lanes_scanned_` of the lanes
  // at `lanes_of_`: a run's lanes only grow and never change their coroutine, so the scan (a
  // million lanes in the scale tutorials) runs again only when the function, the run or the lane
  // count changes, not every frame.
  std::string lanes_function_;
  const trace::task_lane* lanes_of_ = nullptr;
  std::size_t lanes_scanned_ = 0;
  std::vector<task_id> lanes_running_;
};

}  // namespace asyncrace::ui
