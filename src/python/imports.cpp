// The import statement over the interpreter's builtin modules (there is no file system).
#include "functions.hpp"
#include "interpreter.hpp"

namespace asyncrace::python {

value import_module_for(interpreter& in, const std::string& name, const value& fromlist) {
  // Every package on the way is imported, as CPython does: `import concurrent.futures` imports
  // `concurrent` then `concurrent.futures`, and binds `concurrent` (which holds `futures`).
  value top, last;
  std::string path;
  for (std::size_t start = 0;;) {
    std::size_t dot = name.find('.', start);
    std::string part = name.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
    path += (path.empty() ? "" : ".") + part;
    value m = in.import_module(path);
    if (!last.empty()) setattr(in, last, in.intern(part), m);
    if (top.empty()) top = m;
    last = m;
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  const bool has_fromlist = !fromlist.empty() && !fromlist.is_none() && truthy(in, fromlist);
  return has_fromlist ? last : top;
}

}  // namespace asyncrace::python
