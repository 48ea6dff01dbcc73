// The transcript of a run, in the formats of asyncio-model.md: JSONL (one object per printed line,
// as Python's json.dumps writes it) and text (time column + line).
#pragma once

#include <string>

#include "recording.hpp"

namespace asyncrace::trace {

// {"t": 1.0, "text": "Work complete 10"} — t rounded to 1e-6 and printed as Python's float repr;
// warnings and exceptions add "stream".
std::string to_jsonl(const output_line& line);
std::string to_jsonl(const recording& r);
// "  1.000000  Work complete 10" — what a terminal user reads.
std::string to_text(const recording& r);

}  // namespace asyncrace::trace
