// Seed 002: coffee and pastry made one after the other with time.sleep, then together with
// asyncio.sleep; rich.print's markup is removed and its tabs expanded.
#include <array>

#include "program/py_time.hpp"
#include "program/threading.hpp"
#include "sched/asyncio.hpp"
#include "tutorials/rich.hpp"
#include "tutorials/tutorial.hpp"

namespace asyncrace::tutorials::coffee_pastry_sync_vs_async {

using rich::print;  // from rich import print

// Synchronous approach
void make_coffee_sync() {
  print("\tMaking coffee... : Thread Name:", threading::current_thread().name);
  time::sleep(2);  // Simulate coffee preparation time
  print("\tCoffee is ready!");
}

void make_pastry_sync() {
  print("\tMaking pastry... : Thread Name:", threading::current_thread().name);
  time::sleep(3);  // Simulate pastry preparation time
  print("\tPastry is ready!");
}

void order_sync() {
  double start_time = time::time();
  make_coffee_sync();
  make_pastry_sync();
  double end_time = time::time();
  print("Total time:", end_time - start_time, "seconds");
}

// Asynchronous approach using Asyncio
task<> make_coffee_async() {
  print("\tMaking coffee... : Thread Name:", threading::current_thread().name);
  co_await asyncio::sleep(2);  // Simulate coffee preparation time
  print("\tCoffee is ready!");
}

task<> make_pastry_async() {
  print("\tMaking pastry... : Thread Name:", threading::current_thread().name);
  co_await asyncio::sleep(3);  // Simulate pastry preparation time
  print("\tPastry is ready!");
}

task<> order_async() {
  double start_time = time::time();
  std::array tasks{
      asyncio::create_task(make_coffee_async()),
      asyncio::create_task(make_pastry_async()),
  };
  co_await asyncio::gather(tasks);
  double end_time = time::time();
  print("Total time:", end_time - start_time, "seconds");
}

program script() {
  // Run the synchronous example
  print("[red]Synchronous approach: [/red]");
  double start_time = time::time();

  print("Main thread entring order_sync()");
  order_sync();
  print("Main thread exiting order_sync()");

  print("[magenta]Total time:", time::time() - start_time, "seconds[/magenta]");

  // Run the asynchronous example
  print("\n\n[red]Asynchronous approach: [/red]");

  start_time = time::time();

  print("Main thread entring order_async()");
  co_await asyncio::run(order_async());
  print("Main thread exiting order_async()");

  print("[magenta]Total time:", time::time() - start_time, "seconds[/magenta]");
}

}  // namespace asyncrace::tutorials::coffee_pastry_sync_vs_async

namespace asyncrace::tutorials {
extern const tutorial_info coffee_pastry_sync_vs_async_info{
    .slug = "coffee_pastry_sync_vs_async",
    .seed = "002",
    .topic = "sequential vs concurrent",
    .title = "Coffee and pastry: time.sleep takes 5 s in a row, asyncio.sleep 3 s together",
    .explanation =
        "The synchronous order calls time.sleep(2) then time.sleep(3): the thread is blocked, "
        "nothing else could run, 5 s in all, before any task exists (the diagram shows the loop "
        "blocked). "
        "The asynchronous order makes two tasks whose asyncio.sleep calls overlap: coffee is ready "
        "at +2 s, pastry at +3 s, 3 s in all, the longest of the two. Both print MainThread: "
        "asyncio runs every task on the one thread; concurrency here is interleaving, not "
        "threads. The seed's rich.print only colours the text: we show it without markup, with "
        "tabs expanded to 8 columns.",
    .script = &coffee_pastry_sync_vs_async::script,
};
}  // namespace asyncrace::tutorials
