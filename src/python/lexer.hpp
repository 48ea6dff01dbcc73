// Source text -> tokens, by CPython 3.11's tokenizer rules: INDENT/DEDENT from a stack of
// indentation columns (a tab moves to the next multiple of 8; a tab-only count must agree, or
// TabError), NEWLINE only outside brackets, `\` continuation, comments, every number and string
// literal form (the literal's text is kept; the parser decodes it), and the tokenizer's own
// errors with CPython's messages and columns.
//
// The whole text is lexed at once into one vector (the parser looks ahead and backs up freely).
// CPython reads tokens lazily, so a tokenizer error is only reported once the parser reaches it:
// the lexer therefore stops at its first error and leaves it in `error`, behind a last token of
// kind `error_stop`... spelled token_kind::end_marker with `error` set; the parser raises it when
// it gets there (or earlier syntax errors win, as in CPython).
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "syntax_error.hpp"
#include "token.hpp"

namespace asyncrace::python {

struct open_bracket {
  char kind;  // '(', '[' or '{'
  std::uint32_t line, col;
};

struct lexed {
  std::vector<token> tokens;          // ends with an end_marker
  std::optional<syntax_error> error;  // set: the tokenizer stopped here; the last token marks where
  std::vector<open_bracket> unclosed; // brackets still open at the end (for "'(' was never closed")
};

struct lex_options {
  // f-string replacement fields are lexed as if inside brackets (CPython 3.11 parses "(expr)"):
  // no INDENT/NEWLINE, and positions start at first_line/first_col.
  bool inside_brackets = false;
  std::uint32_t first_line = 1;
  std::uint32_t first_col = 0;
};

lexed tokenize(std::string_view text, const lex_options& options = {});

// Character (not byte) offset of byte column `byte_col` in `line_text`: SyntaxError.offset counts
// characters.
unsigned character_offset(std::string_view line_text, std::uint32_t byte_col);
// Line `line` (1-based) of `text`, without its line ending.
std::string_view line_text(std::string_view text, std::uint32_t line);

}  // namespace asyncrace::python
