#include "trace/chain_steps.hpp"

namespace asyncrace::trace {

std::size_t chain_steps::bytes() const {
  return frame_bytes_ + values_.size() * sizeof(value) + writes_.size() * sizeof(write) +
         ends_.size() * sizeof(std::size_t) + current_.size() * sizeof(std::uint32_t);
}

std::uint32_t chain_steps::intern(const std::vector<await_frame>& frames) {
  std::string key;
  for (const await_frame& f : frames) key += f.function + ':' + std::to_string(f.line) + '\n';
  auto [it, added] = frame_index_.try_emplace(key, static_cast<std::uint32_t>(frame_lists_.size()));
  if (added) {
    frame_lists_.push_back(frames);
    // The list, its key and the map's node, roughly: what the cap should see grow.
    frame_bytes_ += 2 * key.size() + frames.size() * sizeof(await_frame) + 64;
  }
  return it->second;
}

void chain_steps::set(task_id task, std::uint32_t v) {
  if (task >= current_.size()) current_.resize(task + 1, none);
  if (current_[task] == v) return;
  writes_.push_back({task, current_[task], v});
  current_[task] = v;
}

void chain_steps::add(std::span<const task_chain> changed, std::span<const task_id> finished) {
  for (const task_chain& c : changed) {
    const std::uint32_t frames = intern(c.chain.frames);
    const std::uint32_t before = c.task < current_.size() ? current_[c.task] : none;
    // The same value as before (a step that suspended where it was) is not written again.
    if (before != none && values_[before].frames == frames && values_[before].started == c.chain.started &&
        values_[before].awaits == c.chain.awaits)
      continue;
    values_.push_back({frames, c.chain.started, c.chain.awaits});
    set(c.task, static_cast<std::uint32_t>(values_.size() - 1));
  }
  for (task_id t : finished)
    if (t < current_.size()) set(t, none);
  ends_.push_back(writes_.size());
}

void chain_steps::cursor::apply(std::size_t k) {
  for (std::size_t w = k ? s_->ends_[k - 1] : 0; w < s_->ends_[k]; ++w) {
    const write& x = s_->writes_[w];
    if (x.task >= value_of_.size()) value_of_.resize(x.task + 1, none);
    value_of_[x.task] = x.after;
  }
}

void chain_steps::cursor::unapply(std::size_t k) {
  // Backwards, so that a task written twice in one iteration ends at its first `before`.
  for (std::size_t w = s_->ends_[k]; w-- > s_->ends_[k - 1];) {
    const write& x = s_->writes_[w];
    value_of_[x.task] = x.before;
  }
}

std::vector<task_chain> chain_steps::cursor::chains() const {
  std::vector<task_chain> out;
  for (task_id t = 0; t < value_of_.size(); ++t) {
    if (value_of_[t] == none) continue;
    const value& v = s_->values_[value_of_[t]];
    out.push_back({t, {s_->frame_lists_[v.frames], v.started, v.started ? v.awaits : wait_target{}}});
  }
  return out;
}

}  // namespace asyncrace::trace
