#!/usr/bin/env python3
"""End-to-end tests of how snapconfine-cli writes and reads snapcraft.yaml
when things are hostile (issue 15): another program's edit landing mid-write,
files owned by someone else, read-only and hard-linked files, signals and
kills during the write, FIFOs, symlink loops, unreadable folders, and a
snapcraft.yaml that links out of the project. TAP output.

Some tests need root (to act as the user nobody) or strace (to hold the
writer at a precise system call); without them they print why and are
skipped, never counted as passed."""
import glob
import os
import shutil
import signal
import stat
import subprocess
import sys
import time

import sctap
from sctap import Skip, test

CLI = os.environ.get("SNAPCONFINE_CLI", "snapconfine-cli")

SIMPLE = """name: demo
base: core22
grade: stable
confinement: devmode

apps:
  demo:
    command: bin/demo
    plugs: [home]
"""

def check(cond, message):
    if not cond:
        raise AssertionError(message)


def run(*args, prefix=(), timeout=30):
    p = subprocess.run([*prefix, CLI, *args], capture_output=True, text=True, timeout=timeout)
    return p.returncode, p.stdout, p.stderr


def project(tmp, text=SIMPLE):
    root = os.path.join(tmp, "proj")
    os.makedirs(os.path.join(root, "snap"), exist_ok=True)
    path = os.path.join(root, "snap", "snapcraft.yaml")
    with open(path, "w") as f:
        f.write(text)
    return root, path


def read(path):
    with open(path, "rb") as f:
        return f.read()


def temporaries(folder):
    return glob.glob(os.path.join(folder, ".snapcraft.yaml.snapconfine-*"))


def as_nobody(tmp):
    """The setpriv prefix that runs a command as nobody, after letting nobody
    reach TMP; raises Skip when that is impossible."""
    if os.geteuid() != 0:
        raise Skip("needs root to run as the user nobody")
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        raise Skip("setpriv (util-linux) is not installed")
    os.chmod(tmp, 0o755)
    prefix = [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"]
    if subprocess.run([*prefix, "test", "-x", tmp]).returncode != 0:
        raise Skip(f"nobody cannot reach {tmp}")
    return prefix


def strace_prefix(*args):
    strace = shutil.which("strace")
    if strace is None:
        raise Skip("strace is not installed")
    prefix = [strace, "-f", "-qq", "-o", os.devnull, *args]
    if subprocess.run([strace, "-o", os.devnull, "true"]).returncode != 0:
        raise Skip("strace cannot trace here (ptrace not permitted)")
    return prefix


def traced_env():
    """LeakSanitizer cannot run under ptrace: a sanitized build is traced
    with leak checks off."""
    env = dict(os.environ)
    env["ASAN_OPTIONS"] = ":".join(filter(None, [env.get("ASAN_OPTIONS", ""), "detect_leaks=0"]))
    return env


def wait_for(predicate, seconds=20):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.02)
    return False


def traced_child(strace_pid):
    """The pid of the program strace started."""
    for task in os.listdir(f"/proc/{strace_pid}/task"):
        try:
            with open(f"/proc/{strace_pid}/task/{task}/children") as f:
                children = f.read().split()
        except OSError:
            continue
        if children:
            return int(children[0])
    return None


# ---- Item 1: a concurrent edit is never lost --------------------------------

@test
def append_during_write_is_kept(tmp):
    """An append that lands while the writer is held just before it moves the
    new file into place (strace delays renameat2 by 2 s) is kept, exit 4."""
    root, path = project(tmp)
    prefix = strace_prefix("-e", "trace=renameat2,rename,renameat",
                           "-e", "inject=renameat2:delay_enter=2000000",
                           "-e", "inject=rename:delay_enter=2000000",
                           "-e", "inject=renameat:delay_enter=2000000")
    p = subprocess.Popen([*prefix, CLI, "strict", root], stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True, env=traced_env())
    try:
        folder = os.path.dirname(path)
        check(wait_for(lambda: len(os.listdir(folder)) > 1), "no temporary appeared")
        time.sleep(0.7)
        with open(path, "a") as f:
            f.write("# added by another program\n")
        out, err = p.communicate(timeout=60)
    finally:
        if p.poll() is None:
            p.kill()
            p.wait()
    check(p.returncode == 4, f"exit {p.returncode}: {err}")
    check("changed on disk" in err, err)
    check(read(path) == (SIMPLE + "# added by another program\n").encode(), read(path))
    check(temporaries(os.path.dirname(path)) == [], "temporary left behind")


# ---- Item 2: owner kept, or refused ------------------------------------------

@test
def someone_elses_file_is_refused(tmp):
    """nobody owns the folder, root owns snapcraft.yaml (0644): exit 4, "you may
    not write", the file unchanged and still root's."""
    prefix = as_nobody(tmp)
    root, path = project(tmp)
    for folder in (root, os.path.dirname(path)):
        os.chown(folder, 65534, 65534)
    os.chmod(path, 0o644)
    code, out, err = run("strict", root, prefix=prefix)
    check(code == 4, f"exit {code}: {err}")
    check("you may not write" in err and "belongs to root" in err, err)
    check(read(path) == SIMPLE.encode(), "file changed")
    check(os.stat(path).st_uid == 0, "owner changed")
    check(sorted(os.listdir(os.path.dirname(path))) == ["snapcraft.yaml"], "temporary left behind")


# ---- Item 3: read-only ---------------------------------------------------------

@test
def read_only_needs_force(tmp):
    root, path = project(tmp)
    os.chmod(path, 0o444)
    code, out, err = run("strict", root)
    check(code == 4, f"exit {code}: {err}")
    check("read-only" in err and "--force" in err, err)
    check(read(path) == SIMPLE.encode(), "file changed")
    code, out, err = run("strict", root, "--force")
    check(code == 0, f"exit {code}: {err}")
    check(b"confinement: strict" in read(path), read(path))
    check(stat.S_IMODE(os.stat(path).st_mode) == 0o444, oct(os.stat(path).st_mode))


@test
def suggest_apply_read_only_needs_force(tmp):
    root, path = project(tmp)
    os.chmod(path, 0o444)
    log = os.path.join(tmp, "empty.log")
    open(log, "w").close()
    code, out, err = run("suggest", root, "--log", log, "--apply")
    check(code == 4, f"exit {code}: {err}")
    check("read-only" in err, err)
    check(read(path) == SIMPLE.encode(), "file changed")
    code, out, err = run("suggest", root, "--log", log, "--apply", "--force")
    check(code == 0, f"exit {code}: {err}")
    check(b"confinement: strict" in read(path), read(path))


# ---- Item 4: setuid, hard links ------------------------------------------------------

@test
def setgid_and_owner_kept(tmp):
    root, path = project(tmp)
    if os.geteuid() == 0:
        os.chown(path, 65534, 65534)
    os.chmod(path, 0o6775)
    before = os.stat(path)
    code, out, err = run("strict", root)
    check(code == 0, f"exit {code}: {err}")
    after = os.stat(path)
    check(stat.S_IMODE(after.st_mode) == 0o6775, oct(after.st_mode))
    check((after.st_uid, after.st_gid) == (before.st_uid, before.st_gid), "owner changed")


@test
def hard_link_refused_unless_forced(tmp):
    root, path = project(tmp)
    other = os.path.join(tmp, "backup.yaml")
    os.link(path, other)
    code, out, err = run("strict", root)
    check(code == 4, f"exit {code}: {err}")
    check("hard link" in err and "--force" in err, err)
    check(read(path) == SIMPLE.encode(), "file changed")
    code, out, err = run("strict", root, "--force")
    check(code == 0, f"exit {code}: {err}")
    check(b"confinement: strict" in read(path), "not written")
    check(read(other) == SIMPLE.encode(), "the other name should keep the old text")


# ---- Item 5: signals and kills -----------------------------------------------------

def held_in_fsync(tmp, sig):
    """Starts `strict` held 3 s in its first fsync, sends SIG to it; returns
    the folder and the file."""
    root, path = project(tmp)
    folder = os.path.dirname(path)
    prefix = strace_prefix("-e", "trace=fsync", "-e", "inject=fsync:delay_enter=3000000")
    p = subprocess.Popen([*prefix, CLI, "strict", root], stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True, env=traced_env())
    try:
        check(wait_for(lambda: len(os.listdir(folder)) > 1), "no temporary appeared")
        time.sleep(0.3)
        child = traced_child(p.pid)
        check(child is not None, "cannot find the traced program")
        os.kill(child, sig)
        p.communicate(timeout=60)
    finally:
        if p.poll() is None:
            p.kill()
            p.wait()
    return root, folder, path


@test
def sigterm_during_fsync_leaves_nothing(tmp):
    root, folder, path = held_in_fsync(tmp, signal.SIGTERM)
    check(read(path) == SIMPLE.encode(), "file changed")
    check(sorted(os.listdir(folder)) == ["snapcraft.yaml"], os.listdir(folder))


@test
def sigint_during_fsync_leaves_nothing(tmp):
    root, folder, path = held_in_fsync(tmp, signal.SIGINT)
    check(read(path) == SIMPLE.encode(), "file changed")
    check(sorted(os.listdir(folder)) == ["snapcraft.yaml"], os.listdir(folder))


@test
def sigkill_leftover_removed_by_next_write(tmp):
    root, folder, path = held_in_fsync(tmp, signal.SIGKILL)
    check(len(temporaries(folder)) == 1, f"a SIGKILL leaves its temporary: {os.listdir(folder)}")
    code, out, err = run("strict", root)
    check(code == 0, f"exit {code}: {err}")
    check(sorted(os.listdir(folder)) == ["snapcraft.yaml"], os.listdir(folder))


# ---- Item 6: FIFOs ------------------------------------------------------------------------

@test
def fifo_never_hangs(tmp):
    fifo = os.path.join(tmp, "snapcraft.yaml")
    os.mkfifo(fifo)
    folder = os.path.join(tmp, "proj")
    os.makedirs(os.path.join(folder, "snap"))
    os.mkfifo(os.path.join(folder, "snap", "snapcraft.yaml"))
    log = os.path.join(tmp, "empty.log")
    open(log, "w").close()
    for target in (fifo, folder):
        for args in (["show", target], ["check", target], ["strict", target],
                     ["suggest", target, "--log", log]):
            code, out, err = run(*args, timeout=20)
            check(code == 3, f"{args}: exit {code}: {err}")
            check("not a regular file (it is a FIFO)" in err, f"{args}: {err}")


# ---- Item 13: loops, permissions, links out of the project ----------------------------------

@test
def symlink_loop_says_so(tmp):
    loop = os.path.join(tmp, "snapcraft.yaml")
    os.symlink("snapcraft.yaml", loop)
    for target in (loop, tmp):
        code, out, err = run("show", target)
        check(code == 3, f"exit {code}: {err}")
        check("symlink loop" in err and "no such file" not in err, err)


@test
def unreadable_snap_folder_says_permission_denied(tmp):
    root, path = project(tmp)
    prefix = as_nobody(tmp) if os.geteuid() == 0 else []
    os.chmod(root, 0o755)
    os.chmod(os.path.dirname(path), 0)
    try:
        code, out, err = run("show", root, prefix=prefix)
    finally:
        os.chmod(os.path.dirname(path), 0o755)
    check(code == 3, f"exit {code}: {err}")
    check("permission denied" in err and "no snapcraft.yaml" not in err, err)


@test
def link_out_of_project_is_named(tmp):
    root = os.path.join(tmp, "proj")
    os.makedirs(os.path.join(root, "snap"))
    shared = os.path.join(tmp, "shared", "demo.yaml")
    os.makedirs(os.path.dirname(shared))
    with open(shared, "w") as f:
        f.write(SIMPLE)
    os.symlink("../../shared/demo.yaml", os.path.join(root, "snap", "snapcraft.yaml"))
    real = os.path.realpath(shared)
    code, out, err = run("strict", root, "--dry-run")
    check(code == 0, f"exit {code}: {err}")
    check(f"the bytes will be written to {real}" in err, err)
    code, out, err = run("strict", root)
    check(code == 0, f"exit {code}: {err}")
    check(f"written to {real} (outside the project)" in err, err)
    check(os.path.islink(os.path.join(root, "snap", "snapcraft.yaml")), "link replaced")
    check(b"confinement: strict" in read(shared), "target not written")


if __name__ == "__main__":
    sys.exit(sctap.main())
