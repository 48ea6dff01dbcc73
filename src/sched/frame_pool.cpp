#include "frame_pool.hpp"

#include <new>

#if defined(__SANITIZE_ADDRESS__)
#define ASYNCRACE_POOL 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ASYNCRACE_POOL 0
#endif
#endif
#ifndef ASYNCRACE_POOL
#define ASYNCRACE_POOL 1
#endif

namespace asyncrace::detail {
namespace {
constexpr std::size_t granule = alignof(std::max_align_t);  // what operator new guarantees
constexpr std::size_t classes = 32;                         // pooled sizes: up to 32 granules
constexpr std::size_t slab_size = 256 * 1024;

struct free_block {
  free_block* next;
};

struct pool {
  free_block* free[classes + 1] = {};
  char* next = nullptr;  // unused space in the current slab
  char* end = nullptr;
};
thread_local pool local;
}  // namespace

void* pool_allocate(std::size_t size) {
  const std::size_t c = (size + granule - 1) / granule;
  if (!ASYNCRACE_POOL || c > classes) return ::operator new(size);
  if (free_block* b = local.free[c]) {
    local.free[c] = b->next;
    return b;
  }
  const std::size_t bytes = c * granule;
  if (static_cast<std::size_t>(local.end - local.next) < bytes) {
    // The rest of the old slab is dropped (under one pooled object's size); slabs are never freed.
    local.next = static_cast<char*>(::operator new(slab_size));
    local.end = local.next + slab_size;
  }
  void* p = local.next;
  local.next += bytes;
  return p;
}

void pool_deallocate(void* p, std::size_t size) noexcept {
  const std::size_t c = (size + granule - 1) / granule;
  if (!ASYNCRACE_POOL || c > classes) {
    ::operator delete(p);
    return;
  }
  auto* b = static_cast<free_block*>(p);
  b->next = local.free[c];
  local.free[c] = b;
}

}  // namespace asyncrace::detail
