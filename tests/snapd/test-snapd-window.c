/* test-snapd-window.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window against a real snapd, run by test-snapd-window.py (which
 * starts snapd and installs the project's snap in try mode):
 *
 *   SC_SNAPD_WINDOW_MODE=installed  the header names the installed
 *     revision; the camera row says not connected; the sidebar's camera
 *     denial says Connect and clicking it connects (read back with
 *     `snap connections`); the row's switch disconnects; a plug the file
 *     declares but the installed revision lacks says "rebuild".
 *   SC_SNAPD_WINDOW_MODE=unavailable  snapd was stopped: one quiet line says
 *     connection state is unavailable, no switch shows, nothing hangs.
 *
 * SC_SNAPD_WINDOW_PROJECT is the project folder, SC_SNAPD_WINDOW_LOG a
 * denial log with a camera denial of the skylark app.
 */

#include "config.h"

#include <adwaita.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "sc-denial-item.h"
#include "sc-denial-row.h"
#include "sc-denial-sidebar.h"
#include "sc-plug-row.h"
#include "sc-project-page-private.h"
#include "sc-test-utils.h"
#include "sc-window-private.h"
#include "sc-window-snapd.h"

static ScWindow *
open_window (void)
{
  const char *path = g_getenv ("SC_SNAPD_WINDOW_PROJECT");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  ScWindow *window;

  g_assert_nonnull (path);
  window = g_object_ref_sink (sc_window_new (NULL));
  file = g_file_new_for_path (path);
  g_assert_true (sc_window_open (window, file, &error));
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static gboolean
monitor_settled (gpointer data)
{
  ScSnapdMonitor *monitor = sc_window_snapd_get_monitor (data);

  return monitor != NULL && !sc_snapd_monitor_is_busy (monitor) &&
         sc_snapd_monitor_get_state (monitor) != SC_SNAPD_STATE_UNKNOWN;
}

static const char *
header_text (ScWindow *window)
{
  GtkLabel *label = _sc_project_page_get_snapd_label (window->project_page);

  return gtk_widget_get_visible (GTK_WIDGET (label)) ? gtk_label_get_label (label) : NULL;
}

/* `snap connections skylark`: the slot of PLUG ("-" when not connected). */
static char *
snap_connections_slot (const char *plug)
{
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *wanted = g_strdup_printf ("skylark:%s", plug);
  const char *argv[] = { "snap", "connections", "skylark", NULL };
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) cols = g_strsplit_set (lines[i], " ", -1);
      GPtrArray *words = g_ptr_array_new ();
      char *slot = NULL;

      for (guint k = 0; cols[k] != NULL; k++)
        if (*cols[k] != '\0')
          g_ptr_array_add (words, cols[k]);
      if (words->len >= 3 && strcmp (words->pdata[1], wanted) == 0)
        slot = g_strdup (words->pdata[2]);
      g_ptr_array_unref (words);
      if (slot != NULL)
        return slot;
    }
  return NULL;
}

typedef struct
{
  ScWindow   *window;
  const char *target;
  const char *plug;
  ScPlugLink  link;
} RowWait;

static gboolean
row_has_link (gpointer data)
{
  RowWait *wait = data;
  ScPlugRow *row = sc_window_get_plug_row (wait->window, wait->target, wait->plug);

  return row != NULL && sc_plug_row_get_link (row) == wait->link &&
         gtk_widget_get_sensitive (GTK_WIDGET (sc_plug_row_get_link_switch (row)));
}

/* The button of the sidebar card for the skylark app's camera denial. */
static GtkButton *
camera_card_button (ScWindow *window)
{
  g_autoptr(GPtrArray) rows = NULL;

  if (window->sidebar == NULL)
    return NULL;
  rows = sc_test_collect_widgets_of_type (GTK_WIDGET (window->sidebar), SC_TYPE_DENIAL_ROW);
  for (guint i = 0; i < rows->len; i++)
    {
      ScDenialItem *item = sc_denial_row_get_item (rows->pdata[i]);
      const ScSuggestionResult *result = item != NULL ? sc_denial_item_get_suggestions (item) : NULL;
      g_autoptr(GPtrArray) buttons = NULL;

      if (result == NULL || result->suggestions->len == 0 ||
          g_strcmp0 (sc_denial_item_get_target (item), "skylark") != 0 ||
          g_strcmp0 (((ScSuggestion *) result->suggestions->pdata[0])->interface, "camera") != 0)
        continue;
      buttons = sc_test_collect_widgets_of_type (rows->pdata[i], GTK_TYPE_BUTTON);
      for (guint k = 0; k < buttons->len; k++)
        if (gtk_widget_has_css_class (buttons->pdata[k], "sc-add-button") &&
            gtk_widget_get_visible (buttons->pdata[k]))
          return buttons->pdata[k];
    }
  return NULL;
}

static gboolean
camera_button_says_connect (gpointer data)
{
  GtkButton *button = camera_card_button (data);

  return button != NULL && g_strcmp0 (gtk_button_get_label (button), "_Connect") == 0 &&
         gtk_widget_get_sensitive (GTK_WIDGET (button));
}

static gboolean
dialog_shown (gpointer data)
{
  return sc_window_get_dialog (data) != NULL;
}

static void
test_installed (void)
{
  g_autoptr(ScWindow) window = NULL;
  RowWait wait = { NULL, "skylark", "camera", SC_PLUG_LINK_DISCONNECTED };
  g_autofree char *slot = NULL;
  ScPlugRow *row;
  GtkSwitch *sw;

  g_test_summary ("Installed snap: header, plug rows with switches, Connect from the sidebar, "
                  "state read back from snap connections");
  window = open_window ();
  wait.window = window;
  g_assert_true (sc_test_iterate_until (monitor_settled, window));
  g_assert_cmpint (sc_snapd_monitor_get_state (sc_window_snapd_get_monitor (GTK_WIDGET (window))),
                   ==, SC_SNAPD_STATE_INSTALLED);
  g_assert_cmpstr (header_text (window), ==, "Installed here: revision x1, try mode, devmode");

  /* The camera row: declared, installed, not connected. */
  g_assert_true (sc_test_iterate_until (row_has_link, &wait));
  row = sc_window_get_plug_row (window, "skylark", "camera");
  g_assert_cmpstr (sc_plug_row_get_link_text (row), ==, "Not connected");
  sw = sc_plug_row_get_link_switch (row);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (sw)));
  g_assert_false (gtk_switch_get_active (sw));

  /* Auto-connected by snapd. */
  row = sc_window_get_plug_row (window, "skylark", "home");
  g_assert_cmpstr (sc_plug_row_get_link_text (row), ==, "Connected to snapd:home");

  /* Declared in the file, not in what is installed. */
  row = sc_window_get_plug_row (window, "skylark-sync", "network-bind");
  g_assert_nonnull (row);
  g_assert_cmpint (sc_plug_row_get_link (row), ==, SC_PLUG_LINK_NOT_INSTALLED);
  g_assert_nonnull (strstr (sc_plug_row_get_link_text (row), "rebuild"));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (sc_plug_row_get_link_switch (row))));

  /* The sidebar: the camera denial's button connects instead of adding. */
  sc_window_set_denials_log (window, g_getenv ("SC_SNAPD_WINDOW_LOG"));
  sc_window_set_show_denials (window, TRUE);
  g_assert_true (sc_test_iterate_until (camera_button_says_connect, window));
  gtk_widget_activate (GTK_WIDGET (camera_card_button (window)));
  wait.link = SC_PLUG_LINK_CONNECTED;
  g_assert_true (sc_test_iterate_until (row_has_link, &wait));
  row = sc_window_get_plug_row (window, "skylark", "camera");
  g_assert_cmpstr (sc_plug_row_get_link_text (row), ==, "Connected to snapd:camera");
  g_assert_true (gtk_switch_get_active (sc_plug_row_get_link_switch (row)));
  slot = snap_connections_slot ("camera");
  g_assert_cmpstr (slot, ==, ":camera");
  g_clear_pointer (&slot, g_free);
  /* The file was not touched: Connect is not Add. */
  g_assert_false (sc_window_has_pending (window));

  /* The row's switch disconnects. */
  gtk_switch_set_active (sc_plug_row_get_link_switch (row), FALSE);
  wait.link = SC_PLUG_LINK_DISCONNECTED;
  g_assert_true (sc_test_iterate_until (row_has_link, &wait));
  slot = snap_connections_slot ("camera");
  g_assert_cmpstr (slot, ==, "-");
  g_clear_pointer (&slot, g_free);

  /* And connects again. */
  gtk_switch_set_active (sc_plug_row_get_link_switch (row), TRUE);
  wait.link = SC_PLUG_LINK_CONNECTED;
  g_assert_true (sc_test_iterate_until (row_has_link, &wait));
  slot = snap_connections_slot ("camera");
  g_assert_cmpstr (slot, ==, ":camera");

  /* "Since this revision": every record of the log is older than the
   * installed revision. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window->sidebar),
                                             "sidebar.since-install", NULL));
  g_assert_true (sc_denial_sidebar_get_since_install (window->sidebar));
  g_assert_cmpuint (sc_denial_sidebar_get_n_visible (window->sidebar), ==, 0);
  sc_denial_sidebar_set_since_install (window->sidebar, FALSE);
  g_assert_cmpuint (sc_denial_sidebar_get_n_visible (window->sidebar), >, 0);

  /* A snapd that stops answering mid-session: the switch gives an error
   * dialog after the timeout ($SNAPCONFINE_SNAPD_TIMEOUT), never a hang. */
  {
    const char *pid_text = g_getenv ("SC_SNAPD_PID");
    int pid = pid_text != NULL ? atoi (pid_text) : 0;
    gint64 start;

    g_assert_cmpint (pid, >, 1);
    g_assert_cmpint (kill (pid, SIGSTOP), ==, 0);
    start = g_get_monotonic_time ();
    gtk_switch_set_active (sc_plug_row_get_link_switch (row), FALSE);
    g_assert_true (sc_test_iterate_until (dialog_shown, window));
    g_assert_cmpint (kill (pid, SIGCONT), ==, 0);
    g_assert_cmpint (g_get_monotonic_time () - start, <, 15 * G_USEC_PER_SEC);
    g_assert_true (ADW_IS_MESSAGE_DIALOG (sc_window_get_dialog (window)));
    g_assert_nonnull (strstr (adw_message_dialog_get_heading (
                                ADW_MESSAGE_DIALOG (sc_window_get_dialog (window))), "camera"));
    gtk_window_destroy (sc_window_get_dialog (window));
    /* Refreshed when snapd answers again: still connected. */
    sc_snapd_monitor_refresh (sc_window_snapd_get_monitor (GTK_WIDGET (window)));
    wait.link = SC_PLUG_LINK_CONNECTED;
    g_assert_true (sc_test_iterate_until (row_has_link, &wait));
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_unavailable (void)
{
  g_autoptr(ScWindow) window = NULL;
  gint64 start = g_get_monotonic_time ();
  ScPlugRow *row;

  g_test_summary ("snapd stopped: one quiet line, no switches, no hang");
  window = open_window ();
  g_assert_true (sc_test_iterate_until (monitor_settled, window));
  g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC);
  g_assert_cmpint (sc_snapd_monitor_get_state (sc_window_snapd_get_monitor (GTK_WIDGET (window))),
                   ==, SC_SNAPD_STATE_UNAVAILABLE);
  g_assert_nonnull (strstr (header_text (window), "Connection state is unavailable"));
  row = sc_window_get_plug_row (window, "skylark", "camera");
  g_assert_nonnull (row);
  g_assert_cmpint (sc_plug_row_get_link (row), ==, SC_PLUG_LINK_UNKNOWN);
  g_assert_null (sc_plug_row_get_link_text (row));
  g_assert_true (sc_plug_row_get_link_switch (row) == NULL ||
                 !gtk_widget_get_visible (GTK_WIDGET (sc_plug_row_get_link_switch (row))));
  /* Focus asks again, and still does not hang. */
  sc_snapd_monitor_refresh (sc_window_snapd_get_monitor (GTK_WIDGET (window)));
  g_assert_true (sc_test_iterate_until (monitor_settled, window));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  const char *mode = g_getenv ("SC_SNAPD_WINDOW_MODE");

  g_test_init (&argc, &argv, NULL);
  adw_init ();

  if (g_strcmp0 (mode, "installed") == 0)
    g_test_add_func ("/snapd-window/installed", test_installed);
  else if (g_strcmp0 (mode, "unavailable") == 0)
    g_test_add_func ("/snapd-window/unavailable", test_unavailable);
  return g_test_run ();
}
