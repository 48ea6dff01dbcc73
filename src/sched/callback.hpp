// The loop's unit of work: a plain function pointer and its argument. Type-erased without
// std::function or virtual calls so the ready queue and timers never allocate (see style.md).
#pragma once

namespace asyncrace {

struct callback {
  void (*fn)(void*) = nullptr;
  void* arg = nullptr;

  void operator()() const { fn(arg); }
};

}  // namespace asyncrace
