// The lexer's tokens: kinds, spans and positions, INDENT/DEDENT, NEWLINE only outside brackets.
// (Its error messages and columns are checked against CPython in test_parser.cpp.)
#include <doctest.h>

#include <string>

#include "python/lexer.hpp"

using namespace asyncrace::python;

namespace {
// "NAME:x = NUMBER:1 NEWLINE ENDMARKER": each token's kind, and its text when it has one.
std::string kinds(std::string_view text) {
  const lexed l = tokenize(text);
  std::string out;
  for (const token& t : l.tokens) {
    if (!out.empty()) out += ' ';
    std::string_view s = spelling(t.kind);
    out += s;
    if (t.kind == token_kind::name || t.kind == token_kind::number || t.kind == token_kind::string)
      out += ":" + std::string(text.substr(t.begin, t.end - t.begin));
  }
  if (l.error) out += " !" + l.error->message;
  return out;
}
}  // namespace

TEST_CASE("lexer: names, keywords, numbers, operators") {
  CHECK(kinds("x = 1") == "NAME:x = NUMBER:1 NEWLINE ENDMARKER");
  CHECK(kinds("if a is not None: pass") == "if NAME:a is not None : pass NEWLINE ENDMARKER");
  CHECK(kinds("a //= b ** -c @ d") == "NAME:a //= NAME:b ** - NAME:c @ NAME:d NEWLINE ENDMARKER");
  CHECK(kinds("f(x) -> y := ...") == "NAME:f ( NAME:x ) -> NAME:y := ... NEWLINE ENDMARKER");
  CHECK(kinds("a<<=b>>=c**=d!=e<=f>=g") == "NAME:a <<= NAME:b >>= NAME:c **= NAME:d != NAME:e <= NAME:f >= NAME:g NEWLINE ENDMARKER");
  CHECK(kinds("0x1F 0o17 0b1_0 1_000 1.5e-3 .5 5. 1j 1e10J 00") ==
        "NUMBER:0x1F NUMBER:0o17 NUMBER:0b1_0 NUMBER:1_000 NUMBER:1.5e-3 NUMBER:.5 NUMBER:5. NUMBER:1j NUMBER:1e10J NUMBER:00 NEWLINE ENDMARKER");
  CHECK(kinds("1if x else 2") == "NUMBER:1 if NAME:x else NUMBER:2 NEWLINE ENDMARKER");  // 3.11 only warns
  CHECK(kinds("match case _ async await") == "NAME:match NAME:case NAME:_ async await NEWLINE ENDMARKER");
  CHECK(kinds("é = 名前") == "NAME:é = NAME:名前 NEWLINE ENDMARKER");
}

TEST_CASE("lexer: every string prefix, triple quotes, escapes left to the parser") {
  CHECK(kinds("r'a' b\"b\" Rb'c' bR'd' f'{x}' rf'e' Fr'f' u'g' U\"h\"") ==
        "STRING:r'a' STRING:b\"b\" STRING:Rb'c' STRING:bR'd' STRING:f'{x}' STRING:rf'e' STRING:Fr'f' STRING:u'g' STRING:U\"h\" NEWLINE ENDMARKER");
  CHECK(kinds("'it\\'s' \"q\\\"\"") == "STRING:'it\\'s' STRING:\"q\\\"\" NEWLINE ENDMARKER");
  CHECK(kinds("'''a\nb''' x") == "STRING:'''a\nb''' NAME:x NEWLINE ENDMARKER");
  CHECK(kinds("ur'x'") == "NAME:ur STRING:'x' NEWLINE ENDMARKER");  // not a prefix
  CHECK(kinds("'abc") == "ENDMARKER !unterminated string literal (detected at line 1)");
  CHECK(kinds("'''abc\n\n") == "ENDMARKER !unterminated triple-quoted string literal (detected at line 2)");
}

TEST_CASE("lexer: INDENT and DEDENT from a stack, tabs to multiples of 8") {
  CHECK(kinds("if a:\n    b\n    if c:\n        d\ne\n") ==
        "if NAME:a : NEWLINE INDENT NAME:b NEWLINE if NAME:c : NEWLINE INDENT NAME:d NEWLINE DEDENT DEDENT NAME:e NEWLINE ENDMARKER");
  CHECK(kinds("if a:\n\tb\n        c\n") == "if NAME:a : NEWLINE INDENT NAME:b NEWLINE ENDMARKER !inconsistent use of tabs and spaces in indentation");
  CHECK(kinds("if a:\n  b\n\n  # comment\n      \n  c\n") ==
        "if NAME:a : NEWLINE INDENT NAME:b NEWLINE NAME:c NEWLINE DEDENT ENDMARKER");
  CHECK(kinds("if a:\n    b\n  c\n") ==
        "if NAME:a : NEWLINE INDENT NAME:b NEWLINE DEDENT ENDMARKER !unindent does not match any outer indentation level");
  const lexed l = tokenize("if a:\n\tb\n");
  CHECK(l.tokens[5].kind == token_kind::name);
  CHECK(l.tokens[5].col == 1);  // byte column, as ast's col_offset
}

TEST_CASE("lexer: NEWLINE only outside brackets, backslash continuation, comments") {
  CHECK(kinds("x = (1,\n  2)\ny") == "NAME:x = ( NUMBER:1 , NUMBER:2 ) NEWLINE NAME:y NEWLINE ENDMARKER");
  CHECK(kinds("x = 1 + \\\n  2") == "NAME:x = NUMBER:1 + NUMBER:2 NEWLINE ENDMARKER");
  CHECK(kinds("x  # c\n# only\n\ny\r\nz\r") == "NAME:x NEWLINE NAME:y NEWLINE NAME:z NEWLINE ENDMARKER");
  CHECK(kinds("[1,\n") == "[ NUMBER:1 , ENDMARKER");
  const lexed open = tokenize("f(a, [b,\n");
  REQUIRE(open.unclosed.size() == 2);
  CHECK(open.unclosed[0].kind == '(');
  CHECK(open.unclosed[1].kind == '[');
  CHECK(kinds("a)") == "NAME:a ENDMARKER !unmatched ')'");
  CHECK(kinds("x = 1 $ 2") == "NAME:x = NUMBER:1 ERRORTOKEN NUMBER:2 NEWLINE ENDMARKER");
}

TEST_CASE("lexer: positions are CPython's (1-based lines, 0-based byte columns)") {
  const lexed l = tokenize("def f():\n    return 'é' + x\n");
  const token& s = l.tokens[8];  // the string
  REQUIRE(s.kind == token_kind::string);
  CHECK(s.line == 2);
  CHECK(s.col == 11);
  CHECK(s.end_col == 15);  // 'é' is 2 bytes
  CHECK(l.tokens[10].col == 18);  // x, after the multi-byte character
}
