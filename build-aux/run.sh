#!/bin/bash
# Installs what is missing, builds, and opens the window on the bundled
# example project. Without a display it shows the same project with the
# command-line twin instead.
set -euo pipefail
cd "$(dirname "$0")/.."

build-aux/deps.sh

if [ -f build/build.ninja ]; then
  meson setup --reconfigure build >/dev/null
else
  rm -rf build
  meson setup build >/dev/null
fi
ninja -C build

project="$(realpath "${1:-examples/skylark}")"
if [ -n "${WAYLAND_DISPLAY:-}" ] || [ -n "${DISPLAY:-}" ]; then
  # meson devenv points GLib at the build tree's compiled settings schema
  # and the app at its translations, as an installed app finds its own.
  # A desktop session has a D-Bus session bus; a bare X server (Xvfb, a
  # remote X session) may not, and the window then cannot save settings.
  session=()
  if [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ] && command -v dbus-run-session >/dev/null; then
    session=(dbus-run-session --)
  fi
  exec "${session[@]}" meson devenv -C build src/snapconfine "$project"
fi

echo "No display found: showing the project with snapconfine-cli instead." >&2
build/src/cli/snapconfine-cli show "$project"
build/src/cli/snapconfine-cli check "$project" || true
exec build/src/cli/snapconfine-cli suggest "$project" --log "$project/denials.log" --dry-run
