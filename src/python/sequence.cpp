#include "sequence.hpp"

#include <algorithm>
#include <vector>

#include "interpreter.hpp"
#include "numbers.hpp"

namespace asyncrace::python {

namespace {
thread_local std::vector<object*> repr_in_progress;

// A slice bound: None, or an index clamped as CPython's _PyEval_SliceIndex does.
bool bound_of(interpreter& in, const value& v, std::int64_t& out) {
  if (v.empty() || v.is_none()) return false;
  if (v.is_int() || v.is_bool()) {
    out = v.as_int();
    return true;
  }
  if (is_int_like(v)) {
    out = to_bigint(v).negative() ? INT64_MIN / 2 : INT64_MAX / 2;
    return true;
  }
  if (!is_index(in, v))
    throw_error(in, in.types.TypeError, "slice indices must be integers or None or have an __index__ method");
  out = index_of(in, v);
  return true;
}
}  // namespace

bool is_index(interpreter& in, const value& v) {
  if (is_int_like(v)) return true;
  return v.is_object() && v.obj()->type->is_heap_type && v.obj()->type->lookup(in.intern("__index__"));
}

slice_bounds slice_indices(interpreter& in, const slice_object& s, std::int64_t length) {
  slice_bounds b;
  std::int64_t step = 1;
  if (bound_of(in, s.step, step) && step == 0) throw_error(in, in.types.ValueError, "slice step cannot be zero");
  b.step = step;
  std::int64_t start = 0, stop = 0;
  const bool has_start = bound_of(in, s.start, start), has_stop = bound_of(in, s.stop, stop);
  if (step > 0) {
    if (!has_start) start = 0;
    else if (start < 0) start = std::max<std::int64_t>(start + length, 0);
    else start = std::min(start, length);
    if (!has_stop) stop = length;
    else if (stop < 0) stop = std::max<std::int64_t>(stop + length, 0);
    else stop = std::min(stop, length);
    b.length = stop > start ? (stop - start - 1) / step + 1 : 0;
  } else {
    if (!has_start) start = length - 1;
    else if (start < 0) start = std::max<std::int64_t>(start + length, -1);
    else start = std::min(start, length - 1);
    if (!has_stop) stop = -1;
    else if (stop < 0) stop = std::max<std::int64_t>(stop + length, -1);
    else stop = std::min(stop, length - 1);
    b.length = start > stop ? (start - stop - 1) / (-step) + 1 : 0;
  }
  b.start = start;
  b.stop = stop;
  return b;
}

std::int64_t sequence_index(interpreter& in, const value& key, std::int64_t length) {
  std::int64_t i;
  if (key.is_int() || key.is_bool()) i = key.as_int();
  else if (is_int_like(key)) return -1;
  else i = index_of(in, key);
  if (i < 0) i += length;
  return i < 0 || i >= length ? -1 : i;
}

bool reflected_may_handle(interpreter& in, const value& other, bin_op op) {
  static const char* const names[] = {"__radd__", "__rsub__", "__rmul__", "__rtruediv__", "__rfloordiv__",
                                      "__rmod__", "__rpow__", "__rlshift__", "__rrshift__", "__rand__",
                                      "__ror__", "__rxor__", "__rmatmul__"};
  type_object* t = type_of(other);
  return t->is_heap_type && t->lookup(in.intern(names[static_cast<int>(op)]));
}

repr_guard::repr_guard(object* o) : o_(o) {
  recursive_ = std::find(repr_in_progress.begin(), repr_in_progress.end(), o) != repr_in_progress.end();
  if (!recursive_) repr_in_progress.push_back(o);
}

repr_guard::~repr_guard() {
  if (!recursive_) repr_in_progress.pop_back();
}

std::string items_repr(interpreter& in, const value* items, std::size_t n, std::string_view open, std::string_view close) {
  std::string out(open);
  for (std::size_t i = 0; i < n; ++i) {
    if (i) out += ", ";
    out += repr(in, items[i]);
  }
  out += close;
  return out;
}

value sequence_compare(interpreter& in, const value* a, std::size_t na, const value* b, std::size_t nb, cmp_op op) {
  if ((op == cmp_op::eq || op == cmp_op::ne) && na != nb) return value::boolean(op == cmp_op::ne);
  std::size_t i = 0;
  for (; i < na && i < nb; ++i)
    if (!a[i].identical(b[i]) && !equal(in, a[i], b[i])) break;
  if (i >= na || i >= nb) {
    const std::int64_t x = static_cast<std::int64_t>(na), y = static_cast<std::int64_t>(nb);
    switch (op) {
      case cmp_op::lt: return value::boolean(x < y);
      case cmp_op::le: return value::boolean(x <= y);
      case cmp_op::eq: return value::boolean(x == y);
      case cmp_op::ne: return value::boolean(x != y);
      case cmp_op::gt: return value::boolean(x > y);
      case cmp_op::ge: return value::boolean(x >= y);
    }
  }
  if (op == cmp_op::eq) return value::boolean(false);
  if (op == cmp_op::ne) return value::boolean(true);
  return compare(in, op, a[i], b[i]);
}

std::int64_t count_in(interpreter& in, const value* items, std::size_t n, const value& x) {
  std::int64_t c = 0;
  for (std::size_t i = 0; i < n; ++i)
    if (items[i].identical(x) || equal(in, items[i], x)) ++c;
  return c;
}

}  // namespace asyncrace::python
