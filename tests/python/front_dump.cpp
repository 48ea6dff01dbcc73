// front_dump FILE...: each Python file through the front end (parse, then scopes), printing
// `FILE` and then ast.dump(tree, include_attributes=True) || its scopes (scope_dump.hpp), or `Type<TAB>line<TAB>offset<TAB>msg`.
// check_front_on_programs.py compares this with CPython 3.11 for every program in the repository.
#include <fstream>
#include <iostream>
#include <sstream>

#include "python/ast_dump.hpp"
#include "python/parser.hpp"
#include "python/scopes.hpp"
#include "scope_dump.hpp"

using namespace asyncrace::python;

int main(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    std::ifstream in(argv[i], std::ios::binary);
    if (!in) {
      std::cerr << "front_dump: cannot read " << argv[i] << "\n";
      return 2;
    }
    std::stringstream text;
    text << in.rdbuf();
    std::cout << argv[i] << "\n";
    try {
      auto tree = parse(source_file(argv[i], text.str()));
      const std::string dump = ast::dump(*tree->module, true);
      const scope_table scopes = analyze_scopes(*tree);
      std::cout << dump << " || " << testing::scope_dump(scopes.module()) << "\n";
    } catch (const syntax_error& e) {
      std::cout << e.type << "\t" << e.line << "\t" << e.column << "\t" << e.message << "\n";
    }
  }
  return 0;
}
