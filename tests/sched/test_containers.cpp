// The loop's own containers (src/loop/chunk_queue.hpp, paged_array.hpp), checked against the
// standard containers they stand in for, across many chunk and page boundaries.
#include <doctest.h>

#include <cstdint>
#include <deque>
#include <vector>

#include "loop/chunk_queue.hpp"
#include "loop/paged_array.hpp"

using asyncrace::chunk_queue;
using asyncrace::paged_array;

namespace {
template <class Q>
std::vector<std::uint64_t> contents(const Q& q) {
  return std::vector<std::uint64_t>(q.begin(), q.end());
}
}  // namespace

TEST_CASE("chunk_queue: a FIFO across chunks, as std::deque") {
  chunk_queue<std::uint64_t, 8> q;  // small chunks: many boundaries
  std::deque<std::uint64_t> model;
  std::uint64_t next = 0;
  std::size_t mismatches = 0;
  // Rounds of pushes and pops of changing sizes: the queue grows to 200,000, drains, refills.
  const std::size_t pushes[] = {5, 9, 100, 3000, 200000, 1, 70000, 0, 17};
  const std::size_t pops[] = {3, 11, 50, 1000, 150000, 52000, 60000, 7000, 0};
  for (std::size_t r = 0; r < std::size(pushes); ++r) {
    for (std::size_t i = 0; i < pushes[r]; ++i, ++next) {
      q.push_back(next);
      model.push_back(next);
    }
    CHECK(q.back() == model.back());
    for (std::size_t i = 0; i < pops[r] && !model.empty(); ++i) {
      mismatches += q.front() != model.front() ? 1 : 0;
      q.pop_front();
      model.pop_front();
    }
    CHECK(q.size() == model.size());
    CHECK(q.empty() == model.empty());
    if (r == 4) CHECK(contents(q) == std::vector<std::uint64_t>(model.begin(), model.end()));
  }
  CHECK(mismatches == 0);
  CHECK(contents(q) == std::vector<std::uint64_t>(model.begin(), model.end()));
  chunk_queue<std::uint64_t, 8> moved = std::move(q);
  CHECK(q.empty());
  CHECK(moved.size() == model.size());
  CHECK(contents(moved) == std::vector<std::uint64_t>(model.begin(), model.end()));
  moved.clear();
  CHECK(moved.empty());
  moved.push_back(42);
  CHECK(moved.front() == 42);
}

namespace {
int alive = 0;
struct counted {
  std::uint64_t v = 7;  // value-initialised as the slots are
  counted() { ++alive; }
  ~counted() { --alive; }
};
}  // namespace

TEST_CASE("paged_array: elements stay put and keep their values across pages") {
  {
    paged_array<counted, 4> a;  // pages of 4 elements
    std::vector<counted*> where;
    for (std::uint64_t i = 0; i < 100000; ++i) {
      counted& c = a.emplace_back();
      CHECK(c.v == 7);
      c.v = i * 3 + 1;
      where.push_back(&c);
    }
    CHECK(a.size() == 100000);
    CHECK(alive == 100000);
    std::size_t wrong = 0;
    for (std::size_t i = 0; i < a.size(); ++i) wrong += (a[i].v != i * 3 + 1 || &a[i] != where[i]) ? 1 : 0;
    CHECK(wrong == 0);
    // The edges of the first pages.
    CHECK(a[3].v == 10);
    CHECK(a[4].v == 13);
    CHECK(a[11].v == 34);
    CHECK(a[12].v == 37);
  }
  CHECK(alive == 0);  // each element constructed once, destroyed once
}
