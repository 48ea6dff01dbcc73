// The text of CPython's `ast.dump(tree)` for a parsed module — the parser's tests compare it with
// what python3 prints for the same source, and it is the tree's debug view.
#pragma once

#include <string>

#include "ast.hpp"

namespace asyncrace::python::ast {

// ast.dump(tree) (include_attributes=False), or ast.dump(tree, include_attributes=True): then
// every node's lineno, col_offset, end_lineno and end_col_offset follow its fields.
std::string dump(const Module& module, bool include_attributes = false);
std::string dump(const expr& e, bool include_attributes = false);

// repr() of a Constant's value as ast.dump writes it: 1, 'a', b'\x00', 1e+20j, Ellipsis, ...
std::string constant_repr(const Constant& c);

}  // namespace asyncrace::python::ast
