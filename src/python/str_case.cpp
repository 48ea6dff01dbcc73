// str's methods that map characters or test them: upper/lower/title/..., is*(), the padding
// methods (center/ljust/rjust/zfill), expandtabs and encode.
#include <functional>
#include <vector>

#include "args.hpp"
#include "numbers.hpp"
#include "str.hpp"

namespace asyncrace::python {

namespace {

const std::string& self_text(const call_args& a) { return as_str(a.args[0])->s; }

std::vector<std::uint32_t> code_points(const std::string& s) {
  std::vector<std::uint32_t> out;
  for (std::size_t pos = 0; pos < s.size();) out.push_back(utf8_decode(s, pos));
  return out;
}

std::string from_code_points(const std::vector<std::uint32_t>& cps) {
  std::string out;
  for (std::uint32_t c : cps) out += utf8_char(c);
  return out;
}

bool is_cased(std::uint32_t c) { return is_upper_cp(c) || is_lower_cp(c); }

// Case mappings: `mode` says which.
enum class case_mode { upper, lower, title, capitalize, swapcase };

value map_case(interpreter& in, const call_args& a, case_mode mode) {
  expect_args(in, a, "str method", 1);
  std::vector<std::uint32_t> cps = code_points(self_text(a));
  bool previous_cased = false;
  for (std::size_t i = 0; i < cps.size(); ++i) {
    std::uint32_t& c = cps[i];
    switch (mode) {
      case case_mode::upper: c = to_upper_cp(c); break;
      case case_mode::lower: c = to_lower_cp(c); break;
      case case_mode::capitalize: c = i == 0 ? to_upper_cp(c) : to_lower_cp(c); break;
      case case_mode::swapcase: c = is_upper_cp(c) ? to_lower_cp(c) : to_upper_cp(c); break;
      case case_mode::title: {
        const bool cased = is_cased(c);
        c = previous_cased ? to_lower_cp(c) : to_upper_cp(c);
        previous_cased = cased || (c >= '0' && c <= '9' && false);
        break;
      }
    }
  }
  std::string out = from_code_points(cps);
  // German sharp s upper-cases to "SS", as in Python.
  if (mode == case_mode::upper || mode == case_mode::swapcase) {
    for (std::size_t at; (at = out.find("\xc3\x9f")) != std::string::npos;) out.replace(at, 2, "SS");
  }
  return make_str(in, std::move(out));
}

// is*(): every code point passes `test` and the text is not empty.
value all_of(interpreter& in, const call_args& a, const std::function<bool(std::uint32_t)>& test) {
  expect_args(in, a, "str method", 1);
  const std::string& s = self_text(a);
  if (s.empty()) return value::boolean(false);
  for (std::size_t pos = 0; pos < s.size();)
    if (!test(utf8_decode(s, pos))) return value::boolean(false);
  return value::boolean(true);
}

// isupper/islower: some cased character, and none of the other case.
value case_test(interpreter& in, const call_args& a, bool upper) {
  expect_args(in, a, "str method", 1);
  bool cased = false;
  const std::string& s = self_text(a);
  for (std::size_t pos = 0; pos < s.size();) {
    const std::uint32_t c = utf8_decode(s, pos);
    if (upper ? is_lower_cp(c) : is_upper_cp(c)) return value::boolean(false);
    cased = cased || (upper ? is_upper_cp(c) : is_lower_cp(c));
  }
  return value::boolean(cased);
}

value istitle(interpreter& in, const call_args& a, object*) {
  expect_args(in, a, "str.istitle", 1);
  bool cased = false, previous_cased = false;
  const std::string& s = self_text(a);
  for (std::size_t pos = 0; pos < s.size();) {
    const std::uint32_t c = utf8_decode(s, pos);
    if (is_upper_cp(c)) {
      if (previous_cased) return value::boolean(false);
      previous_cased = cased = true;
    } else if (is_lower_cp(c)) {
      if (!previous_cased) return value::boolean(false);
      previous_cased = cased = true;
    } else {
      previous_cased = false;
    }
  }
  return value::boolean(cased);
}

value isidentifier(interpreter& in, const call_args& a, object*) {
  expect_args(in, a, "str.isidentifier", 1);
  const std::string& s = self_text(a);
  if (s.empty()) return value::boolean(false);
  bool first = true;
  for (std::size_t pos = 0; pos < s.size(); first = false) {
    const std::uint32_t c = utf8_decode(s, pos);
    const bool ok = c == '_' || is_alpha_cp(c) || (!first && is_digit_cp(c));
    if (!ok) return value::boolean(false);
  }
  return value::boolean(true);
}

// center/ljust/rjust: `where` -1 left-justify, 0 center, 1 right-justify.
value justify(interpreter& in, const call_args& a, const char* name, int where) {
  expect_range(in, a, name, 2, 3);
  const std::int64_t width = index_of(in, a.args[1]);
  std::string fill = " ";
  if (a.npos > 2) {
    if (!is_str(in, a.args[2]) || as_str(a.args[2])->length != 1)
      throw_error(in, in.types.TypeError, "The fill character must be exactly one character long");
    fill = as_str(a.args[2])->s;
  }
  const str_object& s = *as_str(a.args[0]);
  const auto len = static_cast<std::int64_t>(s.length);
  if (width <= len) return a.args[0];
  const std::int64_t pad = width - len;
  // CPython's center puts the odd pad on the left when the width is odd... and the length even.
  std::int64_t left = where < 0 ? 0 : where > 0 ? pad : pad / 2 + (pad & width & 1);
  std::string out;
  for (std::int64_t i = 0; i < left; ++i) out += fill;
  out += s.s;
  for (std::int64_t i = 0; i < pad - left; ++i) out += fill;
  return make_str(in, std::move(out));
}

value zfill(interpreter& in, const call_args& a, object*) {
  expect_args(in, a, "str.zfill", 2);
  const std::int64_t width = index_of(in, a.args[1]);
  const str_object& s = *as_str(a.args[0]);
  const auto len = static_cast<std::int64_t>(s.length);
  if (width <= len) return a.args[0];
  std::string out = s.s;
  const std::size_t at = !out.empty() && (out[0] == '+' || out[0] == '-') ? 1 : 0;
  out.insert(at, static_cast<std::size_t>(width - len), '0');
  return make_str(in, std::move(out));
}

value expandtabs(interpreter& in, const call_args& a, object*) {
  value p[1];
  bind_args(in, a, "expandtabs", 1, {"tabsize"}, 0, p);
  const std::int64_t tab = p[0].empty() ? 8 : index_of(in, p[0]);
  const std::string& s = self_text(a);
  std::string out;
  std::int64_t column = 0;
  for (std::size_t pos = 0; pos < s.size();) {
    const std::size_t at = pos;
    const std::uint32_t c = utf8_decode(s, pos);
    if (c == '\t') {
      if (tab > 0) {
        const std::int64_t spaces = tab - column % tab;
        out.append(static_cast<std::size_t>(spaces), ' ');
        column += spaces;
      }
    } else {
      out += s.substr(at, pos - at);
      column = (c == '\n' || c == '\r') ? 0 : column + 1;
    }
  }
  return make_str(in, std::move(out));
}

value encode(interpreter& in, const call_args& a, object*) {
  value p[2];
  bind_args(in, a, "encode", 1, {"encoding", "errors"}, 0, p);
  std::string encoding = p[0].empty() ? "utf-8" : str_arg(in, p[0], "encode() argument 'encoding'");
  for (auto& c : encoding) c = static_cast<char>(c == '_' ? '-' : std::tolower(static_cast<unsigned char>(c)));
  const std::string& s = self_text(a);
  if (encoding == "utf-8" || encoding == "utf8") return make_bytes(in, s);
  if (encoding == "ascii" || encoding == "latin-1" || encoding == "latin1" || encoding == "iso-8859-1") {
    const std::uint32_t limit = encoding == "ascii" ? 0x80 : 0x100;
    const bool ignore = !p[1].empty() && str(in, p[1]) == "ignore";
    const bool replace = !p[1].empty() && str(in, p[1]) == "replace";
    std::string out;
    std::size_t index = 0;
    for (std::size_t pos = 0; pos < s.size(); ++index) {
      const std::uint32_t c = utf8_decode(s, pos);
      if (c < limit) out += static_cast<char>(c);
      else if (replace) out += '?';
      else if (!ignore)
        throw_error(in, in.types.UnicodeError,
                    "'" + std::string(encoding == "ascii" ? "ascii" : "latin-1") + "' codec can't encode character '\\x" +
                        std::string(1, "0123456789abcdef"[(c >> 4) & 15]) + std::string(1, "0123456789abcdef"[c & 15]) +
                        "' in position " + std::to_string(index) + ": ordinal not in range(" + std::to_string(limit) + ")");
    }
    return make_bytes(in, std::move(out));
  }
  throw_error(in, in.types.LookupError, "unknown encoding: " + encoding);
}

}  // namespace

void install_str_case(interpreter& in) {
  type_object* t = in.types.str;
  add_method(in, t, "upper", [](interpreter& i, const call_args& a, object*) { return map_case(i, a, case_mode::upper); });
  add_method(in, t, "lower", [](interpreter& i, const call_args& a, object*) { return map_case(i, a, case_mode::lower); });
  add_method(in, t, "casefold", [](interpreter& i, const call_args& a, object*) { return map_case(i, a, case_mode::lower); });
  add_method(in, t, "title", [](interpreter& i, const call_args& a, object*) { return map_case(i, a, case_mode::title); });
  add_method(in, t, "capitalize", [](interpreter& i, const call_args& a, object*) { return map_case(i, a, case_mode::capitalize); });
  add_method(in, t, "swapcase", [](interpreter& i, const call_args& a, object*) { return map_case(i, a, case_mode::swapcase); });
  add_method(in, t, "isdigit", [](interpreter& i, const call_args& a, object*) { return all_of(i, a, is_digit_cp); });
  add_method(in, t, "isdecimal", [](interpreter& i, const call_args& a, object*) { return all_of(i, a, is_digit_cp); });
  add_method(in, t, "isnumeric", [](interpreter& i, const call_args& a, object*) {
    return all_of(i, a, [](std::uint32_t c) { return is_digit_cp(c) || c == 0xbd || c == 0xbc || c == 0xbe || c == 0xb2 || c == 0xb3 || c == 0xb9; });
  });
  add_method(in, t, "isalpha", [](interpreter& i, const call_args& a, object*) { return all_of(i, a, is_alpha_cp); });
  add_method(in, t, "isalnum", [](interpreter& i, const call_args& a, object*) {
    return all_of(i, a, [](std::uint32_t c) { return is_alpha_cp(c) || is_digit_cp(c); });
  });
  add_method(in, t, "isspace", [](interpreter& i, const call_args& a, object*) { return all_of(i, a, is_space_cp); });
  add_method(in, t, "isascii", [](interpreter& i, const call_args& a, object*) {
    expect_args(i, a, "str.isascii", 1);
    return value::boolean(as_str(a.args[0])->ascii);
  });
  add_method(in, t, "isprintable", [](interpreter& i, const call_args& a, object*) {
    expect_args(i, a, "str.isprintable", 1);
    const std::string& s = self_text(a);
    for (std::size_t pos = 0; pos < s.size();) {
      const std::uint32_t c = utf8_decode(s, pos);
      if (c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0xa0) || c == 0xad) return value::boolean(false);
    }
    return value::boolean(true);
  });
  add_method(in, t, "isupper", [](interpreter& i, const call_args& a, object*) { return case_test(i, a, true); });
  add_method(in, t, "islower", [](interpreter& i, const call_args& a, object*) { return case_test(i, a, false); });
  add_method(in, t, "istitle", istitle);
  add_method(in, t, "isidentifier", isidentifier);
  add_method(in, t, "center", [](interpreter& i, const call_args& a, object*) { return justify(i, a, "center", 0); });
  add_method(in, t, "ljust", [](interpreter& i, const call_args& a, object*) { return justify(i, a, "ljust", -1); });
  add_method(in, t, "rjust", [](interpreter& i, const call_args& a, object*) { return justify(i, a, "rjust", 1); });
  add_method(in, t, "zfill", zfill);
  add_method(in, t, "expandtabs", expandtabs);
  add_method(in, t, "encode", encode);
}

}  // namespace asyncrace::python
