// The grammar's rules as methods (private to the parser_*.cpp files): one file per part of the
// grammar — expressions, atoms and displays, calls and parameters, targets, strings, statements.
#pragma once

#include "parser_core.hpp"
#include "string_literal.hpp"

namespace asyncrace::python {

class grammar : public parser_core {
 public:
  using parser_core::parser_core;

  ast::Module* module();
  ast::expr* fstring_expression();

 private:
  // --- expressions (parse_expressions.cpp)
  ast::expr* star_expressions();      // a, *b, c  (a Tuple when there is a comma)
  ast::expr* star_expression();       // *x or expression
  ast::expr* expressions();           // a, b  (no starred)
  ast::expr* expression();            // a if b else c, lambda
  ast::expr* named_expression();      // x := value, or expression
  ast::expr* star_named_expression(); // display elements
  ast::expr* disjunction();
  ast::expr* conjunction();
  ast::expr* inversion();
  ast::expr* comparison();
  ast::expr* binary(int min_precedence);
  ast::expr* factor();
  ast::expr* power();
  ast::expr* primary();
  ast::expr* lambdef();
  ast::expr* yield_expr();
  ast::expr* tuple_tail(ast::expr* first, const token& start, bool allow_star);

  // --- atoms and displays (parse_atoms.cpp)
  ast::expr* atom();
  ast::expr* paren_atom();
  ast::expr* list_atom();
  ast::expr* brace_atom();
  ast::list<ast::comprehension*> for_if_clauses();
  bool at_comprehension() const { return at(token_kind::kw_for) || (at(token_kind::kw_async) && kind_at(1) == token_kind::kw_for); }
  ast::expr* number_literal(const token& t);
  ast::expr* slices();
  ast::expr* slice();
  void forgot_comma(const ast::expr* before, std::size_t before_token);

  // --- calls and parameters (parse_arguments.cpp)
  ast::expr* call(ast::expr* func, const token& start);
  ast::arguments* parameters(bool is_lambda);
  ast::arg* parameter(bool is_lambda, bool allow_annotation);
  ast::arguments* empty_arguments();

  // --- targets (parse_targets.cpp)
  void to_store(ast::expr* e, ast::expr_context ctx, bool assignment_statement);
  ast::expr* star_targets();  // for/comprehension targets: stops before 'in'
  ast::expr* target_element();
  static const char* describe(const ast::expr* e);

  // --- strings (parse_strings.cpp)
  ast::expr* strings();
  ast::expr* joined_string(std::size_t first, std::size_t last, const ast::position& whole);
  void flush_literal(std::string& pending, const ast::position& whole);
  void decode_literal(std::string_view body, const token& t, std::string& out);
  [[noreturn]] void fstring_error(const char* message);
  std::size_t fstring_parts(const token& t, const string_token& s, std::size_t i, int depth, std::string& pending,
                            const ast::position& whole);
  std::size_t replacement_field(const token& t, const string_token& s, std::size_t i, int depth, std::string& pending,
                                const ast::position& whole);
  ast::expr* fstring_field(const token& t, const string_token& s, std::size_t expr_start, std::string_view expr_text);

  // --- statements (parse_statements.cpp, parse_compound.cpp)
  void statement(std::size_t list_mark);
  void simple_statements(std::size_t list_mark);
  ast::stmt* simple_statement();
  ast::stmt* expression_statement();
  void assignment_target(ast::expr* e, std::size_t first_token, bool sole);
  ast::stmt* import_statement();
  ast::stmt* from_import_statement();
  ast::stmt* raise_statement();
  ast::stmt* names_statement(ast::stmt_kind kind);
  std::string_view dotted_name();
  ast::expr* condition();
  bool match_statement_ahead() const;
  ast::withitem* with_item();
  ast::list<ast::stmt*> block(const token& header, std::string_view what);
  ast::stmt* compound_statement();
  ast::stmt* function_def(std::size_t decorators_mark, const token& start);
  ast::stmt* class_def(std::size_t decorators_mark, const token& start);
  ast::stmt* decorated();
  ast::stmt* if_statement(const token& start, std::string_view what);
  ast::stmt* while_statement();
  ast::stmt* for_statement(const token& start, bool is_async);
  ast::stmt* with_statement(const token& start, bool is_async);
  ast::stmt* try_statement();
  ast::list<ast::stmt*> else_block(std::string_view what);
};

}  // namespace asyncrace::python
