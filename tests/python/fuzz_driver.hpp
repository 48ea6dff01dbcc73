// A bounded, deterministic fuzzer for any stage of the interpreter: the target is a function that
// takes one program text and may only fail the ways that stage is allowed to (the front end:
// syntax_error). Inputs are random bytes and mutations of seed programs (byte flips, span
// deletions and duplications, line swaps, truncations, inserted Python tokens). Crashes are for
// ASan/UBSan to report; a hang trips the watchdog, which prints the input and aborts.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace asyncrace::python::testing {

// What the target says of one input: accepted, rejected the allowed way, or failed (a bug).
enum class fuzz_verdict { accepted, rejected, failed };
using fuzz_target = std::function<fuzz_verdict(std::string_view input, std::string& why)>;

struct fuzz_options {
  std::size_t count = 20000;
  std::uint64_t seed = 1;
  int hang_seconds = 20;  // one input running longer than this is a hang
};

struct fuzz_report {
  std::size_t inputs = 0, accepted = 0, rejected = 0, failed = 0;
  std::string first_failure;  // the input and why
};

class fuzz_rng {  // splitmix64: the same inputs on every machine
 public:
  explicit fuzz_rng(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  std::size_t below(std::size_t n) { return n ? static_cast<std::size_t>(next() % n) : 0; }

 private:
  std::uint64_t state_;
};

inline std::string random_text(fuzz_rng& rng) {
  static constexpr std::string_view pieces[] = {
      "(", ")", "[", "]", "{", "}", ":", "\n", "    ", "\t", "'", "\"", "\"\"\"", "f'{", "}'", "lambda", "yield",
      "await", "async", "def", "class", "if", "else", "for", "in", "*", "**", "=", ":=", "\\", "#", ",", ".", "x",
      "1", "0x", "1e", "é", "€", "\r\n", "return", "global", "nonlocal", "try", "except*", "with", "as", "not"};
  std::string s;
  const std::size_t n = rng.below(60);
  for (std::size_t i = 0; i < n; ++i) {
    if (rng.below(4) == 0) s += static_cast<char>(rng.below(256));
    else s += pieces[rng.below(std::size(pieces))];
  }
  return s;
}

inline std::string mutate(std::string s, fuzz_rng& rng) {
  static constexpr std::string_view inserts[] = {"(", ")", "]", "}", ":", "\n", "    ", "\t", "'", "\"\"\"",
                                                 "{", "f\"{x!r:{y}}\"", "*", "=", "\\", "#", "yield ", "await ",
                                                 "lambda:", "async ", " if ", ",", "\x00", "\xff", ":="};
  const std::size_t rounds = 1 + rng.below(3);
  for (std::size_t r = 0; r < rounds; ++r) {
    const std::size_t at = rng.below(s.size() + 1);
    switch (rng.below(6)) {
      case 0:  // byte flip
        if (!s.empty()) s[rng.below(s.size())] = static_cast<char>(rng.below(256));
        break;
      case 1:  // delete a span (often a token or two)
        s.erase(at, 1 + rng.below(12));
        break;
      case 2: {  // swap two lines
        std::vector<std::string> lines;
        std::size_t b = 0;
        for (std::size_t e; (e = s.find('\n', b)) != std::string::npos; b = e + 1) lines.push_back(s.substr(b, e - b + 1));
        lines.push_back(s.substr(b));
        if (lines.size() > 1) std::swap(lines[rng.below(lines.size())], lines[rng.below(lines.size())]);
        s.clear();
        for (const auto& l : lines) s += l;
        break;
      }
      case 3:  // truncate
        s.resize(at);
        break;
      case 4:  // duplicate a span
        if (!s.empty()) {
          const std::size_t from = rng.below(s.size());
          s.insert(at, s.substr(from, 1 + rng.below(40)));
        }
        break;
      default:
        s.insert(at, inserts[rng.below(std::size(inserts))]);
    }
  }
  return s;
}

// Runs options.count inputs through `target`: every seed program once as it is, then random
// texts (one in ten) and mutations of the seeds.
inline fuzz_report run_fuzz(const fuzz_target& target, const std::vector<std::string>& seeds, const fuzz_options& options) {
  fuzz_report report;
  fuzz_rng rng(options.seed);
  std::atomic<std::int64_t> started{0};  // steady-clock ms when the current input began; 0: idle
  std::atomic<bool> done{false};
  std::string current;
  std::mutex current_lock;
  std::thread watchdog([&] {
    while (!done) {
      std::this_thread::sleep_for(std::chrono::milliseconds(200));  // the watchdog's own polling, not a test wait
      const std::int64_t t = started;
      const std::int64_t now = std::chrono::duration_cast<std::chrono::milliseconds>(
                                   std::chrono::steady_clock::now().time_since_epoch()).count();
      if (t && now - t > options.hang_seconds * 1000LL) {
        std::lock_guard<std::mutex> g(current_lock);
        std::fprintf(stderr, "fuzz: an input ran over %d s (a hang):\n%s\n", options.hang_seconds, current.c_str());
        std::abort();
      }
    }
  });
  for (std::size_t i = 0; i < options.count; ++i) {
    std::string input;
    if (i < seeds.size()) input = seeds[i];
    else if (seeds.empty() || rng.below(10) == 0) input = random_text(rng);
    else input = mutate(seeds[rng.below(seeds.size())], rng);
    {
      std::lock_guard<std::mutex> g(current_lock);
      current = input;
    }
    started = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch()).count();
    std::string why;
    const fuzz_verdict v = target(input, why);
    started = 0;
    ++report.inputs;
    if (v == fuzz_verdict::accepted) ++report.accepted;
    else if (v == fuzz_verdict::rejected) ++report.rejected;
    else if (++report.failed == 1) report.first_failure = why + "\ninput:\n" + input;
  }
  done = true;
  watchdog.join();
  return report;
}

}  // namespace asyncrace::python::testing
