// Just enough syntax colouring for the source panels: keywords, strings, comments, numbers, one
// line at a time (a line-based view never needs more). Pure: unit-tested.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace asyncrace::ui {

enum class language { python, cpp };
enum class token_kind { plain, keyword, string, comment, number, preprocessor };

struct token {
  std::size_t begin = 0;
  std::size_t end = 0;
  token_kind kind = token_kind::plain;
};

// Splits `line` into coloured runs covering it exactly, in order.
std::vector<token> tokenize_line(std::string_view line, language lang);

}  // namespace asyncrace::ui
