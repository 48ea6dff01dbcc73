// The parser against CPython 3.11: every snippet's tree equals ast.dump(ast.parse(src),
// include_attributes=True), and every bad snippet raises CPython's error type, message, line and
// column (tests/python/generate_ast_expectations.py wrote the expectations).
#include <doctest.h>

#include "front_expectations.hpp"
#include "python/ast_dump.hpp"
#include "python/parser.hpp"
#include "python/scopes.hpp"

using namespace asyncrace::python;

namespace {
std::string error_line(const syntax_error& e) {
  return e.type + "\t" + std::to_string(e.line) + "\t" + std::to_string(e.column) + "\t" + e.message;
}

// The tree (ast.parse runs no scope analysis), or with `scopes` the whole front end, whose scope
// errors CPython raises when it compiles.
std::string front(const std::string& src, bool& ok, bool scopes = true) {
  try {
    auto tree = parse(source_file("prog.py", src));
    if (scopes) analyze_scopes(*tree);
    ok = true;
    return ast::dump(*tree->module, true);
  } catch (const syntax_error& e) {
    ok = false;
    return error_line(e);
  }
}
}  // namespace

TEST_CASE("parser: trees and errors equal CPython 3.11's") {
  const auto records = testing::read_front_expectations(ASYNCRACE_SOURCE_DIR "/tests/python/parser_expectations.txt");
  REQUIRE(records.size() > 200);
  int trees = 0, errors = 0;
  for (const auto& r : records) {
    if (r.kind == "scopes") continue;  // test_scopes.cpp
    bool ok = false;
    const std::string got = front(r.source, ok, !r.ok);
    INFO("source:\n" << r.source);
    CHECK(ok == r.ok);
    CHECK(got == r.expected);
    (r.ok ? trees : errors) += 1;
  }
  MESSAGE(trees << " trees and " << errors << " errors compared with CPython");
}

TEST_CASE("parser: the match statement stops with a message naming it and its line") {
  bool ok = true;
  const std::string got = front("x = 1\nmatch x:\n    case 1:\n        pass\n", ok);
  CHECK_FALSE(ok);
  CHECK(got == "SyntaxError\t2\t1\tasyncrace does not support the 'match' statement (line 2)");
  CHECK(front("match = 1\nmatch(x)\nmatch.y = 2\n", ok).rfind("Module(", 0) == 0);
  CHECK(ok);
}

TEST_CASE("parser: a parse result owns its nodes, and outlives its source") {
  std::unique_ptr<ast::tree> tree;
  {
    source_file src("prog.py", "def f(x):\n    return x * 2\n");
    tree = parse(src);
  }
  REQUIRE(tree->module->body.size() == 1);
  const auto& f = tree->module->body[0]->as<ast::FunctionDef>();
  CHECK(f.name == "f");
  CHECK(f.args->args[0]->name == "x");
  CHECK(f.body[0]->as<ast::Return>().value->as<ast::BinOp>().op == ast::binop::Mult);
}

TEST_CASE("parser: deep nesting is refused with a SyntaxError, never a crash") {
  bool ok = true;
  std::string deep = "x = " + std::string(5000, '-') + "1\n";
  CHECK(front(deep, ok).find("SyntaxError") == 0);
  CHECK_FALSE(ok);
  std::string parens = "x = " + std::string(300, '(') + std::string(300, ')') + "\n";
  CHECK(front(parens, ok) == "SyntaxError\t1\t205\ttoo many nested parentheses");
}

TEST_CASE("parser: top-level await parses (notebook cells)") {
  parse_options o;
  o.allow_top_level_await = true;
  auto tree = parse(source_file("cell", "await asyncio.sleep(1)\nasync with a:\n    pass\n"), o);
  CHECK(tree->module->body[0]->as<ast::Expr>().value->kind == ast::expr_kind::Await);
  CHECK(tree->module->body[1]->kind == ast::stmt_kind::AsyncWith);
}
