// Syntax tree -> code objects (code.hpp). The whole module is compiled before anything runs, as
// `python3 prog.py` does: a SyntaxError found here (a `break` outside a loop, ...) means nothing
// runs.
#pragma once

#include <memory>

#include "ast.hpp"
#include "code.hpp"
#include "source_file.hpp"
#include "syntax_error.hpp"

namespace asyncrace::python {

struct compile_options {
  // Notebook conventions (tests/golden/README.md): a top-level `await x` is asyncio.run(x), and
  // each cell's last expression statement is displayed. Cells start at lines "# --- ...".
  bool notebook = true;
};

std::shared_ptr<const code> compile_module(const ast::tree& tree, const source_file& src, const compile_options& o);

// Parses and compiles; throws syntax_error.
std::shared_ptr<const code> compile_source(const source_file& src, const compile_options& o);

}  // namespace asyncrace::python
