#include "vm.hpp"

#include <cassert>
#include <cstring>
#include <optional>
#include <utility>

#include "frame_pool.hpp"
#include "functions.hpp"
#include "interpreter.hpp"
#include "slices.hpp"

namespace asyncrace::python {

namespace {

thread_local frame* innermost = nullptr;
// Set by a re-raise (RERAISE, bare `raise`): as CPython's exception_unwind, the frame re-raising
// adds no traceback entry of its own (it has one from when the exception reached it).
thread_local bool reraising = false;

// Instructions a dispatch call runs before it returns to run_frame (see dispatch).
constexpr std::uint32_t dispatch_budget = 1u << 16;

// Keeps `innermost` (the traceback's and warnings' current frame) right across nested runs.
struct running_scope {
  frame* saved;
  explicit running_scope(frame* f) : saved(innermost) { innermost = f; }
  ~running_scope() { innermost = saved; }
};

void load_code(interpreter& in, const code& co) {
  if (co.loaded) return;
  co.const_values.reserve(co.consts.size());
  for (const constant& c : co.consts) co.const_values.push_back(constant_value(in, c));
  co.name_objects.reserve(co.names.size());
  for (const std::string& n : co.names) co.name_objects.push_back(in.intern(n));
  co.global_slots.assign(co.names.size(), -1);
  co.builtin_slots.assign(co.names.size(), -1);
  co.loaded = true;
}

[[noreturn]] void unbound_local(interpreter& in, const code& co, std::uint32_t slot) {
  throw_error(in, in.types.UnboundLocalError,
              "cannot access local variable '" + co.varnames[slot] + "' where it is not associated with a value");
}

[[noreturn]] void unbound_free(interpreter& in, const code& co, std::uint32_t slot) {
  if (slot < co.cellvars.size())
    throw_error(in, in.types.UnboundLocalError,
                "cannot access local variable '" + co.cellvars[slot] + "' where it is not associated with a value");
  throw_error(in, in.types.NameError, "cannot access free variable '" + co.freevars[slot - co.cellvars.size()] +
                                          "' where it is not associated with a value in enclosing scope");
}

value load_global(interpreter& in, frame& f, str_object* name) {
  if (const value* v = f.globals->attrs.find(name); v && !v->empty()) return *v;
  if (const value* v = in.builtins().attrs.find(name); v && !v->empty()) return *v;
  throw_name_error(in, f, name);
}

// LOAD_GLOBAL with the code object's per-name slot caches (globals, then builtins).
const value& load_global_cached(interpreter& in, frame& f, const code& co, std::uint32_t namei) {
  str_object* name = co.name_objects[namei];
  const attr_map& g = f.globals->attrs;
  std::int32_t& gs = co.global_slots[namei];
  if (const value* v = g.at_slot(gs, name)) return *v;
  gs = g.slot_of(name);
  if (const value* v = g.at_slot(gs, name)) return *v;
  const attr_map& b = in.builtins().attrs;
  std::int32_t& bs = co.builtin_slots[namei];
  if (const value* v = b.at_slot(bs, name)) return *v;
  bs = b.slot_of(name);
  if (const value* v = b.at_slot(bs, name)) return *v;
  throw_name_error(in, f, name);
}

value load_name(interpreter& in, frame& f, str_object* name) {
  if (!f.class_namespace.empty()) {
    value key = value::borrow(name);
    if (value v = namespace_get(in, f.class_namespace, key); !v.empty()) return v;
  }
  return load_global(in, f, name);
}

// The `except T:` test: T a class or a tuple of classes deriving from BaseException.
bool exception_matches(interpreter& in, const value& exc, const value& t) {
  if (isinstance(t, in.types.tuple)) {
    for (const value& e : static_cast<tuple_object*>(t.obj())->items)
      if (exception_matches(in, exc, e)) return true;
    return false;
  }
  if (!isinstance(t, in.types.type_) || !static_cast<type_object*>(t.obj())->is_exception)
    throw_error(in, in.types.TypeError, "catching classes that do not inherit from BaseException is not allowed");
  return isinstance(exc, static_cast<type_object*>(t.obj()));
}

// CALL's fast path: a plain Python function gets a frame on top of `f` in the same loop.
frame* push_call(interpreter& in, frame& f, function_object& fn, const call_args& args) {
  value fv = make_frame(in, fn, args);
  auto* callee = static_cast<frame*>(fv.release());  // the frame chain owns it until it returns
  callee->back = &f;
  callee->base = false;
  if (++in.depth > in.limits.max_recursion) {
    --in.depth;
    decref(callee);
    throw_error(in, in.types.RecursionError, "maximum recursion depth exceeded");
  }
  return callee;
}

bool is_plain_function(const value& c) {
  if (!c.is_object() || c.obj()->type != current_interpreter().types.function) return false;
  const code& co = *static_cast<function_object*>(c.obj())->co;
  return (co.flags & (code::generator | code::coroutine | code::async_generator)) == 0;
}

}  // namespace

frame* running_frame() { return innermost; }
unsigned running_line() { return innermost ? innermost->line() : 0; }

exec_result resume_frame(interpreter& in, frame& f, value sent) {
  (f.resume_at ? *f.resume_at : f).push(std::move(sent));
  return run_frame(in, f);
}

exec_result throw_into_frame(interpreter& in, frame& f, value exc) {
  // The exception is raised at the instruction the frame stopped after; run_frame's unwinding
  // starts from a pending exception.
  frame& at = f.resume_at ? *f.resume_at : f;
  at.push(std::move(exc));
  at.ip |= 0x80000000u;  // marks "raise TOS on entry" (cleared at once)
  return run_frame(in, f);
}

// The instruction loop: runs `f` (the innermost frame; innermost == f throughout) and the Python
// frames it calls until the base frame returns, yields, awaits or asks for asyncio.run, or until
// `dispatch_budget` instructions ran (nullopt): run_frame then enters it again. A wasm engine
// (V8) switches a function to its optimised code only when the function is entered anew, so a
// long loop inside one call would otherwise run in baseline code to its end (no on-stack
// replacement for wasm). Exceptions leave it to run_frame's handler, which finds the frame
// they were raised in as `innermost`.
static std::optional<exec_result> dispatch(interpreter& in, frame& base, frame* f) {
  std::uint32_t budget = dispatch_budget;
  const code* co = f->co.get();
  load_code(in, *co);
  const instr* code_start = co->code.data();
  for (;;) {
    if (--budget == 0) return std::nullopt;  // before the step is counted: it runs on re-entry
    if (++in.steps > in.step_stop && end_of_slice(in, base)) {
      if (f != &base) base.resume_at = f;
      return exec_result{exec_status::preempted, value()};
    }
    const instr& i = code_start[f->ip++];
    switch (i.code) {
      case op::nop: break;
      case op::pop_top: f->pop(); break;
      case op::copy: f->push(f->top(i.arg)); break;
      case op::swap: std::swap(f->top(1), f->top(i.arg)); break;
      case op::load_const: f->push(co->const_values[i.arg]); break;
      case op::load_fast: {
        const value& v = f->fast[i.arg];
        if (v.empty()) unbound_local(in, *co, i.arg);
        f->push(v);
        break;
      }
      case op::store_fast: f->fast[i.arg] = f->pop(); break;
      case op::delete_fast:
        if (f->fast[i.arg].empty()) unbound_local(in, *co, i.arg);
        f->fast[i.arg] = value();
        break;
      case op::load_deref: {
        auto* cell = static_cast<cell_object*>(f->cells()[i.arg].obj());
        if (cell->v.empty()) unbound_free(in, *co, i.arg);
        f->push(cell->v);
        break;
      }
      case op::store_deref: static_cast<cell_object*>(f->cells()[i.arg].obj())->v = f->pop(); break;
      case op::delete_deref: {
        auto* cell = static_cast<cell_object*>(f->cells()[i.arg].obj());
        if (cell->v.empty()) unbound_free(in, *co, i.arg);
        cell->v = value();
        break;
      }
      case op::load_closure: f->push(f->cells()[i.arg]); break;
      case op::load_class_deref: {
        const std::string& n = i.arg < co->cellvars.size() ? co->cellvars[i.arg] : co->freevars[i.arg - co->cellvars.size()];
        value key = value::borrow(in.intern(n));
        if (value v = namespace_get(in, f->class_namespace, key); !v.empty()) {
          f->push(std::move(v));
          break;
        }
        auto* cell = static_cast<cell_object*>(f->cells()[i.arg].obj());
        if (cell->v.empty()) unbound_free(in, *co, i.arg);
        f->push(cell->v);
        break;
      }
      case op::load_global: f->push(load_global_cached(in, *f, *co, i.arg)); break;
      case op::store_global: f->globals->attrs.set(co->name_objects[i.arg], f->pop()); break;
      case op::delete_global:
        if (!f->globals->attrs.erase(co->name_objects[i.arg])) throw_name_error(in, *f, co->name_objects[i.arg]);
        break;
      case op::load_name: f->push(load_name(in, *f, co->name_objects[i.arg])); break;
      case op::store_name:
        if (f->class_namespace.empty()) f->globals->attrs.set(co->name_objects[i.arg], f->pop());
        else namespace_set(in, f->class_namespace, value::borrow(co->name_objects[i.arg]), f->pop());
        break;
      case op::delete_name:
        if (f->class_namespace.empty()) {
          if (!f->globals->attrs.erase(co->name_objects[i.arg])) throw_name_error(in, *f, co->name_objects[i.arg]);
        } else {
          namespace_del(in, f->class_namespace, value::borrow(co->name_objects[i.arg]));
        }
        break;
      case op::load_attr: f->top() = getattr(in, f->top(), co->name_objects[i.arg]); break;
      case op::store_attr: {
        value obj = f->pop();
        value v = f->pop();
        setattr(in, obj, co->name_objects[i.arg], v);
        break;
      }
      case op::delete_attr: delattr(in, f->pop(), co->name_objects[i.arg]); break;
      case op::load_method: {
        value self = f->pop();
        value meth = lookup_method(in, self, co->name_objects[i.arg]);
        if (meth.empty()) {
          f->push(getattr(in, self, co->name_objects[i.arg]));
          f->push(value());
        } else {
          f->push(std::move(meth));
          f->push(std::move(self));
        }
        break;
      }
      case op::call_method:
      case op::call_method_kw:
      case op::call:
      case op::call_kw: {
        const bool method = i.code == op::call_method || i.code == op::call_method_kw;
        const bool kw = i.code == op::call_kw || i.code == op::call_method_kw;
        value kwnames = kw ? f->pop() : value();
        std::uint32_t argc = i.arg;
        // Layout: [callable, (self|empty), args...]
        std::uint32_t first_arg = f->sp - argc;
        std::uint32_t callable_at = first_arg - (method ? 2 : 1);
        if (method && !f->fast[callable_at + 1].empty()) {
          first_arg = callable_at + 1;  // self is the first argument
          ++argc;
        }
        call_args a;
        a.args = f->fast.data() + first_arg;
        if (kw) {
          a.nkw = static_cast<tuple_object*>(kwnames.obj())->items.size();
          a.npos = argc - a.nkw;
        } else {
          a.npos = argc;
        }
        value callable = std::move(f->fast[callable_at]);
        std::vector<str_object*> names;  // the kwnames tuple holds values; calls take name pointers
        if (kw) {
          for (const value& n : static_cast<tuple_object*>(kwnames.obj())->items)
            names.push_back(static_cast<str_object*>(n.obj()));
          a.kwnames = names.data();
        }
        if (is_plain_function(callable)) {
          frame* callee = push_call(in, *f, *static_cast<function_object*>(callable.obj()), a);
          for (std::uint32_t k = callable_at; k < f->sp; ++k) f->fast[k] = value();
          f->sp = callable_at;
          f = callee;
          innermost = f;
          co = f->co.get();
          load_code(in, *co);
          code_start = co->code.data();
          break;
        }
        value result = call(in, callable, a);
        for (std::uint32_t k = callable_at; k < f->sp; ++k) f->fast[k] = value();
        f->sp = callable_at;
        // asyncio.run from module code (functions.hpp): the program's driver takes over and
        // resumes this frame with main's result.
        if (result.empty()) {
          if (f != &base) base.resume_at = f;
          return exec_result{exec_status::run_request, value()};
        }
        f->push(std::move(result));
        break;
      }
      case op::call_ex: {
        value kwargs = i.arg & 1 ? f->pop() : value();
        value args = f->pop();
        value callable = f->pop();
        f->push(call_unpacked(in, callable, args, kwargs));
        break;
      }
      case op::binary_subscr: {
        value key = f->pop();
        f->top() = getitem(in, f->top(), key);
        break;
      }
      case op::store_subscr: {
        value key = f->pop();
        value c = f->pop();
        value v = f->pop();
        setitem(in, c, key, v);
        break;
      }
      case op::delete_subscr: {
        value key = f->pop();
        value c = f->pop();
        delitem(in, c, key);
        break;
      }
      case op::build_slice: {
        auto* s = in.heap.make<slice_object>(in.types.slice);
        if (i.arg == 3) s->step = f->pop();
        else s->step = value::none();
        s->stop = f->pop();
        s->start = f->pop();
        f->push(value::adopt(s));
        break;
      }
      case op::unary: f->top() = unary(in, static_cast<unary_op>(i.arg), f->top()); break;
      case op::unary_not: f->top() = value::boolean(!truthy(in, f->top())); break;
      case op::binary: {
        value b = f->pop();
        value& a = f->top();
        if (a.is_int() && b.is_int()) {  // the hot path: small ints, no dispatch
          std::int64_t r;
          const std::int64_t x = a.as_int(), y = b.as_int();
          switch (static_cast<bin_op>(i.arg & 15)) {
            case bin_op::add:
              if (!__builtin_add_overflow(x, y, &r)) { a = value::integer(r); goto next; }
              break;
            case bin_op::sub:
              if (!__builtin_sub_overflow(x, y, &r)) { a = value::integer(r); goto next; }
              break;
            case bin_op::mul:
              if (!__builtin_mul_overflow(x, y, &r)) { a = value::integer(r); goto next; }
              break;
            case bin_op::mod:
              if (y > 0 && x >= 0) { a = value::integer(x % y); goto next; }
              break;
            case bin_op::floordiv:
              if (y > 0 && x >= 0) { a = value::integer(x / y); goto next; }
              break;
            default: break;
          }
        }
        a = binary(in, static_cast<bin_op>(i.arg & 15), a, b, (i.arg & 16) != 0);
        break;
      }
      case op::compare: {
        value b = f->pop();
        value& a = f->top();
        if (a.is_int() && b.is_int()) {
          const std::int64_t x = a.as_int(), y = b.as_int();
          bool r = false;
          switch (static_cast<cmp_op>(i.arg)) {
            case cmp_op::lt: r = x < y; break;
            case cmp_op::le: r = x <= y; break;
            case cmp_op::eq: r = x == y; break;
            case cmp_op::ne: r = x != y; break;
            case cmp_op::gt: r = x > y; break;
            case cmp_op::ge: r = x >= y; break;
          }
          a = value::boolean(r);
          break;
        }
        a = compare(in, static_cast<cmp_op>(i.arg), a, b);
        break;
      }
      case op::is_op: {
        value b = f->pop();
        const bool same = f->top().identical(b);
        f->top() = value::boolean(same != (i.arg == 1));
        break;
      }
      case op::contains_op: {
        value c = f->pop();
        const bool has = contains(in, c, f->top());
        f->top() = value::boolean(has != (i.arg == 1));
        break;
      }
      case op::jump: f->ip = i.arg; break;
      case op::pop_jump_if_false: {
        value v = f->pop();
        if (v.is_bool() ? !v.as_bool() : !truthy(in, v)) f->ip = i.arg;
        break;
      }
      case op::pop_jump_if_true: {
        value v = f->pop();
        if (v.is_bool() ? v.as_bool() : truthy(in, v)) f->ip = i.arg;
        break;
      }
      case op::jump_if_false_or_pop:
        if (!truthy(in, f->top())) f->ip = i.arg;
        else f->pop();
        break;
      case op::jump_if_true_or_pop:
        if (truthy(in, f->top())) f->ip = i.arg;
        else f->pop();
        break;
      case op::get_iter: f->top() = get_iter(in, f->top()); break;
      case op::for_iter: {
        value n = iter_next(in, f->top());
        if (n.empty()) {
          f->pop();
          f->ip = i.arg;
        } else {
          f->push(std::move(n));
        }
        break;
      }
      case op::build_tuple:
      case op::build_list: {
        std::vector<value> items(i.arg);
        for (std::uint32_t k = i.arg; k-- > 0;) items[k] = f->pop();
        f->push(i.code == op::build_tuple ? make_tuple(in, std::move(items)) : make_list(in, std::move(items)));
        break;
      }
      case op::build_set: {
        value s = make_set(in);
        std::vector<value> items(i.arg);
        for (std::uint32_t k = i.arg; k-- > 0;) items[k] = f->pop();
        for (value& v : items) set_add_item(in, s, v);
        f->push(std::move(s));
        break;
      }
      case op::build_map: {
        value d = make_dict(in);
        std::vector<value> items(2 * i.arg);
        for (std::uint32_t k = 2 * i.arg; k-- > 0;) items[k] = f->pop();
        for (std::uint32_t k = 0; k < i.arg; ++k) setitem(in, d, items[2 * k], items[2 * k + 1]);
        f->push(std::move(d));
        break;
      }
      case op::build_string: {
        std::string s;
        for (std::uint32_t k = i.arg; k > 0; --k) s += static_cast<str_object*>(f->top(k).obj())->s;
        for (std::uint32_t k = 0; k < i.arg; ++k) f->pop();
        f->push(make_str(in, std::move(s)));
        break;
      }
      case op::list_append: {
        value v = f->pop();
        static_cast<list_object*>(f->top(i.arg).obj())->items.push_back(std::move(v));
        break;
      }
      case op::set_add: {
        value v = f->pop();
        set_add_item(in, f->top(i.arg), v);
        break;
      }
      case op::map_add: {
        value v = f->pop();
        value k = f->pop();
        setitem(in, f->top(i.arg), k, v);
        break;
      }
      case op::list_extend: {
        value it = f->pop();
        list_extend_from(in, f->top(i.arg), it);
        break;
      }
      case op::set_update: {
        value it = f->pop();
        value iter = get_iter(in, it);
        for (value v = iter_next(in, iter); !v.empty(); v = iter_next(in, iter)) set_add_item(in, f->top(i.arg), v);
        break;
      }
      case op::dict_update:
      case op::dict_merge: {
        value m = f->pop();
        dict_merge_from(in, f->top(i.arg), m, i.code == op::dict_merge);
        break;
      }
      case op::list_to_tuple: {
        auto* l = static_cast<list_object*>(f->top().obj());
        f->top() = make_tuple(in, std::move(l->items));
        break;
      }
      case op::unpack_sequence: {
        value seq = f->pop();
        std::vector<value> items = unpack_iterable(in, seq, i.arg, -1);
        for (std::size_t k = items.size(); k-- > 0;) f->push(std::move(items[k]));
        break;
      }
      case op::unpack_ex: {
        value seq = f->pop();
        const std::uint32_t before = i.arg & 0xff, after = i.arg >> 8;
        std::vector<value> items = unpack_iterable(in, seq, before, static_cast<int>(after));
        for (std::size_t k = items.size(); k-- > 0;) f->push(std::move(items[k]));
        break;
      }
      case op::format_value: {
        value spec = (i.arg & 4) ? f->pop() : value();
        value v = f->pop();
        switch (i.arg & 3) {
          case 1: v = make_str(in, str(in, v)); break;
          case 2: v = make_str(in, repr(in, v)); break;
          case 3: v = make_str(in, ascii_repr(in, v)); break;
          default: break;
        }
        const std::string_view s = spec.empty() ? std::string_view() : std::string_view(static_cast<str_object*>(spec.obj())->s);
        if (s.empty() && v.is_object() && v.obj()->type == in.types.str) f->push(std::move(v));
        else f->push(make_str(in, format(in, v, s)));
        break;
      }
      case op::make_function: {
        value code_v = f->pop();
        value closure = (i.arg & 8) ? f->pop() : value();
        value kwdefaults = (i.arg & 2) ? f->pop() : value();
        value defaults = (i.arg & 1) ? f->pop() : value();
        f->push(make_function_object(in, code_v, *f, std::move(defaults), std::move(kwdefaults), std::move(closure)));
        break;
      }
      case op::return_value: {
        value r = f->pop();
        if (f == &base) return exec_result{exec_status::returned, std::move(r)};
        frame* done = f;
        f = f->back;
        innermost = f;
        --in.depth;
        done->back = nullptr;
        frame_pool::local().release(done);
        f->push(std::move(r));
        co = f->co.get();
        code_start = co->code.data();
        break;
      }
      case op::yield_value: return exec_result{exec_status::yielded, f->pop()};
      case op::get_yield_from_iter: f->top() = yield_from_iter(in, f->top()); break;
      case op::yield_from: {
        // [iter, sent]: one step of the sub-iterator; while it yields, this frame yields the
        // same value and comes back to this instruction.
        value sent = f->pop();
        value r = yield_from_step(in, f->top(), sent);
        if (r.empty()) {  // the sub-iterator returned: its value replaces it
          f->top() = take_stop_value(in);
          break;
        }
        --f->ip;
        return exec_result{exec_status::yielded, std::move(r)};
      }
      case op::await_: return exec_result{exec_status::awaiting, f->pop()};
      case op::get_aiter: f->top() = get_aiter(in, f->top()); break;
      case op::get_anext: f->push(get_anext_awaitable(in, f->top())); break;
      case op::end_async_for: {
        value exc = f->pop();
        if (!isinstance(exc, in.types.StopAsyncIteration)) {
          reraising = true;
          throw_exception(exc);
        }
        f->handled = f->pop();
        f->blocks.pop_back();
        f->pop();  // the async iterator
        break;
      }
      case op::setup_finally:
        f->blocks.push_back({frame::block::kind::finally_, i.arg, f->sp});
        break;
      case op::setup_with: {
        value mgr = f->pop();
        value exit = bound_special(in, mgr, "__exit__", "__enter__", false);
        value enter = bound_special(in, mgr, "__enter__", "__exit__", false);
        f->push(std::move(exit));
        f->blocks.push_back({frame::block::kind::with, i.arg, f->sp});
        f->push(call(in, enter, std::vector<value>{}));
        break;
      }
      case op::before_async_with: {
        value mgr = f->pop();
        value exit = bound_special(in, mgr, "__aexit__", "__aenter__", true);
        value enter = bound_special(in, mgr, "__aenter__", "__aexit__", true);
        f->push(std::move(exit));
        f->push(call(in, enter, std::vector<value>{}));
        break;
      }
      case op::setup_async_with: {
        value entered = f->pop();
        f->blocks.push_back({frame::block::kind::with, i.arg, f->sp});
        f->push(std::move(entered));
        break;
      }
      case op::pop_block: f->blocks.pop_back(); break;
      case op::pop_except:
        assert(!f->blocks.empty() && f->blocks.back().type == frame::block::kind::except_handler);
        f->blocks.pop_back();
        f->handled = f->pop();
        break;
      case op::jump_if_not_exc_match: {
        value t = f->pop();
        if (!exception_matches(in, f->top(), t)) f->ip = i.arg;
        break;
      }
      case op::reraise:
        reraising = true;
        throw_exception(f->pop());
      case op::raise_varargs: {
        if (i.arg == 0) {
          if (f->handled.empty() || f->handled.is_none())
            throw_error(in, in.types.RuntimeError, "No active exception to reraise");
          reraising = true;
          throw_exception(f->handled);
        }
        value cause = i.arg == 2 ? f->pop() : value();
        value exc = f->pop();
        throw_exception(prepare_raise(in, exc, cause, i.arg == 2));
      }
      case op::with_exit:
      case op::async_with_exit: {
        value r;
        if (i.arg == 0) {
          value exit = std::move(f->top(2));
          r = call(in, exit, {value::none(), value::none(), value::none()});
          f->top(2) = value::none();
          f->top() = std::move(r);
        } else {
          const value& exc = f->top();
          r = call(in, f->top(3), {value::borrow(type_of(exc)), exc, value::none()});
          f->push(std::move(r));
        }
        break;
      }
      case op::except_star_match: {
        value t = f->pop();
        value rest = f->pop();
        auto [match, remaining] = split_exception_group(in, rest, t);
        f->push(std::move(remaining));
        if (match.empty() || match.is_none()) {
          f->ip = i.arg;
        } else {
          f->push(std::move(match));
        }
        break;
      }
      case op::except_star_reraise: {
        value rest = f->pop();
        if (!rest.is_none()) {
          reraising = true;
          throw_exception(rest);
        }
        break;
      }
      case op::load_build_class: f->push(build_class_builtin(in)); break;
      case op::load_assertion_error: f->push(value::borrow(in.types.AssertionError)); break;
      case op::setup_annotations: break;
      case op::import_name: {
        value fromlist = f->pop();
        value level = f->pop();
        (void)level;
        f->push(import_module_for(in, co->names[i.arg], fromlist));
        break;
      }
      case op::import_from: {
        str_object* name = co->name_objects[i.arg];
        value attr = getattr_or_empty(in, f->top(), name);
        if (attr.empty()) {
          auto* m = static_cast<module_object*>(f->top().obj());
          throw_error(in, in.types.ImportError, "cannot import name '" + name->s + "' from '" + m->name + "' (unknown location)");
        }
        f->push(std::move(attr));
        break;
      }
      case op::import_star: {
        value m = f->pop();
        static_cast<module_object*>(m.obj())->attrs.each([&](str_object* k, const value& v) {
          if (k->s.empty() || k->s[0] != '_') f->globals->attrs.set(k, v);
        });
        break;
      }
      case op::print_expr: {
        value v = f->pop();
        display_value(in, v);
        break;
      }
      case op::asyncio_run: {
        value aw = f->pop();
        request_asyncio_run(in, aw, true);
        if (f != &base) base.resume_at = f;
        return exec_result{exec_status::run_request, value()};
      }
      case op::count_: assert(false); break;
    }
  next:;
  }
}

exec_result run_frame(interpreter& in, frame& base) {
  frame* f = base.resume_at ? std::exchange(base.resume_at, nullptr) : &base;
  running_scope scope(f);
  value pending;  // an exception being propagated
  bool reraised = false;  // pending was re-raised in f: f's traceback entry is there already
  if (f->ip & 0x80000000u) {
    f->ip &= 0x7fffffffu;
    pending = f->pop();
  }
  for (;;) {
    if (pending.empty()) {
      try {
        for (;;)
          if (std::optional<exec_result> r = dispatch(in, base, innermost)) return std::move(*r);
      } catch (...) {
        f = innermost;  // the frame the exception was raised in
        reraised = std::exchange(reraising, false);
        pending = to_python_exception(in, std::current_exception());
        // Raised here: its __context__ is the exception being handled, in this frame or in a
        // caller's except/finally block (CPython's exc_info stack).
        for (frame* h = f; h; h = h->back)
          if (!h->handled.empty() && !h->handled.is_none()) {
            set_exception_context(in, pending, h->handled);
            break;
          }
      }
    }
    // Unwinding: the innermost block of this frame that handles exceptions gets it; without
    // one, the frame ends and its caller (in this run) gets it, or our caller does.
    if (!std::exchange(reraised, false)) add_traceback(in, pending, *f);
    bool handled = false;
    while (!f->blocks.empty()) {
      frame::block b = f->blocks.back();
      f->blocks.pop_back();
      if (b.type == frame::block::kind::except_handler) {
        f->handled = f->fast[b.level];
        while (f->sp > b.level) f->pop();
        continue;
      }
      while (f->sp > b.level) f->pop();
      set_exception_context(in, pending, f->handled);
      f->push(f->handled.empty() ? value::none() : f->handled);
      f->blocks.push_back({frame::block::kind::except_handler, 0, b.level});
      f->handled = pending;
      f->push(std::move(pending));
      f->ip = b.handler;
      handled = true;
      break;
    }
    if (handled) continue;
    while (f->sp > f->stack_base) f->pop();
    if (f == &base) {
      value exc = std::move(pending);
      throw_exception(exc);
    }
    frame* done = f;
    f = f->back;
    innermost = f;
    --in.depth;
    done->back = nullptr;
    frame_pool::local().release(done);
  }
}

}  // namespace asyncrace::python
