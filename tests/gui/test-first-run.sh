#!/bin/bash
# Copyright 2026 The Snap Confine authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The README's first command as a newcomer runs it: build-aux/run.sh from the
# source tree, with a display and nothing else of ours in the environment
# (env -i plus PATH, HOME, DISPLAY, XAUTHORITY). A window titled with the
# snap's name must appear, with no GLib error or critical on the way. Then:
# the build tree's German catalogue is used under `meson devenv`, and a
# window started without any compiled schema warns and still opens.
# Runs only on the default build folder (build/, which run.sh uses); needs
# an X display (the suite runs under Xvfb). Prints TAP.
set -u

root="${SC_SOURCE_ROOT:?}"
builddir="${SC_BUILD_ROOT:?}"
cd "$root" || exit 1

if [ -z "${DISPLAY:-}" ] || ! command -v xwininfo >/dev/null; then
  echo "1..0 # SKIP needs an X display and xwininfo (x11-utils)"
  exit 0
fi

n=0
fail=0
tmp=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill -TERM -- "-$p" 2>/dev/null; done
  rm -rf "$tmp"
}
trap cleanup EXIT

ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); fail=1; echo "not ok $n - $1"; }
diag() { sed 's/^/# /' "$@"; }

clean_env=(env -i "PATH=/usr/local/bin:/usr/bin:/bin" "HOME=$tmp/home"
           "DISPLAY=$DISPLAY" "XAUTHORITY=${XAUTHORITY:-}")
mkdir -p "$tmp/home"

# Waits up to $2 seconds for a top-level window whose title is $1.
wait_for_window() {
  local title=$1 deadline=$((SECONDS + $2))
  while [ $SECONDS -lt "$deadline" ]; do
    if xwininfo -root -tree 2>/dev/null | grep -q -F "\"$title\""; then
      return 0
    fi
    sleep 0.5
  done
  return 1
}

window_gone() {
  ! xwininfo -root -tree 2>/dev/null | grep -q -F "\"$1\""
}

# 1–2. build-aux/run.sh in a clean environment opens the example project.
setsid "${clean_env[@]}" LANG=C.UTF-8 build-aux/run.sh > "$tmp/run.log" 2>&1 &
pids+=($!)
if wait_for_window skylark 180; then
  ok "build-aux/run.sh in a clean environment opens a window titled \"skylark\""
else
  not_ok "build-aux/run.sh in a clean environment opens a window titled \"skylark\""
  diag "$tmp/run.log"
fi
if grep -q -E 'ERROR|CRITICAL|WARNING|Trace/breakpoint|Segmentation|Aborted|not installed' "$tmp/run.log"; then
  not_ok "run.sh prints no GLib error, critical or warning and finds the settings schema"
  diag "$tmp/run.log"
else
  ok "run.sh prints no GLib error, critical or warning and finds the settings schema"
fi
kill -TERM -- "-${pids[0]}" 2>/dev/null
for _ in $(seq 40); do window_gone skylark && break; sleep 0.25; done

# 3. Under `meson devenv` (what run.sh uses) the build tree's German
# catalogue is found: the option summary comes out in German.
want=$(LANGUAGE=de LC_ALL=C.UTF-8 TEXTDOMAINDIR="$builddir/po" gettext snapconfine \
       "Review the plugs of snap projects and switch them to strict confinement.")
got=$("${clean_env[@]}" LANGUAGE=de LC_ALL=C.UTF-8 \
      meson devenv -C "$builddir" src/snapconfine --help 2>&1)
if [ -n "$want" ] && [ "$want" != "Review the plugs of snap projects and switch them to strict confinement." ] \
   && grep -q -F "$want" <<< "$got"; then
  ok "meson devenv: snapconfine --help is German under LANGUAGE=de"
else
  not_ok "meson devenv: snapconfine --help is German under LANGUAGE=de"
  diag <<< "$got"
fi

# 4. --help needs no settings schema at all (no devenv, no schema anywhere).
mkdir -p "$tmp/noschema"
if out=$("${clean_env[@]}" GSETTINGS_SCHEMA_DIR="$tmp/noschema" \
         "$builddir/src/snapconfine" --help 2>&1) && grep -q -F 'Usage:' <<< "$out"; then
  ok "snapconfine --help works without a settings schema"
else
  not_ok "snapconfine --help works without a settings schema"
  diag <<< "$out"
fi

# 5–6. Without the schema the window says what is missing and opens anyway.
# (GSETTINGS_SCHEMA_DIR adds an empty folder; the system's schemas stay.)
setsid "${clean_env[@]}" LANG=C.UTF-8 \
  GSETTINGS_SCHEMA_DIR="$tmp/noschema" GSETTINGS_BACKEND=memory \
  "$builddir/src/snapconfine" "$root/examples/skylark" > "$tmp/noschema.log" 2>&1 &
pids+=($!)
if wait_for_window skylark 60; then
  ok "without a settings schema the window still opens"
else
  not_ok "without a settings schema the window still opens"
  diag "$tmp/noschema.log"
fi
if grep -q -F 'org.example.SnapConfine' "$tmp/noschema.log" && grep -q 'meson devenv' "$tmp/noschema.log" \
   && ! grep -q -E 'ERROR|CRITICAL|Trace/breakpoint' "$tmp/noschema.log"; then
  ok "without a settings schema stderr names the schema and how to run from the build tree"
else
  not_ok "without a settings schema stderr names the schema and how to run from the build tree"
  diag "$tmp/noschema.log"
fi

echo "1..$n"
exit $fail
