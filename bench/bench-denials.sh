#!/bin/bash
# bench-denials.sh
#
# Copyright 2026 The Snap Confine authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The denial benchmark (issues 4 and 13). Generates once (cached in
# BUILD/bench-data/) journals of ENTRIES entries of which 1 % are
# confinement records, written by systemd-journal-remote (a real journald
# writer), in four shapes:
#
#   repeated    bench/gen-journal.py: ordinary messages from a few templates
#   distinct    every ordinary message distinct, 5 rotated files
#               (system@….journal + system.journal)
#   system      a system journal folder: <machine-id>/ with 24 system and 6
#               user-1000 files (rotated + active), three boots, distinct
#               messages, read with folder discovery
#   compressed  distinct messages, a third of them long enough that journald
#               stores them zstd-compressed (and 30 % of the records too)
#
# and measures on each, side by side (hyperfine, RUNS runs):
#
#   snapconfine-cli denials --directory D --json
#   journalctl -D D -k --grep apparmor -o cat
#   bench-denials-floor D      (the minimal sd-journal match program)
#
# and on the system shape also like for like (journalctl -k reads only the
# newest boot): denials --boot against journalctl -k, and denials against
# journalctl _TRANSPORT=kernel (all boots).
#
# then peak memory (max RSS, /usr/bin/time -v) and the follow latency.
# GENERATE_ONLY=1 stops after writing the journals.
#
#   bench/bench-denials.sh [BUILD_DIR] [ENTRIES] [RUNS] [SHAPES...]

set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
build=$(cd "${1:-$here/../build}" && pwd)
entries=${2:-1000000}
runs=${3:-5}
shift $(( $# > 3 ? 3 : $# ))
shapes=("$@")
[ ${#shapes[@]} -gt 0 ] || shapes=(repeated distinct system compressed)
cli="$build/src/cli/snapconfine-cli"
floor="$build/bench/bench-denials-floor"
remote=/lib/systemd/systemd-journal-remote
machine=c0ffee00c0ffee00c0ffee00c0ffee00

for tool in python3 "$remote"; do
  command -v "$tool" > /dev/null || { echo "bench-denials: $tool is missing" >&2; exit 2; }
done
if [ -z "${GENERATE_ONLY:-}" ]; then
  for tool in hyperfine journalctl /usr/bin/time; do
    command -v "$tool" > /dev/null || { echo "bench-denials: $tool is missing (apt-get install hyperfine time)" >&2; exit 2; }
  done
  for b in "$cli" "$floor"; do
    [ -x "$b" ] || { echo "bench-denials: build $b first (ninja -C $build)" >&2; exit 2; }
  done
fi

# write SHAPE TOTAL FIRST COUNT BOOT STRIDE OFFSET FILE: one journal file.
write() {
  local shape=$1 file=$8
  if [ "$shape" = repeated ]; then
    python3 "$here/gen-journal.py" "$2"
  else
    python3 "$here/gen-journal-shapes.py" "$shape" "$2" "$3" "$4" "$5" "$6" "$7"
  fi | "$remote" -o "$file" - 2> /dev/null
}

# rotated NAME INDEX FIRST STRIDE: a rotated file's name as journald gives it
# (NAME@seqnum-id-head-seqnum-head-realtime.journal).
rotated() {
  printf '%s@%032x-%016x-%016x.journal' "$1" $((0x5e9 + $2)) $(($3 + 1)) $((1718000000000000 + $3 * $4))
}

generate() {
  local shape=$1 dir=$2 n=$entries
  case $shape in
    repeated)
      write repeated "$n" 0 "$n" 0 1000 0 "$dir/bench.journal" ;;
    distinct)
      local per=$((n / 5))
      for i in 0 1 2 3; do
        write distinct "$n" $((i * per)) $per 0 1000 0 "$dir/$(rotated system 0 $((i * per)) 1000)" &
      done
      write distinct "$n" $((4 * per)) $((n - 4 * per)) 0 1000 0 "$dir/system.journal"
      wait ;;
    system|compressed)
      # compressed: one folder of 5 files like distinct; system: the folder
      # layout of /var/log/journal with rotated system and user files.
      if [ "$shape" = compressed ]; then
        local per=$((n / 5))
        for i in 0 1 2 3; do
          write compressed "$n" $((i * per)) $per 0 1000 0 "$dir/$(rotated system 0 $((i * per)) 1000)" &
        done
        write compressed "$n" $((4 * per)) $((n - 4 * per)) 0 1000 0 "$dir/system.journal"
        wait
        return
      fi
      local m="$dir/$machine" sys=$((n * 4 / 5)) user=$((n - n * 4 / 5)) nsys=24 nuser=6
      mkdir -p "$m"
      local per=$((sys / nsys)) i name
      for ((i = 0; i < nsys; i++)); do
        if ((i == nsys - 1)); then name=system.journal; else name=$(rotated system 0 $((i * per)) 1000); fi
        write distinct "$sys" $((i * per)) $(( i == nsys - 1 ? sys - i * per : per )) $((i * 3 / nsys)) 1000 0 "$m/$name" &
        (( i % 2 == 1 )) && wait
      done
      wait
      per=$((user / nuser))
      for ((i = 0; i < nuser; i++)); do
        if ((i == nuser - 1)); then name=user-1000.journal; else name=$(rotated user-1000 1 $((i * per)) 4000); fi
        write distinct "$user" $((i * per)) $(( i == nuser - 1 ? user - i * per : per )) $((i * 3 / nuser)) 4000 500 "$m/$name" &
        (( i % 2 == 1 )) && wait
      done
      wait ;;
  esac
}

echo "== Machine"
echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, uptime:$(uptime | sed 's/.*up[^,]*,//')"

for shape in "${shapes[@]}"; do
  data="$build/bench-data/$shape-$entries"
  # What the journals are made of: the generators and the functions that
  # cut them into files (not the rest of this script, so that changing how
  # they are measured does not write them again).
  stamp="$data/.generator-$( (cat "$here/gen-journal.py" "$here/gen-journal-shapes.py"; declare -f write generate) |
    sha256sum | cut -c1-16)"
  if [ ! -e "$stamp" ]; then
    echo "Generating the $shape shape ($entries entries) into $data (once)…"
    rm -rf "$data"
    mkdir -p "$data/journal"
    generate "$shape" "$data/journal"
    touch "$stamp"
  fi
done
[ -z "${GENERATE_ONLY:-}" ] || exit 0

for shape in "${shapes[@]}"; do
  d="$build/bench-data/$shape-$entries/journal"
  echo
  echo "== Shape: $shape"
  echo "directory: D = $d ($(du -sh "$d" | cut -f1) in $(find "$d" -name '*.journal' | wc -l) files)"
  echo "records found by snapconfine-cli: $("$cli" denials --directory "$d" --json 2> /dev/null |
    python3 -c 'import json,sys; a=json.load(sys.stdin); print(sum(g["count"] for g in a), "in", len(a), "groups")')"
  echo "candidate messages found by the floor program: $("$floor" "$d")"
  echo "lines printed by journalctl: $(journalctl -D "$d" -k --grep apparmor -o cat 2> /dev/null | wc -l)"
  echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
  hyperfine -N --warmup 1 -r "$runs" --style basic \
    -n denials "$cli denials --directory $d --json" \
    -n journalctl "journalctl -D $d -k --grep apparmor -o cat" \
    -n floor "$floor $d" \
    --output=null 2>&1 | grep -v '^ *$'
  if [ "$shape" = system ]; then
    # journalctl -k reads the newest boot only (-k implies -b): the same
    # work is denials --boot; and both tools on all three boots.
    echo "like for like: the newest boot (denials --boot, journalctl -k)"
    hyperfine -N --warmup 1 -r "$runs" --style basic \
      -n "denials --boot" "$cli denials --directory $d --json --boot" \
      -n "journalctl -k" "journalctl -D $d -k --grep apparmor -o cat" \
      --output=null 2>&1 | grep -v '^ *$'
    echo "like for like: all boots (denials, journalctl _TRANSPORT=kernel)"
    hyperfine -N --warmup 1 -r "$runs" --style basic \
      -n denials "$cli denials --directory $d --json" \
      -n "journalctl _TRANSPORT=kernel" "journalctl -D $d _TRANSPORT=kernel --grep apparmor -o cat" \
      --output=null 2>&1 | grep -v '^ *$'
  fi
  for cmd in "$cli denials --directory $d --json" "$floor $d" "journalctl -D $d -k --grep apparmor -o cat"; do
    rss=$( /usr/bin/time -v $cmd 2>&1 > /dev/null | sed -n 's/.*Maximum resident set size (kbytes): //p' )
    printf 'peak RSS %4d MB  %s\n' $((rss / 1024)) "$(echo "$cmd" | sed "s|$d|D|; s|$build/||")"
  done
done

if [ -e "$here/follow-latency.py" ]; then
  echo
  echo "== Follow latency"
  python3 "$here/follow-latency.py" "$cli" 10
fi
