/* sc-window-private.h
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sc-window.h"

G_BEGIN_DECLS

struct _ScWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwHeaderBar         *header_bar;
  AdwWindowTitle       *window_title;
  GtkButton            *open_button;
  GtkButton            *add_button;
  GtkMenuButton        *menu_button;
  GMenuModel           *primary_menu;
  GtkToggleButton      *denials_button;
  GtkButton            *strict_button;
  GtkStack             *stack;
  AdwFlap              *flap;
  GtkScrolledWindow    *project_scroller;
  GtkLabel             *name_label;
  GtkLabel             *path_label;
  GtkLabel             *confinement_label;
  GtkLabel             *base_label;
  GtkLabel             *grade_label;
  AdwPreferencesGroup  *findings_group;
  GtkBox               *targets_box;

  /* Not in the template: the start page, built when a window is shown
   * without a project (NULL until then) */
  ScStartPage          *start_page;

  /* Not in the template: the denial sidebar when it is built in, created
   * the first time it is shown (NULL until then) */
  GtkWidget            *sidebar;

  /* Owned */
  ScProject            *project;
  GFile                *file;            /* as the user gave it */
  GFileMonitor         *monitor;
  GSettings            *settings;
  GCancellable         *cancellable;
  GHashTable           *app_rows;        /* target → ScAppRow*, borrowed */
  GHashTable           *definitions;     /* plug → GVariant a{sv}: pending top-level definitions */
  GPtrArray            *findings;        /* of ScFinding* */
  GPtrArray            *finding_rows;    /* of GtkWidget* in findings_group, borrowed */
  GBytes               *undo_before;     /* bytes before the last write */
  GBytes               *undo_after;      /* bytes the last write left */
  char                 *undo_path;
  char                 *denials_log;
  GPtrArray            *tick_history;    /* of ticks to restore, last on top (Ctrl+Z) */
  GPtrArray            *deferred;        /* of ScTarget*, borrowed: groups not built yet */
  GPtrArray            *unwrapped_labels; /* of GtkLabel*, owned: wrapping labels kept to one
                                           * line until the first frame is out */
  guint                 deferred_id;
  gulong                deferred_paint_id;
  guint                 monitor_timeout_id;
  gulong                first_frame_id;
  gulong                first_render_hook_id;
  gboolean              first_rendered;  /* the surface has been rendered once */

  /* Borrowed */
  GtkWindow            *dialog;

  gboolean              show_denials;
  gboolean              recent_stale;  /* recent-projects changed while the list was hidden */
  gboolean              updating;
  gboolean              closing;       /* the user chose to close despite pending ticks */
};

void      _sc_window_class_actions_init     (GtkWidgetClass *widget_class);
void      _sc_window_actions_update         (ScWindow       *self);
void      _sc_window_show_add_interface     (ScWindow       *self,
                                             const char     *target);
void      _sc_window_show_review            (ScWindow       *self,
                                             gboolean        strict);
void      _sc_window_save                   (ScWindow       *self);
void      _sc_window_undo                   (ScWindow       *self);
void      _sc_window_undo_write             (ScWindow       *self);
void      _sc_window_open_project_dialog    (ScWindow       *self);
void      _sc_window_show_error             (ScWindow       *self,
                                             const GError   *error);
void      _sc_window_set_dialog             (ScWindow       *self,
                                             GtkWindow      *dialog);
gboolean  _sc_window_is_strict              (ScWindow       *self);
gboolean  _sc_window_has_sidebar            (ScWindow       *self);

G_END_DECLS
