#include "pyrt/py_rich.hpp"

#include <cctype>

namespace asyncrace {

namespace {
// A tag starting at text[i] ('['): `[`, a letter, `#`, `/` or `@`, anything but brackets, `]`.
// Returns its length, or 0 when text[i] does not start one.
std::size_t tag_length(std::string_view text, std::size_t i) {
  if (i + 1 >= text.size()) return 0;
  const unsigned char first = static_cast<unsigned char>(text[i + 1]);
  if (!std::isalpha(first) && first != '#' && first != '/' && first != '@') return 0;
  for (std::size_t j = i + 2; j < text.size(); ++j) {
    if (text[j] == ']') return j - i + 1;
    if (text[j] == '[') return 0;
  }
  return 0;
}
}  // namespace

std::string py_rich_render(std::string_view text) {
  // rich's markup, left to right: `\[` is a literal bracket, a tag disappears.
  std::string plain;
  for (std::size_t i = 0; i < text.size();) {
    if (text[i] == '\\' && i + 1 < text.size() && text[i + 1] == '[') {
      plain += '[';
      i += 2;
    } else if (std::size_t n = text[i] == '[' ? tag_length(text, i) : 0) {
      i += n;
    } else {
      plain += text[i++];
    }
  }
  // str.expandtabs(8): the column restarts after each newline.
  std::string out;
  std::size_t column = 0;
  for (char c : plain) {
    if (c == '\t') {
      const std::size_t spaces = 8 - column % 8;
      out.append(spaces, ' ');
      column += spaces;
    } else {
      out += c;
      column = (c == '\n' || c == '\r') ? 0 : column + 1;
    }
  }
  return out;
}

}  // namespace asyncrace
