// Adjacent string literals -> one Constant (str or bytes), or a JoinedStr when any is an f-string.
// F-strings follow 3.11 (PEP 498, before PEP 701): the whole literal is one token; its
// replacement fields are found by scanning the text, and each expression is lexed and parsed
// again at its own line and column, as CPython's fstring_compile_expr does.
#include "parser_grammar.hpp"
#include "string_literal.hpp"

namespace asyncrace::python {

using namespace ast;

namespace {
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
}  // namespace

expr* grammar::strings() {
  const std::size_t first = i_;
  while (at(token_kind::string)) advance();
  const std::size_t last = i_ - 1;
  bool any_f = false, any_bytes = false, any_text = false;
  for (std::size_t k = first; k <= last; ++k) {
    const string_token s = split_string_token(text_of(toks_[k]));
    any_f |= s.formatted;
    (s.bytes ? any_bytes : any_text) = true;
  }
  if (any_bytes && any_text) error_at(tok(), "cannot mix bytes and nonbytes literals");
  const position whole{toks_[first].line, toks_[first].col, toks_[last].end_line, toks_[last].end_col};
  if (any_f) return joined_string(first, last, whole);
  std::string value;
  for (std::size_t k = first; k <= last; ++k) {
    const string_token s = split_string_token(text_of(toks_[k]));
    if (s.bytes)
      for (unsigned char c : s.body)
        if (c >= 0x80) error_at(toks_[k], "bytes can only contain ASCII literal characters");
    if (s.raw) {
      for (std::size_t j = 0; j < s.body.size(); ++j) {
        if (s.body[j] == '\r') {
          value += '\n';
          if (j + 1 < s.body.size() && s.body[j + 1] == '\n') ++j;
        } else {
          value += s.body[j];
        }
      }
      continue;
    }
    try {
      decode_escapes(s.body, s.bytes, value);
    } catch (const escape_error& e) {
      error(e.message, toks_[k].end_line, toks_[k].end_col);
    }
  }
  auto* c = mem_.make<Constant>();
  c->kind = expr_kind::Constant;
  c->pos = whole;
  c->value_kind = any_bytes ? constant_kind::Bytes : constant_kind::Str;
  c->u_prefix = split_string_token(text_of(toks_[first])).u;
  c->text = mem_.copy(value);
  return c;
}

// Moves the literal text gathered so far into a Constant part.
void grammar::flush_literal(std::string& pending, const position& whole) {
  if (pending.empty()) return;
  auto* c = mem_.make<Constant>();
  c->kind = expr_kind::Constant;
  c->pos = whole;
  c->value_kind = constant_kind::Str;
  c->text = mem_.copy(pending);
  pending.clear();
  push(c);
}

expr* grammar::joined_string(std::size_t first, std::size_t last, const position& whole) {
  const std::size_t m = mark();
  std::string pending;
  for (std::size_t k = first; k <= last; ++k) {
    const token& t = toks_[k];
    const string_token s = split_string_token(text_of(t));
    if (!s.formatted) {
      if (s.raw) pending += s.body;
      else decode_literal(s.body, t, pending);
      continue;
    }
    const std::size_t end = fstring_parts(t, s, 0, 0, pending, whole);
    if (end < s.body.size()) fstring_error("f-string: unexpected end of string");
  }
  flush_literal(pending, whole);
  auto* j = mem_.make<JoinedStr>();
  j->kind = expr_kind::JoinedStr;
  j->pos = whole;
  j->values = take<expr>(m);
  return j;
}

void grammar::decode_literal(std::string_view body, const token& t, std::string& out) {
  try {
    decode_escapes(body, false, out);
  } catch (const escape_error& e) {
    error(e.message, t.end_line, t.end_col);
  }
}

void grammar::fstring_error(const char* message) { error(message, tok().line, tok().col); }

std::size_t grammar::fstring_parts(const token& t, const string_token& s, std::size_t i, int depth,
                                   std::string& pending, const position& whole) {
  const std::string_view body = s.body;
  for (;;) {
    // A literal run, up to '{' or '}' ('{{' and '}}' are literal braces at the top level).
    const std::size_t literal_start = i;
    while (i < body.size()) {
      const char ch = body[i];
      if (!s.raw && ch == '\\' && i + 1 < body.size()) {
        // "\N{NAME}": its braces are not a replacement field.
        if (body[i + 1] == 'N' && i + 2 < body.size() && body[i + 2] == '{') {
          const std::size_t close = body.find('}', i + 3);
          i = close == std::string_view::npos ? body.size() : close + 1;
          continue;
        }
        i += 2;
        continue;
      }
      if (ch == '{' || ch == '}') break;
      ++i;
    }
    const std::string_view literal = body.substr(literal_start, i - literal_start);
    if (s.raw) pending += literal;
    else decode_literal(literal, t, pending);
    if (i >= body.size()) return i;
    const char brace = body[i];
    if (depth == 0 && i + 1 < body.size() && body[i + 1] == brace) {
      pending += brace;
      i += 2;
      continue;
    }
    if (brace == '}') {
      if (depth == 0) fstring_error("f-string: single '}' is not allowed");
      return i;
    }
    i = replacement_field(t, s, i, depth, pending, whole);
  }
}

// body[i] is the '{' of a replacement field; returns the index after its '}'.
std::size_t grammar::replacement_field(const token& t, const string_token& s, std::size_t i, int depth,
                                       std::string& pending, const position& whole) {
  const std::string_view body = s.body;
  if (depth >= 2) fstring_error("f-string: expressions nested too deeply");
  const std::size_t expr_start = ++i;
  char quote = 0, stack[200];
  int nested = 0;
  for (; i < body.size(); ++i) {
    const char ch = body[i];
    if (ch == '\\') fstring_error("f-string expression part cannot include a backslash");
    if (quote) {
      if (ch == quote) quote = 0;
      continue;
    }
    if (ch == '\'' || ch == '"') {
      quote = ch;
      continue;
    }
    if (ch == '[' || ch == '{' || ch == '(') {
      if (nested >= 200) fstring_error("f-string: too many nested parenthesis");
      stack[nested++] = ch;
      continue;
    }
    if (ch == '#') fstring_error("f-string expression part cannot include '#'");
    if (nested == 0 && (ch == '!' || ch == ':' || ch == '}' || ch == '=' || ch == '>' || ch == '<')) {
      if (i + 1 < body.size() && body[i + 1] == '=' && ch != ':' && ch != '}') {
        ++i;
        continue;
      }
      if (ch == '>' || ch == '<') continue;
      break;
    }
    if (ch == ']' || ch == '}' || ch == ')') {
      if (nested == 0) fstring_error((std::string("f-string: unmatched '") + ch + "'").c_str());
      const char open = stack[--nested];
      if (!((open == '(' && ch == ')') || (open == '[' && ch == ']') || (open == '{' && ch == '}')))
        fstring_error((std::string("f-string: closing parenthesis '") + ch + "' does not match opening parenthesis '" + open + "'").c_str());
    }
  }
  if (quote) fstring_error("f-string: unterminated string");
  if (nested) fstring_error((std::string("f-string: unmatched '") + stack[nested - 1] + "'").c_str());
  if (i >= body.size()) fstring_error("f-string: expecting '}'");
  const std::string_view expr_text = body.substr(expr_start, i - expr_start);
  bool blank = true;
  for (char c : expr_text) blank &= is_space(c);
  if (blank) fstring_error("f-string: empty expression not allowed");
  expr* value = fstring_field(t, s, expr_start, expr_text);

  bool debug = false;
  if (body[i] == '=') {
    ++i;
    while (i < body.size() && is_space(body[i])) ++i;
    if (i >= body.size()) fstring_error("f-string: expecting '}'");
    pending += body.substr(expr_start, i - expr_start);
    debug = true;
  }
  int conversion = -1;
  if (body[i] == '!') {
    if (++i >= body.size()) fstring_error("f-string: expecting '}'");
    conversion = static_cast<unsigned char>(body[i++]);
    if (conversion != 's' && conversion != 'r' && conversion != 'a')
      fstring_error("f-string: invalid conversion character: expected 's', 'r', or 'a'");
  }
  expr* spec = nullptr;
  if (i < body.size() && body[i] == ':') {
    if (++i >= body.size()) fstring_error("f-string: expecting '}'");
    flush_literal(pending, whole);
    const std::size_t outer = mark();
    std::string spec_pending;
    i = fstring_parts(t, s, i, depth + 1, spec_pending, whole);
    flush_literal(spec_pending, whole);
    auto* j = mem_.make<JoinedStr>();
    j->kind = expr_kind::JoinedStr;
    j->pos = {t.line, t.col, t.end_line, t.end_col};
    j->values = take<expr>(outer);
    spec = j;
  }
  if (i >= body.size() || body[i] != '}') fstring_error("f-string: expecting '}'");
  ++i;
  if (debug && !spec && conversion == -1) conversion = 'r';
  flush_literal(pending, whole);
  auto* f = mem_.make<FormattedValue>();
  f->kind = expr_kind::FormattedValue;
  f->pos = whole;
  f->value = value;
  f->conversion = conversion;
  f->format_spec = spec;
  push(f);
  return i;
}

// Lexes and parses one field's expression where it stands in the source: CPython compiles
// "(" + text + ")" with the '(' in the place of the '{'.
expr* grammar::fstring_field(const token& t, const string_token& s, std::size_t expr_start, std::string_view expr_text) {
  const std::string_view token_text = text_of(t);
  const std::size_t brace = s.body_offset + expr_start - 1;  // the '{' within the token's text
  std::uint32_t line = t.line, col = t.col;
  std::size_t line_begin = 0;
  for (std::size_t k = 0; k < brace; ++k)
    if (token_text[k] == '\n') ++line, line_begin = k + 1;
  bool newline_after_brace = true;
  for (char c : expr_text) {
    if (c == '\n' || c == '}') break;
    if (c != ' ' && c != '\t' && c != '\f') {
      newline_after_brace = false;
      break;
    }
  }
  // CPython 3.11 adds the token's column only when the field is on the token's first line.
  if (line != t.line) col = 0;
  if (!newline_after_brace) col += static_cast<std::uint32_t>(brace - line_begin);
  lex_options o;
  o.inside_brackets = true;
  o.first_line = line;
  o.first_col = col + 1;
  grammar sub(expr_text, tokenize(expr_text, o), tree_, options_);
  sub.in_fstring_ = true;
  sub.fstring_line_ = line;
  sub.fstring_col_shift_ = col;
  return sub.fstring_expression();
}

expr* grammar::fstring_expression() {
  expr* e = at(token_kind::kw_yield) ? yield_expr() : star_expressions();
  if (!at(token_kind::end_marker)) forgot_comma(e, 0);  // CPython compiled "(expr)": inside brackets
  if (e->kind == expr_kind::Starred) error_at(e, "cannot use starred expression here");
  if (lexed_.error) invalid_syntax();
  return e;
}

}  // namespace asyncrace::python
