#include "edited_program.hpp"

namespace asyncrace::ui {

std::string_view own_program_template() {
  return R"(import asyncio


async def worker(name, delay):
    print(f"{name} starts")
    await asyncio.sleep(delay)
    print(f"{name} done after {delay} s")
    return name


async def main():
    finished = await asyncio.gather(worker("A", 2), worker("B", 1), worker("C", 1))
    print("gather returns", finished)


asyncio.run(main())
)";
}

void edited_program::reset(std::string file_name, std::string_view original) {
  file_name_ = std::move(file_name);
  original_ = std::string(original);
  text_ = original_;
}

std::shared_ptr<python::compiled_program> edited_program::compile(const std::string& file_name, std::string text,
                                                                  const python::program_options& options,
                                                                  std::optional<python::syntax_error>& error) {
  error.reset();
  try {
    return std::make_shared<python::compiled_program>(python::source_file(file_name, std::move(text)), options);
  } catch (const python::syntax_error& e) {
    error = e;
    return nullptr;
  }
}

std::string describe(const python::syntax_error& e) {
  std::string out = e.last_line();
  if (e.line > 0) {
    out += " (line " + std::to_string(e.line);
    if (e.column > 0) out += ", column " + std::to_string(e.column);
    out += ')';
  }
  return out;
}

}  // namespace asyncrace::ui
