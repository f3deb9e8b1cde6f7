#!/bin/bash
# Copyright 2026 The Snap Confine authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The denial sidebar loading 100,000 distinct denial groups from a text log
# in a real window under Xvfb: the longest main-loop stall while loading
# (target < 50 ms), frame gaps, load time, scrolling the whole list, and
# peak memory. The log (about 30 MB) is generated once and kept in the build
# folder.
#   bench/bench-sidebar.sh [BUILDDIR] [GROUPS]
set -euo pipefail
cd "$(dirname "$0")/.."
builddir=${1:-build}
groups=${2:-100000}
bin="$builddir/bench/bench-sidebar"

[ -x "$bin" ] || { echo "missing $bin: build first (ninja -C $builddir)" >&2; exit 1; }

log="$builddir/bench/sidebar-$groups.log"

# The cairo renderer: Xvfb has no GPU, and llvmpipe GL would measure the
# software rasteriser rather than the sidebar.
env -u DBUS_SESSION_BUS_ADDRESS GTK_A11Y=none NO_AT_BRIDGE=1 GDK_BACKEND=x11 GSK_RENDERER=cairo \
  GSETTINGS_BACKEND=memory \
  xvfb-run -a -s "-screen 0 1280x1000x24" "$bin" --groups "$groups" --log "$log"
