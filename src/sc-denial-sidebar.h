/* sc-denial-sidebar.h
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The denial sidebar: reads confinement denials for the project's snap from
 * the journal or a log (in a worker thread), groups them, lists them with
 * suggestions, and follows new ones live.
 *
 * Properties: "project" (ScProject*, nullable), "follow" (boolean),
 * "ignored" (GStrv of group keys hidden for this project), "show-noise"
 * (boolean), "loading" (boolean, read-only).
 * Signals: "add-plug" (const char *target, const char *plug,
 * GVariant *definition or NULL: the whole top-level definition the plug
 * needs now, merged by the project's ScDenialPlan with what the project
 * and earlier cards defined, "interface" included, no "name"; it replaces
 * any pending definition of that name) and "add-toast" (AdwToast*; the
 * handler takes the reference, as adw_toast_overlay_add_toast() does).
 */
#pragma once

#include <adwaita.h>

#include "sc-journal-reader.h"
#include "sc-project.h"
#include "sc-snapd-client.h"

G_BEGIN_DECLS

#define SC_TYPE_DENIAL_SIDEBAR (sc_denial_sidebar_get_type ())
G_DECLARE_FINAL_TYPE (ScDenialSidebar, sc_denial_sidebar, SC, DENIAL_SIDEBAR, GtkWidget)

GtkWidget          *sc_denial_sidebar_new          (void);

ScProject          *sc_denial_sidebar_get_project  (ScDenialSidebar        *self);
void                sc_denial_sidebar_set_project  (ScDenialSidebar        *self,
                                                    ScProject              *project);
gboolean            sc_denial_sidebar_get_follow   (ScDenialSidebar        *self);
void                sc_denial_sidebar_set_follow   (ScDenialSidebar        *self,
                                                    gboolean                follow);
const char * const *sc_denial_sidebar_get_ignored  (ScDenialSidebar        *self);
void                sc_denial_sidebar_set_ignored  (ScDenialSidebar        *self,
                                                    const char * const     *ignored);
gboolean            sc_denial_sidebar_get_show_noise (ScDenialSidebar      *self);
void                sc_denial_sidebar_set_show_noise (ScDenialSidebar      *self,
                                                      gboolean              show_noise);
gboolean            sc_denial_sidebar_get_loading  (ScDenialSidebar        *self);
/* The project's snap as this machine's snapd has it installed (nullable):
 * a suggestion declared but not connected there gets a Connect button,
 * and "since-install" (the view menu's "Since This Revision") shows only
 * what was refused after that revision was installed or refreshed. */
void                sc_denial_sidebar_set_installed (ScDenialSidebar       *self,
                                                     ScSnapdSnap           *snap);
gboolean            sc_denial_sidebar_get_since_install (ScDenialSidebar   *self);
void                sc_denial_sidebar_set_since_install (ScDenialSidebar   *self,
                                                         gboolean           since_install);

/* Chooses where denials are read from (the system journal by default) and
 * reloads. OPTIONS is copied; its snap filter is replaced by the project's
 * name. NULL means the system journal. Following is switched on for the
 * system journal and off otherwise. */
void                sc_denial_sidebar_set_source   (ScDenialSidebar        *self,
                                                    const ScJournalOptions *options);
/* At most MAX_GROUPS groups are listed (0: no limit); records of further
 * groups are counted and the status bar says how many groups were left
 * out. Reloads when it changes. */
#define SC_DENIAL_SIDEBAR_DEFAULT_MAX_GROUPS 100000
/* Whether PLUG is (still) ticked on TARGET in the project's view. */
typedef gboolean (*ScDenialSidebarTickedFunc) (const char *target,
                                               const char *plug,
                                               gpointer    user_data);
/* The plugs the cards added may have been unticked since: the cards of
 * those IS_TICKED says no to offer Add again. Call when the ticks change. */
void                sc_denial_sidebar_update_added   (ScDenialSidebar      *self,
                                                      ScDenialSidebarTickedFunc is_ticked,
                                                      gpointer              user_data);
void                sc_denial_sidebar_set_max_groups (ScDenialSidebar      *self,
                                                      guint                 max_groups);
guint64             sc_denial_sidebar_get_n_dropped  (ScDenialSidebar      *self);

/* Reads TEXT (records pasted from a bug report, a terminal…) as a text
 * log, through the same parser as a log file, and shows its groups. */
void                sc_denial_sidebar_load_text    (ScDenialSidebar        *self,
                                                    const char             *text);
/* Reads the source again from the start. */
void                sc_denial_sidebar_reload       (ScDenialSidebar        *self);

/* For tests: groups read (before filtering), groups shown (after the
 * ignored/noise filter), records lost to rate limiting. */
guint               sc_denial_sidebar_get_n_groups  (ScDenialSidebar       *self);
guint               sc_denial_sidebar_get_n_visible (ScDenialSidebar       *self);
guint64             sc_denial_sidebar_get_n_lost    (ScDenialSidebar       *self);
/* For tests: the list model shown (of ScDenialItem, sorted and filtered)
 * and the visible page of the sidebar's stack ("loading", "list", "empty",
 * "error"). */
GListModel         *sc_denial_sidebar_get_model     (ScDenialSidebar       *self);
const char         *sc_denial_sidebar_get_page      (ScDenialSidebar       *self);

G_END_DECLS
