// Frames of finished plain-function calls kept for the next call, so a Python call allocates
// nothing: the frame object, its value slots and its block stack are reused (CPython 3.11 keeps
// its frames in a per-thread stack for the same reason). One pool per thread (frame_pool::local):
// a pooled frame is cleared and belongs to no interpreter until taken, so the interpreters that
// share a thread (compare mode) may share it, and interpreters on other threads never see it.
#pragma once

#include <cstddef>
#include <vector>

namespace asyncrace::python {

class heap;
struct frame;
struct type_object;

class frame_pool {
 public:
  frame_pool() = default;
  frame_pool(const frame_pool&) = delete;
  frame_pool& operator=(const frame_pool&) = delete;
  ~frame_pool();

  // This thread's pool.
  static frame_pool& local();

  // A fresh frame of type `t` in heap `h` with one reference (the caller's): a pooled one when
  // there is one, else a new one.
  frame* take(heap& h, type_object* t);
  // Drops the VM's reference to a frame that finished: when it was the last one, the frame's
  // values die now (as they would with the frame) and the frame itself waits in the pool.
  void release(frame* f);

 private:
  static constexpr std::size_t max_pooled = 64;  // deeper recursion allocates past this
  std::vector<frame*> pooled_;                   // cleared frames, out of the heap's ring
};

}  // namespace asyncrace::python
