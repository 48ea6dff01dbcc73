// The Python a program mirrors: its file name and text, and which C++ line stands for which
// Python line. A C++ line says so with a trailing `// py:N` comment, e.g.
//   co_await asyncio::sleep(1);  // py:4
// so the running line can be named as CPython names it ("running at reprs.py:4") and shown.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace asyncrace {

class python_source {
 public:
  python_source(std::string file, std::string_view python_text, std::string_view cpp_text);
  // An interpreted program's source: its "C++ lines" are its Python lines (the interpreter
  // records Python lines where a C++ twin records its own, python/coroutine.cpp).
  static python_source interpreted(std::string file, std::string_view python_text);

  const std::string& file() const { return file_; }
  // The line of `async def <function>(` (or `def`), as co_firstlineno; 0 when absent.
  unsigned def_line(std::string_view function) const;
  // The Python line a C++ line is marked with; 0 when it has no `// py:N`.
  unsigned python_line(unsigned cpp_line) const;
  // Where `function`, suspended at the co_await on C++ line `cpp_line`, stands in the Python
  // source: 0 unless the source defines `function` (a library coroutine such as asyncio's own has
  // its C++ lines in other files, which must not be mapped through this one). Then its `// py:N`
  // mark if the line has one; else the twin's n-th co_await in `function` is taken for the n-th
  // line with an `await` in the Python function's body (a twin mirrors its Python statement by
  // statement); 0 when there is no such line, and always for an interpreted source (its frames
  // hold their Python lines themselves).
  unsigned await_line(std::string_view function, unsigned cpp_line) const;
  // The text of Python line n (1-based), without its newline.
  std::string_view line_text(unsigned n) const;

 private:
  std::string file_;
  std::vector<std::string> lines_;
  std::unordered_map<unsigned, unsigned> cpp_to_python_;
  std::vector<std::string> cpp_lines_;
  bool identity_ = false;
};

}  // namespace asyncrace
