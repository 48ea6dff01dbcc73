// An exception as Python names it, so an uncaught one is reported the way CPython's traceback
// ends: "TypeError: object function can't be used in 'await' expression".
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace asyncrace {

class py_exception : public std::runtime_error {
 public:
  py_exception(std::string type, const std::string& message)
      : std::runtime_error(message), type_(std::move(type)) {}
  const std::string& type() const { return type_; }
  // The last line of CPython's traceback: "Type: message" (just "Type" without a message).
  std::string python_text() const {
    std::string m = what();
    return m.empty() ? type_ : type_ + ": " + m;
  }
  // The lines CPython prints above that last line (the traceback and the chained exceptions) and
  // below it (notes), for an exception that knows its frames (the interpreter's).
  struct traceback_text {
    std::vector<std::string> above, below;
  };
  virtual traceback_text traceback() const { return {}; }

 private:
  std::string type_;
};

// asyncio.CancelledError: raised at a cancelled task's current await. (A BaseException in
// Python: `except Exception` does not catch it, so catch it by this type.)
class cancelled_error : public py_exception {
 public:
  explicit cancelled_error(const std::string& message = "") : py_exception("CancelledError", message) {}
};

// TimeoutError, as asyncio.wait_for and asyncio.timeout raise it.
class timeout_error : public py_exception {
 public:
  timeout_error() : py_exception("TimeoutError", "") {}
};

}  // namespace asyncrace
