// The syntax tree of a Python 3.11 program, named and shaped after CPython's Parser/Python.asdl:
// the same node names (Module, FunctionDef, BinOp, Name, ...), the same field names (`body`,
// `orelse`, `elts`, `ctx`, ...), and the same positions (lineno and end_lineno 1-based; col_offset
// and end_col_offset 0-based UTF-8 byte offsets, as ast.parse reports them).
//
// Every node lives in the tree's arena (arena.hpp): children are plain pointers, lists are
// arena spans, names and decoded strings are string_views into the arena. A tree is immutable
// after parsing and is freed at once with its `tree`.
//
// Consuming it: switch on `e->kind` / `s->kind`, then `e->as<ast::BinOp>()` (checked in debug
// builds). Where CPython has two node types of one shape (FunctionDef/AsyncFunctionDef,
// For/AsyncFor, With/AsyncWith, Try/TryStar) one struct serves both kinds; `is_async()` / `star`
// tell which. An optional child CPython spells `expr?` is nullptr when absent.
#pragma once

#include <cassert>
#include <cstdint>
#include <memory>
#include <string_view>

#include "arena.hpp"

namespace asyncrace::python::ast {

// A node's span in the source, as CPython's `lineno, col_offset, end_lineno, end_col_offset`.
struct position {
  std::uint32_t lineno = 0;
  std::uint32_t col_offset = 0;
  std::uint32_t end_lineno = 0;
  std::uint32_t end_col_offset = 0;
};

// An arena-owned sequence (CPython's `expr*`, `stmt*`, `identifier*`, ...).
template <class T>
struct list {
  T* items = nullptr;
  std::uint32_t count = 0;

  std::uint32_t size() const { return count; }
  bool empty() const { return count == 0; }
  T* begin() const { return items; }
  T* end() const { return items + count; }
  T& operator[](std::uint32_t i) const {
    assert(i < count);
    return items[i];
  }
};

enum class expr_context : std::uint8_t { Load, Store, Del };
enum class boolop : std::uint8_t { And, Or };
enum class binop : std::uint8_t {  // CPython's `operator`
  Add, Sub, Mult, MatMult, Div, Mod, Pow, LShift, RShift, BitOr, BitXor, BitAnd, FloorDiv
};
enum class unaryop : std::uint8_t { Invert, Not, UAdd, USub };
enum class cmpop : std::uint8_t { Eq, NotEq, Lt, LtE, Gt, GtE, Is, IsNot, In, NotIn };

// ---------------------------------------------------------------------------------------------
// Expressions

enum class expr_kind : std::uint8_t {
  BoolOp, NamedExpr, BinOp, UnaryOp, Lambda, IfExp, Dict, Set, ListComp, SetComp, DictComp,
  GeneratorExp, Await, Yield, YieldFrom, Compare, Call, FormattedValue, JoinedStr, Constant,
  Attribute, Subscript, Starred, Name, List, Tuple, Slice
};

struct expr {
  expr_kind kind;
  position pos;

  template <class T>
  T& as() {
    assert(T::matches(kind));
    return static_cast<T&>(*this);
  }
  template <class T>
  const T& as() const {
    assert(T::matches(kind));
    return static_cast<const T&>(*this);
  }
  template <class T>
  bool is() const { return T::matches(kind); }
};

#define ASYNCRACE_AST_KIND(family, name) \
  static constexpr family##_kind static_kind = family##_kind::name; \
  static bool matches(family##_kind k) { return k == family##_kind::name; }

struct arguments;
struct comprehension;
struct keyword;

struct BoolOp : expr {
  ASYNCRACE_AST_KIND(expr, BoolOp)
  boolop op;
  list<expr*> values;  // two or more
};
struct NamedExpr : expr {  // target := value
  ASYNCRACE_AST_KIND(expr, NamedExpr)
  expr* target;  // a Name (Store)
  expr* value;
};
struct BinOp : expr {
  ASYNCRACE_AST_KIND(expr, BinOp)
  expr* left;
  binop op;
  expr* right;
};
struct UnaryOp : expr {
  ASYNCRACE_AST_KIND(expr, UnaryOp)
  unaryop op;
  expr* operand;
};
struct Lambda : expr {
  ASYNCRACE_AST_KIND(expr, Lambda)
  arguments* args;
  expr* body;
};
struct IfExp : expr {  // body if test else orelse
  ASYNCRACE_AST_KIND(expr, IfExp)
  expr* test;
  expr* body;
  expr* orelse;
};
struct Dict : expr {
  ASYNCRACE_AST_KIND(expr, Dict)
  list<expr*> keys;  // nullptr for a `**mapping` entry
  list<expr*> values;
};
struct Set : expr {
  ASYNCRACE_AST_KIND(expr, Set)
  list<expr*> elts;
};
// ListComp, SetComp and GeneratorExp: elt for ... (3.11 compiles each into a nested function).
struct ElementComp : expr {
  static bool matches(expr_kind k) {
    return k == expr_kind::ListComp || k == expr_kind::SetComp || k == expr_kind::GeneratorExp;
  }
  expr* elt;
  list<comprehension*> generators;
};
struct ListComp : ElementComp {
  ASYNCRACE_AST_KIND(expr, ListComp)
};
struct SetComp : ElementComp {
  ASYNCRACE_AST_KIND(expr, SetComp)
};
struct GeneratorExp : ElementComp {
  ASYNCRACE_AST_KIND(expr, GeneratorExp)
};
struct DictComp : expr {
  ASYNCRACE_AST_KIND(expr, DictComp)
  expr* key;
  expr* value;
  list<comprehension*> generators;
};
struct Await : expr {
  ASYNCRACE_AST_KIND(expr, Await)
  expr* value;
};
struct Yield : expr {
  ASYNCRACE_AST_KIND(expr, Yield)
  expr* value;  // nullptr for a bare `yield`
};
struct YieldFrom : expr {
  ASYNCRACE_AST_KIND(expr, YieldFrom)
  expr* value;
};
struct Compare : expr {  // left ops[0] comparators[0] ops[1] comparators[1] ...
  ASYNCRACE_AST_KIND(expr, Compare)
  expr* left;
  list<cmpop> ops;
  list<expr*> comparators;
};
struct Call : expr {
  ASYNCRACE_AST_KIND(expr, Call)
  expr* func;
  list<expr*> args;  // a `*iterable` argument is a Starred
  list<keyword*> keywords;
};
// One `{value!conversion:format_spec}` of an f-string.
struct FormattedValue : expr {
  ASYNCRACE_AST_KIND(expr, FormattedValue)
  expr* value;
  int conversion;      // -1 none, 's' (115), 'r' (114), 'a' (97), as CPython stores it
  expr* format_spec;   // a JoinedStr, or nullptr
};
struct JoinedStr : expr {  // an f-string: Constant (str) and FormattedValue parts
  ASYNCRACE_AST_KIND(expr, JoinedStr)
  list<expr*> values;
};

// What a Constant holds. Small ints are parsed; an int literal beyond int64 keeps its digits so
// the runtime can build the exact big int.
enum class constant_kind : std::uint8_t { None, True, False, Ellipsis, Int, BigInt, Float, Complex, Str, Bytes };

struct Constant : expr {
  ASYNCRACE_AST_KIND(expr, Constant)
  constant_kind value_kind;
  bool u_prefix = false;       // a u'...' literal: CPython's kind='u'
  std::uint8_t base = 10;      // BigInt: 10, 16, 8 or 2
  std::int64_t int_value = 0;  // Int
  double float_value = 0;      // Float; Complex: the imaginary part (the real part is 0)
  std::string_view text;       // Str: UTF-8; Bytes: the raw bytes; BigInt: digits, no prefix or '_'
};

struct Attribute : expr {  // value.attr
  ASYNCRACE_AST_KIND(expr, Attribute)
  expr* value;
  std::string_view attr;
  expr_context ctx;
};
struct Subscript : expr {  // value[slice]
  ASYNCRACE_AST_KIND(expr, Subscript)
  expr* value;
  expr* slice;  // a Slice, a Tuple (of Slices and expressions) or any expression
  expr_context ctx;
};
struct Starred : expr {  // *value
  ASYNCRACE_AST_KIND(expr, Starred)
  expr* value;
  expr_context ctx;
};
struct Name : expr {
  ASYNCRACE_AST_KIND(expr, Name)
  std::string_view id;
  expr_context ctx;
};
struct List : expr {
  ASYNCRACE_AST_KIND(expr, List)
  list<expr*> elts;
  expr_context ctx;
};
struct Tuple : expr {
  ASYNCRACE_AST_KIND(expr, Tuple)
  list<expr*> elts;
  expr_context ctx;
};
struct Slice : expr {  // lower:upper:step, each optional
  ASYNCRACE_AST_KIND(expr, Slice)
  expr* lower;
  expr* upper;
  expr* step;
};

// ---------------------------------------------------------------------------------------------
// Helpers of definitions, calls, imports and comprehensions

struct arg {
  std::string_view name;  // CPython's field `arg`
  expr* annotation;       // or nullptr
  position pos;
};

// A def's or lambda's parameters: posonlyargs / args / *vararg / kwonlyargs / **kwarg.
struct arguments {
  list<arg*> posonlyargs;
  list<arg*> args;
  arg* vararg;                // or nullptr
  list<arg*> kwonlyargs;
  list<expr*> kw_defaults;    // one per kwonlyarg; nullptr where it has no default
  arg* kwarg;                 // or nullptr
  list<expr*> defaults;       // for the last len(defaults) of posonlyargs + args
};

struct keyword {  // arg=value, or **value when arg is empty
  std::string_view arg;  // empty for **value
  expr* value;
  position pos;
};

struct alias {  // import name as asname
  std::string_view name;    // dotted, or "*"
  std::string_view asname;  // empty when absent
  position pos;
};

struct comprehension {  // [async] for target in iter if ifs...
  expr* target;
  expr* iter;
  list<expr*> ifs;
  bool is_async;
};

// ---------------------------------------------------------------------------------------------
// Statements

enum class stmt_kind : std::uint8_t {
  FunctionDef, AsyncFunctionDef, ClassDef, Return, Delete, Assign, AugAssign, AnnAssign, For,
  AsyncFor, While, If, With, AsyncWith, Raise, Try, TryStar, Assert, Import, ImportFrom, Global,
  Nonlocal, Expr, Pass, Break, Continue
};

struct stmt {
  stmt_kind kind;
  position pos;

  template <class T>
  T& as() {
    assert(T::matches(kind));
    return static_cast<T&>(*this);
  }
  template <class T>
  const T& as() const {
    assert(T::matches(kind));
    return static_cast<const T&>(*this);
  }
  template <class T>
  bool is() const { return T::matches(kind); }
};

// FunctionDef and AsyncFunctionDef. `pos` starts at `def`/`async` (not at a decorator), as in 3.8+.
struct FunctionDef : stmt {
  static bool matches(stmt_kind k) { return k == stmt_kind::FunctionDef || k == stmt_kind::AsyncFunctionDef; }
  bool is_async() const { return kind == stmt_kind::AsyncFunctionDef; }
  std::string_view name;
  arguments* args;
  list<stmt*> body;
  list<expr*> decorator_list;
  expr* returns;  // or nullptr
};
struct ClassDef : stmt {
  ASYNCRACE_AST_KIND(stmt, ClassDef)
  std::string_view name;
  list<expr*> bases;
  list<keyword*> keywords;
  list<stmt*> body;
  list<expr*> decorator_list;
};
struct Return : stmt {
  ASYNCRACE_AST_KIND(stmt, Return)
  expr* value;  // or nullptr
};
struct Delete : stmt {
  ASYNCRACE_AST_KIND(stmt, Delete)
  list<expr*> targets;  // ctx Del
};
struct Assign : stmt {  // targets[0] = targets[1] = ... = value
  ASYNCRACE_AST_KIND(stmt, Assign)
  list<expr*> targets;
  expr* value;
};
struct AugAssign : stmt {  // target op= value
  ASYNCRACE_AST_KIND(stmt, AugAssign)
  expr* target;
  binop op;
  expr* value;
};
struct AnnAssign : stmt {  // target: annotation [= value]
  ASYNCRACE_AST_KIND(stmt, AnnAssign)
  expr* target;
  expr* annotation;
  expr* value;  // or nullptr
  bool simple;  // a plain name, not parenthesised
};
struct For : stmt {  // For and AsyncFor
  static bool matches(stmt_kind k) { return k == stmt_kind::For || k == stmt_kind::AsyncFor; }
  bool is_async() const { return kind == stmt_kind::AsyncFor; }
  expr* target;
  expr* iter;
  list<stmt*> body;
  list<stmt*> orelse;
};
struct While : stmt {
  ASYNCRACE_AST_KIND(stmt, While)
  expr* test;
  list<stmt*> body;
  list<stmt*> orelse;
};
struct If : stmt {  // an elif is an If alone in the orelse
  ASYNCRACE_AST_KIND(stmt, If)
  expr* test;
  list<stmt*> body;
  list<stmt*> orelse;
};
struct withitem {
  expr* context_expr;
  expr* optional_vars;  // or nullptr
};
struct With : stmt {  // With and AsyncWith
  static bool matches(stmt_kind k) { return k == stmt_kind::With || k == stmt_kind::AsyncWith; }
  bool is_async() const { return kind == stmt_kind::AsyncWith; }
  list<withitem*> items;
  list<stmt*> body;
};
struct Raise : stmt {
  ASYNCRACE_AST_KIND(stmt, Raise)
  expr* exc;    // or nullptr (a bare re-raise)
  expr* cause;  // `from cause`, or nullptr
};
struct excepthandler {  // CPython's ExceptHandler
  expr* type;             // or nullptr for a bare `except:`
  std::string_view name;  // empty when there is no `as name`
  list<stmt*> body;
  position pos;
};
struct Try : stmt {  // Try, and TryStar for except*
  static bool matches(stmt_kind k) { return k == stmt_kind::Try || k == stmt_kind::TryStar; }
  bool star() const { return kind == stmt_kind::TryStar; }
  list<stmt*> body;
  list<excepthandler*> handlers;
  list<stmt*> orelse;
  list<stmt*> finalbody;
};
struct Assert : stmt {
  ASYNCRACE_AST_KIND(stmt, Assert)
  expr* test;
  expr* msg;  // or nullptr
};
struct Import : stmt {
  ASYNCRACE_AST_KIND(stmt, Import)
  list<alias*> names;
};
struct ImportFrom : stmt {  // from [.*level]module import names
  ASYNCRACE_AST_KIND(stmt, ImportFrom)
  std::string_view module;  // empty for `from . import x`
  list<alias*> names;
  int level;
};
struct Global : stmt {
  ASYNCRACE_AST_KIND(stmt, Global)
  list<std::string_view> names;
};
struct Nonlocal : stmt {
  ASYNCRACE_AST_KIND(stmt, Nonlocal)
  list<std::string_view> names;
};
struct Expr : stmt {  // an expression statement
  ASYNCRACE_AST_KIND(stmt, Expr)
  expr* value;
};
struct Pass : stmt {
  ASYNCRACE_AST_KIND(stmt, Pass)
};
struct Break : stmt {
  ASYNCRACE_AST_KIND(stmt, Break)
};
struct Continue : stmt {
  ASYNCRACE_AST_KIND(stmt, Continue)
};

#undef ASYNCRACE_AST_KIND

struct Module {
  list<stmt*> body;
};

// A parsed program: its module and the arena holding every node of it.
struct tree {
  python::arena memory;
  Module* module = nullptr;
};

// Names of the enumerators as CPython spells them ("Add", "Eq", "Load", ...).
std::string_view name_of(binop op);
std::string_view name_of(unaryop op);
std::string_view name_of(cmpop op);
std::string_view name_of(boolop op);
std::string_view name_of(expr_context ctx);
std::string_view name_of(expr_kind k);
std::string_view name_of(stmt_kind k);

}  // namespace asyncrace::python::ast
