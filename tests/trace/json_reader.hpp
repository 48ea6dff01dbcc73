// A small JSON reader for tests that check files the exporters write: strict (RFC 8259 grammar,
// no trailing commas, no comments), so a malformed export fails the test instead of being guessed
// at. Strings are decoded to UTF-8 (\uXXXX, surrogate pairs included).
#pragma once

#include <cstdint>
#include <cstdlib>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace asyncrace::testing {

struct json {
  enum class kind { null, boolean, number, string, array, object } type = kind::null;
  bool b = false;
  double number = 0.0;
  std::string text;
  std::vector<json> items;
  std::map<std::string, json> fields;

  bool has(const std::string& key) const { return type == kind::object && fields.count(key) != 0; }
  const json& operator[](const std::string& key) const {
    const auto it = fields.find(key);
    if (type != kind::object || it == fields.end()) throw std::runtime_error("no field '" + key + "'");
    return it->second;
  }
};

class json_reader {
 public:
  // Throws std::runtime_error naming the offset of the first problem.
  static json parse(std::string_view text) {
    json_reader r(text);
    json v = r.value();
    r.space();
    if (r.at_ != text.size()) r.fail("text after the value");
    return v;
  }

 private:
  explicit json_reader(std::string_view t) : t_(t) {}

  [[noreturn]] void fail(const std::string& what) const {
    throw std::runtime_error("JSON: " + what + " at offset " + std::to_string(at_));
  }
  void space() {
    while (at_ < t_.size() && (t_[at_] == ' ' || t_[at_] == '\n' || t_[at_] == '\r' || t_[at_] == '\t')) ++at_;
  }
  char peek() {
    space();
    if (at_ >= t_.size()) fail("unexpected end");
    return t_[at_];
  }
  void expect(std::string_view word) {
    if (t_.substr(at_, word.size()) != word) fail("expected " + std::string(word));
    at_ += word.size();
  }

  json value() {
    json v;
    switch (peek()) {
      case '{': object(v); break;
      case '[': array(v); break;
      case '"': v.type = json::kind::string; v.text = string(); break;
      case 't': expect("true"); v.type = json::kind::boolean; v.b = true; break;
      case 'f': expect("false"); v.type = json::kind::boolean; break;
      case 'n': expect("null"); break;
      default: v.type = json::kind::number; v.number = number(); break;
    }
    return v;
  }

  void object(json& v) {
    v.type = json::kind::object;
    ++at_;
    if (peek() == '}') { ++at_; return; }
    for (;;) {
      if (peek() != '"') fail("expected a key");
      std::string key = string();
      if (peek() != ':') fail("expected ':'");
      ++at_;
      if (!v.fields.emplace(key, value()).second) fail("duplicate key '" + key + "'");
      const char c = peek();
      ++at_;
      if (c == '}') return;
      if (c != ',') fail("expected ',' or '}'");
    }
  }

  void array(json& v) {
    v.type = json::kind::array;
    ++at_;
    if (peek() == ']') { ++at_; return; }
    for (;;) {
      v.items.push_back(value());
      const char c = peek();
      ++at_;
      if (c == ']') return;
      if (c != ',') fail("expected ',' or ']'");
    }
  }

  double number() {
    const std::size_t start = at_;
    if (at_ < t_.size() && t_[at_] == '-') ++at_;
    auto digits = [&] {
      const std::size_t from = at_;
      while (at_ < t_.size() && t_[at_] >= '0' && t_[at_] <= '9') ++at_;
      if (at_ == from) fail("expected a digit");
    };
    if (at_ < t_.size() && t_[at_] == '0') ++at_; else digits();
    if (at_ < t_.size() && t_[at_] == '.') { ++at_; digits(); }
    if (at_ < t_.size() && (t_[at_] == 'e' || t_[at_] == 'E')) {
      ++at_;
      if (at_ < t_.size() && (t_[at_] == '+' || t_[at_] == '-')) ++at_;
      digits();
    }
    return std::strtod(std::string(t_.substr(start, at_ - start)).c_str(), nullptr);
  }

  std::uint32_t hex4() {
    if (at_ + 4 > t_.size()) fail("short \\u escape");
    const std::string h(t_.substr(at_, 4));
    char* end = nullptr;
    const auto v = static_cast<std::uint32_t>(std::strtoul(h.c_str(), &end, 16));
    if (end != h.c_str() + 4) fail("bad \\u escape");
    at_ += 4;
    return v;
  }

  static void utf8(std::string& out, std::uint32_t cp) {
    if (cp < 0x80) { out += static_cast<char>(cp); return; }
    if (cp < 0x800) { out += static_cast<char>(0xC0 | (cp >> 6)); }
    else if (cp < 0x10000) { out += static_cast<char>(0xE0 | (cp >> 12)); out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F)); }
    else { out += static_cast<char>(0xF0 | (cp >> 18)); out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F)); out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F)); }
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }

  std::string string() {
    ++at_;  // the opening quote
    std::string out;
    for (;;) {
      if (at_ >= t_.size()) fail("unterminated string");
      const char c = t_[at_++];
      if (c == '"') return out;
      if (static_cast<unsigned char>(c) < 0x20) fail("control character in a string");
      if (c != '\\') { out += c; continue; }
      if (at_ >= t_.size()) fail("unterminated escape");
      switch (const char e = t_[at_++]) {
        case '"': case '\\': case '/': out += e; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'u': {
          std::uint32_t cp = hex4();
          if (cp >= 0xD800 && cp < 0xDC00) {
            expect("\\u");
            cp = 0x10000 + ((cp - 0xD800) << 10) + (hex4() - 0xDC00);
          }
          utf8(out, cp);
          break;
        }
        default: fail("bad escape");
      }
    }
  }

  std::string_view t_;
  std::size_t at_ = 0;
};

}  // namespace asyncrace::testing
