// Python's threading.current_thread() as tutorials print it: coroutines and module-level code run
// on the loop's thread, the process's main thread, named "MainThread". (A job on a virtual worker,
// asyncio/virtual_pool.hpp, runs at once on that thread too: it is not asked here.)
//
//   print("Thread Name:", threading::current_thread().name);  // Thread Name: MainThread
#pragma once

#include <string>

namespace asyncrace::threading {

// threading.Thread, as far as tutorials look at one.
struct thread {
  std::string name;
};

// threading.current_thread()
inline thread current_thread() { return {"MainThread"}; }

}  // namespace asyncrace::threading
