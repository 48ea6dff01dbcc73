#include "pyrt/address.hpp"
#include "generators.hpp"

#include <cstdint>
#include <cstdio>

#include "asyncio_objects.hpp"
#include "coroutine.hpp"
#include "functions.hpp"
#include "interpreter.hpp"
#include "vm.hpp"

namespace asyncrace::python {

namespace {

// What coroutine.__await__() returns: it yields the coroutine itself once (the driver of the
// awaiting Task awaits it, coroutine.cpp) and returns the result sent back.
struct await_iter_object : object {
  value coro;
  bool yielded = false;
};

generator_object& as_generator(interpreter& in, const value& v) {
  if (!v.is_object() || (v.obj()->type != in.types.generator && v.obj()->type != in.types.async_generator))
    throw_error(in, in.types.TypeError, "descriptor requires a 'generator' object but received a '" + type_name(v) + "'");
  return *static_cast<generator_object*>(v.obj());
}

// The StopIteration a finished generator step raises: StopIteration() for a None return value.
[[noreturn]] void raise_stop_iteration(interpreter& in) {
  value r = take_stop_value(in);
  std::vector<value> args;
  if (!r.is_none()) args.push_back(std::move(r));
  throw_exception(new_exception(in, in.types.StopIteration, std::move(args)));
}

value gen_next_slot(interpreter& in, const value& self) {
  return generator_send(in, *static_cast<generator_object*>(self.obj()), value::none());
}

value gen_send_method(interpreter& in, const call_args& a, object*) {
  if (a.npos != 2) throw_error(in, in.types.TypeError, "send() takes exactly one argument");
  value r = generator_send(in, as_generator(in, a.args[0]), a.args[1]);
  if (r.empty()) raise_stop_iteration(in);
  return r;
}

value gen_throw_method(interpreter& in, const call_args& a, object*) {
  if (a.npos < 2) throw_error(in, in.types.TypeError, "throw expected at least 1 argument, got 0");
  value exc = a.args[1];
  if (isinstance(exc, in.types.type_)) exc = call(in, exc, std::vector<value>{});
  value r = generator_throw(in, as_generator(in, a.args[0]), exc);
  if (r.empty()) raise_stop_iteration(in);
  return r;
}

value gen_close_method(interpreter& in, const call_args& a, object*) {
  generator_object& g = as_generator(in, a.args[0]);
  if (!g.started || g.finished) {
    g.finished = true;
    return value::none();
  }
  try {
    value r = generator_throw(in, g, new_exception(in, in.types.GeneratorExit, {}));
    if (!r.empty()) throw_error(in, in.types.RuntimeError, "generator ignored GeneratorExit");
  } catch (const raised& e) {
    if (!isinstance(e.exception(), in.types.GeneratorExit) && !isinstance(e.exception(), in.types.StopIteration)) throw;
  }
  return value::none();
}

value asyncgen_anext_method(interpreter& in, const call_args& a, object*) { return asyncgen_anext(in, a.args[0]); }
value self_method(interpreter&, const call_args& a, object*) { return a.args[0]; }

std::string gen_repr(interpreter&, const value& v) {
  auto* g = static_cast<generator_object*>(v.obj());
  return "<" + v.obj()->type->name + " object " + g->qualname + " at " + address_text(g) + ">";
}

// "<coroutine object do_some_work at 0x...>": CPython names it by __qualname__.
std::string coroutine_repr_slot(interpreter&, const value& v) {
  auto* c = static_cast<coroutine_object*>(v.obj());
  return "<coroutine object " + c->qualname + " at " + address_text(c) + ">";
}

value coroutine_await_method(interpreter& in, const call_args& a, object*) { return make_await_iterator(in, a.args[0]); }

value await_iter_next(interpreter& in, const value& self) {
  auto* it = static_cast<await_iter_object*>(self.obj());
  if (!it->yielded) {
    // Future.__await__: `if not self.done(): yield self` then `return self.result()`.
    if (future_obj* f = as_future(it->coro); f && f->f.done()) {
      it->yielded = true;
      in.stop_value = call(in, getattr(in, it->coro, in.intern("result")), std::vector<value>{});
      return value();
    }
    it->yielded = true;
    return it->coro;
  }
  in.stop_value = value::none();
  return value();
}

}  // namespace

value make_await_iterator(interpreter& in, const value& awaited) {
  auto* it = in.heap.make<await_iter_object>(in.types.coroutine_wrapper);
  it->coro = awaited;
  return value::adopt(it);
}

value make_generator(interpreter& in, value frame_v, bool async) {
  auto* g = in.heap.make<generator_object>(async ? in.types.async_generator : in.types.generator);
  auto* f = static_cast<frame*>(frame_v.obj());
  g->name = f->co->name;
  g->qualname = f->co->qualname;
  f->owned_by_generator = true;
  g->frame_v = std::move(frame_v);
  return value::adopt(g);
}

value generator_send(interpreter& in, generator_object& g, value sent) {
  if (g.finished) {
    in.stop_value = value::none();
    return value();
  }
  if (g.running) throw_error(in, in.types.ValueError, "generator already executing");
  auto* f = static_cast<frame*>(g.frame_v.obj());
  if (!g.started && !sent.is_none())
    throw_error(in, in.types.TypeError, "can't send non-None value to a just-started generator");
  g.running = true;
  exec_result r;
  try {
    r = g.started ? resume_frame(in, *f, std::move(sent)) : run_frame(in, *f);
  } catch (...) {
    g.running = false;
    g.finished = true;
    throw;
  }
  g.started = true;
  g.running = false;
  if (r.status == exec_status::yielded) return std::move(r.v);
  g.finished = true;
  in.stop_value = r.status == exec_status::returned ? std::move(r.v) : value::none();
  return value();
}

value generator_throw(interpreter& in, generator_object& g, value exc) {
  if (g.finished || !g.started) {
    g.finished = true;
    throw_exception(exc);
  }
  auto* f = static_cast<frame*>(g.frame_v.obj());
  g.running = true;
  exec_result r;
  try {
    // Stopped in `yield from` a generator: the exception goes to that generator first
    // (GeneratorExit closes it, then is raised here). While it yields, so does this one; when it
    // returns, the `yield from` expression has its value and this frame runs on.
    const code& co = *f->co;
    value sub = f->sp > f->stack_base ? f->top() : value();
    if (f->ip < co.code.size() && co.code[f->ip].code == op::yield_from && sub.is_object() &&
        sub.obj()->type == in.types.generator) {
      auto& inner = *static_cast<generator_object*>(sub.obj());
      value y;
      bool raised_inside = false;
      try {
        if (isinstance(exc, in.types.GeneratorExit)) {
          call(in, getattr(in, sub, in.intern("close")), std::vector<value>{});
          raised_inside = true;  // then raise GeneratorExit here
        } else {
          y = generator_throw(in, inner, exc);
        }
      } catch (...) {
        y = value();
        exc = to_python_exception(in, std::current_exception());
        raised_inside = true;
      }
      if (raised_inside) {
        r = throw_into_frame(in, *f, std::move(exc));
      } else if (!y.empty()) {
        g.running = false;
        return y;
      } else {
        f->top() = take_stop_value(in);
        ++f->ip;
        r = run_frame(in, *f);
      }
    } else {
      r = throw_into_frame(in, *f, std::move(exc));
    }
  } catch (...) {
    g.running = false;
    g.finished = true;
    throw;
  }
  g.running = false;
  if (r.status == exec_status::yielded) return std::move(r.v);
  g.finished = true;
  in.stop_value = std::move(r.v);
  return value();
}

void mark_asyncgen_finished(const value& gen) { static_cast<generator_object*>(gen.obj())->finished = true; }

value take_stop_value(interpreter& in) {
  value v = std::move(in.stop_value);
  return v.empty() ? value::none() : v;
}

value yield_from_iter(interpreter& in, const value& v) {
  if (v.is_object() && (v.obj()->type == in.types.generator || v.obj()->type == in.types.coroutine_wrapper)) return v;
  if (is_coroutine(v))
    throw_error(in, in.types.TypeError, "cannot 'yield from' a coroutine object in a non-coroutine generator");
  return get_iter(in, v);
}

value yield_from_step(interpreter& in, const value& sub, const value& sent) {
  if (sub.is_object() && sub.obj()->type == in.types.generator)
    return generator_send(in, *static_cast<generator_object*>(sub.obj()), sent);
  if (sub.is_object() && sub.obj()->type == in.types.coroutine_wrapper) {
    auto* it = static_cast<await_iter_object*>(sub.obj());
    if (it->yielded) {
      in.stop_value = sent;
      return value();
    }
    return await_iter_next(in, sub);
  }
  if (!sent.is_none()) throw_error(in, in.types.TypeError, "can't send non-None value to an iterator");
  value n = iter_next(in, sub);
  if (n.empty()) in.stop_value = value::none();
  return n;
}

value get_aiter(interpreter& in, const value& v) {
  const value* m = type_of(v)->lookup(in.intern("__aiter__"));
  if (!m)
    throw_error(in, in.types.TypeError, "'async for' requires an object with __aiter__ method, got " + type_name(v));
  return call(in, *m, {v});
}

value get_anext_awaitable(interpreter& in, const value& aiter) {
  if (aiter.is_object() && aiter.obj()->type == in.types.async_generator) return asyncgen_anext(in, aiter);
  const value* m = type_of(aiter)->lookup(in.intern("__anext__"));
  if (!m)
    throw_error(in, in.types.TypeError,
                "'async for' received an object from __aiter__ that does not implement __anext__: " + type_name(aiter));
  return call(in, *m, {aiter});
}

void install_generator_types(interpreter& in) {
  type_object* g = in.types.generator;
  g->slots.iter = [](interpreter&, const value& v) { return v; };
  g->slots.next = gen_next_slot;
  g->slots.repr = gen_repr;
  add_method(in, g, "send", gen_send_method);
  add_method(in, g, "throw", gen_throw_method);
  add_method(in, g, "close", gen_close_method);
  add_method(in, g, "__next__", [](interpreter& i, const call_args& a, object*) {
    value r = gen_next_slot(i, a.args[0]);
    if (r.empty()) raise_stop_iteration(i);
    return r;
  });
  add_method(in, g, "__iter__", self_method);
  type_object* ag = in.types.async_generator;
  ag->slots.repr = gen_repr;
  add_method(in, ag, "__aiter__", self_method);
  add_method(in, ag, "__anext__", asyncgen_anext_method);
  add_method(in, ag, "aclose", [](interpreter& i, const call_args& a, object*) {
    static_cast<generator_object*>(a.args[0].obj())->finished = true;
    return make_native_coroutine(i, task_returning_none(), "aclose");
  });
  in.types.coroutine_wrapper = make_builtin_type(in, "coroutine_wrapper", in.types.object_);
  type_object* await_iter_type = in.types.coroutine_wrapper;
  await_iter_type->slots.iter = [](interpreter&, const value& v) { return v; };
  await_iter_type->slots.next = await_iter_next;
  add_method(in, in.types.coroutine, "__await__", coroutine_await_method);
  // __name__ and __qualname__ (coro.__name__ is its function's name).
  in.types.coroutine->slots.getattr = [](interpreter& i, const value& v, str_object* name) -> value {
    auto* c = static_cast<coroutine_object*>(v.obj());
    if (name->s == "__name__") return make_str(i, c->name);
    if (name->s == "__qualname__") return make_str(i, c->qualname.empty() ? c->name : c->qualname);
    return {};
  };
  auto generator_names = [](interpreter& i, const value& v, str_object* name) -> value {
    auto* gen = static_cast<generator_object*>(v.obj());
    if (name->s == "__name__") return make_str(i, gen->name);
    if (name->s == "__qualname__") return make_str(i, gen->qualname.empty() ? gen->name : gen->qualname);
    return {};
  };
  g->slots.getattr = generator_names;
  ag->slots.getattr = generator_names;
  in.types.coroutine->slots.repr = coroutine_repr_slot;
}

}  // namespace asyncrace::python
