// The transcript of a run, in the formats of docs/asyncio-model.md: JSONL (one object per printed line,
// as Python's json.dumps writes it) and text (time column + line).
#pragma once

#include <string>

#include "recording.hpp"

namespace asyncrace::trace {

// {"t": 1.0, "text": "Work complete 10"} — t rounded to 1e-6 and printed as Python's float repr;
// warnings and exceptions add "stream".
std::string to_jsonl(const output_line& line);
std::string to_jsonl(const recording& r);
// A JSON string literal for `s`, escaped as Python's json.dumps (ensure_ascii) escapes it.
std::string json_quote(std::string_view s);
// Appends json_quote(s) to `out`.
void append_json_quoted(std::string& out, std::string_view s);

// "  1.000000  Work complete 10" — what a terminal user reads.
std::string to_text(const recording& r);

}  // namespace asyncrace::trace
