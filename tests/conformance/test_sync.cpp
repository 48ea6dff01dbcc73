// Queue, Event, Lock, Semaphore as CPython 3.11 runs them (twins: sync/*.py).
// Where a task outlives main (asyncio.run cancels it at shutdown), the primitive it waits on is
// shared through std::shared_ptr, as Python keeps it alive by reference.
#include <doctest.h>

#include <memory>
#include <utility>
#include <vector>

#include "scenario.hpp"

using namespace asyncrace;

namespace {
double now() { return conformance::loop_time(); }

task<> say(std::string text) {
  print(text);
  co_return;
}

task<> finish(task_handle<> t) {
  try {
    co_await t;
  } catch (const asyncio::CancelledError&) {
    print("  task cancelled:", t.cancelled());
  }
}
}  // namespace

namespace queue_handoff {
template <class T>
task<> waiting_consumer(std::string name, asyncio::Queue<T>& q) {
  print(name, "waits for an item at", now());
  T item = co_await q.get();
  print(name, "got", item, "at", now());
}
task<> sleeping_consumer(asyncio::Queue<std::string>& q) {
  co_await asyncio::sleep(1);
  print("sleeper wakes at", now(), "and finds", q);
  std::string item = co_await q.get();
  print("sleeper got", item, "at", now());
}
task<> producer(asyncio::Queue<std::string>& q) {
  co_await asyncio::sleep(1);
  q.put_nowait("a");
  print("producer put a at", now(), "and woke the waiter:", q);
  co_await asyncio::sleep(1);
  q.put_nowait("b");
  print("producer put b at", now());
}
task<> main() {
  asyncio::Queue<int> q;
  // 1. put() wakes the first getter but does not hand it the item: main takes it back at once,
  //    and the woken getter, finding the queue empty, waits again - behind the second one.
  auto first = asyncio::create_task(waiting_consumer("first", q));
  auto second = asyncio::create_task(waiting_consumer("second", q));
  co_await asyncio::sleep(0);
  print("two getters wait:", q);
  q.put_nowait(1);
  print("main put 1:", q);
  print("main takes back", q.get_nowait());
  co_await asyncio::sleep(0);
  print("first waits again:", q);
  q.put_nowait(2);  // wakes second, now first in line
  co_await asyncio::sleep(0);
  q.put_nowait(3);  // wakes first
  co_await first;
  co_await second;
  // 2. A consumer whose timer fires in the same batch as the producer's runs before the woken
  //    getter, and takes the item.
  print("section 1 ends with", q);
  asyncio::Queue<std::string> jobs;
  auto waiter = asyncio::create_task(waiting_consumer("waiter", jobs));
  co_await asyncio::gather(producer(jobs), sleeping_consumer(jobs));
  co_await waiter;
  print("done at", now(), jobs);
}
}  // namespace queue_handoff

TEST_CASE("Queue: put() wakes the first getter without handing it the item - whoever runs first takes it") {
  conformance::scenario s;
  s.run(queue_handoff::main());
  CHECK(s.transcript() == conformance::expected("sync/queue_handoff"));
}

namespace queue_join_task_done {
using shared_queue = std::shared_ptr<asyncio::Queue<int>>;

task<> worker(std::string name, shared_queue q) {
  try {
    for (;;) {
      int job = co_await q->get();
      co_await asyncio::sleep(job);
      print(name, "finished a job of", job, "s at", now());
      q->task_done();
    }
  } catch (const asyncio::CancelledError&) {
    print(name, "cancelled at", now(), "while waiting on", *q);
    throw;
  }
}
task<> watcher(shared_queue q) {
  co_await q->join();
  print("watcher: all jobs done at", now());
}
task<> main() {
  auto q = std::make_shared<asyncio::Queue<int>>();
  auto other = asyncio::create_task(say("the other task runs"));
  co_await q->join();
  print("join() on a queue with nothing unfinished returned without yielding");
  co_await other;
  for (int job : {3, 1, 2, 1}) q->put_nowait(job);
  print("queued:", *q);
  std::vector<task_handle<>> workers;
  for (int i = 0; i < 2; ++i) workers.push_back(asyncio::create_task(worker("w" + py_str(i), q)));
  auto watch = asyncio::create_task(watcher(q));
  co_await q->join();
  print("main: join() returned at", now(), *q);
  co_await watch;
  try {
    q->task_done();
  } catch (const py_exception& e) {
    print(e.type() + ":", e.what());
  }
  q->put_nowait(1);
  co_await q->join();
  print("second round joined at", now());
  print("main returns; asyncio.run cancels the idle workers");
}
}  // namespace queue_join_task_done

TEST_CASE("Queue: join() waits for task_done() of every item - one task_done() too many is a ValueError") {
  conformance::scenario s;
  s.run(queue_join_task_done::main());
  CHECK(s.transcript() == conformance::expected("sync/queue_join_task_done"));
}

namespace queue_maxsize_backpressure {
task<> producer(asyncio::Queue<int>& q) {
  for (int i = 0; i < 5; ++i) {
    co_await q.put(i);
    print("put", i, "at", now(), "qsize", q.qsize(), "full", q.full());
  }
}
task<> consumer(asyncio::Queue<int>& q) {
  for (int n = 0; n < 5; ++n) {
    co_await asyncio::sleep(1);
    int item = co_await q.get();
    print("got", item, "at", now());
  }
}
task<> putter(std::string name, int item, asyncio::Queue<int>& q) {
  try {
    co_await q.put(item);
    print(name, "put at", now());
  } catch (const asyncio::CancelledError&) {
    print(name, "cancelled at", now(), q);
    throw;
  }
}
task<> main() {
  asyncio::Queue<int> q(2);
  print("maxsize", q.maxsize(), "empty", q.empty(), "full", q.full());
  try {
    q.get_nowait();
  } catch (const asyncio::QueueEmpty& e) {
    print("get_nowait on an empty queue:", e.type());
  }
  // The producer runs ahead until the queue is full, then keeps pace with the consumer.
  co_await asyncio::gather(producer(q), consumer(q));
  q.put_nowait(10);
  q.put_nowait(11);
  try {
    q.put_nowait(12);
  } catch (const asyncio::QueueFull& e) {
    print("put_nowait on a full queue:", e.type(), q);
  }
  // A put() that times out leaves the queue as it was.
  try {
    co_await asyncio::timeout(0.5, q.put(12));  // async with asyncio.timeout(0.5): await q.put(12)
  } catch (const asyncio::TimeoutError&) {
    print("put timed out at", now(), q);
  }
  // Two putters wait; get_nowait() wakes the first, which is cancelled before it runs:
  // it hands the free slot on to the second.
  auto p1 = asyncio::create_task(putter("p1", 21, q));
  auto p2 = asyncio::create_task(putter("p2", 22, q));
  co_await asyncio::sleep(0);
  print("two putters wait:", q);
  print("main took", q.get_nowait(), q);
  p1.cancel();
  try {
    co_await p1;
  } catch (const asyncio::CancelledError&) {
    print("p1 cancelled:", p1.cancelled());
  }
  co_await p2;
  int a = q.get_nowait();
  int b = q.get_nowait();
  print("queue holds", a, "and", b);
}
}  // namespace queue_maxsize_backpressure

TEST_CASE("Queue(maxsize): put() waits while full - QueueFull and QueueEmpty - a woken putter passes the slot on") {
  conformance::scenario s;
  s.run(queue_maxsize_backpressure::main());
  CHECK(s.transcript() == conformance::expected("sync/queue_maxsize_backpressure"));
}

namespace queue_get_cancelled {
using shared_queue = std::shared_ptr<asyncio::Queue<int>>;

task<> consumer(std::string name, shared_queue q) {
  try {
    int item = co_await q->get();
    print(name, "got", item, "at", now());
  } catch (const asyncio::CancelledError&) {
    print(name, "cancelled at", now(), *q);
    throw;
  }
}
task<> main() {
  auto q = std::make_shared<asyncio::Queue<int>>();
  // 1. A getter cancelled while it waits leaves the line: the next put goes to the next getter.
  auto a = asyncio::create_task(consumer("a", q));
  auto b = asyncio::create_task(consumer("b", q));
  co_await asyncio::sleep(0);
  a.cancel();
  print("a.cancel() while it waits:", *q);
  co_await asyncio::sleep(0);
  q->put_nowait(1);
  co_await finish(a);
  co_await finish(b);
  // 2. A getter woken by put_nowait() and cancelled before it ran passes the wakeup on.
  auto c = asyncio::create_task(consumer("c", q));
  auto d = asyncio::create_task(consumer("d", q));
  co_await asyncio::sleep(0);
  q->put_nowait(2);
  print("put 2 woke c:", *q);
  c.cancel();
  co_await finish(c);
  co_await finish(d);
  // 3. Woken, then robbed and cancelled: with nothing left to take, nobody else is woken.
  auto e = asyncio::create_task(consumer("e", q));
  auto f = asyncio::create_task(consumer("f", q));
  co_await asyncio::sleep(0);
  q->put_nowait(3);
  print("main takes back", q->get_nowait());
  e.cancel();
  co_await finish(e);
  print("f still waits:", *q);
  q->put_nowait(4);
  co_await finish(f);
  // 4. get() with a timeout.
  try {
    co_await asyncio::wait_for(q->get(), 1.5);
  } catch (const asyncio::TimeoutError&) {
    print("get timed out at", now(), *q);
  }
  // 5. A getter still waiting when main returns is cancelled by asyncio.run.
  asyncio::create_task(consumer("g", q));
  co_await asyncio::sleep(0);
  print("main returns at", now(), *q);
}
}  // namespace queue_get_cancelled

TEST_CASE("Queue: a cancelled getter leaves the line - one woken and then cancelled wakes the next") {
  conformance::scenario s;
  s.run(queue_get_cancelled::main());
  CHECK(s.transcript() == conformance::expected("sync/queue_get_cancelled"));
}

namespace queue_priority_lifo {
using entry = std::pair<int, std::string>;

struct job {  // the pattern from the asyncio docs: ordered by priority only
  int priority;
  std::string name;
  friend bool operator<(const job& a, const job& b) { return a.priority < b.priority; }
};

task<> consumer(asyncio::PriorityQueue<entry>& q) {
  for (int n = 0; n < 3; ++n) {
    auto [priority, name] = co_await q.get();
    print("consumer got", priority, name, "at", now());
    co_await asyncio::sleep(1);
  }
}
task<> main() {
  asyncio::PriorityQueue<entry> pq;
  for (const entry& item : {entry{3, "c"}, entry{1, "a"}, entry{2, "b"}, entry{1, "a"}, entry{0, "z"}, entry{2, "a"}})
    pq.put_nowait(item);
  print(pq);
  while (!pq.empty()) {
    auto [priority, name] = pq.get_nowait();
    print("priority", priority, name);
  }
  // heapq is not stable: jobs of equal priority come out in an order fixed by the heap's shape.
  asyncio::PriorityQueue<job> jobs;
  const int priorities[] = {1, 1, 1, 0, 1, 1, 1, 1};
  for (int i = 0; i < 8; ++i) jobs.put_nowait({priorities[i], "job" + py_str(i)});
  std::string order;
  while (!jobs.empty()) order += (order.empty() ? "" : " ") + jobs.get_nowait().name;
  print("equal priorities:", order);
  // A waiting getter of a PriorityQueue takes the smallest item present when it runs.
  auto t = asyncio::create_task(consumer(pq));
  co_await asyncio::sleep(0);
  pq.put_nowait({5, "late"});
  pq.put_nowait({4, "later but smaller"});
  co_await asyncio::sleep(0.5);
  pq.put_nowait({9, "last"});
  co_await t;
  asyncio::LifoQueue<int> lq(3);
  for (int i = 0; i < 3; ++i) co_await lq.put(i);
  print(lq, "full", lq.full());
  while (!lq.empty()) print("lifo", lq.get_nowait());
}
}  // namespace queue_priority_lifo

TEST_CASE("PriorityQueue pops in heapq's order - LifoQueue pops the newest item") {
  conformance::scenario s;
  s.run(queue_priority_lifo::main());
  CHECK(s.transcript() == conformance::expected("sync/queue_priority_lifo"));
}

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
  CHECK(error == "RuntimeError: <asyncio.locks.Lock object at 0x... [locked]> is bound to a different event loop");
  CHECK(lock.repr() == "<asyncio.locks.Lock object at 0x... [unlocked]>");
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
    CHECK(lock.repr() == "<asyncio.locks.Lock object at 0x... [locked, waiters:1]>");
  }  // the holder's guard releases and wakes the waiter, whose frame is destroyed next
  CHECK(lock.repr() == "<asyncio.locks.Lock object at 0x... [unlocked]>");
}
