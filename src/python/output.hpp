// What a program prints: whole lines go to the running loop's transcript, stamped with the
// virtual time at which their newline is written (print("a\nb") is two records at one time; a
// print(..., end="") waits in a buffer for its line's end).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace asyncrace::python {

class interpreter;

// Everything print() writes, `end` included.
void emit_output(interpreter& in, std::string_view text);
// Everything written to sys.stderr (traceback.print_exc, print(file=sys.stderr)): stream "stderr".
void emit_stderr(interpreter& in, std::string_view text);
// At the end of the program: a last line without a newline is still printed.
void flush_output(interpreter& in);

// A real pool's worker thread has no loop: while one of these lives on a thread, the lines
// printed there are kept in `lines` instead (they travel back with the job's outcome:
// process_worker.hpp).
class output_capture {
 public:
  explicit output_capture(std::vector<std::string>& lines);
  ~output_capture();
  output_capture(const output_capture&) = delete;
  output_capture& operator=(const output_capture&) = delete;

 private:
  std::vector<std::string>* outer_;
};

}  // namespace asyncrace::python
