// The json module: dumps (indent, sort_keys, separators, ensure_ascii, default) and loads, with
// the json package's texts for its errors.
#include <cmath>
#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "args.hpp"
#include "dict.hpp"
#include "modules.hpp"
#include "numbers.hpp"
#include "pyrt/py_format.hpp"
#include "str.hpp"

namespace asyncrace::python {

namespace {

struct dump_options {
  std::string indent;  // per level; `has_indent` says whether to break lines
  bool has_indent = false, sort_keys = false, ensure_ascii = true;
  std::string item_sep = ", ", key_sep = ": ";
  value fallback;  // default=
};

std::string quote(std::string_view s, bool ensure_ascii) {
  std::string out = "\"";
  for (std::size_t pos = 0; pos < s.size();) {
    const std::size_t at = pos;
    const std::uint32_t c = utf8_decode(s, pos);
    char buf[16];
    switch (c) {
      case '"': out += "\\\""; continue;
      case '\\': out += "\\\\"; continue;
      case '\n': out += "\\n"; continue;
      case '\r': out += "\\r"; continue;
      case '\t': out += "\\t"; continue;
      case '\b': out += "\\b"; continue;
      case '\f': out += "\\f"; continue;
      default: break;
    }
    if (c < 0x20 || (ensure_ascii && c >= 0x7f)) {
      if (c >= 0x10000) {
        const std::uint32_t v = c - 0x10000;
        std::snprintf(buf, sizeof buf, "\\u%04x\\u%04x", 0xd800 + (v >> 10), 0xdc00 + (v & 0x3ff));
      } else {
        std::snprintf(buf, sizeof buf, "\\u%04x", c);
      }
      out += buf;
    } else {
      out.append(s.substr(at, pos - at));
    }
  }
  return out + "\"";
}

std::string float_text(double d) {
  if (std::isnan(d)) return "NaN";
  if (std::isinf(d)) return d > 0 ? "Infinity" : "-Infinity";
  return py_float_repr(d);
}

void dump(interpreter& in, const value& v, const dump_options& o, int level, std::vector<object*>& stack, std::string& out);

void newline(const dump_options& o, int level, std::string& out) {
  if (!o.has_indent) return;
  out += '\n';
  for (int i = 0; i < level; ++i) out += o.indent;
}

std::string key_text(interpreter& in, const value& k) {
  if (is_str(in, k)) return as_str(k)->s;
  if (k.is_bool()) return k.as_bool() ? "true" : "false";
  if (k.is_none()) return "null";
  if (k.is_float()) return float_text(k.as_float());
  if (is_int_like(k)) return int_repr(k);
  throw_error(in, in.types.TypeError, "keys must be str, int, float, bool or None, not " + type_name(k));
}

void dump_container(interpreter& in, const value& v, const dump_options& o, int level, std::vector<object*>& stack, std::string& out) {
  if (std::find(stack.begin(), stack.end(), v.obj()) != stack.end()) throw_error(in, in.types.ValueError, "Circular reference detected");
  stack.push_back(v.obj());
  if (is_dict(in, v)) {
    std::vector<std::pair<std::string, value>> items;
    for (const auto& e : dict_of(v).entries())
      if (!e.key.empty()) items.emplace_back(key_text(in, e.key), e.val);
    if (o.sort_keys)
      std::stable_sort(items.begin(), items.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    if (items.empty()) {
      out += "{}";
    } else {
      out += '{';
      for (std::size_t i = 0; i < items.size(); ++i) {
        if (i) out += o.item_sep;
        newline(o, level + 1, out);
        out += quote(items[i].first, o.ensure_ascii) + o.key_sep;
        dump(in, items[i].second, o, level + 1, stack, out);
      }
      newline(o, level, out);
      out += '}';
    }
  } else {
    const std::vector<value> items = v.obj()->type->is_subtype_of(in.types.tuple) ? static_cast<tuple_object*>(v.obj())->items
                                                                                 : static_cast<list_object*>(v.obj())->items;
    if (items.empty()) {
      out += "[]";
    } else {
      out += '[';
      for (std::size_t i = 0; i < items.size(); ++i) {
        if (i) out += o.item_sep;
        newline(o, level + 1, out);
        dump(in, items[i], o, level + 1, stack, out);
      }
      newline(o, level, out);
      out += ']';
    }
  }
  stack.pop_back();
}

void dump(interpreter& in, const value& v, const dump_options& o, int level, std::vector<object*>& stack, std::string& out) {
  if (v.is_none()) out += "null";
  else if (v.is_bool()) out += v.as_bool() ? "true" : "false";
  else if (v.is_float()) out += float_text(v.as_float());
  else if (is_int_like(v)) out += int_repr(v);
  else if (is_str(in, v)) out += quote(as_str(v)->s, o.ensure_ascii);
  else if (is_dict(in, v) || v.obj()->type->is_subtype_of(in.types.list) || v.obj()->type->is_subtype_of(in.types.tuple))
    dump_container(in, v, o, level, stack, out);
  else if (!o.fallback.empty()) dump(in, call(in, o.fallback, {v}), o, level, stack, out);
  else throw_error(in, in.types.TypeError, "Object of type " + type_name(v) + " is not JSON serializable");
}

value dumps(interpreter& in, const call_args& a, object*) {
  value p[10];
  bind_args(in, a, "dumps", 0,
            {"obj", "skipkeys", "ensure_ascii", "check_circular", "allow_nan", "indent", "separators", "default", "sort_keys", "cls"}, 1, p);
  dump_options o;
  o.sort_keys = !p[8].empty() && truthy(in, p[8]);
  if (!p[2].empty()) o.ensure_ascii = truthy(in, p[2]);
  if (!p[5].empty() && !p[5].is_none()) {
    o.has_indent = true;
    o.item_sep = ",";
    o.indent = is_str(in, p[5]) ? as_str(p[5])->s : std::string(static_cast<std::size_t>(std::max<std::int64_t>(0, index_of(in, p[5]))), ' ');
  }
  if (!p[6].empty() && !p[6].is_none()) {
    value seps = call(in, value::borrow(in.types.tuple), {p[6]});
    const auto& s = static_cast<tuple_object*>(seps.obj())->items;
    if (s.size() != 2) throw_error(in, in.types.ValueError, "too many values to unpack (expected 2)");
    o.item_sep = str(in, s[0]);
    o.key_sep = str(in, s[1]);
  }
  if (!p[7].empty() && !p[7].is_none()) o.fallback = p[7];
  return make_str(in, [&] {
    std::string out;
    std::vector<object*> stack;
    dump(in, p[0], o, 0, stack, out);
    return out;
  }());
}

// loads -----------------------------------------------------------------------------------------

struct json_parser {
  interpreter& in;
  const std::string& s;
  type_object* error_type;
  std::size_t pos = 0;

  [[noreturn]] void fail(const std::string& message, std::size_t at) {
    std::size_t line = 1, col = 1;
    for (std::size_t i = 0; i < at && i < s.size(); ++i) {
      if (s[i] == '\n') {
        ++line;
        col = 1;
      } else if ((static_cast<unsigned char>(s[i]) & 0xc0) != 0x80) {
        ++col;
      }
    }
    std::size_t chars = 0;
    for (std::size_t i = 0; i < at && i < s.size(); ++i) chars += (static_cast<unsigned char>(s[i]) & 0xc0) != 0x80;
    throw_error(in, error_type, message + ": line " + std::to_string(line) + " column " + std::to_string(col) + " (char " + std::to_string(chars) + ")");
  }
  void skip() {
    while (pos < s.size() && (s[pos] == ' ' || s[pos] == '\t' || s[pos] == '\n' || s[pos] == '\r')) ++pos;
  }
  bool literal(const char* word) {
    const std::size_t n = std::char_traits<char>::length(word);
    if (s.compare(pos, n, word) != 0) return false;
    pos += n;
    return true;
  }
  value parse_value() {
    skip();
    if (pos >= s.size()) fail("Expecting value", pos);
    const char c = s[pos];
    if (c == '{') return parse_object();
    if (c == '[') return parse_array();
    if (c == '"') return make_str(in, parse_string());
    if (literal("true")) return value::boolean(true);
    if (literal("false")) return value::boolean(false);
    if (literal("null")) return value::none();
    if (literal("NaN")) return value::floating(NAN);
    if (literal("Infinity")) return value::floating(HUGE_VAL);
    if (literal("-Infinity")) return value::floating(-HUGE_VAL);
    if (c == '-' || (c >= '0' && c <= '9')) return parse_number();
    fail("Expecting value", pos);
  }
  value parse_number() {
    const std::size_t start = pos;
    if (s[pos] == '-') ++pos;
    if (pos >= s.size() || !std::isdigit(static_cast<unsigned char>(s[pos]))) fail("Expecting value", start);
    if (s[pos] == '0') ++pos;
    else while (pos < s.size() && std::isdigit(static_cast<unsigned char>(s[pos]))) ++pos;
    bool is_float = false;
    if (pos + 1 < s.size() && s[pos] == '.' && std::isdigit(static_cast<unsigned char>(s[pos + 1]))) {
      is_float = true;
      ++pos;
      while (pos < s.size() && std::isdigit(static_cast<unsigned char>(s[pos]))) ++pos;
    }
    if (pos < s.size() && (s[pos] == 'e' || s[pos] == 'E')) {
      std::size_t e = pos + 1;
      if (e < s.size() && (s[e] == '+' || s[e] == '-')) ++e;
      if (e < s.size() && std::isdigit(static_cast<unsigned char>(s[e]))) {
        is_float = true;
        pos = e;
        while (pos < s.size() && std::isdigit(static_cast<unsigned char>(s[pos]))) ++pos;
      }
    }
    const std::string text = s.substr(start, pos - start);
    if (is_float) return value::floating(std::strtod(text.c_str(), nullptr));
    return make_int(in, *bigint::parse(text, 10));
  }
  std::string parse_string() {
    const std::size_t start = pos++;
    std::string out;
    while (true) {
      if (pos >= s.size()) fail("Unterminated string starting at", start);
      const char c = s[pos++];
      if (c == '"') return out;
      if (static_cast<unsigned char>(c) < 0x20) fail("Invalid control character at", pos - 1);
      if (c != '\\') {
        out += c;
        continue;
      }
      if (pos >= s.size()) fail("Unterminated string starting at", start);
      const char e = s[pos++];
      switch (e) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case '/': out += '/'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': {
          auto hex4 = [&]() -> std::uint32_t {
            if (pos + 4 > s.size()) fail("Invalid \\uXXXX escape", pos - 1);
            const std::string h = s.substr(pos, 4);
            if (h.find_first_not_of("0123456789abcdefABCDEF") != std::string::npos) fail("Invalid \\uXXXX escape", pos - 1);
            pos += 4;
            return static_cast<std::uint32_t>(std::stoul(h, nullptr, 16));
          };
          std::uint32_t cp = hex4();
          if (cp >= 0xd800 && cp < 0xdc00 && s.compare(pos, 2, "\\u") == 0) {
            const std::size_t save = pos;
            pos += 2;
            const std::uint32_t low = hex4();
            if (low >= 0xdc00 && low < 0xe000) cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
            else pos = save;
          }
          out += utf8_char(cp);
          break;
        }
        default: fail("Invalid \\escape", pos - 2);
      }
    }
  }
  value parse_object() {
    ++pos;
    value d = make_dict(in);
    skip();
    if (pos < s.size() && s[pos] == '}') {
      ++pos;
      return d;
    }
    while (true) {
      skip();
      if (pos >= s.size() || s[pos] != '"') fail("Expecting property name enclosed in double quotes", pos);
      value key = make_str(in, parse_string());
      skip();
      if (pos >= s.size() || s[pos] != ':') fail("Expecting ':' delimiter", pos);
      ++pos;
      dict_set(in, d, key, parse_value());
      skip();
      if (pos < s.size() && s[pos] == '}') {
        ++pos;
        return d;
      }
      if (pos >= s.size() || s[pos] != ',') fail("Expecting ',' delimiter", pos);
      ++pos;
    }
  }
  value parse_array() {
    ++pos;
    std::vector<value> items;
    skip();
    if (pos < s.size() && s[pos] == ']') {
      ++pos;
      return make_list(in, {});
    }
    while (true) {
      items.push_back(parse_value());
      skip();
      if (pos < s.size() && s[pos] == ']') {
        ++pos;
        return make_list(in, std::move(items));
      }
      if (pos >= s.size() || s[pos] != ',') fail("Expecting ',' delimiter", pos);
      ++pos;
    }
  }
};

void make_json(interpreter& in, module_object& m) {
  type_object* error = make_builtin_type(in, "JSONDecodeError", in.types.ValueError);
  error->module = "json.decoder";
  m.attrs.set(in.intern("JSONDecodeError"), value::adopt(error));
  add_function(in, m, "dumps", dumps);
  add_function(in, m, "loads", [](interpreter& i, const call_args& a, object* data) {
    value p[1];
    bind_args(i, a, "loads", 0, {"s"}, 1, p);
    std::string text;
    if (is_str(i, p[0])) text = as_str(p[0])->s;
    else if (p[0].is_object() && p[0].obj()->type == i.types.bytes) text = static_cast<bytes_object*>(p[0].obj())->s;
    else throw_error(i, i.types.TypeError, "the JSON object must be str, bytes or bytearray, not " + type_name(p[0]));
    json_parser parser{i, text, static_cast<type_object*>(data)};
    value result = parser.parse_value();
    parser.skip();
    if (parser.pos != text.size()) parser.fail("Extra data", parser.pos);
    return result;
  }, value::borrow(error));
}

}  // namespace

void register_json_module(interpreter& in) { in.register_module("json", make_json); }

}  // namespace asyncrace::python
