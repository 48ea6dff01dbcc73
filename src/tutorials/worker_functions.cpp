// worker_tutorials(): the tutorials whose sources hold an ASYNCRACE_WORKER_FUNCTION registration,
// listed by CMake in worker_tutorial_list.inc. A separate file from catalog.cpp, so a module that
// calls only this links neither the catalog nor the embedded texts (tutorial_texts.cpp).
#include <iterator>
#include <span>

#include "catalog.hpp"

#define ASYNCRACE_TUTORIAL(slug)          \
  namespace asyncrace::tutorials {        \
  extern const tutorial_info slug##_info; \
  }
#include "worker_tutorial_list.inc"
#undef ASYNCRACE_TUTORIAL

namespace asyncrace::tutorials {
namespace {
// nullptr last: the list may be empty when a subset of the seeds is built.
#define ASYNCRACE_TUTORIAL(slug) &slug##_info,
const tutorial_info* const listed[] = {
#include "worker_tutorial_list.inc"
    nullptr};
#undef ASYNCRACE_TUTORIAL
}  // namespace

std::span<const tutorial_info* const> worker_tutorials() { return {listed, std::size(listed) - 1}; }

}  // namespace asyncrace::tutorials
