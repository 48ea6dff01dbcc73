// The builtins about objects: print, len, repr, ascii, format, hash, id, isinstance, issubclass,
// getattr/setattr/hasattr/delattr, callable, vars, dir, and input/open (not in the playground).
#include <algorithm>

#include "pyrt/address.hpp"
#include "args.hpp"
#include "builtins.hpp"
#include "dict.hpp"
#include "str.hpp"

namespace asyncrace::python {

void emit_output(interpreter& in, std::string_view text);  // output.cpp: the transcript's printed lines
std::string ascii_repr(interpreter& in, const value& v);   // containers_vm.cpp

namespace {

// None or a str for print's sep= and end=.
const std::string* text_or_none(interpreter& in, const value& v, const char* what) {
  if (v.empty() || v.is_none()) return nullptr;
  if (!is_str(in, v)) throw_error(in, in.types.TypeError, std::string(what) + " must be None or a string, not " + type_name(v));
  return &as_str(v)->s;
}

value builtin_print(interpreter& in, const call_args& a, object*) {
  value sep, end, file, flush;
  for (std::size_t k = 0; k < a.nkw; ++k) {
    const std::string& name = a.kwnames[k]->s;
    if (name == "sep") sep = a.kw(k);
    else if (name == "end") end = a.kw(k);
    else if (name == "file") file = a.kw(k);
    else if (name == "flush") flush = a.kw(k);
    else throw_error(in, in.types.TypeError, "'" + name + "' is an invalid keyword argument for print()");
  }
  const std::string* sep_text = text_or_none(in, sep, "sep");
  const std::string* end_text = text_or_none(in, end, "end");
  std::string out;
  for (std::size_t i = 0; i < a.npos; ++i) {
    if (i) out += sep_text ? *sep_text : " ";
    out += str(in, a.args[i]);
  }
  out += end_text ? *end_text : "\n";
  if (!file.empty() && !file.is_none()) {
    call(in, getattr(in, file, in.intern("write")), {make_str(in, std::move(out))});
    return value::none();
  }
  emit_output(in, out);
  return value::none();
}

bool is_type(interpreter& in, const value& v) { return v.is_object() && v.obj()->type->is_subtype_of(in.types.type_); }

bool isinstance_of(interpreter& in, const value& v, const value& cls, const char* fname) {
  if (is_type(in, cls)) return isinstance(v, static_cast<type_object*>(cls.obj()));
  if (cls.is_object() && cls.obj()->type == in.types.tuple) {
    for (const value& c : static_cast<tuple_object*>(cls.obj())->items)
      if (isinstance_of(in, v, c, fname)) return true;
    return false;
  }
  throw_error(in, in.types.TypeError, std::string(fname) + "() arg 2 must be a type, a tuple of types, or a union");
}

bool issubclass_of(interpreter& in, type_object* t, const value& cls) {
  if (is_type(in, cls)) return t->is_subtype_of(static_cast<type_object*>(cls.obj()));
  if (cls.is_object() && cls.obj()->type == in.types.tuple) {
    for (const value& c : static_cast<tuple_object*>(cls.obj())->items)
      if (issubclass_of(in, t, c)) return true;
    return false;
  }
  throw_error(in, in.types.TypeError, "issubclass() arg 2 must be a class, a tuple of classes, or a union");
}

str_object* attribute_name(interpreter& in, const value& v) {
  if (!is_str(in, v)) throw_error(in, in.types.TypeError, "attribute name must be string, not '" + type_name(v) + "'");
  return in.intern(as_str(v)->s);
}

value builtin_getattr(interpreter& in, const call_args& a, object*) {
  if (a.npos < 2 || a.npos > 3)
    throw_error(in, in.types.TypeError, "getattr expected " + std::string(a.npos < 2 ? "at least 2" : "at most 3") + " arguments, got " + std::to_string(a.npos));
  str_object* name = attribute_name(in, a.args[1]);
  if (a.npos == 2) return getattr(in, a.args[0], name);
  try {
    return getattr(in, a.args[0], name);
  } catch (const raised& e) {
    if (!isinstance(e.exception(), in.types.AttributeError)) throw;
    return a.args[2];
  }
}

value builtin_hasattr(interpreter& in, const call_args& a, object*) {
  expect_args(in, a, "hasattr", 2);
  str_object* name = attribute_name(in, a.args[1]);
  try {
    getattr(in, a.args[0], name);
    return value::boolean(true);
  } catch (const raised& e) {
    if (!isinstance(e.exception(), in.types.AttributeError)) throw;
    return value::boolean(false);
  }
}

bool is_callable(interpreter& in, const value& v) {
  if (!v.is_object()) return false;
  type_object* t = v.obj()->type;
  if (t == in.types.function || t == in.types.builtin_function || t == in.types.method || t->is_subtype_of(in.types.type_)) return true;
  if (t->slots.call) return true;
  return t->is_heap_type && t->lookup(in.intern("__call__"));
}

// The attribute names dir() lists: the object's own, then its class's through the MRO.
value builtin_dir(interpreter& in, const call_args& a, object*) {
  expect_args(in, a, "dir", 1);
  const value& v = a.args[0];
  std::vector<std::string> names;
  auto add_map = [&](const attr_map& m) { m.each([&](str_object* k, const value&) { names.push_back(k->s); }); };
  if (v.is_object()) {
    if (auto* m = dynamic_cast<module_object*>(v.obj())) add_map(m->attrs);
    else if (auto* inst = dynamic_cast<instance_object*>(v.obj())) add_map(inst->attrs);
  }
  type_object* t = is_type(in, v) ? static_cast<type_object*>(v.obj()) : type_of(v);
  if (!v.is_object() || !dynamic_cast<module_object*>(v.obj()))
    for (type_object* c : t->mro) add_map(c->dict);
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  std::vector<value> items;
  for (auto& n : names) items.push_back(make_str(in, n));
  return make_list(in, std::move(items));
}

value builtin_vars(interpreter& in, const call_args& a, object*) {
  expect_args(in, a, "vars", 1);
  const value& v = a.args[0];
  const attr_map* attrs = nullptr;
  if (v.is_object()) {
    if (auto* m = dynamic_cast<module_object*>(v.obj())) attrs = &m->attrs;
    else if (auto* inst = dynamic_cast<instance_object*>(v.obj())) attrs = &inst->attrs;
    else if (is_type(in, v)) attrs = &static_cast<type_object*>(v.obj())->dict;
  }
  if (!attrs) throw_error(in, in.types.TypeError, "vars() argument must have __dict__ attribute");
  value d = make_dict(in);
  attrs->each([&](str_object* k, const value& x) { dict_set(in, d, value::borrow(k), x); });
  return d;
}

}  // namespace

void install_object_builtins(interpreter& in, module_object& b) {
  add_builtin(in, b, "print", builtin_print);
  add_builtin(in, b, "len", [](interpreter& i, const call_args& a, object*) {
    expect_args(i, a, "len", 1);
    return value::integer(length(i, a.args[0]));
  });
  add_builtin(in, b, "repr", [](interpreter& i, const call_args& a, object*) {
    expect_args(i, a, "repr", 1);
    return make_str(i, repr(i, a.args[0]));
  });
  add_builtin(in, b, "ascii", [](interpreter& i, const call_args& a, object*) {
    expect_args(i, a, "ascii", 1);
    return make_str(i, ascii_repr(i, a.args[0]));
  });
  add_builtin(in, b, "format", [](interpreter& i, const call_args& a, object*) {
    expect_range(i, a, "format", 1, 2);
    std::string spec;
    if (a.npos > 1) spec = str_arg(i, a.args[1], "format() argument 2");
    return make_str(i, format(i, a.args[0], spec));
  });
  add_builtin(in, b, "hash", [](interpreter& i, const call_args& a, object*) {
    expect_args(i, a, "hash", 1);
    return value::integer(hash(i, a.args[0]));
  });
  add_builtin(in, b, "id", [](interpreter& i, const call_args& a, object*) {
    expect_args(i, a, "id", 1);
    const value& v = a.args[0];
    if (v.is_object()) return value::integer(static_cast<std::int64_t>(plausible_address(v.obj())));
    // Immediates have no address: a stable number per value, as CPython's cached small ints.
    return value::integer(0x7f0000000000 + (hash(i, v) & 0xffffffffff) * 32 + static_cast<int>(v.tag()));
  });
  add_builtin(in, b, "isinstance", [](interpreter& i, const call_args& a, object*) {
    expect_args(i, a, "isinstance", 2);
    return value::boolean(isinstance_of(i, a.args[0], a.args[1], "isinstance"));
  });
  add_builtin(in, b, "issubclass", [](interpreter& i, const call_args& a, object*) {
    expect_args(i, a, "issubclass", 2);
    if (!is_type(i, a.args[0])) throw_error(i, i.types.TypeError, "issubclass() arg 1 must be a class");
    return value::boolean(issubclass_of(i, static_cast<type_object*>(a.args[0].obj()), a.args[1]));
  });
  add_builtin(in, b, "getattr", builtin_getattr);
  add_builtin(in, b, "hasattr", builtin_hasattr);
  add_builtin(in, b, "setattr", [](interpreter& i, const call_args& a, object*) {
    expect_args(i, a, "setattr", 3);
    setattr(i, a.args[0], attribute_name(i, a.args[1]), a.args[2]);
    return value::none();
  });
  add_builtin(in, b, "delattr", [](interpreter& i, const call_args& a, object*) {
    expect_args(i, a, "delattr", 2);
    delattr(i, a.args[0], attribute_name(i, a.args[1]));
    return value::none();
  });
  add_builtin(in, b, "callable", [](interpreter& i, const call_args& a, object*) {
    expect_args(i, a, "callable", 1);
    return value::boolean(is_callable(i, a.args[0]));
  });
  add_builtin(in, b, "dir", builtin_dir);
  add_builtin(in, b, "vars", builtin_vars);
  add_builtin(in, b, "input", [](interpreter& i, const call_args&, object*) -> value {
    throw_error(i, i.types.OSError, "input() is not available in the playground: programs run without a keyboard");
  });
  add_builtin(in, b, "open", [](interpreter& i, const call_args&, object*) -> value {
    throw_error(i, i.types.OSError, "open() is not available in the playground: programs have no files");
  });
}

}  // namespace asyncrace::python
