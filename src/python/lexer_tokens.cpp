// Numbers, operators and brackets. The number scanner mirrors the order in which CPython 3.11's
// tokenizer reads and backs up characters, because its error columns depend on it: `next()`
// consumes, `back()` un-consumes, and an error points at the cursor.
#include <cstdio>

#include "lexer_scan.hpp"

namespace asyncrace::python {

namespace {
bool is_digit(int c) { return c >= '0' && c <= '9'; }
bool is_hex(int c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
bool is_octal(int c) { return c >= '0' && c <= '7'; }
bool is_binary(int c) { return c == '0' || c == '1'; }
bool is_name_char(int c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 128 || is_digit(c);
}
}  // namespace

// A reader over the lexer's text with CPython's tok_nextc/tok_backup behaviour at the end.
struct number_cursor {
  std::string_view text;
  std::size_t& pos;
  int next() { return pos < text.size() ? static_cast<unsigned char>(text[pos++]) : -1; }
  void back(int c) {
    if (c != -1) --pos;
  }
  bool ahead(const char* rest) const {
    for (std::size_t i = 0; rest[i]; ++i)
      if (pos + i >= text.size() || text[pos + i] != rest[i]) return false;
    return true;
  }
};

void lexer_scan::end_of_number(const char* kind) {
  number_cursor cur{text_, pos_};
  const int c = cur.next();
  // A literal directly followed by a keyword that can follow a number (`1if x else 2`) is only
  // a warning in 3.11.
  bool keyword = false;
  if (c == 'a') keyword = cur.ahead("nd");
  else if (c == 'e') keyword = cur.ahead("lse");
  else if (c == 'f') keyword = cur.ahead("or");
  else if (c == 'i') keyword = cur.ahead("f") || cur.ahead("n") || cur.ahead("s");
  else if (c == 'o') keyword = cur.ahead("r");
  else if (c == 'n') keyword = cur.ahead("ot");
  cur.back(c);
  if (!keyword && c != -1 && is_name_char(c)) fail_at_byte(std::string("invalid ") + kind + " literal", pos_);
}

int lexer_scan::decimal_tail() {
  number_cursor cur{text_, pos_};
  int c;
  for (;;) {
    do c = cur.next();
    while (is_digit(c));
    if (c != '_') break;
    c = cur.next();
    if (!is_digit(c)) {
      cur.back(c);
      fail_at_byte("invalid decimal literal", pos_);
    }
  }
  cur.back(c);
  return c;
}

void lexer_scan::digits_then(bool (*is_in_base)(int), const char* kind, char base_letter) {
  number_cursor cur{text_, pos_};
  int c = cur.next();
  do {
    if (c == '_') c = cur.next();
    if (!is_in_base(c)) {
      if (base_letter != 'x' && is_digit(c)) fail_at_byte(std::string("invalid digit '") + static_cast<char>(c) + "' in " + kind + " literal", pos_);
      cur.back(c);
      fail_at_byte(std::string("invalid ") + kind + " literal", pos_);
    }
    do c = cur.next();
    while (is_in_base(c));
  } while (c == '_');
  if (base_letter != 'x' && is_digit(c)) fail_at_byte(std::string("invalid digit '") + static_cast<char>(c) + "' in " + kind + " literal", pos_);
  cur.back(c);
  end_of_number(kind);
  emit(token_kind::number);
}

// After the integer part: fraction, exponent, imaginary suffix.
void lexer_scan::exponent_and_imaginary() {
  number_cursor cur{text_, pos_};
  int c = cur.next();
  if (c == '.') {
    c = cur.next();
    if (is_digit(c)) {
      decimal_tail();
      c = cur.next();
    }
  }
  if (c == 'e' || c == 'E') {
    const int e = c;
    c = cur.next();
    if (c == '+' || c == '-') {
      c = cur.next();
      if (!is_digit(c)) {
        cur.back(c);
        fail_at_byte("invalid decimal literal", pos_);
      }
    } else if (!is_digit(c)) {
      cur.back(c);
      cur.back(e);
      end_of_number("decimal");  // `1else` is a number and a keyword; `1e` is an error
      emit(token_kind::number);
      return;
    }
    decimal_tail();
    c = cur.next();
  }
  if (c == 'j' || c == 'J') {
    end_of_number("imaginary");
  } else {
    cur.back(c);
    end_of_number("decimal");
  }
  emit(token_kind::number);
}

void lexer_scan::number() {
  number_cursor cur{text_, pos_};
  const int first = cur.next();
  if (first == '.') {  // ".5": straight to the fraction
    cur.back(first);
    exponent_and_imaginary();
    return;
  }
  if (first == '0') {
    const int x = peek();
    if (x == 'x' || x == 'X') {
      ++pos_;
      digits_then(is_hex, "hexadecimal", 'x');
      return;
    }
    if (x == 'o' || x == 'O') {
      ++pos_;
      digits_then(is_octal, "octal", 'o');
      return;
    }
    if (x == 'b' || x == 'B') {
      ++pos_;
      digits_then(is_binary, "binary", 'b');
      return;
    }
    int c = cur.next();
    for (;;) {
      if (c == '_') {
        c = cur.next();
        if (!is_digit(c)) {
          cur.back(c);
          fail_at_byte("invalid decimal literal", pos_);
        }
      }
      if (c != '0') break;
      c = cur.next();
    }
    bool nonzero = false;
    if (is_digit(c)) {
      nonzero = true;
      decimal_tail();
      c = cur.next();
    }
    if (c != '.' && c != 'e' && c != 'E' && c != 'j' && c != 'J' && nonzero)
      fail("SyntaxError", "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
           line_, character_offset(current_line_text(line_start_), static_cast<std::uint32_t>(token_start_ - line_start_)) + 1 +
                      (line_ == options_.first_line ? options_.first_col : 0));
    cur.back(c);
    exponent_and_imaginary();
    return;
  }
  decimal_tail();
  exponent_and_imaginary();
}

void lexer_scan::bracket_open(char c) {
  if (result.unclosed.size() >= 200) fail_at_byte("too many nested parentheses", pos_ + 1);
  result.unclosed.push_back({c, line_, col_of(pos_, line_start_, line_)});
}

void lexer_scan::bracket_close(char c) {
  auto offset = [&] {
    return character_offset(current_line_text(line_start_), static_cast<std::uint32_t>(pos_ - line_start_)) + 1 +
           (line_ == options_.first_line ? options_.first_col : 0);
  };
  if (result.unclosed.empty()) {
    if (options_.inside_brackets) return;  // an f-string field's own closing: the parser reports it
    fail("SyntaxError", std::string("unmatched '") + c + "'", line_, offset());
  }
  const open_bracket open = result.unclosed.back();
  const char expected = open.kind == '(' ? ')' : open.kind == '[' ? ']' : '}';
  if (c != expected) {
    std::string message = std::string("closing parenthesis '") + c + "' does not match opening parenthesis '" + open.kind + "'";
    if (open.line != line_) message += " on line " + std::to_string(open.line);
    fail("SyntaxError", message, line_, offset());
  }
  result.unclosed.pop_back();
}

void lexer_scan::invalid_character() {
  std::size_t len = 1;
  const unsigned char c = static_cast<unsigned char>(text_[pos_]);
  long cp = c;
  if (c >= 0x80) {
    // Only reached for well-formed UTF-8: parse() rejects other bytes first, as CPython does.
    len = (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : 4;
    cp = c & (0x7f >> len);
    for (std::size_t k = 1; k < len && pos_ + k < text_.size(); ++k) cp = (cp << 6) | (text_[pos_ + k] & 0x3f);
  }
  char code[16];
  std::snprintf(code, sizeof code, "U+%04lX", cp);
  const unsigned offset = character_offset(current_line_text(line_start_), static_cast<std::uint32_t>(pos_ - line_start_)) + 1 +
                          (line_ == options_.first_line ? options_.first_col : 0);
  if (c < 0x20 || c == 0x7f)
    fail("SyntaxError", std::string("invalid non-printable character ") + code, line_, offset);
  fail("SyntaxError", "invalid character '" + std::string(text_.substr(pos_, len)) + "' (" + code + ")", line_, offset);
}

void lexer_scan::operator_token() {
  const int c = peek(), c1 = peek(1), c2 = peek(2);
  token_kind kind = token_kind::error;
  int length = 1;
  auto two = [&](int second, token_kind one_kind, token_kind two_kind) {
    kind = c1 == second ? (length = 2, two_kind) : one_kind;
  };
  switch (c) {
    case '(': case '[': case '{':
      bracket_open(static_cast<char>(c));
      kind = c == '(' ? token_kind::lpar : c == '[' ? token_kind::lsqb : token_kind::lbrace;
      break;
    case ')': case ']': case '}':
      bracket_close(static_cast<char>(c));
      kind = c == ')' ? token_kind::rpar : c == ']' ? token_kind::rsqb : token_kind::rbrace;
      break;
    case ':': two('=', token_kind::colon, token_kind::colon_equal); break;
    case ',': kind = token_kind::comma; break;
    case ';': kind = token_kind::semi; break;
    case '+': two('=', token_kind::plus, token_kind::plus_equal); break;
    case '-':
      if (c1 == '>') kind = token_kind::rarrow, length = 2;
      else two('=', token_kind::minus, token_kind::minus_equal);
      break;
    case '*':
      if (c1 == '*') kind = c2 == '=' ? (length = 3, token_kind::double_star_equal) : (length = 2, token_kind::double_star);
      else two('=', token_kind::star, token_kind::star_equal);
      break;
    case '/':
      if (c1 == '/') kind = c2 == '=' ? (length = 3, token_kind::double_slash_equal) : (length = 2, token_kind::double_slash);
      else two('=', token_kind::slash, token_kind::slash_equal);
      break;
    case '|': two('=', token_kind::vbar, token_kind::vbar_equal); break;
    case '&': two('=', token_kind::amper, token_kind::amper_equal); break;
    case '%': two('=', token_kind::percent, token_kind::percent_equal); break;
    case '^': two('=', token_kind::circumflex, token_kind::circumflex_equal); break;
    case '@': two('=', token_kind::at, token_kind::at_equal); break;
    case '~': kind = token_kind::tilde; break;
    case '=': two('=', token_kind::equal, token_kind::equal_equal); break;
    case '!':
      if (c1 == '=') kind = token_kind::not_equal, length = 2;  // a lone '!' is an ERRORTOKEN in 3.11
      break;
    case '<':
      if (c1 == '<') kind = c2 == '=' ? (length = 3, token_kind::left_shift_equal) : (length = 2, token_kind::left_shift);
      else if (c1 == '>') kind = token_kind::not_equal, length = 2;  // "<>": the parser rejects it
      else two('=', token_kind::less, token_kind::less_equal);
      break;
    case '>':
      if (c1 == '>') kind = c2 == '=' ? (length = 3, token_kind::right_shift_equal) : (length = 2, token_kind::right_shift);
      else two('=', token_kind::greater, token_kind::greater_equal);
      break;
    case '.':
      if (c1 == '.' && c2 == '.') kind = token_kind::ellipsis, length = 3;
      else kind = token_kind::dot;
      break;
    default:
      if (c < 0x20 || c == 0x7f || c >= 0x80) invalid_character();
      break;  // $ ? ` : an ERRORTOKEN, which the parser reports as "invalid syntax"
  }
  pos_ += length;
  emit(kind);
}

}  // namespace asyncrace::python
