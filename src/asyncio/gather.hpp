// asyncio.gather: wraps each coroutine in a Task at once (in argument order) and completes when all
// have, with their results in argument order. The first exception propagates to the awaiter
// unless return_exceptions is given. As in CPython, each child's completion reaches the gather
// through its own done-callback, and the gather's completion reaches its awaiter through another:
// the awaiter resumes two iterations after the last child finished. Cancelling a gather cancels
// every child still running (_GatheringFuture.cancel).
#pragma once

#include <tuple>
#include <utility>
#include <vector>

#include <optional>
#include <string>

#include "loop/future_awaiter.hpp"
#include "loop/task_state.hpp"
#include "pyrt/py_exception.hpp"

namespace asyncrace {

template <class R>
class gather_state final : public future_state<R> {
 public:
  using collect_fn = R (*)(const std::vector<future_core*>&);

  gather_state(event_loop& loop, std::vector<future_core*> children, task_id first_child,
               collect_fn collect, bool return_exceptions = false)
      : future_state<R>(loop), children_(std::move(children)), collect_(collect),
        first_child_(first_child), return_exceptions_(return_exceptions) {
    links_.reserve(children_.size());
    for (std::size_t i = 0; i < children_.size(); ++i) links_.push_back({this, i});
    for (std::size_t i = 0; i < children_.size(); ++i) {
      this->add_ref();  // each pending child callback keeps the gather alive
      children_[i]->add_done_callback({&gather_state::child_done, &links_[i], &gather_state::drop_link});
    }
    if (children_.empty()) this->set_result(collect_(children_));
  }
  ~gather_state() override {
    for (future_core* c : children_) c->release();
  }

  // _GatheringFuture.cancel: cancel the children; the gather ends when they have.
  bool cancel() override {
    if (this->done()) return false;
    bool any = false;
    for (future_core* c : children_) any = c->cancel() || any;
    if (any) cancel_requested_ = true;
    return any;
  }

  std::string repr() const override { return future_repr(*this, "_GatheringFuture"); }

  std::size_t size() const { return children_.size(); }
  task_id first_child() const { return first_child_; }  // the children's ids are consecutive

 private:
  struct link {
    gather_state* gather;
    std::size_t index;
  };

  // gather's _done_callback
  static void child_done(void* arg) {
    auto* l = static_cast<link*>(arg);
    gather_state& g = *l->gather;
    g.child_finished(*g.children_[l->index]);
    g.release();
  }
  void child_finished(future_core& child) {
    ++finished_;
    if (this->done()) return;
    if (!return_exceptions_) {
      if (child.cancelled()) return this->set_exception(std::make_exception_ptr(cancelled_error()));
      if (child.exception()) return this->set_exception(child.exception());
    }
    if (finished_ < children_.size()) return;
    if (cancel_requested_)
      this->set_exception(std::make_exception_ptr(cancelled_error()));
    else
      this->set_result(collect_(children_));
  }

  static void drop_link(void* arg) { static_cast<link*>(arg)->gather->release(); }

  std::vector<future_core*> children_;  // each holds one reference
  std::vector<link> links_;
  collect_fn collect_;
  task_id first_child_;
  std::size_t finished_ = 0;
  bool return_exceptions_;
  bool cancel_requested_ = false;
};

// One child's outcome in gather(return_exceptions, ...): its value, or the exception it raised
// (CancelledError for a cancelled child).
template <class T>
struct outcome {
  std::optional<stored_t<T>> value;
  std::exception_ptr error;

  bool ok() const { return !error; }
  // "ValueError: bad after 0.1" for a py_exception, else the C++ what().
  std::string error_text() const {
    try {
      std::rethrow_exception(error);
    } catch (const py_exception& e) {
      return e.python_text();
    } catch (const std::exception& e) {
      return e.what();
    }
  }
};

// Tag: `asyncio::gather(asyncio::return_exceptions, a(), b())`.
struct return_exceptions_t {};
inline constexpr return_exceptions_t return_exceptions{};

// The awaitable a gather returns; also usable as a handle (done(), result()).
template <class R>
class gather_future {
 public:
  explicit gather_future(ref<gather_state<R>> s) : s_(std::move(s)) {}
  bool done() const { return s_->done(); }
  bool cancel() const { return s_->cancel(); }
  const R& result() const { return s_->result(); }

  future_awaiter<R> operator co_await() const noexcept {
    return {s_.get(), wait_target{wait_kind::gather, 0.0, s_->first_child(),
                                  static_cast<std::uint32_t>(s_->size())}};
  }

 private:
  ref<gather_state<R>> s_;
};

namespace detail {
template <class T>
future_core* spawn(event_loop& loop, task<T>&& coro, task_id& first) {
  task_handle<T> h = create_task(loop, std::move(coro));
  if (first == no_task) first = h.id();
  future_core* f = &h.state();
  f->add_ref();
  return f;
}

template <class... T, std::size_t... I>
std::tuple<stored_t<T>...> collect_tuple(const std::vector<future_core*>& c, std::index_sequence<I...>) {
  return {static_cast<task_state<T>*>(c[I])->result()...};
}

template <class T>
outcome<T> outcome_of(future_core* f) {
  if (f->cancelled()) return {std::nullopt, std::make_exception_ptr(cancelled_error())};
  if (f->exception()) return {std::nullopt, f->exception()};
  return {static_cast<task_state<T>*>(f)->result(), nullptr};
}

template <class... T, std::size_t... I>
std::tuple<outcome<T>...> collect_outcomes(const std::vector<future_core*>& c, std::index_sequence<I...>) {
  return {outcome_of<T>(c[I])...};
}
}  // namespace detail

// `co_await asyncio::gather(a(), b(), c())` → std::tuple of results (none_t for void).
template <class... T>
auto gather(task<T>... coros) {
  using result = std::tuple<stored_t<T>...>;
  event_loop& loop = *event_loop::current();
  task_id first = no_task;
  std::vector<future_core*> children{detail::spawn(loop, std::move(coros), first)...};
  auto* s = new gather_state<result>(loop, std::move(children), first, [](const std::vector<future_core*>& c) {
    return detail::collect_tuple<T...>(c, std::index_sequence_for<T...>{});
  });
  return gather_future<result>{ref<gather_state<result>>(s)};
}

// `co_await asyncio::gather(asyncio::return_exceptions, a(), b())` → std::tuple of outcome<T>:
// exceptions are results, nothing propagates (return_exceptions=True).
template <class... T>
auto gather(return_exceptions_t, task<T>... coros) {
  using result = std::tuple<outcome<T>...>;
  event_loop& loop = *event_loop::current();
  task_id first = no_task;
  std::vector<future_core*> children{detail::spawn(loop, std::move(coros), first)...};
  auto* s = new gather_state<result>(
      loop, std::move(children), first,
      [](const std::vector<future_core*>& c) {
        return detail::collect_outcomes<T...>(c, std::index_sequence_for<T...>{});
      },
      true);
  return gather_future<result>{ref<gather_state<result>>(s)};
}

// `co_await asyncio::gather(std::move(many))` → std::vector of results, in order.
template <class T>
auto gather(std::vector<task<T>> coros) {
  using result = std::vector<stored_t<T>>;
  event_loop& loop = *event_loop::current();
  task_id first = no_task;
  std::vector<future_core*> children;
  children.reserve(coros.size());
  for (task<T>& c : coros) children.push_back(detail::spawn(loop, std::move(c), first));
  // Freed now, not kept (its capacity too) while `co_await gather(...)` waits: a million handles.
  coros = std::vector<task<T>>();
  auto* s = new gather_state<result>(loop, std::move(children), first, [](const std::vector<future_core*>& c) {
    result out;
    out.reserve(c.size());
    for (future_core* f : c) out.push_back(static_cast<task_state<T>*>(f)->result());
    return out;
  });
  return gather_future<result>{ref<gather_state<result>>(s)};
}

}  // namespace asyncrace
