// fuzz_interpreter [--count N] [--seed S]: the whole interpreter (compile, then run on the
// scheduler under small caps) on random and mutated programs (every .py under src/tutorials and
// tests/python/corpus). Each input must either fail to compile with a syntax_error or run to an
// end — normal, a Python exception, a deadlock report or a cap — and never crash, hang or leak a
// C++ exception. Under the native-asan preset ASan and UBSan watch every input.
#include <algorithm>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

#include "fuzz_driver.hpp"
#include "python/program_run.hpp"
#include "tutorials/session.hpp"

using namespace asyncrace;
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
  std::sort(files.begin(), files.end());
  std::vector<std::string> texts;
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    texts.push_back(s.str());
  }
  return texts;
}

testing::fuzz_verdict whole_interpreter(std::string_view input, std::string& why) {
  program_options po;
  po.limits.max_steps = 200000;  // small caps: a fuzzed loop or recursion ends quickly
  po.limits.max_recursion = 200;
  po.limits.max_printed_lines = 2000;
  po.limits.max_memory = 64ull << 20;
  po.limits.max_tasks = 2000;
  std::shared_ptr<compiled_program> p;
  try {
    p = std::make_shared<compiled_program>(source_file("fuzz.py", std::string(input)), po);
  } catch (const syntax_error& e) {
    if (e.message.empty() || e.line == 0) {
      why = "a syntax_error without message or line: " + e.last_line();
      return testing::fuzz_verdict::failed;
    }
    return testing::fuzz_verdict::rejected;
  } catch (const std::exception& e) {
    why = std::string("compiling threw: ") + e.what();
    return testing::fuzz_verdict::failed;
  }
  try {
    tutorials::session s(std::move(p), tutorials::run_options{tie_policy::cpython_heap});
    s.run_to_end();
    return testing::fuzz_verdict::accepted;
  } catch (const std::exception& e) {
    why = std::string("running threw a C++ exception: ") + e.what();
  } catch (...) {
    why = "running threw something that is not a std::exception";
  }
  return testing::fuzz_verdict::failed;
}

}  // namespace

int main(int argc, char** argv) {
  testing::fuzz_options options;
  options.count = 2000;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--count") options.count = std::stoul(argv[i + 1]);
    else if (flag == "--seed") options.seed = std::stoull(argv[i + 1]);
  }
  const auto seeds = seed_programs();
  const testing::fuzz_report r = testing::run_fuzz(whole_interpreter, seeds, options);
  std::cout << "fuzz_interpreter: " << r.inputs << " inputs from " << seeds.size() << " seed programs: " << r.accepted
            << " ran to an end, " << r.rejected << " syntax errors, " << r.failed << " failures\n";
  if (r.failed) {
    std::cout << "first failure: " << r.first_failure << "\n";
    return 1;
  }
  return r.inputs == options.count && !seeds.empty() ? 0 : 1;
}
