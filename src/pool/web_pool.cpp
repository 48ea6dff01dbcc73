#include "web_pool.hpp"

#include <emscripten.h>

#include <cstdint>
#include <string_view>

#include "loop/event_loop.hpp"

extern "C" {
// web_pool.js
int asyncrace_js_workers_available();
int asyncrace_js_hardware_threads();
int asyncrace_js_cross_origin_isolated();
double asyncrace_js_epoch_ms();
void asyncrace_js_worker_start(int slot);
void asyncrace_js_worker_post(int slot, std::uint32_t serial, const char* data, std::size_t size);
void asyncrace_js_worker_terminate(int slot);
void asyncrace_js_watch_start();
}

namespace asyncrace::pool {
namespace {

class web_transport final : public transport {
 public:
  void start(int slot) override { asyncrace_js_worker_start(slot); }
  void post(int slot, std::uint32_t serial, std::string_view call) override {
    asyncrace_js_worker_post(slot, serial, call.data(), call.size());
    asyncrace_js_watch_start();  // jobs are out: look for abandoned ones
  }
  void terminate(int slot) override { asyncrace_js_worker_terminate(slot); }
  double wall_ms() const override { return asyncrace_js_epoch_ms(); }
};

}  // namespace

message_workers& web_workers() {
  static web_transport transport;
  static message_workers workers(transport);
  return workers;
}

bool web_workers_available() { return asyncrace_js_workers_available() != 0; }

bool cross_origin_isolated() { return asyncrace_js_cross_origin_isolated() != 0; }

int web_hardware_threads() { return asyncrace_js_hardware_threads(); }

worker_news_listener& web_worker_news_listener() {
  static worker_news_listener listener = nullptr;
  return listener;
}

namespace {
void tell_news() {
  if (worker_news_listener listener = web_worker_news_listener()) listener();
}
}  // namespace

}  // namespace asyncrace::pool

// Called by web_pool.js.
extern "C" {
EMSCRIPTEN_KEEPALIVE void asyncrace_web_worker_reply(int slot, std::uint32_t serial, const char* data,
                                                     std::size_t size) {
  asyncrace::pool::web_workers().reply(slot, serial, std::string_view(data, size));
  asyncrace::pool::tell_news();
}
EMSCRIPTEN_KEEPALIVE void asyncrace_web_worker_failed(int slot) {
  asyncrace::pool::web_workers().failed(slot);
  asyncrace::pool::tell_news();
}
// Every 50 ms while jobs are out: recycles workers whose job nobody awaits; false when none is out.
EMSCRIPTEN_KEEPALIVE int asyncrace_web_workers_watch() {
  asyncrace::pool::message_workers& w = asyncrace::pool::web_workers();
  w.recycle_abandoned();
  return w.any_jobs() ? 1 : 0;
}
}
