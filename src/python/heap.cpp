#include "heap.hpp"

#include <cstdint>
#include <string>
#include <utility>

#if defined(__EMSCRIPTEN__)
#include <emscripten/heap.h>
#include <malloc.h>
#include <unistd.h>
#endif

#include "interpreter.hpp"
#include "limits.hpp"
#include "loop/frame_pool.hpp"

namespace asyncrace::python {

thread_local bool heap_tearing_down = false;
thread_local std::uint64_t live_object_bytes = 0;

// Objects come from the scheduler's free lists (loop/frame_pool.hpp), as its frames and Tasks do:
// a program that makes a hundred thousand coroutines and Tasks spent a quarter of its time in
// malloc, as wasm (dlmalloc) and natively alike.
void* object::operator new(std::size_t size) {
  live_object_bytes += size;
  return asyncrace::detail::pool_allocate(size);
}

void object::operator delete(void* p, std::size_t size) noexcept {
  live_object_bytes -= size;
  asyncrace::detail::pool_deallocate(p, size);
}

void destroy_object(object* o) {
  heap::unlink(o);
  delete o;
}

void heap::free_all() {
  const bool was = heap_tearing_down;
  heap_tearing_down = true;
  while (ring_.heap_next != &ring_) {
    object* o = ring_.heap_next;
    unlink(o);
    delete o;
  }
  heap_tearing_down = was;
}

namespace {
#if defined(__EMSCRIPTEN__)
// Three quarters of the most the wasm memory may grow to; the rest is room to end the run, free
// it and draw it.
std::size_t page_budget() {
  static const std::size_t budget = emscripten_get_heap_max() / 4 * 3;
  return budget;
}
// mallinfo walks the heap: its answer stands for the next 1023 objects.
thread_local unsigned page_check_countdown = 0;
thread_local bool page_full = false;

bool page_memory_nearly_full() {
  // The break (the top of what malloc ever took) never comes down, so below the budget nothing
  // can be full: the usual case costs one comparison.
  if (reinterpret_cast<std::uintptr_t>(sbrk(0)) <= page_budget()) return false;
  // Past it, in this run or an earlier one: what is in use now decides.
  if (page_check_countdown > 0) {
    --page_check_countdown;
    return page_full;
  }
  page_check_countdown = 1023;
  page_full = static_cast<std::size_t>(mallinfo().uordblks) > page_budget();
  return page_full;
}
#endif
}  // namespace

#if defined(__EMSCRIPTEN__)
void heap::check_page_memory() {
  if (page_memory_nearly_full())
    throw limit_reached{"the program's memory passed " + std::to_string(page_budget() >> 20) +
                        " MB, the most this page can give a run"};
}

void heap::page_memory_check_reset() {
  page_check_countdown = 0;
  page_full = false;
}
#endif

void heap::over_memory() {
  const std::uint64_t cap = std::exchange(max_bytes, ~0ull);  // room to make the MemoryError itself
  interpreter& in = current_interpreter();
  struct restore {
    heap& h;
    std::uint64_t cap;
    ~restore() { h.max_bytes = cap; }
  } r{*this, cap};
  throw_error(in, in.types.MemoryError, "");
}

std::uint64_t heap::live_objects() const {
  std::uint64_t n = 0;
  for (const object* o = ring_.heap_next; o != &ring_; o = o->heap_next) ++n;
  return n;
}

}  // namespace asyncrace::python
