#include "loop/frame_pool.hpp"

#include "loop/slab_source.hpp"

#include <atomic>
#include <cstdint>
#include <mutex>
#include <new>
#include <utility>

#include "loop/address_sanitizer.hpp"

#define ASYNCRACE_POOL (!ASYNCRACE_ADDRESS_SANITIZER)

namespace asyncrace::detail {
namespace {
// Size classes 8 bytes apart, natively too. operator new promises alignof(std::max_align_t)
// (16 natively), but only a type whose size is a multiple of 16 can need it: a type's size is a
// multiple of its alignment. So a block whose size is a multiple of `strict` is carved at such an
// address, and any other block at a multiple of 8: the sleeper's 88-byte frame no longer takes 96.
constexpr std::size_t granule = 8;
constexpr std::size_t strict = alignof(std::max_align_t);
static_assert(strict % granule == 0);
// Pooled sizes: up to 1 KB. The interpreter's frame driver (python/coroutine.cpp's drive_frame)
// is a coroutine of 584 bytes natively: with the limit at 512 bytes every Python coroutine and
// Task went to malloc.
constexpr std::size_t largest_pooled = 1024;
constexpr std::size_t classes = largest_pooled / granule;
// The smallest block holds a free_block.
constexpr std::size_t smallest_class = (2 * sizeof(void*) + granule - 1) / granule;
constexpr std::size_t slab_size = slab_source::slab_size;

struct arena;

struct free_block {
  free_block* next;
  std::size_t size_class;  // read only for blocks handed back by another thread
};

// A slab's first `strict` bytes name its arena.
struct slab_header {
  arena* owner;
};
static_assert(sizeof(slab_header) <= strict);

struct arena {
  free_block* free[classes + 1] = {};
  char* next = nullptr;  // unused space in the newest slab
  char* end = nullptr;
  slab_source slabs;
  std::size_t live = 0;  // blocks in use, counting those handed back but not yet taken back

  // Blocks freed on other threads; `shared` arenas (see below) do everything under this lock.
  std::mutex lock;
  free_block* handed_back = nullptr;
  std::atomic<bool> has_handed_back{false};
  // Every access takes `lock`: an arena whose thread has ended (freed when its last block is),
  // or the fallback for allocations on a thread whose own arena is gone (never freed).
  bool shared = false;

  void* allocate(std::size_t c) {
    // Only an arena that is not shared has blocks handed back (a shared one, which allocates
    // under `lock`, takes its frees directly), so take_back never locks a second time.
    if (!free[c] && has_handed_back.load(std::memory_order_acquire)) take_back();
    ++live;
    if (free_block* b = free[c]) {
      free[c] = b->next;
      return b;
    }
    const std::size_t bytes = c * granule;
    // (Blocks of one size mostly come in runs, a million frames then a million Tasks: the padding
    // is rare.)
    if (bytes % strict == 0) next += (strict - reinterpret_cast<std::uintptr_t>(next) % strict) % strict;
    if (next > end || static_cast<std::size_t>(end - next) < bytes) {
      // The rest of the previous slab (less than one block) stays unused.
      char* slab = static_cast<char*>(slabs.take());
      new (slab) slab_header{this};
      next = slab + strict;
      end = slab + slab_size;
    }
    void* block = next;
    next += bytes;
    return block;
  }

  // Returns true when the arena has no block in use any more.
  bool deallocate(void* block, std::size_t c) noexcept {
    auto* b = static_cast<free_block*>(block);
    b->next = free[c];
    free[c] = b;
    if (--live > 0) return false;
    release_all();
    return true;
  }

  void hand_back(void* block, std::size_t c) noexcept {
    auto* b = static_cast<free_block*>(block);
    b->size_class = c;
    b->next = handed_back;
    handed_back = b;
    has_handed_back.store(true, std::memory_order_release);
  }

  void take_back() noexcept {
    free_block* b;
    {
      std::lock_guard<std::mutex> hold(lock);
      b = take_handed_back();
    }
    put_back(b);
  }
  // Under `lock`.
  free_block* take_handed_back() noexcept {
    has_handed_back.store(false, std::memory_order_relaxed);
    return std::exchange(handed_back, nullptr);
  }
  void put_back(free_block* b) noexcept {
    while (b) {
      free_block* following = b->next;
      const std::size_t c = b->size_class;
      b->next = free[c];
      free[c] = b;
      --live;
      b = following;
    }
  }

  // With no block in use, every slab goes back to the system: a run of a million tasks must not
  // keep its memory from whatever comes next (the lanes of its trace, say).
  void release_all() noexcept {
    slabs.release_all();
    for (free_block*& f : free) f = nullptr;
    next = end = nullptr;
  }
};

arena& slab_owner(void* block) {
  const auto slab = reinterpret_cast<std::uintptr_t>(block) & ~(slab_size - 1);
  return *reinterpret_cast<slab_header*>(slab)->owner;
}

// The calling thread's arena (trivially destructible, so it is readable at any time), and the
// object whose destruction at the thread's end gives the arena up.
thread_local arena* mine = nullptr;
thread_local bool mine_ended = false;

struct arena_ender {
  ~arena_ender() {
    arena* a = std::exchange(mine, nullptr);
    mine_ended = true;
    if (!a) return;
    bool empty;
    {
      std::lock_guard<std::mutex> hold(a->lock);
      a->put_back(a->take_handed_back());
      a->shared = true;  // from now on only other threads free its blocks, under the lock
      empty = a->live == 0;
      if (empty) a->release_all();
    }
    if (empty) delete a;
  }
};

// Allocations after the thread's own arena ended (static destructors on the main thread).
arena& fallback_arena() {
  static arena* a = [] {
    auto* made = new arena;
    made->shared = true;
    return made;
  }();
  return *a;
}

arena* adopt_arena() {
  if (mine_ended) return &fallback_arena();
  thread_local arena_ender ender;  // registers the thread-exit hook once
  mine = new arena;
  return mine;
}
}  // namespace

namespace {
std::size_t size_class(std::size_t size) {
  const std::size_t c = (size + granule - 1) / granule;
  return c < smallest_class ? smallest_class : c;
}
}  // namespace

void* pool_allocate(std::size_t size) {
  const std::size_t c = size_class(size);
  if (!ASYNCRACE_POOL || c > classes) return ::operator new(size);
  arena* a = mine;
  if (!a) a = adopt_arena();
  if (!a->shared) return a->allocate(c);
  std::lock_guard<std::mutex> hold(a->lock);
  return a->allocate(c);
}

void pool_deallocate(void* block, std::size_t size) noexcept {
  const std::size_t c = size_class(size);
  if (!ASYNCRACE_POOL || c > classes) {
    ::operator delete(block);
    return;
  }
  arena& owner = slab_owner(block);
  if (&owner == mine) {
    owner.deallocate(block, c);
    return;
  }
  bool emptied = false;
  {
    std::lock_guard<std::mutex> hold(owner.lock);
    if (!owner.shared)
      owner.hand_back(block, c);
    else
      emptied = owner.deallocate(block, c) && &owner != &fallback_arena();
  }
  if (emptied) delete &owner;  // its thread has ended and this was its last block
}

}  // namespace asyncrace::detail
