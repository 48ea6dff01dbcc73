// One pass over the text: indentation at each line start, then tokens until the line ends.
// Error columns follow CPython 3.11's tokenizer: most errors point just after the last character
// it read (its `tok->cur`), literal errors at the literal's first character.
#include "lexer_scan.hpp"

#include <cstdio>

namespace asyncrace::python {

namespace {
bool is_digit(int c) { return c >= '0' && c <= '9'; }
bool is_name_start(int c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 128; }
bool is_name_char(int c) { return is_name_start(c) || is_digit(c); }

// Decodes the UTF-8 sequence at s[i]; returns the code point (or -1 for a bad sequence), sets len.
long decode_utf8(std::string_view s, std::size_t i, std::size_t& len) {
  const unsigned char c = static_cast<unsigned char>(s[i]);
  len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
  if (len == 0 || i + len > s.size()) {
    len = 1;
    return -1;
  }
  long cp = len == 1 ? c : c & (0x7f >> len);
  for (std::size_t k = 1; k < len; ++k) {
    const unsigned char cc = static_cast<unsigned char>(s[i + k]);
    if ((cc & 0xc0) != 0x80) {
      len = 1;
      return -1;
    }
    cp = (cp << 6) | (cc & 0x3f);
  }
  return cp;
}

// Code points that cannot be part of an identifier although they are not ASCII: punctuation,
// symbols and spaces of the blocks learners meet (an approximation of Unicode's XID classes,
// which CPython checks with its full database).
bool is_non_identifier(long cp) {
  if (cp < 0xc0) return !(cp == 0xaa || cp == 0xb5 || cp == 0xba);
  if (cp == 0xd7 || cp == 0xf7) return true;
  if (cp >= 0x2000 && cp <= 0x2bff) return !(cp == 0x2071 || cp == 0x207f || (cp >= 0x2090 && cp <= 0x209c) ||
                                             (cp >= 0x2102 && cp <= 0x214f && cp != 0x2118));
  if (cp >= 0x3000 && cp <= 0x3004) return true;
  if (cp >= 0x3008 && cp <= 0x3020) return true;
  if (cp >= 0xfe30 && cp <= 0xfe6f) return true;
  if (cp >= 0xff01 && cp <= 0xff0f) return true;
  if (cp >= 0xfff0 && cp <= 0xffff) return true;
  if (cp >= 0x1f000 && cp <= 0x1faff) return true;
  return false;
}
}  // namespace

lexer_scan::lexer_scan(std::string_view text, const lex_options& options) : text_(text), options_(options) {
  line_ = options.first_line;
  at_line_start_ = !options.inside_brackets;
  result.tokens.reserve(text.size() / 3 + 8);
  if (text_.substr(0, 3) == "\xef\xbb\xbf") pos_ = line_start_ = 3;  // a UTF-8 byte order mark
}

std::string_view lexer_scan::current_line_text(std::size_t line_start) const {
  std::size_t end = line_start;
  while (end < text_.size() && text_[end] != '\n' && text_[end] != '\r') ++end;
  return text_.substr(line_start, end - line_start);
}

void lexer_scan::fail(std::string type, std::string message, std::uint32_t line, unsigned offset) {
  syntax_error e;
  e.type = std::move(type);
  e.message = std::move(message);
  e.line = line;
  e.column = offset;
  result.error = std::move(e);
  throw stop{};
}

void lexer_scan::fail_at_byte(std::string message, std::size_t byte_pos) {
  const unsigned offset = character_offset(current_line_text(line_start_), static_cast<std::uint32_t>(byte_pos - line_start_)) +
                          (line_ == options_.first_line ? options_.first_col : 0);
  fail("SyntaxError", std::move(message), line_, offset);
}

bool lexer_scan::eat_line_end() {
  if (peek() == '\r') {
    ++pos_;
    if (peek() == '\n') ++pos_;
    return true;
  }
  if (peek() == '\n') {
    ++pos_;
    return true;
  }
  return false;
}

void lexer_scan::begin_token() {
  token_start_ = pos_;
  token_line_ = line_;
  token_col_ = col_of(pos_, line_start_, line_);
}

void lexer_scan::emit(token_kind kind) {
  token t;
  t.kind = kind;
  t.begin = static_cast<std::uint32_t>(token_start_);
  t.end = static_cast<std::uint32_t>(pos_);
  t.line = token_line_;
  t.col = token_col_;
  t.end_line = line_;
  t.end_col = col_of(pos_, line_start_, line_);
  result.tokens.push_back(t);
  if (kind != token_kind::newline && kind != token_kind::indent && kind != token_kind::dedent) line_has_tokens_ = true;
}

void lexer_scan::emit_at(token_kind kind, std::size_t begin, std::size_t end) {
  token t;
  t.kind = kind;
  t.begin = static_cast<std::uint32_t>(begin);
  t.end = static_cast<std::uint32_t>(end);
  t.line = t.end_line = line_;
  t.col = col_of(begin, line_start_, line_);
  t.end_col = col_of(end, line_start_, line_);
  result.tokens.push_back(t);
}

void lexer_scan::run() {
  try {
    for (;;) {
      if (at_line_start_) {
        at_line_start_ = false;
        if (!in_brackets() && !indentation()) continue;
      }
      while (peek() == ' ' || peek() == '\t' || peek() == '\f') ++pos_;
      const int c = peek();
      if (c == '#') {
        while (peek() != -1 && peek() != '\n' && peek() != '\r') ++pos_;
        continue;
      }
      if (c == -1) {
        end_of_input();
        return;
      }
      if (c == '\n' || c == '\r') {
        const std::size_t at = pos_;
        if (line_has_tokens_ && !in_brackets()) emit_at(token_kind::newline, at, at + 1);
        eat_line_end();
        new_line();
        if (!in_brackets()) {
          line_has_tokens_ = false;
          at_line_start_ = true;
        }
        continue;
      }
      if (c == '\\') {
        const std::size_t at = pos_;
        ++pos_;
        if (peek() == -1) fail("SyntaxError", "unexpected EOF while parsing", line_, character_offset(current_line_text(line_start_), static_cast<std::uint32_t>(at - line_start_)) + 2);
        if (!eat_line_end()) {
          ++pos_;
          fail_at_byte("unexpected character after line continuation character", pos_);
        }
        new_line();
        continue;
      }
      begin_token();
      if (is_name_start(c)) name_or_string();
      else if (is_digit(c) || (c == '.' && is_digit(peek(1)))) number();
      else if (c == '\'' || c == '"') string(pos_);
      else operator_token();
    }
  } catch (const stop&) {
    token t;
    t.kind = token_kind::end_marker;
    t.begin = t.end = static_cast<std::uint32_t>(pos_ < text_.size() ? pos_ : text_.size());
    t.line = t.end_line = result.error->line;
    t.col = t.end_col = result.error->column ? result.error->column - 1 : 0;
    result.tokens.push_back(t);
  }
}

// Measures a new line's indentation (CPython: tabs to the next multiple of 8, and once more
// counting a tab as 1 to detect ambiguous mixes) and emits INDENT/DEDENTs. False for a blank or
// comment-only line, whose indentation does not count.
bool lexer_scan::indentation() {
  int col = 0, alt = 0;
  for (;; ++pos_) {
    const int c = peek();
    if (c == ' ') ++col, ++alt;
    else if (c == '\t') col = (col / 8 + 1) * 8, ++alt;
    else if (c == '\f') col = alt = 0;
    else break;
  }
  const int c = peek();
  if (c == '#' || c == '\n' || c == '\r' || c == -1) return c != -1 ? false : true;
  // (Error columns are computed only on the error path: this runs for every line.)
  auto line_length = [&] {
    const std::string_view text = current_line_text(line_start_);
    return character_offset(text, static_cast<std::uint32_t>(text.size()));
  };
  if (col == indents_.back()) {
    if (alt != alt_indents_.back()) fail("TabError", "inconsistent use of tabs and spaces in indentation", line_, 1);
  } else if (col > indents_.back()) {
    if (alt <= alt_indents_.back()) fail("TabError", "inconsistent use of tabs and spaces in indentation", line_, 1);
    indents_.push_back(col);
    alt_indents_.push_back(alt);
    emit_at(token_kind::indent, pos_, pos_);  // where the tokenizer stands: CPython's error column
  } else {
    while (indents_.size() > 1 && col < indents_.back()) {
      indents_.pop_back();
      alt_indents_.pop_back();
      emit_at(token_kind::dedent, pos_, pos_);
    }
    if (col != indents_.back())
      fail("IndentationError", "unindent does not match any outer indentation level", line_, line_length() + 1);
    if (alt != alt_indents_.back()) fail("TabError", "inconsistent use of tabs and spaces in indentation", line_, 1);
  }
  return true;
}

void lexer_scan::end_of_input() {
  if (line_has_tokens_ && !in_brackets()) {
    // CPython adds the missing final newline: NEWLINE just after the last character.
    emit_at(token_kind::newline, pos_, pos_ + 1);
  }
  // DEDENTs and ENDMARKER stand after the file's last line (its length + 1 for the newline
  // CPython adds), which is where CPython reports "expected an indented block" at the end.
  std::size_t last_start = text_.size();
  if (last_start > 0 && (text_[last_start - 1] == '\n' || text_[last_start - 1] == '\r')) --last_start;
  if (last_start > 0 && text_[last_start] == '\n' && text_[last_start - 1] == '\r') --last_start;
  while (last_start > 0 && text_[last_start - 1] != '\n' && text_[last_start - 1] != '\r') --last_start;
  std::uint32_t last_line = line_;
  if (pos_ == line_start_ && line_ > options_.first_line && text_.size() > 0) --last_line;
  token end;
  end.kind = token_kind::dedent;
  end.begin = end.end = static_cast<std::uint32_t>(pos_);
  end.line = end.end_line = last_line;
  end.col = end.end_col = static_cast<std::uint32_t>(text_.size() - last_start) + 1 -
                          static_cast<std::uint32_t>(text_.size() > last_start && (text_.back() == '\n' || text_.back() == '\r'));
  if (!options_.inside_brackets && result.unclosed.empty()) {
    while (indents_.size() > 1) {
      indents_.pop_back();
      result.tokens.push_back(end);
    }
  }
  end.kind = token_kind::end_marker;
  if (options_.inside_brackets) {  // an f-string field: where its ')' would stand
    end.line = end.end_line = line_;
    end.col = end.end_col = col_of(pos_, line_start_, line_);
  }
  result.tokens.push_back(end);
}

void lexer_scan::name_or_string() {
  const std::size_t begin = pos_;
  while (pos_ < text_.size()) {
    const int c = peek();
    if (c < 128) {
      if (!is_name_char(c)) break;
      ++pos_;
      continue;
    }
    std::size_t len = 0;
    const long cp = decode_utf8(text_, pos_, len);
    if (cp < 0 || is_non_identifier(cp)) {
      if (pos_ == begin) invalid_character();
      break;
    }
    pos_ += len;
  }
  const std::string_view word = text_.substr(begin, pos_ - begin);
  if ((peek() == '\'' || peek() == '"') && word.size() <= 2) {
    bool prefix = true, seen_r = false, seen_b = false, seen_u = false, seen_f = false;
    for (char ch : word) {
      const char l = static_cast<char>(ch | 0x20);
      bool& seen = l == 'r' ? seen_r : l == 'b' ? seen_b : l == 'u' ? seen_u : seen_f;
      if ((l != 'r' && l != 'b' && l != 'u' && l != 'f') || seen) prefix = false;
      seen = true;
    }
    if (seen_u && word.size() > 1) prefix = false;
    if (seen_b && seen_f) prefix = false;
    if (prefix) {
      string(begin);
      return;
    }
  }
  emit(classify_name(word));
}

void lexer_scan::string(std::size_t prefix_begin) {
  const std::uint32_t start_line = token_line_;
  const std::size_t start_line_start = line_start_;
  auto start_offset = [&, first_line = line_ == options_.first_line] {
    return character_offset(current_line_text(start_line_start), static_cast<std::uint32_t>(prefix_begin - start_line_start)) +
           (first_line ? options_.first_col : 0) + 1;
  };
  const int quote = peek();
  const bool triple = peek(1) == quote && peek(2) == quote;
  // CPython counts the line the text ends on: a final newline does not start another.
  auto detected = [&] { return std::to_string(pos_ == line_start_ && line_ > start_line ? line_ - 1 : line_); };
  pos_ += triple ? 3 : 1;
  for (;;) {
    const int c = peek();
    if (c == -1) {
      if (triple)
        fail("SyntaxError", "unterminated triple-quoted string literal (detected at line " + detected() + ")",
             start_line, start_offset());
      fail("SyntaxError", "unterminated string literal (detected at line " + std::to_string(line_) + ")", start_line,
           start_offset());
    }
    if (c == quote) {
      if (!triple) {
        ++pos_;
        break;
      }
      if (peek(1) == quote && peek(2) == quote) {
        pos_ += 3;
        break;
      }
      ++pos_;
      continue;
    }
    if (c == '\n' || c == '\r') {
      if (!triple)
        fail("SyntaxError", "unterminated string literal (detected at line " + std::to_string(line_) + ")", start_line,
             start_offset());
      eat_line_end();
      new_line();
      continue;
    }
    ++pos_;
    if (c == '\\') {
      if (peek() == -1) continue;  // reported as unterminated above
      if (eat_line_end()) new_line();
      else ++pos_;
    }
  }
  emit(token_kind::string);
}

}  // namespace asyncrace::python
