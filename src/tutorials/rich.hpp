// `from rich import print`, as the golden transcripts have it (tests/golden/README.md, "rich"):
// what print(*objects) would write, with rich's markup tags removed (`[red]`, `[/red]`, `[/]`,
// `[bold magenta]`; `\[` is a literal `[`) and then tabs expanded to 8 columns. No colours.
//
//   using rich::print;                          // from rich import print
//   print("[red]Synchronous approach: [/red]");  // Synchronous approach:
#pragma once

#include <string>
#include <string_view>

#include "pyrt/py_rich.hpp"
#include "sched/asyncio.hpp"

namespace asyncrace::tutorials::rich {

// The text rich shows for `text`: markup removed, then tabs expanded (str.expandtabs(8)).
inline std::string render(std::string_view text) { return py_rich_render(text); }

// rich.print(*objects)
template <class... A>
void print(const A&... args) {
  asyncrace::print(render(py_join(args...)));
}

}  // namespace asyncrace::tutorials::rich
