// A program that cannot be compiled: what CPython 3.11 reports as SyntaxError, IndentationError or
// TabError, with its message, line and column, raised by the lexer, the parser, the scope analysis
// and the compiler alike. Nothing of a program runs when its compilation fails.
#pragma once

#include <string>

namespace asyncrace::python {

struct syntax_error {
  std::string type = "SyntaxError";  // "SyntaxError", "IndentationError" or "TabError"
  std::string message;               // CPython's text: "expected ':'", "invalid syntax", ...
  unsigned line = 0;                 // 1-based, as SyntaxError.lineno
  unsigned column = 0;               // as SyntaxError.offset (0: none): 1-based, in characters for the
                                     // tokenizer's and parser's errors, in bytes for scope errors (as CPython)
  unsigned end_line = 0;
  unsigned end_column = 0;

  // The last traceback line CPython prints: "SyntaxError: expected ':'".
  std::string last_line() const { return type + ": " + message; }
};

}  // namespace asyncrace::python
