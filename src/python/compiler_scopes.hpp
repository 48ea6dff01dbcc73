// The compiler's view of scopes (CPython's symtable, reduced to what code generation needs):
// for each function, lambda, comprehension, class body and the module, where each name lives.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "ast.hpp"

namespace asyncrace::python {

enum class name_kind : std::uint8_t { local, cell, free, global_explicit, global_implicit };

struct scope_info {
  enum class kind : std::uint8_t { module, function, lambda, comprehension, class_body } type;
  std::string name;                      // function or class name; "<lambda>", "<listcomp>", ...
  std::vector<std::string> params;       // in slot order
  std::unordered_map<std::string, name_kind> names;
  std::vector<std::string> locals;       // slot order: params first, then other locals
  std::vector<std::string> cellvars;
  std::vector<std::string> freevars;
  bool generator = false;                // contains yield
  bool coroutine = false;                // async def, or an async comprehension in a function
  bool has_await = false;
  bool needs_class_cell = false;         // a class body whose methods use super() / __class__
  bool varargs = false, varkeywords = false;
  std::uint32_t posonly = 0, argcount = 0, kwonly = 0;
  scope_info* parent = nullptr;
  std::vector<std::unique_ptr<scope_info>> children;

  name_kind lookup(std::string_view n) const;
};

// The scopes of a module, keyed by the node that opens each (FunctionDef, Lambda, ClassDef,
// ListComp/SetComp/DictComp/GeneratorExp, and nullptr for the module).
class scope_table {
 public:
  scope_table(const ast::Module& m, bool top_level_await);
  const scope_info& of(const void* node) const;
  const scope_info& module() const { return *root_; }

 private:
  std::unique_ptr<scope_info> root_;
  std::unordered_map<const void*, scope_info*> by_node_;
  friend struct scope_builder;
};

}  // namespace asyncrace::python
