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
 *     "present": [ { "target", "plug", "denials": N } ],      already declared
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
#include "sc-project.h"

typedef struct
{
  char     *plug;
  char     *interface;
  char     *reason;
  guint64   denials;
} PlugToAdd;

typedef struct
{
  char      *target;       /* "foo" or "hook:configure" */
  GPtrArray *plugs;        /* of PlugToAdd*, to add */
  GPtrArray *present;      /* of PlugToAdd*, already there */
} TargetPlan;

typedef struct
{
  char    *target;
  ScDenialGroup *group;    /* borrowed */
} Note;

typedef struct
{
  GPtrArray  *targets;          /* of TargetPlan*, in project order */
  GHashTable *definitions;      /* plug name → GVariant a{sv} (without "name") */
  GPtrArray  *fixes;            /* of Note* */
  GPtrArray  *unresolved;       /* of Note* */
  GHashTable *unknown;          /* target label → guint64 count (boxed in pointer) */
  GPtrArray  *unknown_order;    /* of char*, borrowed keys */
  GHashTable *slot_names;       /* every slot name of the snap: plugs may not use them */
} Plan;

static void
plug_to_add_free (PlugToAdd *p)
{
  g_free (p->plug);
  g_free (p->interface);
  g_free (p->reason);
  g_free (p);
}

static void
target_plan_free (TargetPlan *t)
{
  g_free (t->target);
  g_ptr_array_unref (t->plugs);
  g_ptr_array_unref (t->present);
  g_free (t);
}

static void
note_free (Note *n)
{
  g_free (n->target);
  g_free (n);
}

static void
plan_free (Plan *plan)
{
  g_ptr_array_unref (plan->targets);
  g_hash_table_unref (plan->definitions);
  g_ptr_array_unref (plan->fixes);
  g_ptr_array_unref (plan->unresolved);
  g_hash_table_unref (plan->unknown);
  g_ptr_array_unref (plan->unknown_order);
  g_hash_table_unref (plan->slot_names);
  g_free (plan);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Plan, plan_free)

static Plan *
plan_new (ScProject *project)
{
  Plan *plan = g_new0 (Plan, 1);
  GPtrArray *lists[2] = { sc_project_get_apps (project), sc_project_get_hooks (project) };

  plan->targets = g_ptr_array_new_with_free_func ((GDestroyNotify) target_plan_free);
  plan->definitions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify) g_variant_unref);
  plan->fixes = g_ptr_array_new_with_free_func ((GDestroyNotify) note_free);
  plan->unresolved = g_ptr_array_new_with_free_func ((GDestroyNotify) note_free);
  plan->unknown = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  plan->unknown_order = g_ptr_array_new ();
  plan->slot_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (const char * const *slot = sc_project_get_slot_names (project); *slot != NULL; slot++)
    g_hash_table_add (plan->slot_names, g_strdup (*slot));

  for (guint l = 0; l < 2; l++)
    for (guint i = 0; i < lists[l]->len; i++)
      {
        ScTarget *target = g_ptr_array_index (lists[l], i);
        TargetPlan *t = g_new0 (TargetPlan, 1);

        t->target = target->is_hook ? g_strdup_printf ("hook:%s", target->name)
                                    : g_strdup (target->name);
        t->plugs = g_ptr_array_new_with_free_func ((GDestroyNotify) plug_to_add_free);
        t->present = g_ptr_array_new_with_free_func ((GDestroyNotify) plug_to_add_free);
        g_ptr_array_add (plan->targets, t);
        for (guint k = 0; target->slots[k] != NULL; k++)
          g_hash_table_add (plan->slot_names, g_strdup (target->slots[k]));
      }
  return plan;
}

static TargetPlan *
plan_find_target (Plan       *plan,
                  const char *target)
{
  for (guint i = 0; i < plan->targets->len; i++)
    {
      TargetPlan *t = g_ptr_array_index (plan->targets, i);
      if (g_str_equal (t->target, target))
        return t;
    }
  return NULL;
}

static PlugToAdd *
find_plug (GPtrArray  *plugs,
           const char *name)
{
  for (guint i = 0; i < plugs->len; i++)
    {
      PlugToAdd *p = g_ptr_array_index (plugs, i);
      if (g_str_equal (p->plug, name))
        return p;
    }
  return NULL;
}

/* Whether TARGET already has a plug named PLUG, or (for plugs that need no
 * definition) any plug of INTERFACE, declared or implied. */
static gboolean
target_has_plug (ScProject  *project,
                 ScTarget   *target,
                 const char *plug,
                 const char *interface,
                 gboolean    needs_definition)
{
  g_autoptr(GPtrArray) effective = sc_project_dup_effective_plugs (project, target);

  for (guint i = 0; effective != NULL && i < effective->len; i++)
    {
      ScEffectivePlug *p = g_ptr_array_index (effective, i);

      if (g_strcmp0 (p->plug, plug) == 0)
        return TRUE;
      if (!needs_definition && g_strcmp0 (p->interface, interface) == 0)
        return TRUE;
    }
  for (guint i = 0; i < target->plugs->len; i++)
    {
      ScPlugRef *ref = g_ptr_array_index (target->plugs, i);
      if (g_strcmp0 (ref->name, plug) == 0)
        return TRUE;
    }
  return FALSE;
}

/* Appends the strings of VALUE (as, av of s, or s) to LIST, skipping
 * duplicates. */
static void
add_strings (GPtrArray *list,
             GVariant  *value)
{
  GVariantIter iter;
  GVariant *child;

  if (value == NULL)
    return;
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_VARIANT))
    {
      g_autoptr(GVariant) inner = g_variant_get_variant (value);
      add_strings (list, inner);
      return;
    }
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
    {
      const char *s = g_variant_get_string (value, NULL);
      if (!g_ptr_array_find_with_equal_func (list, s, g_str_equal, NULL))
        g_ptr_array_add (list, g_strdup (s));
      return;
    }
  if (!g_variant_is_container (value))
    return;
  g_variant_iter_init (&iter, value);
  while ((child = g_variant_iter_next_value (&iter)) != NULL)
    {
      add_strings (list, child);
      g_variant_unref (child);
    }
}

/* Merges the attributes of NEW_PLUG (a{sv}, "name" dropped) into OLD
 * (nullable): read/write lists are united, other keys taken from OLD
 * first. Returns a new floating-free a{sv}. */
static GVariant *
merge_definition (GVariant *old,
                  GVariant *new_plug)
{
  g_autoptr(GPtrArray) read = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) write = g_ptr_array_new_with_free_func (g_free);
  GVariantBuilder builder;
  GVariant *sources[2] = { old, new_plug };
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  g_variant_builder_init (&builder, G_VARIANT_TYPE_VARDICT);
  for (guint s = 0; s < 2; s++)
    {
      GVariantIter iter;
      const char *key;
      GVariant *value;

      if (sources[s] == NULL)
        continue;
      g_variant_iter_init (&iter, sources[s]);
      while (g_variant_iter_loop (&iter, "{&sv}", &key, &value))
        {
          if (g_str_equal (key, "name"))
            continue;
          if (g_str_equal (key, "read"))
            add_strings (read, value);
          else if (g_str_equal (key, "write"))
            add_strings (write, value);
          else if (g_hash_table_add (seen, (gpointer) key))
            g_variant_builder_add (&builder, "{sv}", key, value);
        }
    }
  if (read->len > 0)
    {
      g_ptr_array_add (read, NULL);
      g_variant_builder_add (&builder, "{sv}", "read",
                             g_variant_new_strv ((const char * const *) read->pdata, -1));
    }
  if (write->len > 0)
    {
      g_ptr_array_add (write, NULL);
      g_variant_builder_add (&builder, "{sv}", "write",
                             g_variant_new_strv ((const char * const *) write->pdata, -1));
    }
  return g_variant_ref_sink (g_variant_builder_end (&builder));
}

/* The a{sv} of an existing top-level definition, with its interface. */
static GVariant *
definition_to_variant (ScPlugDef *def)
{
  GVariantBuilder builder;
  GVariantIter iter;
  const char *key;
  GVariant *value;

  g_variant_builder_init (&builder, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&builder, "{sv}", "interface", g_variant_new_string (def->interface));
  g_variant_iter_init (&iter, def->attributes);
  while (g_variant_iter_loop (&iter, "{&sv}", &key, &value))
    g_variant_builder_add (&builder, "{sv}", key, value);
  return g_variant_ref_sink (g_variant_builder_end (&builder));
}

/* Records in PLAN that the plug of SUGGESTION needs a definition, and
 * returns whether it changes anything compared to the project's. */
static gboolean
plan_definition (Plan         *plan,
                 ScProject    *project,
                 const char   *name,
                 GVariant     *plug)
{
  GVariant *current = g_hash_table_lookup (plan->definitions, name);
  ScPlugDef *def = sc_project_find_plug_def (project, name);
  g_autoptr(GVariant) existing = def != NULL ? definition_to_variant (def) : NULL;
  g_autoptr(GVariant) merged = NULL;
  g_autoptr(GVariant) base = NULL;
  g_autoptr(GVariant) normalised = NULL;

  /* The project gives lists as "av", suggestions as "as": compare both
   * in the form merge_definition() writes. */
  if (existing != NULL)
    normalised = merge_definition (existing, NULL);
  base = current != NULL ? g_variant_ref (current)
                         : (normalised != NULL ? g_variant_ref (normalised) : NULL);
  merged = merge_definition (base, plug);
  if (normalised != NULL && g_variant_equal (merged, normalised))
    return FALSE;
  g_hash_table_replace (plan->definitions, g_strdup (name), g_steal_pointer (&merged));
  return TRUE;
}

/* Whether path E grants path S: the same path or a folder above it. */
static gboolean
path_covers (const char *e,
             const char *s)
{
  gsize n = strlen (e);

  while (n > 1 && e[n - 1] == '/')
    n--;
  return strncmp (e, s, n) == 0 && (s[n] == '\0' || s[n] == '/');
}

static gboolean
any_covers (GPtrArray  *paths,
            const char *s)
{
  for (guint i = 0; i < paths->len; i++)
    if (path_covers (g_ptr_array_index (paths, i), s))
      return TRUE;
  return FALSE;
}

/* Whether any path of A and any of B lie one within the other. */
static gboolean
paths_related (GPtrArray *a,
               GPtrArray *b)
{
  for (guint i = 0; i < a->len; i++)
    for (guint j = 0; j < b->len; j++)
      if (path_covers (g_ptr_array_index (a, i), g_ptr_array_index (b, j)) ||
          path_covers (g_ptr_array_index (b, j), g_ptr_array_index (a, i)))
        return TRUE;
  return FALSE;
}

/* The read and write paths of a{sv} ATTRS (values "as", "av" or "s"). */
static void
definition_paths (GVariant   *attrs,
                  GPtrArray **read,
                  GPtrArray **write)
{
  g_autoptr(GVariant) r = g_variant_lookup_value (attrs, "read", NULL);
  g_autoptr(GVariant) w = g_variant_lookup_value (attrs, "write", NULL);

  *read = g_ptr_array_new_with_free_func (g_free);
  *write = g_ptr_array_new_with_free_func (g_free);
  add_strings (*read, r);
  add_strings (*write, w);
}

/* A top-level definition of the plug's interface in the project that
 * already grants every path of PLUG (a suggestion's a{sv}): write paths
 * grant reading too. NULL when there is none. */
static ScPlugDef *
find_covering_definition (ScProject  *project,
                          const char *interface,
                          GVariant   *plug)
{
  GPtrArray *defs = sc_project_get_plug_defs (project);
  g_autoptr(GPtrArray) want_read = NULL;
  g_autoptr(GPtrArray) want_write = NULL;

  if (g_strcmp0 (interface, "personal-files") != 0 && g_strcmp0 (interface, "system-files") != 0)
    return NULL;
  definition_paths (plug, &want_read, &want_write);
  if (want_read->len == 0 && want_write->len == 0)
    return NULL;

  for (guint i = 0; i < defs->len; i++)
    {
      ScPlugDef *def = g_ptr_array_index (defs, i);
      g_autoptr(GPtrArray) read = NULL;
      g_autoptr(GPtrArray) write = NULL;
      gboolean ok = TRUE;

      if (g_strcmp0 (def->interface, interface) != 0)
        continue;
      definition_paths (def->attributes, &read, &write);
      for (guint j = 0; ok && j < want_read->len; j++)
        ok = any_covers (read, g_ptr_array_index (want_read, j)) ||
             any_covers (write, g_ptr_array_index (want_read, j));
      for (guint j = 0; ok && j < want_write->len; j++)
        ok = any_covers (write, g_ptr_array_index (want_write, j));
      if (ok)
        return def;
    }
  return NULL;
}

/* Whether NAME may not be used for PLUG (a{sv} with "interface"): a slot
 * has it (snapd refuses a plug and a slot of one name), a top-level
 * definition or a planned one of another interface has it, or the
 * project's definition of that interface grants paths unrelated to
 * PLUG's, which must not be widened behind the user's back. */
static gboolean
definition_name_taken (Plan       *plan,
                       ScProject  *project,
                       const char *name,
                       const char *interface,
                       GVariant   *plug)
{
  ScPlugDef *def = sc_project_find_plug_def (project, name);
  GVariant *planned = g_hash_table_lookup (plan->definitions, name);
  const char *planned_interface = NULL;

  if (g_hash_table_contains (plan->slot_names, name))
    return TRUE;
  if (def != NULL && g_strcmp0 (def->interface, interface) != 0)
    return TRUE;
  if (planned != NULL && g_variant_lookup (planned, "interface", "&s", &planned_interface) &&
      g_strcmp0 (planned_interface, interface) != 0)
    return TRUE;
  if (def != NULL && planned == NULL)
    {
      g_autoptr(GPtrArray) read = NULL, write = NULL, want_read = NULL, want_write = NULL;

      definition_paths (def->attributes, &read, &write);
      definition_paths (plug, &want_read, &want_write);
      g_ptr_array_extend_and_steal (read, g_steal_pointer (&write));
      g_ptr_array_extend_and_steal (want_read, g_steal_pointer (&want_write));
      if (read->len > 0 && want_read->len > 0 && !paths_related (read, want_read))
        return TRUE;
    }
  return FALSE;
}

static char *
group_target (const ScDenial *d)
{
  if (d->hook != NULL)
    return g_strdup_printf ("hook:%s", d->hook);
  if (d->app != NULL)
    return g_strdup (d->app);
  return NULL;
}

static void
plan_add_unknown (Plan       *plan,
                  const char *label,
                  guint64     count)
{
  gpointer old;

  if (g_hash_table_lookup_extended (plan->unknown, label, NULL, &old))
    g_hash_table_insert (plan->unknown, g_strdup (label),
                         GSIZE_TO_POINTER (GPOINTER_TO_SIZE (old) + count));
  else
    {
      char *key = g_strdup (label);
      g_hash_table_insert (plan->unknown, key, GSIZE_TO_POINTER (count));
      g_ptr_array_add (plan->unknown_order, key);
    }
}

static void
plan_group (Plan          *plan,
            ScProject     *project,
            ScDenialGroup *group)
{
  ScDenial *d = group->denial;
  g_autofree char *target_name = group_target (d);
  ScSuggestionResult *result = group->suggestions;
  ScTarget *target;
  TargetPlan *tp;
  ScSuggestion *best;
  const char *plug;
  g_autofree char *unique_name = NULL;
  g_autoptr(GVariant) attrs = NULL;
  gboolean needs_definition;
  PlugToAdd *p;

  if (d->noise)
    return;

  target = target_name != NULL ? sc_project_find_target (project, target_name) : NULL;
  tp = target_name != NULL ? plan_find_target (plan, target_name) : NULL;
  if (target == NULL || tp == NULL)
    {
      g_autofree char *label = target_name != NULL ? g_strdup (target_name)
                               : g_strdup (d->profile != NULL ? d->profile : "?");
      plan_add_unknown (plan, label, group->count);
      return;
    }

  if (result == NULL || result->suggestions->len == 0)
    {
      Note *n = g_new0 (Note, 1);

      n->target = g_strdup (target_name);
      n->group = group;
      g_ptr_array_add (result != NULL && result->fix != NULL ? plan->fixes : plan->unresolved, n);
      return;
    }

  best = g_ptr_array_index (result->suggestions, 0);
  plug = sc_suggestion_get_plug_name (best);
  needs_definition = best->plug != NULL;
  if (needs_definition)
    attrs = g_variant_ref (best->plug);

  /* A plug named after its interface where a slot has that name: the plug
   * gets a name of its own and a definition naming the interface. */
  if (!needs_definition && g_hash_table_contains (plan->slot_names, plug) &&
      !target_has_plug (project, target, plug, best->interface, FALSE))
    {
      GVariantBuilder b;

      g_variant_builder_init (&b, G_VARIANT_TYPE_VARDICT);
      g_variant_builder_add (&b, "{sv}", "interface", g_variant_new_string (best->interface));
      attrs = g_variant_ref_sink (g_variant_builder_end (&b));
      needs_definition = TRUE;
    }

  if (needs_definition)
    {
      /* A definition of the project that grants the paths already (it may
       * just not be listed by this app, or not connected): use it. */
      ScPlugDef *covering = find_covering_definition (project, best->interface, attrs);

      if (covering != NULL)
        plug = covering->name;
      else
        {
          /* The name may be in use for a slot, another interface or
           * unrelated paths: number the new one. */
          for (guint n = 2; definition_name_taken (plan, project, plug, best->interface, attrs); n++)
            {
              g_free (unique_name);
              unique_name = g_strdup_printf ("%s-%u", sc_suggestion_get_plug_name (best), n);
              plug = unique_name;
            }
          plan_definition (plan, project, plug, attrs);
        }
    }

  if (target_has_plug (project, target, plug, best->interface, needs_definition))
    {
      p = find_plug (tp->present, plug);
      if (p == NULL)
        {
          p = g_new0 (PlugToAdd, 1);
          p->plug = g_strdup (plug);
          p->interface = g_strdup (best->interface);
          p->reason = g_strdup (best->reason);
          g_ptr_array_add (tp->present, p);
        }
      p->denials += group->count;
      return;
    }

  p = find_plug (tp->plugs, plug);
  if (p == NULL)
    {
      p = g_new0 (PlugToAdd, 1);
      p->plug = g_strdup (plug);
      p->interface = g_strdup (best->interface);
      p->reason = g_strdup (best->reason);
      g_ptr_array_add (tp->plugs, p);
    }
  p->denials += group->count;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static GPtrArray *
sorted_definition_names (Plan *plan)
{
  GPtrArray *names = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, plan->definitions);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (names, key);
  g_ptr_array_sort (names, compare_names);
  return names;
}

static void
write_note (ScJson  *json,
            Note    *n,
            gboolean with_fix)
{
  ScDenial *d = n->group->denial;

  sc_json_begin_object (json);
  sc_json_member_string (json, "target", n->target);
  sc_json_member_string (json, "kind", sc_denial_kind_to_string (d->kind));
  sc_json_member_string (json, "operation", d->operation);
  sc_json_member_string (json, "object",
                         n->group->object_pattern != NULL ? n->group->object_pattern : d->object);
  if (with_fix)
    sc_json_member_string (json, "fix", n->group->suggestions->fix);
  sc_json_key (json, "denials");
  sc_json_uint (json, n->group->count);
  sc_json_end_object (json);
}

static void
print_json (Plan          *plan,
            ScProject     *project,
            ScDenialStore *store,
            const char    *diff)
{
  g_autoptr(ScJson) json = sc_json_new (TRUE);
  g_autoptr(GPtrArray) names = sorted_definition_names (plan);
  g_autofree char *text = NULL;

  sc_json_begin_object (json);
  sc_json_member_string (json, "snap", sc_project_get_name (project));
  sc_json_key (json, "targets");
  sc_json_begin_array (json);
  for (guint i = 0; i < plan->targets->len; i++)
    {
      TargetPlan *t = g_ptr_array_index (plan->targets, i);

      if (t->plugs->len == 0)
        continue;
      sc_json_begin_object (json);
      sc_json_member_string (json, "target", t->target);
      sc_json_key (json, "plugs");
      sc_json_begin_array (json);
      for (guint j = 0; j < t->plugs->len; j++)
        {
          PlugToAdd *p = g_ptr_array_index (t->plugs, j);

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

  sc_json_key (json, "definitions");
  sc_json_begin_object (json);
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      sc_json_key (json, name);
      sc_json_variant (json, g_hash_table_lookup (plan->definitions, name));
    }
  sc_json_end_object (json);

  sc_json_key (json, "present");
  sc_json_begin_array (json);
  for (guint i = 0; i < plan->targets->len; i++)
    {
      TargetPlan *t = g_ptr_array_index (plan->targets, i);

      for (guint j = 0; j < t->present->len; j++)
        {
          PlugToAdd *p = g_ptr_array_index (t->present, j);

          sc_json_begin_object (json);
          sc_json_member_string (json, "target", t->target);
          sc_json_member_string (json, "plug", p->plug);
          sc_json_key (json, "denials");
          sc_json_uint (json, p->denials);
          sc_json_end_object (json);
        }
    }
  sc_json_end_array (json);

  sc_json_key (json, "fixes");
  sc_json_begin_array (json);
  for (guint i = 0; i < plan->fixes->len; i++)
    write_note (json, g_ptr_array_index (plan->fixes, i), TRUE);
  sc_json_end_array (json);

  sc_json_key (json, "unresolved");
  sc_json_begin_array (json);
  for (guint i = 0; i < plan->unresolved->len; i++)
    write_note (json, g_ptr_array_index (plan->unresolved, i), FALSE);
  sc_json_end_array (json);

  sc_json_key (json, "unknown_targets");
  sc_json_begin_array (json);
  for (guint i = 0; i < plan->unknown_order->len; i++)
    {
      const char *label = g_ptr_array_index (plan->unknown_order, i);

      sc_json_begin_object (json);
      sc_json_member_string (json, "target", label);
      sc_json_key (json, "denials");
      sc_json_uint (json, GPOINTER_TO_SIZE (g_hash_table_lookup (plan->unknown, label)));
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
    return g_strdup_printf ("hook %s", target + 5);
  return g_strdup_printf ("app %s", target);
}

static void
print_text (Plan          *plan,
            ScProject     *project,
            ScDenialStore *store)
{
  g_autoptr(GPtrArray) names = sorted_definition_names (plan);
  gboolean any = FALSE;

  printf ("%s: %" G_GUINT64_FORMAT " %s of snap %s\n",
          sc_project_get_display_path (project), sc_denial_store_get_n_records (store),
          sc_denial_store_get_n_records (store) == 1 ? "record" : "records",
          sc_project_get_name (project));

  for (guint i = 0; i < plan->targets->len; i++)
    {
      TargetPlan *t = g_ptr_array_index (plan->targets, i);
      g_autofree char *label = target_display (t->target);

      if (t->plugs->len == 0 && t->present->len == 0)
        continue;
      printf ("\n%s:\n", label);
      for (guint j = 0; j < t->plugs->len; j++)
        {
          PlugToAdd *p = g_ptr_array_index (t->plugs, j);

          any = TRUE;
          printf ("  + %s%s%s%s  (%" G_GUINT64_FORMAT " %s)\n", p->plug,
                  g_strcmp0 (p->plug, p->interface) != 0 ? " (" : "",
                  g_strcmp0 (p->plug, p->interface) != 0 ? p->interface : "",
                  g_strcmp0 (p->plug, p->interface) != 0 ? ")" : "",
                  p->denials, p->denials == 1 ? "denial" : "denials");
          if (p->reason != NULL)
            printf ("      %s\n", p->reason);
        }
      for (guint j = 0; j < t->present->len; j++)
        {
          PlugToAdd *p = g_ptr_array_index (t->present, j);

          printf ("  = %s  already there, declared or from an extension (%" G_GUINT64_FORMAT
                  " %s): if it does not auto-connect, `snap connect %s:%s`\n",
                  p->plug, p->denials, p->denials == 1 ? "denial" : "denials",
                  sc_project_get_name (project), p->plug);
        }
    }

  if (names->len > 0)
    {
      printf ("\nTop-level plug definitions:\n");
      for (guint i = 0; i < names->len; i++)
        {
          const char *name = g_ptr_array_index (names, i);
          g_autoptr(ScJson) json = sc_json_new (FALSE);
          g_autofree char *text = NULL;

          sc_json_variant (json, g_hash_table_lookup (plan->definitions, name));
          text = sc_json_free_to_string (g_steal_pointer (&json));
          printf ("  %s: %s\n", name, text);
        }
    }

  if (plan->fixes->len > 0)
    {
      printf ("\nNot an interface problem:\n");
      for (guint i = 0; i < plan->fixes->len; i++)
        {
          Note *n = g_ptr_array_index (plan->fixes, i);
          g_autofree char *label = target_display (n->target);
          const char *object = n->group->object_pattern ? n->group->object_pattern
                                                        : n->group->denial->object;

          printf ("  %s: %s %s — %s\n", label,
                  n->group->denial->operation ? n->group->denial->operation : "",
                  object ? object : "", n->group->suggestions->fix);
        }
    }

  if (plan->unresolved->len > 0)
    {
      printf ("\nNo interface is known to allow:\n");
      for (guint i = 0; i < plan->unresolved->len; i++)
        {
          Note *n = g_ptr_array_index (plan->unresolved, i);
          g_autofree char *label = target_display (n->target);
          const char *object = n->group->object_pattern ? n->group->object_pattern
                                                        : n->group->denial->object;

          printf ("  %s: %s %s %s\n", label, sc_denial_kind_to_string (n->group->denial->kind),
                  n->group->denial->operation ? n->group->denial->operation : "",
                  object ? object : "");
        }
    }

  if (plan->unknown_order->len > 0)
    {
      printf ("\nDenials of apps or hooks that are not in this project:\n");
      for (guint i = 0; i < plan->unknown_order->len; i++)
        {
          const char *label = g_ptr_array_index (plan->unknown_order, i);
          printf ("  %s (%" G_GSIZE_FORMAT ")\n", label,
                  GPOINTER_TO_SIZE (g_hash_table_lookup (plan->unknown, label)));
        }
    }

  if (!any && names->len == 0)
    printf ("\nNo plugs to add.\n");
}

static ScEdit *
build_edit (Plan       *plan,
            ScProject  *project,
            GError    **error)
{
  g_autoptr(ScEdit) edit = sc_edit_new (project);
  g_autoptr(GPtrArray) names = sorted_definition_names (plan);

  sc_edit_set_confinement (edit, "strict");
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);

      if (!sc_edit_define_plug (edit, name, g_hash_table_lookup (plan->definitions, name), error))
        return NULL;
    }
  for (guint i = 0; i < plan->targets->len; i++)
    {
      TargetPlan *t = g_ptr_array_index (plan->targets, i);

      for (guint j = 0; j < t->plugs->len; j++)
        {
          PlugToAdd *p = g_ptr_array_index (t->plugs, j);

          if (!sc_edit_add_plug (edit, t->target, p->plug, error))
            return NULL;
        }
    }
  return g_steal_pointer (&edit);
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
      "Switch to strict confinement with the suggested plugs", NULL },
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run, "Print the change as a diff, write nothing", NULL },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force, "With --apply: write a read-only or hard-linked file anyway", NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "Print JSON", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("PATH - suggest plugs from denials");
  g_auto(ScJournalOptions) options = { 0 };
  g_autoptr(ScJournalReader) reader = NULL;
  g_autoptr(ScDenialStore) store = NULL;
  g_autoptr(ScProject) project = NULL;
  g_autoptr(ScEdit) edit = NULL;
  g_autoptr(Plan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *diff = NULL;
  GPtrArray *groups;
  const char *path;

  g_option_context_add_main_entries (context, source_entries, NULL);
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      sc_cli_source_args_clear (&args);
      return sc_cli_usage_error ("suggest", "%s", error->message);
    }
  if (argc < 2)
    {
      sc_cli_source_args_clear (&args);
      return sc_cli_usage_error ("suggest", "missing PATH (a project folder or snapcraft.yaml)");
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
      return SC_EXIT_USAGE;
    }
  sc_cli_source_args_clear (&args);

  reader = sc_journal_reader_new (&options, &error);
  if (reader == NULL)
    return sc_cli_fail (error);
  store = sc_denial_store_new (options.snap);
  if (!sc_cli_read_into_store (reader, store, &error))
    return sc_cli_fail (error);
  sc_cli_print_warnings (reader, store);

  plan = plan_new (project);
  groups = sc_denial_store_get_groups (store);
  for (guint i = 0; i < groups->len; i++)
    plan_group (plan, project, g_ptr_array_index (groups, i));

  if (apply || dry_run)
    {
      edit = build_edit (plan, project, &error);
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
    print_json (plan, project, store, diff);
  else
    {
      print_text (plan, project, store);
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
      fprintf (stderr, "%s: already strict with these plugs, nothing to change\n",
               sc_project_get_display_path (project));
      return SC_EXIT_OK;
    }
  return sc_cli_write_edit (edit, project, force);
}
