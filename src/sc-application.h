/* sc-application.h
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sc-types.h"

G_BEGIN_DECLS

#define SC_TYPE_APPLICATION (sc_application_get_type ())
G_DECLARE_FINAL_TYPE (ScApplication, sc_application, SC, APPLICATION, AdwApplication)

ScApplication *sc_application_new              (void);
GSettings     *sc_application_get_settings     (ScApplication *self);
GSettings     *sc_settings_new                 (void);
/* Presents the window showing the project at FILE (a folder or a
 * snapcraft.yaml), opening a new one when none shows it yet. */
ScWindow      *sc_application_open_file        (ScApplication *self,
                                                GFile         *file);
/* Puts PATH at the front of the recent-projects setting. */
void           sc_application_add_recent       (ScApplication *self,
                                                const char    *path);
void           sc_application_remove_recent    (ScApplication *self,
                                                const char    *path);

G_END_DECLS
