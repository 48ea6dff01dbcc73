// An indexable array that grows a page at a time (the timer heap's slots): growing never copies
// or moves what is stored, and never holds the old and the new storage at once, as a vector
// doubling past a million entries does.
#pragma once

#include <cstddef>
#include <memory>
#include <vector>

namespace asyncrace {

template <class T, std::size_t PerPage = 4096>
class paged_array {
 public:
  std::size_t size() const { return size_; }
  T& operator[](std::size_t i) { return pages_[i / PerPage][i % PerPage]; }
  const T& operator[](std::size_t i) const { return pages_[i / PerPage][i % PerPage]; }

  // Appends a value-initialised element.
  T& emplace_back() {
    if (size_ == pages_.size() * PerPage) pages_.push_back(std::make_unique<T[]>(PerPage));
    T& added = (*this)[size_++];
    added = T{};
    return added;
  }

 private:
  std::vector<std::unique_ptr<T[]>> pages_;
  std::size_t size_ = 0;
};

}  // namespace asyncrace
