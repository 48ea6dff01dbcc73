"""What a program writes to stderr, for the programs that ask for it (a line `# transcript: stderr`).

Their transcript also records, as `"stream": "stderr"` records, what `python3 prog.py` prints on
stderr besides warnings and the final exception line: the uncaught exception's traceback (its
frames, the chained exceptions, notes), `traceback.print_exc()`, asyncio's logged "Task exception
was never retrieved", `print(..., file=sys.stderr)`. Frames of files other than the program
(Lib/asyncio's runners.py and base_events.py, this generator's own) are left out, with their
source and marker lines: their line numbers belong to one CPython patch release, and asyncrace's
asyncio is native code with no Python frames of its own.
"""
import io, re, sys

MARKER = "# transcript: stderr"
FRAME_LINE = re.compile(r'^(?P<indent>[ |]*)  File "(?P<file>[^"]*)", line \d+, in ')


def wants_stderr(path):
    """The program has a line that is exactly MARKER."""
    return MARKER in path.read_text(encoding="utf-8").splitlines()


class FrameFilter:
    """Drops the `File "..."` lines of other files, and the source/marker lines under them."""

    def __init__(self, filename):
        self.filename, self.skipping = filename, None

    def keep(self, line):
        frame = FRAME_LINE.match(line)
        if frame:
            self.skipping = None if frame["file"] == self.filename else frame["indent"] + "    "
            return self.skipping is None
        if self.skipping is not None and line.startswith(self.skipping):
            return False
        self.skipping = None
        return True


class StderrCapture(io.TextIOBase):
    """sys.stderr replacement: each line becomes a "stderr" record when its newline is written."""
    encoding = "utf-8"

    def __init__(self, filename, emit):
        self._partial, self._filter, self._emit = "", FrameFilter(filename), emit

    def writable(self):
        return True

    def write(self, s):
        *lines, self._partial = (self._partial + s).split("\n")
        for line in lines:
            if self._filter.keep(line):
                self._emit(line, "stderr")
        return len(s)

    def finish(self):
        if self._partial:
            self.write("\n")


def emit_uncaught(exc, last_line, filename, emit):
    """The uncaught exception as `python3` prints it (sys.excepthook, CPython's C printer): the
    lines above `last_line` as "stderr" records, `last_line` as the "exception" record, then the
    lines below it (notes)."""
    printed, sys.stderr = sys.stderr, io.StringIO()
    try:
        sys.__excepthook__(type(exc), exc, exc.__traceback__)
    finally:
        printed, sys.stderr = sys.stderr, printed
    text = printed.getvalue()
    at = text.rfind(last_line + "\n") if last_line + "\n" in text else len(text)
    frames = FrameFilter(filename)
    for line in text[:at].splitlines():
        if frames.keep(line):
            emit(line, "stderr")
    emit(last_line, "exception")
    for line in text[at + len(last_line) + 1:].splitlines():
        emit(line, "stderr")
