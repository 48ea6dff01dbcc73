// Compiled Python: a code object per module, function, lambda, comprehension and class body,
// holding a compact bytecode. Stack effects follow CPython's own instructions (3.10's block
// stack for try/with, 3.11's cells and calls); where asyncrace differs it says so.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "value.hpp"

namespace asyncrace::python {

struct str_object;

enum class op : std::uint8_t {
  nop,
  pop_top,
  copy,              // arg n: push a copy of the n-th item from the top (1 = TOS)
  swap,              // arg n: swap TOS with the n-th item
  load_const,        // arg: index into consts
  load_fast, store_fast, delete_fast,          // arg: local slot
  load_deref, store_deref, delete_deref,       // arg: cell slot (cellvars then freevars)
  load_closure,      // arg: cell slot; pushes the cell itself
  load_class_deref,  // arg: cell slot; class body: its namespace first, then the cell
  load_global, store_global, delete_global,    // arg: names index
  load_name, store_name, delete_name,          // arg: names index (class bodies)
  load_attr, store_attr, delete_attr,          // arg: names index
  load_method,       // arg: names index; TOS obj -> [callable, self or empty]
  call_method,       // arg: argc; [callable, self|empty, args...] -> result
  call_method_kw,    // arg: argc (incl. keywords); [callable, self|empty, args..., kwnames] -> result
  call,              // arg: argc; [callable, args...] -> result
  call_kw,           // arg: argc (incl. keywords); [callable, args..., kwnames tuple] -> result
  call_ex,           // arg: 1 if a kwargs dict is on top; [callable, args tuple, kwargs?] -> result
  binary_subscr,     // [c, key] -> c[key]
  store_subscr,      // [v, c, key] -> ; c[key] = v
  delete_subscr,     // [c, key] ->
  build_slice,       // arg 2 or 3
  unary,             // arg: unary_op
  unary_not,
  binary,            // arg: bin_op; +16 for the in-place form (a += b)
  compare,           // arg: cmp_op
  is_op,             // arg 1: `is not`
  contains_op,       // arg 1: `not in`; [item, container]
  jump,              // arg: target instruction index
  pop_jump_if_false, pop_jump_if_true,
  jump_if_false_or_pop, jump_if_true_or_pop,
  get_iter,
  for_iter,          // arg: target; [it] -> [it, next] or pops it and jumps when exhausted
  build_tuple, build_list, build_set,          // arg: count
  build_map,         // arg: count of key/value pairs ([k1, v1, k2, v2, ...])
  build_string,      // arg: count of strings to join (f-strings)
  list_append,       // arg n: [.., list at n, .., v] appends v to the list n-th from top (after pop)
  set_add, map_add,  // the same for comprehensions (map_add: [.., k, v])
  list_extend, set_update, dict_update, dict_merge,  // arg n: as above, TOS iterable/mapping
  list_to_tuple,
  unpack_sequence,   // arg: count; pushes items in reverse (first on top)
  unpack_ex,         // arg: before | after << 8
  format_value,      // arg: conversion (0 none, 1 !s, 2 !r, 3 !a) | 4 if a spec is on top
  make_function,     // arg flags: 1 defaults tuple, 2 kwdefaults dict, 8 closure tuple; TOS code const
  return_value,
  yield_value,       // generators: TOS is yielded; the sent value is pushed on resumption
  yield_from,        // [iter, sent] -> delegates; pushes the sub-iterator's return value
  get_yield_from_iter,
  await_,            // TOS awaitable -> its result (the frame suspends here)
  get_aiter,         // TOS -> TOS.__aiter__()
  get_anext,         // [aiter] -> [aiter, awaitable of aiter.__anext__()]
  end_async_for,     // handler of an async for: [aiter, prev, exc]: StopAsyncIteration ends the loop
  setup_finally,     // arg: handler; push a block (handler, stack depth)
  setup_with,        // arg: handler; [mgr] -> [exit, mgr.__enter__()]; pushes a block above exit
  before_async_with, // [mgr] -> [aexit, awaitable of mgr.__aenter__()]
  setup_async_with,  // arg: handler; [aexit, entered] -> the same, a block pushed above aexit
  pop_block,
  pop_except,        // end of an except clause: restores the exception being handled before it
  jump_if_not_exc_match,  // arg: target; [exc, type] -> [exc]; jumps when exc does not match
  reraise,           // [exc] -> raises exc again (traceback kept)
  raise_varargs,     // arg 0: re-raise the handled exception; 1: raise TOS; 2: raise TOS1 from TOS
  with_exit,         // arg 0: [exit, None] -> [None, exit(None, None, None)]
                     // arg 1 (in the handler): [exit, prev, exc] -> [exit, prev, exc, exit(type, exc, tb)]
  async_with_exit,   // the same, pushing the awaitable aexit(...) returns (an await_ follows)
  except_star_match, // arg: target; [rest, type] -> [rest', match] or [rest] and jumps when nothing matches
  except_star_reraise,  // [rest] -> raises what no except* clause matched, or pops None
  load_build_class,
  load_assertion_error,
  setup_annotations,
  import_name,       // arg: names index; [level, fromlist] -> module
  import_from,       // arg: names index; [module] -> [module, attr]
  import_star,
  print_expr,        // notebook display of a cell's last expression: [v] -> (prints repr unless None)
  asyncio_run,       // notebook top-level await: [awaitable] -> asyncio.run(awaitable)
  count_
};

struct instr {
  op code;
  std::uint32_t arg;
};

// Where an instruction comes from, as CPython 3.11's co_positions: the span of the AST node it
// was compiled for (columns are 0-based UTF-8 byte offsets), which tracebacks underline. For a
// binary operation or a subscript the span's anchors are kept too (the left operand's end and
// the right operand's start; the container's end and the index's end), from which 3.11 draws
// `~~~^~~` instead of `^^^^^^` (traceback.py's _extract_caret_anchors_from_line_segment).
struct source_span {
  enum class anchor : std::uint8_t { none, binary, subscript };
  std::uint32_t end_line = 0;
  std::uint32_t col = 0, end_col = 0;
  std::uint32_t anchor_left = 0, anchor_right = 0;
  anchor anchors = anchor::none;
};

// A constant the compiler puts in a code object (made into a value when the code is loaded).
struct constant {
  enum class kind : std::uint8_t { none, boolean, integer, big_integer, floating, imaginary, str, bytes,
                                   ellipsis, code, tuple_of_str } tag = kind::none;
  std::int64_t i = 0;
  double d = 0;
  std::string s;                          // str / bytes / big integer digits (decimal)
  std::shared_ptr<const struct code> co;  // nested code
  std::vector<std::string> strs;          // kwnames tuples
};

struct code {
  enum flag : std::uint32_t {
    generator = 1, coroutine = 2, async_generator = 4, varargs = 8, varkeywords = 16,
    class_body = 32, module = 64, uses_class_cell = 128, notebook = 256
  };
  std::string name;           // "main", "<lambda>", "<listcomp>", "<module>"
  std::string qualname;       // "Foo.bar.<locals>.baz"
  std::string filename;
  unsigned first_line = 1;
  std::uint32_t flags = 0;
  std::uint32_t argcount = 0, posonly = 0, kwonly = 0;
  std::vector<std::string> varnames;   // local slots: parameters first
  std::vector<std::string> cellvars;   // cell slots 0..: locals captured by inner scopes
  std::vector<std::string> freevars;   // cell slots after cellvars: captured from outside
  std::vector<std::int32_t> cell_param;  // per cellvar: the parameter slot it starts from, or -1
  std::vector<std::string> names;      // globals, attributes, imports
  std::vector<constant> consts;
  std::vector<instr> code;
  std::vector<std::uint32_t> lines;    // the source line of each instruction
  std::vector<source_span> spans;      // the rest of each instruction's position (tracebacks)
  std::uint32_t stack_size = 0;
  std::uint32_t block_depth = 0;
  std::string doc;             // a function's docstring (__doc__), when has_doc
  bool has_doc = false;

  // Made by the VM on first use: the constants as values, the names interned.
  mutable std::vector<value> const_values;
  mutable std::vector<str_object*> name_objects;
  mutable std::vector<std::int32_t> global_slots, builtin_slots;  // LOAD_GLOBAL's caches, per name
  mutable bool loaded = false;

  bool is(flag f) const { return (flags & f) != 0; }
  std::uint32_t ncells() const { return static_cast<std::uint32_t>(cellvars.size() + freevars.size()); }
};

}  // namespace asyncrace::python
