#include "loop/slab_source.hpp"

#include <algorithm>
#include <cstdint>
#include <new>

#if defined(__linux__) && !defined(__EMSCRIPTEN__)
#define ASYNCRACE_SLAB_MMAP 1
#include <sys/mman.h>
#else
#define ASYNCRACE_SLAB_MMAP 0
#endif

namespace asyncrace::detail {
namespace {
std::uintptr_t align_up(std::uintptr_t p, std::size_t to) { return (p + to - 1) & ~(std::uintptr_t{to} - 1); }
}  // namespace

#if ASYNCRACE_SLAB_MMAP
void* map_huge_pages(std::size_t bytes) {
  constexpr std::size_t align = slab_source::slab_size;
  // Map one alignment more and keep the aligned part: mmap only promises page alignment.
  void* raw = ::mmap(nullptr, bytes + align, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (raw == MAP_FAILED) throw std::bad_alloc();
  const auto begin = reinterpret_cast<std::uintptr_t>(raw);
  const std::uintptr_t aligned = align_up(begin, align);
  if (aligned > begin) ::munmap(raw, aligned - begin);
  if (const std::uintptr_t tail = begin + bytes + align - (aligned + bytes))
    ::munmap(reinterpret_cast<void*>(aligned + bytes), tail);
  ::madvise(reinterpret_cast<void*>(aligned), bytes, MADV_HUGEPAGE);
  return reinterpret_cast<void*>(aligned);
}

void unmap_huge_pages(void* p, std::size_t bytes) noexcept { ::munmap(p, bytes); }
#else
void* map_huge_pages(std::size_t) { throw std::bad_alloc(); }
void unmap_huge_pages(void*, std::size_t) noexcept {}
#endif

void* slab_source::take() {
#if ASYNCRACE_SLAB_MMAP
  void* slab = map_huge_pages(slab_size);
  owned_.push_back(slab);
  return slab;
#else
  if (region_next_ == region_end_) {
    const std::size_t slabs = std::min<std::size_t>(std::size_t{2} << std::min<std::size_t>(owned_.size(), 5), 64);
    owned_.reserve(owned_.size() + 1);
    char* raw = static_cast<char*>(::operator new((slabs + 1) * slab_size));
    owned_.push_back(raw);
    region_next_ = reinterpret_cast<char*>(align_up(reinterpret_cast<std::uintptr_t>(raw), slab_size));
    region_end_ = region_next_ + slabs * slab_size;
  }
  char* slab = region_next_;
  region_next_ += slab_size;
  return slab;
#endif
}

void slab_source::release_all() noexcept {
  for (void* p : owned_) {
#if ASYNCRACE_SLAB_MMAP
    unmap_huge_pages(p, slab_size);
#else
    ::operator delete(p);
#endif
  }
  owned_ = {};
  region_next_ = region_end_ = nullptr;
}

}  // namespace asyncrace::detail
