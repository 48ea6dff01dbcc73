// symtable.c's walk (symtable_visit_stmt / symtable_visit_expr), with the compiler's scope errors.
#include "scope_builder.hpp"

namespace asyncrace::python {

using namespace ast;

scope* scope_builder::open(scope_kind kind, std::string_view name, const void* node, std::uint32_t lineno) {
  table_.all.push_back(std::make_unique<scope>());
  scope* s = table_.all.back().get();
  s->kind = kind;
  s->name = name;
  s->node = node;
  s->lineno = lineno;
  s->parent = cur_;
  if (cur_) cur_->children.push_back(s);
  table_.by_node[node] = s;
  cur_ = s;
  return s;
}

void scope_builder::close(scope* previous, int previous_loops) {
  cur_ = previous;
  loops_ = previous_loops;
}

symbol& scope_builder::lookup(std::string_view name) {
  auto [it, added] = cur_->index_.try_emplace(name, static_cast<std::uint32_t>(cur_->symbols.size()));
  if (added) cur_->symbols.push_back(symbol{name});
  return cur_->symbols[it->second];
}

void scope_builder::fail(std::optional<syntax_error>& slot, const std::string& message, const position& where) {
  if (slot) return;  // the first error of its pass wins
  syntax_error e;
  e.message = message;
  e.line = where.lineno;
  e.column = where.col_offset + 1;  // symtable.c and the compiler count bytes here, not characters
  slot = std::move(e);
}

void scope_builder::def(std::string_view name, std::uint16_t flag, const position& where) {
  symbol& s = lookup(name);
  if ((flag & def_param) && (s.flags & def_param))
    fail(symtable_error, "duplicate argument '" + std::string(name) + "' in function definition", where);
  s.flags |= flag;
  if (flag & def_param) {
    s.parameter = true;
    cur_->locals.push_back(name);
    ++cur_->parameter_count;
  }
  if ((flag & def_global) && cur_ != table_.all[0].get()) {
    // symtable.c records every `global` in the module's own table too (st_global).
    scope* saved = cur_;
    cur_ = table_.all[0].get();
    lookup(name).flags |= def_global;
    cur_ = saved;
  }
  if (flag & def_bound) s.assigned = true;
  if (flag & def_use) s.referenced = true;
}

bool scope_builder::in_async_function() const {
  return cur_->kind == scope_kind::function && cur_->is_coroutine;
}

void scope_builder::build(const Module& module) {
  open(scope_kind::module, "top", &module, 0);
  statements(module.body);
}

void scope_builder::statements(const list<stmt*>& body) {
  for (const stmt* s : body) statement(s);
}

void scope_builder::name_declaration(const stmt* s, bool global) {
  const list<std::string_view>& names = global ? s->as<Global>().names : s->as<Nonlocal>().names;
  const char* word = global ? "global" : "nonlocal";
  if (!global && cur_->kind == scope_kind::module) fail(symtable_error, "nonlocal declaration not allowed at module level", s->pos);
  for (std::string_view name : names) {
    const std::uint16_t flags = lookup(name).flags;
    const std::string n(name);
    if (flags & (def_param | def_local | def_use | def_annot)) {
      if (flags & def_param) fail(symtable_error, "name '" + n + "' is parameter and " + word, s->pos);
      else if (flags & def_use) fail(symtable_error, "name '" + n + "' is used prior to " + word + " declaration", s->pos);
      else if (flags & def_annot) fail(symtable_error, "annotated name '" + n + "' can't be " + word, s->pos);
      else fail(symtable_error, "name '" + n + "' is assigned to before " + word + " declaration", s->pos);
    }
    def(name, global ? def_global : def_nonlocal, s->pos);
    cur_->directives_.try_emplace(name, s->pos);
  }
}

void scope_builder::statement(const stmt* s) {
  switch (s->kind) {
    case stmt_kind::FunctionDef:
    case stmt_kind::AsyncFunctionDef: function(s); break;
    case stmt_kind::ClassDef: class_body(s); break;
    case stmt_kind::Return:
      if (!cur_->function_like()) fail(compiler_error, "'return' outside function", s->pos);
      if (s->as<Return>().value) {
        expression(s->as<Return>().value);
        if (!return_with_value_) return_with_value_ = &s->pos;
      }
      break;
    case stmt_kind::Delete: expressions(s->as<Delete>().targets); break;
    case stmt_kind::Assign:
      expressions(s->as<Assign>().targets);
      expression(s->as<Assign>().value);
      break;
    case stmt_kind::AugAssign:
      expression(s->as<AugAssign>().target);
      expression(s->as<AugAssign>().value);
      break;
    case stmt_kind::AnnAssign: {
      const auto& a = s->as<AnnAssign>();
      if (a.target->kind == expr_kind::Name && a.simple) {
        const std::string_view name = a.target->as<Name>().id;
        if (lookup(name).flags & (def_global | def_nonlocal))
          fail(symtable_error, "annotated name '" + std::string(name) + "' can't be " +
                                   ((lookup(name).flags & def_global) ? "global" : "nonlocal"), s->pos);
        def(name, def_annot | def_local, a.target->pos);
      } else {
        expression(a.target);
      }
      expression(a.annotation);
      if (a.value) expression(a.value);
      break;
    }
    case stmt_kind::For:
    case stmt_kind::AsyncFor: {
      const auto& f = s->as<For>();
      if (f.is_async() && !in_async_function() && !(cur_->kind == scope_kind::module && options_.allow_top_level_await))
        fail(compiler_error, "'async for' outside async function", s->pos);
      if (f.is_async() && cur_->kind == scope_kind::module) cur_->has_top_level_await = true;
      expression(f.target);
      expression(f.iter);
      ++loops_;
      statements(f.body);
      --loops_;
      statements(f.orelse);
      break;
    }
    case stmt_kind::While:
      expression(s->as<While>().test);
      ++loops_;
      statements(s->as<While>().body);
      --loops_;
      statements(s->as<While>().orelse);
      break;
    case stmt_kind::If:
      expression(s->as<If>().test);
      statements(s->as<If>().body);
      statements(s->as<If>().orelse);
      break;
    case stmt_kind::With:
    case stmt_kind::AsyncWith: {
      const auto& w = s->as<With>();
      if (w.is_async() && !in_async_function() && !(cur_->kind == scope_kind::module && options_.allow_top_level_await))
        fail(compiler_error, "'async with' outside async function", s->pos);
      if (w.is_async() && cur_->kind == scope_kind::module) cur_->has_top_level_await = true;
      for (const withitem* item : w.items) {
        expression(item->context_expr);
        if (item->optional_vars) expression(item->optional_vars);
      }
      statements(w.body);
      break;
    }
    case stmt_kind::Raise:
      if (s->as<Raise>().exc) expression(s->as<Raise>().exc);
      if (s->as<Raise>().cause) expression(s->as<Raise>().cause);
      break;
    case stmt_kind::Try:
    case stmt_kind::TryStar: {
      const auto& t = s->as<Try>();
      statements(t.body);
      for (const excepthandler* h : t.handlers) {
        if (h->type) expression(h->type);
        if (!h->name.empty()) def(h->name, def_local, h->pos);
        statements(h->body);
      }
      statements(t.orelse);
      statements(t.finalbody);
      break;
    }
    case stmt_kind::Assert:
      expression(s->as<Assert>().test);
      if (s->as<Assert>().msg) expression(s->as<Assert>().msg);
      break;
    case stmt_kind::Import:
    case stmt_kind::ImportFrom: {
      const list<alias*>& names = s->kind == stmt_kind::Import ? s->as<Import>().names : s->as<ImportFrom>().names;
      for (const alias* a : names) {
        if (a->name == "*") {
          if (cur_->kind != scope_kind::module) fail(symtable_error, "import * only allowed at module level", a->pos);
          continue;
        }
        std::string_view bound = a->asname.empty() ? a->name.substr(0, a->name.find('.')) : a->asname;
        def(bound, def_import, a->pos);
      }
      break;
    }
    case stmt_kind::Global: name_declaration(s, true); break;
    case stmt_kind::Nonlocal: name_declaration(s, false); break;
    case stmt_kind::Expr: expression(s->as<Expr>().value); break;
    case stmt_kind::Pass: break;
    case stmt_kind::Break:
      if (loops_ == 0) fail(compiler_error, "'break' outside loop", s->pos);
      break;
    case stmt_kind::Continue:
      if (loops_ == 0) fail(compiler_error, "'continue' not properly in loop", s->pos);
      break;
  }
}

void scope_builder::defaults_and_annotations(const arguments* a, bool annotations) {
  expressions(a->defaults);
  for (const expr* d : a->kw_defaults)
    if (d) expression(d);
  if (!annotations) return;
  auto annotate = [&](const arg* p) {
    if (p && p->annotation) expression(p->annotation);
  };
  for (const arg* p : a->posonlyargs) annotate(p);
  for (const arg* p : a->args) annotate(p);
  annotate(a->vararg);
  for (const arg* p : a->kwonlyargs) annotate(p);
  annotate(a->kwarg);
}

void scope_builder::parameters(const arguments* a) {
  for (const arg* p : a->posonlyargs) def(p->name, def_param, p->pos);
  for (const arg* p : a->args) def(p->name, def_param, p->pos);
  for (const arg* p : a->kwonlyargs) def(p->name, def_param, p->pos);
  if (a->vararg) def(a->vararg->name, def_param, a->vararg->pos);
  if (a->kwarg) def(a->kwarg->name, def_param, a->kwarg->pos);
}

void scope_builder::function(const stmt* s) {
  const auto& f = s->as<FunctionDef>();
  def(f.name, def_local, s->pos);
  defaults_and_annotations(f.args, true);
  if (f.returns) expression(f.returns);
  expressions(f.decorator_list);
  scope* previous = cur_;
  const int previous_loops = loops_;
  const position* previous_return = return_with_value_;
  return_with_value_ = nullptr;
  scope* inner = open(scope_kind::function, f.name, s, s->pos.lineno);
  inner->is_coroutine = f.is_async();
  loops_ = 0;
  parameters(f.args);
  statements(f.body);
  if (inner->is_coroutine && inner->is_generator) {
    inner->is_async_generator = true;
    if (return_with_value_) fail(compiler_error, "'return' with value in async generator", *return_with_value_);
  }
  return_with_value_ = previous_return;
  close(previous, previous_loops);
}

void scope_builder::class_body(const stmt* s) {
  const auto& c = s->as<ClassDef>();
  def(c.name, def_local, s->pos);
  expressions(c.bases);
  for (const keyword* k : c.keywords) expression(k->value);
  expressions(c.decorator_list);
  scope* previous = cur_;
  const int previous_loops = loops_;
  open(scope_kind::class_body, c.name, s, s->pos.lineno);
  loops_ = 0;
  statements(c.body);
  close(previous, previous_loops);
}

}  // namespace asyncrace::python
