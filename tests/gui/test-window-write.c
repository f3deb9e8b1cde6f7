/* test-window-write.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writing from the window on a copy of the example project: Switch to
 * Strict with the file checked on disk, Save once strict, Undo after an
 * outside edit, closing with pending ticks, outside changes and FIFOs, a
 * symlink out of the project, and a personal-files definition.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sc-add-interface-dialog.h"
#include "sc-app-row.h"
#include "sc-application.h"
#include "sc-check.h"
#include "sc-plug-row.h"
#include "sc-project.h"
#include "sc-start-page.h"
#include "sc-strict-dialog.h"
#include "sc-window-private.h"
#include "sc-project-page-private.h"
#include "sc-test-utils.h"

static void
test_personal_files_definition (ScTestFixture *fixture,
                                gconstpointer  data)
{
  g_auto(GVariantBuilder) builder = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE_VARDICT);
  const char *read[] = { "$HOME/.config/skylark", NULL };
  g_autofree char *diff = NULL;
  g_autoptr(GError) error = NULL;
  ScPlugRow *row;

  g_test_summary ("A personal-files suggestion creates the top-level definition along with "
                  "the plug; unticking the plug drops the definition again");
  SC_TEST_REQUIRE_DISPLAY ();
  sc_test_open_project (fixture);

  g_variant_builder_add (&builder, "{sv}", "interface", g_variant_new_string ("personal-files"));
  g_variant_builder_add (&builder, "{sv}", "read", g_variant_new_strv (read, -1));
  g_assert_true (sc_window_add_plug (fixture->window, "skylark", "dot-config-skylark",
                                     g_variant_builder_end (&builder), &error));
  g_assert_no_error (error);

  row = sc_window_get_plug_row (fixture->window, "skylark", "dot-config-skylark");
  g_assert_nonnull (row);
  g_assert_cmpstr (sc_plug_row_get_interface (row), ==, "personal-files");

  diff = sc_window_dup_pending_diff (fixture->window, FALSE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (diff, "+  dot-config-skylark:"));
  g_assert_nonnull (strstr (diff, "personal-files"));
  g_assert_nonnull (strstr (diff, "$HOME/.config/skylark"));
  g_clear_pointer (&diff, g_free);

  sc_plug_row_set_active (row, FALSE);
  g_assert_false (sc_window_has_pending (fixture->window));
  diff = sc_window_dup_pending_diff (fixture->window, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (diff, ==, "");

  /* An unknown target is an error the window reports, not a crash. */
  g_assert_false (sc_window_add_plug (fixture->window, "no-such-app", "camera", NULL, &error));
  g_assert_error (error, SC_PROJECT_ERROR, SC_PROJECT_ERROR_UNKNOWN_TARGET);
}

static void
test_switch_to_strict (ScTestFixture *fixture,
                       gconstpointer  data)
{
  g_autoptr(ScProject) written = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GBytes) restored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GtkTextIter start, end;
  GtkWindow *dialog;
  ScPlugRow *row;

  g_test_summary ("Switch to Strict shows the diff, writes strict plus the ticked plugs, the "
                  "button then says it is strict, and Undo restores the original bytes");
  SC_TEST_REQUIRE_DISPLAY ();
  sc_test_open_project (fixture);

  g_assert_true (sc_window_add_plug (fixture->window, "import", "cups-control", NULL, &error));
  g_assert_no_error (error);
  row = sc_window_get_plug_row (fixture->window, "skylark-sync", "network-bind");
  sc_plug_row_set_active (row, FALSE);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.switch-to-strict", NULL);
  dialog = sc_window_get_dialog (fixture->window);
  g_assert_true (SC_IS_STRICT_DIALOG (dialog));
  g_assert_nonnull (strstr (sc_strict_dialog_get_diff (SC_STRICT_DIALOG (dialog)),
                            "+confinement: strict"));

  gtk_text_buffer_get_bounds (sc_strict_dialog_get_buffer (SC_STRICT_DIALOG (dialog)),
                              &start, &end);
  text = gtk_text_iter_get_text (&start, &end);
  g_assert_nonnull (strstr (text, "-confinement: devmode"));
  g_assert_nonnull (strstr (text, "cups-control"));

  /* Nothing is written before the dialog is accepted. */
  after = sc_test_read_yaml (fixture);
  g_assert_true (g_bytes_equal (after, fixture->original));
  g_clear_pointer (&after, g_bytes_unref);

  /* What the dialog's button does: respond, then close. */
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "apply");
  gtk_window_close (dialog);
  sc_test_iterate (50);

  written = sc_project_load (fixture->dir, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sc_project_get_confinement (written), ==, "strict");
  g_assert_true (sc_test_target_has_plug (written, "import", "cups-control"));
  g_assert_false (sc_test_target_has_plug (written, "skylark-sync", "network-bind"));
  g_assert_true (sc_test_target_has_plug (written, "skylark-sync", "network"));
  g_assert_false (sc_window_has_pending (fixture->window));

  /* Already strict, nothing pending: the button says so and is off. */
  g_assert_cmpstr (sc_project_get_confinement (sc_window_get_project (fixture->window)), ==,
                   "strict");
  {
    GtkWidget *button = sc_test_find_button_with_label (GTK_WIDGET (fixture->window),
                                                        _("Already Strict"));

    g_assert_nonnull (button);
    g_assert_false (gtk_widget_is_sensitive (button));
  }
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.switch-to-strict", NULL);
  g_assert_null (sc_window_get_dialog (fixture->window));

  /* The comment after the old value and the rest of the file survive. */
  after = sc_test_read_yaml (fixture);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (after, NULL), g_bytes_get_size (after),
                                  "# Skylark: a small note-taking app"));

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL);
  sc_test_iterate (50);
  restored = sc_test_read_yaml (fixture);
  g_assert_true (g_bytes_equal (restored, fixture->original));
  g_assert_cmpstr (sc_project_get_confinement (sc_window_get_project (fixture->window)), ==,
                   "devmode");
}

static void
test_save_when_strict (ScTestFixture *fixture,
                       gconstpointer  data)
{
  g_autoptr(ScProject) written = NULL;
  g_autoptr(GError) error = NULL;

  g_test_summary ("Once strict, Ctrl+S writes ticks without a dialog");
  SC_TEST_REQUIRE_DISPLAY ();
  sc_test_open_project (fixture);

  g_assert_true (sc_window_write (fixture->window, TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (sc_window_add_plug (fixture->window, "hook:configure", "network-observe", NULL,
                                     &error));
  g_assert_no_error (error);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.save", NULL);
  g_assert_null (sc_window_get_dialog (fixture->window));

  written = sc_project_load (fixture->yaml, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sc_project_get_confinement (written), ==, "strict");
  g_assert_true (sc_test_target_has_plug (written, "hook:configure", "network-observe"));
}

static void
test_review_names_outside_target (ScTestFixture *fixture,
                                  gconstpointer  data)
{
  g_autofree char *outside_dir = NULL;
  g_autofree char *outside = NULL;
  g_autofree char *real = NULL;
  g_autofree char *expected = NULL;
  GtkWindow *dialog;
  const char *body;

  g_test_summary ("When snapcraft.yaml is a symlink out of the project, the review says "
                  "where the bytes will be written (issue 15, item 13)");
  SC_TEST_REQUIRE_DISPLAY ();
  outside_dir = g_dir_make_tmp ("sc-test-window-outside-XXXXXX", NULL);
  g_assert_nonnull (outside_dir);
  outside = g_build_filename (outside_dir, "shared.yaml", NULL);
  g_assert_true (g_file_set_contents (outside, g_bytes_get_data (fixture->original, NULL),
                                      (gssize) g_bytes_get_size (fixture->original), NULL));
  g_assert_cmpint (g_unlink (fixture->yaml), ==, 0);
  g_assert_cmpint (symlink (outside, fixture->yaml), ==, 0);
  real = realpath (outside, NULL);
  expected = g_strdup_printf ("the bytes will be written to %s.", real);

  sc_test_open_project (fixture);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.switch-to-strict", NULL);
  dialog = sc_window_get_dialog (fixture->window);
  g_assert_true (SC_IS_STRICT_DIALOG (dialog));
  body = adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog));
  g_assert_nonnull (strstr (body, "snap/snapcraft.yaml is a symlink out of the project"));
  g_assert_nonnull (strstr (body, expected));

  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "apply");
  gtk_window_close (dialog);
  sc_test_iterate (50);
  g_assert_true (g_file_test (fixture->yaml, G_FILE_TEST_IS_SYMLINK));
  {
    g_autofree char *text = NULL;

    g_assert_true (g_file_get_contents (outside, &text, NULL, NULL));
    g_assert_nonnull (strstr (text, "confinement: strict"));
  }
  g_unlink (outside);
  g_rmdir (outside_dir);
}

typedef struct
{
  ScTestFixture *fixture;
  const char    *confinement;
} ConfinementWait;

static gboolean
confinement_is (gpointer data)
{
  ConfinementWait *wait = data;

  return g_strcmp0 (sc_project_get_confinement (sc_window_get_project (wait->fixture->window)),
                    wait->confinement) == 0;
}

static gboolean
dialog_shown (gpointer data)
{
  ScTestFixture *fixture = data;

  return sc_window_get_dialog (fixture->window) != NULL;
}

static void
write_with_confinement (ScTestFixture *fixture,
                        const char    *from,
                        const char    *to)
{
  g_autoptr(GBytes) bytes = sc_test_read_yaml (fixture);
  g_autoptr(GString) text = g_string_new_len (g_bytes_get_data (bytes, NULL),
                                              g_bytes_get_size (bytes));
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (g_string_replace (text, from, to, 1), ==, 1);
  g_file_set_contents (fixture->yaml, text->str, text->len, &error);
  g_assert_no_error (error);
}

static void
test_external_change (ScTestFixture *fixture,
                      gconstpointer  data)
{
  ConfinementWait wait = { fixture, "classic" };
  ScPlugRow *row;
  GtkWindow *dialog;

  g_test_summary ("An outside edit reloads the project; with unsaved ticks the window asks "
                  "first and keeps them when told to");
  SC_TEST_REQUIRE_DISPLAY ();
  sc_test_open_project (fixture);

  write_with_confinement (fixture, "confinement: devmode", "confinement: classic");
  g_assert_true (sc_test_iterate_until (confinement_is, &wait));

  g_assert_null (sc_window_get_plug_row (fixture->window, "import", "home"));
  g_assert_true (sc_window_add_plug (fixture->window, "import", "home", NULL, NULL));
  g_assert_true (sc_window_has_pending (fixture->window));

  write_with_confinement (fixture, "confinement: classic", "confinement: devmode");
  g_assert_true (sc_test_iterate_until (dialog_shown, fixture));
  dialog = sc_window_get_dialog (fixture->window);
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  /* Still the old model until the user answers. */
  g_assert_cmpstr (sc_project_get_confinement (sc_window_get_project (fixture->window)), ==,
                   "classic");

  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  gtk_window_close (dialog);
  sc_test_iterate (50);
  g_assert_cmpstr (sc_project_get_confinement (sc_window_get_project (fixture->window)), ==,
                   "devmode");
  row = sc_window_get_plug_row (fixture->window, "import", "home");
  g_assert_nonnull (row);
  g_assert_true (sc_plug_row_get_active (row));
  g_assert_true (sc_window_has_pending (fixture->window));
}

static void
test_fifo_after_open (ScTestFixture *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 start;

  g_test_summary ("snapcraft.yaml replaced by a FIFO while the project is open never hangs "
                  "the window, and writing then fails with a message (issue 15, item 6)");
  SC_TEST_REQUIRE_DISPLAY ();
  sc_test_open_project (fixture);
  g_assert_true (sc_window_add_plug (fixture->window, "import", "home", NULL, NULL));

  g_assert_cmpint (g_unlink (fixture->yaml), ==, 0);
  g_assert_cmpint (mkfifo (fixture->yaml, 0644), ==, 0);
  alarm (60);   /* a hang fails the test instead of stalling the suite */

  /* Opening it, as a folder or as the file, fails at once. */
  {
    g_autoptr(GFile) fifo = g_file_new_for_path (fixture->yaml);
    g_autoptr(GFile) folder = g_file_new_for_path (fixture->dir);
    g_autoptr(ScWindow) other = g_object_ref_sink (sc_window_new (NULL));

    g_assert_false (sc_window_open (other, fifo, &error));
    g_assert_nonnull (strstr (error->message, "not a regular file (it is a FIFO)"));
    g_clear_error (&error);
    g_assert_false (sc_window_open (other, folder, &error));
    g_assert_nonnull (strstr (error->message, "not a regular file (it is a FIFO)"));
    g_clear_error (&error);
    gtk_window_destroy (GTK_WINDOW (other));
  }

  start = g_get_monotonic_time ();
  sc_test_iterate (1000);   /* the file monitor looks after 200 ms */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC);
  g_assert_nonnull (sc_window_get_project (fixture->window));

  g_assert_false (sc_window_write (fixture->window, FALSE, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "not a regular file"));
  alarm (0);

  g_assert_cmpint (g_unlink (fixture->yaml), ==, 0);
  g_assert_true (g_file_set_contents (fixture->yaml, g_bytes_get_data (fixture->original, NULL),
                                      (gssize) g_bytes_get_size (fixture->original), NULL));
}

static void
test_undo_after_outside_edit (ScTestFixture *fixture,
                              gconstpointer  data)
{
  g_autoptr(GBytes) edited = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;

  g_test_summary ("Undo refuses to overwrite a file someone else changed after the write, "
                  "and says so in a dialog");
  SC_TEST_REQUIRE_DISPLAY ();
  sc_test_open_project (fixture);

  g_assert_true (sc_window_write (fixture->window, TRUE, &error));
  g_assert_no_error (error);

  write_with_confinement (fixture, "confinement: strict", "confinement: classic");
  edited = sc_test_read_yaml (fixture);

  g_assert_false (sc_window_undo_write (fixture->window, &error));
  g_assert_error (error, SC_PROJECT_ERROR, SC_PROJECT_ERROR_CHANGED);
  g_clear_error (&error);
  after = sc_test_read_yaml (fixture);
  g_assert_true (g_bytes_equal (after, edited));

  /* Through the action (Ctrl+Z) the refusal is a dialog. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL);
  g_assert_true (ADW_IS_MESSAGE_DIALOG (sc_window_get_dialog (fixture->window)));
  g_clear_pointer (&after, g_bytes_unref);
  after = sc_test_read_yaml (fixture);
  g_assert_true (g_bytes_equal (after, edited));
}

static void
test_close_with_pending (ScTestFixture *fixture,
                         gconstpointer  data)
{
  g_autoptr(ScProject) written = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *dialog;

  g_test_summary ("Closing a window with unsaved ticks asks first; Cancel keeps it open, "
                  "Save writes the ticks (confinement unchanged) and closes");
  SC_TEST_REQUIRE_DISPLAY ();
  sc_test_open_project (fixture);

  g_assert_true (sc_window_add_plug (fixture->window, "import", "home", NULL, &error));
  g_assert_no_error (error);

  gtk_window_close (GTK_WINDOW (fixture->window));
  dialog = sc_window_get_dialog (fixture->window);
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->window)));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gtk_window_close (dialog);
  sc_test_iterate (20);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->window)));
  g_assert_true (sc_window_has_pending (fixture->window));

  gtk_window_close (GTK_WINDOW (fixture->window));
  dialog = sc_window_get_dialog (fixture->window);
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "save");
  sc_test_iterate (20);

  written = sc_project_load (fixture->yaml, &error);
  g_assert_no_error (error);
  g_assert_true (sc_test_target_has_plug (written, "import", "home"));
  g_assert_cmpstr (sc_project_get_confinement (written), ==, "devmode");
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

  g_test_init (&argc, &argv, NULL);

  sc_test_init_gtk ();

  g_test_add ("/window/personal-files", ScTestFixture, NULL, sc_test_fixture_set_up,
              test_personal_files_definition, sc_test_fixture_tear_down);
  g_test_add ("/window/switch-to-strict", ScTestFixture, NULL, sc_test_fixture_set_up,
              test_switch_to_strict, sc_test_fixture_tear_down);
  g_test_add ("/window/undo-after-outside-edit", ScTestFixture, NULL, sc_test_fixture_set_up,
              test_undo_after_outside_edit, sc_test_fixture_tear_down);
  g_test_add ("/window/save-when-strict", ScTestFixture, NULL, sc_test_fixture_set_up,
              test_save_when_strict, sc_test_fixture_tear_down);
  g_test_add ("/window/close-with-pending", ScTestFixture, NULL, sc_test_fixture_set_up,
              test_close_with_pending, sc_test_fixture_tear_down);
  g_test_add ("/window/external-change", ScTestFixture, NULL, sc_test_fixture_set_up,
              test_external_change, sc_test_fixture_tear_down);
  g_test_add ("/window/review-names-outside-target", ScTestFixture, NULL, sc_test_fixture_set_up,
              test_review_names_outside_target, sc_test_fixture_tear_down);
  g_test_add ("/window/fifo-after-open", ScTestFixture, NULL, sc_test_fixture_set_up,
              test_fifo_after_open, sc_test_fixture_tear_down);

  return g_test_run ();
}
