// asyncio.Event, Lock, Semaphore and BoundedSemaphore (twins: sync/event_*.py, lock_*.py, semaphore_*.py).
// Where a task outlives main (asyncio.run cancels it at shutdown), the primitive it waits on is
// shared through std::shared_ptr, as Python keeps it alive by reference.
#include <doctest.h>

#include <memory>
#include <utility>
#include <vector>

#include "address_mask.hpp"
#include "scenario.hpp"
#include "sync_helpers.hpp"

using namespace asyncrace;
using conformance::sync::finish;
using conformance::sync::now;
using conformance::sync::say;

namespace event_wait_set {
task<> waiter(std::string name, asyncio::Event& ev) {
  print(name, "waits at", now());
  try {
    bool result = co_await ev.wait();
    print(name, "woke at", now(), "wait() returned", result, "is_set", ev.is_set());
  } catch (const asyncio::CancelledError&) {
    print(name, "cancelled at", now(), ev);
    throw;
  }
}
task<> set_later(asyncio::Event& ev, double delay) {
  co_await asyncio::sleep(delay);
  ev.set();
}
task<> main() {
  asyncio::Event ev;
  print(ev, "is_set", ev.is_set());
  std::vector<task_handle<>> tasks;
  for (const char* name : {"a", "b", "c"}) tasks.push_back(asyncio::create_task(waiter(name, ev)));
  co_await asyncio::sleep(1);
  print("three waiters:", ev);
  tasks[1].cancel();
  co_await asyncio::sleep(0);
  // set() wakes every waiter still waiting, in order; clear() right after does not stop them.
  ev.set();
  ev.clear();
  print("set and cleared at", now(), ev);
  for (const auto& t : tasks) {
    try {
      co_await t;
    } catch (const asyncio::CancelledError&) {
      print("b's task cancelled:", t.cancelled());
    }
  }
  // wait() on a set event returns True at once, without yielding to other tasks.
  ev.set();
  ev.set();
  auto other = asyncio::create_task(say("the other task runs"));
  print("wait() on a set event returned", co_await ev.wait(), "before the other task ran");
  co_await other;
  // Cleared, it blocks again.
  ev.clear();
  try {
    co_await asyncio::wait_for(ev.wait(), 0.25);
  } catch (const asyncio::TimeoutError&) {
    print("wait timed out at", now(), ev);
  }
  auto setter = asyncio::create_task(set_later(ev, 0.5));
  bool result = co_await ev.wait();
  print("wait() returned", result, "at", now());
  co_await setter;
}
}  // namespace event_wait_set

TEST_CASE("Event: set() wakes every waiter even if cleared before they run - wait() on a set event does not yield") {
  conformance::scenario s;
  s.run(event_wait_set::main());
  CHECK(s.transcript() == conformance::expected("sync/event_wait_set"));
}

namespace lock_fifo_and_cancel {
task<> worker(std::string name, asyncio::Lock& lock, double hold) {
  print(name, "wants the lock at", now(), "locked", lock.locked());
  try {
    auto guard = co_await lock.scoped();  // async with lock:
    print(name, "holds the lock at", now());
    co_await asyncio::sleep(hold);
    print(name, "releases it at", now());
  } catch (const asyncio::CancelledError&) {
    print(name, "cancelled at", now(), lock);
    throw;
  }
}
task<> main() {
  asyncio::Lock lock;
  // 1. Waiters get the lock in the order they asked; one cancelled while waiting leaves the line.
  std::vector<task_handle<>> tasks;
  for (const char* name : {"a", "b", "c", "d"}) tasks.push_back(asyncio::create_task(worker(name, lock, 1)));
  co_await asyncio::sleep(0.5);
  print("at", now(), lock);
  tasks[2].cancel();
  for (const auto& t : tasks) co_await finish(t);
  // 2. Released to a waiter that is cancelled before it runs: it wakes the next one instead.
  //    Meanwhile nobody can barge in: a newcomer queues behind the woken waiter.
  co_await lock.acquire();
  auto e = asyncio::create_task(worker("e", lock, 0));
  auto f = asyncio::create_task(worker("f", lock, 0));
  co_await asyncio::sleep(0);
  lock.release();
  print("released to e:", lock);
  e.cancel();
  auto g = asyncio::create_task(worker("g", lock, 0));
  for (const auto& t : {e, f, g}) co_await finish(t);
  // 3. Released while its only waiter's cancellation is pending: acquire() takes it at once.
  co_await lock.acquire();
  auto h = asyncio::create_task(worker("h", lock, 0));
  co_await asyncio::sleep(0);
  h.cancel();
  lock.release();
  co_await lock.acquire();
  print("main took the lock back before h ran:", lock);
  co_await finish(h);
  lock.release();
  try {
    lock.release();
  } catch (const py_exception& err) {
    print(err.type() + ":", err.what());
  }
}
}  // namespace lock_fifo_and_cancel

TEST_CASE("Lock: FIFO and no barging - a woken waiter cancelled before it runs wakes the next - release() unlocked raises") {
  conformance::scenario s;
  s.run(lock_fifo_and_cancel::main());
  CHECK(s.transcript() == conformance::expected("sync/lock_fifo_and_cancel"));
}

namespace semaphore_limits {
task<> job(int i, asyncio::Semaphore& sem, double duration) {
  auto guard = co_await sem.scoped();  // async with sem:
  print("job", i, "starts at", now(), sem);
  co_await asyncio::sleep(duration);
  print("job", i, "ends at", now());
}
task<> acquirer(std::string name, asyncio::Semaphore& sem, double hold = 0) {
  try {
    co_await sem.acquire();
    print(name, "acquired at", now(), sem);
    co_await asyncio::sleep(hold);
    sem.release();
  } catch (const asyncio::CancelledError&) {
    print(name, "cancelled at", now(), sem);
    throw;
  }
}
task<> main() {
  // 1. Two at a time among five jobs; freed slots go to the waiters in order.
  asyncio::Semaphore sem(2);
  print(sem, "locked", sem.locked());
  std::vector<task<>> jobs;
  const double durations[] = {1, 2, 1, 1.5, 0.5};
  for (int i = 0; i < 5; ++i) jobs.push_back(job(i, sem, durations[i]));
  co_await asyncio::gather(std::move(jobs));
  print("all done at", now(), sem);
  // 2. release() reserves the slot for the first waiter, which has not run yet: after a second
  //    release() the value is 1, yet acquire() waits behind that waiter - which, once it runs,
  //    sees the spare slot and wakes the next waiter.
  asyncio::Semaphore one(1);
  co_await one.acquire();
  auto w = asyncio::create_task(acquirer("w", one, 1));
  co_await asyncio::sleep(0);
  one.release();
  print("released to w:", one, "locked", one.locked());
  one.release();
  print("released again:", one, "locked", one.locked());
  co_await one.acquire();
  print("main acquired after w, at", now(), one);
  co_await finish(w);
  one.release();
  // 3. A woken waiter cancelled before it runs gives its slot to the next waiter.
  co_await one.acquire();
  co_await one.acquire();
  auto x = asyncio::create_task(acquirer("x", one));
  auto y = asyncio::create_task(acquirer("y", one));
  co_await asyncio::sleep(0);
  one.release();
  x.cancel();
  print("released to x, then cancelled x:", one);
  co_await finish(x);
  co_await finish(y);
  print("finally", one);
}
}  // namespace semaphore_limits

TEST_CASE("Semaphore(2) among five jobs - release() reserves the slot for the first waiter") {
  conformance::scenario s;
  s.run(semaphore_limits::main());
  CHECK(s.transcript() == conformance::expected("sync/semaphore_limits"));
}

namespace bounded_semaphore_error {
task<> holder(std::string name, asyncio::BoundedSemaphore& sem, double hold) {
  auto guard = co_await sem.scoped();  // async with sem:
  print(name, "holds a slot at", now(), sem);
  co_await asyncio::sleep(hold);
}
task<> main() {
  try {
    asyncio::Semaphore bad(-1);
  } catch (const py_exception& e) {
    print(e.type() + ":", e.what());
  }
  asyncio::BoundedSemaphore sem(2);
  print(sem);
  co_await sem.acquire();
  co_await sem.acquire();
  print("two acquired:", sem);
  sem.release();
  sem.release();
  try {
    sem.release();
  } catch (const py_exception& e) {
    print(e.type() + ":", e.what(), sem);
  }
  // Waiters do not change the rule: a release while slots are reserved for woken waiters is fine.
  std::vector<task<>> holders;
  for (int i = 0; i < 4; ++i) holders.push_back(holder("h" + py_str(i), sem, 1));
  co_await asyncio::gather(std::move(holders));
  print("after the holders:", sem);
  // A plain Semaphore has no bound: an extra release() adds a slot.
  asyncio::Semaphore plain(1);
  plain.release();
  {
    auto outer = co_await plain.scoped();
    auto inner = co_await plain.scoped();
    print("Semaphore(1) held twice after an extra release:", plain);
  }
}
}  // namespace bounded_semaphore_error

TEST_CASE("BoundedSemaphore: release() past the initial value is a ValueError - Semaphore(-1) too") {
  conformance::scenario s;
  s.run(bounded_semaphore_error::main());
  CHECK(s.transcript() == conformance::expected("sync/bounded_semaphore_error"));
}

namespace loop_binding {
// Checked against CPython by hand (two asyncio.run calls; the harness shares one loop per scenario).
task<> other(asyncio::Lock& lock) {
  co_await lock.acquire();  // has to wait: binds the running loop
  lock.release();
}
task<> contend(asyncio::Lock& lock) {
  co_await lock.acquire();
  auto t = asyncio::create_task(other(lock));
  co_await asyncio::sleep(0);
  lock.release();
  co_await t;
}
}  // namespace loop_binding

TEST_CASE("a primitive binds the first loop it waits on - waiting on it from another loop is a RuntimeError") {
  asyncio::Lock lock;  // created outside any loop, like a module-level asyncio.Lock()
  event_loop first, second;  // both alive, as CPython's closed loop lives on in lock._loop
  asyncio::run(first, loop_binding::contend(lock));
  std::string error;
  try {
    asyncio::run(second, loop_binding::contend(lock));
  } catch (const py_exception& e) {
    error = e.python_text();
  }
  CHECK(testing::mask_addresses(error) == "RuntimeError: <asyncio.locks.Lock object at 0x... [locked]> is bound to a different event loop");
  CHECK(testing::mask_addresses(lock.repr()) == "<asyncio.locks.Lock object at 0x... [unlocked]>");
}

namespace teardown {
task<> get_forever(asyncio::Queue<int>& q) { co_await q.get(); }
task<> main_on_queue(asyncio::Queue<int>& q) {
  asyncio::create_task(get_forever(q));
  co_await q.get();  // nobody puts: deadlock
}
task<> hold(asyncio::Lock& lock) {
  auto guard = co_await lock.scoped();
  co_await asyncio::sleep(1);
}
task<> main_owning_lock() {
  asyncio::Lock lock;  // dies with main's frame, before the frames waiting on it
  asyncio::Event never;
  co_await lock.acquire();
  asyncio::create_task(hold(lock));
  asyncio::create_task(hold(lock));
  co_await never.wait();  // deadlock
}
task<> main_leaving_holders(asyncio::Lock& lock) {
  asyncio::create_task(hold(lock));
  asyncio::create_task(hold(lock));
  co_await asyncio::sleep(0);
}
}  // namespace teardown

TEST_CASE("frames torn down with their loop leave their waiter lines whichever dies first") {
  asyncio::Queue<int> q;
  {
    event_loop loop;
    CHECK_THROWS_AS(asyncio::run(loop, teardown::main_on_queue(q)), deadlock_error);
    CHECK(q.str() == "<Queue maxsize=0 _getters[2]>");
  }
  CHECK(q.str() == "<Queue maxsize=0>");
  {
    event_loop loop;
    CHECK_THROWS_AS(asyncio::run(loop, teardown::main_owning_lock()), deadlock_error);
  }  // under ASan: no waiter touches the dead lock
  asyncio::Lock lock;
  {
    event_loop loop;
    runner r(loop);
    r.start(teardown::main_leaving_holders(lock));
    for (int i = 0; i < 3; ++i) r.step();
    CHECK(testing::mask_addresses(lock.repr()) == "<asyncio.locks.Lock object at 0x... [locked, waiters:1]>");
  }  // the holder's guard releases and wakes the waiter, whose frame is destroyed next
  CHECK(testing::mask_addresses(lock.repr()) == "<asyncio.locks.Lock object at 0x... [unlocked]>");
}
