#!/usr/bin/env python3
# gen-journal-shapes.py
#
# Copyright 2026 The Snap Confine authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Journals shaped like real ones for bench/bench-denials.sh, in journal
# export format for systemd-journal-remote (a real journald writer, so the
# files, their hash tables and compressed data objects are real). The
# confinement records (1 % of the entries) come from gen-journal.py; what
# differs is the ordinary traffic around them and how it is laid out:
#
#   distinct  every ordinary message distinct, as in a real journal (pids,
#             counters, addresses and times in the text)
#   system    a system journal folder: <machine-id>/system@….journal and
#             user-1000@….journal rotated files plus the active ones, three
#             boots, distinct messages
#   compressed  distinct messages of which a third are long (tracebacks,
#             JSON dumps, long command lines) so journald stores them
#             compressed (zstd), and some of the records too
#
#   gen-journal-shapes.py SHAPE N FIRST COUNT [BOOT_INDEX [STRIDE_USEC [OFFSET_USEC]]]
#
# writes entries FIRST..FIRST+COUNT-1 of a journal of N entries, entry n at
# T0 + n * STRIDE + OFFSET (a user journal interleaves with the system one
# by a larger stride and an offset); the bench script cuts each shape into
# files (rotation) by calling it per file.
# Deterministic: the same arguments give the same bytes.

import importlib.util
import os
import random
import sys

_spec = importlib.util.spec_from_file_location(
    "gen_journal", os.path.join(os.path.dirname(os.path.abspath(__file__)), "gen-journal.py"))
gen = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(gen)

BOOTS = ["4f3c2a1b0e9d8c7b6a5f4e3d2c1b0a99", "a1b2c3d4e5f60718293a4b5c6d7e8f90",
         "0badc0de0badc0de0badc0de0badc0de"]
UNITS = ["NetworkManager.service", "systemd-resolved.service", "cron.service",
         "snapd.service", "packagekit.service", "cups.service", "colord.service"]
DISTINCT_KERNEL = [
    "[UFW BLOCK] IN=wlp2s0 OUT= MAC=01:00:5e:00:00:fb:{m} SRC=192.168.{a}.{b} DST=224.0.0.251 "
    "LEN={len} TOS=0x00 PREC=0x00 TTL=1 ID={n} PROTO=2",
    "usb 1-{a}: new high-speed USB device number {n} using xhci_hcd",
    "wlp2s0: RX AssocResp from {mac} (capab=0x1411 status=0 aid={a})",
    "audit: type=1131 audit({s}.{ms:03d}:{n}): pid={pid} uid=0 auid=4294967295 ses=4294967295 "
    "subj=unconfined msg='unit=run-r{hex}.scope comm=\"systemd\" exe=\"/usr/lib/systemd/systemd\" "
    "hostname=? addr=? terminal=? res=success'",
    "TCP: request_sock_TCP: Possible SYN flooding on port {port}. Sending cookies. "
    "Check SNMP counters. seq={n}",
    "perf: interrupt took too long ({a}{b} > 2500), lowering kernel.perf_event_max_sample_rate to {n}",
]
DISTINCT_SYSLOG = [
    ("sshd", "Accepted publickey for alice from 10.{a}.{b}.{c} port {port} ssh2: ED25519 SHA256:{hex}"),
    ("CRON", "pam_unix(cron:session): session opened for user root(uid=0) by (uid=0) id={n}"),
    ("NetworkManager", "<info>  [{s}.{ms:03d}] dhcp4 (wlp2s0): state changed new lease, "
                       "address=192.168.{a}.{b} xid={hex}"),
    ("systemd", "Started Session {n} of User alice."),
    ("systemd-resolved", "Using degraded feature set UDP instead of UDP+EDNS0 for DNS server "
                         "10.{a}.{b}.{c} (query {n})."),
    ("gnome-shell", "JS ERROR: TypeError: this._items[{n}] is undefined at {hex}"),
    ("snapd", "storehelpers.go:{a}: cannot refresh snap \"core{b}\": request {hex} timed out after {n}ms"),
    ("dbus-daemon", "[session uid=1000 pid={pid}] Successfully activated service "
                    "'org.gnome.Shell.Notifications' serial={n}"),
]
LONG_TEMPLATES = [
    "Traceback (most recent call last):\n" +
    "".join("  File \"/usr/lib/python3/dist-packages/app/module{i}.py\", line {{a}}{i}, in handler_{i}\n"
            "    result = self.dispatch(request, timeout={{b}})\n".format(i=i) for i in range(9)) +
    "TimeoutError: request {hex} after {n} ms",
    "{{\"level\":\"debug\",\"ts\":{s}.{ms:03d},\"caller\":\"server/handler.go:{a}\",\"msg\":\"request done\","
    "\"request_id\":\"{hex}\",\"headers\":{{" +
    ",".join("\"X-Header-{i}\":\"value-{{b}}-{i}-{{n}}\"".format(i=i) for i in range(24)) + "}}}}",
    "Command line: /usr/bin/java -Xmx{a}m -Dfile.encoding=UTF-8 -classpath " +
    ":".join("/opt/app/lib/library-{i}-{{b}}.jar".format(i=i) for i in range(30)) +
    " org.example.Main --session {n}",
]


def fill(rng, template, t, n):
    sec, ms = divmod(t // 1000, 1000)
    return template.format(
        n=n, s=sec, ms=ms, a=rng.randrange(256), b=rng.randrange(256), c=rng.randrange(256),
        m="%02x" % rng.randrange(256), len=rng.randrange(32, 1500), port=rng.randrange(1024, 65535),
        pid=rng.randrange(300, 4000000), hex="%016x" % rng.getrandbits(64),
        mac=":".join("%02x" % rng.randrange(256) for _ in range(6)))


def distinct_noise(rng, t, n, long_share):
    if rng.random() < long_share:
        ident = rng.choice(["app-server", "java", "python3"])
        return [("_TRANSPORT", "stdout"), ("SYSLOG_IDENTIFIER", ident),
                ("_SYSTEMD_UNIT", rng.choice(UNITS)), ("PRIORITY", "6"),
                ("MESSAGE", fill(rng, rng.choice(LONG_TEMPLATES), t, n))]
    r = rng.random()
    if r < 0.30:
        return [("_TRANSPORT", "kernel"), ("SYSLOG_IDENTIFIER", "kernel"),
                ("PRIORITY", rng.choices("6543", weights=(60, 15, 18, 7))[0]),
                ("_SOURCE_MONOTONIC_TIMESTAMP", str(n * 997)),
                ("MESSAGE", fill(rng, rng.choice(DISTINCT_KERNEL), t, n))]
    if r < 0.85:
        ident, msg = rng.choice(DISTINCT_SYSLOG)
        return [("_TRANSPORT", "syslog"), ("SYSLOG_IDENTIFIER", ident),
                ("SYSLOG_PID", str(rng.randrange(300, 400000))), ("_UID", "0"),
                ("_SOURCE_REALTIME_TIMESTAMP", str(t - rng.randrange(1000))),
                ("PRIORITY", rng.choices("6543", weights=(70, 15, 10, 5))[0]),
                ("MESSAGE", fill(rng, msg, t, n))]
    if r < 0.98:
        return [("_TRANSPORT", "journal"), ("SYSLOG_IDENTIFIER", "gnome-shell"),
                ("_SYSTEMD_USER_UNIT", "org.gnome.Shell@wayland.service"), ("PRIORITY", "4"),
                ("CODE_FILE", "../src/st/st-widget.c"), ("CODE_LINE", str(rng.randrange(3000))),
                ("MESSAGE", fill(rng, "Window manager warning: Buggy client sent a _NET_ACTIVE_WINDOW "
                                      "message with a timestamp of {n} for 0x{hex}", t, n))]
    return [("_TRANSPORT", "audit"), ("SYSLOG_IDENTIFIER", "audit"), ("_AUDIT_TYPE", "1105"),
            ("_AUDIT_TYPE_NAME", "USER_START"), ("_AUDIT_ID", str(n)),
            ("MESSAGE", fill(rng, "USER_START pid={pid} uid=0 auid=1000 ses={a} subj=unconfined "
                                  "msg='op=PAM:session_open acct=\"alice\" exe=\"/usr/sbin/cron\" "
                                  "hostname=? addr=? terminal=cron res=success'", t, n))]


def long_record(rng, fields):
    """Makes a record's MESSAGE longer than journald's compression threshold
    (512 bytes): a file path deep in a snap's data folder."""
    out = []
    for name, value in fields:
        if name == "MESSAGE" and 'name="' in value:
            deep = "/".join("folder-%d-%x" % (i, rng.getrandbits(24)) for i in range(24))
            value = value.replace('name="', 'name="/home/alice/snap/foo/common/%s/' % deep, 1)
        out.append((name, value))
    return out


def main():
    shape, total, first, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    boot_index = int(sys.argv[5]) if len(sys.argv) > 5 else 0
    stride = int(sys.argv[6]) if len(sys.argv) > 6 else 1000
    offset = int(sys.argv[7]) if len(sys.argv) > 7 else 0
    long_share = 0.33 if shape == "compressed" else 0.0
    out = sys.stdout.buffer
    chunk = []
    # One generator per file: the slices of a shape do not depend on each other.
    rng = random.Random("%s-%d-%d-%d" % (shape, total, first, offset))
    boot = BOOTS[boot_index % len(BOOTS)]
    mono = 1_000_000 + first * stride + offset
    for n in range(first, first + count):
        t = gen.T0 + n * stride + offset
        mono += stride
        head = [("__REALTIME_TIMESTAMP", str(t)), ("__MONOTONIC_TIMESTAMP", str(mono)),
                ("_BOOT_ID", boot), ("_MACHINE_ID", gen.MACHINE), ("_HOSTNAME", gen.HOST),
                ("_PID", str(rng.randrange(300, 4000000)))]
        if n % 100 == 50:
            body = gen.denial(rng, t, 100000 + n)
            if shape == "compressed" and rng.random() < 0.3:
                body = long_record(rng, body)
        else:
            body = distinct_noise(rng, t, n, long_share)
        chunk.append(gen.entry(head + body))
        if len(chunk) >= 10000:
            out.write(b"".join(chunk))
            chunk = []
    out.write(b"".join(chunk))


if __name__ == "__main__":
    main()
