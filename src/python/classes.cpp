// Class statements (__build_class__), making instances (__new__/__init__), super(), the
// descriptors learners use (property, staticmethod, classmethod) and `object`'s own methods.
#include <algorithm>

#include "functions.hpp"
#include "generators.hpp"
#include "interpreter.hpp"
#include "vm.hpp"

namespace asyncrace::python {

void install_generator_types(interpreter& in);  // generators.cpp
void install_function_types(interpreter& in);   // function_types.cpp

namespace {

struct super_object : object {
  value cls, self;
};

str_object* key_name(interpreter& in, const value& key) {
  return in.intern(static_cast<str_object*>(key.obj())->s);
}

// C3 linearisation of a new class's bases (CPython's mro()).
std::vector<type_object*> c3_mro(interpreter& in, type_object* t) {
  std::vector<std::vector<type_object*>> seqs;
  for (type_object* b : t->bases) seqs.push_back(b->mro);
  seqs.push_back(t->bases);
  std::vector<type_object*> out{t};
  for (;;) {
    seqs.erase(std::remove_if(seqs.begin(), seqs.end(), [](auto& s) { return s.empty(); }), seqs.end());
    if (seqs.empty()) return out;
    type_object* next = nullptr;
    for (auto& s : seqs) {
      type_object* head = s.front();
      bool in_tail = false;
      for (auto& o : seqs)
        if (std::find(o.begin() + 1, o.end(), head) != o.end()) in_tail = true;
      if (!in_tail) {
        next = head;
        break;
      }
    }
    if (!next) throw_error(in, in.types.TypeError, "Cannot create a consistent method resolution order (MRO)");
    out.push_back(next);
    for (auto& s : seqs)
      if (s.front() == next) s.erase(s.begin());
  }
}

value build_class(interpreter& in, const call_args& a, object*) {
  if (a.npos < 2) throw_error(in, in.types.TypeError, "__build_class__: not enough arguments");
  auto& body = *static_cast<function_object*>(a.args[0].obj());
  const std::string name = static_cast<str_object*>(a.args[1].obj())->s;
  auto* ns = in.heap.make<module_object>(in.types.module);
  value ns_v = value::adopt(ns);
  ns->name = name;
  ns->attrs.set(in.intern("__module__"), make_str(in, static_cast<module_object*>(body.globals.obj())->name));
  ns->attrs.set(in.intern("__qualname__"), make_str(in, body.co->qualname));
  value fv = make_frame(in, body, call_args{});
  auto* f = static_cast<frame*>(fv.obj());
  f->class_namespace = ns_v;
  exec_result r = run_frame(in, *f);
  auto* t = in.heap.make<type_object>(in.types.type_);
  value tv = value::adopt(t);
  t->name = name;
  t->module = static_cast<module_object*>(body.globals.obj())->name;
  t->is_heap_type = true;
  for (std::size_t i = 2; i < a.npos; ++i) {
    if (!isinstance(a.args[i], in.types.type_)) throw_error(in, in.types.TypeError, "bases must be types");
    auto* b = static_cast<type_object*>(a.args[i].obj());
    if (!b->is_heap_type && b != in.types.object_ && !b->is_exception)
      throw_error(in, in.types.TypeError, "asyncrace cannot subclass the builtin type '" + b->name + "' yet");
    incref(b);
    t->bases.push_back(b);
  }
  if (t->bases.empty()) {
    incref(in.types.object_);
    t->bases.push_back(in.types.object_);
  }
  t->mro = c3_mro(in, t);
  for (type_object* b : t->mro)
    if (b->is_exception) {
      t->is_exception = true;
      t->instance_layout = type_object::layout::exception;
      t->slots = in.types.BaseException->slots;
    }
  ns->attrs.each([&](str_object* k, const value& v) {
    if (k->s != "__classcell__") t->dict.set(k, v);
  });
  // A class that defines __eq__ but not __hash__ is unhashable (type_new sets __hash__ = None).
  if (t->dict.find(in.intern("__eq__")) && !t->dict.find(in.intern("__hash__")))
    t->dict.set(in.intern("__hash__"), value::none());
  if (const value* cell = ns->attrs.find(in.intern("__classcell__")))
    static_cast<cell_object*>(cell->obj())->v = tv;
  (void)r;
  return tv;
}

value new_instance(interpreter& in, type_object* t, const call_args& a) {
  if (t->instance_layout == type_object::layout::exception) {
    // A subclass of (Base)ExceptionGroup is built as one: message and member exceptions checked.
    if (t->is_subtype_of(in.types.BaseExceptionGroup)) return in.types.BaseExceptionGroup->slots.construct(in, a, t);
    return new_exception(in, t, std::vector<value>(a.args, a.args + a.npos));
  }
  auto* o = in.heap.make<instance_object>(t);
  incref(t);
  return value::adopt(o);
}

bool is_object_method(interpreter& in, const value* m, const char* name) {
  return m && m->is_object() && m->obj()->type == in.types.builtin_function &&
         static_cast<builtin_function_object*>(m->obj())->name == std::string("object.") + name;
}

value super_call(interpreter& in, const call_args& a, object*) {
  value cls, self;
  if (a.npos == 2) {
    cls = a.args[0];
    self = a.args[1];
  } else if (a.npos == 0) {
    frame* f = running_frame();
    if (!f || f->co->argcount == 0) throw_error(in, in.types.RuntimeError, "super(): no arguments");
    for (std::size_t k = 0; k < f->co->freevars.size(); ++k)
      if (f->co->freevars[k] == "__class__") cls = static_cast<cell_object*>(f->cells()[f->co->cellvars.size() + k].obj())->v;
    if (cls.empty()) throw_error(in, in.types.RuntimeError, "super(): __class__ cell not found");
    self = f->locals()[0];
    if (self.empty() && !f->co->cell_param.empty())
      for (std::size_t k = 0; k < f->co->cellvars.size(); ++k)
        if (f->co->cell_param[k] == 0) self = static_cast<cell_object*>(f->cells()[k].obj())->v;
  } else {
    throw_error(in, in.types.TypeError, "super() takes 0 or 2 arguments");
  }
  auto* s = in.heap.make<super_object>(in.types.super_);
  s->cls = cls;
  s->self = self;
  return value::adopt(s);
}

value super_getattr(interpreter& in, const value& sv, str_object* name) {
  auto* s = static_cast<super_object*>(sv.obj());
  const bool self_is_type = isinstance(s->self, in.types.type_);
  type_object* start = self_is_type ? static_cast<type_object*>(s->self.obj()) : type_of(s->self);
  auto* cls = static_cast<type_object*>(s->cls.obj());
  bool after = false;
  for (type_object* m : start->mro) {
    if (after) {
      if (const value* v = m->dict.find(name)) {
        if (!v->is_object()) return *v;
        type_object* dt = v->obj()->type;
        if (dt == in.types.staticmethod) return static_cast<descriptor_object*>(v->obj())->fget;
        if (dt == in.types.function || dt == in.types.builtin_function || dt == in.types.classmethod) {
          auto* bm = in.heap.make<method_object>(in.types.method);
          bm->func = dt == in.types.classmethod ? static_cast<descriptor_object*>(v->obj())->fget : *v;
          bm->self = dt == in.types.classmethod && !self_is_type ? value::borrow(start) : s->self;
          if (self_is_type && dt == in.types.function) return *v;
          return value::adopt(bm);
        }
        if (dt == in.types.property) return call(in, static_cast<descriptor_object*>(v->obj())->fget, {s->self});
        return *v;
      }
    }
    if (m == cls) after = true;
  }
  return value();
}

value make_descriptor(interpreter& in, type_object* t, value fget, value fset = value::none(), value fdel = value::none()) {
  auto* d = in.heap.make<descriptor_object>(t);
  d->which = t == in.types.property ? descriptor_object::kind::property
             : t == in.types.classmethod ? descriptor_object::kind::class_method
                                         : descriptor_object::kind::static_method;
  d->fget = std::move(fget);
  d->fset = std::move(fset);
  d->fdel = std::move(fdel);
  return value::adopt(d);
}

value arg_or_none(const call_args& a, std::size_t i, const char* kw) {
  if (i < a.npos) return a.args[i];
  for (std::size_t k = 0; k < a.nkw; ++k)
    if (a.kwnames[k]->s == kw) return a.kw(k);
  return value::none();
}

void install_descriptors(interpreter& in) {
  in.types.property->slots.construct = [](interpreter& i, const call_args& a, object*) {
    return make_descriptor(i, i.types.property, arg_or_none(a, 0, "fget"), arg_or_none(a, 1, "fset"), arg_or_none(a, 2, "fdel"));
  };
  in.types.staticmethod->slots.construct = [](interpreter& i, const call_args& a, object*) {
    return make_descriptor(i, i.types.staticmethod, a.args[0]);
  };
  in.types.classmethod->slots.construct = [](interpreter& i, const call_args& a, object*) {
    return make_descriptor(i, i.types.classmethod, a.args[0]);
  };
  add_method(in, in.types.property, "setter", [](interpreter& i, const call_args& a, object*) {
    auto* p = static_cast<descriptor_object*>(a.args[0].obj());
    return make_descriptor(i, i.types.property, p->fget, a.args[1], p->fdel);
  });
  add_method(in, in.types.property, "getter", [](interpreter& i, const call_args& a, object*) {
    auto* p = static_cast<descriptor_object*>(a.args[0].obj());
    return make_descriptor(i, i.types.property, a.args[1], p->fset, p->fdel);
  });
  add_method(in, in.types.property, "deleter", [](interpreter& i, const call_args& a, object*) {
    auto* p = static_cast<descriptor_object*>(a.args[0].obj());
    return make_descriptor(i, i.types.property, p->fget, p->fset, a.args[1]);
  });
  for (type_object* t : {in.types.staticmethod, in.types.classmethod})
    t->slots.getattr = [](interpreter& i, const value& d, str_object* name) -> value {
      if (name->s == "__func__") return static_cast<descriptor_object*>(d.obj())->fget;
      (void)i;
      return value();
    };
}

void install_object_methods(interpreter& in) {
  type_object* o = in.types.object_;
  add_method(in, o, "__init__", [](interpreter& i, const call_args& a, object*) {
    if (a.npos > 1 || a.nkw) {
      type_object* t = type_of(a.args[0]);
      if (!t->lookup(i.intern("__new__")) || is_object_method(i, t->lookup(i.intern("__new__")), "__new__"))
        throw_error(i, i.types.TypeError, "object.__init__() takes exactly one argument (the instance to initialize)");
    }
    return value::none();
  });
  add_method(in, o, "__repr__", [](interpreter& i, const call_args& a, object*) { return make_str(i, default_repr(i, a.args[0])); });
  add_method(in, o, "__str__", [](interpreter& i, const call_args& a, object*) { return make_str(i, repr(i, a.args[0])); });
  add_method(in, o, "__format__", [](interpreter& i, const call_args& a, object*) {
    if (a.npos > 1 && truthy(i, a.args[1]))
      throw_error(i, i.types.TypeError, "unsupported format string passed to " + type_name(a.args[0]) + ".__format__");
    return make_str(i, str(i, a.args[0]));
  });
  add_method(in, o, "__eq__", [](interpreter& i, const call_args& a, object*) {
    return a.args[0].identical(a.args[1]) ? value::boolean(true) : i.not_implemented;
  });
  add_method(in, o, "__ne__", [](interpreter& i, const call_args& a, object*) {
    value r = compare(i, cmp_op::eq, a.args[0], a.args[1]);
    return value::boolean(!truthy(i, r));
  });
  add_method(in, o, "__hash__", [](interpreter&, const call_args& a, object*) {
    return value::integer(static_cast<std::int64_t>(reinterpret_cast<std::uintptr_t>(a.args[0].obj()) >> 4));
  });
  add_method(in, o, "__setattr__", [](interpreter& i, const call_args& a, object*) {
    static_cast<instance_object*>(a.args[0].obj())->attrs.set(i.intern(str(i, a.args[1])), a.args[2]);
    return value::none();
  });
  add_method(in, o, "__getattribute__", [](interpreter& i, const call_args& a, object*) {
    return getattr(i, a.args[0], i.intern(str(i, a.args[1])));
  });
  in.types.object_->slots.construct = [](interpreter& i, const call_args&, object*) {
    auto* inst = i.heap.make<instance_object>(i.types.object_);
    incref(i.types.object_);
    return value::adopt(inst);
  };
}

}  // namespace

value construct(interpreter& in, type_object* t, const call_args& a) {
  if (t == in.types.type_) {
    if (a.npos == 1 && !a.nkw) return value::borrow(type_of(a.args[0]));
    throw_error(in, in.types.TypeError, "type() takes 1 argument here (asyncrace does not build classes with type())");
  }
  if (!t->is_heap_type) {
    if (t->slots.construct) return t->slots.construct(in, a, t);
    throw_error(in, in.types.TypeError, "cannot create '" + t->name + "' instances");
  }
  const value* new_fn = t->lookup(in.intern("__new__"));
  value obj;
  if (new_fn && new_fn->is_object() && (new_fn->obj()->type == in.types.function || new_fn->obj()->type == in.types.staticmethod)) {
    value fn = new_fn->obj()->type == in.types.staticmethod ? static_cast<descriptor_object*>(new_fn->obj())->fget : *new_fn;
    std::vector<value> all{value::borrow(t)};
    all.insert(all.end(), a.args, a.args + a.npos + a.nkw);
    call_args na = a;
    na.args = all.data();
    na.npos = a.npos + 1;
    obj = call(in, fn, na);
    if (!isinstance(obj, t)) return obj;
  } else {
    obj = new_instance(in, t, a);
  }
  const value* init = t->lookup(in.intern("__init__"));
  if (is_object_method(in, init, "__init__")) {
    if (a.npos || a.nkw) {
      if (!new_fn) throw_error(in, in.types.TypeError, t->name + "() takes no arguments");
    }
    return obj;
  }
  if (init) {
    std::vector<value> all{obj};
    all.insert(all.end(), a.args, a.args + a.npos + a.nkw);
    call_args na = a;
    na.args = all.data();
    na.npos = a.npos + 1;
    value r = call(in, *init, na);
    if (!r.is_none()) throw_error(in, in.types.TypeError, "__init__() should return None, not '" + type_name(r) + "'");
  }
  return obj;
}

value build_class_builtin(interpreter& in) { return *in.builtins().attrs.find(in.intern("__build_class__")); }

value namespace_get(interpreter& in, const value& ns, const value& key) {
  if (const value* v = static_cast<module_object*>(ns.obj())->attrs.find(key_name(in, key))) return *v;
  return value();
}
void namespace_set(interpreter& in, const value& ns, const value& key, value v) {
  static_cast<module_object*>(ns.obj())->attrs.set(key_name(in, key), std::move(v));
}
void namespace_del(interpreter& in, const value& ns, const value& key) {
  if (!static_cast<module_object*>(ns.obj())->attrs.erase(key_name(in, key)))
    throw_error(in, in.types.NameError, "name '" + static_cast<str_object*>(key.obj())->s + "' is not defined");
}

void install_object_types(interpreter& in) {
  install_object_methods(in);
  install_descriptors(in);
  install_generator_types(in);
  install_function_types(in);
  in.types.super_->slots.getattr = super_getattr;
  in.builtins().attrs.set(in.intern("super"), make_builtin(in, "super", super_call));
  in.builtins().attrs.set(in.intern("__build_class__"), make_builtin(in, "__build_class__", build_class));
}

}  // namespace asyncrace::python
