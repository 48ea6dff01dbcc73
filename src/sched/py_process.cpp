#include "py_process.hpp"

#include <memory>
#include <utility>
#include <vector>

#include "program.hpp"

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

std::string os::bytes::hex() const {
  static constexpr char digits[] = "0123456789abcdef";
  std::string out;
  out.reserve(2 * data_.size());
  for (std::uint8_t b : data_) {
    out += digits[b >> 4];
    out += digits[b & 0xF];
  }
  return out;
}

os::bytes os::urandom(std::size_t n) {
  py_random& stream = detail::current_process().urandom;
  std::vector<std::uint8_t> data(n);
  for (std::uint8_t& b : data) b = static_cast<std::uint8_t>(stream.getrandbits(8));
  return bytes(std::move(data));
}

}  // namespace asyncrace
