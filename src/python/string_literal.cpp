// Escapes as CPython's unicode-escape and bytes-escape decoders read them: unknown escapes stay as
// they are (3.11 only warns); \N{...} knows the names in unicode_names.cpp.
#include "string_literal.hpp"

#include "unicode_names.hpp"

namespace asyncrace::python {

string_token split_string_token(std::string_view text) {
  string_token s;
  std::size_t i = 0;
  for (; i < text.size() && text[i] != '\'' && text[i] != '"'; ++i) {
    const char l = static_cast<char>(text[i] | 0x20);
    s.raw |= l == 'r';
    s.bytes |= l == 'b';
    s.formatted |= l == 'f';
    s.u |= l == 'u';
  }
  const char q = text[i];
  s.triple = i + 2 < text.size() && text[i + 1] == q && text[i + 2] == q && text.size() - i >= 6;
  const std::size_t quote_len = s.triple ? 3 : 1;
  s.body_offset = i + quote_len;
  s.body = text.substr(s.body_offset, text.size() - s.body_offset - quote_len);
  return s;
}

void append_utf8(std::string& out, unsigned long cp) {
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
}

namespace {
int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

[[noreturn]] void fail(bool bytes, std::size_t from, std::size_t to, const std::string& what) {
  if (bytes) throw escape_error{"(value error) invalid \\x escape at position " + std::to_string(from)};
  throw escape_error{"(unicode error) 'unicodeescape' codec can't decode bytes in position " + std::to_string(from) +
                     "-" + std::to_string(to) + ": " + what};
}
}  // namespace

void decode_escapes(std::string_view body, bool bytes, std::string& out) {
  out.reserve(out.size() + body.size());
  for (std::size_t i = 0; i < body.size(); ++i) {
    const char c = body[i];
    if (c != '\\' || i + 1 >= body.size()) {
      if (c == '\r') {  // a literal line break in a triple-quoted string reads as "\n"
        out += '\n';
        if (i + 1 < body.size() && body[i + 1] == '\n') ++i;
        continue;
      }
      out += c;
      continue;
    }
    const std::size_t start = i;
    const char e = body[++i];
    switch (e) {
      case '\n': break;
      case '\r':
        if (i + 1 < body.size() && body[i + 1] == '\n') ++i;
        break;
      case '\\': out += '\\'; break;
      case '\'': out += '\''; break;
      case '"': out += '"'; break;
      case 'a': out += '\a'; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 't': out += '\t'; break;
      case 'v': out += '\v'; break;
      case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
        unsigned v = static_cast<unsigned>(e - '0');
        for (int k = 0; k < 2 && i + 1 < body.size() && body[i + 1] >= '0' && body[i + 1] <= '7'; ++k)
          v = v * 8 + static_cast<unsigned>(body[++i] - '0');
        if (bytes) out += static_cast<char>(v & 0xff);
        else append_utf8(out, v);
        break;
      }
      case 'x':
      case 'u':
      case 'U': {
        if (bytes && e != 'x') {  // bytes keep \u and \U as they are
          out += '\\';
          out += e;
          break;
        }
        const int digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
        unsigned long v = 0;
        for (int k = 0; k < digits; ++k) {
          const int h = i + 1 < body.size() ? hex_value(body[i + 1]) : -1;
          if (h < 0) {
            const char* what = e == 'x' ? "truncated \\xXX escape" : e == 'u' ? "truncated \\uXXXX escape" : "truncated \\UXXXXXXXX escape";
            fail(bytes, start, i, what);
          }
          v = v * 16 + static_cast<unsigned>(h);
          ++i;
        }
        if (bytes) out += static_cast<char>(v);
        else if (v > 0x10ffff) fail(false, start, i, "illegal Unicode character");
        else append_utf8(out, v);
        break;
      }
      case 'N':
        if (!bytes) {
          const std::size_t close = i + 1 < body.size() && body[i + 1] == '{' ? body.find('}', i + 2) : std::string_view::npos;
          if (close == std::string_view::npos) fail(false, start, body.size() - 1, "malformed \\N character escape");
          const long cp = code_point_named(body.substr(i + 2, close - i - 2));
          if (cp < 0) fail(false, start, close, "unknown Unicode character name");
          append_utf8(out, static_cast<unsigned long>(cp));
          i = close;
          break;
        }
        [[fallthrough]];
      default:  // an unknown escape keeps its backslash
        out += '\\';
        out += e;
    }
  }
}

}  // namespace asyncrace::python
