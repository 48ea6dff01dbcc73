#include "pyrt/python_source.hpp"

#include <algorithm>
#include <cstdlib>

namespace asyncrace {

python_source::python_source(std::string file, std::string_view python_text, std::string_view cpp_text)
    : file_(std::move(file)) {
  for (std::size_t start = 0; start <= python_text.size();) {
    std::size_t nl = python_text.find('\n', start);
    if (nl == std::string_view::npos) nl = python_text.size();
    lines_.emplace_back(python_text.substr(start, nl - start));
    start = nl + 1;
  }
  unsigned cpp_line = 1;
  for (std::size_t start = 0; start < cpp_text.size(); ++cpp_line) {
    std::size_t nl = cpp_text.find('\n', start);
    if (nl == std::string_view::npos) nl = cpp_text.size();
    std::string_view line = cpp_text.substr(start, nl - start);
    cpp_lines_.emplace_back(line);
    if (std::size_t m = line.rfind("// py:"); m != std::string_view::npos)
      if (unsigned n = static_cast<unsigned>(std::strtoul(std::string(line.substr(m + 6)).c_str(), nullptr, 10)))
        cpp_to_python_[cpp_line] = n;
    start = nl + 1;
  }
}

unsigned python_source::def_line(std::string_view function) const {
  for (std::size_t i = 0; i < lines_.size(); ++i) {
    std::string_view l = lines_[i];
    l.remove_prefix(std::min(l.find_first_not_of(' '), l.size()));
    if (l.rfind("async ", 0) == 0) l.remove_prefix(6);
    if (l.rfind("def ", 0) == 0 && l.substr(4, function.size()) == function && l.substr(4 + function.size(), 1) == "(")
      return static_cast<unsigned>(i + 1);
  }
  return 0;
}

python_source python_source::interpreted(std::string file, std::string_view python_text) {
  python_source s(std::move(file), python_text, {});
  s.identity_ = true;
  return s;
}

unsigned python_source::python_line(unsigned cpp_line) const {
  if (identity_) return cpp_line <= lines_.size() ? cpp_line : 0;
  auto it = cpp_to_python_.find(cpp_line);
  return it == cpp_to_python_.end() ? 0 : it->second;
}

namespace {

std::size_t indent_of(std::string_view l) { return std::min(l.find_first_not_of(' '), l.size()); }

bool is_code(std::string_view l) {
  const std::size_t i = indent_of(l);
  return i < l.size() && l[i] != '#';
}

// The 1-based lines of `lines` from `first` (a def's line) to the end of its indented body that
// suspend: an `await`, an `async with` or an `async for` before any comment.
std::vector<unsigned> python_suspension_lines(const std::vector<std::string>& lines, unsigned first) {
  std::vector<unsigned> out;
  const std::size_t def_indent = indent_of(lines[first - 1]);
  for (std::size_t i = first; i < lines.size(); ++i) {
    std::string_view l = lines[i];
    if (is_code(l) && indent_of(l) <= def_indent) break;
    l = l.substr(0, l.find('#'));
    if (l.find("await ") != std::string_view::npos || l.find("async with ") != std::string_view::npos ||
        l.find("async for ") != std::string_view::npos)
      out.push_back(static_cast<unsigned>(i + 1));
  }
  return out;
}

// The 1-based lines of the C++ function `function`'s definition (`... function(...) {` at column
// 0, up to its closing `}` at column 0) that hold a co_await.
std::vector<unsigned> cpp_awaits_in(const std::vector<std::string>& lines, std::string_view function) {
  std::vector<unsigned> out;
  const std::string head = " " + std::string(function) + "(";
  std::size_t i = 0;
  while (i < lines.size() && !(lines[i].find(head) != std::string::npos && lines[i][0] != ' ' && lines[i][0] != '/')) ++i;
  for (++i; i < lines.size() && lines[i].rfind('}', 0) != 0; ++i) {
    std::string_view l = lines[i];
    l = l.substr(0, l.find("//"));
    if (l.find("co_await") != std::string_view::npos) out.push_back(static_cast<unsigned>(i + 1));
  }
  return out;
}

}  // namespace

unsigned python_source::await_line(std::string_view function, unsigned cpp_line) const {
  const unsigned def = def_line(function);
  if (!def || identity_) return 0;
  if (const unsigned marked = python_line(cpp_line)) return marked;
  const std::vector<unsigned> cpp = cpp_awaits_in(cpp_lines_, function);
  // The await whose expression holds cpp_line: a co_await spread over several lines is reported
  // at its first line by clang and at a later one by GCC (the line __builtin_LINE() sees).
  const auto after = std::upper_bound(cpp.begin(), cpp.end(), cpp_line);
  if (after == cpp.begin()) return 0;
  const std::vector<unsigned> py = python_suspension_lines(lines_, def);
  const auto n = static_cast<std::size_t>(after - cpp.begin()) - 1;
  return n < py.size() ? py[n] : 0;
}

std::string_view python_source::line_text(unsigned n) const {
  return n >= 1 && n <= lines_.size() ? std::string_view(lines_[n - 1]) : std::string_view();
}

}  // namespace asyncrace
