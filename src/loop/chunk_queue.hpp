// A FIFO of small trivially copyable values (the loop's ready queue, the in-order timers) in
// fixed-size chunks: pushing never copies what is queued (a vector doubling at a million entries
// briefly holds both copies), and popping frees each chunk as soon as it is consumed, so memory
// follows what is queued now, not the most ever queued. One emptied chunk is kept for the next
// push, so a queue that empties and refills every loop iteration does not allocate.
#pragma once

#include <cassert>
#include <cstddef>
#include <iterator>
#include <type_traits>
#include <utility>

namespace asyncrace {

template <class T, std::size_t PerChunk = 512>
class chunk_queue {
  static_assert(std::is_trivially_copyable_v<T> && std::is_trivially_destructible_v<T>);
  struct chunk {
    chunk* next = nullptr;
    T items[PerChunk];
  };

 public:
  chunk_queue() = default;
  chunk_queue(chunk_queue&& o) noexcept { swap(o); }
  chunk_queue& operator=(chunk_queue&& o) noexcept {
    chunk_queue(std::move(o)).swap(*this);
    return *this;
  }
  chunk_queue(const chunk_queue&) = delete;
  chunk_queue& operator=(const chunk_queue&) = delete;
  ~chunk_queue() {
    clear();
    delete spare_;
  }

  bool empty() const { return size_ == 0; }
  std::size_t size() const { return size_; }

  void push_back(const T& v) {
    if (!tail_ || tail_pos_ == PerChunk) add_chunk();
    tail_->items[tail_pos_++] = v;
    ++size_;
  }
  template <class It>
  void append(It first, It last) {
    for (; first != last; ++first) push_back(*first);
  }
  const T& front() const {
    assert(size_ > 0);
    return head_->items[head_pos_];
  }
  const T& back() const {
    assert(size_ > 0);
    return tail_->items[tail_pos_ - 1];
  }
  T& back() {
    assert(size_ > 0);
    return tail_->items[tail_pos_ - 1];
  }
  void pop_front() {
    assert(size_ > 0);
    --size_;
    if (++head_pos_ < PerChunk && size_ > 0) return;
    // The head chunk is used up (or the queue is empty): recycle it.
    chunk* used = head_;
    head_ = used->next;
    head_pos_ = 0;
    if (!head_) {
      tail_ = nullptr;
      tail_pos_ = 0;
    }
    recycle(used);
  }
  void clear() {
    while (head_) recycle(std::exchange(head_, head_->next));
    tail_ = nullptr;
    head_pos_ = tail_pos_ = size_ = 0;
  }
  void swap(chunk_queue& o) noexcept {
    std::swap(head_, o.head_);
    std::swap(tail_, o.tail_);
    std::swap(head_pos_, o.head_pos_);
    std::swap(tail_pos_, o.tail_pos_);
    std::swap(size_, o.size_);
    std::swap(spare_, o.spare_);
  }

  class const_iterator {
   public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = T;
    using difference_type = std::ptrdiff_t;
    using pointer = const T*;
    using reference = const T&;
    const_iterator() = default;
    const_iterator(const chunk* c, std::size_t pos, std::size_t left) : c_(c), pos_(pos), left_(left) {}
    const T& operator*() const { return c_->items[pos_]; }
    const T* operator->() const { return &c_->items[pos_]; }
    const_iterator& operator++() {
      --left_;
      if (++pos_ == PerChunk) c_ = c_->next, pos_ = 0;
      return *this;
    }
    const_iterator operator++(int) {
      const_iterator was = *this;
      ++*this;
      return was;
    }
    bool operator==(const const_iterator& o) const { return left_ == o.left_; }

   private:
    const chunk* c_ = nullptr;
    std::size_t pos_ = 0;
    std::size_t left_ = 0;  // entries from here to the end: equal counts, equal positions
  };
  const_iterator begin() const { return {head_, head_pos_, size_}; }
  const_iterator end() const { return {nullptr, 0, 0}; }
  // As std::vector::insert at end(), so code written for a vector reads the same.
  template <class It>
  void insert(const_iterator where, It first, It last) {
    assert(where == end());
    (void)where;
    append(first, last);
  }

 private:
  void add_chunk() {
    chunk* c = spare_ ? std::exchange(spare_, nullptr) : new chunk;
    c->next = nullptr;
    (tail_ ? tail_->next : head_) = c;
    tail_ = c;
    tail_pos_ = 0;
  }
  void recycle(chunk* c) {
    if (spare_)
      delete c;
    else
      spare_ = c;
  }

  chunk* head_ = nullptr;
  chunk* tail_ = nullptr;
  std::size_t head_pos_ = 0;  // the front entry's index in head_
  std::size_t tail_pos_ = 0;  // the next free index in tail_
  std::size_t size_ = 0;
  chunk* spare_ = nullptr;
};

}  // namespace asyncrace
