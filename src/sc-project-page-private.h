/* sc-project-page-private.h
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the window and the tests reach inside the page.
 */
#pragma once

#include "sc-app-row.h"
#include "sc-plug-row.h"
#include "sc-project-page.h"

G_BEGIN_DECLS

/* TARGET is an app name or "hook:NAME"; both build what is still waiting
 * for after the first frame. */
ScAppRow   *_sc_project_page_get_app_row   (ScProjectPage *self,
                                            const char    *target);
ScPlugRow  *_sc_project_page_get_plug_row  (ScProjectPage *self,
                                            const char    *target,
                                            const char    *plug);
/* The list of apps and hooks (hidden for a single target). */
GtkListBox *_sc_project_page_get_nav_list  (ScProjectPage *self);
AdwLeaflet *_sc_project_page_get_leaflet   (ScProjectPage *self);
GtkWidget  *_sc_project_page_get_banner    (ScProjectPage *self);
GtkLabel   *_sc_project_page_get_snapd_label (ScProjectPage *self);
GtkScrolledWindow *_sc_project_page_get_scroller (ScProjectPage *self);

G_END_DECLS
