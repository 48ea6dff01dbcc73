// Compound statements: if, while, for, with, try, def, class, decorators, async forms; their
// blocks, and the IndentationError CPython 3.11 gives for a missing one. A compound statement
// ends where its last inner statement ends.
#include "parser_grammar.hpp"

namespace asyncrace::python {

using namespace ast;

namespace {
template <class T>
T* ends_with(T* s, const list<stmt*>& block) {
  if (!block.empty()) {
    s->pos.end_lineno = block[block.size() - 1]->pos.end_lineno;
    s->pos.end_col_offset = block[block.size() - 1]->pos.end_col_offset;
  }
  return s;
}
}  // namespace

list<stmt*> grammar::block(const token& header, std::string_view what) {
  const bool forced = what == "function definition" || what == "'for' statement" || what == "'with' statement" ||
                      what == "'try' statement" || what == "'finally' statement" || what == "'else' statement";
  expect_colon(forced);
  const std::size_t m = mark();
  if (accept(token_kind::newline)) {
    if (!at(token_kind::indent))
      error_at(tok(), std::string("expected an indented block after ") + std::string(what) + " on line " + std::to_string(header.line),
               "IndentationError");
    advance();
    while (!at(token_kind::dedent) && !at(token_kind::end_marker)) statement(m);
    if (mark() == m) invalid_syntax();  // only where the tokenizer stopped: its error
    accept(token_kind::dedent);
  } else {
    simple_statements(m);
  }
  return take<stmt>(m);
}

stmt* grammar::compound_statement() {
  const token& start = tok();
  switch (kind()) {
    case token_kind::kw_def: return function_def(mark(), start);
    case token_kind::kw_class: return class_def(mark(), start);
    case token_kind::at: return decorated();
    case token_kind::kw_if: return if_statement(start, "'if' statement");
    case token_kind::kw_while: return while_statement();
    case token_kind::kw_for: return for_statement(start, false);
    case token_kind::kw_with: return with_statement(start, false);
    case token_kind::kw_try: return try_statement();
    case token_kind::kw_async:
      if (kind_at(1) == token_kind::kw_def) return function_def(mark(), start);
      if (kind_at(1) == token_kind::kw_for) return for_statement(start, true);
      if (kind_at(1) == token_kind::kw_with) return with_statement(start, true);
      advance();
      invalid_syntax();
    case token_kind::name:
      if (at_name("match") && match_statement_ahead())
        error_at(start, "asyncrace does not support the 'match' statement (line " + std::to_string(start.line) + ")");
      return nullptr;
    default: return nullptr;
  }
}

// `match subject:` followed by an indented block (a soft keyword: `match(x)` or `match = 1` are
// ordinary statements).
bool grammar::match_statement_ahead() const {
  std::size_t k = i_ + 1;
  if (!(toks_[k].kind == token_kind::name || toks_[k].kind == token_kind::number || toks_[k].kind == token_kind::string ||
        toks_[k].kind == token_kind::lpar || toks_[k].kind == token_kind::lsqb || toks_[k].kind == token_kind::lbrace ||
        toks_[k].kind == token_kind::minus || toks_[k].kind == token_kind::star))
    return false;
  while (toks_[k].kind != token_kind::newline && toks_[k].kind != token_kind::end_marker) ++k;
  return toks_[k - 1].kind == token_kind::colon && toks_[k].kind == token_kind::newline &&
         toks_[k + 1 < toks_.size() ? k + 1 : k].kind == token_kind::indent;
}

stmt* grammar::decorated() {
  const std::size_t m = mark();
  while (at(token_kind::at)) {
    advance();
    push(named_expression());
    if (!accept(token_kind::newline)) invalid_syntax();
  }
  const token& start = tok();
  if (at(token_kind::kw_def) || (at(token_kind::kw_async) && kind_at(1) == token_kind::kw_def)) return function_def(m, start);
  if (at(token_kind::kw_class)) return class_def(m, start);
  invalid_syntax();
}

stmt* grammar::function_def(std::size_t decorators_mark, const token& start) {
  const bool is_async = accept(token_kind::kw_async);
  advance();  // def
  auto* f = node<FunctionDef>(is_async ? stmt_kind::AsyncFunctionDef : stmt_kind::FunctionDef, start);
  f->decorator_list = take<expr>(decorators_mark);
  f->name = expect_name();
  if (!at(token_kind::lpar)) error_at(tok(), "expected '('");
  advance();
  f->args = at(token_kind::rpar) ? empty_arguments() : parameters(false);
  expect(token_kind::rpar);
  if (accept(token_kind::rarrow)) f->returns = expression();
  f->body = block(start, "function definition");
  return ends_with(f, f->body);
}

stmt* grammar::class_def(std::size_t decorators_mark, const token& start) {
  advance();  // class
  auto* c = node<ClassDef>(stmt_kind::ClassDef, start);
  c->decorator_list = take<expr>(decorators_mark);
  c->name = expect_name();
  if (at(token_kind::lpar)) {
    expr* bases = call(nullptr, tok());
    c->bases = bases->as<Call>().args;
    c->keywords = bases->as<Call>().keywords;
  }
  c->body = block(start, "class definition");
  return ends_with(c, c->body);
}

// A test followed by '=' (not '=='): CPython's suggestion of '==' or ':='.
expr* grammar::condition() {
  expr* test = named_expression();
  if (at(token_kind::equal) && test->kind == expr_kind::Name)
    error_at(test, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
  if (at(token_kind::equal) && test->kind != expr_kind::List && test->kind != expr_kind::Tuple &&
      test->kind != expr_kind::GeneratorExp)
    error_at(test, std::string("cannot assign to ") + describe(test) + " here. Maybe you meant '==' instead of '='?");
  return test;
}

stmt* grammar::if_statement(const token& start, std::string_view what) {
  advance();  // if / elif
  auto* s = node<If>(stmt_kind::If, start);
  s->test = condition();
  s->body = block(start, what);
  ends_with(s, s->body);
  if (at(token_kind::kw_elif)) {
    const std::size_t m = mark();
    push(if_statement(tok(), "'elif' statement"));
    s->orelse = take<stmt>(m);
  } else {
    s->orelse = else_block("'else' statement");
  }
  return ends_with(s, s->orelse);
}

list<stmt*> grammar::else_block(std::string_view what) {
  if (!at(token_kind::kw_else)) return {};
  const token& start = advance();
  return block(start, what);
}

stmt* grammar::while_statement() {
  const token& start = advance();
  auto* s = node<While>(stmt_kind::While, start);
  s->test = condition();
  s->body = block(start, "'while' statement");
  ends_with(s, s->body);
  s->orelse = else_block("'else' statement");
  return ends_with(s, s->orelse);
}

stmt* grammar::for_statement(const token& start, bool is_async) {
  if (is_async) advance();
  advance();  // for
  auto* s = node<For>(is_async ? stmt_kind::AsyncFor : stmt_kind::For, start);
  s->target = star_targets();
  to_store(s->target, expr_context::Store, false);
  if (!accept(token_kind::kw_in)) invalid_syntax();
  s->iter = star_expressions();
  s->body = block(start, "'for' statement");
  ends_with(s, s->body);
  s->orelse = else_block("'else' statement");
  return ends_with(s, s->orelse);
}

withitem* grammar::with_item() {
  auto* w = mem_.make<withitem>();
  w->context_expr = expression();
  if (accept(token_kind::kw_as)) {
    w->optional_vars = target_element();
    to_store(w->optional_vars, expr_context::Store, false);
  }
  return w;
}

stmt* grammar::with_statement(const token& start, bool is_async) {
  if (is_async) advance();
  advance();  // with
  auto* s = node<With>(is_async ? stmt_kind::AsyncWith : stmt_kind::With, start);
  const std::size_t m = mark();
  bool parsed = false;
  if (at(token_kind::lpar)) {
    // 3.11 reads `with (a as b, c):` as parenthesised items, and `with (a, b) as c:` as a tuple.
    const std::size_t saved = i_;
    bool named = false;
    try {
      advance();
      do {
        if (at(token_kind::rpar)) break;
        withitem* item = with_item();
        named |= item->optional_vars != nullptr;
        push(item);
      } while (accept(token_kind::comma));
      if (accept(token_kind::rpar) && at(token_kind::colon)) parsed = true;
      else if (named && prev().kind == token_kind::rpar) invalid_syntax();  // `with (a as b) as c:`
    } catch (const syntax_error& e) {
      if (named && prev().kind == token_kind::rpar && !parsed) throw;
    }
    if (!parsed) {
      i_ = saved;
      scratch_.resize(m);
    }
  }
  if (!parsed) {
    do push(with_item());
    while (accept(token_kind::comma));
  }
  s->items = take<withitem>(m);
  s->body = block(start, "'with' statement");
  return ends_with(s, s->body);
}

stmt* grammar::try_statement() {
  const token& start = advance();
  auto* s = node<Try>(stmt_kind::Try, start);
  s->body = block(start, "'try' statement");
  ends_with(s, s->body);
  const std::size_t m = mark();
  bool plain = false, star = false;
  while (at(token_kind::kw_except)) {
    const token& except = advance();
    const bool is_star = accept(token_kind::star);
    (is_star ? star : plain) = true;
    if (plain && star) error_at(except, "cannot have both 'except' and 'except*' on the same 'try'");
    auto* h = mem_.make<excepthandler>();
    if (!at(token_kind::colon)) {
      const token& type_start = tok();
      h->type = expression();
      if (at(token_kind::comma)) {
        tuple_tail(h->type, type_start, false);
        if (!at(token_kind::kw_as)) error_at(h->type, "multiple exception types must be parenthesized");
        invalid_syntax();
      }
      if (accept(token_kind::kw_as)) h->name = expect_name();
    } else if (is_star) {
      error_at(tok(), "expected one or more exception types");
    }
    h->body = block(except, is_star ? "'except*' statement" : "'except' statement");
    const stmt* last = h->body[h->body.size() - 1];
    h->pos = {except.line, except.col, last->pos.end_lineno, last->pos.end_col_offset};
    s->pos.end_lineno = h->pos.end_lineno;
    s->pos.end_col_offset = h->pos.end_col_offset;
    push(h);
  }
  s->handlers = take<excepthandler>(m);
  if (star) s->kind = stmt_kind::TryStar;
  if (!s->handlers.empty()) {
    s->orelse = else_block("'else' statement");
    ends_with(s, s->orelse);
  }
  if (at(token_kind::kw_finally)) {
    const token& f = advance();
    s->finalbody = block(f, "'finally' statement");
    ends_with(s, s->finalbody);
  }
  if (s->handlers.empty() && s->finalbody.empty()) error_at(tok(), "expected 'except' or 'finally' block");
  return s;
}

}  // namespace asyncrace::python
