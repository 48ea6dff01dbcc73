#include "program/py_process.hpp"

#include <memory>
#include <utility>
#include <vector>

#include "program/program.hpp"

namespace asyncrace {

namespace {
// One process per live program, found by its module. The module holds the process (it dies with
// the module's values at the program's exit); this list only finds it, so an entry whose module
// is gone has expired before another module can reuse the address.
struct registry {
  std::vector<std::pair<const module_state*, std::weak_ptr<detail::py_process>>> by_module;
  detail::py_process outside;  // no program runs: unit tests, conformance scenarios

  detail::py_process& of(module_state& m) {
    std::erase_if(by_module, [](const auto& entry) { return entry.second.expired(); });
    for (auto& [module, process] : by_module)
      if (module == &m) return *process.lock();
    auto process = std::make_shared<detail::py_process>();
    by_module.emplace_back(&m, process);
    m.keep([process]() mutable { process.reset(); });
    return *process;
  }
};
thread_local registry processes;
}  // namespace

detail::py_process& detail::current_process() {
  module_state* m = module_state::current();
  return m ? processes.of(*m) : processes.outside;
}

bytes os::urandom(std::size_t n) {
  py_random& stream = detail::current_process().urandom;
  std::string data(n, '\0');
  for (char& b : data) b = static_cast<char>(stream.getrandbits(8));
  return bytes(std::move(data));
}

}  // namespace asyncrace
