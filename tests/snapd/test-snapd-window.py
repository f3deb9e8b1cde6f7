#!/usr/bin/env python3
# test-snapd-window.py
#
# Copyright 2026 The Snap Confine authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The window against a real snapd (snapd_harness.py): installs the example
# project's snap in try mode, with camera declared on the skylark app, and
# network-bind declared in the file but left out of the installed revision
# (the file was edited, not rebuilt); then runs test-snapd-window (Xvfb)
# which flips switches, clicks the sidebar's Connect and reads state back
# with `snap connections`. Then snapd is stopped and the window must say
# connection state is unavailable without hanging. Prints TAP; skips
# (never passes) without a display or when a snapd it did not start owns
# /run/snapd.socket.

import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.dirname(HERE))
import snapd_harness  # noqa: E402
import sctap  # noqa: E402
from sctap import check  # noqa: E402
from importlib import util as _util  # noqa: E402

spec = _util.spec_from_file_location("snapd_cli_test", os.path.join(HERE, "test-snapd-cli.py"))
cli_test = _util.module_from_spec(spec)
spec.loader.exec_module(cli_test)

CLI = os.environ.get("SNAPCONFINE_CLI")
BINARY = os.environ.get("SC_SNAPD_WINDOW_TEST")
SRC = os.environ.get("SC_SOURCE_ROOT", os.path.join(HERE, "..", ".."))
EXAMPLE = os.path.join(SRC, "examples", "skylark")


def tail(text, lines=40):
    return "\n".join(text.splitlines()[-lines:])


def run_binary(mode, project, log, pid=0):
    env = dict(os.environ, SC_SNAPD_WINDOW_MODE=mode, SC_SNAPD_WINDOW_PROJECT=project,
               SC_SNAPD_WINDOW_LOG=log, SC_SNAPD_PID=str(pid), SNAPCONFINE_SNAPD_TIMEOUT="3")
    try:
        proc = subprocess.run([BINARY, "--tap"], capture_output=True, text=True, env=env,
                              timeout=120)
    except subprocess.TimeoutExpired as e:
        check(f"window ({mode}) ends", False, f"hung: {e}")
        return
    lines = [l for l in proc.stdout.splitlines() if re.match(r"^(not )?ok\b", l)]
    if not lines:
        check(f"window ({mode}) ran", False, tail(proc.stdout + proc.stderr))
    for line in lines:
        ok = line.startswith("ok")
        name = re.sub(r"^(not )?ok \d+ ", "", line)
        check(f"window ({mode}): {name}", ok, tail(proc.stdout[-3000:] + proc.stderr[-3000:]))
    if proc.returncode != 0 and all(line.startswith("ok") for line in lines):
        check(f"window ({mode}) exits 0", False, tail(proc.stderr[-3000:]))


def main():
    if not CLI or not BINARY:
        sctap.skip_all("SNAPCONFINE_CLI or SC_SNAPD_WINDOW_TEST is not set")
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        sctap.skip_all("no display (build-aux/test.sh runs the suite under xvfb-run)")
    reason = snapd_harness.skip_reason()
    if reason:
        sctap.skip_all(reason)

    work = tempfile.mkdtemp(prefix="sc-snapd-window-")
    try:
        project = os.path.join(work, "skylark")
        shutil.copytree(EXAMPLE, project)
        subprocess.run([CLI, "strict", project, "--plug", "skylark=camera"], check=True,
                       capture_output=True)
        cli_test.CLI = CLI
        snap_yaml, files = cli_test.snap_yaml_from_project(project)
        # The installed revision predates network-bind on skylark-sync.
        snap_yaml = snap_yaml.replace("plugs: [network, network-bind]", "plugs: [network]")
        assert "network-bind" not in snap_yaml, snap_yaml
        log = os.path.join(EXAMPLE, "denials.log")
        with snapd_harness.Snapd() as snapd:
            snapd.try_snap(snapd.make_folder("skylark", snap_yaml, files))
            run_binary("installed", project, log, snapd.proc.pid)
            snapd.stop_daemon()
            run_binary("unavailable", project, log)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    check("cleanup: nothing mounted, no snapd state left",
          not snapd_harness.mounts_under("/snap/") and not os.path.exists(snapd_harness.STATE))


if __name__ == "__main__":
    try:
        main()
    except Exception as e:
        import traceback
        traceback.print_exc()
        check("test session ran to the end", False, repr(e))
    sys.exit(sctap.main())
