/* sc-window.h
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The main window: a start page, or one project (ScProjectPage) with the
 * denial sidebar and the Switch to Strict button.
 */
#pragma once

#include "sc-types.h"
#include "sc-project.h"

G_BEGIN_DECLS

#define SC_TYPE_WINDOW (sc_window_get_type ())
G_DECLARE_FINAL_TYPE (ScWindow, sc_window, SC, WINDOW, AdwApplicationWindow)

ScWindow   *sc_window_new                (ScApplication *application);
/* Loads the project at FILE (folder or snapcraft.yaml) into the window.
 * On failure the window keeps what it showed and ERROR is set. */
gboolean    sc_window_open               (ScWindow      *self,
                                          GFile         *file,
                                          GError       **error);
ScProject  *sc_window_get_project        (ScWindow      *self);
/* Whether FILE names this window's project (folder or yaml file). */
gboolean    sc_window_shows_file         (ScWindow      *self,
                                          GFile         *file);
/* Makes the denial sidebar read PATH (a text log, a .journal file or a
 * journal folder) instead of the system journal. */
void        sc_window_set_denials_log    (ScWindow      *self,
                                          const char    *path);

G_END_DECLS
