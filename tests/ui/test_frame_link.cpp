#include <doctest.h>

#include "ui/frame_link.hpp"

using asyncrace::ui::frame_link_line;

TEST_CASE("frame_link_line: a traceback's frame line names its line") {
  CHECK(frame_link_line("  File \"prog.py\", line 12, in main") == 12);
  CHECK(frame_link_line("  File \"my prog.py\", line 3, in <module>") == 3);
  CHECK(frame_link_line("  File \"a.py\", line 1000, in f") == 1000);
}

TEST_CASE("frame_link_line: other lines are not links") {
  CHECK(frame_link_line("Traceback (most recent call last):") == 0);
  CHECK(frame_link_line("    return a / b") == 0);
  CHECK(frame_link_line("File \"prog.py\", line 12, in main") == 0);  // not indented as CPython's
  CHECK(frame_link_line("  File \"prog.py\", line x, in main") == 0);
  CHECK(frame_link_line("  File \"prog.py\", line 12") == 0);  // a SyntaxError's location line
}
