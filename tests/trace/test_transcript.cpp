// Transcripts written exactly as Python's json.dumps({"t": round(t, 6), "text": line}) writes them.
#include <doctest.h>

#include "trace/transcript.hpp"

using namespace asyncrace;

namespace {
std::string one(double t, std::string text, output_stream s = output_stream::out) {
  return trace::to_jsonl(trace::output_line{t, 1, s, std::move(text)});
}
}  // namespace

TEST_CASE("times are rounded to the microsecond and printed as Python floats") {
  CHECK(one(0.0, "x") == R"({"t": 0.0, "text": "x"})");
  CHECK(one(1.0, "x") == R"({"t": 1.0, "text": "x"})");
  CHECK(one(0.1 + 0.2, "x") == R"({"t": 0.3, "text": "x"})");
  CHECK(one(1.0000004999, "x") == R"({"t": 1.0, "text": "x"})");
  CHECK(one(2.0000015, "x") == R"({"t": 2.000002, "text": "x"})");
  CHECK(one(0.145 * 3, "x") == R"({"t": 0.435, "text": "x"})");
}

TEST_CASE("strings are escaped as json.dumps does with ensure_ascii") {
  CHECK(one(0, "say \"hi\"\\") == R"({"t": 0.0, "text": "say \"hi\"\\"})");
  CHECK(one(0, "\x1b[31mred\x1b[0m") == R"({"t": 0.0, "text": "\u001b[31mred\u001b[0m"})");
  CHECK(one(0, "tab\there") == R"({"t": 0.0, "text": "tab\there"})");
  CHECK(one(0, "caf\xc3\xa9 \xe2\x98\x95") == R"({"t": 0.0, "text": "caf\u00e9 \u2615"})");
  CHECK(one(0, "\xf0\x9f\x90\x8d") == R"({"t": 0.0, "text": "\ud83d\udc0d"})");
}

TEST_CASE("warnings and exceptions name their stream") {
  CHECK(one(1, "RuntimeWarning: x", output_stream::warning) ==
        R"({"t": 1.0, "text": "RuntimeWarning: x", "stream": "warning"})");
  CHECK(one(1, "TypeError: y", output_stream::exception) ==
        R"({"t": 1.0, "text": "TypeError: y", "stream": "exception"})");
}

TEST_CASE("text format: a time column, then the line") {
  trace::recording r;
  r.output(1, output_stream::out, "Work complete 10", 1.0);
  r.output(1, output_stream::warning, "careful", 1.5);
  CHECK(trace::to_text(r) == "  1.000000  Work complete 10\n  1.500000  [warning] careful\n");
}

TEST_CASE("json_quote is the escaping the transcripts use") {
  CHECK(trace::json_quote("a\"b\n\x01") == R"("a\"b\n\u0001")");
  CHECK(trace::json_quote("") == R"("")");
}
