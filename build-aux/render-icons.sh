#!/bin/bash
# Copyright 2026 The Snap Confine authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Renders the app icon's PNG sizes from the scalable SVG. Run it after
# changing data/icons/hicolor/scalable/apps/org.example.SnapConfine.svg and
# commit the PNGs: the window loads the 64 px one for the project header, so
# it never has to start librsvg (and its gdk-pixbuf loader) to show a
# project. Needs rsvg-convert (apt-get install librsvg2-bin).
set -euo pipefail
cd "$(dirname "$0")/.."
svg=data/icons/hicolor/scalable/apps/org.example.SnapConfine.svg
for size in 64 128 256; do
  dir=data/icons/hicolor/${size}x${size}/apps
  mkdir -p "$dir"
  rsvg-convert -w "$size" -h "$size" "$svg" -o "$dir/org.example.SnapConfine.png"
done
