# 3.11's add_note: the notes print after the exception line; the golden keeps the exception line.
def parse(row):
    try:
        return int(row)
    except ValueError as e:
        e.add_note(f"while parsing row {row!r}")
        raise

try:
    parse("x1")
except ValueError as e:
    print("notes:", e.__notes__)
parse("y2")
