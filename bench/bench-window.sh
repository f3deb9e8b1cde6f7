#!/bin/bash
# Copyright 2026 The Snap Confine authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Time to first frame of `snapconfine examples/skylark` (project loaded,
# checked and shown) versus bench-window-baseline, a bare
# AdwApplicationWindow built in the same tree, side by side in one run under
# Xvfb:
#   - wall clock: both print microseconds from creating the application to
#     the first GdkFrameClock "after-paint" and exit; RUNS runs each,
#     interleaved, median reported, plus the process's whole run time;
#   - instructions: valgrind --tool=callgrind with GSK_RENDERER=cairo, one
#     run each, total Ir up to that first frame.
#   bench/bench-window.sh [BUILDDIR] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
builddir=${1:-build}
runs=${2:-15}
app="$builddir/src/snapconfine"
base="$builddir/bench/bench-window-baseline"
project=examples/skylark

for f in "$app" "$base"; do
  [ -x "$f" ] || { echo "missing $f: build first (ninja -C $builddir)" >&2; exit 1; }
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Everything runs inside one Xvfb server so both programs see the same
# display; settings are in memory so no run depends on the previous one.
cat > "$tmp/inner.sh" <<INNER
#!/bin/bash
set -euo pipefail
export GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$builddir/data" GTK_A11Y=none
export NO_AT_BRIDGE=1 GDK_BACKEND=x11 SNAPCONFINE_BENCH_FIRST_FRAME=1
unset DBUS_SESSION_BUS_ADDRESS
one() { # prints "in-process-us wall-us"
  local t0 t1 out
  t0=\$(date +%s%N)
  out=\$("\$@" 2>/dev/null | awk '/first-frame-us/ {print \$2}')
  t1=\$(date +%s%N)
  echo "\$out \$(( (t1 - t0) / 1000 ))"
}
# Warm the caches (fonts, icon theme, shaders) once for each.
one "$base" >/dev/null; one "$app" "$project" >/dev/null
for i in \$(seq $runs); do
  echo "base \$(one "$base")"
  echo "app \$(one "$app" "$project")"
done > "$tmp/wall.txt"
if command -v valgrind >/dev/null; then
  export GSK_RENDERER=cairo
  valgrind --tool=callgrind --callgrind-out-file="$tmp/cg.base" "$base" >/dev/null 2>"$tmp/vg.base" || true
  valgrind --tool=callgrind --callgrind-out-file="$tmp/cg.app" "$app" "$project" >/dev/null 2>"$tmp/vg.app" || true
fi
INNER
chmod +x "$tmp/inner.sh"
xvfb-run -a -s "-screen 0 1400x1000x24" "$tmp/inner.sh"

median() { sort -n | awk '{a[NR]=$1} END {if (NR % 2) print a[(NR+1)/2]; else print int((a[NR/2]+a[NR/2+1])/2)}'; }
b_in=$(awk '$1=="base" {print $2}' "$tmp/wall.txt" | median)
a_in=$(awk '$1=="app" {print $2}' "$tmp/wall.txt" | median)
b_wall=$(awk '$1=="base" {print $3}' "$tmp/wall.txt" | median)
a_wall=$(awk '$1=="app" {print $3}' "$tmp/wall.txt" | median)

printf '%-34s %12s %12s %8s\n' "first frame ($runs runs, median)" baseline snapconfine ratio
printf '%-34s %10.1f ms %9.1f ms %7.2fx\n' "in process (app created → frame)" \
  "$(echo "$b_in / 1000" | bc -l)" "$(echo "$a_in / 1000" | bc -l)" "$(echo "$a_in / $b_in" | bc -l)"
printf '%-34s %10.1f ms %9.1f ms %7.2fx\n' "whole process (exec → exit)" \
  "$(echo "$b_wall / 1000" | bc -l)" "$(echo "$a_wall / 1000" | bc -l)" "$(echo "$a_wall / $b_wall" | bc -l)"

if [ -f "$tmp/cg.base" ] && [ -f "$tmp/cg.app" ]; then
  b_ir=$(awk '/^(summary|totals):/ {print $2; exit}' "$tmp/cg.base")
  a_ir=$(awk '/^(summary|totals):/ {print $2; exit}' "$tmp/cg.app")
  printf '%-34s %12s %12s %7.2fx\n' "callgrind Ir (GSK_RENDERER=cairo)" "$b_ir" "$a_ir" \
    "$(echo "$a_ir / $b_ir" | bc -l)"
fi
