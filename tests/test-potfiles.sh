#!/bin/bash
# Copyright 2026 The Snap Confine authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Every file with translatable strings must be listed in po/POTFILES.in, and
# the list must be sorted and name only files that exist (the idea of
# libadwaita's .gitlab-ci/check-potfiles.sh). A file counts as translatable
# when xgettext, with the keywords po/meson.build's "glib" preset uses,
# extracts at least one message from it. Prints TAP.
set -u

root="${SC_SOURCE_ROOT:-$(cd "$(dirname "$0")/.." && pwd)}"
cd "$root" || exit 1

if ! command -v xgettext >/dev/null; then
  echo "1..0 # SKIP xgettext is not installed"
  exit 0
fi

listed=$(grep -v '^#' po/POTFILES.in | sed '/^$/d')
n=0
fail=0

ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); fail=1; echo "not ok $n - $1"; }

# 1. Sorted.
if [ "$listed" = "$(printf '%s\n' "$listed" | LC_ALL=C sort)" ]; then
  ok "POTFILES.in is sorted"
else
  not_ok "POTFILES.in is sorted"
  diff <(printf '%s\n' "$listed") <(printf '%s\n' "$listed" | LC_ALL=C sort) | sed 's/^/# /'
fi

# 2. Every listed file exists.
missing=0
while read -r f; do
  if [ ! -f "$f" ]; then
    echo "# listed but missing: $f"
    missing=1
  fi
done <<< "$listed"
if [ $missing -eq 0 ]; then ok "every listed file exists"; else not_ok "every listed file exists"; fi

# 3. Every file with messages is listed.
keywords=(--keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2
          --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3
          --keyword=ngettext:1,2)
unlisted=0
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
while read -r f; do
  case "$f" in
    *.c|*.h) lang=(--language=C "${keywords[@]}") ;;
    *.ui) lang=(--language=Glade) ;;
    *.desktop) lang=(--language=Desktop) ;;
    *.metainfo.xml.in|*.gschema.xml) lang=() ;;
    *) continue ;;
  esac
  rm -f "$tmp"
  if ! xgettext "${lang[@]}" --from-code=UTF-8 -o "$tmp" "$f" 2>/dev/null; then
    echo "# xgettext failed on $f"
    unlisted=1
    continue
  fi
  if [ -s "$tmp" ] && grep -q '^msgid "[^"]' "$tmp"; then
    if ! grep -qxF "$f" <<< "$listed"; then
      echo "# has translatable strings but is not in po/POTFILES.in: $f"
      unlisted=1
    fi
  fi
done < <(find src ui data -type f \( -name '*.c' -o -name '*.h' -o -name '*.ui' \
                                    -o -name '*.metainfo.xml.in' -o -name '*.gschema.xml' \) \
           | LC_ALL=C sort; ls ./*.desktop 2>/dev/null | sed 's|^\./||')
if [ $unlisted -eq 0 ]; then
  ok "every file with translatable strings is listed"
else
  not_ok "every file with translatable strings is listed"
fi

echo "1..$n"
exit $fail
