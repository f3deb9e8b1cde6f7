#!/usr/bin/env python3
# Copyright 2026 The Snap Confine authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Keeps the source readable: no file under src/ over MAX_FILE_LINES lines
and no C function over MAX_FUNCTION_LINES lines (issue 10).

    build-aux/check-sizes.py [SOURCE_ROOT]

Prints TAP (tests/sctap.py): one result per rule, with every offender as
"file:line name (N lines)". A function is counted GNU style, from its "{"
in column 0 to the "}" in column 0 that closes it; its name is the
identifier before the first "(" of the declaration above the "{".
Generated data tables are not counted (GENERATED below).
"""
import os
import re
import sys

MAX_FILE_LINES = 1200
MAX_FUNCTION_LINES = 120

# Generated tables of data, not code anybody reads top to bottom.
GENERATED = {
    "src/core/sc-interface-data.h",
    "src/core/sc-policy-data.h",
}

# Files allowed over MAX_FILE_LINES for a while (e.g. being split in a
# branch of their own); empty now that sc-yaml-document.c and
# sc-denial-sidebar.c were split.
ALLOWED_FILE_SIZE = set()

SOURCE_SUFFIXES = (".c", ".h")
_NAME = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)\s*\(")
_COMMENT = re.compile(r"/\*.*?\*/", re.S)


def functions(lines):
    """Yields (line number of the declaration, name, length in lines)
    for each function whose body opens with "{" in column 0."""
    i = 0
    while i < len(lines):
        if lines[i].rstrip() != "{":
            i += 1
            continue
        # The declaration: the lines above, back to an empty line or the
        # end of the previous definition; its name precedes the first "(".
        start = i
        while start > 0 and lines[start - 1].strip() and not lines[start - 1].startswith(("}", "#")):
            start -= 1
        head = _COMMENT.sub(" ", "\n".join(lines[start:i]))
        head = "\n".join(l for l in head.split("\n") if not l.lstrip().startswith(("*", "//")))
        match = _NAME.search(head)
        end = i + 1
        while end < len(lines) and not lines[end].startswith("}"):
            end += 1
        if match and not head.lstrip().startswith(("struct", "enum", "union", "typedef")) \
                and "=" not in head.split("(")[0]:
            name = match.group(1)
            line = next((n for n in range(start, i) if re.match(name + r"\s*\(", lines[n])), start)
            yield line + 1, name, end - i + 1
        i = end + 1


def sources(root):
    for folder, dirs, files in os.walk(os.path.join(root, "src")):
        dirs.sort()
        for name in sorted(files):
            if name.endswith(SOURCE_SUFFIXES):
                path = os.path.join(folder, name)
                yield os.path.relpath(path, root), path


def main(argv):
    root = argv[1] if len(argv) > 1 else os.path.join(os.path.dirname(__file__), "..")
    big_files, long_functions = [], []
    for rel, path in sources(root):
        if rel in GENERATED:
            continue
        with open(path, encoding="utf-8") as f:
            lines = f.read().split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        if len(lines) > MAX_FILE_LINES and rel not in ALLOWED_FILE_SIZE:
            big_files.append(f"{rel}:1 ({len(lines)} lines)")
        for line, name, length in functions(lines):
            if length > MAX_FUNCTION_LINES:
                long_functions.append(f"{rel}:{line} {name} ({length} lines)")

    sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests"))
    import sctap

    sctap.check(f"no file under src/ over {MAX_FILE_LINES} lines", not big_files,
                "\n".join(big_files))
    sctap.check(f"no function in src/ over {MAX_FUNCTION_LINES} lines", not long_functions,
                "\n".join(long_functions))
    return sctap.main()

if __name__ == "__main__":
    sys.exit(main(sys.argv))
