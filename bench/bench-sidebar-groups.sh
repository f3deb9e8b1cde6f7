#!/bin/bash
# bench-sidebar-groups.sh
#
# Copyright 2026 The Snap Confine authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Memory of distinct denial groups (issue 15, item 8): generates once a
# text log of GROUPS records that each make a group of their own (four
# file shapes, five apps, as bench/bench-sidebar.sh does) and reports the
# peak resident memory of
#
#   snapconfine-cli denials --log LOG --json > /dev/null
#
# with /usr/bin/time. Target: 1,000,000 groups under 1 GB.
#
#   bench/bench-sidebar-groups.sh [BUILD_DIR] [GROUPS]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
groups=${2:-1000000}
cli="$build/src/cli/snapconfine-cli"
log="$build/bench/groups-$groups.log"

[ -x "$cli" ] || { echo "missing $cli: build first (ninja -C $build)" >&2; exit 1; }
mkdir -p "$(dirname "$log")"
if [ ! -e "$log.ok" ]; then
  python3 "$(dirname "$0")/gen-sidebar-records.py" "$groups" > "$log"
  touch "$log.ok"
fi

echo "log: $log ($(du -h "$log" | cut -f1), $groups records, one group each)"
for mode in --json ""; do
  /usr/bin/time -f "%M %e %U" -o "$build/bench/groups.time" "$cli" denials --log "$log" $mode > /dev/null 2>&1 || true
  read -r kb wall user < "$build/bench/groups.time"
  awk -v m="${mode:-text}" -v kb="$kb" -v g="$groups" -v w="$wall" -v u="$user" \
    'BEGIN { printf "denials %-6s peak RSS %.0f MiB (%.0f bytes a group), %.1f s wall, %.1f s user\n", m, kb / 1024, kb * 1024 / g, w, u }'
done
