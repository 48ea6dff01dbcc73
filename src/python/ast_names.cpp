// The enumerators' names as CPython's ast module spells them.
#include "ast.hpp"

namespace asyncrace::python::ast {

std::string_view name_of(binop op) {
  static constexpr std::string_view names[] = {"Add",    "Sub",   "Mult",  "MatMult", "Div",
                                               "Mod",    "Pow",   "LShift", "RShift", "BitOr",
                                               "BitXor", "BitAnd", "FloorDiv"};
  return names[static_cast<int>(op)];
}
std::string_view name_of(unaryop op) {
  static constexpr std::string_view names[] = {"Invert", "Not", "UAdd", "USub"};
  return names[static_cast<int>(op)];
}
std::string_view name_of(cmpop op) {
  static constexpr std::string_view names[] = {"Eq", "NotEq", "Lt", "LtE", "Gt",
                                               "GtE", "Is", "IsNot", "In", "NotIn"};
  return names[static_cast<int>(op)];
}
std::string_view name_of(boolop op) { return op == boolop::And ? "And" : "Or"; }
std::string_view name_of(expr_context ctx) {
  static constexpr std::string_view names[] = {"Load", "Store", "Del"};
  return names[static_cast<int>(ctx)];
}
std::string_view name_of(expr_kind k) {
  static constexpr std::string_view names[] = {
      "BoolOp",       "NamedExpr", "BinOp",     "UnaryOp", "Lambda",         "IfExp",     "Dict",
      "Set",          "ListComp",  "SetComp",   "DictComp", "GeneratorExp",  "Await",     "Yield",
      "YieldFrom",    "Compare",   "Call",      "FormattedValue", "JoinedStr", "Constant", "Attribute",
      "Subscript",    "Starred",   "Name",      "List",    "Tuple",          "Slice"};
  return names[static_cast<int>(k)];
}
std::string_view name_of(stmt_kind k) {
  static constexpr std::string_view names[] = {
      "FunctionDef", "AsyncFunctionDef", "ClassDef", "Return", "Delete",  "Assign",   "AugAssign",
      "AnnAssign",   "For",              "AsyncFor", "While",  "If",      "With",     "AsyncWith",
      "Raise",       "Try",              "TryStar",  "Assert", "Import",  "ImportFrom", "Global",
      "Nonlocal",    "Expr",             "Pass",     "Break",  "Continue"};
  return names[static_cast<int>(k)];
}

}  // namespace asyncrace::python::ast
