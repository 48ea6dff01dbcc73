// asyncio.gather over plain futures (what run_in_executor returns).
#pragma once

#include <vector>

#include "asyncio/gather.hpp"
#include "loop/future_handle.hpp"

namespace asyncrace {

// asyncio.gather(*futures) over the futures run_in_executor returns (the seed's
// `gather(*[loop.run_in_executor(pool, f, i) ...])`): no Task per child, each future's
// completion reaches the gather through its own done-callback → std::vector of results.
template <class T>
gather_future<std::vector<stored_t<T>>> gather(std::vector<future_handle<T>> futures) {
  using result = std::vector<stored_t<T>>;
  event_loop& loop = *event_loop::current();
  std::vector<future_core*> children;
  children.reserve(futures.size());
  for (const future_handle<T>& f : futures) {
    f.state().add_ref();
    children.push_back(&f.state());
  }
  auto* s = new gather_state<result>(loop, std::move(children), no_task, [](const std::vector<future_core*>& c) {
    result out;
    out.reserve(c.size());
    for (future_core* f : c) out.push_back(static_cast<future_state<T>*>(f)->result());
    return out;
  });
  return gather_future<result>{ref<gather_state<result>>(s)};
}

}  // namespace asyncrace
