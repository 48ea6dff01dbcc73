#!/usr/bin/env python3
"""The embedded fonts hold every glyph the interface draws, and only those.

    check_font_subset.py UNICODES (ORIGINAL.ttf EMBEDDED.ttf)...

UNICODES is ASYNCRACE_GLYPHS as pyftsubset's --unicodes (U+0020-00FF,U+2013-2014,...). For each
pair, the embedded font's character map must be exactly the original's restricted to UNICODES: a
code point the original has and the embedded one lost would draw as ImGui's fallback box, and one
outside UNICODES is weight the page downloads for nothing. Reads the maps with fontTools' `ttx`.
"""
import re, subprocess, sys


# C0 and C1 controls: pyftsubset drops their (placeholder) glyphs, and the interface never draws them.
CONTROLS = set(range(0x00, 0x20)) | set(range(0x7F, 0xA0))


def wanted(unicodes):
    points = set()
    for item in unicodes.split(","):
        first, _, last = item.removeprefix("U+").partition("-")
        points.update(range(int(first, 16), int(last or first, 16) + 1))
    return points - CONTROLS


def character_map(path):
    dump = subprocess.run(["ttx", "-q", "-t", "cmap", "-o", "-", path], check=True,
                          capture_output=True, text=True).stdout
    return {int(code, 16) for code in re.findall(r'<map code="(0x[0-9a-f]+)"', dump)}


def main(argv):
    if len(argv) < 3 or len(argv) % 2 == 0:
        sys.exit(__doc__)
    points, problems = wanted(argv[0]), 0
    for original, embedded in zip(argv[1::2], argv[2::2]):
        expected, got = character_map(original) & points, character_map(embedded)
        lost, extra = sorted(expected - got), sorted(got - expected)
        for what, cps in (("lost", lost), ("outside the interface's ranges", extra)):
            if cps:
                problems += 1
                print(f"{embedded}: {len(cps)} code points {what}: {', '.join(f'U+{c:04X}' for c in cps[:12])}")
        print(f"{embedded}: {len(got)} code points, {len(expected)} expected")
    print(f"font subset: {problems} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
