#include "pyrt/context.hpp"

#include <algorithm>

#include "pyrt/side_table.hpp"

namespace asyncrace {
namespace {
// The thread's own context (what module-level code runs in), and the one current now when it is
// another: a Task's during its step, or one entered by Context.run.
thread_local context thread_context;
thread_local context* current_context = nullptr;

void release(detail::context_map* m) {
  if (m && m->refs.fetch_sub(1, std::memory_order_acq_rel) == 1) delete m;
}
}  // namespace

std::uint64_t detail::next_var_id() {
  static std::atomic<std::uint64_t> last{0};
  return last.fetch_add(1, std::memory_order_relaxed) + 1;
}

std::uint32_t detail::next_context_id() {
  static std::atomic<std::uint32_t> last{0};
  std::uint32_t id;
  do id = last.fetch_add(1, std::memory_order_relaxed) + 1;
  while (id == 0);  // 0: not assigned yet
  return id;
}

const detail::context_map::entry* detail::context_map::find(std::uint64_t var) const {
  auto it = std::lower_bound(entries.begin(), entries.end(), var,
                             [](const entry& e, std::uint64_t v) { return e.var < v; });
  return it != entries.end() && it->var == var ? &*it : nullptr;
}

namespace {
// The identities of the contexts that have one (context::identity).
struct identities_tag;
side_table<std::uint32_t>& identities() { return side_table<std::uint32_t>::of<identities_tag>(); }
}  // namespace

context::context(const context& other) {
  exchange_map(other.map());
  if (detail::context_map* m = map()) m->refs.fetch_add(1, std::memory_order_relaxed);
}

context::~context() {
  release(map());
  if (flag(identified_bit)) identities().erase(this);
}

context& context::current() { return current_context ? *current_context : thread_context; }

context* context::swap_current(context* c) { return std::exchange(current_context, c); }

context::scope::scope(context& c) : entered_(c) {
  if (c.flag(entered_bit))
    throw py_exception("RuntimeError", "cannot enter context: <_contextvars.Context object at " + address_text(&c) +
                                           "> is already entered");
  c.set_flag(entered_bit, true);
  outer_ = std::exchange(current_context, &c);
}

context::scope::~scope() {
  entered_.set_flag(entered_bit, false);
  current_context = outer_;
}

const std::shared_ptr<const void>* context::find(std::uint64_t var) const {
  const detail::context_map* m = map();
  if (!m) return nullptr;
  const detail::context_map::entry* e = m->find(var);
  return e ? &e->value : nullptr;
}

void context::assign(std::uint64_t var, std::shared_ptr<const void> value) {
  // Copy on write: contexts copied from this one keep the mapping they shared.
  auto* next = new detail::context_map;
  if (const detail::context_map* m = map()) next->entries = m->entries;
  auto& entries = next->entries;
  auto it = std::lower_bound(entries.begin(), entries.end(), var,
                             [](const detail::context_map::entry& e, std::uint64_t v) { return e.var < v; });
  const bool present = it != entries.end() && it->var == var;
  if (!value) {
    if (present) entries.erase(it);
  } else if (present) {
    it->value = std::move(value);
  } else {
    entries.insert(it, {var, std::move(value)});
  }
  if (entries.empty()) {  // back to empty: the null mapping again
    delete next;
    next = nullptr;
  }
  release(exchange_map(next));
}

std::uint32_t context::identity() {
  set_flag(identified_bit, true);
  return identities().get_or_make(this, [] { return detail::next_context_id(); });
}

}  // namespace asyncrace
