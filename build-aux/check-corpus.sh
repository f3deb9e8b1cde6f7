#!/bin/bash
# check-corpus.sh
#
# Copyright 2026 The Snap Confine authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs `snapconfine-cli check --json` over every snapcraft.yaml of the
# corpus and prints how many findings each code gives (and in how many
# files), plus the exit codes.
#
# Usage: build-aux/check-corpus.sh [CLI] [CORPUS_DIR]
#   CLI        defaults to $SNAPCONFINE_CLI, else build/src/cli/snapconfine-cli
#   CORPUS_DIR defaults to $SC_SHARED_DIR/corpus/snapcraft, else ../shared/corpus/snapcraft

set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
cli=${1:-${SNAPCONFINE_CLI:-$root/build/src/cli/snapconfine-cli}}
corpus=${2:-${SC_SHARED_DIR:-$root/../shared}/corpus/snapcraft}

if [ ! -x "$cli" ]; then
  echo "check-corpus: no snapconfine-cli at $cli" >&2
  exit 2
fi
if [ ! -d "$corpus" ]; then
  echo "check-corpus: no corpus at $corpus" >&2
  exit 2
fi

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

for file in "$corpus"/*.yaml "$corpus"/*.yml; do
  [ -e "$file" ] || continue
  name=$(basename "$file")
  set +e
  "$cli" check "$file" --json >"$out/$name.json" 2>"$out/$name.err"
  echo $? >"$out/$name.rc"
  set -e
done

python3 - "$out" <<'PY'
import collections, json, os, sys

out = sys.argv[1]
findings = collections.Counter()
files = collections.defaultdict(set)
severity = {}
exits = collections.Counter()
n = 0
for entry in sorted(os.listdir(out)):
    if not entry.endswith(".rc"):
        continue
    name = entry[:-3]
    n += 1
    rc = int(open(os.path.join(out, entry)).read())
    exits[rc] += 1
    if rc == 3:
        err = open(os.path.join(out, name + ".err")).read().strip()
        print(f"invalid: {name}: {err}", file=sys.stderr)
        continue
    try:
        data = json.load(open(os.path.join(out, name + ".json")))
    except ValueError:
        print(f"bad JSON: {name}", file=sys.stderr)
        continue
    for f in data:
        findings[f["code"]] += 1
        files[f["code"]].add(name)
        severity.setdefault(f["code"], set()).add(f["severity"])

print(f"{n} files; exit codes: " + ", ".join(f"{k}: {v}" for k, v in sorted(exits.items())))
print(f"{'code':<24} {'severity':<16} {'findings':>8} {'files':>6}")
for code, count in sorted(findings.items(), key=lambda kv: (-kv[1], kv[0])):
    sev = "/".join(sorted(severity[code]))
    print(f"{code:<24} {sev:<16} {count:>8} {len(files[code]):>6}")
print(f"{'total':<24} {'':<16} {sum(findings.values()):>8}")
PY
