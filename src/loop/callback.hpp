// The loop's unit of work: a plain function pointer and its argument. Type-erased without
// std::function or virtual calls so the ready queue and timers never allocate (see docs/style.md).
#pragma once

namespace asyncrace {

struct callback {
  void (*fn)(void*) = nullptr;
  void* arg = nullptr;
  // For a callback that owns a reference through `arg`: releases it when the callback is
  // discarded without running (a loop torn down with tasks unfinished). Breaks the cycles
  // CPython leaves to its garbage collector (a gather and its pending children).
  void (*drop)(void*) = nullptr;

  void operator()() const { fn(arg); }
  void discard() const {
    if (drop) drop(arg);
  }
};

}  // namespace asyncrace
