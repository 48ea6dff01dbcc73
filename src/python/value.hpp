// A Python value in 16 bytes: None, a bool, a small int and a float live inline (no allocation
// per operation); everything else is a reference-counted heap object. Objects are freed when
// their count drops to zero; what cycles keep alive is freed with the interpreter's heap
// (heap.hpp), so a program can never leak past its run.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>

namespace asyncrace::python {

struct object;
struct type_object;

// Bytes of Python objects alive on this thread (their fixed parts), for the memory cap.
extern thread_local std::uint64_t live_object_bytes;

// The intrusive part every heap object starts with.
struct object {
  // Sized: with the virtual destructor, delete passes the most derived object's size.
  static void* operator new(std::size_t size);
  static void operator delete(void* p, std::size_t size) noexcept;
  object() = default;
  object(const object&) = delete;
  object& operator=(const object&) = delete;
  virtual ~object() = default;

  std::uint32_t refs = 1;
  type_object* type = nullptr;
  object* heap_prev = nullptr;  // the heap's list of live objects (heap.hpp)
  object* heap_next = nullptr;
};

void destroy_object(object* o);  // heap.cpp: unlinks and deletes (refs reached zero)
// True while a heap frees what is left at the end of a run: objects then die in list order, so a
// dying object must not touch the ones it refers to (they may be gone already).
extern thread_local bool heap_tearing_down;

inline void incref(object* o) { ++o->refs; }
inline void decref(object* o) {
  if (heap_tearing_down) return;
  if (--o->refs == 0) destroy_object(o);
}

class value {
 public:
  enum class kind : std::uint8_t { empty, none, boolean, integer, floating, object };

  value() = default;
  value(const value& o) : bits_(o.bits_), kind_(o.kind_) {
    if (kind_ == kind::object) incref(bits_.o);
  }
  value(value&& o) noexcept : bits_(o.bits_), kind_(std::exchange(o.kind_, kind::empty)) {}
  value& operator=(const value& o) {
    value copy(o);
    swap(copy);
    return *this;
  }
  value& operator=(value&& o) noexcept {
    value moved(std::move(o));
    swap(moved);
    return *this;
  }
  ~value() {
    if (kind_ == kind::object) decref(bits_.o);
  }
  void swap(value& o) noexcept {
    std::swap(bits_, o.bits_);
    std::swap(kind_, o.kind_);
  }

  static value none() { return value(kind::none); }
  static value boolean(bool b) {
    value v(kind::boolean);
    v.bits_.i = b ? 1 : 0;
    return v;
  }
  static value integer(std::int64_t i) {
    value v(kind::integer);
    v.bits_.i = i;
    return v;
  }
  static value floating(double d) {
    value v(kind::floating);
    v.bits_.d = d;
    return v;
  }
  // Takes over the caller's reference (a freshly made object has one).
  static value adopt(object* o) {
    value v(kind::object);
    v.bits_.o = o;
    return v;
  }
  // Adds a reference of its own.
  static value borrow(object* o) {
    incref(o);
    return adopt(o);
  }

  kind tag() const { return kind_; }
  bool empty() const { return kind_ == kind::empty; }  // an unbound local, "no value"
  bool is_none() const { return kind_ == kind::none; }
  bool is_bool() const { return kind_ == kind::boolean; }
  bool is_int() const { return kind_ == kind::integer; }  // a small int (big ones are objects)
  bool is_float() const { return kind_ == kind::floating; }
  bool is_object() const { return kind_ == kind::object; }
  bool as_bool() const { return bits_.i != 0; }
  std::int64_t as_int() const { return bits_.i; }
  double as_float() const { return bits_.d; }
  object* obj() const { return bits_.o; }
  // Releases ownership to the caller (who must decref).
  object* release() {
    kind_ = kind::empty;
    return bits_.o;
  }
  // The same Python object (`is`): immediates compare by value, as CPython's cached ones do.
  bool identical(const value& o) const {
    if (kind_ != o.kind_) return false;
    return kind_ == kind::floating ? bits_.d == o.bits_.d || (bits_.d != bits_.d && o.bits_.d != o.bits_.d)
                                   : kind_ == kind::none || kind_ == kind::empty || bits_.i == o.bits_.i;
  }

 private:
  explicit value(kind k) : kind_(k) {}
  union {
    std::int64_t i;
    double d;
    object* o;
  } bits_{0};
  kind kind_ = kind::empty;
};

// repr() of a value for the scheduler's own reprs (a Task's result), found by ADL. Declared with
// the value itself so that every instantiation of task_state<value>::repr sees it (otherwise
// pyrt's generic py_repr, "<object>", would be chosen in some translation units).
std::string py_repr(const value& v);

}  // namespace asyncrace::python
