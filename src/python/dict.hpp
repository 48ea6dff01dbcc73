// dict: an insertion-ordered hash table keyed by any hashable value (CPython's compact dict: the
// entries in order, and an open-addressing index into them).
#pragma once

#include <cstdint>
#include <vector>

#include "runtime.hpp"

namespace asyncrace::python {

class dict_table {
 public:
  struct entry {
    std::int64_t hash = 0;
    value key, val;  // an empty key marks a deleted entry
  };

  std::size_t size() const { return used_; }
  // The entry index of `key`, or -1. May run Python __eq__.
  std::int64_t find(interpreter&, const value& key, std::int64_t hash) const;
  value* lookup(interpreter& in, const value& key, std::int64_t hash) {
    const std::int64_t i = find(in, key, hash);
    return i < 0 ? nullptr : &entries_[static_cast<std::size_t>(i)].val;
  }
  // Sets key -> v (a new key goes last; an existing one keeps its place and its key object).
  void set(interpreter&, const value& key, std::int64_t hash, value v);
  // Removes key; false when absent. `out` receives the value.
  bool erase(interpreter&, const value& key, std::int64_t hash, value* out = nullptr);
  void clear();
  // The last entry (popitem): false when empty.
  bool pop_last(value& key, value& val);

  // Entries in insertion order, deleted ones included (skip those with an empty key).
  const std::vector<entry>& entries() const { return entries_; }
  // Bumped by every insertion or removal: iterators compare it to detect changes.
  std::uint64_t version() const { return version_; }

 private:
  void rebuild(std::size_t min_slots);
  std::size_t slot_for_new(std::int64_t hash) const;

  std::vector<entry> entries_;
  std::vector<std::int32_t> index_;  // -1 free, -2 deleted, else an entry index
  std::size_t used_ = 0;
  std::uint64_t version_ = 0;
};

struct dict_object : object {
  dict_table table;
};

inline dict_table& dict_of(const value& v) { return static_cast<dict_object*>(v.obj())->table; }
bool is_dict(interpreter&, const value& v);
// d[key] = v and d.get(key) with the key hashed here.
void dict_set(interpreter&, const value& d, const value& key, value v);
value dict_get(interpreter&, const value& d, const value& key);  // empty when absent
// d.update(other): a mapping (keys() and []) or an iterable of pairs.
void dict_update(interpreter&, const value& d, const value& other);
// KeyError(key).
[[noreturn]] void raise_key_error(interpreter&, const value& key);

void install_dict_type(interpreter&);

}  // namespace asyncrace::python
