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

args=(--groups "$groups" --log "$builddir/bench/sidebar-$groups.log")

if [ "$mode" = "--journal" ]; then
  dir="$builddir/bench/sidebar-$groups.journal.d"
  if [ ! -e "$dir/.ok" ]; then
    remote=$(command -v systemd-journal-remote || echo /lib/systemd/systemd-journal-remote)
    [ -x "$remote" ] || { echo "systemd-journal-remote is needed for --journal" >&2; exit 1; }
    rm -rf "$dir"
    mkdir -p "$dir"
    start=$(date +%s.%N)
    # One kernel-transport AVC per group, one second apart, five apps.
    python3 - "$groups" <<'PY' | "$remote" -o "$dir/bench.journal" - 2>/dev/null
import sys
n = int(sys.argv[1])
t0 = 1795000000
out = sys.stdout.buffer
apps = ["foo", "daemon", "cli", "viewer", "hook.configure"]
for i in range(n):
    t = t0 + i
    app = apps[i % len(apps)]
    shape = i % 4
    if shape == 0:
        body = ('apparmor="ALLOWED" operation="open" class="file" profile="snap.bench.%s" '
                'name="/etc/bench/conf-%d.d/settings" pid=4242 comm="bench" requested_mask="r" '
                'denied_mask="r" fsuid=1000 ouid=0' % (app, i))
    elif shape == 1:
        body = ('apparmor="ALLOWED" operation="mknod" class="file" profile="snap.bench.%s" '
                'name="/home/alice/.bench-%d/state" pid=4242 comm="bench" requested_mask="c" '
                'denied_mask="c" fsuid=1000 ouid=1000' % (app, i))
    elif shape == 2:
        body = ('apparmor="DENIED" operation="open" class="file" profile="snap.bench.%s" '
                'name="/srv/bench/data-%d.db" pid=4242 comm="bench" requested_mask="wr" '
                'denied_mask="wr" fsuid=1000 ouid=0' % (app, i))
    else:
        body = ('apparmor="ALLOWED" operation="open" class="file" profile="snap.bench.%s" '
                'name="/media/alice/disk-%d/file" pid=4242 comm="bench" requested_mask="r" '
                'denied_mask="r" fsuid=1000 ouid=1000' % (app, i))
    msg = "audit: type=1400 audit(%d.000:%d): %s" % (t, 1000 + i, body)
    out.write(("__REALTIME_TIMESTAMP=%d\n__MONOTONIC_TIMESTAMP=%d\n"
               "_BOOT_ID=9d1c5e0a2b3f4c5d6e7f8091a2b3c4d5\n_MACHINE_ID=c0ffee00c0ffee00c0ffee00c0ffee00\n"
               "_HOSTNAME=benchhost\n_TRANSPORT=kernel\nSYSLOG_IDENTIFIER=kernel\nPRIORITY=5\n"
               "MESSAGE=%s\n\n" % (t * 1000000, (i + 1) * 1000000, msg)).encode())
PY
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
