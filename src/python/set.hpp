// set and frozenset: CPython's own open-addressing table (setobject.c: linear probes, then
// perturbation; the same sizes and resizes), so a set iterates and prints in CPython's order.
#pragma once

#include <cstdint>
#include <vector>

#include "runtime.hpp"

namespace asyncrace::python {

class set_table {
 public:
  struct slot {
    std::int64_t hash = 0;
    value key;          // empty: never used
    bool dummy = false; // a removed key's slot
  };

  set_table() : slots_(8) {}
  std::size_t size() const { return used_; }
  bool contains(interpreter&, const value& key, std::int64_t hash) const;
  void add(interpreter&, const value& key, std::int64_t hash);
  bool discard(interpreter&, const value& key, std::int64_t hash);
  // set.pop(): CPython's search finger. False when empty.
  bool pop(value& out);
  void clear();
  // |= for another table (set_merge), keeping CPython's shortcuts that decide the order.
  void merge(interpreter&, const set_table& other);
  // Presizes before adding `extra` keys (set_update_internal for a dict).
  void reserve_for(std::size_t extra);
  const std::vector<slot>& slots() const { return slots_; }
  std::uint64_t version() const { return version_; }
  std::int64_t frozen_hash() const;  // hash(frozenset)

 private:
  void resize(std::size_t min_used);
  void insert_clean(std::vector<slot>& table, const value& key, std::int64_t hash);

  std::vector<slot> slots_;
  std::size_t fill_ = 0, used_ = 0, finger_ = 0;
  std::uint64_t version_ = 0;
};

struct set_object : object {
  set_table table;
};

inline set_table& set_of(const value& v) { return static_cast<set_object*>(v.obj())->table; }
bool is_anyset(interpreter&, const value& v);
value new_set(interpreter&, type_object* t);
// Adds every item of an iterable (set_update_internal).
void set_update(interpreter&, set_table& t, const value& iterable);

void install_set_type(interpreter&);

}  // namespace asyncrace::python
