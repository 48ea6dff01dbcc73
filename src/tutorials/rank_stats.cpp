#include "tutorials/rank_stats.hpp"

#include <algorithm>
#include <cstdio>

#include "pyrt/py_format.hpp"

namespace asyncrace::tutorials {

rank_stats_job::rank_stats_job(const tutorial& t, const run_options& options, std::uint32_t runs)
    : tutorial_(&t), wanted_(std::min(runs, max_stats_runs)) {
  partial_.slug = std::string(t.slug());
  partial_.options = options;
  run_options own;  // what `asyncrace run <slug>` does
  own.ties = t.info->ties;
  session s(t, own);
  s.run_to_end();
  partial_.default_order = s.trace().finish_order();
  done_ = wanted_ == 0;
}

bool rank_stats_job::step(std::uint32_t max_runs) {
  for (std::uint32_t i = 0; i < max_runs && !done_; ++i) {
    run_options o = partial_.options;
    o.seed = partial_.options.seed + runs_done_;
    o.loop_states = false;
    session s(*tutorial_, o);
    s.run_to_end();
    if (!s.error().empty()) {
      partial_.error = "seed " + std::to_string(o.seed) + ": " + s.error();
      done_ = true;
      break;
    }
    count(s.trace(), o.seed);
    done_ = ++runs_done_ == wanted_;
  }
  return !done_;
}

void rank_stats_job::count(const trace::recording& r, std::uint64_t seed) {
  ++partial_.runs;
  auto& tasks = partial_.tasks;
  for (const trace::task_lane& lane : r.lanes()) {
    if (!lane.done()) continue;
    auto row = std::find_if(tasks.begin(), tasks.end(), [&](const auto& x) { return x.id == lane.id; });
    if (row == tasks.end()) {
      row = tasks.insert(std::upper_bound(tasks.begin(), tasks.end(), lane.id,
                                          [](task_id id, const auto& x) { return id < x.id; }),
                         rank_table::task_row{lane.id, lane.name, lane.coro, lane.first_output, {}});
    }
    const auto rank = static_cast<std::size_t>(lane.finish_rank);
    if (row->ranks.size() < rank) row->ranks.resize(rank, 0);
    ++row->ranks[rank - 1];
  }
  std::vector<task_id> order = r.finish_order();
  rank_table::order& entry = orders_[order];
  if (entry.count++ == 0) {
    entry.tasks = std::move(order);
    entry.first_seed = seed;
  }
}

rank_table rank_stats_job::table() const {
  rank_table out = partial_;
  std::size_t width = 0;
  for (const auto& row : out.tasks) width = std::max(width, row.ranks.size());
  for (auto& row : out.tasks) row.ranks.resize(width, 0);
  for (const auto& [key, entry] : orders_) {
    out.orders.push_back(entry);
    out.orders.back().is_default = key == out.default_order;
  }
  std::sort(out.orders.begin(), out.orders.end(), [](const auto& a, const auto& b) {
    return a.count != b.count ? a.count > b.count : a.first_seed < b.first_seed;
  });
  return out;
}

rank_table rank_stats(const tutorial& t, const run_options& options, std::uint32_t runs) {
  rank_stats_job job(t, options, runs);
  while (job.step(64)) {
  }
  return job.table();
}

namespace {
std::string pad(std::string s, std::size_t w) {
  if (s.size() < w) s.append(w - s.size(), ' ');
  return s;
}
std::string rpad(const std::string& s, std::size_t w) { return s.size() < w ? std::string(w - s.size(), ' ') + s : s; }
}  // namespace

std::string to_text(const rank_table& table, std::size_t top) {
  std::string out = table.slug + ": finish ranks over " + std::to_string(table.runs) + " runs (--tie-break " +
                    std::string(to_string(table.options.ties)) + ", seeds " + std::to_string(table.options.seed) + ".." +
                    std::to_string(table.options.seed + (table.runs ? table.runs - 1 : 0));
  if (table.options.ties == tie_policy::jitter) out += ", jitter " + py_float_repr(table.options.jitter_us) + " us";
  out += ")\n";
  if (!table.error.empty()) out += "stopped: " + table.error + "\n";
  std::size_t name_w = 4, coro_w = 9, line_w = 10;
  for (const auto& row : table.tasks) {
    name_w = std::max(name_w, row.name.size());
    coro_w = std::max(coro_w, row.coro.size());
    line_w = std::max(line_w, std::min<std::size_t>(row.first_line.size(), 24));
  }
  const std::size_t ranks = table.tasks.empty() ? 0 : table.tasks.front().ranks.size();
  const std::size_t cell = std::max<std::size_t>(4, std::to_string(table.runs).size() + 1);
  out += pad("task", name_w) + "  " + pad("coroutine", coro_w) + "  " + pad("first line", line_w) + "  rank:";
  for (std::size_t r = 1; r <= ranks; ++r) out += rpad(std::to_string(r), cell);
  out += '\n';
  for (const auto& row : table.tasks) {
    out += pad(row.name, name_w) + "  " + pad(row.coro, coro_w) + "  " + pad(row.first_line.substr(0, 24), line_w) + "       ";
    for (std::uint32_t n : row.ranks) out += rpad(n ? std::to_string(n) : ".", cell);
    out += '\n';
  }
  auto name_of = [&](task_id id) {
    for (const auto& row : table.tasks)
      if (row.id == id) return row.name;
    return "Task?" + std::to_string(id);
  };
  auto spell = [&](const std::vector<task_id>& order) {
    std::string s;
    for (task_id id : order) s += (s.empty() ? "" : ", ") + name_of(id);
    return s;
  };
  out += "\nmost frequent finish orders (* = the tutorial's own order, `asyncrace run " + table.slug + "`):\n";
  bool shown_default = false;
  for (std::size_t i = 0; i < table.orders.size() && i < top; ++i) {
    const auto& o = table.orders[i];
    shown_default |= o.is_default;
    out += (o.is_default ? "* " : "  ") + rpad(std::to_string(o.count), cell) + "  (first seed " +
           std::to_string(o.first_seed) + ")  " + spell(o.tasks) + "\n";
  }
  if (table.orders.size() > top)
    out += "  ... " + std::to_string(table.orders.size() - top) + " more orders\n";
  out += std::to_string(table.orders.size()) + " distinct orders in " + std::to_string(table.runs) + " runs\n";
  if (!shown_default) {
    auto it = std::find_if(table.orders.begin(), table.orders.end(), [](const auto& o) { return o.is_default; });
    out += it == table.orders.end()
               ? "the tutorial's own order (" + spell(table.default_order) + ") did not occur\n"
               : "the tutorial's own order occurred " + std::to_string(it->count) + " times (rank " +
                     std::to_string(it - table.orders.begin() + 1) + ")\n";
  }
  return out;
}

}  // namespace asyncrace::tutorials
