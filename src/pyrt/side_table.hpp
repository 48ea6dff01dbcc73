// Values kept beside the objects that rarely have one, by the object's address: a given Task
// name, a context's identity, a future's or a frame's exception. Keeping them outside saves every
// other object the bytes (a million sleeping tasks are two million futures and frames). The
// holder keeps a flag that says it has a value, and erases it when it dies. Any thread may use a
// table: a worker's loop has Tasks and frames too.
#pragma once

#include <cstddef>
#include <mutex>
#include <unordered_map>
#include <utility>

namespace asyncrace {

template <class V>
class side_table {
 public:
  // The table of `Tag`'s values: made on first use and never destroyed, since holders may die
  // during static destruction.
  template <class Tag>
  static side_table& of() {
    static side_table* table = new side_table;
    return *table;
  }

  void put(const void* holder, V value) {
    std::lock_guard<std::mutex> hold(lock_);
    by_holder_.insert_or_assign(holder, std::move(value));
  }
  // A copy of the holder's value, or V{} if it has none.
  V get(const void* holder) const {
    std::lock_guard<std::mutex> hold(lock_);
    auto it = by_holder_.find(holder);
    return it == by_holder_.end() ? V{} : it->second;
  }
  // The holder's value; made by make() if it has none.
  template <class F>
  V get_or_make(const void* holder, F make) {
    std::lock_guard<std::mutex> hold(lock_);
    auto it = by_holder_.find(holder);
    if (it == by_holder_.end()) it = by_holder_.emplace(holder, make()).first;
    return it->second;
  }
  void erase(const void* holder) noexcept {
    // Destroyed after the lock is released: its destructor may do anything.
    [[maybe_unused]] V dying{};
    std::lock_guard<std::mutex> hold(lock_);
    auto it = by_holder_.find(holder);
    if (it == by_holder_.end()) return;
    dying = std::move(it->second);
    by_holder_.erase(it);
  }
  std::size_t size() const {
    std::lock_guard<std::mutex> hold(lock_);
    return by_holder_.size();
  }

 private:
  side_table() = default;
  mutable std::mutex lock_;
  std::unordered_map<const void*, V> by_holder_;
};

}  // namespace asyncrace
