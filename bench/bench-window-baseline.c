/* bench-window-baseline.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The baseline for bench/bench-window.sh: a bare AdwApplicationWindow with
 * a header bar and an empty status page, timed to its first frame exactly
 * like bench-window-app (bench-first-frame.h).
 */

#include "config.h"

#include <adwaita.h>

#include "bench-first-frame.h"

static void
activate_cb (GApplication *app,
             gpointer      user_data)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *status = adw_status_page_new ();

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  adw_status_page_set_title (ADW_STATUS_PAGE (status), "Baseline");
  gtk_widget_set_vexpand (status, TRUE);
  gtk_box_append (GTK_BOX (box), status);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = NULL;

  bench_first_frame_start ();
  app = adw_application_new ("org.example.SnapConfine.Baseline", G_APPLICATION_NON_UNIQUE);
  bench_first_frame_watch (GTK_APPLICATION (app));
  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
