#!/usr/bin/env python3
"""Write CPython 3.11's results of int arithmetic on big and edge-size ints to
bigint_expectations.txt, for test_bigint.cpp.

    python3 tests/python/generate_bigint_expectations.py [--check]

One case a line: `<op> <a> <b> <result>`, integers as Python hex literals (-0x1f), floats as
float.hex(), booleans as 0/1, and `error` where CPython raises (a zero divisor). Operands are
edge values (limb and word boundaries, powers of two and their neighbours) and random ints of
1 to 333 bits from a fixed seed. --check regenerates in memory and exits 1 if the committed
file differs. Standard library only.
"""
import argparse, random, sys
from pathlib import Path

OUT = Path(__file__).resolve().parent / "bigint_expectations.txt"

EDGES = [0, 1, 2, 3, 7, 10, 2**31 - 1, 2**31, 2**32 - 1, 2**32, 2**32 + 1, 2**53, 2**53 + 1, 2**61 - 1, 2**61,
         2**63 - 1, 2**63, 2**64 - 1, 2**64, 2**64 + 1, 2**96 - 1, 2**128 + 12345, 10**18, 10**19, 10**30, 3**100]


def operands(rng):
    values = EDGES + [-v for v in EDGES if v]
    for _ in range(60):
        bits = rng.choice([8, 31, 33, 63, 64, 65, 96, 127, 128, 200, 333])
        v = rng.getrandbits(bits) | (1 << (bits - 1))
        values.append(v if rng.random() < 0.5 else -v)
    return values


def cases():
    rng = random.Random(9)
    vals = operands(rng)
    out = []
    def emit(op, a, b, r):
        def text(x):
            if isinstance(x, bool): return str(int(x))
            if isinstance(x, float): return x.hex()
            if isinstance(x, int): return hex(x)
            return x
        out.append(f"{op} {text(a)} {text(b)} {text(r)}")
    for _ in range(300):
        a, b = rng.choice(vals), rng.choice(vals)
        emit("add", a, b, a + b)
        emit("sub", a, b, a - b)
        emit("mul", a, b, a * b)
        emit("floordiv", a, b, a // b if b else "error")
        emit("mod", a, b, a % b if b else "error")
        emit("truediv", a, b, a / b if b else "error")
        emit("and", a, b, a & b)
        emit("or", a, b, a | b)
        emit("xor", a, b, a ^ b)
        emit("lt", a, b, a < b)
        emit("eq", a, b, a == b)
        s = rng.randrange(0, 200)
        emit("lshift", a, s, a << s)
        emit("rshift", a, s, a >> s)
    for a in vals:
        emit("neg", a, 0, -a)
        emit("invert", a, 0, ~a)
        emit("hash", a, 0, hash(a))
        emit("float", a, 0, float(a))
        emit("str10", a, 0, str(a))
        emit("str16", a, 0, format(a, "x"))
        emit("str2", a, 0, format(a, "b"))
        emit("bitlen", a, 0, a.bit_length())
        e = rng.randrange(0, 12)
        emit("pow", a, e, a ** e)
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the committed file differs")
    text = "\n".join(cases()) + "\n"
    if parser.parse_args().check:
        if OUT.read_text() != text:
            print(f"{OUT} differs from what CPython {sys.version.split()[0]} gives", file=sys.stderr)
            sys.exit(1)
        return
    OUT.write_text(text)
    print(f"wrote {len(text.splitlines())} cases to {OUT}")


if __name__ == "__main__":
    main()
