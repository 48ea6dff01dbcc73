#include "code_links.hpp"

#include <algorithm>
#include <cctype>

namespace asyncrace::ui {

namespace {

struct text_line {
  std::string_view text;
  unsigned number;
};

// Leading spaces (a tab counts to the next multiple of 8, as Python's tokenizer does).
unsigned indent_of(std::string_view s) {
  unsigned n = 0;
  for (char c : s) {
    if (c == ' ') ++n;
    else if (c == '\t') n = (n / 8 + 1) * 8;
    else break;
  }
  return n;
}

// "def name", "async def name" or "class name" at the start of `s` (after its indent): the name.
bool block_header(std::string_view s, std::string& name, bool& is_function) {
  s.remove_prefix(std::min(s.find_first_not_of(" \t"), s.size()));
  const auto word = [&](std::string_view w) {
    if (s.substr(0, w.size()) != w || s.size() <= w.size() || (s[w.size()] != ' ' && s[w.size()] != '\t'))
      return false;
    s.remove_prefix(w.size());
    s.remove_prefix(std::min(s.find_first_not_of(" \t"), s.size()));
    return true;
  };
  is_function = true;
  if (word("async")) {
    if (!word("def")) return false;
  } else if (!word("def")) {
    if (!word("class")) return false;
    is_function = false;
  }
  std::size_t end = 0;
  while (end < s.size() && (std::isalnum(static_cast<unsigned char>(s[end])) || s[end] == '_' ||
                            static_cast<unsigned char>(s[end]) >= 0x80))
    ++end;
  if (end == 0) return false;
  name = std::string(s.substr(0, end));
  return true;
}

// Bracket depth after `s` (strings and comments skipped, roughly: enough to tell continuation lines).
int bracket_change(std::string_view s) {
  int depth = 0;
  char quote = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (quote) {
      if (c == '\\') ++i;
      else if (c == quote) quote = 0;
    } else if (c == '#') {
      break;
    } else if (c == '\'' || c == '"') {
      quote = c;
    } else if (c == '(' || c == '[' || c == '{') {
      ++depth;
    } else if (c == ')' || c == ']' || c == '}') {
      --depth;
    }
  }
  return depth;
}

std::vector<text_line> logical_starts(std::string_view source) {
  std::vector<text_line> out;
  unsigned number = 1;
  int depth = 0;
  for (std::size_t start = 0; start <= source.size(); ++number) {
    std::size_t nl = source.find('\n', start);
    if (nl == std::string_view::npos) nl = source.size();
    const std::string_view line = source.substr(start, nl - start);
    const std::size_t first = line.find_first_not_of(" \t\r");
    const bool blank = first == std::string_view::npos || line[first] == '#';
    if (!blank && depth <= 0) out.push_back({line, number});
    if (!blank) depth = std::max(0, depth + bracket_change(line));
    if (nl == source.size()) break;
    start = nl + 1;
  }
  return out;
}

}  // namespace

std::vector<code_block> outline(std::string_view source) {
  std::vector<code_block> blocks;
  struct open_block {
    unsigned indent;
    std::size_t index;
  };
  std::vector<open_block> open;
  unsigned last_line = 0;
  for (const text_line& l : logical_starts(source)) {
    const unsigned indent = indent_of(l.text);
    while (!open.empty() && indent <= open.back().indent) {
      blocks[open.back().index].last = last_line;
      open.pop_back();
    }
    std::string name;
    bool is_function = true;
    if (block_header(l.text, name, is_function)) {
      std::string qualname;
      if (!open.empty()) {
        const code_block& parent = blocks[open.back().index];
        qualname = parent.qualname + (parent.is_function ? ".<locals>." : ".");
      }
      blocks.push_back({qualname + name, l.number, l.number, is_function});
      open.push_back({indent, blocks.size() - 1});
    }
    last_line = l.number;
  }
  for (const open_block& b : open) blocks[b.index].last = std::max(last_line, blocks[b.index].first);
  return blocks;
}

std::string enclosing_function(std::span<const code_block> blocks, unsigned line) {
  const code_block* best = nullptr;
  for (const code_block& b : blocks)
    if (b.is_function && b.first <= line && line <= b.last && (best == nullptr || b.first >= best->first)) best = &b;
  return best ? best->qualname : std::string();
}

namespace {
// "outer.<locals>.inner" -> "inner": a C++ twin's frames and a Task's coroutine carry the bare name.
std::string_view bare_name(std::string_view qualname) {
  const std::size_t dot = qualname.rfind('.');
  return dot == std::string_view::npos ? qualname : qualname.substr(dot + 1);
}
bool same_function(std::string_view a, std::string_view b) { return a == b || bare_name(a) == bare_name(b); }
}  // namespace

unsigned def_line(std::span<const code_block> blocks, std::string_view name) {
  for (const code_block& b : blocks)
    if (b.is_function && b.qualname == name) return b.first;
  for (const code_block& b : blocks)
    if (b.is_function && bare_name(b.qualname) == bare_name(name)) return b.first;
  return 0;
}

std::vector<task_chain> apply_chain_delta(std::span<const task_chain> at_snapshot, const chain_delta& delta) {
  std::vector<task_chain> out;
  out.reserve(at_snapshot.size() + delta.changed.size());
  const auto gone = [&](task_id t) { return std::binary_search(delta.finished.begin(), delta.finished.end(), t); };
  auto old = at_snapshot.begin();
  auto changed = delta.changed.begin();
  // Both in order of id: a merge, the changed chain winning over the snapshot's.
  while (old != at_snapshot.end() || changed != delta.changed.end()) {
    if (changed == delta.changed.end() || (old != at_snapshot.end() && old->task < changed->task)) {
      if (!gone(old->task)) out.push_back(*old);
      ++old;
      continue;
    }
    if (old != at_snapshot.end() && old->task == changed->task) ++old;
    if (!gone(changed->task)) out.push_back(*changed);
    ++changed;
  }
  return out;
}

std::vector<unsigned> suspended_lines(std::span<const task_chain> chains) {
  std::vector<unsigned> lines;
  for (const task_chain& c : chains) {
    if (!c.chain.started) continue;  // not suspended anywhere yet: its first step has not run
    for (auto f = c.chain.frames.rbegin(); f != c.chain.frames.rend(); ++f)
      if (f->line != 0) {
        lines.push_back(f->line);
        break;
      }
  }
  std::sort(lines.begin(), lines.end());
  lines.erase(std::unique(lines.begin(), lines.end()), lines.end());
  return lines;
}

std::vector<unsigned> task_lines(std::span<const task_chain> chains, task_id task) {
  std::vector<unsigned> lines;
  for (const task_chain& c : chains) {
    if (c.task != task) continue;
    for (const await_frame& f : c.chain.frames)
      if (f.line != 0) lines.push_back(f.line);
  }
  return lines;
}

namespace {
std::vector<task_id> lanes_running(const std::vector<trace::task_lane>& lanes, std::string_view function) {
  std::vector<task_id> out;
  if (function.empty()) return out;
  for (const trace::task_lane& lane : lanes)
    if (same_function(lane.coro, function)) out.push_back(lane.id);
  return out;
}

// `out` (the lanes whose coroutine is `function`) plus the tasks with `function` on their chain.
std::vector<task_id> with_chains_running(std::vector<task_id> out, std::span<const task_chain> chains,
                                         std::string_view function) {
  if (function.empty()) return out;
  for (const task_chain& c : chains)
    for (const await_frame& f : c.chain.frames)
      if (same_function(f.function, function)) {
        out.push_back(c.task);
        break;
      }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}
}  // namespace

std::vector<task_id> tasks_running(std::span<const task_chain> chains, const std::vector<trace::task_lane>& lanes,
                                   std::string_view function) {
  return with_chains_running(lanes_running(lanes, function), chains, function);
}

const code_highlights& code_links::update(std::span<const task_chain> chains, const std::vector<trace::task_lane>& lanes,
                                          std::string_view source) {
  if (source != outlined_) {
    outlined_ = std::string(source);
    blocks_ = outline(source);
  }
  code_highlights next;
  next.suspended = suspended_lines(chains);
  if (hovered_task_ != no_task) {
    next.hovered = task_lines(chains, hovered_task_);
    if (next.hovered.empty()) {  // not pending at the playhead: its coroutine's def line
      for (const trace::task_lane& lane : lanes)
        if (lane.id == hovered_task_) {
          if (unsigned at = def_line(blocks_, lane.coro)) next.hovered.push_back(at);
          break;
        }
    }
  }
  next.function = enclosing_function(blocks_, cursor_line_);
  if (next.function != lanes_function_ || lanes.data() != lanes_of_ || lanes.size() != lanes_scanned_) {
    lanes_function_ = next.function;
    lanes_of_ = lanes.data();
    lanes_scanned_ = lanes.size();
    lanes_running_ = lanes_running(lanes, next.function);
  }
  next.lanes = with_chains_running(lanes_running_, chains, next.function);
  if (!(next == shown_)) shown_ = std::move(next);
  return shown_;
}

}  // namespace asyncrace::ui
