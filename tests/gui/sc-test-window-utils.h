/* sc-test-window-utils.h
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the window tests share: a copy of the example project in a
 * temporary folder with a window, main-loop helpers and widget-tree
 * searches (as GNOME Console's kgx-test-utils).
 */
#pragma once

#include "sc-app-row.h"
#include "sc-project.h"
#include "sc-window-private.h"

G_BEGIN_DECLS

extern gboolean have_display;

typedef struct
{
  char     *dir;      /* temporary copy of the example project */
  char     *yaml;
  GBytes   *original;
  ScWindow *window;
} Fixture;

#define REQUIRE_DISPLAY() \
  G_STMT_START { \
    if (!have_display) \
      { \
        g_test_skip ("No display (run under xvfb-run)"); \
        return; \
      } \
  } G_STMT_END

char      *example_dir            (void);
void       copy_file              (const char    *from,
                                   const char    *to);
void       iterate                (guint          ms);
/* Runs the main loop until CHECK holds or five seconds pass. */
gboolean   iterate_until          (gboolean     (*check) (gpointer),
                                   gpointer       data);
void       fixture_set_up         (Fixture       *fixture,
                                   gconstpointer  data);
void       fixture_tear_down      (Fixture       *fixture,
                                   gconstpointer  data);
void       open_project           (Fixture       *fixture);
GBytes    *read_yaml              (Fixture       *fixture);
gboolean   target_has_plug        (ScProject     *project,
                                   const char    *target_name,
                                   const char    *plug);
GtkWidget *find_button_with_label (GtkWidget     *widget,
                                   const char    *label);
GtkLabel  *find_label             (GtkWidget     *widget,
                                   const char    *text);
void       count_plug_rows        (GtkWidget     *widget,
                                   guint         *n_rows,
                                   guint         *n_hidden);
ScAppRow  *find_app_row           (GtkWidget     *widget,
                                   const char    *target);
GtkWidget *find_widget_of_type    (GtkWidget     *widget,
                                   GType          type);

G_END_DECLS
