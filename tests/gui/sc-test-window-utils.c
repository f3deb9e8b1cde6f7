/* sc-test-window-utils.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "sc-test-window-utils.h"

gboolean have_display;




char *
example_dir (void)
{
  const char *root = g_getenv ("SC_SOURCE_ROOT");

  return g_build_filename (root != NULL ? root : SOURCE_ROOT, "examples", "skylark", NULL);
}

void
copy_file (const char *from,
           const char *to)
{
  g_autofree char *contents = NULL;
  gsize len = 0;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (from, &contents, &len, &error);
  g_assert_no_error (error);
  g_file_set_contents (to, contents, len, &error);
  g_assert_no_error (error);
}

static gboolean
wake_up_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

void
iterate (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  guint wakeup = g_timeout_add (5, wake_up_cb, NULL);

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (wakeup);
}

/* Runs the main loop until CHECK holds or five seconds pass. */
gboolean
iterate_until (gboolean (*check) (gpointer),
               gpointer   data)
{
  gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  guint wakeup = g_timeout_add (10, wake_up_cb, NULL);

  while (!check (data))
    {
      if (g_get_monotonic_time () > end)
        {
          g_source_remove (wakeup);
          return FALSE;
        }
      g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (wakeup);
  return TRUE;
}

void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *example = example_dir ();
  g_autofree char *example_yaml = g_build_filename (example, "snap", "snapcraft.yaml", NULL);
  g_autofree char *snap_dir = NULL;
  g_autofree char *contents = NULL;
  gsize len = 0;
  g_autoptr(GError) error = NULL;

  if (!have_display)
    return;

  fixture->dir = g_dir_make_tmp ("sc-test-window-XXXXXX", &error);
  g_assert_no_error (error);
  snap_dir = g_build_filename (fixture->dir, "snap", NULL);
  g_assert_cmpint (g_mkdir (snap_dir, 0755), ==, 0);
  fixture->yaml = g_build_filename (snap_dir, "snapcraft.yaml", NULL);
  copy_file (example_yaml, fixture->yaml);

  g_file_get_contents (fixture->yaml, &contents, &len, &error);
  g_assert_no_error (error);
  fixture->original = g_bytes_new_take (g_steal_pointer (&contents), len);

  fixture->window = g_object_ref_sink (sc_window_new (NULL));
  gtk_window_present (GTK_WINDOW (fixture->window));
}

void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (!have_display)
    return;

  if (sc_window_get_dialog (fixture->window) != NULL)
    gtk_window_destroy (sc_window_get_dialog (fixture->window));
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  iterate (20);
  g_assert_finalize_object (fixture->window);

  g_unlink (fixture->yaml);
  {
    g_autofree char *snap_dir = g_path_get_dirname (fixture->yaml);

    g_rmdir (snap_dir);
  }
  g_rmdir (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
  g_clear_pointer (&fixture->yaml, g_free);
  g_clear_pointer (&fixture->original, g_bytes_unref);
}

void
open_project (Fixture *fixture)
{
  g_autoptr(GFile) file = g_file_new_for_path (fixture->dir);
  g_autoptr(GError) error = NULL;

  g_assert_true (sc_window_open (fixture->window, file, &error));
  g_assert_no_error (error);
  g_assert_nonnull (sc_window_get_project (fixture->window));
  iterate (50);
}

GBytes *
read_yaml (Fixture *fixture)
{
  g_autofree char *contents = NULL;
  gsize len = 0;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (fixture->yaml, &contents, &len, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (g_steal_pointer (&contents), len);
}

gboolean
target_has_plug (ScProject  *project,
                 const char *target_name,
                 const char *plug)
{
  ScTarget *target = sc_project_find_target (project, target_name);

  g_assert_nonnull (target);
  for (guint i = 0; i < target->plugs->len; i++)
    {
      const ScPlugRef *ref = g_ptr_array_index (target->plugs, i);

      if (g_strcmp0 (ref->name, plug) == 0)
        return TRUE;
    }
  return FALSE;
}

GtkWidget *
find_button_with_label (GtkWidget  *widget,
                        const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button_with_label (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}




GtkLabel *
find_label (GtkWidget  *widget,
            const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found;

      if (GTK_IS_LABEL (child) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (child)), text) == 0)
        return GTK_LABEL (child);
      if ((found = find_label (child, text)) != NULL)
        return found;
    }

  return NULL;
}

void
count_plug_rows (GtkWidget *widget,
                 guint     *n_rows,
                 guint     *n_hidden)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (SC_IS_PLUG_ROW (child))
        {
          (*n_rows)++;
          *n_hidden += !gtk_widget_get_visible (child);
        }
      else
        count_plug_rows (child, n_rows, n_hidden);
    }
}

ScAppRow *
find_app_row (GtkWidget  *widget,
              const char *target)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      ScAppRow *found;

      if (SC_IS_APP_ROW (child))
        {
          if (g_strcmp0 (sc_app_row_get_target (SC_APP_ROW (child)), target) == 0)
            return SC_APP_ROW (child);
          continue;
        }
      if ((found = find_app_row (child, target)) != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
find_widget_of_type (GtkWidget *widget,
                     GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      if ((found = find_widget_of_type (child, type)) != NULL)
        return found;
    }
  return NULL;
}
