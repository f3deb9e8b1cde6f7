/* test-window.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Drives the real window on a copy of the example project: ticks, the
 * catalogue search, a suggestion from a fixture log, Switch to Strict with
 * the file checked on disk, Undo, reloading after an outside edit, and the
 * German translation. Every template is instantiated somewhere here: a .ui
 * naming a widget newer than libadwaita 1.2 compiles fine and only fails
 * when it is built.
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
# include "sc-denial-item.h"
# include "sc-denial-row.h"
# include "sc-denial-sidebar.h"

/* ---- Tests --------------------------------------------------------------- */

static void
test_templates (void)
{
  g_autoptr(GtkBuilder) builder = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ScProject) project = NULL;
  g_autofree char *example = sc_test_example_dir ();
  GtkWidget *window;
  GtkWidget *row;
  GtkWidget *app_row;
  ScAddInterfaceDialog *add;
  ScStrictDialog *strict;
  GObject *overlay;
  const char * const targets[] = { "app", "hook:configure", NULL };

  g_test_summary ("Every template builds: the window, rows, dialogs, the shortcuts window "
                  "and the denial sidebar");
  SC_TEST_REQUIRE_DISPLAY ();

  window = GTK_WIDGET (g_object_ref_sink (sc_window_new (NULL)));
  g_assert_true (SC_IS_WINDOW (window));
  g_assert_null (sc_window_get_project (SC_WINDOW (window)));
  /* The shortcuts window is built when first asked for, then kept. */
  g_assert_null (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  g_assert_true (gtk_widget_activate_action (window, "win.show-help-overlay", NULL));
  overlay = G_OBJECT (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (overlay)));
  gtk_widget_set_visible (GTK_WIDGET (overlay), FALSE);
  g_assert_true (gtk_widget_activate_action (window, "win.show-help-overlay", NULL));
  g_assert_true (overlay == G_OBJECT (gtk_application_window_get_help_overlay (
                                        GTK_APPLICATION_WINDOW (window))));
  gtk_window_destroy (GTK_WINDOW (overlay));
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);

  row = g_object_ref_sink (sc_plug_row_new ("app", "camera", NULL, NULL, FALSE));
  g_assert_cmpstr (sc_plug_row_get_interface (SC_PLUG_ROW (row)), ==, "camera");
  g_assert_false (sc_plug_row_get_active (SC_PLUG_ROW (row)));
  g_assert_finalize_object (row);

  project = sc_project_load (example, &error);
  g_assert_no_error (error);
  app_row = g_object_ref_sink (sc_app_row_new (project,
                                               g_ptr_array_index (sc_project_get_apps (project), 0)));
  g_assert_cmpstr (sc_app_row_get_target (SC_APP_ROW (app_row)), ==, "skylark");
  g_assert_finalize_object (app_row);

  add = sc_add_interface_dialog_new (NULL, targets, "hook:configure");
  g_assert_cmpuint (sc_add_interface_dialog_get_n_results (add), >, 100);
  gtk_window_destroy (GTK_WINDOW (add));

  strict = sc_strict_dialog_new (NULL, "snap/snapcraft.yaml",
                                 "--- a/x\n+++ b/x\n@@ -1 +1 @@\n-confinement: devmode\n"
                                 "+confinement: strict\n", TRUE);
  g_assert_cmpint (gtk_text_buffer_get_line_count (sc_strict_dialog_get_buffer (strict)), ==, 6);
  gtk_window_destroy (GTK_WINDOW (strict));

  builder = gtk_builder_new ();
  gtk_builder_add_from_resource (builder, "/org/example/SnapConfine/help-overlay.ui", &error);
  g_assert_no_error (error);
  overlay = gtk_builder_get_object (builder, "help_overlay");
  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));
  gtk_window_destroy (GTK_WINDOW (overlay));

  {
    GtkWidget *sidebar = g_object_ref_sink (sc_denial_sidebar_new ());

    g_assert_true (SC_IS_DENIAL_SIDEBAR (sidebar));
    g_object_unref (sidebar);
  }
}

static gboolean
all_groups_built (gpointer data)
{
  ScAppRow *hook = sc_test_find_app_row (data, "hook:configure");
  ScAppRow *first = sc_test_find_app_row (data, "skylark");

  return hook != NULL && !sc_app_row_has_pending (hook)
         && first != NULL && !sc_app_row_has_pending (first);
}

static gboolean
label_wraps (gpointer data)
{
  return gtk_label_get_wrap (data);
}

/* ---- cheap drawing ------------------------------------------------------ */

static void
css_parsing_error_cb (GtkCssProvider *provider,
                      GtkCssSection  *section,
                      const GError   *error,
                      gpointer        user_data)
{
  g_autofree char *where = gtk_css_section_to_string (section);

  g_error ("%s: %s: %s", (const char *) user_data, where, error->message);
}

static GtkCssProvider *
load_style (const char *name)
{
  g_autofree char *path = g_strconcat ("/org/example/SnapConfine/", name, NULL);
  GtkCssProvider *provider = gtk_css_provider_new ();

  g_signal_connect (provider, "parsing-error", G_CALLBACK (css_parsing_error_cb), (gpointer) name);
  gtk_css_provider_load_from_resource (provider, path);
  return provider;
}

/* Every border node below NODE, through the node types a widget makes. */
static void
collect_border_nodes (GskRenderNode *node,
                      GPtrArray     *borders)
{
  switch ((int) gsk_render_node_get_node_type (node))
    {
    case GSK_CONTAINER_NODE:
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        collect_border_nodes (gsk_container_node_get_child (node, i), borders);
      break;
    case GSK_BORDER_NODE:
      g_ptr_array_add (borders, node);
      break;
    case GSK_TRANSFORM_NODE:
      collect_border_nodes (gsk_transform_node_get_child (node), borders);
      break;
    case GSK_CLIP_NODE:
      collect_border_nodes (gsk_clip_node_get_child (node), borders);
      break;
    case GSK_ROUNDED_CLIP_NODE:
      collect_border_nodes (gsk_rounded_clip_node_get_child (node), borders);
      break;
    case GSK_OPACITY_NODE:
      collect_border_nodes (gsk_opacity_node_get_child (node), borders);
      break;
    case GSK_COLOR_MATRIX_NODE:
      collect_border_nodes (gsk_color_matrix_node_get_child (node), borders);
      break;
    case GSK_SHADOW_NODE:
      collect_border_nodes (gsk_shadow_node_get_child (node), borders);
      break;
    case GSK_DEBUG_NODE:
      collect_border_nodes (gsk_debug_node_get_child (node), borders);
      break;
    default:
      break;
    }
}

static GskRenderNode *
snapshot_widget (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();

  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (widget),
                          gtk_widget_get_height (widget));
  return gtk_snapshot_free_to_node (snapshot);
}

static gboolean
widget_has_size (gpointer data)
{
  return gtk_widget_get_mapped (data) && gtk_widget_get_height (data) > 0;
}

static void
test_row_separators (ScTestFixture *fixture,
                     gconstpointer  data)
{
  g_autoptr(GtkCssProvider) style = NULL;
  g_autoptr(GtkCssProvider) style_hc = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GPtrArray) borders = g_ptr_array_new ();
  ScPlugRow *row;

  g_test_summary ("A plug row's separator is one border node with the same colour on all "
                  "four sides, which GTK 4.8 fills as a rectangle instead of drawing each "
                  "side through clip masks (4 M instructions a row with cairo); both style "
                  "sheets parse without an error");
  SC_TEST_REQUIRE_DISPLAY ();

  /* What AdwApplication loads from the resource base path. */
  style = load_style ("style.css");
  style_hc = load_style ("style-hc.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (style),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  sc_test_open_project (fixture);
  row = sc_window_get_plug_row (fixture->window, "skylark", "home");
  g_assert_nonnull (row);
  g_assert_true (sc_test_iterate_until (widget_has_size, row));

  node = snapshot_widget (GTK_WIDGET (row));
  g_assert_nonnull (node);
  collect_border_nodes (node, borders);
  g_assert_cmpuint (borders->len, >=, 1);
  for (guint i = 0; i < borders->len; i++)
    {
      const GdkRGBA *colors = gsk_border_node_get_colors (g_ptr_array_index (borders, i));
      const float *widths = gsk_border_node_get_widths (g_ptr_array_index (borders, i));

      g_assert_cmpfloat (widths[2], >, 0);
      for (guint side = 1; side < 4; side++)
        g_assert_true (gdk_rgba_equal (&colors[side], &colors[0]));
    }

  gtk_style_context_remove_provider_for_display (gdk_display_get_default (),
                                                 GTK_STYLE_PROVIDER (style));
}

static void
test_app_icon_png (void)
{
  g_autoptr(GtkIconPaintable) paintable = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *uri = NULL;
  const int sizes[] = { 64, 128, 256 };

  g_test_summary ("The app icon at the sizes the window draws it comes from the bundled "
                  "PNGs, so showing a project never loads librsvg; each PNG has its size");
  SC_TEST_REQUIRE_DISPLAY ();

  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                    "/org/example/SnapConfine/icons");
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autofree char *path = g_strdup_printf ("/org/example/SnapConfine/icons/%dx%d/apps/"
                                               "org.example.SnapConfine.png",
                                               sizes[i], sizes[i]);
      g_autoptr(GBytes) bytes = g_resources_lookup_data (path, 0, NULL);
      g_autoptr(GdkTexture) texture = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_nonnull (bytes);
      texture = gdk_texture_new_from_bytes (bytes, &error);
      g_assert_no_error (error);
      g_assert_cmpint (gdk_texture_get_width (texture), ==, sizes[i]);
      g_assert_cmpint (gdk_texture_get_height (texture), ==, sizes[i]);
    }

  paintable = gtk_icon_theme_lookup_icon (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                          "org.example.SnapConfine", NULL, 64, 1,
                                          GTK_TEXT_DIR_NONE, 0);
  file = gtk_icon_paintable_get_file (paintable);
  g_assert_nonnull (file);
  uri = g_file_get_uri (file);
  g_assert_true (g_str_has_suffix (uri, "/64x64/apps/org.example.SnapConfine.png"));
}

static void
count_signal_cb (gpointer  instance,
                 guint    *count)
{
  (*count)++;
}

static void
test_app_row_limit (void)
{
  g_autofree char *example = sc_test_example_dir ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ScProject) project = sc_project_load (example, &error);
  GtkWidget *group;
  ScAppRow *app_row;
  GPtrArray *rows;
  guint added = 0;

  g_test_summary ("A group built with a row limit builds the rest when asked, when one of "
                  "the rest is looked up, or before a new plug is added, in file order; the "
                  "plugs its extensions give wait in one collapsed row");
  SC_TEST_REQUIRE_DISPLAY ();
  g_assert_no_error (error);

  group = g_object_ref_sink (sc_app_row_new_with_limit (project,
                                                        sc_project_find_target (project, "skylark"),
                                                        1));
  app_row = SC_APP_ROW (group);
  g_signal_connect (app_row, "plug-rows-added", G_CALLBACK (count_signal_cb), &added);
  rows = sc_app_row_get_plug_rows (app_row);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_true (sc_app_row_has_pending (app_row));

  /* A plug that is not in the group builds nothing. */
  g_assert_null (sc_app_row_find_plug (app_row, "camera"));
  g_assert_true (sc_app_row_has_pending (app_row));
  g_assert_cmpuint (added, ==, 0);

  /* One of the rows left for later: all of them are built. */
  g_assert_nonnull (sc_app_row_find_plug (app_row, "x11"));
  g_assert_false (sc_app_row_has_pending (app_row));
  g_assert_cmpuint (added, ==, 1);
  rows = sc_app_row_get_plug_rows (app_row);
  g_assert_cmpuint (rows->len, ==, 12);
  g_assert_cmpstr (sc_plug_row_get_plug (g_ptr_array_index (rows, 0)), ==, "home");
  g_assert_cmpstr (sc_plug_row_get_plug (g_ptr_array_index (rows, 2)), ==, "desktop");
  g_assert_cmpstr (sc_plug_row_get_plug (g_ptr_array_index (rows, 3)), ==, "desktop-legacy");
  g_assert_true (sc_plug_row_get_locked (g_ptr_array_index (rows, 3)));
  /* The declared plugs are rows of the group, the extension's are rows of
   * one collapsed expander row that names them. */
  {
    GtkWidget *expander = gtk_widget_get_ancestor (g_ptr_array_index (rows, 3),
                                                   ADW_TYPE_EXPANDER_ROW);

    g_assert_nonnull (expander);
    g_assert_null (gtk_widget_get_ancestor (g_ptr_array_index (rows, 0), ADW_TYPE_EXPANDER_ROW));
    g_assert_false (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (expander)));
    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (expander)), ==,
                     "10 plugs from gnome");
    g_assert_nonnull (strstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (expander)),
                              "desktop-legacy"));
  }
  sc_app_row_build_pending (app_row);
  g_assert_cmpuint (added, ==, 1);
  g_object_unref (group);

  /* Adding a plug first builds what was left, so the new row comes last. */
  group = g_object_ref_sink (sc_app_row_new_with_limit (project,
                                                        sc_project_find_target (project, "skylark"),
                                                        1));
  app_row = SC_APP_ROW (group);
  g_assert_nonnull (sc_app_row_ensure_plug (app_row, "camera"));
  rows = sc_app_row_get_plug_rows (app_row);
  g_assert_cmpuint (rows->len, ==, 13);
  g_assert_cmpstr (sc_plug_row_get_plug (g_ptr_array_index (rows, 12)), ==, "camera");
  g_assert_false (sc_plug_row_get_active (g_ptr_array_index (rows, 12)));
  g_object_unref (group);
}

static void
test_app_row_extra_rows (void)
{
  static const char yaml[] =
    "name: bare\nbase: core22\nconfinement: strict\napps:\n  bare:\n    command: bin/bare\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(ScProject) project = sc_project_load_from_data ("snapcraft.yaml", yaml,
                                                            sizeof yaml - 1, &error);
  ScFinding finding = { 0 };
  g_autoptr(GPtrArray) findings = g_ptr_array_new ();
  GtkWidget *group;
  GtkWidget *list;
  GtkWidget *first;
  ScPlugRow *camera;

  g_test_summary ("A group without plugs says so in a row of its own until a plug is added; "
                  "findings get a row before all others when there are some");
  SC_TEST_REQUIRE_DISPLAY ();
  g_assert_no_error (error);

  group = g_object_ref_sink (sc_app_row_new (project, sc_project_find_target (project, "bare")));
  g_assert_cmpuint (sc_app_row_get_plug_rows (SC_APP_ROW (group))->len, ==, 0);
  first = sc_test_find_widget_of_type (group, ADW_TYPE_ACTION_ROW);
  g_assert_nonnull (first);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (first)), ==, "No plugs");
  g_assert_true (gtk_widget_get_visible (first));

  camera = sc_app_row_ensure_plug (SC_APP_ROW (group), "camera");
  g_assert_false (gtk_widget_get_visible (first));
  list = gtk_widget_get_parent (GTK_WIDGET (camera));
  g_assert_true (gtk_widget_get_first_child (list) == first);

  finding.severity = SC_SEVERITY_WARNING;
  finding.code = (char *) "manual-connection";
  finding.message = (char *) "camera does not connect by itself";
  finding.target = (char *) "bare";
  g_ptr_array_add (findings, &finding);
  sc_app_row_set_findings (SC_APP_ROW (group), findings);
  first = gtk_widget_get_first_child (list);
  g_assert_true (ADW_IS_ACTION_ROW (first));
  g_assert_true (gtk_widget_has_css_class (first, "finding"));
  g_assert_true (gtk_widget_get_visible (first));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (first)), ==,
                   "camera does not connect by itself");
  sc_app_row_set_findings (SC_APP_ROW (group), NULL);
  g_assert_false (gtk_widget_get_visible (first));
  g_assert_true (gtk_widget_get_first_child (list) == first);

  g_object_unref (group);
}

static void
test_start_page (void)
{
  g_autofree char *example = sc_test_example_dir ();
  g_autoptr(GFile) file = g_file_new_for_path (example);
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(GError) error = NULL;
  const char * const recent[] = { "/home/ana/src/skylark/snap/snapcraft.yaml",
                                  "/home/ana/src/pixel-forge", NULL };
  ScStartPage *page;
  GtkListBox *list;
  GtkWidget *row;
  GtkWidget *window;

  g_test_summary ("A window shown without a project shows the start page with the recent "
                  "projects, kept up to date; one that opens a project first never builds it");
  SC_TEST_REQUIRE_DISPLAY ();

  g_settings_set_strv (settings, "recent-projects", recent);

  window = GTK_WIDGET (g_object_ref_sink (sc_window_new (NULL)));
  g_assert_null (sc_test_find_widget_of_type (window, SC_TYPE_START_PAGE));
  gtk_window_present (GTK_WINDOW (window));
  page = SC_START_PAGE (sc_test_find_widget_of_type (window, SC_TYPE_START_PAGE));
  g_assert_nonnull (page);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page)));
  list = sc_start_page_get_recent_list (page);
  row = gtk_widget_get_first_child (GTK_WIDGET (list));
  g_assert_true (ADW_IS_ACTION_ROW (row));
  /* snap/snapcraft.yaml is named after the project folder. */
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "skylark");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "/home/ana/src/skylark/snap/snapcraft.yaml");
  row = gtk_widget_get_next_sibling (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "pixel-forge");
  g_assert_null (gtk_widget_get_next_sibling (row));

  /* Removing one from the settings updates the list. */
  g_settings_set_strv (settings, "recent-projects", &recent[1]);
  row = gtk_widget_get_first_child (GTK_WIDGET (list));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "pixel-forge");
  g_assert_null (gtk_widget_get_next_sibling (row));

  /* Opening a project from there leaves the page. */
  g_assert_true (sc_window_open (SC_WINDOW (window), file, &error));
  g_assert_no_error (error);
  sc_test_iterate (50);
  g_assert_true (gtk_stack_get_visible_child (GTK_STACK (gtk_widget_get_parent (GTK_WIDGET (page))))
                 != GTK_WIDGET (page));
  gtk_window_destroy (GTK_WINDOW (window));
  sc_test_iterate (20);
  g_assert_finalize_object (window);

  window = GTK_WIDGET (g_object_ref_sink (sc_window_new (NULL)));
  g_assert_true (sc_window_open (SC_WINDOW (window), file, &error));
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (window));
  sc_test_iterate (50);
  g_assert_null (sc_test_find_widget_of_type (window, SC_TYPE_START_PAGE));
  gtk_window_destroy (GTK_WINDOW (window));
  sc_test_iterate (20);
  g_assert_finalize_object (window);

  g_settings_reset (settings, "recent-projects");
}

static GtkWidget *
find_button_with_icon (GtkWidget  *widget,
                       const char *icon_name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child)
          && g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (child)), icon_name) == 0)
        return child;
      if ((found = find_button_with_icon (child, icon_name)) != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_widget_with_class (GtkWidget  *widget,
                        const char *css_class)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (gtk_widget_has_css_class (child, css_class))
        return child;
      if ((found = find_widget_with_class (child, css_class)) != NULL)
        return found;
    }
  return NULL;
}

static void
test_plug_row_suffixes (ScTestFixture *fixture,
                        gconstpointer  data)
{
  ScFinding finding = { 0 };
  g_autoptr(GPtrArray) findings = g_ptr_array_new ();
  ScPlugRow *row;
  GtkWidget *reset;
  GtkWidget *image;
  GtkWidget *suffixes;

  g_test_summary ("A plug row gets its reset button and changed dot when it first changes, "
                  "and its warning icon, first of the suffixes, when it first has a finding; "
                  "reset puts the tick back");
  SC_TEST_REQUIRE_DISPLAY ();

  sc_test_open_project (fixture);
  row = sc_window_get_plug_row (fixture->window, "skylark", "home");
  g_assert_nonnull (row);
  g_assert_null (find_button_with_icon (GTK_WIDGET (row), "edit-undo-symbolic"));
  g_assert_null (find_widget_with_class (GTK_WIDGET (row), "finding-icon"));
  g_assert_null (find_widget_with_class (GTK_WIDGET (row), "changed-dot"));

  /* Unticking makes the row changed: reset shows, and brings the tick back. */
  sc_plug_row_set_active (row, FALSE);
  g_assert_true (sc_plug_row_get_changed (row));
  reset = find_button_with_icon (GTK_WIDGET (row), "edit-undo-symbolic");
  g_assert_nonnull (reset);
  g_assert_true (gtk_widget_get_visible (reset));
  g_assert_true (gtk_widget_get_valign (reset) == GTK_ALIGN_CENTER);
  g_assert_true (gtk_widget_has_css_class (gtk_widget_get_next_sibling (reset), "changed-dot"));
  g_signal_emit_by_name (reset, "clicked");
  g_assert_true (sc_plug_row_get_active (row));
  g_assert_false (sc_plug_row_get_changed (row));
  g_assert_false (gtk_widget_get_visible (reset));
  g_assert_true (reset == find_button_with_icon (GTK_WIDGET (row), "edit-undo-symbolic"));

  /* A finding adds the warning icon before the badges, with the finding
   * as its tooltip; an error turns it into the error icon. */
  finding.severity = SC_SEVERITY_WARNING;
  finding.code = (char *) "store-approval";
  finding.message = (char *) "Needs a store grant";
  finding.target = (char *) "skylark";
  finding.plug = (char *) "home";
  g_ptr_array_add (findings, &finding);
  sc_plug_row_set_findings (row, findings);
  suffixes = gtk_widget_get_parent (reset);
  image = gtk_widget_get_first_child (suffixes);
  g_assert_true (GTK_IS_IMAGE (image));
  g_assert_true (gtk_widget_has_css_class (image, "finding-icon"));
  g_assert_true (gtk_widget_get_visible (image));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (image), ==, "Needs a store grant");
  g_assert_cmpstr (gtk_image_get_icon_name (GTK_IMAGE (image)), ==, "dialog-warning-symbolic");
  finding.severity = SC_SEVERITY_ERROR;
  sc_plug_row_set_findings (row, findings);
  g_assert_cmpstr (gtk_image_get_icon_name (GTK_IMAGE (image)), ==, "dialog-error-symbolic");
  g_assert_true (gtk_widget_has_css_class (image, "error"));
  sc_plug_row_set_findings (row, NULL);
  g_assert_false (gtk_widget_get_visible (image));
}

static void
test_main_menu (ScTestFixture *fixture,
                gconstpointer  data)
{
  GtkMenuButton *button;
  GMenuModel *model;
  GtkPopover *popover;

  g_test_summary ("The main menu is built the first time it opens, with its two sections, "
                  "and kept");
  SC_TEST_REQUIRE_DISPLAY ();

  button = GTK_MENU_BUTTON (sc_test_find_widget_of_type (GTK_WIDGET (fixture->window),
                                                 GTK_TYPE_MENU_BUTTON));
  g_assert_nonnull (button);
  g_assert_null (gtk_menu_button_get_menu_model (button));
  g_assert_true (gtk_menu_button_get_primary (button));

  gtk_menu_button_popup (button);
  sc_test_iterate (50);
  model = gtk_menu_button_get_menu_model (button);
  g_assert_nonnull (model);
  g_assert_cmpint (g_menu_model_get_n_items (model), ==, 2);
  popover = gtk_menu_button_get_popover (button);
  g_assert_true (GTK_IS_POPOVER_MENU (popover));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  gtk_menu_button_popdown (button);
  sc_test_iterate (20);

  gtk_menu_button_popup (button);
  g_assert_true (gtk_menu_button_get_menu_model (button) == model);
  g_assert_true (gtk_menu_button_get_popover (button) == popover);
  gtk_menu_button_popdown (button);
}

static void
test_first_screen (void)
{
  g_autofree char *example = sc_test_example_dir ();
  g_autoptr(GFile) file = g_file_new_for_path (example);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autofree char *message = NULL;
  ScProject *project;
  GtkWidget *window;
  GtkLabel *label;
  ScAppRow *first;
  guint n_rows = 0;
  guint n_hidden = 0;

  g_test_summary ("A project opened before its window is shown builds only its first screen "
                  "(rows below it left for later, wrapping labels on one line) and is whole, "
                  "with wrapping labels, once the first frame is out");
  SC_TEST_REQUIRE_DISPLAY ();

  window = GTK_WIDGET (g_object_ref_sink (sc_window_new (NULL)));
  g_assert_true (sc_window_open (SC_WINDOW (window), file, &error));
  g_assert_no_error (error);
  project = sc_window_get_project (SC_WINDOW (window));

  /* The example is in devmode: a project-wide finding in the Checks group. */
  findings = sc_check_project (project);
  for (guint i = 0; findings != NULL && i < findings->len && message == NULL; i++)
    {
      const ScFinding *finding = g_ptr_array_index (findings, i);

      if (finding->target == NULL)
        message = g_markup_escape_text (finding->message, -1);
    }
  g_assert_nonnull (message);
  label = sc_test_find_label (window, message);
  g_assert_nonnull (label);
  g_assert_false (gtk_label_get_wrap (label));
  g_assert_cmpint (gtk_label_get_ellipsize (label), ==, PANGO_ELLIPSIZE_END);

  /* At most the first screen's eight rows are built: the first app's two
   * declared plugs are, the ten its extension gives (in a collapsed row)
   * are not. */
  sc_test_count_plug_rows (window, &n_rows, &n_hidden);
  g_assert_cmpuint (n_rows, <=, 8);
  g_assert_cmpuint (n_hidden, ==, 0);
  first = sc_test_find_app_row (window, "skylark");
  g_assert_nonnull (first);
  g_assert_true (sc_app_row_has_pending (first));
  g_assert_cmpuint (sc_app_row_get_plug_rows (first)->len, ==, 2);

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (sc_test_iterate_until (label_wraps, label));
  g_assert_cmpint (gtk_label_get_ellipsize (label), ==, PANGO_ELLIPSIZE_NONE);
  g_assert_true (sc_test_iterate_until (all_groups_built, window));
  n_rows = n_hidden = 0;
  sc_test_count_plug_rows (window, &n_rows, &n_hidden);
  g_assert_cmpuint (n_hidden, ==, 0);
  g_assert_false (sc_app_row_has_pending (first));
  g_assert_cmpuint (sc_app_row_get_plug_rows (first)->len, ==, 12);
  /* Built rows keep their file order: the declared plugs, then the
   * extension's. */
  g_assert_cmpstr (sc_plug_row_get_plug (g_ptr_array_index (sc_app_row_get_plug_rows (first), 0)),
                   ==, "home");
  g_assert_cmpstr (sc_plug_row_get_plug (g_ptr_array_index (sc_app_row_get_plug_rows (first), 1)),
                   ==, "network");
  /* skylark 12, skylark-sync 6, import 4, the configure hook 6: the four
   * content plugs the gnome extension defines at the top level go to
   * every app and hook. */
  g_assert_cmpuint (n_rows, ==, 28);

  gtk_window_destroy (GTK_WINDOW (window));
  sc_test_iterate (20);
  g_assert_finalize_object (window);
}

static void
test_open (ScTestFixture *fixture,
           gconstpointer  data)
{
  static const char * const targets[] = { "skylark", "skylark-sync", "import", "hook:configure" };
  ScPlugRow *row;

  g_test_summary ("Opening the example shows a group per app then per hook, declared plugs "
                  "ticked, extension plugs ticked and locked, nothing pending");
  SC_TEST_REQUIRE_DISPLAY ();
  sc_test_open_project (fixture);

  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    g_assert_nonnull (sc_window_get_app_row (fixture->window, targets[i]));

  row = sc_window_get_plug_row (fixture->window, "skylark", "home");
  g_assert_nonnull (row);
  g_assert_true (sc_plug_row_get_active (row));
  g_assert_false (sc_plug_row_get_locked (row));

  /* The gnome extension gives apps desktop, wayland, x11 … */
  row = sc_window_get_plug_row (fixture->window, "skylark", "wayland");
  g_assert_nonnull (row);
  g_assert_true (sc_plug_row_get_active (row));
  g_assert_true (sc_plug_row_get_locked (row));
  sc_plug_row_set_active (row, FALSE);
  g_assert_true (sc_plug_row_get_active (row));

  g_assert_null (sc_window_get_plug_row (fixture->window, "import", "wayland"));
  g_assert_false (sc_window_has_pending (fixture->window));
}

static void
test_tick_untick (ScTestFixture *fixture,
                  gconstpointer  data)
{
  ScPlugRow *row;
  g_autofree char *diff = NULL;
  g_autoptr(GError) error = NULL;

  g_test_summary ("Unticking a declared plug marks the row changed and pending; ticking it "
                  "again clears both; activating the row toggles the check");
  SC_TEST_REQUIRE_DISPLAY ();
  sc_test_open_project (fixture);

  row = sc_window_get_plug_row (fixture->window, "skylark-sync", "network-bind");
  g_assert_nonnull (row);
  g_assert_true (sc_plug_row_get_active (row));

  /* What a click or Enter on the row does. */
  g_signal_emit_by_name (gtk_widget_get_parent (GTK_WIDGET (row)), "row-activated", row);
  g_assert_false (sc_plug_row_get_active (row));
  g_assert_true (sc_plug_row_get_changed (row));
  g_assert_true (sc_window_has_pending (fixture->window));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "changed"));

  diff = sc_window_dup_pending_diff (fixture->window, FALSE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (diff, "network-bind"));
  g_assert_null (strstr (diff, "confinement"));

  g_signal_emit_by_name (gtk_widget_get_parent (GTK_WIDGET (row)), "row-activated", row);
  g_assert_true (sc_plug_row_get_active (row));
  /* The row's own activate signal (its keybinding) goes the same way. */
  g_assert_true (gtk_widget_activate (GTK_WIDGET (row)));
  g_assert_false (sc_plug_row_get_active (row));
  g_assert_true (gtk_widget_activate (GTK_WIDGET (row)));
  g_assert_true (sc_plug_row_get_active (row));
  g_assert_false (sc_plug_row_get_changed (row));
  g_assert_false (sc_window_has_pending (fixture->window));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (row), "changed"));

  /* Ctrl+Z takes ticks back one at a time, newest first. */
  sc_plug_row_set_active (row, FALSE);
  g_assert_true (sc_window_add_plug (fixture->window, "import", "camera", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (sc_window_has_pending (fixture->window));
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL);
  g_assert_false (sc_plug_row_get_active (sc_window_get_plug_row (fixture->window, "import",
                                                                  "camera")));
  g_assert_false (sc_plug_row_get_active (row));
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL);
  g_assert_true (sc_plug_row_get_active (row));
  g_assert_false (sc_window_has_pending (fixture->window));
}

static void
test_add_interface (ScTestFixture *fixture,
                    gconstpointer  data)
{
  GtkWindow *dialog;
  ScPlugRow *row;

  g_test_summary ("Ctrl+F's catalogue search finds an interface by name and adds a ticked "
                  "row to the app chosen in the dialog");
  SC_TEST_REQUIRE_DISPLAY ();
  sc_test_open_project (fixture);

  g_assert_null (sc_window_get_plug_row (fixture->window, "import", "cups-control"));

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.add-interface-to", "s", "import");
  dialog = sc_window_get_dialog (fixture->window);
  g_assert_true (SC_IS_ADD_INTERFACE_DIALOG (dialog));

  sc_add_interface_dialog_set_query (SC_ADD_INTERFACE_DIALOG (dialog), "cups-control");
  g_assert_cmpuint (sc_add_interface_dialog_get_n_results (SC_ADD_INTERFACE_DIALOG (dialog)), >=, 1);
  g_assert_cmpstr (sc_add_interface_dialog_get_result (SC_ADD_INTERFACE_DIALOG (dialog), 0), ==,
                   "cups-control");

  /* A word from the descriptions finds several interfaces. */
  sc_add_interface_dialog_set_query (SC_ADD_INTERFACE_DIALOG (dialog), "camera");
  g_assert_cmpstr (sc_add_interface_dialog_get_result (SC_ADD_INTERFACE_DIALOG (dialog), 0), ==,
                   "camera");

  sc_add_interface_dialog_set_query (SC_ADD_INTERFACE_DIALOG (dialog), "cups-control");
  sc_add_interface_dialog_activate_result (SC_ADD_INTERFACE_DIALOG (dialog), 0);
  sc_test_iterate (50);
  g_assert_null (sc_window_get_dialog (fixture->window));

  row = sc_window_get_plug_row (fixture->window, "import", "cups-control");
  g_assert_nonnull (row);
  g_assert_true (sc_plug_row_get_active (row));
  g_assert_true (sc_plug_row_get_changed (row));
  g_assert_true (sc_window_has_pending (fixture->window));

  /* The Ctrl+F binding opens the same dialog. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.add-interface", NULL);
  g_assert_true (SC_IS_ADD_INTERFACE_DIALOG (sc_window_get_dialog (fixture->window)));
}

static GtkWidget *
find_sidebar (GtkWidget *widget)
{
  if (SC_IS_DENIAL_SIDEBAR (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_sidebar (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_denial_row (GtkWidget    *widget,
                 ScDenialItem *item)
{
  if (SC_IS_DENIAL_ROW (widget) && sc_denial_row_get_item (SC_DENIAL_ROW (widget)) == item)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_denial_row (child, item);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
sidebar_loaded (gpointer data)
{
  return !sc_denial_sidebar_get_loading (data) && sc_denial_sidebar_get_n_groups (data) > 0;
}

static void
test_suggestion (ScTestFixture *fixture,
                 gconstpointer  data)
{
  g_autofree char *example = sc_test_example_dir ();
  g_autofree char *log = g_build_filename (example, "denials.log", NULL);
  g_auto(ScJournalOptions) options = { 0 };
  g_autofree char *diff = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *sidebar;
  GListModel *model;
  ScDenialItem *camera_item = NULL;
  GtkWidget *denial_row;
  GtkWidget *add;
  ScPlugRow *row;

  g_test_summary ("A suggestion from the fixture log, added with its row's Add button, "
                  "ticks the plug on the right app");
  SC_TEST_REQUIRE_DISPLAY ();
  sc_test_open_project (fixture);

  sc_window_set_show_denials (fixture->window, TRUE);
  sidebar = find_sidebar (GTK_WIDGET (fixture->window));
  g_assert_nonnull (sidebar);

  options.type = SC_JOURNAL_SOURCE_LOG;
  options.path = g_strdup (log);
  sc_denial_sidebar_set_source (SC_DENIAL_SIDEBAR (sidebar), &options);
  if (!sc_test_iterate_until (sidebar_loaded, sidebar))
    g_error ("The sidebar did not load %s: page %s, %u groups, loading %d", log,
             sc_denial_sidebar_get_page (SC_DENIAL_SIDEBAR (sidebar)),
             sc_denial_sidebar_get_n_groups (SC_DENIAL_SIDEBAR (sidebar)),
             sc_denial_sidebar_get_loading (SC_DENIAL_SIDEBAR (sidebar)));
  sc_test_iterate (100);

  /* /dev/video0 opened by the skylark app: the camera interface. */
  model = sc_denial_sidebar_get_model (SC_DENIAL_SIDEBAR (sidebar));
  for (guint i = 0; i < g_list_model_get_n_items (model) && camera_item == NULL; i++)
    {
      g_autoptr(ScDenialItem) item = g_list_model_get_item (model, i);
      const ScSuggestionResult *result = sc_denial_item_get_suggestions (item);

      if (g_strcmp0 (sc_denial_item_get_target (item), "skylark") == 0
          && result != NULL && result->suggestions->len > 0
          && g_strcmp0 (((ScSuggestion *)g_ptr_array_index (result->suggestions, 0))->interface,
                        "camera") == 0)
        camera_item = item;
    }
  g_assert_nonnull (camera_item);

  g_assert_null (sc_window_get_plug_row (fixture->window, "skylark", "camera"));

  /* Bring the row into view and press its Add button. */
  {
    GtkWidget *list_view = NULL;

    for (guint i = 0; i < g_list_model_get_n_items (model); i++)
      {
        g_autoptr(ScDenialItem) item = g_list_model_get_item (model, i);

        if (item == camera_item)
          {
            GtkWidget *w = sidebar;

            /* Find the sidebar's GtkGridView and scroll it to the item. */
            while (w != NULL && !GTK_IS_GRID_VIEW (w))
              {
                GtkWidget *next = gtk_widget_get_first_child (w);
                GtkWidget *found = NULL;

                for (GtkWidget *c = next; c != NULL; c = gtk_widget_get_next_sibling (c))
                  {
                    if (GTK_IS_GRID_VIEW (c))
                      {
                        found = c;
                        break;
                      }
                  }
                w = found != NULL ? found : next;
              }
            list_view = w;
            if (list_view != NULL)
              gtk_widget_activate_action (list_view, "list.scroll-to-item", "u", i);
            break;
          }
      }
    sc_test_iterate (200);
  }

  denial_row = find_denial_row (sidebar, camera_item);
  g_assert_nonnull (denial_row);
  add = sc_test_find_button_with_label (denial_row, _("_Add"));
  g_assert_nonnull (add);
  g_assert_true (gtk_widget_is_sensitive (add));
  g_signal_emit_by_name (add, "clicked");
  sc_test_iterate (50);

  row = sc_window_get_plug_row (fixture->window, "skylark", "camera");
  g_assert_nonnull (row);
  g_assert_true (sc_plug_row_get_active (row));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "highlight"));

  diff = sc_window_dup_pending_diff (fixture->window, FALSE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (diff, "camera"));
}

static void
test_ignored (ScTestFixture *fixture,
              gconstpointer  data)
{
  const char *ignored[] = { "group-a", "group-b", NULL };
  g_autoptr(GSettings) settings = g_settings_new ("org.example.SnapConfine");
  g_autoptr(GVariant) all = NULL;
  g_autofree const char **stored = NULL;
  g_auto(GStrv) restored = NULL;
  ScWindow *second;
  GtkWidget *sidebar;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  g_test_summary ("Denial groups ignored in the sidebar are remembered per project and "
                  "given back to the sidebar when the project is opened again");
  SC_TEST_REQUIRE_DISPLAY ();
  sc_test_open_project (fixture);

  sidebar = find_sidebar (GTK_WIDGET (fixture->window));
  g_assert_nonnull (sidebar);
  sc_denial_sidebar_set_ignored (SC_DENIAL_SIDEBAR (sidebar), ignored);

  all = g_settings_get_value (settings, "ignored-denials");
  g_assert_true (g_variant_lookup (all, fixture->yaml, "^a&s", &stored));
  g_assert_cmpstrv (stored, ignored);

  second = g_object_ref_sink (sc_window_new (NULL));
  file = g_file_new_for_path (fixture->yaml);
  g_assert_true (sc_window_open (second, file, &error));
  g_assert_no_error (error);
  sidebar = find_sidebar (GTK_WIDGET (second));
  g_object_get (sidebar, "ignored", &restored, NULL);
  g_assert_cmpstrv (restored, ignored);
  gtk_window_destroy (GTK_WINDOW (second));
  g_assert_finalize_object (second);

  g_settings_reset (settings, "ignored-denials");
}

static void
test_one_window_per_project (ScTestFixture *fixture,
                             gconstpointer  data)
{
  g_autoptr(ScApplication) app = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GFile) yaml = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) recent = NULL;
  ScWindow *first;
  ScWindow *again;

  g_test_summary ("Opening a project that a window shows already presents that window, "
                  "whether named by its folder or its snapcraft.yaml; it becomes recent");
  SC_TEST_REQUIRE_DISPLAY ();

  app = sc_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app))
                           | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  folder = g_file_new_for_path (fixture->dir);
  yaml = g_file_new_for_path (fixture->yaml);

  first = sc_application_open_file (app, folder);
  g_assert_nonnull (sc_window_get_project (first));
  again = sc_application_open_file (app, yaml);
  g_assert_true (first == again);
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);

  recent = g_settings_get_strv (sc_application_get_settings (app), "recent-projects");
  g_assert_cmpstr (recent[0], ==, fixture->dir);

  gtk_window_destroy (GTK_WINDOW (first));
  sc_test_iterate (20);
  g_settings_reset (sc_application_get_settings (app), "recent-projects");
}

static void
test_drop (ScTestFixture *fixture,
           gconstpointer  data)
{
  g_autoptr(GListModel) controllers = NULL;
  g_autoptr(GFile) folder = NULL;
  GtkDropTarget *drop = NULL;
  GValue value = G_VALUE_INIT;
  GdkFileList *list;
  gboolean handled = FALSE;

  g_test_summary ("Dropping a project folder on the start page opens it");
  SC_TEST_REQUIRE_DISPLAY ();

  controllers = gtk_widget_observe_controllers (GTK_WIDGET (fixture->window));
  for (guint i = 0; i < g_list_model_get_n_items (controllers) && drop == NULL; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        drop = GTK_DROP_TARGET (controller);
    }
  g_assert_nonnull (drop);

  folder = g_file_new_for_path (fixture->dir);
  list = gdk_file_list_new_from_array (&folder, 1);
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, list);

  g_assert_null (sc_window_get_project (fixture->window));
  g_signal_emit_by_name (drop, "drop", &value, 10.0, 10.0, &handled);
  g_value_unset (&value);

  g_assert_true (handled);
  g_assert_nonnull (sc_window_get_project (fixture->window));
  g_assert_nonnull (sc_window_get_app_row (fixture->window, "skylark"));
}

static void
test_german (void)
{
  g_test_summary ("Under LANGUAGE=de the window's strings come out in German");
  SC_TEST_REQUIRE_DISPLAY ();

  if (g_test_subprocess ())
    {
      ScStrictDialog *dialog;
      const char * const targets[] = { "app", NULL };
      ScAddInterfaceDialog *add;

      g_assert_cmpstr (_("Switch to Strict"), ==, "Auf strikt umstellen");

      /* From a template, through GtkBuilder's translation domain. */
      dialog = sc_strict_dialog_new (NULL, "snapcraft.yaml", "+x\n", TRUE);
      g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                       "Auf strikte Einschränkung umstellen?");
      gtk_window_destroy (GTK_WINDOW (dialog));

      add = sc_add_interface_dialog_new (NULL, targets, NULL);
      g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (add)), ==, "Schnittstelle hinzufügen");
      gtk_window_destroy (GTK_WINDOW (add));
      return;
    }

  if (g_getenv ("SNAPCONFINE_LOCALEDIR") == NULL)
    {
      g_test_skip ("SNAPCONFINE_LOCALEDIR is not set to the build tree's catalogues");
      return;
    }

  g_setenv ("LANGUAGE", "de", TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_unsetenv ("LANGUAGE");
  g_test_trap_assert_passed ();
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

  g_test_add_func ("/window/templates", test_templates);
  g_test_add ("/window/open", ScTestFixture, NULL, sc_test_fixture_set_up, test_open,
              sc_test_fixture_tear_down);
  g_test_add_func ("/window/first-screen", test_first_screen);
  g_test_add_func ("/window/start-page", test_start_page);
  g_test_add ("/window/main-menu", ScTestFixture, NULL, sc_test_fixture_set_up, test_main_menu,
              sc_test_fixture_tear_down);
  g_test_add ("/window/plug-row-suffixes", ScTestFixture, NULL, sc_test_fixture_set_up,
              test_plug_row_suffixes, sc_test_fixture_tear_down);
  g_test_add_func ("/window/app-row-limit", test_app_row_limit);
  g_test_add_func ("/window/app-row-extra-rows", test_app_row_extra_rows);
  g_test_add ("/window/row-separators", ScTestFixture, NULL, sc_test_fixture_set_up,
              test_row_separators, sc_test_fixture_tear_down);
  g_test_add_func ("/window/app-icon-png", test_app_icon_png);
  g_test_add ("/window/tick-untick", ScTestFixture, NULL, sc_test_fixture_set_up, test_tick_untick,
              sc_test_fixture_tear_down);
  g_test_add ("/window/add-interface", ScTestFixture, NULL, sc_test_fixture_set_up,
              test_add_interface, sc_test_fixture_tear_down);
  g_test_add ("/window/suggestion", ScTestFixture, NULL, sc_test_fixture_set_up, test_suggestion,
              sc_test_fixture_tear_down);
  g_test_add ("/window/ignored", ScTestFixture, NULL, sc_test_fixture_set_up, test_ignored,
              sc_test_fixture_tear_down);
  g_test_add ("/window/one-window-per-project", ScTestFixture, NULL, sc_test_fixture_set_up,
              test_one_window_per_project, sc_test_fixture_tear_down);
  g_test_add ("/window/drop", ScTestFixture, NULL, sc_test_fixture_set_up, test_drop,
              sc_test_fixture_tear_down);
  g_test_add_func ("/window/german", test_german);

  return g_test_run ();
}
