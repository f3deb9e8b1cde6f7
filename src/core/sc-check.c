/* sc-check.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Project checks, the way snapcraft, snapd and the store review would apply
 * them after the fact, but while the developer is still editing.
 *
 * The codes are part of the CLI's JSON output: never rename one.
 *
 * code                    severity        what
 * ----------------------  --------------  -------------------------------------------------
 * unknown-plug            error           plug name is neither an interface nor a definition
 * unknown-interface       error           a top-level definition names an unknown interface
 * missing-attribute       error           a definition without the attributes snapd's plug
 *                                         sanitizer needs (sc-plug-rules.c: read/write,
 *                                         target, bus and name, …)
 * bare-interface          error           an interface that needs attributes listed by name
 *                                         alone, with no definition (snapd refuses it)
 * plug-slot-clash         error           one name for a plug and a slot (snapd refuses)
 * invalid-attribute       error           content default-provider with a channel ("foo/stable")
 * store-approval          warning         the interface (or an attribute, see
 *                                         sc-plug-rules.c) needs a grant
 * manual-connection       note            the plug does not auto-connect
 * home-read-all           warning         home with `read: all` (grant, manual connection)
 * personal-files-path     error / note    snapd's and review-tools' path rules for
 *                                         personal-files and system-files ($HOME only at
 *                                         the start, …); note for non-hidden $HOME paths
 * extension-duplicate     note            a declared plug an app's extension already adds
 * duplicate-plug          error           the same name twice in one plugs list; the loader
 *                                         already rejects it (FILE:LINE:COL, exit 3), kept
 *                                         for models built otherwise
 * empty-plugs             error (hook),   `plugs: []`; a note for a `plugs:` key without a
 *                         warning (app)   value
 * devmode                 warning         confinement: devmode
 * classic                 note            confinement: classic
 * grade-devel             warning         grade: devel
 * classic-plugs           warning         plugs on a classic snap are ignored
 * unscoped-plug           note            a non-content top-level plug no app or hook lists:
 *                                         snapd binds it to all of them
 * multiple-project-files  warning (error  more than one snapcraft.yaml candidate exists
 *                         on core18/20)
 * unsupported-extension   error           unknown extension, or not for the base or for
 *                                         classic confinement
 */
#define G_LOG_DOMAIN "sc-check"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "sc-check-private.h"
#include "sc-extensions.h"
#include "sc-interface-catalogue.h"
#include "sc-plug-rules.h"
#include "sc-utils.h"

typedef struct
{
  ScProject  *project;
  GPtrArray  *findings;
  gboolean    classic;
  /* Plug names whose connection class was already reported. */
  GHashTable *reported;
  /* ScTarget* → Effective, computed once per target:
   * per plug it made a long plug list quadratic. */
  GHashTable *effective;
} Checker;

typedef struct
{
  GPtrArray  *list;      /* of ScEffectivePlug* */
  GHashTable *by_name;   /* plug name → ScEffectivePlug*, borrowed */
} Effective;

static void
effective_free (Effective *effective)
{
  g_hash_table_unref (effective->by_name);
  g_ptr_array_unref (effective->list);
  g_free (effective);
}

static Effective *
checker_effective_full (Checker  *checker,
                        ScTarget *target)
{
  Effective *effective = g_hash_table_lookup (checker->effective, target);

  if (effective == NULL)
    {
      effective = g_new0 (Effective, 1);
      effective->list = sc_project_dup_effective_plugs (checker->project, target);
      effective->by_name = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < effective->list->len; i++)
        {
          ScEffectivePlug *plug = effective->list->pdata[i];
          g_hash_table_insert (effective->by_name, plug->plug, plug);
        }
      g_hash_table_insert (checker->effective, target, effective);
    }
  return effective;
}

static GPtrArray *
checker_effective (Checker  *checker,
                   ScTarget *target)
{
  return checker_effective_full (checker, target)->list;
}

static void
add_finding (Checker    *checker,
             ScSeverity  severity,
             const char *code,
             const char *target,
             const char *plug,
             guint       line,
             guint       column,
             char       *message,
             char       *hint)
{
  ScFinding *finding = g_new0 (ScFinding, 1);

  finding->severity = severity;
  finding->code = g_strdup (code);
  finding->target = g_strdup (target);
  finding->plug = g_strdup (plug);
  finding->line = line;
  finding->column = column;
  finding->message = message;
  finding->hint = hint;
  g_ptr_array_add (checker->findings, finding);
}

static char *
target_id (ScTarget *target)
{
  return target->is_hook ? g_strconcat ("hook:", target->name, NULL) : g_strdup (target->name);
}

/* Position of KEY (or of NEEDLE in its value) in the top-level plug
 * definition DEF, falling back to the definition's own key. */
static void
def_position (Checker    *checker,
              ScPlugDef  *def,
              const char *key,
              const char *needle,
              guint      *line,
              guint      *column)
{
  if (!_sc_check_find_in_block (checker->project, def->line, def->column, key, needle, line,
                                column))
    {
      *line = def->line;
      *column = def->column;
    }
}

/* The closest of CANDIDATES to NAME, if close enough to be a typo. */
static const char *
closest_name (const char *name,
              GPtrArray  *candidates)
{
  guint len = strlen (name);
  guint limit = MIN (2, (len + 1) / 2);
  guint best_distance = G_MAXUINT;
  const char *best = NULL;

  for (guint i = 0; i < candidates->len; i++)
    {
      const char *candidate = candidates->pdata[i];
      guint candidate_len = strlen (candidate);
      guint distance;

      /* The distance is at least the difference in length: skip the
       * quadratic comparison for names that cannot be close. */
      if (MAX (len, candidate_len) - MIN (len, candidate_len) > limit)
        continue;
      distance = sc_edit_distance (name, candidate);

      if (distance > 0 && distance <= limit && distance < best_distance)
        {
          best = candidate;
          best_distance = distance;
        }
    }

  return best;
}

static GPtrArray *
interface_names (void)
{
  GPtrArray *names = g_ptr_array_new ();
  guint n = 0;
  const ScInterfaceInfo *all = sc_interface_catalogue_get_all (&n);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (names, (gpointer) all[i].name);
  return names;
}

/* A plug-name is known when it is a top-level definition (the project's
 * or one an extension adds) or an interface. */
static gboolean
is_defined_plug (Checker    *checker,
                 ScTarget   *target,
                 const char *name)
{
  ScEffectivePlug *plug;

  if (sc_project_find_plug_def (checker->project, name) != NULL)
    return TRUE;

  plug = g_hash_table_lookup (checker_effective_full (checker, target)->by_name, name);
  return plug != NULL && plug->definition != NULL;
}

/* Plug names that older snapcraft releases gave to an extension's platform
 * plug, and the mount point that identifies that plug today. Projects
 * written for those releases still list the old name, which now has no
 * definition. */
static const struct
{
  const char *old_name;
  const char *target;
} renamed_plugs[] = {
  { "kde-frameworks-5-plug", "$SNAP/kf5" },
};

static const char *
renamed_platform_plug (Checker    *checker,
                       ScTarget   *target,
                       const char *name)
{
  GPtrArray *effective;

  for (guint i = 0; i < G_N_ELEMENTS (renamed_plugs); i++)
    {
      if (strcmp (renamed_plugs[i].old_name, name) != 0)
        continue;

      effective = checker_effective (checker, target);
      for (guint j = 0; j < effective->len; j++)
        {
          ScEffectivePlug *plug = effective->pdata[j];
          g_autoptr(GVariant) mount = NULL;

          if (plug->definition == NULL || plug->extension == NULL)
            continue;
          mount = g_variant_lookup_value (plug->definition->attributes, "target",
                                          G_VARIANT_TYPE_STRING);
          if (mount != NULL && strcmp (g_variant_get_string (mount, NULL),
                                       renamed_plugs[i].target) == 0)
            return g_intern_string (plug->plug);
        }
    }

  return NULL;
}

static void
check_unknown_plug (Checker   *checker,
                    ScTarget  *target,
                    ScPlugRef *ref)
{
  g_autoptr(GPtrArray) candidates = NULL;
  GPtrArray *effective;
  g_autofree char *id = NULL;
  g_autofree char *hint = NULL;
  const char *suggestion;
  const char *renamed;
  GPtrArray *defs;

  if (sc_interface_catalogue_lookup (ref->name) != NULL ||
      is_defined_plug (checker, target, ref->name))
    return;

  candidates = interface_names ();
  defs = sc_project_get_plug_defs (checker->project);
  for (guint i = 0; defs != NULL && i < defs->len; i++)
    g_ptr_array_add (candidates, ((ScPlugDef *) defs->pdata[i])->name);
  effective = checker_effective (checker, target);
  for (guint i = 0; i < effective->len; i++)
    {
      ScEffectivePlug *plug = effective->pdata[i];

      if (plug->definition != NULL && plug->extension != NULL)
        g_ptr_array_add (candidates, plug->definition->name);
    }

  suggestion = closest_name (ref->name, candidates);
  renamed = renamed_platform_plug (checker, target, ref->name);
  if (renamed != NULL)
    /* Translators: %s is a plug name. */
    hint = g_strdup_printf (_("Older versions of the extension called the platform plug "
                              "this way; it is now “%s”, which the extension adds by itself: "
                              "remove this entry."), renamed);
  else if (suggestion != NULL)
    /* Translators: %s is a plug or interface name. */
    hint = g_strdup_printf (_("Did you mean “%s”?"), suggestion);
  else
    hint = g_strdup (_("Use an interface name, or define the plug under the top-level "
                       "“plugs:” key with an “interface:”."));

  id = target_id (target);
  add_finding (checker, SC_SEVERITY_ERROR, "unknown-plug", id, ref->name, ref->line, ref->column,
               /* Translators: %s is a plug name. */
               g_strdup_printf (_("“%s” is neither a snapd interface nor a plug defined in "
                                  "this project; snapd would drop it"), ref->name),
               g_steal_pointer (&hint));
}

static char *
store_approval_hint (const ScInterfaceInfo *info)
{
  GString *hint = g_string_new (_("Ask for it in the “store-requests” category of the "
                                  "Snapcraft forum and explain why the app needs it."));

  if (info != NULL && info->risk != NULL)
    {
      g_string_append_c (hint, ' ');
      g_string_append (hint, _(info->risk));
    }
  if (info != NULL && info->policy_notes != NULL && info->policy_notes[0] != '\0')
    {
      g_string_append (hint, " (");
      g_string_append (hint, info->policy_notes);
      g_string_append (hint, ")");
    }

  return g_string_free (hint, FALSE);
}

static char *
manual_connection_hint (Checker               *checker,
                        const char            *plug,
                        const ScInterfaceInfo *info)
{
  const char *snap = sc_project_get_name (checker->project);
  GString *hint = g_string_new (NULL);

  /* Translators: the first %s is a snap name, the second a plug name. */
  g_string_printf (hint, _("Users have to run “snap connect %s:%s”, or the publisher can "
                           "ask the store for auto-connection."),
                   snap != NULL ? snap : "SNAP", plug);
  if (info->policy_notes != NULL && info->policy_notes[0] != '\0')
    g_string_append_printf (hint, " (%s)", info->policy_notes);

  return g_string_free (hint, FALSE);
}

/* store-approval and manual-connection, reported once per plug name at
 * its definition or first use. */
static void
check_connection (Checker               *checker,
                  const char            *target,
                  const char            *plug,
                  const ScInterfaceInfo *info,
                  guint                  line,
                  guint                  column)
{
  /* Plugs of a classic snap are ignored, so how they connect does not
   * matter; classic-plugs says so. */
  if (checker->classic || info == NULL || g_hash_table_contains (checker->reported, plug))
    return;

  g_hash_table_add (checker->reported, g_strdup (plug));

  if (info->store_approval)
    {
      add_finding (checker, SC_SEVERITY_WARNING, "store-approval", target, plug, line, column,
                   strcmp (plug, info->name) == 0
                     /* Translators: %s is an interface name. */
                     ? g_strdup_printf (_("“%s” is a super-privileged interface: the Snap "
                                          "Store holds the upload for manual review and only "
                                          "accepts it with a grant"), plug)
                     /* Translators: the first %s is a plug name, the second an interface. */
                     : g_strdup_printf (_("Plug “%s” uses “%s”, a super-privileged interface: "
                                          "the Snap Store holds the upload for manual review "
                                          "and only accepts it with a grant"), plug, info->name),
                   store_approval_hint (info));
    }
  else if (!info->auto_connect && strcmp (info->name, "content") != 0)
    {
      /* Content plugs are left out: whether they auto-connect depends on
       * the providing snap's publisher and store declarations, which the
       * file does not tell. */
      add_finding (checker, SC_SEVERITY_NOTE, "manual-connection", target, plug, line, column,
                   strcmp (plug, info->name) == 0
                     /* Translators: %s is a plug name. */
                     ? g_strdup_printf (_("Plug “%s” does not connect automatically"), plug)
                     /* Translators: the first %s is a plug name, the second an interface. */
                     : g_strdup_printf (_("Plug “%s” (“%s”) does not connect automatically"),
                                        plug, info->name),
                   manual_connection_hint (checker, plug, info));
    }
}

static GVariant *
lookup_attribute (ScPlugDef  *def,
                  const char *name)
{
  if (def->attributes == NULL)
    return NULL;
  return g_variant_lookup_value (def->attributes, name, NULL);
}

static void
check_path (Checker    *checker,
            ScPlugDef  *def,
            const char *attribute,
            const char *path)
{
  const char *hint = NULL;
  gboolean advice = FALSE;
  g_autofree char *problem = sc_plug_rules_check_files_path (def->interface, path, &hint,
                                                             &advice);
  guint line, column;

  if (problem == NULL)
    return;

  def_position (checker, def, attribute, path, &line, &column);
  add_finding (checker, advice ? SC_SEVERITY_NOTE : SC_SEVERITY_ERROR, "personal-files-path",
               NULL, def->name, line, column,
               /* Translators: “%s” are a path, an attribute (read/write) and a
                * plug name; the last %s is a short reason such as “ends with /”. */
               g_strdup_printf (_("Path “%s” in “%s” of plug “%s” %s"),
                                path, attribute, def->name, problem),
               g_strdup (hint));
}

static void
check_paths (Checker   *checker,
             ScPlugDef *def)
{
  const char *attributes[] = { "read", "write" };

  for (guint i = 0; i < G_N_ELEMENTS (attributes); i++)
    {
      g_autoptr(GVariant) value = lookup_attribute (def, attributes[i]);

      if (value == NULL)
        continue;

      if (!g_variant_is_of_type (value, G_VARIANT_TYPE ("av")))
        {
          guint line, column;

          def_position (checker, def, attributes[i], NULL, &line, &column);
          add_finding (checker, SC_SEVERITY_ERROR, "personal-files-path", NULL, def->name,
                       line, column,
                       /* Translators: the first %s is read or write, the second a plug name. */
                       g_strdup_printf (_("“%s” of plug “%s” must be a list of paths"),
                                        attributes[i], def->name),
                       g_strdup (_("Write it as a YAML list, e.g. “read: [$HOME/.config/app]”.")));
          continue;
        }

      for (gsize j = 0; j < g_variant_n_children (value); j++)
        {
          g_autoptr(GVariant) boxed = g_variant_get_child_value (value, j);
          g_autoptr(GVariant) item = g_variant_get_variant (boxed);

          if (g_variant_is_of_type (item, G_VARIANT_TYPE_STRING))
            check_path (checker, def, attributes[i], g_variant_get_string (item, NULL));
        }
    }
}

/* What to add for RULE: snapd's example in YAML, and what snapd does. */
static char *
required_hint (const ScRequiredAttributes *rule)
{
  if (rule->at_connection)
    /* Translators: the first %s is a YAML example, the second snapd's error message. */
    return g_strdup_printf (_("Describe what the plug may do, e.g. “%s”; snapd refuses to "
                              "connect it without that (“%s”)."),
                            rule->yaml_example, rule->snapd_error);
  /* Translators: the first %s is a YAML example such as “read: [$HOME/.config/app]”,
   * the second snapd's error message. */
  return g_strdup_printf (_("Add it, e.g. “%s”; snapd refuses to install the snap "
                            "without it (“%s”)."), rule->yaml_example, rule->snapd_error);
}

/* A definition without the attributes its interface cannot do without
 * (sc-plug-rules.c); a content plug may take its target from the
 * extension's definition of the same name, which snapcraft merges in. */
static void
check_required_attributes (Checker   *checker,
                           ScPlugDef *def)
{
  const ScRequiredAttributes *rule = sc_plug_rules_get_required (def->interface);
  ScPlugDef *ext_def;
  g_autofree char *needed = NULL;

  if (rule == NULL || sc_plug_rules_has_required (rule, def->attributes))
    return;
  ext_def = sc_project_find_extension_plug_def (checker->project, def->name, NULL);
  if (ext_def != NULL && g_strcmp0 (ext_def->interface, def->interface) == 0 &&
      sc_plug_rules_has_required (rule, ext_def->attributes))
    return;

  needed = sc_plug_rules_dup_required_text (rule);
  add_finding (checker, SC_SEVERITY_ERROR, "missing-attribute", NULL, def->name,
               def->line, def->column,
               /* Translators: the first %s is a plug name, the second an interface, the
                * third a list of attribute names such as “read” or “write”. */
               g_strdup_printf (_("Plug “%s” (“%s”) has no %s"), def->name, def->interface,
                                needed),
               required_hint (rule));
}

/* snapcraft refuses a channel in a content plug's provider ("foo/stable"). */
static void
check_content_provider (Checker   *checker,
                        ScPlugDef *def)
{
  g_autoptr(GVariant) provider = lookup_attribute (def, "default-provider");
  const char *name = provider != NULL && g_variant_is_of_type (provider, G_VARIANT_TYPE_STRING)
                     ? g_variant_get_string (provider, NULL) : NULL;
  guint line, column;

  if (name == NULL || strchr (name, '/') == NULL)
    return;

  def_position (checker, def, "default-provider", name, &line, &column);
  add_finding (checker, SC_SEVERITY_ERROR, "invalid-attribute", NULL, def->name,
               line, column,
               /* Translators: the first %s is a plug name, the second a snap name. */
               g_strdup_printf (_("The default provider of content plug “%s” names a "
                                  "channel: “%s”"), def->name, name),
               g_strdup (_("Give only the snap's name; snapcraft refuses a “/” in "
                           "“default-provider”.")));
}

static void
check_unknown_interface (Checker    *checker,
                         ScPlugDef  *def,
                         const char *iface)
{
  g_autoptr(GPtrArray) names = interface_names ();
  const char *suggestion = closest_name (iface, names);
  guint line, column;

  def_position (checker, def, "interface", iface, &line, &column);
  add_finding (checker, SC_SEVERITY_ERROR, "unknown-interface", NULL, def->name,
               line, column,
               /* Translators: the first %s is a plug name, the second an interface. */
               g_strdup_printf (_("Plug “%s” uses “%s”, which is not a snapd interface"),
                                def->name, iface),
               suggestion != NULL
                 /* Translators: %s is an interface name. */
                 ? g_strdup_printf (_("Did you mean “%s”?"), suggestion)
                 : g_strdup (_("Run “snapconfine-cli interfaces” for the list of "
                               "interfaces.")));
}

/* Attribute values that change how the plug connects, as snapd's base
 * declaration decides (sc_plug_rules_attribute_effect()): TRUE when one
 * decided, so the interface's default does not apply. */
static gboolean
check_attribute_rules (Checker               *checker,
                       ScPlugDef             *def,
                       const ScInterfaceInfo *info)
{
  const char *attribute;
  ScAttributeEffect effect = sc_plug_rules_attribute_effect (def->interface, def->attributes,
                                                             &attribute);
  const ScAttributeRule *rule;
  char *message;
  guint line, column;

  switch (effect)
    {
    case SC_ATTRIBUTE_DEFAULT:
      return FALSE;
    case SC_ATTRIBUTE_AUTO_CONNECTS:
      g_hash_table_add (checker->reported, g_strdup (def->name));
      return TRUE;
    case SC_ATTRIBUTE_NEEDS_GRANT:
    case SC_ATTRIBUTE_MANUAL:
    default:
      break;
    }

  g_hash_table_add (checker->reported, g_strdup (def->name));
  rule = sc_plug_rules_get_attribute_rule (def->interface, attribute);
  def_position (checker, def, attribute, NULL, &line, &column);
  if (rule != NULL)
    {
      /* The messages are the table's own literals with one %s each
       * (sc-plug-rules.c); test-check checks every row's output. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
      message = g_strdup_printf (_(rule->message), def->name);
#pragma GCC diagnostic pop
    }
  else if (effect == SC_ATTRIBUTE_NEEDS_GRANT)
    /* Translators: the first %s is a plug name, the second an attribute. */
    message = g_strdup_printf (_("Plug “%s” sets “%s”, which needs store approval"),
                               def->name, attribute);
  else
    /* Translators: the first %s is a plug name, the second an attribute. */
    message = g_strdup_printf (_("Plug “%s” sets “%s”, so it does not connect automatically"),
                               def->name, attribute);

  if (effect == SC_ATTRIBUTE_MANUAL)
    add_finding (checker, SC_SEVERITY_NOTE, "manual-connection", NULL, def->name, line, column,
                 message, manual_connection_hint (checker, def->name, info));
  else
    add_finding (checker, SC_SEVERITY_WARNING, rule != NULL ? rule->code : "store-approval",
                 NULL, def->name, line, column, message,
                 rule != NULL && rule->hint != NULL ? g_strdup (_(rule->hint))
                 : store_approval_hint (info));
  return TRUE;
}

static void
check_plug_def (Checker   *checker,
                ScPlugDef *def)
{
  const ScInterfaceInfo *info;
  const char *iface = def->interface != NULL ? def->interface : def->name;

  if (checker->classic)
    add_finding (checker, SC_SEVERITY_WARNING, "classic-plugs", NULL, def->name,
                 def->line, def->column,
                 /* Translators: %s is a plug name. */
                 g_strdup_printf (_("Plug “%s” is ignored: a classic snap is not confined"),
                                  def->name),
                 g_strdup (_("Remove the plug, or move to strict confinement.")));

  info = sc_interface_catalogue_lookup (iface);
  if (info == NULL)
    {
      check_unknown_interface (checker, def, iface);
      return;
    }

  check_required_attributes (checker, def);
  if (strcmp (iface, "personal-files") == 0 || strcmp (iface, "system-files") == 0)
    check_paths (checker, def);
  if (strcmp (iface, "content") == 0)
    check_content_provider (checker, def);

  if (checker->classic)
    return;

  /* Content plugs are meant to be shared by the whole snap (themes,
   * platform snaps); anything else given to every app is worth a word. */
  if (strcmp (iface, "content") != 0 && sc_project_plug_is_unscoped (checker->project, def->name))
    add_finding (checker, SC_SEVERITY_NOTE, "unscoped-plug", NULL, def->name,
                 def->line, def->column,
                 /* Translators: %s is a plug name. */
                 g_strdup_printf (_("No app or hook lists plug “%s”, so snapd gives it to "
                                    "every app and hook of the snap"), def->name),
                 g_strdup (_("List it under “plugs:” of the apps that need it; the others "
                             "then stay without it.")));

  if (!check_attribute_rules (checker, def, info))
    check_connection (checker, NULL, def->name, info, def->line, def->column);
}

static void
add_plug_slot_finding (Checker    *checker,
                       const char *target,
                       const char *name,
                       guint       line,
                       guint       column)
{
  add_finding (checker, SC_SEVERITY_ERROR, "plug-slot-clash", target, name, line, column,
               /* Translators: %s is a plug name. */
               g_strdup_printf (_("“%s” is the name of a plug and of a slot; snapd refuses a "
                                  "snap that uses one name for both"), name),
               g_strdup (_("Rename the plug or the slot: give a plug with a different name "
                           "“interface:” under the top-level “plugs:”, and list that name.")));
}

/* An interface listed by name alone whose plugs cannot do without
 * attributes (personal-files, content, dbus, …): snapd refuses it. */
static void
check_bare_interface (Checker   *checker,
                      ScTarget  *target,
                      ScPlugRef *ref)
{
  const ScRequiredAttributes *rule = sc_plug_rules_get_required (ref->name);
  g_autofree char *id = NULL;
  g_autofree char *needed = NULL;

  if (rule == NULL || is_defined_plug (checker, target, ref->name))
    return;

  id = target_id (target);
  needed = sc_plug_rules_dup_required_text (rule);
  add_finding (checker, SC_SEVERITY_ERROR, "bare-interface", id, ref->name,
               ref->line, ref->column,
               /* Translators: the first %s is an interface, the second a list of attribute
                * names such as “read” or “write”. */
               g_strdup_printf (_("“%s” needs %s, which a plug listed by its interface "
                                  "name cannot have; snapd refuses it"), ref->name, needed),
               rule->example != NULL
                 /* Translators: the first %s is a plug name, the second a YAML example,
                  * the third a command line example. */
                 ? g_strdup_printf (_("Define a plug with the attributes under the top-level "
                                      "“plugs:” (e.g. “%s: {interface: %s, %s}”) and list "
                                      "that name instead, or run “snapconfine-cli strict "
                                      "--plug APP=%s:%s”."), rule->interface, rule->interface,
                                    rule->yaml_example, rule->interface, rule->example)
                 /* Translators: the first %s is a plug name, the second a YAML example. */
                 : g_strdup_printf (_("Define a plug with the attributes under the top-level "
                                      "“plugs:” (e.g. “%s: {interface: %s, %s}”) and list "
                                      "that name instead."), rule->interface, rule->interface,
                                    rule->yaml_example));
}

/* snapd keeps plugs and slots in one namespace per snap (snap/validate.go,
 * plugsSlotsUniqueNames: "cannot have plug and slot with the same name"). */
static void
check_plug_slot_names (Checker *checker)
{
  g_autoptr(GHashTable) slots = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) reported = g_hash_table_new (g_str_hash, g_str_equal);
  const char * const *top_slots = sc_project_get_slot_names (checker->project);
  GPtrArray *lists[2] = { sc_project_get_apps (checker->project),
                          sc_project_get_hooks (checker->project) };
  GPtrArray *defs = sc_project_get_plug_defs (checker->project);

  for (guint i = 0; top_slots[i] != NULL; i++)
    g_hash_table_add (slots, (gpointer) top_slots[i]);
  for (guint i = 0; i < lists[0]->len; i++)
    {
      ScTarget *app = lists[0]->pdata[i];

      for (guint j = 0; app->slots[j] != NULL; j++)
        g_hash_table_add (slots, app->slots[j]);
    }
  if (g_hash_table_size (slots) == 0)
    return;

  for (guint i = 0; i < defs->len; i++)
    {
      ScPlugDef *def = defs->pdata[i];

      if (g_hash_table_contains (slots, def->name) && g_hash_table_add (reported, def->name))
        add_plug_slot_finding (checker, NULL, def->name, def->line, def->column);
    }
  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < lists[l]->len; i++)
      {
        ScTarget *target = lists[l]->pdata[i];

        for (guint j = 0; j < target->plugs->len; j++)
          {
            ScPlugRef *ref = target->plugs->pdata[j];

            if (g_hash_table_contains (slots, ref->name) &&
                g_hash_table_add (reported, ref->name))
              {
                g_autofree char *id = target_id (target);

                add_plug_slot_finding (checker, id, ref->name, ref->line, ref->column);
              }
          }
      }
}

static void
check_target (Checker  *checker,
              ScTarget *target)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *id = target_id (target);

  if (target->has_plugs_key && target->plugs->len == 0 &&
      !_sc_check_plugs_value_is_empty_list (checker->project, target->plugs_line))
    add_finding (checker, SC_SEVERITY_NOTE, "empty-plugs", id, NULL,
                 target->plugs_line, target->plugs_column,
                 /* Translators: %s is an app or hook name. */
                 g_strdup_printf (_("The “plugs:” key of “%s” has no value"), target->name),
                 g_strdup (_("Snapcraft reads it as if it were not there; list the plugs or "
                             "remove the key.")));
  else if (target->has_plugs_key && target->plugs->len == 0)
    {
      if (target->is_hook)
        add_finding (checker, SC_SEVERITY_ERROR, "empty-plugs", id, NULL,
                     target->plugs_line, target->plugs_column,
                     /* Translators: %s is a hook name. */
                     g_strdup_printf (_("Hook “%s” has an empty plugs list, which snapcraft "
                                        "rejects"), target->name),
                     g_strdup (_("Remove the “plugs:” key or list at least one plug.")));
      else
        add_finding (checker, SC_SEVERITY_WARNING, "empty-plugs", id, NULL,
                     target->plugs_line, target->plugs_column,
                     /* Translators: %s is an app name. */
                     g_strdup_printf (_("App “%s” has an empty plugs list"), target->name),
                     g_strdup (_("Remove the “plugs:” key or list the plugs the app needs.")));
    }

  if (checker->classic && target->plugs->len > 0)
    add_finding (checker, SC_SEVERITY_WARNING, "classic-plugs", id, NULL,
                 target->plugs_line, target->plugs_column,
                 /* Translators: %s is an app or hook name. */
                 g_strdup_printf (_("The plugs of “%s” are ignored: a classic snap is not "
                                    "confined"), target->name),
                 g_strdup (_("Remove the plugs, or move to strict confinement.")));

  for (guint i = 0; i < target->plugs->len; i++)
    {
      ScPlugRef *ref = target->plugs->pdata[i];
      const char *extension;

      if (g_hash_table_contains (seen, ref->name))
        {
          add_finding (checker, SC_SEVERITY_ERROR, "duplicate-plug", id, ref->name,
                       ref->line, ref->column,
                       /* Translators: the first %s is a plug name, the second an app or hook. */
                       g_strdup_printf (_("Plug “%s” is listed twice for “%s”"),
                                        ref->name, target->name),
                       g_strdup (_("Remove the second entry; snapcraft rejects lists with "
                                   "duplicates.")));
          continue;
        }
      g_hash_table_add (seen, ref->name);

      extension = sc_project_get_plug_extension (checker->project, target, ref->name);
      if (extension != NULL)
        add_finding (checker, SC_SEVERITY_NOTE, "extension-duplicate", id, ref->name,
                     ref->line, ref->column,
                     /* Translators: the first %s is a plug name, the second an extension. */
                     g_strdup_printf (_("Plug “%s” is already added by the “%s” extension"),
                                      ref->name, extension),
                     g_strdup (_("The entry can go; it changes nothing.")));

      check_unknown_plug (checker, target, ref);
      check_bare_interface (checker, target, ref);

      /* Plugs with a top-level definition are judged at the definition. */
      if (sc_project_find_plug_def (checker->project, ref->name) == NULL)
        check_connection (checker, id, ref->name, sc_interface_catalogue_lookup (ref->name),
                          ref->line, ref->column);
    }
}

static void
check_extensions (Checker  *checker,
                  ScTarget *app)
{
  const char *base = sc_project_get_extension_base (checker->project);

  for (guint i = 0; app->extensions != NULL && app->extensions[i] != NULL; i++)
    {
      const char *extension = app->extensions[i];
      const char * const *bases = sc_extension_get_bases (extension);
      guint line, column;

      if (!_sc_check_find_in_block (checker->project, app->line, app->column, "extensions",
                                    extension, &line, &column))
        {
          line = app->line;
          column = app->column;
        }

      if (bases == NULL)
        {
          g_autoptr(GPtrArray) names = g_ptr_array_new ();
          const char * const *known = sc_extension_get_names ();
          const char *suggestion;

          for (guint j = 0; known[j] != NULL; j++)
            g_ptr_array_add (names, (gpointer) known[j]);
          suggestion = closest_name (extension, names);

          add_finding (checker, SC_SEVERITY_ERROR, "unsupported-extension", app->name, NULL,
                       line, column,
                       /* Translators: the first %s is an extension, the second an app. */
                       g_strdup_printf (_("Unknown extension “%s” in app “%s”"),
                                        extension, app->name),
                       suggestion != NULL
                         ? g_strdup_printf (_("Did you mean “%s”?"), suggestion)
                         : g_strdup (_("Run “snapcraft list-extensions” for the valid names.")));
        }
      else if (base == NULL || !g_strv_contains (bases, base))
        {
          g_autofree char *list = g_strjoinv (", ", (char **) bases);

          add_finding (checker, SC_SEVERITY_ERROR, "unsupported-extension", app->name, NULL,
                       line, column,
                       base != NULL
                         /* Translators: %s are an extension, an app and a base. */
                         ? g_strdup_printf (_("Extension “%s” of app “%s” does not support "
                                              "base “%s”"), extension, app->name, base)
                         /* Translators: %s are an extension and an app. */
                         : g_strdup_printf (_("Extension “%s” of app “%s” needs a “base”"),
                                            extension, app->name),
                       /* Translators: %s is a list of bases. */
                       g_strdup_printf (_("Supported bases: %s."), list));
        }
      else if (!sc_extension_supports_confinement (extension,
                                                   sc_project_get_confinement (checker->project)))
        {
          add_finding (checker, SC_SEVERITY_ERROR, "unsupported-extension", app->name, NULL,
                       line, column,
                       /* Translators: %s are an extension and an app. */
                       g_strdup_printf (_("Extension “%s” of app “%s” does not support "
                                          "classic confinement"), extension, app->name),
                       g_strdup (_("Use strict confinement, or drop the extension and set up "
                                   "the app's environment yourself.")));
        }
    }
}

static gboolean
same_file (const char *a,
           const char *b)
{
  g_autoptr(GFile) file_a = g_file_new_for_path (a);
  g_autoptr(GFile) file_b = g_file_new_for_path (b);

  return g_file_equal (file_a, file_b);
}

static void
check_project_files (Checker *checker)
{
  const char *root = sc_project_get_root (checker->project);
  const char *base = sc_project_get_base (checker->project);
  g_autoptr(GPtrArray) found = NULL;
  g_autofree char *others = NULL;
  g_autofree char *used = NULL;
  const char *path;
  gboolean legacy, ignored;

  if (root == NULL)
    return;

  found = g_ptr_array_new ();
  for (guint i = 0; sc_project_candidates[i] != NULL; i++)
    {
      g_autofree char *candidate = g_build_filename (root, sc_project_candidates[i], NULL);

      if (g_file_test (candidate, G_FILE_TEST_IS_REGULAR))
        g_ptr_array_add (found, (gpointer) sc_project_candidates[i]);
    }

  if (found->len < 2)
    return;

  g_ptr_array_add (found, NULL);
  others = g_strjoinv (", ", (char **) found->pdata + 1);
  used = g_build_filename (root, found->pdata[0], NULL);
  path = sc_project_get_path (checker->project);
  ignored = path != NULL && !same_file (path, used);
  /* Snapcraft 7 and 8, which build core18 and core20, refuse to choose. */
  legacy = base != NULL && (strcmp (base, "core18") == 0 || strcmp (base, "core20") == 0);

  add_finding (checker, legacy ? SC_SEVERITY_ERROR : SC_SEVERITY_WARNING,
               "multiple-project-files", NULL, NULL, 1, 1,
               legacy
                 /* Translators: %s is a list of file names. */
                 ? g_strdup_printf (_("The project has several snapcraft.yaml files (%s, %s); "
                                      "snapcraft for core18/core20 refuses to build"),
                                    (const char *) found->pdata[0], others)
                 : ignored
                   /* Translators: %s is a file name. */
                   ? g_strdup_printf (_("Snapcraft ignores this file: it uses %s, which comes "
                                        "first"), (const char *) found->pdata[0])
                   /* Translators: the first %s is a file name, the second a list of them. */
                   : g_strdup_printf (_("Snapcraft uses %s and ignores %s"),
                                      (const char *) found->pdata[0], others),
               g_strdup (_("Delete or rename the files snapcraft does not use, so edits go to "
                           "the right one.")));
}

static int
compare_findings (gconstpointer a,
                  gconstpointer b)
{
  const ScFinding *fa = *(ScFinding * const *) a;
  const ScFinding *fb = *(ScFinding * const *) b;

  if (fa->line != fb->line)
    return fa->line < fb->line ? -1 : 1;
  if (fa->column != fb->column)
    return fa->column < fb->column ? -1 : 1;
  return 0;
}

GPtrArray *
sc_check_project (ScProject *project)
{
  Checker checker = { 0 };
  const char *confinement;
  const char *grade;
  GPtrArray *lists[2];
  GPtrArray *defs;

  g_return_val_if_fail (SC_IS_PROJECT (project), NULL);

  checker.project = project;
  checker.findings = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_finding_free);
  checker.reported = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  checker.effective = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                             (GDestroyNotify) effective_free);

  confinement = sc_project_get_confinement (project);
  checker.classic = g_strcmp0 (confinement, "classic") == 0;

  check_project_files (&checker);

  if (g_strcmp0 (confinement, "devmode") == 0 || checker.classic)
    {
      guint line = 0, column = 0;

      sc_project_get_confinement_position (project, &line, &column);
      if (checker.classic)
        add_finding (&checker, SC_SEVERITY_NOTE, "classic", NULL, NULL, line, column,
                     g_strdup (_("Classic confinement needs approval by the Snap Store")),
                     g_strdup (_("Only some kinds of tools qualify; ask in the "
                                 "“store-requests” forum category, or use strict "
                                 "confinement with plugs.")));
      else
        add_finding (&checker, SC_SEVERITY_WARNING, "devmode", NULL, NULL, line, column,
                     g_strdup (_("A devmode snap can only be released to the beta and edge "
                                 "channels")),
                     g_strdup (_("Add the plugs the app needs and switch to “confinement: "
                                 "strict” (snapconfine-cli strict).")));
    }

  grade = sc_project_get_grade (project);
  if (g_strcmp0 (grade, "devel") == 0)
    {
      guint line = 0, column = 0;

      _sc_check_find_root_key (project, "grade", &line, &column);
      add_finding (&checker, SC_SEVERITY_WARNING, "grade-devel", NULL, NULL, line, column,
                   g_strdup (_("A devel-grade snap can only be released to the beta and "
                               "edge channels")),
                   g_strdup (_("Set “grade: stable” once the snap is ready for the candidate "
                               "and stable channels.")));
    }

  defs = sc_project_get_plug_defs (project);
  for (guint i = 0; defs != NULL && i < defs->len; i++)
    check_plug_def (&checker, defs->pdata[i]);

  check_plug_slot_names (&checker);

  lists[0] = sc_project_get_apps (project);
  lists[1] = sc_project_get_hooks (project);
  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; lists[l] != NULL && i < lists[l]->len; i++)
      {
        ScTarget *target = lists[l]->pdata[i];

        if (!target->is_hook)
          check_extensions (&checker, target);
        check_target (&checker, target);
      }

  g_ptr_array_sort (checker.findings, compare_findings);
  g_hash_table_unref (checker.reported);
  g_hash_table_unref (checker.effective);

  return checker.findings;
}

const char *
sc_severity_to_string (ScSeverity severity)
{
  switch (severity)
    {
    case SC_SEVERITY_ERROR:
      return "error";
    case SC_SEVERITY_WARNING:
      return "warning";
    case SC_SEVERITY_NOTE:
    default:
      return "note";
    }
}

void
sc_finding_free (ScFinding *finding)
{
  if (finding == NULL)
    return;

  g_free (finding->code);
  g_free (finding->target);
  g_free (finding->plug);
  g_free (finding->message);
  g_free (finding->hint);
  g_free (finding);
}
