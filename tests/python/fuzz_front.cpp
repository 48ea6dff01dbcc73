// fuzz_front [--count N] [--seed S]: the front end (parse, scopes, ast.dump) on random and mutated
// programs (every .py under src/tutorials and tests/python/corpus). Every input must either
// compile or raise a syntax_error; anything else fails the run (exit 1). Run under ASan+UBSan
// (the native-asan preset), so memory errors and undefined behaviour abort it too.
#include <exception>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "fuzz_driver.hpp"
#include "python/ast_dump.hpp"
#include "python/parser.hpp"
#include "python/scopes.hpp"

using namespace asyncrace::python;

namespace {
std::vector<std::string> seed_programs() {
  std::vector<std::string> files;
  for (const char* dir : {"/src/tutorials", "/tests/python/corpus"}) {
    const std::filesystem::path root = std::string(ASYNCRACE_SOURCE_DIR) + dir;
    if (!std::filesystem::exists(root)) continue;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(root))
      if (entry.is_regular_file() && entry.path().extension() == ".py") files.push_back(entry.path().string());
  }
  std::sort(files.begin(), files.end());  // the same order, so the same inputs, everywhere
  std::vector<std::string> texts;
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    texts.push_back(s.str());
  }
  return texts;
}

testing::fuzz_verdict front_end(std::string_view input, std::string& why) {
  try {
    parse_options po;
    po.allow_top_level_await = input.size() % 2 == 1;  // both modes, deterministically
    auto tree = parse(source_file("fuzz.py", std::string(input)), po);
    scope_options so;
    so.allow_top_level_await = po.allow_top_level_await;
    analyze_scopes(*tree, so);
    if (ast::dump(*tree->module).rfind("Module(", 0) != 0) {
      why = "ast.dump does not start with Module(";
      return testing::fuzz_verdict::failed;
    }
    return testing::fuzz_verdict::accepted;
  } catch (const syntax_error& e) {
    if (e.message.empty() || e.line == 0) {
      why = "a syntax_error without message or line: " + e.last_line();
      return testing::fuzz_verdict::failed;
    }
    return testing::fuzz_verdict::rejected;
  } catch (const std::exception& e) {
    why = std::string("an exception other than syntax_error: ") + e.what();
    return testing::fuzz_verdict::failed;
  } catch (...) {
    why = "an exception other than syntax_error";
    return testing::fuzz_verdict::failed;
  }
}
}  // namespace

int main(int argc, char** argv) {
  testing::fuzz_options options;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--count") options.count = std::stoul(argv[i + 1]);
    else if (flag == "--seed") options.seed = std::stoull(argv[i + 1]);
  }
  const auto seeds = seed_programs();
  const testing::fuzz_report r = testing::run_fuzz(front_end, seeds, options);
  std::cout << "fuzz_front: " << r.inputs << " inputs from " << seeds.size() << " seed programs: " << r.accepted
            << " compiled, " << r.rejected << " syntax errors, " << r.failed << " failures\n";
  if (r.failed) {
    std::cout << "first failure: " << r.first_failure << "\n";
    return 1;
  }
  return r.inputs == options.count && !seeds.empty() ? 0 : 1;
}
