#!/bin/bash
# Copyright 2026 The Snap Confine authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The window starts without loading libsystemd, libseccomp or libapparmor
# (src/core/sc-system-libs.c opens them when a journal is first read): none
# of them, nor what libsystemd pulls in, is among its ELF dependencies, and
# the CLI reads a journal folder all the same (tests/test-cli-denials.py).
#   test-startup-libs.sh BINARY
set -u
bin=$1
echo "1..2"
needed=$(readelf -d "$bin" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
if [ -z "$needed" ]; then
  echo "not ok 1 - readelf lists the dependencies of $bin"
else
  echo "ok 1 - readelf lists the dependencies of $bin"
fi
bad=$(echo "$needed" | grep -E '^lib(systemd|seccomp|apparmor|gcrypt|cap|zstd|snapd-glib-2|soup-3\.0|json-glib-1\.0)\.' || true)
if [ -z "$bad" ]; then
  echo "ok 2 - no libsystemd, libseccomp, libapparmor or libsnapd-glib at startup"
else
  echo "not ok 2 - $bin links $(echo $bad)"
fi
