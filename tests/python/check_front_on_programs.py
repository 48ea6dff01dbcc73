#!/usr/bin/env python3
"""Every Python program in the repository (src/tutorials, tests/python/corpus) through asyncrace's
front end and through CPython 3.11: the same tree (ast.dump with positions) and scopes (the
symtable module, as generate_ast_expectations.scope_dump writes them), or the same SyntaxError
(type, line, offset, message).

    check_front_on_programs.py PATH/TO/front_dump
"""
import ast
import pathlib
import subprocess
import symtable
import sys
import warnings

SCOPE_NAMES = {1: "local", 2: "global_explicit", 3: "global_implicit", 4: "free", 5: "cell"}


def scope_dump(table, depth=0):  # the same text as generate_ast_expectations.py's
    params = ",".join(table.get_parameters()) if table.get_type() == "function" else ""
    names = " ".join(f"{s.get_name()}={SCOPE_NAMES[s._Symbol__scope]}"
                     for s in sorted(table.get_symbols(), key=lambda s: s.get_name()))
    out = [f"{'.' * depth}{table.get_type()} {table.get_name()}({params}): {names}"]
    for child in table.get_children():
        out += scope_dump(child, depth + 1)
    return out

ROOT = pathlib.Path(__file__).resolve().parents[2]


def cpython(path):
    text = path.read_text(encoding="utf-8")
    try:
        tree = ast.parse(text)
        compile(text, str(path), "exec")
    except SyntaxError as e:
        return f"{type(e).__name__}\t{e.lineno}\t{e.offset}\t{e.msg}"
    scopes = " | ".join(scope_dump(symtable.symtable(text, str(path), "exec")))
    return ast.dump(tree, include_attributes=True) + " || " + scopes


def main():
    warnings.simplefilter("ignore")
    programs = sorted(p for d in ("src/tutorials", "tests/python/corpus") for p in (ROOT / d).rglob("*.py"))
    if not programs:
        sys.exit("no programs found")
    out = subprocess.run([sys.argv[1], *map(str, programs)], capture_output=True, text=True, check=True).stdout
    lines = out.splitlines()
    got = dict(zip(lines[0::2], lines[1::2]))
    bad = [p for p in programs if got.get(str(p)) != cpython(p)]
    for p in bad:
        print(f"differs from CPython: {p.relative_to(ROOT)}\n  asyncrace: {got.get(str(p), '')[:300]}\n  cpython:   {cpython(p)[:300]}")
    print(f"{len(programs) - len(bad)}/{len(programs)} programs: same tree and scopes, or the same error, as CPython 3.11")
    sys.exit(1 if bad else 0)


main()
