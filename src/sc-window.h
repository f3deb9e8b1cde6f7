/* sc-window.h
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The main window: a start page, or one project with a group of plug rows
 * per app and hook, the denial sidebar and the Switch to Strict button.
 */
#pragma once

#include "sc-types.h"
#include "sc-app-row.h"
#include "sc-plug-row.h"
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
gboolean    sc_window_get_show_denials   (ScWindow      *self);
void        sc_window_set_show_denials   (ScWindow      *self,
                                          gboolean       show_denials);
void        sc_window_add_toast          (ScWindow      *self,
                                          AdwToast      *toast);

/* TARGET is an app name or "hook:NAME". */
ScAppRow   *sc_window_get_app_row        (ScWindow      *self,
                                          const char    *target);
ScPlugRow  *sc_window_get_plug_row       (ScWindow      *self,
                                          const char    *target,
                                          const char    *plug);
/* Ticks PLUG on TARGET, adding its row when needed, and scrolls to it.
 * DEFINITION (a{sv}, nullable) also creates the top-level definition. */
gboolean    sc_window_add_plug           (ScWindow      *self,
                                          const char    *target,
                                          const char    *plug,
                                          GVariant      *definition,
                                          GError       **error);
/* Whether any tick differs from the file. */
gboolean    sc_window_has_pending        (ScWindow      *self);
/* The diff that pending changes (and STRICT) would write; NULL on error. */
char       *sc_window_dup_pending_diff   (ScWindow      *self,
                                          gboolean       strict,
                                          GError       **error);
/* Writes pending changes, switching to strict when STRICT, without asking.
 * What the review dialog's "apply" does. */
gboolean    sc_window_write              (ScWindow      *self,
                                          gboolean       strict,
                                          GError       **error);
/* Restores the bytes from before the last write, if the file is unchanged. */
gboolean    sc_window_undo_write         (ScWindow      *self,
                                          GError       **error);
/* Re-reads the file; pending ticks are kept when KEEP_PENDING. */
gboolean    sc_window_reload             (ScWindow      *self,
                                          gboolean       keep_pending,
                                          GError       **error);
/* Makes the denial sidebar read PATH (a text log, a .journal file or a
 * journal folder) instead of the system journal. */
void        sc_window_set_denials_log    (ScWindow      *self,
                                          const char    *path);
/* The dialog currently shown by the window (review, add interface, reload
 * question), or NULL; for tests. */
GtkWindow  *sc_window_get_dialog         (ScWindow      *self);

G_END_DECLS
