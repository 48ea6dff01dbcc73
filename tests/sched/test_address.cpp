// The address a repr shows (pyrt/address.hpp): what CPython's would look like, the same for one
// object every time, different for two live objects.
#include <doctest.h>

#include <string>

#include "loop/object_repr.hpp"
#include "pyrt/address.hpp"

namespace asyncrace {

TEST_CASE("an address reads as a 64-bit Linux heap address, in twelve hex digits") {
  int object = 0;
  const std::string text = address_text(&object);
  REQUIRE(text.size() == 14);
  CHECK(text.rfind("0x7f", 0) == 0);
  CHECK(text.find_first_not_of("0123456789abcdef", 2) == std::string::npos);
  CHECK(std::stoull(text, nullptr, 16) == plausible_address(&object));
}

TEST_CASE("one object shows one address, two live objects two") {
  int a[2] = {0, 0};
  CHECK(address_text(&a[0]) == address_text(&a[0]));
  CHECK(address_text(&a[0]) != address_text(&a[1]));
  CHECK(plausible_address(&a[1]) - plausible_address(&a[0]) == sizeof(int));
}

TEST_CASE("a small (wasm) offset still looks like a heap address") {
  const void* low = reinterpret_cast<const void*>(std::uintptr_t{0x1f2a0});
  CHECK(address_text(low) == "0x7f3a1c01f2a0");
}

TEST_CASE("a coroutine's repr shows its frame's address") {
  int frame = 0;
  CHECK(coroutine_repr("main", &frame) == "<coroutine object main at " + address_text(&frame) + ">");
}

}  // namespace asyncrace
