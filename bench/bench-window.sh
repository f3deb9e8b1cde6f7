#!/bin/bash
# Copyright 2026 The Snap Confine authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Time to first frame of `snapconfine examples/skylark` (project loaded,
# checked and shown) versus bench-window-baseline, a bare
# AdwApplicationWindow built in the same tree, side by side in one run under
# Xvfb. The application is timed as bench-window-app: the same library as
# snapconfine with the probe of bench-first-frame.h attached from outside,
# so the shipped binary carries no benchmark code.
#   - wall clock: both print microseconds from creating the application to
#     the first GdkFrameClock "after-paint" and exit; RUNS runs each,
#     interleaved, median reported, plus the process's whole run time;
#   - instructions: valgrind --tool=callgrind with GSK_RENDERER=cairo, total
#     Ir (all threads) up to that first frame, CG_RUNS runs each (default 3),
#     interleaved; the lowest and the median are reported.
#
# Why several callgrind runs: GTK 4.8 loads the icon theme in a worker
# thread, and when the main thread asks for an icon before the worker is
# done it loads the theme again itself. Under valgrind, which runs one
# thread at a time, that race goes either way and moves both programs by
# the same ~59 M instructions. The lowest count is the run without the
# duplicate load, what a real machine with two cores does.
#   bench/bench-window.sh [BUILDDIR] [RUNS]   (CG_RUNS=N for callgrind,
#                                              PROJECT=DIR for another project)
set -euo pipefail
cd "$(dirname "$0")/.."
builddir=${1:-build}
runs=${2:-15}
cg_runs=${CG_RUNS:-3}
app="$builddir/bench/bench-window-app"
base="$builddir/bench/bench-window-baseline"
project=${PROJECT:-examples/skylark}

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
export NO_AT_BRIDGE=1 GDK_BACKEND=x11
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
  for i in \$(seq $cg_runs); do
    valgrind --tool=callgrind --callgrind-out-file="$tmp/cg.base.\$i" "$base" >/dev/null 2>"$tmp/vg.base" || true
    valgrind --tool=callgrind --callgrind-out-file="$tmp/cg.app.\$i" "$app" "$project" >/dev/null 2>"$tmp/vg.app" || true
  done
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

ir() { # the totals of the callgrind files $1.*, one a line
  for f in "$1".*; do awk '/^(summary|totals):/ {print $2; exit}' "$f"; done
}
if ls "$tmp"/cg.base.* "$tmp"/cg.app.* >/dev/null 2>&1; then
  b_min=$(ir "$tmp/cg.base" | sort -n | head -n 1)
  a_min=$(ir "$tmp/cg.app" | sort -n | head -n 1)
  b_med=$(ir "$tmp/cg.base" | median)
  a_med=$(ir "$tmp/cg.app" | median)
  printf '%-34s %12s %12s %7.2fx\n' "callgrind Ir, lowest of $cg_runs" "$b_min" "$a_min" \
    "$(echo "$a_min / $b_min" | bc -l)"
  printf '%-34s %12s %12s %7.2fx\n' "callgrind Ir, median of $cg_runs" "$b_med" "$a_med" \
    "$(echo "$a_med / $b_med" | bc -l)"
  echo "(GSK_RENDERER=cairo; every run: base $(ir "$tmp/cg.base" | tr '\n' ' ')/ app $(ir "$tmp/cg.app" | tr '\n' ' '))"
fi
