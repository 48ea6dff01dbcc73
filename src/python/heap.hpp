// Every live object of one interpreter, in one intrusive list: reference counting frees objects
// as soon as they die; what reference cycles keep alive is freed with the heap at the end of the
// run. The heap also counts bytes for the memory cap.
#pragma once

#include <cstddef>
#include <cstdint>
#include <new>

#include "value.hpp"

namespace asyncrace::python {

class heap {
 public:
  heap() = default;
  heap(const heap&) = delete;
  heap& operator=(const heap&) = delete;
  ~heap() { free_all(); }

  // Links a new object (refs 1) of `size` bytes and type `t`.
  template <class T>
  T* make(type_object* t) {
    T* o = new T();
    o->type = t;
    link(o, sizeof(T));
    return o;
  }
  void link(object* o, std::size_t size);
  void unlink(object* o);
  // Frees every object still alive (cycles), without running Python code.
  void free_all();

  std::uint64_t live_objects() const { return live_; }
  std::uint64_t bytes() const { return bytes_; }
  void account(std::int64_t delta) { bytes_ = static_cast<std::uint64_t>(static_cast<std::int64_t>(bytes_) + delta); }

 private:
  object* first_ = nullptr;
  std::uint64_t live_ = 0;
  std::uint64_t bytes_ = 0;
  bool freeing_ = false;
};

}  // namespace asyncrace::python
