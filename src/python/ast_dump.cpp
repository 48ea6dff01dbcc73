// ast.dump's layout (Lib/ast.py): `Node(field=value, ...)`, a field that is None is left out, a
// list is always written (`[]` when empty), and attributes follow the fields when asked for.
#include "ast_dump.hpp"

#include <vector>

#include "pyrt/py_format.hpp"
#include "pyrt/py_repr.hpp"

namespace asyncrace::python::ast {

namespace {

// Decimal digits of a big int given in base 2, 8, 10 or 16 (schoolbook conversion: a literal's
// digits are few, this only runs for dumps).
std::string to_decimal(std::string_view digits, unsigned base) {
  if (base == 10) return std::string(digits);
  std::vector<unsigned> dec{0};  // little-endian base-10^9 limbs
  for (char ch : digits) {
    unsigned d = ch <= '9' ? ch - '0' : (ch | 0x20) - 'a' + 10;
    unsigned long long carry = d;
    for (auto& limb : dec) {
      const unsigned long long v = static_cast<unsigned long long>(limb) * base + carry;
      limb = static_cast<unsigned>(v % 1000000000ULL);
      carry = v / 1000000000ULL;
    }
    if (carry) dec.push_back(static_cast<unsigned>(carry));
  }
  std::string out = std::to_string(dec.back());
  for (std::size_t i = dec.size() - 1; i-- > 0;) {
    std::string limb = std::to_string(dec[i]);
    out += std::string(9 - limb.size(), '0') + limb;
  }
  return out;
}

class dumper {
 public:
  explicit dumper(bool attributes) : attributes_(attributes) {}
  std::string out;

  void module(const Module& m) {
    out += "Module(";
    stmts("body", m.body);
    out += ", type_ignores=[])";
  }

  void expression(const expr* e);
  void statement(const stmt* s);

 private:
  bool attributes_;
  bool first_ = true;

  void open(std::string_view name) {
    out += name;
    out += '(';
    first_ = true;
  }
  void field(std::string_view name) {
    if (!first_) out += ", ";
    first_ = false;
    out += name;
    out += '=';
  }
  void close(const position& p, bool has_position = true) {
    if (attributes_ && has_position) {
      field("lineno");
      out += std::to_string(p.lineno);
      field("col_offset");
      out += std::to_string(p.col_offset);
      field("end_lineno");
      out += std::to_string(p.end_lineno);
      field("end_col_offset");
      out += std::to_string(p.end_col_offset);
    }
    out += ')';
    first_ = false;
  }
  void sub(std::string_view name, const expr* e) {
    if (!e) return;
    field(name);
    expression(e);
  }
  void string(std::string_view name, std::string_view s) {
    field(name);
    out += asyncrace::py_repr(s);
  }
  void optional_string(std::string_view name, std::string_view s) {
    if (!s.empty()) string(name, s);
  }
  template <class T, class F>
  void each(std::string_view name, const list<T>& items, F&& write) {
    field(name);
    out += '[';
    for (std::uint32_t i = 0; i < items.size(); ++i) {
      if (i) out += ", ";
      first_ = true;
      write(items[i]);
    }
    out += ']';
    first_ = false;
  }
  void exprs(std::string_view name, const list<expr*>& items) {
    each(name, items, [&](const expr* e) {
      if (e) expression(e);
      else out += "None";
    });
  }
  void stmts(std::string_view name, const list<stmt*>& items) {
    each(name, items, [&](const stmt* s) { statement(s); });
  }
  void enum_value(std::string_view name, std::string_view value) {
    field(name);
    out += value;
    out += "()";
  }
  void ctx(expr_context c) { enum_value("ctx", name_of(c)); }

  void argument(const arg* a) {
    open("arg");
    string("arg", a->name);
    sub("annotation", a->annotation);
    close(a->pos);
  }
  void args(const arguments* a) {
    open("arguments");
    each("posonlyargs", a->posonlyargs, [&](const arg* x) { argument(x); });
    each("args", a->args, [&](const arg* x) { argument(x); });
    if (a->vararg) {
      field("vararg");
      argument(a->vararg);
    }
    each("kwonlyargs", a->kwonlyargs, [&](const arg* x) { argument(x); });
    exprs("kw_defaults", a->kw_defaults);
    if (a->kwarg) {
      field("kwarg");
      argument(a->kwarg);
    }
    exprs("defaults", a->defaults);
    close({}, false);
  }
  void keywords(const list<keyword*>& items) {
    each("keywords", items, [&](const keyword* k) {
      open("keyword");
      optional_string("arg", k->arg);
      sub("value", k->value);
      close(k->pos);
    });
  }
  void generators(const list<comprehension*>& items) {
    each("generators", items, [&](const comprehension* c) {
      open("comprehension");
      sub("target", c->target);
      sub("iter", c->iter);
      exprs("ifs", c->ifs);
      field("is_async");
      out += c->is_async ? "1" : "0";
      close({}, false);
    });
  }
  void aliases(const list<alias*>& items) {
    each("names", items, [&](const alias* a) {
      open("alias");
      string("name", a->name);
      optional_string("asname", a->asname);
      close(a->pos);
    });
  }
  void names(const list<std::string_view>& items) {
    each("names", items, [&](std::string_view n) { out += asyncrace::py_repr(n); });
  }
  void expression_fields(const expr* e);
  void statement_fields(const stmt* s);
};

void dumper::expression(const expr* e) {
  open(name_of(e->kind));
  expression_fields(e);
  close(e->pos);
}

void dumper::expression_fields(const expr* e) {
  switch (e->kind) {
    case expr_kind::BoolOp: {
      auto& n = e->as<BoolOp>();
      enum_value("op", name_of(n.op));
      exprs("values", n.values);
      break;
    }
    case expr_kind::NamedExpr: sub("target", e->as<NamedExpr>().target); sub("value", e->as<NamedExpr>().value); break;
    case expr_kind::BinOp: {
      auto& n = e->as<BinOp>();
      sub("left", n.left);
      enum_value("op", name_of(n.op));
      sub("right", n.right);
      break;
    }
    case expr_kind::UnaryOp:
      enum_value("op", name_of(e->as<UnaryOp>().op));
      sub("operand", e->as<UnaryOp>().operand);
      break;
    case expr_kind::Lambda:
      field("args");
      args(e->as<Lambda>().args);
      sub("body", e->as<Lambda>().body);
      break;
    case expr_kind::IfExp: {
      auto& n = e->as<IfExp>();
      sub("test", n.test);
      sub("body", n.body);
      sub("orelse", n.orelse);
      break;
    }
    case expr_kind::Dict: exprs("keys", e->as<Dict>().keys); exprs("values", e->as<Dict>().values); break;
    case expr_kind::Set: exprs("elts", e->as<Set>().elts); break;
    case expr_kind::ListComp:
    case expr_kind::SetComp:
    case expr_kind::GeneratorExp:
      sub("elt", e->as<ElementComp>().elt);
      generators(e->as<ElementComp>().generators);
      break;
    case expr_kind::DictComp: {
      auto& n = e->as<DictComp>();
      sub("key", n.key);
      sub("value", n.value);
      generators(n.generators);
      break;
    }
    case expr_kind::Await: sub("value", e->as<Await>().value); break;
    case expr_kind::Yield: sub("value", e->as<Yield>().value); break;
    case expr_kind::YieldFrom: sub("value", e->as<YieldFrom>().value); break;
    case expr_kind::Compare: {
      auto& n = e->as<Compare>();
      sub("left", n.left);
      each("ops", n.ops, [&](cmpop op) {
        out += name_of(op);
        out += "()";
      });
      exprs("comparators", n.comparators);
      break;
    }
    case expr_kind::Call: {
      auto& n = e->as<Call>();
      sub("func", n.func);
      exprs("args", n.args);
      keywords(n.keywords);
      break;
    }
    case expr_kind::FormattedValue: {
      auto& n = e->as<FormattedValue>();
      sub("value", n.value);
      field("conversion");
      out += std::to_string(n.conversion);
      sub("format_spec", n.format_spec);
      break;
    }
    case expr_kind::JoinedStr: exprs("values", e->as<JoinedStr>().values); break;
    case expr_kind::Constant:
      field("value");
      out += constant_repr(e->as<Constant>());
      if (e->as<Constant>().u_prefix) out += ", kind='u'";
      break;
    case expr_kind::Attribute:
      sub("value", e->as<Attribute>().value);
      string("attr", e->as<Attribute>().attr);
      ctx(e->as<Attribute>().ctx);
      break;
    case expr_kind::Subscript:
      sub("value", e->as<Subscript>().value);
      sub("slice", e->as<Subscript>().slice);
      ctx(e->as<Subscript>().ctx);
      break;
    case expr_kind::Starred: sub("value", e->as<Starred>().value); ctx(e->as<Starred>().ctx); break;
    case expr_kind::Name: string("id", e->as<Name>().id); ctx(e->as<Name>().ctx); break;
    case expr_kind::List: exprs("elts", e->as<List>().elts); ctx(e->as<List>().ctx); break;
    case expr_kind::Tuple: exprs("elts", e->as<Tuple>().elts); ctx(e->as<Tuple>().ctx); break;
    case expr_kind::Slice: {
      auto& n = e->as<Slice>();
      sub("lower", n.lower);
      sub("upper", n.upper);
      sub("step", n.step);
      break;
    }
  }
}

void dumper::statement(const stmt* s) {
  open(name_of(s->kind));
  statement_fields(s);
  close(s->pos);
}

void dumper::statement_fields(const stmt* s) {
  switch (s->kind) {
    case stmt_kind::FunctionDef:
    case stmt_kind::AsyncFunctionDef: {
      auto& n = s->as<FunctionDef>();
      string("name", n.name);
      field("args");
      args(n.args);
      stmts("body", n.body);
      exprs("decorator_list", n.decorator_list);
      sub("returns", n.returns);
      break;
    }
    case stmt_kind::ClassDef: {
      auto& n = s->as<ClassDef>();
      string("name", n.name);
      exprs("bases", n.bases);
      keywords(n.keywords);
      stmts("body", n.body);
      exprs("decorator_list", n.decorator_list);
      break;
    }
    case stmt_kind::Return: sub("value", s->as<Return>().value); break;
    case stmt_kind::Delete: exprs("targets", s->as<Delete>().targets); break;
    case stmt_kind::Assign: exprs("targets", s->as<Assign>().targets); sub("value", s->as<Assign>().value); break;
    case stmt_kind::AugAssign: {
      auto& n = s->as<AugAssign>();
      sub("target", n.target);
      enum_value("op", name_of(n.op));
      sub("value", n.value);
      break;
    }
    case stmt_kind::AnnAssign: {
      auto& n = s->as<AnnAssign>();
      sub("target", n.target);
      sub("annotation", n.annotation);
      sub("value", n.value);
      field("simple");
      out += n.simple ? "1" : "0";
      break;
    }
    case stmt_kind::For:
    case stmt_kind::AsyncFor: {
      auto& n = s->as<For>();
      sub("target", n.target);
      sub("iter", n.iter);
      stmts("body", n.body);
      stmts("orelse", n.orelse);
      break;
    }
    case stmt_kind::While:
      sub("test", s->as<While>().test);
      stmts("body", s->as<While>().body);
      stmts("orelse", s->as<While>().orelse);
      break;
    case stmt_kind::If:
      sub("test", s->as<If>().test);
      stmts("body", s->as<If>().body);
      stmts("orelse", s->as<If>().orelse);
      break;
    case stmt_kind::With:
    case stmt_kind::AsyncWith:
      each("items", s->as<With>().items, [&](const withitem* w) {
        open("withitem");
        sub("context_expr", w->context_expr);
        sub("optional_vars", w->optional_vars);
        close({}, false);
      });
      stmts("body", s->as<With>().body);
      break;
    case stmt_kind::Raise: sub("exc", s->as<Raise>().exc); sub("cause", s->as<Raise>().cause); break;
    case stmt_kind::Try:
    case stmt_kind::TryStar: {
      auto& n = s->as<Try>();
      stmts("body", n.body);
      each("handlers", n.handlers, [&](const excepthandler* h) {
        open("ExceptHandler");
        sub("type", h->type);
        optional_string("name", h->name);
        stmts("body", h->body);
        close(h->pos);
      });
      stmts("orelse", n.orelse);
      stmts("finalbody", n.finalbody);
      break;
    }
    case stmt_kind::Assert: sub("test", s->as<Assert>().test); sub("msg", s->as<Assert>().msg); break;
    case stmt_kind::Import: aliases(s->as<Import>().names); break;
    case stmt_kind::ImportFrom: {
      auto& n = s->as<ImportFrom>();
      optional_string("module", n.module);
      aliases(n.names);
      field("level");
      out += std::to_string(n.level);
      break;
    }
    case stmt_kind::Global: names(s->as<Global>().names); break;
    case stmt_kind::Nonlocal: names(s->as<Nonlocal>().names); break;
    case stmt_kind::Expr: sub("value", s->as<Expr>().value); break;
    case stmt_kind::Pass:
    case stmt_kind::Break:
    case stmt_kind::Continue: break;
  }
}

}  // namespace

std::string constant_repr(const Constant& c) {
  switch (c.value_kind) {
    case constant_kind::None: return "None";
    case constant_kind::True: return "True";
    case constant_kind::False: return "False";
    case constant_kind::Ellipsis: return "Ellipsis";
    case constant_kind::Int: return std::to_string(c.int_value);
    case constant_kind::BigInt: return to_decimal(c.text, c.base);
    case constant_kind::Float: return py_float_repr(c.float_value);
    case constant_kind::Complex: {
      // complex.__repr__ writes the imaginary part with repr's digits but without a ".0".
      std::string s = py_float_repr(c.float_value);
      if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0) s.resize(s.size() - 2);
      return s + "j";
    }
    case constant_kind::Str: return asyncrace::py_repr(c.text);
    case constant_kind::Bytes: return "b" + py_quoted(c.text, true);
  }
  return "?";
}

std::string dump(const Module& module, bool include_attributes) {
  dumper d(include_attributes);
  d.module(module);
  return std::move(d.out);
}

std::string dump(const expr& e, bool include_attributes) {
  dumper d(include_attributes);
  d.expression(&e);
  return std::move(d.out);
}

}  // namespace asyncrace::python::ast
