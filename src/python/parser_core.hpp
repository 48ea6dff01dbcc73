// The parser's state and the helpers every grammar file uses (private to src/python's parser_*.cpp):
// the token cursor, node construction in the arena, the scratch stack that builds child lists
// without a heap allocation per list, and CPython-positioned errors.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "ast.hpp"
#include "lexer.hpp"
#include "parser.hpp"

namespace asyncrace::python {

class parser_core {
 public:
  parser_core(std::string_view text, lexed tokens, ast::tree& tree, const parse_options& options);
  // The error to report when the grammar failed with `parser_error` (see parser.cpp).
  syntax_error final_error(syntax_error parser_error) const;

 protected:
  std::string_view text_;
  lexed lexed_;
  const std::vector<token>& toks_;
  ast::tree& tree_;
  arena& mem_;
  parse_options options_;
  std::size_t i_ = 0;
  std::vector<std::uintptr_t> scratch_;
  bool in_fstring_ = false;     // errors get CPython's "f-string: " prefix
  int fstring_depth_ = 0;       // nesting of format specs ("expressions nested too deeply")
  std::uint32_t fstring_line_ = 0;       // where a field's "(" stands: CPython's f-string error columns
  std::uint32_t fstring_col_shift_ = 0;
  std::size_t furthest_ = 0;             // the furthest token looked at (CPython's last fetched token)
  unsigned depth_ = 0;          // recursion guard

  // --- tokens
  const token& tok() const { return toks_[i_]; }
  const token& tok_at(std::size_t k) const { return toks_[i_ + k < toks_.size() ? i_ + k : toks_.size() - 1]; }
  token_kind kind() const { return toks_[i_].kind; }
  token_kind kind_at(std::size_t k) const { return tok_at(k).kind; }
  const token& prev() const { return toks_[i_ ? i_ - 1 : 0]; }
  bool at(token_kind k) const { return kind() == k; }
  const token& advance() {
    const token& t = toks_[i_];
    if (i_ + 1 < toks_.size()) ++i_;
    if (i_ > furthest_) furthest_ = i_;
    return t;
  }
  bool accept(token_kind k) {
    if (!at(k)) return false;
    advance();
    return true;
  }
  std::string_view text_of(const token& t) const { return text_.substr(t.begin, t.end - t.begin); }
  bool at_name(std::string_view word) const { return at(token_kind::name) && text_of(tok()) == word; }
  std::string_view identifier(const token& t) { return mem_.copy(text_of(t)); }
  std::string_view expect_name();

  // --- nodes
  template <class T>
  T* node(ast::expr_kind k, const token& first) {
    T* n = mem_.make<T>();
    n->kind = k;
    n->pos.lineno = first.line;
    n->pos.col_offset = first.col;
    return n;
  }
  template <class T>
  T* node(ast::stmt_kind k, const token& first) {
    T* n = mem_.make<T>();
    n->kind = k;
    n->pos.lineno = first.line;
    n->pos.col_offset = first.col;
    return n;
  }
  template <class T>
  T* finish(T* n) {  // ends where the last consumed token ends
    n->pos.end_lineno = prev().end_line;
    n->pos.end_col_offset = prev().end_col;
    return n;
  }
  static ast::position span(const ast::position& from, const ast::position& to) {
    return {from.lineno, from.col_offset, to.end_lineno, to.end_col_offset};
  }
  static ast::position at_token(const token& t) { return {t.line, t.col, t.end_line, t.end_col}; }

  // --- scratch lists: push children, then take() them into the arena
  std::size_t mark() const { return scratch_.size(); }
  template <class T>
  void push(T* p) { scratch_.push_back(reinterpret_cast<std::uintptr_t>(p)); }
  void push_value(std::uintptr_t v) { scratch_.push_back(v); }
  template <class T>
  ast::list<T*> take(std::size_t from) {
    ast::list<T*> l;
    l.count = static_cast<std::uint32_t>(scratch_.size() - from);
    l.items = mem_.make_array<T*>(l.count);
    for (std::uint32_t k = 0; k < l.count; ++k) l.items[k] = reinterpret_cast<T*>(scratch_[from + k]);
    scratch_.resize(from);
    return l;
  }
  template <class T>
  ast::list<T> take_values(std::size_t from) {
    ast::list<T> l;
    l.count = static_cast<std::uint32_t>(scratch_.size() - from);
    l.items = mem_.make_array<T>(l.count);
    for (std::uint32_t k = 0; k < l.count; ++k) l.items[k] = static_cast<T>(scratch_[from + k]);
    scratch_.resize(from);
    return l;
  }

  // --- errors (line; column 0-based byte column, converted to CPython's 1-based character offset)
  [[noreturn]] void error(std::string message, std::uint32_t line, std::uint32_t byte_col,
                          std::string type = "SyntaxError");
  // At a token; INDENT, DEDENT and ENDMARKER report where the tokenizer stood (no +1), as CPython.
  [[noreturn]] void error_at(const token& t, std::string message, std::string type = "SyntaxError");
  [[noreturn]] void error_at(const ast::expr* e, std::string message) {
    error(std::move(message), e->pos.lineno, e->pos.col_offset);
  }
  // CPython's generic failure at the current token: "invalid syntax", or what the tokenizer or an
  // unclosed bracket says when that is where it stopped.
  [[noreturn]] void invalid_syntax();
  void expect(token_kind k);  // "expected ':'" style for ':' ; invalid syntax otherwise
  // A statement header's ':'. CPython says "expected ':'" before any token after def/for/with/
  // try/finally/else headers (`forced`), and only before the line's end after if/elif/while/
  // class/except; otherwise "invalid syntax".
  void expect_colon(bool forced);
  // Can the current token begin an expression (after a comma: another element, or the end)?
  bool starts_expression() const;
  struct depth_guard {
    parser_core& p;
    explicit depth_guard(parser_core& parser);
    ~depth_guard() { --p.depth_; }
  };
};

}  // namespace asyncrace::python
