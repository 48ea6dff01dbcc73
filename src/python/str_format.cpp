// str.format / str.format_map (fields with indexes, attributes, conversions and nested specs)
// and printf-style `str % args`, both through the shared format-spec engine.
#include <cstdio>

#include "args.hpp"
#include "formatting.hpp"
#include "numbers.hpp"
#include "str.hpp"

namespace asyncrace::python {

namespace {

[[noreturn]] void format_error(interpreter& in, const std::string& message) { throw_error(in, in.types.ValueError, message); }

struct format_arguments {
  const call_args& a;
  std::size_t first;  // index of the first positional argument (after self)
  value mapping;      // format_map's mapping, else empty
  int next_auto = 0;  // -1 once a field was numbered by hand
  bool manual = false;
};

value lookup_argument(interpreter& in, format_arguments& f, std::string_view name) {
  if (name.empty()) {
    if (f.manual) format_error(in, "cannot switch from manual field specification to automatic field numbering");
    name = {};
    const auto index = static_cast<std::size_t>(f.next_auto++);
    if (f.first + index >= f.a.npos)
      throw_error(in, in.types.IndexError, "Replacement index " + std::to_string(index) + " out of range for positional args tuple");
    return f.a.args[f.first + index];
  }
  if (name.find_first_not_of("0123456789") == std::string_view::npos) {
    if (f.next_auto > 0) format_error(in, "cannot switch from automatic field numbering to manual field specification");
    f.manual = true;
    const auto index = static_cast<std::size_t>(std::stoull(std::string(name)));
    if (f.first + index >= f.a.npos)
      throw_error(in, in.types.IndexError, "Replacement index " + std::to_string(index) + " out of range for positional args tuple");
    return f.a.args[f.first + index];
  }
  if (!f.mapping.empty()) return getitem(in, f.mapping, make_str(in, std::string(name)));
  for (std::size_t k = 0; k < f.a.nkw; ++k)
    if (f.a.kwnames[k]->s == name) return f.a.kw(k);
  throw_exception(new_exception(in, in.types.KeyError, {make_str(in, std::string(name))}));
}

// A field's value: its argument, then `.attr` and `[key]` steps.
value field_value(interpreter& in, format_arguments& f, std::string_view field) {
  const std::size_t end = std::min(field.find('.'), field.find('['));
  value v = lookup_argument(in, f, field.substr(0, std::min(end, field.size())));
  std::size_t pos = std::min(end, field.size());
  while (pos < field.size()) {
    if (field[pos] == '.') {
      const std::size_t next = std::min(field.find_first_of(".[", pos + 1), field.size());
      const std::string_view attr = field.substr(pos + 1, next - pos - 1);
      if (attr.empty()) format_error(in, "Empty attribute in format string");
      v = getattr(in, v, in.intern(attr));
      pos = next;
    } else if (field[pos] == '[') {
      const std::size_t close = field.find(']', pos);
      if (close == std::string_view::npos) format_error(in, "Missing ']' in format string");
      const std::string_view key = field.substr(pos + 1, close - pos - 1);
      if (key.empty()) format_error(in, "Empty attribute in format string");
      const bool numeric = key.find_first_not_of("0123456789") == std::string_view::npos;
      v = getitem(in, v, numeric ? value::integer(std::stoll(std::string(key))) : make_str(in, std::string(key)));
      pos = close + 1;
      if (pos < field.size() && field[pos] != '.' && field[pos] != '[')
        format_error(in, "Only '.' or '[' may follow ']' in format field specifier");
    } else {
      break;
    }
  }
  return v;
}

std::string render(interpreter& in, const std::string& fmt, format_arguments& f, int depth);

std::string render_field(interpreter& in, std::string_view body, format_arguments& f, int depth) {
  // body: name[!conv][:spec], where a ':' or '!' inside [] belongs to the name.
  std::size_t i = 0;
  for (int bracket = 0; i < body.size(); ++i) {
    if (body[i] == '[') ++bracket;
    else if (body[i] == ']') --bracket;
    else if (!bracket && (body[i] == '!' || body[i] == ':')) break;
  }
  const std::string_view name = body.substr(0, i);
  char conversion = 0;
  std::string spec;
  if (i < body.size() && body[i] == '!') {
    if (i + 1 >= body.size()) format_error(in, "end of string while looking for conversion specifier");
    conversion = body[i + 1];
    i += 2;
    if (i < body.size() && body[i] != ':') format_error(in, "expected ':' after conversion specifier");
  }
  if (i < body.size() && body[i] == ':') spec = render(in, std::string(body.substr(i + 1)), f, depth + 1);
  value v = field_value(in, f, name);
  switch (conversion) {
    case 0: break;
    case 'r': v = make_str(in, repr(in, v)); break;
    case 's': v = make_str(in, str(in, v)); break;
    case 'a': v = make_str(in, repr(in, v)); break;
    default: format_error(in, std::string("Unknown conversion specifier ") + conversion);
  }
  return format(in, v, spec);
}

std::string render(interpreter& in, const std::string& fmt, format_arguments& f, int depth) {
  if (depth > 2) format_error(in, "Max string recursion exceeded");
  std::string out;
  for (std::size_t i = 0; i < fmt.size(); ++i) {
    const char c = fmt[i];
    if (c == '}') {
      if (i + 1 < fmt.size() && fmt[i + 1] == '}') {
        out += '}';
        ++i;
        continue;
      }
      format_error(in, "Single '}' encountered in format string");
    }
    if (c != '{') {
      out += c;
      continue;
    }
    if (i + 1 < fmt.size() && fmt[i + 1] == '{') {
      out += '{';
      ++i;
      continue;
    }
    // Find the matching '}' (specs may nest one level of fields).
    std::size_t j = i + 1;
    for (int level = 1; j < fmt.size(); ++j) {
      if (fmt[j] == '{') ++level;
      else if (fmt[j] == '}' && --level == 0) break;
    }
    if (j >= fmt.size()) format_error(in, i + 1 >= fmt.size() ? "Single '{' encountered in format string" : "expected '}' before end of string");
    out += render_field(in, std::string_view(fmt).substr(i + 1, j - i - 1), f, depth);
    i = j;
  }
  return out;
}

// One printf-style conversion of `v` (`%5.2f`: flags, width, precision, type).
std::string percent_one(interpreter& in, char type, const std::string& flags, int width, int precision, const value& v) {
  std::string spec;
  const bool left = flags.find('-') != std::string::npos;
  if (left) spec += '<';
  if (flags.find('+') != std::string::npos) spec += '+';
  else if (flags.find(' ') != std::string::npos) spec += ' ';
  if (flags.find('#') != std::string::npos && type != 's' && type != 'r' && type != 'a') spec += '#';
  if (flags.find('0') != std::string::npos && !left && type != 's' && type != 'r' && type != 'a' && type != 'c') spec += '0';
  if (width >= 0) spec += std::to_string(width);
  switch (type) {
    case 's': case 'r': case 'a': {
      std::string text = type == 's' ? str(in, v) : repr(in, v);
      std::string s = width >= 0 ? (left ? "<" : ">") + std::to_string(width) : "";
      if (precision >= 0) s += "." + std::to_string(precision);
      return format_str(in, text, s);
    }
    case 'd': case 'i': case 'u': {
      if (!is_number(v) && !type_of(v)->lookup(in.intern("__int__")))
        throw_error(in, in.types.TypeError, std::string("%") + type + " format: a real number is required, not " + type_name(v));
      value n = v.is_float() ? int_from_double(in, v.as_float()) : (is_int_like(v) ? v : call(in, value::borrow(in.types.int_), {v}));
      std::string digits = format_int(in, n, "d");
      if (precision >= 0) {
        const bool neg = !digits.empty() && digits[0] == '-';
        std::string body = neg ? digits.substr(1) : digits;
        if (static_cast<int>(body.size()) < precision) body.insert(0, static_cast<std::size_t>(precision) - body.size(), '0');
        n = value();
        return format_str(in, (neg ? "-" : (flags.find('+') != std::string::npos ? "+" : "")) + body,
                          width >= 0 ? (left ? "<" : ">") + std::to_string(width) : "");
      }
      return format_int(in, n, spec + "d");
    }
    case 'x': case 'X': case 'o': {
      if (!is_int_like(v))
        throw_error(in, in.types.TypeError, std::string("%") + type + " format: an integer is required, not " + type_name(v));
      return format_int(in, v, spec + type);
    }
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': {
      if (!is_number(v)) throw_error(in, in.types.TypeError, "must be real number, not " + type_name(v));
      return format_float(in, to_double(in, v), spec + "." + std::to_string(precision < 0 ? 6 : precision) + type);
    }
    case 'c': {
      if (is_str(in, v)) {
        if (as_str(v)->length != 1) throw_error(in, in.types.TypeError, "%c requires int or char");
        return format_str(in, as_str(v)->s, width >= 0 ? (left ? "<" : ">") + std::to_string(width) : "");
      }
      if (!is_int_like(v)) throw_error(in, in.types.TypeError, "%c requires int or char");
      return format_int(in, v, spec + "c");
    }
    default: {
      char buf[64];
      std::snprintf(buf, sizeof buf, "unsupported format character '%c' (0x%x)", type, static_cast<unsigned char>(type));
      throw_error(in, in.types.ValueError, std::string(buf) + " at index ");
    }
  }
}

}  // namespace

value str_format_call(interpreter& in, const std::string& fmt, const call_args& a, std::size_t first) {
  format_arguments f{a, first, {}, 0, false};
  return make_str(in, render(in, fmt, f, 0));
}

value str_percent(interpreter& in, const std::string& fmt, const value& args) {
  std::vector<value> items;
  const bool is_tuple = args.is_object() && args.obj()->type == in.types.tuple;
  if (is_tuple) items = static_cast<tuple_object*>(args.obj())->items;
  else items.push_back(args);
  const bool mapping = !is_tuple && args.is_object() && type_of(args)->slots.getitem && !is_str(in, args) &&
                       args.obj()->type != in.types.list;
  std::size_t next = 0;
  auto take = [&]() -> value {
    if (next >= items.size()) throw_error(in, in.types.TypeError, "not enough arguments for format string");
    return items[next++];
  };
  std::string out;
  bool used_mapping = false;
  for (std::size_t i = 0; i < fmt.size(); ++i) {
    if (fmt[i] != '%') {
      out += fmt[i];
      continue;
    }
    if (++i >= fmt.size()) throw_error(in, in.types.ValueError, "incomplete format");
    value key;
    if (fmt[i] == '(') {
      const std::size_t close = fmt.find(')', i);
      if (close == std::string::npos) throw_error(in, in.types.ValueError, "incomplete format key");
      if (!mapping) throw_error(in, in.types.TypeError, "format requires a mapping");
      key = getitem(in, args, make_str(in, fmt.substr(i + 1, close - i - 1)));
      used_mapping = true;
      i = close + 1;
    }
    std::string flags;
    while (i < fmt.size() && std::string_view("-+ #0").find(fmt[i]) != std::string_view::npos) flags += fmt[i++];
    int width = -1, precision = -1;
    if (i < fmt.size() && fmt[i] == '*') {
      width = static_cast<int>(index_of(in, take()));
      ++i;
    } else {
      while (i < fmt.size() && std::isdigit(static_cast<unsigned char>(fmt[i]))) width = std::max(width, 0) * 10 + (fmt[i++] - '0');
    }
    if (i < fmt.size() && fmt[i] == '.') {
      ++i;
      precision = 0;
      if (i < fmt.size() && fmt[i] == '*') {
        precision = static_cast<int>(index_of(in, take()));
        ++i;
      } else {
        while (i < fmt.size() && std::isdigit(static_cast<unsigned char>(fmt[i]))) precision = precision * 10 + (fmt[i++] - '0');
      }
    }
    if (i >= fmt.size()) throw_error(in, in.types.ValueError, "incomplete format");
    if (fmt[i] == '%') {
      out += '%';
      continue;
    }
    if (std::string_view("sradiuxXoeEfFgGc").find(fmt[i]) == std::string_view::npos) {
      char buf[80];
      std::snprintf(buf, sizeof buf, "unsupported format character '%c' (0x%x) at index %zu", fmt[i],
                    static_cast<unsigned char>(fmt[i]), i);
      throw_error(in, in.types.ValueError, buf);
    }
    out += percent_one(in, fmt[i], flags, width, precision, key.empty() ? take() : key);
  }
  if (!used_mapping && next < items.size() && !mapping)
    throw_error(in, in.types.TypeError, "not all arguments converted during string formatting");
  return make_str(in, std::move(out));
}

void install_str_format(interpreter& in) {
  add_method(in, in.types.str, "format", [](interpreter& i, const call_args& a, object*) {
    return str_format_call(i, as_str(a.args[0])->s, a, 1);
  });
  add_method(in, in.types.str, "format_map", [](interpreter& i, const call_args& a, object*) {
    expect_args(i, a, "str.format_map", 2);
    format_arguments f{a, 2, a.args[1], 0, false};
    return make_str(i, render(i, as_str(a.args[0])->s, f, 0));
  });
}

}  // namespace asyncrace::python
