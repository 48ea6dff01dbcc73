#include "loop/frame_pool.hpp"

#include <mutex>
#include <new>
#include <utility>

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

// A slab's first granule links it to the slab allocated before it.
struct slab_header {
  slab_header* previous;
};
static_assert(sizeof(slab_header) <= granule);

// One pool for the process. The scheduler runs on one thread, but frames, Tasks and their
// futures may be freed on another (a session handed over), so it is locked: uncontended, that
// is cheap, and it keeps "no block in use anywhere" a fact the pool can act on.
struct pool {
  std::mutex lock;
  free_block* free[classes + 1] = {};
  char* next = nullptr;  // unused space in the newest slab
  char* end = nullptr;
  slab_header* newest = nullptr;
  std::size_t live = 0;  // blocks in use

  // With no block in use, every slab goes back to the system: a run of a million tasks must not
  // keep its memory from whatever comes next (the lanes of its trace, say).
  void release_all() noexcept {
    while (newest) ::operator delete(static_cast<void*>(std::exchange(newest, newest->previous)));
    for (free_block*& f : free) f = nullptr;
    next = end = nullptr;
  }
};
// Never destroyed: blocks may be freed during static destruction (a static that owns a session).
pool& the_pool() {
  static pool* p = new pool;
  return *p;
}
}  // namespace

void* pool_allocate(std::size_t size) {
  const std::size_t c = (size + granule - 1) / granule;
  if (!ASYNCRACE_POOL || c > classes) return ::operator new(size);
  pool& p = the_pool();
  std::lock_guard<std::mutex> hold(p.lock);
  ++p.live;
  if (free_block* b = p.free[c]) {
    p.free[c] = b->next;
    return b;
  }
  const std::size_t bytes = c * granule;
  if (static_cast<std::size_t>(p.end - p.next) < bytes) {
    // The rest of the previous slab (less than one block) stays unused.
    char* slab = static_cast<char*>(::operator new(slab_size));
    p.newest = new (slab) slab_header{p.newest};
    p.next = slab + granule;
    p.end = slab + slab_size;
  }
  void* block = p.next;
  p.next += bytes;
  return block;
}

void pool_deallocate(void* block, std::size_t size) noexcept {
  const std::size_t c = (size + granule - 1) / granule;
  if (!ASYNCRACE_POOL || c > classes) {
    ::operator delete(block);
    return;
  }
  pool& p = the_pool();
  std::lock_guard<std::mutex> hold(p.lock);
  auto* b = static_cast<free_block*>(block);
  b->next = p.free[c];
  p.free[c] = b;
  if (--p.live == 0) p.release_all();
}

}  // namespace asyncrace::detail
