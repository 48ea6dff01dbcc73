#include "prediction.hpp"

#include <algorithm>

#include "finish_summary.hpp"

namespace asyncrace::ui {

std::vector<predicted_task> prediction_candidates(const trace::recording& r) {
  std::vector<predicted_task> printed;
  std::vector<predicted_task> all;
  std::vector<std::string> tokens;
  for (const trace::task_lane& lane : r.lanes()) {
    if (!lane.done()) continue;
    all.push_back({lane.id, lane.name, lane.name});
    if (lane.first_output.empty()) continue;
    printed.push_back({lane.id, finish_token(lane.first_output), lane.name});
    tokens.push_back(printed.back().label);
  }
  if (printed.size() < 2) return all;
  // Tokens alike ("seconds." nine times) tell nothing apart: use the names.
  if (!informative(tokens))
    for (predicted_task& t : printed) t.label = t.name;
  return printed;
}

void prediction::start(std::vector<predicted_task> tasks) {
  guess_ = std::move(tasks);
  locked_ = false;
}

bool prediction::move(std::size_t from, std::size_t to) {
  if (locked_ || from >= guess_.size() || to >= guess_.size()) return false;
  predicted_task t = std::move(guess_[from]);
  guess_.erase(guess_.begin() + static_cast<std::ptrdiff_t>(from));
  guess_.insert(guess_.begin() + static_cast<std::ptrdiff_t>(to), std::move(t));
  return true;
}

bool prediction::nudge(std::size_t index, int delta) {
  if (delta == 0 || index >= guess_.size()) return false;
  if (delta < 0 && index == 0) return false;
  const std::size_t to = delta < 0 ? index - 1 : index + 1;
  return move(index, to);
}

bool prediction::set_order(const std::vector<std::string>& labels) {
  if (locked_ || labels.size() != guess_.size()) return false;
  std::vector<predicted_task> next;
  for (const std::string& label : labels) {
    auto it = std::find_if(guess_.begin(), guess_.end(), [&](const predicted_task& t) { return t.label == label; });
    if (it == guess_.end()) return false;
    if (std::find(next.begin(), next.end(), *it) != next.end()) return false;
    next.push_back(*it);
  }
  guess_ = std::move(next);
  return true;
}

namespace {

// The rule's sentence names tasks ("Task-11"); the learner placed labels ("30"): "30 (Task-11)".
// Whole names only: "Task-1" must not match inside "Task-11".
std::string with_labels(std::string text, const std::vector<predicted_task>& tasks) {
  for (const predicted_task& t : tasks) {
    if (t.label == t.name) continue;
    const std::string replacement = t.label + " (" + t.name + ")";
    for (std::size_t at = text.find(t.name); at != std::string::npos; at = text.find(t.name, at)) {
      const std::size_t end = at + t.name.size();
      if (end < text.size() && text[end] >= '0' && text[end] <= '9') {
        at = end;
        continue;
      }
      text.replace(at, t.name.size(), replacement);
      at += replacement.size();
    }
  }
  return text;
}

}  // namespace

prediction_result compare(const prediction& p, const trace::recording& r, double playhead, tie_policy ties,
                          double jitter_us) {
  const std::vector<predicted_task>& guess = p.guess();
  std::vector<predicted_task> actual;  // the guessed tasks in their real finish order
  for (task_id id : r.finish_order()) {
    const trace::task_lane* lane = r.lane(id);
    if (lane == nullptr || lane->finished > playhead) continue;
    auto it = std::find_if(guess.begin(), guess.end(), [&](const predicted_task& t) { return t.id == id; });
    if (it != guess.end()) actual.push_back(*it);
  }
  prediction_result out;
  out.finished = actual.size();
  for (std::size_t i = 0; i < guess.size(); ++i) {
    compared_place place;
    place.guessed = guess[i];
    if (i < actual.size()) place.actual = actual[i];
    place.hit = place.actual.id == guess[i].id;
    out.hits += place.hit ? 1 : 0;
    auto real = std::find_if(actual.begin(), actual.end(), [&](const predicted_task& t) { return t.id == guess[i].id; });
    if (!place.hit && real != actual.end()) {
      place.misplaced = true;
      const auto j = static_cast<std::size_t>(real - actual.begin());
      // Guessed too early: why its real predecessor beat it. Too late: why it beat its successor.
      if (i < j)
        place.why = trace::explain_pair(r, actual[j - 1].id, guess[i].id, ties, jitter_us);
      else if (j + 1 < actual.size())
        place.why = trace::explain_pair(r, guess[i].id, actual[j + 1].id, ties, jitter_us);
      else
        place.misplaced = false;  // its successor has not finished yet: nothing to explain so far
      place.why.text = with_labels(std::move(place.why.text), guess);
    }
    out.places.push_back(std::move(place));
  }
  return out;
}

}  // namespace asyncrace::ui
