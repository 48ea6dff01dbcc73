// The Trace Event format's rules that viewers (Perfetto, chrome://tracing) depend on, checked on a
// parsed file: every async begin has its end on the same track (same cat and id) with the same
// name, properly nested; timestamps are numbers in µs, never negative, ordered per track in file
// order; complete events have a duration; every flow (bind_id) has exactly one start and one end,
// the start first. Returns the problems found (empty: valid).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "json_reader.hpp"

namespace asyncrace::testing {

inline std::string async_id(const json& e) {
  if (e.has("id2")) return e["id2"].has("local") ? "local:" + e["id2"]["local"].text : "global:" + e["id2"]["global"].text;
  return e.has("id") ? (e["id"].type == json::kind::string ? e["id"].text : std::to_string(e["id"].number)) : "";
}

inline std::vector<std::string> trace_event_problems(const json& doc) {
  std::vector<std::string> problems;
  if (!doc.has("traceEvents") || doc["traceEvents"].type != json::kind::array) return {"no traceEvents array"};
  std::map<std::string, double> last_ts;                 // per track
  std::map<std::string, std::vector<std::string>> open;  // per async track: names of open slices
  struct flow_ends { int out = 0, in = 0; double out_ts = -1, in_ts = -1; bool in_first = false; };
  std::map<std::string, flow_ends> flows;
  int index = 0;
  for (const json& e : doc["traceEvents"].items) {
    const std::string at = "event " + std::to_string(index++);
    if (!e.has("ph") || !e.has("ts") || !e.has("pid") || !e.has("tid") || !e.has("name")) {
      problems.push_back(at + ": missing ph, ts, pid, tid or name");
      continue;
    }
    const std::string ph = e["ph"].text;
    const double ts = e["ts"].number;
    if (e["ts"].type != json::kind::number || ts < 0) problems.push_back(at + ": ts is not a µs number >= 0");
    if (ph == "M") continue;
    const std::string pid_tid = std::to_string(e["pid"].number) + "/" + std::to_string(e["tid"].number);
    const bool async = ph == "b" || ph == "e" || ph == "n";
    std::string track = "thread " + pid_tid;
    if (async) {
      if (!e.has("cat") || async_id(e).empty()) { problems.push_back(at + ": async event without cat or id"); continue; }
      track = "async " + std::to_string(e["pid"].number) + "/" + e["cat"].text + "/" + async_id(e);
    }
    if (last_ts.count(track) != 0 && ts < last_ts[track])
      problems.push_back(at + ": ts " + std::to_string(ts) + " goes back on " + track);
    last_ts[track] = ts;
    if (ph == "b") open[track].push_back(e["name"].text);
    if (ph == "e") {
      std::vector<std::string>& names = open[track];
      if (names.empty()) problems.push_back(at + ": end without a begin on " + track);
      else if (names.back() != e["name"].text) problems.push_back(at + ": end '" + e["name"].text + "' closes '" + names.back() + "'");
      if (!names.empty()) names.pop_back();
    }
    if (ph == "X" && (!e.has("dur") || e["dur"].number < 0)) problems.push_back(at + ": complete event without a duration");
    if (e.has("bind_id")) {
      flow_ends& f = flows[e["bind_id"].text];
      const bool out = e.has("flow_out") && e["flow_out"].b;
      const bool in = e.has("flow_in") && e["flow_in"].b;
      if (out == in) problems.push_back(at + ": a flow event must be flow_out or flow_in");
      if (out) { ++f.out; f.out_ts = ts; }
      if (in) { ++f.in; f.in_ts = ts; if (f.out == 0) f.in_first = true; }
    }
  }
  for (const auto& [track, names] : open)
    if (!names.empty()) problems.push_back("'" + names.back() + "' never ends on " + track);
  for (const auto& [id, f] : flows) {
    if (f.out != 1 || f.in != 1) problems.push_back("flow " + id + " has " + std::to_string(f.out) + " starts and " + std::to_string(f.in) + " ends");
    else if (f.in_first || f.in_ts < f.out_ts) problems.push_back("flow " + id + " ends before it starts");
  }
  return problems;
}

}  // namespace asyncrace::testing
