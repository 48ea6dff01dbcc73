#include "frame_link.hpp"

namespace asyncrace::ui {

unsigned frame_link_line(std::string_view text) {
  // CPython's format: two spaces, File "<name>", line <n>, in <function>.
  constexpr std::string_view head = "  File \"";
  if (text.substr(0, head.size()) != head) return 0;
  const std::size_t quote = text.find("\", line ", head.size());
  if (quote == std::string_view::npos) return 0;
  std::size_t at = quote + 8;
  unsigned line = 0;
  const std::size_t digits_from = at;
  while (at < text.size() && text[at] >= '0' && text[at] <= '9' && line < 100000000u) line = line * 10 + static_cast<unsigned>(text[at++] - '0');
  if (at == digits_from || text.substr(at, 5) != ", in ") return 0;
  return line;
}

}  // namespace asyncrace::ui
