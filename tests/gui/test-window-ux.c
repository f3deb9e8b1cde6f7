/* test-window-ux.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window as a user meets it (issue 9): moving between apps, narrow
 * windows, a file that stops parsing while open, feedback after adding a
 * plug, badges, shortcuts and keyboard use. Each test drives the widgets a
 * user clicks.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "sc-add-interface-dialog.h"
#include "sc-add-interface-form.h"
#include "sc-project-page-private.h"
#include "sc-strict-dialog.h"
#include "sc-test-utils.h"

/* A shown window takes a new default size only when shown again. */
static void
resize_window (ScWindow *window,
               int       width,
               int       height)
{
  gtk_widget_hide (GTK_WIDGET (window));
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  sc_test_iterate (100);
}

static void
write_yaml (ScTestFixture *fixture,
            const char    *contents)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (fixture->yaml, contents, -1, &error);
  g_assert_no_error (error);
}

/* Whether WIDGET is inside the scrolled window's visible part. */
static gboolean
is_scrolled_into_view (GtkScrolledWindow *scroller,
                       GtkWidget         *widget)
{
  GtkWidget *viewport = gtk_scrolled_window_get_child (scroller);
  graphene_point_t point;
  int height = gtk_widget_get_height (GTK_WIDGET (scroller));

  if (!gtk_widget_compute_point (widget, viewport, &GRAPHENE_POINT_INIT (0, 0), &point))
    return FALSE;
  point.y -= gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (scroller));
  return point.y >= 0 && point.y + gtk_widget_get_height (widget) <= height;
}

static GtkListBoxRow *
nav_row_for (ScProjectPage *page,
             const char    *target)
{
  GtkListBox *list = _sc_project_page_get_nav_list (page);

  for (int i = 0; gtk_list_box_get_row_at_index (list, i) != NULL; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, i);

      if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "sc-target"), target) == 0)
        return row;
    }
  return NULL;
}

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

typedef struct
{
  ScProjectPage *page;
  GtkWidget     *widget;
} InView;

static gboolean
in_view (gpointer data)
{
  InView *v = data;

  return is_scrolled_into_view (_sc_project_page_get_scroller (v->page), v->widget);
}

static void
test_navigation (ScTestFixture *fixture,
                 gconstpointer  data)
{
  ScProjectPage *page;
  GtkListBoxRow *row;
  InView v;
  guint n = 0;

  g_test_summary ("A project with several apps and hooks lists them beside the page; a click "
                  "on one scrolls its group into view");
  SC_TEST_REQUIRE_DISPLAY ();

  resize_window (fixture->window, 1100, 500);
  sc_test_open_project (fixture);
  page = fixture->window->project_page;
  g_assert_true (sc_test_iterate_until (is_mapped, _sc_project_page_get_nav_list (page)));
  while (gtk_list_box_get_row_at_index (_sc_project_page_get_nav_list (page), n) != NULL)
    n++;
  g_assert_cmpuint (n, ==, 4);

  row = nav_row_for (page, "hook:configure");
  g_assert_nonnull (row);
  v.page = page;
  v.widget = GTK_WIDGET (sc_window_get_app_row (fixture->window, "hook:configure"));
  sc_test_iterate (100);
  g_assert_false (is_scrolled_into_view (_sc_project_page_get_scroller (page), v.widget));
  gtk_widget_activate (GTK_WIDGET (row));
  g_assert_true (sc_test_iterate_until (in_view, &v));
}

static gboolean
is_folded (gpointer data)
{
  return adw_leaflet_get_folded (data);
}

static void
test_narrow (ScTestFixture *fixture,
             gconstpointer  data)
{
  ScProjectPage *page;
  AdwLeaflet *leaflet;
  GtkWidget *back;
  int minimum = 0;

  g_test_summary ("At 360 px the window still fits: the list of apps folds away behind a "
                  "back button, and the denial sidebar slides over the page with a background "
                  "of its own, its toggle following what is shown");
  SC_TEST_REQUIRE_DISPLAY ();

  /* GNOME's default: the window has only a close button (Xvfb without a
   * settings portal would show three). */
  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", "appmenu:close", NULL);
  sc_test_open_project (fixture);
  gtk_widget_measure (GTK_WIDGET (fixture->window), GTK_ORIENTATION_HORIZONTAL, -1,
                      &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);

  resize_window (fixture->window, 360, 640);
  page = fixture->window->project_page;
  leaflet = _sc_project_page_get_leaflet (page);
  g_assert_true (sc_test_iterate_until (is_folded, leaflet));
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "content");

  /* Back to the list, then to a group. */
  {
    GtkLabel *label = sc_test_find_label (GTK_WIDGET (page), _("Apps and Hooks"));

    g_assert_nonnull (label);
    back = gtk_widget_get_ancestor (GTK_WIDGET (label), GTK_TYPE_BUTTON);
  }
  g_assert_nonnull (back);
  g_assert_true (sc_test_iterate_until (is_mapped, back));
  g_signal_emit_by_name (back, "clicked");
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "targets");
  gtk_widget_activate (GTK_WIDGET (nav_row_for (page, "import")));
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "content");

  /* The sidebar: folded over the page, opaque, and the toggle follows
   * the flap when it closes itself. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-denials", NULL);
  sc_test_iterate (300);
  g_assert_true (adw_flap_get_folded (fixture->window->flap));
  g_assert_true (adw_flap_get_reveal_flap (fixture->window->flap));
  g_assert_true (gtk_toggle_button_get_active (fixture->window->denials_button));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (fixture->window->sidebar), "background"));
  adw_flap_set_reveal_flap (fixture->window->flap, FALSE);
  g_assert_false (sc_window_get_show_denials (fixture->window));
  g_assert_false (gtk_toggle_button_get_active (fixture->window->denials_button));
}

static gboolean
banner_shown (gpointer data)
{
  return gtk_revealer_get_reveal_child (GTK_REVEALER (data));
}

static gboolean
banner_hidden (gpointer data)
{
  return !gtk_revealer_get_reveal_child (GTK_REVEALER (data));
}

static void
test_broken_yaml (ScTestFixture *fixture,
                  gconstpointer  data)
{
  g_autofree char *original = NULL;
  g_autofree char *fixed = NULL;
  GtkWidget *banner;
  GtkWidget *strict;
  GtkLabel *label;

  g_test_summary ("A snapcraft.yaml that stops parsing while open puts a banner on the page "
                  "naming file and line, Switch to Strict is off until it parses again, and the "
                  "fixed file is reloaded");
  SC_TEST_REQUIRE_DISPLAY ();

  sc_test_open_project (fixture);
  banner = _sc_project_page_get_banner (fixture->window->project_page);
  strict = GTK_WIDGET (fixture->window->strict_button);
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (banner)));
  g_assert_true (gtk_widget_is_sensitive (strict));

  original = g_strndup (g_bytes_get_data (fixture->original, NULL),
                        g_bytes_get_size (fixture->original));
  write_yaml (fixture, "name: skylark\napps:\n  skylark: [unclosed\n");
  g_assert_true (sc_test_iterate_until (banner_shown, banner));
  label = GTK_LABEL (sc_test_find_widget_of_type (banner, GTK_TYPE_LABEL));
  g_assert_nonnull (strstr (gtk_label_get_label (label), "snapcraft.yaml:4:"));
  g_assert_false (gtk_widget_is_sensitive (strict));
  /* What was shown stays. */
  g_assert_nonnull (sc_window_get_app_row (fixture->window, "skylark-sync"));

  /* Fixed: reloaded, with the change. */
  fixed = g_strconcat (original, "\n# fixed\n", NULL);
  write_yaml (fixture, fixed);
  g_assert_true (sc_test_iterate_until (banner_hidden, banner));
  g_assert_true (gtk_widget_is_sensitive (strict));
  g_assert_nonnull (strstr (g_bytes_get_data (sc_project_get_bytes (sc_window_get_project (
                                                fixture->window)), NULL), "# fixed"));
}

static gboolean
dialog_is_not_review (gpointer data)
{
  GtkWindow *dialog = sc_window_get_dialog (data);

  return dialog != NULL && !SC_IS_STRICT_DIALOG (dialog);
}

static void
test_disk_change_during_review (ScTestFixture *fixture,
                                gconstpointer  data)
{
  g_autofree char *changed = NULL;
  GtkWindow *review;

  g_test_summary ("When the file changes while the review dialog is open, the question about "
                  "it waits until the review is closed instead of covering it");
  SC_TEST_REQUIRE_DISPLAY ();

  sc_test_open_project (fixture);
  sc_plug_row_set_active (sc_window_get_plug_row (fixture->window, "skylark-sync",
                                                  "network-bind"), FALSE);
  g_assert_true (sc_window_has_pending (fixture->window));
  g_assert_true (sc_window_has_pending (fixture->window));
  g_signal_emit_by_name (fixture->window->strict_button, "clicked");
  review = sc_window_get_dialog (fixture->window);
  g_assert_true (SC_IS_STRICT_DIALOG (review));

  changed = g_strconcat (g_bytes_get_data (fixture->original, NULL), "# outside\n", NULL);
  changed[g_bytes_get_size (fixture->original) + strlen ("# outside\n")] = '\0';
  write_yaml (fixture, changed);
  sc_test_iterate (800);
  g_assert_true (sc_window_get_dialog (fixture->window) == review);

  gtk_window_close (review);
  g_assert_true (sc_test_iterate_until (dialog_is_not_review, fixture->window));
  g_assert_true (ADW_IS_MESSAGE_DIALOG (sc_window_get_dialog (fixture->window)));
}

static void
test_read_only (ScTestFixture *fixture,
                gconstpointer  data)
{
  g_autoptr(GBytes) after = NULL;
  GtkWindow *dialog;
  GStatBuf st;

  g_test_summary ("A read-only snapcraft.yaml is written only after the user agrees, and "
                  "stays read-only");
  SC_TEST_REQUIRE_DISPLAY ();

  g_assert_cmpint (g_chmod (fixture->yaml, 0444), ==, 0);
  sc_test_open_project (fixture);
  sc_plug_row_set_active (sc_window_get_plug_row (fixture->window, "skylark-sync",
                                                  "network-bind"), FALSE);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.switch-to-strict", NULL);
  dialog = sc_window_get_dialog (fixture->window);
  g_assert_true (SC_IS_STRICT_DIALOG (dialog));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "apply");
  gtk_window_close (dialog);
  sc_test_iterate (50);

  /* Nothing written yet: a question instead. */
  after = sc_test_read_yaml (fixture);
  g_assert_true (g_bytes_equal (after, fixture->original));
  dialog = sc_window_get_dialog (fixture->window);
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  g_assert_false (SC_IS_STRICT_DIALOG (dialog));
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   _("snapcraft.yaml Is Read-Only"));

  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "write");
  gtk_window_close (dialog);
  sc_test_iterate (50);
  g_clear_pointer (&after, g_bytes_unref);
  after = sc_test_read_yaml (fixture);
  g_assert_nonnull (strstr (g_bytes_get_data (after, NULL), "confinement: strict"));
  g_assert_cmpint (g_stat (fixture->yaml, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0444);

  /* Undo puts the old bytes back the way they were written: without
   * asking again, and the file stays read-only. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo-write", NULL);
  sc_test_iterate (20);
  g_clear_pointer (&after, g_bytes_unref);
  after = sc_test_read_yaml (fixture);
  g_assert_true (g_bytes_equal (after, fixture->original));
  g_assert_cmpint (g_stat (fixture->yaml, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0444);
  g_chmod (fixture->yaml, 0644);
}

static void
test_close_read_only (ScTestFixture *fixture,
                      gconstpointer  data)
{
  g_autoptr(GBytes) after = NULL;
  GtkWindow *dialog;
  GStatBuf st;

  g_test_summary ("Save from the close dialog on a read-only snapcraft.yaml asks as any "
                  "Save does; Write Anyway writes the ticks and closes the window");
  SC_TEST_REQUIRE_DISPLAY ();

  g_assert_cmpint (g_chmod (fixture->yaml, 0444), ==, 0);
  sc_test_open_project (fixture);
  sc_plug_row_set_active (sc_window_get_plug_row (fixture->window, "skylark-sync",
                                                  "network-bind"), FALSE);
  g_assert_true (sc_window_has_pending (fixture->window));

  gtk_window_close (GTK_WINDOW (fixture->window));
  dialog = sc_window_get_dialog (fixture->window);
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "save");
  gtk_window_close (dialog);
  sc_test_iterate (20);

  /* Not written, not closed: the read-only question instead of an error. */
  after = sc_test_read_yaml (fixture);
  g_assert_true (g_bytes_equal (after, fixture->original));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->window)));
  dialog = sc_window_get_dialog (fixture->window);
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   _("snapcraft.yaml Is Read-Only"));

  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "write");
  gtk_window_close (dialog);
  sc_test_iterate (20);
  g_clear_pointer (&after, g_bytes_unref);
  after = sc_test_read_yaml (fixture);
  g_assert_false (g_bytes_equal (after, fixture->original));
  g_assert_null (strstr (g_bytes_get_data (after, NULL), "network-bind"));
  g_assert_cmpint (g_stat (fixture->yaml, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0444);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (fixture->window)));
  g_chmod (fixture->yaml, 0644);
}

static ScAddInterfaceForm *
open_form (ScTestFixture *fixture,
           const char    *target,
           const char    *interface)
{
  ScAddInterfaceDialog *dialog;
  ScAddInterfaceForm *form;

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.add-interface-to", "s", target);
  dialog = SC_ADD_INTERFACE_DIALOG (sc_window_get_dialog (fixture->window));
  g_assert_nonnull (dialog);
  sc_add_interface_dialog_set_query (dialog, interface);
  g_assert_cmpstr (sc_add_interface_dialog_get_result (dialog, 0), ==, interface);
  sc_add_interface_dialog_activate_result (dialog, 0);
  /* Not added bare: the dialog stays open on its form. */
  g_assert_true (sc_window_get_dialog (fixture->window) == GTK_WINDOW (dialog));
  g_assert_null (sc_window_get_plug_row (fixture->window, target, interface));
  form = sc_add_interface_dialog_get_form (dialog);
  g_assert_nonnull (form);
  return form;
}

static void
type_text (ScAddInterfaceForm *form,
           const char         *key,
           const char         *text)
{
  AdwEntryRow *row = sc_add_interface_form_get_entry (form, key);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static void
test_add_personal_files (ScTestFixture *fixture,
                         gconstpointer  data)
{
  g_autoptr(ScProject) written = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *attrs = NULL;
  ScAddInterfaceForm *form;
  ScPlugDef *def;

  g_test_summary ("Add Interface → personal-files asks for paths and writes a top-level "
                  "definition snapd accepts, named after its first path as the CLI names it");
  SC_TEST_REQUIRE_DISPLAY ();

  sc_test_open_project (fixture);
  form = open_form (fixture, "skylark", "personal-files");
  g_assert_false (sc_add_interface_form_submit (form));
  g_assert_null (sc_window_get_plug_row (fixture->window, "skylark", "personal-files"));

  type_text (form, "read", "~/.config/skylark");
  g_assert_false (sc_add_interface_form_submit (form));
  type_text (form, "read", "$HOME/.config/skylark/settings.ini, $HOME/.skylarkrc");
  type_text (form, "write", "$HOME/.config/skylark");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (sc_add_interface_form_get_entry (
                     form, "plug-name"))), ==, "dot-config-skylark-settings-ini");
  g_assert_true (sc_add_interface_form_submit (form));
  sc_test_iterate (50);
  g_assert_null (sc_window_get_dialog (fixture->window));
  g_assert_true (sc_plug_row_get_active (sc_window_get_plug_row (fixture->window, "skylark",
                                                                 "dot-config-skylark-settings-ini")));

  g_assert_true (sc_window_write (fixture->window, FALSE, &error));
  g_assert_no_error (error);
  written = sc_project_load (fixture->dir, &error);
  g_assert_no_error (error);
  g_assert_true (sc_test_target_has_plug (written, "skylark", "dot-config-skylark-settings-ini"));
  def = sc_project_find_plug_def (written, "dot-config-skylark-settings-ini");
  g_assert_nonnull (def);
  g_assert_cmpstr (def->interface, ==, "personal-files");
  attrs = sc_plug_format_attributes (def->attributes);
  g_assert_cmpstr (attrs, ==, "read: $HOME/.config/skylark/settings.ini, $HOME/.skylarkrc; "
                              "write: $HOME/.config/skylark");
}

static void
test_add_existing_definition (ScTestFixture *fixture,
                              gconstpointer  data)
{
  g_autofree char *yaml = NULL;
  g_autoptr(GBytes) after = NULL;
  ScAddInterfaceForm *form;
  GtkWidget *row;

  g_test_summary ("Add Interface → content offers the content definitions the project has; "
                  "choosing one adds that plug and no new definition");
  SC_TEST_REQUIRE_DISPLAY ();

  yaml = g_strconcat (g_bytes_get_data (fixture->original, NULL),
                      "\nplugs:\n  etc-skylark:\n    interface: content\n"
                      "    target: $SNAP/shared\n    default-provider: skylark-data\n", NULL);
  yaml[g_bytes_get_size (fixture->original) + strlen ("\nplugs:\n  etc-skylark:\n    interface: content\n"
                      "    target: $SNAP/shared\n    default-provider: skylark-data\n")] = '\0';
  write_yaml (fixture, yaml);
  sc_test_open_project (fixture);
  form = open_form (fixture, "import", "content");
  row = sc_test_find_widget_of_type (GTK_WIDGET (form), ADW_TYPE_ACTION_ROW);
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "etc-skylark");
  g_signal_emit_by_name (row, "activated");
  sc_test_iterate (50);
  g_assert_null (sc_window_get_dialog (fixture->window));
  g_assert_true (sc_plug_row_get_active (sc_window_get_plug_row (fixture->window, "import",
                                                                 "etc-skylark")));
  g_assert_true (sc_window_write (fixture->window, FALSE, NULL));
  after = sc_test_read_yaml (fixture);
  /* One definition, now used by import. */
  g_assert_null (strstr (strstr (g_bytes_get_data (after, NULL), "etc-skylark:") + 1,
                         "etc-skylark:\n"));
}

/* What `snapconfine-cli strict COPY --plug PLUG [--plug PLUG2]` writes on
 * a fresh copy of the example project. */
static GBytes *
cli_strict_bytes (const char *plug,
                  const char *plug2)
{
  const char *cli = g_getenv ("SNAPCONFINE_CLI");
  g_autofree char *example = sc_test_example_dir ();
  g_autofree char *example_yaml = g_build_filename (example, "snap", "snapcraft.yaml", NULL);
  g_autofree char *dir = NULL;
  g_autofree char *snap_dir = NULL;
  g_autofree char *yaml = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize len = 0;
  int status = -1;

  g_assert_nonnull (cli);
  dir = g_dir_make_tmp ("sc-test-cli-XXXXXX", &error);
  g_assert_no_error (error);
  snap_dir = g_build_filename (dir, "snap", NULL);
  g_assert_cmpint (g_mkdir (snap_dir, 0755), ==, 0);
  yaml = g_build_filename (snap_dir, "snapcraft.yaml", NULL);
  sc_test_copy_file (example_yaml, yaml);

  {
    const char *argv[] = { cli, "strict", dir, "--plug", plug,
                           plug2 != NULL ? "--plug" : NULL, plug2, NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err,
                  &status, &error);
  }
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s strict --plug %s failed: %s", cli, plug, err);
  g_file_get_contents (yaml, &contents, &len, &error);
  g_assert_no_error (error);

  g_unlink (yaml);
  g_rmdir (snap_dir);
  g_rmdir (dir);
  return g_bytes_new_take (g_steal_pointer (&contents), len);
}

/* Switch to Strict, applied from the review: the bytes written. */
static GBytes *
strict_bytes (ScTestFixture *fixture)
{
  GtkWindow *dialog;

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.switch-to-strict", NULL);
  dialog = sc_window_get_dialog (fixture->window);
  g_assert_true (SC_IS_STRICT_DIALOG (dialog));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "apply");
  gtk_window_close (dialog);
  sc_test_iterate (50);
  g_assert_false (sc_window_has_pending (fixture->window));

  return sc_test_read_yaml (fixture);
}

/* Fills the form of INTERFACE for TARGET with FIELDS (key, text, …, NULL)
 * as a user does, clicks Add, then Switch to Strict and applies; returns
 * the bytes written. */
static GBytes *
window_strict_bytes (ScTestFixture *fixture,
                     const char    *target,
                     const char    *interface,
                     ...)
{
  ScAddInterfaceForm *form;
  GtkWidget *add;
  const char *key;
  va_list args;

  sc_test_open_project (fixture);
  form = open_form (fixture, target, interface);
  add = sc_test_find_button_with_label (GTK_WIDGET (form), _("_Add"));
  g_assert_nonnull (add);
  g_assert_false (gtk_widget_get_sensitive (add));

  va_start (args, interface);
  while ((key = va_arg (args, const char *)) != NULL)
    type_text (form, key, va_arg (args, const char *));
  va_end (args);

  g_assert_true (gtk_widget_get_sensitive (add));
  g_signal_emit_by_name (add, "clicked");
  sc_test_iterate (50);
  g_assert_null (sc_window_get_dialog (fixture->window));

  return strict_bytes (fixture);
}

static void
assert_same_bytes (GBytes *window,
                   GBytes *cli)
{
  if (!g_bytes_equal (window, cli))
    g_error ("the window wrote:\n%.*s\nthe CLI wrote:\n%.*s",
             (int) g_bytes_get_size (window), (const char *) g_bytes_get_data (window, NULL),
             (int) g_bytes_get_size (cli), (const char *) g_bytes_get_data (cli, NULL));
}

static void
test_form_matches_cli_personal_files (ScTestFixture *fixture,
                                      gconstpointer  data)
{
  g_autoptr(GBytes) window = NULL;
  g_autoptr(GBytes) cli = NULL;

  g_test_summary ("The Add Interface form for personal-files, then Switch to Strict, writes "
                  "the bytes `snapconfine-cli strict --plug` writes for the same paths");
  SC_TEST_REQUIRE_DISPLAY ();

  window = window_strict_bytes (fixture, "skylark", "personal-files",
                                "read", "$HOME/.config/skylark/settings.ini, $HOME/.skylarkrc",
                                "write", "$HOME/.local/share/skylark",
                                NULL);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (window, NULL), g_bytes_get_size (window),
                                  "$HOME/.skylarkrc"));
  cli = cli_strict_bytes ("skylark=personal-files:read=$HOME/.config/skylark/settings.ini,"
                          "read=$HOME/.skylarkrc,write=$HOME/.local/share/skylark", NULL);
  assert_same_bytes (window, cli);
}

static void
test_form_matches_cli_content (ScTestFixture *fixture,
                               gconstpointer  data)
{
  g_autoptr(GBytes) window = NULL;
  g_autoptr(GBytes) cli = NULL;

  g_test_summary ("The Add Interface form for content (target, default provider), then "
                  "Switch to Strict, writes the bytes `snapconfine-cli strict --plug` writes");
  SC_TEST_REQUIRE_DISPLAY ();

  window = window_strict_bytes (fixture, "import", "content",
                                "target", "$SNAP/data-dir/themes",
                                "default-provider", "gtk-common-themes",
                                NULL);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (window, NULL), g_bytes_get_size (window),
                                  "default-provider: gtk-common-themes"));
  cli = cli_strict_bytes ("import=content:target=$SNAP/data-dir/themes,"
                          "default-provider=gtk-common-themes", NULL);
  assert_same_bytes (window, cli);
}

static void
add_through_form (ScTestFixture *fixture,
                  const char    *target,
                  const char    *read,
                  const char    *write)
{
  ScAddInterfaceForm *form = open_form (fixture, target, "personal-files");

  type_text (form, "read", read);
  if (write != NULL)
    type_text (form, "write", write);
  g_assert_true (sc_add_interface_form_submit (form));
  sc_test_iterate (50);
  g_assert_null (sc_window_get_dialog (fixture->window));
}

static void
test_form_two_plugs_one_name (ScTestFixture *fixture,
                              gconstpointer  data)
{
  g_autoptr(GBytes) window = NULL;
  g_autoptr(GBytes) cli = NULL;

  g_test_summary ("Two personal-files plugs added through the form before one write, whose "
                  "paths give the same name, get two names, as the CLI gives them");
  SC_TEST_REQUIRE_DISPLAY ();

  sc_test_open_project (fixture);
  add_through_form (fixture, "skylark", "$HOME/.config/skylark", NULL);
  add_through_form (fixture, "import", "$HOME/.config/skylark", "$HOME/.config/skylark/cache");
  g_assert_true (sc_plug_row_get_active (sc_window_get_plug_row (fixture->window, "skylark",
                                                                 "dot-config-skylark")));
  g_assert_true (sc_plug_row_get_active (sc_window_get_plug_row (fixture->window, "import",
                                                                 "dot-config-skylark-2")));

  window = strict_bytes (fixture);
  cli = cli_strict_bytes ("skylark=personal-files:read=$HOME/.config/skylark",
                          "import=personal-files:read=$HOME/.config/skylark,"
                          "write=$HOME/.config/skylark/cache");
  assert_same_bytes (window, cli);
}

static void
test_form_core_errors (ScTestFixture *fixture,
                       gconstpointer  data)
{
  g_autoptr(ScPlugSpec) spec = NULL;
  g_autoptr(ScEdit) edit = NULL;
  g_autoptr(GError) error = NULL;
  ScAddInterfaceForm *form;
  GtkWidget *add;

  g_test_summary ("The form shows the core's refusal of a path snapd rejects and of an "
                  "invalid plug name, and adds nothing until it is fixed");
  SC_TEST_REQUIRE_DISPLAY ();

  sc_test_open_project (fixture);
  form = open_form (fixture, "skylark", "personal-files");
  add = sc_test_find_button_with_label (GTK_WIDGET (form), _("_Add"));
  type_text (form, "read", "$HOME/.config/skylark/");
  g_assert_false (gtk_widget_get_sensitive (add));
  g_assert_false (sc_add_interface_form_submit (form));
  /* The core's own words, as the CLI prints them. */
  spec = sc_plug_spec_parse ("personal-files:read=$HOME/.config/skylark/", &error);
  g_assert_no_error (error);
  edit = sc_edit_new (sc_window_get_project (fixture->window));
  g_assert_false (sc_edit_add_plug_spec (edit, "skylark", spec, NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (sc_test_find_label (GTK_WIDGET (form), error->message));
  type_text (form, "read", "$HOME/.config/skylark");
  g_assert_true (gtk_widget_get_sensitive (add));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (sc_add_interface_form_get_entry (
                     form, "plug-name"))), ==, "dot-config-skylark");
  type_text (form, "plug-name", "Not-A-Name");
  g_assert_false (sc_add_interface_form_submit (form));
  g_assert_null (sc_window_get_plug_row (fixture->window, "skylark", "Not-A-Name"));
  type_text (form, "plug-name", "skylark-config");
  g_assert_true (sc_add_interface_form_submit (form));
  sc_test_iterate (50);
  g_assert_true (sc_plug_row_get_active (sc_window_get_plug_row (fixture->window, "skylark",
                                                                 "skylark-config")));
}

static void
test_sidebar_per_window (ScTestFixture *fixture,
                         gconstpointer  data)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  ScWindow *other;

  g_test_summary ("F9 shows or hides the sidebar of its own window only");
  SC_TEST_REQUIRE_DISPLAY ();

  sc_test_open_project (fixture);
  other = g_object_ref_sink (sc_window_new (NULL));
  file = g_file_new_for_path (fixture->dir);
  g_assert_true (sc_window_open (other, file, &error));
  gtk_window_present (GTK_WINDOW (other));
  sc_test_iterate (50);
  g_assert_false (sc_window_get_show_denials (fixture->window));
  g_assert_false (sc_window_get_show_denials (other));

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-denials", NULL);
  sc_test_iterate (50);
  g_assert_true (sc_window_get_show_denials (fixture->window));
  g_assert_false (sc_window_get_show_denials (other));

  gtk_window_destroy (GTK_WINDOW (other));
  sc_test_iterate (20);
  g_assert_finalize_object (other);
}

static void
test_header (ScTestFixture *fixture,
             gconstpointer  data)
{
  const char *subtitle;

  g_test_summary ("The header names the snap; the path is on the page, not repeated above it");
  SC_TEST_REQUIRE_DISPLAY ();

  sc_test_open_project (fixture);
  g_assert_cmpstr (adw_window_title_get_title (fixture->window->window_title), ==, "skylark");
  subtitle = adw_window_title_get_subtitle (fixture->window->window_title);
  g_assert_true (subtitle == NULL || *subtitle == '\0');
}

typedef struct
{
  GtkWidget  *root;
  const char *text;
} FindText;

static gboolean
shows_text (gpointer data)
{
  FindText *f = data;

  return sc_test_find_label (f->root, f->text) != NULL;
}

static gboolean
has_highlight (gpointer data)
{
  return gtk_widget_has_css_class (data, "highlight");
}

static void
test_added_row_shown (ScTestFixture *fixture,
                      gconstpointer  data)
{
  ScAddInterfaceDialog *dialog;
  ScPlugRow *row;
  InView v;
  FindText f;

  g_test_summary ("A plug added from the Add Interface dialog is scrolled to and highlighted "
                  "once laid out, and a toast says what was added where");
  SC_TEST_REQUIRE_DISPLAY ();

  resize_window (fixture->window, 900, 420);
  sc_test_open_project (fixture);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.add-interface-to", "s",
                              "hook:configure");
  dialog = SC_ADD_INTERFACE_DIALOG (sc_window_get_dialog (fixture->window));
  g_assert_nonnull (dialog);
  sc_add_interface_dialog_set_query (dialog, "camera");
  g_assert_cmpstr (sc_add_interface_dialog_get_result (dialog, 0), ==, "camera");
  sc_add_interface_dialog_activate_result (dialog, 0);

  row = sc_window_get_plug_row (fixture->window, "hook:configure", "camera");
  g_assert_nonnull (row);
  g_assert_true (sc_plug_row_get_active (row));
  g_assert_true (sc_test_iterate_until (has_highlight, row));
  v.page = fixture->window->project_page;
  v.widget = GTK_WIDGET (row);
  g_assert_true (sc_test_iterate_until (in_view, &v));
  f.root = GTK_WIDGET (fixture->window);
  f.text = "Added camera to the configure hook";
  g_assert_true (sc_test_iterate_until (shows_text, &f));
}

static GtkLabel *
badge_of (ScPlugRow *row)
{
  for (GtkWidget *w = gtk_widget_get_first_child (GTK_WIDGET (row)); w != NULL; )
    {
      GtkWidget *found = NULL;

      if (GTK_IS_LABEL (w) && gtk_widget_has_css_class (w, "pill")
          && !gtk_widget_has_css_class (w, "extension"))
        return GTK_LABEL (w);
      if (gtk_widget_get_first_child (w) != NULL)
        found = gtk_widget_get_first_child (w);
      else
        {
          while (w != NULL && gtk_widget_get_next_sibling (w) == NULL && w != GTK_WIDGET (row))
            w = gtk_widget_get_parent (w);
          if (w == NULL || w == GTK_WIDGET (row))
            return NULL;
          found = gtk_widget_get_next_sibling (w);
        }
      w = found;
    }
  return NULL;
}

static void
test_badges (ScTestFixture *fixture,
             gconstpointer  data)
{
  ScPlugRow *row;

  g_test_summary ("Only what asks something of the developer gets a badge: no badge for a "
                  "plug that auto-connects or a content plug of a platform snap, one for a "
                  "manual connection");
  SC_TEST_REQUIRE_DISPLAY ();

  sc_test_open_project (fixture);
  row = sc_window_get_plug_row (fixture->window, "skylark", "network");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (badge_of (row))));
  row = sc_window_get_plug_row (fixture->window, "skylark", "gtk-3-themes");
  g_assert_nonnull (row);
  g_assert_cmpstr (sc_plug_row_get_interface (row), ==, "content");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (badge_of (row))));

  g_assert_true (sc_window_add_plug (fixture->window, "import", "camera", NULL, NULL));
  row = sc_window_get_plug_row (fixture->window, "import", "camera");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (badge_of (row))));
  g_assert_cmpstr (gtk_label_get_label (badge_of (row)), ==, _("Needs manual connection"));
}

static void
test_shortcuts (void)
{
  g_autoptr(GtkBuilder) builder = NULL;
  g_autoptr(GtkApplication) app = NULL;
  GObject *overlay;
  guint n = 0;

  g_test_summary ("Every entry of the shortcuts window shows its keys");
  SC_TEST_REQUIRE_DISPLAY ();

  builder = gtk_builder_new_from_resource ("/org/example/SnapConfine/help-overlay.ui");
  overlay = gtk_builder_get_object (builder, "help_overlay");
  g_assert_nonnull (overlay);

  for (GSList *l = gtk_builder_get_objects (builder); l != NULL; l = g_slist_delete_link (l, l))
    {
      g_autofree char *accel = NULL;
      g_autofree char *action = NULL;
      GdkModifierType mods = 0;
      guint key = 0;

      if (!GTK_IS_SHORTCUTS_SHORTCUT (l->data))
        continue;
      g_object_get (l->data, "accelerator", &accel, "action-name", &action, NULL);
      n++;
      if (action != NULL && g_str_has_prefix (action, "app."))
        continue;  /* set with gtk_application_set_accels_for_action(), which the window shows */
      g_assert_nonnull (accel);
      g_assert_true (gtk_accelerator_parse (accel, &key, &mods));
      g_assert_cmpuint (key, !=, 0);
    }
  g_assert_cmpuint (n, >=, 10);
  gtk_window_destroy (GTK_WINDOW (overlay));
}

static void
test_search_down (ScTestFixture *fixture,
                  gconstpointer  data)
{
  ScAddInterfaceDialog *dialog;
  GtkWidget *entry;
  GtkWidget *focus;
  GtkEventController *key = NULL;
  GListModel *controllers;
  gboolean handled = FALSE;

  g_test_summary ("In Add Interface, Down from the search entry moves to the first result");
  SC_TEST_REQUIRE_DISPLAY ();

  sc_test_open_project (fixture);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.add-interface", NULL);
  dialog = SC_ADD_INTERFACE_DIALOG (sc_window_get_dialog (fixture->window));
  sc_add_interface_dialog_set_query (dialog, "net");
  sc_test_iterate (50);
  entry = sc_test_find_widget_of_type (GTK_WIDGET (dialog), GTK_TYPE_SEARCH_ENTRY);
  gtk_widget_grab_focus (entry);

  controllers = gtk_widget_observe_controllers (entry);
  for (guint i = 0; i < g_list_model_get_n_items (controllers) && key == NULL; i++)
    {
      g_autoptr(GObject) c = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (c))
        key = GTK_EVENT_CONTROLLER (c);
    }
  g_object_unref (controllers);
  g_assert_nonnull (key);
  g_signal_emit_by_name (key, "key-pressed", GDK_KEY_Down, 0, 0, &handled);
  g_assert_true (handled);
  focus = gtk_window_get_focus (GTK_WINDOW (dialog));
  g_assert_nonnull (focus);
  g_assert_true (GTK_IS_LIST_BOX_ROW (focus));
  g_assert_cmpstr (g_object_get_data (G_OBJECT (focus), "sc-interface"), ==,
                   sc_add_interface_dialog_get_result (dialog, 0));
}

static void
test_check_button_label (ScTestFixture *fixture,
                         gconstpointer  data)
{
  ScPlugRow *row;
  GtkWidget *check;

  g_test_summary ("A plug's check button is labelled by the plug's name");
  SC_TEST_REQUIRE_DISPLAY ();

  sc_test_open_project (fixture);
  row = sc_window_get_plug_row (fixture->window, "skylark-sync", "network-bind");
  check = sc_test_find_widget_of_type (GTK_WIDGET (row), GTK_TYPE_CHECK_BUTTON);
  g_assert_nonnull (check);
  g_assert_true (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (check),
                                                   GTK_ACCESSIBLE_RELATION_LABELLED_BY));
}

/* WCAG 2 relative luminance and contrast. */
static double
luminance (const GdkRGBA *c)
{
  double v[3] = { c->red, c->green, c->blue };

  for (guint i = 0; i < 3; i++)
    v[i] = v[i] <= 0.03928 ? v[i] / 12.92 : pow ((v[i] + 0.055) / 1.055, 2.4);
  return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2];
}

static double
contrast (const GdkRGBA *a,
          const GdkRGBA *b)
{
  double la = luminance (a), lb = luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

static void
check_diff_contrast (GtkTextView *view,
                     const char  *background)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (gtk_text_view_get_buffer (view));
  static const char * const tags[] = { "added", "removed", "hunk" };
  GdkRGBA bg;

  g_assert_true (gdk_rgba_parse (&bg, background));
  for (guint i = 0; i < G_N_ELEMENTS (tags); i++)
    {
      g_autoptr(GdkRGBA) fg = NULL;

      g_object_get (gtk_text_tag_table_lookup (table, tags[i]), "foreground-rgba", &fg, NULL);
      g_assert_nonnull (fg);
      g_assert_cmpfloat (contrast (fg, &bg), >=, 4.5);
    }
}

static void
test_diff_dark (ScTestFixture *fixture,
                gconstpointer  data)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  GtkWindow *review;
  GtkWidget *view;

  g_test_summary ("The review's diff colours stay readable (4.5:1) in light and dark style");
  SC_TEST_REQUIRE_DISPLAY ();

  sc_test_open_project (fixture);
  sc_plug_row_set_active (sc_window_get_plug_row (fixture->window, "skylark-sync",
                                                  "network-bind"), FALSE);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.switch-to-strict", NULL);
  review = sc_window_get_dialog (fixture->window);
  g_assert_true (SC_IS_STRICT_DIALOG (review));
  view = sc_test_find_widget_of_type (GTK_WIDGET (review), GTK_TYPE_TEXT_VIEW);

  /* libadwaita 1.2's view backgrounds (the dialog's card is close). */
  check_diff_contrast (GTK_TEXT_VIEW (view), "#ffffff");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  sc_test_iterate (50);
  check_diff_contrast (GTK_TEXT_VIEW (view), "#1e1e1e");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("SNAPCONFINE_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* GTK's test accessibility backend records what the templates set. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  g_test_init (&argc, &argv, NULL);

  sc_test_init_gtk ();

#define ADD(path, func) \
  g_test_add ("/window-ux/" path, ScTestFixture, NULL, sc_test_fixture_set_up, func, \
              sc_test_fixture_tear_down)
  ADD ("navigation", test_navigation);
  ADD ("narrow", test_narrow);
  ADD ("broken-yaml", test_broken_yaml);
  ADD ("disk-change-during-review", test_disk_change_during_review);
  ADD ("read-only", test_read_only);
  ADD ("close-read-only", test_close_read_only);
  ADD ("add-personal-files", test_add_personal_files);
  ADD ("add-existing-definition", test_add_existing_definition);
  ADD ("form-matches-cli-personal-files", test_form_matches_cli_personal_files);
  ADD ("form-two-plugs-one-name", test_form_two_plugs_one_name);
  ADD ("form-matches-cli-content", test_form_matches_cli_content);
  ADD ("form-core-errors", test_form_core_errors);
  ADD ("sidebar-per-window", test_sidebar_per_window);
  ADD ("header", test_header);
  ADD ("added-row-shown", test_added_row_shown);
  ADD ("badges", test_badges);
  ADD ("search-down", test_search_down);
  ADD ("check-button-label", test_check_button_label);
  ADD ("diff-dark", test_diff_dark);
#undef ADD
  g_test_add_func ("/window-ux/shortcuts", test_shortcuts);

  return g_test_run ();
}
