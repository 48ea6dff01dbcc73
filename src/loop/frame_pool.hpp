// Free lists for the scheduler's per-task allocations (coroutine frames, Tasks, gathers): a run of
// a million tasks makes a million of each, all of a few sizes, and malloc's per-chunk header and
// bookkeeping cost more than the objects' own work. Freed memory goes back to its size's list for
// the next task, and to the system once no pooled object is left (between runs). One pool for
// all threads, locked. Under AddressSanitizer it is plain new/delete, so use-after-free and leaks
// stay visible.
#pragma once

#include <cstddef>

namespace asyncrace::detail {

void* pool_allocate(std::size_t size);
// `size` must be the size the block was allocated with.
void pool_deallocate(void* p, std::size_t size) noexcept;

}  // namespace asyncrace::detail
