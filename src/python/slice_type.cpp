// slice objects (a[1:2] makes one): repr, equality, start/stop/step and indices().
#include "args.hpp"
#include "interpreter.hpp"
#include "numbers.hpp"
#include "sequence.hpp"

namespace asyncrace::python {

namespace {
slice_object& slice_of(const value& v) { return *static_cast<slice_object*>(v.obj()); }
value or_none(const value& v) { return v.empty() ? value::none() : v; }
}  // namespace

void install_slice_type(interpreter& in) {
  type_object* t = in.types.slice;
  type_slots& s = t->slots;
  s.repr = [](interpreter& i, const value& v) {
    const slice_object& sl = slice_of(v);
    return "slice(" + repr(i, or_none(sl.start)) + ", " + repr(i, or_none(sl.stop)) + ", " + repr(i, or_none(sl.step)) + ")";
  };
  s.compare = [](interpreter& i, const value& a, const value& b, cmp_op op) -> value {
    if (!b.is_object() || b.obj()->type != i.types.slice) return {};
    value x = make_tuple(i, {or_none(slice_of(a).start), or_none(slice_of(a).stop), or_none(slice_of(a).step)});
    value y = make_tuple(i, {or_none(slice_of(b).start), or_none(slice_of(b).stop), or_none(slice_of(b).step)});
    return compare(i, op, x, y);
  };
  s.construct = [](interpreter& i, const call_args& a, object*) {
    if (a.nkw) throw_error(i, i.types.TypeError, "slice() takes no keyword arguments");
    if (a.npos < 1 || a.npos > 3) throw_error(i, i.types.TypeError, "slice expected at least 1 argument, got " + std::to_string(a.npos));
    auto* sl = i.heap.make<slice_object>(i.types.slice);
    if (a.npos == 1) {
      sl->start = value::none();
      sl->stop = a.args[0];
      sl->step = value::none();
    } else {
      sl->start = a.args[0];
      sl->stop = a.args[1];
      sl->step = a.npos > 2 ? a.args[2] : value::none();
    }
    return value::adopt(sl);
  };
  s.getattr = [](interpreter& i, const value& v, str_object* name) -> value {
    if (name == i.intern("start")) return or_none(slice_of(v).start);
    if (name == i.intern("stop")) return or_none(slice_of(v).stop);
    if (name == i.intern("step")) return or_none(slice_of(v).step);
    return {};
  };
  add_method(in, t, "indices", [](interpreter& i, const call_args& a, object*) {
    expect_args(i, a, "slice.indices", 2);
    const std::int64_t n = index_of(i, a.args[1]);
    if (n < 0) throw_error(i, i.types.ValueError, "length should not be negative");
    const slice_bounds b = slice_indices(i, slice_of(a.args[0]), n);
    return make_tuple(i, {value::integer(b.start), value::integer(b.stop), value::integer(b.step)});
  });
}

}  // namespace asyncrace::python
