#include "program/py_process.hpp"

#include <memory>
#include <utility>

#include "program/program.hpp"

namespace asyncrace {

module_state::module_state() = default;
module_state::~module_state() = default;

detail::py_process& module_state::process() {
  if (!process_) process_ = std::make_unique<detail::py_process>();
  return *process_;
}

detail::py_process& detail::current_process() {
  // Outside a program (unit tests, conformance scenarios) one process per thread serves.
  thread_local py_process outside;
  module_state* m = module_state::current();
  return m ? m->process() : outside;
}

bytes os::urandom(std::size_t n) {
  py_random& stream = detail::current_process().urandom;
  std::string data(n, '\0');
  for (char& b : data) b = static_cast<char>(stream.getrandbits(8));
  return bytes(std::move(data));
}

}  // namespace asyncrace
