// `asyncrace`: list the tutorials or run one and print its transcript.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include "cli_args.hpp"
#include "python/program_run.hpp"
#include "trace/chrome_trace.hpp"
#include "trace/loop_steps.hpp"
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
      std::printf("%s%s\n", seed == tutorials::catalog()[0].info->seed ? "" : "\n",
                  tutorials::group_heading(*t.info).c_str());
    }
    std::printf("  %-*.*s  %.*s\n", static_cast<int>(width), static_cast<int>(t.slug().size()),
                t.slug().data(), static_cast<int>(t.info->title.size()), t.info->title.data());
  }
  return 0;
}

void print_transcript(const trace::recording& r, const trace::trace_about& about, cli::output_format f) {
  switch (f) {
    case cli::output_format::jsonl: std::cout << trace::to_jsonl(r); break;
    case cli::output_format::chrome_trace: std::cout << trace::to_chrome_trace(r, about); break;
    case cli::output_format::text: std::cout << trace::to_text(r); break;
  }
  std::cout.flush();
}

// --steps: one JSON object per recorded loop iteration, stepped through with a cursor; a last
// object (and a line on stderr) when the states stop at the size cap.
void print_steps(const trace::recording& r) {
  const trace::loop_steps& steps = r.loop_states();
  if (!steps.empty()) {
    trace::loop_steps::cursor c(steps);
    const trace::task_namer name = trace::lane_names(r);
    do {
      std::cout << trace::to_json(c.state(), name) << '\n';
    } while (c.forward());
  }
  if (steps.truncated()) {
    std::cout << "{\"truncated\": true, \"message\": " << trace::json_quote(steps.message()) << "}\n";
    std::fprintf(stderr, "asyncrace: %s\n", steps.message().c_str());
  }
  std::cout.flush();
}

void print_run(const tutorials::session& s, const trace::recording& r, cli::output_format f) {
  if (s.options().loop_states) return print_steps(r);
  print_transcript(r, tutorials::about_run(s), f);
}

int run(const cli::run_command& c) {
  tutorials::session s(*tutorials::find(c.slug), c.options);
  s.run_to_end();
  print_run(s, s.trace(), c.format);
  return s.error().empty() ? 0 : 1;
}

int stats(const cli::stats_command& c) {
  const tutorials::rank_table table = tutorials::rank_stats(*tutorials::find(c.slug), c.options, c.runs);
  std::fputs(tutorials::to_text(table).c_str(), stdout);
  return table.error.empty() ? 0 : 1;
}

// `asyncrace run-file`: compiles the whole program first (a SyntaxError runs nothing and is the
// transcript's one record, as python3 reports it), then runs it like a tutorial.
int run_file(const cli::run_file_command& c) {
  std::string text;
  std::string name = "prog.py";
  if (c.path == "-") {
    text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  } else {
    std::ifstream in(c.path, std::ios::binary);
    if (!in) {
      std::fprintf(stderr, "asyncrace: cannot read '%s'\n", c.path.c_str());
      return 2;
    }
    text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    name = c.path.substr(c.path.find_last_of('/') == std::string::npos ? 0 : c.path.find_last_of('/') + 1);
  }
  tutorials::run_options options = c.options;
  if (!c.ties_given) options.ties = text.rfind("# ties: fifo", 0) == 0 ? tie_policy::fifo : tie_policy::cpython_heap;
  python::program_options po;
  po.limits = c.limits;
  po.seed = options.seed;
  std::shared_ptr<python::compiled_program> program;
  try {
    program = std::make_shared<python::compiled_program>(python::source_file(name, std::move(text)), po);
  } catch (const python::syntax_error& e) {
    trace::recording r;
    r.output(no_task, output_stream::exception, e.last_line(), 0.0);
    print_transcript(r, {{"program", name}}, c.format);
    return 1;
  }
  tutorials::session s(std::move(program), options);
  s.run_to_end();
  print_run(s, s.trace(), c.format);
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
                        [](const cli::run_file_command& c) { return run_file(c); },
                        [](const cli::stats_command& c) { return stats(c); },
                        [](const cli::usage_error& e) {
                          std::fprintf(stderr, "asyncrace: %s\n", e.message.c_str());
                          return 2;
                        },
                    },
                    cli::parse(args));
}
