#!/bin/bash
# Runs the whole test suite: installs what is missing, builds, runs every
# test (the window's under Xvfb) and ends with "N passed, N failed".
#   build-aux/test.sh              normal build in build/
#   build-aux/test.sh --sanitize   AddressSanitizer + UBSan build in build-asan/
set -euo pipefail
cd "$(dirname "$0")/.."

builddir=build
# Warnings are errors here (and so in CI, .ci/run), not in the project's
# defaults that distributions build with.
setup_args=(-Dwerror=true)
test_args=()
if [ "${1:-}" = "--sanitize" ]; then
  builddir=build-asan
  setup_args+=(-Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debug)
  export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
  export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
  export LSAN_OPTIONS=suppressions=$PWD/build-aux/lsan.supp:print_suppressions=0
  # Sanitized code runs several times slower; the longest tests (the CLI
  # acceptance run over the real corpus) need more than their usual limit.
  test_args=(--timeout-multiplier 4)
  shift
fi

build-aux/deps.sh

if [ -d "$builddir" ] && [ -f "$builddir/build.ninja" ]; then
  meson setup --reconfigure "$builddir" "${setup_args[@]}" >/dev/null
else
  rm -rf "$builddir"
  meson setup "$builddir" "${setup_args[@]}" >/dev/null
fi
ninja -C "$builddir"

status=0
xvfb-run -a -s "-screen 0 1280x1024x24" \
  meson test -C "$builddir" --print-errorlogs --num-processes 2 "${test_args[@]}" "$@" || status=$?

python3 build-aux/count-results.py "$builddir/meson-logs/testlog.json"
