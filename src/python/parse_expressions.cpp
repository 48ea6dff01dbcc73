// Expressions, from tuples down to `await` primaries (CPython 3.11's expression rules; binary
// operators by precedence climbing).
#include "parser_grammar.hpp"

namespace asyncrace::python {

using namespace ast;

namespace {
struct binary_operator {
  int precedence;  // 0: not a binary operator
  binop op;
};
binary_operator binary_of(token_kind k) {
  switch (k) {
    case token_kind::vbar: return {1, binop::BitOr};
    case token_kind::circumflex: return {2, binop::BitXor};
    case token_kind::amper: return {3, binop::BitAnd};
    case token_kind::left_shift: return {4, binop::LShift};
    case token_kind::right_shift: return {4, binop::RShift};
    case token_kind::plus: return {5, binop::Add};
    case token_kind::minus: return {5, binop::Sub};
    case token_kind::star: return {6, binop::Mult};
    case token_kind::slash: return {6, binop::Div};
    case token_kind::double_slash: return {6, binop::FloorDiv};
    case token_kind::percent: return {6, binop::Mod};
    case token_kind::at: return {6, binop::MatMult};
    default: return {0, binop::Add};
  }
}
}  // namespace

expr* grammar::star_expressions() {
  const token& start = tok();
  expr* first = star_expression();
  if (!at(token_kind::comma)) return first;
  return tuple_tail(first, start, true);
}

expr* grammar::expressions() {
  const token& start = tok();
  expr* first = expression();
  if (!at(token_kind::comma)) return first;
  return tuple_tail(first, start, false);
}

// `first, ...`: the elements after the first, up to a token that cannot start one.
expr* grammar::tuple_tail(expr* first, const token& start, bool allow_star) {
  const std::size_t m = mark();
  push(first);
  while (accept(token_kind::comma)) {
    if (!starts_expression() || (!allow_star && at(token_kind::star))) break;
    push(allow_star ? star_expression() : expression());
  }
  auto* t = node<Tuple>(expr_kind::Tuple, start);
  t->elts = take<expr>(m);
  t->ctx = expr_context::Load;
  return finish(t);
}

expr* grammar::star_expression() {
  if (!at(token_kind::star)) return expression();
  const token& start = advance();
  auto* s = node<Starred>(expr_kind::Starred, start);
  s->value = binary(1);
  s->ctx = expr_context::Load;
  return finish(s);
}

expr* grammar::star_named_expression() {
  if (!at(token_kind::star)) return named_expression();
  return star_expression();
}

expr* grammar::named_expression() {
  if (at(token_kind::name) && kind_at(1) == token_kind::colon_equal) {
    const token& start = tok();
    auto* target = node<Name>(expr_kind::Name, start);
    target->id = identifier(advance());
    target->ctx = expr_context::Store;
    finish(target);
    advance();  // :=
    auto* n = node<NamedExpr>(expr_kind::NamedExpr, start);
    n->target = target;
    n->value = expression();
    return finish(n);
  }
  expr* e = expression();
  if (at(token_kind::colon_equal) && e->kind != expr_kind::Name)
    error_at(e, std::string("cannot use assignment expressions with ") + describe(e));
  return e;
}

expr* grammar::expression() {
  depth_guard guard(*this);
  if (at(token_kind::kw_lambda)) return lambdef();
  const token& start = tok();
  expr* body = disjunction();
  if (!at(token_kind::kw_if)) return body;
  advance();
  expr* test = disjunction();
  if (!accept(token_kind::kw_else)) {
    if (at(token_kind::newline) || at(token_kind::end_marker) || at(token_kind::rpar) || at(token_kind::comma) ||
        at(token_kind::rsqb) || at(token_kind::rbrace) || at(token_kind::colon) || at(token_kind::semi))
      error("expected 'else' after 'if' expression", start.line, start.col);
    invalid_syntax();
  }
  auto* n = node<IfExp>(expr_kind::IfExp, start);
  n->test = test;
  n->body = body;
  n->orelse = expression();
  return finish(n);
}

expr* grammar::disjunction() {
  const token& start = tok();
  expr* first = conjunction();
  if (!at(token_kind::kw_or)) return first;
  const std::size_t m = mark();
  push(first);
  while (accept(token_kind::kw_or)) push(conjunction());
  auto* n = node<BoolOp>(expr_kind::BoolOp, start);
  n->op = boolop::Or;
  n->values = take<expr>(m);
  return finish(n);
}

expr* grammar::conjunction() {
  const token& start = tok();
  expr* first = inversion();
  if (!at(token_kind::kw_and)) return first;
  const std::size_t m = mark();
  push(first);
  while (accept(token_kind::kw_and)) push(inversion());
  auto* n = node<BoolOp>(expr_kind::BoolOp, start);
  n->op = boolop::And;
  n->values = take<expr>(m);
  return finish(n);
}

expr* grammar::inversion() {
  if (!at(token_kind::kw_not)) return comparison();
  depth_guard guard(*this);
  const token& start = advance();
  auto* n = node<UnaryOp>(expr_kind::UnaryOp, start);
  n->op = unaryop::Not;
  n->operand = inversion();
  return finish(n);
}

expr* grammar::comparison() {
  const token& start = tok();
  expr* left = binary(1);
  const std::size_t ops = mark();  // pairs: operator, comparator
  for (;;) {
    cmpop op;
    switch (kind()) {
      case token_kind::equal_equal: op = cmpop::Eq; break;
      case token_kind::not_equal:
        if (text_of(tok()) != "!=") invalid_syntax();  // "<>" is only for barry_as_FLUFL
        op = cmpop::NotEq;
        break;
      case token_kind::less: op = cmpop::Lt; break;
      case token_kind::less_equal: op = cmpop::LtE; break;
      case token_kind::greater: op = cmpop::Gt; break;
      case token_kind::greater_equal: op = cmpop::GtE; break;
      case token_kind::kw_in: op = cmpop::In; break;
      case token_kind::kw_is:
        op = kind_at(1) == token_kind::kw_not ? (advance(), cmpop::IsNot) : cmpop::Is;
        break;
      case token_kind::kw_not:
        if (kind_at(1) != token_kind::kw_in) goto done;
        advance();
        op = cmpop::NotIn;
        break;
      default: goto done;
    }
    advance();
    push_value(static_cast<std::uintptr_t>(op));
    push(binary(1));
  }
done:
  if (mark() == ops) return left;
  auto* n = node<Compare>(expr_kind::Compare, start);
  n->left = left;
  const std::uint32_t count = static_cast<std::uint32_t>((mark() - ops) / 2);
  n->ops = {mem_.make_array<cmpop>(count), count};
  n->comparators = {mem_.make_array<expr*>(count), count};
  for (std::uint32_t k = 0; k < count; ++k) {
    n->ops.items[k] = static_cast<cmpop>(scratch_[ops + 2 * k]);
    n->comparators.items[k] = reinterpret_cast<expr*>(scratch_[ops + 2 * k + 1]);
  }
  scratch_.resize(ops);
  return finish(n);
}

expr* grammar::binary(int min_precedence) {
  depth_guard guard(*this);
  const token& start = tok();
  expr* left = factor();
  for (;;) {
    const binary_operator b = binary_of(kind());
    if (b.precedence < min_precedence || b.precedence == 0) return left;
    advance();
    expr* right = binary(b.precedence + 1);
    auto* n = node<BinOp>(expr_kind::BinOp, start);
    n->left = left;
    n->op = b.op;
    n->right = right;
    left = finish(n);
  }
}

expr* grammar::factor() {
  unaryop op;
  switch (kind()) {
    case token_kind::plus: op = unaryop::UAdd; break;
    case token_kind::minus: op = unaryop::USub; break;
    case token_kind::tilde: op = unaryop::Invert; break;
    default: return power();
  }
  depth_guard guard(*this);
  const token& start = advance();
  auto* n = node<UnaryOp>(expr_kind::UnaryOp, start);
  n->op = op;
  n->operand = factor();
  return finish(n);
}

expr* grammar::power() {
  const token& start = tok();
  expr* base;
  if (at(token_kind::kw_await)) {
    advance();
    auto* a = node<Await>(expr_kind::Await, start);
    a->value = primary();
    base = finish(a);
  } else {
    base = primary();
  }
  if (!accept(token_kind::double_star)) return base;
  auto* n = node<BinOp>(expr_kind::BinOp, start);
  n->left = base;
  n->op = binop::Pow;
  n->right = factor();
  return finish(n);
}

expr* grammar::primary() {
  depth_guard guard(*this);
  const token& start = tok();
  expr* e = atom();
  for (;;) {
    if (at(token_kind::dot)) {
      advance();
      auto* a = node<Attribute>(expr_kind::Attribute, start);
      a->value = e;
      a->attr = expect_name();
      a->ctx = expr_context::Load;
      e = finish(a);
    } else if (at(token_kind::lpar)) {
      e = call(e, start);
    } else if (at(token_kind::lsqb)) {
      advance();
      auto* s = node<Subscript>(expr_kind::Subscript, start);
      s->value = e;
      s->slice = slices();
      s->ctx = expr_context::Load;
      expect(token_kind::rsqb);
      e = finish(s);
    } else {
      return e;
    }
  }
}

expr* grammar::lambdef() {
  const token& start = advance();
  auto* n = node<Lambda>(expr_kind::Lambda, start);
  n->args = at(token_kind::colon) ? empty_arguments() : parameters(true);
  expect(token_kind::colon);
  n->body = expression();
  return finish(n);
}

expr* grammar::yield_expr() {
  const token& start = advance();
  if (accept(token_kind::kw_from)) {
    auto* n = node<YieldFrom>(expr_kind::YieldFrom, start);
    n->value = expression();
    return finish(n);
  }
  auto* n = node<Yield>(expr_kind::Yield, start);
  n->value = starts_expression() ? star_expressions() : nullptr;
  return finish(n);
}

}  // namespace asyncrace::python
