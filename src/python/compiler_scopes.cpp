#include "compiler_scopes.hpp"

#include <algorithm>
#include <set>

#include "syntax_error.hpp"

namespace asyncrace::python {

name_kind scope_info::lookup(std::string_view n) const {
  auto it = names.find(std::string(n));
  if (it != names.end()) return it->second;
  return type == kind::module ? name_kind::global_implicit : name_kind::global_implicit;
}

struct scope_builder {
  struct raw {
    std::set<std::string> bound, used, globals, nonlocals;
    std::vector<std::string> order;  // bound names in first-binding order
  };
  scope_table& table;
  std::unordered_map<scope_info*, raw> raws;
  scope_info* cur = nullptr;
  bool top_level_await;

  void bind(std::string_view n) {
    auto& r = raws[cur];
    std::string s(n);
    if (r.bound.insert(s).second) r.order.push_back(s);
  }
  void use(std::string_view n) { raws[cur].used.insert(std::string(n)); }

  scope_info* open(const void* node, scope_info::kind k, std::string name) {
    auto s = std::make_unique<scope_info>();
    s->type = k;
    s->name = std::move(name);
    s->parent = cur;
    scope_info* p = s.get();
    table.by_node_[node] = p;
    cur->children.push_back(std::move(s));
    return p;
  }

  void params(const ast::arguments& a) {
    auto add = [&](ast::arg* x) {
      cur->params.emplace_back(x->name);
      bind(x->name);
    };
    for (ast::arg* x : a.posonlyargs) add(x);
    for (ast::arg* x : a.args) add(x);
    for (ast::arg* x : a.kwonlyargs) add(x);
    if (a.vararg) add(a.vararg);
    if (a.kwarg) add(a.kwarg);
    cur->posonly = a.posonlyargs.size();
    cur->argcount = a.posonlyargs.size() + a.args.size();
    cur->kwonly = a.kwonlyargs.size();
    cur->varargs = a.vararg != nullptr;
    cur->varkeywords = a.kwarg != nullptr;
  }

  void defaults(const ast::arguments& a) {  // evaluated in the enclosing scope
    for (ast::expr* d : a.defaults) expr(d);
    for (ast::expr* d : a.kw_defaults)
      if (d) expr(d);
    auto ann = [&](ast::arg* x) {
      if (x && x->annotation) expr(x->annotation);
    };
    for (ast::arg* x : a.posonlyargs) ann(x);
    for (ast::arg* x : a.args) ann(x);
    for (ast::arg* x : a.kwonlyargs) ann(x);
    ann(a.vararg);
    ann(a.kwarg);
  }

  void stmts(const ast::list<ast::stmt*>& l) {
    for (ast::stmt* s : l) stmt(s);
  }

  void comprehension(const ast::expr* node, const ast::list<ast::comprehension*>& gens, const char* name,
                     const ast::expr* e1, const ast::expr* e2) {
    expr(gens[0]->iter);  // the outermost iterable is evaluated outside
    scope_info* saved = cur;
    scope_info* s = open(node, scope_info::kind::comprehension, name);
    cur = s;
    s->params.push_back(".0");
    bind(".0");
    s->argcount = 1;
    if (node->kind == ast::expr_kind::GeneratorExp) s->generator = true;
    for (std::uint32_t i = 0; i < gens.size(); ++i) {
      if (gens[i]->is_async) s->coroutine = true;
      target(gens[i]->target);
      if (i) expr(gens[i]->iter);
      for (ast::expr* c : gens[i]->ifs) expr(c);
    }
    if (e1) expr(e1);
    if (e2) expr(e2);
    if (s->has_await && node->kind != ast::expr_kind::GeneratorExp) s->coroutine = true;
    cur = saved;
    if (s->coroutine && node->kind != ast::expr_kind::GeneratorExp) cur->has_await = true;
  }

  void target(const ast::expr* e) {
    switch (e->kind) {
      case ast::expr_kind::Name: bind(e->as<ast::Name>().id); break;
      case ast::expr_kind::Tuple:
        for (ast::expr* x : e->as<ast::Tuple>().elts) target(x);
        break;
      case ast::expr_kind::List:
        for (ast::expr* x : e->as<ast::List>().elts) target(x);
        break;
      case ast::expr_kind::Starred: target(e->as<ast::Starred>().value); break;
      default: expr(e); break;
    }
  }

  void expr(const ast::expr* e) {
    using K = ast::expr_kind;
    switch (e->kind) {
      case K::BoolOp:
        for (ast::expr* x : e->as<ast::BoolOp>().values) expr(x);
        break;
      case K::NamedExpr: {
        // := binds in the nearest enclosing function, not in a comprehension.
        scope_info* saved = cur;
        while (cur->type == scope_info::kind::comprehension) cur = cur->parent;
        target(e->as<ast::NamedExpr>().target);
        cur = saved;
        if (cur->type == scope_info::kind::comprehension) use(e->as<ast::NamedExpr>().target->as<ast::Name>().id);
        expr(e->as<ast::NamedExpr>().value);
        break;
      }
      case K::BinOp: expr(e->as<ast::BinOp>().left), expr(e->as<ast::BinOp>().right); break;
      case K::UnaryOp: expr(e->as<ast::UnaryOp>().operand); break;
      case K::Lambda: {
        const auto& l = e->as<ast::Lambda>();
        defaults(*l.args);
        scope_info* saved = cur;
        cur = open(e, scope_info::kind::lambda, "<lambda>");
        params(*l.args);
        expr(l.body);
        cur = saved;
        break;
      }
      case K::IfExp: {
        const auto& i = e->as<ast::IfExp>();
        expr(i.test), expr(i.body), expr(i.orelse);
        break;
      }
      case K::Dict: {
        const auto& d = e->as<ast::Dict>();
        for (ast::expr* k : d.keys)
          if (k) expr(k);
        for (ast::expr* v : d.values) expr(v);
        break;
      }
      case K::Set:
        for (ast::expr* x : e->as<ast::Set>().elts) expr(x);
        break;
      case K::ListComp: comprehension(e, e->as<ast::ListComp>().generators, "<listcomp>", e->as<ast::ListComp>().elt, nullptr); break;
      case K::SetComp: comprehension(e, e->as<ast::SetComp>().generators, "<setcomp>", e->as<ast::SetComp>().elt, nullptr); break;
      case K::GeneratorExp:
        comprehension(e, e->as<ast::GeneratorExp>().generators, "<genexpr>", e->as<ast::GeneratorExp>().elt, nullptr);
        break;
      case K::DictComp:
        comprehension(e, e->as<ast::DictComp>().generators, "<dictcomp>", e->as<ast::DictComp>().key, e->as<ast::DictComp>().value);
        break;
      case K::Await:
        cur->has_await = true;
        expr(e->as<ast::Await>().value);
        break;
      case K::Yield:
        cur->generator = true;
        if (e->as<ast::Yield>().value) expr(e->as<ast::Yield>().value);
        break;
      case K::YieldFrom:
        cur->generator = true;
        expr(e->as<ast::YieldFrom>().value);
        break;
      case K::Compare: {
        const auto& c = e->as<ast::Compare>();
        expr(c.left);
        for (ast::expr* x : c.comparators) expr(x);
        break;
      }
      case K::Call: {
        const auto& c = e->as<ast::Call>();
        expr(c.func);
        if (c.func->kind == K::Name && c.func->as<ast::Name>().id == "super") use("__class__");
        for (ast::expr* x : c.args) expr(x);
        for (ast::keyword* k : c.keywords) expr(k->value);
        break;
      }
      case K::FormattedValue: {
        const auto& f = e->as<ast::FormattedValue>();
        expr(f.value);
        if (f.format_spec) expr(f.format_spec);
        break;
      }
      case K::JoinedStr:
        for (ast::expr* x : e->as<ast::JoinedStr>().values) expr(x);
        break;
      case K::Constant: break;
      case K::Attribute: expr(e->as<ast::Attribute>().value); break;
      case K::Subscript: expr(e->as<ast::Subscript>().value), expr(e->as<ast::Subscript>().slice); break;
      case K::Starred: expr(e->as<ast::Starred>().value); break;
      case K::Name: {
        const auto& n = e->as<ast::Name>();
        if (n.ctx == ast::expr_context::Load) use(n.id);
        else bind(n.id);
        if (n.id == "__class__") use("__class__");
        break;
      }
      case K::List:
        for (ast::expr* x : e->as<ast::List>().elts) (e->as<ast::List>().ctx == ast::expr_context::Load ? expr(x) : target(x));
        break;
      case K::Tuple:
        for (ast::expr* x : e->as<ast::Tuple>().elts) (e->as<ast::Tuple>().ctx == ast::expr_context::Load ? expr(x) : target(x));
        break;
      case K::Slice: {
        const auto& s = e->as<ast::Slice>();
        if (s.lower) expr(s.lower);
        if (s.upper) expr(s.upper);
        if (s.step) expr(s.step);
        break;
      }
    }
  }

  void function(const ast::FunctionDef& f) {
    for (ast::expr* d : f.decorator_list) expr(d);
    defaults(*f.args);
    if (f.returns) expr(f.returns);
    bind(f.name);
    scope_info* saved = cur;
    cur = open(&f, scope_info::kind::function, std::string(f.name));
    cur->coroutine = f.is_async();
    params(*f.args);
    stmts(f.body);
    cur = saved;
  }

  void stmt(const ast::stmt* s) {
    using K = ast::stmt_kind;
    switch (s->kind) {
      case K::FunctionDef:
      case K::AsyncFunctionDef: function(s->as<ast::FunctionDef>()); break;
      case K::ClassDef: {
        const auto& c = s->as<ast::ClassDef>();
        for (ast::expr* d : c.decorator_list) expr(d);
        for (ast::expr* b : c.bases) expr(b);
        for (ast::keyword* k : c.keywords) expr(k->value);
        bind(c.name);
        scope_info* saved = cur;
        cur = open(&c, scope_info::kind::class_body, std::string(c.name));
        stmts(c.body);
        cur = saved;
        break;
      }
      case K::Return:
        if (s->as<ast::Return>().value) expr(s->as<ast::Return>().value);
        break;
      case K::Delete:
        for (ast::expr* t : s->as<ast::Delete>().targets) target(t);
        break;
      case K::Assign:
        expr(s->as<ast::Assign>().value);
        for (ast::expr* t : s->as<ast::Assign>().targets) target(t);
        break;
      case K::AugAssign: {
        const auto& a = s->as<ast::AugAssign>();
        expr(a.value);
        if (a.target->kind == ast::expr_kind::Name) {
          use(a.target->as<ast::Name>().id);
          bind(a.target->as<ast::Name>().id);
        } else {
          expr(a.target);
        }
        break;
      }
      case K::AnnAssign: {
        const auto& a = s->as<ast::AnnAssign>();
        if (a.value) expr(a.value);
        if (cur->type != scope_info::kind::function) expr(a.annotation);
        if (a.value || a.target->kind == ast::expr_kind::Name) target(a.target);
        break;
      }
      case K::For:
      case K::AsyncFor: {
        const auto& f = s->as<ast::For>();
        if (f.is_async()) cur->has_await = true;
        expr(f.iter);
        target(f.target);
        stmts(f.body);
        stmts(f.orelse);
        break;
      }
      case K::While:
        expr(s->as<ast::While>().test);
        stmts(s->as<ast::While>().body);
        stmts(s->as<ast::While>().orelse);
        break;
      case K::If:
        expr(s->as<ast::If>().test);
        stmts(s->as<ast::If>().body);
        stmts(s->as<ast::If>().orelse);
        break;
      case K::With:
      case K::AsyncWith: {
        const auto& w = s->as<ast::With>();
        if (w.is_async()) cur->has_await = true;
        for (ast::withitem* i : w.items) {
          expr(i->context_expr);
          if (i->optional_vars) target(i->optional_vars);
        }
        stmts(w.body);
        break;
      }
      case K::Raise:
        if (s->as<ast::Raise>().exc) expr(s->as<ast::Raise>().exc);
        if (s->as<ast::Raise>().cause) expr(s->as<ast::Raise>().cause);
        break;
      case K::Try:
      case K::TryStar: {
        const auto& t = s->as<ast::Try>();
        stmts(t.body);
        for (ast::excepthandler* h : t.handlers) {
          if (h->type) expr(h->type);
          if (!h->name.empty()) bind(h->name);
          stmts(h->body);
        }
        stmts(t.orelse);
        stmts(t.finalbody);
        break;
      }
      case K::Assert:
        expr(s->as<ast::Assert>().test);
        if (s->as<ast::Assert>().msg) expr(s->as<ast::Assert>().msg);
        break;
      case K::Import:
        for (ast::alias* a : s->as<ast::Import>().names) {
          std::string_view n = a->asname.empty() ? a->name.substr(0, a->name.find('.')) : a->asname;
          bind(n);
        }
        break;
      case K::ImportFrom:
        for (ast::alias* a : s->as<ast::ImportFrom>().names)
          if (a->name != "*") bind(a->asname.empty() ? a->name : a->asname);
        break;
      case K::Global:
        for (std::string_view n : s->as<ast::Global>().names) raws[cur].globals.insert(std::string(n));
        break;
      case K::Nonlocal:
        if (cur->type == scope_info::kind::module)
          throw syntax_error{"SyntaxError", "nonlocal declaration not allowed at module level", s->pos.lineno, s->pos.col_offset + 1};
        for (std::string_view n : s->as<ast::Nonlocal>().names) raws[cur].nonlocals.insert(std::string(n));
        break;
      case K::Expr: expr(s->as<ast::Expr>().value); break;
      case K::Pass:
      case K::Break:
      case K::Continue: break;
    }
  }

  // Is `n` bound as a local of some enclosing function (not class) scope of `s`?
  static scope_info* binder(scope_info* s, const std::string& n, std::unordered_map<scope_info*, raw>& raws) {
    for (scope_info* p = s->parent; p && p->type != scope_info::kind::module; p = p->parent) {
      if (p->type == scope_info::kind::class_body) continue;
      const raw& r = raws[p];
      if (r.globals.count(n)) return nullptr;
      if ((r.bound.count(n) && !r.globals.count(n)) || r.nonlocals.count(n)) return p;
    }
    return nullptr;
  }

  void mark_free_path(scope_info* from, scope_info* owner, const std::string& n) {
    // Every scope between the user and the owner passes the cell through as a free variable.
    for (scope_info* p = from; p != owner; p = p->parent) {
      if (p->type == scope_info::kind::class_body && p != from) {
        if (!p->names.count(n)) p->names[n] = name_kind::free;  // a class passes it on
        if (std::find(p->freevars.begin(), p->freevars.end(), n) == p->freevars.end()) p->freevars.push_back(n);
        continue;
      }
      auto it = p->names.find(n);
      if (it == p->names.end() || it->second == name_kind::global_implicit) p->names[n] = name_kind::free;
      if (std::find(p->freevars.begin(), p->freevars.end(), n) == p->freevars.end()) p->freevars.push_back(n);
    }
    if (owner->names[n] != name_kind::cell) {
      owner->names[n] = name_kind::cell;
      owner->cellvars.push_back(n);
    }
  }

  void resolve(scope_info* s) {
    raw& r = raws[s];
    if (s->type == scope_info::kind::module) {
      for (const std::string& n : r.bound) s->names[n] = name_kind::global_implicit;
    } else {
      for (const std::string& n : r.globals) s->names[n] = name_kind::global_explicit;
      for (const std::string& p : s->params) s->locals.push_back(p), s->names[p] = name_kind::local;
      for (const std::string& n : r.order) {
        if (r.globals.count(n) || r.nonlocals.count(n) || s->names.count(n)) continue;
        s->names[n] = name_kind::local;
        if (s->type != scope_info::kind::class_body) s->locals.push_back(n);
      }
    }
    for (auto& c : s->children) resolve(c.get());
    // Uses of names not bound here: free variables of an enclosing function, or globals.
    std::set<std::string> wanted = r.used;
    for (const std::string& n : r.nonlocals) wanted.insert(n);
    for (const std::string& n : wanted) {
      if (s->type == scope_info::kind::module) continue;
      if (n == "__class__") {
        for (scope_info* p = s->parent; p; p = p->parent)
          if (p->type == scope_info::kind::class_body) {
            p->needs_class_cell = true;
            if (!p->names.count("__class__") || p->names["__class__"] != name_kind::cell) {
              p->names["__class__"] = name_kind::cell;
              p->cellvars.push_back("__class__");
            }
            mark_free_path(s, p, n);
            break;
          }
        continue;
      }
      if (r.nonlocals.count(n)) {
        scope_info* owner = binder(s, n, raws);
        if (!owner) throw syntax_error{"SyntaxError", "no binding for nonlocal '" + n + "' found", 0, 0};
        mark_free_path(s, owner, n);
        continue;
      }
      if (s->names.count(n)) continue;
      if (scope_info* owner = binder(s, n, raws)) {
        mark_free_path(s, owner, n);
      } else {
        s->names[n] = name_kind::global_implicit;
      }
    }
  }
};

scope_table::scope_table(const ast::Module& m, bool top_level_await) {
  root_ = std::make_unique<scope_info>();
  root_->type = scope_info::kind::module;
  root_->name = "<module>";
  by_node_[nullptr] = root_.get();
  scope_builder b{*this, {}, root_.get(), top_level_await};
  b.stmts(m.body);
  b.resolve(root_.get());
  // Children's free variables can make a parent's local a cell only after all children resolved:
  // walk once more to order cellvars of parameters (CPython keeps cellvars sorted by name).
}

const scope_info& scope_table::of(const void* node) const { return *by_node_.at(node); }

}  // namespace asyncrace::python
