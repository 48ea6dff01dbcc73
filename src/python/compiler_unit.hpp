// The compiler's working state (private to compiler_*.cpp): one `unit` per code object being
// built, with its instructions, labels, constants, the scope it compiles and the stack of blocks
// (loops, try, with, except handlers) that break, continue and return must unwind.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "ast.hpp"
#include "code.hpp"
#include "scopes.hpp"
#include "object.hpp"
#include "source_file.hpp"
#include "syntax_error.hpp"

namespace asyncrace::python {

struct fblock {
  enum class kind : std::uint8_t { while_loop, for_loop, async_for_loop, try_except, finally_try, finally_end,
                                   with, async_with, handler_cleanup } type;
  std::uint32_t continue_label = 0;
  std::uint32_t break_label = 0;
  const ast::list<ast::stmt*>* finalbody = nullptr;
};

struct unit {
  std::shared_ptr<code> co;
  const python::scope* scope = nullptr;
  std::vector<std::uint32_t> label_at;                 // label -> instruction index (or ~0u)
  std::vector<std::pair<std::uint32_t, std::uint32_t>> jumps;  // (instruction, label)
  std::vector<fblock> blocks;
  std::unordered_map<std::string, std::uint32_t> name_index, const_str, local_slot, cell_slot;
  unsigned line = 1;
  source_span span;  // the rest of the position the next instructions get (with `line`)
};

class compiler {
 public:
  compiler(const source_file& src, const scope_table& scopes, bool notebook)
      : src_(src), scopes_(scopes), notebook_(notebook) {}

  std::shared_ptr<const code> module(const ast::Module& m);

 private:
  // units
  void push_unit(const scope& s, const ast::arguments* args, std::string name, std::string qualname, unsigned first_line);
  std::shared_ptr<code> pop_unit();
  unit& u() { return units_.back(); }
  std::string qualname_for(const std::string& name) const;
  name_kind kind_of(std::string_view n) const;
  bool at_module() const { return u_const().scope->kind == scope_kind::module; }
  bool in_class() const { return u_const().scope->kind == scope_kind::class_body; }
  const unit& u_const() const { return units_.back(); }

  // emission
  std::uint32_t new_label();
  void place(std::uint32_t label);
  void emit(op o, std::uint32_t arg = 0);
  void emit_jump(op o, std::uint32_t label);
  std::uint32_t add_const(constant c);
  std::uint32_t const_none();
  std::uint32_t const_str(std::string_view s);
  std::uint32_t name(std::string_view n);
  void set_line(const ast::position& p) {
    u().line = p.lineno;
    u().span = {p.end_lineno, p.col_offset, p.end_col_offset, 0, 0, source_span::anchor::none};
  }
  void set_anchors(source_span::anchor kind, std::uint32_t left, std::uint32_t right) {
    u().span.anchors = kind, u().span.anchor_left = left, u().span.anchor_right = right;
  }
  [[noreturn]] void error(const ast::position& p, std::string message) const;

  // names
  void load_name(std::string_view n);
  void store_name(std::string_view n);
  void delete_name(std::string_view n);

  // statements (compiler_stmt.cpp)
  void body(const ast::list<ast::stmt*>& l);
  void stmt(const ast::stmt* s);
  void function_def(const ast::FunctionDef& f);
  void class_def(const ast::ClassDef& c);
  void assign_target(const ast::expr* t);
  void aug_assign(const ast::AugAssign& a);
  void for_loop(const ast::For& f);
  void while_loop(const ast::While& w);
  void if_stmt(const ast::If& i);
  void try_stmt(const ast::Try& t);
  std::uint32_t try_body(const ast::Try& t, std::uint32_t orelse);
  void try_except(const ast::Try& t);
  void try_star(const ast::Try& t);
  void with_stmt(const ast::With& w, std::uint32_t item);
  void raise_stmt(const ast::Raise& r);
  void import_stmt(const ast::stmt* s);
  void return_stmt(const ast::Return& r);
  void unwind_blocks(bool preserve_tos, bool stop_at_loop);
  void delete_target(const ast::expr* t);

  // expressions (compiler_expr.cpp)
  void expr(const ast::expr* e);
  void call(const ast::Call& c);
  void call_args_generic(const ast::list<ast::expr*>& args, const ast::list<ast::keyword*>& keywords);
  void compare(const ast::Compare& c);
  void bool_op(const ast::BoolOp& b);
  void jump_if(const ast::expr* e, bool when, std::uint32_t label);
  void display(const ast::list<ast::expr*>& elts, op build, op extend, bool tuple);
  void dict_display(const ast::Dict& d);
  void comprehension(const ast::expr* node, const ast::list<ast::comprehension*>& gens, const ast::expr* elt,
                     const ast::expr* value);
  void comprehension_generator(const ast::list<ast::comprehension*>& gens, std::uint32_t index, const ast::expr* node,
                               const ast::expr* elt, const ast::expr* value, std::uint32_t depth);
  void joined_str(const ast::JoinedStr& j);
  void lambda(const ast::Lambda& l);
  void constant_expr(const ast::Constant& c);
  void slice(const ast::expr* e);
  // Defaults, closure and code of a new function on the stack, then MAKE_FUNCTION.
  void make_closure(const scope& s, std::shared_ptr<code> co, const ast::arguments* args);
  void unpack_targets(const ast::list<ast::expr*>& elts, const ast::position& p);

  // the notebook's cells
  bool ends_cell(const ast::list<ast::stmt*>& body, std::uint32_t i) const;

  const source_file& src_;
  const scope_table& scopes_;
  bool notebook_;
  std::vector<unit> units_;
};

// Computes stack_size and block_depth of a finished code object by following every path.
void compute_stack_size(code& co);

}  // namespace asyncrace::python
