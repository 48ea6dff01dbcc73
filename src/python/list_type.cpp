// list: the mutable sequence's slots — repr with the `[...]` recursion guard, comparisons, +, *,
// indexing, slice assignment and deletion (steps included) — and the sequence iterators.
#include "args.hpp"
#include "interpreter.hpp"
#include "numbers.hpp"
#include "sequence.hpp"

namespace asyncrace::python {

void install_list_methods(interpreter&);

namespace {

struct seq_iterator : object {
  value seq;
  std::size_t index = 0;
};

std::vector<value>& items_of(const value& v) { return static_cast<list_object*>(v.obj())->items; }
bool is_list(interpreter& in, const value& v) { return v.is_object() && v.obj()->type->is_subtype_of(in.types.list); }

// The items of any iterable (a copy).
std::vector<value> collect(interpreter& in, const value& iterable) {
  if (iterable.is_object() && iterable.obj()->type == in.types.list) return items_of(iterable);
  if (iterable.is_object() && iterable.obj()->type == in.types.tuple) return static_cast<tuple_object*>(iterable.obj())->items;
  std::vector<value> out;
  value it = get_iter(in, iterable);
  for (value x = iter_next(in, it); !x.empty(); x = iter_next(in, it)) out.push_back(std::move(x));
  return out;
}

std::string list_repr(interpreter& in, const value& v) {
  repr_guard guard(v.obj());
  if (guard.recursive()) return "[...]";
  const std::vector<value> items = items_of(v);  // a __repr__ may change the list
  return items_repr(in, items.data(), items.size(), "[", "]");
}

value list_binary(interpreter& in, bin_op op, const value& a, const value& b) {
  if (op == bin_op::add && is_list(in, a)) {
    if (!is_list(in, b)) {
      if (reflected_may_handle(in, b, op)) return {};
      throw_error(in, in.types.TypeError, "can only concatenate list (not \"" + type_name(b) + "\") to list");
    }
    std::vector<value> out = items_of(a);
    out.insert(out.end(), items_of(b).begin(), items_of(b).end());
    return make_list(in, std::move(out));
  }
  if (op == bin_op::mul) {
    const value& l = is_list(in, a) ? a : b;
    const value& n = is_list(in, a) ? b : a;
    if (!is_list(in, l)) return {};
    if (!is_index(in, n)) {
      if (&l == &a && reflected_may_handle(in, b, op)) return {};
      throw_error(in, in.types.TypeError, "can't multiply sequence by non-int of type '" + type_name(n) + "'");
    }
    const std::int64_t count = index_of(in, n);
    if (count > 0 && items_of(l).size() * static_cast<std::uint64_t>(count) > (std::uint64_t{1} << 28)) throw_error(in, in.types.MemoryError, "");
    std::vector<value> out;
    const std::vector<value> src = items_of(l);
    for (std::int64_t i = 0; i < count; ++i) out.insert(out.end(), src.begin(), src.end());
    return make_list(in, std::move(out));
  }
  return {};
}

value list_inplace(interpreter& in, bin_op op, const value& a, const value& b) {
  if (op == bin_op::add) {
    std::vector<value> more = collect(in, b);  // `l += l` reads the list it grows
    items_of(a).insert(items_of(a).end(), more.begin(), more.end());
    return a;
  }
  if (op == bin_op::mul && is_index(in, b)) {
    const std::int64_t count = index_of(in, b);
    const std::vector<value> src = items_of(a);
    if (count > 0 && src.size() * static_cast<std::uint64_t>(count) > (std::uint64_t{1} << 28)) throw_error(in, in.types.MemoryError, "");
    std::vector<value> out;
    for (std::int64_t i = 0; i < count; ++i) out.insert(out.end(), src.begin(), src.end());
    items_of(a).swap(out);
    return a;
  }
  return {};
}

value list_getitem(interpreter& in, const value& v, const value& key) {
  auto& items = items_of(v);
  if (key.is_int()) {  // the hot path
    std::int64_t i = key.as_int();
    if (i < 0) i += static_cast<std::int64_t>(items.size());
    if (i < 0 || i >= static_cast<std::int64_t>(items.size())) throw_error(in, in.types.IndexError, "list index out of range");
    return items[static_cast<std::size_t>(i)];
  }
  if (is_slice(in, key)) {
    const slice_bounds b = slice_indices(in, *static_cast<slice_object*>(key.obj()), static_cast<std::int64_t>(items.size()));
    std::vector<value> out;
    out.reserve(static_cast<std::size_t>(b.length));
    for (std::int64_t i = 0, k = b.start; i < b.length; ++i, k += b.step) out.push_back(items[static_cast<std::size_t>(k)]);
    return make_list(in, std::move(out));
  }
  if (!is_index(in, key)) throw_error(in, in.types.TypeError, "list indices must be integers or slices, not " + type_name(key));
  const std::int64_t i = sequence_index(in, key, static_cast<std::int64_t>(items.size()));
  if (i < 0) throw_error(in, in.types.IndexError, "list index out of range");
  return items[static_cast<std::size_t>(i)];
}

void list_setitem(interpreter& in, const value& v, const value& key, const value& x) {
  auto& items = items_of(v);
  if (is_slice(in, key)) {
    std::vector<value> repl = collect(in, x);
    const slice_bounds b = slice_indices(in, *static_cast<slice_object*>(key.obj()), static_cast<std::int64_t>(items.size()));
    if (b.step == 1) {
      const auto start = static_cast<std::size_t>(b.start);
      const auto stop = static_cast<std::size_t>(std::max(b.start, b.stop));
      std::vector<value> removed(items.begin() + static_cast<std::ptrdiff_t>(start), items.begin() + static_cast<std::ptrdiff_t>(stop));
      items.erase(items.begin() + static_cast<std::ptrdiff_t>(start), items.begin() + static_cast<std::ptrdiff_t>(stop));
      items.insert(items.begin() + static_cast<std::ptrdiff_t>(start), repl.begin(), repl.end());
      return;
    }
    if (static_cast<std::int64_t>(repl.size()) != b.length)
      throw_error(in, in.types.ValueError, "attempt to assign sequence of size " + std::to_string(repl.size()) +
                                               " to extended slice of size " + std::to_string(b.length));
    for (std::int64_t i = 0, k = b.start; i < b.length; ++i, k += b.step) items[static_cast<std::size_t>(k)] = repl[static_cast<std::size_t>(i)];
    return;
  }
  if (!is_index(in, key)) throw_error(in, in.types.TypeError, "list indices must be integers or slices, not " + type_name(key));
  const std::int64_t i = sequence_index(in, key, static_cast<std::int64_t>(items.size()));
  if (i < 0) throw_error(in, in.types.IndexError, "list assignment index out of range");
  value old = std::move(items[static_cast<std::size_t>(i)]);
  items[static_cast<std::size_t>(i)] = x;
}

void list_delitem(interpreter& in, const value& v, const value& key) {
  auto& items = items_of(v);
  if (is_slice(in, key)) {
    const slice_bounds b = slice_indices(in, *static_cast<slice_object*>(key.obj()), static_cast<std::int64_t>(items.size()));
    std::vector<bool> drop(items.size(), false);
    for (std::int64_t i = 0, k = b.start; i < b.length; ++i, k += b.step) drop[static_cast<std::size_t>(k)] = true;
    std::vector<value> kept, removed;
    for (std::size_t k = 0; k < items.size(); ++k) (drop[k] ? removed : kept).push_back(std::move(items[k]));
    items = std::move(kept);
    return;
  }
  if (!is_index(in, key)) throw_error(in, in.types.TypeError, "list indices must be integers or slices, not " + type_name(key));
  const std::int64_t i = sequence_index(in, key, static_cast<std::int64_t>(items.size()));
  if (i < 0) throw_error(in, in.types.IndexError, "list assignment index out of range");
  value old = std::move(items[static_cast<std::size_t>(i)]);
  items.erase(items.begin() + i);
}

value list_construct(interpreter& in, const call_args& a, object* t) {
  if (a.nkw) throw_error(in, in.types.TypeError, "list() takes no keyword arguments");
  if (a.npos > 1) throw_error(in, in.types.TypeError, "list expected at most 1 argument, got " + std::to_string(a.npos));
  auto* o = in.heap.make<list_object>(static_cast<type_object*>(t));
  value l = value::adopt(o);
  if (a.npos) o->items = collect(in, a.args[0]);
  return l;
}

value seq_next(interpreter& in, const value& v) {
  auto* it = static_cast<seq_iterator*>(v.obj());
  if (it->seq.empty()) return {};
  const std::vector<value>& items = v.obj()->type == in.types.tuple_iterator
                                        ? static_cast<tuple_object*>(it->seq.obj())->items
                                        : items_of(it->seq);
  if (it->index >= items.size()) {
    it->seq = value();
    return {};
  }
  return items[it->index++];
}

value reverse_next(interpreter&, const value& v) {
  auto* it = static_cast<seq_iterator*>(v.obj());
  if (it->seq.empty()) return {};
  auto& items = items_of(it->seq);
  if (it->index == 0 || it->index > items.size()) {
    it->seq = value();
    return {};
  }
  return items[--it->index];
}

}  // namespace

value make_seq_iterator(interpreter& in, const value& seq, type_object* t) {
  auto* it = in.heap.make<seq_iterator>(t);
  it->seq = seq;
  return value::adopt(it);
}

value make_list_reverse_iterator(interpreter& in, const value& list) {
  auto* it = in.heap.make<seq_iterator>(in.types.list_reverseiterator);
  it->seq = list;
  it->index = items_of(list).size();
  return value::adopt(it);
}

void install_list_type(interpreter& in) {
  type_object* t = in.types.list;
  type_slots& s = t->slots;
  s.repr = list_repr;
  s.compare = [](interpreter& i, const value& a, const value& b, cmp_op op) -> value {
    if (!is_list(i, b)) return {};
    const std::vector<value> x = items_of(a), y = items_of(b);
    return sequence_compare(i, x.data(), x.size(), y.data(), y.size(), op);
  };
  s.binary = list_binary;
  s.inplace = list_inplace;
  s.len = [](interpreter&, const value& v) { return static_cast<std::int64_t>(items_of(v).size()); };
  s.getitem = list_getitem;
  s.setitem = list_setitem;
  s.delitem = list_delitem;
  s.contains = [](interpreter& i, const value& v, const value& x) {
    const auto& items = items_of(v);
    for (std::size_t k = 0; k < items.size(); ++k) {
      value item = items[k];
      if (item.identical(x) || equal(i, item, x)) return true;
    }
    return false;
  };
  s.construct = list_construct;
  in.types.list_iterator = make_builtin_type(in, "list_iterator", in.types.object_);
  in.types.list_reverseiterator = make_builtin_type(in, "list_reverseiterator", in.types.object_);
  for (type_object* it : {in.types.list_iterator, in.types.tuple_iterator}) {
    it->slots.iter = [](interpreter&, const value& v) { return v; };
    it->slots.next = seq_next;
  }
  in.types.list_reverseiterator->slots.iter = [](interpreter&, const value& v) { return v; };
  in.types.list_reverseiterator->slots.next = reverse_next;
  s.iter = [](interpreter& i, const value& v) { return make_seq_iterator(i, v, i.types.list_iterator); };
  install_list_methods(in);
}

}  // namespace asyncrace::python
