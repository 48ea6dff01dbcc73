// Statements -> bytecode. try/with use a block stack in the frame (setup_finally / pop_block,
// as CPython 3.10): an exception unwinds to the innermost block's handler with
// [previous handled exception, exception] on the stack.
#include "compiler_unit.hpp"

namespace asyncrace::python {

std::uint32_t binop_arg(ast::binop o, bool inplace);  // compiler_expr.cpp

void compiler::body(const ast::list<ast::stmt*>& l) {
  for (ast::stmt* s : l) stmt(s);
}

void compiler::stmt(const ast::stmt* s) {
  using K = ast::stmt_kind;
  set_line(s->pos);
  switch (s->kind) {
    case K::FunctionDef:
    case K::AsyncFunctionDef: function_def(s->as<ast::FunctionDef>()); break;
    case K::ClassDef: class_def(s->as<ast::ClassDef>()); break;
    case K::Return: return_stmt(s->as<ast::Return>()); break;
    case K::Delete:
      for (ast::expr* t : s->as<ast::Delete>().targets) delete_target(t);
      break;
    case K::Assign: {
      const auto& a = s->as<ast::Assign>();
      expr(a.value);
      for (std::uint32_t i = 0; i < a.targets.size(); ++i) {
        if (i + 1 < a.targets.size()) emit(op::copy, 1);
        assign_target(a.targets[i]);
      }
      break;
    }
    case K::AugAssign: aug_assign(s->as<ast::AugAssign>()); break;
    case K::AnnAssign: {
      const auto& a = s->as<ast::AnnAssign>();
      if (a.value) {
        expr(a.value);
        assign_target(a.target);
      }
      if (in_class() && a.simple && a.target->kind == ast::expr_kind::Name) {
        // Class annotations are kept in __annotations__ (dataclasses read them).
        expr(a.annotation);
        emit(op::load_name, name("__annotations__"));
        emit(op::load_const, const_str(a.target->as<ast::Name>().id));
        emit(op::store_subscr);
      }
      break;
    }
    case K::For:
    case K::AsyncFor: for_loop(s->as<ast::For>()); break;
    case K::While: while_loop(s->as<ast::While>()); break;
    case K::If: if_stmt(s->as<ast::If>()); break;
    case K::With:
    case K::AsyncWith: with_stmt(s->as<ast::With>(), 0); break;
    case K::Raise: raise_stmt(s->as<ast::Raise>()); break;
    case K::Try:
    case K::TryStar: try_stmt(s->as<ast::Try>()); break;
    case K::Assert: {
      const auto& a = s->as<ast::Assert>();
      std::uint32_t ok = new_label();
      jump_if(a.test, true, ok);
      emit(op::load_assertion_error);
      if (a.msg) {
        expr(a.msg);
        emit(op::call, 1);
      }
      emit(op::raise_varargs, 1);
      place(ok);
      break;
    }
    case K::Import:
    case K::ImportFrom: import_stmt(s); break;
    case K::Global:
    case K::Nonlocal: break;
    case K::Expr: {
      const ast::expr* v = s->as<ast::Expr>().value;
      if (v->kind == ast::expr_kind::Constant) break;  // docstrings and bare constants do nothing
      expr(v);
      emit(op::pop_top);
      break;
    }
    case K::Pass: emit(op::nop); break;
    case K::Break:
    case K::Continue: {
      const bool is_break = s->kind == K::Break;
      std::size_t i = u().blocks.size();
      while (i > 0) {
        const fblock& b = u().blocks[i - 1];
        if (b.type == fblock::kind::while_loop || b.type == fblock::kind::for_loop || b.type == fblock::kind::async_for_loop) break;
        --i;
      }
      if (i == 0) error(s->pos, is_break ? "'break' outside loop" : "'continue' not properly in loop");
      unwind_blocks(false, true);
      const fblock& loop = u().blocks[i - 1];
      if (is_break) {
        if (loop.type != fblock::kind::while_loop) emit(op::pop_top);  // the iterator
        emit_jump(op::jump, loop.break_label);
      } else {
        emit_jump(op::jump, loop.continue_label);
      }
      break;
    }
  }
}

// Emits what leaving the blocks above the target needs (pop_block, finally bodies, __exit__
// calls, pop_except), innermost first; `preserve_tos` keeps a return value on top.
void compiler::unwind_blocks(bool preserve_tos, bool stop_at_loop) {
  std::vector<fblock> saved = u().blocks;
  while (!u().blocks.empty()) {
    fblock b = u().blocks.back();
    const bool loop = b.type == fblock::kind::while_loop || b.type == fblock::kind::for_loop || b.type == fblock::kind::async_for_loop;
    if (loop && stop_at_loop) break;
    u().blocks.pop_back();
    switch (b.type) {
      case fblock::kind::while_loop: break;
      case fblock::kind::for_loop:
      case fblock::kind::async_for_loop:
        if (preserve_tos) emit(op::swap, 2);
        emit(op::pop_top);
        break;
      case fblock::kind::try_except: emit(op::pop_block); break;
      case fblock::kind::finally_try:
        emit(op::pop_block);
        body(*b.finalbody);
        break;
      case fblock::kind::finally_end:
        // Leaving a finally body run for an exception: [prev, exc] below.
        if (preserve_tos) emit(op::swap, 2);
        emit(op::pop_top);  // exc
        if (preserve_tos) emit(op::swap, 2);
        emit(op::pop_except);
        break;
      case fblock::kind::with:
      case fblock::kind::async_with:
        emit(op::pop_block);
        if (preserve_tos) emit(op::swap, 2);
        emit(op::load_const, const_none());
        emit(b.type == fblock::kind::with ? op::with_exit : op::async_with_exit, 0);
        if (b.type == fblock::kind::async_with) emit(op::await_);
        emit(op::pop_top);
        emit(op::pop_top);
        break;
      case fblock::kind::handler_cleanup:
        if (preserve_tos) emit(op::swap, 2);
        emit(op::pop_except);
        break;
    }
  }
  u().blocks = std::move(saved);
}

void compiler::return_stmt(const ast::Return& r) {
  if (r.value) expr(r.value);
  else emit(op::load_const, const_none());
  unwind_blocks(true, false);
  emit(op::return_value);
}

void compiler::function_def(const ast::FunctionDef& f) {
  for (ast::expr* d : f.decorator_list) expr(d);
  const scope& s = *scopes_.of(&f);
  const std::string nm(f.name);
  push_unit(s, f.args, nm, qualname_for(nm), f.pos.lineno);
  // A docstring is not code.
  std::uint32_t first = 0;
  if (!f.body.empty() && f.body[0]->kind == ast::stmt_kind::Expr &&
      f.body[0]->as<ast::Expr>().value->kind == ast::expr_kind::Constant)
    first = 1;
  for (std::uint32_t i = first; i < f.body.size(); ++i) stmt(f.body[i]);
  emit(op::load_const, const_none());
  emit(op::return_value);
  std::shared_ptr<code> co = pop_unit();
  if (first && f.body[0]->as<ast::Expr>().value->as<ast::Constant>().value_kind == ast::constant_kind::Str) {
    co->doc = std::string(f.body[0]->as<ast::Expr>().value->as<ast::Constant>().text);
    co->has_doc = true;
  }
  set_line(f.pos);
  make_closure(s, std::move(co), f.args);
  for (std::uint32_t i = 0; i < f.decorator_list.size(); ++i) emit(op::call, 1);
  store_name(f.name);
}

void compiler::class_def(const ast::ClassDef& c) {
  for (ast::expr* d : c.decorator_list) expr(d);
  const scope& s = *scopes_.of(&c);
  const std::string nm(c.name);
  emit(op::load_build_class);
  push_unit(s, nullptr, nm, qualname_for(nm), c.pos.lineno);
  bool annotations = false;
  for (ast::stmt* b : c.body) annotations = annotations || b->kind == ast::stmt_kind::AnnAssign;
  if (annotations) {
    emit(op::build_map, 0);
    emit(op::store_name, name("__annotations__"));
  }
  std::uint32_t first = 0;
  if (!c.body.empty() && c.body[0]->kind == ast::stmt_kind::Expr &&
      c.body[0]->as<ast::Expr>().value->kind == ast::expr_kind::Constant &&
      c.body[0]->as<ast::Expr>().value->as<ast::Constant>().value_kind == ast::constant_kind::Str) {
    expr(c.body[0]->as<ast::Expr>().value);
    emit(op::store_name, name("__doc__"));
    first = 1;
  }
  for (std::uint32_t i = first; i < c.body.size(); ++i) stmt(c.body[i]);
  if (s.needs_class_cell) {
    emit(op::load_closure, u().cell_slot.at("__class__"));
    emit(op::copy, 1);
    emit(op::store_name, name("__classcell__"));
  } else {
    emit(op::load_const, const_none());
  }
  emit(op::return_value);
  std::shared_ptr<code> co = pop_unit();
  set_line(c.pos);
  make_closure(s, std::move(co), nullptr);
  emit(op::load_const, const_str(c.name));
  for (ast::expr* b : c.bases) expr(b);
  if (c.keywords.empty()) {
    emit(op::call, 2 + c.bases.size());
  } else {
    for (ast::keyword* k : c.keywords) expr(k->value);
    constant names;
    names.tag = constant::kind::tuple_of_str;
    for (ast::keyword* k : c.keywords) names.strs.emplace_back(k->arg);
    emit(op::load_const, add_const(std::move(names)));
    emit(op::call_kw, 2 + c.bases.size() + c.keywords.size());
  }
  for (std::uint32_t i = 0; i < c.decorator_list.size(); ++i) emit(op::call, 1);
  store_name(c.name);
}

void compiler::unpack_targets(const ast::list<ast::expr*>& elts, const ast::position& p) {
  std::uint32_t star = ~0u;
  for (std::uint32_t i = 0; i < elts.size(); ++i)
    if (elts[i]->kind == ast::expr_kind::Starred) {
      if (star != ~0u) error(p, "multiple starred expressions in assignment");
      star = i;
    }
  if (star == ~0u) {
    emit(op::unpack_sequence, elts.size());
    for (ast::expr* t : elts) assign_target(t);
    return;
  }
  emit(op::unpack_ex, star | ((elts.size() - star - 1) << 8));
  for (ast::expr* t : elts) assign_target(t->kind == ast::expr_kind::Starred ? t->as<ast::Starred>().value : t);
}

void compiler::assign_target(const ast::expr* t) {
  switch (t->kind) {
    case ast::expr_kind::Name: return store_name(t->as<ast::Name>().id);
    case ast::expr_kind::Attribute: {
      const auto& a = t->as<ast::Attribute>();
      expr(a.value);
      return emit(op::store_attr, name(a.attr));
    }
    case ast::expr_kind::Subscript: {
      const auto& s = t->as<ast::Subscript>();
      expr(s.value);
      slice(s.slice);
      return emit(op::store_subscr);
    }
    case ast::expr_kind::Tuple: return unpack_targets(t->as<ast::Tuple>().elts, t->pos);
    case ast::expr_kind::List: return unpack_targets(t->as<ast::List>().elts, t->pos);
    case ast::expr_kind::Starred: error(t->pos, "starred assignment target must be in a list or tuple");
    default: error(t->pos, "cannot assign to expression");
  }
}

void compiler::delete_target(const ast::expr* t) {
  switch (t->kind) {
    case ast::expr_kind::Name: return delete_name(t->as<ast::Name>().id);
    case ast::expr_kind::Attribute:
      expr(t->as<ast::Attribute>().value);
      return emit(op::delete_attr, name(t->as<ast::Attribute>().attr));
    case ast::expr_kind::Subscript:
      expr(t->as<ast::Subscript>().value);
      slice(t->as<ast::Subscript>().slice);
      return emit(op::delete_subscr);
    case ast::expr_kind::Tuple:
      for (ast::expr* e : t->as<ast::Tuple>().elts) delete_target(e);
      return;
    case ast::expr_kind::List:
      for (ast::expr* e : t->as<ast::List>().elts) delete_target(e);
      return;
    default: error(t->pos, "cannot delete expression");
  }
}

void compiler::aug_assign(const ast::AugAssign& a) {
  const std::uint32_t opcode = binop_arg(a.op, true);
  switch (a.target->kind) {
    case ast::expr_kind::Name:
      expr(a.target);  // loads the name, at the name's own position (a traceback marks `total`)
      expr(a.value);
      emit(op::binary, opcode);
      return store_name(a.target->as<ast::Name>().id);
    case ast::expr_kind::Attribute: {
      const auto& at = a.target->as<ast::Attribute>();
      expr(at.value);           // [o]
      emit(op::copy, 1);        // [o, o]
      emit(op::load_attr, name(at.attr));  // [o, v]
      expr(a.value);
      emit(op::binary, opcode);  // [o, r]
      emit(op::swap, 2);         // [r, o]
      return emit(op::store_attr, name(at.attr));
    }
    case ast::expr_kind::Subscript: {
      const auto& s = a.target->as<ast::Subscript>();
      expr(s.value);
      slice(s.slice);           // [c, k]
      emit(op::copy, 2);
      emit(op::copy, 2);        // [c, k, c, k]
      emit(op::binary_subscr);  // [c, k, v]
      expr(a.value);
      emit(op::binary, opcode);  // [c, k, r]
      emit(op::swap, 3);         // [r, k, c]
      emit(op::swap, 2);         // [r, c, k]
      return emit(op::store_subscr);
    }
    default: error(a.target->pos, "'" + std::string(ast::name_of(a.target->kind)) + "' is an illegal expression for augmented assignment");
  }
}

void compiler::if_stmt(const ast::If& i) {
  std::uint32_t other = new_label(), end = new_label();
  jump_if(i.test, false, other);
  body(i.body);
  if (!i.orelse.empty()) emit_jump(op::jump, end);
  place(other);
  body(i.orelse);
  place(end);
}

void compiler::while_loop(const ast::While& w) {
  std::uint32_t start = new_label(), exit = new_label(), end = new_label();
  place(start);
  jump_if(w.test, false, exit);
  u().blocks.push_back({fblock::kind::while_loop, start, end, nullptr});
  body(w.body);
  u().blocks.pop_back();
  emit_jump(op::jump, start);
  place(exit);
  body(w.orelse);
  place(end);
}

void compiler::for_loop(const ast::For& f) {
  std::uint32_t start = new_label(), exit = new_label(), end = new_label();
  expr(f.iter);
  if (f.is_async()) {
    if (at_module()) error(f.pos, "asyncrace runs a notebook's top-level 'async for' only inside a function");
    emit(op::get_aiter);
    std::uint32_t handler = new_label();
    place(start);
    emit_jump(op::setup_finally, handler);
    emit(op::get_anext);
    emit(op::await_);
    emit(op::pop_block);
    assign_target(f.target);
    u().blocks.push_back({fblock::kind::async_for_loop, start, end, nullptr});
    body(f.body);
    u().blocks.pop_back();
    emit_jump(op::jump, start);
    place(handler);
    emit(op::end_async_for);  // StopAsyncIteration: the loop is over (the iterator popped)
    emit_jump(op::jump, exit);
  } else {
    emit(op::get_iter);
    place(start);
    set_line(f.pos);
    emit_jump(op::for_iter, exit);
    assign_target(f.target);
    u().blocks.push_back({fblock::kind::for_loop, start, end, nullptr});
    body(f.body);
    u().blocks.pop_back();
    emit_jump(op::jump, start);
  }
  place(exit);
  body(f.orelse);
  place(end);
}

void compiler::try_stmt(const ast::Try& t) {
  if (t.finalbody.empty()) return t.star() ? try_star(t) : try_except(t);
  std::uint32_t handler = new_label(), exit = new_label();
  emit_jump(op::setup_finally, handler);
  u().blocks.push_back({fblock::kind::finally_try, 0, 0, &t.finalbody});
  if (t.handlers.empty()) body(t.body);
  else if (t.star()) try_star(t);
  else try_except(t);
  u().blocks.pop_back();
  emit(op::pop_block);
  body(t.finalbody);
  emit_jump(op::jump, exit);
  place(handler);  // [prev, exc]
  u().blocks.push_back({fblock::kind::finally_end, 0, 0, nullptr});
  body(t.finalbody);
  u().blocks.pop_back();
  emit(op::reraise);
  place(exit);
}

// The protected body of try/except and try/except*: on success it jumps to `orelse`; an
// exception lands at the returned handler with [prev, exc] on the stack.
std::uint32_t compiler::try_body(const ast::Try& t, std::uint32_t orelse) {
  std::uint32_t handler = new_label();
  emit_jump(op::setup_finally, handler);
  u().blocks.push_back({fblock::kind::try_except, 0, 0, nullptr});
  body(t.body);
  u().blocks.pop_back();
  emit(op::pop_block);
  emit_jump(op::jump, orelse);
  return handler;
}

void compiler::try_except(const ast::Try& t) {
  std::uint32_t orelse = new_label(), end = new_label();
  place(try_body(t, orelse));  // [prev, exc]
  for (std::uint32_t i = 0; i < t.handlers.size(); ++i) {
    const ast::excepthandler& h = *t.handlers[i];
    set_line(h.pos);
    if (!h.type && i + 1 < t.handlers.size()) error(h.pos, "default 'except:' must be last");
    std::uint32_t next = new_label();
    if (h.type) {
      expr(h.type);
      emit_jump(op::jump_if_not_exc_match, next);
    }
    if (h.name.empty()) emit(op::pop_top);
    else store_name(h.name);
    u().blocks.push_back({fblock::kind::handler_cleanup, 0, 0, nullptr});
    body(h.body);
    u().blocks.pop_back();
    emit(op::pop_except);
    if (!h.name.empty()) {  // `except E as e` unbinds e at the end of the clause
      emit(op::load_const, const_none());
      store_name(h.name);
      delete_name(h.name);
    }
    emit_jump(op::jump, end);
    place(next);
  }
  emit(op::reraise);
  place(orelse);
  body(t.orelse);
  place(end);
}

void compiler::try_star(const ast::Try& t) {
  std::uint32_t orelse = new_label(), end = new_label();
  place(try_body(t, orelse));  // [prev, exc]: exc is what is still unhandled
  for (ast::excepthandler* hp : t.handlers) {
    const ast::excepthandler& h = *hp;
    set_line(h.pos);
    if (!h.type) error(h.pos, "expected one or more exception types");
    std::uint32_t next = new_label();
    expr(h.type);
    emit_jump(op::except_star_match, next);  // [prev, rest, match]
    if (h.name.empty()) emit(op::pop_top);
    else store_name(h.name);
    body(h.body);
    place(next);  // [prev, rest]
  }
  emit(op::except_star_reraise);  // raises what is left, or pops None
  emit(op::pop_except);
  emit_jump(op::jump, end);
  place(orelse);
  body(t.orelse);
  place(end);
}

void compiler::with_stmt(const ast::With& w, std::uint32_t item) {
  const ast::withitem& it = *w.items[item];
  const bool async = w.is_async();
  if (async && at_module())
    error(w.pos, "asyncrace runs a notebook's top-level 'async with' only inside a function");
  std::uint32_t handler = new_label(), exit = new_label();
  expr(it.context_expr);
  set_line(w.pos);
  if (async) {
    emit(op::before_async_with);
    emit(op::await_);
    emit_jump(op::setup_async_with, handler);
  } else {
    emit_jump(op::setup_with, handler);
  }
  if (it.optional_vars) assign_target(it.optional_vars);
  else emit(op::pop_top);
  u().blocks.push_back({async ? fblock::kind::async_with : fblock::kind::with, 0, 0, nullptr});
  if (item + 1 < w.items.size()) with_stmt(w, item + 1);
  else body(w.body);
  u().blocks.pop_back();
  set_line(w.pos);
  emit(op::pop_block);
  emit(op::load_const, const_none());
  emit(async ? op::async_with_exit : op::with_exit, 0);
  if (async) emit(op::await_);
  emit(op::pop_top);
  emit(op::pop_top);
  emit_jump(op::jump, exit);
  place(handler);  // [exit, prev, exc]
  emit(async ? op::async_with_exit : op::with_exit, 1);
  if (async) emit(op::await_);
  std::uint32_t suppress = new_label();
  emit_jump(op::pop_jump_if_true, suppress);
  emit(op::reraise);
  place(suppress);  // [exit, prev, exc]
  emit(op::pop_top);
  emit(op::pop_except);
  emit(op::pop_top);
  place(exit);
}

void compiler::raise_stmt(const ast::Raise& r) {
  if (!r.exc) return emit(op::raise_varargs, 0);
  expr(r.exc);
  if (r.cause) {
    expr(r.cause);
    return emit(op::raise_varargs, 2);
  }
  emit(op::raise_varargs, 1);
}

void compiler::import_stmt(const ast::stmt* s) {
  constant zero;
  zero.tag = constant::kind::integer;
  if (s->kind == ast::stmt_kind::Import) {
    for (ast::alias* a : s->as<ast::Import>().names) {
      emit(op::load_const, add_const(zero));
      if (a->asname.empty()) {
        emit(op::load_const, const_none());
        emit(op::import_name, name(a->name));
        store_name(a->name.substr(0, a->name.find('.')));
      } else {
        constant from;
        from.tag = constant::kind::boolean;
        from.i = 1;  // bind the last module of a dotted name
        emit(op::load_const, add_const(from));
        emit(op::import_name, name(a->name));
        store_name(a->asname);
      }
    }
    return;
  }
  const auto& f = s->as<ast::ImportFrom>();
  if (f.level > 0) error(f.pos, "attempted relative import with no known parent package");
  constant names;
  names.tag = constant::kind::tuple_of_str;
  for (ast::alias* a : f.names) names.strs.emplace_back(a->name);
  emit(op::load_const, add_const(zero));
  emit(op::load_const, add_const(std::move(names)));
  emit(op::import_name, name(f.module));
  for (ast::alias* a : f.names) {
    if (a->name == "*") {
      emit(op::import_star);
      return;
    }
    emit(op::import_from, name(a->name));
    store_name(a->asname.empty() ? a->name : a->asname);
  }
  emit(op::pop_top);
}

}  // namespace asyncrace::python
