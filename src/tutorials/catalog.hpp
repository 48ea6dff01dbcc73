// Every tutorial, in the order the page and `asyncrace list` show them (by seed, then topic).
#pragma once

#include <span>
#include <string_view>

#include "tutorial_info.hpp"

namespace asyncrace::tutorials {

std::span<const tutorial> catalog();
const tutorial* find(std::string_view slug);  // nullptr when there is no such slug

}  // namespace asyncrace::tutorials
