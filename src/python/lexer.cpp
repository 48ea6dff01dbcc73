// CPython 3.11's Parser/tokenizer.c rules, read for behaviour (not copied): see lexer.hpp.
#include "lexer.hpp"

#include <cstdio>
#include <cstring>

#include "lexer_scan.hpp"

namespace asyncrace::python {

unsigned character_offset(std::string_view line_text, std::uint32_t byte_col) {
  unsigned chars = 0;
  for (std::uint32_t i = 0; i < byte_col && i < line_text.size(); ++i)
    if ((static_cast<unsigned char>(line_text[i]) & 0xc0) != 0x80) ++chars;
  if (byte_col > line_text.size()) chars += byte_col - static_cast<std::uint32_t>(line_text.size());
  return chars;
}

std::string_view line_text(std::string_view text, std::uint32_t line) {
  std::size_t start = 0;
  for (std::uint32_t l = 1; l < line && start < text.size(); ++start)
    if (text[start] == '\n' || (text[start] == '\r' && (start + 1 >= text.size() || text[start + 1] != '\n'))) ++l;
  std::size_t end = start;
  while (end < text.size() && text[end] != '\n' && text[end] != '\r') ++end;
  return text.substr(start, end - start);
}

namespace {

struct keyword_entry {
  std::string_view word;
  token_kind kind;
};
constexpr keyword_entry keywords[] = {
    {"False", token_kind::kw_False},   {"None", token_kind::kw_None},       {"True", token_kind::kw_True},
    {"and", token_kind::kw_and},       {"as", token_kind::kw_as},           {"assert", token_kind::kw_assert},
    {"async", token_kind::kw_async},   {"await", token_kind::kw_await},     {"break", token_kind::kw_break},
    {"class", token_kind::kw_class},   {"continue", token_kind::kw_continue}, {"def", token_kind::kw_def},
    {"del", token_kind::kw_del},       {"elif", token_kind::kw_elif},       {"else", token_kind::kw_else},
    {"except", token_kind::kw_except}, {"finally", token_kind::kw_finally}, {"for", token_kind::kw_for},
    {"from", token_kind::kw_from},     {"global", token_kind::kw_global},   {"if", token_kind::kw_if},
    {"import", token_kind::kw_import}, {"in", token_kind::kw_in},           {"is", token_kind::kw_is},
    {"lambda", token_kind::kw_lambda}, {"nonlocal", token_kind::kw_nonlocal}, {"not", token_kind::kw_not},
    {"or", token_kind::kw_or},         {"pass", token_kind::kw_pass},       {"raise", token_kind::kw_raise},
    {"return", token_kind::kw_return}, {"try", token_kind::kw_try},         {"while", token_kind::kw_while},
    {"with", token_kind::kw_with},     {"yield", token_kind::kw_yield},
};

token_kind keyword_or_name(std::string_view word) {
  if (word.size() < 2 || word.size() > 8) return token_kind::name;
  for (const auto& k : keywords)
    if (k.word[0] == word[0] && k.word.size() == word.size() && k.word == word) return k.kind;
  return token_kind::name;
}

}  // namespace

std::string_view spelling(token_kind k) {
  static constexpr std::string_view ops[] = {
      "(",  ")",  "[",  "]",  "{",  "}",   ":",   ",",  ";",  "+",  "-",  "*",  "/",  "|",  "&",
      "<",  ">",  "=",  ".",  "%",  "==",  "!=",  "<=", ">=", "~",  "^",  "<<", ">>", "**", "+=",
      "-=", "*=", "/=", "%=", "&=", "|=",  "^=",  "<<=", ">>=", "**=", "//", "//=", "@", "@=", "->",
      "...", ":=", "!"};
  switch (k) {
    case token_kind::end_marker: return "ENDMARKER";
    case token_kind::newline: return "NEWLINE";
    case token_kind::indent: return "INDENT";
    case token_kind::dedent: return "DEDENT";
    case token_kind::name: return "NAME";
    case token_kind::number: return "NUMBER";
    case token_kind::string: return "STRING";
    case token_kind::error: return "ERRORTOKEN";
    default: break;
  }
  if (is_keyword(k)) return keywords[static_cast<int>(k) - static_cast<int>(token_kind::kw_False)].word;
  return ops[static_cast<int>(k) - static_cast<int>(token_kind::lpar)];
}

lexed tokenize(std::string_view text, const lex_options& options) {
  lexer_scan scan(text, options);
  scan.run();
  return std::move(scan.result);
}

token_kind classify_name(std::string_view word) { return keyword_or_name(word); }

}  // namespace asyncrace::python
