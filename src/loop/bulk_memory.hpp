// Storage for the scheduler's big arrays (the unfinished Tasks, a gather's children, the timers'
// heap and free slots): at a million tasks each is megabytes, filled for the first time in one run.
// From malloc such an array comes in 4 KiB pages, each its own page fault; on Linux a request of
// 2 MB or more gets a mapping of its own in transparent huge pages instead (as the frame pool's
// slabs do), a fault per 2 MB. Smaller requests, and every request elsewhere (wasm) and under
// AddressSanitizer, are plain operator new.
#pragma once

#include <cstddef>
#include <new>
#include <vector>

namespace asyncrace {
namespace detail {

// Whether a request of `bytes` gets a mapping of its own in huge pages.
bool bulk_mapped(std::size_t bytes);
void* bulk_allocate(std::size_t bytes);
// `bytes` must be what the block was allocated with.
void bulk_deallocate(void* p, std::size_t bytes) noexcept;

}  // namespace detail

template <class T>
struct bulk_allocator {
  using value_type = T;
  static_assert(alignof(T) <= __STDCPP_DEFAULT_NEW_ALIGNMENT__);

  bulk_allocator() = default;
  template <class U>
  bulk_allocator(const bulk_allocator<U>&) noexcept {}

  T* allocate(std::size_t n) {
    if (n > static_cast<std::size_t>(-1) / sizeof(T)) throw std::bad_array_new_length();
    return static_cast<T*>(detail::bulk_allocate(n * sizeof(T)));
  }
  void deallocate(T* p, std::size_t n) noexcept { detail::bulk_deallocate(p, n * sizeof(T)); }

  template <class U>
  bool operator==(const bulk_allocator<U>&) const noexcept { return true; }
};

template <class T>
using bulk_vector = std::vector<T, bulk_allocator<T>>;

}  // namespace asyncrace
