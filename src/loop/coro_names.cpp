#include "loop/coro_names.hpp"

#include <atomic>
#include <cassert>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <unordered_map>

namespace asyncrace::detail {
namespace {

// Numbers → addresses in pages that never move, so reading takes no lock: a number reaches a
// reader only after its page and entry were written (the coroutine that carries it was handed
// over). 2^22 names at most: a program has a few hundred coroutine functions, and each run of
// the interpreter adds its own (past the last page, a name reads as "").
constexpr std::uint32_t page_size = 4096;
constexpr std::uint32_t pages = 1024;

struct table {
  std::mutex lock;
  std::unordered_map<const char*, std::uint32_t> numbers;
  std::atomic<const char**> by_number[pages] = {};
  std::uint32_t next = 1;  // 0 is null
};

table& names() {
  static table* t = new table;  // never destroyed: frames may die during static destruction
  return *t;
}

}  // namespace

std::uint32_t coro_name_number(const char* name) {
  if (!name) return 0;
  // What this thread numbered lately, by address: a program's few coroutine functions (a million
  // sleepers, a chain of three functions awaiting each other) take no lock after the first.
  struct seen {
    const char* name;
    std::uint32_t number;
  };
  thread_local seen cache[64] = {};
  const std::uint64_t address = reinterpret_cast<std::uintptr_t>(name);
  seen& c = cache[static_cast<std::size_t>((address * 0x9E3779B97F4A7C15u) >> 58)];  // 6 bits
  if (c.name == name) return c.number;
  table& t = names();
  std::lock_guard<std::mutex> hold(t.lock);
  auto [at, added] = t.numbers.try_emplace(name, t.next);
  if (added) {
    const std::uint32_t n = t.next;
    if (n / page_size >= pages) {
      t.numbers.erase(at);
      return 0;
    }
    std::atomic<const char**>& page = t.by_number[n / page_size];
    if (!page.load(std::memory_order_relaxed)) page.store(new const char*[page_size], std::memory_order_release);
    page.load(std::memory_order_relaxed)[n % page_size] = name;
    ++t.next;
  }
  c = {name, at->second};
  return at->second;
}

const char* coro_name(std::uint32_t number) {
  if (number == 0) return "";
  const char** page = names().by_number[number / page_size].load(std::memory_order_acquire);
  assert(page);
  return page[number % page_size];
}

std::uint32_t coro_names_numbered() {
  table& t = names();
  std::lock_guard<std::mutex> hold(t.lock);
  return t.next - 1;
}

}  // namespace asyncrace::detail
