#include "asyncio/subprocess.hpp"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <utility>

#include "loop/future_awaiter.hpp"
#include "pyrt/py_exception.hpp"
#include "pyrt/py_repr.hpp"

namespace asyncrace {

namespace {
constexpr double child_lifetime = 0.05;  // virtual seconds from spawn to exit
constexpr int child_pid = 4242;
}  // namespace

namespace detail {

struct stream_state {
  explicit stream_state(event_loop& l) : loop(&l) {}
  event_loop* loop;
  std::string buffer;
  bool eof = false;
  future_handle<void> waiter;  // StreamReader._waiter: what a reader waiting for data awaits

  // StreamReader._wakeup_waiter
  void wakeup_waiter() {
    if (waiter.valid() && !waiter.done()) waiter.state().set_result(none_t{});
    waiter = {};
  }
};

struct process_state {
  std::optional<int> returncode;
  std::shared_ptr<stream_state> stdout_pipe;  // null: the child writes to our stdout
  std::string output;                         // what the child writes, all of it at its exit
  std::vector<future_handle<int>> waiters;    // one future per proc.wait()

  // The child's exit (a timer callback): its output arrives, the pipe closes, waiters wake.
  void exit(event_loop& loop) {
    if (stdout_pipe) {
      stream_reader pipe(stdout_pipe);
      pipe.feed_data(output);
      pipe.feed_eof();
    } else if (!output.empty()) {
      std::string text = output;
      if (text.back() == '\n') text.pop_back();
      loop.emit(output_stream::out, text);  // inherited stdout
    }
    returncode = 0;
    for (const future_handle<int>& w : std::exchange(waiters, {}))
      if (!w.done()) w.state().set_result(0);
  }
};

namespace {
// StreamReader._wait_for_data: park until feed_data or feed_eof.
task<> wait_for_data(std::shared_ptr<stream_state> s) {
  s->waiter = create_future<void>(*s->loop);
  future_handle<void> w = s->waiter;
  co_await w;
}

task<bytes> readline(std::shared_ptr<stream_state> s) {
  for (;;) {
    const std::size_t nl = s->buffer.find('\n');
    if (nl != std::string::npos || s->eof) {
      const std::size_t n = nl == std::string::npos ? s->buffer.size() : nl + 1;
      bytes line(s->buffer.substr(0, n));
      s->buffer.erase(0, n);
      co_return line;
    }
    co_await wait_for_data(s);
  }
}

task<bytes> read(std::shared_ptr<stream_state> s) {
  while (!s->eof) co_await wait_for_data(s);
  co_return bytes(std::exchange(s->buffer, {}));
}

task<int> wait(std::shared_ptr<process_state> p) {
  if (!p->returncode) {
    future_handle<int> waiter = create_future<int>(*event_loop::current());
    p->waiters.push_back(waiter);
    co_await waiter;
  }
  co_return *p->returncode;
}

// The calendar date of a day count since 1970-01-01 (H. Hinnant's civil_from_days).
struct civil {
  std::int64_t year;
  unsigned month, day;
};
civil civil_from_days(std::int64_t z) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return {static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2), m, d};
}

// What a known program prints when its clock reads `at` (UTC, epoch 0.0, the C locale).
std::string program_output(const std::vector<std::string>& argv, double at) {
  const auto micros = static_cast<std::int64_t>(std::nearbyint(at * 1e6));  // timedelta's rounding
  std::int64_t seconds = micros / 1000000, us = micros % 1000000;
  if (us < 0) us += 1000000, --seconds;
  std::int64_t days = seconds / 86400, sod = seconds % 86400;
  if (sod < 0) sod += 86400, --days;
  const civil date = civil_from_days(days);
  const int hh = static_cast<int>(sod / 3600), mm = static_cast<int>(sod / 60 % 60), ss = static_cast<int>(sod % 60);
  char buf[64];
  if (argv.size() == 3 && argv[1] == "-c" && argv[2] == "import datetime; print(datetime.datetime.now())") {
    // str(datetime): the microseconds only when there are some.
    int n = std::snprintf(buf, sizeof buf, "%04lld-%02u-%02u %02d:%02d:%02d", static_cast<long long>(date.year),
                          date.month, date.day, hh, mm, ss);
    if (us) std::snprintf(buf + n, sizeof buf - static_cast<std::size_t>(n), ".%06lld", static_cast<long long>(us));
    return std::string(buf) + "\n";
  }
  const std::string& program = argv.empty() ? std::string() : argv[0];
  if (argv.size() == 1 && (program == "date" || program.ends_with("/date"))) {
    // date: %a %b %e %H:%M:%S UTC %Y
    static const char* const weekdays[] = {"Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"};
    static const char* const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const char* weekday = weekdays[((days % 7) + 7) % 7];  // 1970-01-01 was a Thursday
    std::snprintf(buf, sizeof buf, "%s %s %2u %02d:%02d:%02d UTC %lld\n", weekday, months[date.month - 1], date.day,
                  hh, mm, ss, static_cast<long long>(date.year));
    return buf;
  }
  std::string shown = "[";
  for (std::size_t i = 0; i < argv.size(); ++i) shown += (i ? ", " : "") + py_repr(argv[i]);
  throw py_exception("NotImplementedError", "asyncrace does not simulate the program " + shown + "]");
}

void child_exits(void* p) {
  auto* held = static_cast<std::shared_ptr<process_state>*>(p);
  (*held)->exit(*event_loop::current());
  delete held;
}
void child_dropped(void* p) { delete static_cast<std::shared_ptr<process_state>*>(p); }
}  // namespace
}  // namespace detail

task<bytes> stream_reader::readline() const { return detail::readline(s_); }
task<bytes> stream_reader::read() const { return detail::read(s_); }
bool stream_reader::at_eof() const { return s_->eof && s_->buffer.empty(); }

void stream_reader::feed_data(const std::string& data) const {
  if (data.empty()) return;
  s_->buffer += data;
  s_->wakeup_waiter();
}

void stream_reader::feed_eof() const {
  s_->eof = true;
  s_->wakeup_waiter();
}

process::process(std::shared_ptr<detail::process_state> s)
    : pid(child_pid), stdout_(s->stdout_pipe), s_(std::move(s)) {}

std::optional<int> process::returncode() const { return s_->returncode; }

task<int> process::wait() const { return detail::wait(s_); }

task<process> detail::create_subprocess_exec(std::vector<std::string> argv, subprocess::options options) {
  event_loop& loop = *event_loop::current();
  auto child = std::make_shared<detail::process_state>();
  const double end = loop.time() + child_lifetime;
  child->output = detail::program_output(argv, end);
  if (options.stdout_ == subprocess::PIPE) child->stdout_pipe = std::make_shared<detail::stream_state>(loop);
  loop.call_at(end, callback::bind<&detail::child_exits, &detail::child_dropped>(new std::shared_ptr<detail::process_state>(child)));
  co_return process(child);
}

}  // namespace asyncrace
