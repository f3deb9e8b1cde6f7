#!/bin/bash
# bench-denials.sh
#
# Copyright 2026 The Snap Confine authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The denial benchmark of issue 4. Generates once (cached in
# BUILD/bench-data/) a journal of 1,000,000 entries of which 1 % are
# confinement records in mixed shapes (bench/gen-journal.py, written with
# systemd-journal-remote), then measures side by side:
#
#   snapconfine-cli denials --directory D --json > /dev/null
#   journalctl -D D -k --grep apparmor -o cat > /dev/null
#
# (time with hyperfine, peak memory with /usr/bin/time -v), and the follow
# latency (bench/follow-latency.py).
#
#   bench/bench-denials.sh [BUILD_DIR] [ENTRIES]

set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
build=$(cd "${1:-$here/../build}" && pwd)
entries=${2:-1000000}
cli="$build/src/cli/snapconfine-cli"
remote=/lib/systemd/systemd-journal-remote
data="$build/bench-data/journal-$entries"
stamp="$data/.generator-$(sha256sum "$here/gen-journal.py" | cut -c1-16)"

for tool in hyperfine journalctl python3 "$remote" /usr/bin/time; do
  command -v "$tool" > /dev/null || { echo "bench-denials: $tool is missing" >&2; exit 2; }
done
[ -x "$cli" ] || { echo "bench-denials: build $cli first (ninja -C $build)" >&2; exit 2; }

if [ ! -e "$stamp" ]; then
  echo "Generating $entries entries into $data (once)…"
  rm -rf "$data"
  mkdir -p "$data/journal"
  python3 "$here/gen-journal.py" "$entries" | "$remote" -o "$data/journal/bench.journal" - 2> /dev/null
  touch "$stamp"
fi
d="$data/journal"

echo
echo "== Data"
echo "directory: $d ($(du -sh "$d" | cut -f1) in $(ls "$d" | wc -l) files)"
echo "entries: $entries; confinement records: $((entries / 100))"
echo "records found by snapconfine-cli: $("$cli" denials --directory "$d" --json 2> /dev/null |
  python3 -c 'import json,sys; a=json.load(sys.stdin); print(sum(g["count"] for g in a), "in", len(a), "groups")')"
echo "lines printed by journalctl: $(journalctl -D "$d" -k --grep apparmor -o cat 2> /dev/null | wc -l)"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"

echo
echo "== Time"
hyperfine -N --warmup 1 -r 5 \
  -n snapconfine-cli "$cli denials --directory $d --json" \
  -n journalctl "journalctl -D $d -k --grep apparmor -o cat" \
  --output=null

echo
echo "== Peak memory (max RSS, /usr/bin/time -v)"
for cmd in "$cli denials --directory $d --json" "journalctl -D $d -k --grep apparmor -o cat"; do
  rss=$( /usr/bin/time -v $cmd 2>&1 > /dev/null | sed -n 's/.*Maximum resident set size (kbytes): //p' )
  printf '%-62s %4d MB\n' "$(echo "$cmd" | sed "s|$d|D|; s|$build/||")" $((rss / 1024))
done
# Most of that is the journal files' pages that sd-journal maps (shared page
# cache); the process's own memory is the anonymous part.
"$cli" denials --directory "$d" --json > /dev/null 2>&1 &
pid=$!
peak_anon=0
while kill -0 $pid 2> /dev/null; do
  a=$(sed -n 's/^RssAnon:[[:space:]]*\([0-9]*\) kB/\1/p' /proc/$pid/status 2> /dev/null || true)
  [ -n "$a" ] && [ "$a" -gt "$peak_anon" ] && peak_anon=$a
  sleep 0.005
done
wait $pid || true
echo "snapconfine-cli anonymous memory (RssAnon, sampled every 5 ms): peak $(awk "BEGIN { printf \"%.1f\", $peak_anon / 1024 }") MB"

echo
echo "== Follow latency"
python3 "$here/follow-latency.py" "$cli" 10
