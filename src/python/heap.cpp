#include "heap.hpp"

#include <utility>

#include "interpreter.hpp"
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
