// An interpreted program's ProcessPoolExecutor on REAL workers (std::thread natively:
// python/process_worker.hpp): each worker imports the program as __mp_main__ in an interpreter of
// its own, calls and results travel pickled. The printed lines must be the virtual mode's (the
// goldens' model, CPython's spawn): only times differ, which real workers measure. Run under
// ThreadSanitizer by the native-tsan preset (test_pool): the workers' interpreters share nothing
// with the program's.
#include <doctest.h>

#include <algorithm>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "python/program_run.hpp"
#include "tutorials/session.hpp"

using namespace asyncrace;

namespace {

std::string corpus(const std::string& relative) {
  std::ifstream in(std::string(ASYNCRACE_SOURCE_DIR) + "/tests/python/corpus/" + relative, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

struct program_outcome {
  std::vector<std::string> lines;  // every printed line (the traceback's too), without times
  std::vector<std::string> jobs;   // the pool jobs' names, in the order the loop heard of them
  std::string error;
};

program_outcome run(const std::string& text, tutorials::executor_mode mode, python::run_limits limits = {}) {
  python::program_options po;
  po.limits = limits;
  auto program = std::make_shared<python::compiled_program>(python::source_file("prog.py", text), po);
  tutorials::run_options o{tie_policy::cpython_heap};
  o.executors = mode;
  o.workers = 2;
  tutorials::session s(std::move(program), o);
  s.run_to_end();
  program_outcome out;
  for (const auto& l : s.trace().lines()) out.lines.push_back(l.text);
  for (const auto& j : s.trace().jobs()) out.jobs.emplace_back(j.what);
  out.error = s.error();
  return out;
}

program_outcome real(const std::string& text, python::run_limits limits = {}) {
  return run(text, tutorials::executor_mode::real, limits);
}
program_outcome virtual_run(const std::string& text) { return run(text, tutorials::executor_mode::virtual_workers); }

}  // namespace

TEST_CASE("real process pool: calls and results travel pickled, pickle's errors are CPython's") {
  const std::string text = corpus("asyncio_patterns/process_pool_pickling.py");
  REQUIRE(!text.empty());
  const program_outcome r = real(text);
  CHECK(r.lines == virtual_run(text).lines);
  REQUIRE(r.lines.size() == 7);
  CHECK(r.lines[0] == "[1, 2] Point(1, 2) [1, 2, 2] Point(2, 2) False False True");
  CHECK(r.lines[2] == "AttributeError Can't pickle local object 'main.<locals>.<lambda>'");
  CHECK(r.lines[3] == "Boom ('bad', 7) True");  // the worker's exception, unpickled as the program's class
  CHECK(r.lines[6] == "[1, 2, 3] (3, 1)");
  // Jobs that ran on a worker thread are named by their function (no lane for one never sent).
  CHECK(std::count(r.jobs.begin(), r.jobs.end(), "grow") == 1);
  CHECK(std::count(r.jobs.begin(), r.jobs.end(), "sorted") == 1);
  CHECK(r.error == "");
}

TEST_CASE("real process pool: a worker imports the program as __mp_main__ and keeps its globals") {
  // One worker: which jobs share a worker is then fixed, so the counts are too.
  std::string text = corpus("asyncio_patterns/process_pool_spawn.py");
  REQUIRE(text.find("max_workers=2") != std::string::npos);
  text.replace(text.find("max_workers=2"), 13, "max_workers=1");
  const program_outcome r = real(text);
  const program_outcome v = virtual_run(text);
  REQUIRE(r.lines.size() == 7);
  REQUIRE(v.lines.size() == 7);
  // All but the last line, which prints the loop's clock: measured on real workers.
  CHECK(std::equal(r.lines.begin(), r.lines.end() - 1, v.lines.begin()));
  CHECK(v.lines[6] == "calls in the caller: 0 at 2.5");
  CHECK(r.lines[0] == "a worker imports the program as __mp_main__");  // printed by the worker, once
  CHECK(r.lines[5] == "e: call 5 in __mp_main__");
  CHECK(r.lines[6].rfind("calls in the caller: 0 at ", 0) == 0);  // the program's own globals never change
  CHECK(r.jobs == std::vector<std::string>(5, "count"));
}

TEST_CASE("real process pool: two workers really import the program, each once") {
  const std::string text = corpus("asyncio_patterns/process_pool_spawn.py");
  const program_outcome r = real(text);
  // Which worker takes which call is the threads' race: what is fixed is each line's form, and
  // that the five calls are counted by at most two workers.
  REQUIRE(r.lines.size() >= 7);
  int imports = 0;
  for (const std::string& l : r.lines) imports += l == "a worker imports the program as __mp_main__";
  CHECK(imports >= 1);
  CHECK(imports <= 2);
  CHECK(r.lines.back().rfind("calls in the caller: 0 at ", 0) == 0);
}

TEST_CASE("real process pool: a worker's exception reaches the awaiter with CPython's message") {
  const std::string text = R"(import asyncio
import concurrent.futures

def divide(a, b):
    return a // b

def look(d, k):
    return d[k]

async def main():
    loop = asyncio.get_running_loop()
    with concurrent.futures.ProcessPoolExecutor(max_workers=2) as pool:
        for fn, args in ((divide, (7, 0)), (look, ({"a": 1}, "b")), (divide, (7, 2))):
            try:
                print(await loop.run_in_executor(pool, fn, *args))
            except Exception as e:
                print(type(e).__name__, repr(e))
        print(await loop.run_in_executor(pool, divide, 1, 0))

if __name__ == "__main__":
    asyncio.run(main())
)";
  const program_outcome r = real(text);
  CHECK(r.lines == virtual_run(text).lines);
  REQUIRE(r.lines.size() >= 4);
  CHECK(r.lines[0] == "ZeroDivisionError ZeroDivisionError('integer division or modulo by zero')");
  CHECK(r.lines[1] == "KeyError KeyError('b')");
  CHECK(r.lines[2] == "3");
  CHECK(r.lines.back() == "ZeroDivisionError: integer division or modulo by zero");  // uncaught: the traceback's last line
}

TEST_CASE("real process pool: a notebook's own functions break the pool, builtins travel") {
  for (const char* name : {"notebook/process_pool_notebook.py", "notebook/process_pool_imported_builtin.py"}) {
    CAPTURE(name);
    const std::string text = corpus(name);
    REQUIRE(!text.empty());
    const program_outcome r = real(text);
    CHECK(r.lines == virtual_run(text).lines);
    int broken = 0;
    for (const std::string& l : r.lines)
      broken += l == "BrokenProcessPool A process in the process pool was terminated abruptly while the future "
                     "was running or pending.";
    CHECK(broken == 1);
  }
}

TEST_CASE("real process pool: a worker's cap ends the run as on a virtual worker") {
  const std::string text = R"(import asyncio
import concurrent.futures

def spin():
    while True:
        pass

async def main():
    loop = asyncio.get_running_loop()
    with concurrent.futures.ProcessPoolExecutor(max_workers=1) as pool:
        await loop.run_in_executor(pool, spin)

if __name__ == "__main__":
    asyncio.run(main())
)";
  python::run_limits limits;
  limits.max_steps = 200000;
  const program_outcome r = real(text, limits);
  REQUIRE(!r.lines.empty());
  CHECK(r.lines.back().rfind("LimitReached: the program ran ", 0) == 0);
}

TEST_CASE("real workers: a thread pool cannot run interpreted functions, and says so") {
  const std::string text = R"(import asyncio

def f():
    return 1

async def main():
    try:
        await asyncio.to_thread(f)
    except RuntimeError as e:
        print(e)

asyncio.run(main())
)";
  const program_outcome r = real(text);
  REQUIRE(r.lines.size() == 1);
  CHECK(r.lines[0] ==
        "real workers cannot run interpreted Python functions on a thread pool (threads would share the program's "
        "interpreter): use virtual workers, or a ProcessPoolExecutor");
}
