// A program's scopes in the text generate_ast_expectations.py's scope_dump() makes from CPython's
// symtable module: "module top(): f=local | .function f(a): a=local", depth-first.
#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include "python/scopes.hpp"

namespace asyncrace::python::testing {

inline const char* kind_name(name_kind k) {
  switch (k) {
    case name_kind::local: return "local";
    case name_kind::cell: return "cell";
    case name_kind::free: return "free";
    case name_kind::global_explicit: return "global_explicit";
    case name_kind::global_implicit: return "global_implicit";
  }
  return "?";
}

// The generator's scope_dump(): "function f(a,b): a=local b=cell" per scope, depth-first.
inline void scope_dump(const scope& s, int depth, std::string& out) {
  if (!out.empty()) out += " | ";
  out += std::string(depth, '.');
  out += s.kind == scope_kind::module ? "module " : s.kind == scope_kind::class_body ? "class " : "function ";
  out += std::string(s.name) + "(";
  for (std::uint32_t i = 0; i < s.parameter_count; ++i) out += (i ? "," : "") + std::string(s.locals[i]);
  out += "): ";
  std::vector<const symbol*> sorted;
  for (const symbol& sym : s.symbols) sorted.push_back(&sym);
  std::sort(sorted.begin(), sorted.end(), [](const symbol* a, const symbol* b) { return a->name < b->name; });
  for (const symbol* sym : sorted) out += (sym == sorted[0] ? "" : " ") + std::string(sym->name) + "=" + kind_name(sym->kind);
  for (const scope* child : s.children) scope_dump(*child, depth + 1, out);
}

inline std::string scope_dump(const scope& module) {
  std::string out;
  scope_dump(module, 0, out);
  return out;
}

}  // namespace asyncrace::python::testing
