#include "pyrt/py_bytes.hpp"

#include <cstdio>

#include "pyrt/py_exception.hpp"
#include "pyrt/py_repr.hpp"

namespace asyncrace {

std::string bytes::hex() const {
  static constexpr char digits[] = "0123456789abcdef";
  std::string out;
  out.reserve(2 * data_.size());
  for (const char c : data_) {
    const auto b = static_cast<unsigned char>(c);
    out += digits[b >> 4];
    out += digits[b & 0xF];
  }
  return out;
}

std::string bytes::decode(std::string_view encoding) const {
  if (encoding == "ascii") {
    for (std::size_t i = 0; i < data_.size(); ++i) {
      const auto c = static_cast<unsigned char>(data_[i]);
      if (c >= 0x80) {
        char byte[8];
        std::snprintf(byte, sizeof byte, "0x%02x", c);
        throw py_exception("UnicodeDecodeError", std::string("'ascii' codec can't decode byte ") + byte +
                                                     " in position " + std::to_string(i) +
                                                     ": ordinal not in range(128)");
      }
    }
  } else if (encoding != "utf-8" && encoding != "utf8") {
    throw py_exception("LookupError", "unknown encoding: " + std::string(encoding));
  }
  return data_;
}

std::string bytes::repr() const { return "b" + py_quoted(data_, true); }

std::string rstrip(std::string s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r' ||
                        s.back() == '\v' || s.back() == '\f'))
    s.pop_back();
  return s;
}

}  // namespace asyncrace
