// symtable.c's expression walk: names, lambdas, comprehensions (3.11: nested functions taking
// ".0"), walrus targets, yield and await.
#include "scope_builder.hpp"

namespace asyncrace::python {

using namespace ast;

void scope_builder::expressions(const list<expr*>& items) {
  for (const expr* e : items)
    if (e) expression(e);
}

void scope_builder::named_expression(const expr* e) {
  const auto& n = e->as<NamedExpr>();
  const std::string_view target = n.target->as<Name>().id;
  if (cur_->kind == scope_kind::comprehension) {
    // The target binds in the nearest enclosing function (or module), not the comprehension.
    for (scope* s = cur_; s->kind == scope_kind::comprehension; s = s->parent) {
      auto it = s->index_.find(target);
      if (it != s->index_.end() && (s->symbols[it->second].flags & def_comp_iter))
        fail(symtable_error, "assignment expression cannot rebind comprehension iteration variable '" + std::string(target) + "'",
             n.target->pos);
    }
    scope* s = cur_;
    while (s->kind == scope_kind::comprehension) s = s->parent;
    if (s->kind == scope_kind::class_body) {
      fail(symtable_error, "assignment expression within a comprehension cannot be used in a class body", n.target->pos);
    } else {
      // symtable_extend_namedexpr_scope: the comprehension itself gets a nonlocal (or global)
      // binding, the function or module the real one.
      const bool module = s->kind == scope_kind::module;
      auto it = s->index_.find(target);
      const bool global = module || (it != s->index_.end() && (s->symbols[it->second].flags & def_global));
      def(target, global ? def_global : def_nonlocal, n.target->pos);
      scope* saved = cur_;
      cur_ = s;
      def(target, module ? def_global : def_local, n.target->pos);
      cur_ = saved;
    }
  } else {
    def(target, def_local, n.target->pos);
  }
  expression(n.value);
}

void scope_builder::comprehension(const expr* e, const list<ast::comprehension*>& generators, const expr* elt,
                                  const expr* value, std::string_view name) {
  expression(generators[0]->iter);  // evaluated in the enclosing scope
  scope* previous = cur_;
  const int previous_loops = loops_;
  scope* inner = open(scope_kind::comprehension, name, e, e->pos.lineno);
  inner->is_generator = e->kind == expr_kind::GeneratorExp;
  loops_ = 0;
  def(".0", def_param, e->pos);
  bool is_async = false;
  for (std::uint32_t k = 0; k < generators.size(); ++k) {
    const ast::comprehension* g = generators[k];
    is_async |= g->is_async;
    // Iteration targets: locals of the comprehension, remembered for the walrus rule.
    const std::size_t before = inner->symbols.size();
    expression(g->target);
    for (std::size_t s = before; s < inner->symbols.size(); ++s) inner->symbols[s].flags |= def_comp_iter;
    if (g->target->kind == expr_kind::Name) lookup(g->target->as<Name>().id).flags |= def_comp_iter;
    if (k > 0) expression(g->iter);
    expressions(g->ifs);
  }
  if (value) expression(value);  // DictComp: CPython visits the value before the key
  expression(elt);
  if (is_async) inner->is_coroutine = true;
  close(previous, previous_loops);
  if (inner->is_coroutine && e->kind != expr_kind::GeneratorExp && !in_async_function() &&
      !(cur_->kind == scope_kind::comprehension && cur_->is_coroutine) &&
      !(cur_->kind == scope_kind::module && options_.allow_top_level_await))
    fail(compiler_error, "asynchronous comprehension outside of an asynchronous function", e->pos);
}

void scope_builder::expression(const expr* e) {
  switch (e->kind) {
    case expr_kind::BoolOp: expressions(e->as<BoolOp>().values); break;
    case expr_kind::NamedExpr: named_expression(e); break;
    case expr_kind::BinOp:
      expression(e->as<BinOp>().left);
      expression(e->as<BinOp>().right);
      break;
    case expr_kind::UnaryOp: expression(e->as<UnaryOp>().operand); break;
    case expr_kind::Lambda: {
      const auto& l = e->as<Lambda>();
      defaults_and_annotations(l.args, false);
      scope* previous = cur_;
      const int previous_loops = loops_;
      open(scope_kind::lambda, "lambda", e, e->pos.lineno);
      loops_ = 0;
      parameters(l.args);
      expression(l.body);
      close(previous, previous_loops);
      break;
    }
    case expr_kind::IfExp:
      expression(e->as<IfExp>().test);
      expression(e->as<IfExp>().body);
      expression(e->as<IfExp>().orelse);
      break;
    case expr_kind::Dict:
      expressions(e->as<Dict>().keys);
      expressions(e->as<Dict>().values);
      break;
    case expr_kind::Set: expressions(e->as<Set>().elts); break;
    case expr_kind::ListComp: comprehension(e, e->as<ListComp>().generators, e->as<ListComp>().elt, nullptr, "listcomp"); break;
    case expr_kind::SetComp: comprehension(e, e->as<SetComp>().generators, e->as<SetComp>().elt, nullptr, "setcomp"); break;
    case expr_kind::GeneratorExp:
      comprehension(e, e->as<GeneratorExp>().generators, e->as<GeneratorExp>().elt, nullptr, "genexpr");
      break;
    case expr_kind::DictComp:
      comprehension(e, e->as<DictComp>().generators, e->as<DictComp>().key, e->as<DictComp>().value, "dictcomp");
      break;
    case expr_kind::Await:
      if (cur_->kind == scope_kind::module) {
        if (options_.allow_top_level_await) cur_->has_top_level_await = true;
        else fail(compiler_error, "'await' outside function", e->pos);
      } else if (cur_->kind == scope_kind::comprehension) {
        cur_->is_coroutine = true;
      } else if (!in_async_function()) {
        fail(compiler_error, cur_->function_like() ? "'await' outside async function" : "'await' outside function", e->pos);
      }
      expression(e->as<Await>().value);
      break;
    case expr_kind::Yield:
    case expr_kind::YieldFrom: {
      const bool from = e->kind == expr_kind::YieldFrom;
      if (cur_->kind == scope_kind::comprehension) {
        const char* what = cur_->name == "listcomp" ? "list comprehension" : cur_->name == "setcomp" ? "set comprehension"
                           : cur_->name == "dictcomp" ? "dict comprehension" : "generator expression";
        fail(symtable_error, std::string("'") + (from ? "yield from" : "yield") + "' inside " + what, e->pos);
      } else if (!cur_->function_like()) {
        fail(symtable_error, "'yield' outside function", e->pos);
      }
      cur_->is_generator = true;
      if (from && cur_->is_coroutine) fail(compiler_error, "'yield from' inside async function", e->pos);
      const expr* v = from ? e->as<YieldFrom>().value : e->as<Yield>().value;
      if (v) expression(v);
      break;
    }
    case expr_kind::Compare:
      expression(e->as<Compare>().left);
      expressions(e->as<Compare>().comparators);
      break;
    case expr_kind::Call:
      expression(e->as<Call>().func);
      expressions(e->as<Call>().args);
      for (const keyword* k : e->as<Call>().keywords) expression(k->value);
      break;
    case expr_kind::FormattedValue:
      expression(e->as<FormattedValue>().value);
      if (e->as<FormattedValue>().format_spec) expression(e->as<FormattedValue>().format_spec);
      break;
    case expr_kind::JoinedStr: expressions(e->as<JoinedStr>().values); break;
    case expr_kind::Constant: break;
    case expr_kind::Attribute: expression(e->as<Attribute>().value); break;
    case expr_kind::Subscript:
      expression(e->as<Subscript>().value);
      expression(e->as<Subscript>().slice);
      break;
    case expr_kind::Starred: expression(e->as<Starred>().value); break;
    case expr_kind::Name: {
      const auto& n = e->as<Name>();
      def(n.id, n.ctx == expr_context::Load ? def_use : def_local, e->pos);
      // super() finds its class through the __class__ cell (symtable.c, Name_kind).
      if (n.ctx == expr_context::Load && cur_->kind == scope_kind::function && n.id == "super")
        def("__class__", def_use, e->pos);
      break;
    }
    case expr_kind::List:
    case expr_kind::Tuple: {
      const bool list_display = e->kind == expr_kind::List;
      const auto& elts = list_display ? e->as<List>().elts : e->as<Tuple>().elts;
      const expr_context ctx = list_display ? e->as<List>().ctx : e->as<Tuple>().ctx;
      int starred = 0;
      for (const expr* x : elts) starred += x->kind == expr_kind::Starred;
      if (ctx == expr_context::Store && starred > 1) fail(compiler_error, "multiple starred expressions in assignment", e->pos);
      expressions(elts);
      break;
    }
    case expr_kind::Slice:
      if (e->as<Slice>().lower) expression(e->as<Slice>().lower);
      if (e->as<Slice>().upper) expression(e->as<Slice>().upper);
      if (e->as<Slice>().step) expression(e->as<Slice>().step);
      break;
  }
}

}  // namespace asyncrace::python
