#!/usr/bin/env python3
# Copyright 2026 The Snap Confine authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The manual page and the bash completion of snapconfine-cli cover every
# command `snapconfine-cli --help` lists and every option each command's
# `--help` names, render without warnings, complete what a user types, and
# are installed. Everything expected is read from the program's help here,
# independently of build-aux/gen-cli-docs.py, so a new command or option
# that the generator misses fails this test. Prints TAP.

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

import sctap
from sctap import check, skip

CLI = os.environ.get("SNAPCONFINE_CLI")
BUILD = os.environ.get("SC_BUILD_ROOT")
SOURCE = os.environ.get("SC_SOURCE_ROOT", os.path.join(os.path.dirname(__file__), ".."))
DOC = os.path.join(BUILD or "", "src", "cli", "doc")
MAN = os.path.join(DOC, "snapconfine-cli.1")
COMPLETION = os.path.join(DOC, "snapconfine-cli")
ENV = dict(os.environ, LC_ALL="C.UTF-8", LANGUAGE="")


def help_text(*args):
    p = subprocess.run([CLI, *args, "--help"], capture_output=True, text=True, env=ENV, timeout=60)
    return p.returncode, p.stdout, p.stderr


def commands_from_help(text):
    """{command: synopsis text} from the "Commands:" section."""
    commands = {}
    current = None
    in_commands = False
    for line in text.splitlines():
        if re.match(r"^[A-Z][A-Za-z ]*:$", line):
            in_commands = line == "Commands:"
            continue
        if not in_commands:
            continue
        m = re.match(r"^  snapconfine-cli ([a-z][a-z0-9-]*)(.*)$", line)
        if m:
            current = m.group(1)
            commands[current] = m.group(0)
        elif current and line.startswith(" " * 16):
            commands[current] += "\n" + line
    return commands


def options_in(text):
    return {o for o in re.findall(r"(?<![\w-])(--[a-z][a-z0-9-]*)", text)} - {"--help", "--"}


def man_text():
    """The page as a reader sees it: rendered by man(1) when there, else unescaped roff."""
    if shutil.which("man"):
        p = subprocess.run(["man", "-l", MAN], capture_output=True, text=True, timeout=60,
                           env=dict(ENV, MANWIDTH="200", MANPAGER="cat", PAGER="cat",
                                    MAN_KEEP_FORMATTING=""))
        if p.returncode == 0 and p.stdout:
            return re.sub(r".\x08", "", p.stdout)
    text = open(MAN, encoding="utf-8").read()
    text = re.sub(r"\\f[BIRP]", "", text).replace("\\-", "-").replace("\\&", "")
    return re.sub(r"^\.(SH|SS) ", "", text, flags=re.M)


def man_sections(text):
    """{heading: body} for the top-level sections, {command: body} under COMMANDS."""
    top, commands = {}, {}
    heading = None
    sub = None
    for line in text.splitlines():
        if re.match(r"^[A-Z][A-Z ]+$", line.strip()) and not line.startswith(" " * 5):
            heading, sub = line.strip(), None
            top[heading] = ""
            continue
        if heading == "COMMANDS":
            m = re.match(r"^ {1,4}([a-z][a-z0-9-]*)\s*$", line)
            if m:
                sub = m.group(1)
                commands[sub] = ""
                continue
            if sub:
                commands[sub] += line + "\n"
        if heading:
            top[heading] += line + "\n"
    return top, commands


def complete(*words):
    """COMPREPLY of the generated completion for the command line WORDS (last = cur)."""
    script = ('source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(( $# - 1 )); '
              '_snapconfine_cli; printf "%s\\n" "${COMPREPLY[@]}"')
    p = subprocess.run(["bash", "--norc", "--noprofile", "-c", script, "bash", COMPLETION,
                        "snapconfine-cli", *words], capture_output=True, text=True, timeout=60)
    assert p.returncode == 0, p.stderr
    return [w for w in p.stdout.splitlines() if w]


def german(msgid):
    """What gettext(1) returns for MSGID from the build tree's German catalogue."""
    p = subprocess.run(["gettext", "snapconfine", msgid], capture_output=True, text=True,
                       timeout=60, env=dict(ENV, LANGUAGE="de",
                                            TEXTDOMAINDIR=os.path.join(BUILD, "po")))
    return p.stdout if p.returncode == 0 else ""


def check_german_help():
    """Under `meson devenv` (po/meson.build points SNAPCONFINE_LOCALEDIR at the
    build tree's catalogues) and LANGUAGE=de, the options of a command and
    the global ones are described in German, as the window's --help is
    (tests/gui/test-first-run.sh). The German text is what gettext(1) gives
    for the msgid, not written here."""
    name = "snapconfine-cli --help in German"
    if not shutil.which("gettext"):
        skip(name, "gettext(1) is not installed")
        return
    if shutil.which("meson"):
        run = ["meson", "devenv", "-C", BUILD, CLI]
        env = dict(ENV, LANGUAGE="de")
    else:   # what devenv would set
        run = [CLI]
        env = dict(ENV, LANGUAGE="de", SNAPCONFINE_LOCALEDIR=os.path.join(BUILD, "po"))
    outputs = {}
    for args in (("denials",), ()):
        p = subprocess.run([*run, *args, "--help"], capture_output=True, text=True, env=env,
                           timeout=120)
        outputs[args] = (p.returncode, p.stdout, p.stderr)
    for args, msgid in ((("denials",), "Only records of this snap"),
                        (("denials",), "Keep printing new records"),
                        ((), "Show this help")):
        code, out, err = outputs[args]
        want = german(msgid)
        what = " ".join(["snapconfine-cli", *args, "--help"])
        check(f"meson devenv: {what} says “{msgid}” in German under LANGUAGE=de",
              code == 0 and want and want != msgid and want in out,
              f"exit {code}, expected “{want}” in:\n{out}{err}")
    # GOption translates the argument names too; all of them are, so the
    # window's "FILE" does not stand German beside an English "DIR".
    code, out, err = outputs[("denials",)]
    names = {o: german(a) for o, a in (("directory", "DIR"), ("log", "FILE"), ("since", "TIME"))}
    check("the German denials --help names the arguments as the catalogue translates them",
          all(a and re.search(rf"--{o}={re.escape(a)}\s", out) for o, a in names.items())
          and "DIR" not in out, f"{names}\n{out}")
    # The top-level help: the commands' summaries are translated (and folded
    # to the terminal's width again, so compared with the spaces folded), the
    # command names are not.
    code, out, err = outputs[()]
    msgid = "Connect a plug of an installed snap through snapd, as snap connect does."
    want = german(msgid)
    check(f"meson devenv: snapconfine-cli --help says “{msgid}” in German under LANGUAGE=de",
          code == 0 and want and want != msgid and " ".join(want.split()) in " ".join(out.split())
          and msgid not in " ".join(out.split()), f"exit {code}, expected “{want}” in:\n{out}{err}")
    check("the German top-level --help still names every command as typed",
          all(f"snapconfine-cli {c} " in out for c in ("show", "strict", "interfaces", "check",
                                                       "denials", "suggest", "connect")),
          out)
    # A usage error is German too, and still exits 2.
    p = subprocess.run([*run, "check", "a", "b"], capture_output=True, text=True, env=env,
                       timeout=120)
    want = german("more than one PATH given")
    check("meson devenv: a usage error of check is German and exits 2 under LANGUAGE=de",
          p.returncode == 2 and want and want != "more than one PATH given" and want in p.stderr,
          f"exit {p.returncode}, expected “{want}” in:\n{p.stderr}")

def main():
    if not CLI or not BUILD:
        sctap.skip_all("SNAPCONFINE_CLI or SC_BUILD_ROOT is not set (run through meson test)")

    code, top, err = help_text()
    commands = commands_from_help(top)
    check("snapconfine-cli --help exits 0 and lists the commands", code == 0 and len(commands) >= 6
          and {"show", "strict", "check", "interfaces", "denials", "suggest"} <= set(commands),
          f"exit {code}, commands {sorted(commands)}\n{err}")

    options = {}
    for name, synopsis in commands.items():
        code, out, err = help_text(name)
        options[name] = options_in(out + "\n" + synopsis)
        check(f"snapconfine-cli {name} --help exits 0 and says how to call it",
              code == 0 and f"snapconfine-cli {name}" in out, f"exit {code}\n{out}\n{err}")
    check("the commands' help names options", sum(len(o) for o in options.values()) >= 15,
          options)

    check_german_help()

    if not os.path.exists(MAN) or not os.path.exists(COMPLETION):
        check("the manual page and the completion are built", False, f"{MAN}, {COMPLETION}")
        return sctap.main()

    # The manual page.
    page = man_text()
    top_sections, man_commands = man_sections(page)
    check("the manual page has NAME, SYNOPSIS, DESCRIPTION, COMMANDS, OPTIONS, EXIT STATUS",
          {"NAME", "SYNOPSIS", "DESCRIPTION", "COMMANDS", "OPTIONS", "EXIT STATUS"}
          <= set(top_sections), sorted(top_sections))
    missing = sorted(set(commands) - set(man_commands))
    check("the manual page describes every command --help lists", not missing, missing)
    # An option is described when it heads an item (not only in the synopsis).
    gaps = [f"{c}: {o}" for c in commands for o in sorted(options[c])
            if not re.search(rf"^\s+(?:-\w, )?{re.escape(o)}(?![\w-])", man_commands.get(c, ""), re.M)]
    check("each command's section of the manual page describes every option its --help names",
          not gaps, "\n".join(gaps))
    for name in commands:
        if name in man_commands:
            check(f"the synopsis of {name} is in the manual page",
                  f"snapconfine-cli {name}" in top_sections.get("SYNOPSIS", ""), top_sections.get("SYNOPSIS"))
    status = top_sections.get("EXIT STATUS", "")
    check("the manual page lists exit status 0 to 4",
          all(re.search(rf"^\s+{n}\s", status, re.M) for n in range(5)), status)
    check("the manual page lists --help and --version",
          "--help" in top_sections.get("OPTIONS", "") and "--version" in top_sections.get("OPTIONS", ""))

    if shutil.which("groff"):
        p = subprocess.run(["groff", "-man", "-ww", "-z", "-Tutf8", MAN], capture_output=True,
                           text=True, timeout=60)
        check("groff renders the manual page without warnings", p.returncode == 0 and not p.stderr,
              p.stderr)
    else:
        skip("groff renders the manual page without warnings", "groff is not installed")

    # The generated files are those of the current binary and generator.
    with tempfile.TemporaryDirectory() as tmp:
        gen = os.path.join(SOURCE, "build-aux", "gen-cli-docs.py")
        fresh = os.path.join(tmp, "page.1")
        p = subprocess.run([sys.executable, gen, "man", CLI, "x", fresh], capture_output=True,
                           text=True, timeout=120)
        same = p.returncode == 0 and re.sub(r'"snapconfine [^"]*"', "", open(fresh).read()) == \
            re.sub(r'"snapconfine [^"]*"', "", open(MAN).read())
        check("the built manual page is what the generator makes from today's --help", same,
              p.stderr)

    # The completion, run in bash as the shell would.
    got = complete("")
    check("completing the first word offers every command and --help, --version",
          set(commands) | {"--help", "--version"} <= set(got), got)
    for name in commands:
        got = set(complete(name, "--"))
        want = {o for o in options[name] if o.startswith("--")}
        check(f"completing “{name} --” offers every option of {name}", want <= got,
              f"missing {sorted(want - got)}, got {sorted(got)}")
    check("completing “sh” gives “show”", complete("sh") == ["show"], complete("sh"))

    with tempfile.TemporaryDirectory() as tmp:
        os.mkdir(os.path.join(tmp, "journals"))
        open(os.path.join(tmp, "journal.log"), "w").close()
        prefix = os.path.join(tmp, "j")
        if "--directory" in options.get("denials", ()):
            got = complete("denials", "--directory", prefix)
            check("--directory completes folders only", got == [os.path.join(tmp, "journals")], got)
            got = complete("denials", "--directory=" + prefix)
            check("--directory=… completes folders only", got == [os.path.join(tmp, "journals")], got)
            # As bash splits it by default (COMP_WORDBREAKS holds "=").
            got = complete("denials", "--directory", "=", prefix)
            check("--directory = … completes folders only", got == [os.path.join(tmp, "journals")], got)
        if "--log" in options.get("denials", ()):
            got = sorted(complete("denials", "--log", prefix))
            check("--log completes files", os.path.join(tmp, "journal.log") in got, got)
        got = complete("show", prefix)
        check("a PATH argument completes file names", os.path.join(tmp, "journals") in got, got)
        if "--snap" in options.get("denials", ()):
            check("--snap NAME does not complete file names", complete("denials", "--snap", prefix) == [])

    # Installed where man(1) and bash-completion look.
    try:
        with open(os.path.join(BUILD, "meson-info", "intro-installed.json")) as f:
            installed = list(json.load(f).values())
        check("meson installs the manual page into man1",
              any(p.endswith("/man1/snapconfine-cli.1") for p in installed),
              [p for p in installed if "man" in p])
        check("meson installs the bash completion",
              any(re.search(r"/bash-completion/completions/snapconfine-cli$", p) for p in installed),
              [p for p in installed if "completion" in p])
    except OSError as e:
        check("meson-info/intro-installed.json is readable", False, e)

    return sctap.main()


if __name__ == "__main__":
    sys.exit(main())
