#include "transcript.hpp"

#include <cstdio>
#include <cstdlib>

#include "pyrt/py_format.hpp"

namespace asyncrace::trace {
namespace {

// round(t, 6) as Python does it (correctly rounded decimal), then repr().
std::string rounded_seconds(double t) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.6f", t);
  return py_float_repr(std::strtod(buf, nullptr));
}

const char* stream_name(output_stream s) {
  switch (s) {
    case output_stream::warning: return "warning";
    case output_stream::exception: return "exception";
    case output_stream::err: return "stderr";
    case output_stream::out: break;
  }
  return nullptr;
}

}  // namespace

// json.dumps with ensure_ascii=True: \" \\ \n \r \t \b \f, other controls and non-ASCII as \uXXXX
// (UTF-16, surrogate pairs above U+FFFF).
void append_json_quoted(std::string& out, std::string_view s) {
  out += '"';
  char buf[16];
  for (std::size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        default:
          if (c < 0x20) {
            std::snprintf(buf, sizeof buf, "\\u%04x", c);
            out += buf;
          } else {
            out += static_cast<char>(c);
          }
      }
      ++i;
      continue;
    }
    // Decode one UTF-8 sequence (invalid bytes become U+FFFD).
    const int len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    std::uint32_t cp = len == 1 ? 0xFFFD : c & (0x3F >> (len - 1));
    for (int k = 1; k < len && i + static_cast<std::size_t>(k) < s.size(); ++k)
      cp = (cp << 6) | (static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]) & 0x3F);
    i += static_cast<std::size_t>(len);
    if (cp >= 0x10000) {
      cp -= 0x10000;
      std::snprintf(buf, sizeof buf, "\\u%04x\\u%04x", 0xD800 + (cp >> 10), 0xDC00 + (cp & 0x3FF));
    } else {
      std::snprintf(buf, sizeof buf, "\\u%04x", cp);
    }
    out += buf;
  }
  out += '"';
}

std::string json_quote(std::string_view s) {
  std::string out;
  append_json_quoted(out, s);
  return out;
}

std::string to_jsonl(const output_line& line) {
  std::string out = "{\"t\": " + rounded_seconds(line.t) + ", \"text\": ";
  append_json_quoted(out, line.text);
  if (const char* s = stream_name(line.stream)) {
    out += ", \"stream\": \"";
    out += s;
    out += '"';
  }
  out += '}';
  return out;
}

std::string to_jsonl(const recording& r) {
  std::string out;
  for (const output_line& l : r.lines()) out += to_jsonl(l) + '\n';
  return out;
}

std::string to_text(const recording& r) {
  std::string out;
  char stamp[48];
  for (const output_line& l : r.lines()) {
    std::snprintf(stamp, sizeof stamp, "%10.6f  ", l.t);
    out += stamp;
    if (const char* s = stream_name(l.stream)) out += std::string("[") + s + "] ";
    out += l.text;
    out += '\n';
  }
  return out;
}

}  // namespace asyncrace::trace
