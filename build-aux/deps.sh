#!/bin/bash
# Installs the Debian 12 packages Snap Confine needs to build, test and run,
# skipping the ones already there. Safe to run again.
set -euo pipefail

packages=(
  # build
  meson ninja-build pkg-config gcc gettext libglib2.0-dev-bin
  # libraries (README: "Dependencies")
  libgtk-4-dev libadwaita-1-dev libyaml-dev libsystemd-dev libapparmor-dev libseccomp-dev
  libsnapd-glib-dev libzstd-dev
  # tests: a display for the window, real journal files, file validators
  xvfb xauth x11-utils dbus-daemon systemd-journal-remote desktop-file-utils appstream python3
  # tests: a real snapd (tests/snapd/) with try-mode snaps
  snapd squashfs-tools
  # tests: strace holds a write at one step (tests/test-cli-write.py)
  strace
  # fuzzing with libFuzzer and sanitizers
  clang libclang-rt-14-dev
  # fonts and icons so screenshots look like a desktop
  fonts-cantarell adwaita-icon-theme
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo="sudo"
fi
echo "Installing: ${missing[*]}" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
