#include "pickling.hpp"

#include <cstdint>
#include <cstring>
#include <unordered_map>
#include <vector>

#include "bigint.hpp"
#include "coroutine.hpp"
#include "dict.hpp"
#include "modules.hpp"
#include "numbers.hpp"
#include "set.hpp"

namespace asyncrace::python {

namespace {

// One byte names what follows.
enum tag : char {
  t_none = 'N', t_true = 'T', t_false = 'F', t_int = 'i', t_bigint = 'I', t_float = 'f', t_complex = 'c',
  t_str = 's', t_bytes = 'b', t_tuple = 't', t_list = 'l', t_dict = 'd', t_set = 'S', t_frozenset = 'z',
  t_range = 'r', t_global = 'g', t_method = 'M', t_instance = 'o', t_exception = 'e', t_memo = 'm',
};

type_object* pickle_error(interpreter& in, const char* name) {
  value m = in.import_module("_pickle");
  return static_cast<type_object*>(getattr(in, m, in.intern(name)).obj());
}

bool is_main(std::string_view module) { return module == "__main__" || module == "__mp_main__"; }

// The module a reference names: the running program's for __main__ / __mp_main__.
value module_named(interpreter& in, const std::string& name) {
  if (is_main(name)) {
    value m = in.loaded_module("__main__");
    return m.empty() ? in.loaded_module("__mp_main__") : m;
  }
  if (name == "builtins") return value::borrow(&in.builtins());
  value m = in.loaded_module(name);
  if (!m.empty()) return m;
  value got;
  if (call_caught([&] { got = in.import_module(name); })) return value();
  return got;
}

// module.qualname, attribute by attribute; empty when a step is missing.
value lookup_path(interpreter& in, const value& module, const std::string& qualname) {
  value obj = module;
  for (std::size_t start = 0; !obj.empty();) {
    const std::size_t dot = qualname.find('.', start);
    const std::string part = qualname.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
    obj = getattr_or_empty(in, obj, in.intern(part));
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  return obj;
}

std::string str_attr(interpreter& in, const value& v, const char* name) {
  value s = getattr_or_empty(in, v, in.intern(name));
  return !s.empty() && isinstance(s, in.types.str) ? static_cast<str_object*>(s.obj())->s : std::string();
}

// The module a function was defined in (its globals' module), as pickle's whichmodule finds it.
std::string module_of(const function_object& f) {
  if (!f.globals.is_object()) return "__main__";
  return static_cast<const module_object*>(f.globals.obj())->name;
}

class pickler {
 public:
  explicit pickler(interpreter& in) : in_(in) {}
  std::string take() { return std::move(out_); }

  void dump(const value& v) {
    switch (v.tag()) {
      case value::kind::empty:
      case value::kind::none: return put(t_none);
      case value::kind::boolean: return put(v.as_bool() ? t_true : t_false);
      case value::kind::integer: put(t_int), raw(v.as_int()); return;
      case value::kind::floating: put(t_float), raw(v.as_float()); return;
      case value::kind::object: break;
    }
    object* o = v.obj();
    if (auto it = memo_.find(o); it != memo_.end()) {
      put(t_memo), raw(it->second);
      return;
    }
    const builtin_types& t = in_.types;
    type_object* type = o->type;
    if (type == t.str) return text(t_str, static_cast<str_object*>(o)->s);
    if (type == t.bytes) return text(t_bytes, static_cast<bytes_object*>(o)->s);
    if (type == t.int_) return text(t_bigint, to_bigint(v).to_string());
    if (type == t.complex) {
      put(t_complex), raw(to_double(in_, getattr(in_, v, in_.intern("real"))));
      raw(to_double(in_, getattr(in_, v, in_.intern("imag"))));
      return;
    }
    if (type == t.tuple) {  // items first, then remembered (as pickle's TUPLE)
      const auto& items = static_cast<tuple_object*>(o)->items;
      put(t_tuple), count(items.size());
      for (const value& x : items) dump(x);
      remember(o);
      return;
    }
    if (type == t.list) {  // remembered first: the list may contain itself
      remember(o);
      const auto& items = static_cast<list_object*>(o)->items;
      put(t_list), count(items.size());
      for (std::size_t i = 0; i < items.size(); ++i) dump(items[i]);
      return;
    }
    if (type == t.dict) {
      remember(o);
      std::vector<std::pair<value, value>> entries;
      for (const auto& e : dict_of(v).entries())
        if (!e.key.empty()) entries.emplace_back(e.key, e.val);
      put(t_dict), count(entries.size());
      for (const auto& [k, x] : entries) dump(k), dump(x);
      return;
    }
    if (type == t.set || type == t.frozenset) {
      std::vector<value> keys;
      for (const auto& s : set_of(v).slots())
        if (!s.key.empty() && !s.dummy) keys.push_back(s.key);
      if (type == t.set) remember(o);
      put(type == t.set ? t_set : t_frozenset), count(keys.size());
      for (const value& k : keys) dump(k);
      if (type == t.frozenset) remember(o);
      return;
    }
    if (type == t.range) {
      const auto* r = static_cast<range_object*>(o);
      put(t_range), raw(r->start), raw(r->stop), raw(r->step);
      return;
    }
    if (type == t.function) return global(v, module_of(*static_cast<function_object*>(o)), str_attr(in_, v, "__qualname__"));
    if (isinstance(v, t.type_)) {
      auto* cls = static_cast<type_object*>(o);
      return global(v, cls->module, cls->is_heap_type ? str_attr(in_, v, "__qualname__") : cls->name);
    }
    if (type == t.builtin_function) return builtin(v, *static_cast<builtin_function_object*>(o));
    if (type == t.method) {  // getattr(self, name) on the other side, as pickle's reduction
      const auto* m = static_cast<method_object*>(o);
      put(t_method);
      dump(m->self);
      text(t_str, str_attr(in_, m->func, "__name__"));
      return;
    }
    if (type->is_exception && type->instance_layout == type_object::layout::exception) {
      auto* e = static_cast<exception_object*>(o);
      remember(o);
      put(t_exception);
      dump(value::borrow(type));
      dump(e->args);
      attributes(e->attrs);
      return;
    }
    if (type->is_heap_type && type->instance_layout == type_object::layout::plain) {
      auto* obj = static_cast<instance_object*>(o);
      remember(o);
      put(t_instance);
      dump(value::borrow(type));
      attributes(obj->attrs);
      return;
    }
    if (type->is_heap_type)
      throw_error(in_, pickle_error(in_, "PicklingError"),
                  "asyncrace cannot pickle instances of '" + type->name + "', a class derived from a builtin type");
    throw_error(in_, in_.types.TypeError, "cannot pickle '" + type->name + "' object");
  }

 private:
  void put(char c) { out_.push_back(c); }
  template <class T>
  void raw(T x) {
    char b[sizeof(T)];
    std::memcpy(b, &x, sizeof(T));
    out_.append(b, sizeof(T));
  }
  void count(std::size_t n) { raw(static_cast<std::uint32_t>(n)); }
  void text(char tag, const std::string& s) { put(tag), count(s.size()), out_.append(s); }
  void remember(const object* o) { memo_.emplace(o, static_cast<std::uint32_t>(memo_.size())); }

  void attributes(const attr_map& attrs) {
    std::vector<std::pair<str_object*, value>> items;
    attrs.each([&](str_object* k, const value& x) { items.emplace_back(k, x); });
    count(items.size());
    for (const auto& [k, x] : items) text(t_str, k->s), dump(x);
  }

  // A function or class by reference, checked as pickle's save_global checks it.
  void global(const value& v, const std::string& module, const std::string& qualname) {
    if (qualname.find("<locals>") != std::string::npos)
      throw_error(in_, in_.types.AttributeError, "Can't pickle local object '" + qualname + "'");
    const value m = module_named(in_, module);
    const value found = m.empty() ? value() : lookup_path(in_, m, qualname);
    if (found.empty())
      throw_error(in_, pickle_error(in_, "PicklingError"),
                  "Can't pickle " + repr(in_, v) + ": attribute lookup " + qualname + " on " + module + " failed");
    if (!found.identical(v))
      throw_error(in_, pickle_error(in_, "PicklingError"),
                  "Can't pickle " + repr(in_, v) + ": it's not the same object as " + module + "." + qualname);
    put(t_global), text(t_str, module), text(t_str, qualname);
  }

  // A builtin function: by the module that holds it under its name (builtins, math, cpu_tasks);
  // a builtin bound method ([].append) as its object and the method's name.
  void builtin(const value& v, const builtin_function_object& f) {
    const std::size_t dot = f.name.rfind('.');
    if (!f.bound.empty() && dot != std::string::npos) {
      put(t_method);
      dump(f.bound);
      text(t_str, f.name.substr(dot + 1));
      return;
    }
    // As pickle's whichmodule: the module the function names as its own (`from cpu_tasks import
    // cpu_bound` puts it in __main__ too, where a spawned worker may not have it).
    std::string holder;
    str_object* name = in_.intern(f.name);
    const auto holds = [&](const value& m) {
      const value* x = m.is_object() && m.obj()->type == in_.types.module
                           ? static_cast<module_object*>(m.obj())->attrs.find(name)
                           : nullptr;
      return x && x->identical(v);
    };
    if (const value* x = in_.builtins().attrs.find(name); x && x->identical(v)) holder = "builtins";
    if (holder.empty() && !f.module.empty() && holds(in_.loaded_module(f.module))) holder = f.module;
    if (holder.empty())  // then any other module, by name (the module table has no order of its own)
      in_.each_module([&](const std::string& module, const value& m) {
        if (!is_main(module) && (holder.empty() || module < holder) && holds(m)) holder = module;
      });
    if (holder.empty() && holds(module_named(in_, "__main__"))) holder = "__main__";
    if (holder.empty()) throw_error(in_, in_.types.TypeError, "cannot pickle 'builtin_function_or_method' object");
    put(t_global), text(t_str, holder), text(t_str, f.name);
  }

  interpreter& in_;
  std::string out_;
  std::unordered_map<const object*, std::uint32_t> memo_;
};

class unpickler {
 public:
  unpickler(interpreter& in, std::string_view data) : in_(in), rest_(data) {}
  bool done() const { return rest_.empty(); }

  value load() {
    const char tag = byte();
    switch (tag) {
      case t_none: return value::none();
      case t_true: return value::boolean(true);
      case t_false: return value::boolean(false);
      case t_int: return value::integer(raw<std::int64_t>());
      case t_float: return value::floating(raw<double>());
      case t_bigint: {
        auto n = bigint::parse(text(), 10);
        if (!n) corrupt();
        return make_int(in_, *n);
      }
      case t_complex: {
        const double re = raw<double>();
        return make_complex(in_, re, raw<double>());
      }
      case t_str: return make_str(in_, text());
      case t_bytes: return make_bytes(in_, text());
      case t_tuple: {
        std::vector<value> items(count());
        for (value& x : items) x = load();
        value t = make_tuple(in_, std::move(items));
        memo_.push_back(t);
        return t;
      }
      case t_list: {
        value l = make_list(in_, {});
        memo_.push_back(l);
        const std::uint32_t n = count();
        for (std::uint32_t i = 0; i < n; ++i) {
          value x = load();
          static_cast<list_object*>(l.obj())->items.push_back(std::move(x));
        }
        return l;
      }
      case t_dict: {
        value d = make_dict(in_);
        memo_.push_back(d);
        const std::uint32_t n = count();
        for (std::uint32_t i = 0; i < n; ++i) {
          value k = load();
          value x = load();
          dict_set(in_, d, k, std::move(x));
        }
        return d;
      }
      case t_set:
      case t_frozenset: {
        value s = make_set(in_, tag == t_frozenset);
        if (tag == t_set) memo_.push_back(s);
        const std::uint32_t n = count();
        for (std::uint32_t i = 0; i < n; ++i) {
          value k = load();
          set_of(s).add(in_, k, hash(in_, k));
        }
        if (tag == t_frozenset) memo_.push_back(s);
        return s;
      }
      case t_range: {
        const auto start = raw<std::int64_t>(), stop = raw<std::int64_t>(), step = raw<std::int64_t>();
        return call(in_, value::borrow(in_.types.range),
                    {value::integer(start), value::integer(stop), value::integer(step)});
      }
      case t_global: {
        const std::string module = string(), qualname = string();
        const value m = module_named(in_, module);
        value found = m.empty() ? value() : lookup_path(in_, m, qualname);
        if (found.empty())
          throw_error(in_, in_.types.AttributeError,
                      "Can't get attribute '" + qualname + "' on " + (m.empty() ? "module '" + module + "'" : repr(in_, m)));
        return found;
      }
      case t_method: {
        value self = load();
        return getattr(in_, self, in_.intern(string()));
      }
      case t_exception: {
        const std::size_t slot = memo_.size();
        memo_.emplace_back();  // an exception in its own args is not rebuilt as itself
        value cls = load();
        value args = load();
        if (!args.is_object() || args.obj()->type != in_.types.tuple) corrupt();
        value e = call(in_, cls, static_cast<tuple_object*>(args.obj())->items);
        memo_[slot] = e;
        set_attributes(e);
        return e;
      }
      case t_instance: {
        const std::size_t slot = memo_.size();
        memo_.emplace_back();
        value cls = load();
        if (!isinstance(cls, in_.types.type_)) corrupt();
        auto* type = static_cast<type_object*>(cls.obj());
        value obj = value::adopt(in_.heap.make<instance_object>(type));  // object.__new__(cls)
        incref(type);
        memo_[slot] = obj;
        set_attributes(obj);
        return obj;
      }
      case t_memo: {
        const auto i = raw<std::uint32_t>();
        if (i >= memo_.size() || memo_[i].empty()) corrupt();
        return memo_[i];
      }
      default: corrupt();
    }
  }

 private:
  [[noreturn]] void corrupt() { throw_error(in_, pickle_error(in_, "UnpicklingError"), "pickle data was truncated"); }
  char byte() {
    if (rest_.empty()) corrupt();
    const char c = rest_[0];
    rest_.remove_prefix(1);
    return c;
  }
  template <class T>
  T raw() {
    if (rest_.size() < sizeof(T)) corrupt();
    T x;
    std::memcpy(&x, rest_.data(), sizeof(T));
    rest_.remove_prefix(sizeof(T));
    return x;
  }
  std::uint32_t count() { return raw<std::uint32_t>(); }
  std::string text() {
    const std::uint32_t n = count();
    if (rest_.size() < n) corrupt();
    std::string s(rest_.substr(0, n));
    rest_.remove_prefix(n);
    return s;
  }
  std::string string() {
    if (byte() != t_str) corrupt();
    return text();
  }
  void set_attributes(const value& obj) {
    const std::uint32_t n = count();
    for (std::uint32_t i = 0; i < n; ++i) {
      str_object* name = in_.intern(string());
      value x = load();
      setattr(in_, obj, name, x);
    }
  }

  interpreter& in_;
  std::string_view rest_;
  std::vector<value> memo_;
};

}  // namespace

std::string pickle_dump(interpreter& in, const value& v) {
  pickler p(in);
  p.dump(v);
  return p.take();
}

value pickle_load(interpreter& in, std::string_view data) {
  unpickler u(in, data);
  value v = u.load();
  if (!u.done()) throw_error(in, pickle_error(in, "UnpicklingError"), "pickle data has bytes after its end");
  return v;
}

void register_pickle_module(interpreter& interp) {
  interp.register_module("_pickle", [](interpreter& in, module_object& m) {
    auto make = [&](const char* name, type_object* base) {
      type_object* t = make_builtin_type(in, name, base);
      t->module = "_pickle";
      t->is_exception = true;
      t->instance_layout = type_object::layout::exception;
      t->slots = base->slots;
      m.attrs.set(in.intern(name), value::borrow(t));
      return t;
    };
    type_object* base = make("PickleError", in.types.Exception);
    make("PicklingError", base);
    make("UnpicklingError", base);
  });
}

}  // namespace asyncrace::python
