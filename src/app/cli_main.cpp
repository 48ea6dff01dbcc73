// `asyncrace`: list the tutorials or run one and print its transcript.
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "cli_args.hpp"
#include "trace/chrome_trace.hpp"
#include "trace/transcript.hpp"
#include "tutorials/catalog.hpp"
#include "tutorials/run_about.hpp"

namespace {

using namespace asyncrace;

int list() {
  std::size_t width = 0;
  for (const tutorials::tutorial& t : tutorials::catalog()) width = std::max(width, t.slug().size());
  std::string_view seed;
  for (const tutorials::tutorial& t : tutorials::catalog()) {
    if (t.info->seed != seed) {
      seed = t.info->seed;
      std::printf("%sseed %.*s\n", seed == tutorials::catalog()[0].info->seed ? "" : "\n",
                  static_cast<int>(seed.size()), seed.data());
    }
    std::printf("  %-*.*s  %.*s\n", static_cast<int>(width), static_cast<int>(t.slug().size()),
                t.slug().data(), static_cast<int>(t.info->title.size()), t.info->title.data());
  }
  return 0;
}

int run(const cli::run_command& c) {
  tutorials::session s(*tutorials::find(c.slug), c.options);
  s.run_to_end();
  switch (c.format) {
    case cli::output_format::jsonl: std::cout << trace::to_jsonl(s.trace()); break;
    case cli::output_format::chrome_trace: std::cout << trace::to_chrome_trace(s.trace(), tutorials::about_run(s)); break;
    case cli::output_format::text: std::cout << trace::to_text(s.trace()); break;
  }
  std::cout.flush();
  return s.error().empty() ? 0 : 1;
}

template <class... F>
struct overloaded : F... {
  using F::operator()...;
};
template <class... F>
overloaded(F...) -> overloaded<F...>;

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  return std::visit(overloaded{
                        [](const cli::list_command&) { return list(); },
                        [](const cli::help_command&) {
                          std::fputs(cli::usage().c_str(), stdout);
                          return 0;
                        },
                        [](const cli::run_command& c) { return run(c); },
                        [](const cli::usage_error& e) {
                          std::fprintf(stderr, "asyncrace: %s\n", e.message.c_str());
                          return 2;
                        },
                    },
                    cli::parse(args));
}
