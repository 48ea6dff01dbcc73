// The frame pool (src/loop/frame_pool.hpp) across threads: each thread allocates from its own
// arena without a lock, and a block freed on another thread goes back to the arena it came from.
// The real pool's workers create frames the loop's thread frees, so these run under ThreadSanitizer
// (the native-tsan preset builds this suite). A block handed out twice, or reused while in use,
// shows as a block whose fill pattern was overwritten.
#include <doctest.h>

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

#include "loop/address_sanitizer.hpp"
#include "loop/bulk_memory.hpp"
#include "loop/frame_pool.hpp"

using asyncrace::detail::pool_allocate;
using asyncrace::detail::pool_deallocate;

namespace {
struct block {
  void* p;
  std::size_t size;
  unsigned char fill;
};

// Sizes across the pooled classes (up to 1 KB) and above them (plain operator new).
std::size_t size_for(std::size_t i) { return 16 + (i * 48) % 1104; }

block make(std::size_t i) {
  const std::size_t size = size_for(i);
  block b{pool_allocate(size), size, static_cast<unsigned char>(i * 7 + 1)};
  std::memset(b.p, b.fill, size);
  return b;
}

bool intact(const block& b) {
  const auto* bytes = static_cast<const unsigned char*>(b.p);
  for (std::size_t i = 0; i < b.size; ++i)
    if (bytes[i] != b.fill) return false;
  return true;
}

std::size_t count_intact(const std::vector<block>& blocks) {
  std::size_t n = 0;
  for (const block& b : blocks) n += intact(b) ? 1 : 0;
  return n;
}

std::size_t distinct(const std::vector<block>& blocks) {
  std::set<void*> seen;
  for (const block& b : blocks) seen.insert(b.p);
  return seen.size();
}

// Blocks not at a multiple of 8, or of alignof(std::max_align_t) for a size that is a multiple of it.
std::size_t misaligned(const std::vector<block>& blocks) {
  constexpr std::size_t strict = alignof(std::max_align_t);
  std::size_t n = 0;
  for (const block& b : blocks) {
    const auto at = reinterpret_cast<std::uintptr_t>(b.p);
    if (at % 8 != 0 || (b.size % strict == 0 && at % strict != 0)) ++n;
  }
  return n;
}

void free_all(const std::vector<block>& blocks) {
  for (const block& b : blocks) pool_deallocate(b.p, b.size);
}
}  // namespace

// Size classes are 8 bytes apart: a block whose size is a multiple of alignof(max_align_t) is
// aligned to it (a type of that size may need it), any other block to 8. Sizes interleaved, so the
// arena's carving switches between the two alignments at every block.
TEST_CASE("frame pool: every size up to 1 KB, aligned as its size requires, the blocks apart") {
  std::vector<block> blocks;
  // One block of each class per round (sizes 8 apart), so that consecutive blocks alternate
  // between the two alignments; rounds up, down, and off the classes' sizes.
  for (int round = 0; round < 3; ++round)
    for (std::size_t k = 1; k <= 137; ++k) {
      const std::size_t s = round == 0 ? 8 * k : round == 1 ? 8 * (138 - k) : 8 * k - 5;
      block b{pool_allocate(s), s, static_cast<unsigned char>(s * 13 + round)};
      std::memset(b.p, b.fill, s);
      blocks.push_back(b);
    }
  CHECK(misaligned(blocks) == 0);
  CHECK(distinct(blocks) == blocks.size());
  CHECK(count_intact(blocks) == blocks.size());
  // Freed and taken again, in the other order: the free lists hand back blocks of their size.
  free_all(blocks);
  std::vector<block> again;
  for (std::size_t i = blocks.size(); i-- > 0;) {
    block b{pool_allocate(blocks[i].size), blocks[i].size, static_cast<unsigned char>(i * 5 + 3)};
    std::memset(b.p, b.fill, b.size);
    again.push_back(b);
  }
  CHECK(misaligned(again) == 0);
  CHECK(count_intact(again) == again.size());
  free_all(again);
}

TEST_CASE("frame pool: blocks a live thread made, freed on another, serve that thread again intact") {
  constexpr std::size_t n = 3000;
  std::mutex m;
  std::condition_variable cv;
  int phase = 0;  // 1: the worker made its blocks; 2: main freed them; 3: the worker is done
  std::vector<block> first, second;
  std::thread worker([&] {
    for (std::size_t i = 0; i < n; ++i) first.push_back(make(i));
    {
      std::unique_lock lock(m);
      phase = 1;
      cv.notify_all();
      cv.wait(lock, [&] { return phase == 2; });
    }
    // The handed-back blocks are taken back as this thread's free lists run dry.
    for (std::size_t i = 0; i < n; ++i) second.push_back(make(i + 1));
    std::lock_guard lock(m);
    phase = 3;
    cv.notify_all();
  });
  {
    std::unique_lock lock(m);
    cv.wait(lock, [&] { return phase == 1; });
  }
  CHECK(count_intact(first) == n);
  CHECK(distinct(first) == n);
  free_all(first);
  {
    std::lock_guard lock(m);
    phase = 2;
    cv.notify_all();
  }
  worker.join();
  CHECK(count_intact(second) == n);
  CHECK(distinct(second) == n);
  free_all(second);  // the worker has ended: its arena goes with its last block
}

TEST_CASE("frame pool: blocks outlive the thread that made them") {
  std::vector<block> made;
  std::thread([&] {
    for (std::size_t i = 0; i < 2000; ++i) made.push_back(make(i));
    pool_deallocate(made.back().p, made.back().size);  // one freed on its own thread, as usual
    made.pop_back();
  }).join();
  std::vector<block> mine;
  for (std::size_t i = 0; i < 2000; ++i) mine.push_back(make(i + 3));
  CHECK(count_intact(made) == made.size());
  CHECK(count_intact(mine) == mine.size());
  std::vector<block> all = made;
  all.insert(all.end(), mine.begin(), mine.end());
  CHECK(distinct(all) == all.size());
  free_all(made);
  free_all(mine);
}

TEST_CASE("frame pool: threads free each other's blocks while all allocate") {
  constexpr int threads = 4;
  constexpr int rounds = 30;
  constexpr std::size_t per_round = 200;
  std::mutex m;
  std::vector<std::vector<block>> inbox(threads);  // blocks passed to thread i, to check and free
  std::vector<std::size_t> broken(threads, 0);
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t) {
    pool.emplace_back([&, t] {
      for (int r = 0; r < rounds; ++r) {
        std::vector<block> made;
        for (std::size_t i = 0; i < per_round; ++i) made.push_back(make(i + static_cast<std::size_t>(t * 31 + r)));
        std::vector<block> received;
        {
          std::lock_guard lock(m);
          // Half to the next thread, the rest freed here; take what others passed here.
          inbox[(t + 1) % threads].insert(inbox[(t + 1) % threads].end(), made.begin(), made.begin() + per_round / 2);
          received.swap(inbox[t]);
        }
        made.erase(made.begin(), made.begin() + per_round / 2);
        broken[t] += made.size() - count_intact(made) + received.size() - count_intact(received);
        free_all(made);
        free_all(received);
      }
    });
  }
  for (std::thread& th : pool) th.join();
  std::size_t left = 0;
  for (int t = 0; t < threads; ++t) {
    CHECK(broken[t] == 0);
    left += inbox[t].size();
    CHECK(count_intact(inbox[t]) == inbox[t].size());
    free_all(inbox[t]);
  }
  CHECK(left > 0);  // some blocks outlived the threads that made them
}

// The big arrays' storage (loop/bulk_memory.hpp): from 2 MB on Linux (not under AddressSanitizer)
// a mapping of its own, aligned to 2 MB for huge pages; the vectors built on it behave as vectors.
TEST_CASE("bulk memory: vectors grow across the mapped size and keep their contents") {
  const auto value = [](std::uint64_t i) { return i * 2654435761u; };
  asyncrace::bulk_vector<std::uint64_t> v;
  for (std::uint64_t i = 0; i < 1000000; ++i) v.push_back(value(i));  // 8 MB: mapped where it can be
  std::size_t wrong = 0;
  for (std::uint64_t i = 0; i < v.size(); ++i) wrong += v[i] != value(i) ? 1 : 0;
  CHECK(wrong == 0);
  CHECK(v.size() == 1000000);
  const auto address = reinterpret_cast<std::uintptr_t>(v.data());
  if (asyncrace::detail::bulk_mapped(v.capacity() * sizeof(std::uint64_t))) CHECK(address % (2 * 1024 * 1024) == 0);
  v.resize(10);
  v.shrink_to_fit();  // back under 2 MB: operator new
  CHECK(!asyncrace::detail::bulk_mapped(v.capacity() * sizeof(std::uint64_t)));
  CHECK(v[9] == value(9));
  asyncrace::bulk_vector<std::uint64_t> moved = std::move(v);
  CHECK(moved.size() == 10);
  CHECK(moved[3] == value(3));
}

TEST_CASE("bulk memory: mapped where huge pages are the rule") {
#if defined(__linux__) && !defined(__EMSCRIPTEN__) && !ASYNCRACE_ADDRESS_SANITIZER
  CHECK(asyncrace::detail::bulk_mapped(2 * 1024 * 1024));
#else
  CHECK(!asyncrace::detail::bulk_mapped(2 * 1024 * 1024));
#endif
  CHECK(!asyncrace::detail::bulk_mapped(2 * 1024 * 1024 - 1));
}
