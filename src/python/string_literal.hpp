// A string or bytes literal's token, taken apart: its prefix letters, its body between the
// quotes, and the decoding of the body's backslash escapes as CPython 3.11 decodes them.
#pragma once

#include <string>
#include <string_view>

namespace asyncrace::python {

struct string_token {
  bool raw = false, bytes = false, formatted = false, u = false;
  std::string_view body;        // between the quotes
  std::size_t body_offset = 0;  // where the body starts in the token's text
  bool triple = false;
};

string_token split_string_token(std::string_view token_text);

// A decoding failure: CPython's message (e.g. "(unicode error) 'unicodeescape' codec can't decode
// bytes in position 0-2: truncated \xXX escape").
struct escape_error {
  std::string message;
};

// Appends the decoded `body` to `out` (UTF-8 for str; raw bytes for bytes). Throws escape_error.
void decode_escapes(std::string_view body, bool bytes, std::string& out);

// Appends code point `cp` to `out` as UTF-8 (surrogates are written as CPython's surrogatepass would).
void append_utf8(std::string& out, unsigned long cp);

}  // namespace asyncrace::python
