#!/usr/bin/env python3
"""End-to-end tests of `snapconfine-cli show` and `strict` (TAP output).

Every exit code, --dry-run writing nothing, mode bits, symlinks, CRLF,
finding the project file, the JSON contract of `show --json`."""
import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile

CLI = os.environ.get("SNAPCONFINE_CLI", "snapconfine-cli")
SRC = os.environ.get("SC_SOURCE_ROOT", os.path.join(os.path.dirname(__file__), ".."))
EXAMPLE = os.path.join(SRC, "examples", "skylark")

import sctap
from sctap import test


def run(*args, stdin=None):
    p = subprocess.run([CLI, *args], capture_output=True, text=True, input=stdin, timeout=60)
    return p.returncode, p.stdout, p.stderr


def check(cond, message):
    if not cond:
        raise AssertionError(message)


def project_copy(tmp, text=None, where="snap/snapcraft.yaml", newline=None):
    root = os.path.join(tmp, "proj")
    if text is None:
        shutil.copytree(EXAMPLE, root)
        return root, os.path.join(root, "snap", "snapcraft.yaml")
    path = os.path.join(root, where)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", newline=newline or "") as f:
        f.write(text)
    return root, path


SIMPLE = """name: demo   # the snap
base: core22
grade: stable
confinement: devmode

apps:
  demo:
    command: bin/demo
    plugs:
      - home
  worker:
    command: bin/worker
    daemon: simple
    plugs: [network]
hooks:
  install:
    plugs: [network]
"""


@test
def show_json_contract(tmp):
    code, out, err = run("show", EXAMPLE, "--json")
    check(code == 0, f"exit {code}: {err}")
    doc = json.loads(out)
    for key in ("file", "name", "base", "grade", "confinement", "apps", "hooks", "plugs", "warnings"):
        check(key in doc, f"missing {key}")
    check(doc["file"] == "snap/snapcraft.yaml", doc["file"])
    check(doc["name"] == "skylark" and doc["confinement"] == "devmode", doc)
    names = [a["name"] for a in doc["apps"]]
    check(names == ["skylark", "skylark-sync", "import"], f"apps in file order: {names}")
    app = doc["apps"][0]
    for key in ("name", "command", "daemon", "extensions", "plugs", "implied"):
        check(key in app, f"app lacks {key}")
    check(app["plugs"] == ["home", "network"], app["plugs"])
    check(app["extensions"] == ["gnome"], app["extensions"])
    check(app["daemon"] is None, "absent daemon must be null")
    check(doc["apps"][1]["daemon"] == "simple", doc["apps"][1])
    check(doc["apps"][2]["plugs"] == [], "app without plugs key has []")
    check([h["name"] for h in doc["hooks"]] == ["configure"], doc["hooks"])
    check(doc["hooks"][0]["plugs"] == ["network"], doc["hooks"])


@test
def show_text(tmp):
    code, out, err = run("show", EXAMPLE)
    check(code == 0, err)
    check("skylark" in out and "devmode" in out, out)


@test
def show_given_file(tmp):
    code, out, err = run("show", os.path.join(EXAMPLE, "snap", "snapcraft.yaml"), "--json")
    check(code == 0, err)
    check(json.loads(out)["file"] == "snapcraft.yaml", out)


@test
def find_order_and_warning(tmp):
    root, _ = project_copy(tmp, SIMPLE, "snap/snapcraft.yaml")
    with open(os.path.join(root, "snapcraft.yaml"), "w") as f:
        f.write(SIMPLE.replace("name: demo", "name: first"))
    code, out, err = run("show", root, "--json")
    check(code == 0, err)
    doc = json.loads(out)
    check(doc["file"] == "snapcraft.yaml" and doc["name"] == "first", doc["file"])
    check(any("snapcraft.yaml" in w for w in doc["warnings"]), f"warning expected: {doc['warnings']}")


@test
def find_build_aux_and_hidden(tmp):
    root, _ = project_copy(tmp, SIMPLE, "build-aux/snap/snapcraft.yaml")
    code, out, _ = run("show", root, "--json")
    check(code == 0 and json.loads(out)["file"] == "build-aux/snap/snapcraft.yaml", out)
    root2 = os.path.join(tmp, "hidden")
    os.makedirs(root2)
    with open(os.path.join(root2, ".snapcraft.yaml"), "w") as f:
        f.write(SIMPLE)
    code, out, _ = run("show", root2, "--json")
    check(code == 0 and json.loads(out)["file"] == ".snapcraft.yaml", out)


@test
def exit_3_no_project(tmp):
    code, out, err = run("show", tmp)
    check(code == 3, f"exit {code}")
    check(err.strip() != "", "an error message is expected")


@test
def exit_3_syntax_error_with_position(tmp):
    root, path = project_copy(tmp, "name: demo\napps:\n  a:\n    command: [x\n")
    code, out, err = run("show", root)
    check(code == 3, f"exit {code}")
    check("snap/snapcraft.yaml:" in err or "snapcraft.yaml:" in err, err)
    first = err.strip().splitlines()[0]
    parts = first.split(":")
    check(len(parts) >= 4 and parts[1].isdigit() and parts[2].isdigit(), f"FILE:LINE:COL expected: {first}")


@test
def exit_3_duplicate_key(tmp):
    root, _ = project_copy(tmp, "name: demo\napps:\n  a:\n    command: x\n  a:\n    command: y\n")
    code, out, err = run("strict", root)
    check(code == 3, f"exit {code}")
    check(":5:" in err, f"second key at line 5: {err}")


@test
def exit_3_not_a_project(tmp):
    for text in ("", "- a\n- b\n", "summary: no name\n", "name: x\napps: [a]\n",
                 "name: x\napps:\n  a:\n    plugs: home\n"):
        root, _ = project_copy(tempfile.mkdtemp(dir=tmp), text)
        code, _, err = run("show", root)
        check(code == 3, f"{text!r}: exit {code} {err}")


@test
def exit_2_usage(tmp):
    check(run()[0] == 2, "no command")
    check(run("frobnicate")[0] == 2, "unknown command")
    check(run("show")[0] == 2, "missing path")
    check(run("show", EXAMPLE, "--bogus")[0] == 2, "unknown option")
    check(run("strict", EXAMPLE, "--plug", "nonsense")[0] == 2, "malformed assignment")


@test
def exit_2_unknown_target(tmp):
    root, path = project_copy(tmp)
    before = open(path, "rb").read()
    code, out, err = run("strict", root, "--plug", "nope=camera")
    check(code == 2, f"unknown app: exit {code} {err}")
    code, out, err = run("strict", root, "--plug", "hook:nope=camera")
    check(code == 2, f"unknown hook: exit {code} {err}")
    check(open(path, "rb").read() == before, "nothing may be written")


@test
def dry_run_writes_nothing(tmp):
    root, path = project_copy(tmp)
    before = open(path, "rb").read()
    mtime = os.stat(path).st_mtime_ns
    code, out, err = run("strict", root, "--plug", "skylark=camera", "--dry-run")
    check(code == 0, err)
    check(out.startswith("--- a/snap/snapcraft.yaml\n+++ b/snap/snapcraft.yaml\n"), out[:80])
    check("-confinement: devmode" in out and "+confinement: strict" in out, out)
    check("+      - camera" in out, out)
    check(open(path, "rb").read() == before and os.stat(path).st_mtime_ns == mtime, "file touched")
    check(sorted(os.listdir(os.path.dirname(path))) == ["hooks", "snapcraft.yaml"], "no temp files")


@test
def strict_writes_and_keeps_everything(tmp):
    root, path = project_copy(tmp)
    before = open(path, "rb").read().decode()
    code, out, err = run("strict", root, "--plug", "skylark=camera", "--unplug", "skylark-sync=network-bind",
                         "--plug", "hook:configure=network-observe")
    check(code == 0, err)
    after = open(path, "rb").read().decode()
    check("confinement: strict   # TODO: switch to strict once the plugs are right" in after, after)
    check("  confinement: strict is the goal" in after, "block scalar text untouched")
    check("plugs: [network]\n" not in after.split("hooks:")[1].split("parts:")[0] or True, "")
    code, out, _ = run("show", root, "--json")
    doc = json.loads(out)
    check(doc["confinement"] == "strict", doc)
    apps = {a["name"]: a for a in doc["apps"]}
    check(apps["skylark"]["plugs"] == ["home", "network", "camera"], apps["skylark"]["plugs"])
    check(apps["skylark-sync"]["plugs"] == ["network"], apps["skylark-sync"]["plugs"])
    check(doc["hooks"][0]["plugs"] == ["network", "network-observe"], doc["hooks"])
    # Every line that was not edited is still there, in order.
    kept = [l for l in before.splitlines() if "confinement: devmode" not in l and "network-bind" not in l
            and not l.startswith("    plugs: [network")]
    it = iter(after.splitlines())
    for line in kept:
        check(any(line == l for l in it), f"line lost or reordered: {line!r}")
    # Running again changes nothing and still exits 0.
    code, out, err = run("strict", root, "--plug", "skylark=camera")
    check(code == 0, err)
    check(open(path, "rb").read().decode() == after, "second run must not change the file")


@test
def mode_bits_kept(tmp):
    root, path = project_copy(tmp, SIMPLE)
    os.chmod(path, 0o640)
    code, _, err = run("strict", root, "--plug", "demo=camera")
    check(code == 0, err)
    check(stat.S_IMODE(os.stat(path).st_mode) == 0o640, oct(os.stat(path).st_mode))


@test
def symlink_kept(tmp):
    root = os.path.join(tmp, "proj")
    os.makedirs(root)
    real = os.path.join(tmp, "real.yaml")
    with open(real, "w") as f:
        f.write(SIMPLE)
    os.symlink(real, os.path.join(root, "snapcraft.yaml"))
    code, _, err = run("strict", root, "--plug", "demo=camera")
    check(code == 0, err)
    check(os.path.islink(os.path.join(root, "snapcraft.yaml")), "link replaced by a file")
    check("confinement: strict" in open(real).read(), "target not written")
    check(sorted(os.listdir(root)) == ["snapcraft.yaml"], os.listdir(root))


@test
def crlf_kept(tmp):
    root, path = project_copy(tmp, SIMPLE.replace("\n", "\r\n"))
    code, _, err = run("strict", root, "--plug", "demo=camera", "--plug", "worker=camera")
    check(code == 0, err)
    data = open(path, "rb").read()
    check(b"\n" not in data.replace(b"\r\n", b""), "a bare LF was written into a CRLF file")
    check(b"confinement: strict\r\n" in data and b"camera" in data, data)


@test
def nothing_to_change_exit_0(tmp):
    root, path = project_copy(tmp, SIMPLE.replace("devmode", "strict"))
    before = open(path, "rb").read()
    code, out, err = run("strict", root)
    check(code == 0, err)
    check(open(path, "rb").read() == before, "unchanged")
    code, out, err = run("strict", root, "--dry-run")
    check(code == 0 and out == "", f"empty diff expected: {out!r}")


@test
def exit_4_write_failed(tmp):
    # The folder cannot take the temporary file: exit 4 and the file intact.
    # As root permissions do not apply, so the CLI runs as nobody then.
    root, path = project_copy(tmp, SIMPLE)
    folder = os.path.dirname(path)
    before = open(path, "rb").read()
    os.chmod(folder, 0o555)
    os.chmod(tmp, 0o755)
    os.chmod(root, 0o755)
    os.chmod(path, 0o644)
    prefix = []
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        check(setpriv is not None, "setpriv (util-linux) is needed to drop root")
        prefix = [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"]
    try:
        p = subprocess.run(prefix + [CLI, "strict", root, "--plug", "demo=camera"],
                           capture_output=True, text=True, timeout=60)
    finally:
        os.chmod(folder, 0o755)
    check(p.returncode == 4, f"exit {p.returncode}: {p.stderr}")
    check(open(path, "rb").read() == before, "file changed")
    check(sorted(os.listdir(folder)) == ["snapcraft.yaml"], "temporary file left behind")


# -- issue 11: top-level definitions, names snapd would refuse, extensions --
CUPS = """name: cups
base: core22
grade: stable
confinement: devmode

plugs:
  etc-cups:
    interface: system-files
    read:
      - /etc/cups
  dot-foo:
    interface: personal-files
    read: [$HOME/.foo]

apps:
  cupsd:
    command: cupsd
    plugs: [network, etc-cups]
  gs:
    command: gs
    plugs:
      - etc-cups
  desk:
    command: desk
    extensions: [gnome]
"""


def show(root):
    code, out, err = run("show", root, "--json")
    check(code == 0, f"show: exit {code}: {err}")
    return json.loads(out)


@test
def unplug_last_listing_removes_definition(tmp):
    root, path = project_copy(tmp, CUPS)
    code, out, err = run("strict", root, "--unplug", "cupsd=etc-cups", "--unplug", "gs=etc-cups",
                         "--dry-run")
    check(code == 0, f"exit {code}: {err}")
    check("-  etc-cups:\n" in out and "-      - /etc/cups\n" in out, f"diff keeps the definition:\n{out}")
    check("Removed the definition of plug “etc-cups”" in err, f"no note: {err}")
    code, out, err = run("strict", root, "--unplug", "cupsd=etc-cups", "--unplug", "gs=etc-cups")
    check(code == 0, f"exit {code}: {err}")
    check("Removed the definition of plug “etc-cups”" in err, f"no note on write: {err}")
    doc = show(root)
    check("etc-cups" not in doc["plugs"], f"definition left: {doc['plugs']}")
    check("dot-foo" in doc["plugs"], "the other definition went too")
    for app in doc["apps"]:
        check(all(i["plug"] != "etc-cups" for i in app["implied"]),
              f"{app['name']} still gets etc-cups unscoped")


@test
def keep_definitions_warns(tmp):
    root, path = project_copy(tmp, CUPS)
    code, out, err = run("strict", root, "--unplug", "cupsd=etc-cups", "--unplug", "gs=etc-cups",
                         "--keep-definitions")
    check(code == 0, f"exit {code}: {err}")
    check("warning: Kept the definition of plug “etc-cups”" in err and "cupsd, gs, desk" in err,
          f"no warning naming who gets it: {err}")
    doc = show(root)
    check("etc-cups" in doc["plugs"], "definition removed despite --keep-definitions")


@test
def plug_unscoped_definition_warns(tmp):
    root, path = project_copy(tmp, CUPS)
    code, out, err = run("strict", root, "--plug", "gs=dot-foo", "--dry-run")
    check(code == 0, f"exit {code}: {err}")
    check("warning: Plug “dot-foo” went to every app and hook" in err and "cupsd, desk" in err,
          f"no warning listing the apps that lose it: {err}")


@test
def plug_unknown_name_is_usage_error(tmp):
    root, path = project_copy(tmp, CUPS)
    before = open(path, "rb").read()
    code, out, err = run("strict", root, "--plug", "gs=netwrok")
    check(code == 2, f"exit {code}: {err}")
    check("did you mean “network”" in err, err)
    code, out, err = run("strict", root, "--plug", "gs=foo-bar")
    check(code == 2 and "neither a snapd interface nor a plug defined" in err, f"{code}: {err}")
    check(open(path, "rb").read() == before, "file written")


@test
def plug_bare_interface_needing_attributes(tmp):
    root, path = project_copy(tmp, CUPS)
    before = open(path, "rb").read()
    for iface, what in (("personal-files", "“read” or “write”"), ("content", "“target”"),
                        ("dbus", "“bus” and “name”")):
        code, out, err = run("strict", root, "--plug", f"gs={iface}")
        check(code == 2, f"{iface}: exit {code}: {err}")
        check(what in err and f"{iface}:" in err, f"{iface}: does not say what to add: {err}")
    check(open(path, "rb").read() == before, "file written")


@test
def plug_with_attributes_creates_definition(tmp):
    root, path = project_copy(tmp, CUPS)
    code, out, err = run("strict", root, "--plug",
                         "gs=personal-files:read=$HOME/.config/gs,write=$HOME/.local/share/gs")
    check(code == 0, f"exit {code}: {err}")
    doc = show(root)
    check(doc["plugs"].get("dot-config-gs") == {"interface": "personal-files",
                                                "read": ["$HOME/.config/gs"],
                                                "write": ["$HOME/.local/share/gs"]},
          f"definition: {doc['plugs']}")
    check([a["plugs"] for a in doc["apps"] if a["name"] == "gs"] == [["etc-cups", "dot-config-gs"]],
          f"gs: {doc['apps']}")
    # Named, several values of one attribute, and an identical one reused.
    code, out, err = run("strict", root, "--plug", "cupsd=dbus-svc=dbus:bus=system,name=org.cups.A",
                         "--plug", "desk=personal-files:read=$HOME/.config/gs,write=$HOME/.local/share/gs")
    check(code == 0, f"exit {code}: {err}")
    doc = show(root)
    check(doc["plugs"].get("dbus-svc") == {"interface": "dbus", "bus": "system",
                                           "name": "org.cups.A"}, f"{doc['plugs']}")
    check("dot-config-gs-2" not in doc["plugs"], "an identical definition was duplicated")
    check([a["plugs"] for a in doc["apps"] if a["name"] == "desk"] == [["dot-config-gs"]],
          f"desk: {doc['apps']}")
    # Paths snapd refuses, attributes that are not well formed: exit 2.
    before = open(path, "rb").read()
    for spec in ("personal-files:read=$HOME/.x/$HOME/y", "personal-files:read=/etc/x",
                 "system-files:read=$HOME/.x", "personal-files:read", "content:default-provider=x",
                 "nosuch:a=b"):
        code, out, err = run("strict", root, "--plug", f"gs={spec}")
        check(code == 2, f"{spec}: exit {code}: {err}")
    check(open(path, "rb").read() == before, "file written")


@test
def extension_plugs(tmp):
    root, path = project_copy(tmp, CUPS)
    before = open(path, "rb").read()
    code, out, err = run("strict", root, "--plug", "desk=x11", "--dry-run")
    check(code == 0, f"exit {code}: {err}")
    check("desk already gets “x11” from the gnome extension" in err, err)
    check("+      - x11" not in out and "x11" not in out, f"x11 written:\n{out}")
    code, out, err = run("strict", root, "--unplug", "desk=wayland", "--dry-run")
    check(code == 0 and "note: desk gets “wayland” from the gnome extension" in err and
          "cannot be removed there" in err, f"{code}: {err}")
    check("wayland" not in out, f"diff mentions wayland:\n{out}")
    check(open(path, "rb").read() == before, "file written")


@test
def invalid_listed_name_plug_and_unplug_agree(tmp):
    # Issue 15: a name snapd refuses that the list holds may be removed and
    # put back; one it does not hold is refused both ways alike.
    root, path = project_copy(tmp, "name: x\nconfinement: strict\napps:\n  a:\n    command: a\n"
                                   "    plugs: [Home, home]\n")
    before = open(path, "rb").read()
    code, out, err = run("strict", root, "--plug", "a=Home")
    check(code == 0, f"--plug a=Home: exit {code}: {err}")
    code, out, err = run("strict", root, "--unplug", "a=Home", "--plug", "a=Home")
    check(code == 0 and open(path, "rb").read() == before, f"undo: exit {code}: {err}")
    code, out, err = run("strict", root, "--plug", "a=Other")
    check(code == 2, f"--plug a=Other: exit {code}")
    code, out, err = run("strict", root, "--unplug", "a=Home")
    check(code == 0, f"--unplug a=Home: exit {code}: {err}")
    check(show(root)["apps"][0]["plugs"] == ["home"], "Home not removed")


def main():
    return sctap.main()


if __name__ == "__main__":
    sys.exit(main())
