// Every live object of one interpreter, in one intrusive ring: reference counting frees objects
// as soon as they die; what reference cycles keep alive is freed with the heap at the end of the
// run. Unlinking needs no heap (the ring has a sentinel), so an object can die anywhere, even
// when the scheduler drops the last reference long after the code that made it ran.
#pragma once

#include <cstddef>
#include <cstdint>

#include "value.hpp"

namespace asyncrace::python {

class heap {
 public:
  heap() {
    ring_.heap_next = ring_.heap_prev = &ring_;
    page_memory_check_reset();  // a new run: what an earlier one filled is not this one's
  }
  heap(const heap&) = delete;
  heap& operator=(const heap&) = delete;
  ~heap() { free_all(); }

  // A new object of type `t` (one reference, the caller's).
  template <class T>
  T* make(type_object* t) {
    if (live_object_bytes > max_bytes) over_memory();
    check_page_memory();
    T* o = new T();
    o->type = t;
    link(o);
    return o;
  }
  void link(object* o) {
    o->heap_next = ring_.heap_next;
    o->heap_prev = &ring_;
    ring_.heap_next->heap_prev = o;
    ring_.heap_next = o;
    ++made_;
  }
  static void unlink(object* o) {
    o->heap_prev->heap_next = o->heap_next;
    o->heap_next->heap_prev = o->heap_prev;
  }
  // Frees every object still alive (cycles), without running Python code.
  void free_all();
  std::uint64_t live_objects() const;
  std::uint64_t objects_made() const { return made_; }
  std::uint64_t max_bytes = ~0ull;  // the memory cap (limits.hpp); MemoryError beyond

 private:
  [[noreturn]] void over_memory();
  // In the page (wasm): once what is in use fills most of the memory the page may grow to (2 GB),
  // the run ends with LimitReached (uncatchable, as the step cap: a MemoryError in each of a
  // million Tasks would itself take memory). Past that the module would abort when the memory
  // cannot grow. Nothing natively, where the system's memory is the system's business.
#if defined(__EMSCRIPTEN__)
  static void check_page_memory();
  static void page_memory_check_reset();
#else
  static void check_page_memory() {}
  static void page_memory_check_reset() {}
#endif
  object ring_;  // sentinel
  std::uint64_t made_ = 0;
};

}  // namespace asyncrace::python
