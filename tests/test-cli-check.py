#!/usr/bin/env python3
# test-cli-check.py
#
# Copyright 2026 The Snap Confine authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# End-to-end tests of `snapconfine-cli check PATH [--json]`: output formats
# and exit codes (0 no error-level finding, 1 errors, 2 usage, 3 invalid
# project). Prints TAP.

import json
import os
import re
import subprocess
import sys
import tempfile

CLI = os.environ.get("SNAPCONFINE_CLI")
SRCDIR = os.environ.get("G_TEST_SRCDIR", os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(SRCDIR, "data", "check")

import sctap
from sctap import check


def run(*args):
    proc = subprocess.run([CLI, "check", *args], capture_output=True, text=True,
                          env=dict(os.environ, LC_ALL="C.UTF-8"))
    return proc.returncode, proc.stdout, proc.stderr


def fixture(name):
    return os.path.join(DATA, name)


def main():
    if not CLI:
        sctap.skip_all("SNAPCONFINE_CLI is not set")

    # Clean project: exit 0, nothing printed, JSON is an empty array.
    code, out, err = run(fixture("clean.yaml"))
    check("clean project exits 0", code == 0, f"exit {code}, stderr {err!r}")
    check("clean project prints nothing", out == "", repr(out))
    code, out, err = run(fixture("clean.yaml"), "--json")
    check("clean project --json exits 0", code == 0, f"exit {code}")
    try:
        check("clean project --json is []", json.loads(out) == [], out)
    except ValueError as e:
        check("clean project --json is []", False, str(e))

    # Errors: exit 1, text format FILE:LINE:COL: severity: message [code].
    code, out, err = run(fixture("unknown-plug.yaml"))
    check("error finding exits 1", code == 1, f"exit {code}, stderr {err!r}")
    lines = out.splitlines()
    pattern = re.compile(r"^(.+):(\d+):(\d+): (error|warning|note): (.+) \[([a-z-]+)\]$")
    first = pattern.match(lines[0]) if lines else None
    check("text line has FILE:LINE:COL: severity: message [code]", first is not None,
          lines[0] if lines else "no output")
    if first:
        check("text line names the file", first.group(1).endswith("unknown-plug.yaml"),
              first.group(1))
        check("text line position and code",
              (first.group(2), first.group(3), first.group(4), first.group(6))
              == ("12", "19", "error", "unknown-plug"), lines[0])
    check("hint is indented below the finding",
          len(lines) > 1 and lines[1].startswith("    ") and "network" in lines[1],
          lines[1] if len(lines) > 1 else "")

    code, out, err = run(fixture("unknown-plug.yaml"), "--json")
    check("--json with errors exits 1", code == 1, f"exit {code}")
    try:
        findings = json.loads(out)
    except ValueError as e:
        findings = None
        check("--json output parses", False, str(e))
    if findings is not None:
        keys = {"severity", "code", "line", "column", "message", "hint"}
        check("--json is an array of two findings",
              isinstance(findings, list) and len(findings) == 2, out)
        check("--json findings carry every contract key",
              all(keys <= set(f) for f in findings), out)
        check("--json types",
              all(isinstance(f["line"], int) and isinstance(f["column"], int)
                  and isinstance(f["message"], str) and f["severity"] in
                  ("error", "warning", "note") for f in findings), out)
        check("--json first finding",
              findings and findings[0]["code"] == "unknown-plug"
              and findings[0]["line"] == 12 and findings[0]["column"] == 19
              and findings[0]["plug"] == "netwrk" and findings[0]["target"] == "typo-app"
              and "network" in findings[0]["hint"], json.dumps(findings[:1]))

    # Warnings and notes only: exit 0.
    code, out, err = run(fixture("devmode.yaml"), "--json")
    check("warnings only exit 0", code == 0, f"exit {code}")
    try:
        findings = json.loads(out)
        check("devmode finding reported as warning",
              [(f["code"], f["severity"], f["line"]) for f in findings]
              == [("devmode", "warning", 7)], out)
    except ValueError as e:
        check("devmode finding reported as warning", False, str(e))

    # A folder with two candidates.
    code, out, err = run(fixture("multiple"))
    check("project folder: multiple-project-files warning, exit 0",
          code == 0 and "[multiple-project-files]" in out, f"exit {code}: {out!r}")
    check("project folder: FILE is the file inside the folder",
          out.startswith(os.path.join(fixture("multiple"), "snapcraft.yaml") + ":1:1: warning: "),
          out)
    code, out, err = run(fixture("multiple-core20"))
    check("several files on core20 is an error, exit 1",
          code == 1 and "error:" in out and "[multiple-project-files]" in out,
          f"exit {code}: {out!r}")

    code, out, err = run(fixture("duplicate-plug.yaml"))
    check("plug listed twice: error finding, exit 1, position of the second entry",
          code == 1 and "duplicate-plug.yaml:15:9: error:" in out and "[duplicate-plug]" in out,
          f"exit {code}: {out!r} {err!r}")

    # Invalid project: exit 3.
    with tempfile.TemporaryDirectory() as tmp:
        broken = os.path.join(tmp, "snapcraft.yaml")
        with open(broken, "w") as f:
            f.write("name: broken\napps: [\n")
        code, out, err = run(broken)
        check("broken YAML exits 3", code == 3, f"exit {code}, stderr {err!r}")
        check("broken YAML error names the file", "snapcraft.yaml:" in err, err)
        code, out, err = run(tmp + "/missing")
        check("missing path exits 3", code == 3, f"exit {code}")
        empty = os.path.join(tmp, "empty")
        os.mkdir(empty)
        code, out, err = run(empty)
        check("folder without snapcraft.yaml exits 3", code == 3, f"exit {code}")

    # Usage errors: exit 2.
    code, out, err = run()
    check("missing PATH exits 2", code == 2, f"exit {code}")
    code, out, err = run(fixture("clean.yaml"), "--frobnicate")
    check("unknown option exits 2", code == 2, f"exit {code}")
    code, out, err = run(fixture("clean.yaml"), fixture("devmode.yaml"))
    check("two paths exit 2", code == 2, f"exit {code}")


if __name__ == "__main__":
    main()
    sys.exit(sctap.main())
