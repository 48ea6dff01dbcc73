// Expressions -> bytecode.
#include "compiler_unit.hpp"

namespace asyncrace::python {

namespace {

bin_op to_bin_op(ast::binop o) {
  switch (o) {
    case ast::binop::Add: return bin_op::add;
    case ast::binop::Sub: return bin_op::sub;
    case ast::binop::Mult: return bin_op::mul;
    case ast::binop::MatMult: return bin_op::matmul;
    case ast::binop::Div: return bin_op::truediv;
    case ast::binop::Mod: return bin_op::mod;
    case ast::binop::Pow: return bin_op::pow;
    case ast::binop::LShift: return bin_op::lshift;
    case ast::binop::RShift: return bin_op::rshift;
    case ast::binop::BitOr: return bin_op::or_;
    case ast::binop::BitXor: return bin_op::xor_;
    case ast::binop::BitAnd: return bin_op::and_;
    case ast::binop::FloorDiv: return bin_op::floordiv;
  }
  return bin_op::add;
}

bool has_starred(const ast::list<ast::expr*>& l) {
  for (ast::expr* e : l)
    if (e->kind == ast::expr_kind::Starred) return true;
  return false;
}

}  // namespace

std::uint32_t binop_arg(ast::binop o, bool inplace) { return static_cast<std::uint32_t>(to_bin_op(o)) | (inplace ? 16u : 0u); }

void compiler::constant_expr(const ast::Constant& c) {
  constant k;
  switch (c.value_kind) {
    case ast::constant_kind::None: return emit(op::load_const, const_none());
    case ast::constant_kind::True: k.tag = constant::kind::boolean, k.i = 1; break;
    case ast::constant_kind::False: k.tag = constant::kind::boolean, k.i = 0; break;
    case ast::constant_kind::Ellipsis: k.tag = constant::kind::ellipsis; break;
    case ast::constant_kind::Int: k.tag = constant::kind::integer, k.i = c.int_value; break;
    case ast::constant_kind::BigInt: {
      k.tag = constant::kind::big_integer;
      k.s = std::string(c.text);
      if (c.base != 10) {  // the runtime parses decimal digits: prefix the base for int(x, 0)
        k.s = std::string(c.base == 16 ? "0x" : c.base == 8 ? "0o" : "0b") + k.s;
      }
      break;
    }
    case ast::constant_kind::Float: k.tag = constant::kind::floating, k.d = c.float_value; break;
    case ast::constant_kind::Complex: k.tag = constant::kind::imaginary, k.d = c.float_value; break;
    case ast::constant_kind::Str: return emit(op::load_const, const_str(c.text));
    case ast::constant_kind::Bytes: k.tag = constant::kind::bytes, k.s = std::string(c.text); break;
  }
  emit(op::load_const, add_const(std::move(k)));
}

void compiler::expr(const ast::expr* e) {
  using K = ast::expr_kind;
  const unsigned saved_line = u().line;
  const source_span saved_span = u().span;
  set_line(e->pos);
  switch (e->kind) {
    case K::Constant: constant_expr(e->as<ast::Constant>()); break;
    case K::Name: load_name(e->as<ast::Name>().id); break;
    case K::Attribute: {
      const auto& a = e->as<ast::Attribute>();
      expr(a.value);
      set_line(e->pos);
      emit(op::load_attr, name(a.attr));
      break;
    }
    case K::Subscript: {
      const auto& s = e->as<ast::Subscript>();
      expr(s.value);
      slice(s.slice);
      set_line(e->pos);
      set_anchors(source_span::anchor::subscript, s.value->pos.end_col_offset, s.slice->pos.end_col_offset);
      emit(op::binary_subscr);
      break;
    }
    case K::BinOp: {
      const auto& b = e->as<ast::BinOp>();
      expr(b.left);
      expr(b.right);
      set_line(e->pos);
      set_anchors(source_span::anchor::binary, b.left->pos.end_col_offset, b.right->pos.col_offset);
      emit(op::binary, binop_arg(b.op, false));
      break;
    }
    case K::UnaryOp: {
      const auto& o = e->as<ast::UnaryOp>();
      expr(o.operand);
      switch (o.op) {
        case ast::unaryop::Not: emit(op::unary_not); break;
        case ast::unaryop::USub: emit(op::unary, static_cast<std::uint32_t>(unary_op::neg)); break;
        case ast::unaryop::UAdd: emit(op::unary, static_cast<std::uint32_t>(unary_op::pos)); break;
        case ast::unaryop::Invert: emit(op::unary, static_cast<std::uint32_t>(unary_op::invert)); break;
      }
      break;
    }
    case K::BoolOp: bool_op(e->as<ast::BoolOp>()); break;
    case K::Compare: compare(e->as<ast::Compare>()); break;
    case K::IfExp: {
      const auto& i = e->as<ast::IfExp>();
      std::uint32_t other = new_label(), end = new_label();
      jump_if(i.test, false, other);
      expr(i.body);
      emit_jump(op::jump, end);
      place(other);
      expr(i.orelse);
      place(end);
      break;
    }
    case K::Call: call(e->as<ast::Call>()); break;
    case K::Lambda: lambda(e->as<ast::Lambda>()); break;
    case K::List: display(e->as<ast::List>().elts, op::build_list, op::list_extend, false); break;
    case K::Tuple: display(e->as<ast::Tuple>().elts, op::build_tuple, op::list_extend, true); break;
    case K::Set: display(e->as<ast::Set>().elts, op::build_set, op::set_update, false); break;
    case K::Dict: dict_display(e->as<ast::Dict>()); break;
    case K::ListComp: comprehension(e, e->as<ast::ListComp>().generators, e->as<ast::ListComp>().elt, nullptr); break;
    case K::SetComp: comprehension(e, e->as<ast::SetComp>().generators, e->as<ast::SetComp>().elt, nullptr); break;
    case K::GeneratorExp: comprehension(e, e->as<ast::GeneratorExp>().generators, e->as<ast::GeneratorExp>().elt, nullptr); break;
    case K::DictComp:
      comprehension(e, e->as<ast::DictComp>().generators, e->as<ast::DictComp>().key, e->as<ast::DictComp>().value);
      break;
    case K::Await: {
      expr(e->as<ast::Await>().value);
      set_line(e->pos);
      if (at_module()) emit(op::asyncio_run);  // a notebook cell's top-level await: asyncio.run(x)
      else emit(op::await_);
      break;
    }
    case K::Yield: {
      const auto& y = e->as<ast::Yield>();
      if (y.value) expr(y.value);
      else emit(op::load_const, const_none());
      emit(op::yield_value);
      break;
    }
    case K::YieldFrom: {
      expr(e->as<ast::YieldFrom>().value);
      emit(op::get_yield_from_iter);
      emit(op::load_const, const_none());
      emit(op::yield_from);
      break;
    }
    case K::JoinedStr: joined_str(e->as<ast::JoinedStr>()); break;
    case K::FormattedValue: {
      const auto& f = e->as<ast::FormattedValue>();
      expr(f.value);
      std::uint32_t arg = f.conversion == 's' ? 1 : f.conversion == 'r' ? 2 : f.conversion == 'a' ? 3 : 0;
      if (f.format_spec) {
        expr(f.format_spec);
        arg |= 4;
      }
      emit(op::format_value, arg);
      break;
    }
    case K::NamedExpr: {
      const auto& n = e->as<ast::NamedExpr>();
      expr(n.value);
      emit(op::copy, 1);
      store_name(n.target->as<ast::Name>().id);
      break;
    }
    case K::Starred: error(e->pos, "can't use starred expression here");
    case K::Slice: slice(e); break;
  }
  u().line = saved_line;
  u().span = saved_span;
}

void compiler::slice(const ast::expr* e) {
  if (e->kind != ast::expr_kind::Slice) return expr(e);
  const auto& s = e->as<ast::Slice>();
  for (const ast::expr* part : {s.lower, s.upper})
    if (part) expr(part);
    else emit(op::load_const, const_none());
  if (s.step) {
    expr(s.step);
    emit(op::build_slice, 3);
  } else {
    emit(op::build_slice, 2);
  }
}

void compiler::bool_op(const ast::BoolOp& b) {
  std::uint32_t end = new_label();
  const op jump = b.op == ast::boolop::And ? op::jump_if_false_or_pop : op::jump_if_true_or_pop;
  for (std::uint32_t i = 0; i < b.values.size(); ++i) {
    expr(b.values[i]);
    if (i + 1 < b.values.size()) emit_jump(jump, end);
  }
  place(end);
}

void compiler::compare(const ast::Compare& c) {
  auto one = [&](ast::cmpop o) {
    switch (o) {
      case ast::cmpop::Eq: return emit(op::compare, static_cast<std::uint32_t>(cmp_op::eq));
      case ast::cmpop::NotEq: return emit(op::compare, static_cast<std::uint32_t>(cmp_op::ne));
      case ast::cmpop::Lt: return emit(op::compare, static_cast<std::uint32_t>(cmp_op::lt));
      case ast::cmpop::LtE: return emit(op::compare, static_cast<std::uint32_t>(cmp_op::le));
      case ast::cmpop::Gt: return emit(op::compare, static_cast<std::uint32_t>(cmp_op::gt));
      case ast::cmpop::GtE: return emit(op::compare, static_cast<std::uint32_t>(cmp_op::ge));
      case ast::cmpop::Is: return emit(op::is_op, 0);
      case ast::cmpop::IsNot: return emit(op::is_op, 1);
      case ast::cmpop::In: return emit(op::contains_op, 0);
      case ast::cmpop::NotIn: return emit(op::contains_op, 1);
    }
  };
  expr(c.left);
  if (c.ops.size() == 1) {
    expr(c.comparators[0]);
    return one(c.ops[0]);
  }
  std::uint32_t cleanup = new_label(), end = new_label();
  for (std::uint32_t i = 0; i + 1 < c.ops.size(); ++i) {
    expr(c.comparators[i]);  // [a, b]
    emit(op::swap, 2);       // [b, a]
    emit(op::copy, 2);       // [b, a, b]
    one(c.ops[i]);           // [b, r]
    emit_jump(op::jump_if_false_or_pop, cleanup);  // [b]
  }
  expr(c.comparators[c.ops.size() - 1]);
  one(c.ops[c.ops.size() - 1]);
  emit_jump(op::jump, end);
  place(cleanup);  // [b, r]
  emit(op::swap, 2);
  emit(op::pop_top);
  place(end);
}

void compiler::jump_if(const ast::expr* e, bool when, std::uint32_t label) {
  if (e->kind == ast::expr_kind::UnaryOp && e->as<ast::UnaryOp>().op == ast::unaryop::Not)
    return jump_if(e->as<ast::UnaryOp>().operand, !when, label);
  if (e->kind == ast::expr_kind::BoolOp) {
    const auto& b = e->as<ast::BoolOp>();
    const bool is_and = b.op == ast::boolop::And;
    if (is_and != when) {  // and-chain jumping when false / or-chain jumping when true
      for (ast::expr* v : b.values) jump_if(v, when, label);
    } else {
      std::uint32_t skip = new_label();
      for (std::uint32_t i = 0; i + 1 < b.values.size(); ++i) jump_if(b.values[i], !when, skip);
      jump_if(b.values[b.values.size() - 1], when, label);
      place(skip);
    }
    return;
  }
  expr(e);
  emit_jump(when ? op::pop_jump_if_true : op::pop_jump_if_false, label);
}

void compiler::display(const ast::list<ast::expr*>& elts, op build, op extend, bool tuple) {
  if (!has_starred(elts)) {
    for (ast::expr* x : elts) expr(x);
    emit(build, elts.size());
    return;
  }
  // With *starred parts: a list (or set) built piece by piece.
  const op base = build == op::build_set ? op::build_set : op::build_list;
  const op add = build == op::build_set ? op::set_add : op::list_append;
  emit(base, 0);
  for (ast::expr* x : elts) {
    if (x->kind == ast::expr_kind::Starred) {
      expr(x->as<ast::Starred>().value);
      emit(extend, 1);
    } else {
      expr(x);
      emit(add, 1);
    }
  }
  if (tuple) emit(op::list_to_tuple);
}

void compiler::dict_display(const ast::Dict& d) {
  bool has_spread = false;
  for (ast::expr* k : d.keys) has_spread = has_spread || k == nullptr;
  if (!has_spread) {
    for (std::uint32_t i = 0; i < d.keys.size(); ++i) {
      expr(d.keys[i]);
      expr(d.values[i]);
    }
    emit(op::build_map, d.keys.size());
    return;
  }
  emit(op::build_map, 0);
  for (std::uint32_t i = 0; i < d.keys.size(); ++i) {
    if (!d.keys[i]) {
      expr(d.values[i]);
      emit(op::dict_update, 1);
    } else {
      expr(d.keys[i]);
      expr(d.values[i]);
      emit(op::map_add, 1);
    }
  }
}

void compiler::call_args_generic(const ast::list<ast::expr*>& args, const ast::list<ast::keyword*>& keywords) {
  // [callable] -> [callable, args tuple, kwargs dict?] for call_ex.
  emit(op::build_list, 0);
  for (ast::expr* a : args) {
    if (a->kind == ast::expr_kind::Starred) {
      expr(a->as<ast::Starred>().value);
      emit(op::list_extend, 1);
    } else {
      expr(a);
      emit(op::list_append, 1);
    }
  }
  emit(op::list_to_tuple);
  if (keywords.empty()) return emit(op::call_ex, 0);
  emit(op::build_map, 0);
  for (ast::keyword* k : keywords) {
    if (k->arg.empty()) {
      expr(k->value);
      emit(op::dict_merge, 1);
    } else {
      emit(op::load_const, const_str(k->arg));
      expr(k->value);
      emit(op::map_add, 1);
    }
  }
  emit(op::call_ex, 1);
}

void compiler::call(const ast::Call& c) {
  bool simple = !has_starred(c.args);
  for (ast::keyword* k : c.keywords) simple = simple && !k->arg.empty();
  const bool method = simple && c.func->kind == ast::expr_kind::Attribute;
  if (method) {
    const auto& a = c.func->as<ast::Attribute>();
    expr(a.value);
    set_line(c.func->pos);
    emit(op::load_method, name(a.attr));
  } else {
    expr(c.func);
  }
  if (!simple) return call_args_generic(c.args, c.keywords);
  for (ast::expr* a : c.args) expr(a);
  for (ast::keyword* k : c.keywords) expr(k->value);
  set_line(c.pos);
  const std::uint32_t argc = c.args.size() + c.keywords.size();
  if (c.keywords.empty()) return emit(method ? op::call_method : op::call, argc);
  constant names;
  names.tag = constant::kind::tuple_of_str;
  for (ast::keyword* k : c.keywords) names.strs.emplace_back(k->arg);
  emit(op::load_const, add_const(std::move(names)));
  emit(method ? op::call_method_kw : op::call_kw, argc);
}

void compiler::joined_str(const ast::JoinedStr& j) {
  std::uint32_t n = 0;
  for (ast::expr* part : j.values) {
    expr(part);
    ++n;
  }
  if (n == 1 && j.values[0]->kind == ast::expr_kind::FormattedValue) return;
  emit(op::build_string, n);
}

void compiler::make_closure(const scope& s, std::shared_ptr<code> co, const ast::arguments* args) {
  std::uint32_t flags = 0;
  if (args && !args->defaults.empty()) {
    for (ast::expr* d : args->defaults) expr(d);
    emit(op::build_tuple, args->defaults.size());
    flags |= 1;
  }
  if (args) {
    std::uint32_t n = 0;
    for (std::uint32_t i = 0; i < args->kwonlyargs.size(); ++i) {
      if (!args->kw_defaults[i]) continue;
      emit(op::load_const, const_str(args->kwonlyargs[i]->name));
      expr(args->kw_defaults[i]);
      ++n;
    }
    if (n) {
      emit(op::build_map, n);
      flags |= 2;
    }
  }
  if (!s.freevars.empty()) {
    for (std::string_view f : s.freevars) {
      // The cell comes from this scope's own cells (a cellvar or a free variable passing through).
      auto it = u().cell_slot.find(std::string(f));
      if (it == u().cell_slot.end()) error(co->first_line ? ast::position{co->first_line, 0, co->first_line, 0} : ast::position{},
                                            "asyncrace: no cell for the free variable '" + std::string(f) + "' (a compiler bug)");
      emit(op::load_closure, it->second);
    }
    emit(op::build_tuple, s.freevars.size());
    flags |= 8;
  }
  constant k;
  k.tag = constant::kind::code;
  k.co = std::move(co);
  emit(op::load_const, add_const(std::move(k)));
  emit(op::make_function, flags);
}

void compiler::lambda(const ast::Lambda& l) {
  const scope& s = *scopes_.of(&l);
  push_unit(s, l.args, "<lambda>", qualname_for("<lambda>"), l.pos.lineno);
  expr(l.body);
  emit(op::return_value);
  std::shared_ptr<code> co = pop_unit();
  make_closure(s, std::move(co), l.args);
}

void compiler::comprehension(const ast::expr* node, const ast::list<ast::comprehension*>& gens, const ast::expr* elt,
                             const ast::expr* value) {
  const scope& s = *scopes_.of(node);
  const std::string nm = node->kind == ast::expr_kind::ListComp ? "<listcomp>" : node->kind == ast::expr_kind::SetComp ? "<setcomp>"
                         : node->kind == ast::expr_kind::DictComp ? "<dictcomp>" : "<genexpr>";
  push_unit(s, nullptr, nm, qualname_for(nm), node->pos.lineno);
  const bool gen = node->kind == ast::expr_kind::GeneratorExp;
  if (!gen) emit(node->kind == ast::expr_kind::ListComp ? op::build_list : node->kind == ast::expr_kind::SetComp ? op::build_set : op::build_map, 0);
  comprehension_generator(gens, 0, node, elt, value, 1);
  if (gen) emit(op::load_const, const_none());
  emit(op::return_value);
  std::shared_ptr<code> co = pop_unit();
  make_closure(s, std::move(co), nullptr);
  expr(gens[0]->iter);
  emit(gens[0]->is_async ? op::get_aiter : op::get_iter);
  emit(op::call, 1);
  if (s.is_coroutine && !gen) emit(op::await_);
}

void compiler::comprehension_generator(const ast::list<ast::comprehension*>& gens, std::uint32_t index,
                                       const ast::expr* node, const ast::expr* elt, const ast::expr* value,
                                       std::uint32_t depth) {
  const ast::comprehension& g = *gens[index];
  std::uint32_t start = new_label(), end = new_label(), next = new_label();
  if (index == 0) {
    emit(op::load_fast, 0);  // .0: the outermost iterator, passed in
  } else {
    expr(g.iter);
    emit(g.is_async ? op::get_aiter : op::get_iter);
  }
  place(start);
  std::uint32_t async_exit = 0;
  if (g.is_async) {
    async_exit = new_label();
    emit_jump(op::setup_finally, async_exit);
    emit(op::get_anext);
    emit(op::await_);
    emit(op::pop_block);
  } else {
    emit_jump(op::for_iter, end);
  }
  assign_target(g.target);
  for (ast::expr* cond : g.ifs) jump_if(cond, false, next);
  const std::uint32_t inner_depth = depth + 1;
  if (index + 1 < gens.size()) {
    comprehension_generator(gens, index + 1, node, elt, value, inner_depth);
  } else if (node->kind == ast::expr_kind::GeneratorExp) {
    expr(elt);
    emit(op::yield_value);
    emit(op::pop_top);
  } else if (node->kind == ast::expr_kind::DictComp) {
    expr(elt);
    expr(value);
    emit(op::map_add, inner_depth);
  } else {
    expr(elt);
    emit(node->kind == ast::expr_kind::ListComp ? op::list_append : op::set_add, inner_depth);
  }
  place(next);
  emit_jump(op::jump, start);
  if (g.is_async) {
    place(async_exit);
    emit(op::end_async_for);
  }
  place(end);
}

}  // namespace asyncrace::python
