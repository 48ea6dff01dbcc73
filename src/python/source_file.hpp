// A program's text and file name, its lines indexed: what the lexer reads, what SyntaxErrors point
// into and what tracebacks quote (`File "prog.py", line 3, in main` followed by the line's text).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace asyncrace::python {

class source_file {
 public:
  source_file(std::string name, std::string text);

  const std::string& name() const { return name_; }  // "prog.py"
  const std::string& text() const { return text_; }
  // Line n (1-based) without its line ending; empty past the end.
  std::string_view line(unsigned n) const;
  unsigned line_count() const { return static_cast<unsigned>(starts_.size()); }

 private:
  std::string name_;
  std::string text_;
  std::vector<std::size_t> starts_;  // offset of each line's first character
};

}  // namespace asyncrace::python
