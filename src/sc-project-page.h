/* sc-project-page.h
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One project as the window shows it: its header, the Checks group, a group
 * of plug rows per app and hook with a list to move between them, and the
 * ticks not written yet. The window loads, writes and watches the file; the
 * page turns ticks into an ScEdit.
 */
#pragma once

#include "sc-types.h"
#include "sc-project.h"

G_BEGIN_DECLS

#define SC_TYPE_PROJECT_PAGE (sc_project_page_get_type ())
G_DECLARE_FINAL_TYPE (ScProjectPage, sc_project_page, SC, PROJECT_PAGE, AdwBin)

GtkWidget  *sc_project_page_new              (void);
ScProject  *sc_project_page_get_project      (ScProjectPage *self);
/* Shows PROJECT. The ticks and definitions not written yet are put back on
 * the new rows when KEEP_PENDING, dropped otherwise. */
void        sc_project_page_set_project      (ScProjectPage *self,
                                              ScProject     *project,
                                              gboolean       keep_pending);
/* Whether any tick differs from the file. */
gboolean    sc_project_page_has_pending      (ScProjectPage *self);
/* Whether a tick can be taken back (Ctrl+Z). */
gboolean    sc_project_page_can_undo_tick    (ScProjectPage *self);
/* Puts the last tick back; FALSE when there was none. */
gboolean    sc_project_page_undo_tick        (ScProjectPage *self);
/* The edit that the ticks (and STRICT) make to the file. */
ScEdit     *sc_project_page_build_edit       (ScProjectPage *self,
                                              gboolean       strict,
                                              GError       **error);
/* Ticks PLUG on TARGET (an app name or "hook:NAME"), adding its row when
 * needed, then scrolls to the row and highlights it once it is laid out.
 * DEFINITION (a{sv}, floating or not, nullable) is the top-level definition
 * of PLUG to write with it. */
gboolean    sc_project_page_add_plug         (ScProjectPage *self,
                                              const char    *target,
                                              const char    *plug,
                                              GVariant      *definition,
                                              GError       **error);
/* Whether PLUG's check is ticked on TARGET (an app name or "hook:NAME"). */
gboolean    sc_project_page_get_plug_ticked  (ScProjectPage *self,
                                              const char    *target,
                                              const char    *plug);
/* The targets shown, in order, NULL-terminated; free the array only. */
const char **sc_project_page_dup_targets     (ScProjectPage *self);
/* One quiet line under the header about this machine's snapd: what it
 * has installed, or that connection state is unavailable (NULL hides it). */
void        sc_project_page_set_snapd_text   (ScProjectPage *self,
                                              const char    *text);
/* Shows MESSAGE in a banner above the page (NULL hides it). */
void        sc_project_page_set_banner       (ScProjectPage *self,
                                              const char    *message);

G_END_DECLS
