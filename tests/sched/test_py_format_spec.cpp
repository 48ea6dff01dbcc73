// The format-spec engine against what CPython 3.11's format() gives for the same values and specs
// (format_spec_expectations.txt, written by generate_format_spec_expectations.py).
#include <doctest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "pyrt/py_exception.hpp"
#include "pyrt/py_format_spec.hpp"

using namespace asyncrace;

namespace {

std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  for (std::size_t tab; (tab = line.find('\t', start)) != std::string::npos; start = tab + 1)
    parts.push_back(line.substr(start, tab - start));
  parts.push_back(line.substr(start));
  return parts;
}

std::string formatted(const std::string& kind, const std::string& value, const std::string& spec) {
  try {
    if (kind == "i") return py_format(static_cast<std::int64_t>(std::stoll(value)), spec);
    if (kind == "f") return py_format(std::strtod(value.c_str(), nullptr), spec);
    return py_format(std::string_view(value), spec);
  } catch (const py_exception& e) {
    return "!" + e.python_text();
  }
}

}  // namespace

TEST_CASE("format(value, spec) equals CPython's for ints, floats and strs") {
  std::ifstream in(ASYNCRACE_SOURCE_DIR "/tests/sched/format_spec_expectations.txt", std::ios::binary);
  REQUIRE(in);
  std::string line;
  int checked = 0, differing = 0;
  while (std::getline(in, line)) {
    const auto parts = split_tabs(line);
    REQUIRE(parts.size() == 4);
    const std::string got = formatted(parts[0], parts[1], parts[2]);
    if (got != parts[3] && ++differing <= 30)
      FAIL_CHECK("format(" << parts[0] << " " << parts[1] << ", '" << parts[2] << "') gave '" << got
                           << "', CPython '" << parts[3] << "'");
    ++checked;
  }
  CHECK(differing == 0);
  CHECK(checked > 10000);
}

TEST_CASE("format specs: the tutorials' fixed-point and padding") {
  CHECK(py_format(2.0049, ".2f") == "2.00");
  CHECK(py_format(std::int64_t{5}, ">3") == "  5");
  CHECK(py_format(std::string_view("Task"), "<6") == "Task  ");
}
