// The address a Python repr shows: `<coroutine object main at 0x7f3a1c2e4d10>`.
// CPython prints id(obj), the object's heap address. asyncrace prints a plausible one derived from
// the C++ object's own address, so it behaves as CPython's does: the same for an object's whole
// life (every repr of it agrees, and id() gives the same number), different between live objects,
// and possibly reused once the object is gone. Natively and in wasm alike it reads as a 64-bit
// Linux heap address (0x7f… and twelve hex digits), never a short wasm offset or the mask `0x...`
// that the golden transcripts record in its place (tests/golden/README.md).
#pragma once

#include <cstdint>
#include <string>

namespace asyncrace {

// The number: id(obj) for an interpreted object, the address in every repr.
std::uint64_t plausible_address(const void* object);

// "0x7f3a1c2e4d10": the number as a repr prints it.
std::string address_text(const void* object);

}  // namespace asyncrace
