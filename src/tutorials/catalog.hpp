// Every tutorial, in the order the page and `asyncrace list` show them (by seed, then topic).
#pragma once

#include <span>
#include <string_view>

#include "tutorial_info.hpp"

namespace asyncrace::tutorials {

std::span<const tutorial> catalog();
const tutorial* find(std::string_view slug);  // nullptr when there is no such slug

// The tutorials that register a worker function (asyncio/job_wire.hpp; the list is generated from
// their sources), without their texts: what a module that only runs jobs (the page's Web Worker)
// needs of this library. Calling it links their registrations (worker_functions.cpp); the catalog
// would link every tutorial's program and both texts of each.
std::span<const tutorial_info* const> worker_tutorials();

}  // namespace asyncrace::tutorials
