#!/usr/bin/env python3
"""Counts test results from meson's testlog.json and prints the closing line.

TAP tests count each `ok` / `not ok` line (a `# SKIP` is counted as skipped,
never as passed); other tests count once by their result. Exits 1 when
anything failed or when no test ran at all."""
import json
import re
import sys

passed = failed = skipped = 0
failures = []
try:
    log = open(sys.argv[1], encoding="utf-8")
except OSError:
    print("0 passed, 0 failed")
    sys.exit(1)
with log:
    for line in log:
        entry = json.loads(line)
        name = entry.get("name", "?")
        result = entry.get("result", "")
        stdout = entry.get("stdout") or ""
        tap = [l for l in stdout.splitlines() if re.match(r"^(not )?ok\b", l)]
        if tap and result in ("OK", "FAIL", "EXPECTEDFAIL", "UNEXPECTEDPASS"):
            for l in tap:
                if re.search(r"#\s*(SKIP|TODO)", l, re.I):
                    skipped += 1
                elif l.startswith("not ok"):
                    failed += 1
                    failures.append(f"{name}: {l}")
                else:
                    passed += 1
            # A TAP test that crashed after its last line still fails.
            if result == "FAIL" and not any(l.startswith("not ok") for l in tap):
                failed += 1
                failures.append(f"{name}: exited with failure")
        elif result in ("OK", "EXPECTEDFAIL"):
            passed += 1
        elif result == "SKIP":
            skipped += 1
        else:
            failed += 1
            failures.append(f"{name}: {result}")

for f in failures:
    print("FAILED " + f)
line = f"{passed} passed, {failed} failed"
if skipped:
    line += f", {skipped} skipped"
print(line)
sys.exit(1 if failed or passed == 0 else 0)
