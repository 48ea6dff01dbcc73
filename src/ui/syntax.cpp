#include "syntax.hpp"

#include <algorithm>
#include <cctype>

namespace asyncrace::ui {
namespace {

constexpr std::string_view python_keywords[] = {
    "False", "None",     "True",  "and",    "as",   "assert", "async",  "await",    "break",
    "class", "continue", "def",   "del",    "elif", "else",   "except", "finally",  "for",
    "from",  "global",   "if",    "import", "in",   "is",     "lambda", "nonlocal", "not",
    "or",    "pass",     "raise", "return", "try",  "while",  "with",   "yield"};

constexpr std::string_view cpp_keywords[] = {
    "auto",      "bool",     "break",     "case",     "char",     "class",   "co_await", "co_return",
    "co_yield",  "const",    "constexpr", "continue", "default",  "delete",  "double",   "else",
    "enum",      "extern",   "false",     "float",    "for",      "if",      "inline",   "int",
    "namespace", "new",      "noexcept",  "nullptr",  "operator", "private", "public",   "return",
    "sizeof",    "static",   "struct",    "switch",   "template", "this",    "throw",    "true",
    "try",       "typename", "using",     "void",     "while"};

bool is_word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_'; }

bool is_keyword(std::string_view word, language lang) {
  if (lang == language::python)
    return std::find(std::begin(python_keywords), std::end(python_keywords), word) !=
           std::end(python_keywords);
  return std::find(std::begin(cpp_keywords), std::end(cpp_keywords), word) != std::end(cpp_keywords);
}

std::size_t string_end(std::string_view line, std::size_t i) {
  const char quote = line[i];
  for (++i; i < line.size(); ++i) {
    if (line[i] == '\\')
      ++i;
    else if (line[i] == quote)
      return i + 1;
  }
  return line.size();
}

bool comment_starts(std::string_view line, std::size_t i, language lang) {
  if (lang == language::python) return line[i] == '#';
  return line.compare(i, 2, "//") == 0;
}

}  // namespace

std::vector<token> tokenize_line(std::string_view line, language lang) {
  std::vector<token> out;
  auto emit = [&](std::size_t b, std::size_t e, token_kind k) {
    if (!out.empty() && out.back().kind == k && out.back().end == b)
      out.back().end = e;
    else
      out.push_back({b, e, k});
  };
  const std::size_t first = line.find_first_not_of(" \t");
  if (lang == language::cpp && first != std::string_view::npos && line[first] == '#') {
    emit(0, line.size(), token_kind::preprocessor);
    return out;
  }
  std::size_t i = 0;
  while (i < line.size()) {
    const char c = line[i];
    if (comment_starts(line, i, lang)) {
      emit(i, line.size(), token_kind::comment);
      break;
    }
    if (c == '"' || c == '\'') {
      const std::size_t e = string_end(line, i);
      emit(i, e, token_kind::string);
      i = e;
    } else if (std::isdigit(static_cast<unsigned char>(c)) != 0 && (i == 0 || !is_word_char(line[i - 1]))) {
      std::size_t e = i;
      while (e < line.size() && (is_word_char(line[e]) || line[e] == '.' || line[e] == '\'')) ++e;
      emit(i, e, token_kind::number);
      i = e;
    } else if (is_word_char(c)) {
      std::size_t e = i;
      while (e < line.size() && is_word_char(line[e])) ++e;
      emit(i, e, is_keyword(line.substr(i, e - i), lang) ? token_kind::keyword : token_kind::plain);
      i = e;
    } else {
      emit(i, i + 1, token_kind::plain);
      ++i;
    }
  }
  return out;
}

}  // namespace asyncrace::ui
