#include "compare.hpp"

#include "tutorials/catalog.hpp"

namespace asyncrace::ui {
namespace {

constexpr compare_pair pairs[] = {
    {"sequential_await", "gather_three"},
    {"sequential_await_noarg", "gather_three_noarg"},
    {"send_message_sequential", "send_message_tasks"},
    {"send_message_tasks", "taskgroup"},
};

}  // namespace

std::span<const compare_pair> compare_pairs() { return pairs; }

std::vector<std::string_view> compare_suggestions(std::string_view slug) {
  std::vector<std::string_view> out;
  for (const compare_pair& p : pairs) {
    const std::string_view other = p.a == slug ? p.b : p.b == slug ? p.a : std::string_view();
    if (other.empty() || tutorials::find(other) == nullptr) continue;
    bool seen = false;
    for (std::string_view s : out) seen = seen || s == other;
    if (!seen) out.push_back(other);
  }
  return out;
}

}  // namespace asyncrace::ui
