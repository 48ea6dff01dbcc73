// The contextvars module on the scheduler's own contexts (pyrt/context.hpp): a ContextVar is a
// context_var of Python values, so each Task runs in the copy of the context it was created in
// (the task driver copies it, as Task.__init__ does), module code runs in the program's context,
// and Context.run enters a context of its own. ContextVar, Token and Context with CPython's
// reprs and errors.
#include <cstdio>
#include <memory>
#include <optional>
#include <unordered_map>

#include "pyrt/address.hpp"
#include "args.hpp"
#include "functions.hpp"
#include "interpreter.hpp"
#include "modules.hpp"
#include "pyrt/context.hpp"

namespace asyncrace::python {

// A Python value kept in a context. Contexts may outlive the interpreter (a thread's own context,
// a task freed late): once it is gone, the value is dropped without touching the freed heap.
struct context_value {
  value v;
  std::shared_ptr<const bool> alive;
  context_value(value x, std::shared_ptr<const bool> a) : v(std::move(x)), alive(std::move(a)) {}
  context_value(const context_value&) = default;
  context_value& operator=(const context_value&) = default;
  ~context_value() {
    if (alive && !*alive && v.is_object()) v.release();
  }
};
// The C++ repr of a ContextVar's default (pyrt's error texts; the module writes its own).
inline std::string py_str(const context_value& c) { return repr(current_interpreter(), c.v); }

namespace {

using py_context_var = context_var<context_value>;
using py_token = context_token<context_value>;

// Flips the interpreter's `alive` flag as its heap frees the ContextVar type.
struct alive_marker : object {
  std::shared_ptr<bool> alive = std::make_shared<bool>(true);
  ~alive_marker() override { *alive = false; }
};

struct contextvar_object : object {
  std::optional<py_context_var> var;
  value name, default_value;  // default_value empty: no default
  std::shared_ptr<const bool> alive;
  ~contextvar_object() override;
};

struct token_object : object {
  std::optional<py_token> token;
  value var;  // the ContextVar (keeps it alive: the token refers to it)
};

struct context_object : object {
  std::optional<context> ctx;
};

// ContextVar objects by their variable id, to name the variables a context holds.
thread_local std::unordered_map<std::uint64_t, contextvar_object*> vars_by_id;

contextvar_object::~contextvar_object() {
  if (var) vars_by_id.erase(var->id());
}

std::string address(const object* o) { return address_text(o); }

std::string var_repr(interpreter& in, const value& v) {
  auto* o = static_cast<contextvar_object*>(v.obj());
  std::string out = "<ContextVar name=" + repr(in, o->name);
  if (!o->default_value.empty()) out += " default=" + repr(in, o->default_value);
  return out + " at " + address(o) + ">";
}

std::string token_repr(interpreter& in, const value& v) {
  auto* t = static_cast<token_object*>(v.obj());
  return std::string("<Token ") + (t->token->used() ? "used " : "") + "var=" + var_repr(in, t->var) + " at " + address(t) + ">";
}

std::string context_repr(interpreter&, const value& v) { return "<_contextvars.Context object at " + address(v.obj()) + ">"; }

std::string missing_repr(interpreter&, const value&) { return "<Token.MISSING>"; }

bool is_var(const value& v) { return v.is_object() && v.obj()->type->slots.repr == var_repr; }
bool is_token(const value& v) { return v.is_object() && v.obj()->type->slots.repr == token_repr; }

contextvar_object& var_self(interpreter& in, const call_args& a, const char* method) {
  if (a.npos < 1 || !is_var(a.args[0]))
    throw_error(in, in.types.TypeError, std::string("descriptor '") + method + "' for '_contextvars.ContextVar' objects doesn't apply to a '" +
                                            (a.npos ? type_name(a.args[0]) : std::string("NoneType")) + "' object");
  return *static_cast<contextvar_object*>(a.args[0].obj());
}

context_object& context_self(interpreter& in, const call_args& a, const char* method) {
  if (a.npos < 1 || !a.args[0].is_object() || a.args[0].obj()->type->slots.repr != context_repr)
    throw_error(in, in.types.TypeError, std::string("descriptor '") + method + "' for '_contextvars.Context' objects doesn't apply to a '" +
                                            (a.npos ? type_name(a.args[0]) : std::string("NoneType")) + "' object");
  return *static_cast<context_object*>(a.args[0].obj());
}

contextvar_object& var_key(interpreter& in, const value& key) {
  if (!is_var(key)) throw_error(in, in.types.TypeError, "a ContextVar key was expected, got " + repr(in, key));
  return *static_cast<contextvar_object*>(key.obj());
}

// --- ContextVar -----------------------------------------------------------------------------

value var_new(interpreter& in, const call_args& a, object* t) {
  if (a.npos < 1) throw_error(in, in.types.TypeError, "ContextVar() missing required argument 'name' (pos 1)");
  if (a.npos > 1) throw_error(in, in.types.TypeError, "ContextVar() takes exactly 1 positional argument (" + std::to_string(a.npos) + " given)");
  value def;
  for (std::size_t k = 0; k < a.nkw; ++k) {
    if (a.kwnames[k]->s != "default")
      throw_error(in, in.types.TypeError, "ContextVar() got an unexpected keyword argument '" + a.kwnames[k]->s + "'");
    def = a.kw(k);
  }
  if (!isinstance(a.args[0], in.types.str)) throw_error(in, in.types.TypeError, "context variable name must be a str");
  auto* type = static_cast<type_object*>(t);
  auto* o = in.heap.make<contextvar_object>(type);
  value result = value::adopt(o);
  o->name = a.args[0];
  o->default_value = def;
  o->alive = static_cast<alive_marker*>(type->dict.find(in.intern("_alive"))->obj())->alive;
  const std::string name = static_cast<str_object*>(a.args[0].obj())->s;
  if (def.empty()) o->var.emplace(name);
  else o->var.emplace(name, context_value(def, o->alive));
  vars_by_id[o->var->id()] = o;
  return result;
}

value var_get(interpreter& in, const call_args& a, object*) {
  contextvar_object& self = var_self(in, a, "get");
  no_keywords(in, a, "get");
  if (a.npos > 2) throw_error(in, in.types.TypeError, "get expected at most 1 argument, got " + std::to_string(a.npos - 1));
  const context& c = context::current();
  if (c.contains(*self.var)) return c[*self.var].v;
  if (a.npos == 2) return a.args[1];
  if (!self.default_value.empty()) return self.default_value;
  throw_exception(new_exception(in, in.types.LookupError, {a.args[0]}));
}

value var_set(interpreter& in, const call_args& a, object*) {
  contextvar_object& self = var_self(in, a, "set");
  no_keywords(in, a, "set");
  if (a.npos != 2) throw_error(in, in.types.TypeError, "ContextVar.set() takes exactly one argument (" + std::to_string(a.npos - 1) + " given)");
  auto* tt = static_cast<type_object*>(type_of(a.args[0])->dict.find(in.intern("_token_type"))->obj());
  auto* t = in.heap.make<token_object>(tt);
  value result = value::adopt(t);
  t->var = a.args[0];
  t->token.emplace(self.var->set(context_value(a.args[1], self.alive)));
  return result;
}

value var_reset(interpreter& in, const call_args& a, object*) {
  contextvar_object& self = var_self(in, a, "reset");
  no_keywords(in, a, "reset");
  if (a.npos != 2) throw_error(in, in.types.TypeError, "ContextVar.reset() takes exactly one argument (" + std::to_string(a.npos - 1) + " given)");
  if (!is_token(a.args[1])) throw_error(in, in.types.TypeError, "expected an instance of Token, got " + repr(in, a.args[1]));
  auto& t = *static_cast<token_object*>(a.args[1].obj());
  if (t.token->used()) throw_error(in, in.types.RuntimeError, token_repr(in, a.args[1]) + " has already been used once");
  if (!t.var.identical(a.args[0])) throw_error(in, in.types.ValueError, token_repr(in, a.args[1]) + " was created by a different ContextVar");
  try {
    self.var->reset(*t.token);
  } catch (const py_exception&) {  // the only error left: another context
    throw_error(in, in.types.ValueError, token_repr(in, a.args[1]) + " was created in a different Context");
  }
  return value::none();
}

// --- Context ----------------------------------------------------------------------------------

value make_context(interpreter& in, type_object* t, const context& from, bool copy) {
  auto* o = in.heap.make<context_object>(t);
  value result = value::adopt(o);
  if (copy) o->ctx.emplace(from);
  else o->ctx.emplace();
  return result;
}

// The (ContextVar, value) pairs of a context, in the order the variables were made.
std::vector<std::pair<value, value>> entries(const context& c) {
  std::vector<std::pair<value, value>> out;
  c.each([&](std::uint64_t id, const std::shared_ptr<const void>& v) {
    auto it = vars_by_id.find(id);
    if (it == vars_by_id.end()) return;
    out.emplace_back(value::borrow(it->second), std::static_pointer_cast<const context_value>(v)->v);
  });
  return out;
}

value context_run(interpreter& in, const call_args& a, object*) {
  context_object& self = context_self(in, a, "run");
  if (a.npos < 2) throw_error(in, in.types.TypeError, "run() missing 1 required positional argument");
  call_args rest = a;
  rest.args += 2;
  rest.npos -= 2;
  const value fn = a.args[1];
  value keep = a.args[0];
  try {
    return self.ctx->run([&] { return call(in, fn, rest); });
  } catch (const raised&) {
    throw;
  } catch (const raised_cancel&) {
    throw;
  } catch (const py_exception& e) {
    if (e.type() == "RuntimeError") throw_error(in, in.types.RuntimeError, e.what());
    throw;
  }
}

value context_getitem(interpreter& in, const value& self, const value& key) {
  contextvar_object& v = var_key(in, key);
  const context& c = *static_cast<context_object*>(self.obj())->ctx;
  if (!c.contains(*v.var)) throw_exception(new_exception(in, in.types.KeyError, {key}));
  return c[*v.var].v;
}

value context_get(interpreter& in, const call_args& a, object*) {
  context_object& self = context_self(in, a, "get");
  value p[2];
  bind_args(in, a, "get", 1, {"key", "default"}, 1, p);
  contextvar_object& v = var_key(in, p[0]);
  if (self.ctx->contains(*v.var)) return (*self.ctx)[*v.var].v;
  return p[1].empty() ? value::none() : p[1];
}

template <int Part>  // 0: keys, 1: values, 2: items
value context_view(interpreter& in, const call_args& a, object*) {
  context_object& self = context_self(in, a, Part == 0 ? "keys" : Part == 1 ? "values" : "items");
  std::vector<value> out;
  for (auto& [k, v] : entries(*self.ctx)) {
    if (Part == 0) out.push_back(k);
    else if (Part == 1) out.push_back(v);
    else out.push_back(make_tuple(in, {k, v}));
  }
  return make_list(in, std::move(out));
}

value copy_context_fn(interpreter& in, const call_args& a, object*) {
  expect_args(in, a, "copy_context", 0);
  value ct = getattr(in, in.import_module("contextvars"), in.intern("Context"));
  return make_context(in, static_cast<type_object*>(ct.obj()), context::current(), true);
}

void make_contextvars(interpreter& in, module_object& m) {
  type_object* var = make_builtin_type(in, "ContextVar", in.types.object_);
  var->module = "_contextvars";
  var->slots.construct = var_new;
  var->slots.repr = var_repr;
  var->slots.hash = [](interpreter&, const value& v) { return static_cast<std::int64_t>(reinterpret_cast<std::uintptr_t>(v.obj()) >> 4); };
  var->slots.getattr = [](interpreter& i, const value& v, str_object* name) -> value {
    if (name->s == "name") return static_cast<contextvar_object*>(v.obj())->name;
    (void)i;
    return {};
  };
  var->dict.set(in.intern("_alive"), value::adopt(in.heap.make<alive_marker>(in.types.object_)));
  add_method(in, var, "get", var_get);
  add_method(in, var, "set", var_set);
  add_method(in, var, "reset", var_reset);

  type_object* token = make_builtin_type(in, "Token", in.types.object_);
  token->module = "_contextvars";
  token->slots.repr = token_repr;
  token->slots.construct = [](interpreter& i, const call_args&, object*) -> value {
    throw_error(i, i.types.RuntimeError, "Tokens can only be created by ContextVars");
  };
  type_object* missing_type = make_builtin_type(in, "Token.MISSING", in.types.object_);
  missing_type->slots.repr = missing_repr;
  value missing = value::adopt(in.heap.make<object>(missing_type));
  token->dict.set(in.intern("_missing_type"), value::adopt(missing_type));
  token->dict.set(in.intern("MISSING"), missing);
  token->slots.getattr = [](interpreter& i, const value& v, str_object* name) -> value {
    auto* t = static_cast<token_object*>(v.obj());
    if (name->s == "var") return t->var;
    if (name->s == "old_value") {
      std::optional<context_value> old = t->token->old_value();
      return old ? old->v : *type_of(v)->dict.find(i.intern("MISSING"));
    }
    return {};
  };
  var->dict.set(in.intern("_token_type"), value::borrow(token));

  type_object* ctx = make_builtin_type(in, "Context", in.types.object_);
  ctx->module = "_contextvars";
  ctx->slots.construct = [](interpreter& i, const call_args& a, object* t) {
    if (a.npos || a.nkw) throw_error(i, i.types.TypeError, "Context() does not accept any arguments");
    return make_context(i, static_cast<type_object*>(t), context::current(), false);
  };
  ctx->slots.repr = context_repr;
  ctx->slots.getitem = context_getitem;
  ctx->slots.len = [](interpreter&, const value& v) { return static_cast<std::int64_t>(static_cast<context_object*>(v.obj())->ctx->size()); };
  ctx->slots.contains = [](interpreter& i, const value& self, const value& key) {
    return static_cast<context_object*>(self.obj())->ctx->contains(*var_key(i, key).var);
  };
  ctx->slots.iter = [](interpreter& i, const value& self) {
    std::vector<value> keys;
    for (auto& e : entries(*static_cast<context_object*>(self.obj())->ctx)) keys.push_back(e.first);
    return get_iter(i, make_list(i, std::move(keys)));
  };
  add_method(in, ctx, "run", context_run);
  add_method(in, ctx, "get", context_get);
  add_method(in, ctx, "keys", context_view<0>);
  add_method(in, ctx, "values", context_view<1>);
  add_method(in, ctx, "items", context_view<2>);
  add_method(in, ctx, "copy", [](interpreter& i, const call_args& a, object*) {
    context_object& self = context_self(i, a, "copy");
    return make_context(i, a.args[0].obj()->type, *self.ctx, true);
  });

  m.attrs.set(in.intern("ContextVar"), value::adopt(var));
  m.attrs.set(in.intern("Token"), value::adopt(token));
  m.attrs.set(in.intern("Context"), value::adopt(ctx));
  add_function(in, m, "copy_context", copy_context_fn);
}

}  // namespace

void register_contextvars_module(interpreter& in) { in.register_module("contextvars", make_contextvars); }

}  // namespace asyncrace::python
