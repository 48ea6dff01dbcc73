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
  gather_args children;
  children.reserve(futures.size());
  for (const future_handle<T>& f : futures) children.push_back({&f.state()});
  return gather_future<result>{make_gather<result>(*event_loop::current(), children, &detail::collect_vector<T>)};
}

}  // namespace asyncrace
