// Generators and async generators: an object around a suspended frame. next()/send() resume the
// frame until it yields again or returns (StopIteration carries the return value).
#pragma once

#include "object.hpp"

namespace asyncrace::python {

struct generator_object : object {
  value frame_v;
  std::string name, qualname;
  bool started = false;   // has run (a fresh frame is entered without a sent value)
  bool running = false;   // "ValueError: generator already executing"
  bool finished = false;
};

// A generator (or async generator) object for a fresh frame of such a function.
value make_generator(interpreter& in, value frame_v, bool async);
// generator.send(v): what it yields next, or empty when it returned (take_stop_value has its value).
value generator_send(interpreter& in, generator_object& g, value sent);
value generator_throw(interpreter& in, generator_object& g, value exc);
void mark_asyncgen_finished(const value& gen);
// coroutine.__await__() and Future.__await__(): an iterator that yields `awaited` once (the
// awaiting Task's driver awaits it) and returns what is sent back.
value make_await_iterator(interpreter& in, const value& awaited);

}  // namespace asyncrace::python
