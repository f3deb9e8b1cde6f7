/* screenshot-window.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * build-aux/screenshots.sh's camera: runs the application from the same
 * library as snapconfine, draws its first window into a PNG once it has
 * settled, and quits. Not installed; the shipped binary has no such hook.
 *   screenshot-window OUT.png [--dark] [--delay MS] [--] APPLICATION-ARGS…
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "sc-application.h"

static const char *out_path;
static guint delay_ms = 1500;

static gboolean
shoot_cb (gpointer user_data)
{
  GtkWidget *window = user_data;
  int width = gtk_widget_get_width (window);
  int height = gtk_widget_get_height (window);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  static guint tries;

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  /* A busy machine may not have drawn the window yet: look again after
   * the same delay. */
  if (node == NULL && ++tries < 20)
    return G_SOURCE_CONTINUE;
  if (node != NULL)
    texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                           &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (texture == NULL || !gdk_texture_save_to_png (texture, out_path))
    g_printerr ("Could not save a screenshot to %s (%dx%d, %s)\n", out_path, width, height,
                node != NULL ? "drawn" : "nothing drawn");

  g_application_quit (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (window))));
  return G_SOURCE_REMOVE;
}

static void
map_cb (GtkWidget *window)
{
  static gboolean scheduled;

  if (!scheduled)
    g_timeout_add (delay_ms, shoot_cb, window);
  scheduled = TRUE;
}

static void
window_added_cb (GtkApplication *app,
                 GtkWindow      *window)
{
  g_signal_connect (window, "map", G_CALLBACK (map_cb), NULL);
}

/* After AdwApplication's own startup, which sets up the style manager. */
static void
startup_dark_cb (GApplication *app)
{
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_DARK);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(ScApplication) app = NULL;
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  const char *localedir = g_getenv ("SNAPCONFINE_LOCALEDIR");
  gboolean dark = FALSE;
  int i;

  if (argc < 2)
    {
      g_printerr ("Usage: %s OUT.png [--dark] [--delay MS] [--] ARGS…\n", argv[0]);
      return 2;
    }
  out_path = argv[1];
  g_ptr_array_add (args, argv[0]);
  for (i = 2; i < argc; i++)
    {
      if (strcmp (argv[i], "--dark") == 0)
        dark = TRUE;
      else if (strcmp (argv[i], "--delay") == 0 && i + 1 < argc)
        delay_ms = (guint)g_ascii_strtoull (argv[++i], NULL, 10);
      else if (strcmp (argv[i], "--") == 0)
        {
          i++;
          break;
        }
      else
        break;
    }
  for (; i < argc; i++)
    g_ptr_array_add (args, argv[i]);

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = sc_application_new ();
  g_signal_connect (app, "window-added", G_CALLBACK (window_added_cb), NULL);
  if (dark)
    g_signal_connect_after (app, "startup", G_CALLBACK (startup_dark_cb), NULL);

  return g_application_run (G_APPLICATION (app), (int)args->len, (char **)args->pdata);
}
