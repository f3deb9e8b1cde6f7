#!/usr/bin/env python3
# gen-interface-data.py
#
# Copyright 2026 The Snap Confine authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes src/core/sc-interface-data.h from src/core/sc-interface-catalogue.ini.

Usage: gen-interface-data.py CATALOGUE.ini OUTPUT.h
       gen-interface-data.py --check CATALOGUE.ini HEADER.h

--check prints TAP: whether HEADER.h is what the table produces, and
whether the table is well formed (sorted, known keys, yes/no values)."""
import configparser
import os
import sys
import textwrap

KEYS = ["category", "auto-connect", "store-approval", "classic-slot", "core-slot",
        "attributes", "source", "policy-notes", "description", "risk"]
BOOL_KEYS = ["auto-connect", "store-approval", "classic-slot", "core-slot"]

HEADER = """\
/* sc-interface-data.h — GENERATED from sc-interface-catalogue.ini by
 * build-aux/gen-interface-data.py; edit the table, not this file.
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The interface table, included once by sc-interface-catalogue.c. Rows are
 * sorted by name (strcmp order); the catalogue looks names up by binary
 * search.
 *
 * Translators: each interface has a one-sentence description and sometimes
 * a short risk line. They are shown to snap developers next to a checkbox
 * that adds the plug to their app, and by “snapconfine-cli interfaces”.
 * Describe what the app is allowed to do, in plain words. Keep interface
 * names, file paths (/media, $HOME, /dev/…), attribute names (read, write,
 * allow-sandbox) and product names (D-Bus, PulseAudio, NetworkManager,
 * Ubuntu Core) exactly as they are: developers type them into snapcraft.yaml.
 * “Snap” is the package format; “slot” and “plug” are snapd terms, keep
 * them untranslated or use the established term of your language.
 */

#pragma once

#define SC_ATTRS(...) ((const char * const[]) { __VA_ARGS__, NULL })
#define SC_NO_ATTRS   (sc_no_attributes)

static const char * const sc_no_attributes[] = { NULL };

static const ScInterfaceInfo sc_interfaces[] = {
"""


class TableError(Exception):
    pass


def load(path):
    cat = configparser.ConfigParser(interpolation=None, delimiters=("=",),
                                    comment_prefixes=("#",), inline_comment_prefixes=None,
                                    empty_lines_in_values=False)
    cat.optionxform = str
    with open(path, encoding="utf-8") as f:
        cat.read_file(f)
    names = cat.sections()
    if names != sorted(names, key=lambda s: s.encode()):
        raise TableError("sections are not sorted by name")
    for name in names:
        sec = cat[name]
        for key in sec:
            if key not in KEYS:
                raise TableError("[%s]: unknown key %s" % (name, key))
        for key in KEYS:
            if key not in sec:
                raise TableError("[%s]: missing key %s" % (name, key))
        for key in BOOL_KEYS:
            if sec[key] not in ("yes", "no"):
                raise TableError("[%s]: %s must be yes or no" % (name, key))
        if not sec["description"].strip():
            raise TableError("[%s]: empty description" % name)
    return cat


def c_str(text, indent, first_prefix=""):
    """A C string literal, wrapped at about 100 columns."""
    text = " ".join(text.split())
    text = text.replace("\\", "\\\\").replace('"', '\\"')
    width = 96 - indent - len(first_prefix)
    chunks = textwrap.wrap(text, width=width, drop_whitespace=False,
                           break_long_words=False, break_on_hyphens=False) or [""]
    lines = []
    for i, chunk in enumerate(chunks):
        lines.append('"%s"' % chunk)
    return ("\n" + " " * (indent + len(first_prefix))).join(lines)


def render(cat):
    out = [HEADER]
    for name in cat.sections():
        sec = cat[name]
        b = {k: "TRUE" if sec[k] == "yes" else "FALSE" for k in BOOL_KEYS}
        attrs = sec["attributes"].split()
        attr_c = ("SC_ATTRS (%s)" % ", ".join('"%s"' % a for a in attrs)) if attrs else "SC_NO_ATTRS"
        out.append("  {\n")
        out.append('    .name = "%s", .category = "%s",\n' % (name, sec["category"]))
        out.append("    .auto_connect = %s, .store_approval = %s,\n"
                   % (b["auto-connect"], b["store-approval"]))
        out.append("    .classic_slot = %s, .core_slot = %s,\n" % (b["classic-slot"], b["core-slot"]))
        out.append("    .attributes = %s,\n" % attr_c)
        out.append("    .policy_notes = %s,\n" % c_str(sec["policy-notes"], 4, ".policy_notes = "))
        out.append("    .description = N_(%s),\n" % c_str(sec["description"], 4, ".description = N_("))
        risk = sec["risk"].strip()
        if risk:
            out.append("    .risk = N_(%s),\n" % c_str(risk, 4, ".risk = N_("))
        else:
            out.append("    .risk = NULL,\n")
        out.append("  },\n")
    out.append("};\n")
    return "".join(out)


def check(table, header):
    """The test (TAP, through tests/sctap.py): TABLE is well formed and
    HEADER is what it generates."""
    sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests"))
    import sctap

    try:
        cat = load(table)
    except (TableError, configparser.Error) as e:
        sctap.check(f"{table} is well formed", False, e)
        sctap.check("sc-interface-data.h is what the table generates", False, "not checked")
        return sctap.main()
    sctap.check(f"{table} is well formed ({len(cat.sections())} interfaces)", True)
    with open(header, encoding="utf-8") as f:
        current = f.read()
    sctap.check("sc-interface-data.h is what the table generates", current == render(cat),
                f"it differs: run build-aux/gen-interface-data.py {table} {header}")
    return sctap.main()


def main(argv):
    if len(argv) == 4 and argv[1] == "--check":
        return check(argv[2], argv[3])
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    try:
        cat = load(argv[1])
    except (TableError, configparser.Error) as e:
        print("gen-interface-data: %s: %s" % (argv[1], e), file=sys.stderr)
        return 1
    with open(argv[2], "w", encoding="utf-8") as f:
        f.write(render(cat))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
