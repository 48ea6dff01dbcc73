// The module and simple statements: expression statements and assignments, return, raise, del,
// assert, pass, break, continue, global, nonlocal, import and from-import.
#include "parser_grammar.hpp"

namespace asyncrace::python {

using namespace ast;

namespace {
bool augmented(token_kind k, binop& op) {
  switch (k) {
    case token_kind::plus_equal: op = binop::Add; return true;
    case token_kind::minus_equal: op = binop::Sub; return true;
    case token_kind::star_equal: op = binop::Mult; return true;
    case token_kind::at_equal: op = binop::MatMult; return true;
    case token_kind::slash_equal: op = binop::Div; return true;
    case token_kind::percent_equal: op = binop::Mod; return true;
    case token_kind::amper_equal: op = binop::BitAnd; return true;
    case token_kind::vbar_equal: op = binop::BitOr; return true;
    case token_kind::circumflex_equal: op = binop::BitXor; return true;
    case token_kind::left_shift_equal: op = binop::LShift; return true;
    case token_kind::right_shift_equal: op = binop::RShift; return true;
    case token_kind::double_star_equal: op = binop::Pow; return true;
    case token_kind::double_slash_equal: op = binop::FloorDiv; return true;
    default: return false;
  }
}
}  // namespace

Module* grammar::module() {
  auto* m = mem_.make<Module>();
  const std::size_t body = mark();
  while (!at(token_kind::end_marker)) statement(body);
  if (lexed_.error) invalid_syntax();
  m->body = take<stmt>(body);
  return m;
}

void grammar::statement(std::size_t list_mark) {
  (void)list_mark;
  if (at(token_kind::indent)) error_at(tok(), "unexpected indent", "IndentationError");
  if (stmt* s = compound_statement()) {
    push(s);
    return;
  }
  simple_statements(list_mark);
}

void grammar::simple_statements(std::size_t) {
  for (;;) {
    push(simple_statement());
    if (!accept(token_kind::semi)) break;
    if (at(token_kind::newline)) break;
  }
  if (!accept(token_kind::newline)) invalid_syntax();
}

stmt* grammar::simple_statement() {
  const token& start = tok();
  switch (kind()) {
    case token_kind::kw_pass: advance(); return finish(node<Pass>(stmt_kind::Pass, start));
    case token_kind::kw_break: advance(); return finish(node<Break>(stmt_kind::Break, start));
    case token_kind::kw_continue: advance(); return finish(node<Continue>(stmt_kind::Continue, start));
    case token_kind::kw_return: {
      advance();
      auto* r = node<Return>(stmt_kind::Return, start);
      r->value = starts_expression() ? star_expressions() : nullptr;
      return finish(r);
    }
    case token_kind::kw_raise: return raise_statement();
    case token_kind::kw_global: return names_statement(stmt_kind::Global);
    case token_kind::kw_nonlocal: return names_statement(stmt_kind::Nonlocal);
    case token_kind::kw_import: return import_statement();
    case token_kind::kw_from: return from_import_statement();
    case token_kind::kw_del: {
      advance();
      auto* d = node<Delete>(stmt_kind::Delete, start);
      const std::size_t m = mark();
      do {
        if (!starts_expression()) break;
        expr* target = binary(1);
        to_store(target, expr_context::Del, false);
        push(target);
      } while (accept(token_kind::comma));
      if (mark() == m) invalid_syntax();
      d->targets = take<expr>(m);
      return finish(d);
    }
    case token_kind::kw_assert: {
      advance();
      auto* a = node<Assert>(stmt_kind::Assert, start);
      a->test = expression();
      if (accept(token_kind::comma)) a->msg = expression();
      return finish(a);
    }
    default: return expression_statement();
  }
}

stmt* grammar::expression_statement() {
  const token& start = tok();
  const std::size_t start_index = i_;
  expr* e = at(token_kind::kw_yield) ? yield_expr() : star_expressions();
  binop op;
  if (at(token_kind::equal)) {
    auto* a = node<Assign>(stmt_kind::Assign, start);
    const std::size_t m = mark();  // pairs: target, index of its first token
    std::size_t target_token = start_index;
    while (accept(token_kind::equal)) {
      push(e);
      push_value(target_token);
      target_token = i_;
      e = at(token_kind::kw_yield) ? yield_expr() : star_expressions();
    }
    const std::size_t count = (mark() - m) / 2;
    try {
      for (std::size_t k = 0; k < count; ++k)
        assignment_target(reinterpret_cast<expr*>(scratch_[m + 2 * k]), scratch_[m + 2 * k + 1], count == 1);
    } catch (const syntax_error&) {
      // CPython's invalid_named_expression wins when a name is assigned something that is not
      // a plain operand (`x = a if b else c = 1`): it suggests '==' or ':=' at the name.
      for (std::size_t k = 0; k + 1 < count; ++k) {
        const expr* target = reinterpret_cast<expr*>(scratch_[m + 2 * k]);
        const expr* next = reinterpret_cast<expr*>(scratch_[m + 2 * k + 2]);
        const bool operand = !(next->kind == expr_kind::IfExp || next->kind == expr_kind::Compare ||
                               next->kind == expr_kind::BoolOp || next->kind == expr_kind::Lambda ||
                               (next->kind == expr_kind::UnaryOp && next->as<UnaryOp>().op == unaryop::Not));
        if (target->kind == expr_kind::Name && toks_[scratch_[m + 2 * k + 1]].kind == token_kind::name && !operand)
          error_at(target, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
      }
      throw;
    }
    for (std::size_t k = 0; k < count; ++k) scratch_[m + k] = scratch_[m + 2 * k];
    scratch_.resize(m + count);
    if (e->kind == expr_kind::Starred) error_at(e, "can't use starred expression here");
    a->targets = take<expr>(m);
    a->value = e;
    return finish(a);
  }
  if (augmented(kind(), op)) {
    if (e->kind != expr_kind::Name && e->kind != expr_kind::Attribute && e->kind != expr_kind::Subscript)
      error_at(e, std::string("'") + describe(e) + "' is an illegal expression for augmented assignment");
    to_store(e, expr_context::Store, false);
    advance();
    auto* a = node<AugAssign>(stmt_kind::AugAssign, start);
    a->target = e;
    a->op = op;
    a->value = at(token_kind::kw_yield) ? yield_expr() : star_expressions();
    return finish(a);
  }
  if (at(token_kind::colon)) {
    if (e->kind == expr_kind::Tuple) error_at(e, "only single target (not tuple) can be annotated");
    if (e->kind == expr_kind::List) error_at(e, "only single target (not list) can be annotated");
    if (e->kind != expr_kind::Name && e->kind != expr_kind::Attribute && e->kind != expr_kind::Subscript)
      error_at(e, "illegal target for annotation");
    to_store(e, expr_context::Store, false);
    advance();
    auto* a = node<AnnAssign>(stmt_kind::AnnAssign, start);
    a->target = e;
    a->simple = e->kind == expr_kind::Name && toks_[start_index].kind != token_kind::lpar;
    a->annotation = expression();
    if (accept(token_kind::equal)) a->value = at(token_kind::kw_yield) ? yield_expr() : star_expressions();
    return finish(a);
  }
  if (e->kind == expr_kind::Starred) error_at(e, "can't use starred expression here");
  if (e->kind == expr_kind::Name && starts_expression() && !at(token_kind::lpar) && !at(token_kind::minus) &&
      !at(token_kind::plus) && !at(token_kind::star) && !at(token_kind::tilde) && !at(token_kind::lsqb)) {
    const std::string_view id = e->as<Name>().id;
    if (id == "print" || id == "exec")
      error_at(e, "Missing parentheses in call to '" + std::string(id) + "'. Did you mean " + std::string(id) + "(...)?");
  }
  auto* s = node<Expr>(stmt_kind::Expr, start);
  s->value = e;
  return finish(s);
}

// One target of `targets = value`. CPython suggests '==' only for a sole target written at the
// level of a bitwise-or expression (a call, a literal, `-a`, anything parenthesised).
void grammar::assignment_target(expr* e, std::size_t first_token, bool sole) {
  const token& first = toks_[first_token];
  const bool parenthesised = first.kind == token_kind::lpar && (first.line != e->pos.lineno || first.col != e->pos.col_offset);
  if (e->kind == expr_kind::Starred) error_at(e, "starred assignment target must be in a list or tuple");
  if ((e->kind == expr_kind::Yield || e->kind == expr_kind::YieldFrom) && !parenthesised)
    error_at(e, "assignment to yield expression not possible");
  bool bitwise_level = true;
  switch (e->kind) {
    case expr_kind::Compare: case expr_kind::BoolOp: case expr_kind::IfExp: case expr_kind::Lambda:
    case expr_kind::Yield: case expr_kind::YieldFrom:
      bitwise_level = false;
      break;
    case expr_kind::UnaryOp: bitwise_level = e->as<UnaryOp>().op != unaryop::Not; break;
    default: break;
  }
  to_store(e, expr_context::Store, sole && (parenthesised || bitwise_level));
}

stmt* grammar::raise_statement() {
  const token& start = advance();
  auto* r = node<Raise>(stmt_kind::Raise, start);
  if (starts_expression()) {
    r->exc = expression();
    if (accept(token_kind::kw_from)) r->cause = expression();
  }
  return finish(r);
}

stmt* grammar::names_statement(stmt_kind k) {
  const token& start = advance();
  list<std::string_view>* names;
  stmt* g;
  if (k == stmt_kind::Global) {
    auto* n = node<Global>(k, start);
    names = &n->names;
    g = n;
  } else {
    auto* n = node<Nonlocal>(k, start);
    names = &n->names;
    g = n;
  }
  const std::size_t m = mark();
  do {
    if (!at(token_kind::name)) invalid_syntax();
    std::string_view* name = mem_.make<std::string_view>(identifier(advance()));
    push(name);
  } while (accept(token_kind::comma));
  const std::uint32_t count = static_cast<std::uint32_t>(mark() - m);
  *names = {mem_.make_array<std::string_view>(count), count};
  for (std::uint32_t k2 = 0; k2 < count; ++k2) names->items[k2] = *reinterpret_cast<std::string_view*>(scratch_[m + k2]);
  scratch_.resize(m);
  return finish(g);
}

// A dotted module name (a.b.c), copied into the arena as one string.
std::string_view grammar::dotted_name() {
  std::string name(expect_name());
  while (at(token_kind::dot)) {
    advance();
    name += '.';
    name += expect_name();
  }
  return mem_.copy(name);
}

stmt* grammar::import_statement() {
  const token& start = advance();
  auto* s = node<Import>(stmt_kind::Import, start);
  const std::size_t m = mark();
  do {
    const token& name_start = tok();
    auto* a = mem_.make<alias>();
    a->name = dotted_name();
    if (accept(token_kind::kw_as)) a->asname = expect_name();
    a->pos = {name_start.line, name_start.col, prev().end_line, prev().end_col};
    push(a);
  } while (accept(token_kind::comma));
  s->names = take<alias>(m);
  return finish(s);
}

stmt* grammar::from_import_statement() {
  const token& start = advance();
  auto* s = node<ImportFrom>(stmt_kind::ImportFrom, start);
  for (;;) {
    if (accept(token_kind::dot)) ++s->level;
    else if (accept(token_kind::ellipsis)) s->level += 3;
    else break;
  }
  if (!at(token_kind::kw_import)) s->module = dotted_name();
  if (!accept(token_kind::kw_import)) invalid_syntax();
  const std::size_t m = mark();
  if (at(token_kind::star)) {
    const token& star = advance();
    auto* a = mem_.make<alias>();
    a->name = "*";
    a->pos = at_token(star);
    push(a);
  } else {
    const bool parenthesised = accept(token_kind::lpar);
    do {
      if (parenthesised && at(token_kind::rpar)) break;
      if (!parenthesised && !at(token_kind::name) && mark() > m)
        error_at(tok(), "trailing comma not allowed without surrounding parentheses");
      const token& name_start = tok();
      auto* a = mem_.make<alias>();
      a->name = expect_name();
      if (accept(token_kind::kw_as)) a->asname = expect_name();
      a->pos = {name_start.line, name_start.col, prev().end_line, prev().end_col};
      push(a);
    } while (accept(token_kind::comma));
    if (parenthesised) expect(token_kind::rpar);
  }
  s->names = take<alias>(m);
  return finish(s);
}

}  // namespace asyncrace::python
