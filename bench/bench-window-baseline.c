/* bench-window-baseline.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The baseline for bench/bench-window.sh: a bare AdwApplicationWindow with
 * a header bar and an empty status page, timed to its first frame exactly
 * like snapconfine (SNAPCONFINE_BENCH_FIRST_FRAME prints "first-frame-us N",
 * microseconds from creating the application to the end of the first frame
 * that was really rendered, and exits).
 */

#include "config.h"

#include <adwaita.h>
#include <stdlib.h>

static gint64 start_time;
static gboolean rendered;

/* On X11 the first frame clock cycles run while the new surface's updates
 * are still frozen and paint nothing; only a frame in which a surface was
 * rendered counts, in both programs. An emission hook runs before GTK's own
 * handler, which stops the emission. */
static gboolean
render_hook (GSignalInvocationHint *hint,
             guint                  n_values,
             const GValue          *values,
             gpointer               user_data)
{
  rendered = TRUE;
  return FALSE;
}

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  if (!rendered)
    return;
  g_print ("first-frame-us %" G_GINT64_FORMAT "\n", g_get_monotonic_time () - start_time);
  exit (0);
}

static void
realize_cb (GtkWidget *window,
            gpointer   user_data)
{
  if (g_getenv ("SNAPCONFINE_BENCH_FIRST_FRAME") != NULL)
    {
      g_signal_add_emission_hook (g_signal_lookup ("render", GDK_TYPE_SURFACE), 0,
                                  render_hook, NULL, NULL);
      g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                        G_CALLBACK (after_paint_cb), NULL);
    }
}

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
  g_signal_connect (window, "realize", G_CALLBACK (realize_cb), NULL);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = NULL;

  app = adw_application_new ("org.example.SnapConfine.Baseline", G_APPLICATION_NON_UNIQUE);
  start_time = g_get_monotonic_time ();
  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
