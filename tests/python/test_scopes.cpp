// The scope analysis against CPython 3.11's symtable module: every scope's symbols and kinds, and
// parameter order (scope_snippets.txt, expectations by generate_ast_expectations.py); then the
// compiler-facing details (slots, cells, flags) CPython's symtable does not show.
#include <doctest.h>

#include <algorithm>

#include "front_expectations.hpp"
#include "scope_dump.hpp"
#include "python/parser.hpp"
#include "python/scopes.hpp"

using namespace asyncrace::python;

namespace {
struct analysed {
  std::unique_ptr<ast::tree> tree;
  scope_table scopes;
};
analysed analyse(const std::string& src, bool top_level_await = false) {
  analysed a;
  parse_options po;
  po.allow_top_level_await = top_level_await;
  a.tree = parse(source_file("prog.py", src), po);
  scope_options so;
  so.allow_top_level_await = top_level_await;
  a.scopes = analyze_scopes(*a.tree, so);
  return a;
}
}  // namespace

TEST_CASE("scopes: every name's kind equals CPython 3.11's symtable") {
  const auto records = testing::read_front_expectations(ASYNCRACE_SOURCE_DIR "/tests/python/parser_expectations.txt");
  int compared = 0;
  for (const auto& r : records) {
    if (r.kind != "scopes") continue;
    INFO("source:\n" << r.source);
    std::string got;
    try {
      got = testing::scope_dump(analyse(r.source).scopes.module());
    } catch (const syntax_error& e) {
      got = e.message;
    }
    CHECK(got == r.expected);
    ++compared;
  }
  CHECK(compared >= 20);
  MESSAGE(compared << " programs' scopes compared with CPython's symtable");
}

TEST_CASE("scopes: slots — parameters first, cells among locals, frees by closure index") {
  auto a = analyse("def f(a, b, *c, d, **e):\n    x = 1\n    def g():\n        return a + x\n    return g\n");
  const scope& f = *a.scopes.module().children[0];
  REQUIRE(f.parameter_count == 5);
  CHECK(std::vector<std::string_view>(f.locals.begin(), f.locals.end()) ==
        std::vector<std::string_view>{"a", "b", "d", "c", "e", "x", "g"});
  CHECK(f.cellvars == std::vector<std::string_view>{"a", "x"});
  CHECK(f.find("a")->kind == name_kind::cell);
  CHECK(f.find("a")->slot == 0);
  CHECK(f.find("x")->slot == 5);
  const scope& g = *f.children[0];
  CHECK(g.freevars == std::vector<std::string_view>{"a", "x"});
  CHECK(g.find("x")->kind == name_kind::free);
  CHECK(g.find("x")->slot == 1);
  CHECK(a.scopes.module().find("f")->slot == -1);  // module names live in the module's dict
  CHECK(a.scopes.of(a.tree->module->body[0]) == &f);
}

TEST_CASE("scopes: generator, coroutine and async generator flags, the class cell") {
  auto a = analyse(
      "def gen():\n    yield 1\n"
      "async def co():\n    await x\n"
      "async def agen():\n    yield 1\n"
      "class C:\n    def m(self):\n        return super().m()\n");
  const auto& kids = a.scopes.module().children;
  CHECK(kids[0]->is_generator);
  CHECK_FALSE(kids[0]->is_coroutine);
  CHECK(kids[1]->is_coroutine);
  CHECK_FALSE(kids[1]->is_generator);
  CHECK(kids[2]->is_async_generator);
  CHECK(kids[3]->needs_class_cell);
  CHECK(kids[3]->children[0]->find("__class__")->kind == name_kind::free);
  auto g = analyse("x = (i for i in y)\n");
  CHECK(g.scopes.module().children[0]->is_generator);
  CHECK(g.scopes.module().children[0]->locals[0] == ".0");
}

TEST_CASE("scopes: top-level await only when the cell allows it") {
  CHECK_THROWS_AS(analyse("await x\n"), syntax_error);
  auto a = analyse("await x\nasync for i in y:\n    pass\n", true);
  CHECK(a.scopes.module().has_top_level_await);
  auto b = analyse("[await t for t in ts]\n", true);
  CHECK(b.scopes.module().children[0]->is_coroutine);
}
