// The records of parser_expectations.txt (written by generate_ast_expectations.py from CPython 3.11).
#pragma once

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace asyncrace::python::testing {

struct front_expectation {
  std::string kind;       // "ok", "error" or "scopes"
  bool ok = false;        // parses: `expected` is ast.dump(tree, include_attributes=True)
  std::string source;
  std::string expected;   // or "type\tlineno\toffset\tmsg"
};

inline std::vector<front_expectation> read_front_expectations(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string all = buffer.str();
  std::vector<front_expectation> out;
  std::size_t i = 0;
  while (i < all.size()) {
    const std::size_t header_end = all.find('\n', i);
    const std::string header = all.substr(i, header_end - i);
    front_expectation e;
    e.kind = header.substr(2, header.find(' ') - 2);
    e.ok = e.kind == "ok";
    const std::size_t n = std::stoul(header.substr(header.find(' ') + 1));
    e.source = all.substr(header_end + 1, n);
    const std::size_t line_start = header_end + 1 + n + 1;
    const std::size_t line_end = all.find('\n', line_start);
    e.expected = all.substr(line_start, line_end - line_start);
    out.push_back(std::move(e));
    i = line_end + 1;
  }
  return out;
}

}  // namespace asyncrace::python::testing
