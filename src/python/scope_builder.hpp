// The first pass of the scope analysis (private to scopes.cpp / scope_builder.cpp): walk the
// tree, open a scope per def/lambda/class/comprehension, and record each name's uses with
// symtable.c's DEF_* flags; then scopes.cpp resolves the kinds.
#pragma once

#include <optional>
#include <string>

#include "scopes.hpp"

namespace asyncrace::python {

enum def_flag : std::uint16_t {
  def_global = 1,
  def_local = 2,
  def_param = 4,
  def_nonlocal = 8,
  def_use = 16,
  def_free_class = 32,
  def_import = 64,
  def_annot = 128,
  def_comp_iter = 256,
  def_bound = def_local | def_param | def_import,
};

class scope_builder {
 public:
  scope_builder(scope_table& table, const scope_options& options) : table_(table), options_(options) {}
  void build(const ast::Module& module);

  // symtable.c's errors come first; the compiler's ('return' outside function, ...) after them.
  std::optional<syntax_error> symtable_error, compiler_error;

 private:
  scope_table& table_;
  scope_options options_;
  scope* cur_ = nullptr;
  int loops_ = 0;                     // enclosing loops in the current function
  const ast::position* return_with_value_ = nullptr;

  scope* open(scope_kind kind, std::string_view name, const void* node, std::uint32_t lineno);
  void close(scope* previous, int previous_loops);
  symbol& lookup(std::string_view name);
  void def(std::string_view name, std::uint16_t flag, const ast::position& where);
  void fail(std::optional<syntax_error>& slot, const std::string& message, const ast::position& where);

  void statements(const ast::list<ast::stmt*>& body);
  void statement(const ast::stmt* s);
  void name_declaration(const ast::stmt* s, bool global);
  void function(const ast::stmt* s);
  void class_body(const ast::stmt* s);
  void expressions(const ast::list<ast::expr*>& items);
  void expression(const ast::expr* e);
  void parameters(const ast::arguments* a);
  void defaults_and_annotations(const ast::arguments* a, bool annotations);
  void comprehension(const ast::expr* e, const ast::list<ast::comprehension*>& generators, const ast::expr* elt,
                     const ast::expr* value, std::string_view name);
  void named_expression(const ast::expr* e);
  bool in_async_function() const;
};

}  // namespace asyncrace::python
