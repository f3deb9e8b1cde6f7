#!/usr/bin/env python3
# gen-policy.py
#
# Copyright 2026 The Snap Confine authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Turns a snapd checkout into src/core/sc-policy-data.h.

Usage: gen-policy.py [--abstractions APPARMOR_D] [--expectations OUT.tsv]
                     SNAPD_DIR COMMIT CATALOGUE OUTPUT
       gen-policy.py --check [--abstractions APPARMOR_D] CATALOGUE HEADER

APPARMOR_D (/etc/apparmor.d of Debian's apparmor package) supplies the
abstractions snapd's snippets include (#include <abstractions/dconf>…),
inlined as if they were the interface's own rules; the version is named in
the output (APPARMOR_VERSION in the environment, else dpkg-query's).

SNAPD_DIR is a checkout (or `git archive`) of canonical/snapd at COMMIT;
CATALOGUE is src/core/sc-interface-catalogue.ini (interface names and their
source files). The output lists, per interface, the AppArmor rules of its
connected plug and its seccomp syscalls, and the same for the base
templates every strict snap gets, one rule a line in a compact form
(documented in sc-policy.c). AppArmor variables (@{HOME}, @{PROC}, @{pid},
###SLOT_SECURITY_TAGS###…) stay symbolic; the matcher expands them.

Rules are read from the Go raw-string constants whose names say they are
a connected plug's AppArmor or seccomp snippet. Snippets that only apply
with a plug attribute (browser-support allow-sandbox, home read: all) are
tagged with that attribute; snippets snapd builds from attributes at run
time (personal-files, system-files, content, dbus, mount-control…) are
modelled in sc-policy.c from what the attributes produce.

--check prints TAP: whether HEADER (sc-policy-data.h) is what a snapd
checkout at the commit HEADER names produces. The checkout is
$SC_SNAPD_SOURCE (a `git archive` of that commit is enough); without it the
check is skipped and says so. The abstractions' version is the one HEADER
names.

Nothing of snapd's text is copied into the output but the rules
themselves: comments are dropped.
"""
import configparser
import os
import re
import sys

# Constant-name suffixes that apply only with a plug attribute. Others
# (Classic, Core, Desktop, UserNS…) are variants snapd picks by system and
# count as granted.
ATTRIBUTE_VARIANTS = {
    "browserSupportConnectedPlugAppArmorWithSandbox": "allow-sandbox=true",
    "browserSupportConnectedPlugAppArmorWithSandboxUserNS": "allow-sandbox=true",
    "browserSupportConnectedPlugSecCompWithSandbox": "allow-sandbox=true",
    "browserSupportConnectedPlugAppArmorWithoutSandbox": "allow-sandbox=false",
    "browserSupportConnectedPlugSecCompWithoutSandbox": "allow-sandbox=false",
    "homeConnectedPlugAppArmorWithAllRead": "read=all",
    "sharedMemoryPrivateConnectedPlugAppArmor": "private=true",
}

# Constants that are not plug policy although their names say so.
SKIP_CONSTANTS = re.compile(r"UpdateNS|Slot|Declaration|Summary|Udev|Kmod|Test", re.I)

SLOT_BUILT = {
    "serial-port": ["f\t0\trwk\t/dev/tty{S,USB,ACM,AMA,XRUSB,O,mxc,LP,SAC,HS,MFD,RPMSG}[0-9]*",
                    "f\t0\trwk\t/dev/serial/by-{id,path}/*"],
    "hidraw": ["f\t0\trw\t/dev/hidraw[0-9]*"],
    "spi": ["f\t0\trw\t/dev/spidev[0-9]*.[0-9]*", "f\t0\tr\t/sys/devices/**/spi*/**"],
    "gpio": ["f\t0\trwk\t/sys/class/gpio/gpio[0-9]*/{value,direction,edge,active_low}",
             "f\t0\trwk\t/sys/devices/**/gpio/gpio[0-9]*/{value,direction,edge,active_low}"],
    "gpio-chardev": ["f\t0\trwk\t/dev/gpiochip[0-9]*"],
    "pwm": ["f\t0\trw\t/sys/class/pwm/pwmchip[0-9]*/pwm[0-9]*/*",
            "f\t0\trw\t/sys/devices/**/pwm/pwmchip[0-9]*/pwm[0-9]*/*"],
    "uio": ["f\t0\trwm\t/dev/uio[0-9]*"],
    "posix-mq": ["o\tmqueue"],
    "i2c": ["f\t0\trw\t/dev/i2c-[0-9]*", "f\t0\tr\t/sys/devices/**/i2c-[0-9]*/**"],
    "iio": ["f\t0\trw\t/dev/iio:device[0-9]*", "f\t0\trw\t/sys/bus/iio/devices/iio:device[0-9]*/**",
            "f\t0\trw\t/sys/devices/**/iio:device[0-9]*/**"],
    "raw-volume": ["f\t0\trw\t/dev/{sd,hd,vd,xvd,nvme,mmcblk,loop}*"],
    "hugepages-control": [],
    # getDesktopFileRules() (utils.go): the snap's own .desktop files.
    "desktop-legacy": ["f\t0\tr\t/var/lib/snapd/desktop/applications/",
                       "f\t0\tr\t/var/lib/snapd/desktop/applications/@{SNAP_INSTANCE_NAME}_*.desktop"],
    "unity7": ["f\t0\tr\t/var/lib/snapd/desktop/applications/",
               "f\t0\tr\t/var/lib/snapd/desktop/applications/@{SNAP_INSTANCE_NAME}_*.desktop"],
    # NOTIFY_SOCKET of the system: /run/systemd/notify, or on 14.04 an
    # abstract socket.
    "daemon-notify": ["f\t0\tw\t/run/systemd/notify",
                      "u\tconnect send\tdgram\t*\tunconfined\t@/org/freedesktop/systemd1/notify/[0-9]*"],
}

RAW_CONST = re.compile(r"(?m)^\s*(?:const\s+|var\s+)?(\w+)\s*=\s*`([^`]*)`")


def die(msg):
    print("gen-policy: " + msg, file=sys.stderr)
    sys.exit(1)


def strip_comment(line):
    """Drops a '#' comment that is not inside quotes."""
    quoted = False
    for i, c in enumerate(line):
        if c == '"':
            quoted = not quoted
        elif c == "#" and not quoted and (i == 0 or line[i - 1].isspace()):
            return line[:i]
    return line


def statements(text):
    """Splits AppArmor text into statements ending with ',' at depth 0."""
    out = []
    cur = []
    depth = 0
    for raw in text.splitlines():
        line = raw.strip()
        if line.startswith("#include") or line.startswith("include "):
            continue
        line = strip_comment(line).strip()
        if not line:
            continue
        for i, c in enumerate(line):
            if c in "({":
                depth += 1
            elif c in ")}":
                depth = max(0, depth - 1)
            cur.append(c)
            if c == "," and depth == 0:
                nxt = line[i + 1:i + 2]
                if nxt == "" or nxt.isspace():
                    stmt = "".join(cur).strip().rstrip(",").strip()
                    if stmt:
                        out.append(stmt)
                    cur = []
        cur.append(" ")
        if depth > 0 and line.endswith("{"):
            # A child profile or hat block: skip its body.
            cur = []
            depth = 0
    return out


def normalise_go(text):
    # Go format verbs stand for run-time values: any text.
    text = re.sub(r"%(\[\d+\])?[sdv]", "*", text)
    # ###SLOT_SECURITY_TAGS### and friends become AppArmor-style variables
    # so that '#' only ever starts a comment.
    text = re.sub(r"(?m)^\s*###[A-Z_]+###\s*$", "", text)
    text = re.sub(r"###PROMPT###\s*", "", text)
    text = re.sub(r"###HOME_IX###", "", text)
    text = re.sub(r"\{\{[a-z-]+\}\}", "", text)
    text = re.sub(r"###([A-Z_]+)###", r"@{\1}", text)
    return text.replace("%%", "%")


PERM_WORDS = re.compile(r"^\(?([a-z_,\s]*)\)?$")


def parse_perm_list(stmt, keyword):
    """'dbus (send, receive) bus=…' → ('send receive', 'bus=…')."""
    rest = stmt[len(keyword):].strip()
    perms = ""
    if rest.startswith("("):
        end = rest.index(")")
        perms = " ".join(p for p in re.split(r"[\s,]+", rest[1:end]) if p)
        rest = rest[end + 1:].strip()
    else:
        m = re.match(r"^([a-z_]+(?:\s*,\s*[a-z_]+)*)(\s|$)", rest)
        if m and "=" not in m.group(1) and not rest.startswith(m.group(1) + "="):
            word = m.group(1)
            if word in ("send", "receive", "bind", "eavesdrop", "read", "trace", "readby",
                        "tracedby", "connect", "listen", "accept", "create", "getattr",
                        "setattr", "getopt", "setopt", "shutdown", "r", "w", "rw"):
                perms = word
                rest = rest[len(word):].strip()
    return perms, rest


def top_level_commas_to_spaces(text):
    """'label=x, name={a,b}' → 'label=x  name={a,b}'."""
    out = []
    depth = 0
    for c in text:
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
        out.append(" " if c == "," and depth == 0 else c)
    return "".join(out)


def parse_fields(rest):
    """key=value key=(a b) peer=(label=x, name=y) → dict (nested peer keys as peer.x)."""
    fields = {}
    i = 0
    n = len(rest)
    while i < n:
        while i < n and rest[i] in " \t,":
            i += 1
        if i >= n:
            break
        m = re.match(r"([a-z_]+)\s*=\s*", rest[i:])
        if not m:
            # Bare word (e.g. 'unix (bind) type=stream' has none); keep it.
            j = i
            while j < n and rest[j] not in " \t":
                j += 1
            fields.setdefault("_words", []).append(rest[i:j])
            i = j
            continue
        key = m.group(1)
        i += m.end()
        if i < n and rest[i] == "(":
            depth = 0
            j = i
            while j < n:
                if rest[j] == "(":
                    depth += 1
                elif rest[j] == ")":
                    depth -= 1
                    if depth == 0:
                        break
                j += 1
            inner = rest[i + 1:j]
            i = j + 1
            if "=" in inner:
                for k, v in parse_fields(top_level_commas_to_spaces(inner)).items():
                    if k != "_words":
                        fields[key + "." + k] = v
            else:
                fields[key] = " ".join(w for w in re.split(r"[\s,]+", inner) if w)
        elif i < n and rest[i] == '"':
            j = rest.index('"', i + 1)
            fields[key] = rest[i + 1:j]
            i = j + 1
        else:
            j = i
            depth = 0
            while j < n and (depth > 0 or rest[j] not in " \t"):
                if rest[j] == "{":
                    depth += 1
                elif rest[j] == "}":
                    depth -= 1
                j += 1
            fields[key] = rest[i:j].strip('"')
            i = j
    return fields


FILE_PERMS = re.compile(r"^[rwaklmixpuUPCcdD]+$")


def unquote(s):
    return s[1:-1] if len(s) >= 2 and s[0] == '"' and s[-1] == '"' else s


def clean(value):
    return value.replace("\n", " ")


def parse_rule(stmt):
    """One AppArmor statement → compact line, or None (deny, unsupported)."""
    stmt = re.sub(r"\s+", " ", stmt).strip()
    words = stmt.split(" ")
    owner = "0"
    if words[0].startswith("dbus(") or words[0].startswith("unix(") or \
            words[0].startswith("signal(") or words[0].startswith("ptrace("):
        k = words[0].index("(")
        words = [words[0][:k], words[0][k:]] + words[1:]
    if words == ["allow", "all"] or words == ["all"]:
        return ["*"]
    if words == ["allow", "file"] or words == ["file"]:
        return ["f\t0\trwlkmix\t/**"]
    if words[0] == "unmount":
        words[0] = "umount"
    while words and words[0] in ("audit", "allow", "owner", "deny", "file", "quiet"):
        if words[0] == "deny":
            return None
        if words[0] == "owner":
            owner = "1"
        words = words[1:]
    if not words:
        return None
    stmt = " ".join(words)
    head = words[0]

    if head == "capability":
        caps = [w for w in re.split(r"[\s,]+", stmt[len("capability"):]) if w]
        return ["c\t" + c for c in caps] if caps else ["c\t*"]
    if head == "network":
        rest = [w for w in re.split(r"[\s,]+", stmt[len("network"):]) if w]
        family = rest[0] if rest else "*"
        stype = rest[1] if len(rest) > 1 else "*"
        if family in ("stream", "dgram", "raw", "seqpacket", "rdm"):
            family, stype = "*", family
        return ["n\t%s\t%s" % (family, stype)]
    if head == "dbus":
        perms, rest = parse_perm_list(stmt, "dbus")
        f = parse_fields(rest)
        return ["d\t%s\t%s\t%s\t%s\t%s\t%s\t%s" % (
            perms or "*", f.get("bus", "*"), f.get("path", "*"), f.get("interface", "*"),
            f.get("member", "*"), f.get("peer.name", f.get("name", "*")),
            f.get("peer.label", "*"))]
    if head == "unix":
        perms, rest = parse_perm_list(stmt, "unix")
        f = parse_fields(rest)
        return ["u\t%s\t%s\t%s\t%s\t%s" % (
            perms or "*", f.get("type", "*"), f.get("addr", "*"), f.get("peer.label", "*"),
            f.get("peer.addr", "*"))]
    if head == "ptrace":
        perms, rest = parse_perm_list(stmt, "ptrace")
        f = parse_fields(rest)
        return ["p\t%s\t%s" % (perms or "*", f.get("peer", "*"))]
    if head == "signal":
        perms, rest = parse_perm_list(stmt, "signal")
        f = parse_fields(rest)
        return ["s\t%s\t%s\t%s" % (perms or "*", f.get("set", "*"), f.get("peer", "*"))]
    if head in ("mount", "remount", "umount", "pivot_root"):
        rest = stmt[len(head):].strip()
        f = parse_fields(rest.split("->")[0]) if "=" in rest else {}
        paths = [w for w in re.sub(r"[a-z]+=\([^)]*\)|[a-z]+=\S+", " ", rest).split() if w]
        src = dst = "*"
        if "->" in paths:
            k = paths.index("->")
            src = paths[k - 1] if k > 0 else "*"
            dst = paths[k + 1] if k + 1 < len(paths) else "*"
        elif paths:
            dst = paths[-1]
            if head == "mount":
                src = "*"
        return ["m\t%s\t%s\t%s\t%s\t%s" % (head, f.get("fstype", "*"),
                                             f.get("options", "*").replace(",", " "),
                                             unquote(src), unquote(dst))]
    if head in ("change_profile", "userns", "mqueue", "io_uring", "rlimit", "set",
                "dbus,", "unix,", "abi", "profile", "link", "umask"):
        # Not a class the records we match carry (or a profile transition).
        if head in ("userns", "mqueue", "io_uring"):
            return ["o\t" + head]
        return None
    if head == "dbus":
        return ["d\t*\t*\t*\t*\t*\t*\t*"]

    # File rule: 'path perms [-> target]' or 'perms path'.
    if "->" in words:
        words = words[:words.index("->")]
    if len(words) >= 2:
        a, b = unquote(words[0]), words[1]
        if a.startswith("*"):
            return []   # a path the slot's attributes fill in (%s): see SLOT_BUILT
        if FILE_PERMS.match(b) and (a.startswith("/") or a.startswith("@") or a.startswith("{")
                                     or a.startswith("*") or a.startswith("%")):
            return ["f\t%s\t%s\t%s" % (owner, b, a)]
        a, b = words[0], unquote(words[1])
        if FILE_PERMS.match(a) and (b.startswith("/") or b.startswith("@")):
            return ["f\t%s\t%s\t%s" % (owner, a, b)]
    if len(words) == 1 and words[0] in ("dbus", "unix", "signal", "ptrace", "mount", "umount",
                                       "pivot_root", "network", "capability"):
        return {"dbus": ["d\t*\t*\t*\t*\t*\t*\t*"], "unix": ["u\t*\t*\t*\t*\t*"],
                "signal": ["s\t*\t*\t*"], "ptrace": ["p\t*\t*"],
                "mount": ["m\tmount\t*\t*\t*\t*"], "umount": ["m\tumount\t*\t*\t*\t*"],
                "pivot_root": ["m\tpivot_root\t*\t*\t*\t*"], "network": ["n\t*\t*"],
                "capability": ["c\t*"]}[words[0]]
    return None


ABSTRACTIONS = None   # directory of AppArmor abstractions, set by main()
INCLUDE = re.compile(r"^\s*#?include\s+(?:if\s+exists\s+)?<([^>]+)>\s*$", re.M)


def inline_includes(text, depth=0):
    """Replaces '#include <abstractions/x>' by the abstraction's text."""
    if ABSTRACTIONS is None or depth > 8:
        return text

    def repl(m):
        path = os.path.join(ABSTRACTIONS, m.group(1))
        if not os.path.isfile(path):
            return ""
        return inline_includes(read(path), depth + 1)

    return INCLUDE.sub(repl, text)


def parse_apparmor(text, where, unparsed):
    rules = []
    for stmt in statements(inline_includes(normalise_go(text))):
        if stmt.startswith("@{") and "=" in stmt.split()[0] + " ":
            continue  # variable definition
        try:
            parsed = parse_rule(stmt)
        except (ValueError, IndexError):
            parsed = None
        if parsed is None:
            if not stmt.split(" ")[0] in ("deny", "audit", "change_profile", "dbus,", "set",
                                          "rlimit", "abi", "profile", "umask"):
                unparsed.append("%s: %s" % (where, stmt[:100]))
            continue
        rules.extend(clean(r) for r in parsed)
    return rules


def parse_seccomp(text):
    rules = []
    for raw in normalise_go(text).splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line or line.startswith("@") or line.startswith("~"):
            continue
        parts = line.split()
        name = parts[0]
        if not re.match(r"^[a-z_0-9*]+$", name):
            continue
        args = " ".join(parts[1:])
        rules.append("x\t%s\t%s" % (name, args))
    return rules


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def c_string(text):
    out = []
    for line in text.split("\n"):
        esc = line.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t")
        out.append('"' + esc + '\\n"')
    return "\n    ".join(out)


EXPECT = re.compile(r'SnippetForTag\("snap\.consumer\.app"\), testutil\.Contains, ["`](.*?)["`]\)')
EXPECT_FILE_RULE = re.compile(r"^(owner )?(/[^ @#]+) ([rwklmix]+),(\\n)?$")


def write_expectations(snapd, commit, by_source, out):
    """File rules snapd's own unit tests assert for a consumer (plug) snap,
    written as "interface<TAB>owner<TAB>path-pattern<TAB>perms" for the
    matcher's tests: a concrete path built from each pattern must be
    allowed for that interface."""
    builtin = os.path.join(snapd, "interfaces", "builtin")
    lines = ["# snapd %s: file rules asserted by interfaces/builtin/*_test.go for" % commit,
             "# the plug side (snap.consumer.app). GENERATED by build-aux/gen-policy.py.",
             "# interface<TAB>owner<TAB>pattern<TAB>perms"]
    for fname in sorted(os.listdir(builtin)):
        if not fname.endswith("_test.go"):
            continue
        names = by_source.get("interfaces/builtin/" + fname[:-len("_test.go")] + ".go")
        if not names or len(names) != 1:
            continue
        seen = set()
        for m in EXPECT.finditer(read(os.path.join(builtin, fname))):
            rm = EXPECT_FILE_RULE.match(m.group(1))
            if not rm:
                continue
            row = "%s\t%s\t%s\t%s" % (names[0], "1" if rm.group(1) else "0", rm.group(2),
                                        rm.group(3))
            if row not in seen:
                seen.add(row)
                lines.append(row)
    with open(out, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


def attribute_rules(snapd, by_source):
    """Plug-attribute constraints of the base declaration: rows of
    (interface, attribute, value, kind) where kind is deny-installation,
    deny-connection, deny-auto-connection or allow-auto-connection and
    value a literal the attribute is compared with; and rows whose kind is
    allow-installation, allow-connection or allow-auto-connection and value
    "$MISSING": the declaration's only alternative for that kind asks for
    the attribute to be absent, so a plug that sets it is denied that
    (desktop's desktop-file-ids: installation, so store approval)."""
    import yaml
    rows = []
    builtin = os.path.join(snapd, "interfaces", "builtin")
    for fname in sorted(os.listdir(builtin)):
        if not fname.endswith(".go") or fname.endswith("_test.go"):
            continue
        if not by_source.get("interfaces/builtin/" + fname):
            continue
        text = read(os.path.join(builtin, fname))
        for const, body in RAW_CONST.findall(text):
            if "BaseDeclaration" not in const:
                continue
            try:
                decl = yaml.safe_load(body)
            except yaml.YAMLError:
                continue
            if not isinstance(decl, dict):
                continue
            for iface, rules in decl.items():
                if not isinstance(rules, dict):
                    continue
                for kind in ("allow-installation", "allow-connection", "allow-auto-connection"):
                    alt = rules.get(kind)
                    # One alternative constraining only plug attributes.
                    if not isinstance(alt, dict) or set(alt) != {"plug-attributes"}:
                        continue
                    attrs = alt["plug-attributes"]
                    if not isinstance(attrs, dict):
                        continue
                    for key, value in attrs.items():
                        if value == "$MISSING":
                            row = (iface, key, value, kind)
                            if row not in rows:
                                rows.append(row)
                for kind in ("deny-installation", "deny-connection", "deny-auto-connection",
                             "allow-auto-connection"):
                    alts = rules.get(kind)
                    for alt in alts if isinstance(alts, list) else [alts]:
                        if not isinstance(alt, dict):
                            continue
                        # An alternative that also asks something of the
                        # slot (its publisher, its attributes) or the
                        # system is not the plug's own: leave it out. The
                        # system slot (slot-snap-type core) is where a
                        # plug auto-connects.
                        others = set(alt) - {"plug-attributes"}
                        if kind == "allow-auto-connection":
                            others -= {"slot-snap-type"}
                        if others:
                            continue
                        attrs = alt.get("plug-attributes")
                        if not isinstance(attrs, dict):
                            continue
                        for key, value in attrs.items():
                            if isinstance(value, bool):
                                value = "true" if value else "false"
                            if isinstance(value, (str, int)) and not str(value).startswith("$"):
                                row = (iface, key, str(value), kind)
                                if row not in rows:
                                    rows.append(row)
    return rows


def abstractions_version(origin):
    if origin is None:
        return "none"
    version = os.environ.get("APPARMOR_VERSION")
    if not version:
        try:
            import subprocess
            version = subprocess.run(["dpkg-query", "-W", "-f=${Version}", "apparmor"],
                                     capture_output=True, text=True, check=True).stdout
        except (OSError, subprocess.CalledProcessError):
            version = "unknown"
    return "apparmor %s" % version


def check(args):
    """--check [--abstractions DIR] CATALOGUE HEADER, as TAP (tests/sctap.py)."""
    import subprocess
    import tempfile
    sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests"))
    import sctap

    abstractions = []
    if len(args) >= 2 and args[0] == "--abstractions":
        abstractions, args = args[:2], args[2:]
    if len(args) != 2:
        die("usage: " + __doc__.strip().splitlines()[4].strip())
    catalogue, header = args
    snapd = os.environ.get("SC_SNAPD_SOURCE", "")
    text = read(header)
    commit = re.search(r'#define SC_POLICY_SNAPD_COMMIT "([0-9a-f]+)"', text)
    version = re.search(r'#define SC_POLICY_ABSTRACTIONS "apparmor ([^"]+)"', text)
    name = "%s is what gen-policy.py makes of snapd %s" % (
        os.path.basename(header), commit.group(1) if commit else "(no commit named)")
    if not snapd or not os.path.isdir(os.path.join(snapd, "interfaces", "builtin")):
        sctap.skip(name, "set SC_SNAPD_SOURCE to a snapd checkout at %s to compare %s with what "
                   "it generates" % (commit.group(1) if commit else "the pinned commit",
                                     os.path.basename(header)))
        return sctap.main()
    if not commit:
        sctap.check(name, False, "%s names no snapd commit" % header)
        return sctap.main()
    if version and abstractions:
        os.environ["APPARMOR_VERSION"] = version.group(1)
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "sc-policy-data.h")
        run = subprocess.run([sys.executable, os.path.abspath(__file__)] + abstractions +
                             [snapd, commit.group(1), catalogue, out],
                             capture_output=True, text=True)
        if run.returncode != 0:
            sctap.check(name, False, "gen-policy.py fails on %s\n%s" % (snapd, run.stderr))
        else:
            sctap.check(name, read(out) == text, "%s differs: regenerate it" % header)
    return sctap.main()


def main():
    global ABSTRACTIONS
    args = sys.argv[1:]
    if args and args[0] == "--check":
        sys.exit(check(args[1:]))
    abstractions_origin = None
    expectations_out = None
    while len(args) >= 2 and args[0] in ("--abstractions", "--expectations"):
        if args[0] == "--abstractions":
            ABSTRACTIONS = abstractions_origin = args[1]
        else:
            expectations_out = args[1]
        args = args[2:]
    if len(args) != 4:
        die("usage: " + " ".join(__doc__.strip().splitlines()[2:4]))
    snapd, commit, catalogue, output = args
    cat = configparser.ConfigParser(interpolation=None)
    cat.read(catalogue, encoding="utf-8")
    by_source = {}
    for name in cat.sections():
        src = cat[name].get("source", "")
        if src:
            by_source.setdefault(src, []).append(name)

    unparsed = []
    entries = []  # (interface, variant, kind, rules)
    builtin = os.path.join(snapd, "interfaces", "builtin")
    for fname in sorted(os.listdir(builtin)):
        if not fname.endswith(".go") or fname.endswith("_test.go"):
            continue
        src = "interfaces/builtin/" + fname
        names = by_source.get(src)
        if not names:
            continue
        text = read(os.path.join(builtin, fname))
        # Constants the connected-plug AppArmor method uses, whatever their
        # names ("selfMountInfoSnippet").
        used = set()
        for m in re.finditer(r"\) AppArmorConnectedPlug\(.*?\n}\n", text, re.S):
            used.update(re.findall(r"\b([a-zA-Z]\w*)\b", m.group(0)))
            # Rules written inline in the method (mount-control's emit()).
            for literal in re.findall(r"`([^`]*)`", m.group(0)):
                rules = parse_apparmor(literal, "AppArmorConnectedPlug", unparsed)
                for name in names:
                    entries.append((name, "", rules))
        for const, body in RAW_CONST.findall(text):
            low = const.lower()
            if const in used and "plug" not in low and not SKIP_CONSTANTS.search(const):
                rules = parse_apparmor(body, const, unparsed)
                for name in names:
                    entries.append((name, ATTRIBUTE_VARIANTS.get(const, ""), rules))
                continue
            if "plug" not in low or SKIP_CONSTANTS.search(const):
                continue
            variant = ATTRIBUTE_VARIANTS.get(const, "")
            if "apparmor" in low:
                rules = parse_apparmor(body, const, unparsed)
            elif "seccomp" in low:
                rules = parse_seccomp(body)
            else:
                continue
            if rules:
                for name in names:
                    entries.append((name, variant, rules))

    # Interfaces whose plug rules snapd builds from the slot's attributes
    # (device paths set by a gadget or system slot): modelled by the paths
    # those slots name in practice.
    for name, rules in SLOT_BUILT.items():
        entries.append((name, "", rules))

    # Base templates.
    aa = read(os.path.join(snapd, "interfaces", "apparmor", "template.go"))
    consts = dict(re.findall(r"(?m)^var\s+(\w+)\s*=\s*`([^`]*)`", aa))
    # Snaps on core* bases (nearly all) get the core runtime rules; those on
    # other bases get far broader /usr access, which would hide most
    # denials of the former.
    for const in ("templateCommon", "defaultCoreRuntimeTemplateRules"):
        if const not in consts:
            die("template.go has no " + const)
        entries.append(("@template", "", parse_apparmor(consts[const], const, unparsed)))
    sc = read(os.path.join(snapd, "interfaces", "seccomp", "template.go"))
    m = re.search(r"defaultTemplate\s*=\s*\[\]byte\(`([^`]*)`", sc)
    if not m:
        die("seccomp/template.go has no defaultTemplate")
    entries.append(("@template", "", parse_seccomp(m.group(1))))

    # Merge per (interface, variant), keep first occurrence order, dedupe.
    merged = {}
    order = []
    for name, variant, rules in entries:
        key = (name, variant)
        if key not in merged:
            merged[key] = []
            order.append(key)
        seen = set(merged[key])
        for r in rules:
            if r not in seen:
                merged[key].append(r)
                seen.add(r)
    order.sort()

    n_rules = sum(len(v) for v in merged.values())
    lines = [
        "/* sc-policy-data.h — GENERATED by build-aux/gen-policy.py, do not edit.",
        " *",
        " * From canonical/snapd %s:" % commit,
        " * interfaces/builtin/ (connected-plug AppArmor and seccomp snippets),",
        " * interfaces/apparmor/template.go and interfaces/seccomp/template.go",
        " * (\"@template\"). %d interfaces, %d rules. Rule syntax: sc-policy.c." % (
            len({k[0] for k in order}) - 1, n_rules),
        " * AppArmor abstractions the snippets include: %s." % abstractions_version(
            abstractions_origin),
        " */",
        "#pragma once",
        "",
        "#define SC_POLICY_SNAPD_COMMIT \"%s\"" % commit,
        "#define SC_POLICY_ABSTRACTIONS \"%s\"" % abstractions_version(abstractions_origin),
        "",
        "static const ScPolicyEntry sc_policy_entries[] = {",
    ]
    for name, variant in order:
        body = "\n".join(merged[(name, variant)])
        lines.append("  { \"%s\", \"%s\"," % (name, variant))
        lines.append("    " + c_string(body) + " },")
    lines.append("};")
    lines.append("")
    lines.append("/* Plug attribute values the base declaration constrains: interface,")
    lines.append(" * attribute, value, and deny-installation or deny-connection (the store")
    lines.append(" * must grant it), deny-auto-connection or allow-auto-connection. A value")
    lines.append(" * of \"$MISSING\" with an allow-* kind: that is allowed only without the")
    lines.append(" * attribute, so a plug that sets it is denied it. */")
    lines.append("static const ScPolicyAttributeRule sc_policy_attribute_rules[] = {")
    for iface, key, value, kind in attribute_rules(snapd, by_source):
        lines.append("  { \"%s\", \"%s\", \"%s\", \"%s\" }," % (iface, key, value, kind))
    lines.append("};")
    with open(output, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    if expectations_out:
        write_expectations(snapd, commit, by_source, expectations_out)
    for u in unparsed:
        print("gen-policy: not modelled: " + u, file=sys.stderr)
    print("gen-policy: %d entries, %d rules, %d statements not modelled" % (
        len(order), n_rules, len(unparsed)), file=sys.stderr)


if __name__ == "__main__":
    main()
