// The loop's unit of work: a function pointer and one word of context, 16 bytes. Type-erased
// without std::function or virtual calls so the ready queue and timers never allocate (see
// docs/style.md). Every future's first done-callback and every timer slot holds one, so a million
// sleeping tasks hold two million: the third word an optional `drop` took (24 bytes a callback) is
// folded into the function, which is told whether it runs or is discarded.
#pragma once

namespace asyncrace {

struct callback {
  // run = true: the callback runs. run = false: it is discarded without running (a loop torn
  // down with tasks unfinished, a cancelled timer, a removed done-callback); one that owns a
  // reference through `arg` releases it then. Breaks the cycles CPython leaves to its garbage
  // collector (a gather and its pending children).
  using function = void (*)(void* arg, bool run);

  function fn = nullptr;
  void* arg = nullptr;

  void operator()() const { fn(arg, true); }
  void discard() const {
    if (fn) fn(arg, false);
  }
  bool operator==(const callback&) const = default;

  // A callback that owns nothing: discarding it does nothing.
  static void nothing_to_drop(void*) {}
  // The callback that calls Run(arg), and Drop(arg) when it is discarded instead.
  template <void (*Run)(void*), void (*Drop)(void*) = &nothing_to_drop>
  static void call(void* a, bool run) {
    if (run)
      Run(a);
    else
      Drop(a);
  }
  template <void (*Run)(void*), void (*Drop)(void*) = &nothing_to_drop>
  static constexpr callback bind(void* a) {
    return {&call<Run, Drop>, a};
  }
};
static_assert(sizeof(callback) == 2 * sizeof(void*));

}  // namespace asyncrace
