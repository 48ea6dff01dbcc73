#!/usr/bin/env python3
"""Parser expectations from CPython 3.11: for every snippet of parser_snippets.txt (snippets end at a
line `#@@`), ast.dump(ast.parse(src), include_attributes=True); for every snippet of
syntax_error_snippets.txt, the SyntaxError compile() raises (type, lineno, offset, msg).

    generate_ast_expectations.py          rewrite parser_expectations.txt
    generate_ast_expectations.py --check  exit 1 when the committed file differs

Record format (read by test_parser.cpp and test_scopes.cpp): `@@ok <n>`, `@@error <n>` or
`@@scopes <n>`, a newline, the snippet's n bytes, a newline, then one line: the dump,
`type<TAB>lineno<TAB>offset<TAB>msg`, or the scopes separated by " | ".
"""
import ast
import pathlib
import symtable
import sys

HERE = pathlib.Path(__file__).resolve().parent
OUT = HERE / "parser_expectations.txt"


def snippets(name):
    text = (HERE / name).read_text(encoding="utf-8")
    return [s for s in text.split("\n#@@\n") if s.strip()]


def record(kind, src, line):
    data = src.encode("utf-8")
    return f"@@{kind} {len(data)}\n".encode() + data + b"\n" + line.encode("utf-8") + b"\n"


SCOPE_NAMES = {1: "local", 2: "global_explicit", 3: "global_implicit", 4: "free", 5: "cell"}


def scope_dump(table, depth=0):
    """`function f(x,y): x=local y=cell z=free` for a table, then its children, depth-first."""
    params = ",".join(table.get_parameters()) if table.get_type() == "function" else ""
    names = " ".join(f"{s.get_name()}={SCOPE_NAMES[s._Symbol__scope]}"
                     for s in sorted(table.get_symbols(), key=lambda s: s.get_name()))
    out = [f"{'.' * depth}{table.get_type()} {table.get_name()}({params}): {names}"]
    for child in table.get_children():
        out += scope_dump(child, depth + 1)
    return out


def generate():
    if sys.version_info[:2] != (3, 11):
        sys.exit(f"needs CPython 3.11 (this is {sys.version.split()[0]})")
    out = b""
    for src in snippets("parser_snippets.txt"):
        try:
            tree = ast.parse(src)
        except SyntaxError as e:
            sys.exit(f"parser_snippets.txt: a snippet does not parse: {e}\n{src}")
        out += record("ok", src, ast.dump(tree, include_attributes=True))
    for src in snippets("syntax_error_snippets.txt"):
        try:
            compile(src, "prog.py", "exec")
        except SyntaxError as e:
            out += record("error", src, f"{type(e).__name__}\t{e.lineno}\t{e.offset}\t{e.msg}")
        else:
            sys.exit(f"syntax_error_snippets.txt: a snippet compiles:\n{src}")
    for src in snippets("scope_snippets.txt"):
        out += record("scopes", src, " | ".join(scope_dump(symtable.symtable(src, "prog.py", "exec"))))
    return out


def main():
    import warnings
    warnings.simplefilter("ignore")
    out = generate()
    if "--check" in sys.argv:
        if OUT.read_bytes() != out:
            sys.exit(f"{OUT.name} is stale: run {pathlib.Path(__file__).name}")
        return
    OUT.write_bytes(out)


main()
