// Function objects, the frames their calls get (CPython's argument binding and its TypeErrors),
// and bound methods.
#include "functions.hpp"

#include "coroutine.hpp"
#include "frame_pool.hpp"
#include "generators.hpp"
#include "interpreter.hpp"
#include "vm.hpp"

namespace asyncrace::python {

namespace {

std::string quoted_list(const std::vector<std::string>& names) {
  // CPython: 'a'; 'a' and 'b'; 'a', 'b', and 'c'
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i) out += names.size() == 2 ? " and " : (i + 1 == names.size() ? ", and " : ", ");
    out += "'" + names[i] + "'";
  }
  return out;
}

[[noreturn]] void missing(interpreter& in, const function_object& fn, const std::vector<std::string>& names, bool kwonly) {
  const std::string& q = static_cast<str_object*>(fn.qualname.obj())->s;
  throw_error(in, in.types.TypeError,
              q + "() missing " + std::to_string(names.size()) + " required " + (kwonly ? "keyword-only" : "positional") +
                  " argument" + (names.size() == 1 ? "" : "s") + ": " + quoted_list(names));
}

[[noreturn]] void too_many_positional(interpreter& in, const function_object& fn, std::size_t given, std::size_t kw_given) {
  const code& co = *fn.co;
  const std::string& q = static_cast<str_object*>(fn.qualname.obj())->s;
  std::size_t ndefaults = fn.defaults.empty() ? 0 : static_cast<tuple_object*>(fn.defaults.obj())->items.size();
  std::string takes;
  if (ndefaults) takes = "from " + std::to_string(co.argcount - ndefaults) + " to " + std::to_string(co.argcount);
  else takes = std::to_string(co.argcount);
  std::string msg = q + "() takes " + takes + " positional argument" + (co.argcount == 1 && !ndefaults ? "" : "s") +
                    " but " + std::to_string(given);
  if (kw_given) msg += " positional argument" + std::string(given == 1 ? "" : "s") + " (and " + std::to_string(kw_given) +
                       " keyword-only argument" + (kw_given == 1 ? "" : "s") + ")";
  msg += given == 1 && !kw_given ? " was given" : " were given";
  throw_error(in, in.types.TypeError, msg);
}

// Binds `args` into the frame's locals, as CPython's _PyEval_MakeFrameVector does.
void bind_arguments(interpreter& in, function_object& fn, frame& f, const call_args& args) {
  const code& co = *fn.co;
  value* locals = f.locals();
  const std::size_t nparams = co.argcount;
  const std::size_t npos = args.npos;
  // Positional arguments.
  const std::size_t direct = npos < nparams ? npos : nparams;
  for (std::size_t i = 0; i < direct; ++i) locals[i] = args.args[i];
  std::size_t slot = co.argcount + co.kwonly;
  if (co.is(code::varargs)) {
    std::vector<value> rest;
    for (std::size_t i = direct; i < npos; ++i) rest.push_back(args.args[i]);
    locals[slot++] = make_tuple(in, std::move(rest));
  } else if (npos > nparams) {
    std::size_t kw_given = 0;
    for (std::size_t k = 0; k < args.nkw; ++k)
      for (std::size_t p = co.argcount; p < co.argcount + co.kwonly; ++p)
        if (args.kwnames[k]->s == co.varnames[p]) ++kw_given;
    too_many_positional(in, fn, npos, kw_given);
  }
  value kwdict;
  if (co.is(code::varkeywords)) {
    kwdict = make_dict(in);
    locals[slot] = kwdict;
  }
  // Keyword arguments.
  for (std::size_t k = 0; k < args.nkw; ++k) {
    str_object* name = args.kwnames[k];
    std::size_t p = co.posonly;
    for (; p < co.argcount + co.kwonly; ++p)
      if (co.varnames[p].size() == name->s.size() && co.varnames[p] == name->s) break;
    const std::string& q = static_cast<str_object*>(fn.qualname.obj())->s;
    if (p == co.argcount + co.kwonly) {
      if (!kwdict.empty()) {
        setitem(in, kwdict, value::borrow(name), args.kw(k));
        continue;
      }
      for (std::size_t po = 0; po < co.posonly; ++po)
        if (co.varnames[po] == name->s)
          throw_error(in, in.types.TypeError,
                      q + "() got some positional-only arguments passed as keyword arguments: '" + name->s + "'");
      throw_error(in, in.types.TypeError, q + "() got an unexpected keyword argument '" + name->s + "'");
    }
    if (!locals[p].empty()) throw_error(in, in.types.TypeError, q + "() got multiple values for argument '" + name->s + "'");
    locals[p] = args.kw(k);
  }
  // Defaults, then what is still missing.
  if (npos < nparams) {
    const auto* defaults = fn.defaults.empty() ? nullptr : static_cast<tuple_object*>(fn.defaults.obj());
    const std::size_t ndefaults = defaults ? defaults->items.size() : 0;
    const std::size_t first_default = nparams - ndefaults;
    std::vector<std::string> absent;
    for (std::size_t p = npos; p < nparams; ++p) {
      if (!locals[p].empty()) continue;
      if (p >= first_default) locals[p] = defaults->items[p - first_default];
      else absent.push_back(co.varnames[p]);
    }
    if (!absent.empty()) missing(in, fn, absent, false);
  }
  if (co.kwonly) {
    std::vector<std::string> absent;
    for (std::size_t p = co.argcount; p < co.argcount + co.kwonly; ++p) {
      if (!locals[p].empty()) continue;
      value d;
      if (!fn.kwdefaults.empty()) {
        value key = make_str(in, co.varnames[p]);
        if (contains(in, fn.kwdefaults, key)) d = getitem(in, fn.kwdefaults, key);
      }
      if (d.empty()) absent.push_back(co.varnames[p]);
      else locals[p] = d;
    }
    if (!absent.empty()) missing(in, fn, absent, true);
  }
}

}  // namespace

value make_frame(interpreter& in, function_object& fn, const call_args& args) {
  const code& co = *fn.co;
  frame* f = frame_pool::local().take(in.heap, in.types.frame);
  value fv = value::adopt(f);
  f->co = fn.co;
  f->globals = static_cast<module_object*>(fn.globals.obj());
  f->globals_ref = fn.globals;
  const std::size_t nlocals = co.varnames.size(), ncells = co.ncells();
  // A pooled frame's slots are all empty already; it may have more than this code needs.
  if (const std::size_t slots = nlocals + ncells + co.stack_size + 1; f->fast.size() < slots) f->fast.resize(slots);
  f->stack_base = f->sp = static_cast<std::uint32_t>(nlocals + ncells);
  f->blocks.reserve(co.block_depth);
  bind_arguments(in, fn, *f, args);
  value* cells = f->cells();
  for (std::size_t k = 0; k < co.cellvars.size(); ++k) {
    auto* c = in.heap.make<cell_object>(in.types.cell);
    if (co.cell_param[k] >= 0) c->v = f->locals()[co.cell_param[k]];
    cells[k] = value::adopt(c);
  }
  if (!co.freevars.empty()) {
    const auto& closure = static_cast<tuple_object*>(fn.closure.obj())->items;
    for (std::size_t k = 0; k < co.freevars.size(); ++k) cells[co.cellvars.size() + k] = closure[k];
  }
  f->function = value::borrow(&fn);
  return fv;
}

value call_function(interpreter& in, function_object& fn, const call_args& args) {
  const code& co = *fn.co;
  value fv = make_frame(in, fn, args);
  if (co.is(code::coroutine)) return make_python_coroutine(in, std::move(fv));
  if (co.is(code::generator)) return make_generator(in, std::move(fv), false);
  if (co.is(code::async_generator)) return make_generator(in, std::move(fv), true);
  if (++in.depth > in.limits.max_recursion) {
    --in.depth;
    throw_error(in, in.types.RecursionError, "maximum recursion depth exceeded");
  }
  struct depth_guard {
    interpreter& in;
    ~depth_guard() { --in.depth; }
  } guard{in};
  exec_result r = run_frame(in, *static_cast<frame*>(fv.obj()));
  if (r.status != exec_status::returned)
    throw_error(in, in.types.RuntimeError, "asyncio.run() cannot be called from inside a builtin's callback");
  return std::move(r.v);
}

value make_function_object(interpreter& in, const value& code_v, frame& defining, value defaults, value kwdefaults,
                           value closure) {
  auto* fn = in.heap.make<function_object>(in.types.function);
  fn->co = code_handle(code_v);
  fn->globals = defining.globals_ref;
  fn->defaults = std::move(defaults);
  fn->kwdefaults = std::move(kwdefaults);
  fn->closure = std::move(closure);
  fn->qualname = make_str(in, fn->co->qualname);
  fn->doc = fn->co->has_doc ? make_str(in, fn->co->doc) : value::none();
  return value::adopt(fn);
}

value call_unpacked(interpreter& in, const value& callable, const value& args, const value& kwargs) {
  std::vector<value> all;
  if (isinstance(args, in.types.tuple)) all = static_cast<tuple_object*>(args.obj())->items;
  else if (isinstance(args, in.types.list)) all = static_cast<list_object*>(args.obj())->items;
  else {
    value it = get_iter(in, args);
    for (value v = iter_next(in, it); !v.empty(); v = iter_next(in, it)) all.push_back(std::move(v));
  }
  call_args a;
  a.npos = all.size();
  std::vector<str_object*> names;
  if (!kwargs.empty()) {
    value it = get_iter(in, kwargs);
    for (value k = iter_next(in, it); !k.empty(); k = iter_next(in, it)) {
      if (!isinstance(k, in.types.str)) throw_error(in, in.types.TypeError, "keywords must be strings");
      names.push_back(in.intern(static_cast<str_object*>(k.obj())->s));
      all.push_back(getitem(in, kwargs, k));
    }
  }
  a.args = all.data();
  a.nkw = names.size();
  a.kwnames = names.data();
  return call(in, callable, a);
}

value lookup_method(interpreter& in, const value& self, str_object* name) {
  type_object* t = type_of(self);
  // super objects, modules and the like find attributes their own way (their getattr slot).
  if (t->slots.getattr && !t->is_exception) return value();
  const value* m = t->lookup(name);
  if (!m || !m->is_object()) return value();
  type_object* mt = m->obj()->type;
  if (mt != in.types.function && !(mt == in.types.builtin_function && static_cast<builtin_function_object*>(m->obj())->bound.empty()))
    return value();
  // An instance attribute of the same name shadows the class's function.
  if (self.is_object()) {
    object* o = self.obj();
    if (t->instance_layout != type_object::layout::native && t->is_heap_type) {
      if (static_cast<instance_object*>(o)->attrs.find(name)) return value();
    } else if (t == in.types.module) {
      return value();
    }
  }
  return *m;
}

}  // namespace asyncrace::python
