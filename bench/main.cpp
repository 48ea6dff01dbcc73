// asyncrace-bench <workload> <on|off> [n]: runs one workload once and prints one line,
//   asyncrace <workload> tracing=<on|off> n=<n> seconds=<wall> peak_mb=<MiB> check=<n> ...
// One workload per process, so the peak memory is that workload's. bench/run.sh drives it.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "peak_memory.hpp"
#include "workloads.hpp"

int main(int argc, char** argv) {
  using namespace asyncrace;
  if (argc < 3 || (std::string_view(argv[2]) != "on" && std::string_view(argv[2]) != "off")) {
    std::fprintf(stderr, "usage: asyncrace-bench sleepers|create_task|chain on|off [n]\n");
    return 2;
  }
  const std::string_view name = argv[1];
  const bool tracing = std::string_view(argv[2]) == "on";
  const auto n = static_cast<std::uint32_t>(argc > 3 ? std::strtoul(argv[3], nullptr, 10) : 1000000);

  trace::recording recording;
  bench::workload_result result;
  // Wall time of the whole run: loop and tasks created, run, destroyed (process start excluded).
  const auto begin = std::chrono::steady_clock::now();
  if (!bench::run_workload(name, n, tracing ? &recording : nullptr, result)) {
    std::fprintf(stderr, "asyncrace-bench: unknown workload '%s'\n", argv[1]);
    return 2;
  }
  const std::chrono::duration<double> wall = std::chrono::steady_clock::now() - begin;
  const double peak_mb = bench::peak_memory_mb();
  // After measuring: reading the lanes builds them from the recording's event log (reported
  // apart, as read_seconds and read_peak_mb). The trace must hold a lane per task (n + 1 with
  // main; chain has 1).
  const auto read_begin = std::chrono::steady_clock::now();
  const std::size_t lanes = recording.lanes().size();
  const std::chrono::duration<double> read = std::chrono::steady_clock::now() - read_begin;
  std::printf("asyncrace %s tracing=%s n=%u seconds=%.4f peak_mb=%.1f check=%llu virtual_end=%g lanes=%zu "
              "read_seconds=%.4f read_peak_mb=%.1f\n",
              argv[1], argv[2], n, wall.count(), peak_mb, static_cast<unsigned long long>(result.check),
              result.virtual_end, lanes, read.count(), bench::peak_memory_mb());
  return 0;
}
