// Tracebacks as CPython 3.11 prints them: "Traceback (most recent call last):", a `File "prog.py",
// line N, in f` line per frame with its source line and 3.11's `^^^^` / `~~~^~~` markers, the
// chain of causes and contexts, notes, and repeated frames folded into "[Previous line repeated
// N more times]". The frames are those of the program's own code: asyncio's are native here, so
// a traceback has no Lib/asyncio frames (the golden generator leaves CPython's out too).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "value.hpp"

namespace asyncrace::python {

class interpreter;
struct code;
struct exception_object;

// One frame of a traceback: the code that ran and the instruction it was at.
struct traceback_entry {
  std::shared_ptr<const code> co;
  std::uint32_t instr = 0;
  unsigned line() const;
};

// What traceback.format_exception(exc, chain=chain) gives: strings ending in "\n", one per
// header, frame, chain message and exception line.
std::vector<std::string> format_exception_chunks(interpreter& in, const value& exc, bool chain);
// The lines (without "\n") CPython prints for `exc` reaching the top, chain included: what
// traceback.format_exception gives, split at its newlines. The last one (or the last before the
// notes) is the exception line.
std::vector<std::string> format_exception_lines(interpreter& in, const value& exc);
// Only the exception's own lines (traceback.format_exception_only): "KeyError: 'b'" and its notes.
std::vector<std::string> format_exception_only_lines(interpreter& in, const value& exc);
// An exception's __traceback__: None, or the traceback object of its outermost entry
// (module_traceback.cpp), whose tb_next leads inwards.
value traceback_of_exception(interpreter& in, const std::vector<traceback_entry>& entries);
// The getattr slots of the traceback, frame and code objects (at start-up).
void install_traceback_objects(interpreter& in);
// The frames of one exception, outermost first, one string each ("  File ...\n" with its source
// line and markers), as StackSummary.format gives them.
std::vector<std::string> format_frames(interpreter& in, const std::vector<traceback_entry>& innermost_first);

}  // namespace asyncrace::python
