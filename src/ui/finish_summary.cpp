#include "finish_summary.hpp"

#include <algorithm>

namespace asyncrace::ui {

std::string finish_token(const std::string& first_output) {
  const std::size_t space = first_output.find_last_of(' ');
  return space == std::string::npos ? first_output : first_output.substr(space + 1);
}

std::vector<std::string> finish_tokens(const trace::recording& rec, double playhead) {
  std::vector<std::string> out;
  for (task_id id : rec.finish_order()) {
    const trace::task_lane* lane = rec.lane(id);
    if (lane == nullptr || lane->first_output.empty() || lane->finished > playhead) continue;
    out.push_back(finish_token(lane->first_output));
  }
  return out;
}

bool informative(std::span<const std::string> tokens) {
  if (tokens.size() < 2) return false;
  std::vector<std::string_view> sorted(tokens.begin(), tokens.end());
  std::sort(sorted.begin(), sorted.end());
  return std::adjacent_find(sorted.begin(), sorted.end()) == sorted.end();
}

std::string fit_summary(std::span<const std::string> tokens, float max_width,
                        const std::function<float(std::string_view)>& measure) {
  constexpr std::string_view sep = "  ";
  constexpr std::string_view ellipsis = "\xe2\x80\xa6";
  std::string all;
  for (const std::string& t : tokens) {
    if (!all.empty()) all += sep;
    all += t;
  }
  if (measure(all) <= max_width) return all;
  // Longest prefix of whole tokens that fits with " …" after it.
  std::string out;
  std::string best;
  for (const std::string& t : tokens) {
    std::string next = out.empty() ? t : out + std::string(sep) + t;
    if (measure(next + std::string(sep) + std::string(ellipsis)) > max_width) break;
    out = std::move(next);
    best = out;
  }
  if (best.empty()) return std::string();
  return best + std::string(sep) + std::string(ellipsis);
}

}  // namespace asyncrace::ui
