// Syntax colouring for the source panels.
#include <doctest.h>

#include <string>
#include <string_view>

#include "ui/syntax.hpp"

using namespace asyncrace::ui;

namespace {

// The line with each run's kind spelled out: "[k:async] [p: ] ..." for easy comparison.
std::string spell(std::string_view line, language lang) {
  std::string out;
  std::size_t at = 0;
  for (const token& t : tokenize_line(line, lang)) {
    CHECK(t.begin == at);  // runs cover the line exactly, in order
    at = t.end;
    const char kind = "pkscnd"[static_cast<int>(t.kind)];
    if (t.kind == token_kind::plain) continue;
    out += std::string("[") + kind + ":" + std::string(line.substr(t.begin, t.end - t.begin)) + "]";
  }
  CHECK(at == line.size());
  return out;
}

}  // namespace

TEST_CASE("python: keywords, strings, numbers, comments") {
  CHECK(spell("    await asyncio.sleep(1)", language::python) == "[k:await][n:1]");
  CHECK(spell("print(\"Starting work\",num)  # go", language::python) == "[s:\"Starting work\"][c:# go]");
  CHECK(spell("async def do_some_work(num):", language::python) == "[k:async][k:def]");
  CHECK(spell("x = 'a\\'b' + num2", language::python) == "[s:'a\\'b']");
}

TEST_CASE("c++: keywords, preprocessor, comments, digit separators") {
  CHECK(spell("#include \"sched/asyncio.hpp\"", language::cpp) == "[d:#include \"sched/asyncio.hpp\"]");
  CHECK(spell("  co_await asyncio::sleep(1);  // one second", language::cpp) ==
        "[k:co_await][n:1][c:// one second]");
  CHECK(spell("int n = 1'000'000;", language::cpp) == "[k:int][n:1'000'000]");
  CHECK(spell("", language::cpp).empty());
}

TEST_CASE("an unterminated string runs to the end of the line") {
  CHECK(spell("print(\"oops", language::python) == "[s:\"oops]");
}
