#include "frame_pool.hpp"

#include <utility>

#include "frame.hpp"
#include "heap.hpp"

namespace asyncrace::python {

// release() resets every field of a frame by name: a field added to frame must be reset there too
// (this fails to compile until the size below is updated with it).
static_assert(sizeof(frame) == (sizeof(void*) == 8 ? 216 : 152), "a frame field changed: reset it in frame_pool::release");

frame_pool::~frame_pool() {
  for (frame* f : pooled_) delete f;
}

frame_pool& frame_pool::local() {
  thread_local frame_pool pool;
  return pool;
}

frame* frame_pool::take(heap& h, type_object* t) {
  if (pooled_.empty()) return h.make<frame>(t);
  frame* f = pooled_.back();
  pooled_.pop_back();
  f->type = t;
  h.link(f);
  return f;
}

void frame_pool::release(frame* f) {
  if (f->refs != 1 || heap_tearing_down || pooled_.size() >= max_pooled) {
    decref(f);
    return;
  }
  heap::unlink(f);
  // What the frame holds dies now, as with the frame; the slots stay (empty) for the next call.
  for (value& v : f->fast)
    if (!v.empty()) v = value();
  f->handled = value();
  f->blocks.clear();
  f->class_namespace = value();
  f->function = value();
  f->globals_ref = value();
  f->co.reset();
  f->globals = nullptr;
  f->sp = f->stack_base = f->ip = 0;
  f->back = f->resume_at = nullptr;
  f->base = true;
  f->owned_by_generator = false;
  pooled_.push_back(f);
}

}  // namespace asyncrace::python
