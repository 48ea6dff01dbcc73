// asyncrace-pool-bench: the real native pool (src/pool). 30 × cpu_bound (the seed's real
// 2,000,000-step loop) through run_in_executor on 1 and on 2 workers, the speedup, and the
// worker round trip (submit → worker → loop → awaiting task) of an empty job. Not a test:
// bench/pool.sh builds and runs it; nothing is checked against a time.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "pool/native_pool.hpp"
#include "pool/real_executors.hpp"
#include "sched/asyncio.hpp"
#include "tutorials/cpu_tasks.hpp"

using namespace asyncrace;
using wall = std::chrono::steady_clock;

namespace {
double seconds_since(wall::time_point t0) { return std::chrono::duration<double>(wall::now() - t0).count(); }

// 30 cpu_bound calls on `workers` workers (started before the clock starts), best of `repeat`.
double thirty_cpu_bound(int workers, int repeat, std::int64_t& checksum) {
  double best = 1e300;
  for (int r = 0; r < repeat; ++r) {
    pool::native_pool p(workers);
    event_loop loop;
    std::vector<std::int64_t> res;
    const auto t0 = wall::now();
    asyncio::run(loop, [](pool::native_pool& pl, std::vector<std::int64_t>& out) -> task<> {
      std::vector<future_handle<std::int64_t>> fs;
      for (std::int64_t i = 0; i < 30; ++i) fs.push_back(run_in_executor(pl, cpu_tasks::cpu_bound, i));
      out = co_await asyncio::gather(std::move(fs));
    }(p, res));
    best = std::min(best, seconds_since(t0));
    checksum = 0;
    for (std::int64_t v : res) checksum += v;
  }
  return best;
}

// Sequential round trips of an empty job on one worker: per-trip times, sorted.
std::vector<double> round_trips(int n) {
  pool::native_pool p(1);
  event_loop loop;
  std::vector<double> trips;
  trips.reserve(static_cast<std::size_t>(n));
  asyncio::run(loop, [](pool::native_pool& pl, std::vector<double>& out, int count) -> task<> {
    for (int i = 0; i < count; ++i) {
      const auto t0 = wall::now();
      co_await run_in_executor(pl, [] { return 0; });
      out.push_back(seconds_since(t0));
    }
  }(p, trips, n));
  std::sort(trips.begin(), trips.end());
  return trips;
}
}  // namespace

int main(int argc, char** argv) {
  const int repeat = argc > 1 ? std::max(1, std::atoi(argv[1])) : 3;
  const int trips = argc > 2 ? std::max(10, std::atoi(argv[2])) : 2000;
  // One cpu_bound on this thread, for scale.
  auto t0 = wall::now();
  volatile std::int64_t one = cpu_bound_loop(1);
  (void)one;
  const double single = seconds_since(t0);

  std::int64_t sum1 = 0, sum2 = 0;
  const double w1 = thirty_cpu_bound(1, repeat, sum1);
  const double w2 = thirty_cpu_bound(2, repeat, sum2);
  std::vector<double> rt = round_trips(trips);
  auto pct = [&](double q) { return rt[static_cast<std::size_t>(q * static_cast<double>(rt.size() - 1))] * 1e6; };

  std::printf("hardware threads: %d; best of %d runs; checksums %lld / %lld (expected 350333132)\n",
              pool::hardware_workers(), repeat, static_cast<long long>(sum1), static_cast<long long>(sum2));
  std::printf("\n| native std::thread pool | time | speedup |\n|---|---:|---:|\n");
  std::printf("| 1 x cpu_bound on the calling thread | %.3f s | |\n", single);
  std::printf("| 30 x cpu_bound, 1 worker | %.3f s | 1.00x |\n", w1);
  std::printf("| 30 x cpu_bound, 2 workers | %.3f s | %.2fx |\n", w2, w1 / w2);
  std::printf("\nworker round trip (empty job: submit, worker, loop, awaiting task), %d trips:\n", trips);
  std::printf("  median %.1f µs, p90 %.1f µs, p99 %.1f µs, min %.1f µs\n", pct(0.5), pct(0.9), pct(0.99), rt.front() * 1e6);
  return sum1 == 350333132 && sum2 == 350333132 ? 0 : 1;
}
