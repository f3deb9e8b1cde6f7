#!/bin/bash
# Copyright 2026 The Snap Confine authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The denial sidebar loading 100,000 distinct denial groups in a real window
# under Xvfb: the longest main-loop stall while loading (target < 50 ms),
# frame gaps, load time, scrolling the whole list, and peak memory.
#
#   bench/bench-sidebar.sh [BUILDDIR] [GROUPS] [--journal]
#
# By default the denials come from a text log (about 30 MB); with --journal
# from a journal folder made with systemd-journal-remote out of the same
# records as kernel-transport entries. Either is generated once and kept in
# the build folder.
#
# GDK's X11 backend probes GL when it opens the display, even with the cairo
# renderer, and under Xvfb that maps Mesa's llvmpipe (libLLVM, swrast_dri:
# about 50 MiB of RSS that has nothing to do with the sidebar; on real
# hardware the GPU's driver takes its place). NO_GL=1 runs with
# GDK_DEBUG=gl-disable, so the process holds only what GTK and the sidebar
# need:
#
#   NO_GL=1 bench/bench-sidebar.sh build 100000
set -euo pipefail
cd "$(dirname "$0")/.."
builddir=${1:-build}
groups=${2:-100000}
mode=${3:-}
bin="$builddir/bench/bench-sidebar"

[ -x "$bin" ] || { echo "missing $bin: build first (ninja -C $builddir)" >&2; exit 1; }

# NOISE=K: every Kth group comes from a child profile, noise that the
# sidebar hides until "show noise" (the filter changes measured after the
# load then have something to show and hide).
if [ -n "${NOISE:-}" ]; then
  args=(--groups "$groups" --log "$builddir/bench/sidebar-$groups-noise$NOISE.log" --noise-every "$NOISE")
else
  args=(--groups "$groups" --log "$builddir/bench/sidebar-$groups.log")
fi

if [ "$mode" = "--journal" ]; then
  dir="$builddir/bench/sidebar-$groups.journal.d"
  if [ ! -e "$dir/.ok" ]; then
    remote=$(command -v systemd-journal-remote || echo /lib/systemd/systemd-journal-remote)
    [ -x "$remote" ] || { echo "systemd-journal-remote is needed for --journal" >&2; exit 1; }
    rm -rf "$dir"
    mkdir -p "$dir"
    start=$(date +%s.%N)
    # One kernel-transport AVC per group, one second apart, five apps.
    python3 bench/gen-sidebar-records.py "$groups" --export | "$remote" -o "$dir/bench.journal" - 2>/dev/null
    touch "$dir/.ok"
    awk -v d="$dir" -v g="$groups" -v s="$start" -v e="$(date +%s.%N)" \
      'BEGIN { printf "generated %s (%s groups) in %.1f s\n", d, g, e - s }'
  fi
  args+=(--journal "$dir")
fi

# The cairo renderer: Xvfb has no GPU, and llvmpipe GL would measure the
# software rasteriser rather than the sidebar.
gdk_debug=${GDK_DEBUG:-}
if [ "${NO_GL:-0}" = 1 ]; then
  gdk_debug=${gdk_debug:+$gdk_debug,}gl-disable
  echo "GL:                       disabled (NO_GL=1, GDK_DEBUG=$gdk_debug)"
fi

env -u DBUS_SESSION_BUS_ADDRESS GDK_DEBUG="$gdk_debug" GTK_A11Y=none NO_AT_BRIDGE=1 GDK_BACKEND=x11 GSK_RENDERER=cairo \
  GSETTINGS_BACKEND=memory \
  xvfb-run -a -s "-screen 0 1280x1000x24" "$bin" "${args[@]}"
