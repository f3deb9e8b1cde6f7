/* sc-window-snapd.h
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window and this machine's snapd: the installed snap in the header,
 * each plug row's connection and switch, the sidebar's Connect buttons and
 * "Since this revision" filter. The window holds an ScSnapdMonitor for its
 * project; the action "snapd.connect" (target, plug, connect) connects or
 * disconnects (polkit may ask), errors as dialogs, and refreshes; focus
 * refreshes too.
 */
#pragma once

#include <adwaita.h>

#include "sc-types.h"
#include "sc-plug-row.h"
#include "sc-snapd-monitor.h"

G_BEGIN_DECLS



void            _sc_window_snapd_class_init      (GtkWidgetClass *widget_class);
void            _sc_window_snapd_init            (ScWindow       *self);
/* After the project was (re)loaded or closed. */
void            _sc_window_snapd_project_changed (ScWindow       *self);
/* After the sidebar was created. */
void            _sc_window_snapd_sidebar_created (ScWindow       *self);

/* The monitor of the window ROOT belongs to, or NULL. */
ScSnapdMonitor *sc_window_snapd_get_monitor      (GtkWidget      *root);
/* Shows on ROW what MONITOR (nullable) knows. */
void            sc_window_snapd_apply_to_row     (ScSnapdMonitor *monitor,
                                                  ScPlugRow      *row);

G_END_DECLS
