// Atoms: names, constants, numbers, parenthesised forms, list/dict/set displays and their
// comprehensions, and subscripts' slices.
#include <cerrno>
#include <cstdlib>
#include <string>

#include "parser_grammar.hpp"

namespace asyncrace::python {

using namespace ast;

expr* grammar::atom() {
  const token& t = tok();
  switch (t.kind) {
    case token_kind::name: {
      advance();
      auto* n = node<Name>(expr_kind::Name, t);
      n->id = identifier(t);
      n->ctx = expr_context::Load;
      return finish(n);
    }
    case token_kind::kw_True:
    case token_kind::kw_False:
    case token_kind::kw_None:
    case token_kind::ellipsis: {
      advance();
      auto* c = node<Constant>(expr_kind::Constant, t);
      c->value_kind = t.kind == token_kind::kw_True    ? constant_kind::True
                      : t.kind == token_kind::kw_False ? constant_kind::False
                      : t.kind == token_kind::kw_None  ? constant_kind::None
                                                       : constant_kind::Ellipsis;
      return finish(c);
    }
    case token_kind::number: advance(); return number_literal(t);
    case token_kind::string: return strings();
    case token_kind::lpar: return paren_atom();
    case token_kind::lsqb: return list_atom();
    case token_kind::lbrace: return brace_atom();
    default: invalid_syntax();
  }
}

// After an element of a bracketed form, something that is neither ',' nor the closer: CPython
// says "Perhaps you forgot a comma?" when an expression follows (spanning both), else "invalid
// syntax".
void grammar::forgot_comma(const expr* before, std::size_t before_token) {
  const bool name_then_string = toks_[before_token].kind == token_kind::name && at(token_kind::string) &&
                                before_token + 1 == i_;
  if (starts_expression() && !at(token_kind::star) && !name_then_string) {
    const std::size_t saved = i_, saved_scratch = mark();
    bool ok = true;
    try {
      expression();
    } catch (const syntax_error&) {
      ok = false;
    }
    i_ = saved;
    scratch_.resize(saved_scratch);
    if (ok) error("invalid syntax. Perhaps you forgot a comma?", before->pos.lineno, before->pos.col_offset);
  }
  invalid_syntax();
}

expr* grammar::paren_atom() {
  const token& start = advance();
  if (at(token_kind::rpar)) {
    advance();
    auto* t = node<Tuple>(expr_kind::Tuple, start);
    t->ctx = expr_context::Load;
    return finish(t);
  }
  if (at(token_kind::kw_yield)) {
    expr* y = yield_expr();
    expect(token_kind::rpar);
    return y;
  }
  const std::size_t first_token = i_;
  expr* first = star_named_expression();
  if (at_comprehension()) {
    if (first->kind == expr_kind::Starred) error_at(first, "iterable unpacking cannot be used in comprehension");
    auto* g = node<GeneratorExp>(expr_kind::GeneratorExp, start);
    g->elt = first;
    g->generators = for_if_clauses();
    expect(token_kind::rpar);
    return finish(g);
  }
  if (accept(token_kind::rpar)) {
    if (first->kind == expr_kind::Starred) error_at(first, "cannot use starred expression here");
    return first;
  }
  if (!at(token_kind::comma)) forgot_comma(first, first_token);
  const std::size_t m = mark();
  push(first);
  while (accept(token_kind::comma)) {
    if (at(token_kind::rpar)) break;
    const std::size_t element_token = i_;
    expr* e = star_named_expression();
    push(e);
    if (!at(token_kind::comma) && !at(token_kind::rpar)) forgot_comma(e, element_token);
  }
  expect(token_kind::rpar);
  auto* t = node<Tuple>(expr_kind::Tuple, start);
  t->elts = take<expr>(m);
  t->ctx = expr_context::Load;
  return finish(t);
}

expr* grammar::list_atom() {
  const token& start = advance();
  const std::size_t m = mark();
  if (!at(token_kind::rsqb)) {
    const std::size_t first_token = i_;
    expr* first = star_named_expression();
    if (at_comprehension()) {
      if (first->kind == expr_kind::Starred) error_at(first, "iterable unpacking cannot be used in comprehension");
      auto* c = node<ListComp>(expr_kind::ListComp, start);
      c->elt = first;
      c->generators = for_if_clauses();
      expect(token_kind::rsqb);
      return finish(c);
    }
    push(first);
    if (!at(token_kind::comma) && !at(token_kind::rsqb)) forgot_comma(first, first_token);
    while (accept(token_kind::comma)) {
      if (at(token_kind::rsqb)) break;
      const std::size_t element_token = i_;
      expr* e = star_named_expression();
      push(e);
      if (!at(token_kind::comma) && !at(token_kind::rsqb)) forgot_comma(e, element_token);
    }
  }
  expect(token_kind::rsqb);
  auto* l = node<List>(expr_kind::List, start);
  l->elts = take<expr>(m);
  l->ctx = expr_context::Load;
  return finish(l);
}

expr* grammar::brace_atom() {
  const token& start = advance();
  if (accept(token_kind::rbrace)) return finish(node<Dict>(expr_kind::Dict, start));
  const std::size_t first_token = i_;
  expr* first = at(token_kind::double_star) ? nullptr : star_named_expression();
  if (first && !at(token_kind::colon)) {  // a set
    if (at_comprehension()) {
      if (first->kind == expr_kind::Starred) error_at(first, "iterable unpacking cannot be used in comprehension");
      auto* c = node<SetComp>(expr_kind::SetComp, start);
      c->elt = first;
      c->generators = for_if_clauses();
      expect(token_kind::rbrace);
      return finish(c);
    }
    const std::size_t m = mark();
    push(first);
    if (!at(token_kind::comma) && !at(token_kind::rbrace)) forgot_comma(first, first_token);
    while (accept(token_kind::comma)) {
      if (at(token_kind::rbrace)) break;
      const std::size_t element_token = i_;
      expr* e = star_named_expression();
      push(e);
      if (!at(token_kind::comma) && !at(token_kind::rbrace)) forgot_comma(e, element_token);
    }
    expect(token_kind::rbrace);
    auto* s = node<Set>(expr_kind::Set, start);
    s->elts = take<expr>(m);
    return finish(s);
  }
  // A dict: keys and values pushed in pairs (a nullptr key for **mapping).
  const std::size_t m = mark();
  for (bool first_entry = true;; first_entry = false) {
    if (!first_entry) {
      if (!accept(token_kind::comma)) {
        if (!at(token_kind::rbrace)) invalid_syntax();
        break;
      }
      if (at(token_kind::rbrace)) break;
    }
    if (accept(token_kind::double_star)) {
      push<expr>(nullptr);
      push(binary(1));
      continue;
    }
    expr* key = first_entry ? first : expression();
    if (key->kind == expr_kind::Starred) error_at(key, "cannot use a starred expression in a dictionary value");
    if (!accept(token_kind::colon)) error("':' expected after dictionary key", key->pos.end_lineno, key->pos.end_col_offset - 1);
    if (!starts_expression() || at(token_kind::star)) error_at(prev(), "expression expected after dictionary key and ':'");
    const std::size_t value_token = i_;
    expr* value = expression();
    if (!at(token_kind::comma) && !at(token_kind::rbrace) && !at_comprehension()) forgot_comma(value, value_token);
    push(key);
    push(value);
    if (first_entry && at_comprehension()) {
      scratch_.resize(m);
      auto* c = node<DictComp>(expr_kind::DictComp, start);
      c->key = key;
      c->value = value;
      c->generators = for_if_clauses();
      expect(token_kind::rbrace);
      return finish(c);
    }
  }
  expect(token_kind::rbrace);
  auto* d = node<Dict>(expr_kind::Dict, start);
  const std::uint32_t count = static_cast<std::uint32_t>((mark() - m) / 2);
  d->keys = {mem_.make_array<expr*>(count), count};
  d->values = {mem_.make_array<expr*>(count), count};
  for (std::uint32_t k = 0; k < count; ++k) {
    d->keys.items[k] = reinterpret_cast<expr*>(scratch_[m + 2 * k]);
    d->values.items[k] = reinterpret_cast<expr*>(scratch_[m + 2 * k + 1]);
  }
  scratch_.resize(m);
  return finish(d);
}

list<comprehension*> grammar::for_if_clauses() {
  const std::size_t m = mark();
  while (at_comprehension()) {
    auto* c = mem_.make<comprehension>();
    c->is_async = accept(token_kind::kw_async);
    advance();  // for
    c->target = star_targets();
    to_store(c->target, expr_context::Store, false);
    if (!accept(token_kind::kw_in)) invalid_syntax();
    c->iter = disjunction();
    const std::size_t ifs = mark();
    while (accept(token_kind::kw_if)) push(disjunction());
    c->ifs = take<expr>(ifs);
    push(c);
  }
  return take<comprehension>(m);
}

expr* grammar::number_literal(const token& t) {
  auto* c = node<Constant>(expr_kind::Constant, t);
  finish(c);
  std::string digits;
  for (char ch : text_of(t))
    if (ch != '_') digits += ch;
  const char last = digits.back();
  const bool radix = digits.size() > 1 && digits[0] == '0' && std::string("xXoObB").find(digits[1]) != std::string::npos;
  if (last == 'j' || last == 'J') {
    digits.pop_back();
    c->value_kind = constant_kind::Complex;
    c->float_value = std::strtod(digits.c_str(), nullptr);
  } else if (!radix && digits.find_first_of(".eE") != std::string::npos) {
    c->value_kind = constant_kind::Float;
    c->float_value = std::strtod(digits.c_str(), nullptr);
  } else {
    unsigned base = 10;
    std::string body = digits;
    if (radix) {
      const char b = static_cast<char>(digits[1] | 0x20);
      base = b == 'x' ? 16 : b == 'o' ? 8 : 2;
      body = digits.substr(2);
    }
    std::size_t first = body.find_first_not_of('0');
    body = first == std::string::npos ? "0" : body.substr(first);
    errno = 0;
    char* end = nullptr;
    const unsigned long long v = std::strtoull(body.c_str(), &end, static_cast<int>(base));
    if (errno == ERANGE || v > static_cast<unsigned long long>(INT64_MAX)) {
      c->value_kind = constant_kind::BigInt;
      c->base = static_cast<std::uint8_t>(base);
      c->text = mem_.copy(body);
    } else {
      c->value_kind = constant_kind::Int;
      c->int_value = static_cast<std::int64_t>(v);
    }
  }
  return c;
}

expr* grammar::slices() {
  const token& start = tok();
  expr* first = at(token_kind::star) ? star_expression() : slice();
  if (!at(token_kind::comma)) return first;
  const std::size_t m = mark();
  push(first);
  while (accept(token_kind::comma)) {
    if (at(token_kind::rsqb)) break;
    push(at(token_kind::star) ? star_expression() : slice());
  }
  auto* t = node<Tuple>(expr_kind::Tuple, start);
  t->elts = take<expr>(m);
  t->ctx = expr_context::Load;
  return finish(t);
}

expr* grammar::slice() {
  const token& start = tok();
  expr* lower = nullptr;
  if (!at(token_kind::colon)) {
    lower = named_expression();
    if (!at(token_kind::colon)) return lower;
  }
  advance();  // ':'
  auto* s = node<Slice>(expr_kind::Slice, start);
  s->lower = lower;
  auto bound = [&]() -> expr* {
    return starts_expression() && !at(token_kind::colon) && !at(token_kind::star) ? expression() : nullptr;
  };
  s->upper = bound();
  if (accept(token_kind::colon)) s->step = bound();
  return finish(s);
}

}  // namespace asyncrace::python
