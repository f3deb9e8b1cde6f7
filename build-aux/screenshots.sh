#!/bin/bash
# Copyright 2026 The Snap Confine authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Renders the window to PNG under Xvfb: the start page, the example project,
# the project with the denial sidebar reading the example's log, the same in
# dark style, a narrow (360 px) window with and without the sidebar, and a
# large project (lxd, from ../shared/corpus when it is there).
#   build-aux/screenshots.sh [BUILDDIR] [OUTDIR]
# tests/gui/screenshot-window runs the application from the same library as
# snapconfine, draws the window into a texture once it has settled and
# quits; settings come from a throw-away keyfile so your own are never
# touched.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
builddir=${1:-build}
outdir=${2:-data/screenshots}
bin="$builddir/tests/gui/screenshot-window"

if [ ! -x "$bin" ]; then
  echo "No $bin: build first (ninja -C $builddir)" >&2
  exit 1
fi
mkdir -p "$outdir"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# A copy, so the screenshots never depend on (or change) the real example.
project="$tmp/home/src/skylark"
mkdir -p "$project"
cp -r examples/skylark/. "$project/"
# A large project: lxd has 7 apps and 10 hooks.
lxd_yaml=../shared/corpus/snapcraft/023-canonical-lxd-pkg-snap.yaml
if [ -f "$lxd_yaml" ]; then
  mkdir -p "$tmp/home/src/lxd/snap"
  cp "$lxd_yaml" "$tmp/home/src/lxd/snap/snapcraft.yaml"
fi
# Recent projects as a user would have them.
mkdir -p "$tmp/home/src/weather-station/snap" "$tmp/home/src/pixel-forge"

shoot() {
  local name=$1 show_denials=$2 recent=$3 width=$4 height=$5
  shift 5
  mkdir -p "$tmp/config/glib-2.0/settings" "$tmp/config/gtk-4.0"
  # GNOME's title bar: a close button only (Xvfb alone would add two more).
  printf '[Settings]\ngtk-decoration-layout=appmenu:close\n' > "$tmp/config/gtk-4.0/settings.ini"
  cat > "$tmp/config/glib-2.0/settings/keyfile" <<KEYFILE
[org/example/SnapConfine]
window-width=$width
window-height=$height
show-denials=$show_denials
recent-projects=$recent
KEYFILE
  env -u DBUS_SESSION_BUS_ADDRESS \
    HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/config" \
    GSETTINGS_BACKEND=keyfile GSETTINGS_SCHEMA_DIR="$builddir/data" \
    GTK_A11Y=none NO_AT_BRIDGE=1 GDK_BACKEND=x11 GSK_RENDERER="${GSK_RENDERER:-cairo}" \
    LANGUAGE="${LANGUAGE:-en}" SNAPCONFINE_LOCALEDIR="$builddir/po" \
    xvfb-run -a -s "-screen 0 1400x1000x24" \
    "$bin" "$outdir/$name.png" --delay "${SHOT_DELAY:-1500}" "$@" 2> "$tmp/$name.log" || {
      cat "$tmp/$name.log" >&2
      exit 1
    }
  echo "$outdir/$name.png"
}

shoot start false "['$project', '$tmp/home/src/weather-station/snap/snapcraft.yaml', '$tmp/home/src/pixel-forge']" 1180 820
shoot project false "['$project']" 1180 820 -- "$project"
shoot sidebar true "['$project']" 1180 820 -- --denials "$project/denials.log" "$project"
shoot dark true "['$project']" 1180 820 --dark -- --denials "$project/denials.log" "$project"
shoot narrow false "['$project']" 360 720 -- "$project"
shoot narrow-sidebar true "['$project']" 360 720 -- --denials "$project/denials.log" "$project"
if [ -d "$tmp/home/src/lxd" ]; then
  shoot large false "['$tmp/home/src/lxd']" 1180 820 -- "$tmp/home/src/lxd"
else
  echo "skipped large.png: no ../shared/corpus (lxd)" >&2
fi
