// asyncio.Queue, PriorityQueue and LifoQueue (twins: sync/queue_*.py).
// Where a task outlives main (asyncio.run cancels it at shutdown), the primitive it waits on is
// shared through std::shared_ptr, as Python keeps it alive by reference.
#include <doctest.h>

#include <memory>
#include <utility>
#include <vector>

#include "scenario.hpp"
#include "sync_helpers.hpp"

using namespace asyncrace;
using conformance::sync::finish;
using conformance::sync::now;
using conformance::sync::say;

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
