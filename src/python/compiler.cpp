#include "compiler.hpp"

#include <algorithm>

#include "compiler_unit.hpp"
#include "parser.hpp"

namespace asyncrace::python {

void compiler::push_unit(const scope& s, const ast::arguments* args, std::string nm, std::string qualname, unsigned first_line) {
  unit n;
  n.co = std::make_shared<code>();
  n.scope = &s;
  n.co->name = std::move(nm);
  n.co->qualname = std::move(qualname);
  n.co->filename = src_.name();
  n.co->first_line = first_line;
  n.line = first_line;
  if (s.function_like()) {
    for (std::string_view l : s.locals) {
      n.local_slot.emplace(std::string(l), static_cast<std::uint32_t>(n.co->varnames.size()));
      n.co->varnames.emplace_back(l);
    }
  }
  std::vector<std::string_view> cells(s.cellvars.begin(), s.cellvars.end());
  // A class whose methods use super() / __class__ holds that cell (build_class fills it).
  if (s.needs_class_cell && std::find(cells.begin(), cells.end(), "__class__") == cells.end()) cells.push_back("__class__");
  for (std::string_view c : cells) {
    n.cell_slot.emplace(std::string(c), static_cast<std::uint32_t>(n.co->cellvars.size()));
    n.co->cellvars.emplace_back(c);
    const symbol* sym = s.find(c);
    n.co->cell_param.push_back(sym && sym->parameter ? sym->slot : -1);
  }
  for (std::string_view f : s.freevars) {
    n.cell_slot.emplace(std::string(f), static_cast<std::uint32_t>(n.co->cellvars.size() + n.co->freevars.size()));
    n.co->freevars.emplace_back(f);
  }
  if (args) {
    n.co->posonly = args->posonlyargs.size();
    n.co->argcount = args->posonlyargs.size() + args->args.size();
    n.co->kwonly = args->kwonlyargs.size();
    if (args->vararg) n.co->flags |= code::varargs;
    if (args->kwarg) n.co->flags |= code::varkeywords;
  } else if (s.kind == scope_kind::comprehension) {
    n.co->argcount = 1;  // .0
  }
  if (s.is_async_generator) n.co->flags |= code::async_generator;
  else if (s.is_generator) n.co->flags |= code::generator;
  else if (s.is_coroutine) n.co->flags |= code::coroutine;
  if (s.kind == scope_kind::class_body) n.co->flags |= code::class_body;
  if (s.kind == scope_kind::module) n.co->flags |= code::module;
  units_.push_back(std::move(n));
}

std::shared_ptr<code> compiler::pop_unit() {
  unit& n = u();
  for (auto [at, label] : n.jumps) n.co->code[at].arg = n.label_at[label];
  compute_stack_size(*n.co);
  std::shared_ptr<code> co = std::move(n.co);
  units_.pop_back();
  return co;
}

std::string compiler::qualname_for(const std::string& nm) const {
  // CPython's __qualname__: enclosing functions add ".<locals>", classes their name.
  if (units_.empty()) return nm;
  const unit& parent = units_.back();
  if (parent.scope->kind == scope_kind::module) return nm;
  if (parent.scope->kind == scope_kind::class_body) return parent.co->qualname + "." + nm;
  return parent.co->qualname + ".<locals>." + nm;
}

std::uint32_t compiler::new_label() {
  u().label_at.push_back(~0u);
  return static_cast<std::uint32_t>(u().label_at.size() - 1);
}

void compiler::place(std::uint32_t label) { u().label_at[label] = static_cast<std::uint32_t>(u().co->code.size()); }

void compiler::emit(op o, std::uint32_t arg) {
  u().co->code.push_back({o, arg});
  u().co->lines.push_back(u().line);
  u().co->spans.push_back(u().span);
}

void compiler::emit_jump(op o, std::uint32_t label) {
  u().jumps.emplace_back(static_cast<std::uint32_t>(u().co->code.size()), label);
  emit(o, 0);
}

std::uint32_t compiler::add_const(constant c) {
  u().co->consts.push_back(std::move(c));
  return static_cast<std::uint32_t>(u().co->consts.size() - 1);
}

std::uint32_t compiler::const_none() {
  auto it = u().const_str.find("\x01none");
  if (it != u().const_str.end()) return it->second;
  std::uint32_t i = add_const(constant{});
  u().const_str.emplace("\x01none", i);
  return i;
}

std::uint32_t compiler::const_str(std::string_view s) {
  std::string key = "\x02" + std::string(s);
  auto it = u().const_str.find(key);
  if (it != u().const_str.end()) return it->second;
  constant c;
  c.tag = constant::kind::str;
  c.s = std::string(s);
  std::uint32_t i = add_const(std::move(c));
  u().const_str.emplace(std::move(key), i);
  return i;
}

std::uint32_t compiler::name(std::string_view n) {
  auto it = u().name_index.find(std::string(n));
  if (it != u().name_index.end()) return it->second;
  u().co->names.emplace_back(n);
  auto i = static_cast<std::uint32_t>(u().co->names.size() - 1);
  u().name_index.emplace(std::string(n), i);
  return i;
}

void compiler::error(const ast::position& p, std::string message) const {
  throw syntax_error{"SyntaxError", std::move(message), p.lineno, p.col_offset + 1, p.end_lineno, p.end_col_offset + 1};
}

name_kind compiler::kind_of(std::string_view n) const {
  const symbol* sym = u_const().scope->find(n);
  return sym ? sym->kind : name_kind::global_implicit;
}

void compiler::load_name(std::string_view n) {
  const name_kind k = kind_of(n);
  if (at_module()) return emit(op::load_global, name(n));
  if (in_class()) {
    if (k == name_kind::free) return emit(op::load_class_deref, u().cell_slot.at(std::string(n)));
    if (k == name_kind::global_explicit) return emit(op::load_global, name(n));
    return emit(op::load_name, name(n));
  }
  switch (k) {
    case name_kind::local: return emit(op::load_fast, u().local_slot.at(std::string(n)));
    case name_kind::cell:
    case name_kind::free: return emit(op::load_deref, u().cell_slot.at(std::string(n)));
    default: return emit(op::load_global, name(n));
  }
}

void compiler::store_name(std::string_view n) {
  const name_kind k = kind_of(n);
  if (at_module()) return emit(op::store_global, name(n));
  if (in_class()) {
    if (k == name_kind::global_explicit) return emit(op::store_global, name(n));
    if (k == name_kind::cell || k == name_kind::free) return emit(op::store_deref, u().cell_slot.at(std::string(n)));
    return emit(op::store_name, name(n));
  }
  switch (k) {
    case name_kind::local: return emit(op::store_fast, u().local_slot.at(std::string(n)));
    case name_kind::cell:
    case name_kind::free: return emit(op::store_deref, u().cell_slot.at(std::string(n)));
    default: return emit(op::store_global, name(n));
  }
}

void compiler::delete_name(std::string_view n) {
  const name_kind k = kind_of(n);
  if (at_module()) return emit(op::delete_global, name(n));
  if (in_class()) return emit(op::delete_name, name(n));
  switch (k) {
    case name_kind::local: return emit(op::delete_fast, u().local_slot.at(std::string(n)));
    case name_kind::cell:
    case name_kind::free: return emit(op::delete_deref, u().cell_slot.at(std::string(n)));
    default: return emit(op::delete_global, name(n));
  }
}

bool compiler::ends_cell(const ast::list<ast::stmt*>& b, std::uint32_t i) const {
  if (i + 1 >= b.size()) return true;
  // A line "# --- ..." between this statement's end and the next statement starts a new cell.
  for (unsigned line = b[i]->pos.end_lineno + 1; line < b[i + 1]->pos.lineno; ++line)
    if (src_.line(line).rfind("# --- ", 0) == 0) return true;
  return false;
}

std::shared_ptr<const code> compiler::module(const ast::Module& m) {
  push_unit(scopes_.module(), nullptr, "<module>", "<module>", 1);
  for (std::uint32_t i = 0; i < m.body.size(); ++i) {
    const ast::stmt* s = m.body[i];
    if (notebook_ && s->kind == ast::stmt_kind::Expr && ends_cell(m.body, i)) {
      set_line(s->pos);
      expr(s->as<ast::Expr>().value);
      emit(op::print_expr);
      continue;
    }
    stmt(s);
  }
  emit(op::load_const, const_none());
  emit(op::return_value);
  return pop_unit();
}

std::shared_ptr<const code> compile_module(const ast::tree& tree, const source_file& src, const compile_options& o) {
  scope_options so;
  so.allow_top_level_await = o.notebook;
  scope_table scopes = analyze_scopes(tree, so);
  compiler c(src, scopes, o.notebook);
  return c.module(*tree.module);
}

std::shared_ptr<const code> compile_source(const source_file& src, const compile_options& o) {
  parse_options po;
  po.allow_top_level_await = o.notebook;
  std::unique_ptr<ast::tree> t = parse(src, po);
  return compile_module(*t, src, o);
}

}  // namespace asyncrace::python
