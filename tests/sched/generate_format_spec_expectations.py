#!/usr/bin/env python3
"""Write CPython 3.11's format(value, spec) results to format_spec_expectations.txt, for
test_py_format_spec.cpp (the one format-spec engine of the tutorials and the interpreter).

    python3 tests/sched/generate_format_spec_expectations.py [--check]

One case a line, tab-separated: kind (i: an int in 64 bits, f: a float written as float.hex(),
s: a str), the value, the spec, and the result — or "!Type: message" when CPython raises.
The specs are every hand-picked edge below plus random combinations of the spec's parts, drawn
from a fixed seed. --check regenerates in memory and exits 1 if the committed file differs.
Standard library only.
"""
import argparse, random, sys
from pathlib import Path

OUT = Path(__file__).resolve().parent / "format_spec_expectations.txt"

INTS = [0, 1, -1, 7, -42, 255, 1234, -1234, 65, 1234567, -987654321, 2**31, 2**53 + 1, 2**63 - 1, -(2**63)]
FLOATS = [0.0, -0.0, 1.0, -1.5, 0.1, 2.5, 3.14159, -2.675, 100.0, 1e5, 1234.5, 12345.678, 1e16, 1e22, 1.5e300,
          1e-5, 0.0001, 1.23456789e-7, 5e-324, 123456.0, 1234567.0, 0.5, 0.125, 9.995, 1e100,
          float("inf"), float("-inf"), float("nan")]
STRS = ["", "a", "abc", "hello world", "héllo", "日本"]
EDGES = ["", "q", "d", ".2d", "=5", "+", ",", ",c", "+c", "#c", "#", ",_", "_,", ",x", "abc", "<<<", "010,",
         "0=10,", "x<10,", "010", "+010", ".3", ".0", "_", ",.2f", "z", "z.1f", "_x", "#_b", "#010x", "#g",
         "#.0f", ".0e", "%", ".1%", "n", "=10", "^9", "*^8", ".2", ">5", ".1000", ".", "c", ",.3", ",n", "-",
         "0", "05", "+05", " 5", " 05", "g", "E", "G", "F", ".2%", "e", "€^5", "€>8", "<", "<0", "#o", "#b",
         "#x", "s", ">+", "5_d", ",.0%", ".17", "x<+10.2f", "20", "<20", "^20", "=+20,", "012_", "#012_b",
         "08.3f", "-08.3f", "+.3e", " .3g", ".10g", "#.3g", ".30", "12.4", "z+", "+z.2f", "10000000000000000000000"]


def result(value, spec):
    try:
        return format(value, spec)
    except Exception as e:  # noqa: BLE001 - the message is the expectation
        return f"!{type(e).__name__}: {e}"


def random_spec(rng):
    parts = []
    if rng.random() < 0.4:
        parts.append(rng.choice(["", "*", "0", "x", "€"]) + rng.choice("<>^="))
    if rng.random() < 0.4:
        parts.append(rng.choice("+- "))
    if rng.random() < 0.1:
        parts.append("z")
    if rng.random() < 0.3:
        parts.append("#")
    if rng.random() < 0.3:
        parts.append("0")
    if rng.random() < 0.6:
        parts.append(str(rng.randrange(0, 25)))
    if rng.random() < 0.3:
        parts.append(rng.choice(",_"))
    if rng.random() < 0.5:
        parts.append("." + str(rng.randrange(0, 20)))
    if rng.random() < 0.8:
        parts.append(rng.choice("bcdoxXneEfFgG%s"))
    return "".join(parts)


def cases():
    rng = random.Random(2024)
    specs = EDGES + [random_spec(rng) for _ in range(400)]
    out = []
    for spec in specs:
        for n in INTS:
            if rng.random() < 0.35 or spec in EDGES:
                out.append(("i", str(n), spec, result(n, spec)))
        for x in FLOATS:
            if rng.random() < 0.35 or spec in EDGES:
                out.append(("f", x.hex(), spec, result(x, spec)))
        for s in STRS:
            if rng.random() < 0.3 or spec in EDGES:
                out.append(("s", s, spec, result(s, spec)))
    return out


def render():
    lines = ["\t".join(c) for c in cases()]
    assert not any("\n" in line for line in lines)
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the committed file differs")
    text = render()
    if parser.parse_args().check:
        if OUT.read_text(encoding="utf-8") != text:
            print(f"{OUT} differs from what CPython {sys.version.split()[0]} gives", file=sys.stderr)
            sys.exit(1)
        return
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {len(text.splitlines())} cases to {OUT}")


if __name__ == "__main__":
    main()
