// Indexing and slicing as every builtin sequence does it (CPython's PySlice_GetIndicesEx and
// PyNumber_AsSsize_t), and the recursion guard of container reprs.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "interpreter.hpp"

namespace asyncrace::python {

struct slice_bounds {
  std::int64_t start = 0, stop = 0, step = 1, length = 0;
};
// The indices a slice selects from a sequence of `length`; ValueError for a zero step.
slice_bounds slice_indices(interpreter&, const slice_object& s, std::int64_t length);
// A key that is an index into a sequence of `length` (negatives count from the end), or -1 when
// the key is out of range (the caller raises its own IndexError text).
std::int64_t sequence_index(interpreter&, const value& key, std::int64_t length);
inline bool is_slice(interpreter& in, const value& v) { return v.is_object() && v.obj()->type == in.types.slice; }
// True when `v` can be an index (int, bool, or a class with __index__).
bool is_index(interpreter&, const value& v);

// A right operand that a user class may handle through its reflected dunder (`__radd__`, ...):
// the builtin then declines (returns NotImplemented) instead of raising its own TypeError.
bool reflected_may_handle(interpreter&, const value& other, bin_op op);

// Guards reprs of containers that contain themselves: `[...]`, `{...}`.
class repr_guard {
 public:
  explicit repr_guard(object* o);
  ~repr_guard();
  repr_guard(const repr_guard&) = delete;
  repr_guard& operator=(const repr_guard&) = delete;
  bool recursive() const { return recursive_; }

 private:
  object* o_;
  bool recursive_;
};

// repr of a sequence of values between `open` and `close` ("[", "]").
std::string items_repr(interpreter&, const value* items, std::size_t n, std::string_view open, std::string_view close);
// Lexicographic comparison of two sequences (list, tuple), as CPython's richcompare.
value sequence_compare(interpreter&, const value* a, std::size_t na, const value* b, std::size_t nb, cmp_op op);
// count(x) and index(x) among values.
std::int64_t count_in(interpreter&, const value* items, std::size_t n, const value& x);

}  // namespace asyncrace::python
