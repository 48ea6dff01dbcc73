// The second pass (symtable.c's analyze_block / analyze_name / analyze_cells / update_symbols):
// from the DEF_* flags and what enclosing functions bind, each name's kind; then slots.
#include "scopes.hpp"

#include <algorithm>
#include <unordered_set>

#include "scope_builder.hpp"

namespace asyncrace::python {

namespace {

using name_set = std::unordered_set<std::string_view>;

class resolver {
 public:
  std::optional<syntax_error> error;

  // `bound`: names bound in enclosing functions (nullptr for the module); `global`: names known
  // global above; `free` receives this block's unresolved free names.
  void block(scope& s, const name_set* bound, name_set& global, name_set& free) {
    name_set local, new_global, new_bound, new_free;
    if (s.kind == scope_kind::class_body) {
      new_global = global;
      if (bound) new_bound = *bound;
    }
    for (symbol& sym : s.symbols) name(s, sym, bound, local, free, global);
    if (s.kind != scope_kind::class_body) {
      if (s.function_like()) new_bound.insert(local.begin(), local.end());
      if (bound) new_bound.insert(bound->begin(), bound->end());
      new_global.insert(global.begin(), global.end());
    } else {
      new_bound.insert("__class__");
    }
    for (scope* child : s.children) {
      name_set child_bound = new_bound, child_global = new_global, child_free = new_free;
      block(*child, &child_bound, child_global, child_free);
      new_free.insert(child_free.begin(), child_free.end());
    }
    if (s.function_like()) {
      for (symbol& sym : s.symbols)
        if (sym.kind == name_kind::local && new_free.erase(sym.name)) sym.kind = name_kind::cell;
    } else if (s.kind == scope_kind::class_body && new_free.erase("__class__")) {
      s.needs_class_cell = true;
    }
    // Free names of inner scopes that pass through this one.
    for (std::string_view n : new_free) {
      auto it = s.index_.find(n);
      if (it != s.index_.end()) {
        if (s.kind == scope_kind::class_body && (s.symbols[it->second].flags & (def_bound | def_global)))
          s.symbols[it->second].flags |= def_free_class;
        continue;
      }
      if (bound && !bound->count(n)) continue;  // a global
      s.index_.emplace(n, static_cast<std::uint32_t>(s.symbols.size()));
      symbol sym{n};
      sym.kind = name_kind::free;
      s.symbols.push_back(sym);
    }
    free.insert(new_free.begin(), new_free.end());
  }

 private:
  // At the global/nonlocal statement that named it, as CPython's error_at_directive.
  void fail(const scope& s, std::string_view name, const std::string& message) {
    if (error) return;
    syntax_error e;
    e.message = message;
    e.line = s.lineno;
    if (auto it = s.directives_.find(name); it != s.directives_.end()) {
      e.line = it->second.lineno;
      e.column = it->second.col_offset + 1;  // bytes, as symtable.c
    }
    error = std::move(e);
  }

  void name(scope& s, symbol& sym, const name_set* bound, name_set& local, name_set& free, name_set& global) {
    const std::string n(sym.name);
    if (sym.flags & def_global) {
      if (sym.flags & def_nonlocal) fail(s, sym.name, "name '" + n + "' is nonlocal and global");
      sym.kind = name_kind::global_explicit;
      global.insert(sym.name);
      return;
    }
    if (sym.flags & def_nonlocal) {
      if (!bound) {
        fail(s, sym.name, "nonlocal declaration not allowed at module level");
      } else if (!bound->count(sym.name)) {
        fail(s, sym.name, "no binding for nonlocal '" + n + "' found");
      }
      sym.kind = name_kind::free;
      free.insert(sym.name);
      return;
    }
    if (sym.flags & def_bound) {
      sym.kind = name_kind::local;
      local.insert(sym.name);
      global.erase(sym.name);
      return;
    }
    if (bound && bound->count(sym.name)) {
      sym.kind = name_kind::free;
      free.insert(sym.name);
      return;
    }
    sym.kind = name_kind::global_implicit;
  }
};

// Slots of a function-like scope: parameters (already in `locals`), then the other locals in
// order of first appearance; cells and frees alphabetical, as CPython's compiler orders them.
void assign_slots(scope& s) {
  for (scope* child : s.children) assign_slots(*child);
  if (s.kind == scope_kind::class_body) {
    // A class body passes its methods' free variables through (CPython's class code has them in
    // co_freevars): the names free here, and its own names that methods take from outside.
    for (const symbol& sym : s.symbols)
      if (sym.kind == name_kind::free || (sym.flags & def_free_class)) s.freevars.push_back(sym.name);
    std::sort(s.freevars.begin(), s.freevars.end());
    return;
  }
  if (!s.function_like()) return;
  for (const symbol& sym : s.symbols)
    if ((sym.kind == name_kind::local || sym.kind == name_kind::cell) && !sym.parameter) s.locals.push_back(sym.name);
  for (const symbol& sym : s.symbols) {
    if (sym.kind == name_kind::cell) s.cellvars.push_back(sym.name);
    if (sym.kind == name_kind::free) s.freevars.push_back(sym.name);
  }
  std::sort(s.cellvars.begin(), s.cellvars.end());
  std::sort(s.freevars.begin(), s.freevars.end());
  for (symbol& sym : s.symbols) {
    const std::vector<std::string_view>& where = sym.kind == name_kind::free ? s.freevars : s.locals;
    if (sym.kind == name_kind::local || sym.kind == name_kind::cell || sym.kind == name_kind::free)
      sym.slot = static_cast<int>(std::find(where.begin(), where.end(), sym.name) - where.begin());
  }
}

}  // namespace

const symbol* scope::find(std::string_view name) const {
  auto it = index_.find(name);
  return it == index_.end() ? nullptr : &symbols[it->second];
}

scope_table analyze_scopes(const ast::tree& tree, const scope_options& options) {
  scope_table table;
  scope_builder builder(table, options);
  builder.build(*tree.module);
  if (builder.symtable_error) throw *builder.symtable_error;
  resolver r;
  name_set global, free;
  r.block(*table.all[0], nullptr, global, free);
  if (r.error) throw *r.error;
  if (builder.compiler_error) throw *builder.compiler_error;
  assign_slots(*table.all[0]);
  return table;
}

}  // namespace asyncrace::python
