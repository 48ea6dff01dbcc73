#!/usr/bin/env python3
"""Check transcripts against the output printed in the seed documents.

    python3 tests/tutorials/check_seed_output.py [--transcripts DIR | --asyncrace BINARY] [SLUG ...]

For every tests/tutorials/seed_output/<slug>.txt (a seed cell's printed lines, see README.md there),
compare it with the transcript DIR/<slug>.jsonl (default: tests/golden, which checks the golden
generator itself against the seeds), or with what `BINARY run <slug> --format jsonl` prints
(--asyncrace: asyncrace's own transcripts, under each tutorial's default tie policy).
Exit status 1 if a transcript is missing or differs, except for the documented known differences.
Standard library only.
"""
import argparse, json, re, subprocess, sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SEED_OUTPUT = HERE / "seed_output"

# Placeholders in a seed_output line, and what they match in a transcript line.
PLACEHOLDERS = {
    "{wall}": r"-?[0-9]+(?:\.[0-9]+)?(?:e-?[0-9]+)?",  # a figure measured on the real clock
    "{urandom}": r"[0-9a-f]+",  # os.urandom(...).hex(): random bytes in the seed's run
    # A memory address: the goldens print every address as `0x...`, asyncrace a plausible one.
    "0x...": r"0x(?:\.\.\.|[0-9a-f]+)",
}
TRUNCATED = "{truncated}"  # last line: the seed's output stops mid-line here (see README.md)
ANSI = re.compile(r"\x1b\[[0-9;]*m")  # colour codes: the notebook renders them, its dump drops them
# IPython reports a SyntaxError as `SyntaxError: msg (<cell file>, line N)`; CPython's last
# traceback line is `SyntaxError: msg` (the file and line are on the lines above it).
IPYTHON_SYNTAX_ERROR = re.compile(r"^((?:SyntaxError|IndentationError|TabError): .*) \(\S+, line \d+\)$")

# Seed outputs that CPython 3.11 cannot reproduce on Linux, and why (also in README.md).
KNOWN_DIFFERENCES = {
    "isawaitable_warning": "the notebook dump kept the warning's source line but lost the cell's "
                           "stdout line `isawaitable =  True`, which CPython prints after it",
    "task_repr_jupyter": "the notebook's Task reprs name its kernel's task counter (Task-23), its "
                         "cell file and lines (<ipython-input-16-...>:3), and an older Python's "
                         "`Task.__wakeup()` callback; 3.11 running the .py prints Task-4, "
                         "task_repr_jupyter.py:5 and `Task.task_wakeup()`",
}


def compared_lines(transcript_text):
    """The transcript lines a seed dump shows: stdout records; of a warning, only its source-line
    quote (the records that begin with two spaces: the dumps show no other warning line); the
    exception record.  Colour codes removed."""
    lines = []
    for raw in transcript_text.splitlines():
        record = json.loads(raw)
        stream, text = record.get("stream"), record["text"]
        if stream is None or stream == "exception" or (stream == "warning" and text.startswith("  ")):
            lines.append(ANSI.sub("", text))
    return lines


def line_pattern(expected, prefix=False):
    """A seed_output line as a regex: literal text, placeholders as in PLACEHOLDERS."""
    expected = IPYTHON_SYNTAX_ERROR.sub(r"\1", expected)
    parts = re.split("(" + "|".join(map(re.escape, PLACEHOLDERS)) + ")", expected)
    body = "".join(PLACEHOLDERS.get(p, re.escape(p)) for p in parts)
    return re.compile(body if prefix else body + r"\Z")


def differences(expected, actual):
    """Human-readable mismatches between seed lines and transcript lines (empty: they match)."""
    truncated = bool(expected) and expected[-1] == TRUNCATED
    if truncated:
        expected = expected[:-1]
    problems = []
    for n, want in enumerate(expected):
        last_of_truncated = truncated and n == len(expected) - 1
        got = actual[n] if n < len(actual) else None
        if got is None or not line_pattern(want, prefix=last_of_truncated).match(got):
            problems.append(f"line {n + 1}: seed {want!r}, transcript {got!r}")
    if not truncated and len(actual) > len(expected):
        problems.append(f"the transcript has {len(actual) - len(expected)} more line(s), "
                        f"first: {actual[len(expected)]!r}")
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--transcripts", type=Path, default=ROOT / "tests" / "golden",
                        help="folder of <slug>.jsonl transcripts (default: tests/golden)")
    parser.add_argument("--asyncrace", type=Path, metavar="BINARY",
                        help="check what this asyncrace CLI prints instead of transcript files")
    parser.add_argument("slugs", nargs="*", help="only these slugs (default: every seed_output file)")
    args = parser.parse_args()
    files = sorted(SEED_OUTPUT.glob("*.txt"))
    if args.slugs:
        files = [SEED_OUTPUT / f"{slug}.txt" for slug in args.slugs]
    failed = known = 0
    for path in files:
        slug = path.stem
        transcript = args.transcripts / f"{slug}.jsonl"
        if not path.exists() or (not args.asyncrace and not transcript.exists()):
            print(f"FAIL {slug}: missing {path if not path.exists() else transcript}")
            failed += 1
            continue
        if args.asyncrace:  # exit status 1 only says the program ended on an exception, as CPython's
            run = subprocess.run([str(args.asyncrace), "run", slug, "--format", "jsonl"],
                                 capture_output=True, text=True, timeout=60)
            if run.returncode not in (0, 1) or run.stderr:
                print(f"FAIL {slug}: asyncrace exited {run.returncode}: {run.stderr.strip()}")
                failed += 1
                continue
            text = run.stdout
        else:
            text = transcript.read_text(encoding="utf-8")
        expected = path.read_text(encoding="utf-8").splitlines()
        problems = differences(expected, compared_lines(text))
        if slug in KNOWN_DIFFERENCES:
            known += 1
            state = "differs as documented" if problems else "now MATCHES (drop it from KNOWN_DIFFERENCES)"
            print(f"known {slug}: {state}: {KNOWN_DIFFERENCES[slug]}")
            failed += not problems
        elif problems:
            failed += 1
            print(f"FAIL {slug}:")
            print("".join(f"    {p}\n" for p in problems[:10]), end="")
        else:
            print(f"ok   {slug}")
    print(f"seed output: {len(files) - failed - known} match, {known} known differences, "
          f"{failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
