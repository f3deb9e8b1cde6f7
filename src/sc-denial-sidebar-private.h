/* sc-denial-sidebar-private.h
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The denial sidebar spans four files: sc-denial-sidebar.c (the widget,
 * its rows, status and API), sc-denial-sidebar-load.c (loading jobs and
 * following), sc-denial-sidebar-list.c (keeping the list sorted while
 * batches arrive) and sc-denial-sidebar-sources.c (choosing where denials
 * are read from, pasted records).
 */
#pragma once

#include "sc-denial-loader.h"
#include "sc-denial-model.h"
#include "sc-denial-plan.h"
#include "sc-denial-sidebar.h"
#include "sc-snapd-client.h"

G_BEGIN_DECLS

typedef enum
{
  FLUSH_HOLD,         /* first read running: keep everything pending */
  FLUSH_THROTTLED,    /* first read running for long: insert every 150 ms */
  FLUSH_NOW,          /* read done, or following: insert */
} FlushMode;

typedef struct _LoadJob LoadJob;

struct _ScDenialSidebar
{
  GtkWidget           parent_instance;

  /* template widgets */
  GtkWidget          *source_button;
  GtkLabel           *source_label;
  GtkImage           *source_icon;
  GtkSwitch          *follow_switch;
  GtkRevealer        *lost_revealer;
  GtkLabel           *lost_title;
  GtkRevealer        *notes_revealer;
  GtkLabel           *notes_label;
  GtkStack           *stack;
  GtkGridView        *list_view;     /* of one column */
  AdwStatusPage      *empty_page;
  AdwStatusPage      *error_page;
  GtkSpinner         *spinner;
  GtkLabel           *loading_label;
  GtkSpinner         *status_spinner;
  GtkLabel           *status_label;
  GtkButton          *project_log_button;

  /* owned */
  ScProject          *project;
  ScDenialPlan       *plan;            /* what the cards' Add buttons plan into */
  ScJournalOptions    options;
  ScDenialModel      *items;           /* of ScDenialItem, kept sorted by sort_func(); shows
                                        * what group_visible() lets through */
  GHashTable         *ignored;         /* key → key */
  GStrv               ignored_strv;
  GHashTable         *bound_rows;      /* ScDenialRow* set */
  ScDenialStore      *store;
  ScJournalReader    *reader;          /* when no job is running */
  LoadJob            *job;
  GCancellable       *cancellable;
  GSource            *fd_source;
  GArray             *pending_new;     /* of guint32 group index, listed at the end of a dispatch */
  char               *sort_by;
  char               *source_problem;  /* why the system journal shows nothing, nullable */
  char               *project_log;     /* the project's own log of denials, nullable */
  char               *paste_path;      /* the file pasted records were saved to, nullable */

  guint               tick_id;
  guint               flush_id;
  gint64              last_insert;
  guint64             n_lost;
  guint64             lost_dismissed;  /* n_lost when the warning was dismissed */
  guint64             n_dropped;       /* groups left out beyond max_groups */
  guint               max_groups;
  guint64             n_records;
  gboolean            follow;
  gboolean            show_noise;
  gboolean            since_install;   /* only what the installed revision was refused */
  ScSnapdSnap        *installed;       /* this machine's snapd's view of the snap, nullable */
  gboolean            loading;
  gboolean            have_source;
};

/* sc-denial-sidebar.c */
void      _sc_denial_sidebar_emit_toast          (ScDenialSidebar  *self,
                                                  AdwToast         *toast);
void      _sc_denial_sidebar_notify_loading      (ScDenialSidebar  *self);
void      _sc_denial_sidebar_update_status       (ScDenialSidebar  *self);

/* sc-denial-sidebar-load.c */
void      _sc_denial_sidebar_start_job           (ScDenialSidebar  *self,
                                                  gboolean          initial);
void      _sc_denial_sidebar_cancel_job          (ScDenialSidebar  *self);
gboolean  _sc_denial_sidebar_job_is_initial      (ScDenialSidebar  *self);
void      _sc_denial_sidebar_update_follow       (ScDenialSidebar  *self);
void      _sc_denial_sidebar_schedule_apply      (ScDenialSidebar  *self);

/* sc-denial-sidebar-list.c */
gboolean  _sc_denial_sidebar_flush_pending       (ScDenialSidebar  *self,
                                                  FlushMode         mode);
void      _sc_denial_sidebar_apply_snapshot      (ScDenialSidebar  *self,
                                                  ScDenialSnapshot *snapshot);
void      _sc_denial_sidebar_resort              (ScDenialSidebar  *self);

/* sc-denial-sidebar-sources.c */
void      _sc_denial_sidebar_class_sources_init  (GtkWidgetClass   *widget_class);
void      _sc_denial_sidebar_update_source_label (ScDenialSidebar  *self);
void      _sc_denial_sidebar_update_project_log  (ScDenialSidebar  *self);
void      _sc_denial_sidebar_remove_paste_file   (ScDenialSidebar  *self);

G_END_DECLS
