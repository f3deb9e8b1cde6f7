#!/usr/bin/env python3
# test-cli-denials.py
#
# Copyright 2026 The Snap Confine authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# End-to-end tests of `snapconfine-cli denials` (TAP). Real journal files are
# made here from the export-format fixtures in tests/data/journal/ with
# systemd-journal-remote; the text-log fixtures are read as they are.

import json
import os
import re
import select
import shutil
import subprocess
import sys
import tempfile
import time

CLI = os.environ.get("SNAPCONFINE_CLI")
SRCDIR = os.environ.get("G_TEST_SRCDIR", os.path.dirname(os.path.abspath(__file__)))
FIXTURES = os.path.join(SRCDIR, "data", "journal")
JOURNAL_REMOTE = "/lib/systemd/systemd-journal-remote"
KEYS = {"snap", "instance", "app", "hook", "kind", "mode", "operation", "object",
        "object_pattern", "permissions", "count", "first_seen", "last_seen", "hosts", "noise",
        "noise_reason", "details", "suggestions", "fix"}
SUGGESTION_KEYS = {"interface", "reason", "auto_connect", "store_approval", "plug"}
ISO = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$")

import sctap
from sctap import check, skip


def run(args, stdin=None, env=None, user=None):
    cmd = [CLI] + args
    if user is not None:
        cmd = ["setpriv", "--reuid=%d" % user, "--regid=%d" % user, "--clear-groups"] + cmd
    e = dict(os.environ, TZ="UTC")
    if env:
        e.update(env)
    return subprocess.run(cmd, input=stdin, capture_output=True, env=e, timeout=120)


def make_journal(fixture, out):
    with open(os.path.join(FIXTURES, fixture), "rb") as f:
        subprocess.run([JOURNAL_REMOTE, "-o", out, "-"], stdin=f, check=True,
                       stderr=subprocess.DEVNULL)


def groups_of(proc):
    return json.loads(proc.stdout.decode())


def total(groups):
    return sum(g["count"] for g in groups)


def find(groups, obj):
    return [g for g in groups if g["object"] == obj]


def test_journal_directory(tmp):
    d = os.path.join(tmp, "system")
    os.mkdir(d)
    make_journal("kernel.export", os.path.join(d, "system.journal"))
    make_journal("audit.export", os.path.join(d, "audit.journal"))
    make_journal("user-dbus.export", os.path.join(d, "user-1000.journal"))

    p = run(["denials", "--directory", d, "--json"])
    check("denials --json exits 0", p.returncode == 0, p.stderr.decode())
    try:
        groups = groups_of(p)
    except ValueError as e:
        check("stdout is one JSON array and nothing else", False, str(e))
        return d
    check("stdout is one JSON array and nothing else", isinstance(groups, list))
    # Kernel 14 + audit 4 + user 3, minus the audit copy of serial 1187.
    check("every record counted once across transports", total(groups) == 20,
          "total %d" % total(groups))
    foo_conf = find(groups, "/etc/foo.conf")
    check("repeated denial is one group with count 3",
          len(foo_conf) == 1 and foo_conf[0]["count"] == 3, foo_conf)
    check("group objects have exactly the documented keys",
          all(set(g) == KEYS for g in groups), [sorted(set(g) ^ KEYS) for g in groups][:1])
    check("suggestions have the documented keys",
          all(set(s) == SUGGESTION_KEYS for g in groups for s in g["suggestions"]))
    check("times are ISO 8601 UTC with microseconds",
          all(ISO.match(g["first_seen"]) and ISO.match(g["last_seen"]) for g in groups))
    g = foo_conf[0] if foo_conf else {}
    check("first/last seen of the group",
          g.get("first_seen") == "2024-06-10T14:53:21.482000Z" and
          g.get("last_seen") == "2024-06-10T14:53:23.482000Z", g)
    check("kind, mode, snap, app and permissions",
          (g.get("kind"), g.get("mode"), g.get("snap"), g.get("app"), g.get("hook"),
           g.get("permissions")) == ("file", "denied", "foo", "foo", None, "r"), g)
    check("hosts from _HOSTNAME", g.get("hosts") == ["alpha"], g.get("hosts"))
    kinds = {x["kind"] for x in groups}
    check("file, network, unix, capability, dbus and seccomp kinds present",
          {"file", "network", "unix", "capability", "dbus", "seccomp"} <= kinds, kinds)
    check("devmode records are 'allowed', seccomp LOG is 'logged'",
          {"allowed", "logged", "denied"} <= {x["mode"] for x in groups})
    hook = [x for x in groups if x["hook"] == "configure"]
    check("hook records carry the hook, not an app",
          len(hook) == 1 and hook[0]["app"] is None, hook)
    noise = [x for x in groups if x["noise"]]
    check("STATUS and snap-confine records are kept apart as noise", len(noise) == 2, noise)
    check("session-bus D-Bus records from the user journal",
          any(x["kind"] == "dbus" and "Notifications" in (x["object"] or "") for x in groups))
    stderr = p.stderr.decode()
    check("lost records reported on stderr",
          "12 records were lost" in stderr and "printk_ratelimit=0" in stderr, stderr)

    p = run(["denials", "--directory", d])
    out = p.stdout.decode()
    check("text mode: grouped table with counts",
          p.returncode == 0 and "foo, app foo:" in out and "3×" in out and "/etc/foo.conf" in out,
          out[:400])
    check("text mode: noise listed apart", "snapd itself" in out, out[-600:])

    p = run(["denials", "--directory", d, "--json", "--snap", "vlc"])
    groups = groups_of(p)
    check("--snap keeps only that snap",
          p.returncode == 0 and groups and all(x["snap"] == "vlc" for x in groups), groups)
    check("--snap vlc finds both of its records", total(groups) == 2, total(groups))
    return d


def test_since(d):
    # From 14:53:36: the vlc /proc/PID/mounts record, three audit-socket
    # records and the three session-bus lines.
    cases = [
        ("2024-06-10T14:53:36Z", 7),          # ISO 8601 with zone
        ("2024-06-10 14:53:36", 7),           # journalctl style, local time (TZ=UTC)
        ("@1718031216", 7),                   # Unix time
        ("2024-06-10", 20),                   # a date: midnight
        ("-1h", 0),                           # relative: the fixtures are from 2024
        ("-2d", 0),
    ]
    for text, expected in cases:
        p = run(["denials", "--directory", d, "--json", "--since", text])
        ok = p.returncode == 0
        got = total(groups_of(p)) if ok else None
        check("--since %s → %d records" % (text, expected), ok and got == expected,
              "rc %d, got %s, %s" % (p.returncode, got, p.stderr.decode()))
    p = run(["denials", "--directory", d, "--json", "--since", "last tuesday"])
    check("--since with an unknown format is a usage error (2)",
          p.returncode == 2 and "since" in p.stderr.decode(), p.stderr.decode())


NEWER_BOOT = "0f1e2d3c4b5a69788796a5b4c3d2e1f0"


def newer_boot_export():
    """Two records of a later boot than the fixtures' (as a test machine's
    journal copied here after a reboot)."""
    out = []
    for i, name in enumerate(["/etc/newer-boot-a", "/etc/newer-boot-b"]):
        t = 1900000000 + i
        out.append(
            "__REALTIME_TIMESTAMP=%d\n__MONOTONIC_TIMESTAMP=%d\n_BOOT_ID=%s\n"
            "_HOSTNAME=alpha\n_TRANSPORT=kernel\nSYSLOG_IDENTIFIER=kernel\n"
            "MESSAGE=audit: type=1400 audit(%d.000:%d): apparmor=\"DENIED\" "
            "operation=\"open\" class=\"file\" profile=\"snap.foo.foo\" name=\"%s\" "
            "pid=1 comm=\"foo\" requested_mask=\"r\" denied_mask=\"r\" fsuid=0 ouid=0\n"
            % (t * 1000000, (i + 1) * 1000000, NEWER_BOOT, t, 9000 + i, name))
    return "".join(e + "\n" for e in out).encode()


def test_boot(d, tmp):
    # The fixtures' own newest boot, as journalctl -D -b picks it: the
    # same records as journalctl's export of that boot read back.
    p = run(["denials", "--directory", d, "--json", "--boot"])
    exported = os.path.join(tmp, "boot-export")
    os.mkdir(exported)
    e = subprocess.run(["journalctl", "-D", d, "-b", "-o", "export"], capture_output=True)
    if e.returncode != 0:
        skip("--boot against journalctl -b", "journalctl -D -b failed: %s" % e.stderr.decode())
    else:
        subprocess.run([JOURNAL_REMOTE, "-o", os.path.join(exported, "b.journal"), "-"],
                       input=e.stdout, check=True, stderr=subprocess.DEVNULL)
        q = run(["denials", "--directory", exported, "--json"])
        check("--boot on a folder keeps the records of its newest boot, as journalctl -b",
              p.returncode == 0 and q.returncode == 0 and total(groups_of(p)) > 0 and
              groups_of(p) == groups_of(q),
              "rc %d/%d, %s vs %s" % (p.returncode, q.returncode, p.stdout[:200], q.stdout[:200]))
    # A later boot in the folder: only its two records.
    later = os.path.join(tmp, "later-boot")
    os.mkdir(later)
    for name in os.listdir(d):
        if name.endswith(".journal"):
            shutil.copy(os.path.join(d, name), later)
    subprocess.run([JOURNAL_REMOTE, "-o", os.path.join(later, "newer.journal"), "-"],
                   input=newer_boot_export(), check=True, stderr=subprocess.DEVNULL)
    p = run(["denials", "--directory", later, "--json", "--boot"])
    objects = sorted(g["object"] for g in groups_of(p)) if p.returncode == 0 else None
    check("--boot on a folder with a later boot keeps that boot's records only",
          objects == ["/etc/newer-boot-a", "/etc/newer-boot-b"], "%s %s" % (objects, p.stderr))


def test_files_and_hosts(tmp):
    a = os.path.join(tmp, "remote-alpha.journal")
    b = os.path.join(tmp, "remote-beta.journal")
    make_journal("remote-alpha.export", a)
    make_journal("remote-beta.export", b)
    p = run(["denials", "--file", a, b, "--json"])
    groups = groups_of(p) if p.returncode == 0 else []
    check("--file takes several journal files", p.returncode == 0 and total(groups) == 2,
          p.stderr.decode())
    check("one group, both hosts",
          len(groups) == 1 and groups[0]["hosts"] == ["alpha", "beta"], groups)
    p = run(["denials", "--file", a, "--file", b, "--json"])
    check("--file may be repeated", p.returncode == 0 and total(groups_of(p)) == 2)
    p = run(["denials", "--file", a, "--log", a])
    check("two sources is a usage error (2)", p.returncode == 2, p.stderr.decode())
    p = run(["denials", "--directory", os.path.join(tmp, "missing")])
    check("a missing directory exits 3", p.returncode == 3, p.stderr.decode())
    p = run(["denials", "--log", os.path.join(tmp, "missing.log")])
    check("a missing log exits 3 and names it",
          p.returncode == 3 and "missing.log" in p.stderr.decode(), p.stderr.decode())
    p = run(["denials", "--bogus"])
    check("an unknown option exits 2", p.returncode == 2)


def test_logs():
    expected = {"syslog.log": 14, "kern.log": 14, "audit.log": 14, "journalctl-short.log": 17}
    for name, n in sorted(expected.items()):
        path = os.path.join(FIXTURES, name)
        p = run(["denials", "--log", path, "--json"])
        groups = groups_of(p) if p.returncode == 0 else []
        check("--log %s: %d records" % (name, n), total(groups) == n,
              "rc %d total %d %s" % (p.returncode, total(groups), p.stderr.decode()))
    with open(os.path.join(FIXTURES, "kern.log"), "rb") as f:
        p = run(["denials", "--log", "-", "--json"], stdin=f.read())
    check("--log - reads standard input",
          p.returncode == 0 and total(groups_of(p)) == 14, p.stderr.decode())


def test_permissions(tmp, d):
    if os.geteuid() != 0 or shutil.which("setpriv") is None:
        skip("unreadable sources as an unprivileged user", "needs root and setpriv")
        return
    nobody = 65534
    # The temporary folder is 0700: nobody cannot look into it.
    p = run(["denials", "--directory", d, "--json"], user=nobody)
    check("unreadable journal directory: exit 3, not an empty list",
          p.returncode == 3 and p.stdout == b"" and "ermission" in p.stderr.decode(),
          "rc %d out %r err %s" % (p.returncode, p.stdout[:80], p.stderr.decode()))
    log = os.path.join(FIXTURES, "kern.log")
    private = os.path.join("/tmp", "sc-private-%d.log" % os.getpid())
    shutil.copy(log, private)
    os.chmod(private, 0o600)
    try:
        p = run(["denials", "--log", private], user=nobody)
        check("unreadable log: exit 3 with the reason",
              p.returncode == 3 and "ermission" in p.stderr.decode(), p.stderr.decode())
    finally:
        os.unlink(private)
    # The default source as nobody: with system journal files on this
    # machine the answer must be the permission error naming the group;
    # without any, a warning that only the user journal was read.
    have_system = any(f.startswith("system")
                      for root in ("/var/log/journal", "/run/log/journal")
                      if os.path.isdir(root)
                      for sub in os.listdir(root)
                      if os.path.isdir(os.path.join(root, sub))
                      for f in os.listdir(os.path.join(root, sub)))
    p = run(["denials", "--json"], user=nobody)
    if have_system:
        check("system journal as nobody: exit 3 and how to fix it",
              p.returncode == 3 and "systemd-journal" in p.stderr.decode() and p.stdout == b"",
              p.stderr.decode())
    else:
        check("no system journal: says only the user journal was read",
              p.returncode == 0 and "only the user journal" in p.stderr.decode(),
              p.stderr.decode())


class Follower:
    def __init__(self, args):
        self.proc = subprocess.Popen([CLI, "denials", "--follow", "--json"] + args,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                     env=dict(os.environ, TZ="UTC"))
        os.set_blocking(self.proc.stdout.fileno(), False)
        self.buf = b""

    def lines_until(self, predicate, timeout):
        deadline = time.monotonic() + timeout
        while True:
            complete = self.buf[:self.buf.rfind(b"\n") + 1]
            lines = [json.loads(x) for x in complete.decode().splitlines() if x.strip()]
            if predicate(lines) or time.monotonic() > deadline:
                return lines
            r, _, _ = select.select([self.proc.stdout], [], [], 0.05)
            if r:
                chunk = self.proc.stdout.read()
                if chunk:
                    self.buf += chunk
                elif self.proc.poll() is not None:
                    return lines

    def stop(self):
        self.proc.kill()
        self.proc.wait()
        self.proc.stdout.close()
        self.proc.stderr.close()


def test_follow(tmp):
    d = os.path.join(tmp, "remote")
    os.mkdir(d)
    make_journal("remote-alpha.export", os.path.join(d, "remote-alpha.journal"))
    f = Follower(["--directory", d])
    try:
        lines = f.lines_until(lambda ls: len(ls) >= 1, 10)
        check("follow: known groups first, one JSON object per line",
              len(lines) == 1 and lines[0]["hosts"] == ["alpha"], lines)
        start = time.monotonic()
        make_journal("remote-beta.export", os.path.join(d, "remote-beta.journal"))
        lines = f.lines_until(lambda ls: len(ls) >= 2, 60)
        took = time.monotonic() - start
        check("follow: a journal file written into the directory shows up as a changed "
              "group (%.2f s)" % took,
              len(lines) == 2 and lines[1]["count"] == 2 and lines[1]["hosts"] == ["alpha", "beta"],
              lines)
    finally:
        f.stop()

    log = os.path.join(tmp, "follow.log")
    with open(os.path.join(FIXTURES, "syslog.log"), "rb") as src, open(log, "wb") as dst:
        dst.write(src.read())
    f = Follower(["--log", log])
    try:
        lines = f.lines_until(lambda ls: len(ls) >= 12, 10)
        check("follow --log: the existing groups", len(lines) == 12, len(lines))
        start = time.monotonic()
        with open(log, "a") as out:
            out.write('Jun 10 15:00:00 alpha kernel: [81999.0] audit: type=1400 '
                      'audit(1718031600.000:9999): apparmor="DENIED" operation="open" '
                      'class="file" profile="snap.foo.foo" name="/etc/appended" pid=1 '
                      'comm="foo" requested_mask="r" denied_mask="r" fsuid=0 ouid=0\n')
        lines = f.lines_until(lambda ls: len(ls) >= 13, 60)
        took = time.monotonic() - start
        check("follow --log: an appended record arrives (%.3f s)" % took,
              len(lines) == 13 and lines[-1]["object"] == "/etc/appended",
              lines[-1:])
    finally:
        f.stop()


def test_follow_stdin():
    line = ('Jun 10 15:00:0%d alpha kernel: audit: type=1400 audit(171803160%d.000:%d): '
            'apparmor="DENIED" operation="open" class="file" profile="snap.foo.foo" '
            'name="/etc/piped-%d" pid=1 comm="foo" requested_mask="r" denied_mask="r" '
            'fsuid=0 ouid=0\n')
    proc = subprocess.Popen([CLI, "denials", "--follow", "--json", "--log", "-"],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL)
    os.set_blocking(proc.stdout.fileno(), False)
    f = Follower.__new__(Follower)
    f.proc, f.buf = proc, b""
    try:
        proc.stdin.write((line % (1, 1, 1, 1)).encode())
        proc.stdin.flush()
        lines = f.lines_until(lambda ls: len(ls) >= 1, 60)
        check("follow --log -: a piped record is printed while the pipe stays open",
              len(lines) == 1 and lines[0]["object"] == "/etc/piped-1", lines)
        proc.stdin.write((line % (2, 2, 2, 2)).encode())
        proc.stdin.flush()
        lines = f.lines_until(lambda ls: len(ls) >= 2, 60)
        check("follow --log -: the next one too",
              len(lines) == 2 and lines[1]["object"] == "/etc/piped-2", lines)
        proc.stdin.close()
        try:
            rc = proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            rc = None
        check("follow --log -: exits 0 when the pipe closes", rc == 0, rc)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        proc.stdout.close()


KINDS = {"file", "unix", "network", "capability", "dbus", "signal", "ptrace", "mount", "seccomp", "other"}


def test_kinds_and_modes(tmp):
    """Kinds outside the classes are "other"; records that deny nothing are
    "logged", never "allowed" (QA-8)."""
    lines = [
        # user namespace creation (class namespace)
        'audit: type=1400 audit(1795600112.000:612): apparmor="DENIED" operation="userns_create" '
        'class="namespace" profile="snap.demo.demo" pid=1 comm="demo" requested="userns_create" '
        'denied="userns_create"',
        # profile load
        'audit: type=1400 audit(1795600113.000:613): apparmor="STATUS" operation="profile_replace" '
        'info="same as current profile, skipping" profile="unconfined" name="snap.demo.demo" pid=2 '
        'comm="apparmor_parser"',
        # audit rule: the access went through
        'audit: type=1400 audit(1795600114.000:614): apparmor="AUDIT" operation="open" class="file" '
        'profile="snap.demo.demo" name="/etc/hosts" pid=3 comm="demo" requested_mask="r" fsuid=0 ouid=0',
        # devmode
        'audit: type=1400 audit(1795600115.000:615): apparmor="ALLOWED" operation="open" class="file" '
        'profile="snap.demo.demo" name="/etc/x" pid=4 comm="demo" requested_mask="r" denied_mask="r" '
        'fsuid=0 ouid=0',
    ]
    log = os.path.join(tmp, "kinds.log")
    with open(log, "w") as f:
        f.write("\n".join(lines) + "\n")
    p = run(["denials", "--log", log, "--json"])
    groups = groups_of(p) if p.returncode == 0 else []
    by_op = {g["operation"]: g for g in groups}
    check("kinds are the documented ones or other", {g["kind"] for g in groups} <= KINDS, groups)
    check("a user namespace record is kind other, denied",
          by_op.get("userns_create", {}).get("kind") == "other" and
          by_op["userns_create"]["mode"] == "denied", by_op.get("userns_create"))
    check("a STATUS record is noise, kind other, mode logged",
          by_op.get("profile_replace", {}).get("mode") == "logged" and by_op["profile_replace"]["noise"] and
          by_op["profile_replace"]["kind"] == "other", by_op.get("profile_replace"))
    check("an AUDIT record is noise with mode logged",
          by_op.get("open") is not None and
          [g["mode"] for g in groups if g["operation"] == "open" and g["noise"]] == ["logged"] and
          [g["mode"] for g in groups if g["operation"] == "open" and not g["noise"]] == ["allowed"],
          [g for g in groups if g["operation"] == "open"])

    one = os.path.join(tmp, "one.log")
    with open(one, "w") as f:
        f.write(lines[3] + "\n")
    p = run(["denials", "--log", one])
    check("text summary of one record is singular", b"\n1 record in 1 group.\n" in p.stdout, p.stdout)
    p = run(["denials", "--log", log])
    check("text summary of several records is plural", b"\n4 records in 4 groups.\n" in p.stdout, p.stdout)


RECORD = ('Jun 10 14:53:21 alpha kernel: [81461.6] audit: type=1400 audit(1718031201.482:%d): '
          'apparmor="DENIED" operation="open" class="file" profile="snap.foo.foo" '
          'name="/etc/hostile-%d" pid=1 comm="foo" requested_mask="r" denied_mask="r" '
          'fsuid=0 ouid=0')


def sanitized():
    """Whether the CLI under test was built with AddressSanitizer."""
    with open(CLI, "rb") as f:
        return b"__asan_init" in f.read()


def child_peak_rss_mb(args):
    """Runs the CLI with ARGS from a fresh process that reports the peak
    resident size of its child in MB; returns (that, stderr of the CLI)."""
    probe = ("import resource, subprocess, sys\n"
             "p = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)\n"
             "sys.stderr.buffer.write(p.stderr)\n"
             "print(p.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n")
    p = subprocess.run([sys.executable, "-c", probe, CLI] + args, capture_output=True, timeout=120)
    code, rss = p.stdout.decode().split()
    return int(code), int(rss) / 1024, p.stderr


def test_hostile_logs(tmp):
    # Issue 15, item 7: no newline for ever, binary data.
    p = subprocess.run([CLI, "denials", "--log", "/dev/zero"], capture_output=True, timeout=60)
    check("--log /dev/zero stops with exit 3", p.returncode == 3, p.stderr.decode())
    check("--log /dev/zero says it is not a text log", b"not a text log" in p.stderr, p.stderr.decode())
    p = run(["denials", "--log", "-"], stdin=bytes(range(256)) * 64)
    check("--log - with binary data stops with exit 3", p.returncode == 3, p.stderr.decode())
    check("--log - with binary data says it is not a text log", b"not a text log" in p.stderr,
          p.stderr.decode())

    # One 48 MB line without a newline, then a record: the line is skipped
    # and counted, the record read, and memory stays small.
    long_log = os.path.join(tmp, "long.log")
    with open(long_log, "wb") as f:
        f.write(b"x" * (48 * 1024 * 1024) + b"\n")
        f.write((RECORD % (1, 1) + "\n").encode())
    p = run(["denials", "--log", long_log, "--json"])
    check("a 48 MB line is skipped and the record after it read",
          p.returncode == 0 and total(groups_of(p)) == 1, p.stderr.decode())
    check("the skipped line is counted in a warning", b"longer than 64 KiB" in p.stderr,
          p.stderr.decode())
    if sanitized():
        # AddressSanitizer keeps freed blocks in quarantine and maps shadow
        # memory, so the peak says nothing about our own buffers there.
        skip("a 48 MB line does not take more than 40 MB",
             "peak memory is not ours to measure under AddressSanitizer")
    else:
        code, rss, _ = child_peak_rss_mb(["denials", "--log", long_log, "--json"])
        check("a 48 MB line does not take more than 40 MB (%.0f MB)" % rss,
              code == 0 and rss < 40)
    with open(long_log, "rb") as f:
        p = run(["denials", "--log", "-", "--json"], stdin=f.read())
    check("the same through standard input", p.returncode == 0 and total(groups_of(p)) == 1,
          p.stderr.decode())

    # Item 9: a text log whose first line is a bare upper-case word.
    for word in ("WARNING", "DMESG", "N"):
        path = os.path.join(tmp, "word.log")
        with open(path, "w") as f:
            f.write(word + "\n" + RECORD % (2, 2) + "\n" + RECORD % (3, 3) + "\n")
        p = run(["denials", "--log", path, "--json"])
        check("a log starting with %s is read as text" % word,
              p.returncode == 0 and total(groups_of(p)) == 2, p.stdout.decode() + p.stderr.decode())

    # Item 11: the last record without a final newline.
    path = os.path.join(tmp, "no-newline.log")
    with open(path, "w") as f:
        f.write(RECORD % (4, 4) + "\n" + RECORD % (5, 5))
    p = run(["denials", "--log", path, "--json"])
    check("--log FILE reads a last record without a newline",
          p.returncode == 0 and len(find(groups_of(p), "/etc/hostile-5")) == 1, p.stdout.decode())
    with open(path, "rb") as f:
        p = subprocess.run([CLI, "denials", "--log", "-", "--json"], stdin=f, capture_output=True,
                           timeout=60)
    check("--log - < FILE reads a last record without a newline",
          p.returncode == 0 and len(find(groups_of(p), "/etc/hostile-5")) == 1, p.stdout.decode())


def test_journal_folders(tmp):
    # Issue 15, item 10: only corrupt files, or no journal file at all.
    bad = os.path.join(tmp, "corrupt")
    os.mkdir(bad)
    with open(os.path.join(bad, "system.journal"), "wb") as f:
        f.write(bytes(range(256)) * 400)
    with open(os.path.join(bad, "user-1000.journal"), "wb") as f:
        f.write(b"LPKSHHRH" + bytes(4096))
    p = run(["denials", "--directory", bad])
    err = p.stderr.decode()
    check("a folder of corrupt files names each one",
          "system.journal is corrupted" in err and "user-1000.journal is corrupted" in err, err)
    check("a folder of corrupt files says none could be read", "None of the 2 journal files" in err,
          err)
    empty = os.path.join(tmp, "empty")
    os.mkdir(empty)
    p = run(["denials", "--directory", empty])
    check("a folder without journal files says so", "No journal files were found" in p.stderr.decode(),
          p.stderr.decode())


def main():
    if not CLI:
        sctap.skip_all("SNAPCONFINE_CLI is not set")
    tmp = tempfile.mkdtemp(prefix="sc-cli-denials-")
    try:
        test_logs()
        test_follow_stdin()
        test_kinds_and_modes(tmp)
        test_hostile_logs(tmp)
        if os.access(JOURNAL_REMOTE, os.X_OK):
            d = test_journal_directory(tmp)
            test_since(d)
            test_boot(d, tmp)
            test_files_and_hosts(tmp)
            test_follow(tmp)
            test_permissions(tmp, d)
            test_journal_folders(tmp)
        else:
            skip("journal sources", "systemd-journal-remote is not installed")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    sys.exit(sctap.main())


if __name__ == "__main__":
    main()
