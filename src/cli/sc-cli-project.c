/* sc-cli-project.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `snapconfine-cli show` and `snapconfine-cli strict`.
 */
#define G_LOG_DOMAIN "snapconfine-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "sc-cli.h"
#include "sc-extensions.h"
#include "sc-interface-catalogue.h"
#include "sc-json.h"
#include "sc-project.h"

/* Parses GOptionEntries; on failure prints the error and returns FALSE. */
static gboolean
parse_options (const char   *subcommand,
               const char   *parameter,
               GOptionEntry *entries,
               int          *argc,
               char       ***argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (parameter);
  g_autoptr(GError) error = NULL;

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_help_enabled (context, TRUE);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      sc_cli_usage_error (subcommand, "%s", error->message);
      return FALSE;
    }
  return TRUE;
}

/* An option after "--" or any leftover starting with "-" is not a path. */
static gboolean
check_positional (const char *subcommand,
                  int         argc,
                  char      **argv,
                  const char **path)
{
  if (argc < 2)
    {
      /* Translators: PATH as in the synopses; keep snapcraft.yaml. */
      sc_cli_usage_error (subcommand, _("missing PATH (a snapcraft.yaml or a project folder)"));
      return FALSE;
    }
  if (argc > 2)
    {
      sc_cli_usage_error (subcommand, _("unexpected argument “%s”"), argv[2]);
      return FALSE;
    }
  *path = argv[1];
  return TRUE;
}

static void
write_plug_info (ScJson     *json,
                 const char *plug,
                 const char *interface)
{
  const ScInterfaceInfo *info = sc_interface_catalogue_lookup (interface);

  sc_json_key (json, plug);
  sc_json_begin_object (json);
  sc_json_member_string (json, "interface", interface);
  sc_json_key (json, "known");
  sc_json_boolean (json, info != NULL);
  sc_json_key (json, "auto_connect");
  if (info != NULL)
    sc_json_boolean (json, info->auto_connect);
  else
    sc_json_null (json);
  sc_json_key (json, "store_approval");
  if (info != NULL)
    sc_json_boolean (json, info->store_approval);
  else
    sc_json_null (json);
  sc_json_end_object (json);
}

/* The interface a plug name refers to: a top-level definition's, else the
 * name itself (snapd's rule). */
static const char *
resolve_interface (ScProject  *project,
                   const char *plug)
{
  ScPlugDef *def = sc_project_find_plug_def (project, plug);

  return def != NULL ? def->interface : plug;
}

static void
write_target (ScJson    *json,
              ScProject *project,
              ScTarget  *target)
{
  g_autoptr(GPtrArray) effective = sc_project_dup_effective_plugs (project, target);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  sc_json_begin_object (json);
  sc_json_member_string (json, "name", target->name);
  if (!target->is_hook)
    {
      sc_json_member_string (json, "command", target->command);
      sc_json_member_string (json, "daemon", target->daemon);
      sc_json_key (json, "extensions");
      sc_json_strv (json, (const char * const *) target->extensions);
    }
  sc_json_key (json, "plugs");
  sc_json_begin_array (json);
  for (guint i = 0; i < target->plugs->len; i++)
    sc_json_string (json, ((ScPlugRef *) g_ptr_array_index (target->plugs, i))->name);
  sc_json_end_array (json);

  sc_json_key (json, "implied");
  sc_json_begin_array (json);
  for (guint i = 0; effective != NULL && i < effective->len; i++)
    {
      ScEffectivePlug *plug = g_ptr_array_index (effective, i);

      if (plug->origin == SC_PLUG_ORIGIN_DECLARED)
        continue;
      sc_json_begin_object (json);
      sc_json_member_string (json, "plug", plug->plug);
      sc_json_member_string (json, "interface", plug->interface);
      sc_json_member_string (json, "extension", plug->extension);
      sc_json_member_string (json, "origin",
                             plug->origin == SC_PLUG_ORIGIN_EXTENSION ? "extension" : "unscoped");
      sc_json_end_object (json);
    }
  sc_json_end_array (json);

  /* Per plug (declared and implied): the connection facts. */
  sc_json_key (json, "plug_info");
  sc_json_begin_object (json);
  for (guint i = 0; i < target->plugs->len; i++)
    {
      const char *name = ((ScPlugRef *) g_ptr_array_index (target->plugs, i))->name;

      /* A plug listed twice (check reports it) is described once. */
      if (g_hash_table_add (seen, (gpointer) name))
        write_plug_info (json, name, resolve_interface (project, name));
    }
  for (guint i = 0; effective != NULL && i < effective->len; i++)
    {
      ScEffectivePlug *plug = g_ptr_array_index (effective, i);

      if (plug->origin != SC_PLUG_ORIGIN_DECLARED)
        write_plug_info (json, plug->plug, plug->interface);
    }
  sc_json_end_object (json);

  sc_json_end_object (json);
}

static void
print_json (ScProject *project)
{
  g_autoptr(ScJson) json = sc_json_new (TRUE);
  GPtrArray *apps = sc_project_get_apps (project);
  GPtrArray *hooks = sc_project_get_hooks (project);
  GPtrArray *defs = sc_project_get_plug_defs (project);
  GPtrArray *warnings = sc_project_get_warnings (project);
  g_autofree char *text = NULL;

  sc_json_begin_object (json);
  sc_json_member_string (json, "file", sc_project_get_display_path (project));
  sc_json_member_string (json, "name", sc_project_get_name (project));
  sc_json_member_string (json, "base", sc_project_get_base (project));
  sc_json_member_string (json, "grade", sc_project_get_grade (project));
  sc_json_member_string (json, "confinement", sc_project_get_confinement (project));

  sc_json_key (json, "apps");
  sc_json_begin_array (json);
  for (guint i = 0; i < apps->len; i++)
    write_target (json, project, g_ptr_array_index (apps, i));
  sc_json_end_array (json);

  sc_json_key (json, "hooks");
  sc_json_begin_array (json);
  for (guint i = 0; i < hooks->len; i++)
    write_target (json, project, g_ptr_array_index (hooks, i));
  sc_json_end_array (json);

  sc_json_key (json, "plugs");
  sc_json_begin_object (json);
  for (guint i = 0; i < defs->len; i++)
    {
      ScPlugDef *def = g_ptr_array_index (defs, i);
      GVariantIter iter;
      const char *key;
      GVariant *value;

      sc_json_key (json, def->name);
      sc_json_begin_object (json);
      sc_json_member_string (json, "interface", def->interface);
      g_variant_iter_init (&iter, def->attributes);
      while (g_variant_iter_next (&iter, "{&sv}", &key, &value))
        {
          sc_json_key (json, key);
          sc_json_variant (json, value);
          g_variant_unref (value);
        }
      sc_json_end_object (json);
    }
  sc_json_end_object (json);

  sc_json_key (json, "warnings");
  sc_json_begin_array (json);
  for (guint i = 0; i < warnings->len; i++)
    sc_json_string (json, g_ptr_array_index (warnings, i));
  sc_json_end_array (json);
  sc_json_end_object (json);

  text = sc_json_free_to_string (g_steal_pointer (&json));
  printf ("%s\n", text);
}

static void
print_target_text (ScProject *project,
                   ScTarget  *target)
{
  g_autoptr(GPtrArray) effective = sc_project_dup_effective_plugs (project, target);
  g_autoptr(GString) declared = g_string_new (NULL);
  g_autoptr(GString) implied = g_string_new (NULL);

  for (guint i = 0; i < target->plugs->len; i++)
    g_string_append_printf (declared, "%s%s", i ? ", " : "",
                            ((ScPlugRef *) g_ptr_array_index (target->plugs, i))->name);
  for (guint i = 0; effective != NULL && i < effective->len; i++)
    {
      ScEffectivePlug *plug = g_ptr_array_index (effective, i);

      if (plug->origin == SC_PLUG_ORIGIN_EXTENSION)
        g_string_append_printf (implied, "%s%s", implied->len ? ", " : "", plug->plug);
    }

  printf ("  %s%s%s\n", target->is_hook ? "hook " : "", target->name,
          target->daemon ? " (daemon)" : "");
  printf ("    plugs: %s\n", declared->len ? declared->str : _("(none)"));
  if (implied->len > 0)
    printf ("    from extensions: %s\n", implied->str);
}

static void
print_text (ScProject *project)
{
  GPtrArray *apps = sc_project_get_apps (project);
  GPtrArray *hooks = sc_project_get_hooks (project);
  GPtrArray *defs = sc_project_get_plug_defs (project);
  GPtrArray *warnings = sc_project_get_warnings (project);
  const char *none = _("(not set)");

  printf ("%s — %s\n", sc_project_get_name (project), sc_project_get_display_path (project));
  printf ("  base: %s, grade: %s, confinement: %s\n",
          sc_project_get_base (project) ? sc_project_get_base (project) : none,
          sc_project_get_grade (project) ? sc_project_get_grade (project) : none,
          sc_project_get_confinement (project) ? sc_project_get_confinement (project) : none);
  printf ("apps:\n");
  for (guint i = 0; i < apps->len; i++)
    print_target_text (project, g_ptr_array_index (apps, i));
  if (hooks->len > 0)
    printf ("hooks:\n");
  for (guint i = 0; i < hooks->len; i++)
    print_target_text (project, g_ptr_array_index (hooks, i));
  if (defs->len > 0)
    printf ("plug definitions:\n");
  for (guint i = 0; i < defs->len; i++)
    {
      ScPlugDef *def = g_ptr_array_index (defs, i);
      printf ("  %s: %s\n", def->name, def->interface);
    }
  for (guint i = 0; i < warnings->len; i++)
    fprintf (stderr, _("warning: %s\n"), (const char *) g_ptr_array_index (warnings, i));
}

int
sc_cli_show (int    argc,
             char **argv)
{
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print one JSON object"), NULL },
    { NULL }
  };
  g_autoptr(ScProject) project = NULL;
  g_autoptr(GError) error = NULL;
  const char *path;

  /* Translators: the argument of show, strict and suggest in --help (a project
   * folder or a snapcraft.yaml), in capitals. */
  if (!parse_options ("show", N_("PATH"), entries, &argc, &argv)
      || !check_positional ("show", argc, argv, &path))
    return SC_EXIT_USAGE;

  project = sc_project_load (path, &error);
  if (project == NULL)
    return sc_cli_fail (error);

  if (json)
    {
      GPtrArray *warnings = sc_project_get_warnings (project);

      print_json (project);
      for (guint i = 0; i < warnings->len; i++)
        fprintf (stderr, _("warning: %s\n"), (const char *) g_ptr_array_index (warnings, i));
    }
  else
    print_text (project);

  return SC_EXIT_OK;
}

/* "TARGET=PLUG" → its halves; FALSE when malformed. */
static gboolean
split_assignment (const char  *text,
                  char       **target,
                  char       **plug)
{
  const char *eq = strchr (text, '=');

  if (eq == NULL || eq == text || eq[1] == '\0')
    return FALSE;
  *target = g_strndup (text, (gsize) (eq - text));
  *plug = g_strdup (eq + 1);
  return TRUE;
}

/* Applies the --plug/--unplug assignments in the order of ARGV, so that
 * "--unplug a=x --plug a=x" ends with x present. */
static int
apply_assignments (ScEdit      *edit,
                   int          argc,
                   char       **argv)
{
  for (int i = 1; i < argc; i++)
    {
      gboolean add = g_str_equal (argv[i], "--plug");
      gboolean remove = g_str_equal (argv[i], "--unplug");
      const char *value = NULL;
      g_autofree char *target = NULL;
      g_autofree char *plug = NULL;
      g_autoptr(GError) error = NULL;

      if (!add && !remove)
        {
          if (g_str_has_prefix (argv[i], "--plug="))
            add = TRUE, value = argv[i] + strlen ("--plug=");
          else if (g_str_has_prefix (argv[i], "--unplug="))
            remove = TRUE, value = argv[i] + strlen ("--unplug=");
          else
            continue;
        }
      else if (i + 1 < argc)
        value = argv[++i];

      if (value == NULL || !split_assignment (value, &target, &plug))
        /* Translators: write TARGET=PLUG as you translated it; the first %s
         * is --plug or --unplug, the second what followed it. */
        return sc_cli_usage_error ("strict", _("expected TARGET=PLUG after %s, got “%s”"),
                                   add ? "--plug" : "--unplug", value ? value : "");

      if (add)
        {
          g_autoptr(ScPlugSpec) spec = sc_plug_spec_parse (plug, &error);

          if (spec == NULL || !sc_edit_add_plug_spec (edit, target, spec, NULL, &error))
            return sc_cli_fail (error);
        }
      else if (!sc_edit_remove_plug (edit, target, plug, &error))
        return sc_cli_fail (error);
    }
  return SC_EXIT_OK;
}

/* What the edit does beyond what was asked, and what it takes from
 * others: on stderr, before the diff or the write. */
static void
print_messages (ScEdit *edit)
{
  g_autoptr(GPtrArray) messages = sc_edit_dup_messages (edit);

  for (guint i = 0; i < messages->len; i++)
    {
      ScEditMessage *message = messages->pdata[i];

      fprintf (stderr, "%s: %s\n",
               message->kind == SC_EDIT_MESSAGE_WARNING ? _("warning") : _("note"),
               message->text);
    }
}

int
sc_cli_strict (int    argc,
               char **argv)
{
  gboolean dry_run = FALSE, keep_definitions = FALSE, force = FALSE;
  g_auto(GStrv) plugs = NULL;
  g_auto(GStrv) unplugs = NULL;
  g_auto(GStrv) original_argv = g_strdupv (argv);
  GOptionEntry entries[] = {
    { "plug", 0, 0, G_OPTION_ARG_STRING_ARRAY, &plugs,
      /* Translators: TARGET and PLUG are the halves of the argument: write them
       * as you translated “TARGET=PLUG”; keep hook:NAME,
       * [NAME=]INTERFACE:ATTR=VALUE,… and the example as they are. */
      N_("Add PLUG to TARGET (an app or hook:NAME); PLUG is an interface, a defined plug, or "
         "[NAME=]INTERFACE:ATTR=VALUE,… to define one (e.g. personal-files:read=$HOME/.foo)"),
      /* Translators: the argument of --plug and --unplug in --help, in capitals;
       * keep the “=”. */
      N_("TARGET=PLUG") },
    { "unplug", 0, 0, G_OPTION_ARG_STRING_ARRAY, &unplugs,
      /* Translators: TARGET and PLUG as in “TARGET=PLUG”. */
      N_("Remove PLUG from TARGET"),
      N_("TARGET=PLUG") },
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run, N_("Print the diff, write nothing"), NULL },
    { "keep-definitions", 0, 0, G_OPTION_ARG_NONE, &keep_definitions,
      N_("Keep a top-level plug definition no app or hook lists any more (snapd then gives it "
         "to all of them)"), NULL },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force, N_("Write a read-only or hard-linked file anyway"),
      NULL },
    { NULL }
  };
  g_autoptr(ScProject) project = NULL;
  g_autoptr(ScEdit) edit = NULL;
  g_autoptr(GError) error = NULL;
  const char *path;
  int original_argc = argc;
  int status;

  if (!parse_options ("strict", N_("PATH"), entries, &argc, &argv)
      || !check_positional ("strict", argc, argv, &path))
    return SC_EXIT_USAGE;

  /* Validate the assignments before touching the project, so a typo is a
   * usage error even when the project is broken. */
  for (guint i = 0; plugs != NULL && plugs[i] != NULL; i++)
    {
      g_autofree char *t = NULL, *p = NULL;
      g_autoptr(ScPlugSpec) spec = NULL;

      if (!split_assignment (plugs[i], &t, &p))
        return sc_cli_usage_error ("strict",
                                   /* Translators: write TARGET=PLUG as you translated it. */
                                   _("expected TARGET=PLUG, got “%s”"), plugs[i]);
      spec = sc_plug_spec_parse (p, &error);
      if (spec == NULL)
        return sc_cli_fail (error);
    }
  for (guint i = 0; unplugs != NULL && unplugs[i] != NULL; i++)
    {
      g_autofree char *t = NULL, *p = NULL;
      if (!split_assignment (unplugs[i], &t, &p))
        return sc_cli_usage_error ("strict", _("expected TARGET=PLUG, got “%s”"), unplugs[i]);
    }

  project = sc_project_load (path, &error);
  if (project == NULL)
    return sc_cli_fail (error);

  edit = sc_edit_new (project);
  sc_edit_set_confinement (edit, "strict");
  sc_edit_set_keep_definitions (edit, keep_definitions);
  status = apply_assignments (edit, original_argc, original_argv);
  if (status != SC_EXIT_OK)
    return status;
  print_messages (edit);

  if (dry_run)
    {
      g_autofree char *diff = sc_edit_diff (edit, &error);

      if (diff == NULL)
        return sc_cli_fail (error);
      fputs (diff, stdout);
      sc_cli_note_write_target (project);
      return SC_EXIT_OK;
    }

  if (sc_edit_is_empty (edit))
    {
      /* Translators: %s is the snapcraft.yaml file. */
      fprintf (stderr, _("%s: already strict, nothing to change\n"),
               sc_project_get_display_path (project));
      return SC_EXIT_OK;
    }

  return sc_cli_write_edit (edit, project, force);
}
