/* test-denial-plan.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The core behind the denial sidebar and `suggest`: planning suggestions
 * into edits (ScDenialPlan), the loader's worker thread (ScDenialLoader),
 * where denials can be read from (sc-denial-source) and the formatters.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "sc-denial-format.h"
#include "sc-denial-loader.h"
#include "sc-denial-plan.h"
#include "sc-denial-source.h"

static const char project_yaml[] =
  "name: demo\n"
  "base: core22\n"
  "confinement: devmode\n"
  "apps:\n"
  "  demo:\n"
  "    command: bin/demo\n"
  "    extensions: [gnome]\n"
  "    plugs: [network]\n"
  "  tool:\n"
  "    command: bin/tool\n"
  "    plugs: [dot-config-demo]\n"
  "plugs:\n"
  "  dot-config-demo:\n"
  "    interface: personal-files\n"
  "    read: [$HOME/.config/demo, $HOME/.local/share/demo]\n";

static ScSuggestion *
suggestion (const char *interface,
            const char *name,
            const char *read,
            const char *write)
{
  ScSuggestion *s = g_new0 (ScSuggestion, 1);

  s->interface = g_strdup (interface);
  s->reason = g_strdup ("because");
  if (name != NULL)
    {
      GVariantBuilder b;

      g_variant_builder_init (&b, G_VARIANT_TYPE_VARDICT);
      g_variant_builder_add (&b, "{sv}", "name", g_variant_new_string (name));
      g_variant_builder_add (&b, "{sv}", "interface", g_variant_new_string (interface));
      if (read != NULL)
        g_variant_builder_add (&b, "{sv}", "read",
                               g_variant_new_strv ((const char * const[]) { read, NULL }, -1));
      if (write != NULL)
        g_variant_builder_add (&b, "{sv}", "write",
                               g_variant_new_strv ((const char * const[]) { write, NULL }, -1));
      s->plug = g_variant_ref_sink (g_variant_builder_end (&b));
    }
  return s;
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScSuggestion, sc_suggestion_free)

static ScProject *
load_project (void)
{
  g_autoptr(GError) error = NULL;
  ScProject *project = sc_project_load_from_data ("snapcraft.yaml", project_yaml,
                                                  strlen (project_yaml), &error);

  g_assert_no_error (error);
  return project;
}

static char *
definition_text (GVariant *definition)
{
  return definition != NULL ? g_variant_print (definition, FALSE) : g_strdup ("(none)");
}

static void
test_states (void)
{
  g_autoptr(ScProject) project = load_project ();
  g_autoptr(ScDenialPlan) plan = sc_denial_plan_new (project);
  g_autoptr(ScSuggestion) network = suggestion ("network", NULL, NULL, NULL);
  g_autoptr(ScSuggestion) desktop = suggestion ("desktop", NULL, NULL, NULL);
  g_autoptr(ScSuggestion) camera = suggestion ("camera", NULL, NULL, NULL);
  const char *plug = NULL, *extension = NULL;
  g_autoptr(GVariant) definition = NULL;
  g_autoptr(GError) error = NULL;

  g_test_summary ("A suggestion is Declared, From extension, to Add, then Added, and no app "
                  "is no target");

  g_assert_cmpint (sc_denial_plan_query (plan, "demo", network, &plug, NULL), ==,
                   SC_PLAN_STATE_DECLARED);
  g_assert_cmpint (sc_denial_plan_query (plan, "demo", desktop, &plug, &extension), ==,
                   SC_PLAN_STATE_EXTENSION);
  g_assert_cmpstr (extension, ==, "gnome");
  g_assert_cmpint (sc_denial_plan_query (plan, "ghost", camera, &plug, NULL), ==,
                   SC_PLAN_STATE_NO_TARGET);
  g_assert_cmpint (sc_denial_plan_query (plan, "demo", camera, &plug, NULL), ==, SC_PLAN_STATE_ADD);
  g_assert_cmpstr (plug, ==, "camera");

  g_assert_true (sc_denial_plan_add_suggestion (plan, "demo", camera, 3, &plug, &definition, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (plug, ==, "camera");
  g_assert_null (definition);
  g_assert_cmpint (sc_denial_plan_query (plan, "demo", camera, NULL, NULL), ==, SC_PLAN_STATE_ADDED);
  /* Another app still needs it. */
  g_assert_cmpint (sc_denial_plan_query (plan, "tool", camera, NULL, NULL), ==, SC_PLAN_STATE_ADD);

  g_assert_false (sc_denial_plan_add_suggestion (plan, "ghost", camera, 1, &plug, &definition, &error));
  g_assert_error (error, SC_PROJECT_ERROR, SC_PROJECT_ERROR_UNKNOWN_TARGET);
  g_assert_false (sc_denial_plan_is_empty (plan));
}

static void
test_merge_definitions (void)
{
  g_autoptr(ScProject) project = load_project ();
  g_autoptr(ScDenialPlan) plan = sc_denial_plan_new (project);
  g_autoptr(ScSuggestion) read = suggestion ("personal-files", "dot-config-demo",
                                             "$HOME/.config/demo", NULL);
  g_autoptr(ScSuggestion) write = suggestion ("personal-files", "dot-config-demo", NULL,
                                              "$HOME/.config/demo");
  g_autoptr(ScSuggestion) other = suggestion ("personal-files", "dot-config-demo", "$HOME/.other",
                                              NULL);
  g_autoptr(GVariant) definition = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const char *plug = NULL;

  g_test_summary ("Reading a path the project's definition grants reuses it; writing widens "
                  "it keeping every read path and no name attribute; an unrelated path gets "
                  "a numbered definition of its own");

  /* Granted already, and the tool app lists it: demo just lists it too. */
  g_assert_cmpint (sc_denial_plan_query (plan, "tool", read, &plug, NULL), ==,
                   SC_PLAN_STATE_DECLARED);
  g_assert_true (sc_denial_plan_add_suggestion (plan, "demo", read, 1, &plug, &definition, &error));
  g_assert_cmpstr (plug, ==, "dot-config-demo");
  g_assert_null (definition);

  g_assert_cmpint (sc_denial_plan_query (plan, "tool", write, NULL, NULL), ==, SC_PLAN_STATE_ADD);
  g_assert_true (sc_denial_plan_add_suggestion (plan, "tool", write, 1, &plug, &definition, &error));
  g_assert_cmpstr (plug, ==, "dot-config-demo");
  text = definition_text (definition);
  g_assert_cmpstr (text, ==, "{'interface': <'personal-files'>, "
                             "'read': <['$HOME/.config/demo', '$HOME/.local/share/demo']>, "
                             "'write': <['$HOME/.config/demo']>}");
  g_clear_pointer (&definition, g_variant_unref);
  g_clear_pointer (&text, g_free);
  /* Now it is there, for both cards. */
  g_assert_cmpint (sc_denial_plan_query (plan, "tool", write, NULL, NULL), ==,
                   SC_PLAN_STATE_DECLARED);

  {
    /* The project's definition is not widened to an unrelated path. */
    g_autoptr(ScDenialPlan) fresh = sc_denial_plan_new (project);
    g_autoptr(GVariant) own = NULL;

    g_assert_true (sc_denial_plan_add_suggestion (fresh, "demo", other, 1, &plug, &own, &error));
    g_assert_cmpstr (plug, ==, "dot-config-demo-2");
    text = definition_text (own);
    g_assert_cmpstr (text, ==, "{'interface': <'personal-files'>, 'read': <['$HOME/.other']>}");
  }

  {
    g_autoptr(ScEdit) edit = sc_denial_plan_build_edit (plan, &error);
    g_autofree char *diff = NULL;

    g_assert_no_error (error);
    diff = sc_edit_diff (edit, &error);
    g_assert_no_error (error);
    g_assert_nonnull (strstr (diff, "+confinement: strict"));
    g_assert_nonnull (strstr (diff, "+      - $HOME/.config/demo"));
    g_assert_null (strstr (diff, "name: dot-config"));
  }
}

typedef struct
{
  ScDenialLoader *loader;
  guint      n_ready;
  guint      n_snapshots;
  guint      n_new;
  guint64    n_records;
  gboolean   done;
} LoaderRun;

static gboolean
ready_cb (ScDenialLoader *loader,
          gpointer        data)
{
  LoaderRun *run = data;
  g_autoptr(GPtrArray) batch = sc_denial_loader_take_batch (loader, NULL, &run->n_records, NULL);

  run->n_ready++;
  for (guint i = 0; batch != NULL && i < batch->len; i++)
    {
      ScDenialSnapshot *snapshot = g_ptr_array_index (batch, i);

      run->n_snapshots++;
      if (snapshot->is_new)
        run->n_new++;
      g_assert_cmpuint (snapshot->count, >=, 1);
    }
  return FALSE;
}

static void
loader_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  LoaderRun *run = data;
  ScDenialLoader *loader = run->loader;
  g_autoptr(GError) error = NULL;

  g_assert_true (sc_denial_loader_run_finish (loader, result, &error));
  g_assert_no_error (error);
  run->done = TRUE;
  sc_denial_loader_schedule (loader);
}

static void
test_loader (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("sc-denial-loader-XXXXXX", &error);
  g_autofree char *log = g_build_filename (dir, "kern.log", NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(ScDenialStore) store = sc_denial_store_new ("demo");
  g_autoptr(ScDenialLoader) loader = NULL;
  ScJournalOptions options = { 0 };
  LoaderRun run = { 0 };
  ScJournalReader *reader;

  g_test_summary ("The loader reads a log in a worker thread and hands every group to the "
                  "main loop in batches, new ones marked, before and after the run ends");

  for (guint i = 0; i < 3000; i++)
    g_string_append_printf (text,
                            "Nov 24 09:12:01 devbox kernel: audit: type=1400 audit(1795511521.%03u:%u): "
                            "apparmor=\"DENIED\" operation=\"open\" class=\"file\" "
                            "profile=\"snap.demo.demo\" name=\"/srv/data-%u\" pid=4121 comm=\"demo\" "
                            "requested_mask=\"r\" denied_mask=\"r\" fsuid=1000 ouid=0\n",
                            i % 1000, 300 + i, i % 1500);
  g_file_set_contents (log, text->str, text->len, &error);
  g_assert_no_error (error);

  options.type = SC_JOURNAL_SOURCE_LOG;
  options.path = log;
  options.snap = (char *) "demo";
  loader = sc_denial_loader_new (store, &options, NULL);
  sc_denial_loader_set_ready_func (loader, ready_cb, &run);
  run.loader = loader;
  sc_denial_loader_run_async (loader, NULL, loader_done_cb, &run);
  while (!run.done || g_main_context_pending (NULL))
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (run.n_new, ==, 1500);
  g_assert_cmpuint (run.n_records, ==, 3000);
  g_assert_cmpuint (run.n_ready, >=, 1);
  g_assert_cmpuint (sc_denial_store_get_groups (store)->len, ==, 1500);

  reader = sc_denial_loader_steal_reader (loader);
  g_assert_nonnull (reader);
  sc_journal_reader_free (reader);
  sc_denial_loader_detach (loader);

  g_unlink (log);
  g_rmdir (dir);
}

static void
test_source (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("sc-denial-source-XXXXXX", &error);
  g_autofree char *module = g_build_filename (dir, "sys", "module", "apparmor", "parameters", NULL);
  g_autofree char *enabled = g_build_filename (module, "enabled", NULL);
  g_autofree char *sysfs = g_build_filename (dir, "sys", NULL);
  g_autofree char *yaml = g_build_filename (dir, "snapcraft.yaml", NULL);
  g_autofree char *log = g_build_filename (dir, "denials.log", NULL);
  g_autofree char *other = g_build_filename (dir, "build.log", NULL);
  g_autofree char *message = NULL;
  g_autoptr(ScProject) project = NULL;
  g_autofree char *found = NULL;

  g_test_summary ("AppArmor is on only when the kernel says so, and that comes first; a "
                  "project's own denial log is found by its name");

  g_assert_false (sc_apparmor_is_enabled (sysfs));
  g_assert_cmpint (sc_denial_source_check_system (sysfs, NULL, &message), ==,
                   SC_DENIAL_SOURCE_APPARMOR_OFF);
  g_assert_nonnull (strstr (message, "AppArmor is off"));
  g_assert_cmpint (g_mkdir_with_parents (module, 0755), ==, 0);
  g_file_set_contents (enabled, "Y\n", -1, &error);
  g_assert_no_error (error);
  g_assert_true (sc_apparmor_is_enabled (sysfs));
  g_file_set_contents (enabled, "N\n", -1, &error);
  g_assert_false (sc_apparmor_is_enabled (sysfs));

  g_file_set_contents (yaml, project_yaml, -1, &error);
  g_assert_no_error (error);
  g_file_set_contents (other, "make: all\n", -1, &error);
  project = sc_project_load (dir, &error);
  g_assert_no_error (error);
  g_assert_null (sc_project_find_denial_log (project));
  g_file_set_contents (log, "\n", -1, &error);
  found = sc_project_find_denial_log (project);
  g_assert_cmpstr (found, ==, log);

  g_unlink (log);
  g_unlink (other);
  g_unlink (yaml);
  g_unlink (enabled);
  g_rmdir (module);
  {
    g_autofree char *p1 = g_path_get_dirname (module);
    g_autofree char *p2 = g_path_get_dirname (p1);

    g_rmdir (p1);
    g_rmdir (p2);
  }
  g_rmdir (sysfs);
  g_rmdir (dir);
}

static void
test_format (void)
{
  gint64 now = G_GINT64_CONSTANT (1795511521) * G_USEC_PER_SEC;
  g_autofree char *recent = sc_denial_format_relative_time (now - 5 * 60 * G_USEC_PER_SEC, now);
  g_autofree char *none = sc_denial_format_relative_time (0, now);
  g_autoptr(ScDenial) denial = sc_denial_new ();
  g_autofree char *operation = NULL;

  g_test_summary ("Formatters both front ends use");

  g_assert_cmpstr (recent, ==, "5 min ago");
  g_assert_cmpstr (none, ==, "");
  g_assert_cmpstr (sc_denial_kind_display_name (SC_DENIAL_KIND_DBUS), ==, "D-Bus");
  denial->operation = g_strdup ("open");
  denial->permissions = g_strdup ("wc");
  operation = sc_denial_format_operation (denial);
  g_assert_cmpstr (operation, ==, "open (wc)");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/denial-plan/states", test_states);
  g_test_add_func ("/denial-plan/merge-definitions", test_merge_definitions);
  g_test_add_func ("/denial-plan/loader", test_loader);
  g_test_add_func ("/denial-plan/source", test_source);
  g_test_add_func ("/denial-plan/format", test_format);

  return g_test_run ();
}
