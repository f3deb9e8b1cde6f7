#!/usr/bin/env python3
# Copyright 2026 The Snap Confine authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes the manual page or the bash completion of snapconfine-cli from its
own --help output, so that the help text in the program is the one source:
a new command or option shows up in both without editing anything here.

    gen-cli-docs.py man  CLI VERSION OUTPUT     snapconfine-cli.1 (roff)
    gen-cli-docs.py bash CLI VERSION OUTPUT     bash completion script
    gen-cli-docs.py json CLI                    what was read from --help

`snapconfine-cli --help` gives the commands (the lines after "Commands:":
an indented "snapconfine-cli NAME SYNOPSIS" line, continuation lines indented
further, then the summary indented by six), the global options and the exit
status. `snapconfine-cli NAME --help` gives each command's options, either in
GOptionContext's layout ("  -f, --follow=ARG   Description") or as free text;
any "--word" in it counts as an option.
"""
import json
import os
import re
import subprocess
import sys

OPTION_LINE = re.compile(r"^\s+(?:(-[A-Za-z0-9]), )?(--[A-Za-z0-9][A-Za-z0-9-]*)(?:[= ]([^\s].*?))?(?:\s{2,}(.*))?$")
OPTION_WORD = re.compile(r"(?<![\w-])(--[A-Za-z0-9][A-Za-z0-9-]*)(?:[= ]([A-Z][A-Z0-9_.=|…-]*|-(?=[]|\s])))?")
EXIT_LINE = re.compile(r"^\s+(\d+)\s+(.*)$")


def run_help(cli, *args):
    env = dict(os.environ)
    env.update(LC_ALL="C.UTF-8", LANGUAGE="", ASAN_OPTIONS="detect_leaks=0")
    p = subprocess.run([cli, *args, "--help"], capture_output=True, env=env, timeout=60)
    if p.returncode != 0:
        sys.exit(f"{cli} {' '.join(args)} --help: exit {p.returncode}: "
                 f"{p.stderr.decode(errors='replace')}")
    return p.stdout.decode()


def sections(text):
    """Splits help text into {heading: [lines]}; heading "" is the text before any."""
    out = {"": []}
    current = ""
    for line in text.splitlines():
        m = re.match(r"^([A-Z][A-Za-z ]*):\s*$", line)
        if m:
            current = m.group(1)
            out[current] = []
        else:
            out.setdefault(current, []).append(line)
    return out


def parse_options(lines):
    """Options in GOptionContext's layout; descriptions continue on deeper lines."""
    options = []
    for line in lines:
        m = OPTION_LINE.match(line)
        if m and m.group(2) != "--help":
            options.append({"short": m.group(1), "long": m.group(2), "arg": m.group(3),
                            "description": (m.group(4) or "").strip()})
        elif options and line.startswith("      ") and line.strip() and not OPTION_LINE.match(line):
            options[-1]["description"] = (options[-1]["description"] + " " + line.strip()).strip()
    return options


def option_words(text):
    """Every --option named anywhere in TEXT, with the argument it takes."""
    words = {}
    for m in OPTION_WORD.finditer(text):
        if m.group(1) in ("--help",):
            continue
        arg = m.group(2)
        if arg is not None and arg.startswith("-") and arg != "-":
            arg = None
        words.setdefault(m.group(1), arg)
    return words


def paragraphs(lines):
    """Runs of non-blank lines, each joined into one string."""
    out, current = [], []
    for line in lines + [""]:
        if line.strip():
            current.append(line.strip())
        elif current:
            out.append(" ".join(current))
            current = []
    return out


def prose(lines):
    """The free text of a help section: what is neither indented nor a Usage line."""
    kept = [l for l in lines if not l.startswith(" ") and not l.startswith("Usage")]
    return "\n\n".join(paragraphs(kept))


def read_cli(cli):
    top = run_help(cli)
    sec = sections(top)
    description = prose(sec.get("", []) + sec.get("Usage", []))
    commands = []
    for line in sec.get("Commands", []):
        m = re.match(r"^  snapconfine-cli ([a-z][a-z0-9-]*)(.*)$", line)
        if m:
            commands.append({"name": m.group(1), "synopsis": [m.group(1) + m.group(2).rstrip()],
                             "summary": ""})
        elif commands and line.startswith("      ") and line.strip():
            if line.startswith(" " * 16) and commands[-1]["summary"] == "":
                commands[-1]["synopsis"].append(line.strip())
            else:
                commands[-1]["summary"] = (commands[-1]["summary"] + " " + line.strip()).strip()
    if not commands:
        sys.exit(f"{cli} --help lists no commands (expected a “Commands:” section)")
    global_options = parse_options(sec.get("Options", []))
    notes = paragraphs([l for l in sec.get("Options", []) if not OPTION_LINE.match(l)])
    exit_status = []
    for line in sec.get("Exit status", []):
        m = EXIT_LINE.match(line)
        if m:
            exit_status.append((m.group(1), m.group(2).strip()))

    for command in commands:
        text = run_help(cli, command["name"])
        csec = sections(text)
        listed = []
        for heading, lines in csec.items():
            if heading.endswith("Options") and heading != "Help Options":
                listed += parse_options(lines)
        words = option_words(text + "\n" + "\n".join(command["synopsis"]))
        known = {o["long"] for o in listed}
        for word, arg in words.items():
            if word not in known:
                listed.append({"short": None, "long": word, "arg": arg, "description": ""})
                known.add(word)
        command["options"] = listed
        command["description"] = prose(csec.get("", []) + csec.get("Usage", []))
    # An option a command's help names without describing it ("--json" in a
    # hand-written usage line) takes the description another command gives it.
    described = {o["long"]: o["description"] for c in commands for o in c["options"] if o["description"]}
    for command in commands:
        for option in command["options"]:
            if not option["description"]:
                option["description"] = described.get(option["long"], "")
    return {"description": description, "commands": commands, "options": global_options,
            "notes": notes, "exit_status": exit_status}


# ---- roff ------------------------------------------------------------------

def roff(text):
    text = text.replace("\\", "\\e").replace("-", "\\-")
    text = text.replace("“", "\\(lq").replace("”", "\\(rq").replace("…", "\\&...")
    text = text.replace("’", "\\(cq")
    if text.startswith(".") or text.startswith("'"):
        text = "\\&" + text
    return text


def synopsis_roff(line):
    """Bold command and option names, italic metavariables."""
    out = []
    for token in re.split(r"(\s+|[][|]|\.\.\.)", line):
        if not token:
            continue
        if re.fullmatch(r"--?[A-Za-z0-9][A-Za-z0-9-]*(=.*)?", token):
            name, _, arg = token.partition("=")
            out.append("\\fB" + roff(name) + "\\fR" + ("=\\fI" + roff(arg) + "\\fR" if arg else ""))
        elif re.fullmatch(r"[A-Z][A-Z0-9_.=:-]*(\.journal)?", token) or token == "FILE.journal":
            out.append("\\fI" + roff(token) + "\\fR")
        else:
            out.append(roff(token))
    return "".join(out)


def write_man(info, version):
    lines = [
        '.\\" Generated by build-aux/gen-cli-docs.py from snapconfine-cli --help; do not edit.',
        f'.TH SNAPCONFINE\\-CLI 1 "" "snapconfine {roff(version)}" "User Commands"',
        ".SH NAME",
        "snapconfine\\-cli \\- take a snap from devmode to strict confinement",
        ".SH SYNOPSIS",
    ]
    for command in info["commands"]:
        lines += [".nf", "\\fBsnapconfine\\-cli\\fR " + synopsis_roff(command["synopsis"][0])]
        lines += ["        " + synopsis_roff(l) for l in command["synopsis"][1:]]
        lines += [".fi"]
    lines += [".nf", "\\fBsnapconfine\\-cli\\fR \\fB\\-\\-help\\fR | \\fB\\-\\-version\\fR", ".fi"]
    lines += [".SH DESCRIPTION"]
    for i, paragraph in enumerate(info["description"].split("\n\n")):
        lines += ([".PP"] if i else []) + [roff(paragraph)]
    lines += [".PP", "\\fBsnapconfine\\-cli\\fR " + roff(
        "is the command-line twin of the snapconfine window: the same core does the work, so "
        "the same intent writes the same bytes from either.")]
    for note in info["notes"]:
        lines += [".PP", roff(note)]
    lines += [".SH COMMANDS"]
    for command in info["commands"]:
        lines += [".SS " + synopsis_roff(command["synopsis"][0].split(" ", 1)[0])]
        lines += [".nf", "\\fBsnapconfine\\-cli\\fR " + synopsis_roff(command["synopsis"][0])]
        lines += ["        " + synopsis_roff(l) for l in command["synopsis"][1:]]
        lines += [".fi", ".PP", roff(command["summary"])]
        for paragraph in command["description"].split("\n\n"):
            if paragraph and paragraph not in command["summary"]:
                lines += [".PP", roff(paragraph)]
        for option in command["options"]:
            head = "\\fB" + roff(option["long"]) + "\\fR"
            if option["short"]:
                head = "\\fB" + roff(option["short"]) + "\\fR, " + head
            if option["arg"]:
                head += " \\fI" + roff(option["arg"]) + "\\fR"
            lines += [".TP", head, roff(option["description"] or "See the synopsis above.")]
    lines += [".SH OPTIONS"]
    lines += [".TP", "\\fB\\-h\\fR, \\fB\\-\\-help\\fR",
              roff("Show the help: of the program, or of a command when given after its name.")]
    for option in info["options"]:
        head = "\\fB" + roff(option["long"]) + "\\fR"
        if option["short"]:
            head = "\\fB" + roff(option["short"]) + "\\fR, " + head
        lines += [".TP", head, roff(option["description"])]
    if info["exit_status"]:
        lines += [".SH EXIT STATUS"]
        for code, text in info["exit_status"]:
            lines += [".TP", "\\fB" + code + "\\fR", roff(text)]
    lines += [".SH SEE ALSO", "\\fBsnap\\fR(8), \\fBsnapcraft\\fR(1), \\fBjournalctl\\fR(1)"]
    return "\n".join(lines) + "\n"


# ---- bash ------------------------------------------------------------------

def arg_kind(arg):
    if not arg:
        return None
    if arg == "DIR":
        return "dir"
    if arg.startswith("FILE") or arg.startswith("PATH") or arg == "-":
        return "file"
    return "word"


def write_bash(info, version):
    commands = " ".join(c["name"] for c in info["commands"])
    global_opts = " ".join(["--help", "-h"] + [o["long"] for o in info["options"]])
    cases = []
    for c in info["commands"]:
        opts = ["--help"] + [o["long"] for o in c["options"]] + [o["short"] for o in c["options"] if o["short"]]
        dirs = [o["long"] for o in c["options"] if arg_kind(o["arg"]) == "dir"]
        files = [o["long"] for o in c["options"] if arg_kind(o["arg"]) == "file"]
        words = [o["long"] for o in c["options"] if arg_kind(o["arg"]) == "word"]
        positional = "file" if re.search(r"\bPATH\b", c["synopsis"][0]) else "none"
        cases.append(f"""    {c['name']})
      opts="{' '.join(opts)}"
      dir_opts="{' '.join(dirs)}"
      file_opts="{' '.join(files)}"
      word_opts="{' '.join(words)}"
      positional={positional}
      ;;""")
    body = "\n".join(cases)
    return f"""# bash completion for snapconfine-cli {version}
# Generated by build-aux/gen-cli-docs.py from snapconfine-cli --help; do not edit.

_snapconfine_cli_in ()
{{
  local word
  for word in $2; do
    [ "$word" = "$1" ] && return 0
  done
  return 1
}}

_snapconfine_cli ()
{{
  local cur prev command opts dir_opts file_opts word_opts positional
  COMPREPLY=()
  cur="${{COMP_WORDS[COMP_CWORD]}}"
  prev=""
  [ "$COMP_CWORD" -gt 0 ] && prev="${{COMP_WORDS[COMP_CWORD-1]}}"

  if [ "$COMP_CWORD" -le 1 ]; then
    COMPREPLY=( $(compgen -W "{commands} {global_opts}" -- "$cur") )
    return 0
  fi

  command="${{COMP_WORDS[1]}}"
  case "$command" in
{body}
    *)
      return 0
      ;;
  esac

  # --option=VALUE: one word, or three when COMP_WORDBREAKS holds "=" (the default)
  if [[ "$cur" == --*=* ]]; then
    prev="${{cur%%=*}}"
    cur="${{cur#*=}}"
  elif [ "$cur" = "=" ]; then
    cur=""
  elif [ "$prev" = "=" ] && [ "$COMP_CWORD" -gt 2 ]; then
    prev="${{COMP_WORDS[COMP_CWORD-2]}}"
  fi

  if _snapconfine_cli_in "$prev" "$dir_opts"; then
    COMPREPLY=( $(compgen -d -- "$cur") )
    return 0
  elif _snapconfine_cli_in "$prev" "$file_opts"; then
    COMPREPLY=( $(compgen -f -- "$cur") )
    return 0
  elif _snapconfine_cli_in "$prev" "$word_opts"; then
    return 0
  fi

  if [[ "$cur" == -* ]]; then
    COMPREPLY=( $(compgen -W "$opts" -- "$cur") )
  elif [ "$positional" = file ]; then
    COMPREPLY=( $(compgen -f -- "$cur") )
  fi
  return 0
}}

complete -o filenames -F _snapconfine_cli snapconfine-cli
"""


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "json":
        json.dump(read_cli(sys.argv[2]), sys.stdout, indent=2)
        print()
        return
    if len(sys.argv) != 5 or sys.argv[1] not in ("man", "bash"):
        sys.exit(__doc__)
    mode, cli, version, output = sys.argv[1:]
    info = read_cli(cli)
    text = write_man(info, version) if mode == "man" else write_bash(info, version)
    with open(output + ".tmp", "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(output + ".tmp", output)


if __name__ == "__main__":
    main()
