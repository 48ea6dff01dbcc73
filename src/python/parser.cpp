// parse(): checks the text's encoding as CPython reads a file, lexes it, runs the grammar, and
// chooses the error CPython would report when the parser and the tokenizer both fail.
#include "parser.hpp"

#include "parser_grammar.hpp"

namespace asyncrace::python {

namespace {
constexpr unsigned max_depth = 900;  // nested expressions; deeper input is refused, never a stack overflow

// The first byte that is not well-formed UTF-8, or npos.
std::size_t invalid_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    const std::size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (len == 0 || i + len > s.size() || (len == 2 && c < 0xc2)) return i;
    for (std::size_t k = 1; k < len; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xc0) != 0x80) return i;
    i += len;
  }
  return std::string_view::npos;
}

unsigned line_of(std::string_view s, std::size_t offset) {
  unsigned line = 1;
  for (std::size_t i = 0; i < offset; ++i)
    if (s[i] == '\n' || (s[i] == '\r' && (i + 1 >= s.size() || s[i + 1] != '\n'))) ++line;
  return line;
}

void check_encoding(const source_file& source) {
  const std::string& text = source.text();
  if (const std::size_t nul = text.find('\0'); nul != std::string::npos) {
    syntax_error e;
    e.message = "source code cannot contain null bytes";
    e.line = line_of(text, nul);
    throw e;
  }
  if (const std::size_t bad = invalid_utf8(text); bad != std::string_view::npos) {
    char byte[8];
    std::snprintf(byte, sizeof byte, "\\x%02x", static_cast<unsigned char>(text[bad]));
    syntax_error e;
    e.message = std::string("Non-UTF-8 code starting with '") + byte + "' in file " + source.name() + " on line " +
                std::to_string(line_of(text, bad)) + ", but no encoding declared; see https://peps.python.org/pep-0263/ for details";
    e.line = line_of(text, bad);
    throw e;
  }
}
}  // namespace

parser_core::parser_core(std::string_view text, lexed tokens, ast::tree& tree, const parse_options& options)
    : text_(text), lexed_(std::move(tokens)), toks_(lexed_.tokens), tree_(tree), mem_(tree.memory), options_(options) {
  scratch_.reserve(256);
}

parser_core::depth_guard::depth_guard(parser_core& parser) : p(parser) {
  if (++p.depth_ > max_depth) {
    p.depth_ = 0;  // the error unwinds every guard
    p.error_at(p.tok(), "too many nested expressions (asyncrace's parser limit is " + std::to_string(max_depth) + ")");
  }
}

void parser_core::error(std::string message, std::uint32_t line, std::uint32_t byte_col, std::string type) {
  syntax_error e;
  e.type = std::move(type);
  e.line = line;
  if (in_fstring_) {
    // CPython reports a field's errors in the coordinates of the "(expr)" text it compiled.
    e.message = "f-string: " + message;
    e.column = (line == fstring_line_ ? byte_col - fstring_col_shift_ : byte_col) + 1;
    throw e;
  }
  e.message = std::move(message);
  e.column = character_offset(line_text(text_, line), byte_col) + 1;
  throw e;
}

void parser_core::error_at(const token& t, std::string message, std::string type) {
  if (!in_fstring_ && (t.kind == token_kind::indent || t.kind == token_kind::dedent || t.kind == token_kind::end_marker))
    error(std::move(message), t.line, t.col ? t.col - 1 : 0, std::move(type));
  error(std::move(message), t.line, t.col, std::move(type));
}

void parser_core::invalid_syntax() {
  const token& t = tok();
  if (t.kind == token_kind::end_marker && lexed_.error) throw *lexed_.error;
  if (t.kind == token_kind::end_marker && !lexed_.unclosed.empty() && !in_fstring_) {
    const open_bracket& b = lexed_.unclosed.back();
    error(std::string("'") + b.kind + "' was never closed", b.line, b.col);
  }
  if (t.kind == token_kind::indent) error_at(t, "unexpected indent", "IndentationError");
  if (t.kind == token_kind::dedent) error_at(t, "unexpected unindent", "IndentationError");
  error_at(t, "invalid syntax");
}

void parser_core::expect(token_kind k) {
  if (accept(k)) return;
  if (k == token_kind::colon) error_at(tok(), "expected ':'");
  invalid_syntax();
}

void parser_core::expect_colon(bool forced) {
  if (accept(token_kind::colon)) return;
  if (forced || at(token_kind::newline)) error_at(tok(), "expected ':'");
  invalid_syntax();
}

std::string_view parser_core::expect_name() {
  if (!at(token_kind::name)) invalid_syntax();
  return identifier(advance());
}

bool parser_core::starts_expression() const {
  switch (kind()) {
    case token_kind::name: case token_kind::number: case token_kind::string: case token_kind::lpar:
    case token_kind::lsqb: case token_kind::lbrace: case token_kind::minus: case token_kind::plus:
    case token_kind::tilde: case token_kind::star: case token_kind::kw_not: case token_kind::kw_lambda:
    case token_kind::kw_await: case token_kind::kw_None: case token_kind::kw_True: case token_kind::kw_False:
    case token_kind::ellipsis:
      return true;
    default:
      return false;
  }
}

// When the grammar fails, CPython 3.11 goes on tokenizing the rest of the text: a tokenizer
// error there wins, and so does a bracket left open to the end that opened before the failure.
syntax_error parser_core::final_error(syntax_error parser_error) const {
  if (lexed_.error) return *lexed_.error;
  if (!lexed_.unclosed.empty()) {
    const open_bracket& b = lexed_.unclosed.back();
    const token& furthest = toks_[furthest_ < toks_.size() ? furthest_ : toks_.size() - 1];
    if (furthest.line > b.line || furthest.kind == token_kind::end_marker) {
      syntax_error e;
      e.message = std::string("'") + b.kind + "' was never closed";
      e.line = b.line;
      e.column = character_offset(line_text(text_, b.line), b.col) + 1;
      return e;
    }
  }
  return parser_error;
}

std::unique_ptr<ast::tree> parse(const source_file& source, const parse_options& options) {
  check_encoding(source);
  auto tree = std::make_unique<ast::tree>();
  grammar g(source.text(), tokenize(source.text()), *tree, options);
  try {
    tree->module = g.module();
  } catch (syntax_error& e) {
    throw g.final_error(std::move(e));
  }
  return tree;
}

}  // namespace asyncrace::python
