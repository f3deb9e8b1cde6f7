#!/usr/bin/env python3
# test-snapd-cli.py
#
# Copyright 2026 The Snap Confine authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The command line against a real snapd (snapd_harness.py): a try-mode
# snap built from the example project's apps and plugs, with camera (a
# manual interface) added to the skylark app. `connections`, `connect` and
# `disconnect` are checked against what `snap connections` reads back;
# `check` and `suggest` tell declared from connected; --since-install
# uses the revision's install time; a paused or stopped snapd gives the
# "unavailable" message, not a hang. Prints TAP; skips (never passes) when
# a snapd these tests did not start owns /run/snapd.socket.

import datetime
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.dirname(HERE))
import snapd_harness  # noqa: E402
import sctap  # noqa: E402
from sctap import check  # noqa: E402

CLI = os.environ.get("SNAPCONFINE_CLI")
SRC = os.environ.get("SC_SOURCE_ROOT", os.path.join(HERE, "..", ".."))
EXAMPLE = os.path.join(SRC, "examples", "skylark")

def run(*args, env=None, timeout=60, user=None):
    started = time.monotonic()
    proc = subprocess.run([CLI, *args], capture_output=True, text=True, timeout=timeout,
                          env=dict(env or os.environ, LC_ALL="C.UTF-8"), user=user)
    return proc.returncode, proc.stdout, proc.stderr, time.monotonic() - started


# Hooks snapd runs while installing: here they cannot run (snap-confine
# needs a real mount namespace), so the test snap leaves them out.
INSTALL_HOOKS = {"install", "configure", "default-configure", "prepare-device"}


def snap_yaml_from_project(project_dir):
    """meta/snap.yaml as snapcraft would write it for the project's apps,
    hooks and plugs (declared and extension-given, content plugs aside),
    from `snapconfine-cli show --json`."""
    code, out, err, _ = run("show", project_dir, "--json")
    if code != 0:
        raise RuntimeError("show: " + err)
    doc = json.loads(out)
    lines = [f"name: {doc['name']}", "version: '1.4.2'", f"base: {doc.get('base') or 'core22'}",
             "confinement: devmode", "apps:"]
    commands = {}
    for app in doc["apps"]:
        plugs = list(app["plugs"])
        for implied in app.get("implied", []):
            if implied["interface"] != "content" and implied["plug"] not in plugs:
                plugs.append(implied["plug"])
        command = (app.get("command") or "bin/" + app["name"]).split()[0]
        commands[command] = "#!/bin/sh\n"
        lines.append(f"  {app['name']}:")
        lines.append(f"    command: {command}")
        if app.get("daemon"):
            lines.append(f"    daemon: {app['daemon']}")
        lines.append("    plugs: [" + ", ".join(plugs) + "]")
    hooks = [h for h in doc.get("hooks", []) if h["name"] not in INSTALL_HOOKS]
    # A hook snapd does not run at install, to have a hook-bound plug.
    hooks.append({"name": "remove", "plugs": ["network"]})
    lines.append("hooks:")
    for hook in hooks:
        lines.append(f"  {hook['name']}:")
        lines.append("    plugs: [" + ", ".join(hook["plugs"]) + "]")
    return "\n".join(lines) + "\n", commands


def audit_line(usec, profile, name):
    t = datetime.datetime.fromtimestamp(usec / 1e6, datetime.timezone.utc)
    stamp = t.strftime("%Y-%m-%dT%H:%M:%S+0000")
    return (f"{stamp} devbox kernel: audit: type=1400 audit({usec // 1000000}.000:{usec % 997}): "
            f'apparmor="DENIED" operation="open" class="file" profile="{profile}" '
            f'name="{name}" pid=4121 comm="skylark" requested_mask="r" denied_mask="r" '
            f"fsuid=1000 ouid=0\n")


def main():
    if not CLI:
        sctap.skip_all("SNAPCONFINE_CLI is not set")
    reason = snapd_harness.skip_reason()
    if reason:
        sctap.skip_all(reason)

    work = tempfile.mkdtemp(prefix="sc-snapd-cli-")
    try:
        with snapd_harness.Snapd() as snapd:
            session(snapd, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    # Everything the harness mounted and started is gone.
    check("cleanup: nothing mounted under /snap", not snapd_harness.mounts_under("/snap/"),
          snapd_harness.mounts_under("/snap/"))
    check("cleanup: no snapd state left", not os.path.exists(snapd_harness.STATE))
    check("cleanup: socket removed", not os.path.exists(snapd_harness.SOCKET))
    return 0


def session(snapd, work):
    project = os.path.join(work, "skylark")
    shutil.copytree(EXAMPLE, project)
    code, _, err, _ = run("strict", project, "--plug", "skylark=camera")
    if not check("test project: camera declared on app skylark", code == 0, err):
        return
    snap_yaml, files = snap_yaml_from_project(project)
    folder = snapd.make_folder("skylark", snap_yaml, files)
    snapd.try_snap(folder)
    installed_after = time.time()

    # ---- connections -----------------------------------------------------
    code, out, err, _ = run("connections", "skylark", "--json")
    check("connections --json exits 0", code == 0, err)
    doc = json.loads(out) if code == 0 else {"plugs": []}
    plugs = {p["plug"]: p for p in doc["plugs"]}
    check("revision and try mode", doc.get("revision") == "x1" and doc.get("try") is True, doc)
    check("confinement as installed is devmode", doc.get("confinement") == "devmode", doc)
    installed = doc.get("installed")
    check("install time given", installed is not None, doc)
    truth = snapd.connections("skylark")
    check("same plugs as snap connections", sorted(plugs) == sorted(truth), (sorted(plugs), truth))
    for name, slots in truth.items():
        mine = [f"{s['snap'] if s['snap'] != 'snapd' else ''}:{s['slot']}"
                for s in plugs.get(name, {}).get("slots", [])]
        check(f"plug {name}: slots as snap connections", sorted(mine) == sorted(slots),
              (mine, slots))
    camera = plugs.get("camera", {})
    check("camera: manual interface, not connected",
          camera.get("connected") is False and camera.get("auto_connects") is False, camera)
    check("camera used by app skylark", camera.get("targets") == ["skylark"], camera)
    network = plugs.get("network", {})
    check("network: auto-connected by snapd",
          network.get("connected") and network["slots"][0]["kind"] == "auto", network)
    check("network bound to its apps and the hook",
          set(network.get("targets", [])) == {"skylark", "skylark-sync", "hook:remove"}, network)
    code, out, err, _ = run("connections", "skylark")
    check("connections text: the connect command for camera",
          code == 0 and "snap connect skylark:camera" in out and "try mode" in out, out + err)

    # ---- check / suggest: declared but not connected -----------------------
    code, out, err, _ = run("check", project, "--json")
    notes = [f for f in json.loads(out or "[]") if f["code"] == "not-connected"]
    check("check: note not-connected for camera",
          [(n["plug"], n["target"], n["severity"]) for n in notes] == [("camera", "skylark", "note")]
          and notes[0]["hint"] == "snap connect skylark:camera", out + err)
    log = os.path.join(EXAMPLE, "denials.log")
    code, out, err, _ = run("suggest", project, "--log", log, "--json")
    sug = json.loads(out) if code == 0 else {}
    connect = sug.get("connect", [])
    check("suggest: camera denial becomes connect",
          [(c["target"], c["plug"], c["command"]) for c in connect]
          == [("skylark", "camera", "snap connect skylark:camera")], out + err)
    to_add = [p["plug"] for t in sug.get("targets", []) for p in t["plugs"]]
    present = [p["plug"] for p in sug.get("present", [])]
    check("suggest: camera neither to add nor merely present",
          "camera" not in to_add and "camera" not in present, (to_add, present))
    code, out, err, _ = run("suggest", project, "--log", log)
    check("suggest text: says snap connect", "snap connect skylark:camera" in out, out)

    # ---- connect / disconnect, read back with snap connections ---------------
    code, out, err, _ = run("connect", "skylark:camera")
    check("connect skylark:camera exits 0", code == 0, err)
    check("snap connections: camera connected", snapd.connections("skylark").get("camera")
          == [":camera"], snapd.connections("skylark"))
    code, out, err, _ = run("connections", "skylark", "--json")
    cam = {p["plug"]: p for p in json.loads(out)["plugs"]}["camera"]
    check("connections: camera manual connection to snapd:camera",
          cam["slots"] == [{"snap": "snapd", "slot": "camera", "kind": "manual"}], cam)
    code, out, err, _ = run("check", project, "--json")
    check("check: no not-connected note once connected",
          not [f for f in json.loads(out or "[]") if f["code"] == "not-connected"], out)
    code, out, err, _ = run("suggest", project, "--log", log, "--json")
    sug = json.loads(out)
    check("suggest: connected camera is present, nothing to connect",
          sug["connect"] == [] and any(p["plug"] == "camera" for p in sug["present"]), out)

    code, out, err, _ = run("disconnect", "skylark:camera")
    check("disconnect skylark:camera exits 0", code == 0, err)
    check("snap connections: camera disconnected",
          snapd.connections("skylark").get("camera") == [], snapd.connections("skylark"))
    code, out, err, _ = run("connect", "skylark:camera", ":camera")
    check("connect with the system slot :camera", code == 0 and
          snapd.connections("skylark").get("camera") == [":camera"], err)
    code, out, err, _ = run("disconnect", "skylark:camera", ":camera")
    check("disconnect the named slot", code == 0 and
          snapd.connections("skylark").get("camera") == [], err)
    code, out, err, _ = run("disconnect", "skylark:network")
    check("disconnect an auto-connected plug", code == 0 and
          snapd.connections("skylark").get("network") == [], err)
    code, out, err, _ = run("connections", "skylark", "--json")
    net = {p["plug"]: p for p in json.loads(out)["plugs"]}["network"]
    check("connections: network disconnected but auto-connects",
          net["connected"] is False and net["auto_connects"] is True, net)
    code, out, err, _ = run("connect", "skylark:network")
    check("reconnect network", code == 0 and
          snapd.connections("skylark").get("network") == [":network"], err)

    # ---- bad input ----------------------------------------------------------
    code, out, err, _ = run("connect", "skylark:no-such-plug")
    check("connect an unknown plug: exit 2 naming it", code == 2 and "no-such-plug" in err,
          f"{code} {err}")
    code, out, err, _ = run("connect", "skylark")
    check("connect without :PLUG: usage error", code == 2 and "SNAP:PLUG" in err, err)
    code, out, err, _ = run("connections", "not-installed-here")
    check("connections of a snap not installed: exit 3", code == 3 and "not installed" in err,
          f"{code} {err}")

    # ---- permission: an unprivileged user --------------------------------------
    code, out, err, _ = run("connect", "skylark:camera", user="nobody")
    check("connect as an unprivileged user: exit 4, says sudo or polkit",
          code == 4 and "sudo" in err and "polkit" in err, f"{code} {err}")
    check("refused connect changed nothing",
          snapd.connections("skylark").get("camera") == [], snapd.connections("skylark"))

    # ---- --since-install --------------------------------------------------------
    install_usec = int(datetime.datetime.fromisoformat(installed.replace("Z", "+00:00"))
                       .timestamp() * 1e6)
    since_log = os.path.join(work, "since.log")
    with open(since_log, "w", encoding="utf-8") as f:
        f.write(audit_line(install_usec - 3600 * 10**6, "snap.skylark.skylark", "/dev/video0"))
        f.write(audit_line(install_usec + 60 * 10**6, "snap.skylark.import",
                           "/home/ana/.ssh/id_ed25519.pub"))
    code, out, err, _ = run("denials", "--log", since_log, "--snap", "skylark", "--json")
    before = json.loads(out) if code == 0 else None
    code, out, err, _ = run("denials", "--log", since_log, "--snap", "skylark",
                            "--since-install", "--json")
    after = json.loads(out) if code == 0 else None
    check("denials --since-install exits 0", code == 0, err)

    def objects(doc):
        text = json.dumps(doc)
        return ("video0" in text, "id_ed25519" in text)

    check("denials: without --since-install both records", before and objects(before) == (True, True),
          before)
    check("denials --since-install: only what the installed revision was refused",
          after and objects(after) == (False, True), after)
    code, out, err, _ = run("suggest", project, "--log", since_log, "--since-install", "--json")
    sug = json.loads(out) if code == 0 else {}
    check("suggest --since-install: the older camera denial is gone, the newer one planned",
          code == 0 and sug.get("connect") == []
          and [t["target"] for t in sug.get("targets", [])] == ["import"], out + err)
    code, out, err, _ = run("denials", "--log", since_log, "--since-install")
    check("denials --since-install without --snap: usage error", code == 2 and "--snap" in err, err)

    # ---- snapd paused: a timeout, not a hang -------------------------------------
    snapd.pause_daemon()
    try:
        env = dict(os.environ, SNAPCONFINE_SNAPD_TIMEOUT="2")
        code, out, err, took = run("connections", "skylark", env=env, timeout=30)
        check("paused snapd: connections exit 3 within the timeout",
              code == 3 and "did not answer" in err and took < 10, f"{code} {took:.1f}s {err}")
        code, out, err, took = run("check", project, env=env, timeout=30)
        check("paused snapd: check still answers, without connection notes",
              code in (0, 1) and "not-connected" not in out and took < 10, f"{code} {took:.1f}s")
    finally:
        snapd.resume_daemon()

    # ---- snapd stopped mid-session -----------------------------------------
    snapd.stop_daemon()
    code, out, err, took = run("connections", "skylark", timeout=30)
    check("stopped snapd: exit 3, not running or not reachable",
          code == 3 and "not running or not reachable" in err and took < 5, f"{code} {err}")
    code, out, err, took = run("connect", "skylark:camera", timeout=30)
    check("stopped snapd: connect exits 3 at once", code == 3 and took < 5, f"{code} {err}")
    code, out, err, _ = run("suggest", project, "--log", log, "--json")
    sug = json.loads(out) if code == 0 else {}
    check("stopped snapd: suggest has nothing to connect, camera present",
          sug.get("connect") == [] and any(p["plug"] == "camera" for p in sug.get("present", [])),
          out + err)
    code, out, err, _ = run("denials", "--log", log, "--snap", "skylark", "--since-install")
    check("stopped snapd: --since-install exits 3 saying so",
          code == 3 and "not running or not reachable" in err, f"{code} {err}")
    del installed_after


if __name__ == "__main__":
    try:
        main()
    except Exception as e:  # report, do not hide
        import traceback
        traceback.print_exc()
        check("test session ran to the end", False, repr(e))
    sys.exit(sctap.main())
