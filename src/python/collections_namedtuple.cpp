// collections.namedtuple: a tuple subtype whose items have names — Point(x=1, y=2), p.x, p[0],
// unpacking, _asdict, _replace, _make, _fields and defaults.
#include "args.hpp"
#include "dict.hpp"
#include "modules.hpp"
#include "str.hpp"

namespace asyncrace::python {

namespace {

const std::vector<value>& fields_of(interpreter& in, type_object* t) {
  return static_cast<tuple_object*>(t->lookup(in.intern("_fields"))->obj())->items;
}

value defaults_of(interpreter& in, type_object* t) { return *t->lookup(in.intern("_field_defaults")); }

value new_record(interpreter& in, type_object* t, std::vector<value> items) {
  auto* o = in.heap.make<tuple_object>(t);
  o->items = std::move(items);
  return value::adopt(o);
}

value namedtuple_new(interpreter& in, const call_args& a, object* type) {
  auto* t = static_cast<type_object*>(type);
  const auto& fields = fields_of(in, t);
  const std::string prefix = t->name + ".__new__()";
  if (a.npos > fields.size())
    throw_error(in, in.types.TypeError, prefix + " takes " + std::to_string(fields.size() + 1) + " positional arguments but " +
                                            std::to_string(a.npos + 1) + " were given");
  std::vector<value> items(fields.size());
  for (std::size_t k = 0; k < a.npos; ++k) items[k] = a.args[k];
  for (std::size_t k = 0; k < a.nkw; ++k) {
    std::size_t f = 0;
    while (f < fields.size() && as_str(fields[f])->s != a.kwnames[k]->s) ++f;
    if (f == fields.size()) throw_error(in, in.types.TypeError, prefix + " got an unexpected keyword argument '" + a.kwnames[k]->s + "'");
    if (!items[f].empty()) throw_error(in, in.types.TypeError, prefix + " got multiple values for argument '" + a.kwnames[k]->s + "'");
    items[f] = a.kw(k);
  }
  std::vector<std::string> missing;
  const value defaults = defaults_of(in, t);
  for (std::size_t f = 0; f < fields.size(); ++f) {
    if (!items[f].empty()) continue;
    value d = dict_get(in, defaults, fields[f]);
    if (d.empty()) missing.push_back("'" + as_str(fields[f])->s + "'");
    else items[f] = d;
  }
  if (!missing.empty()) {
    std::string names;
    for (std::size_t k = 0; k < missing.size(); ++k)
      names += (k == 0 ? "" : k + 1 == missing.size() ? (missing.size() > 2 ? ", and " : " and ") : ", ") + missing[k];
    throw_error(in, in.types.TypeError, prefix + " missing " + std::to_string(missing.size()) + " required positional argument" +
                                            (missing.size() > 1 ? "s" : "") + ": " + names);
  }
  return new_record(in, t, std::move(items));
}

std::string namedtuple_repr(interpreter& in, const value& v) {
  type_object* t = v.obj()->type;
  const auto& fields = fields_of(in, t);
  const auto& items = static_cast<tuple_object*>(v.obj())->items;
  std::string out = t->name + "(";
  for (std::size_t k = 0; k < items.size() && k < fields.size(); ++k)
    out += (k ? ", " : "") + as_str(fields[k])->s + "=" + repr(in, items[k]);
  return out + ")";
}

std::vector<std::string> parse_fields(interpreter& in, const value& names) {
  std::vector<std::string> out;
  if (is_str(in, names)) {
    std::string text = as_str(names)->s;
    for (auto& c : text)
      if (c == ',') c = ' ';
    std::size_t pos = 0;
    while ((pos = text.find_first_not_of(' ', pos)) != std::string::npos) {
      const std::size_t end = text.find(' ', pos);
      out.push_back(text.substr(pos, end - pos));
      pos = end;
    }
  } else {
    value it = get_iter(in, names);
    for (value x = iter_next(in, it); !x.empty(); x = iter_next(in, it)) out.push_back(str(in, x));
  }
  for (std::size_t k = 0; k < out.size(); ++k) {
    const std::string& f = out[k];
    bool ok = !f.empty() && !(f[0] >= '0' && f[0] <= '9');
    for (char c : f) ok = ok && (std::isalnum(static_cast<unsigned char>(c)) || c == '_' || static_cast<unsigned char>(c) >= 0x80);
    if (!ok) throw_error(in, in.types.ValueError, "Type names and field names must be valid identifiers: " + str_repr(f));
    if (f[0] == '_') throw_error(in, in.types.ValueError, "Field names cannot start with an underscore: " + str_repr(f));
    for (std::size_t j = 0; j < k; ++j)
      if (out[j] == f) throw_error(in, in.types.ValueError, "Encountered duplicate field name: " + str_repr(f));
  }
  return out;
}

void add_record_methods(interpreter& in, type_object* t) {
  add_method(in, t, "_asdict", [](interpreter& i, const call_args& a, object*) {
    value d = make_dict(i);
    const auto& fields = fields_of(i, a.args[0].obj()->type);
    const auto& items = static_cast<tuple_object*>(a.args[0].obj())->items;
    for (std::size_t k = 0; k < fields.size(); ++k) dict_set(i, d, fields[k], items[k]);
    return d;
  });
  add_method(in, t, "_replace", [](interpreter& i, const call_args& a, object*) {
    type_object* type = a.args[0].obj()->type;
    const auto& fields = fields_of(i, type);
    std::vector<value> items = static_cast<tuple_object*>(a.args[0].obj())->items;
    for (std::size_t k = 0; k < a.nkw; ++k) {
      std::size_t f = 0;
      while (f < fields.size() && as_str(fields[f])->s != a.kwnames[k]->s) ++f;
      if (f == fields.size()) throw_error(i, i.types.ValueError, "Got unexpected field names: ['" + a.kwnames[k]->s + "']");
      items[f] = a.kw(k);
    }
    return new_record(i, type, std::move(items));
  });
}

}  // namespace

value make_namedtuple(interpreter& in, const call_args& a, object*) {
  value p[5];
  bind_args(in, a, "namedtuple", 0, {"typename", "field_names", "rename", "defaults", "module"}, 2, p);
  const std::string name = str_arg(in, p[0], "");
  const std::vector<std::string> fields = parse_fields(in, p[1]);
  type_object* t = make_builtin_type(in, name, in.types.tuple);
  t->module = p[4].empty() || p[4].is_none() ? "__main__" : str(in, p[4]);
  value type = value::adopt(t);
  std::vector<value> field_values;
  for (auto& f : fields) field_values.push_back(value::borrow(in.intern(f)));
  value defaults = make_dict(in);
  if (!p[3].empty() && !p[3].is_none()) {
    value list = call(in, value::borrow(in.types.list), {p[3]});
    const auto& ds = static_cast<list_object*>(list.obj())->items;
    if (ds.size() > fields.size()) throw_error(in, in.types.TypeError, "Got more default values than field names");
    for (std::size_t k = 0; k < ds.size(); ++k) dict_set(in, defaults, field_values[fields.size() - ds.size() + k], ds[k]);
  }
  t->dict.set(in.intern("_fields"), make_tuple(in, field_values));
  t->dict.set(in.intern("_field_defaults"), defaults);
  t->slots.construct = namedtuple_new;
  t->slots.repr = namedtuple_repr;
  t->slots.getattr = [](interpreter& i, const value& v, str_object* attr) -> value {
    const auto& fs = fields_of(i, v.obj()->type);
    for (std::size_t k = 0; k < fs.size(); ++k)
      if (fs[k].obj() == attr || as_str(fs[k])->s == attr->s) return static_cast<tuple_object*>(v.obj())->items[k];
    return {};
  };
  add_record_methods(in, t);
  t->dict.set(in.intern("_make"), make_builtin(in, "_make", [](interpreter& i, const call_args& c, object* type_obj) {
    value items = call(i, value::borrow(i.types.tuple), {c.args[c.npos - 1]});
    const auto& vs = static_cast<tuple_object*>(items.obj())->items;
    call_args na;
    na.args = vs.data();
    na.npos = vs.size();
    return namedtuple_new(i, na, type_obj);
  }, type));
  return type;
}

}  // namespace asyncrace::python
