// asyncrace-front-bench FILE...: how fast the front end reads Python — every file parsed, and
// parsed then scope-analysed, `reps` times; prints bytes and CPU seconds for bench/front.sh to set
// against CPython's ast.parse and symtable on the same files.
#include <ctime>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "python/parser.hpp"
#include "python/scopes.hpp"

using namespace asyncrace::python;

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: asyncrace-front-bench REPS FILE...\n");
    return 2;
  }
  const int reps = std::stoi(argv[1]);
  std::vector<source_file> files;
  std::size_t bytes = 0;
  for (int i = 2; i < argc; ++i) {
    std::ifstream in(argv[i], std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    files.emplace_back(argv[i], s.str());
    bytes += files.back().text().size();
  }
  auto time = [&](bool scopes) {
    const std::clock_t start = std::clock();  // CPU time: the shared machine's load does not count
    std::size_t nodes_memory = 0;
    for (int r = 0; r < reps; ++r)
      for (const auto& f : files) {
        auto tree = parse(f);
        nodes_memory += tree->memory.bytes_reserved();
        if (scopes) analyze_scopes(*tree);
      }
    (void)nodes_memory;
    return static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC;
  };
  time(false);  // warm the caches and the allocator once
  const double parse_s = time(false);
  const double front_s = time(true);
  std::printf("files %zu bytes %zu reps %d parse_s %.6f parse_scopes_s %.6f\n", files.size(), bytes, reps, parse_s, front_s);
  return 0;
}
