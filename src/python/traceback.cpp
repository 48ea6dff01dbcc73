#include "traceback.hpp"

#include <algorithm>
#include <unordered_set>

#include "functions.hpp"
#include "interpreter.hpp"
#include "program_run.hpp"

namespace asyncrace::python {

unsigned traceback_entry::line() const { return instr < co->lines.size() ? co->lines[instr] : co->first_line; }

namespace {

// Code points in bytes [0, n) of `s` (columns are UTF-8 byte offsets, the markers count characters).
std::size_t chars(std::string_view s, std::size_t n) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < n && i < s.size(); ++i)
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) ++count;
  return count;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\f' || c == '\v' || c == '\r' || c == '\n'; }

std::string_view strip(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

std::string_view source_line(interpreter& in, const code& co, unsigned n) {
  if (!in.program || in.program->source().name() != co.filename) return {};
  return in.program->source().line(n);
}

// traceback.py's _extract_caret_anchors_from_line_segment, from the anchors the compiler kept:
// [left, right) in bytes of the segment, or false.
bool caret_anchors(std::string_view seg, const source_span& sp, std::size_t& left, std::size_t& right) {
  if (sp.anchors == source_span::anchor::binary) {
    const std::size_t op_start = sp.anchor_left - sp.col, op_end = sp.anchor_right - sp.col;
    if (op_end > seg.size() || op_start > op_end) return false;
    const std::string_view op = seg.substr(op_start, op_end - op_start);
    std::size_t offset = 0;
    while (offset < op.size() && is_space(op[offset])) ++offset;
    left = op_start + offset;
    right = left + 1;
    if (offset + 1 < op.size() && !is_space(op[offset + 1])) ++right;
    while (left < seg.size() && (is_space(seg[left]) || seg[left] == ')' || seg[left] == '#')) ++left, ++right;
    return true;
  }
  if (sp.anchors == source_span::anchor::subscript) {
    left = sp.anchor_left - sp.col;
    right = sp.anchor_right - sp.col + 1;
    while (left < seg.size() && seg[left] != '[') ++left;
    while (right < seg.size() && seg[right] != ']') ++right;
    if (right < seg.size()) ++right;
    return true;
  }
  return false;
}

// The marker line under a frame's source line, or "" when CPython prints none (the span covers
// the whole stripped line and there are no anchors).
std::string marker_line(std::string_view line, const source_span& sp, unsigned lineno) {
  const std::string_view stripped = strip(line);
  const std::size_t indent = chars(line, static_cast<std::size_t>(line.find_first_not_of(" \t\f\v")));
  std::size_t start = chars(line, sp.col), end;
  std::size_t left = 0, right = 0;
  bool anchored = false;
  if (sp.end_line == lineno) {
    end = chars(line, sp.end_col);
    if (sp.end_col <= line.size() && sp.col <= sp.end_col) {
      const std::string_view seg = line.substr(sp.col, sp.end_col - sp.col);
      anchored = caret_anchors(seg, sp, left, right) && right <= seg.size();
      if (anchored) left = chars(seg, left), right = chars(seg, right);
    }
  } else {
    std::string_view r = line;
    while (!r.empty() && is_space(r.back())) r.remove_suffix(1);
    end = chars(r, r.size());
  }
  if (end < start) return "";
  if (!(end - start < chars(stripped, stripped.size()) || (anchored && right > left))) return "";
  std::string out(4 + start - std::min(start, indent), ' ');
  if (anchored) {
    out.append(left, '~');
    out.append(right - left, '^');
    out.append(end - start - right, '~');
  } else {
    out.append(end - start, '^');
  }
  return out;
}

// One frame as StackSummary.format_frame_summary gives it: its lines, each ending in "\n".
std::string frame_text(interpreter& in, const traceback_entry& e) {
  const unsigned n = e.line();
  std::string out = "  File \"" + e.co->filename + "\", line " + std::to_string(n) + ", in " + e.co->name + "\n";
  const std::string_view line = source_line(in, *e.co, n);
  if (strip(line).empty()) return out;
  out += "    " + std::string(strip(line)) + "\n";
  if (e.instr < e.co->spans.size()) {
    std::string marks = marker_line(line, e.co->spans[e.instr], n);
    if (!marks.empty()) out += marks + "\n";
  }
  return out;
}

exception_object& as_exc(const value& v) { return *static_cast<exception_object*>(v.obj()); }

// traceback.py's _ExceptionPrintContext: how deep in exception groups the text is, and whether a
// group's box still needs its closing line.
struct print_context {
  std::unordered_set<const object*> seen;
  std::size_t group_depth = 0;
  bool need_close = false;
  std::string indent() const { return std::string(2 * group_depth, ' '); }
  // _ExceptionPrintContext.emit: inside a group every line (blank ones too) gets the indent and
  // the margin ("| ", or "+ " for the top group's header).
  void emit(std::vector<std::string>& out, std::string text, char margin = '|') const {
    if (group_depth == 0) return out.push_back(std::move(text));
    const std::string prefix = indent() + margin + ' ';
    std::string indented;
    for (std::size_t at = 0; at < text.size();) {
      const std::size_t nl = text.find('\n', at);
      const std::size_t end = nl == std::string::npos ? text.size() : nl + 1;
      indented += prefix;
      indented.append(text, at, end - at);
      at = end;
    }
    out.push_back(std::move(indented));
  }
};

constexpr std::size_t max_group_width = 15, max_group_depth = 10;

bool is_group(interpreter& in, const value& exc) {
  return type_of(exc)->is_subtype_of(in.types.BaseExceptionGroup) && as_exc(exc).exceptions.is_object();
}

// TracebackException.format: the chain (causes and contexts, oldest first), then each exception's
// frames and line; an exception group's members in numbered boxes (at most 15 of them, 10 groups
// deep), each with its own chain.
void chain_chunks(interpreter& in, const value& top, bool chain, print_context& ctx, std::vector<std::string>& out) {
  // (the message between it and the exception it chains to, exception), newest first
  std::vector<std::pair<const char*, value>> links;
  for (value exc = top; !exc.empty();) {
    ctx.seen.insert(exc.obj());
    const auto& e = as_exc(exc);
    const char* message = nullptr;
    value next;
    if (chain && !e.cause.empty() && !e.cause.is_none() && !ctx.seen.count(e.cause.obj())) {
      next = e.cause, message = "\nThe above exception was the direct cause of the following exception:\n\n";
    } else if (chain && !e.suppress_context && !e.context.empty() && !e.context.is_none() && !ctx.seen.count(e.context.obj())) {
      next = e.context, message = "\nDuring handling of the above exception, another exception occurred:\n\n";
    }
    links.emplace_back(message, exc);
    exc = next;
  }
  for (auto it = links.rbegin(); it != links.rend(); ++it) {
    const value& exc = it->second;
    const auto& e = as_exc(exc);
    if (it->first) ctx.emit(out, it->first);
    if (!is_group(in, exc)) {
      if (!e.traceback.empty()) {
        ctx.emit(out, "Traceback (most recent call last):\n");
        for (std::string& f : format_frames(in, e.traceback)) ctx.emit(out, std::move(f));
      }
      for (std::string& l : format_exception_only_lines(in, exc)) ctx.emit(out, l + "\n");
      continue;
    }
    if (ctx.group_depth > max_group_depth) {
      ctx.emit(out, "... (max_group_depth is " + std::to_string(max_group_depth) + ")\n");
      continue;
    }
    const bool toplevel = ctx.group_depth == 0;
    if (toplevel) ++ctx.group_depth;
    if (!e.traceback.empty()) {
      ctx.emit(out, "Exception Group Traceback (most recent call last):\n", toplevel ? '+' : '|');
      for (std::string& f : format_frames(in, e.traceback)) ctx.emit(out, std::move(f));
    }
    for (std::string& l : format_exception_only_lines(in, exc)) ctx.emit(out, l + "\n");
    const std::vector<value> members = static_cast<tuple_object*>(e.exceptions.obj())->items;
    const std::size_t n = members.size() <= max_group_width ? members.size() : max_group_width + 1;
    ctx.need_close = false;
    for (std::size_t i = 0; i < n; ++i) {
      const bool last = i + 1 == n;
      if (last) ctx.need_close = true;  // the closing line may come from a nested group instead
      const bool truncated = i >= max_group_width;
      const std::string title = truncated ? "..." : std::to_string(i + 1);
      out.push_back(ctx.indent() + (i == 0 ? "+-" : "  ") + "+---------------- " + title + " ----------------\n");
      ++ctx.group_depth;
      if (!truncated) {
        chain_chunks(in, members[i], chain, ctx, out);
      } else {
        const std::size_t remaining = members.size() - max_group_width;
        ctx.emit(out, "and " + std::to_string(remaining) + " more exception" + (remaining > 1 ? "s" : "") + "\n");
      }
      if (last && ctx.need_close) {
        out.push_back(ctx.indent() + "+------------------------------------\n");
        ctx.need_close = false;
      }
      --ctx.group_depth;
    }
    if (toplevel) ctx.group_depth = 0;
  }
}

}  // namespace

std::vector<std::string> format_frames(interpreter& in, const std::vector<traceback_entry>& innermost_first) {
  std::vector<std::string> out;
  // StackSummary.format: a frame repeating the previous one's file, line and name is printed at
  // most three times in a row, then counted.
  const traceback_entry* last = nullptr;
  std::size_t repeats = 0;
  auto flush = [&] {
    if (repeats > 3) {
      const std::size_t more = repeats - 3;
      out.push_back("  [Previous line repeated " + std::to_string(more) + " more time" + (more > 1 ? "s" : "") + "]\n");
    }
  };
  for (auto it = innermost_first.rbegin(); it != innermost_first.rend(); ++it) {
    const bool same = last && last->co->filename == it->co->filename && last->line() == it->line() && last->co->name == it->co->name;
    if (!same) {
      flush();
      repeats = 0;
    }
    last = &*it;
    if (++repeats > 3) continue;
    out.push_back(frame_text(in, *it));
  }
  flush();
  return out;
}

std::vector<std::string> format_exception_only_lines(interpreter& in, const value& exc) {
  const auto& e = as_exc(exc);
  std::string line = exception_type_name(type_of(exc));
  const std::string text = str(in, exc);
  if (!text.empty()) line += ": " + text;
  std::vector<std::string> out{line + e.suggestion};
  if (const value* notes = e.attrs.find(in.intern("__notes__")); notes && isinstance(*notes, in.types.list))
    for (const value& n : static_cast<list_object*>(notes->obj())->items) {
      const std::string note = isinstance(n, in.types.str) ? str(in, n) : repr(in, n);
      for (std::size_t at = 0;;) {  // a note of several lines prints as several lines
        const std::size_t nl = note.find('\n', at);
        out.push_back(note.substr(at, nl == std::string::npos ? nl : nl - at));
        if (nl == std::string::npos) break;
        at = nl + 1;
      }
    }
  return out;
}

std::vector<std::string> format_exception_chunks(interpreter& in, const value& exc, bool chain) {
  print_context ctx;
  std::vector<std::string> out;
  chain_chunks(in, exc, chain, ctx, out);
  return out;
}

std::vector<std::string> format_exception_lines(interpreter& in, const value& exc) {
  std::string all;
  for (const std::string& c : format_exception_chunks(in, exc, true)) all += c;
  std::vector<std::string> lines;
  for (std::size_t at = 0; at < all.size();) {
    const std::size_t nl = all.find('\n', at);
    lines.push_back(all.substr(at, nl - at));
    at = nl + 1;
  }
  return lines;
}

}  // namespace asyncrace::python

namespace asyncrace::python {

namespace {
// str.splitlines of text made of "\n"-ended lines and maybe an unended last one.
std::vector<std::string> split_lines(std::string_view text) {
  std::vector<std::string> lines;
  for (std::size_t at = 0; at < text.size();) {
    const std::size_t nl = std::min(text.find('\n', at), text.size());
    lines.emplace_back(text.substr(at, nl - at));
    at = nl + 1;
  }
  return lines;
}

// The traceback's lines split around the exception's own line, where the golden generator splits
// them (tests/golden/stderr_capture.py, emit_uncaught): at the last occurrence of that line and
// its newline. In an exception group's box the line is preceded by "  | ", which stays above as
// a line of its own.
py_exception::traceback_text split_text(const value& exc) {
  interpreter& in = current_interpreter();
  if (!in.record_stderr) return {};
  std::string all;
  for (const std::string& chunk : format_exception_chunks(in, exc, true)) all += chunk;
  const std::string own = format_exception_only_lines(in, exc).front() + "\n";
  const std::size_t at = all.rfind(own);
  py_exception::traceback_text t;
  if (at == std::string::npos) {
    t.above = split_lines(all);
    return t;
  }
  t.above = split_lines(std::string_view(all).substr(0, at));
  t.below = split_lines(std::string_view(all).substr(at + own.size()));
  return t;
}
}  // namespace

py_exception::traceback_text raised::traceback() const { return split_text(exception()); }
py_exception::traceback_text raised_cancel::traceback() const { return split_text(exception()); }

}  // namespace asyncrace::python
