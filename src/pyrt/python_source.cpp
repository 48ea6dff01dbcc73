#include "pyrt/python_source.hpp"

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

std::string_view python_source::line_text(unsigned n) const {
  return n >= 1 && n <= lines_.size() ? std::string_view(lines_[n - 1]) : std::string_view();
}

}  // namespace asyncrace
