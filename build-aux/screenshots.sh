#!/bin/bash
# Copyright 2026 The Snap Confine authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Renders the window to PNG under Xvfb: the start page, the example project,
# and the project with the denial sidebar reading the example's log.
#   build-aux/screenshots.sh [BUILDDIR] [OUTDIR]
# The window draws itself into a texture after its first frame has settled
# (SNAPCONFINE_SCREENSHOT) and quits; settings come from a throw-away
# keyfile so your own are never touched.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
builddir=${1:-build}
outdir=${2:-data/screenshots}
bin="$builddir/src/snapconfine"

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
# Recent projects as a user would have them.
mkdir -p "$tmp/home/src/weather-station/snap" "$tmp/home/src/pixel-forge"

shoot() {
  local name=$1 show_denials=$2 recent=$3
  shift 3
  mkdir -p "$tmp/config/glib-2.0/settings"
  cat > "$tmp/config/glib-2.0/settings/keyfile" <<KEYFILE
[org/example/SnapConfine]
window-width=1180
window-height=820
show-denials=$show_denials
recent-projects=$recent
KEYFILE
  env -u DBUS_SESSION_BUS_ADDRESS \
    HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/config" \
    GSETTINGS_BACKEND=keyfile GSETTINGS_SCHEMA_DIR="$builddir/data" \
    GTK_A11Y=none NO_AT_BRIDGE=1 GDK_BACKEND=x11 GSK_RENDERER="${GSK_RENDERER:-cairo}" \
    LANGUAGE="${LANGUAGE:-en}" SNAPCONFINE_LOCALEDIR="$builddir/po" \
    SNAPCONFINE_SCREENSHOT="$outdir/$name.png" SNAPCONFINE_SCREENSHOT_DELAY=${SHOT_DELAY:-1500} \
    xvfb-run -a -s "-screen 0 1400x1000x24" "$bin" "$@" 2> "$tmp/$name.log" || {
      cat "$tmp/$name.log" >&2
      exit 1
    }
  echo "$outdir/$name.png"
}

shoot start false "['$project', '$tmp/home/src/weather-station/snap/snapcraft.yaml', '$tmp/home/src/pixel-forge']"
shoot project false "['$project']" "$project"
shoot sidebar true "['$project']" --denials "$project/denials.log" "$project"
