// CPython's _GatheringFuture and the construction every gather shares (asyncio.gather over
// coroutines, Tasks or futures, the interpreter's asyncio.gather, asyncio.run's cancellation of
// what main left). One rule for an awaitable passed twice, as CPython's gather (its `arg_to_fut`
// dict): it is gathered once (one done-callback, counted once towards completion), its result
// appears at each of its places, and cancelling the gather cancels it once per place
// (_GatheringFuture.cancel walks `children`, duplicates included: a Task passed twice sees
// cancelling() == 2).
#pragma once

#include <cstddef>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "loop/bulk_memory.hpp"
#include "loop/future.hpp"
#include "loop/future_awaiter.hpp"
#include "loop/object_repr.hpp"
#include "loop/observer.hpp"
#include "pyrt/py_exception.hpp"

namespace asyncrace {

// One argument of a gather: its future, and the Task behind it (for traces), if any.
struct gather_child {
  future_core* future;
  task_id task = no_task;
};

// A gather's arguments, and its children's futures (megabytes for a gather of a million Tasks).
using gather_args = bulk_vector<gather_child>;
using gather_futures = bulk_vector<future_core*>;

// Whether the caller knows its children are distinct (a fresh Task per argument): the gather then
// skips looking for repeats, which a million fresh Tasks would pay for.
enum class gather_children : bool { may_repeat, distinct };

template <class R>
class gather_state final : public future_state<R> {
 public:
  // The result from the children, one per argument (a repeated child at each of its places).
  using collect_fn = R (*)(const gather_futures&);

  // Takes a reference to each distinct child (the caller keeps its own).
  gather_state(event_loop& loop, const gather_args& args, collect_fn collect,
               bool return_exceptions, gather_children kind)
      : future_state<R>(loop), collect_(collect), return_exceptions_(return_exceptions) {
    if (kind == gather_children::distinct) take_distinct(args);
    else take_with_repeats(args);
    links_.assign(children_.size(), link{this});  // never resized again: callbacks point into it
    for (std::size_t i = 0; i < children_.size(); ++i) {
      children_[i]->add_ref();
      this->add_ref();  // each pending child callback keeps the gather alive
      children_[i]->add_done_callback(callback::bind<&gather_state::child_done, &gather_state::drop_link>(&links_[i]));
    }
    if (children_.empty()) this->set_result(collect_(children_));
  }
  ~gather_state() override {
    for (future_core* c : children_) c->release();
  }

  // _GatheringFuture.cancel: cancel the children (once per place); the gather ends when they have.
  bool cancel() override {
    if (this->done()) return false;
    bool any = false;
    if (places_.empty())
      for (future_core* c : children_) any = c->cancel() || any;
    else
      for (std::size_t p : places_) any = children_[p]->cancel() || any;
    if (any) cancel_requested_ = true;
    return any;
  }

  std::string repr() const override { return future_repr(*this, "_GatheringFuture"); }

  std::size_t size() const { return children_.size(); }  // distinct children
  task_id first_child() const { return first_child_; }    // the lowest Task id among them
  // What a task awaiting the gather waits on, for traces.
  wait_target waited_as() const {
    return {wait_kind::gather, 0.0, first_child_, static_cast<std::uint32_t>(children_.size())};
  }

 private:
  // A child's done-callback argument: links_[i] for child i, so the index is its place in links_
  // (8 bytes a child, not 16 with the index stored).
  struct link {
    gather_state* gather;
  };

  void note_task(task_id t) {
    if (t != no_task && (first_child_ == no_task || t < first_child_)) first_child_ = t;
  }
  void take_distinct(const gather_args& args) {
    children_.reserve(args.size());
    for (const gather_child& a : args) {
      children_.push_back(a.future);
      note_task(a.task);
    }
  }
  // arg_to_fut: each distinct future once, in order of first appearance; a hash map, not a scan,
  // so that gather(*a_million_tasks) stays linear.
  void take_with_repeats(const gather_args& args) {
    std::unordered_map<const future_core*, std::size_t> index;
    places_.reserve(args.size());
    bool repeats = false;
    for (const gather_child& a : args) {
      const auto [at, added] = index.try_emplace(a.future, children_.size());
      if (added) {
        children_.push_back(a.future);
        note_task(a.task);
      }
      repeats = repeats || !added;
      places_.push_back(at->second);
    }
    if (!repeats) places_.clear();  // the common case: children_ is the argument list
  }
  // The argument list, a repeated child at each of its places (CPython's `children`), when some
  // child repeats (else children_ is that list).
  gather_futures by_argument() const {
    gather_futures out;
    out.reserve(places_.size());
    for (std::size_t p : places_) out.push_back(children_[p]);
    return out;
  }

  // gather's _done_callback
  static void child_done(void* arg) {
    auto* l = static_cast<link*>(arg);
    gather_state& g = *l->gather;
    g.child_finished(*g.children_[static_cast<std::size_t>(l - g.links_.data())]);
    g.release();
  }
  void child_finished(future_core& child) {
    ++finished_;
    // Every child's exception counts as retrieved (`fut.exception()`, whatever happens next).
    if (!child.cancelled()) (void)child.retrieve_exception();
    if (this->done()) return;
    if (!return_exceptions_) {
      if (child.cancelled()) return this->set_exception(std::make_exception_ptr(cancelled_error()));
      if (child.exception()) return this->set_exception(child.exception());
    }
    if (finished_ < children_.size()) return;
    if (cancel_requested_)
      this->set_exception(std::make_exception_ptr(cancelled_error()));
    else if (places_.empty())
      this->set_result(collect_(children_));  // (not `?:` with by_argument(): that copies children_)
    else
      this->set_result(collect_(by_argument()));
  }

  static void drop_link(void* arg) { static_cast<link*>(arg)->gather->release(); }

  gather_futures children_;  // distinct, each holds one reference
  bulk_vector<std::size_t> places_;  // per argument, its child's index; empty when none repeats
  bulk_vector<link> links_;
  collect_fn collect_;
  task_id first_child_ = no_task;
  std::size_t finished_ = 0;
  bool return_exceptions_;
  bool cancel_requested_ = false;
};

// The one way to start a gather (see the top of this file).
template <class R>
ref<gather_state<R>> make_gather(event_loop& loop, const gather_args& args,
                                 typename gather_state<R>::collect_fn collect, bool return_exceptions = false,
                                 gather_children kind = gather_children::may_repeat) {
  return ref<gather_state<R>>(new gather_state<R>(loop, args, collect, return_exceptions, kind));
}

// The awaitable a gather returns; also usable as a handle (done(), result()).
template <class R>
class gather_future {
 public:
  explicit gather_future(ref<gather_state<R>> s) : s_(std::move(s)) {}
  bool done() const { return s_->done(); }
  bool cancel() const { return s_->cancel(); }
  const R& result() const { return s_->result(); }
  const gather_state<R>& state() const { return *s_; }

  future_awaiter<R> operator co_await() const noexcept { return {s_.get(), s_->waited_as()}; }

 private:
  ref<gather_state<R>> s_;
};

}  // namespace asyncrace
