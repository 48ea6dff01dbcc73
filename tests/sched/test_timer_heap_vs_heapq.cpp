// The timer heap against CPython's own scheduling, replayed from timer_heap_expectations.txt
// (generate_timer_heap_expectations.py: random push / cancel / pop sequences with many equal
// deadlines, for every tie policy, with deadlines in any order and mostly in order, so that both
// the heap and fifo's in-order queue are used, and cancelled timers are pruned both ways).
#include <doctest.h>

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "loop/timer_heap.hpp"

using namespace asyncrace;

namespace {

struct block_result {
  std::string header;
  std::size_t pops = 0;
  std::string mismatch;  // the first pop that differs, empty when every pop matched
};

// Replays one block's lines on a fresh heap.
block_result replay(const std::string& header, tie_policy policy, const std::vector<std::string>& lines) {
  block_result out{header, 0, {}};
  timer_heap heap(policy);
  std::vector<timer_id> ids;
  for (const std::string& line : lines) {
    std::istringstream in(line);
    std::string op;
    in >> op;
    if (op == "push") {
      std::string when;
      in >> when;
      const auto number = static_cast<std::uintptr_t>(ids.size());
      ids.push_back(heap.push(std::strtod(when.c_str(), nullptr), {[](void*, bool) {}, reinterpret_cast<void*>(number)}));
    } else if (op == "cancel") {
      std::size_t k = 0;
      in >> k;
      REQUIRE(k < ids.size());
      heap.cancel(ids[k]);
    } else {
      REQUIRE(op == "pop");
      std::string want;
      in >> want;
      heap.prune_cancelled();  // as the loop does before taking due timers
      std::string got = "nothing";
      if (!heap.empty()) {
        const callback cb = heap.pop();
        got = cb.fn ? std::to_string(reinterpret_cast<std::uintptr_t>(cb.arg)) : "a cancelled timer";
      }
      if (want == "-") want = "nothing";
      if (got != want) {
        out.mismatch = "pop " + std::to_string(out.pops + 1) + ": CPython pops " + want + ", the heap " + got;
        return out;
      }
      ++out.pops;
    }
  }
  if (!heap.empty()) out.mismatch = "timers left after CPython's heap is empty";
  return out;
}

// Every block of the file for one policy.
std::vector<block_result> replay_all(std::string_view policy_name) {
  std::ifstream file(std::string(ASYNCRACE_SOURCE_DIR) + "/tests/sched/timer_heap_expectations.txt");
  REQUIRE_MESSAGE(file.good(), "timer_heap_expectations.txt: run tests/sched/generate_timer_heap_expectations.py");
  const std::optional<tie_policy> policy = parse_tie_policy(policy_name);
  REQUIRE(policy.has_value());
  std::vector<block_result> results;
  std::string line, header;
  std::vector<std::string> lines;
  auto flush = [&] {
    if (!header.empty()) results.push_back(replay(header, *policy, lines));
    header.clear();
    lines.clear();
  };
  while (std::getline(file, line)) {
    if (line.rfind("block ", 0) == 0) {
      flush();
      if (line.rfind("block " + std::string(policy_name) + " ", 0) == 0) header = line;
    } else if (!header.empty()) {
      lines.push_back(line);
    }
  }
  flush();
  return results;
}

void check_policy(std::string_view policy) {
  const std::vector<block_result> results = replay_all(policy);
  REQUIRE(results.size() == 24);  // 12 seeds x 2 shapes
  std::size_t pops = 0;
  for (const block_result& r : results) {
    CHECK_MESSAGE(r.mismatch.empty(), r.header << ": " << r.mismatch);
    pops += r.pops;
  }
  CHECK(pops > 1500);  // the blocks really pop (a file of empty blocks would match trivially)
}

}  // namespace

TEST_CASE("timer heap = CPython's _scheduled heapq, popping equal deadlines in heapq's order (cpython-heap)") {
  check_policy("cpython-heap");
}

TEST_CASE("timer heap = (deadline, scheduling order) on the heap and the in-order queue (fifo)") {
  check_policy("fifo");
}

TEST_CASE("timer heap = (deadline, scheduling order) on the heap and the in-order queue (jitter)") {
  check_policy("jitter");
}
