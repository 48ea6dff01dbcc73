#include "parser.hpp"

namespace asyncrace::python {

std::unique_ptr<ast::tree> parse(const source_file& source, const parse_options&) {
  syntax_error e;
  e.message = "asyncrace's parser is not written yet";
  e.line = source.line_count() ? 1 : 0;
  throw e;
}

}  // namespace asyncrace::python
