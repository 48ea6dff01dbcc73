#include "loop/bulk_memory.hpp"

#include "loop/slab_source.hpp"

#if defined(__SANITIZE_ADDRESS__)
#define ASYNCRACE_BULK_MMAP 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ASYNCRACE_BULK_MMAP 0
#endif
#endif
#ifndef ASYNCRACE_BULK_MMAP
#define ASYNCRACE_BULK_MMAP 1
#endif

namespace asyncrace::detail {
namespace {
constexpr std::size_t huge_page = slab_source::slab_size;  // 2 MB where slab_source::huge_pages
constexpr std::size_t mapped_from = 2 * 1024 * 1024;

std::size_t mapped_size(std::size_t bytes) { return (bytes + huge_page - 1) / huge_page * huge_page; }
}  // namespace

bool bulk_mapped(std::size_t bytes) { return ASYNCRACE_BULK_MMAP && slab_source::huge_pages && bytes >= mapped_from; }

void* bulk_allocate(std::size_t bytes) {
  if (!bulk_mapped(bytes)) return ::operator new(bytes);
  return map_huge_pages(mapped_size(bytes));
}

void bulk_deallocate(void* p, std::size_t bytes) noexcept {
  if (!p) return;
  if (!bulk_mapped(bytes)) {
    ::operator delete(p);
    return;
  }
  unmap_huge_pages(p, mapped_size(bytes));
}

}  // namespace asyncrace::detail
