/* sc-cli-suggest.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `snapconfine-cli suggest PATH`: reads the denials of the project's snap
 * and says, per app and hook, which plugs to add; --apply switches the
 * project to strict confinement with those plugs (like `strict`), and
 * --dry-run prints that change as a diff without writing it.
 *
 * JSON output (--json), one object:
 *
 *   { "snap": "foo",
 *     "targets": [ { "target": "foo" | "hook:configure",
 *                    "plugs": [ { "plug", "interface", "reason", "denials": N } ] } ],
 *     "definitions": { "<plug>": { "interface": "personal-files", "read": [ … ], … } },
 *     "present": [ { "target", "plug", "origin": "declared" | "extension",
 *                    "extension"?, "denials": N } ],         already there
 *     "connect": [ { "target", "plug", "interface", "command", "denials": N } ],
 *                  declared and installed but not connected on this machine
 *     "fixes": [ { "target", "kind", "operation", "object", "fix", "denials": N } ],
 *     "unresolved": [ { "target", "kind", "operation", "object", "denials": N } ],
 *     "unknown_targets": [ { "target", "denials": N } ],      not in the project
 *     "lost": N,                                              rate-limited records
 *     "diff": "…" }                                           only with --dry-run
 *
 * "targets" lists only plugs the target does not have yet (declared or
 * implied by an extension); "definitions" are the top-level plug entries
 * (personal-files, system-files) to add or extend. "fixes" are denials no
 * plug solves, with what to change instead.
 */
#define G_LOG_DOMAIN "snapconfine-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "sc-cli.h"
#include "sc-cli-denials.h"
#include "sc-extensions.h"
#include "sc-json.h"
#include "sc-denial-plan.h"
#include "sc-project.h"
#include "sc-snapd-project.h"
#include "sc-policy.h"

static void
write_note (ScJson           *json,
            const ScPlanNote *n,
            gboolean          with_fix)
{
  ScDenial *d = n->group->denial;

  sc_json_begin_object (json);
  sc_json_member_string (json, "target", n->target);
  sc_json_member_string (json, "kind", sc_denial_kind_to_string (d->kind));
  sc_json_member_string (json, "operation", d->operation);
  sc_json_member_string (json, "object",
                         n->group->object_pattern != NULL ? n->group->object_pattern : d->object);
  if (with_fix)
    sc_json_member_string (json, "fix", n->fix);
  sc_json_key (json, "denials");
  sc_json_uint (json, n->group->count);
  sc_json_end_object (json);
}

/* "targets": the plugs each app or hook lacks. */
static void
write_json_targets (ScJson    *json,
                    GPtrArray *targets)
{
  sc_json_key (json, "targets");
  sc_json_begin_array (json);
  for (guint i = 0; i < targets->len; i++)
    {
      ScPlannedTarget *t = g_ptr_array_index (targets, i);

      if (t->plugs->len == 0)
        continue;
      sc_json_begin_object (json);
      sc_json_member_string (json, "target", t->target);
      sc_json_key (json, "plugs");
      sc_json_begin_array (json);
      for (guint j = 0; j < t->plugs->len; j++)
        {
          ScPlannedPlug *p = g_ptr_array_index (t->plugs, j);

          sc_json_begin_object (json);
          sc_json_member_string (json, "plug", p->plug);
          sc_json_member_string (json, "interface", p->interface);
          sc_json_member_string (json, "reason", p->reason);
          sc_json_key (json, "denials");
          sc_json_uint (json, p->denials);
          sc_json_end_object (json);
        }
      sc_json_end_array (json);
      sc_json_end_object (json);
    }
  sc_json_end_array (json);
}

/* "present": plugs already there (declared or from an extension) that
 * snapd has not left unconnected. */
static void
write_json_present (ScJson      *json,
                    GPtrArray   *targets,
                    ScSnapdSnap *installed)
{
  sc_json_key (json, "present");
  sc_json_begin_array (json);
  for (guint i = 0; i < targets->len; i++)
    {
      ScPlannedTarget *t = g_ptr_array_index (targets, i);

      for (guint j = 0; j < t->present->len; j++)
        {
          ScPlannedPlug *p = g_ptr_array_index (t->present, j);

          if (installed != NULL &&
              sc_snapd_snap_plug_to_connect (installed, t->target, p->plug, p->interface) != NULL)
            continue;
          sc_json_begin_object (json);
          sc_json_member_string (json, "target", t->target);
          sc_json_member_string (json, "plug", p->plug);
          sc_json_member_string (json, "origin",
                                 p->state == SC_PLAN_STATE_EXTENSION ? "extension" : "declared");
          if (p->state == SC_PLAN_STATE_EXTENSION && p->extension != NULL)
            sc_json_member_string (json, "extension", p->extension);
          sc_json_key (json, "denials");
          sc_json_uint (json, p->denials);
          sc_json_end_object (json);
        }
    }
  sc_json_end_array (json);
}

/* "connect": declared plugs to connect on this machine. */
static void
write_json_connects (ScJson      *json,
                     GPtrArray   *connects,
                     ScSnapdSnap *installed)
{
  sc_json_key (json, "connect");
  sc_json_begin_array (json);
  for (guint i = 0; i < connects->len; i++)
    {
      ScConnectNeed *need = g_ptr_array_index (connects, i);
      g_autofree char *command = sc_snapd_connect_command (installed->name, need->plug);

      sc_json_begin_object (json);
      sc_json_member_string (json, "target", need->target);
      sc_json_member_string (json, "plug", need->plug);
      sc_json_member_string (json, "interface", need->interface);
      sc_json_member_string (json, "command", command);
      sc_json_key (json, "denials");
      sc_json_uint (json, need->denials);
      sc_json_end_object (json);
    }
  sc_json_end_array (json);
}

static void
print_json (ScDenialPlan  *plan,
            ScProject     *project,
            ScDenialStore *store,
            ScSnapdSnap   *installed,
            GPtrArray     *connects,
            const char    *diff)
{
  g_autoptr(ScJson) json = sc_json_new (TRUE);
  g_autoptr(GPtrArray) names = sc_denial_plan_dup_definition_names (plan);
  GPtrArray *targets = sc_denial_plan_get_targets (plan);
  GPtrArray *fixes = sc_denial_plan_get_fixes (plan);
  GPtrArray *unresolved = sc_denial_plan_get_unresolved (plan);
  GPtrArray *unknown = sc_denial_plan_get_unknown (plan);
  g_autofree char *text = NULL;

  sc_json_begin_object (json);
  sc_json_member_string (json, "snap", sc_project_get_name (project));
  write_json_targets (json, targets);

  sc_json_key (json, "definitions");
  sc_json_begin_object (json);
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      sc_json_key (json, name);
      sc_json_variant (json, sc_denial_plan_lookup_definition (plan, name));
    }
  sc_json_end_object (json);

  write_json_present (json, targets, installed);

  write_json_connects (json, connects, installed);

  sc_json_key (json, "fixes");
  sc_json_begin_array (json);
  for (guint i = 0; i < fixes->len; i++)
    write_note (json, g_ptr_array_index (fixes, i), TRUE);
  sc_json_end_array (json);

  sc_json_key (json, "unresolved");
  sc_json_begin_array (json);
  for (guint i = 0; i < unresolved->len; i++)
    write_note (json, g_ptr_array_index (unresolved, i), FALSE);
  sc_json_end_array (json);

  sc_json_key (json, "unknown_targets");
  sc_json_begin_array (json);
  for (guint i = 0; i < unknown->len; i++)
    {
      const ScPlanUnknown *u = g_ptr_array_index (unknown, i);

      sc_json_begin_object (json);
      sc_json_member_string (json, "target", u->target);
      sc_json_key (json, "denials");
      sc_json_uint (json, u->denials);
      sc_json_end_object (json);
    }
  sc_json_end_array (json);

  sc_json_key (json, "lost");
  sc_json_uint (json, sc_denial_store_get_lost (store));
  if (diff != NULL)
    sc_json_member_string (json, "diff", diff);
  sc_json_end_object (json);

  text = sc_json_free_to_string (g_steal_pointer (&json));
  fputs (text, stdout);
  fputc ('\n', stdout);
}

static char *
target_display (const char *target)
{
  if (g_str_has_prefix (target, "hook:"))
    /* Translators: %s is the name of a hook (install, configure, …). */
    return g_strdup_printf (_("hook %s"), target + 5);
  /* Translators: %s is the name of an app of the snap. */
  return g_strdup_printf (_("app %s"), target);
}

/* "1 denial", "2 denials". */
static char *
denials_text (guint64 n)
{
  return g_strdup_printf (ngettext ("%lu denial", "%lu denials", (gulong) n), (gulong) n);
}

/* The plugs each app or hook lacks and those already there; returns
 * TRUE when one is lacking. */
static gboolean
print_text_targets (GPtrArray   *targets,
                    ScProject   *project,
                    ScSnapdSnap *installed)
{
  gboolean any = FALSE;

  for (guint i = 0; i < targets->len; i++)
    {
      ScPlannedTarget *t = g_ptr_array_index (targets, i);
      g_autofree char *label = target_display (t->target);

      if (t->plugs->len == 0 && t->present->len == 0)
        continue;
      printf ("\n%s:\n", label);
      for (guint j = 0; j < t->plugs->len; j++)
        {
          ScPlannedPlug *p = g_ptr_array_index (t->plugs, j);
          g_autofree char *count = denials_text (p->denials);

          any = TRUE;
          printf ("  + %s%s%s%s  (%s)\n", p->plug,
                  g_strcmp0 (p->plug, p->interface) != 0 ? " (" : "",
                  g_strcmp0 (p->plug, p->interface) != 0 ? p->interface : "",
                  g_strcmp0 (p->plug, p->interface) != 0 ? ")" : "",
                  count);
          if (p->reason != NULL)
            printf ("      %s\n", p->reason);
        }
      for (guint j = 0; j < t->present->len; j++)
        {
          ScPlannedPlug *p = g_ptr_array_index (t->present, j);
          g_autofree char *origin = NULL;
          g_autofree char *count = NULL;

          if (installed != NULL &&
              sc_snapd_snap_plug_to_connect (installed, t->target, p->plug, p->interface) != NULL)
            continue;
          /* The words the sidebar's cards use. */
          if (p->state == SC_PLAN_STATE_EXTENSION)
            origin = g_strdup_printf (_("already there, given by the %s extension"),
                                      p->extension != NULL ? p->extension : "?");
          else
            origin = g_strdup (_("already there, declared"));
          count = denials_text (p->denials);
          printf ("  = %s  %s (%s): ", p->plug, origin, count);
          /* Translators: %s:%s is the snap and its plug. */
          printf (_("if it does not auto-connect, `snap connect %s:%s`"),
                  sc_project_get_name (project), p->plug);
          putchar ('\n');
        }
    }

  return any;
}

/* Denials no plug solves, with their fix, and those nothing is known to
 * allow. */
static void
print_text_notes (GPtrArray *fixes,
                  GPtrArray *unresolved)
{
  if (fixes->len > 0)
    {
      printf ("\n%s\n", _("Not an interface problem:"));
      for (guint i = 0; i < fixes->len; i++)
        {
          const ScPlanNote *n = g_ptr_array_index (fixes, i);
          g_autofree char *label = target_display (n->target);
          const char *object = n->group->object_pattern ? n->group->object_pattern
                                                        : n->group->denial->object;

          printf ("  %s: %s %s — %s\n", label,
                  n->group->denial->operation ? n->group->denial->operation : "",
                  object ? object : "", n->fix);
        }
    }

  if (unresolved->len > 0)
    {
      printf ("\n%s\n", _("No interface is known to allow:"));
      for (guint i = 0; i < unresolved->len; i++)
        {
          const ScPlanNote *n = g_ptr_array_index (unresolved, i);
          g_autofree char *label = target_display (n->target);
          const char *object = n->group->object_pattern ? n->group->object_pattern
                                                        : n->group->denial->object;

          printf ("  %s: %s %s %s\n", label, sc_denial_kind_to_string (n->group->denial->kind),
                  n->group->denial->operation ? n->group->denial->operation : "",
                  object ? object : "");
        }
    }
}

static void
print_text (ScDenialPlan  *plan,
            ScProject     *project,
            ScDenialStore *store,
            ScSnapdSnap   *installed,
            GPtrArray     *connects)
{
  g_autoptr(GPtrArray) names = sc_denial_plan_dup_definition_names (plan);
  GPtrArray *targets = sc_denial_plan_get_targets (plan);
  GPtrArray *fixes = sc_denial_plan_get_fixes (plan);
  GPtrArray *unresolved = sc_denial_plan_get_unresolved (plan);
  GPtrArray *unknown = sc_denial_plan_get_unknown (plan);
  gboolean any = FALSE;

  /* Translators: the file, the number of records and the snap's name. */
  printf (ngettext ("%s: %lu record of snap %s\n", "%s: %lu records of snap %s\n",
                    (gulong) sc_denial_store_get_n_records (store)),
          sc_project_get_display_path (project), (gulong) sc_denial_store_get_n_records (store),
          sc_project_get_name (project));

  any = print_text_targets (targets, project, installed);

  if (connects->len > 0)
    {
      printf ("\n%s\n", _("Declared but not connected on this machine:"));
      for (guint i = 0; i < connects->len; i++)
        {
          ScConnectNeed *need = g_ptr_array_index (connects, i);
          g_autofree char *label = target_display (need->target);
          g_autofree char *command = sc_snapd_connect_command (installed->name, need->plug);
          g_autofree char *count = denials_text (need->denials);

          any = TRUE;
          printf ("  %s: %s  (%s)\n", label, command, count);
        }
    }

  if (names->len > 0)
    {
      printf ("\n%s\n", _("Top-level plug definitions:"));
      for (guint i = 0; i < names->len; i++)
        {
          const char *name = g_ptr_array_index (names, i);
          g_autoptr(ScJson) json = sc_json_new (FALSE);
          g_autofree char *text = NULL;

          sc_json_variant (json, sc_denial_plan_lookup_definition (plan, name));
          text = sc_json_free_to_string (g_steal_pointer (&json));
          printf ("  %s: %s\n", name, text);
        }
    }

  print_text_notes (fixes, unresolved);

  if (unknown->len > 0)
    {
      printf ("\n%s\n", _("Denials of apps or hooks that are not in this project:"));
      for (guint i = 0; i < unknown->len; i++)
        {
          const ScPlanUnknown *u = g_ptr_array_index (unknown, i);
          printf ("  %s (%" G_GUINT64_FORMAT ")\n", u->target, u->denials);
        }
    }

  if (!any && names->len == 0)
    printf ("\n%s\n", _("No plugs to add."));
}

/* Adds the groups of STORE to PLAN, except declared plugs this machine's
 * snapd has not connected: a denial whose best answer (snapd's policy,
 * ranked with the installed plugs) is to connect one goes into the
 * returned list, not into the plan; so do the plugs the plan found
 * declared and not connected. Quietly nothing of the kind when snapd does
 * not answer (INSTALLED is NULL). */
static GPtrArray *
plan_groups (ScDenialPlan  *plan,
             ScProject     *project,
             ScDenialStore *store,
             ScSnapdSnap   *installed)
{
  GPtrArray *connects = sc_connect_needs_new ();
  GPtrArray *groups = sc_denial_store_get_groups (store);

  for (guint i = 0; i < groups->len; i++)
    {
      ScDenialGroup *group = g_ptr_array_index (groups, i);
      g_autofree char *target = installed != NULL ? sc_denial_dup_target (group->denial) : NULL;
      ScSnapdPlug *plug = target != NULL && !group->denial->noise
        ? sc_snapd_plug_to_connect_for_denial (installed, group->denial, target) : NULL;

      if (plug != NULL && sc_project_find_target (project, target) != NULL)
        sc_connect_needs_add (connects, target, plug, group->count);
      else
        sc_denial_plan_add_group (plan, group);
    }
  /* And what the plan found declared that is not connected. */
  for (guint i = 0; installed != NULL && i < sc_denial_plan_get_targets (plan)->len; i++)
    {
      ScPlannedTarget *t = g_ptr_array_index (sc_denial_plan_get_targets (plan), i);

      for (guint j = 0; j < t->present->len; j++)
        {
          ScPlannedPlug *p = g_ptr_array_index (t->present, j);
          ScSnapdPlug *plug = sc_snapd_snap_plug_to_connect (installed, t->target, p->plug,
                                                             p->interface);
          if (plug != NULL)
            sc_connect_needs_add (connects, t->target, plug, p->denials);
        }
    }
  return connects;
}

int
sc_cli_suggest (int    argc,
                char **argv)
{
  ScCliSourceArgs args = { 0 };
  g_autofree GOptionEntry *source_entries = sc_cli_source_entries (&args);
  gboolean json = FALSE, apply = FALSE, dry_run = FALSE, force = FALSE;
  GOptionEntry entries[] = {
    { "apply", 0, 0, G_OPTION_ARG_NONE, &apply,
      N_("Switch to strict confinement with the suggested plugs"), NULL },
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run, N_("Print the change as a diff, write nothing"), NULL },
    /* Translators: --apply is an option, keep it. */
    { "force", 0, 0, G_OPTION_ARG_NONE, &force, N_("With --apply: write a read-only or hard-linked file anyway"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  /* Translators: follows “Usage: snapconfine-cli suggest [OPTION…]” in --help;
   * write PATH as you translated “PATH”, keep the “ - ”. */
  g_autoptr(GOptionContext) context = g_option_context_new (N_("PATH - suggest plugs from denials"));
  g_auto(ScJournalOptions) options = { 0 };
  g_autoptr(ScJournalReader) reader = NULL;
  g_autoptr(ScDenialStore) store = NULL;
  g_autoptr(ScProject) project = NULL;
  g_autoptr(ScEdit) edit = NULL;
  g_autoptr(ScDenialPlan) plan = NULL;
  g_autoptr(ScSnapdSnap) installed = NULL;
  g_autoptr(GPtrArray) connects = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *diff = NULL;
  const char *path;

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, source_entries, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      sc_cli_source_args_clear (&args);
      return sc_cli_usage_error ("suggest", "%s", error->message);
    }
  if (argc < 2)
    {
      sc_cli_source_args_clear (&args);
      return sc_cli_usage_error ("suggest",
                                 /* Translators: PATH as in the synopses; keep snapcraft.yaml. */
                                 _("missing PATH (a project folder or snapcraft.yaml)"));
    }
  path = argv[1];

  project = sc_project_load (path, &error);
  if (project == NULL)
    {
      sc_cli_source_args_clear (&args);
      return sc_cli_fail (error);
    }

  if (!sc_cli_source_options ("suggest", &args, argc > 2 ? argv + 2 : NULL,
                              sc_project_get_name (project), &options))
    {
      sc_cli_source_args_clear (&args);
      return args.exit_code != 0 ? args.exit_code : SC_EXIT_USAGE;
    }
  sc_cli_source_args_clear (&args);

  sc_policy_prepare_in_background ();
  options.once = TRUE;
  reader = sc_journal_reader_new (&options, &error);
  if (reader == NULL)
    return sc_cli_fail (error);
  store = sc_denial_store_new (options.snap);
  sc_denial_store_set_max_groups (store, (guint) MAX (args.max_groups, 0));
  if (!sc_cli_read_into_store (reader, store, &error))
    return sc_cli_fail (error);
  sc_cli_print_warnings (reader, store);

  plan = sc_denial_plan_new (project);
  installed = sc_cli_snapd_get_installed (sc_project_get_name (project));
  connects = plan_groups (plan, project, store, installed);

  if (apply || dry_run)
    {
      edit = sc_denial_plan_build_edit (plan, &error);
      if (edit == NULL)
        return sc_cli_fail (error);
    }

  if (dry_run)
    {
      diff = sc_edit_diff (edit, &error);
      if (diff == NULL)
        return sc_cli_fail (error);
    }

  if (json)
    print_json (plan, project, store, installed, connects, diff);
  else
    {
      print_text (plan, project, store, installed, connects);
      if (diff != NULL)
        {
          printf ("\n");
          fputs (diff, stdout);
        }
    }

  if (dry_run && diff != NULL)
    sc_cli_note_write_target (project);
  if (dry_run || !apply)
    return SC_EXIT_OK;

  if (sc_edit_is_empty (edit))
    {
      /* Translators: %s is the snapcraft.yaml file. */
      fprintf (stderr, _("%s: already strict with these plugs, nothing to change\n"),
               sc_project_get_display_path (project));
      return SC_EXIT_OK;
    }
  return sc_cli_write_edit (edit, project, force);
}
