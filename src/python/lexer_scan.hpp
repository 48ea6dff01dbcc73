// The lexer's state while it walks a text once (private to lexer.cpp and lexer_scan.cpp).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "lexer.hpp"

namespace asyncrace::python {

token_kind classify_name(std::string_view word);

class lexer_scan {
 public:
  lexer_scan(std::string_view text, const lex_options& options);
  void run();
  lexed result;

 private:
  struct stop {};  // thrown inside the scan when an error has been recorded

  std::string_view text_;
  lex_options options_;
  std::size_t pos_ = 0;
  std::uint32_t line_ = 1;
  std::size_t line_start_ = 0;
  bool at_line_start_ = true;
  bool line_has_tokens_ = false;
  std::vector<int> indents_{0};
  std::vector<int> alt_indents_{0};
  std::size_t token_start_ = 0;
  std::uint32_t token_line_ = 0, token_col_ = 0;

  int peek(std::size_t ahead = 0) const {
    return pos_ + ahead < text_.size() ? static_cast<unsigned char>(text_[pos_ + ahead]) : -1;
  }
  std::uint32_t col_of(std::size_t pos, std::size_t line_start, std::uint32_t line) const {
    return static_cast<std::uint32_t>(pos - line_start) + (line == options_.first_line ? options_.first_col : 0);
  }
  bool in_brackets() const { return options_.inside_brackets || !result.unclosed.empty(); }
  void new_line() {
    ++line_;
    line_start_ = pos_;
  }
  // Consumes a line ending at pos_ ("\n", "\r\n" or "\r"); false when there is none.
  bool eat_line_end();

  void begin_token();
  void emit(token_kind kind);
  void emit_at(token_kind kind, std::size_t begin, std::size_t end);
  [[noreturn]] void fail(std::string type, std::string message, std::uint32_t line, unsigned offset);
  [[noreturn]] void fail_at_byte(std::string message, std::size_t byte_pos);  // offset: chars up to byte_pos
  std::string_view current_line_text(std::size_t line_start) const;

  bool indentation();
  void end_of_input();
  void name_or_string();
  void string(std::size_t prefix_begin);
  void number();
  void digits_then(bool (*is_digit)(int), const char* kind, char base_letter);
  int decimal_tail();
  void end_of_number(const char* kind);
  void exponent_and_imaginary();
  void operator_token();
  void bracket_open(char c);
  void bracket_close(char c);
  void invalid_character();
};

}  // namespace asyncrace::python
