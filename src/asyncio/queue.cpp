#include "asyncio/queue.hpp"

#include <cstdio>

namespace asyncrace::detail {

// repr(str), for the ASCII range: single quotes unless the text holds ' and no ", backslash
// escapes for the quote, \\, \t, \n, \r and other control characters (\xNN). Other bytes (UTF-8)
// pass through, as printable non-ASCII characters do.
std::string py_str_repr(const std::string& s) {
  const char quote = s.find('\'') != std::string::npos && s.find('"') == std::string::npos ? '"' : '\'';
  std::string out(1, quote);
  for (const char c : s) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case '\t': out += "\\t"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      default:
        if (c == quote) {
          out += '\\';
          out += c;
        } else if ((c >= 0 && c < ' ') || c == 0x7f) {
          char hex[5];
          std::snprintf(hex, sizeof hex, "\\x%02x", static_cast<unsigned>(c));
          out += hex;
        } else {
          out += c;
        }
    }
  }
  out += quote;
  return out;
}

}  // namespace asyncrace::detail
