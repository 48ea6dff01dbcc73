// Seed 004 (Real Python's asyncio walk-through): 5 producers, 10 consumers and one asyncio.Queue.
#include "asyncio/gather_tasks.hpp"
#include "program/py_process.hpp"
#include "program/py_time.hpp"
#include "pyrt/py_fixed.hpp"
#include "sched/asyncio.hpp"
#include "tutorials/tutorial.hpp"

namespace asyncrace::tutorials::producer_consumer_seed444 {

// An asyncio.Queue of (item, time put) pairs. Python's tasks share it by reference; here a
// shared_ptr keeps it alive for the consumers cancelled after main returns.
using ItemQueue = asyncio::Queue<std::pair<std::string, double>>;

task<std::string> makeitem(std::size_t size = 5) {
  co_return os::urandom(size).hex();
}

task<> randsleep(std::string caller = "") {
  const int i = random::randint(0, 10);
  if (!caller.empty()) {
    print(caller + " sleeping for " + py_str(i) + " seconds.");
  }
  co_await asyncio::sleep(i);
}

task<> produce(int name, std::shared_ptr<ItemQueue> q) {
  const int n = random::randint(0, 10);

  for (int repeat = 0; repeat < n; ++repeat) {  // Synchronous loop for each single producer
    co_await randsleep("Producer " + py_str(name));
    std::string i = co_await makeitem();
    const double t = time::perf_counter();
    co_await q->put({i, t});
    print("Producer " + py_str(name) + " added <" + i + "> to queue.");
  }
}

task<> consume(int name, std::shared_ptr<ItemQueue> q) {
  while (true) {
    co_await randsleep("Consumer " + py_str(name));
    auto [i, t] = co_await q->get();
    const double now = time::perf_counter();
    print("Consumer " + py_str(name) + " got element <" + i + ">"
          " in " + py_fixed(now - t, 5) + " seconds.");
    q->task_done();
  }
}

task<> main(int nprod, int ncon) {
  auto q = std::make_shared<ItemQueue>();
  std::vector<task_handle<>> producers;
  for (int n = 0; n < nprod; ++n) producers.push_back(asyncio::create_task(produce(n, q)));
  std::vector<task_handle<>> consumers;
  for (int n = 0; n < ncon; ++n) consumers.push_back(asyncio::create_task(consume(n, q)));
  co_await asyncio::gather(producers);
  co_await q->join();  // Implicitly awaits consumers, too
  for (auto& c : consumers) c.cancel();
}

program script() {
  random::seed(444);
  const double start = time::perf_counter();
  // asyncio.run(main(**ns.__dict__))
  co_await asyncio::run(main(5, 10));  // await main(5, 10): the argparse defaults
  const double elapsed = time::perf_counter() - start;
  print("Program completed in " + py_fixed(elapsed, 5) + " seconds.");
}

}  // namespace asyncrace::tutorials::producer_consumer_seed444

namespace asyncrace::tutorials {
extern const tutorial_info producer_consumer_seed444_info{
    .slug = "producer_consumer_seed444",
    .seed = "004",
    .topic = "queues",
    .title = "Producers and consumers share an asyncio.Queue, on random sleeps",
    .explanation =
        "Five producers put a random number of items (producer 1 draws 0 and never prints), ten "
        "consumers loop forever; main gathers the producers, then awaits q.join(), which returns "
        "once every item put has been marked task_done(), and only then cancels the consumers. "
        "Every item is taken in 0.00000 seconds: some consumer is always waiting or waking at that "
        "instant, but not always the one put() woke. At t = 4 Consumer 4 has waited since t = 1, "
        "yet Consumer 2, whose sleep ends in the same iteration, runs first and takes the item.\n\n"
        "This seed was recorded where equal deadlines fire in the order they were set (fifo); "
        "under cpython-heap, Producer 3 runs before Producer 0 at t = 4 and the rest of the run, "
        "draws included, differs. os.urandom is random in Python; here (as in the goldens) the "
        "item names come from a fixed stream, so a run repeats exactly.",
    .ties = tie_policy::fifo,
    .script = &producer_consumer_seed444::script,
};
}  // namespace asyncrace::tutorials
