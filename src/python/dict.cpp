#include "dict.hpp"

#include "interpreter.hpp"
#include "str.hpp"

namespace asyncrace::python {

namespace {
// Keys are equal when identical, or (strings) equal by content, or equal by ==.
bool same_key(interpreter& in, const value& a, const value& b) {
  if (a.identical(b)) return true;
  if (a.is_object() && b.is_object() && a.obj()->type == in.types.str && b.obj()->type == in.types.str)
    return as_str(a)->s == as_str(b)->s;
  if (a.is_int() && b.is_int()) return false;
  return equal(in, a, b);
}
}  // namespace

std::int64_t dict_table::find(interpreter& in, const value& key, std::int64_t hash) const {
  if (index_.empty()) return -1;
  const std::size_t mask = index_.size() - 1;
  auto perturb = static_cast<std::uint64_t>(hash);
  std::size_t i = static_cast<std::size_t>(hash) & mask;
  while (true) {
    const std::int32_t ix = index_[i];
    if (ix == -1) return -1;
    if (ix >= 0) {
      const entry& e = entries_[static_cast<std::size_t>(ix)];
      if (e.hash == hash && !e.key.empty() && same_key(in, e.key, key)) return ix;
    }
    perturb >>= 5;
    i = (i * 5 + perturb + 1) & mask;
  }
}

std::size_t dict_table::slot_for_new(std::int64_t hash) const {
  const std::size_t mask = index_.size() - 1;
  auto perturb = static_cast<std::uint64_t>(hash);
  std::size_t i = static_cast<std::size_t>(hash) & mask;
  while (index_[i] >= 0) {
    perturb >>= 5;
    i = (i * 5 + perturb + 1) & mask;
  }
  return i;
}

void dict_table::rebuild(std::size_t min_slots) {
  std::size_t slots = 8;
  while (slots < min_slots) slots <<= 1;
  // Drop deleted entries; their order is kept.
  std::vector<entry> live;
  live.reserve(used_ + 1);
  for (auto& e : entries_)
    if (!e.key.empty()) live.push_back(std::move(e));
  entries_ = std::move(live);
  index_.assign(slots, -1);
  for (std::size_t k = 0; k < entries_.size(); ++k) index_[slot_for_new(entries_[k].hash)] = static_cast<std::int32_t>(k);
}

void dict_table::set(interpreter& in, const value& key, std::int64_t hash, value v) {
  const std::int64_t found = find(in, key, hash);
  if (found >= 0) {
    entries_[static_cast<std::size_t>(found)].val = std::move(v);
    return;
  }
  // Keep the table at most 2/3 full (entries, deleted ones included).
  if ((entries_.size() + 1) * 3 > index_.size() * 2) rebuild((used_ + 1) * 3);
  index_[slot_for_new(hash)] = static_cast<std::int32_t>(entries_.size());
  entries_.push_back(entry{hash, key, std::move(v)});
  ++used_;
  ++version_;
}

bool dict_table::erase(interpreter& in, const value& key, std::int64_t hash, value* out) {
  const std::int64_t found = find(in, key, hash);
  if (found < 0) return false;
  const std::size_t mask = index_.size() - 1;
  auto perturb = static_cast<std::uint64_t>(hash);
  std::size_t i = static_cast<std::size_t>(hash) & mask;
  while (index_[i] != found) {
    perturb >>= 5;
    i = (i * 5 + perturb + 1) & mask;
  }
  index_[i] = -2;
  entry& e = entries_[static_cast<std::size_t>(found)];
  if (out) *out = std::move(e.val);
  value dead_key = std::move(e.key);
  e.val = value();
  --used_;
  ++version_;
  return true;
}

void dict_table::clear() {
  std::vector<entry> old;
  old.swap(entries_);  // values die after the table is consistent again
  index_.clear();
  used_ = 0;
  ++version_;
}

bool dict_table::pop_last(value& key, value& val) {
  while (!entries_.empty() && entries_.back().key.empty()) entries_.pop_back();
  if (entries_.empty()) return false;
  entry& e = entries_.back();
  const std::size_t mask = index_.size() - 1;
  auto perturb = static_cast<std::uint64_t>(e.hash);
  std::size_t i = static_cast<std::size_t>(e.hash) & mask;
  const auto target = static_cast<std::int32_t>(entries_.size() - 1);
  while (index_[i] != target) {
    perturb >>= 5;
    i = (i * 5 + perturb + 1) & mask;
  }
  index_[i] = -2;
  key = std::move(e.key);
  val = std::move(e.val);
  entries_.pop_back();
  --used_;
  ++version_;
  return true;
}

bool is_dict(interpreter& in, const value& v) { return v.is_object() && v.obj()->type->is_subtype_of(in.types.dict); }

void dict_set(interpreter& in, const value& d, const value& key, value v) { dict_of(d).set(in, key, hash(in, key), std::move(v)); }

value dict_get(interpreter& in, const value& d, const value& key) {
  const value* v = dict_of(d).lookup(in, key, hash(in, key));
  return v ? *v : value();
}

void raise_key_error(interpreter& in, const value& key) { throw_exception(new_exception(in, in.types.KeyError, {key})); }

value make_dict(interpreter& in) { return value::adopt(in.heap.make<dict_object>(in.types.dict)); }

}  // namespace asyncrace::python
