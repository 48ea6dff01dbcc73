// A call's arguments and a def's or lambda's parameters, with CPython 3.11's messages for
// misplaced ones.
#include "parser_grammar.hpp"

namespace asyncrace::python {

using namespace ast;

expr* grammar::call(expr* func, const token& start) {
  const token& open = advance();  // '('
  auto* c = node<Call>(expr_kind::Call, start);
  c->func = func;
  const std::size_t args = mark();
  std::vector<keyword*> keywords;  // rare enough beside the args not to need the scratch stack
  bool after_keyword = false, after_double_star = false;
  while (!at(token_kind::rpar)) {
    const token& arg_start = tok();
    if (at(token_kind::double_star)) {
      advance();
      auto* k = mem_.make<keyword>();
      k->value = expression();
      k->pos = span(at_token(arg_start), k->value->pos);
      keywords.push_back(k);
      after_double_star = true;
    } else if ((at(token_kind::kw_True) || at(token_kind::kw_False) || at(token_kind::kw_None)) && kind_at(1) == token_kind::equal) {
      error_at(tok(), "cannot assign to " + std::string(text_of(tok())));
    } else if (at(token_kind::name) && kind_at(1) == token_kind::equal) {
      auto* k = mem_.make<keyword>();
      k->arg = identifier(advance());
      for (const keyword* other : keywords)
        if (other->arg == k->arg) error_at(arg_start, "keyword argument repeated: " + std::string(k->arg));
      advance();  // '='
      k->value = expression();
      k->pos = span(at_token(arg_start), k->value->pos);
      keywords.push_back(k);
      after_keyword = true;
    } else {
      expr* e = at(token_kind::star) ? star_expression() : named_expression();
      if (e->kind == expr_kind::Starred) {
        if (after_double_star) error_at(e, "iterable argument unpacking follows keyword argument unpacking");
      } else if (at(token_kind::equal)) {
        error_at(e, "expression cannot contain assignment, perhaps you meant \"==\"?");
      } else if (after_double_star) {
        error_at(tok(), "positional argument follows keyword argument unpacking");
      } else if (after_keyword) {
        error_at(tok(), "positional argument follows keyword argument");
      }
      if (at_comprehension()) {
        if (!func) invalid_syntax();  // class bases: no generator argument
        if (e->kind == expr_kind::Starred) error_at(e, "iterable unpacking cannot be used in comprehension");
        auto* g = node<GeneratorExp>(expr_kind::GeneratorExp, open);
        g->elt = e;
        g->generators = for_if_clauses();
        if (mark() != args || !keywords.empty() || !at(token_kind::rpar)) {
          if (at(token_kind::rpar) || at(token_kind::comma))
            error("Generator expression must be parenthesized", e->pos.lineno, e->pos.col_offset);
          invalid_syntax();
        }
        advance();  // ')': a sole generator argument spans the call's parentheses
        finish(g);
        push(g);
        c->args = take<expr>(args);
        return finish(c);
      }
      push(e);
    }
    if (!accept(token_kind::comma)) {
      if (!at(token_kind::rpar)) {
        const expr* last = mark() > args ? reinterpret_cast<expr*>(scratch_.back()) : nullptr;
        if (!keywords.empty() && (mark() == args || keywords.back()->pos.col_offset > last->pos.col_offset ||
                                  keywords.back()->pos.lineno > last->pos.lineno))
          last = keywords.back()->value;
        if (last) {
          std::size_t last_token = i_ - 1;
          while (last_token > 0 && (toks_[last_token].line != last->pos.lineno || toks_[last_token].col != last->pos.col_offset))
            --last_token;
          forgot_comma(last, last_token);
        }
        invalid_syntax();
      }
      break;
    }
  }
  advance();  // ')'
  c->args = take<expr>(args);
  const std::size_t kw = mark();
  for (keyword* k : keywords) push(k);
  c->keywords = take<keyword>(kw);
  return finish(c);
}

arguments* grammar::empty_arguments() { return mem_.make<arguments>(); }

arg* grammar::parameter(bool is_lambda, bool allow_annotation) {
  const token& start = tok();
  if (!at(token_kind::name)) invalid_syntax();
  auto* a = mem_.make<arg>();
  a->name = identifier(advance());
  if (!is_lambda && allow_annotation && accept(token_kind::colon)) a->annotation = expression();
  a->pos = {start.line, start.col, prev().end_line, prev().end_col};
  return a;
}

// Parameters up to (not including) the closing ')' of a def or the ':' of a lambda.
arguments* grammar::parameters(bool is_lambda) {
  const token_kind closer = is_lambda ? token_kind::colon : token_kind::rpar;
  auto* a = mem_.make<arguments>();
  const std::size_t positional = mark();
  std::size_t posonly_count = 0;
  const std::size_t defaults_mark_holder = 0;
  (void)defaults_mark_holder;
  std::vector<expr*> defaults, kw_defaults;
  std::vector<arg*> kwonly;
  bool star_seen = false;
  while (!at(closer)) {
    if (at(token_kind::slash)) {
      const token& slash = advance();
      if (star_seen) error_at(slash, "/ must be ahead of *");
      if (mark() == positional) error_at(slash, "at least one argument must precede /");
      if (posonly_count) error_at(slash, "/ may appear only once");
      posonly_count = mark() - positional;
    } else if (at(token_kind::star)) {
      const token& star = advance();
      if (star_seen) error_at(star, "* argument may appear only once");
      star_seen = true;
      if (at(token_kind::comma) || at(closer)) {
        if (at(closer) || kind_at(1) == closer || kind_at(1) == token_kind::double_star)
          error_at(star, "named arguments must follow bare *");
      } else {
        a->vararg = parameter(is_lambda, true);
        if (at(token_kind::equal)) error_at(tok(), "var-positional argument cannot have default value");
      }
    } else if (at(token_kind::double_star)) {
      advance();
      a->kwarg = parameter(is_lambda, true);
      if (at(token_kind::equal)) error_at(tok(), "var-keyword argument cannot have default value");
      accept(token_kind::comma);
      if (!at(closer)) {
        if (at(token_kind::name) || at(token_kind::star) || at(token_kind::double_star) || at(token_kind::slash))
          error_at(tok(), "arguments cannot follow var-keyword argument");
        invalid_syntax();
      }
      break;
    } else {
      arg* p = parameter(is_lambda, true);
      expr* dflt = nullptr;
      if (accept(token_kind::equal)) dflt = expression();
      if (star_seen) {
        kwonly.push_back(p);
        kw_defaults.push_back(dflt);
      } else {
        if (!dflt && !defaults.empty()) error_at(toks_[i_ - 1].kind == token_kind::name ? prev() : tok(), "non-default argument follows default argument");
        if (dflt) defaults.push_back(dflt);
        push(p);
      }
    }
    if (!accept(token_kind::comma)) {
      if (!at(closer)) invalid_syntax();
      break;
    }
  }
  list<arg*> all = take<arg>(positional);
  a->posonlyargs = {all.items, static_cast<std::uint32_t>(posonly_count)};
  a->args = {all.items + posonly_count, static_cast<std::uint32_t>(all.count - posonly_count)};
  std::size_t m = mark();
  for (arg* k : kwonly) push(k);
  a->kwonlyargs = take<arg>(m);
  m = mark();
  for (expr* d : kw_defaults) push(d);
  a->kw_defaults = take<expr>(m);
  m = mark();
  for (expr* d : defaults) push(d);
  a->defaults = take<expr>(m);
  return a;
}

}  // namespace asyncrace::python
