// range (64-bit bounds): len, indexing, slicing (a range again), `in` without iterating, index,
// count, equality as sequences, hash, repr, and its iterator (forward and reversed).
#include "args.hpp"
#include "interpreter.hpp"
#include "numbers.hpp"
#include "sequence.hpp"

namespace asyncrace::python {

namespace {

struct range_iterator : object {
  std::int64_t next = 0, step = 1, remaining = 0;
};

range_object& range_of(const value& v) { return *static_cast<range_object*>(v.obj()); }

value make_range(interpreter& in, std::int64_t start, std::int64_t stop, std::int64_t step) {
  auto* r = in.heap.make<range_object>(in.types.range);
  r->start = start;
  r->stop = stop;
  r->step = step;
  return value::adopt(r);
}

std::int64_t range_item(const range_object& r, std::int64_t i) { return r.start + i * r.step; }

// The index of x in r, or -1.
std::int64_t range_find(interpreter& in, const range_object& r, const value& x) {
  if (!x.is_int() && !x.is_bool()) {
    if (!x.is_float()) return -2;  // not an int: compare item by item
    const double d = x.as_float();
    if (d != static_cast<double>(static_cast<std::int64_t>(d))) return -1;
    return range_find(in, r, value::integer(static_cast<std::int64_t>(d)));
  }
  const std::int64_t v = x.as_int();
  if (r.step > 0 ? (v < r.start || v >= r.stop) : (v > r.start || v <= r.stop)) return -1;
  if ((v - r.start) % r.step != 0) return -1;
  return (v - r.start) / r.step;
}

value range_construct(interpreter& in, const call_args& a, object*) {
  if (a.nkw) throw_error(in, in.types.TypeError, "range() takes no keyword arguments");
  if (a.npos < 1 || a.npos > 3)
    throw_error(in, in.types.TypeError, a.npos ? "range expected at most 3 arguments, got " + std::to_string(a.npos)
                                               : std::string("range expected at least 1 argument, got 0"));
  std::int64_t v[3] = {0, 0, 1};
  for (std::size_t i = 0; i < a.npos; ++i) {
    if (!is_index(in, a.args[i]))
      throw_error(in, in.types.TypeError, "'" + type_name(a.args[i]) + "' object cannot be interpreted as an integer");
    if (is_int_like(a.args[i]) && a.args[i].is_object())
      throw_error(in, in.types.OverflowError, "Python int too large to convert to C ssize_t");
    v[i] = index_of(in, a.args[i]);
  }
  if (a.npos == 1) return make_range(in, 0, v[0], 1);
  if (a.npos == 3 && v[2] == 0) throw_error(in, in.types.ValueError, "range() arg 3 must not be zero");
  return make_range(in, v[0], v[1], v[2]);
}

value range_getitem(interpreter& in, const value& v, const value& key) {
  const range_object& r = range_of(v);
  const std::int64_t n = r.size();
  if (is_slice(in, key)) {
    const slice_bounds b = slice_indices(in, *static_cast<slice_object*>(key.obj()), n);
    return make_range(in, range_item(r, b.start), range_item(r, b.start + b.length * b.step), r.step * b.step);
  }
  if (!is_index(in, key)) throw_error(in, in.types.TypeError, "range indices must be integers or slices, not " + type_name(key));
  const std::int64_t i = sequence_index(in, key, n);
  if (i < 0) throw_error(in, in.types.IndexError, "range object index out of range");
  return value::integer(range_item(r, i));
}

value range_compare(interpreter& in, const value& a, const value& b, cmp_op op) {
  if (!b.is_object() || b.obj()->type != in.types.range || (op != cmp_op::eq && op != cmp_op::ne)) return {};
  const range_object &x = range_of(a), &y = range_of(b);
  const std::int64_t n = x.size();
  bool same = n == y.size();
  if (same && n > 0) same = x.start == y.start && (n == 1 || x.step == y.step);
  return value::boolean(op == cmp_op::eq ? same : !same);
}

value make_iterator(interpreter& in, std::int64_t start, std::int64_t step, std::int64_t count) {
  auto* it = in.heap.make<range_iterator>(in.types.range_iterator);
  it->next = start;
  it->step = step;
  it->remaining = count;
  return value::adopt(it);
}

}  // namespace

std::int64_t range_object::size() const {
  if (step > 0) return stop > start ? (stop - start - 1) / step + 1 : 0;
  return start > stop ? (start - stop - 1) / (-step) + 1 : 0;
}

// reversed(range): the same items from the last one down.
value range_reversed(interpreter& in, const value& v) {
  const range_object& r = range_of(v);
  const std::int64_t n = r.size();
  return make_iterator(in, n ? range_item(r, n - 1) : 0, -r.step, n);
}

void install_range_type(interpreter& in) {
  type_object* t = in.types.range;
  type_slots& s = t->slots;
  s.repr = [](interpreter&, const value& v) {
    const range_object& r = range_of(v);
    return "range(" + std::to_string(r.start) + ", " + std::to_string(r.stop) + (r.step == 1 ? "" : ", " + std::to_string(r.step)) + ")";
  };
  s.hash = [](interpreter& i, const value& v) {
    const range_object& r = range_of(v);
    const std::int64_t n = r.size();
    value key = make_tuple(i, {value::integer(n), n ? value::integer(r.start) : value::none(), n > 1 ? value::integer(r.step) : value::none()});
    return hash(i, key);
  };
  s.compare = range_compare;
  s.len = [](interpreter&, const value& v) { return range_of(v).size(); };
  s.truth = [](interpreter&, const value& v) { return range_of(v).size() != 0; };
  s.getitem = range_getitem;
  s.contains = [](interpreter& i, const value& v, const value& x) {
    const std::int64_t k = range_find(i, range_of(v), x);
    if (k != -2) return k >= 0;
    for (std::int64_t j = 0, n = range_of(v).size(); j < n; ++j)
      if (equal(i, value::integer(range_item(range_of(v), j)), x)) return true;
    return false;
  };
  s.construct = range_construct;
  s.iter = [](interpreter& i, const value& v) { return make_iterator(i, range_of(v).start, range_of(v).step, range_of(v).size()); };
  s.getattr = [](interpreter& i, const value& v, str_object* name) -> value {
    const range_object& r = range_of(v);
    if (name == i.intern("start")) return value::integer(r.start);
    if (name == i.intern("stop")) return value::integer(r.stop);
    if (name == i.intern("step")) return value::integer(r.step);
    return {};
  };
  in.types.range_iterator = make_builtin_type(in, "range_iterator", in.types.object_);
  in.types.range_iterator->slots.iter = [](interpreter&, const value& v) { return v; };
  in.types.range_iterator->slots.next = [](interpreter&, const value& v) -> value {
    auto* it = static_cast<range_iterator*>(v.obj());
    if (it->remaining <= 0) return {};
    --it->remaining;
    const std::int64_t x = it->next;
    it->next += it->step;
    return value::integer(x);
  };
  in.types.range_iterator->slots.len = [](interpreter&, const value& v) { return static_cast<range_iterator*>(v.obj())->remaining; };
  add_method(in, t, "index", [](interpreter& i, const call_args& a, object*) {
    expect_args(i, a, "range.index", 2);
    const std::int64_t k = range_find(i, range_of(a.args[0]), a.args[1]);
    if (k < 0) throw_error(i, i.types.ValueError, repr(i, a.args[1]) + " is not in range");
    return value::integer(k);
  });
  add_method(in, t, "count", [](interpreter& i, const call_args& a, object*) {
    expect_args(i, a, "range.count", 2);
    return value::integer(range_find(i, range_of(a.args[0]), a.args[1]) >= 0 ? 1 : 0);
  });
  add_method(in, t, "__reversed__", [](interpreter& i, const call_args& a, object*) { return range_reversed(i, a.args[0]); });
}

}  // namespace asyncrace::python
