#include "unicode_names.hpp"

#include <string>

namespace asyncrace::python {

namespace {
constexpr std::string_view greek[] = {"ALPHA", "BETA", "GAMMA", "DELTA", "EPSILON", "ZETA", "ETA", "THETA",
                                      "IOTA", "KAPPA", "LAMDA", "MU", "NU", "XI", "OMICRON", "PI", "RHO",
                                      "FINAL SIGMA", "SIGMA", "TAU", "UPSILON", "PHI", "CHI", "PSI", "OMEGA"};
constexpr std::string_view digits[] = {"ZERO", "ONE", "TWO", "THREE", "FOUR", "FIVE", "SIX", "SEVEN", "EIGHT", "NINE"};

struct named {
  std::string_view name;
  long code;
};
constexpr named symbols[] = {
    {"SPACE", 0x20},          {"NO-BREAK SPACE", 0xa0},        {"COPYRIGHT SIGN", 0xa9},
    {"DEGREE SIGN", 0xb0},    {"PLUS-MINUS SIGN", 0xb1},       {"MICRO SIGN", 0xb5},
    {"MIDDLE DOT", 0xb7},     {"MULTIPLICATION SIGN", 0xd7},   {"DIVISION SIGN", 0xf7},
    {"POUND SIGN", 0xa3},     {"EN DASH", 0x2013},             {"EM DASH", 0x2014},
    {"BULLET", 0x2022},       {"HORIZONTAL ELLIPSIS", 0x2026}, {"EURO SIGN", 0x20ac},
    {"LEFTWARDS ARROW", 0x2190}, {"UPWARDS ARROW", 0x2191},    {"RIGHTWARDS ARROW", 0x2192},
    {"DOWNWARDS ARROW", 0x2193}, {"INFINITY", 0x221e},         {"HOURGLASS", 0x231b},
    {"BLACK STAR", 0x2605},   {"WHITE STAR", 0x2606},          {"SNOWMAN", 0x2603},
    {"WARNING SIGN", 0x26a0}, {"CHECK MARK", 0x2713},          {"HEAVY CHECK MARK", 0x2714},
    {"BALLOT X", 0x2717},     {"CROSS MARK", 0x274c},          {"ZERO WIDTH SPACE", 0x200b},
    {"LINE FEED", 0x0a},      {"CHARACTER TABULATION", 0x09},  {"NULL", 0x00},
};

bool take(std::string_view& s, std::string_view prefix) {
  if (s.substr(0, prefix.size()) != prefix) return false;
  s.remove_prefix(prefix.size());
  return true;
}
}  // namespace

long code_point_named(std::string_view raw) {
  std::string upper(raw);
  for (char& c : upper)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
  std::string_view s = upper;
  for (const named& n : symbols)
    if (n.name == s) return n.code;
  if (take(s, "LATIN SMALL LETTER ") && s.size() == 1 && s[0] >= 'A' && s[0] <= 'Z') return 'a' + (s[0] - 'A');
  if (take(s, "LATIN CAPITAL LETTER ") && s.size() == 1 && s[0] >= 'A' && s[0] <= 'Z') return s[0];
  if (take(s, "DIGIT "))
    for (int d = 0; d < 10; ++d)
      if (digits[d] == s) return '0' + d;
  const bool small = take(s, "GREEK SMALL LETTER ");
  if (small || take(s, "GREEK CAPITAL LETTER ")) {
    for (int k = 0; k < 25; ++k)
      if (greek[k] == s && !(k == 17 && !small)) return (small ? 0x3b1 : 0x391) + k;
    return -1;
  }
  if (take(s, "CJK UNIFIED IDEOGRAPH-") && (s.size() == 4 || s.size() == 5)) {
    long v = 0;
    for (char c : s) {
      const int h = c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
      if (h < 0) return -1;
      v = v * 16 + h;
    }
    return v;
  }
  return -1;
}

}  // namespace asyncrace::python
