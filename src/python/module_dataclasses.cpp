// The dataclasses module, natively: @dataclass reads the class's __annotations__ (and its
// dataclass bases' fields) and adds what CPython 3.11's would generate — __init__ (defaults,
// default_factory, kw_only, __post_init__), __repr__, __eq__, the order methods, frozen
// __setattr__/__delattr__ (FrozenInstanceError), __hash__ by CPython's table, __match_args__ —
// with CPython's argument errors and checks. Also field, fields, asdict, astuple, replace,
// is_dataclass, MISSING and KW_ONLY.
#include <cstdio>

#include "args.hpp"
#include "functions.hpp"
#include "interpreter.hpp"
#include "modules.hpp"
#include "sequence.hpp"

namespace asyncrace::python {

namespace {

struct field_object : object {
  value name, annotation, default_value, factory;  // empty default/factory: MISSING
  bool init = true, repr = true, compare = true, kw_only = false;
  value hash = value::none(), metadata = value::none();
  value kw_only_given;  // field(kw_only=...) as given (empty: MISSING)
};

std::string field_repr(interpreter& in, const value& v);
bool is_field(const value& v) { return v.is_object() && v.obj()->type->slots.repr == field_repr; }
field_object& fld(const value& v) { return *static_cast<field_object*>(v.obj()); }

// The module's own objects (MISSING, KW_ONLY, Field, FrozenInstanceError), found through it.
value module_attr(interpreter& in, const char* name) {
  return *static_cast<module_object*>(in.import_module("dataclasses").obj())->attrs.find(in.intern(name));
}
type_object* module_type(interpreter& in, const char* name) { return static_cast<type_object*>(module_attr(in, name).obj()); }

std::string missing_or(interpreter& in, const value& v) { return v.empty() ? repr(in, module_attr(in, "MISSING")) : repr(in, v); }

std::string field_repr(interpreter& in, const value& v) {
  const field_object& f = fld(v);
  return "Field(name=" + (f.name.empty() ? std::string("None") : repr(in, f.name)) + ",type=" + (f.annotation.empty() ? "None" : repr(in, f.annotation)) +
         ",default=" + missing_or(in, f.default_value) + ",default_factory=" + missing_or(in, f.factory) +
         ",init=" + (f.init ? "True" : "False") + ",repr=" + (f.repr ? "True" : "False") + ",hash=" + repr(in, f.hash) +
         ",compare=" + (f.compare ? "True" : "False") + ",metadata=mappingproxy(" + (f.metadata.is_none() ? "{}" : repr(in, f.metadata)) +
         "),kw_only=" + (f.kw_only_given.empty() ? missing_or(in, f.kw_only_given) : repr(in, f.kw_only_given)) + ",_field_type=_FIELD)";
}

value make_field(interpreter& in) { return value::adopt(in.heap.make<field_object>(module_type(in, "Field"))); }

// field(*, default=MISSING, default_factory=MISSING, init=True, repr=True, hash=None,
//       compare=True, metadata=None, kw_only=MISSING)
value dc_field(interpreter& in, const call_args& a, object*) {
  if (a.npos) throw_error(in, in.types.TypeError, "field() takes 0 positional arguments but " + std::to_string(a.npos) + " were given");
  value f = make_field(in);
  field_object& o = fld(f);
  const value missing = module_attr(in, "MISSING");
  for (std::size_t k = 0; k < a.nkw; ++k) {
    const std::string& n = a.kwnames[k]->s;
    const value& v = a.kw(k);
    if (n == "default") o.default_value = v.identical(missing) ? value() : v;
    else if (n == "default_factory") o.factory = v.identical(missing) ? value() : v;
    else if (n == "init") o.init = truthy(in, v);
    else if (n == "repr") o.repr = truthy(in, v);
    else if (n == "hash") o.hash = v;
    else if (n == "compare") o.compare = truthy(in, v);
    else if (n == "metadata") o.metadata = v;
    else if (n == "kw_only") o.kw_only_given = v.identical(missing) ? value() : v;
    else throw_error(in, in.types.TypeError, "field() got an unexpected keyword argument '" + n + "'");
  }
  if (!o.default_value.empty() && !o.factory.empty())
    throw_error(in, in.types.ValueError, "cannot specify both default and default_factory");
  return f;
}

// The fields of a dataclass (its __dataclass_fields__ dict's values, in order), or null.
const value* fields_dict(interpreter& in, type_object* t) { return t->lookup(in.intern("__dataclass_fields__")); }

std::vector<value> fields_of(interpreter& in, type_object* t) {
  std::vector<value> out;
  const value* d = fields_dict(in, t);
  if (!d) return out;
  value it = get_iter(in, *d);
  for (value k = iter_next(in, it); !k.empty(); k = iter_next(in, it)) out.push_back(getitem(in, *d, k));
  return out;
}

str_object* field_name(interpreter& in, const value& f) { return in.intern(static_cast<str_object*>(fld(f).name.obj())->s); }

std::string qualname_of(interpreter& in, type_object* t) {
  if (const value* q = t->dict.find(in.intern("__qualname__")); q && isinstance(*q, in.types.str)) return static_cast<str_object*>(q->obj())->s;
  return t->name;
}

// The dataclass whose generated method runs: the first class of type(self)'s MRO with fields.
type_object* owner_of(interpreter& in, const value& self) {
  for (type_object* t : type_of(self)->mro)
    if (t->dict.find(in.intern("__dataclass_fields__"))) return t;
  return type_of(self);
}

bool is_frozen(interpreter& in, type_object* t) {
  const value* p = t->dict.find(in.intern("__dataclass_params__"));
  return p && p->is_object() && p->obj()->type == in.types.tuple && truthy(in, static_cast<tuple_object*>(p->obj())->items[5]);
}

void set_field_value(interpreter& in, const value& self, str_object* name, const value& v, bool frozen) {
  if (frozen && self.is_object() && self.obj()->type->is_heap_type) static_cast<instance_object*>(self.obj())->attrs.set(name, v);
  else setattr(in, self, name, v);
}

// --- the generated methods -------------------------------------------------------------------

value gen_init(interpreter& in, const call_args& a, object*) {
  const value self = a.args[0];
  type_object* cls = owner_of(in, self);
  const std::string fn = qualname_of(in, cls) + ".__init__()";
  std::vector<value> all = fields_of(in, cls);
  std::vector<value> positional, keyword;
  for (value& f : all)
    if (fld(f).init) (fld(f).kw_only ? keyword : positional).push_back(f);
  const std::size_t npos = a.npos - 1;
  if (npos > positional.size()) {
    std::size_t required = 0;
    for (const value& f : positional) required += fld(f).default_value.empty() && fld(f).factory.empty();
    const std::string takes = required < positional.size()
                                  ? "from " + std::to_string(required + 1) + " to " + std::to_string(positional.size() + 1)
                                  : std::to_string(positional.size() + 1);
    throw_error(in, in.types.TypeError, fn + " takes " + takes + " positional argument" + (positional.size() == 0 && required == positional.size() ? "" : "s") +
                                            " but " + std::to_string(npos + 1) + " were given");
  }
  std::vector<value> given(positional.size() + keyword.size());
  for (std::size_t i = 0; i < npos; ++i) given[i] = a.args[1 + i];
  for (std::size_t k = 0; k < a.nkw; ++k) {
    const std::string& kw = a.kwnames[k]->s;
    std::size_t i = 0;
    for (; i < given.size(); ++i) {
      const value& f = i < positional.size() ? positional[i] : keyword[i - positional.size()];
      if (static_cast<str_object*>(fld(f).name.obj())->s == kw) break;
    }
    if (i == given.size()) throw_error(in, in.types.TypeError, fn + " got an unexpected keyword argument '" + kw + "'");
    if (!given[i].empty()) throw_error(in, in.types.TypeError, fn + " got multiple values for argument '" + kw + "'");
    given[i] = a.args[a.npos + k];
  }
  for (int pass = 0; pass < 2; ++pass) {  // missing positional arguments first, then keyword-only
    std::vector<std::string> missing;
    for (std::size_t i = 0; i < given.size(); ++i) {
      const bool is_kw = i >= positional.size();
      const value& f = is_kw ? keyword[i - positional.size()] : positional[i];
      if (is_kw == (pass == 1) && given[i].empty() && fld(f).default_value.empty() && fld(f).factory.empty())
        missing.push_back(repr(in, fld(f).name));
    }
    if (missing.empty()) continue;
    std::string list;
    for (std::size_t m = 0; m < missing.size(); ++m) {
      if (m) list += missing.size() == 2 ? " and " : (m + 1 == missing.size() ? ", and " : ", ");
      list += missing[m];
    }
    throw_error(in, in.types.TypeError, fn + " missing " + std::to_string(missing.size()) + " required " +
                                            (pass ? "keyword-only" : "positional") + " argument" + (missing.size() == 1 ? "" : "s") + ": " + list);
  }
  const bool frozen = is_frozen(in, cls);
  std::size_t gi = 0;
  auto assign = [&](const value& f, const value& passed) {
    const field_object& o = fld(f);
    if (!passed.empty()) set_field_value(in, self, field_name(in, f), passed, frozen);
    else if (!o.factory.empty()) set_field_value(in, self, field_name(in, f), call(in, o.factory, std::vector<value>{}), frozen);
    else if (o.init) set_field_value(in, self, field_name(in, f), o.default_value, frozen);
  };
  for (const value& f : positional) assign(f, given[gi++]);
  for (const value& f : keyword) assign(f, given[gi++]);
  for (const value& f : all)
    if (!fld(f).init && !fld(f).factory.empty()) assign(f, value());
  value post = getattr_or_empty(in, self, in.intern("__post_init__"));
  if (!post.empty()) call(in, post, std::vector<value>{});
  return value::none();
}

value gen_repr(interpreter& in, const call_args& a, object*) {
  const value self = a.args[0];
  repr_guard guard(self.obj());
  if (guard.recursive()) return make_str(in, "...");
  std::string out = qualname_of(in, type_of(self)) + "(";
  bool first = true;
  for (const value& f : fields_of(in, owner_of(in, self))) {
    if (!fld(f).repr) continue;
    if (!first) out += ", ";
    first = false;
    out += static_cast<str_object*>(fld(f).name.obj())->s + "=" + repr(in, getattr(in, self, field_name(in, f)));
  }
  return make_str(in, out + ")");
}

// The tuple of the fields that compare (or hash).
value field_tuple(interpreter& in, const value& self, bool for_hash) {
  std::vector<value> items;
  for (const value& f : fields_of(in, owner_of(in, self))) {
    const field_object& o = fld(f);
    const bool use = for_hash ? (o.hash.is_none() ? o.compare : truthy(in, o.hash)) : o.compare;
    if (use) items.push_back(getattr(in, self, field_name(in, f)));
  }
  return make_tuple(in, std::move(items));
}

template <cmp_op Op>
value gen_compare(interpreter& in, const call_args& a, object*) {
  if (a.npos != 2) throw_error(in, in.types.TypeError, "expected 1 argument, got " + std::to_string(a.npos - 1));
  if (type_of(a.args[1]) != type_of(a.args[0])) return in.not_implemented;
  return compare(in, Op, field_tuple(in, a.args[0], false), field_tuple(in, a.args[1], false));
}

value gen_hash(interpreter& in, const call_args& a, object*) { return value::integer(hash(in, field_tuple(in, a.args[0], true))); }

bool is_field_name(interpreter& in, type_object* cls, const std::string& name) {
  for (const value& f : fields_of(in, cls))
    if (static_cast<str_object*>(fld(f).name.obj())->s == name) return true;
  return false;
}

[[noreturn]] void frozen_error(interpreter& in, const std::string& text) {
  throw_exception(new_exception(in, module_type(in, "FrozenInstanceError"), {make_str(in, text)}));
}

value gen_setattr(interpreter& in, const call_args& a, object*) {
  if (a.npos != 3) throw_error(in, in.types.TypeError, "__setattr__ expected 2 arguments");
  type_object* cls = owner_of(in, a.args[0]);
  const std::string name = str(in, a.args[1]);
  if (type_of(a.args[0]) == cls || is_field_name(in, cls, name)) frozen_error(in, "cannot assign to field " + repr(in, a.args[1]));
  static_cast<instance_object*>(a.args[0].obj())->attrs.set(in.intern(name), a.args[2]);
  return value::none();
}

value gen_delattr(interpreter& in, const call_args& a, object*) {
  if (a.npos != 2) throw_error(in, in.types.TypeError, "__delattr__ expected 1 argument");
  type_object* cls = owner_of(in, a.args[0]);
  const std::string name = str(in, a.args[1]);
  if (type_of(a.args[0]) == cls || is_field_name(in, cls, name)) frozen_error(in, "cannot delete field " + repr(in, a.args[1]));
  if (!static_cast<instance_object*>(a.args[0].obj())->attrs.erase(in.intern(name)))
    throw_error(in, in.types.AttributeError, "'" + type_name(a.args[0]) + "' object has no attribute '" + name + "'");
  return value::none();
}

// --- @dataclass -------------------------------------------------------------------------------

enum option { o_init, o_repr, o_eq, o_order, o_unsafe_hash, o_frozen, o_match_args, o_kw_only, o_count };

bool is_classvar(interpreter& in, const value& type) {
  std::string r = isinstance(type, in.types.str) ? static_cast<str_object*>(type.obj())->s : repr(in, type);
  return r.rfind("typing.ClassVar", 0) == 0 || r.rfind("ClassVar", 0) == 0;
}

void set_method(interpreter& in, type_object* t, const char* name, native_fn fn) {
  t->dict.set(in.intern(name), make_builtin(in, qualname_of(in, t) + "." + name, fn));
}

value process_class(interpreter& in, const value& cls_v, const bool (&opt)[o_count]) {
  if (!isinstance(cls_v, in.types.type_) || !static_cast<type_object*>(cls_v.obj())->is_heap_type)
    throw_error(in, in.types.TypeError, "dataclass() should be called on a class");
  auto* cls = static_cast<type_object*>(cls_v.obj());
  if (opt[o_order] && !opt[o_eq]) throw_error(in, in.types.ValueError, "eq must be true if order is true");
  value fields = make_dict(in);
  bool any_frozen_base = false, has_dataclass_bases = false;
  for (std::size_t i = cls->mro.size(); i-- > 1;) {
    type_object* b = cls->mro[i];
    if (!b->dict.find(in.intern("__dataclass_fields__"))) continue;
    has_dataclass_bases = true;
    any_frozen_base = any_frozen_base || is_frozen(in, b);
    for (value& f : fields_of(in, b)) setitem(in, fields, fld(f).name, f);
  }
  if (has_dataclass_bases && any_frozen_base && !opt[o_frozen])
    throw_error(in, in.types.TypeError, "cannot inherit non-frozen dataclass from a frozen one");
  if (has_dataclass_bases && !any_frozen_base && opt[o_frozen])
    throw_error(in, in.types.TypeError, "cannot inherit frozen dataclass from a non-frozen one");
  const value missing = module_attr(in, "MISSING"), kw_only_marker = module_attr(in, "KW_ONLY");
  bool kw_only = opt[o_kw_only];
  std::vector<value> own;
  if (const value* ann = cls->dict.find(in.intern("__annotations__")); ann && ann->is_object() && ann->obj()->type == in.types.dict) {
    value it = get_iter(in, *ann);
    for (value name = iter_next(in, it); !name.empty(); name = iter_next(in, it)) {
      value type = getitem(in, *ann, name);
      if (type.identical(kw_only_marker)) {
        kw_only = true;
        continue;
      }
      if (is_classvar(in, type)) continue;
      str_object* key = in.intern(str(in, name));
      value f;
      const value* attr = cls->dict.find(key);
      if (attr && is_field(*attr)) {
        f = *attr;
      } else {
        f = make_field(in);
        if (attr && !attr->identical(missing)) fld(f).default_value = *attr;
      }
      field_object& o = fld(f);
      o.name = name;
      o.annotation = type;
      o.kw_only = o.kw_only_given.empty() ? kw_only : truthy(in, o.kw_only_given);
      if (!o.default_value.empty()) {
        type_object* dt = type_of(o.default_value);
        if (dt == in.types.list || dt == in.types.dict || dt == in.types.set)
          throw_error(in, in.types.ValueError, "mutable default " + repr(in, value::borrow(dt)) + " for field " + key->s +
                                                   " is not allowed: use default_factory");
      }
      // The class attribute: the default, or nothing (a Field without one is removed).
      if (attr && is_field(*attr)) {
        if (o.default_value.empty()) cls->dict.erase(key);
        else cls->dict.set(key, o.default_value);
      }
      own.push_back(f);
      setitem(in, fields, name, f);
    }
  }
  cls->dict.each([&](str_object* k, const value& v) {
    if (is_field(v) && fld(v).name.empty())
      throw_error(in, in.types.TypeError, repr(in, value::borrow(k)) + " is a field but has no type annotation");
  });
  cls->dict.set(in.intern("__dataclass_fields__"), fields);
  std::vector<value> params;
  for (int i = 0; i < 6; ++i) params.push_back(value::boolean(opt[i]));
  cls->dict.set(in.intern("__dataclass_params__"), make_tuple(in, std::move(params)));
  std::vector<value> all = fields_of(in, cls);
  if (opt[o_init]) {
    bool seen_default = false;
    for (const value& f : all) {
      const field_object& o = fld(f);
      if (!o.init || o.kw_only) continue;
      const bool has_default = !o.default_value.empty() || !o.factory.empty();
      if (!has_default && seen_default)
        throw_error(in, in.types.TypeError, "non-default argument " + repr(in, o.name) + " follows default argument");
      seen_default = seen_default || has_default;
    }
    set_method(in, cls, "__init__", gen_init);
  }
  auto own_attr = [&](const char* n) { return cls->dict.find(in.intern(n)) != nullptr; };
  if (opt[o_repr] && !own_attr("__repr__")) set_method(in, cls, "__repr__", gen_repr);
  const bool had_eq = own_attr("__eq__");
  if (opt[o_eq] && !had_eq) set_method(in, cls, "__eq__", gen_compare<cmp_op::eq>);
  if (opt[o_order]) {
    const std::pair<const char*, native_fn> order[] = {{"__lt__", gen_compare<cmp_op::lt>}, {"__le__", gen_compare<cmp_op::le>},
                                                       {"__gt__", gen_compare<cmp_op::gt>}, {"__ge__", gen_compare<cmp_op::ge>}};
    for (auto& [n, f] : order) {
      if (own_attr(n))
        throw_error(in, in.types.TypeError, std::string("Cannot overwrite attribute ") + n + " in class " + cls->name +
                                                ". Consider using functools.total_ordering");
      set_method(in, cls, n, f);
    }
  }
  if (opt[o_frozen]) {
    for (const char* n : {"__setattr__", "__delattr__"})
      if (own_attr(n)) throw_error(in, in.types.TypeError, std::string("Cannot overwrite attribute ") + n + " in class " + cls->name);
    set_method(in, cls, "__setattr__", gen_setattr);
    set_method(in, cls, "__delattr__", gen_delattr);
  }
  // __hash__, by CPython's table (unsafe_hash, eq, frozen, has an explicit __hash__).
  const value* class_hash = cls->dict.find(in.intern("__hash__"));
  const bool explicit_hash = class_hash && !(class_hash->is_none() && had_eq);
  if (opt[o_unsafe_hash]) {
    if (explicit_hash) throw_error(in, in.types.TypeError, "Cannot overwrite attribute __hash__ in class " + cls->name);
    set_method(in, cls, "__hash__", gen_hash);
  } else if (opt[o_eq] && opt[o_frozen]) {
    if (!explicit_hash) set_method(in, cls, "__hash__", gen_hash);
  } else if (opt[o_eq]) {
    if (!explicit_hash) cls->dict.set(in.intern("__hash__"), value::none());
  }
  if (opt[o_match_args] && !own_attr("__match_args__")) {
    std::vector<value> names;
    for (const value& f : all)
      if (fld(f).init && !fld(f).kw_only) names.push_back(fld(f).name);
    cls->dict.set(in.intern("__match_args__"), make_tuple(in, std::move(names)));
  }
  return cls_v;
}

void read_options(interpreter& in, const call_args& a, bool (&opt)[o_count]) {
  static const char* const names[] = {"init", "repr", "eq", "order", "unsafe_hash", "frozen", "match_args", "kw_only"};
  const bool defaults[] = {true, true, true, false, false, false, true, false};
  for (int i = 0; i < o_count; ++i) opt[i] = defaults[i];
  for (std::size_t k = 0; k < a.nkw; ++k) {
    const std::string& n = a.kwnames[k]->s;
    int i = 0;
    while (i < o_count && n != names[i]) ++i;
    if (i < o_count) opt[i] = truthy(in, a.kw(k));
    else if (n != "slots" && n != "weakref_slot")
      throw_error(in, in.types.TypeError, "dataclass() got an unexpected keyword argument '" + n + "'");
  }
}

value dc_wrap(interpreter& in, const call_args& a, object* data) {
  expect_args(in, a, "wrap", 1);
  bool opt[o_count];
  const auto& saved = static_cast<tuple_object*>(data)->items;
  for (int i = 0; i < o_count; ++i) opt[i] = saved[static_cast<std::size_t>(i)].as_bool();
  return process_class(in, a.args[0], opt);
}

// dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False, unsafe_hash=False,
//           frozen=False, match_args=True, kw_only=False, slots=False, weakref_slot=False)
value dc_dataclass(interpreter& in, const call_args& a, object*) {
  if (a.npos > 1) throw_error(in, in.types.TypeError, "dataclass() takes from 0 to 1 positional arguments but " + std::to_string(a.npos) + " were given");
  bool opt[o_count];
  read_options(in, a, opt);
  if (a.npos == 1 && !a.args[0].is_none()) return process_class(in, a.args[0], opt);
  std::vector<value> saved;
  for (bool b : opt) saved.push_back(value::boolean(b));
  return make_builtin(in, "dataclass.<locals>.wrap", dc_wrap, make_tuple(in, std::move(saved)));
}

// --- the functions ---------------------------------------------------------------------------

bool is_dataclass_instance(interpreter& in, const value& v) {
  return !isinstance(v, in.types.type_) && fields_dict(in, type_of(v)) != nullptr;
}

value dc_fields(interpreter& in, const call_args& a, object*) {
  expect_args(in, a, "fields", 1);
  type_object* t = isinstance(a.args[0], in.types.type_) ? static_cast<type_object*>(a.args[0].obj()) : type_of(a.args[0]);
  if (!fields_dict(in, t)) throw_error(in, in.types.TypeError, "must be called with a dataclass type or instance");
  return make_tuple(in, fields_of(in, t));
}

value dc_is_dataclass(interpreter& in, const call_args& a, object*) {
  expect_args(in, a, "is_dataclass", 1);
  type_object* t = isinstance(a.args[0], in.types.type_) ? static_cast<type_object*>(a.args[0].obj()) : type_of(a.args[0]);
  return value::boolean(fields_dict(in, t) != nullptr);
}

value deepcopy(interpreter& in, const value& v) {
  return call(in, getattr(in, in.import_module("copy"), in.intern("deepcopy")), {v});
}

value as_inner(interpreter& in, const value& obj, const value& factory, bool as_tuple) {
  if (is_dataclass_instance(in, obj)) {
    std::vector<value> items;
    for (const value& f : fields_of(in, owner_of(in, obj))) {
      value v = as_inner(in, getattr(in, obj, field_name(in, f)), factory, as_tuple);
      items.push_back(as_tuple ? v : make_tuple(in, {fld(f).name, v}));
    }
    if (!factory.empty()) return call(in, factory, {make_list(in, std::move(items))});
    if (as_tuple) return make_tuple(in, std::move(items));
    value d = make_dict(in);
    for (const value& kv : items) setitem(in, d, static_cast<tuple_object*>(kv.obj())->items[0], static_cast<tuple_object*>(kv.obj())->items[1]);
    return d;
  }
  type_object* t = type_of(obj);
  if (isinstance(obj, in.types.list) || isinstance(obj, in.types.tuple)) {
    std::vector<value> items;
    value it = get_iter(in, obj);
    for (value x = iter_next(in, it); !x.empty(); x = iter_next(in, it)) items.push_back(as_inner(in, x, factory, as_tuple));
    if (t == in.types.list) return make_list(in, std::move(items));
    if (t == in.types.tuple) return make_tuple(in, std::move(items));
    if (isinstance(obj, in.types.tuple) && !getattr_or_empty(in, obj, in.intern("_fields")).empty())
      return call(in, value::borrow(t), std::move(items));
    return call(in, value::borrow(t), {make_list(in, std::move(items))});
  }
  if (isinstance(obj, in.types.dict)) {
    std::vector<value> pairs;
    value it = get_iter(in, obj);
    for (value k = iter_next(in, it); !k.empty(); k = iter_next(in, it))
      pairs.push_back(make_tuple(in, {as_inner(in, k, factory, as_tuple), as_inner(in, getitem(in, obj, k), factory, as_tuple)}));
    if (t == in.types.dict) {
      value d = make_dict(in);
      for (const value& kv : pairs) setitem(in, d, static_cast<tuple_object*>(kv.obj())->items[0], static_cast<tuple_object*>(kv.obj())->items[1]);
      return d;
    }
    return call(in, value::borrow(t), {make_list(in, std::move(pairs))});
  }
  return deepcopy(in, obj);
}

template <bool AsTuple>
value dc_as(interpreter& in, const call_args& a, object*) {
  const char* name = AsTuple ? "astuple" : "asdict";
  if (a.npos != 1) throw_error(in, in.types.TypeError, std::string(name) + "() takes 1 positional argument but " + std::to_string(a.npos) + " were given");
  value factory;
  for (std::size_t k = 0; k < a.nkw; ++k) {
    if (a.kwnames[k]->s != (AsTuple ? "tuple_factory" : "dict_factory"))
      throw_error(in, in.types.TypeError, std::string(name) + "() got an unexpected keyword argument '" + a.kwnames[k]->s + "'");
    factory = a.kw(k);
  }
  if (!is_dataclass_instance(in, a.args[0]))
    throw_error(in, in.types.TypeError, std::string(name) + "() should be called on dataclass instances");
  return as_inner(in, a.args[0], factory, AsTuple);
}

value dc_replace(interpreter& in, const call_args& a, object*) {
  if (a.npos != 1) throw_error(in, in.types.TypeError, "replace() takes 1 positional argument but " + std::to_string(a.npos) + " were given");
  const value& obj = a.args[0];
  if (!is_dataclass_instance(in, obj)) throw_error(in, in.types.TypeError, "replace() should be called on dataclass instances");
  std::vector<value> kwvalues;
  std::vector<str_object*> kwnames;
  std::vector<bool> used(a.nkw, false);
  for (const value& f : fields_of(in, owner_of(in, obj))) {
    const field_object& o = fld(f);
    str_object* name = field_name(in, f);
    std::size_t k = 0;
    while (k < a.nkw && a.kwnames[k]->s != name->s) ++k;
    if (!o.init) {
      if (k < a.nkw)
        throw_error(in, in.types.ValueError, "field " + name->s + " is declared with init=False, it cannot be specified with replace()");
      continue;
    }
    kwnames.push_back(name);
    if (k < a.nkw) {
      used[k] = true;
      kwvalues.push_back(a.kw(k));
    } else {
      kwvalues.push_back(getattr(in, obj, name));
    }
  }
  for (std::size_t k = 0; k < a.nkw; ++k)
    if (!used[k]) {
      kwnames.push_back(a.kwnames[k]);
      kwvalues.push_back(a.kw(k));
    }
  call_args ca;
  ca.args = kwvalues.data();
  ca.npos = 0;
  ca.kwnames = kwnames.data();
  ca.nkw = kwnames.size();
  return call(in, value::borrow(type_of(obj)), ca);
}

void make_dataclasses(interpreter& in, module_object& m) {
  type_object* field = make_builtin_type(in, "Field", in.types.object_);
  field->module = "dataclasses";
  field->slots.repr = field_repr;
  field->slots.getattr = [](interpreter& i, const value& v, str_object* name) -> value {
    const field_object& f = fld(v);
    const std::string& n = name->s;
    auto or_missing = [&](const value& x) { return x.empty() ? module_attr(i, "MISSING") : x; };
    if (n == "name") return f.name.empty() ? value::none() : f.name;
    if (n == "type") return f.annotation.empty() ? value::none() : f.annotation;
    if (n == "default") return or_missing(f.default_value);
    if (n == "default_factory") return or_missing(f.factory);
    if (n == "init") return value::boolean(f.init);
    if (n == "repr") return value::boolean(f.repr);
    if (n == "hash") return f.hash;
    if (n == "compare") return value::boolean(f.compare);
    if (n == "metadata") return f.metadata.is_none() ? make_dict(i) : f.metadata;
    if (n == "kw_only") return f.name.empty() ? or_missing(f.kw_only_given) : value::boolean(f.kw_only);
    return {};
  };
  m.attrs.set(in.intern("Field"), value::adopt(field));

  type_object* missing_type = make_builtin_type(in, "_MISSING_TYPE", in.types.object_);
  missing_type->module = "dataclasses";
  m.attrs.set(in.intern("MISSING"), value::adopt(in.heap.make<object>(missing_type)));
  m.attrs.set(in.intern("_MISSING_TYPE"), value::adopt(missing_type));
  type_object* kw_only_type = make_builtin_type(in, "_KW_ONLY_TYPE", in.types.object_);
  kw_only_type->module = "dataclasses";
  m.attrs.set(in.intern("KW_ONLY"), value::adopt(in.heap.make<object>(kw_only_type)));
  m.attrs.set(in.intern("_KW_ONLY_TYPE"), value::adopt(kw_only_type));

  type_object* frozen = make_builtin_type(in, "FrozenInstanceError", in.types.AttributeError);
  frozen->module = "dataclasses";
  m.attrs.set(in.intern("FrozenInstanceError"), value::adopt(frozen));

  add_function(in, m, "dataclass", dc_dataclass);
  add_function(in, m, "field", dc_field);
  add_function(in, m, "fields", dc_fields);
  add_function(in, m, "asdict", dc_as<false>);
  add_function(in, m, "astuple", dc_as<true>);
  add_function(in, m, "replace", dc_replace);
  add_function(in, m, "is_dataclass", dc_is_dataclass);
}

}  // namespace

void register_dataclasses_module(interpreter& in) { in.register_module("dataclasses", make_dataclasses); }

}  // namespace asyncrace::python
