#include "pyrt/py_format_spec.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "pyrt/py_exception.hpp"
#include "pyrt/py_format.hpp"

namespace asyncrace {

namespace {

[[noreturn]] void value_error(std::string message) { throw py_exception("ValueError", message); }

bool is_align(char c) { return c == '<' || c == '>' || c == '^' || c == '='; }

std::size_t utf8_char_size(unsigned char c) {
  return c < 0x80 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
}

// Reads decimal digits at `pos`: how many were read; CPython's "Too many decimal digits".
std::size_t read_integer(std::string_view spec, std::size_t& pos, int& out) {
  const std::size_t start = pos;
  long long v = 0;
  while (pos < spec.size() && spec[pos] >= '0' && spec[pos] <= '9') {
    v = v * 10 + (spec[pos] - '0');
    if (v > 0x7fffffff) value_error("Too many decimal digits in format string");
    ++pos;
  }
  if (pos > start) out = static_cast<int>(v);
  return pos - start;
}

std::string repeat_fill(const std::string& fill, std::size_t n) {
  std::string out;
  out.reserve(fill.size() * n);
  for (std::size_t i = 0; i < n; ++i) out += fill;
  return out;
}

// Digits with separators every `group` from the right, padded with zeros (grouped too) to at
// least `min_width` characters: CPython's zero padding of '010,' gives '00,001,234'.
std::string group_digits(std::string_view digits, char separator, int group, std::size_t min_width) {
  std::string out;
  std::size_t i = digits.size();
  int in_group = 0;
  while (i > 0 || out.size() < min_width) {
    if (separator && in_group == group) {
      out += separator;
      in_group = 0;
      if (i == 0 && out.size() >= min_width) {
        out += '0';  // a number never starts with a separator
        break;
      }
      continue;
    }
    out += i > 0 ? digits[--i] : '0';
    ++in_group;
  }
  std::reverse(out.begin(), out.end());
  return out;
}

// Lays out sign+prefix, the number's digits (integer part, grouped here) and what follows them
// (fraction, exponent, '%') in the spec's width.
std::string layout_number(const format_spec& spec, const std::string& sign_prefix, std::string_view int_digits,
                          const std::string& tail, int group_size) {
  const std::string fill = spec.fill.empty() ? " " : spec.fill;
  const char align = spec.align ? spec.align : '>';
  const std::size_t width = spec.width < 0 ? 0 : static_cast<std::size_t>(spec.width);
  std::size_t min_digits = 0;
  if (align == '=' && fill == "0") {
    // Zero padding belongs to the number (so it is grouped).
    const std::size_t used = sign_prefix.size() + tail.size();
    min_digits = width > used ? width - used : 0;
  }
  const std::string body = sign_prefix + group_digits(int_digits, spec.grouping, group_size, min_digits) + tail;
  const std::size_t len = utf8_length(body);
  if (len >= width) return body;
  const std::size_t pad = width - len;
  switch (align) {
    case '<': return body + repeat_fill(fill, pad);
    case '^': return repeat_fill(fill, pad / 2) + body + repeat_fill(fill, pad - pad / 2);
    case '=': return sign_prefix + repeat_fill(fill, pad) + body.substr(sign_prefix.size());
    default: return repeat_fill(fill, pad) + body;
  }
}

std::string sign_text(const format_spec& spec, bool negative) {
  if (negative) return "-";
  if (spec.sign == '+') return "+";
  if (spec.sign == ' ') return " ";
  return "";
}

// x's significant digits rounded to `significant` of them, and the decimal point's position.
void decimal_digits(double x, int significant, std::string& digits, int& decpt) {
  std::vector<char> buf(static_cast<std::size_t>(significant) + 32);
  std::snprintf(buf.data(), buf.size(), "%.*e", significant - 1, x);
  const std::string s(buf.data());
  const auto e = s.find('e');
  digits.clear();
  for (char c : s.substr(0, e))
    if (c >= '0' && c <= '9') digits += c;
  decpt = std::atoi(s.c_str() + e + 1) + 1;
}

// 'g' (and the no-type-with-precision form, `add_dot_0`) from rounded digits, as CPython's
// format_float_short lays them out.
std::string general_format(double x, int precision, bool alternate, bool add_dot_0, bool upper) {
  if (precision == 0) precision = 1;
  std::string digits;
  int decpt = 0;
  decimal_digits(x, precision, digits, decpt);
  if (x == 0) decpt = 1;
  const bool use_exp = decpt <= -4 || decpt > (add_dot_0 ? precision - 1 : precision);
  if (!alternate)
    while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
  std::string out;
  if (use_exp) {
    out = digits.substr(0, 1);
    if (digits.size() > 1 || alternate) out += "." + digits.substr(1);
    char exp[16];
    std::snprintf(exp, sizeof exp, "%c%c%02d", upper ? 'E' : 'e', decpt - 1 < 0 ? '-' : '+', std::abs(decpt - 1));
    return out + exp;
  }
  if (decpt <= 0) {
    out = "0." + std::string(static_cast<std::size_t>(-decpt), '0') + digits;
  } else if (static_cast<std::size_t>(decpt) >= digits.size()) {
    out = digits + std::string(static_cast<std::size_t>(decpt) - digits.size(), '0');
    if (alternate || add_dot_0) out += alternate && !add_dot_0 ? "." : ".0";
  } else {
    out = digits.substr(0, static_cast<std::size_t>(decpt)) + "." + digits.substr(static_cast<std::size_t>(decpt));
  }
  return out;
}

// The text of |x| (finite) for the spec's type, before sign, grouping and padding.
std::string float_body(const format_spec& spec, double ax) {
  const int precision = spec.precision;
  char type = spec.type == 'n' ? 'g' : spec.type;
  if (type == 0) {
    if (precision < 0) {
      std::string repr = py_float_repr(ax);
      // '#' keeps a point in the mantissa: format(1e16, '#') is '1.e+16'.
      if (spec.alternate && repr.find('.') == std::string::npos) repr.insert(std::min(repr.find('e'), repr.size()), ".");
      return repr;
    }
    return general_format(ax, precision, spec.alternate, true, false);
  }
  if (type == 'g' || type == 'G') return general_format(ax, precision < 0 ? 6 : precision, spec.alternate, false, type == 'G');
  const int p = precision < 0 ? 6 : precision;
  const bool percent = type == '%';
  if (percent) {
    ax *= 100;
    type = 'f';
  }
  std::string f = spec.alternate ? "%#.*" : "%.*";
  f += type == 'F' ? 'f' : type;
  const int size = std::snprintf(nullptr, 0, f.c_str(), p, ax);
  std::vector<char> buf(static_cast<std::size_t>(size) + 1);
  std::snprintf(buf.data(), buf.size(), f.c_str(), p, ax);
  std::string out(buf.data(), static_cast<std::size_t>(size));
  return percent ? out + "%" : out;
}

}  // namespace

std::string utf8_encode(std::uint32_t cp) {
  std::string out;
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xc0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3f));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xe0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3f));
    out += static_cast<char>(0x80 | (cp & 0x3f));
  } else {
    out += static_cast<char>(0xf0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3f));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3f));
    out += static_cast<char>(0x80 | (cp & 0x3f));
  }
  return out;
}

std::size_t utf8_length(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xc0) != 0x80;
  return n;
}

bool format_spec::float_type() const {
  switch (type) {
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%': return true;
    default: return false;
  }
}

int format_spec::int_base() const {
  switch (type) {
    case 'b': return 2;
    case 'o': return 8;
    case 'x': case 'X': return 16;
    default: return 10;
  }
}

format_spec parse_format_spec(std::string_view spec, char default_type, std::string_view type_name) {
  format_spec f;
  std::size_t pos = 0;
  if (!spec.empty()) {
    const std::size_t first = utf8_char_size(static_cast<unsigned char>(spec[0]));
    if (spec.size() > first && is_align(spec[first])) {
      f.fill = std::string(spec.substr(0, first));
      f.align = spec[first];
      pos = first + 1;
    } else if (is_align(spec[0])) {
      f.align = spec[0];
      pos = 1;
    }
  }
  if (pos < spec.size() && (spec[pos] == '+' || spec[pos] == '-' || spec[pos] == ' ')) f.sign = spec[pos++];
  if (pos < spec.size() && spec[pos] == 'z') {
    f.coerce_zero = true;
    ++pos;
  }
  if (pos < spec.size() && spec[pos] == '#') {
    f.alternate = true;
    ++pos;
  }
  if (f.fill.empty() && pos < spec.size() && spec[pos] == '0') {
    f.fill = "0";
    if (!f.align && default_type != 's') f.align = '=';
    ++pos;
  }
  read_integer(spec, pos, f.width);
  if (pos < spec.size() && spec[pos] == ',') {
    f.grouping = ',';
    ++pos;
  }
  if (pos < spec.size() && spec[pos] == '_') {
    if (f.grouping) value_error("Cannot specify both ',' and '_'.");
    f.grouping = '_';
    ++pos;
  }
  if (pos < spec.size() && spec[pos] == ',' && f.grouping == '_') value_error("Cannot specify both ',' and '_'.");
  if (pos < spec.size() && spec[pos] == '.') {
    ++pos;
    if (read_integer(spec, pos, f.precision) == 0) value_error("Format specifier missing precision");
  }
  if (spec.size() - pos > 1)
    value_error("Invalid format specifier '" + std::string(spec) + "' for object of type '" + std::string(type_name) + "'");
  f.type = pos < spec.size() ? spec[pos] : default_type;
  if (f.grouping) {
    switch (f.type) {
      case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F': case 0: break;
      case 'b': case 'o': case 'x': case 'X':
        if (f.grouping == '_') break;
        [[fallthrough]];
      default:
        value_error(std::string("Cannot specify '") + f.grouping + "' with '" + f.type + "'.");
    }
  }
  return f;
}

std::string py_format_int(const format_spec& spec, bool negative, std::string_view digits) {
  switch (spec.type) {
    case 'b': case 'c': case 'd': case 'o': case 'x': case 'X': case 'n': break;
    default: value_error(std::string("Unknown format code '") + spec.type + "' for object of type 'int'");
  }
  if (spec.precision >= 0) value_error("Precision not allowed in integer format specifier");
  if (spec.coerce_zero) value_error("Negative zero coercion (z) not allowed in integer format specifier");
  if (spec.type == 'c') {
    if (spec.sign) value_error("Sign not allowed with integer format specifier 'c'");
    if (spec.alternate) value_error("Alternate form (#) not allowed with integer format specifier 'c'");
    // `digits` is the code point in decimal.
    if (negative || digits.size() > 7 || std::atol(std::string(digits).c_str()) >= 0x110000)
      throw py_exception("OverflowError", "%c arg not in range(0x110000)");
    format_spec plain = spec;
    plain.type = 's';
    if (!plain.align) plain.align = '>';
    return py_format_str(plain, utf8_encode(static_cast<std::uint32_t>(std::atol(std::string(digits).c_str()))));
  }
  std::string prefix = sign_text(spec, negative);
  if (spec.alternate) {
    if (spec.type == 'b') prefix += "0b";
    if (spec.type == 'o') prefix += "0o";
    if (spec.type == 'x') prefix += "0x";
    if (spec.type == 'X') prefix += "0X";
  }
  std::string upper;
  if (spec.type == 'X') {
    upper = std::string(digits);
    for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    digits = upper;
  }
  return layout_number(spec, prefix, digits, "", spec.int_base() == 10 ? 3 : 4);
}

std::string py_format_float(const format_spec& spec, double x) {
  switch (spec.type) {
    case 0: case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%': case 'n': break;
    default: value_error(std::string("Unknown format code '") + spec.type + "' for object of type 'float'");
  }
  bool negative = std::signbit(x) && !std::isnan(x);
  double ax = std::fabs(x);
  std::string body;
  format_spec layout = spec;
  const bool upper = spec.type == 'E' || spec.type == 'F' || spec.type == 'G';
  if (std::isnan(x) || std::isinf(x)) {
    body = std::isnan(x) ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf");
    if (spec.type == '%') body += '%';
    layout.grouping = 0;  // zero padding of inf and nan is not grouped
  } else {
    body = float_body(spec, ax);
    if (spec.coerce_zero && negative && body.find_first_of("123456789") == std::string::npos) negative = false;
  }
  // The integer part is what gets grouped; the fraction, exponent and '%' follow it.
  const auto end = std::min(body.find_first_not_of("0123456789"), body.size());
  return layout_number(layout, sign_text(spec, negative), std::string_view(body).substr(0, end), body.substr(end), 3);
}

std::string py_format_str(const format_spec& spec, std::string_view s) {
  if (spec.type != 's') value_error(std::string("Unknown format code '") + spec.type + "' for object of type 'str'");
  if (spec.sign) value_error(spec.sign == ' ' ? "Space not allowed in string format specifier" : "Sign not allowed in string format specifier");
  if (spec.coerce_zero) value_error("Negative zero coercion (z) not allowed in string format specifier");
  if (spec.alternate) value_error("Alternate form (#) not allowed in string format specifier");
  if (spec.align == '=') value_error("'=' alignment not allowed in string format specifier");
  std::string_view text = s;
  std::size_t len = utf8_length(s);
  if (spec.precision >= 0 && static_cast<std::size_t>(spec.precision) < len) {
    std::size_t bytes = 0;
    for (int i = 0; i < spec.precision; ++i) bytes += utf8_char_size(static_cast<unsigned char>(s[bytes]));
    text = s.substr(0, bytes);
    len = static_cast<std::size_t>(spec.precision);
  }
  const std::size_t width = spec.width < 0 ? 0 : static_cast<std::size_t>(spec.width);
  if (len >= width) return std::string(text);
  const std::string fill = spec.fill.empty() ? " " : spec.fill;
  const std::size_t pad = width - len;
  switch (spec.align ? spec.align : '<') {
    case '>': return repeat_fill(fill, pad) + std::string(text);
    case '^': return repeat_fill(fill, pad / 2) + std::string(text) + repeat_fill(fill, pad - pad / 2);
    default: return std::string(text) + repeat_fill(fill, pad);
  }
}

std::string py_format(double x, std::string_view spec) { return py_format_float(parse_format_spec(spec, 0, "float"), x); }

std::string py_format(std::int64_t n, std::string_view spec) {
  const format_spec f = parse_format_spec(spec, 'd', "int");
  if (f.float_type()) return py_format_float(f, static_cast<double>(n));
  std::uint64_t m = n < 0 ? ~static_cast<std::uint64_t>(n) + 1 : static_cast<std::uint64_t>(n);
  std::string digits;
  const int base = f.int_base();
  do {
    digits += "0123456789abcdef"[m % static_cast<std::uint64_t>(base)];
    m /= static_cast<std::uint64_t>(base);
  } while (m);
  std::reverse(digits.begin(), digits.end());
  return py_format_int(f, n < 0, digits);
}

std::string py_format(std::string_view s, std::string_view spec) { return py_format_str(parse_format_spec(spec, 's', "str"), s); }

}  // namespace asyncrace
