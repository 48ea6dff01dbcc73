#include "asyncio/runner.hpp"

#include "asyncio/gather_state.hpp"

namespace asyncrace {

runner::~runner() = default;

void runner::start_phase(future_core* main) {
  main->add_ref();
  main_ = ref<future_core>(main);
  phase_ = phase::main;
  loop_->stop_when_done(*main);
}

std::exception_ptr runner::main_exception() const {
  if (!main_ || !main_->done()) return nullptr;
  if (main_->cancelled()) return std::make_exception_ptr(cancelled_error());
  return main_->exception();
}

void runner::internal_step(void* self) {
  // The shutdown coroutine's only step: it returns at once; its done-callback (the loop's stop)
  // runs in the next iteration.
  auto* r = static_cast<runner*>(self);
  r->loop_->call_soon({[](void* s, bool run) {
                        if (run) static_cast<runner*>(s)->internal_done_ = true;
                      },
                      r});
}

bool runner::step() {
  if (phase_ == phase::done) return false;
  const bool internal = phase_ == phase::shutdown_asyncgens || phase_ == phase::shutdown_executor;
  if (!loop_->run_once())
    throw deadlock_error("deadlock: nothing is ready and no timer is scheduled, but main has not "
                         "finished.\n" + loop_->describe_pending());
  if (loop_->mid_iteration()) return true;  // a step paused at a slice's end: same phase still
  if (internal ? internal_done_ : loop_->stopping()) next_phase();
  return phase_ != phase::done;
}

void runner::next_phase() {
  loop_->clear_stopping();  // run_forever's `finally: self._stopping = False`
  switch (phase_) {
    case phase::main: {
      if (!shutdown_) {
        phase_ = phase::done;
        return;
      }
      // asyncio.runners._cancel_all_tasks
      std::vector<task_driver*> left = loop_->unfinished_tasks();
      if (!left.empty()) {
        gather_args children;
        for (task_driver* d : left) {
          d->self()->cancel();
          children.push_back({d->self(), d->id});
        }
        ref<gather_state<none_t>> g = make_gather<none_t>(
            *loop_, children, [](const gather_futures&) { return none_t{}; }, true,
            gather_children::distinct);
        g->add_ref();
        leftovers_ = ref<future_core>(g.get());  // with a reference of its own
        phase_ = phase::cancel_leftovers;
        loop_->stop_when_done(*g);
        return;
      }
      [[fallthrough]];
    }
    case phase::cancel_leftovers:
      phase_ = phase::shutdown_asyncgens;
      break;
    case phase::shutdown_asyncgens:
      phase_ = phase::shutdown_executor;
      break;
    case phase::shutdown_executor:
    case phase::done:
      phase_ = phase::done;
      return;
  }
  loop_->skip_task_number();
  internal_done_ = false;
  loop_->call_soon(callback::bind<&runner::internal_step>(this));
}

}  // namespace asyncrace
