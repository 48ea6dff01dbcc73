// tuple: immutable sequences — repr ("(1,)"), CPython's xxHash-based hash, comparisons, +, *,
// indexing and slicing, count/index, and the iterator shared with list (list_type.cpp).
#include "args.hpp"
#include "interpreter.hpp"
#include "numbers.hpp"
#include "sequence.hpp"

namespace asyncrace::python {

value make_seq_iterator(interpreter&, const value& seq, type_object* t);

namespace {

const std::vector<value>& items_of(const value& v) { return static_cast<tuple_object*>(v.obj())->items; }
bool is_tuple(interpreter& in, const value& v) { return v.is_object() && v.obj()->type->is_subtype_of(in.types.tuple); }

std::int64_t tuple_hash(interpreter& in, const value& v) {
  constexpr std::uint64_t prime1 = 11400714785074694791ULL, prime2 = 14029467366897019727ULL,
                          prime5 = 2870177450012600261ULL;
  std::uint64_t acc = prime5;
  const auto& items = items_of(v);
  for (const value& item : items) {
    const auto lane = static_cast<std::uint64_t>(hash(in, item));
    acc += lane * prime2;
    acc = (acc << 31) | (acc >> 33);
    acc *= prime1;
  }
  acc += items.size() ^ (prime5 ^ 3527539ULL);
  if (acc == static_cast<std::uint64_t>(-1)) return 1546275796;
  return static_cast<std::int64_t>(acc);
}

std::string tuple_repr(interpreter& in, const value& v) {
  const auto& items = items_of(v);
  if (items.empty()) return "()";
  repr_guard guard(v.obj());
  if (guard.recursive()) return "(...)";
  if (items.size() == 1) return "(" + repr(in, items[0]) + ",)";
  return items_repr(in, items.data(), items.size(), "(", ")");
}

value tuple_binary(interpreter& in, bin_op op, const value& a, const value& b) {
  if (op == bin_op::add && is_tuple(in, a)) {
    if (!is_tuple(in, b)) {
      if (reflected_may_handle(in, b, op)) return {};
      throw_error(in, in.types.TypeError, "can only concatenate tuple (not \"" + type_name(b) + "\") to tuple");
    }
    if (items_of(b).empty()) return a;
    std::vector<value> out = items_of(a);
    out.insert(out.end(), items_of(b).begin(), items_of(b).end());
    return make_tuple(in, std::move(out));
  }
  if (op == bin_op::mul) {
    const value& t = is_tuple(in, a) ? a : b;
    const value& n = is_tuple(in, a) ? b : a;
    if (!is_tuple(in, t)) return {};
    if (!is_index(in, n)) {
      if (&t == &a && reflected_may_handle(in, b, op)) return {};
      throw_error(in, in.types.TypeError, "can't multiply sequence by non-int of type '" + type_name(n) + "'");
    }
    const std::int64_t count = index_of(in, n);
    if (count == 1) return t;
    if (count > 0 && items_of(t).size() * static_cast<std::uint64_t>(count) > (std::uint64_t{1} << 28)) throw_error(in, in.types.MemoryError, "");
    std::vector<value> out;
    for (std::int64_t i = 0; i < count; ++i) out.insert(out.end(), items_of(t).begin(), items_of(t).end());
    return make_tuple(in, std::move(out));
  }
  return {};
}

value tuple_getitem(interpreter& in, const value& v, const value& key) {
  const auto& items = items_of(v);
  if (is_slice(in, key)) {
    const slice_bounds b = slice_indices(in, *static_cast<slice_object*>(key.obj()), static_cast<std::int64_t>(items.size()));
    if (b.step == 1 && b.length == static_cast<std::int64_t>(items.size())) return v;
    std::vector<value> out;
    out.reserve(static_cast<std::size_t>(b.length));
    for (std::int64_t i = 0, k = b.start; i < b.length; ++i, k += b.step) out.push_back(items[static_cast<std::size_t>(k)]);
    return make_tuple(in, std::move(out));
  }
  if (!is_index(in, key)) throw_error(in, in.types.TypeError, "tuple indices must be integers or slices, not " + type_name(key));
  const std::int64_t i = sequence_index(in, key, static_cast<std::int64_t>(items.size()));
  if (i < 0) throw_error(in, in.types.IndexError, "tuple index out of range");
  return items[static_cast<std::size_t>(i)];
}

value tuple_construct(interpreter& in, const call_args& a, object*) {
  if (a.nkw) throw_error(in, in.types.TypeError, "tuple() takes no keyword arguments");
  if (a.npos > 1) throw_error(in, in.types.TypeError, "tuple expected at most 1 argument, got " + std::to_string(a.npos));
  if (a.npos == 0) return in.empty_tuple.empty() ? make_tuple(in, {}) : in.empty_tuple;
  if (a.args[0].is_object() && a.args[0].obj()->type == in.types.tuple) return a.args[0];
  if (a.args[0].is_object() && a.args[0].obj()->type == in.types.list)
    return make_tuple(in, static_cast<list_object*>(a.args[0].obj())->items);
  std::vector<value> out;
  value it = get_iter(in, a.args[0]);
  for (value x = iter_next(in, it); !x.empty(); x = iter_next(in, it)) out.push_back(std::move(x));
  return make_tuple(in, std::move(out));
}

}  // namespace

void install_tuple_type(interpreter& in) {
  type_object* t = in.types.tuple;
  type_slots& s = t->slots;
  s.repr = tuple_repr;
  s.hash = tuple_hash;
  s.compare = [](interpreter& i, const value& a, const value& b, cmp_op op) -> value {
    if (!is_tuple(i, b)) return {};
    return sequence_compare(i, items_of(a).data(), items_of(a).size(), items_of(b).data(), items_of(b).size(), op);
  };
  s.binary = tuple_binary;
  s.len = [](interpreter&, const value& v) { return static_cast<std::int64_t>(items_of(v).size()); };
  s.getitem = tuple_getitem;
  s.contains = [](interpreter& i, const value& v, const value& x) { return count_in(i, items_of(v).data(), items_of(v).size(), x) > 0; };
  s.construct = tuple_construct;
  in.types.tuple_iterator = make_builtin_type(in, "tuple_iterator", in.types.object_);
  s.iter = [](interpreter& i, const value& v) { return make_seq_iterator(i, v, i.types.tuple_iterator); };
  add_method(in, t, "count", [](interpreter& i, const call_args& a, object*) {
    expect_args(i, a, "tuple.count", 2);
    return value::integer(count_in(i, items_of(a.args[0]).data(), items_of(a.args[0]).size(), a.args[1]));
  });
  add_method(in, t, "index", [](interpreter& i, const call_args& a, object*) {
    expect_range(i, a, "index", 2, 4);
    const auto& items = items_of(a.args[0]);
    const auto n = static_cast<std::int64_t>(items.size());
    std::int64_t start = a.npos > 2 ? index_of(i, a.args[2]) : 0, stop = a.npos > 3 ? index_of(i, a.args[3]) : n;
    if (start < 0) start = std::max<std::int64_t>(start + n, 0);
    if (stop < 0) stop = std::max<std::int64_t>(stop + n, 0);
    for (std::int64_t k = start; k < std::min(stop, n); ++k)
      if (items[static_cast<std::size_t>(k)].identical(a.args[1]) || equal(i, items[static_cast<std::size_t>(k)], a.args[1])) return value::integer(k);
    throw_error(i, i.types.ValueError, "tuple.index(x): x not in tuple");
  });
}

}  // namespace asyncrace::python
