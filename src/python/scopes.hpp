// Which scope each name of a program lives in — CPython 3.11's symtable.c, for the compiler:
// every module, function, lambda, comprehension and class body gets a `scope` listing its names
// with their kind, and function-like scopes get slot numbers so the compiler emits slot accesses
// instead of dictionary lookups.
//
// Kinds, as CPython defines them:
//   local            bound in this scope (assigned, a parameter, imported, def/class name, for/with
//                    target, except name, walrus target) and not declared global/nonlocal;
//   cell             a local that an inner function-like scope reads (stored in a cell);
//   free             bound in an enclosing function, read here (through the closure);
//   global_explicit  declared `global` here;
//   global_implicit  neither bound here nor in an enclosing function: the module's dict, then builtins.
// In the module and in class bodies, `local` means the namespace dict (no slot). A class body's
// names are not visible to its methods; a method that uses `super` or `__class__` gets the free
// variable `__class__`, and the class body the matching cell.
//
// 3.11 comprehensions are functions: their one parameter is ".0" (the outermost iterable, which
// is evaluated in the enclosing scope), and their targets are their own locals; a walrus inside
// binds in the nearest enclosing function (or module).
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "ast.hpp"
#include "syntax_error.hpp"

namespace asyncrace::python {

enum class scope_kind : std::uint8_t { module, function, lambda, comprehension, class_body };
enum class name_kind : std::uint8_t { local, cell, free, global_explicit, global_implicit };

struct symbol {
  std::string_view name;
  name_kind kind = name_kind::global_implicit;
  // local/cell in a function-like scope: index in scope::locals. free: index in scope::freevars.
  // -1 in the module and class bodies (and for globals).
  int slot = -1;
  bool parameter = false;
  bool assigned = false;    // bound here in any way
  bool referenced = false;  // read here
  std::uint16_t flags = 0;  // the analysis' own DEF_* bits (scopes.cpp)
};

struct scope {
  scope_kind kind = scope_kind::module;
  std::string_view name;         // as symtable names it: "top", the def/class name, "lambda", "listcomp", "genexpr", ...
  const void* node = nullptr;    // ast::Module, FunctionDef, Lambda, ClassDef, or the comprehension expr
  scope* parent = nullptr;
  std::vector<scope*> children;  // in source order
  std::uint32_t lineno = 0;

  std::vector<symbol> symbols;   // every name of the scope, in order of first appearance

  // Function-like scopes (function, lambda, comprehension) — the frame's layout:
  std::vector<std::string_view> locals;    // parameters first (posonly, args, kwonly, *args, **kwargs), then the other locals
  std::vector<std::string_view> cellvars;  // locals captured by inner scopes (each also in `locals`)
  std::vector<std::string_view> freevars;  // names from enclosing functions (closure order)
  std::uint32_t parameter_count = 0;       // the first entries of `locals`

  bool is_generator = false;        // contains yield / yield from (or is a generator expression)
  bool is_coroutine = false;        // async def, or a comprehension that awaits
  bool is_async_generator = false;  // async def containing yield
  bool has_top_level_await = false; // module with await / async for / async with (allow_top_level_await)
  bool needs_class_cell = false;    // class body: a method uses super() or __class__

  // The symbol named `name`, or nullptr when the scope never mentions it.
  const symbol* find(std::string_view name) const;
  bool function_like() const { return kind == scope_kind::function || kind == scope_kind::lambda || kind == scope_kind::comprehension; }

  std::unordered_map<std::string_view, std::uint32_t> index_;  // name -> position in symbols
  std::unordered_map<std::string_view, ast::position> directives_;  // where `global`/`nonlocal` named it
};

struct scope_table {
  std::vector<std::unique_ptr<scope>> all;  // all[0] is the module
  std::unordered_map<const void*, scope*> by_node;

  const scope& module() const { return *all[0]; }
  // The scope a Module, FunctionDef, Lambda, ClassDef, ListComp/SetComp/DictComp/GeneratorExp opens.
  const scope* of(const void* node) const {
    auto it = by_node.find(node);
    return it == by_node.end() ? nullptr : it->second;
  }
};

struct scope_options {
  bool allow_top_level_await = false;  // PyCF_ALLOW_TOP_LEVEL_AWAIT: module-level await is legal
};

// Throws syntax_error with CPython's message for the scope errors of symtable.c and the ones the
// compiler raises ('return' outside function, 'break' outside loop, 'await' outside async
// function, ...).
scope_table analyze_scopes(const ast::tree& tree, const scope_options& options = {});

}  // namespace asyncrace::python
