#include "loop/bulk_memory.hpp"

#include "loop/address_sanitizer.hpp"
#include "loop/slab_source.hpp"

namespace asyncrace::detail {
namespace {
constexpr std::size_t huge_page = slab_source::slab_size;  // 2 MB where slab_source::huge_pages

std::size_t mapped_size(std::size_t bytes) { return (bytes + huge_page - 1) / huge_page * huge_page; }
}  // namespace

bool bulk_mapped(std::size_t bytes) {
  return !ASYNCRACE_ADDRESS_SANITIZER && slab_source::huge_pages && bytes >= huge_page;
}

void* bulk_allocate(std::size_t bytes) {
  if (!bulk_mapped(bytes)) return ::operator new(bytes);
  return map_huge_pages(mapped_size(bytes));
}

void bulk_deallocate(void* p, std::size_t bytes) noexcept {
  if (!bulk_mapped(bytes)) {
    ::operator delete(p);
    return;
  }
  unmap_huge_pages(p, mapped_size(bytes));
}

}  // namespace asyncrace::detail
