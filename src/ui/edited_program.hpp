// The Python a learner edits in the page: the selected tutorial's own text, or their own program
// ("Your program"). Text that differs from the tutorial's runs on the interpreter (src/python);
// an untouched tutorial keeps its C++ twin.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "python/program_run.hpp"

namespace asyncrace::ui {

// The tutorial list's "Your program" entry (also the share links' tutorial=your_program).
inline constexpr std::string_view own_program_slug = "your_program";
// What "Your program" starts from: a small race to change.
std::string_view own_program_template();

class edited_program {
 public:
  // Starts again from `original` (a tutorial's text or the template), named `file_name`
  // ("nine_tasks_race.py") in tracebacks and reprs.
  void reset(std::string file_name, std::string_view original);
  void set_text(std::string text) { text_ = std::move(text); }

  const std::string& text() const { return text_; }
  std::string_view original() const { return original_; }
  const std::string& file_name() const { return file_name_; }
  bool edited() const { return text_ != original_; }

  // Compiles `text` (or the current text): the program, or null with the SyntaxError in `error`.
  static std::shared_ptr<python::compiled_program> compile(const std::string& file_name, std::string text,
                                                           const python::program_options& options,
                                                           std::optional<python::syntax_error>& error);
  std::shared_ptr<python::compiled_program> compile(const python::program_options& options,
                                                    std::optional<python::syntax_error>& error) const {
    return compile(file_name_, text_, options, error);
  }

 private:
  std::string file_name_;
  std::string original_;
  std::string text_;
};

// "SyntaxError: expected ':' (line 3, column 12)": the message the page shows beside the mark.
std::string describe(const python::syntax_error& e);

}  // namespace asyncrace::ui
