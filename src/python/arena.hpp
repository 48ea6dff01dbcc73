// The memory a parse result lives in: nodes, child lists and decoded strings are bump-allocated in
// blocks and freed all at once with the tree, so parsing does one allocation per 64 KiB rather
// than one per node. Everything placed here must be trivially destructible (no destructor runs).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <new>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace asyncrace::python {

class arena {
 public:
  arena() = default;
  arena(const arena&) = delete;
  arena& operator=(const arena&) = delete;

  void* allocate(std::size_t size, std::size_t align) {
    std::uintptr_t p = (reinterpret_cast<std::uintptr_t>(next_) + align - 1) & ~(align - 1);
    if (next_ == nullptr || p + size > reinterpret_cast<std::uintptr_t>(end_)) {
      grow(size + align);
      p = (reinterpret_cast<std::uintptr_t>(next_) + align - 1) & ~(align - 1);
    }
    next_ = reinterpret_cast<std::byte*>(p + size);
    return reinterpret_cast<void*>(p);
  }

  template <class T, class... Args>
  T* make(Args&&... args) {
    static_assert(std::is_trivially_destructible_v<T>, "arena objects are never destroyed");
    return new (allocate(sizeof(T), alignof(T))) T{std::forward<Args>(args)...};
  }

  // n default-initialised T's (uninitialised for trivial T).
  template <class T>
  T* make_array(std::size_t n) {
    static_assert(std::is_trivially_destructible_v<T>, "arena objects are never destroyed");
    return n == 0 ? nullptr : static_cast<T*>(allocate(sizeof(T) * n, alignof(T)));
  }

  // A copy of `s` that lives as long as the arena.
  std::string_view copy(std::string_view s) {
    if (s.empty()) return {};
    char* p = static_cast<char*>(allocate(s.size(), 1));
    std::memcpy(p, s.data(), s.size());
    return {p, s.size()};
  }

  std::size_t bytes_reserved() const { return reserved_; }

 private:
  // Blocks double from 4 KiB to 64 KiB: a short program costs one small block, a long one few.
  // (Not make_unique<std::byte[]>: it would zero every block.)
  void grow(std::size_t at_least) {
    next_block_ = next_block_ < block_size ? next_block_ * 2 : block_size;
    const std::size_t size = at_least > next_block_ ? at_least : next_block_;
    blocks_.push_back(std::unique_ptr<std::byte[]>(new std::byte[size]));
    next_ = blocks_.back().get();
    end_ = next_ + size;
    reserved_ += size;
  }

  static constexpr std::size_t block_size = 64 * 1024;
  std::size_t next_block_ = 2 * 1024;
  std::vector<std::unique_ptr<std::byte[]>> blocks_;
  std::byte* next_ = nullptr;
  std::byte* end_ = nullptr;
  std::size_t reserved_ = 0;
};

}  // namespace asyncrace::python
