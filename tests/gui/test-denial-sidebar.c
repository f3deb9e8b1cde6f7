/* test-denial-sidebar.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The denial sidebar in a real window under Xvfb: it reads a text log
 * written here for a project written here, groups and lists the denials
 * with their first suggestion, says on each card whether the project has
 * the plug already, emits add-plug with what the core's planner says to
 * write, hides ignored groups, follows appended lines (and a log replaced
 * by a longer copy), warns about records lost to rate limiting (and lets
 * the warning go), caps the groups it keeps, reads pasted records,
 * explains an unreadable source or a system journal that cannot show
 * denials, and offers the project's own log. In a whole window, Add on
 * cards and Switch to Strict write the bytes `snapconfine-cli suggest
 * --apply` writes. Without a display the widget tests skip and say so.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <adwaita.h>

#include "sc-denial-format.h"
#include "sc-denial-item.h"
#include "sc-denial-model.h"
#include "sc-denial-parser.h"
#include "sc-denial-row.h"
#include "sc-denial-sidebar.h"
#include "sc-denial-source.h"
#include "sc-test-utils.h"
#include "sc-strict-dialog.h"
#include "sc-window-private.h"

/* ---- Fixture data, composed from the record shapes of denials.md ------ */

static const char snapcraft_yaml[] =
  "name: foo\n"
  "base: core22\n"
  "version: '1.0'\n"
  "summary: Sidebar test\n"
  "description: A project for the denial sidebar test.\n"
  "grade: stable\n"
  "confinement: devmode\n"
  "apps:\n"
  "  foo:\n"
  "    command: bin/foo\n"
  "    plugs: [network]\n"
  "  daemon:\n"
  "    command: bin/foo-daemon\n"
  "    daemon: simple\n"
  "hooks:\n"
  "  configure:\n"
  "    plugs: [network]\n"
  "parts:\n"
  "  foo:\n"
  "    plugin: nil\n";

#define KERNEL(time, serial, body) \
  "2026-11-24T14:53:" time ".482150+00:00 alpha kernel: [81461.616942] audit: type=1400 " \
  "audit(17955320" time ".482:" serial "): " body "\n"

static const char log_text[] =
  /* Camera, seen twice: one group, count 2. */
  KERNEL ("21", "1187", "apparmor=\"ALLOWED\" operation=\"open\" class=\"file\" profile=\"snap.foo.foo\" "
          "name=\"/dev/video0\" pid=4242 comm=\"foo\" requested_mask=\"wr\" denied_mask=\"wr\" fsuid=1000 ouid=0")
  /* A dot-file in $HOME: personal-files with a definition. */
  KERNEL ("22", "1188", "apparmor=\"ALLOWED\" operation=\"open\" class=\"file\" profile=\"snap.foo.foo\" "
          "name=\"/home/alice/.gitconfig\" pid=4242 comm=\"foo\" requested_mask=\"r\" denied_mask=\"r\" fsuid=1000 ouid=1000")
  /* From a hook: the target is hook:configure. */
  KERNEL ("23", "1189", "apparmor=\"ALLOWED\" operation=\"open\" class=\"file\" profile=\"snap.foo.hook.configure\" "
          "name=\"/etc/foo.conf\" pid=4300 comm=\"configure\" requested_mask=\"r\" denied_mask=\"r\" fsuid=0 ouid=0")
  /* Writing into $SNAP: not an interface problem. */
  KERNEL ("24", "1190", "apparmor=\"ALLOWED\" operation=\"mkdir\" class=\"file\" profile=\"snap.foo.foo\" "
          "name=\"/snap/foo/12/cache/\" pid=4242 comm=\"foo\" requested_mask=\"c\" denied_mask=\"c\" fsuid=1000 ouid=0")
  KERNEL ("25", "1191", "apparmor=\"DENIED\" operation=\"capable\" class=\"cap\" profile=\"snap.foo.daemon\" "
          "pid=1702 comm=\"foo-daemon\" capability=12  capname=\"net_admin\"")
  KERNEL ("26", "1192", "apparmor=\"ALLOWED\" operation=\"open\" class=\"file\" profile=\"snap.foo.foo\" "
          "name=\"/dev/video0\" pid=4242 comm=\"foo\" requested_mask=\"wr\" denied_mask=\"wr\" fsuid=1000 ouid=0")
  /* Another snap: filtered out. */
  KERNEL ("27", "1193", "apparmor=\"DENIED\" operation=\"open\" class=\"file\" profile=\"snap.bar.bar\" "
          "name=\"/etc/bar.conf\" pid=5000 comm=\"bar\" requested_mask=\"r\" denied_mask=\"r\" fsuid=1000 ouid=0")
  /* An app the project does not declare: listed, but Add is off. */
  KERNEL ("28", "1194", "apparmor=\"ALLOWED\" operation=\"open\" class=\"file\" profile=\"snap.foo.ghost\" "
          "name=\"/dev/video1\" pid=4343 comm=\"ghost\" requested_mask=\"wr\" denied_mask=\"wr\" fsuid=1000 ouid=0")
  "2026-11-24T14:53:29.000000+00:00 alpha kernel: [81468.000000] kauditd_printk_skb: 5 callbacks suppressed\n"
  "2026-11-24T14:53:30.482150+00:00 alpha dbus-daemon[1202]: apparmor=\"DENIED\" operation=\"dbus_method_call\"  "
  "bus=\"session\" path=\"/org/freedesktop/Notifications\" interface=\"org.freedesktop.Notifications\" "
  "member=\"Notify\" mask=\"send\" name=\"org.freedesktop.Notifications\" pid=10640 label=\"snap.foo.foo\" "
  "peer_label=\"unconfined\"\n";

#define N_GROUPS 7

static const char appended_text[] =
  KERNEL ("40", "1300", "apparmor=\"ALLOWED\" operation=\"open\" class=\"file\" profile=\"snap.foo.foo\" "
          "name=\"/dev/video0\" pid=4242 comm=\"foo\" requested_mask=\"wr\" denied_mask=\"wr\" fsuid=1000 ouid=0")
  KERNEL ("41", "1301", "apparmor=\"ALLOWED\" operation=\"open\" class=\"file\" profile=\"snap.foo.foo\" "
          "name=\"/media/alice/usb/photo.jpg\" pid=4242 comm=\"foo\" requested_mask=\"r\" denied_mask=\"r\" fsuid=1000 ouid=1000");

/* ---- Fixture ---------------------------------------------------------- */

typedef struct
{
  char      *target;
  char      *plug;
  GVariant  *definition;
} AddPlugCall;

static void
add_plug_call_free (gpointer data)
{
  AddPlugCall *call = data;

  g_free (call->target);
  g_free (call->plug);
  g_clear_pointer (&call->definition, g_variant_unref);
  g_free (call);
}

typedef struct
{
  char            *dir;
  char            *log_path;
  ScProject       *project;
  GtkWidget       *window;
  ScDenialSidebar *sidebar;
  GPtrArray       *calls;
  guint            n_ignored_notify;
  guint            n_toasts;
} Fixture;

static void
add_plug_cb (ScDenialSidebar *sidebar,
             const char      *target,
             const char      *plug,
             GVariant        *definition,
             Fixture         *fixture)
{
  AddPlugCall *call = g_new0 (AddPlugCall, 1);

  call->target = g_strdup (target);
  call->plug = g_strdup (plug);
  call->definition = definition ? g_variant_ref (definition) : NULL;
  g_ptr_array_add (fixture->calls, call);
}

static void
add_toast_cb (ScDenialSidebar *sidebar,
              AdwToast        *toast,
              Fixture         *fixture)
{
  fixture->n_toasts++;
  /* The handler owns the toast (as adw_toast_overlay_add_toast would). */
  g_object_unref (toast);
}

static void
ignored_notify_cb (ScDenialSidebar *sidebar,
                   GParamSpec      *pspec,
                   Fixture         *fixture)
{
  fixture->n_ignored_notify++;
}

static gboolean
timeout_flag_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Spins the main loop until CONDITION holds or SECONDS pass. */
static gboolean
spin_until (gboolean (*condition) (Fixture *),
            Fixture  *fixture,
            guint     seconds)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (seconds, timeout_flag_cb, &timed_out);

  while (!condition (fixture) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (id);
  return condition (fixture);
}

static gboolean
loaded (Fixture *fixture)
{
  return !sc_denial_sidebar_get_loading (fixture->sidebar) &&
         g_strcmp0 (sc_denial_sidebar_get_page (fixture->sidebar), "loading") != 0;
}

static void
write_fixture_files (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *snap_dir = NULL;
  g_autofree char *yaml_path = NULL;

  fixture->dir = g_dir_make_tmp ("sc-denial-sidebar-XXXXXX", &error);
  g_assert_no_error (error);

  snap_dir = g_build_filename (fixture->dir, "snap", NULL);
  g_assert_cmpint (g_mkdir (snap_dir, 0755), ==, 0);
  yaml_path = g_build_filename (snap_dir, "snapcraft.yaml", NULL);
  g_file_set_contents (yaml_path, snapcraft_yaml, -1, &error);
  g_assert_no_error (error);

  fixture->log_path = g_build_filename (fixture->dir, "kern.log", NULL);
  g_file_set_contents (fixture->log_path, log_text, -1, &error);
  g_assert_no_error (error);
}

static void
set_log_source (Fixture    *fixture,
                const char *path)
{
  ScJournalOptions options = { 0 };

  options.type = SC_JOURNAL_SOURCE_LOG;
  options.path = (char *) path;
  sc_denial_sidebar_set_source (fixture->sidebar, &options);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gboolean with_project = GPOINTER_TO_INT (data) == 0;

  if (!sc_test_have_display)
    return;

  write_fixture_files (fixture);
  fixture->calls = g_ptr_array_new_with_free_func (add_plug_call_free);

  if (with_project)
    {
      fixture->project = sc_project_load (fixture->dir, &error);
      g_assert_no_error (error);
      g_assert_nonnull (fixture->project);
    }

  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 420, 1400);
  fixture->sidebar = SC_DENIAL_SIDEBAR (sc_denial_sidebar_new ());
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->sidebar));
  g_signal_connect (fixture->sidebar, "add-plug", G_CALLBACK (add_plug_cb), fixture);
  g_signal_connect (fixture->sidebar, "add-toast", G_CALLBACK (add_toast_cb), fixture);
  g_signal_connect (fixture->sidebar, "notify::ignored", G_CALLBACK (ignored_notify_cb), fixture);

  sc_denial_sidebar_set_project (fixture->sidebar, fixture->project);
  set_log_source (fixture, fixture->log_path);
  gtk_window_present (GTK_WINDOW (fixture->window));

  g_assert_true (spin_until (loaded, fixture, 30));
  /* Let the list view create and bind its rows. */
  sc_test_iterate (300);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  if (!sc_test_have_display)
    return;

  if (fixture->window != NULL)
    gtk_window_destroy (GTK_WINDOW (fixture->window));
  fixture->window = NULL;
  sc_test_iterate (50);
  g_clear_object (&fixture->project);
  g_clear_pointer (&fixture->calls, g_ptr_array_unref);

  if (fixture->dir != NULL)
    {
      g_autofree char *snap_dir = g_build_filename (fixture->dir, "snap", NULL);
      g_autofree char *yaml_path = g_build_filename (snap_dir, "snapcraft.yaml", NULL);

      g_unlink (yaml_path);
      g_rmdir (snap_dir);
      g_unlink (fixture->log_path);
      g_rmdir (fixture->dir);
    }
  g_clear_pointer (&fixture->dir, g_free);
  g_clear_pointer (&fixture->log_path, g_free);
}

/* ---- Helpers over the widget tree -------------------------------------- */

static ScDenialItem *
find_item (Fixture    *fixture,
           const char *object)
{
  GListModel *model = G_LIST_MODEL (sc_denial_sidebar_get_model (fixture->sidebar));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(ScDenialItem) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (sc_denial_item_get_object (item), object) == 0)
        return item;   /* the model keeps it alive */
    }
  return NULL;
}

static ScDenialRow *
find_row_in (GtkWidget    *widget,
             ScDenialItem *item)
{
  if (SC_IS_DENIAL_ROW (widget) && sc_denial_row_get_item (SC_DENIAL_ROW (widget)) == item)
    return SC_DENIAL_ROW (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      ScDenialRow *row = find_row_in (child, item);
      if (row != NULL)
        return row;
    }
  return NULL;
}

static ScDenialRow *
find_row (Fixture    *fixture,
          const char *object)
{
  ScDenialItem *item = find_item (fixture, object);

  g_assert_nonnull (item);
  return find_row_in (GTK_WIDGET (fixture->sidebar), item);
}

static GtkRevealer *
find_revealer_showing (GtkWidget  *widget,
                       const char *text)
{
  if (GTK_IS_REVEALER (widget) && gtk_revealer_get_child (GTK_REVEALER (widget)) != NULL &&
      sc_test_shows_text (gtk_revealer_get_child (GTK_REVEALER (widget)), text))
    return GTK_REVEALER (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkRevealer *found = find_revealer_showing (child, text);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* ---- Tests ------------------------------------------------------------ */

static void
test_load (Fixture       *fixture,
           gconstpointer  data)
{
  GListModel *model;
  gint64 previous = G_MAXINT64;
  GtkRevealer *lost;

  g_test_summary ("A text log is grouped for the project's snap only, newest first, "
                  "and lost records are counted and shown with the fix");
  SC_TEST_REQUIRE_DISPLAY ();

  g_assert_cmpstr (sc_denial_sidebar_get_page (fixture->sidebar), ==, "list");
  g_assert_cmpuint (sc_denial_sidebar_get_n_groups (fixture->sidebar), ==, N_GROUPS);
  g_assert_cmpuint (sc_denial_sidebar_get_n_visible (fixture->sidebar), ==, N_GROUPS);

  model = sc_denial_sidebar_get_model (fixture->sidebar);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(ScDenialItem) item = g_list_model_get_item (model, i);
      ScDenial *denial = sc_denial_item_get_denial (item);

      g_assert_cmpstr (denial->snap, ==, "foo");
      g_assert_cmpint (sc_denial_item_get_last_seen (item), <=, previous);
      previous = sc_denial_item_get_last_seen (item);
    }

  g_assert_cmpuint (sc_denial_item_get_count (find_item (fixture, "/dev/video0")), ==, 2);
  g_assert_null (find_item (fixture, "/etc/bar.conf"));

  g_assert_cmpuint (sc_denial_sidebar_get_n_lost (fixture->sidebar), ==, 5);
  lost = find_revealer_showing (GTK_WIDGET (fixture->sidebar), "5 records were lost");
  g_assert_nonnull (lost);
  g_assert_true (gtk_revealer_get_reveal_child (lost));
  g_assert_true (sc_test_shows_text (gtk_revealer_get_child (lost), "kernel.printk_ratelimit=0"));
}

typedef struct
{
  const char *object;
  const char *shown;            /* text the row shows for its first suggestion */
  const char *target;
  const char *plug;
  const char *def_interface;    /* NULL: no definition */
  const char *def_read;         /* first "read" path of the definition */
} AddCase;

static const AddCase add_cases[] = {
  { "/dev/video0", "camera", "foo", "camera", NULL, NULL },
  { "/home/alice/.gitconfig", "dot-gitconfig", "foo", "dot-gitconfig", "personal-files", "$HOME/.gitconfig" },
  { "/etc/foo.conf", "etc-foo-conf", "hook:configure", "etc-foo-conf", "system-files", "/etc/foo.conf" },
  { "net_admin", "network-control", "daemon", "network-control", NULL, NULL },
};

static void
test_add (Fixture       *fixture,
          gconstpointer  data)
{
  g_test_summary ("Each row shows its first suggestion, and Add emits add-plug with the "
                  "app or hook:NAME, the plug name and, for personal-files and "
                  "system-files, the top-level definition");
  SC_TEST_REQUIRE_DISPLAY ();

  for (guint i = 0; i < G_N_ELEMENTS (add_cases); i++)
    {
      const AddCase *c = &add_cases[i];
      ScDenialRow *row = find_row (fixture, c->object);
      GtkWidget *add;
      AddPlugCall *call;

      g_test_message ("case %u: %s", i, c->object);
      g_assert_nonnull (row);
      g_assert_true (sc_test_shows_text (GTK_WIDGET (row), c->shown));

      add = sc_test_find_button_with_label (GTK_WIDGET (row), "_Add");
      g_assert_nonnull (add);
      g_assert_true (gtk_widget_get_visible (add));
      g_assert_true (gtk_widget_get_sensitive (add));

      g_ptr_array_set_size (fixture->calls, 0);
      g_signal_emit_by_name (add, "clicked");
      g_assert_cmpuint (fixture->calls->len, ==, 1);
      call = g_ptr_array_index (fixture->calls, 0);
      g_assert_cmpstr (call->target, ==, c->target);
      g_assert_cmpstr (call->plug, ==, c->plug);

      if (c->def_interface == NULL)
        {
          g_assert_null (call->definition);
        }
      else
        {
          g_autoptr(GVariantDict) dict = NULL;
          g_autoptr(GVariant) read = NULL;
          const char *interface = NULL;
          const char *name = NULL;

          g_assert_nonnull (call->definition);
          g_assert_true (g_variant_is_of_type (call->definition, G_VARIANT_TYPE_VARDICT));
          dict = g_variant_dict_new (call->definition);
          g_assert_true (g_variant_dict_lookup (dict, "interface", "&s", &interface));
          g_assert_cmpstr (interface, ==, c->def_interface);
          /* The plug's name is its key; as an attribute snapd would keep it. */
          g_assert_false (g_variant_dict_lookup (dict, "name", "&s", &name));
          read = g_variant_dict_lookup_value (dict, "read", NULL);
          g_assert_nonnull (read);
          g_assert_cmpuint (g_variant_n_children (read), >=, 1);
          {
            g_autoptr(GVariant) first = g_variant_get_child_value (read, 0);
            g_autoptr(GVariant) inner = g_variant_is_of_type (first, G_VARIANT_TYPE_VARIANT)
                                        ? g_variant_get_variant (first) : g_variant_ref (first);
            g_assert_cmpstr (g_variant_get_string (inner, NULL), ==, c->def_read);
          }
        }
    }
}

static void
test_fix_and_missing_target (Fixture       *fixture,
                             gconstpointer  data)
{
  ScDenialRow *row;
  GtkWidget *add;

  g_test_summary ("A fix that is not an interface is advice without Add, and an app the "
                  "project does not declare cannot get a plug");
  SC_TEST_REQUIRE_DISPLAY ();

  row = find_row (fixture, "/snap/foo/12/cache/");
  g_assert_nonnull (row);
  g_assert_true (sc_test_shows_text (GTK_WIDGET (row), "Not an interface problem"));
  g_assert_true (sc_test_shows_text (GTK_WIDGET (row), "SNAP"));
  add = sc_test_find_button_with_label (GTK_WIDGET (row), "_Add");
  g_assert_nonnull (add);
  g_assert_false (gtk_widget_get_visible (add));

  row = find_row (fixture, "/dev/video1");
  g_assert_nonnull (row);
  g_assert_cmpstr (sc_denial_item_get_target (sc_denial_row_get_item (row)), ==, "ghost");
  add = sc_test_find_button_with_label (GTK_WIDGET (row), "_Add");
  g_assert_nonnull (add);
  g_assert_true (gtk_widget_get_visible (add));
  g_assert_false (gtk_widget_get_sensitive (add));
  g_signal_emit_by_name (add, "clicked");
  g_assert_cmpuint (fixture->calls->len, ==, 0);
}

static void
test_no_project (Fixture       *fixture,
                 gconstpointer  data)
{
  ScDenialRow *row;

  g_test_summary ("Without a project every snap is listed and Add is off");
  SC_TEST_REQUIRE_DISPLAY ();

  g_assert_null (sc_denial_sidebar_get_project (fixture->sidebar));
  g_assert_cmpuint (sc_denial_sidebar_get_n_groups (fixture->sidebar), ==, N_GROUPS + 1);
  g_assert_nonnull (find_item (fixture, "/etc/bar.conf"));
  row = find_row (fixture, "/dev/video0");
  g_assert_nonnull (row);
  g_assert_false (gtk_widget_get_sensitive (sc_test_find_button_with_label (GTK_WIDGET (row), "_Add")));
}

static void
test_details (Fixture       *fixture,
              gconstpointer  data)
{
  ScDenialRow *row;
  GtkWidget *toggle = NULL;

  g_test_summary ("Opening a row's details shows the raw record");
  SC_TEST_REQUIRE_DISPLAY ();

  row = find_row (fixture, "/home/alice/.gitconfig");
  g_assert_nonnull (row);
  g_assert_false (sc_test_shows_text (GTK_WIDGET (row), "denied_mask"));

  for (GtkWidget *w = gtk_widget_get_first_child (GTK_WIDGET (row)); w != NULL && toggle == NULL;
       w = gtk_widget_get_next_sibling (w))
    for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL; c = gtk_widget_get_next_sibling (c))
      if (GTK_IS_TOGGLE_BUTTON (c))
        toggle = c;
  g_assert_nonnull (toggle);

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), TRUE);
  sc_test_iterate (400);
  g_assert_true (sc_test_shows_text (GTK_WIDGET (row), "name=\"/home/alice/.gitconfig\""));

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), FALSE);
  /* The details slide away (250 ms); on a busy machine frames come late. */
  for (guint waited = 0; waited < 5000 && sc_test_shows_text (GTK_WIDGET (row), "denied_mask");
       waited += 100)
    sc_test_iterate (100);
  g_assert_false (sc_test_shows_text (GTK_WIDGET (row), "denied_mask"));
}

static void
test_details_log_changed (Fixture       *fixture,
                          gconstpointer  data)
{
  ScDenialRow *row;
  GtkWidget *toggle = NULL;
  g_autofree char *text = NULL;
  char *at;
  FILE *file;

  g_test_summary ("A card's record is read again from the text log when its details open; "
                  "when the log was rewritten since, the card says so instead of showing "
                  "other bytes");
  SC_TEST_REQUIRE_DISPLAY ();

  row = find_row (fixture, "/home/alice/.gitconfig");
  g_assert_nonnull (row);

  /* The log rewritten in place (same file, same size), as an editor or
   * copytruncate would. */
  g_assert_true (g_file_get_contents (fixture->log_path, &text, NULL, NULL));
  at = strstr (text, ".gitconfig");
  g_assert_nonnull (at);
  at[4] = 'k';
  file = fopen (fixture->log_path, "r+");
  g_assert_nonnull (file);
  g_assert_cmpuint (fwrite (text, 1, strlen (text), file), ==, strlen (text));
  fclose (file);

  for (GtkWidget *w = gtk_widget_get_first_child (GTK_WIDGET (row)); w != NULL && toggle == NULL;
       w = gtk_widget_get_next_sibling (w))
    for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL; c = gtk_widget_get_next_sibling (c))
      if (GTK_IS_TOGGLE_BUTTON (c))
        toggle = c;
  g_assert_nonnull (toggle);

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), TRUE);
  sc_test_iterate (400);
  g_assert_true (sc_test_shows_text (GTK_WIDGET (row), "The log changed since it was read"));
  g_assert_false (sc_test_shows_text (GTK_WIDGET (row), "denied_mask"));
}

/* Asks the card for a tooltip at the middle of @child, as GTK does when the
 * pointer rests there. */
static gboolean
card_offers_tooltip (ScDenialRow *row,
                     GtkWidget   *child)
{
  graphene_point_t point;
  GtkTooltip *tooltip = g_object_new (GTK_TYPE_TOOLTIP, NULL);
  gboolean shown = FALSE;

  g_assert_true (gtk_widget_compute_point (child, GTK_WIDGET (row),
                                           &GRAPHENE_POINT_INIT (gtk_widget_get_width (child) / 2.f,
                                                                 gtk_widget_get_height (child) / 2.f),
                                           &point));
  g_signal_emit_by_name (row, "query-tooltip", (int) point.x, (int) point.y, FALSE, tooltip, &shown);
  g_object_unref (tooltip);
  return shown;
}

static void
test_tooltips (Fixture       *fixture,
               gconstpointer  data)
{
  ScDenialRow *row;
  GtkWidget *ignore;
  GtkWidget *add;

  g_test_summary ("A card's buttons explain themselves when the pointer rests on them, "
                  "from one handler for the whole card");
  SC_TEST_REQUIRE_DISPLAY ();

  row = find_row (fixture, "/dev/video0");
  g_assert_nonnull (row);
  sc_test_iterate (100);
  ignore = sc_test_find_button_with_label (GTK_WIDGET (row), "_Ignore");
  add = sc_test_find_button_with_label (GTK_WIDGET (row), "_Add");
  g_assert_nonnull (ignore);
  g_assert_nonnull (add);
  g_assert_false (gtk_widget_get_has_tooltip (ignore));
  g_assert_true (gtk_widget_get_has_tooltip (GTK_WIDGET (row)));
  g_assert_true (card_offers_tooltip (row, ignore));
  g_assert_true (card_offers_tooltip (row, add));
}

static void
test_ignore (Fixture       *fixture,
             gconstpointer  data)
{
  ScDenialRow *row;
  GtkWidget *ignore;
  const char * const *ignored;
  g_autofree char *key = NULL;

  g_test_summary ("Ignore hides a group, updates the ignored keys once, and offers undo; "
                  "clearing the keys shows it again");
  SC_TEST_REQUIRE_DISPLAY ();

  row = find_row (fixture, "/dev/video0");
  g_assert_nonnull (row);
  key = g_strdup (sc_denial_item_get_key (sc_denial_row_get_item (row)));
  ignore = sc_test_find_button_with_label (GTK_WIDGET (row), "_Ignore");
  g_assert_nonnull (ignore);

  g_signal_emit_by_name (ignore, "clicked");
  g_assert_cmpuint (fixture->n_ignored_notify, ==, 1);
  g_assert_cmpuint (fixture->n_toasts, ==, 1);
  g_assert_cmpuint (sc_denial_sidebar_get_n_visible (fixture->sidebar), ==, N_GROUPS - 1);
  g_assert_cmpuint (sc_denial_sidebar_get_n_groups (fixture->sidebar), ==, N_GROUPS);
  g_assert_null (find_item (fixture, "/dev/video0"));
  ignored = sc_denial_sidebar_get_ignored (fixture->sidebar);
  g_assert_cmpuint (g_strv_length ((char **) ignored), ==, 1);
  g_assert_cmpstr (ignored[0], ==, key);

  /* Setting the same keys again is not a change. */
  sc_denial_sidebar_set_ignored (fixture->sidebar, (const char * const []) { key, NULL });
  g_assert_cmpuint (fixture->n_ignored_notify, ==, 1);

  sc_denial_sidebar_set_ignored (fixture->sidebar, NULL);
  g_assert_cmpuint (fixture->n_ignored_notify, ==, 2);
  g_assert_cmpuint (sc_denial_sidebar_get_n_visible (fixture->sidebar), ==, N_GROUPS);
  g_assert_nonnull (find_item (fixture, "/dev/video0"));

  /* Keys restored from settings before a reload hide the group as it loads. */
  sc_denial_sidebar_set_ignored (fixture->sidebar, (const char * const []) { key, NULL });
  sc_denial_sidebar_reload (fixture->sidebar);
  g_assert_true (spin_until (loaded, fixture, 30));
  g_assert_cmpuint (sc_denial_sidebar_get_n_groups (fixture->sidebar), ==, N_GROUPS);
  g_assert_cmpuint (sc_denial_sidebar_get_n_visible (fixture->sidebar), ==, N_GROUPS - 1);
}

#define N_MANY 2000

/* Lets the list view bind its rows, checks that fewer items were made
 * since MADE than a filter asking each group would make, and gives the
 * new count. */
static guint
assert_few_made (ScDenialModel *model,
                 guint          made)
{
  guint now;

  sc_test_iterate (100);
  now = sc_denial_model_get_n_made (model);
  g_test_message ("items made by a filter change: %u", now - made);
  g_assert_cmpuint (now - made, <, N_MANY / 4);
  return now;
}

static void
test_filter_makes_no_items (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;
  ScDenialModel *model;
  guint made;

  g_test_summary ("Show noise and Ignore decide from the groups, not from items: with "
                  "2,000 groups a filter change makes no more items than the rows need");
  SC_TEST_REQUIRE_DISPLAY ();

  /* Every other group comes from a child profile: noise. */
  for (guint i = 0; i < N_MANY; i++)
    g_string_append_printf (text,
                            "2026-11-24T14:%02u:%02u.482150+00:00 alpha kernel: [81461.616942] "
                            "audit: type=1400 audit(%u.482:%u): apparmor=\"DENIED\" "
                            "operation=\"open\" class=\"file\" profile=\"snap.foo.foo%s\" "
                            "name=\"/srv/data/file-%u\" pid=4242 comm=\"foo\" requested_mask=\"r\" "
                            "denied_mask=\"r\" fsuid=1000 ouid=0\n",
                            i / 60, i % 60, 1795532000 + i, 2000 + i,
                            i % 2 == 1 ? "//helper" : "", i);
  g_file_set_contents (fixture->log_path, text->str, text->len, &error);
  g_assert_no_error (error);
  sc_denial_sidebar_reload (fixture->sidebar);
  g_assert_true (spin_until (loaded, fixture, 30));
  sc_test_iterate (300);

  model = SC_DENIAL_MODEL (sc_denial_sidebar_get_model (fixture->sidebar));
  g_assert_cmpuint (sc_denial_sidebar_get_n_groups (fixture->sidebar), ==, N_MANY);
  g_assert_cmpuint (sc_denial_sidebar_get_n_visible (fixture->sidebar), ==, N_MANY / 2);
  {
    g_autoptr(ScDenialItem) top = g_list_model_get_item (G_LIST_MODEL (model), 0);

    g_assert_false (sc_denial_item_get_noise (top));
    key = g_strdup (sc_denial_item_get_key (top));
  }

  /* A filter that looked at items would make one for every group it
   * asks about (N_MANY / 2 at least); the list view's rows ask for at
   * most 200 they show. */
  made = sc_denial_model_get_n_made (model);
  sc_denial_sidebar_set_show_noise (fixture->sidebar, TRUE);
  g_assert_cmpuint (sc_denial_sidebar_get_n_visible (fixture->sidebar), ==, N_MANY);
  made = assert_few_made (model, made);
  sc_denial_sidebar_set_ignored (fixture->sidebar, (const char * const []) { key, NULL });
  g_assert_cmpuint (sc_denial_sidebar_get_n_visible (fixture->sidebar), ==, N_MANY - 1);
  made = assert_few_made (model, made);
  sc_denial_sidebar_set_show_noise (fixture->sidebar, FALSE);
  g_assert_cmpuint (sc_denial_sidebar_get_n_visible (fixture->sidebar), ==, N_MANY / 2 - 1);
  made = assert_few_made (model, made);
  sc_denial_sidebar_set_ignored (fixture->sidebar, NULL);
  g_assert_cmpuint (sc_denial_sidebar_get_n_visible (fixture->sidebar), ==, N_MANY / 2);
  assert_few_made (model, made);
  g_assert_null (find_item (fixture, "/srv/data/file-1"));
  g_assert_nonnull (find_item (fixture, "/srv/data/file-2"));
}

static gboolean
follow_arrived (Fixture *fixture)
{
  ScDenialItem *camera = find_item (fixture, "/dev/video0");

  return sc_denial_sidebar_get_n_groups (fixture->sidebar) == N_GROUPS + 1 &&
         camera != NULL && sc_denial_item_get_count (camera) == 3;
}

static void
test_follow (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(ScDenialItem) first = NULL;

  g_test_summary ("With Follow on, lines appended to the log update an existing group and "
                  "add a new one, which moves to the top");
  SC_TEST_REQUIRE_DISPLAY ();

  /* A log is not followed until asked. */
  g_assert_false (sc_denial_sidebar_get_follow (fixture->sidebar));
  sc_denial_sidebar_set_follow (fixture->sidebar, TRUE);
  sc_test_iterate (200);

  file = g_file_new_for_path (fixture->log_path);
  stream = g_file_append_to (file, G_FILE_CREATE_NONE, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_write_all (G_OUTPUT_STREAM (stream), appended_text, strlen (appended_text),
                             NULL, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, &error);
  g_assert_no_error (error);

  g_assert_true (spin_until (follow_arrived, fixture, 20));
  g_assert_nonnull (find_item (fixture, "/media/alice/usb/photo.jpg"));

  first = g_list_model_get_item (sc_denial_sidebar_get_model (fixture->sidebar), 0);
  g_assert_cmpstr (sc_denial_item_get_object (first), ==, "/media/alice/usb/photo.jpg");
}

static void
test_follow_replaced (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *longer = g_strconcat (log_text, appended_text, NULL);
  ScDenialItem *notify;

  g_test_summary ("A followed log replaced by a file holding the same lines and more (an "
                  "editor's save) adds only the new lines");
  SC_TEST_REQUIRE_DISPLAY ();

  sc_denial_sidebar_set_follow (fixture->sidebar, TRUE);
  sc_test_iterate (200);

  /* g_file_set_contents() writes a new file and renames it over the log. */
  g_file_set_contents (fixture->log_path, longer, -1, &error);
  g_assert_no_error (error);

  g_assert_true (spin_until (follow_arrived, fixture, 20));
  sc_test_iterate (300);
  g_assert_cmpuint (sc_denial_item_get_count (find_item (fixture, "/dev/video0")), ==, 3);
  /* A record without an audit id, which nothing else would tell apart. */
  notify = find_item (fixture, "session org.freedesktop.Notifications "
                               "org.freedesktop.Notifications.Notify /org/freedesktop/Notifications");
  g_assert_nonnull (notify);
  g_assert_cmpuint (sc_denial_item_get_count (notify), ==, 1);
  g_assert_cmpuint (sc_denial_sidebar_get_n_lost (fixture->sidebar), ==, 5);
}

static void
test_dismiss_lost (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkRevealer *lost;

  g_test_summary ("The records-were-lost warning can be dismissed and stays away after a "
                  "reload shows it again");
  SC_TEST_REQUIRE_DISPLAY ();

  lost = find_revealer_showing (GTK_WIDGET (fixture->sidebar), "5 records were lost");
  g_assert_nonnull (lost);
  g_assert_true (gtk_revealer_get_reveal_child (lost));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->sidebar),
                                             "sidebar.dismiss-lost", NULL));
  g_assert_false (gtk_revealer_get_reveal_child (lost));
  /* Still counted. */
  g_assert_cmpuint (sc_denial_sidebar_get_n_lost (fixture->sidebar), ==, 5);
}

static gboolean
has_groups (Fixture *fixture)
{
  return loaded (fixture) && sc_denial_sidebar_get_n_groups (fixture->sidebar) > 0;
}

static gboolean
source_label_shows (GtkWidget  *widget,
                    const char *text,
                    gboolean   *whole)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0)
    {
      int min = 0, nat = 0;

      gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
      *whole = min >= nat;
      return TRUE;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (source_label_shows (child, text, whole))
      return TRUE;
  return FALSE;
}

static void
test_paste (Fixture       *fixture,
            gconstpointer  data)
{
  /* As copied from a forum post: the syslog prefix and a second record. */
  static const char pasted[] =
    "Nov 24 09:12:09 devbox kernel: audit: type=1400 audit(1795511529.500:310): "
    "apparmor=\"DENIED\" operation=\"open\" class=\"file\" profile=\"snap.foo.foo\" "
    "name=\"/dev/video3\" pid=4121 comm=\"foo\" requested_mask=\"wr\" denied_mask=\"wr\" "
    "fsuid=1000 ouid=0\n"
    "Nov 24 09:12:10 devbox kernel: audit: type=1400 audit(1795511530.500:311): "
    "apparmor=\"DENIED\" operation=\"open\" class=\"file\" profile=\"snap.foo.daemon\" "
    "name=\"/etc/ssl/private/key.pem\" pid=4122 comm=\"foo-daemon\" requested_mask=\"r\" "
    "denied_mask=\"r\" fsuid=0 ouid=0\n";
  gboolean whole = FALSE;
  ScDenialRow *row;

  g_test_summary ("Records pasted with Ctrl+V on the sidebar are read as a log and listed "
                  "with their suggestions; the source says they were pasted");
  SC_TEST_REQUIRE_DISPLAY ();

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (fixture->sidebar)), pasted);
  gtk_widget_grab_focus (GTK_WIDGET (fixture->sidebar));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->sidebar), "sidebar.paste", NULL));
  sc_test_iterate (100);
  g_assert_true (spin_until (has_groups, fixture, 20));
  sc_test_iterate (300);

  g_assert_cmpuint (sc_denial_sidebar_get_n_groups (fixture->sidebar), ==, 2);
  g_assert_null (find_item (fixture, "/dev/video0"));
  row = find_row (fixture, "/dev/video3");
  g_assert_nonnull (row);
  g_assert_true (sc_test_shows_text (GTK_WIDGET (row), "camera"));
  g_assert_true (source_label_shows (GTK_WIDGET (fixture->sidebar), "Pasted Records", &whole));

  /* Back to a log: the pasted copy is gone. */
  set_log_source (fixture, fixture->log_path);
  g_assert_true (spin_until (loaded, fixture, 30));
  g_assert_cmpuint (sc_denial_sidebar_get_n_groups (fixture->sidebar), ==, N_GROUPS);
}

static GtkWidget *
find_text_view (GtkWidget *widget)
{
  if (GTK_IS_TEXT_VIEW (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_text_view (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_paste_dialog (Fixture       *fixture,
                   gconstpointer  data)
{
  /* One record as copied from a page: no final newline. */
  static const char pasted[] =
    "2026-11-24T14:53:40.482150+00:00 alpha kernel: audit: type=1400 audit(1795532040.482:1400): "
    "apparmor=\"DENIED\" operation=\"open\" class=\"file\" profile=\"snap.foo.foo\" "
    "name=\"/dev/video7\" pid=4242 comm=\"foo\" requested_mask=\"wr\" denied_mask=\"wr\" "
    "fsuid=1000 ouid=0";
  GListModel *toplevels = gtk_window_get_toplevels ();
  AdwMessageDialog *dialog = NULL;
  GtkWidget *view;

  g_test_summary ("Paste Records… opens a dialog to paste into; Show Suggestions lists the "
                  "records, even one without a final newline");
  SC_TEST_REQUIRE_DISPLAY ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->sidebar),
                                             "sidebar.paste-records", NULL));
  sc_test_iterate (100);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels) && dialog == NULL; i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window))
        dialog = ADW_MESSAGE_DIALOG (window);
    }
  g_assert_nonnull (dialog);
  view = find_text_view (GTK_WIDGET (dialog));
  g_assert_nonnull (view);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), pasted, -1);
  adw_message_dialog_response (dialog, "show");
  gtk_window_close (GTK_WINDOW (dialog));

  g_assert_true (spin_until (has_groups, fixture, 20));
  g_assert_true (spin_until (loaded, fixture, 20));
  sc_test_iterate (200);
  g_assert_cmpuint (sc_denial_sidebar_get_n_groups (fixture->sidebar), ==, 1);
  g_assert_nonnull (find_row (fixture, "/dev/video7"));
}

static void
test_system_journal_state (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *problem = NULL;
  g_autofree char *log = g_build_filename (fixture->dir, "denials.log", NULL);
  g_autoptr(GError) error = NULL;
  gboolean whole = FALSE;
  ScDenialSourceProblem state;
  GtkWidget *open;

  g_test_summary ("On the system journal the source label is whole; where AppArmor is off or "
                  "the journal unreadable the empty state says so instead of 'nothing was "
                  "refused', and the project's own log is offered");
  SC_TEST_REQUIRE_DISPLAY ();

  /* The project keeps a log of its own: offered by name. */
  g_file_set_contents (log, appended_text, -1, &error);
  g_assert_no_error (error);
  g_clear_object (&fixture->project);
  fixture->project = sc_project_load (fixture->dir, &error);
  g_assert_no_error (error);
  sc_denial_sidebar_set_project (fixture->sidebar, NULL);
  sc_denial_sidebar_set_project (fixture->sidebar, fixture->project);

  sc_denial_sidebar_set_source (fixture->sidebar, NULL);
  g_assert_true (spin_until (loaded, fixture, 60));
  sc_test_iterate (100);
  g_assert_true (source_label_shows (GTK_WIDGET (fixture->sidebar), "System Journal", &whole));
  g_assert_true (whole);

  state = sc_denial_source_check_system (NULL, NULL, &problem);
  g_test_message ("this machine: %s", problem != NULL ? problem : "journal readable, AppArmor on");
  if (sc_denial_sidebar_get_n_groups (fixture->sidebar) == 0 &&
      g_strcmp0 (sc_denial_sidebar_get_page (fixture->sidebar), "empty") == 0)
    {
      g_assert_true (sc_test_shows_text (GTK_WIDGET (fixture->sidebar), "Nothing was refused") ==
                     (state == SC_DENIAL_SOURCE_OK));
      if (state != SC_DENIAL_SOURCE_OK)
        g_assert_true (sc_test_shows_text (GTK_WIDGET (fixture->sidebar), problem));
      open = sc_test_find_button_with_label (GTK_WIDGET (fixture->sidebar), "_Open “denials.log”");
      g_assert_nonnull (open);
      g_assert_true (gtk_widget_get_visible (open));
    }

  /* The project's log, in one click. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->sidebar),
                                             "sidebar.open-project-log", NULL));
  g_assert_true (spin_until (has_groups, fixture, 30));
  g_assert_cmpuint (sc_denial_sidebar_get_n_groups (fixture->sidebar), ==, 2);
  g_assert_true (source_label_shows (GTK_WIDGET (fixture->sidebar), "denials.log", &whole));
  g_unlink (log);
}

static void
test_max_groups (Fixture       *fixture,
                 gconstpointer  data)
{
  g_test_summary ("With a limit on groups the sidebar lists that many and says how many more "
                  "were not shown");
  SC_TEST_REQUIRE_DISPLAY ();

  sc_denial_sidebar_set_max_groups (fixture->sidebar, 3);
  g_assert_true (spin_until (loaded, fixture, 30));
  sc_test_iterate (100);
  g_assert_cmpuint (sc_denial_sidebar_get_n_groups (fixture->sidebar), ==, 3);
  g_assert_cmpuint (sc_denial_sidebar_get_n_dropped (fixture->sidebar), ==, N_GROUPS - 3);
  g_assert_true (sc_test_shows_text (GTK_WIDGET (fixture->sidebar), "4 more groups not shown"));

  sc_denial_sidebar_set_max_groups (fixture->sidebar, 0);
  g_assert_true (spin_until (loaded, fixture, 30));
  g_assert_cmpuint (sc_denial_sidebar_get_n_groups (fixture->sidebar), ==, N_GROUPS);
  g_assert_false (sc_test_shows_text (GTK_WIDGET (fixture->sidebar), "not shown"));
}

static void
test_unreadable (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *missing = NULL;

  g_test_summary ("A source that cannot be read shows an error page naming it, not an "
                  "empty list");
  SC_TEST_REQUIRE_DISPLAY ();

  missing = g_build_filename (fixture->dir, "no-such.log", NULL);
  set_log_source (fixture, missing);
  g_assert_true (spin_until (loaded, fixture, 30));
  g_assert_cmpstr (sc_denial_sidebar_get_page (fixture->sidebar), ==, "error");
  g_assert_cmpuint (sc_denial_sidebar_get_n_groups (fixture->sidebar), ==, 0);
  g_assert_true (sc_test_shows_text (GTK_WIDGET (fixture->sidebar), missing));

  /* Back to a readable source, the list returns. */
  set_log_source (fixture, fixture->log_path);
  g_assert_true (spin_until (loaded, fixture, 30));
  g_assert_cmpstr (sc_denial_sidebar_get_page (fixture->sidebar), ==, "list");
  g_assert_cmpuint (sc_denial_sidebar_get_n_groups (fixture->sidebar), ==, N_GROUPS);

  if (geteuid () != 0)
    {
      g_assert_cmpint (g_chmod (fixture->log_path, 0), ==, 0);
      set_log_source (fixture, fixture->log_path);
      g_assert_true (spin_until (loaded, fixture, 30));
      g_assert_cmpstr (sc_denial_sidebar_get_page (fixture->sidebar), ==, "error");
      g_assert_true (sc_test_shows_text (GTK_WIDGET (fixture->sidebar), "Permission denied"));
      g_chmod (fixture->log_path, 0644);
    }
  else
    {
      g_test_message ("running as root: a file without read permission is still readable, "
                      "so only the missing-file case was checked");
    }
}

static void
test_sort_by_count (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(ScDenialItem) first = NULL;

  g_test_summary ("Sorting by count puts the most frequent group first");
  SC_TEST_REQUIRE_DISPLAY ();

  g_object_set (fixture->sidebar, "sort-by", "count", NULL);
  first = g_list_model_get_item (sc_denial_sidebar_get_model (fixture->sidebar), 0);
  g_assert_cmpstr (sc_denial_item_get_object (first), ==, "/dev/video0");
  g_assert_cmpuint (sc_denial_sidebar_get_n_visible (fixture->sidebar), ==, N_GROUPS);
}

static gboolean
loaded_many (Fixture *fixture)
{
  return loaded (fixture) && sc_denial_sidebar_get_n_visible (fixture->sidebar) == 3000;
}

static void
assert_model_sorted (GListModel *model,
                     gboolean    by_count)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 1; i < n; i++)
    {
      g_autoptr(ScDenialItem) a = g_list_model_get_item (model, i - 1);
      g_autoptr(ScDenialItem) b = g_list_model_get_item (model, i);

      if (by_count && sc_denial_item_get_count (a) != sc_denial_item_get_count (b))
        g_assert_cmpuint (sc_denial_item_get_count (a), >, sc_denial_item_get_count (b));
      else
        g_assert_cmpint (sc_denial_item_get_last_seen (a), >=, sc_denial_item_get_last_seen (b));
    }
}

static void
test_order_many (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GString) log = g_string_new (NULL);
  g_autofree char *path = g_build_filename (fixture->dir, "many.log", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ScDenialItem) first = NULL;
  guint serial = 1000;

  g_test_summary ("3,000 groups read out of time order, some twice, are listed newest "
                  "first, and by count when asked: the list is filled a few groups at a "
                  "time, each time with the first ones of those still waiting");
  SC_TEST_REQUIRE_DISPLAY ();

  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < 3000; i++)
      {
        /* A permutation of 0..2999: records arrive out of time order. */
        guint t = (i * 7919) % 3000;

        if (pass == 1 && t % 10 != 0)
          continue;
        g_string_append_printf (log,
                                "Nov 24 09:12:01 devbox kernel: audit: type=1400 "
                                "audit(%u.000:%u): apparmor=\"ALLOWED\" operation=\"open\" "
                                "class=\"file\" profile=\"snap.foo.foo\" "
                                "name=\"/home/ana/.config/foo/f%u\" pid=4121 comm=\"foo\" "
                                "requested_mask=\"r\" denied_mask=\"r\" fsuid=1000 ouid=1000\n",
                                1795511521 + t + pass * 5000, serial++, t);
      }
  g_file_set_contents (path, log->str, log->len, &error);
  g_assert_no_error (error);

  set_log_source (fixture, path);
  g_assert_true (spin_until (loaded_many, fixture, 60));
  assert_model_sorted (sc_denial_sidebar_get_model (fixture->sidebar), FALSE);
  /* The newest: one read twice, last seen in the second pass. */
  first = g_list_model_get_item (sc_denial_sidebar_get_model (fixture->sidebar), 0);
  g_assert_cmpuint (sc_denial_item_get_count (first), ==, 2);
  g_assert_cmpstr (sc_denial_item_get_object (first), ==, "/home/ana/.config/foo/f2990");

  g_object_set (fixture->sidebar, "sort-by", "count", NULL);
  assert_model_sorted (sc_denial_sidebar_get_model (fixture->sidebar), TRUE);
  g_unlink (path);
}

/* ---- Tests without a window ------------------------------------------- */

static void
test_relative_time (void)
{
  static const struct {
    gint64      ago_sec;
    const char *expected;
  } cases[] = {
    { 0, "just now" },
    { 59, "just now" },
    { 60, "1 min ago" },
    { 150, "2 min ago" },
    { 3600, "1 h ago" },
    { 5 * 3600, "5 h ago" },
    { 30 * 3600, "yesterday" },
    { 3 * 86400, "3 days ago" },
    { -20, "just now" },          /* clock skew: not "in the future" */
  };
  gint64 now = g_get_real_time ();

  g_test_summary ("Last-seen times read like GNOME's relative times");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = sc_denial_format_relative_time (now - cases[i].ago_sec * G_USEC_PER_SEC, now);
      g_assert_cmpstr (text, ==, cases[i].expected);
    }

  {
    g_autofree char *none = sc_denial_format_relative_time (0, now);
    g_autofree char *old = sc_denial_format_relative_time (now - G_GINT64_CONSTANT (40) * 86400 * G_USEC_PER_SEC, now);

    g_assert_cmpstr (none, ==, "");
    g_assert_true (g_ascii_isdigit (g_strstrip (old)[0]));
  }
}

static void
test_kind_icons (void)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  g_test_summary ("Every kind of denial has its own symbolic icon");

  for (int kind = SC_DENIAL_KIND_FILE; kind <= SC_DENIAL_KIND_OTHER; kind++)
    {
      const char *icon = sc_denial_kind_icon_name ((ScDenialKind) kind);

      g_assert_true (g_str_has_suffix (icon, "-symbolic"));
      g_assert_false (g_hash_table_contains (seen, icon));
      g_hash_table_add (seen, (gpointer) icon);
    }
}

static void
test_templates (void)
{
  GtkWidget *row;
  GtkWidget *sidebar;

  g_test_summary ("Both templates build (a widget newer than libadwaita 1.2 would abort here)");
  SC_TEST_REQUIRE_DISPLAY ();

  row = g_object_ref_sink (sc_denial_row_new ());
  g_assert_null (sc_denial_row_get_item (SC_DENIAL_ROW (row)));
  g_assert_finalize_object (row);

  sidebar = g_object_ref_sink (sc_denial_sidebar_new ());
  g_assert_false (sc_denial_sidebar_get_loading (SC_DENIAL_SIDEBAR (sidebar)));
  g_assert_true (sc_denial_sidebar_get_follow (SC_DENIAL_SIDEBAR (sidebar)));
  g_assert_cmpuint (sc_denial_sidebar_get_n_groups (SC_DENIAL_SIDEBAR (sidebar)), ==, 0);
  g_assert_finalize_object (sidebar);
}

/* ---- The window writes what suggest --apply writes --------------------- */

/* The skylark example's records for its settings file: read, write and
 * create, read again. */
static const char settings_log[] =
  "Nov 24 09:12:01 devbox kernel: audit: type=1400 audit(1795511521.120:301): apparmor=\"ALLOWED\" "
  "operation=\"open\" class=\"file\" profile=\"snap.skylark.skylark\" "
  "name=\"/home/ana/.config/skylark/settings.ini\" pid=4121 comm=\"skylark\" requested_mask=\"r\" "
  "denied_mask=\"r\" fsuid=1000 ouid=1000\n"
  "Nov 24 09:12:01 devbox kernel: audit: type=1400 audit(1795511521.122:302): apparmor=\"ALLOWED\" "
  "operation=\"open\" class=\"file\" profile=\"snap.skylark.skylark\" "
  "name=\"/home/ana/.config/skylark/settings.ini\" pid=4121 comm=\"skylark\" requested_mask=\"wc\" "
  "denied_mask=\"wc\" fsuid=1000 ouid=1000\n"
  "Nov 24 09:12:12 devbox kernel: audit: type=1400 audit(1795511532.080:318): apparmor=\"ALLOWED\" "
  "operation=\"open\" class=\"file\" profile=\"snap.skylark.skylark\" "
  "name=\"/home/ana/.config/skylark/settings.ini\" pid=4121 comm=\"skylark\" requested_mask=\"r\" "
  "denied_mask=\"r\" fsuid=1000 ouid=1000\n"
  /* A notification: the gnome extension gives skylark the desktop plug. */
  "Nov 24 09:12:10 devbox dbus-daemon[1432]: apparmor=\"ALLOWED\" operation=\"dbus_method_call\"  "
  "bus=\"session\" path=\"/org/freedesktop/Notifications\" interface=\"org.freedesktop.Notifications\" "
  "member=\"Notify\" mask=\"send\" name=\"org.freedesktop.Notifications\" pid=4121 "
  "label=\"snap.skylark.skylark\" peer_pid=2011 peer_label=\"unconfined\"\n";

/* The same project with a definition of that name the import app lists,
 * which grants two folders for reading. */
static const char existing_definition[] =
  "\nplugs:\n"
  "  dot-config-skylark:\n"
  "    interface: personal-files\n"
  "    read: [$HOME/.config/skylark, $HOME/.local/share/skylark]\n";

#define TEST_SNAP "skylark-sidebar-test"

/* TEXT, a log of the skylark example, with the records of TEST_SNAP. */
static void
write_renamed_log (const char *path,
                   const char *text)
{
  g_autoptr(GString) out = g_string_new (text);
  g_autoptr(GError) error = NULL;

  g_string_replace (out, "\"snap.skylark.", "\"snap." TEST_SNAP ".", 0);
  g_string_replace (out, "subj=snap.skylark.", "subj=snap." TEST_SNAP ".", 0);
  g_string_replace (out, "/snap/skylark/", "/snap/" TEST_SNAP "/", 0);
  g_file_set_contents (path, out->str, out->len, &error);
  g_assert_no_error (error);
}

static char *
example_path (const char *name)
{
  const char *root = g_getenv ("SC_SOURCE_ROOT");

  return g_build_filename (root != NULL ? root : SOURCE_ROOT, "examples", "skylark", name, NULL);
}

/* A copy of the skylark project in a new folder; EXTRA is appended to its
 * snapcraft.yaml and the import app lists LIST_FOR_IMPORT when not NULL. */
static char *
copy_skylark (const char *extra,
              const char *list_for_import)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("sc-sidebar-window-XXXXXX", &error);
  g_autofree char *snap = g_build_filename (dir, "snap", NULL);
  g_autofree char *yaml = g_build_filename (snap, "snapcraft.yaml", NULL);
  g_autofree char *source = example_path ("snap/snapcraft.yaml");
  g_autofree char *text = NULL;
  g_autoptr(GString) out = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir (snap, 0755), ==, 0);
  g_file_get_contents (source, &text, NULL, &error);
  g_assert_no_error (error);
  out = g_string_new (text);
  /* A snap name of its own: `suggest` asks the machine's snapd about the
   * snap, and other tests may install a "skylark" there meanwhile. */
  g_assert_cmpuint (g_string_replace (out, "\nname: skylark\n", "\nname: " TEST_SNAP "\n", 1),
                    ==, 1);
  if (list_for_import != NULL)
    {
      g_autofree char *with = g_strdup_printf ("    command: bin/skylark-import\n    plugs: [%s]\n",
                                               list_for_import);
      g_assert_cmpuint (g_string_replace (out, "    command: bin/skylark-import\n", with, 1),
                        ==, 1);
    }
  if (extra != NULL)
    g_string_append (out, extra);
  g_file_set_contents (yaml, out->str, out->len, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&dir);
}

static char *
read_project_yaml (const char *dir)
{
  g_autofree char *yaml = g_build_filename (dir, "snap", "snapcraft.yaml", NULL);
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (yaml, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

static void
remove_project (const char *dir)
{
  g_autofree char *yaml = g_build_filename (dir, "snap", "snapcraft.yaml", NULL);
  g_autofree char *snap = g_build_filename (dir, "snap", NULL);

  g_unlink (yaml);
  g_rmdir (snap);
  g_rmdir (dir);
}

static GtkWidget *
find_sidebar_in (GtkWidget *widget)
{
  if (SC_IS_DENIAL_SIDEBAR (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_sidebar_in (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The row of the group on an object containing OBJECT whose denied permissions are PERMS. */
static ScDenialRow *
find_row_with (GtkWidget  *sidebar,
               const char *object,
               const char *perms)
{
  GListModel *model = sc_denial_sidebar_get_model (SC_DENIAL_SIDEBAR (sidebar));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(ScDenialItem) item = g_list_model_get_item (model, i);

      if (strstr (sc_denial_item_get_object (item), object) != NULL &&
          (perms == NULL ||
           g_strcmp0 (sc_denial_item_get_denial (item)->permissions, perms) == 0))
        return find_row_in (sidebar, item);
    }
  return NULL;
}

static gboolean
sidebar_has_rows (Fixture *fixture)
{
  GtkWidget *sidebar = GTK_WIDGET (fixture->sidebar);

  return !sc_denial_sidebar_get_loading (fixture->sidebar) &&
         find_row_with (sidebar, "/.config/skylark/settings.ini", "wc") != NULL &&
         find_row_with (sidebar, "/.config/skylark/settings.ini", "r") != NULL;
}

static gboolean
visible_label_shows (GtkWidget  *widget,
                     const char *text)
{
  if (!gtk_widget_get_visible (widget))
    return FALSE;
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (visible_label_shows (child, text))
      return TRUE;
  return FALSE;
}

static void
click_add (ScDenialRow *row)
{
  GtkWidget *add = sc_test_find_button_with_label (GTK_WIDGET (row), "_Add");

  g_assert_nonnull (add);
  g_assert_true (gtk_widget_get_visible (add));
  g_assert_true (gtk_widget_is_sensitive (add));
  g_signal_emit_by_name (add, "clicked");
  sc_test_iterate (50);
}

static void
run_cli_suggest_apply (const char *dir,
                       const char *log)
{
  const char *cli = g_getenv ("SNAPCONFINE_CLI");
  const char *argv[] = { cli, "suggest", dir, "--log", log, "--apply", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  g_assert_nonnull (cli);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, &err,
                &status, &error);
  g_assert_no_error (error);
  g_test_message ("suggest --apply: %s", err);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);
}

static void
check_window_matches_cli (const char *extra,
                          const char *list_for_import,
                          const char *expect_definition)
{
  g_autofree char *window_dir = copy_skylark (extra, list_for_import);
  g_autofree char *cli_dir = copy_skylark (extra, list_for_import);
  g_autofree char *log = g_build_filename (window_dir, "denials.log", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (window_dir);
  g_autoptr(GError) error = NULL;
  g_autofree char *window_text = NULL;
  g_autofree char *cli_text = NULL;
  g_auto(ScJournalOptions) options = { 0 };
  Fixture fixture = { 0 };
  ScWindow *window;
  GtkWindow *dialog;
  ScDenialRow *read_row, *write_row, *notify_row;

  write_renamed_log (log, settings_log);
  g_assert_no_error (error);

  window = g_object_ref_sink (sc_window_new (NULL));
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (sc_window_open (window, file, &error));
  g_assert_no_error (error);
  sc_window_set_show_denials (window, TRUE);
  sc_test_iterate (50);
  fixture.sidebar = SC_DENIAL_SIDEBAR (find_sidebar_in (GTK_WIDGET (window)));
  g_assert_nonnull (fixture.sidebar);
  options.type = SC_JOURNAL_SOURCE_LOG;
  options.path = g_strdup (log);
  sc_denial_sidebar_set_source (fixture.sidebar, &options);
  if (!spin_until (sidebar_has_rows, &fixture, 30))
    g_error ("no rows: page %s, %u groups, %u shown, loading %d, mapped %d",
             sc_denial_sidebar_get_page (fixture.sidebar),
             sc_denial_sidebar_get_n_groups (fixture.sidebar),
             sc_denial_sidebar_get_n_visible (fixture.sidebar),
             sc_denial_sidebar_get_loading (fixture.sidebar),
             gtk_widget_get_mapped (GTK_WIDGET (fixture.sidebar)));

  /* The desktop plug comes with the gnome extension: nothing to add. */
  notify_row = find_row_with (GTK_WIDGET (fixture.sidebar),
                              "Notifications.Notify", NULL);
  g_assert_nonnull (notify_row);
  g_assert_false (gtk_widget_get_visible (sc_test_find_button_with_label (GTK_WIDGET (notify_row),
                                                                          "_Add")));
  g_assert_true (visible_label_shows (GTK_WIDGET (notify_row), "From extension"));

  read_row = find_row_with (GTK_WIDGET (fixture.sidebar), "/.config/skylark/settings.ini", "r");
  click_add (read_row);
  write_row = find_row_with (GTK_WIDGET (fixture.sidebar), "/.config/skylark/settings.ini", "wc");
  /* Writing is more than the read-only definition grants: still Add. */
  click_add (write_row);

  /* Both are in the plan now: the cards say so instead of offering Add. */
  read_row = find_row_with (GTK_WIDGET (fixture.sidebar), "/.config/skylark/settings.ini", "r");
  g_assert_false (gtk_widget_get_visible (sc_test_find_button_with_label (GTK_WIDGET (read_row),
                                                                          "_Add")));
  g_assert_true (visible_label_shows (GTK_WIDGET (read_row), "Added"));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.switch-to-strict", NULL);
  dialog = sc_window_get_dialog (window);
  g_assert_true (SC_IS_STRICT_DIALOG (dialog));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "apply");
  gtk_window_close (dialog);
  sc_test_iterate (100);

  run_cli_suggest_apply (cli_dir, log);

  window_text = read_project_yaml (window_dir);
  cli_text = read_project_yaml (cli_dir);
  g_test_message ("written:\n%s", window_text);
  g_assert_cmpstr (window_text, ==, cli_text);
  g_assert_null (strstr (window_text, "name: dot-config-skylark"));
  g_assert_nonnull (strstr (window_text, expect_definition));

  gtk_window_destroy (GTK_WINDOW (window));
  sc_test_iterate (50);
  g_object_unref (window);
  g_unlink (log);
  remove_project (window_dir);
  remove_project (cli_dir);
}

static void
test_window_personal_files (void)
{
  g_test_summary ("Add on the read card and then on the write card of a settings file, then "
                  "Switch to Strict, writes the bytes suggest --apply writes: one personal-files "
                  "definition with read and write, no name attribute, earlier read paths kept");
  SC_TEST_REQUIRE_DISPLAY ();

  check_window_matches_cli (NULL, NULL,
                            "  dot-config-skylark:\n"
                            "    interface: personal-files\n"
                            "    read:\n"
                            "      - $HOME/.config/skylark\n"
                            "    write:\n"
                            "      - $HOME/.config/skylark\n");
  check_window_matches_cli (existing_definition, "dot-config-skylark",
                            "$HOME/.local/share/skylark");
}

typedef struct
{
  char *target;
  char *plug;
} AddedPlug;

static void
remember_added_cb (ScDenialSidebar *sidebar,
                   const char      *target,
                   const char      *plug,
                   GVariant        *definition,
                   AddedPlug       *added)
{
  g_free (added->target);
  g_free (added->plug);
  added->target = g_strdup (target);
  added->plug = g_strdup (plug);
}

static GtkWidget *
find_check_button (GtkWidget *widget)
{
  if (GTK_IS_CHECK_BUTTON (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_check_button (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_window_untick_added (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *log = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(ScJournalOptions) options = { 0 };
  AddedPlug added = { 0 };
  Fixture fixture = { 0 };
  ScWindow *window;
  ScDenialRow *read_row;
  ScPlugRow *plug_row;
  GtkWidget *check;

  g_test_summary ("A card whose plug was added says Added until the plug is unticked in the "
                  "project page, then offers Add again");
  SC_TEST_REQUIRE_DISPLAY ();

  dir = copy_skylark (NULL, NULL);
  log = g_build_filename (dir, "denials.log", NULL);
  file = g_file_new_for_path (dir);
  write_renamed_log (log, settings_log);

  window = g_object_ref_sink (sc_window_new (NULL));
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (sc_window_open (window, file, &error));
  g_assert_no_error (error);
  sc_window_set_show_denials (window, TRUE);
  sc_test_iterate (50);
  fixture.sidebar = SC_DENIAL_SIDEBAR (find_sidebar_in (GTK_WIDGET (window)));
  g_assert_nonnull (fixture.sidebar);
  g_signal_connect (fixture.sidebar, "add-plug", G_CALLBACK (remember_added_cb), &added);
  options.type = SC_JOURNAL_SOURCE_LOG;
  options.path = g_strdup (log);
  sc_denial_sidebar_set_source (fixture.sidebar, &options);
  g_assert_true (spin_until (sidebar_has_rows, &fixture, 30));

  read_row = find_row_with (GTK_WIDGET (fixture.sidebar), "/.config/skylark/settings.ini", "r");
  click_add (read_row);
  g_assert_nonnull (added.plug);
  read_row = find_row_with (GTK_WIDGET (fixture.sidebar), "/.config/skylark/settings.ini", "r");
  g_assert_true (visible_label_shows (GTK_WIDGET (read_row), "Added"));

  /* The user takes it back in the project page. */
  plug_row = sc_window_get_plug_row (window, added.target, added.plug);
  g_assert_nonnull (plug_row);
  g_assert_true (sc_plug_row_get_active (plug_row));
  check = find_check_button (GTK_WIDGET (plug_row));
  g_assert_nonnull (check);
  g_assert_true (gtk_widget_activate (check));
  sc_test_iterate (50);
  g_assert_false (sc_plug_row_get_active (plug_row));

  read_row = find_row_with (GTK_WIDGET (fixture.sidebar), "/.config/skylark/settings.ini", "r");
  g_assert_false (visible_label_shows (GTK_WIDGET (read_row), "Added"));
  click_add (read_row);
  read_row = find_row_with (GTK_WIDGET (fixture.sidebar), "/.config/skylark/settings.ini", "r");
  g_assert_true (visible_label_shows (GTK_WIDGET (read_row), "Added"));
  g_assert_true (sc_plug_row_get_active (sc_window_get_plug_row (window, added.target,
                                                                 added.plug)));

  g_signal_handlers_disconnect_by_data (fixture.sidebar, &added);
  gtk_window_destroy (GTK_WINDOW (window));
  sc_test_iterate (50);
  g_object_unref (window);
  g_free (added.target);
  g_free (added.plug);
  g_unlink (log);
  remove_project (dir);
}

static GtkWidget *
find_list_view (GtkWidget *widget)
{
  if (GTK_IS_GRID_VIEW (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_list_view (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
sidebar_filled (Fixture *fixture)
{
  return !sc_denial_sidebar_get_loading (fixture->sidebar) &&
         sc_denial_sidebar_get_n_groups (fixture->sidebar) > 0;
}

static int
compare_group_index (gconstpointer a,
                     gconstpointer b)
{
  guint ia = sc_denial_item_get_group (*(ScDenialItem * const *) a)->index;
  guint ib = sc_denial_item_get_group (*(ScDenialItem * const *) b)->index;

  return ia < ib ? -1 : ia > ib;
}

/* Presses Add on every card that offers it, scrolling each into view, in
 * the order the log has the groups (the order `suggest` plans them), until
 * none does; returns how many were pressed. */
static guint
click_every_add (ScDenialSidebar *sidebar)
{
  GListModel *model = sc_denial_sidebar_get_model (sidebar);
  GtkWidget *list_view = find_list_view (GTK_WIDGET (sidebar));
  guint clicked = 0;
  gboolean again = TRUE;

  while (again)
    {
      g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

      again = FALSE;
      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        g_ptr_array_add (items, g_list_model_get_item (model, i));
      g_ptr_array_sort (items, compare_group_index);

      for (guint k = 0; k < items->len; k++)
        {
          ScDenialItem *item = g_ptr_array_index (items, k);
          ScDenialRow *row;
          GtkWidget *add;

          for (guint i = 0; i < g_list_model_get_n_items (model); i++)
            {
              g_autoptr(ScDenialItem) at = g_list_model_get_item (model, i);

              if (at == item)
                gtk_widget_activate_action (list_view, "list.scroll-to-item", "u", i);
            }
          sc_test_iterate (30);
          row = find_row_in (GTK_WIDGET (sidebar), item);
          g_assert_nonnull (row);
          add = sc_test_find_button_with_label (GTK_WIDGET (row), "_Add");
          if (add != NULL && gtk_widget_get_visible (add) && gtk_widget_is_sensitive (add))
            {
              g_signal_emit_by_name (add, "clicked");
              sc_test_iterate (30);
              clicked++;
              again = TRUE;
            }
        }
    }
  return clicked;
}

static void
test_window_every_card (void)
{
  g_autofree char *window_dir = NULL;
  g_autofree char *cli_dir = NULL;
  g_autofree char *example_log = example_path ("denials.log");
  g_autofree char *log = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *window_text = NULL;
  g_autofree char *cli_text = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(ScJournalOptions) options = { 0 };
  Fixture fixture = { 0 };
  ScWindow *window;
  GtkWindow *dialog;

  g_test_summary ("Add on every card of the skylark example's log, then Switch to Strict, "
                  "writes the bytes `suggest --apply` writes for that log");
  SC_TEST_REQUIRE_DISPLAY ();

  window_dir = copy_skylark (NULL, NULL);
  cli_dir = copy_skylark (NULL, NULL);
  log = g_build_filename (window_dir, "denials.log", NULL);
  g_file_get_contents (example_log, &contents, NULL, &error);
  g_assert_no_error (error);
  write_renamed_log (log, contents);
  g_assert_no_error (error);
  file = g_file_new_for_path (window_dir);

  window = g_object_ref_sink (sc_window_new (NULL));
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (sc_window_open (window, file, &error));
  g_assert_no_error (error);
  sc_window_set_show_denials (window, TRUE);
  sc_test_iterate (50);
  fixture.sidebar = SC_DENIAL_SIDEBAR (find_sidebar_in (GTK_WIDGET (window)));
  options.type = SC_JOURNAL_SOURCE_LOG;
  options.path = g_strdup (log);
  sc_denial_sidebar_set_source (fixture.sidebar, &options);
  g_assert_true (spin_until (sidebar_filled, &fixture, 30));
  sc_test_iterate (200);

  /* One plug or definition a card: camera, removable-media,
   * ssh-public-keys, process-control, two definitions. */
  g_assert_cmpuint (click_every_add (fixture.sidebar), >=, 6);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.switch-to-strict", NULL);
  dialog = sc_window_get_dialog (window);
  g_assert_true (SC_IS_STRICT_DIALOG (dialog));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "apply");
  gtk_window_close (dialog);
  sc_test_iterate (100);

  run_cli_suggest_apply (cli_dir, log);
  window_text = read_project_yaml (window_dir);
  cli_text = read_project_yaml (cli_dir);
  g_test_message ("written:\n%s", window_text);
  g_assert_cmpstr (window_text, ==, cli_text);

  gtk_window_destroy (GTK_WINDOW (window));
  sc_test_iterate (50);
  g_object_unref (window);
  g_unlink (log);
  remove_project (window_dir);
  remove_project (cli_dir);
}

/* ---- The lazy list model ------------------------------------------------ */

typedef struct
{
  guint position;
  guint removed;
  guint added;
} Change;

static void
record_change_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GArray     *changes)
{
  Change change = { position, removed, added };

  g_array_append_val (changes, change);
}

static void
assert_change (GArray *changes,
               guint   i,
               guint   position,
               guint   removed,
               guint   added)
{
  g_assert_cmpuint (changes->len, >, i);
  g_assert_cmpuint (g_array_index (changes, Change, i).position, ==, position);
  g_assert_cmpuint (g_array_index (changes, Change, i).removed, ==, removed);
  g_assert_cmpuint (g_array_index (changes, Change, i).added, ==, added);
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *n)
{
  (*n)++;
}

static int
compare_index_desc (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  guint32 ia = *(const guint32 *) a;
  guint32 ib = *(const guint32 *) b;

  return ia > ib ? -1 : ia < ib;
}

static gboolean
hide_group_one (ScDenialModel       *model,
                const ScDenialGroup *group,
                gpointer             user_data)
{
  return group->index != 1;
}

static void
test_model (void)
{
  const char *lines[] = {
    "audit: type=1400 audit(1718031201.482:1187): apparmor=\"DENIED\" operation=\"open\" "
    "profile=\"snap.foo.foo\" name=\"/dev/video0\" pid=4242 comm=\"foo\" requested_mask=\"r\" "
    "denied_mask=\"r\" fsuid=1000 ouid=0",
    "audit: type=1400 audit(1718031202.482:1188): apparmor=\"DENIED\" operation=\"open\" "
    "profile=\"snap.foo.foo\" name=\"/etc/machine-id\" pid=4242 comm=\"foo\" requested_mask=\"r\" "
    "denied_mask=\"r\" fsuid=1000 ouid=0",
    "audit: type=1400 audit(1718031203.482:1189): apparmor=\"DENIED\" operation=\"open\" "
    "profile=\"snap.foo.daemon\" name=\"/run/udev/data/c81:0\" pid=4243 comm=\"daemon\" "
    "requested_mask=\"r\" denied_mask=\"r\" fsuid=0 ouid=0",
  };
  g_autoptr(ScDenialStore) store = sc_denial_store_new ("foo");
  g_autoptr(ScDenialModel) model = sc_denial_model_new ();
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (Change));
  g_autoptr(ScDenialItem) held = NULL;
  g_autoptr(ScDenialItem) again = NULL;
  const char *two_hosts[] = { "alpha", "beta", NULL };
  ScDenialGroup *groups[G_N_ELEMENTS (lines)];
  guint32 first_two[] = { 2, 0 };
  guint32 last_one[] = { 1 };
  guint n_notify = 0;
  guint made;

  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      g_autoptr(ScDenial) denial = NULL;
      ScDenialSnapshot snapshot = { 0 };
      gboolean is_new = FALSE;
      guint64 lost = 0;

      g_assert_cmpint (sc_denial_parse_line (lines[i], -1, 2024, &denial, &lost), ==, SC_RECORD_DENIAL);
      groups[i] = sc_denial_store_add (store, denial, &is_new);
      g_assert_true (is_new);
      g_assert_cmpuint (groups[i]->index, ==, i);
      if (i == 0)
        sc_denial_model_reset (model, store);
      snapshot.group = groups[i];
      snapshot.count = 1;
      snapshot.first_seen = snapshot.last_seen = (i + 1) * G_USEC_PER_SEC;
      snapshot.is_new = TRUE;
      sc_denial_model_update (model, &snapshot);
    }
  g_signal_connect (model, "items-changed", G_CALLBACK (record_change_cb), changes);

  /* Known is not listed. */
  g_assert_cmpuint (sc_denial_model_get_n_known (model), ==, 3);
  g_assert_true (sc_denial_model_knows (model, 1));
  g_assert_false (sc_denial_model_knows (model, 3));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
  g_assert_cmpuint (sc_denial_model_get_n_alive (model), ==, 0);
  sc_denial_model_set_pending (model, 1, TRUE);
  g_assert_true (sc_denial_model_get_pending (model, 1));
  g_assert_false (sc_denial_model_get_pending (model, 0));

  sc_denial_model_insert (model, 0, first_two, 2);
  assert_change (changes, 0, 0, 0, 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 2);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (model), 2));

  /* Made when asked for, the same object while held, gone when not. */
  held = g_list_model_get_item (G_LIST_MODEL (model), 1);
  g_assert_true (sc_denial_item_get_group (held) == groups[0]);
  g_assert_cmpstr (sc_denial_item_get_object (held), ==, "/dev/video0");
  g_assert_cmpint (sc_denial_item_get_last_seen (held), ==, G_USEC_PER_SEC);
  again = g_list_model_get_item (G_LIST_MODEL (model), 1);
  g_assert_true (again == held);
  g_clear_object (&again);
  {
    g_autoptr(ScDenialItem) other = g_list_model_get_item (G_LIST_MODEL (model), 0);

    g_assert_cmpstr (sc_denial_item_get_object (other), ==, "/run/udev/data/c81:0");
    g_assert_cmpuint (sc_denial_model_get_n_alive (model), ==, 2);
  }
  g_assert_cmpuint (sc_denial_model_get_n_alive (model), ==, 1);

  /* A change of a held item's group is set on it and notified. */
  g_signal_connect (held, "notify::count", G_CALLBACK (count_notify_cb), &n_notify);
  {
    ScDenialSnapshot snapshot = { groups[0], 5, G_USEC_PER_SEC, 9 * G_USEC_PER_SEC,
                                  two_hosts, FALSE };

    sc_denial_model_update (model, &snapshot);
  }
  g_assert_cmpuint (n_notify, ==, 1);
  g_assert_cmpuint (sc_denial_item_get_count (held), ==, 5);
  g_assert_cmpint (sc_denial_item_get_last_seen (held), ==, 9 * G_USEC_PER_SEC);
  g_assert_true (g_strv_equal (sc_denial_item_get_hosts (held), two_hosts));
  g_assert_cmpuint (sc_denial_model_get_count (model, 0), ==, 5);
  g_assert_cmpint (sc_denial_model_get_last_seen (model, 0), ==, 9 * G_USEC_PER_SEC);

  /* Moving keeps the object; two changes, as a list store's remove and
   * insert give them. */
  sc_denial_model_insert (model, 2, last_one, 1);
  assert_change (changes, 1, 2, 0, 1);
  sc_denial_model_move (model, 1, 0);
  assert_change (changes, 2, 1, 1, 0);
  assert_change (changes, 3, 0, 0, 1);
  g_assert_cmpuint (sc_denial_model_get_index (model, 0), ==, 0);
  again = g_list_model_get_item (G_LIST_MODEL (model), 0);
  g_assert_true (again == held);
  g_clear_object (&again);

  /* A new item of a group is made from the latest state. */
  {
    g_autoptr(ScDenialItem) fresh = NULL;

    g_signal_handlers_disconnect_by_func (held, count_notify_cb, &n_notify);
    g_clear_object (&held);
    g_assert_cmpuint (sc_denial_model_get_n_alive (model), ==, 0);
    fresh = g_list_model_get_item (G_LIST_MODEL (model), 0);
    g_assert_cmpuint (sc_denial_item_get_count (fresh), ==, 5);
    g_assert_true (g_strv_equal (sc_denial_item_get_hosts (fresh), two_hosts));
    held = g_steal_pointer (&fresh);
  }

  sc_denial_model_sort (model, compare_index_desc, NULL);
  assert_change (changes, 4, 0, 3, 3);
  g_assert_cmpuint (sc_denial_model_get_index (model, 0), ==, 2);
  g_assert_cmpuint (sc_denial_model_get_index (model, 2), ==, 0);

  /* A filter decides by group, in the list's terms: hiding a group is one
   * change, moving a hidden one none, and no item is made to ask. */
  made = sc_denial_model_get_n_made (model);
  sc_denial_model_set_filter (model, hide_group_one, NULL);
  assert_change (changes, 5, 1, 1, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 2);
  g_assert_cmpuint (sc_denial_model_get_n_listed (model), ==, 3);
  again = g_list_model_get_item (G_LIST_MODEL (model), 1);
  g_assert_true (again == held);
  g_clear_object (&again);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (model), 2));
  sc_denial_model_move (model, 1, 0);
  g_assert_cmpuint (changes->len, ==, 6);
  g_assert_cmpuint (sc_denial_model_get_index (model, 0), ==, 1);
  sc_denial_model_move (model, 2, 0);
  assert_change (changes, 6, 1, 1, 0);
  assert_change (changes, 7, 0, 0, 1);
  sc_denial_model_set_filter (model, NULL, NULL);
  assert_change (changes, 8, 1, 0, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 3);
  g_assert_cmpuint (sc_denial_model_get_n_made (model), ==, made);

  /* An item outlives a reset and its model. */
  sc_denial_model_reset (model, NULL);
  assert_change (changes, 9, 0, 3, 0);
  g_assert_cmpuint (sc_denial_model_get_n_known (model), ==, 0);
  g_assert_cmpuint (sc_denial_model_get_n_alive (model), ==, 0);
  g_clear_object (&model);
  g_assert_cmpuint (sc_denial_item_get_count (held), ==, 5);
  g_assert_cmpstr (sc_denial_item_get_object (held), ==, "/dev/video0");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  sc_test_init_gtk ();

  g_test_add_func ("/denial-sidebar/relative-time", test_relative_time);
  g_test_add_func ("/denial-sidebar/model", test_model);
  g_test_add_func ("/denial-sidebar/kind-icons", test_kind_icons);
  g_test_add_func ("/denial-sidebar/templates", test_templates);
  g_test_add_func ("/denial-sidebar/window-personal-files", test_window_personal_files);
  g_test_add_func ("/denial-sidebar/window-every-card", test_window_every_card);
  g_test_add_func ("/denial-sidebar/window-untick-added", test_window_untick_added);

#define ADD(path, func, no_project) \
  g_test_add ("/denial-sidebar/" path, Fixture, GINT_TO_POINTER (no_project), \
              fixture_setup, func, fixture_teardown)

  ADD ("load", test_load, 0);
  ADD ("add", test_add, 0);
  ADD ("fix-and-missing-target", test_fix_and_missing_target, 0);
  ADD ("no-project", test_no_project, 1);
  ADD ("details", test_details, 0);
  ADD ("details-log-changed", test_details_log_changed, 0);
  ADD ("ignore", test_ignore, 0);
  ADD ("filter-makes-no-items", test_filter_makes_no_items, 0);
  ADD ("tooltips", test_tooltips, 0);
  ADD ("follow", test_follow, 0);
  ADD ("follow-replaced", test_follow_replaced, 0);
  ADD ("dismiss-lost", test_dismiss_lost, 0);
  ADD ("max-groups", test_max_groups, 0);
  ADD ("paste", test_paste, 0);
  ADD ("paste-dialog", test_paste_dialog, 0);
  ADD ("system-journal-state", test_system_journal_state, 0);
  ADD ("unreadable", test_unreadable, 0);
  ADD ("sort-by-count", test_sort_by_count, 0);
  ADD ("order-many", test_order_many, 0);

  return g_test_run ();
}
