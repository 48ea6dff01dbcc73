// Where the frame pool's slabs come from: blocks of slab_size bytes aligned to slab_size, so that
// the pool finds a block's slab (and its owner) by rounding the block's address down.
//   - Linux: each slab is mapped on its own and asks for a transparent huge page. A million tasks
//     touch ~400 MB of frames and Tasks for the first time; in 4 KiB pages the page faults and
//     the kernel's zeroing were half the run (perf: clear_page_erms under the faults).
//   - elsewhere (wasm): slabs are carved out of regions from operator new, each a few slabs more
//     than it holds, growing from 2 to 64 slabs, so aligning costs at most one slab a region (an
//     aligned operator new per slab cost nearly a slab each: the million sleepers grew by 86 MB).
// A slab_source belongs to one arena: it is not thread-safe by itself.
#pragma once

#include <cstddef>
#include <vector>

namespace asyncrace::detail {

// Linux only (slab_source::huge_pages): `bytes` (a multiple of slab_size) mapped at an address
// aligned to slab_size, in transparent huge pages where the system grants them; std::bad_alloc if
// the system has no room. unmap_huge_pages gives such a mapping back.
void* map_huge_pages(std::size_t bytes);
void unmap_huge_pages(void* p, std::size_t bytes) noexcept;

class slab_source {
 public:
#if defined(__linux__) && !defined(__EMSCRIPTEN__)
  static constexpr std::size_t slab_size = 2 * 1024 * 1024;
  static constexpr bool huge_pages = true;  // each slab is one transparent huge page
#else
  static constexpr std::size_t slab_size = 256 * 1024;
  static constexpr bool huge_pages = false;
#endif

  slab_source() = default;
  slab_source(const slab_source&) = delete;
  slab_source& operator=(const slab_source&) = delete;
  ~slab_source() { release_all(); }

  void* take();
  // Every slab taken goes back to the system.
  void release_all() noexcept;

 private:
  std::vector<void*> owned_;  // what goes back: the slabs (Linux) or the regions
  char* region_next_ = nullptr;  // slabs of the newest region not yet taken
  char* region_end_ = nullptr;
};

}  // namespace asyncrace::detail
