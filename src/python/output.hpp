// What a program prints: whole lines go to the running loop's transcript, stamped with the
// virtual time at which their newline is written (print("a\nb") is two records at one time; a
// print(..., end="") waits in a buffer for its line's end).
#pragma once

#include <string_view>

namespace asyncrace::python {

class interpreter;

// Everything print() writes, `end` included.
void emit_output(interpreter& in, std::string_view text);
// Everything written to sys.stderr (traceback.print_exc, print(file=sys.stderr)): stream "stderr".
void emit_stderr(interpreter& in, std::string_view text);
// At the end of the program: a last line without a newline is still printed.
void flush_output(interpreter& in);

}  // namespace asyncrace::python
