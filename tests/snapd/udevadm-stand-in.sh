#!/bin/sh
# udevadm-stand-in.sh: snapd reloads and triggers udev rules after it
# writes them; there is no udevd here, so every call succeeds.
# Copyright 2026 The Snap Confine authors
# SPDX-License-Identifier: GPL-3.0-or-later
[ -n "$SC_STAND_IN_LOG" ] && echo "udevadm $*" >> "$SC_STAND_IN_LOG"
exit 0
