// A frame of running Python code: instruction pointer, value stack, block stack, locals and cells,
// all on the heap. So a frame can stop at any `yield` or `await`, however deep inside an
// expression, and resume later (MicroPython's generators work this way); a Python coroutine is
// then one scheduler coroutine wrapped around its frame (coroutine.hpp).
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "code.hpp"
#include "object.hpp"

namespace asyncrace::python {

struct frame : object {
  struct block {
    enum class kind : std::uint8_t { finally_, with, except_handler } type;
    std::uint32_t handler;  // instruction index
    std::uint32_t level;    // stack depth to unwind to
  };

  std::shared_ptr<const python::code> co;
  module_object* globals = nullptr;  // borrowed: the function holds its module
  value globals_ref;                 // keeps the module alive while the frame lives
  value function;                    // the function running (for super() and reprs), or empty
  value class_namespace;             // class body: the dict its names go to
  std::vector<value> fast;           // locals, then cells (cell objects), then the value stack
  std::uint32_t sp = 0;              // index into fast of the next free stack slot
  std::uint32_t stack_base = 0;      // where the value stack starts in fast
  std::uint32_t ip = 0;              // next instruction
  std::vector<block> blocks;
  value handled;                     // the exception an except clause handles now (sys.exc_info)
  frame* back = nullptr;             // the calling frame while this one runs
  // A base frame stopped at asyncio.run inside functions it called: the innermost of them, where
  // the run's result goes and execution resumes (null: the base frame itself).
  frame* resume_at = nullptr;
  bool base = true;                  // the frame a run_frame call started with
  bool owned_by_generator = false;

  value* locals() { return fast.data(); }
  value* cells() { return fast.data() + co->varnames.size(); }
  void push(value v) { fast[sp++] = std::move(v); }
  value pop() { return std::move(fast[--sp]); }
  value& top(std::uint32_t n = 1) { return fast[sp - n]; }
  // The line running now (or last run).
  unsigned line() const {
    const std::uint32_t at = ip == 0 ? 0 : ip - 1;
    return at < co->lines.size() ? co->lines[at] : co->first_line;
  }
};

}  // namespace asyncrace::python
