#!/usr/bin/env python3
# systemctl-stand-in.py
#
# Copyright 2026 The Snap Confine authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# What snapd needs of systemctl on a machine without systemd as PID 1
# (../shared/reference/snapd-on-this-machine.md): `start X.mount` mounts
# what /etc/systemd/system/X.mount describes, `stop X.mount` unmounts it,
# `show` reports units as active and enabled, everything else succeeds.
# Every call is logged to $SC_STAND_IN_LOG when set.
import os
import subprocess
import sys

UNIT_DIR = "/etc/systemd/system"


def log(*words):
    path = os.environ.get("SC_STAND_IN_LOG")
    if path:
        with open(path, "a", encoding="utf-8") as f:
            f.write("systemctl " + " ".join(words) + "\n")


def read_unit(unit):
    values = {}
    try:
        with open(os.path.join(UNIT_DIR, unit), encoding="utf-8") as f:
            for line in f:
                if "=" in line and not line.startswith("#"):
                    key, value = line.rstrip("\n").split("=", 1)
                    values.setdefault(key.strip(), value.strip())
    except OSError:
        return None
    return values


def is_mounted(where):
    try:
        with open("/proc/self/mountinfo", encoding="utf-8") as f:
            return any(line.split()[4] == where for line in f)
    except OSError:
        return False


def start(unit):
    values = read_unit(unit)
    if not unit.endswith(".mount") or values is None:
        return 0
    what, where = values.get("What"), values.get("Where")
    if not what or not where:
        return 0
    os.makedirs(where, exist_ok=True)
    if is_mounted(where):
        return 0
    if values.get("Type") == "squashfs":
        return subprocess.call(["unsquashfs", "-q", "-f", "-d", where, what],
                               stdout=subprocess.DEVNULL)
    options = [o for o in values.get("Options", "").split(",")
               if o and not o.startswith("x-")]
    args = ["mount"]
    if options:
        args += ["-o", ",".join(options)]
    return subprocess.call(args + [what, where])


def stop(unit):
    values = read_unit(unit)
    if not unit.endswith(".mount") or values is None:
        return 0
    where = values.get("Where")
    if where and is_mounted(where):
        return subprocess.call(["umount", "-l", where])
    return 0


def show(args):
    props = []
    units = []
    i = 0
    while i < len(args):
        a = args[i]
        if a.startswith("--property="):
            props += a.split("=", 1)[1].split(",")
        elif a in ("-p", "--property") and i + 1 < len(args):
            i += 1
            props += args[i].split(",")
        elif not a.startswith("-"):
            units.append(a)
        i += 1
    if not props:
        props = ["ActiveState"]
    blocks = []
    for unit in units or [""]:
        values = {
            "Id": unit, "Names": unit, "ActiveState": "active", "SubState": "running",
            "UnitFileState": "enabled", "Type": "simple", "NeedDaemonReload": "no",
            "MainPID": "0", "NRestarts": "0", "LoadState": "loaded",
        }
        blocks.append("\n".join(f"{p}={values.get(p, '')}" for p in props))
    print("\n\n".join(blocks))
    return 0


def main(argv):
    log(*argv)
    words = [a for a in argv if not a.startswith("-")]
    if "--version" in argv:
        print("systemd 252 (252)")
        return 0
    if not words:
        return 0
    verb, units = words[0], words[1:]
    if verb == "start" or verb == "restart" or verb == "reload-or-restart":
        return max([start(u) for u in units] or [0])
    if verb == "stop":
        return max([stop(u) for u in units] or [0])
    if verb == "show":
        return show(argv[1:])
    if verb == "is-enabled":
        print("enabled")
        return 0
    if verb == "is-active":
        print("active")
        return 0
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
