// The operator module: the operators as functions, and itemgetter/attrgetter/methodcaller.
#include "args.hpp"
#include "modules.hpp"
#include "numbers.hpp"
#include "str.hpp"

namespace asyncrace::python {

namespace {

struct getter_object : object {
  std::vector<value> keys;  // items, attribute paths or (method name, args...)
  std::vector<std::pair<str_object*, value>> kwargs;
  enum class kind : std::uint8_t { item, attr, method } what = kind::item;
};

value get_path(interpreter& in, value obj, const std::string& path) {
  std::size_t start = 0;
  while (true) {
    const std::size_t dot = path.find('.', start);
    obj = getattr(in, obj, in.intern(path.substr(start, dot - start)));
    if (dot == std::string::npos) return obj;
    start = dot + 1;
  }
}

value getter_call(interpreter& in, const call_args& a, object* self) {
  auto* g = static_cast<getter_object*>(self);
  expect_args(in, a, g->what == getter_object::kind::item ? "itemgetter" : g->what == getter_object::kind::attr ? "attrgetter" : "methodcaller", 1);
  const value& obj = a.args[0];
  if (g->what == getter_object::kind::method) {
    value m = getattr(in, obj, in.intern(as_str(g->keys[0])->s));
    std::vector<value> all(g->keys.begin() + 1, g->keys.end());
    std::vector<str_object*> names;
    const std::size_t npos = all.size();
    for (auto& [n, v] : g->kwargs) {
      names.push_back(n);
      all.push_back(v);
    }
    call_args c;
    c.args = all.data();
    c.npos = npos;
    c.kwnames = names.data();
    c.nkw = names.size();
    return call(in, m, c);
  }
  auto one = [&](const value& key) {
    return g->what == getter_object::kind::item ? getitem(in, obj, key) : get_path(in, obj, as_str(key)->s);
  };
  if (g->keys.size() == 1) return one(g->keys[0]);
  std::vector<value> out;
  for (const value& k : g->keys) out.push_back(one(k));
  return make_tuple(in, std::move(out));
}

value make_getter(interpreter& in, const call_args& a, type_object* t, getter_object::kind what) {
  auto* g = in.heap.make<getter_object>(t);
  value result = value::adopt(g);
  g->what = what;
  g->keys.assign(a.args, a.args + a.npos);
  for (std::size_t k = 0; k < a.nkw; ++k) g->kwargs.emplace_back(a.kwnames[k], a.kw(k));
  if (g->keys.empty()) throw_error(in, in.types.TypeError, t->name + " expected 1 argument, got 0");
  if (what != getter_object::kind::item)
    for (const value& k : what == getter_object::kind::attr ? g->keys : std::vector<value>{g->keys[0]})
      if (!is_str(in, k)) throw_error(in, in.types.TypeError, "attribute name must be a string");
  return result;
}

template <bin_op Op>
value binary_fn(interpreter& in, const call_args& a, object*) {
  expect_args(in, a, "operator", 2);
  return binary(in, Op, a.args[0], a.args[1]);
}

template <cmp_op Op>
value compare_fn(interpreter& in, const call_args& a, object*) {
  expect_args(in, a, "operator", 2);
  return compare(in, Op, a.args[0], a.args[1]);
}

void make_operator(interpreter& in, module_object& m) {
  const std::pair<const char*, native_fn> binaries[] = {
      {"add", binary_fn<bin_op::add>}, {"sub", binary_fn<bin_op::sub>}, {"mul", binary_fn<bin_op::mul>},
      {"truediv", binary_fn<bin_op::truediv>}, {"floordiv", binary_fn<bin_op::floordiv>}, {"mod", binary_fn<bin_op::mod>},
      {"pow", binary_fn<bin_op::pow>}, {"lshift", binary_fn<bin_op::lshift>}, {"rshift", binary_fn<bin_op::rshift>},
      {"and_", binary_fn<bin_op::and_>}, {"or_", binary_fn<bin_op::or_>}, {"xor", binary_fn<bin_op::xor_>},
      {"concat", binary_fn<bin_op::add>}, {"matmul", binary_fn<bin_op::matmul>},
      {"lt", compare_fn<cmp_op::lt>}, {"le", compare_fn<cmp_op::le>}, {"eq", compare_fn<cmp_op::eq>},
      {"ne", compare_fn<cmp_op::ne>}, {"gt", compare_fn<cmp_op::gt>}, {"ge", compare_fn<cmp_op::ge>}};
  for (auto [name, fn] : binaries) add_function(in, m, name, fn);
  add_function(in, m, "neg", [](interpreter& i, const call_args& a, object*) { return unary(i, unary_op::neg, a.args[0]); });
  add_function(in, m, "pos", [](interpreter& i, const call_args& a, object*) { return unary(i, unary_op::pos, a.args[0]); });
  add_function(in, m, "invert", [](interpreter& i, const call_args& a, object*) { return unary(i, unary_op::invert, a.args[0]); });
  add_function(in, m, "not_", [](interpreter& i, const call_args& a, object*) { return value::boolean(!truthy(i, a.args[0])); });
  add_function(in, m, "truth", [](interpreter& i, const call_args& a, object*) { return value::boolean(truthy(i, a.args[0])); });
  add_function(in, m, "is_", [](interpreter&, const call_args& a, object*) { return value::boolean(a.args[0].identical(a.args[1])); });
  add_function(in, m, "is_not", [](interpreter&, const call_args& a, object*) { return value::boolean(!a.args[0].identical(a.args[1])); });
  add_function(in, m, "contains", [](interpreter& i, const call_args& a, object*) { return value::boolean(contains(i, a.args[0], a.args[1])); });
  add_function(in, m, "getitem", [](interpreter& i, const call_args& a, object*) { return getitem(i, a.args[0], a.args[1]); });
  add_function(in, m, "setitem", [](interpreter& i, const call_args& a, object*) {
    setitem(i, a.args[0], a.args[1], a.args[2]);
    return value::none();
  });
  add_function(in, m, "delitem", [](interpreter& i, const call_args& a, object*) {
    delitem(i, a.args[0], a.args[1]);
    return value::none();
  });
  add_function(in, m, "index", [](interpreter& i, const call_args& a, object*) { return value::integer(index_of(i, a.args[0])); });
  add_function(in, m, "abs", [](interpreter& i, const call_args& a, object*) {
    return call(i, *i.builtins().attrs.find(i.intern("abs")), {a.args[0]});
  });
  const std::pair<const char*, getter_object::kind> getters[] = {
      {"itemgetter", getter_object::kind::item}, {"attrgetter", getter_object::kind::attr}, {"methodcaller", getter_object::kind::method}};
  for (auto [name, what] : getters) {
    type_object* t = make_builtin_type(in, name, in.types.object_);
    t->module = "operator";
    t->slots.call = getter_call;
    switch (what) {
      case getter_object::kind::item:
        t->slots.construct = [](interpreter& i, const call_args& a, object* ty) { return make_getter(i, a, static_cast<type_object*>(ty), getter_object::kind::item); };
        break;
      case getter_object::kind::attr:
        t->slots.construct = [](interpreter& i, const call_args& a, object* ty) { return make_getter(i, a, static_cast<type_object*>(ty), getter_object::kind::attr); };
        break;
      case getter_object::kind::method:
        t->slots.construct = [](interpreter& i, const call_args& a, object* ty) { return make_getter(i, a, static_cast<type_object*>(ty), getter_object::kind::method); };
        break;
    }
    m.attrs.set(in.intern(name), value::adopt(t));
  }
}

void make_string(interpreter& in, module_object& m) {
  const std::pair<const char*, const char*> constants[] = {
      {"ascii_lowercase", "abcdefghijklmnopqrstuvwxyz"},
      {"ascii_uppercase", "ABCDEFGHIJKLMNOPQRSTUVWXYZ"},
      {"ascii_letters", "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"},
      {"digits", "0123456789"},
      {"hexdigits", "0123456789abcdefABCDEF"},
      {"octdigits", "01234567"},
      {"punctuation", "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"},
      {"whitespace", " \t\n\r\x0b\x0c"},
      {"printable", "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~ \t\n\r\x0b\x0c"}};
  for (auto [name, text] : constants) m.attrs.set(in.intern(name), make_str(in, text));
  add_function(in, m, "capwords", [](interpreter& i, const call_args& a, object*) {
    expect_range(i, a, "capwords", 1, 2);
    value words = call(i, getattr(i, a.args[0], i.intern("split")), a.npos > 1 ? std::vector<value>{a.args[1]} : std::vector<value>{});
    std::vector<value> caps;
    value it = get_iter(i, words);
    for (value w = iter_next(i, it); !w.empty(); w = iter_next(i, it))
      caps.push_back(call(i, getattr(i, w, i.intern("capitalize")), std::vector<value>{}));
    value sep = a.npos > 1 ? a.args[1] : i.char_strings[static_cast<int>(' ')];
    return call(i, getattr(i, sep, i.intern("join")), {make_list(i, std::move(caps))});
  });
}

}  // namespace

void register_operator_module(interpreter& in) { in.register_module("operator", make_operator); }
void register_string_module(interpreter& in) { in.register_module("string", make_string); }

}  // namespace asyncrace::python
