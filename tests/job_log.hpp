// A loop observer that keeps only the executor jobs as the executor reports them (its own pool
// ids, not the trace's dense ones), for the executor tests, virtual and real.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "loop/observer.hpp"

namespace asyncrace::testing {

struct job_log final : loop_observer {
  struct job {
    std::uint32_t pool, worker;
    std::string what;
    double queued, start, end;
    task_id for_task;
  };
  std::vector<job> jobs;
  void executor_job(std::uint32_t pool, std::uint32_t worker, std::string_view what, double queued, double start,
                    double end, task_id for_task) override {
    jobs.push_back({pool, worker, std::string(what), queued, start, end, for_task});
  }
  void task_created(task_id, task_id, std::string_view, std::string_view, double) override {}
  void task_stepped(task_id, double) override {}
  void task_suspended(task_id, const wait_target&, double) override {}
  void task_finished(task_id, task_outcome, double) override {}
  void output(task_id, output_stream, std::string_view, double) override {}
  void loop_blocked(task_id, double, double) override {}
};

}  // namespace asyncrace::testing
