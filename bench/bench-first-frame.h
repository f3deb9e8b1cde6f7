/* bench-first-frame.h
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The first-frame probe of bench/bench-window.sh, shared by the two bench
 * programs so both are timed the same way and nothing of it ships:
 * bench_first_frame_watch (app) prints "first-frame-us N", microseconds
 * from bench_first_frame_start () to the end of the first frame in which a
 * window of APP was really rendered, and exits.
 */
#pragma once

#include <gtk/gtk.h>
#include <stdlib.h>

static gint64 bench_start_time;
static GdkSurface *bench_surface;
static gboolean bench_rendered;

static inline void
bench_first_frame_start (void)
{
  bench_start_time = g_get_monotonic_time ();
}

/* On X11 the first frame clock cycles run while the new surface's updates
 * are still frozen and paint nothing; only a frame in which the window's
 * surface was rendered counts. An emission hook runs before GTK's own
 * handler, which stops the emission. */
static gboolean
bench_render_hook (GSignalInvocationHint *hint,
                   guint                  n_values,
                   const GValue          *values,
                   gpointer               user_data)
{
  if (g_value_get_object (&values[0]) != (gpointer)bench_surface)
    return TRUE;
  bench_rendered = TRUE;
  return FALSE;
}

static void
bench_after_paint_cb (GdkFrameClock *clock,
                      gpointer       user_data)
{
  if (!bench_rendered)
    return;
  g_print ("first-frame-us %" G_GINT64_FORMAT "\n", g_get_monotonic_time () - bench_start_time);
  exit (0);
}

static void
bench_realize_cb (GtkWidget *window,
                  gpointer   user_data)
{
  if (bench_surface != NULL)
    return;
  bench_surface = gtk_native_get_surface (GTK_NATIVE (window));
  g_signal_add_emission_hook (g_signal_lookup ("render", GDK_TYPE_SURFACE), 0,
                              bench_render_hook, NULL, NULL);
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (bench_after_paint_cb), NULL);
}

static void
bench_window_added_cb (GtkApplication *app,
                       GtkWindow      *window,
                       gpointer        user_data)
{
  g_signal_connect (window, "realize", G_CALLBACK (bench_realize_cb), NULL);
}

static inline void
bench_first_frame_watch (GtkApplication *app)
{
  g_signal_connect (app, "window-added", G_CALLBACK (bench_window_added_cb), NULL);
}
