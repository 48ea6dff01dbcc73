// Compare mode's suggestions: for a tutorial, the tutorials it is most worth watching beside (the
// same program written the other way: sequential awaits vs gather, awaits vs tasks). Pure: tested.
#pragma once

#include <span>
#include <string_view>
#include <vector>

namespace asyncrace::ui {

// A pair of natural partners; suggestions go both ways.
struct compare_pair {
  std::string_view a;
  std::string_view b;
};

// Every suggested pair, in the order the page offers them.
std::span<const compare_pair> compare_pairs();

// The partners suggested for `slug`, in table order (empty when there are none). Slugs not in the
// catalog of this build are left out.
std::vector<std::string_view> compare_suggestions(std::string_view slug);

}  // namespace asyncrace::ui
