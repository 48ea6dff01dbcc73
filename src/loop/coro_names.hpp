// Coroutine function names as 32-bit numbers: a coroutine's promise keeps the number of its
// function's name, not an 8-byte pointer, so every frame is 8 bytes smaller natively (the
// sleeper's 88 → 80). A name is known by its address (a __builtin_FUNCTION() literal, or a string
// the interpreter keeps while its frames live), and numbered the first time it is seen. The same
// address seen again later is the same number, and reads as whatever is there then: a number
// only ever stands for the address it was given for. Any thread may number and read names.
// The table keeps every address it has numbered, so names must be lasting ones, one address per
// text (literals, an interpreter's interned strings), never each object's own copy.
#pragma once

#include <cstdint>

namespace asyncrace::detail {

// The number of `name` (0 for null, which reads as "").
std::uint32_t coro_name_number(const char* name);
// The name numbered `number`.
const char* coro_name(std::uint32_t number);
// How many names have been numbered so far.
std::uint32_t coro_names_numbered();

}  // namespace asyncrace::detail
