/* sc-window-private.h
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's insides, shared by sc-window.c, sc-window-actions.c and the
 * window tests.
 */
#pragma once

#include "sc-app-row.h"
#include "sc-denial-sidebar.h"
#include "sc-file-util.h"
#include "sc-plug-row.h"
#include "sc-project-page.h"
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
  AdwSqueezer          *strict_squeezer;
  GtkButton            *strict_button;
  GtkButton            *strict_icon_button;
  GtkStack             *stack;
  AdwFlap              *flap;
  ScProjectPage        *project_page;

  /* Not in the template: the start page, built when a window is shown
   * without a project (NULL until then) */
  ScStartPage          *start_page;

  /* Not in the template: the denial sidebar, created the first time it
   * is shown (NULL until then) */
  ScDenialSidebar      *sidebar;

  /* Owned */
  ScProject            *project;
  GFile                *file;            /* as the user gave it */
  GFileMonitor         *monitor;
  GSettings            *settings;
  GCancellable         *cancellable;
  GBytes               *undo_before;     /* bytes before the last write */
  GBytes               *undo_after;      /* bytes the last write left */
  char                 *undo_path;
  ScFileReplaceFlags    undo_flags;      /* how the last write was made */
  char                 *denials_log;
  guint                 monitor_timeout_id;

  /* Borrowed */
  GtkWindow            *dialog;

  gboolean              show_denials;
  gboolean              recent_stale;  /* recent-projects changed while the list was hidden */
  gboolean              closing;       /* the user chose to close despite pending ticks */
  gboolean              broken;        /* the file on disk does not parse (banner shown) */
  gboolean              disk_check_pending; /* the file changed while a dialog was open */
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
void      _sc_window_ask_force              (ScWindow       *self,
                                             gboolean        strict,
                                             const GError   *error,
                                             gboolean        close);
void      _sc_window_open_project_dialog    (ScWindow       *self);
void      _sc_window_show_error             (ScWindow       *self,
                                             const GError   *error);
gboolean  _sc_window_is_strict              (ScWindow       *self);
void      _sc_window_update_state           (ScWindow       *self);
void      _sc_window_toast                  (ScWindow       *self,
                                             const char     *title);
/* Shows DIALOG as the window's dialog (sc_window_get_dialog()). */
void      _sc_window_present_dialog         (ScWindow       *self,
                                             GtkWindow      *dialog);
void      _sc_window_show_error_dialog      (ScWindow       *self,
                                             const char     *heading,
                                             const GError   *error);

/* sc-window-file.c: looks at the file on disk after DELAY_MS. */
void      _sc_window_schedule_disk_check    (ScWindow       *self,
                                             guint           delay_ms);
void      _sc_window_monitor_changed_cb     (ScWindow          *self,
                                             GFile             *file,
                                             GFile             *other_file,
                                             GFileMonitorEvent  event,
                                             GFileMonitor      *monitor);

/* What the window's buttons do, callable from tests. */
gboolean    sc_window_get_show_denials   (ScWindow      *self);
void        sc_window_set_show_denials   (ScWindow      *self,
                                          gboolean       show_denials);
/* TARGET is an app name or "hook:NAME". */
ScAppRow   *sc_window_get_app_row        (ScWindow      *self,
                                          const char    *target);
ScPlugRow  *sc_window_get_plug_row       (ScWindow      *self,
                                          const char    *target,
                                          const char    *plug);
/* Ticks PLUG on TARGET, adding its row when needed, scrolls to it and
 * says so in a toast. DEFINITION (a{sv}, nullable) also creates the
 * top-level definition. */
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
/* sc_window_write() with SC_FILE_REPLACE_FORCE (sc-file-util.h): what
 * "Write Anyway" does for a read-only snapcraft.yaml. */
gboolean    sc_window_write_full         (ScWindow            *self,
                                          gboolean             strict,
                                          ScFileReplaceFlags   flags,
                                          GError             **error);
/* Restores the bytes from before the last write, if the file is unchanged. */
gboolean    sc_window_undo_write         (ScWindow      *self,
                                          GError       **error);
/* Re-reads the file; pending ticks are kept when KEEP_PENDING. */
gboolean    sc_window_reload             (ScWindow      *self,
                                          gboolean       keep_pending,
                                          GError       **error);
/* The dialog currently shown by the window (review, add interface, reload
 * question), or NULL. */
GtkWindow  *sc_window_get_dialog         (ScWindow      *self);

G_END_DECLS
