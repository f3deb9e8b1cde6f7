/* sc-test-utils.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "sc-test-utils.h"

gboolean sc_test_have_display;

gboolean
sc_test_init_gtk (void)
{
  sc_test_have_display = gtk_init_check ();
  if (sc_test_have_display)
    adw_init ();
  return sc_test_have_display;
}

GtkWidget *
sc_test_find_widget (GtkWidget         *root,
                     ScTestWidgetMatch  match,
                     gpointer           data)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (match (child, data))
        return child;
      if ((found = sc_test_find_widget (child, match, data)) != NULL)
        return found;
    }
  return NULL;
}

static gboolean
is_of_type (GtkWidget *widget,
            gpointer   data)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, (GType) GPOINTER_TO_SIZE (data));
}

GtkWidget *
sc_test_find_widget_of_type (GtkWidget *root,
                             GType      type)
{
  return sc_test_find_widget (root, is_of_type, GSIZE_TO_POINTER (type));
}

static gboolean
has_class (GtkWidget *widget,
           gpointer   data)
{
  return gtk_widget_has_css_class (widget, data);
}

GtkWidget *
sc_test_find_widget_with_class (GtkWidget  *root,
                                const char *css_class)
{
  return sc_test_find_widget (root, has_class, (gpointer) css_class);
}

static gboolean
is_button_with_label (GtkWidget *widget,
                      gpointer   data)
{
  return GTK_IS_BUTTON (widget)
         && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), data) == 0;
}

GtkWidget *
sc_test_find_button_with_label (GtkWidget  *root,
                                const char *label)
{
  return sc_test_find_widget (root, is_button_with_label, (gpointer) label);
}

static gboolean
is_button_with_icon (GtkWidget *widget,
                     gpointer   data)
{
  return GTK_IS_BUTTON (widget)
         && g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (widget)), data) == 0;
}

GtkWidget *
sc_test_find_button_with_icon (GtkWidget  *root,
                               const char *icon_name)
{
  return sc_test_find_widget (root, is_button_with_icon, (gpointer) icon_name);
}

static gboolean
is_label (GtkWidget *widget,
          gpointer   data)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), data) == 0;
}

GtkLabel *
sc_test_find_label (GtkWidget  *root,
                    const char *text)
{
  return (GtkLabel *) sc_test_find_widget (root, is_label, (gpointer) text);
}

gboolean
sc_test_shows_text (GtkWidget  *root,
                    const char *text)
{
  const char *shown = NULL;

  if (!gtk_widget_get_visible (root))
    return FALSE;
  if (GTK_IS_LABEL (root))
    shown = gtk_label_get_text (GTK_LABEL (root));
  else if (GTK_IS_INSCRIPTION (root))
    shown = gtk_inscription_get_text (GTK_INSCRIPTION (root));
  else if (ADW_IS_STATUS_PAGE (root))
    shown = adw_status_page_get_description (ADW_STATUS_PAGE (root));
  if (shown != NULL && strstr (shown, text) != NULL)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (sc_test_shows_text (child, text))
      return TRUE;
  return FALSE;
}

ScAppRow *
sc_test_find_app_row (GtkWidget  *root,
                      const char *target)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
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
      if ((found = sc_test_find_app_row (child, target)) != NULL)
        return found;
    }
  return NULL;
}

void
sc_test_count_plug_rows (GtkWidget *root,
                         guint     *n_rows,
                         guint     *n_hidden)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (SC_IS_PLUG_ROW (child))
        {
          (*n_rows)++;
          *n_hidden += !gtk_widget_get_visible (child);
        }
      else
        sc_test_count_plug_rows (child, n_rows, n_hidden);
    }
}

static void
collect (GtkWidget *widget,
         GType      type,
         GPtrArray *found)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        g_ptr_array_add (found, child);
      collect (child, type, found);
    }
}

GPtrArray *
sc_test_collect_widgets_of_type (GtkWidget *root,
                                 GType      type)
{
  GPtrArray *found = g_ptr_array_new ();

  collect (root, type, found);
  return found;
}

static gboolean
flag_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

void
sc_test_iterate (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, flag_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static gboolean
wake_up_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

gboolean
sc_test_iterate_until (gboolean (*check) (gpointer),
                       gpointer   data)
{
  gboolean hung = FALSE;
  guint limit = g_timeout_add_seconds (SC_TEST_HANG_SECONDS, flag_cb, &hung);
  /* Conditions that no source announces (a file written by a thread) are
   * looked at again every 10 ms. */
  guint wakeup = g_timeout_add (10, wake_up_cb, NULL);
  gboolean holds;

  while (!(holds = check (data)) && !hung)
    g_main_context_iteration (NULL, TRUE);

  g_source_remove (wakeup);
  if (!hung)
    g_source_remove (limit);
  return holds;
}

/* ---- A window on a copy of the example project -------------------------- */

char *
sc_test_example_dir (void)
{
  const char *root = g_getenv ("SC_SOURCE_ROOT");

  return g_build_filename (root != NULL ? root : SOURCE_ROOT, "examples", "skylark", NULL);
}

void
sc_test_copy_file (const char *from,
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

void
sc_test_fixture_set_up (ScTestFixture *fixture,
                        gconstpointer  data)
{
  g_autofree char *example = sc_test_example_dir ();
  g_autofree char *example_yaml = g_build_filename (example, "snap", "snapcraft.yaml", NULL);
  g_autofree char *snap_dir = NULL;
  g_autofree char *contents = NULL;
  gsize len = 0;
  g_autoptr(GError) error = NULL;

  if (!sc_test_have_display)
    return;

  fixture->dir = g_dir_make_tmp ("sc-test-window-XXXXXX", &error);
  g_assert_no_error (error);
  snap_dir = g_build_filename (fixture->dir, "snap", NULL);
  g_assert_cmpint (g_mkdir (snap_dir, 0755), ==, 0);
  fixture->yaml = g_build_filename (snap_dir, "snapcraft.yaml", NULL);
  sc_test_copy_file (example_yaml, fixture->yaml);

  g_file_get_contents (fixture->yaml, &contents, &len, &error);
  g_assert_no_error (error);
  fixture->original = g_bytes_new_take (g_steal_pointer (&contents), len);

  fixture->window = g_object_ref_sink (sc_window_new (NULL));
  gtk_window_present (GTK_WINDOW (fixture->window));
}

void
sc_test_fixture_tear_down (ScTestFixture *fixture,
                           gconstpointer  data)
{
  if (!sc_test_have_display)
    return;

  if (sc_window_get_dialog (fixture->window) != NULL)
    gtk_window_destroy (sc_window_get_dialog (fixture->window));
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  sc_test_iterate (20);
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
sc_test_open_project (ScTestFixture *fixture)
{
  g_autoptr(GFile) file = g_file_new_for_path (fixture->dir);
  g_autoptr(GError) error = NULL;

  g_assert_true (sc_window_open (fixture->window, file, &error));
  g_assert_no_error (error);
  g_assert_nonnull (sc_window_get_project (fixture->window));
  sc_test_iterate (50);
}

GBytes *
sc_test_read_yaml (ScTestFixture *fixture)
{
  g_autofree char *contents = NULL;
  gsize len = 0;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (fixture->yaml, &contents, &len, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (g_steal_pointer (&contents), len);
}

gboolean
sc_test_target_has_plug (ScProject  *project,
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
