# snapd_harness.py
#
# Copyright 2026 The Snap Confine authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Starts a real snapd for the tests the way
# ../shared/reference/snapd-on-this-machine.md describes: Debian's snapd
# under systemd-socket-activate, stand-ins for systemctl and udevadm first
# on its PATH, a core22 base and the snapd snap in try mode from folders
# holding meta/snap.yaml. Cleans up what it created: kills snapd, unmounts
# /snap/*/*, removes every file and folder that appeared under snapd's
# directories (the list of what was there before is kept in a marker file,
# so a run that crashed is cleaned by the next one).
#
# It never touches a snapd it did not start: when /run/snapd.socket answers
# or snapd state exists that is not ours, skip_reason() says why.

import fcntl
import http.client
import json
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SNAPD = "/usr/lib/snapd/snapd"
SOCKET = "/run/snapd.socket"
SNAP_SOCKET = "/run/snapd-snap.socket"
STATE = "/var/lib/snapd/state.json"
MARKER = "/var/lib/snapd/.snapconfine-tests"
LOCK = "/run/lock/snapconfine-snapd-tests.lock"
# Where snapd writes when it installs a snap; what appears here is removed.
ROOTS = ["/var/lib/snapd", "/snap", "/var/snap", "/etc/systemd/system",
         "/etc/udev/rules.d", "/etc/dbus-1/system.d", "/var/cache/snapd",
         "/run/snapd"]
# In shared folders only snapd's own names are removed, never a file some
# package installed meanwhile.
SHARED_ROOTS = ("/etc/systemd/system", "/etc/udev/rules.d", "/etc/dbus-1/system.d")


def snapd_created(path):
    for root in SHARED_ROOTS:
        if path == root:
            return False
        if path.startswith(root + "/"):
            return os.path.basename(path).startswith(("snap", "70-snap", "var-lib-snapd"))
    return True


class UnixHTTPConnection(http.client.HTTPConnection):
    def __init__(self, path, timeout):
        super().__init__("localhost", timeout=timeout)
        self.path = path

    def connect(self):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.settimeout(self.timeout)
        self.sock.connect(self.path)


def request(method, path, body=None, timeout=10):
    """(status, decoded JSON) from snapd's REST API."""
    conn = UnixHTTPConnection(SOCKET, timeout)
    try:
        headers = {"Content-Type": "application/json"} if body is not None else {}
        conn.request(method, path, body=json.dumps(body) if body is not None else None,
                     headers=headers)
        resp = conn.getresponse()
        return resp.status, json.loads(resp.read() or b"{}")
    finally:
        conn.close()


def socket_answers(path=SOCKET):
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.settimeout(2)
    try:
        s.connect(path)
        return True
    except OSError:
        return False
    finally:
        s.close()


def snapshot():
    paths = []
    for root in ROOTS:
        if not os.path.lexists(root):
            continue
        paths.append(root)
        for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
            # Never descend into mounted snaps.
            dirnames[:] = [d for d in dirnames
                           if not os.path.ismount(os.path.join(dirpath, d))]
            for name in dirnames + filenames:
                paths.append(os.path.join(dirpath, name))
    return paths


def mounts_under(prefix):
    found = []
    try:
        with open("/proc/self/mountinfo", encoding="utf-8") as f:
            for line in f:
                point = line.split()[4].replace("\\040", " ")
                if point.startswith(prefix):
                    found.append(point)
    except OSError:
        pass
    return sorted(found, key=len, reverse=True)


def unmount_snaps():
    for point in mounts_under("/snap/"):
        subprocess.call(["umount", "-l", point], stderr=subprocess.DEVNULL)


def clean_from_marker():
    """Removes what appeared since the marker was written, then the marker."""
    try:
        with open(MARKER, encoding="utf-8") as f:
            before = set(json.load(f))
    except (OSError, ValueError):
        before = None
    unmount_snaps()
    if before is not None:
        for path in sorted(set(snapshot()) - before, key=len, reverse=True):
            if path == MARKER or not snapd_created(path):
                continue
            try:
                if os.path.isdir(path) and not os.path.islink(path):
                    if os.path.ismount(path):
                        continue
                    shutil.rmtree(path, ignore_errors=True)
                else:
                    os.unlink(path)
            except FileNotFoundError:
                pass
            except OSError:
                pass
    for path in (SOCKET, SNAP_SOCKET):
        try:
            os.unlink(path)
        except OSError:
            pass
    try:
        os.unlink(MARKER)
    except OSError:
        pass


def skip_reason():
    """Why the tests cannot run a snapd of their own here, or None."""
    if os.geteuid() != 0:
        return "starting snapd needs root (it mounts snaps and writes /var/lib/snapd)"
    if not os.access(SNAPD, os.X_OK):
        return f"{SNAPD} is missing: build-aux/deps.sh installs the snapd package"
    if shutil.which("systemd-socket-activate") is None:
        return "systemd-socket-activate is missing (package systemd)"
    if os.path.exists(MARKER):
        return None     # ours, from a run that did not finish: cleaned at start
    if socket_answers(SOCKET):
        return (f"{SOCKET} is served by a snapd these tests did not start "
                "(the machine's own): not touching it")
    if os.path.exists(STATE):
        return (f"{STATE} exists and is not from these tests "
                "(the machine's own snapd state): not touching it")
    return None


class Snapd:
    """One snapd for a test session. Use as a context manager."""

    def __init__(self, workdir=None):
        self.proc = None
        self.lock = None
        self.tmp = tempfile.mkdtemp(prefix="sc-snapd-", dir=workdir)
        self.log_path = os.path.join(self.tmp, "snapd.log")
        self.stand_in_log = os.path.join(self.tmp, "stand-ins.log")
        self.bin = os.path.join(self.tmp, "bin")
        self.mutex = threading.Lock()
        self.wanted = False
        self.supervisor = None

    # ---- lifetime ----------------------------------------------------
    def __enter__(self):
        os.makedirs(os.path.dirname(LOCK), exist_ok=True)
        self.lock = open(LOCK, "w")
        deadline = time.monotonic() + 600
        while True:
            try:
                fcntl.flock(self.lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise RuntimeError("another snapd test session holds " + LOCK)
                time.sleep(0.5)
        if os.path.exists(MARKER):
            clean_from_marker()
        with open(MARKER + ".tmp", "w", encoding="utf-8") as f:
            json.dump(snapshot(), f)
        os.replace(MARKER + ".tmp", MARKER)
        os.makedirs(self.bin)
        os.symlink(os.path.join(HERE, "systemctl-stand-in.py"), os.path.join(self.bin, "systemctl"))
        os.symlink(os.path.join(HERE, "udevadm-stand-in.sh"), os.path.join(self.bin, "udevadm"))
        try:
            self.start_daemon()
            self.install_base_snaps()
        except BaseException:
            self.close()
            raise
        return self

    def __exit__(self, *exc):
        self.close()
        return False

    def close(self):
        self.stop_daemon()
        clean_from_marker()
        shutil.rmtree(self.tmp, ignore_errors=True)
        if self.lock is not None:
            self.lock.close()
            self.lock = None

    def env(self):
        env = dict(os.environ)
        env["PATH"] = self.bin + ":" + env.get("PATH", "/usr/sbin:/usr/bin:/sbin:/bin")
        env["SNAP_REEXEC"] = "0"
        env["SC_STAND_IN_LOG"] = self.stand_in_log
        return env

    def start_daemon(self, timeout=30):
        """Starts snapd and, like systemd's Restart=always, starts it again
        when it exits on its own (it does after installing the snapd snap)."""
        self.spawn(timeout)
        self.wanted = True
        self.supervisor = threading.Thread(target=self.supervise, daemon=True)
        self.supervisor.start()

    def supervise(self):
        while True:
            time.sleep(0.1)
            with self.mutex:
                if not self.wanted:
                    return
                if self.proc is not None and self.proc.poll() is not None:
                    try:
                        self.spawn(30)
                    except RuntimeError:
                        return

    def spawn(self, timeout):
        for path in (SOCKET, SNAP_SOCKET):
            if os.path.exists(path) and not socket_answers(path):
                os.unlink(path)
        log = open(self.log_path, "ab")
        self.proc = subprocess.Popen(
            ["systemd-socket-activate", "-l", SOCKET, "-l", SNAP_SOCKET,
             "-E", "SNAP_REEXEC", "-E", "PATH", "-E", "SC_STAND_IN_LOG", SNAPD],
            env=self.env(), stdout=log, stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL, start_new_session=True)
        log.close()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and not os.path.exists(SOCKET):
            time.sleep(0.05)
        # As snapd.socket's SocketMode=0666: every user may ask.
        for path in (SOCKET, SNAP_SOCKET):
            if os.path.exists(path):
                os.chmod(path, 0o666)
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError("snapd exited: " + self.log_tail())
            try:
                status, _ = request("GET", "/v2/system-info", timeout=5)
                if status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.2)
        raise RuntimeError("snapd did not answer within %ds: %s" % (timeout, self.log_tail()))

    def stop_daemon(self):
        """Kills snapd; the socket file stays, refusing connections."""
        with self.mutex:
            self.wanted = False
        if self.supervisor is not None:
            self.supervisor.join()
            self.supervisor = None
        if self.proc is None:
            return
        if self.proc.poll() is None:
            try:
                os.kill(self.proc.pid, signal.SIGCONT)
                self.proc.terminate()
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.proc = None

    def pause_daemon(self):
        os.kill(self.proc.pid, signal.SIGSTOP)

    def resume_daemon(self):
        os.kill(self.proc.pid, signal.SIGCONT)

    def log_tail(self, n=30):
        try:
            with open(self.log_path, encoding="utf-8", errors="replace") as f:
                return "".join(f.readlines()[-n:])
        except OSError:
            return ""

    # ---- snaps -------------------------------------------------------
    def snap(self, *args, check=True, timeout=120):
        proc = subprocess.run(["snap", *args], env=self.env(), capture_output=True,
                              text=True, timeout=timeout)
        if check and proc.returncode != 0:
            raise RuntimeError("snap %s: %s%s\n%s" % (" ".join(args), proc.stdout,
                                                     proc.stderr, self.log_tail()))
        return proc

    def make_folder(self, name, snap_yaml, files=None):
        folder = os.path.join(self.tmp, "snaps", name)
        os.makedirs(os.path.join(folder, "meta"), exist_ok=True)
        with open(os.path.join(folder, "meta", "snap.yaml"), "w", encoding="utf-8") as f:
            f.write(snap_yaml)
        for rel, content in (files or {}).items():
            path = os.path.join(folder, rel)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8") as f:
                f.write(content)
            os.chmod(path, 0o755)
        return folder

    def install_base_snaps(self):
        with open("/usr/lib/snapd/info", encoding="utf-8") as f:
            info = f.read()
        core = self.make_folder("core22", "name: core22\nversion: '1'\ntype: base\n")
        snapd = self.make_folder("snapd", "name: snapd\nversion: '2.57'\ntype: snapd\n",
                                 {"usr/lib/snapd/info": info})
        self.snap("try", core)
        self.snap("try", snapd)

    def try_snap(self, folder, devmode=True):
        return self.snap("try", folder, *(["--devmode"] if devmode else []))

    def connections(self, name):
        """{plug name: [slot "snap:slot", …]} from `snap connections NAME`."""
        proc = self.snap("connections", name)
        result = {}
        for line in proc.stdout.splitlines()[1:]:
            cols = line.split()
            if len(cols) < 3:
                continue
            plug, slot = cols[1], cols[2]
            if not plug.startswith(name + ":"):
                continue
            plug = plug.split(":", 1)[1]
            result.setdefault(plug, [])
            if slot != "-":
                result[plug].append(slot)
        return result
