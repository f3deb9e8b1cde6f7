/* sc-app-row.h
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One app or hook of the project: a preferences group with a check row per
 * plug (declared, added here, or given by an extension).
 */
#pragma once

#include "sc-types.h"
#include "sc-plug-row.h"
#include "sc-project.h"

G_BEGIN_DECLS

#define SC_TYPE_APP_ROW (sc_app_row_get_type ())
G_DECLARE_FINAL_TYPE (ScAppRow, sc_app_row, SC, APP_ROW, AdwPreferencesGroup)

/* Builds the group for TARGET of PROJECT with its declared and implied
 * plugs. */
GtkWidget  *sc_app_row_new            (ScProject  *project,
                                       ScTarget   *target);
GtkWidget  *sc_app_row_new_with_limit (ScProject  *project,
                                       ScTarget   *target,
                                       guint       max_rows);
gboolean    sc_app_row_has_pending    (ScAppRow   *self);
void        sc_app_row_build_pending  (ScAppRow   *self);
/* The app name, or "hook:NAME" for a hook. */
const char *sc_app_row_get_target     (ScAppRow   *self);
ScPlugRow  *sc_app_row_find_plug      (ScAppRow   *self,
                                       const char *plug);
/* Returns the row of PLUG, adding an unticked one when there is none. */
ScPlugRow  *sc_app_row_ensure_plug    (ScAppRow   *self,
                                       const char *plug);
/* Of ScPlugRow*, borrowed, in display order. */
GPtrArray  *sc_app_row_get_plug_rows  (ScAppRow   *self);
/* Findings concerning the target as a whole (no plug), borrowed ScFinding*. */
void        sc_app_row_set_findings   (ScAppRow   *self,
                                       GPtrArray  *findings);

G_END_DECLS
