#!/usr/bin/env python3
# make-fixtures.py
#
# Copyright 2026 The Snap Confine authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Writes the journal export-format fixtures of this folder. The records are
# composed from the shapes in shared/reference/denials.md (sections 2-4);
# the tests turn each .export file into a real journal file with
# systemd-journal-remote. Run it again after changing a record:
#
#   python3 tests/data/journal/make-fixtures.py tests/data/journal
#
# journalctl-short.log is real journalctl output of two of them:
#
#   TZ=UTC journalctl --file kernel.journal --file user-dbus.journal -o short --all
#
# Values containing a newline use the binary-safe form of the export
# format (name, newline, 64-bit little-endian length, data, newline).

import os
import struct
import sys

BOOT = "4f3c2d1e0a9b8c7d6e5f4a3b2c1d0e9f"
BOOT_OLD = "11111111222233334444555566667777"
MACHINE_ALPHA = "a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1"
MACHINE_BETA = "b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2"

# 2024-06-10T14:53:21Z
T0 = 1718031201


def entry(fields):
    out = bytearray()
    for name, value in fields:
        data = value.encode() if isinstance(value, str) else value
        if b"\n" in data:
            out += name.encode() + b"\n" + struct.pack("<Q", len(data)) + data + b"\n"
        else:
            out += name.encode() + b"=" + data + b"\n"
    return bytes(out) + b"\n"


class Writer:
    def __init__(self, host, machine, boot=BOOT, start_mono=5_000_000):
        self.host = host
        self.machine = machine
        self.boot = boot
        self.mono = start_mono
        self.entries = []

    def add(self, t_usec, message, transport="kernel", extra=()):
        self.mono += 1000
        fields = [
            ("__REALTIME_TIMESTAMP", str(t_usec)),
            ("__MONOTONIC_TIMESTAMP", str(self.mono)),
            ("_BOOT_ID", self.boot),
            ("_MACHINE_ID", self.machine),
            ("_HOSTNAME", self.host),
            ("_TRANSPORT", transport),
        ]
        if transport == "kernel":
            fields += [("SYSLOG_IDENTIFIER", "kernel"), ("SYSLOG_FACILITY", "0"),
                       ("PRIORITY", "5")]
        fields += list(extra)
        fields.append(("MESSAGE", message))
        self.entries.append(entry(fields))

    def kernel_audit(self, t, serial, type_, body):
        """A printk copy: audit: type=N audit(S.MS:SERIAL): BODY."""
        sec, ms = divmod(t, 1000)
        self.add(t * 1000 + 150, f"audit: type={type_} audit({sec}.{ms:03d}:{serial}): {body}")

    def audit(self, t, serial, type_, type_name, body, extra=()):
        """The journald audit-socket shape: TYPE_NAME BODY, header stripped."""
        sec, ms = divmod(t, 1000)
        self.add(t * 1000 + 900, f"{type_name} {body}", transport="audit", extra=[
            ("SYSLOG_FACILITY", "4"), ("SYSLOG_IDENTIFIER", "audit"),
            ("_AUDIT_TYPE", str(type_)), ("_AUDIT_TYPE_NAME", type_name),
            ("_AUDIT_ID", str(serial)),
            ("_SOURCE_REALTIME_TIMESTAMP", str(t * 1000)),
        ] + list(extra))

    def syslog(self, t, ident, message, pid="1202", extra=()):
        self.add(t * 1000, message, transport="syslog", extra=[
            ("SYSLOG_IDENTIFIER", ident), ("SYSLOG_PID", pid), ("_COMM", ident),
            ("SYSLOG_FACILITY", "3"), ("PRIORITY", "5")] + list(extra))

    def write(self, path):
        with open(path, "wb") as f:
            for e in self.entries:
                f.write(e)


FILE_FOO = ('apparmor="DENIED" operation="open" class="file" profile="snap.foo.foo" '
            'name="/etc/foo.conf" pid=4242 comm="foo" requested_mask="r" denied_mask="r" '
            'fsuid=1000 ouid=0')
USER_AVC_BODY = ('pid=935 uid=101 auid=4294967295 ses=4294967295 subj=unconfined '
                 'msg=\'apparmor="DENIED" operation="dbus_method_call"  bus="system" '
                 'path="/org/freedesktop/timedate1" interface="org.freedesktop.DBus.Properties" '
                 'member="GetAll" mask="send" name=":1.104" pid=2834 label="snap.foo.foo" '
                 'peer_pid=3039 peer_label="unconfined"\n'
                 '                exe="/usr/bin/dbus-daemon" sauid=101 hostname=? addr=? terminal=?\'')


def kernel_fixture(path):
    """Kernel transport (printk copies): every class, both modes, noise,
    rate limiting, and unrelated kernel and syslog entries in between."""
    w = Writer("alpha", MACHINE_ALPHA)
    kernel_fixture_into(w)
    w.write(path)


def kernel_fixture_into(w):
    t = T0 * 1000 + 482
    w.add(t * 1000 - 5000, "usb 1-1: new high-speed USB device number 3 using xhci_hcd")
    w.syslog(T0 * 1000, "cron", "(root) CMD (run-parts /etc/cron.hourly)", pid="777")
    # The same file denial three times: one group, count 3.
    for i in range(3):
        w.kernel_audit(t + i * 1000, 1187 + i, 1400, FILE_FOO)
    w.add(t * 1000 + 3_500_000, "EXT4-fs (sda1): re-mounted. Opts: errors=remount-ro")
    # devmode: ALLOWED write under the user's home, in a hook.
    w.kernel_audit(t + 4000, 1191, 1400,
                   'apparmor="ALLOWED" operation="mknod" class="file" '
                   'profile="snap.foo.hook.configure" name="/home/alice/.config/foo/state" '
                   'pid=4300 comm="configure" requested_mask="c" denied_mask="c" '
                   'fsuid=1000 ouid=1000')
    # Capability.
    w.kernel_audit(t + 5000, 1192, 1400,
                   'apparmor="DENIED" operation="capable" class="cap" profile="snap.foo.daemon" '
                   'pid=1702 comm="foo" capability=12  capname="net_admin"')
    # Network, old style without class=.
    w.kernel_audit(t + 6000, 1193, 1400,
                   'apparmor="DENIED" operation="create" profile="snap.foo.foo" pid=5790 '
                   'comm="node" family="inet6" sock_type="stream" protocol=0 '
                   'requested_mask="create" denied_mask="create"')
    # Unix socket to the X server (another snap).
    w.kernel_audit(t + 7000, 1194, 1400,
                   'apparmor="DENIED" operation="connect" profile="snap.vlc.vlc" pid=10770 '
                   'comm="glxinfo" family="unix" sock_type="stream" protocol=0 '
                   'requested_mask="send receive connect" denied_mask="send connect" addr=none '
                   'peer_addr="@/tmp/.X11-unix/X0" peer="unconfined"')
    # Hex-encoded path (a space in it).
    w.kernel_audit(t + 8000, 1195, 1400,
                   'apparmor="DENIED" operation="open" class="file" profile="snap.foo.foo" '
                   'name=2F686F6D652F616C6963652F4D7920446F63756D656E7473 pid=4242 comm="foo" '
                   'requested_mask="r" denied_mask="r" fsuid=1000 ouid=1000')
    # Seccomp devmode (LOG) on x86_64: 314 = sched_setattr.
    w.kernel_audit(t + 9000, 1196, 1326,
                   'auid=1000 uid=1000 gid=1000 ses=2 subj=snap.foo.foo pid=4242 comm="foo" '
                   'exe="/snap/foo/12/usr/bin/foo" sig=0 arch=c000003e syscall=314 compat=0 '
                   'ip=0x7f6d9a67c4e7 code=0x7ffc0000')
    # Seccomp strict on arm64: 40 = mount.
    w.kernel_audit(t + 10000, 1197, 1326,
                   'auid=1000 uid=1000 gid=1000 ses=2 subj=snap.foo.daemon pid=4250 comm="foo" '
                   'exe="/snap/foo/12/bin/foo" sig=0 arch=c00000b7 syscall=40 compat=0 '
                   'ip=0xffff9a67c4e7 code=0x50000')
    # System-bus D-Bus (USER_AVC with the embedded newline).
    w.kernel_audit(t + 11000, 1198, 1107, USER_AVC_BODY)
    # Noise: profile load and snap-confine capabilities.
    w.kernel_audit(t + 12000, 1199, 1400,
                   'apparmor="STATUS" operation="profile_replace" info="same as current profile, '
                   'skipping" profile="unconfined" name="snap.foo.foo" pid=800 '
                   'comm="apparmor_parser"')
    w.kernel_audit(t + 13000, 1200, 1400,
                   'apparmor="DENIED" operation="capable" class="cap" '
                   'profile="/usr/lib/snapd/snap-confine" pid=4241 comm="snap-confine" '
                   'capability=38  capname="perfmon"')
    # Rate limiting.
    w.add((t + 14000) * 1000, "kauditd_printk_skb: 12 callbacks suppressed")
    w.kernel_audit(t + 15000, 1201, 1400,
                   'apparmor="DENIED" operation="open" class="file" profile="snap.vlc.vlc" '
                   'name="/proc/4711/mounts" pid=4711 comm="vlc" requested_mask="r" '
                   'denied_mask="r" fsuid=1000 ouid=1000')
    # A dbus-daemon line that is not a denial.
    w.syslog((T0 + 20) * 1000, "dbus-daemon",
             "[system] Activating service name='org.freedesktop.hostname1'")


def audit_fixture(path):
    """journald's audit socket: AVC, SECCOMP and USER_AVC records (serial
    1187 repeats the first kernel record: counted once when both files are
    read), plus a SYSCALL record the matches must skip."""
    w = Writer("alpha", MACHINE_ALPHA, start_mono=5_000_500)
    t = T0 * 1000 + 482
    w.audit(t, 1187, 1400, "AVC", FILE_FOO)
    w.audit(t + 20000, 1300, 1400, "AVC",
            'apparmor="DENIED" operation="open" class="file" profile="snap.foo.foo" '
            'name="/sys/devices/virtual/dmi/id/product_name" pid=4242 comm="foo" '
            'requested_mask="r" denied_mask="r" fsuid=1000 ouid=0')
    w.audit(t + 21000, 1301, 1326, "SECCOMP",
            'auid=1000 uid=1000 gid=1000 ses=2 subj=snap.foo.foo pid=4242 comm="foo" '
            'exe="/snap/foo/12/usr/bin/foo" sig=0 arch=c000003e syscall=203 compat=0 '
            'ip=0x7f6d9a67c4e7 code=0x50000')
    w.audit(t + 22000, 1302, 1107, "USER_AVC", USER_AVC_BODY.replace("1.104", "1.105"))
    w.audit(t + 23000, 1303, 1300, "SYSCALL",
            'arch=c000003e syscall=2 success=no exit=-13 a0=7ffd a1=0 a2=1b6 a3=0 items=1 '
            'ppid=1 pid=4242 auid=1000 uid=1000 comm="foo" exe="/snap/foo/12/usr/bin/foo" '
            'subj=snap.foo.foo key=(null) apparmor="DENIED"')
    w.write(path)


def user_dbus_fixture(path):
    """The user journal: session-bus denials logged by the user's
    dbus-daemon through syslog, and some of its ordinary lines."""
    w = Writer("alpha", MACHINE_ALPHA, start_mono=6_000_000)
    extra = [("_UID", "1000"), ("_SYSTEMD_USER_UNIT", "dbus.service")]
    w.syslog((T0 + 40) * 1000, "dbus-daemon",
             "[session uid=1000 pid=1202] Successfully activated service "
             "'org.freedesktop.portal.Desktop'", extra=extra)
    for i in range(2):
        w.syslog((T0 + 41 + i) * 1000, "dbus-daemon",
                 'apparmor="DENIED" operation="dbus_method_call"  bus="session" '
                 'path="/org/freedesktop/Notifications" interface="org.freedesktop.Notifications" '
                 'member="Notify" mask="send" name="org.freedesktop.Notifications" pid=10640 '
                 'label="snap.foo.foo" peer_pid=2100 peer_label="unconfined"', extra=extra)
    w.syslog((T0 + 45) * 1000, "dbus-daemon",
             'apparmor="ALLOWED" operation="dbus_method_call"  bus="session" '
             'path="/org/gnome/ScreenSaver" interface="org.gnome.ScreenSaver" member="Inhibit" '
             'mask="send" name="org.gnome.ScreenSaver" pid=10640 label="snap.notes.notes" '
             'peer_pid=2101 peer_label="unconfined"', extra=extra)
    w.write(path)


def remote_fixture(path, host, machine, offset):
    """One machine's journal as systemd-journal-remote stores it."""
    w = Writer(host, machine, boot=BOOT_OLD if host == "beta" else BOOT, start_mono=7_000_000)
    t = T0 * 1000 + 482 + offset
    w.add(t * 1000 - 1000, "Bluetooth: hci0: command 0x0c03 tx timeout")
    w.kernel_audit(t, 2000 + offset, 1400,
                   'apparmor="DENIED" operation="open" class="file" profile="snap.foo.foo" '
                   'name="/etc/machine-info" pid=4242 comm="foo" requested_mask="r" '
                   'denied_mask="r" fsuid=1000 ouid=0')
    w.write(path)


def text_fixtures(out):
    """Text logs holding the same kernel records as kernel.export: classic
    syslog, RFC 3339 kern.log (Debian 12 rsyslog), auditd's audit.log and a
    saved `journalctl -o short` (with the indented continuation line)."""
    import datetime
    w = Writer("alpha", MACHINE_ALPHA)
    kernel_fixture_into(w)
    syslog_lines, kern_lines, audit_lines = [], [], []
    uptime = 81461.134792
    for e in w.entries:
        fields = parse_entry(e)
        t = int(fields["__REALTIME_TIMESTAMP"])
        dt = datetime.datetime.fromtimestamp(t / 1e6, datetime.timezone.utc)
        msg = fields["MESSAGE"]
        ident = fields.get("SYSLOG_IDENTIFIER", "kernel")
        if ident == "kernel":
            tag = "kernel: [%12.6f] " % (uptime + (t - T0 * 1_000_000) / 1e6)
        else:
            tag = "%s[%s]: " % (ident, fields.get("SYSLOG_PID", "1"))
        # rsyslog escapes control characters as #ooo.
        flat = msg.replace("\n", "#012")
        syslog_lines.append(dt.strftime("%b %e %H:%M:%S") + " alpha " + tag + flat)
        kern_lines.append(dt.strftime("%Y-%m-%dT%H:%M:%S.%f+00:00") + " alpha " + tag + flat)
        if msg.startswith("audit: type="):
            type_ = int(msg[12:16])
            name = {1400: "AVC", 1326: "SECCOMP", 1107: "USER_AVC"}[type_]
            header_end = msg.index("): ") + 3
            header = msg[msg.index("audit("):header_end - 2]
            body = msg[header_end:].replace("\n", " ").replace("                ", "")
            if name == "USER_AVC":
                # auditd writes the dbus-daemon trailer on the same line.
                body = body.replace("\n", " ")
            line = "type=%s msg=%s: %s" % (name, header, body)
            if name == "SECCOMP":
                # log_format=ENRICHED appends the interpreted fields.
                line += '\x1dAUID="alice" UID="alice" GID="alice" ARCH=x86_64 SYSCALL=sched_setattr'
            audit_lines.append(line)
    audit_lines.insert(1, "type=SYSCALL msg=audit(1718031201.482:1187): arch=c000003e syscall=257 "
                       "success=no exit=-13 a0=ffffff9c a1=7ffd a2=0 a3=0 items=1 ppid=1 "
                       "pid=4242 auid=1000 uid=1000 comm=\"foo\" exe=\"/snap/foo/12/usr/bin/foo\" "
                       "subj=snap.foo.foo key=(null)")
    with open(os.path.join(out, "syslog.log"), "w") as f:
        f.write("\n".join(syslog_lines) + "\n")
    with open(os.path.join(out, "kern.log"), "w") as f:
        f.write("\n".join(kern_lines) + "\n")
    with open(os.path.join(out, "audit.log"), "w") as f:
        f.write("\n".join(audit_lines) + "\n")


def parse_entry(data):
    fields = {}
    i = 0
    while i < len(data):
        nl = data.index(b"\n", i)
        line = data[i:nl]
        if not line:
            break
        if b"=" in line:
            k, v = line.split(b"=", 1)
            fields[k.decode()] = v.decode()
            i = nl + 1
        else:
            n = struct.unpack("<Q", data[nl + 1:nl + 9])[0]
            fields[line.decode()] = data[nl + 9:nl + 9 + n].decode()
            i = nl + 9 + n + 1
    return fields


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    kernel_fixture(os.path.join(out, "kernel.export"))
    audit_fixture(os.path.join(out, "audit.export"))
    user_dbus_fixture(os.path.join(out, "user-dbus.export"))
    remote_fixture(os.path.join(out, "remote-alpha.export"), "alpha", MACHINE_ALPHA, 0)
    remote_fixture(os.path.join(out, "remote-beta.export"), "beta", MACHINE_BETA, 60000)
    text_fixtures(out)


if __name__ == "__main__":
    main()
