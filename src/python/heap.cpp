#include "heap.hpp"

namespace asyncrace::python {

thread_local bool heap_tearing_down = false;

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

std::uint64_t heap::live_objects() const {
  std::uint64_t n = 0;
  for (const object* o = ring_.heap_next; o != &ring_; o = o->heap_next) ++n;
  return n;
}

}  // namespace asyncrace::python
