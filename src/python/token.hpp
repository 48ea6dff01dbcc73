// What the lexer hands the parser: one token per name, number, string, operator, keyword,
// NEWLINE, INDENT and DEDENT, as CPython's tokenizer makes them (comments and blank lines are not
// tokens; NL inside brackets is dropped). A token is 28 bytes and owns nothing: its text is a
// span of the source.
#pragma once

#include <cstdint>
#include <string_view>

namespace asyncrace::python {

enum class token_kind : std::uint8_t {
  end_marker, newline, indent, dedent, name, number, string,
  error,  // a character CPython's tokenizer rejects as an ERRORTOKEN ($, ?, a lone !): "invalid syntax"
  // operators
  lpar, rpar, lsqb, rsqb, lbrace, rbrace, colon, comma, semi, plus, minus, star, slash, vbar, amper,
  less, greater, equal, dot, percent, equal_equal, not_equal, less_equal, greater_equal, tilde,
  circumflex, left_shift, right_shift, double_star, plus_equal, minus_equal, star_equal,
  slash_equal, percent_equal, amper_equal, vbar_equal, circumflex_equal, left_shift_equal,
  right_shift_equal, double_star_equal, double_slash, double_slash_equal, at, at_equal, rarrow,
  ellipsis, colon_equal, exclamation,
  // hard keywords (3.11); `match`, `case` and `_` are names
  kw_False, kw_None, kw_True, kw_and, kw_as, kw_assert, kw_async, kw_await, kw_break, kw_class,
  kw_continue, kw_def, kw_del, kw_elif, kw_else, kw_except, kw_finally, kw_for, kw_from, kw_global,
  kw_if, kw_import, kw_in, kw_is, kw_lambda, kw_nonlocal, kw_not, kw_or, kw_pass, kw_raise,
  kw_return, kw_try, kw_while, kw_with, kw_yield,
};

struct token {
  token_kind kind;
  std::uint32_t begin = 0, end = 0;     // byte offsets of its text in the lexed text
  std::uint32_t line = 0, col = 0;      // 1-based line, 0-based byte column (ast's col_offset)
  std::uint32_t end_line = 0, end_col = 0;
};

// The token's spelling for messages: "'('", "':'", "NEWLINE", ...; keywords as 'if'.
std::string_view spelling(token_kind k);
inline bool is_keyword(token_kind k) { return k >= token_kind::kw_False; }

}  // namespace asyncrace::python
