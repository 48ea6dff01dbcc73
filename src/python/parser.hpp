// Python 3.11 source -> syntax tree (ast.hpp): a hand-written recursive-descent parser over the
// lexer's tokens, with precedence climbing for binary operators. Errors are CPython 3.11's
// SyntaxError / IndentationError texts with its line and column.
#pragma once

#include <memory>

#include "ast.hpp"
#include "source_file.hpp"
#include "syntax_error.hpp"

namespace asyncrace::python {

struct parse_options {
  // Notebook cells: `await`, `async for` and `async with` at module level (CPython's
  // PyCF_ALLOW_TOP_LEVEL_AWAIT). The scope pass reads this too.
  bool allow_top_level_await = false;
};

// The tree of `source`. Throws syntax_error (the type in syntax_error.hpp, not a std::exception)
// when the program does not parse. `source` need not outlive the tree: names and strings are
// copied into the tree's arena.
std::unique_ptr<ast::tree> parse(const source_file& source, const parse_options& options = {});

}  // namespace asyncrace::python
