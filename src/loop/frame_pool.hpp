// Free lists for the scheduler's per-task allocations (coroutine frames, Tasks, gathers): a run of
// a million tasks makes a million of each, all of a few sizes, and malloc's per-chunk header and
// bookkeeping cost more than the objects' own work.
//
// Each thread allocates from its own arena, without a lock: the loop's thread is the one that
// allocates nearly everything. A block may be freed on another thread (a real executor's worker
// creates frames the loop frees, and a session may be handed over): it then goes back to its
// arena through that arena's lock, and the owner takes such blocks back when its own free list of
// that size runs dry. An arena returns its slabs to the system once no block of it is in use
// (between runs), and outlives its thread while blocks of it are still in use elsewhere.
//
// Under AddressSanitizer it is plain new/delete, so use-after-free and leaks stay visible.
#pragma once

#include <cstddef>

namespace asyncrace::detail {

void* pool_allocate(std::size_t size);
// `size` must be the size the block was allocated with; any thread may free it.
void pool_deallocate(void* p, std::size_t size) noexcept;

}  // namespace asyncrace::detail
