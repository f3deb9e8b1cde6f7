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
  python3 - "$groups" > "$log" <<'PY'
import sys
n = int(sys.argv[1])
t0 = 1795000000
apps = ["foo", "daemon", "cli", "viewer", "hook.configure"]
w = sys.stdout.write
for i in range(n):
    app = apps[i % 5]
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
    w("Nov 24 09:12:01 benchhost kernel: audit: type=1400 audit(%d.000:%d): %s\n"
      % (t0 + i, 1000 + i, body))
PY
  touch "$log.ok"
fi

echo "log: $log ($(du -h "$log" | cut -f1), $groups records, one group each)"
for mode in --json ""; do
  /usr/bin/time -f "%M %e %U" -o "$build/bench/groups.time" "$cli" denials --log "$log" $mode > /dev/null 2>&1 || true
  read -r kb wall user < "$build/bench/groups.time"
  awk -v m="${mode:-text}" -v kb="$kb" -v g="$groups" -v w="$wall" -v u="$user" \
    'BEGIN { printf "denials %-6s peak RSS %.0f MiB (%.0f bytes a group), %.1f s wall, %.1f s user\n", m, kb / 1024, kb * 1024 / g, w, u }'
done
