#!/usr/bin/env python3
# follow-latency.py
#
# Copyright 2026 The Snap Confine authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# How long a denial takes from being written to being printed by
# `snapconfine-cli denials --follow --json`:
#
#  journal: a new journal file with one record is written into the followed
#           directory with systemd-journal-remote (as a journal-remote
#           receiver would); measured from the writer's start, next to how
#           long the writer itself runs (its process start-up dominates).
#  log:     one line is appended to a followed text log (as rsyslog would);
#           measured from the write() call.
#
#   follow-latency.py SNAPCONFINE_CLI [ROUNDS]

import os
import select
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

JOURNAL_REMOTE = "/lib/systemd/systemd-journal-remote"
RECORD = ('audit: type=1400 audit(%d.000:%d): apparmor="DENIED" operation="open" '
          'class="file" profile="snap.lat.lat" name="/etc/latency-%d" pid=1 comm="lat" '
          'requested_mask="r" denied_mask="r" fsuid=0 ouid=0')


def start_follow(cli, args):
    proc = subprocess.Popen([cli, "denials", "--follow", "--json"] + args,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    os.set_blocking(proc.stdout.fileno(), False)
    return proc


def wait_for(proc, marker, buf, timeout=10.0):
    """Reads PROC's output until a line contains MARKER; returns the time."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if marker.encode() in buf[0]:
            return time.monotonic()
        ready, _, _ = select.select([proc.stdout], [], [], 0.05)
        if ready:
            chunk = proc.stdout.read()
            if chunk:
                now = time.monotonic()
                buf[0] += chunk
                if marker.encode() in buf[0]:
                    return now
    raise RuntimeError("record %s did not arrive within %.0f s" % (marker, timeout))


def export_entry(n, t):
    return ("__REALTIME_TIMESTAMP=%d\n__MONOTONIC_TIMESTAMP=%d\n"
            "_BOOT_ID=7a7a7a7a7a7a7a7a7a7a7a7a7a7a7a7a\n_HOSTNAME=lat\n_TRANSPORT=kernel\n"
            "SYSLOG_IDENTIFIER=kernel\nPRIORITY=5\nMESSAGE=%s\n\n"
            % (t, 1000 + n, RECORD % (t // 1000000, n, n))).encode()


def journal_rounds(cli, rounds):
    d = tempfile.mkdtemp(prefix="sc-latency-")
    try:
        base = int(time.time() * 1e6)
        subprocess.run([JOURNAL_REMOTE, "-o", os.path.join(d, "first.journal"), "-"],
                       input=export_entry(0, base), check=True, stderr=subprocess.DEVNULL)
        proc = start_follow(cli, ["--directory", d])
        buf = [b""]
        wait_for(proc, "/etc/latency-0", buf)
        writer, printed = [], []
        for n in range(1, rounds + 1):
            time.sleep(0.3)
            marker = "/etc/latency-%d\"" % n
            start = time.monotonic()
            subprocess.run([JOURNAL_REMOTE, "-o", os.path.join(d, "r%d.journal" % n), "-"],
                           input=export_entry(n, base + n * 1000), check=True,
                           stderr=subprocess.DEVNULL)
            written = time.monotonic()
            seen = wait_for(proc, marker, buf)
            writer.append(written - start)
            printed.append(seen - start)
        proc.kill()
        proc.wait()
        return writer, printed
    finally:
        shutil.rmtree(d)


def log_rounds(cli, rounds):
    d = tempfile.mkdtemp(prefix="sc-latency-")
    try:
        path = os.path.join(d, "kern.log")
        with open(path, "w") as f:
            f.write("Jun 10 14:53:21 lat kernel: " + RECORD % (1718031201, 0, 0) + "\n")
        proc = start_follow(cli, ["--log", path])
        buf = [b""]
        wait_for(proc, "/etc/latency-0", buf)
        lat = []
        fd = os.open(path, os.O_WRONLY | os.O_APPEND)
        for n in range(1, rounds + 1):
            time.sleep(0.3)
            line = ("Jun 10 14:53:21 lat kernel: " + RECORD % (1718031201, n, n) + "\n").encode()
            start = time.monotonic()
            os.write(fd, line)
            seen = wait_for(proc, "/etc/latency-%d\"" % n, buf)
            lat.append(seen - start)
        os.close(fd)
        proc.kill()
        proc.wait()
        return lat
    finally:
        shutil.rmtree(d)


def fmt(values):
    ms = [v * 1000 for v in values]
    return "median %.1f ms, max %.1f ms (n=%d)" % (statistics.median(ms), max(ms), len(ms))


def main():
    cli = sys.argv[1]
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 10
    writer, printed = journal_rounds(cli, rounds)
    print("follow latency, journal dir (journal-remote started -> record printed): %s"
          % fmt(printed))
    print("  for comparison, journal-remote's own run time (start -> exit):        %s"
          % fmt(writer))
    print("follow latency, text log (line appended -> record printed):            %s"
          % fmt(log_rounds(cli, rounds)))


if __name__ == "__main__":
    main()
