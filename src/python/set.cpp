#include "set.hpp"

#include "interpreter.hpp"
#include "dict.hpp"
#include "str.hpp"

namespace asyncrace::python {

namespace {
constexpr std::size_t linear_probes = 9;

bool same_key(interpreter& in, const value& a, const value& b) {
  if (a.identical(b)) return true;
  if (a.is_object() && b.is_object() && a.obj()->type == in.types.str && b.obj()->type == in.types.str)
    return as_str(a)->s == as_str(b)->s;
  if (a.is_int() && b.is_int()) return false;
  return equal(in, a, b);
}
}  // namespace

bool set_table::contains(interpreter& in, const value& key, std::int64_t hash) const {
  const std::size_t mask = slots_.size() - 1;
  auto perturb = static_cast<std::uint64_t>(hash);
  std::size_t i = static_cast<std::size_t>(hash) & mask;
  while (true) {
    const std::size_t probes = i + linear_probes <= mask ? linear_probes : 0;
    for (std::size_t j = 0; j <= probes; ++j) {
      const slot& s = slots_[i + j];
      if (s.key.empty() && !s.dummy) return false;
      if (!s.dummy && s.hash == hash && same_key(in, s.key, key)) return true;
    }
    perturb >>= 5;
    i = (i * 5 + 1 + perturb) & mask;
  }
}

void set_table::add(interpreter& in, const value& key, std::int64_t hash) {
  const std::size_t mask = slots_.size() - 1;
  auto perturb = static_cast<std::uint64_t>(hash);
  std::size_t i = static_cast<std::size_t>(hash) & mask;
  slot* freeslot = nullptr;
  while (true) {
    const std::size_t probes = i + linear_probes <= mask ? linear_probes : 0;
    for (std::size_t j = 0; j <= probes; ++j) {
      slot& s = slots_[i + j];
      if (s.key.empty() && !s.dummy) {
        ++version_;
        if (freeslot) {
          ++used_;
          freeslot->key = key;
          freeslot->hash = hash;
          freeslot->dummy = false;
          return;
        }
        ++fill_;
        ++used_;
        s.key = key;
        s.hash = hash;
        if (fill_ * 5 >= mask * 3) resize(used_ > 50000 ? used_ * 2 : used_ * 4);
        return;
      }
      if (s.dummy) {
        if (!freeslot) freeslot = &s;
      } else if (s.hash == hash && same_key(in, s.key, key)) {
        return;
      }
    }
    perturb >>= 5;
    i = (i * 5 + 1 + perturb) & mask;
  }
}

bool set_table::discard(interpreter& in, const value& key, std::int64_t hash) {
  const std::size_t mask = slots_.size() - 1;
  auto perturb = static_cast<std::uint64_t>(hash);
  std::size_t i = static_cast<std::size_t>(hash) & mask;
  while (true) {
    const std::size_t probes = i + linear_probes <= mask ? linear_probes : 0;
    for (std::size_t j = 0; j <= probes; ++j) {
      slot& s = slots_[i + j];
      if (s.key.empty() && !s.dummy) return false;
      if (!s.dummy && s.hash == hash && same_key(in, s.key, key)) {
        value dead = std::move(s.key);
        s.key = value();
        s.dummy = true;
        s.hash = -1;
        --used_;
        ++version_;
        return true;
      }
    }
    perturb >>= 5;
    i = (i * 5 + 1 + perturb) & mask;
  }
}

bool set_table::pop(value& out) {
  if (used_ == 0) return false;
  const std::size_t mask = slots_.size() - 1;
  std::size_t i = finger_ & mask;
  while (slots_[i].key.empty()) i = i + 1 > mask ? 0 : i + 1;
  out = std::move(slots_[i].key);
  slots_[i].key = value();
  slots_[i].dummy = true;
  slots_[i].hash = -1;
  --used_;
  ++version_;
  finger_ = i + 1;
  return true;
}

void set_table::clear() {
  std::vector<slot> old(8);
  old.swap(slots_);
  fill_ = used_ = finger_ = 0;
  ++version_;
}

void set_table::insert_clean(std::vector<slot>& table, const value& key, std::int64_t hash) {
  const std::size_t mask = table.size() - 1;
  auto perturb = static_cast<std::uint64_t>(hash);
  std::size_t i = static_cast<std::size_t>(hash) & mask;
  while (true) {
    if (table[i].key.empty()) break;
    bool found = false;
    if (i + linear_probes <= mask) {
      for (std::size_t j = 1; j <= linear_probes; ++j) {
        if (table[i + j].key.empty()) {
          i += j;
          found = true;
          break;
        }
      }
    }
    if (found) break;
    perturb >>= 5;
    i = (i * 5 + 1 + perturb) & mask;
  }
  table[i].key = key;
  table[i].hash = hash;
}

void set_table::resize(std::size_t min_used) {
  std::size_t size = 8;
  while (size <= min_used) size <<= 1;
  std::vector<slot> table(size);
  for (const slot& s : slots_)
    if (!s.key.empty()) insert_clean(table, s.key, s.hash);
  slots_.swap(table);
  fill_ = used_;
  ++version_;
}

void set_table::reserve_for(std::size_t extra) {
  if ((fill_ + extra) * 5 >= (slots_.size() - 1) * 3) resize((used_ + extra) * 2);
}

void set_table::merge(interpreter& in, const set_table& other) {
  if (&other == this || other.used_ == 0) return;
  reserve_for(other.used_);
  ++version_;
  if (fill_ == 0 && slots_.size() == other.slots_.size() && other.fill_ == other.used_) {
    for (std::size_t i = 0; i < slots_.size(); ++i) {
      slots_[i].key = other.slots_[i].key;
      slots_[i].hash = other.slots_[i].hash;
    }
    fill_ = other.fill_;
    used_ = other.used_;
    return;
  }
  if (fill_ == 0) {
    fill_ = used_ = other.used_;
    for (const slot& s : other.slots_)
      if (!s.key.empty()) insert_clean(slots_, s.key, s.hash);
    return;
  }
  const std::vector<slot> copy = other.slots_;  // `add` may run __eq__ that changes `other`
  for (const slot& s : copy)
    if (!s.key.empty()) add(in, s.key, s.hash);
}

std::int64_t set_table::frozen_hash() const {
  auto shuffle = [](std::uint64_t h) { return ((h ^ 89869747ULL) ^ (h << 16)) * 3644798167ULL; };
  std::uint64_t h = 0;
  for (const slot& s : slots_)
    if (!s.key.empty()) h ^= shuffle(static_cast<std::uint64_t>(s.hash));
  h ^= (static_cast<std::uint64_t>(used_) + 1) * 1927868237ULL;
  h ^= (h >> 11) ^ (h >> 25);
  h = h * 69069U + 907133923ULL;
  if (h == static_cast<std::uint64_t>(-1)) h = 590923713ULL;
  return static_cast<std::int64_t>(h);
}

bool is_anyset(interpreter& in, const value& v) {
  return v.is_object() && (v.obj()->type->is_subtype_of(in.types.set) || v.obj()->type->is_subtype_of(in.types.frozenset));
}

value new_set(interpreter& in, type_object* t) { return value::adopt(in.heap.make<set_object>(t)); }

value make_set(interpreter& in, bool frozen) { return new_set(in, frozen ? in.types.frozenset : in.types.set); }

void set_update(interpreter& in, set_table& t, const value& iterable) {
  if (is_anyset(in, iterable)) return t.merge(in, set_of(iterable));
  if (iterable.is_object() && iterable.obj()->type == in.types.dict) {
    const dict_table& d = dict_of(iterable);
    t.reserve_for(d.size());
    for (const auto& e : std::vector<dict_table::entry>(d.entries()))
      if (!e.key.empty()) t.add(in, e.key, e.hash);
    return;
  }
  value it = get_iter(in, iterable);
  for (value v = iter_next(in, it); !v.empty(); v = iter_next(in, it)) t.add(in, v, hash(in, v));
}

}  // namespace asyncrace::python
