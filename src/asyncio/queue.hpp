// asyncio.Queue, PriorityQueue and LifoQueue, written as CPython 3.11 writes them
// (Lib/asyncio/queues.py). The rule tutorials show: put() wakes the first waiting getter but does
// not hand it the item. The woken getter only re-checks the queue when its Task next runs, so a
// consumer that runs first in that iteration (say, one whose timer fired in the same batch) takes
// the item, and the woken getter waits again — at the back of the line.
#pragma once

#include <cstddef>
#include <deque>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "asyncio/locks.hpp"
#include "pyrt/address.hpp"
#include "pyrt/py_format.hpp"

namespace asyncrace {

// asyncio.QueueEmpty: get_nowait() on an empty queue.
class queue_empty : public py_exception {
 public:
  queue_empty() : py_exception("QueueEmpty", "") {}
};

// asyncio.QueueFull: put_nowait() on a full queue.
class queue_full : public py_exception {
 public:
  queue_full() : py_exception("QueueFull", "") {}
};

namespace detail {

// The storage each queue class chooses (Queue._init/_put/_get and the subclasses' overrides).
template <class T>
struct fifo_items {  // collections.deque: append / popleft
  static constexpr const char* name = "Queue";
  std::deque<T> items;
  void put(T&& v) { items.push_back(std::move(v)); }
  T get() {
    T v = std::move(items.front());
    items.pop_front();
    return v;
  }
};

template <class T>
struct lifo_items {  // a list: append / pop
  static constexpr const char* name = "LifoQueue";
  std::vector<T> items;
  void put(T&& v) { items.push_back(std::move(v)); }
  T get() {
    T v = std::move(items.back());
    items.pop_back();
    return v;
  }
};

// A list kept as a heap by heapq.heappush / heapq.heappop, step for step (heapq is not stable:
// equal items come out in an order fixed by the heap's shape, and only `<` is ever used).
template <class T>
struct heap_items {
  static constexpr const char* name = "PriorityQueue";
  std::vector<T> items;

  void put(T&& v) {
    items.push_back(std::move(v));
    sift_down(0, items.size() - 1);
  }
  T get() {
    T last = std::move(items.back());
    items.pop_back();
    if (items.empty()) return last;
    T top = std::move(items.front());
    items.front() = std::move(last);
    sift_up(0);
    return top;
  }

 private:
  void sift_down(std::size_t start, std::size_t pos) {  // heapq._siftdown
    T item = std::move(items[pos]);
    while (pos > start) {
      const std::size_t parent = (pos - 1) >> 1;
      if (!(item < items[parent])) break;
      items[pos] = std::move(items[parent]);
      pos = parent;
    }
    items[pos] = std::move(item);
  }
  void sift_up(std::size_t pos) {  // heapq._siftup: down to a leaf by the smaller child, then back up
    const std::size_t end = items.size();
    const std::size_t start = pos;
    T item = std::move(items[pos]);
    for (std::size_t child = 2 * pos + 1; child < end; child = 2 * pos + 1) {
      if (child + 1 < end && !(items[child] < items[child + 1])) ++child;
      items[pos] = std::move(items[child]);
      pos = child;
    }
    items[pos] = std::move(item);
    sift_down(start, pos);
  }
};

// repr() of an item in the queue's repr; types without a Python spelling show as `...`.
std::string py_str_repr(const std::string& s);
inline std::string item_repr(const std::string& s) { return py_str_repr(s); }
inline std::string item_repr(const char* s) { return py_str_repr(s); }
template <class T>
std::string item_repr(const T& v) {
  if constexpr (std::is_arithmetic_v<T> && requires { py_str(v); })
    return py_str(v);
  else
    return "...";
}
template <class A, class B>
std::string item_repr(const std::pair<A, B>& p) {
  return "(" + item_repr(p.first) + ", " + item_repr(p.second) + ")";
}

}  // namespace detail

// A queue for coordinating producer and consumer coroutines; maxsize <= 0 means unbounded.
template <class T, class Items = detail::fifo_items<T>>
class basic_queue {
 public:
  explicit basic_queue(int maxsize = 0) : maxsize_(maxsize) { finished_.set(); }
  basic_queue(const basic_queue&) = delete;
  basic_queue& operator=(const basic_queue&) = delete;

  std::size_t qsize() const { return items_.items.size(); }
  int maxsize() const { return maxsize_; }
  bool empty() const { return items_.items.empty(); }
  bool full() const { return maxsize_ > 0 && qsize() >= static_cast<std::size_t>(maxsize_); }

  // `await q.put(item)`: waits while the queue is full.
  task<> put(T item) {
    while (full()) {
      detail::waiter putter(detail::bound_loop(loop_, *this));
      putters_.push_back(putter);
      try {
        co_await putter;
      } catch (...) {
        putter.cancel();           // just in case it is not done yet
        putters_.remove(putter);   // (get_nowait may have taken it out already)
        // Woken by get_nowait() but cannot take the slot: wake the next in line.
        if (!full() && !putter.cancelled()) wakeup_next(putters_);
        throw;
      }
    }
    put_nowait(std::move(item));
  }

  // Adds the item and wakes the first waiting getter (without handing it the item); QueueFull
  // when full.
  void put_nowait(T item) {
    if (full()) throw queue_full();
    items_.put(std::move(item));
    ++unfinished_tasks_;
    finished_.clear();
    wakeup_next(getters_);
  }

  // `await q.get()`: waits while the queue is empty — and again if another consumer took the item
  // it was woken for.
  task<T> get() {
    while (empty()) {
      detail::waiter getter(detail::bound_loop(loop_, *this));
      getters_.push_back(getter);
      try {
        co_await getter;
      } catch (...) {
        getter.cancel();          // just in case it is not done yet
        getters_.remove(getter);  // (put_nowait may have taken it out already)
        // Woken by put_nowait() but cancelled before it ran: wake the next in line.
        if (!empty() && !getter.cancelled()) wakeup_next(getters_);
        throw;
      }
    }
    co_return get_nowait();
  }

  // Takes an item and wakes the first waiting putter; QueueEmpty when empty.
  T get_nowait() {
    if (empty()) throw queue_empty();
    T item = items_.get();
    wakeup_next(putters_);
    return item;
  }

  // One item taken with get() is fully processed; ValueError "task_done() called too many times"
  // when more than were put.
  void task_done() {
    if (unfinished_tasks_ <= 0) throw py_exception("ValueError", "task_done() called too many times");
    if (--unfinished_tasks_ == 0) finished_.set();
  }

  // `await q.join()`: until every item put has been marked task_done() (at once if none is
  // unfinished: no loop iteration).
  task<> join() {
    if (unfinished_tasks_ > 0) co_await finished_.wait();
  }

  // `shown_as`: the address to show when an interpreted object holds this queue (its id()).
  std::string repr(const void* shown_as = nullptr) const {
    return std::string("<") + Items::name + " at " + address_text(shown_as ? shown_as : this) + " " + format() + ">";
  }
  std::string str() const { return std::string("<") + Items::name + " " + format() + ">"; }

 private:
  // Wakes the first waiter that is not done (cancelled waiters are dropped on the way).
  static void wakeup_next(detail::waiter_list& waiters) {
    while (detail::waiter* w = waiters.pop_front()) {
      if (!w->done()) {
        w->set_result({});
        break;
      }
    }
  }
  static std::size_t count(const detail::waiter_list& waiters) {
    std::size_t n = 0;
    for (const detail::waiter* w = waiters.front(); w; w = w->next()) ++n;
    return n;
  }
  std::string format() const {  // Queue._format
    std::string out = "maxsize=" + py_str(maxsize_);
    if (!empty()) {
      out += " _queue=[";
      const char* sep = "";
      for (const T& item : items_.items) out += std::exchange(sep, ", ") + detail::item_repr(item);
      out += "]";
    }
    if (!getters_.empty()) out += " _getters[" + py_str(count(getters_)) + "]";
    if (!putters_.empty()) out += " _putters[" + py_str(count(putters_)) + "]";
    if (unfinished_tasks_) out += " tasks=" + py_str(unfinished_tasks_);
    return out;
  }

  int maxsize_;
  Items items_;
  detail::waiter_list getters_;
  detail::waiter_list putters_;
  long unfinished_tasks_ = 0;
  event finished_;
  event_loop* loop_ = nullptr;
};

// asyncio.Queue: first in, first out.
template <class T>
using queue = basic_queue<T>;
// asyncio.PriorityQueue: smallest first (by `<`, in heapq's order).
template <class T>
using priority_queue = basic_queue<T, detail::heap_items<T>>;
// asyncio.LifoQueue: last in, first out.
template <class T>
using lifo_queue = basic_queue<T, detail::lifo_items<T>>;

// print(q) shows str(q): <Queue maxsize=0 _queue=[1, 2] tasks=2>
template <class T, class Items>
std::string py_str(const basic_queue<T, Items>& q) {
  return q.str();
}

}  // namespace asyncrace
