// The race diagram header's finish-order summary: shown only when informative, clipped to fit.
#include <doctest.h>

#include <string>
#include <vector>

#include "tutorials/catalog.hpp"
#include "tutorials/session.hpp"
#include "ui/finish_summary.hpp"

using namespace asyncrace;
using namespace asyncrace::ui;

namespace {

// 7 px a byte (the ellipsis is three bytes: 21 px).
float measure(std::string_view s) { return 7.0f * static_cast<float>(s.size()); }

}  // namespace

TEST_CASE("the summary is informative only when its tokens are distinct") {
  CHECK(informative(std::vector<std::string>{"10", "12", "30"}));
  CHECK_FALSE(informative(std::vector<std::string>{"seconds.", "seconds.", "seconds."}));
  CHECK_FALSE(informative(std::vector<std::string>{"10", "12", "10"}));
  CHECK_FALSE(informative(std::vector<std::string>{"10"}));
  CHECK_FALSE(informative(std::vector<std::string>{}));
}

TEST_CASE("the summary keeps whole tokens that fit and ends in an ellipsis") {
  const std::vector<std::string> tokens = {"10", "12", "30", "45"};
  CHECK(fit_summary(tokens, 1000.0f, measure) == "10  12  30  45");
  CHECK(fit_summary(tokens, 14.0f * 7.0f, measure) == "10  12  30  45");  // exactly fits
  // "10  12  " + ellipsis = 8 + 3 bytes = 77 px
  CHECK(fit_summary(tokens, 77.0f, measure) == "10  12  \xe2\x80\xa6");
  CHECK(fit_summary(tokens, 76.0f, measure) == "10  \xe2\x80\xa6");
  CHECK(fit_summary(tokens, 20.0f, measure).empty());  // not even one token fits
  for (float w = 0.0f; w < 120.0f; w += 1.0f) CHECK(measure(fit_summary(tokens, w, measure)) <= w);
}

TEST_CASE("producer_consumer_seed444 prints 'seconds.' at the end of every line: no summary") {
  const tutorials::tutorial* t = tutorials::find("producer_consumer_seed444");
  REQUIRE_MESSAGE(t != nullptr, "seed 004 is not built (ASYNCRACE_TUTORIAL_SEEDS)");
  tutorials::session run(*t, {});
  run.run_to_end();
  const auto tokens = finish_tokens(run.trace(), run.trace().end_time());
  CHECK(tokens.size() >= 2);
  CHECK_FALSE(informative(tokens));
}

TEST_CASE("gather_three keeps its summary (distinct tokens)") {
  const tutorials::tutorial* t = tutorials::find("gather_three");
  REQUIRE_MESSAGE(t != nullptr, "seed 000 is not built (ASYNCRACE_TUTORIAL_SEEDS)");
  tutorials::session run(*t, {});
  run.run_to_end();
  const auto tokens = finish_tokens(run.trace(), run.trace().end_time());
  REQUIRE(tokens.size() >= 2);
  CHECK(informative(tokens));
}
