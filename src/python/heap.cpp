#include "heap.hpp"

#include <cassert>

#include "interpreter.hpp"

namespace asyncrace::python {

thread_local bool heap_tearing_down = false;

void destroy_object(object* o) {
  current_interpreter().heap.unlink(o);
  delete o;
}

void heap::link(object* o, std::size_t size) {
  o->heap_next = first_;
  if (first_) first_->heap_prev = o;
  first_ = o;
  ++live_;
  (void)size;
}

void heap::unlink(object* o) {
  if (o->heap_prev) o->heap_prev->heap_next = o->heap_next;
  else first_ = o->heap_next;
  if (o->heap_next) o->heap_next->heap_prev = o->heap_prev;
  --live_;
  // Sizes of variable parts are not tracked per object; the fixed part is what `make` counted.
  // Bytes are accounted by the allocating code (check_allocation), not per object.
}

void heap::free_all() {
  const bool was = heap_tearing_down;
  heap_tearing_down = true;
  while (first_) {
    object* o = first_;
    first_ = o->heap_next;
    delete o;
  }
  live_ = 0;
  bytes_ = 0;
  heap_tearing_down = was;
}

}  // namespace asyncrace::python
