#!/usr/bin/env python3
# gen-journal.py
#
# Copyright 2026 The Snap Confine authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Writes N journal entries in export format to stdout, of which 1 % are
# confinement records in mixed shapes (kernel-transport AVC and SECCOMP,
# audit-transport AVC/SECCOMP/USER_AVC, kernel USER_AVC with its embedded
# newline, session-bus dbus-daemon lines; several snaps and apps; file,
# network, unix, capability, dbus and seccomp classes) and the rest is the
# usual traffic of a desktop: kernel driver messages, syslog from services,
# stdout of units, non-AVC audit records and ordinary dbus-daemon lines.
#
#   python3 bench/gen-journal.py 1000000 | \
#     /lib/systemd/systemd-journal-remote -o DIR/bench.journal -
#
# The output is deterministic (fixed seed), so the cached journal can be
# rebuilt identically.

import random
import struct
import sys

BOOT = "9d1c5e0a2b3f4c5d6e7f8091a2b3c4d5"
MACHINE = "c0ffee00c0ffee00c0ffee00c0ffee00"
HOST = "benchhost"
T0 = 1718000000_000000

SNAPS = [("foo", ["foo", "daemon", "hook.configure"]), ("bar", ["bar", "worker"]),
         ("baz", ["baz"]), ("vlc", ["vlc"]), ("notes", ["notes", "hook.install"])]

KERNEL_NOISE = [
    "usb 1-1: new high-speed USB device number {n} using xhci_hcd",
    "EXT4-fs (nvme0n1p2): re-mounted. Opts: errors=remount-ro",
    "wlp2s0: associated",
    "IPv6: ADDRCONF(NETDEV_CHANGE): wlp2s0: link becomes ready",
    "Bluetooth: hci0: command 0x0c03 tx timeout",
    "[UFW BLOCK] IN=wlp2s0 OUT= MAC=01:00:5e:00:00:fb SRC=192.168.1.{n} DST=224.0.0.251 "
    "LEN=32 TOS=0x00 PREC=0x00 TTL=1 ID={n} PROTO=2",
    "i915 0000:00:02.0: [drm] GuC firmware i915/tgl_guc_70.bin version 70.5.1",
    "audit: type=1131 audit({s}.{ms:03d}:{n}): pid=1 uid=0 auid=4294967295 ses=4294967295 "
    "subj=unconfined msg='unit=systemd-tmpfiles-clean comm=\"systemd\" "
    "exe=\"/usr/lib/systemd/systemd\" hostname=? addr=? terminal=? res=success'",
    "loop{n}: detected capacity change from 0 to 8",
    "perf: interrupt took too long (2503 > 2500), lowering kernel.perf_event_max_sample_rate",
]
SYSLOG_NOISE = [
    ("sshd", "Accepted publickey for alice from 192.168.1.{n} port 50{n} ssh2"),
    ("CRON", "(root) CMD (command -v debian-sa1 > /dev/null && debian-sa1 1 1)"),
    ("NetworkManager", "<info>  [{s}.{ms:03d}] device (wlp2s0): state change: activated"),
    ("systemd", "Started Session {n} of User alice."),
    ("gnome-shell", "JS ERROR: TypeError: this._items[{n}] is undefined"),
    ("snapd", "storehelpers.go:{n}: cannot refresh: snap has no updates available"),
    ("dbus-daemon", "[system] Successfully activated service 'org.freedesktop.hostname1'"),
    ("kernel", "this is a /dev/kmsg line written by a user, not the kernel {n}"),
]


def entry(fields):
    out = []
    for name, value in fields:
        if "\n" in value:
            data = value.encode()
            out.append(name.encode() + b"\n" + struct.pack("<Q", len(data)) + data + b"\n")
        else:
            out.append(("%s=%s\n" % (name, value)).encode())
    out.append(b"\n")
    return b"".join(out)


def denial(rng, t, serial):
    snap, apps = rng.choice(SNAPS)
    app = rng.choice(apps)
    label = "snap.%s.%s" % (snap, app)
    sec, ms = divmod(t // 1000, 1000)
    kind = rng.randrange(10)
    pid = rng.randrange(1000, 60000)
    if kind < 4:
        name = rng.choice(["/etc/%s.conf" % snap, "/proc/%d/mounts" % pid,
                           "/home/alice/Documents/report-%d.odt" % rng.randrange(50),
                           "/sys/devices/virtual/dmi/id/product_name",
                           "/run/user/1000/wayland-0", "/dev/video0"])
        mode = rng.choice(["DENIED", "ALLOWED"])
        body = ('apparmor="%s" operation="open" class="file" profile="%s" name="%s" pid=%d '
                'comm="%s" requested_mask="r" denied_mask="r" fsuid=1000 ouid=0'
                % (mode, label, name, pid, snap))
        type_, type_name = 1400, "AVC"
    elif kind == 4:
        body = ('apparmor="DENIED" operation="create" class="net" profile="%s" pid=%d '
                'comm="%s" family="%s" sock_type="stream" protocol=0 requested="create" '
                'denied="create"' % (label, pid, snap, rng.choice(["inet", "inet6", "netlink"])))
        type_, type_name = 1400, "AVC"
    elif kind == 5:
        body = ('apparmor="DENIED" operation="capable" class="cap" profile="%s" pid=%d '
                'comm="%s" capability=12  capname="%s"'
                % (label, pid, snap, rng.choice(["net_admin", "sys_admin", "sys_nice"])))
        type_, type_name = 1400, "AVC"
    elif kind == 6:
        body = ('apparmor="DENIED" operation="connect" profile="%s" pid=%d comm="%s" '
                'family="unix" sock_type="stream" protocol=0 requested_mask="send receive connect" '
                'denied_mask="send connect" addr=none peer_addr="@/tmp/.X11-unix/X0" '
                'peer="unconfined"' % (label, pid, snap))
        type_, type_name = 1400, "AVC"
    elif kind == 7:
        body = ('auid=1000 uid=1000 gid=1000 ses=2 subj=%s pid=%d comm="%s" '
                'exe="/snap/%s/12/usr/bin/%s" sig=0 arch=c000003e syscall=%d compat=0 '
                'ip=0x7f6d9a67c4e7 code=%s'
                % (label, pid, snap, snap, snap, rng.choice([314, 203, 141, 165]),
                   rng.choice(["0x50000", "0x7ffc0000"])))
        type_, type_name = 1326, "SECCOMP"
    elif kind == 8:
        body = ('pid=935 uid=101 auid=4294967295 ses=4294967295 subj=unconfined '
                'msg=\'apparmor="DENIED" operation="dbus_method_call"  bus="system" '
                'path="/org/freedesktop/timedate1" interface="org.freedesktop.DBus.Properties" '
                'member="GetAll" mask="send" name=":1.%d" pid=%d label="%s" peer_pid=3039 '
                'peer_label="unconfined"\n                exe="/usr/bin/dbus-daemon" sauid=101 '
                'hostname=? addr=? terminal=?\'' % (rng.randrange(200), pid, label))
        type_, type_name = 1107, "USER_AVC"
    else:
        # Session bus: syslog line from the user's dbus-daemon.
        msg = ('apparmor="DENIED" operation="dbus_method_call"  bus="session" '
               'path="/org/freedesktop/Notifications" interface="org.freedesktop.Notifications" '
               'member="Notify" mask="send" name="org.freedesktop.Notifications" pid=%d '
               'label="%s" peer_pid=2100 peer_label="unconfined"' % (pid, label))
        return [("_TRANSPORT", "syslog"), ("SYSLOG_IDENTIFIER", "dbus-daemon"),
                ("SYSLOG_PID", "1202"), ("_UID", "1000"), ("PRIORITY", "5"), ("MESSAGE", msg)]

    if rng.random() < 0.3:
        # journald's audit socket shape.
        return [("_TRANSPORT", "audit"), ("SYSLOG_IDENTIFIER", "audit"), ("SYSLOG_FACILITY", "4"),
                ("_AUDIT_TYPE", str(type_)), ("_AUDIT_TYPE_NAME", type_name),
                ("_AUDIT_ID", str(serial)), ("_SOURCE_REALTIME_TIMESTAMP", str(t)),
                ("MESSAGE", "%s %s" % (type_name, body))]
    return [("_TRANSPORT", "kernel"), ("SYSLOG_IDENTIFIER", "kernel"), ("PRIORITY", "5"),
            ("MESSAGE", "audit: type=%d audit(%d.%03d:%d): %s" % (type_, sec, ms, serial, body))]


def noise(rng, t, n):
    sec, ms = divmod(t // 1000, 1000)
    r = rng.random()
    if r < 0.30:
        # Kernel messages: mostly info, the rest notice, warning, error
        # (audit's own printk copies are notice, like the records).
        msg = rng.choice(KERNEL_NOISE).format(n=n % 997, s=sec, ms=ms)
        prio = rng.choices("6543", weights=(60, 15, 18, 7))[0]
        return [("_TRANSPORT", "kernel"), ("SYSLOG_IDENTIFIER", "kernel"), ("PRIORITY", prio),
                ("MESSAGE", msg)]
    if r < 0.80:
        ident, msg = rng.choice(SYSLOG_NOISE)
        prio = rng.choices("6543", weights=(70, 15, 10, 5))[0]
        return [("_TRANSPORT", "syslog"), ("SYSLOG_IDENTIFIER", ident),
                ("SYSLOG_PID", str(1000 + n % 5000)), ("_UID", "0"), ("PRIORITY", prio),
                ("MESSAGE", msg.format(n=n % 997, s=sec, ms=ms))]
    if r < 0.97:
        return [("_TRANSPORT", "stdout"), ("SYSLOG_IDENTIFIER", "gnome-session"),
                ("_SYSTEMD_UNIT", "user@1000.service"), ("PRIORITY", "6"),
                ("MESSAGE", "gnome-session-binary[%d]: WARNING: App 'org.gnome.Evolution-alarm-"
                            "notify.desktop' exited with code %d" % (2000 + n % 100, n % 3))]
    return [("_TRANSPORT", "audit"), ("SYSLOG_IDENTIFIER", "audit"), ("_AUDIT_TYPE", "1105"),
            ("_AUDIT_TYPE_NAME", "USER_START"), ("_AUDIT_ID", str(n)),
            ("MESSAGE", "USER_START pid=%d uid=0 auid=1000 ses=3 subj=unconfined "
                        "msg='op=PAM:session_open acct=\"alice\" exe=\"/usr/sbin/cron\" "
                        "hostname=? addr=? terminal=cron res=success'" % (1000 + n % 5000))]


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    rng = random.Random(4)
    out = sys.stdout.buffer
    chunk = []
    mono = 1_000_000
    for n in range(count):
        t = T0 + n * 1000
        mono += 1000
        head = [("__REALTIME_TIMESTAMP", str(t)), ("__MONOTONIC_TIMESTAMP", str(mono)),
                ("_BOOT_ID", BOOT), ("_MACHINE_ID", MACHINE), ("_HOSTNAME", HOST)]
        body = denial(rng, t, 100000 + n) if n % 100 == 50 else noise(rng, t, n)
        chunk.append(entry(head + body))
        if len(chunk) >= 10000:
            out.write(b"".join(chunk))
            chunk = []
    out.write(b"".join(chunk))


if __name__ == "__main__":
    main()
