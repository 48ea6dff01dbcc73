#include "loop/external_work.hpp"

#include <cmath>
#include <limits>
#include <condition_variable>
#include <mutex>

#include "loop/executor.hpp"

namespace asyncrace {

struct external_work::inbox {
  std::mutex mutex;
  std::condition_variable arrived;
  std::vector<callback> done;  // handed back, not yet taken by the loop
};

external_work::external_work(const executor_factory* executors) : executors_(executors) {}
external_work::~external_work() = default;

void external_work::begin() {
  if (!inbox_) inbox_ = std::make_unique<inbox>();
  if (pending_++ == 0) wall_sync_ = wall_clock::now();  // the clock follows the wall from here
}

void external_work::done(callback cb) {
  std::lock_guard lock(inbox_->mutex);
  inbox_->done.push_back(cb);
  inbox_->arrived.notify_one();
}

bool external_work::handed_back() const {
  if (pending_ == 0) return false;
  std::lock_guard lock(inbox_->mutex);
  return !inbox_->done.empty();
}

bool external_work::may_wait() const {
  return executors_ == nullptr || !executors_->hands_back_between_iterations();
}

double external_work::sync() {
  const auto wall = wall_clock::now();
  const double elapsed = std::chrono::duration<double>(wall - wall_sync_).count();
  wall_sync_ = wall;
  return elapsed;
}

double external_work::before_sync(wall_clock::time_point t) const {
  return std::chrono::duration<double>(wall_sync_ - t).count();
}

double external_work::since_sync() const {
  return std::chrono::duration<double>(wall_clock::now() - wall_sync_).count();
}

std::size_t external_work::take(chunk_queue<callback>& ready, std::optional<double> wait) {
  std::unique_lock lock(inbox_->mutex);
  auto arrived = [&] { return !inbox_->done.empty(); };
  if (wait && !arrived()) {
    if (std::isinf(*wait)) {
      inbox_->arrived.wait(lock, arrived);
    } else {
      const auto due = wall_sync_ + std::chrono::duration_cast<wall_clock::duration>(std::chrono::duration<double>(*wait));
      inbox_->arrived.wait_until(lock, due, arrived);
    }
  }
  const std::size_t taken = inbox_->done.size();
  pending_ -= taken;
  ready.insert(ready.end(), inbox_->done.begin(), inbox_->done.end());
  inbox_->done.clear();
  return taken;
}

void external_work::drain(chunk_queue<callback>& ready) {
  if (pending_ > 0 && !may_wait()) {
    take(ready, std::nullopt);
    pending_ = 0;
  }
  while (pending_ > 0) take(ready, std::numeric_limits<double>::infinity());
}

}  // namespace asyncrace
