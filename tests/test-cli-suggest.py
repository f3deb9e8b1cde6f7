#!/usr/bin/env python3
# test-cli-suggest.py
#
# Copyright 2026 The Snap Confine authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# End-to-end tests of `snapconfine-cli suggest` (TAP): the project in
# tests/data/journal/project/ against journals made here from the export
# fixtures with systemd-journal-remote, and against a text log.

import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile

CLI = os.environ.get("SNAPCONFINE_CLI")
SRCDIR = os.environ.get("G_TEST_SRCDIR", os.path.dirname(os.path.abspath(__file__)))
FIXTURES = os.path.join(SRCDIR, "data", "journal")
JOURNAL_REMOTE = "/lib/systemd/systemd-journal-remote"

import sctap
from sctap import check, skip


def run(args, user=None):
    cmd = [CLI] + args
    if user is not None:
        cmd = ["setpriv", "--reuid=%d" % user, "--regid=%d" % user, "--clear-groups"] + cmd
    return subprocess.run(cmd, capture_output=True, env=dict(os.environ, TZ="UTC"), timeout=120)


def make_journal(fixture, out):
    with open(os.path.join(FIXTURES, fixture), "rb") as f:
        subprocess.run([JOURNAL_REMOTE, "-o", out, "-"], stdin=f, check=True,
                       stderr=subprocess.DEVNULL)


def copy_project(tmp, name):
    dest = os.path.join(tmp, name)
    shutil.copytree(os.path.join(FIXTURES, "project"), dest)
    return dest


def read(path):
    with open(path, "rb") as f:
        return f.read()


def plugs_of(report, target):
    for t in report["targets"]:
        if t["target"] == target:
            return [p["plug"] for p in t["plugs"]]
    return []


def test_report(d, tmp):
    project = copy_project(tmp, "report")
    p = run(["suggest", project, "--directory", d, "--json"])
    check("suggest --json exits 0", p.returncode == 0, p.stderr.decode())
    try:
        report = json.loads(p.stdout.decode())
    except ValueError as e:
        check("stdout is one JSON object", False, e)
        return None
    check("stdout is one JSON object with the documented keys",
          set(report) == {"snap", "targets", "definitions", "present", "fixes", "unresolved",
                          "unknown_targets", "lost", "connect"}, sorted(report))
    check("the snap is the project's name", report["snap"] == "foo")
    foo = plugs_of(report, "foo")
    hook = plugs_of(report, "hook:configure")
    check("plugs to add for app foo", len(foo) >= 3 and "network" in foo, foo)
    check("plugs to add for hook configure (hook:NAME)", len(hook) == 1, hook)
    check("a declared plug is not suggested again", "home" not in foo, foo)
    check("a plug implied by the gnome extension is not suggested",
          "desktop" not in foo, foo)
    present = {(x["target"], x["plug"]) for x in report["present"]}
    check("declared and implied plugs are listed as present",
          ("foo", "home") in present and ("foo", "desktop") in present, present)
    check("each plug carries interface, reason and a denial count",
          all(p["interface"] and p["reason"] and p["denials"] >= 1
              for t in report["targets"] for p in t["plugs"]))
    check("/etc/foo.conf's three denials are counted on one plug",
          any(p["denials"] == 3 for t in report["targets"] for p in t["plugs"]))
    defined = report["definitions"]
    needing = {p["plug"] for t in report["targets"] for p in t["plugs"]
               if p["interface"] in ("personal-files", "system-files")}
    check("personal-files/system-files plugs get a top-level definition",
          needing and needing == set(defined), (needing, sorted(defined)))
    check("definitions name their interface and paths",
          all(v.get("interface") in ("personal-files", "system-files") and
              (v.get("read") or v.get("write")) for v in defined.values()), defined)
    check("records of apps the project does not have are reported",
          report["unknown_targets"] == [{"target": "daemon", "denials": 2}],
          report["unknown_targets"])
    check("lost records are counted", report["lost"] == 12, report["lost"])
    check("warnings go to stderr", "records were lost" in p.stderr.decode())

    p = run(["suggest", project, "--directory", d])
    out = p.stdout.decode()
    check("text mode lists plugs per app and hook",
          p.returncode == 0 and "app foo:" in out and "hook configure:" in out and
          "+ network" in out, out)
    check("text mode names apps that are not in the project",
          "not in this project" in out and "daemon" in out, out)
    return report


def test_dry_run_and_apply(d, tmp, report):
    project = copy_project(tmp, "apply")
    yaml = os.path.join(project, "snapcraft.yaml")
    before = read(yaml)

    p = run(["suggest", project, "--directory", d, "--dry-run"])
    out = p.stdout.decode()
    check("--dry-run exits 0 and prints the diff",
          p.returncode == 0 and "-confinement: devmode" in out and "+confinement: strict" in out,
          out)
    check("--dry-run diff adds every suggested plug",
          all(("- %s" % plug) in out or (", %s" % plug) in out
              for t in report["targets"] for plug in plugs_of(report, t["target"])), out)
    check("--dry-run writes nothing", read(yaml) == before)
    p = run(["suggest", project, "--directory", d, "--dry-run", "--json"])
    check("--dry-run --json has the diff in the object",
          p.returncode == 0 and "+confinement: strict" in json.loads(p.stdout)["diff"])
    check("--dry-run --json writes nothing", read(yaml) == before)

    p = run(["suggest", project, "--directory", d, "--apply"])
    check("--apply exits 0", p.returncode == 0, p.stderr.decode())
    after = read(yaml)
    check("--apply wrote the file", after != before)
    check("--apply keeps comments", b"# the user's documents" in after and
          after.startswith(b"# A devmode project"))
    show = run(["show", project, "--json"])
    model = json.loads(show.stdout) if show.returncode == 0 else {}
    apps = {a["name"]: a for a in model.get("apps", [])}
    hooks = {h["name"]: h for h in model.get("hooks", [])}
    check("the project is strict now", model.get("confinement") == "strict", model.get("confinement"))
    check("app foo has the suggested plugs",
          set(plugs_of(report, "foo")) <= set(apps.get("foo", {}).get("plugs", [])),
          apps.get("foo", {}).get("plugs"))
    check("hook configure has its plug and keeps network",
          set(plugs_of(report, "hook:configure")) | {"network"} <=
          set(hooks.get("configure", {}).get("plugs", [])), hooks.get("configure"))
    check("the definitions are written", set(report["definitions"]) <= set(model.get("plugs", {})),
          model.get("plugs"))

    p = run(["suggest", project, "--directory", d, "--apply"])
    check("--apply again is a no-op", p.returncode == 0 and read(yaml) == after,
          p.stderr.decode())
    p = run(["suggest", project, "--directory", d, "--json"])
    again = json.loads(p.stdout)
    check("after --apply nothing is left to add",
          again["targets"] == [] and again["definitions"] == {}, again["targets"])


def test_sources_and_filters(tmp):
    project = copy_project(tmp, "log")
    p = run(["suggest", project, "--log", os.path.join(FIXTURES, "journalctl-short.log"), "--json"])
    report = json.loads(p.stdout) if p.returncode == 0 else {"targets": []}
    check("suggest reads text logs too",
          "network" in plugs_of(report, "foo") and plugs_of(report, "hook:configure"),
          p.stderr.decode())
    p = run(["suggest", project, "--log", os.path.join(FIXTURES, "journalctl-short.log"),
             "--json", "--snap", "notes"])
    report = json.loads(p.stdout) if p.returncode == 0 else {}
    check("--snap overrides the project's name: other snaps' apps are unknown targets",
          report.get("targets") == [] and
          report.get("unknown_targets") == [{"target": "notes", "denials": 1}], report)


def test_name_clash(d, tmp, report):
    """A plug name the project already uses for another interface gets a
    numbered name; the existing definition is left alone."""
    system_plugs = [p["plug"] for t in report["targets"] for p in t["plugs"]
                    if p["interface"] == "system-files"]
    if not system_plugs:
        check("a clashing plug name is numbered", False, "no system-files suggestion")
        return
    name = system_plugs[0]
    project = copy_project(tmp, "clash")
    yaml = os.path.join(project, "snapcraft.yaml")
    with open(yaml, "a") as f:
        f.write("\nplugs:\n  %s:\n    interface: personal-files\n    read: [$HOME/.foo]\n" % name)
    p = run(["suggest", project, "--directory", d, "--json"])
    clash = json.loads(p.stdout) if p.returncode == 0 else {"targets": [], "definitions": {}}
    foo = plugs_of(clash, "foo")
    check("a clashing plug name is numbered",
          name not in foo and (name + "-2") in foo and
          clash["definitions"].get(name + "-2", {}).get("interface") == "system-files" and
          name not in clash["definitions"], (foo, clash["definitions"]))


LOG_ETC = ('Nov 24 10:00:08 host kernel: audit: type=1400 audit(1795600008.500:506): apparmor="DENIED" '
           'operation="open" class="file" profile="snap.demo.%s" name="/etc/demo.conf" pid=106 '
           'comm="x" requested_mask="r" denied_mask="r" fsuid=0 ouid=0\n')
LOG_NET = ('Nov 24 10:00:09 host kernel: audit: type=1400 audit(1795600009.500:507): apparmor="DENIED" '
           'operation="create" class="net" family="inet" sock_type="stream" protocol=6 '
           'profile="snap.demo.demo" requested_mask="create" denied_mask="create" pid=1 comm="demo"\n')
LOG_CFG = ('Nov 24 10:00:10 host kernel: audit: type=1400 audit(1795600010.500:508): apparmor="DENIED" '
           'operation="open" class="file" profile="snap.demo.demo" name="/home/bob/.config/demo/app.conf" '
           'pid=1 comm="demo" requested_mask="r" denied_mask="r" fsuid=1000 ouid=1000\n')


def suggest_case(tmp, name, yaml_text, log_text):
    """Writes a project and a log, runs suggest --json and --apply; returns
    (report, the applied snapcraft.yaml text, show --json of it)."""
    root = os.path.join(tmp, name)
    os.mkdir(root)
    with open(os.path.join(root, "snapcraft.yaml"), "w") as f:
        f.write(yaml_text)
    log = os.path.join(root, "denials.log")
    with open(log, "w") as f:
        f.write(log_text)
    p = run(["suggest", root, "--log", log, "--json"])
    report = json.loads(p.stdout) if p.returncode == 0 else None
    p = run(["suggest", root, "--log", log, "--apply"])
    applied = read(os.path.join(root, "snapcraft.yaml")).decode()
    s = run(["show", root, "--json"])
    shown = json.loads(s.stdout) if s.returncode == 0 else None
    return report, applied, shown, p


def test_slot_names(tmp):
    """Generated plug names never equal a slot name: top-level slots (map
    or list form) or an app's slots (QA-10)."""
    base = ("name: demo\nbase: core22\nconfinement: devmode\n%s"
            "apps:\n  demo:\n    command: bin/demo\n    plugs: [home]\n%s"
            "hooks:\n  configure:\n    plugs: [network]\n")
    cases = [
        ("top-level slot map", "slots:\n  etc-demo-conf:\n    interface: dbus\n    bus: session\n"
         "    name: org.demo\n  network: {interface: content}\n", ""),
        ("app slot list", "", "    slots: [etc-demo-conf, network]\n"),
    ]
    for i, (what, top, app) in enumerate(cases):
        report, applied, shown, p = suggest_case(tmp, "slots%d" % i, base % (top, app),
                                                 LOG_ETC % "hook.configure" + LOG_NET)
        hook = plugs_of(report, "hook:configure") if report else []
        demo = plugs_of(report, "demo") if report else []
        check("%s: a system-files plug avoids the slot's name" % what,
              hook == ["etc-demo-conf-2"] and
              report["definitions"]["etc-demo-conf-2"].get("interface") == "system-files",
              (hook, report and report["definitions"]))
        check("%s: a plug named after its interface avoids the slot's name" % what,
              demo == ["network-2"] and report["definitions"]["network-2"] == {"interface": "network"},
              (demo, report and report["definitions"]))
        check("%s: --apply writes them, and show agrees" % what,
              p.returncode == 0 and shown is not None and
              "etc-demo-conf" not in shown["plugs"] and "network" not in shown["plugs"] and
              shown["plugs"]["etc-demo-conf-2"]["interface"] == "system-files" and
              shown["plugs"]["network-2"]["interface"] == "network",
              (p.returncode, p.stderr.decode(), applied))


def test_existing_definitions(tmp):
    """An existing definition that grants the path already is used; a
    user's definition of unrelated paths is never widened (QA-11)."""
    head = "name: demo\nbase: core22\nconfinement: devmode\nplugs:\n"
    other = "  dot-config-demo: {interface: personal-files, write: [$HOME/.config/other]}\n"
    covering = "  mycfg: {interface: personal-files, read: [$HOME/.config/demo]}\n"
    apps = "apps:\n  demo:\n    command: bin/demo\n    plugs: [home]\n  other:\n    command: o\n    plugs: [%s]\n"

    # Listed by another app only: the denied app gets it added.
    report, applied, shown, p = suggest_case(tmp, "cover1", head + other + covering + apps % "mycfg",
                                             LOG_CFG)
    check("a covering definition is added to the app instead of a new one",
          report is not None and plugs_of(report, "demo") == ["mycfg"] and report["definitions"] == {},
          report)
    check("--apply leaves both definitions as written",
          p.returncode == 0 and (other + covering) in applied, applied)

    # Listed by the app already: reported as present with snap connect.
    report, applied, shown, p = suggest_case(tmp, "cover2", head + covering + apps.replace("[home]", "[home, mycfg]") % "x11",
                                             LOG_CFG)
    present = [(x["target"], x["plug"]) for x in report["present"]] if report else []
    check("a covering definition the app lists is reported as present",
          present == [("demo", "mycfg")] and plugs_of(report, "demo") == [], report)
    q = run(["suggest", os.path.join(tmp, "cover2"), "--log", os.path.join(tmp, "cover2", "denials.log")])
    check("text output says how to connect it", b"snap connect demo:mycfg" in q.stdout, q.stdout)
    check("text output counts one record in the singular", b": 1 record of snap demo\n" in q.stdout, q.stdout)

    # Same generated name, same interface, unrelated paths: numbered.
    report, applied, shown, p = suggest_case(tmp, "unrelated", head + other + apps % "x11", LOG_CFG)
    defs = report["definitions"] if report else {}
    check("a same-interface definition of unrelated paths is not widened",
          plugs_of(report, "demo") == ["dot-config-demo-2"] and "dot-config-demo" not in defs and
          defs.get("dot-config-demo-2", {}).get("read") == ["$HOME/.config/demo"], report)
    check("--apply keeps the user's definition byte for byte",
          p.returncode == 0 and other in applied and shown is not None and
          shown["plugs"]["dot-config-demo-2"]["interface"] == "personal-files", applied)
    root = os.path.join(tmp, "unrelated")
    before = read(os.path.join(root, "snapcraft.yaml"))
    p = run(["suggest", root, "--log", os.path.join(root, "denials.log"), "--apply"])
    check("a second --apply changes nothing",
          p.returncode == 0 and read(os.path.join(root, "snapcraft.yaml")) == before, p.stderr.decode())

    # Related paths (a folder inside the denied one): that definition may
    # grow. It is listed by no app, so every app has it already.
    related = "  dot-config-demo: {interface: personal-files, write: [$HOME/.config/demo/cache]}\n"
    report, applied, shown, p = suggest_case(tmp, "related", head + related + apps % "x11", LOG_CFG)
    defs = report["definitions"] if report else {}
    check("a same-interface definition of related paths is extended",
          report["present"] == [{"target": "demo", "plug": "dot-config-demo", "origin": "declared",
                                "denials": 1}] and
          defs.get("dot-config-demo", {}).get("read") == ["$HOME/.config/demo"] and
          defs.get("dot-config-demo", {}).get("write") == ["$HOME/.config/demo/cache"], report)


def test_errors(d, tmp):
    p = run(["suggest", os.path.join(tmp, "nowhere"), "--directory", d])
    check("a missing project exits 3", p.returncode == 3, p.stderr.decode())
    broken = os.path.join(tmp, "broken")
    os.mkdir(broken)
    with open(os.path.join(broken, "snapcraft.yaml"), "w") as f:
        f.write("name: foo\napps: [\n")
    p = run(["suggest", broken, "--directory", d])
    check("an invalid project exits 3 with file:line:col",
          p.returncode == 3 and "snapcraft.yaml:" in p.stderr.decode(), p.stderr.decode())
    p = run(["suggest"])
    check("no PATH is a usage error (2)", p.returncode == 2)
    project = copy_project(tmp, "errors")
    p = run(["suggest", project, "--directory", d, "--since", "soon"])
    check("a bad --since is a usage error (2)", p.returncode == 2, p.stderr.decode())
    p = run(["suggest", project, "--directory", os.path.join(tmp, "no-journal")])
    check("an unreadable source exits 3", p.returncode == 3, p.stderr.decode())

    if os.geteuid() != 0 or shutil.which("setpriv") is None:
        skip("--apply on a read-only project exits 4", "needs root and setpriv")
        return
    # The project is readable but not writable by nobody.
    os.chmod(tmp, 0o755)
    for root, dirs, files in os.walk(tmp):
        for x in dirs:
            os.chmod(os.path.join(root, x), 0o755)
        for x in files:
            os.chmod(os.path.join(root, x), 0o644)
    yaml = os.path.join(project, "snapcraft.yaml")
    before = read(yaml)
    p = run(["suggest", project, "--directory", d, "--apply"], user=65534)
    check("--apply that cannot write exits 4 and leaves the file alone",
          p.returncode == 4 and read(yaml) == before, "rc %d %s" % (p.returncode, p.stderr.decode()))


def test_present_origin(tmp):
    """What is already there says whether the app declares it or an
    extension gives it, as the sidebar's cards do."""
    report, applied, shown, p = suggest_case(
        tmp, "origin",
        "name: demo\nbase: core22\nconfinement: devmode\n"
        "apps:\n  demo:\n    command: bin/demo\n    extensions: [gnome]\n    plugs: [network]\n",
        'Nov 24 09:12:10 devbox dbus-daemon[1432]: apparmor="ALLOWED" operation="dbus_method_call"  '
        'bus="session" path="/org/freedesktop/Notifications" interface="org.freedesktop.Notifications" '
        'member="Notify" mask="send" name="org.freedesktop.Notifications" pid=4121 '
        'label="snap.demo.demo" peer_pid=2011 peer_label="unconfined"\n'
        'Nov 24 09:12:07 devbox kernel: audit: type=1400 audit(1795511527.010:308): apparmor="ALLOWED" '
        'operation="connect" class="net" profile="snap.demo.demo" pid=3977 comm="demo" family="inet" '
        'sock_type="stream" protocol=6 requested_mask="send receive connect" '
        'denied_mask="send receive connect"\n')
    present = {x["plug"]: x for x in (report or {}).get("present", [])}
    check("suggest --json says an extension gives desktop",
          present.get("desktop", {}).get("origin") == "extension"
          and present.get("desktop", {}).get("extension") == "gnome", json.dumps(report))
    check("suggest --json says the app declares network",
          present.get("network", {}).get("origin") == "declared", json.dumps(report))
    t = run(["suggest", os.path.join(tmp, "origin"), "--log", os.path.join(tmp, "origin", "denials.log")])
    check("suggest names the extension in its text",
          b"given by the gnome extension" in t.stdout and b"already there, declared" in t.stdout,
          t.stdout.decode())


def test_max_groups(tmp):
    """--max-groups keeps the first N groups, counts the rest and says how
    many groups were not shown (issue 15 item 8)."""
    root = os.path.join(tmp, "capped")
    os.mkdir(root)
    with open(os.path.join(root, "snapcraft.yaml"), "w") as f:
        f.write("name: demo\nbase: core22\nconfinement: devmode\n"
                "apps:\n  demo:\n    command: bin/demo\n")
    log = os.path.join(root, "kern.log")
    with open(log, "w") as f:
        for i in range(5):
            for _ in range(2):
                f.write('Nov 24 09:12:0%d devbox kernel: audit: type=1400 audit(1795511521.%03d:3%d): '
                        'apparmor="DENIED" operation="open" class="file" profile="snap.demo.demo" '
                        'name="/srv/data-%d/file" pid=4121 comm="demo" requested_mask="r" '
                        'denied_mask="r" fsuid=1000 ouid=0\n' % (i, i * 10 + _, i * 2 + _, i))
    p = run(["denials", "--log", log, "--snap", "demo", "--json", "--max-groups", "2"])
    groups = json.loads(p.stdout) if p.returncode == 0 else []
    check("denials --max-groups keeps the first groups", [g["count"] for g in groups] == [2, 2],
          p.stdout.decode() + p.stderr.decode())
    check("denials --max-groups says how many groups were not shown",
          b"3 more groups not shown (6 records)" in p.stderr, p.stderr.decode())
    p = run(["suggest", root, "--log", log, "--max-groups", "1", "--json"])
    report = json.loads(p.stdout) if p.returncode == 0 else {}
    check("suggest --max-groups plans the groups it kept",
          sum(x["denials"] for t in report.get("unresolved", []) + report.get("fixes", [])
              for x in [t]) + sum(pl["denials"] for t in report.get("targets", [])
                                  for pl in t["plugs"]) == 2
          and b"4 more groups not shown" in p.stderr, p.stdout.decode() + p.stderr.decode())


def main():
    if not CLI:
        sctap.skip_all("SNAPCONFINE_CLI is not set")
    tmp = tempfile.mkdtemp(prefix="sc-cli-suggest-")
    try:
        if os.access(JOURNAL_REMOTE, os.X_OK):
            d = os.path.join(tmp, "journal")
            os.mkdir(d)
            make_journal("kernel.export", os.path.join(d, "system.journal"))
            make_journal("audit.export", os.path.join(d, "audit.journal"))
            make_journal("user-dbus.export", os.path.join(d, "user-1000.journal"))
            report = test_report(d, tmp)
            if report is not None:
                test_dry_run_and_apply(d, tmp, report)
                test_name_clash(d, tmp, report)
            test_errors(d, tmp)
        else:
            skip("journal sources", "systemd-journal-remote is not installed")
        test_sources_and_filters(tmp)
        test_slot_names(tmp)
        test_existing_definitions(tmp)
        test_max_groups(tmp)
        test_present_origin(tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    sys.exit(sctap.main())


if __name__ == "__main__":
    main()
