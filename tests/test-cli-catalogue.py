#!/usr/bin/env python3
# test-cli-catalogue.py
#
# Copyright 2026 The Snap Confine authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# End-to-end tests of `snapconfine-cli interfaces [QUERY] [--json]`.
# Prints TAP. Runs the binary named by $SNAPCONFINE_CLI.

import json
import os
import subprocess
import sys

CLI = os.environ.get("SNAPCONFINE_CLI", "snapconfine-cli")
KEYS = {
    "name", "category", "auto_connect", "store_approval", "classic_slot", "core_slot",
    "attributes", "policy_notes", "description", "risk", "doc_url",
}

import sctap
from sctap import test


def run(*args):
    env = dict(os.environ)
    env.setdefault("LC_ALL", "C.UTF-8")
    proc = subprocess.run([CLI, "interfaces", *args], capture_output=True, text=True,
                          env=env, timeout=60)
    return proc.returncode, proc.stdout, proc.stderr


def run_json(*args):
    code, out, err = run(*args, "--json")
    assert code == 0, f"exit {code}: {err}"
    return json.loads(out)


def shared_tsv():
    shared = os.environ.get("SC_SHARED_DIR")
    if not shared:
        return None
    path = os.path.join(shared, "reference", "interfaces.tsv")
    return path if os.path.exists(path) else None


@test
def json_lists_all_interfaces_with_every_key():
    data = run_json()
    assert isinstance(data, list)
    assert len(data) == 220, len(data)
    names = [entry["name"] for entry in data]
    assert names == sorted(names), "not sorted by name"
    assert len(set(names)) == 220
    for entry in data:
        assert set(entry) == KEYS, (entry["name"], set(entry) ^ KEYS)
        for key in ("auto_connect", "store_approval", "classic_slot", "core_slot"):
            assert isinstance(entry[key], bool), (entry["name"], key)
        assert isinstance(entry["attributes"], list)
        assert all(isinstance(a, str) and a for a in entry["attributes"])
        assert isinstance(entry["policy_notes"], str)
        assert isinstance(entry["description"], str) and entry["description"].endswith(".")
        assert entry["risk"] is None or (isinstance(entry["risk"], str) and entry["risk"])
        assert entry["doc_url"] == f"https://snapcraft.io/docs/{entry['name']}-interface"
    descriptions = [entry["description"] for entry in data]
    assert len(set(descriptions)) == 220, "descriptions are not unique"


@test
def json_facts_match_reference_tsv():
    path = shared_tsv()
    if path is None:
        return "SKIP interfaces.tsv not available"
    by_name = {entry["name"]: entry for entry in run_json()}
    with open(path, encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        rows = [dict(zip(header, line.rstrip("\n").split("\t"))) for line in f if line.strip()]
    assert len(rows) == len(by_name) == 220
    for row in rows:
        entry = by_name[row["name"]]
        for key in ("auto_connect", "store_approval", "classic_slot", "core_slot"):
            assert entry[key] == (row[key] == "yes"), (row["name"], key)
        assert entry["category"] == row["category"], row["name"]
        expected = [a for a in row["attributes"].split(",") if a]
        assert entry["attributes"] == expected, row["name"]
        assert entry["policy_notes"] == row.get("policy_notes", ""), row["name"]
    return None


@test
def json_specific_entries():
    by_name = {entry["name"]: entry for entry in run_json()}
    home = by_name["home"]
    assert home["auto_connect"] is True and home["store_approval"] is False
    assert home["attributes"] == ["read"]
    pf = by_name["personal-files"]
    assert pf["store_approval"] is True and pf["attributes"] == ["read", "write"]
    assert by_name["snapd-control"]["risk"] is not None
    assert by_name["network"]["risk"] is None


@test
def query_filters_and_ranks():
    data = run_json("camera")
    assert data[0]["name"] == "camera", [e["name"] for e in data]
    names = [e["name"] for e in run_json("audio")]
    assert "audio-playback" in names and "audio-record" in names
    assert "x11" not in names
    assert names.index("audio-playback") < names.index("alsa")
    assert len(names) < 220


@test
def query_is_case_insensitive_and_searches_categories():
    upper = [e["name"] for e in run_json("CAMERA")]
    lower = [e["name"] for e in run_json("camera")]
    assert upper == lower
    virt = run_json("virtualization")
    names = [e["name"] for e in virt]
    assert "kvm" in names and "lxd" in names
    assert all(e["category"] == "virtualization" or "virtualization" in e["name"]
               or "virtualization" in e["description"].lower() for e in virt)


@test
def no_match_is_empty_with_message():
    code, out, err = run("no-such-interface-xyz")
    assert code == 0, code
    assert out == "", repr(out)
    assert "no interface matches" in err, err
    code, out, err = run("no-such-interface-xyz", "--json")
    assert code == 0, code
    assert json.loads(out) == []
    assert "no interface matches" in err, err


@test
def text_mode_is_an_aligned_table():
    code, out, err = run()
    assert code == 0, err
    lines = out.rstrip("\n").split("\n")
    assert len(lines) == 221, len(lines)  # heading + one line per interface
    heading = lines[0]
    for column in ("NAME", "CONNECTION", "CATEGORY", "DESCRIPTION"):
        assert column in heading, heading
    start = heading.index("CONNECTION")
    for line in lines[1:]:
        assert line[start - 2:start] == "  ", line
        assert line[start] != " ", line
    camera = next(line for line in lines if line.startswith("camera "))
    assert "Needs manual connection" in camera and "audio-video" in camera
    snapd = next(line for line in lines if line.startswith("snapd-control "))
    assert "Needs store approval" in snapd
    network = next(line for line in lines if line.startswith("network "))
    assert "Auto-connects" in network


@test
def text_mode_query_shows_only_matches():
    code, out, err = run("camera")
    assert code == 0, err
    lines = out.rstrip("\n").split("\n")
    assert lines[1].startswith("camera "), lines
    assert not any(line.startswith("network ") for line in lines)


@test
def unknown_option_is_usage_error():
    code, out, err = run("--frobnicate")
    assert code == 2, code
    assert "--frobnicate" in err, err
    assert out == ""


@test
def two_queries_are_usage_error():
    code, out, err = run("camera", "audio")
    assert code == 2, code
    assert out == ""


@test
def double_dash_allows_dash_query():
    code, out, err = run("--", "-bind", "--json")
    # After "--" everything is an operand, so "--json" is a second query.
    assert code == 2, code
    code, out, err = run("--json", "--", "-bind")
    assert code == 0, err
    assert [e["name"] for e in json.loads(out)][0] == "network-bind"


def main():
    return sctap.main()


if __name__ == "__main__":
    sys.exit(main())
