/* sc-start-page.h
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a window shows without a project: "Open Project…", the hint that a
 * folder can be dropped, and the recent projects. Its buttons and rows use
 * the window's actions (win.open-project, win.open-recent,
 * win.remove-recent).
 */
#pragma once

#include "sc-types.h"

G_BEGIN_DECLS

#define SC_TYPE_START_PAGE (sc_start_page_get_type ())
G_DECLARE_FINAL_TYPE (ScStartPage, sc_start_page, SC, START_PAGE, AdwBin)

GtkWidget *sc_start_page_new        (void);
/* PATHS: snapcraft.yaml paths or project folders, most recent first. */
void       sc_start_page_set_recent (ScStartPage        *self,
                                     const char * const *paths);
/* The recent projects' list box, for tests. */
GtkListBox *sc_start_page_get_recent_list (ScStartPage *self);

G_END_DECLS
