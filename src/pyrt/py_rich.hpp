// `from rich import print`, as the golden transcripts have it (tests/golden/README.md, "rich"):
// the text print(*objects, sep=sep, end=end) would write, with rich's markup tags removed
// (`[red]`, `[/red]`, `[/]`, `[bold magenta]`; `\[` is a literal `[`) and then tabs expanded to
// 8 columns. No colours. Shared by the C++ tutorials (tutorials/rich.hpp) and the interpreter's
// `rich` module.
#pragma once

#include <string>
#include <string_view>

namespace asyncrace {

// The text rich shows for `text`: markup removed, then tabs expanded (str.expandtabs(8)).
std::string py_rich_render(std::string_view text);

}  // namespace asyncrace
