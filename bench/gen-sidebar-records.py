#!/usr/bin/env python3
# gen-sidebar-records.py
#
# Copyright 2026 The Snap Confine authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Prints N AppArmor records, each its own group (four file shapes, five
apps, one second apart), for the sidebar and group-memory benchmarks.

Usage: gen-sidebar-records.py N            a kern.log-style text log
       gen-sidebar-records.py N --export   journal export format (one
                                           kernel-transport entry each),
                                           for systemd-journal-remote
"""
import sys

SHAPES = [
    ('ALLOWED', 'open', '/etc/bench/conf-%d.d/settings', 'r', '0'),
    ('ALLOWED', 'mknod', '/home/alice/.bench-%d/state', 'c', '1000'),
    ('DENIED', 'open', '/srv/bench/data-%d.db', 'wr', '0'),
    ('ALLOWED', 'open', '/media/alice/disk-%d/file', 'r', '1000'),
]
APPS = ["foo", "daemon", "cli", "viewer", "hook.configure"]
T0 = 1795000000


def main():
    n = int(sys.argv[1])
    export = "--export" in sys.argv[2:]
    out = sys.stdout.buffer
    for i in range(n):
        mode, op, name, mask, ouid = SHAPES[i % 4]
        body = ('apparmor="%s" operation="%s" class="file" profile="snap.bench.%s" '
                'name="%s" pid=4242 comm="bench" requested_mask="%s" denied_mask="%s" '
                'fsuid=1000 ouid=%s' % (mode, op, APPS[i % 5], name % i, mask, mask, ouid))
        msg = "audit: type=1400 audit(%d.000:%d): %s" % (T0 + i, 1000 + i, body)
        if export:
            out.write(("__REALTIME_TIMESTAMP=%d\n__MONOTONIC_TIMESTAMP=%d\n"
                       "_BOOT_ID=9d1c5e0a2b3f4c5d6e7f8091a2b3c4d5\n"
                       "_MACHINE_ID=c0ffee00c0ffee00c0ffee00c0ffee00\n"
                       "_HOSTNAME=benchhost\n_TRANSPORT=kernel\nSYSLOG_IDENTIFIER=kernel\n"
                       "PRIORITY=5\nMESSAGE=%s\n\n"
                       % ((T0 + i) * 1000000, (i + 1) * 1000000, msg)).encode())
        else:
            out.write(("Nov 24 09:12:01 benchhost kernel: %s\n" % msg).encode())


if __name__ == "__main__":
    main()
