#!/bin/bash
# Refreshes the translation template po/snapconfine.pot from the sources
# listed in po/POTFILES.in and merges it into every catalogue of po/LINGUAS,
# through meson's own targets (the i18n "glib" preset in po/meson.build), so
# the result is what GNOME's translation platform would produce.
#   build-aux/update-po.sh [BUILDDIR]     (default: build)
# Then translate what tests/test-po.sh lists as new or fuzzy, e.g.
#   msgattrib --untranslated --only-fuzzy po/de.po
set -euo pipefail
cd "$(dirname "$0")/.."

builddir="${1:-build}"
if [ ! -f "$builddir/build.ninja" ]; then
  meson setup "$builddir" >/dev/null
fi
meson compile -C "$builddir" snapconfine-pot snapconfine-update-po

for po in po/*.po; do
  printf '%s: ' "$po"
  LC_ALL=C msgfmt -c --statistics -o /dev/null "$po"
done
