// Assignment, deletion and loop targets: an expression parsed as a load becomes a store (or del),
// or CPython 3.11's "cannot assign to ..." error for what cannot be one.
#include "parser_grammar.hpp"

namespace asyncrace::python {

using namespace ast;

const char* grammar::describe(const expr* e) {
  switch (e->kind) {
    case expr_kind::Constant:
      switch (e->as<Constant>().value_kind) {
        case constant_kind::True: return "True";
        case constant_kind::False: return "False";
        case constant_kind::None: return "None";
        case constant_kind::Ellipsis: return "ellipsis";
        default: return "literal";
      }
    case expr_kind::Call: return "function call";
    case expr_kind::BoolOp:
    case expr_kind::BinOp:
    case expr_kind::UnaryOp: return "expression";
    case expr_kind::Compare: return "comparison";
    case expr_kind::IfExp: return "conditional expression";
    case expr_kind::Lambda: return "lambda";
    case expr_kind::Await: return "await expression";
    case expr_kind::Yield:
    case expr_kind::YieldFrom: return "yield expression";
    case expr_kind::NamedExpr: return "named expression";
    case expr_kind::GeneratorExp: return "generator expression";
    case expr_kind::ListComp: return "list comprehension";
    case expr_kind::SetComp: return "set comprehension";
    case expr_kind::DictComp: return "dict comprehension";
    case expr_kind::Dict: return "dict literal";
    case expr_kind::Set: return "set display";
    case expr_kind::JoinedStr:
    case expr_kind::FormattedValue: return "f-string expression";
    case expr_kind::Attribute: return "attribute";
    case expr_kind::Subscript: return "subscript";
    case expr_kind::Starred: return "starred";
    case expr_kind::Name: return "name";
    case expr_kind::List: return "list";
    case expr_kind::Tuple: return "tuple";
    case expr_kind::Slice: return "slice";
  }
  return "expression";
}

// `assignment_statement`: the target of `target = value`, where CPython suggests '==' for a
// target that cannot be one.
void grammar::to_store(expr* e, expr_context ctx, bool assignment_statement) {
  const bool del = ctx == expr_context::Del;
  switch (e->kind) {
    case expr_kind::Name:
      if (e->as<Name>().id == "__debug__") error_at(e, del ? "cannot delete __debug__" : "cannot assign to __debug__");
      e->as<Name>().ctx = ctx;
      return;
    case expr_kind::Attribute:
      if (!del && e->as<Attribute>().attr == "__debug__") error_at(e, "cannot assign to __debug__");
      e->as<Attribute>().ctx = ctx;
      return;
    case expr_kind::Subscript: e->as<Subscript>().ctx = ctx; return;
    case expr_kind::Starred:
      if (del) error_at(e, "cannot delete starred");
      e->as<Starred>().ctx = ctx;
      to_store(e->as<Starred>().value, ctx, false);
      return;
    case expr_kind::Tuple:
      e->as<Tuple>().ctx = ctx;
      for (expr* x : e->as<Tuple>().elts) to_store(x, ctx, false);
      return;
    case expr_kind::List:
      e->as<List>().ctx = ctx;
      for (expr* x : e->as<List>().elts) to_store(x, ctx, false);
      return;
    default: break;
  }
  const std::string what = describe(e);
  if (del) error_at(e, "cannot delete " + what);
  if (e->kind == expr_kind::Constant && (what == "True" || what == "False" || what == "None"))
    error_at(e, "cannot assign to " + what);
  if (assignment_statement) error_at(e, "cannot assign to " + what + " here. Maybe you meant '==' instead of '='?");
  error_at(e, "cannot assign to " + what);
}

expr* grammar::target_element() {
  if (!at(token_kind::star)) return binary(1);
  const token& start = advance();
  auto* s = node<Starred>(expr_kind::Starred, start);
  s->value = binary(1);
  s->ctx = expr_context::Store;
  return finish(s);
}

// `for` and comprehension targets: a, *b, c[0] — bitwise-or expressions, so `in` ends them.
expr* grammar::star_targets() {
  const token& start = tok();
  expr* first = target_element();
  if (!at(token_kind::comma)) return first;
  const std::size_t m = mark();
  push(first);
  while (accept(token_kind::comma)) {
    if (at(token_kind::kw_in) || !starts_expression()) break;
    push(target_element());
  }
  auto* t = node<Tuple>(expr_kind::Tuple, start);
  t->elts = take<expr>(m);
  t->ctx = expr_context::Store;
  return finish(t);
}

}  // namespace asyncrace::python
