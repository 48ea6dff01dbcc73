// str's methods that search and cut: find/index/count, split/join, strip, replace, partition,
// startswith/endswith, removeprefix/removesuffix. Positions are code points, as in Python.
#include <algorithm>

#include "args.hpp"
#include "formatting.hpp"
#include "numbers.hpp"
#include "sequence.hpp"
#include "str.hpp"

namespace asyncrace::python {

namespace {

const str_object& self_str(const call_args& a) { return *as_str(a.args[0]); }

// Code point index -> byte offset and back (identity for ASCII).
std::size_t cp_to_byte(const str_object& s, std::int64_t i) { return utf8_offset(s, static_cast<std::size_t>(i)); }
std::int64_t byte_to_cp(const str_object& s, std::size_t byte) {
  if (s.ascii) return static_cast<std::int64_t>(byte);
  std::int64_t n = 0;
  for (std::size_t i = 0; i < byte; ++i) n += (static_cast<unsigned char>(s.s[i]) & 0xc0) != 0x80;
  return n;
}

// The [start, end) window of find/count/startswith in bytes, from optional code point bounds.
bool window(interpreter& in, const str_object& s, const value& start_v, const value& end_v, std::size_t& from, std::size_t& to) {
  const auto len = static_cast<std::int64_t>(s.length);
  std::int64_t start = 0, end = len;
  if (!start_v.empty() && !start_v.is_none()) start = index_of(in, start_v);
  if (!end_v.empty() && !end_v.is_none()) end = index_of(in, end_v);
  if (start < 0) start = std::max<std::int64_t>(start + len, 0);
  if (end < 0) end = std::max<std::int64_t>(end + len, 0);
  end = std::min(end, len);
  if (start > len) return false;
  from = cp_to_byte(s, start);
  to = start > end ? from : cp_to_byte(s, end);
  return start <= end;
}

std::int64_t find_impl(interpreter& in, const call_args& a, const char* name, bool reverse) {
  expect_range(in, a, name, 2, 4);
  const str_object& s = self_str(a);
  const std::string& sub = str_arg(in, a.args[1], "");
  std::size_t from = 0, to = 0;
  if (!window(in, s, a.npos > 2 ? a.args[2] : value(), a.npos > 3 ? a.args[3] : value(), from, to)) return -1;
  const std::string_view hay = std::string_view(s.s).substr(from, to - from);
  const std::size_t at = reverse ? hay.rfind(sub) : hay.find(sub);
  return at == std::string_view::npos ? -1 : byte_to_cp(s, from + at);
}

value make_list_of(interpreter& in, std::vector<std::string>&& parts) {
  std::vector<value> items;
  items.reserve(parts.size());
  for (auto& p : parts) items.push_back(make_str(in, std::move(p)));
  return make_list(in, std::move(items));
}

bool ascii_space(unsigned char c) { return c == ' ' || (c >= 9 && c <= 13) || (c >= 0x1c && c <= 0x1f); }

// Whitespace-separated words, at most `maxsplit` cuts (from the right when `reverse`).
std::vector<std::string> split_whitespace(const std::string& s, std::int64_t maxsplit, bool reverse) {
  std::vector<std::string> out;
  // Code points with their byte ranges, so Unicode spaces split as in Python.
  std::vector<std::pair<std::size_t, bool>> marks;  // (byte offset, is space)
  for (std::size_t pos = 0; pos < s.size();) {
    const std::size_t at = pos;
    const std::uint32_t c = utf8_decode(s, pos);
    marks.emplace_back(at, c < 0x80 ? ascii_space(static_cast<unsigned char>(c)) : is_space_cp(c));
  }
  marks.emplace_back(s.size(), true);
  const std::size_t n = marks.size() - 1;
  if (!reverse) {
    std::size_t i = 0;
    while (true) {
      while (i < n && marks[i].second) ++i;
      if (i >= n) break;
      if (maxsplit >= 0 && static_cast<std::int64_t>(out.size()) == maxsplit) {
        std::size_t end = n;
        while (end > i && marks[end - 1].second) --end;
        out.push_back(s.substr(marks[i].first, marks[end].first - marks[i].first));
        break;
      }
      std::size_t j = i;
      while (j < n && !marks[j].second) ++j;
      out.push_back(s.substr(marks[i].first, marks[j].first - marks[i].first));
      i = j;
    }
    return out;
  }
  std::size_t j = n;
  while (true) {
    while (j > 0 && marks[j - 1].second) --j;
    if (j == 0) break;
    if (maxsplit >= 0 && static_cast<std::int64_t>(out.size()) == maxsplit) {
      std::size_t start = 0;
      while (start < j && marks[start].second) ++start;
      out.push_back(s.substr(marks[start].first, marks[j].first - marks[start].first));
      break;
    }
    std::size_t i = j;
    while (i > 0 && !marks[i - 1].second) --i;
    out.push_back(s.substr(marks[i].first, marks[j].first - marks[i].first));
    j = i;
  }
  std::reverse(out.begin(), out.end());
  return out;
}

value split_impl(interpreter& in, const call_args& a, const char* name, bool reverse) {
  value p[2];
  bind_args(in, a, name, 1, {"sep", "maxsplit"}, 0, p);
  const std::string& s = self_str(a).s;
  const std::int64_t maxsplit = p[1].empty() ? -1 : index_of(in, p[1]);
  if (p[0].empty() || p[0].is_none()) return make_list_of(in, split_whitespace(s, maxsplit, reverse));
  if (!is_str(in, p[0])) throw_error(in, in.types.TypeError, "must be str or None, not " + type_name(p[0]));
  const std::string& sep = as_str(p[0])->s;
  if (sep.empty()) throw_error(in, in.types.ValueError, "empty separator");
  std::vector<std::string> out;
  if (!reverse) {
    std::size_t start = 0;
    for (std::size_t at; (maxsplit < 0 || static_cast<std::int64_t>(out.size()) < maxsplit) &&
                         (at = s.find(sep, start)) != std::string::npos;
         start = at + sep.size())
      out.push_back(s.substr(start, at - start));
    out.push_back(s.substr(start));
    return make_list_of(in, std::move(out));
  }
  std::size_t end = s.size();
  while (maxsplit < 0 || static_cast<std::int64_t>(out.size()) < maxsplit) {
    if (end < sep.size()) break;
    const std::size_t at = s.rfind(sep, end - sep.size());
    if (at == std::string::npos) break;
    out.push_back(s.substr(at + sep.size(), end - at - sep.size()));
    end = at;
  }
  out.push_back(s.substr(0, end));
  std::reverse(out.begin(), out.end());
  return make_list_of(in, std::move(out));
}

value splitlines(interpreter& in, const call_args& a, object*) {
  value p[1];
  bind_args(in, a, "splitlines", 1, {"keepends"}, 0, p);
  const bool keep = !p[0].empty() && truthy(in, p[0]);
  const std::string& s = self_str(a).s;
  std::vector<std::string> out;
  std::size_t start = 0, pos = 0;
  while (pos < s.size()) {
    const std::size_t at = pos;
    const std::uint32_t c = utf8_decode(s, pos);
    const bool brk = c == '\n' || c == '\r' || c == 0x0b || c == 0x0c || c == 0x1c || c == 0x1d || c == 0x1e ||
                     c == 0x85 || c == 0x2028 || c == 0x2029;
    if (!brk) continue;
    if (c == '\r' && pos < s.size() && s[pos] == '\n') ++pos;
    out.push_back(s.substr(start, (keep ? pos : at) - start));
    start = pos;
  }
  if (start < s.size()) out.push_back(s.substr(start));
  return make_list_of(in, std::move(out));
}

value join(interpreter& in, const call_args& a, object*) {
  expect_args(in, a, "str.join", 2);
  const std::string& sep = self_str(a).s;
  std::vector<value> items;
  const value& iterable = a.args[1];
  if (iterable.is_object() && iterable.obj()->type == in.types.list) items = static_cast<list_object*>(iterable.obj())->items;
  else if (iterable.is_object() && iterable.obj()->type == in.types.tuple) items = static_cast<tuple_object*>(iterable.obj())->items;
  else {
    if (!type_of(iterable)->slots.iter && !type_of(iterable)->lookup(in.intern("__iter__")))
      throw_error(in, in.types.TypeError, "can only join an iterable");
    value it = get_iter(in, iterable);
    for (value v = iter_next(in, it); !v.empty(); v = iter_next(in, it)) items.push_back(std::move(v));
  }
  if (items.size() == 1 && items[0].is_object() && items[0].obj()->type == in.types.str) return items[0];
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (!is_str(in, items[i]))
      throw_error(in, in.types.TypeError, "sequence item " + std::to_string(i) + ": expected str instance, " + type_name(items[i]) + " found");
    if (i) out += sep;
    out += as_str(items[i])->s;
  }
  return make_str(in, std::move(out));
}

// strip/lstrip/rstrip: `which` 1 left, 2 right, 3 both.
value strip_impl(interpreter& in, const call_args& a, const char* name, int which) {
  expect_range(in, a, name, 1, 2);
  const std::string& s = self_str(a).s;
  std::vector<std::uint32_t> chars;
  const bool whitespace = a.npos < 2 || a.args[1].is_none();
  if (!whitespace) {
    const std::string& set = str_arg(in, a.args[1], "");
    for (std::size_t pos = 0; pos < set.size();) chars.push_back(utf8_decode(set, pos));
  }
  auto strip_it = [&](std::uint32_t c) {
    return whitespace ? is_space_cp(c) : std::find(chars.begin(), chars.end(), c) != chars.end();
  };
  std::size_t begin = 0, end = s.size();
  if (which & 1) {
    while (begin < end) {
      std::size_t pos = begin;
      if (!strip_it(utf8_decode(s, pos))) break;
      begin = pos;
    }
  }
  if (which & 2) {
    while (end > begin) {
      std::size_t start = end - 1;
      while (start > begin && (static_cast<unsigned char>(s[start]) & 0xc0) == 0x80) --start;
      std::size_t pos = start;
      if (!strip_it(utf8_decode(s, pos))) break;
      end = start;
    }
  }
  if (begin == 0 && end == s.size()) return a.args[0];
  return make_str(in, s.substr(begin, end - begin));
}

value replace(interpreter& in, const call_args& a, object*) {
  expect_range(in, a, "replace", 3, 4);
  const str_object& self = self_str(a);
  const std::string& old = str_arg(in, a.args[1], "");
  const std::string& repl = str_arg(in, a.args[2], "");
  std::int64_t count = a.npos > 3 ? index_of(in, a.args[3]) : -1;
  const std::string& s = self.s;
  std::string out;
  if (old.empty()) {
    // Between every code point, and at both ends.
    std::size_t pos = 0;
    while (count != 0 && pos <= s.size()) {
      out += repl;
      --count;
      if (pos == s.size()) {
        pos = s.size() + 1;
        break;
      }
      const std::size_t at = pos;
      utf8_decode(s, pos);
      out += s.substr(at, pos - at);
    }
    if (pos <= s.size()) out += s.substr(pos);
    return make_str(in, std::move(out));
  }
  std::size_t start = 0;
  for (std::size_t at; count != 0 && (at = s.find(old, start)) != std::string::npos; start = at + old.size(), --count) {
    out += s.substr(start, at - start);
    out += repl;
  }
  if (start == 0) return a.args[0];
  out += s.substr(start);
  return make_str(in, std::move(out));
}

// startswith/endswith: a str or a tuple of them, within an optional window.
value affix_impl(interpreter& in, const call_args& a, const char* name, bool at_end) {
  expect_range(in, a, name, 2, 4);
  const str_object& s = self_str(a);
  std::size_t from = 0, to = 0;
  if (!window(in, s, a.npos > 2 ? a.args[2] : value(), a.npos > 3 ? a.args[3] : value(), from, to)) return value::boolean(false);
  const std::string_view hay = std::string_view(s.s).substr(from, to - from);
  auto test = [&](const value& v) {
    const std::string& x = as_str(v)->s;
    return hay.size() >= x.size() && (at_end ? hay.substr(hay.size() - x.size()) == x : hay.substr(0, x.size()) == x);
  };
  const value& what = a.args[1];
  if (what.is_object() && what.obj()->type == in.types.tuple) {
    for (const value& v : static_cast<tuple_object*>(what.obj())->items) {
      if (!is_str(in, v))
        throw_error(in, in.types.TypeError, "tuple for " + std::string(name) + " must only contain str, not " + type_name(v));
      if (test(v)) return value::boolean(true);
    }
    return value::boolean(false);
  }
  if (!is_str(in, what))
    throw_error(in, in.types.TypeError, std::string(name) + " first arg must be str or a tuple of str, not " + type_name(what));
  return value::boolean(test(what));
}

value partition_impl(interpreter& in, const call_args& a, bool reverse) {
  expect_args(in, a, reverse ? "str.rpartition" : "str.partition", 2);
  const std::string& s = self_str(a).s;
  const std::string& sep = str_arg(in, a.args[1], "");
  if (sep.empty()) throw_error(in, in.types.ValueError, "empty separator");
  const std::size_t at = reverse ? s.rfind(sep) : s.find(sep);
  if (at == std::string::npos)
    return reverse ? make_tuple(in, {in.empty_str, in.empty_str, a.args[0]}) : make_tuple(in, {a.args[0], in.empty_str, in.empty_str});
  return make_tuple(in, {make_str(in, s.substr(0, at)), a.args[1], make_str(in, s.substr(at + sep.size()))});
}

}  // namespace

void install_str_methods(interpreter& in) {
  type_object* t = in.types.str;
  add_method(in, t, "find", [](interpreter& i, const call_args& a, object*) { return value::integer(find_impl(i, a, "find", false)); });
  add_method(in, t, "rfind", [](interpreter& i, const call_args& a, object*) { return value::integer(find_impl(i, a, "rfind", true)); });
  add_method(in, t, "index", [](interpreter& i, const call_args& a, object*) {
    const std::int64_t r = find_impl(i, a, "index", false);
    if (r < 0) throw_error(i, i.types.ValueError, "substring not found");
    return value::integer(r);
  });
  add_method(in, t, "rindex", [](interpreter& i, const call_args& a, object*) {
    const std::int64_t r = find_impl(i, a, "rindex", true);
    if (r < 0) throw_error(i, i.types.ValueError, "substring not found");
    return value::integer(r);
  });
  add_method(in, t, "count", [](interpreter& i, const call_args& a, object*) {
    expect_range(i, a, "count", 2, 4);
    const str_object& s = self_str(a);
    const std::string& sub = str_arg(i, a.args[1], "");
    std::size_t from = 0, to = 0;
    if (!window(i, s, a.npos > 2 ? a.args[2] : value(), a.npos > 3 ? a.args[3] : value(), from, to)) return value::integer(0);
    const std::string_view hay = std::string_view(s.s).substr(from, to - from);
    if (sub.empty()) return value::integer(byte_to_cp(s, to) - byte_to_cp(s, from) + 1);
    std::int64_t n = 0;
    for (std::size_t at = hay.find(sub); at != std::string_view::npos; at = hay.find(sub, at + sub.size())) ++n;
    return value::integer(n);
  });
  add_method(in, t, "split", [](interpreter& i, const call_args& a, object*) { return split_impl(i, a, "split", false); });
  add_method(in, t, "rsplit", [](interpreter& i, const call_args& a, object*) { return split_impl(i, a, "rsplit", true); });
  add_method(in, t, "splitlines", splitlines);
  add_method(in, t, "join", join);
  add_method(in, t, "strip", [](interpreter& i, const call_args& a, object*) { return strip_impl(i, a, "strip", 3); });
  add_method(in, t, "lstrip", [](interpreter& i, const call_args& a, object*) { return strip_impl(i, a, "lstrip", 1); });
  add_method(in, t, "rstrip", [](interpreter& i, const call_args& a, object*) { return strip_impl(i, a, "rstrip", 2); });
  add_method(in, t, "replace", replace);
  add_method(in, t, "startswith", [](interpreter& i, const call_args& a, object*) { return affix_impl(i, a, "startswith", false); });
  add_method(in, t, "endswith", [](interpreter& i, const call_args& a, object*) { return affix_impl(i, a, "endswith", true); });
  add_method(in, t, "partition", [](interpreter& i, const call_args& a, object*) { return partition_impl(i, a, false); });
  add_method(in, t, "rpartition", [](interpreter& i, const call_args& a, object*) { return partition_impl(i, a, true); });
  add_method(in, t, "removeprefix", [](interpreter& i, const call_args& a, object*) {
    expect_args(i, a, "str.removeprefix", 2);
    const std::string& s = self_str(a).s;
    const std::string& p = str_arg(i, a.args[1], "");
    return !p.empty() && s.compare(0, p.size(), p) == 0 ? make_str(i, s.substr(p.size())) : a.args[0];
  });
  add_method(in, t, "removesuffix", [](interpreter& i, const call_args& a, object*) {
    expect_args(i, a, "str.removesuffix", 2);
    const std::string& s = self_str(a).s;
    const std::string& p = str_arg(i, a.args[1], "");
    return !p.empty() && s.size() >= p.size() && s.compare(s.size() - p.size(), p.size(), p) == 0
               ? make_str(i, s.substr(0, s.size() - p.size()))
               : a.args[0];
  });
  add_method(in, t, "__format__", [](interpreter& i, const call_args& a, object*) {
    expect_args(i, a, "str.__format__", 2);
    return make_str(i, format_str(i, self_str(a).s, str_arg(i, a.args[1], "format() argument 2")));
  });
}

}  // namespace asyncrace::python
