// The race diagram header's "finish order" summary: the last word of each finished task's first
// printed line, in finish order ("10  12  30"). Pure: unit-tested.
#pragma once

#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "trace/recording.hpp"

namespace asyncrace::ui {

// A finisher's token: the last word of its first printed line ("Starting work 10" -> "10").
std::string finish_token(const std::string& first_output);

// The tokens of the tasks finished by `playhead` that printed something, in finish order.
std::vector<std::string> finish_tokens(const trace::recording& rec, double playhead);

// Worth showing: at least two tokens and no two alike ("seconds. seconds. ..." says nothing).
bool informative(std::span<const std::string> tokens);

// As many tokens as fit in `max_width` (as `measure` measures text), two spaces apart; when some
// are left out it ends in "…", and it is empty when not even one token and the ellipsis fit.
std::string fit_summary(std::span<const std::string> tokens, float max_width,
                        const std::function<float(std::string_view)>& measure);

}  // namespace asyncrace::ui
