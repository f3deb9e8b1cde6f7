/* sc-test-utils.h
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the window tests share (after GNOME Console's kgx-test-utils): finding
 * the widget a user would click in a widget tree, running the main loop
 * until something a user would see has happened, and a window on a copy of
 * the example project.
 */
#pragma once

#include <adwaita.h>

#include "sc-app-row.h"
#include "sc-project.h"
#include "sc-window-private.h"

G_BEGIN_DECLS

/* Set by sc_test_init_gtk(): whether GTK found a display. */
extern gboolean sc_test_have_display;

/* Skips the current test, saying why, when there is no display. */
#define SC_TEST_REQUIRE_DISPLAY() \
  G_STMT_START { \
    if (!sc_test_have_display) \
      { \
        g_test_skip ("No display (run under xvfb-run)"); \
        return; \
      } \
  } G_STMT_END

/* gtk_init_check() and adw_init(); returns (and remembers) whether there is a display. */
gboolean      sc_test_init_gtk                 (void);

typedef gboolean (*ScTestWidgetMatch) (GtkWidget *widget,
                                       gpointer   data);

/* Depth-first, in child order; ROOT itself is not tested. */
GtkWidget    *sc_test_find_widget              (GtkWidget         *root,
                                                ScTestWidgetMatch  match,
                                                gpointer           data);
GtkWidget    *sc_test_find_widget_of_type      (GtkWidget         *root,
                                                GType              type);
GtkWidget    *sc_test_find_widget_with_class   (GtkWidget         *root,
                                                const char        *css_class);
/* A GtkButton whose label or icon name is exactly LABEL / ICON_NAME. */
GtkWidget    *sc_test_find_button_with_label   (GtkWidget         *root,
                                                const char        *label);
GtkWidget    *sc_test_find_button_with_icon    (GtkWidget         *root,
                                                const char        *icon_name);
/* A GtkLabel whose label is exactly TEXT. */
GtkLabel     *sc_test_find_label               (GtkWidget         *root,
                                                const char        *text);
/* Whether a visible label, inscription or status page under ROOT (ROOT
 * included) shows text containing TEXT. */
gboolean      sc_test_shows_text               (GtkWidget         *root,
                                                const char        *text);
/* The ScAppRow of TARGET (an app name or "hook:NAME") under ROOT. */
ScAppRow     *sc_test_find_app_row             (GtkWidget         *root,
                                                const char        *target);
/* Counts the ScPlugRows under ROOT into *N_ROWS, the hidden ones into
 * *N_HIDDEN. */
void          sc_test_count_plug_rows          (GtkWidget         *root,
                                                guint             *n_rows,
                                                guint             *n_hidden);
/* Every widget of TYPE under ROOT, in tree order (borrowed). */
GPtrArray    *sc_test_collect_widgets_of_type  (GtkWidget         *root,
                                                GType              type);

/* Runs the main loop for MS milliseconds. */
void          sc_test_iterate                  (guint              ms);
/* Runs the main loop until CHECK (DATA) holds; returns FALSE when it still
 * does not after SC_TEST_HANG_SECONDS, which only catches a hang: tests
 * never assert how long something took. */
#define SC_TEST_HANG_SECONDS 60
gboolean      sc_test_iterate_until            (gboolean         (*check) (gpointer),
                                                gpointer           data);

/* A window on a copy of the example project (examples/skylark) in a
 * temporary folder, for g_test_add (); nothing is set up without a display. */
typedef struct
{
  char     *dir;      /* temporary copy of the example project */
  char     *yaml;
  GBytes   *original; /* its snapcraft.yaml as copied */
  ScWindow *window;
} ScTestFixture;

void          sc_test_fixture_set_up           (ScTestFixture     *fixture,
                                                gconstpointer      data);
void          sc_test_fixture_tear_down        (ScTestFixture     *fixture,
                                                gconstpointer      data);
/* Opens the copy in the window. */
void          sc_test_open_project             (ScTestFixture     *fixture);
/* The copy's snapcraft.yaml as it is on disk now. */
GBytes       *sc_test_read_yaml                (ScTestFixture     *fixture);

/* The example project in the source tree. */
char         *sc_test_example_dir              (void);
void          sc_test_copy_file                (const char        *from,
                                                const char        *to);
/* Whether TARGET_NAME of PROJECT (which must exist) has PLUG. */
gboolean      sc_test_target_has_plug          (ScProject         *project,
                                                const char        *target_name,
                                                const char        *plug);

G_END_DECLS
