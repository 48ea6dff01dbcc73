#include "pyrt/py_repr.hpp"

#include <cstdio>

#include "pyrt/py_exception.hpp"

namespace asyncrace {

std::string py_quoted(std::string_view s, bool escape_non_ascii) {
  const char quote = (s.find('\'') != std::string_view::npos && s.find('"') == std::string_view::npos) ? '"' : '\'';
  std::string out(1, quote);
  for (unsigned char c : s) {
    if (c == static_cast<unsigned char>(quote) || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c < 0x20 || c == 0x7f || (escape_non_ascii && c > 0x7f)) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  out += quote;
  return out;
}

std::string py_repr(std::string_view s) { return py_quoted(s, false); }

std::string reprlib_repr(std::string full) {
  constexpr std::size_t limit = 30;  // reprlib.Repr.maxstring
  if (full.size() <= limit) return full;
  const std::size_t i = (limit - 3) / 2, j = limit - 3 - i;
  return full.substr(0, i) + "..." + full.substr(full.size() - j);
}

std::string exception_repr(const std::exception_ptr& e) {
  try {
    std::rethrow_exception(e);
  } catch (const py_exception& pe) {
    const std::string m = pe.what();
    return pe.type() + "(" + (m.empty() ? "" : py_repr(m)) + ")";
  } catch (const std::exception& se) {
    return "Exception(" + py_repr(se.what()) + ")";
  }
}

}  // namespace asyncrace
