/* sc-denial-plan.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sc-denial-plan"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sc-denial-plan.h"
#include "sc-extensions.h"

struct _ScDenialPlan
{
  gint        ref_count;
  ScProject  *project;
  GPtrArray  *targets;          /* of ScPlannedTarget*, in project order */
  GHashTable *definitions;      /* plug name → GVariant a{sv} (with "interface", without "name") */
  GPtrArray  *fixes;            /* of ScPlanNote* */
  GPtrArray  *unresolved;       /* of ScPlanNote* */
  GPtrArray  *unknown;          /* of ScPlanUnknown* */
  GHashTable *slot_names;       /* every slot name of the snap: plugs may not use them */
  char       *scratch_name;     /* the last numbered name query() made */
  char       *scratch_extension;
};

static void
planned_plug_free (ScPlannedPlug *p)
{
  g_free (p->plug);
  g_free (p->interface);
  g_free (p->reason);
  g_free (p->extension);
  g_free (p);
}

static void
planned_target_free (ScPlannedTarget *t)
{
  g_free (t->target);
  g_ptr_array_unref (t->plugs);
  g_ptr_array_unref (t->present);
  g_free (t);
}

static void
plan_note_free (ScPlanNote *n)
{
  g_free (n->target);
  g_free (n->fix);
  g_free (n);
}

static void
plan_unknown_free (ScPlanUnknown *u)
{
  g_free (u->target);
  g_free (u);
}

ScDenialPlan *
sc_denial_plan_new (ScProject *project)
{
  ScDenialPlan *plan;
  GPtrArray *lists[2];

  g_return_val_if_fail (SC_IS_PROJECT (project), NULL);

  plan = g_new0 (ScDenialPlan, 1);
  plan->ref_count = 1;
  plan->project = g_object_ref (project);
  plan->targets = g_ptr_array_new_with_free_func ((GDestroyNotify) planned_target_free);
  plan->definitions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify) g_variant_unref);
  plan->fixes = g_ptr_array_new_with_free_func ((GDestroyNotify) plan_note_free);
  plan->unresolved = g_ptr_array_new_with_free_func ((GDestroyNotify) plan_note_free);
  plan->unknown = g_ptr_array_new_with_free_func ((GDestroyNotify) plan_unknown_free);
  plan->slot_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (const char * const *slot = sc_project_get_slot_names (project); *slot != NULL; slot++)
    g_hash_table_add (plan->slot_names, g_strdup (*slot));

  lists[0] = sc_project_get_apps (project);
  lists[1] = sc_project_get_hooks (project);
  for (guint l = 0; l < 2; l++)
    for (guint i = 0; i < lists[l]->len; i++)
      {
        ScTarget *target = g_ptr_array_index (lists[l], i);
        ScPlannedTarget *t = g_new0 (ScPlannedTarget, 1);

        t->target = target->is_hook ? g_strdup_printf ("hook:%s", target->name)
                                    : g_strdup (target->name);
        t->plugs = g_ptr_array_new_with_free_func ((GDestroyNotify) planned_plug_free);
        t->present = g_ptr_array_new_with_free_func ((GDestroyNotify) planned_plug_free);
        g_ptr_array_add (plan->targets, t);
        for (guint k = 0; target->slots[k] != NULL; k++)
          g_hash_table_add (plan->slot_names, g_strdup (target->slots[k]));
      }
  return plan;
}

ScDenialPlan *
sc_denial_plan_ref (ScDenialPlan *plan)
{
  g_return_val_if_fail (plan != NULL, NULL);
  g_atomic_int_inc (&plan->ref_count);
  return plan;
}

void
sc_denial_plan_unref (ScDenialPlan *plan)
{
  if (plan == NULL || !g_atomic_int_dec_and_test (&plan->ref_count))
    return;

  g_ptr_array_unref (plan->targets);
  g_hash_table_unref (plan->definitions);
  g_ptr_array_unref (plan->fixes);
  g_ptr_array_unref (plan->unresolved);
  g_ptr_array_unref (plan->unknown);
  g_hash_table_unref (plan->slot_names);
  g_free (plan->scratch_name);
  g_free (plan->scratch_extension);
  g_object_unref (plan->project);
  g_free (plan);
}

ScProject *
sc_denial_plan_get_project (ScDenialPlan *plan)
{
  g_return_val_if_fail (plan != NULL, NULL);
  return plan->project;
}

static ScPlannedTarget *
plan_find_target (ScDenialPlan *plan,
                  const char   *target)
{
  for (guint i = 0; i < plan->targets->len; i++)
    {
      ScPlannedTarget *t = g_ptr_array_index (plan->targets, i);
      if (g_str_equal (t->target, target))
        return t;
    }
  return NULL;
}

static ScPlannedPlug *
find_plug (GPtrArray  *plugs,
           const char *name)
{
  for (guint i = 0; i < plugs->len; i++)
    {
      ScPlannedPlug *p = g_ptr_array_index (plugs, i);
      if (g_str_equal (p->plug, name))
        return p;
    }
  return NULL;
}

/* Whether TARGET already has a plug named PLUG, or (for plugs that need no
 * definition) any plug of INTERFACE, declared or implied. *STATE says
 * whether it is declared (or unscoped) or given by an extension, and
 * *EXTENSION by which. */
static gboolean
target_has_plug (ScProject    *project,
                 ScTarget     *target,
                 const char   *plug,
                 const char   *interface,
                 gboolean      needs_definition,
                 ScPlanState  *state,
                 char        **extension)
{
  g_autoptr(GPtrArray) effective = sc_project_dup_effective_plugs (project, target);

  for (guint i = 0; effective != NULL && i < effective->len; i++)
    {
      ScEffectivePlug *p = g_ptr_array_index (effective, i);

      if (g_strcmp0 (p->plug, plug) == 0 ||
          (!needs_definition && g_strcmp0 (p->interface, interface) == 0))
        {
          if (state != NULL)
            *state = p->origin == SC_PLUG_ORIGIN_EXTENSION ? SC_PLAN_STATE_EXTENSION
                                                           : SC_PLAN_STATE_DECLARED;
          if (extension != NULL)
            *extension = p->origin == SC_PLUG_ORIGIN_EXTENSION ? g_strdup (p->extension) : NULL;
          return TRUE;
        }
    }
  for (guint i = 0; i < target->plugs->len; i++)
    {
      ScPlugRef *ref = g_ptr_array_index (target->plugs, i);
      if (g_strcmp0 (ref->name, plug) == 0)
        {
          if (state != NULL)
            *state = SC_PLAN_STATE_DECLARED;
          if (extension != NULL)
            *extension = NULL;
          return TRUE;
        }
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

/* The definition NAME would have with the attributes of PLUG (a{sv})
 * merged in, from what the plan or else the project defines. *CHANGED
 * says whether that differs from what the plan or project has now. */
static GVariant *
merge_into_definition (ScDenialPlan *plan,
                       const char   *name,
                       GVariant     *plug,
                       gboolean     *changed)
{
  GVariant *current = g_hash_table_lookup (plan->definitions, name);
  ScPlugDef *def = sc_project_find_plug_def (plan->project, name);
  g_autoptr(GVariant) existing = def != NULL ? definition_to_variant (def) : NULL;
  g_autoptr(GVariant) normalised = NULL;
  g_autoptr(GVariant) merged = NULL;
  GVariant *base;

  /* The project gives lists as "av", suggestions as "as": compare both
   * in the form merge_definition() writes. */
  if (existing != NULL)
    normalised = merge_definition (existing, NULL);
  base = current != NULL ? current : normalised;
  merged = merge_definition (base, plug);
  *changed = base == NULL || !g_variant_equal (merged, base);
  return g_steal_pointer (&merged);
}

/* Records in PLAN that the plug NAME needs the attributes of PLUG, and
 * returns whether that changes anything compared to the project's. */
static gboolean
plan_definition (ScDenialPlan *plan,
                 const char   *name,
                 GVariant     *plug)
{
  ScPlugDef *def = sc_project_find_plug_def (plan->project, name);
  g_autoptr(GVariant) existing = def != NULL ? definition_to_variant (def) : NULL;
  g_autoptr(GVariant) normalised = NULL;
  g_autoptr(GVariant) merged = NULL;
  gboolean changed;

  merged = merge_into_definition (plan, name, plug, &changed);
  if (existing != NULL)
    normalised = merge_definition (existing, NULL);
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
definition_name_taken (ScDenialPlan *plan,
                       const char *name,
                       const char *interface,
                       GVariant   *plug)
{
  ScPlugDef *def = sc_project_find_plug_def (plan->project, name);
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

/* Where the plug for SUGGESTION on TARGET comes from. */
typedef struct
{
  const char *plug;              /* borrowed from the suggestion, a definition or unique_name */
  char       *unique_name;
  GVariant   *attrs;             /* the plug's own attributes, when it needs a definition */
  gboolean    needs_definition;
  ScPlugDef  *covering;          /* a definition of the project that grants it already */
} Resolved;

static void
resolved_clear (Resolved *r)
{
  g_clear_pointer (&r->unique_name, g_free);
  g_clear_pointer (&r->attrs, g_variant_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Resolved, resolved_clear)

static void
resolve (ScDenialPlan       *plan,
         ScTarget           *target,
         const ScSuggestion *suggestion,
         Resolved           *r)
{
  r->plug = sc_suggestion_get_plug_name (suggestion);
  r->needs_definition = suggestion->plug != NULL;
  if (r->needs_definition)
    r->attrs = g_variant_ref (suggestion->plug);

  /* A plug named after its interface where a slot has that name: the plug
   * gets a name of its own and a definition naming the interface. */
  if (!r->needs_definition && g_hash_table_contains (plan->slot_names, r->plug) &&
      !target_has_plug (plan->project, target, r->plug, suggestion->interface, FALSE, NULL, NULL))
    {
      GVariantBuilder b;

      g_variant_builder_init (&b, G_VARIANT_TYPE_VARDICT);
      g_variant_builder_add (&b, "{sv}", "interface", g_variant_new_string (suggestion->interface));
      r->attrs = g_variant_ref_sink (g_variant_builder_end (&b));
      r->needs_definition = TRUE;
    }

  if (!r->needs_definition)
    return;

  /* A definition of the project that grants the paths already (it may
   * just not be listed by this app, or not connected): use it. */
  r->covering = find_covering_definition (plan->project, suggestion->interface, r->attrs);
  if (r->covering != NULL)
    {
      r->plug = r->covering->name;
      return;
    }

  /* The name may be in use for a slot, another interface or unrelated
   * paths: number the new one. */
  for (guint n = 2; definition_name_taken (plan, r->plug, suggestion->interface, r->attrs); n++)
    {
      g_free (r->unique_name);
      r->unique_name = g_strdup_printf ("%s-%u", sc_suggestion_get_plug_name (suggestion), n);
      r->plug = r->unique_name;
    }
}

static ScPlannedPlug *
planned_plug_new (const char         *plug,
                  const ScSuggestion *suggestion)
{
  ScPlannedPlug *p = g_new0 (ScPlannedPlug, 1);

  p->plug = g_strdup (plug);
  p->interface = g_strdup (suggestion->interface);
  p->reason = g_strdup (suggestion->reason);
  return p;
}

/* Plans SUGGESTION for TARGET; returns the plug name, borrowed from the
 * plan. */
static const char *
plan_suggestion (ScDenialPlan       *plan,
                 ScTarget           *target,
                 ScPlannedTarget    *tp,
                 const ScSuggestion *suggestion,
                 guint64             denials)
{
  g_auto(Resolved) r = { 0 };
  g_autofree char *extension = NULL;
  ScPlanState state = SC_PLAN_STATE_ADD;
  ScPlannedPlug *p;

  resolve (plan, target, suggestion, &r);
  if (r.needs_definition && r.covering == NULL)
    plan_definition (plan, r.plug, r.attrs);

  if (target_has_plug (plan->project, target, r.plug, suggestion->interface, r.needs_definition,
                       &state, &extension))
    {
      p = find_plug (tp->present, r.plug);
      if (p == NULL)
        {
          p = planned_plug_new (r.plug, suggestion);
          p->state = state;
          p->extension = g_steal_pointer (&extension);
          g_ptr_array_add (tp->present, p);
        }
      p->denials += denials;
      return p->plug;
    }

  p = find_plug (tp->plugs, r.plug);
  if (p == NULL)
    {
      p = planned_plug_new (r.plug, suggestion);
      g_ptr_array_add (tp->plugs, p);
    }
  p->denials += denials;
  return p->plug;
}

ScPlanState
sc_denial_plan_query (ScDenialPlan        *plan,
                      const char          *target_name,
                      const ScSuggestion  *suggestion,
                      const char         **plug,
                      const char         **extension)
{
  g_auto(Resolved) r = { 0 };
  g_autofree char *ext = NULL;
  ScTarget *target;
  ScPlannedTarget *tp;
  ScPlanState state = SC_PLAN_STATE_ADD;
  gboolean changes = FALSE;

  g_return_val_if_fail (plan != NULL, SC_PLAN_STATE_NO_TARGET);
  g_return_val_if_fail (suggestion != NULL, SC_PLAN_STATE_NO_TARGET);

  if (plug != NULL)
    *plug = sc_suggestion_get_plug_name (suggestion);
  if (extension != NULL)
    *extension = NULL;

  target = target_name != NULL ? sc_project_find_target (plan->project, target_name) : NULL;
  tp = target_name != NULL ? plan_find_target (plan, target_name) : NULL;
  if (target == NULL || tp == NULL)
    return SC_PLAN_STATE_NO_TARGET;

  resolve (plan, target, suggestion, &r);
  if (r.needs_definition && r.covering == NULL)
    {
      g_autoptr(GVariant) merged = merge_into_definition (plan, r.plug, r.attrs, &changes);
    }

  /* The answer outlives the Resolved: keep a numbered name in the plan. */
  if (r.unique_name != NULL)
    {
      g_free (plan->scratch_name);
      plan->scratch_name = g_steal_pointer (&r.unique_name);
      r.plug = plan->scratch_name;
    }
  if (plug != NULL)
    *plug = r.plug;

  if (changes)
    return SC_PLAN_STATE_ADD;
  if (find_plug (tp->plugs, r.plug) != NULL)
    return SC_PLAN_STATE_ADDED;
  if (target_has_plug (plan->project, target, r.plug, suggestion->interface, r.needs_definition,
                       &state, &ext))
    {
      g_free (plan->scratch_extension);
      plan->scratch_extension = g_steal_pointer (&ext);
      if (extension != NULL)
        *extension = plan->scratch_extension;
      return state;
    }
  return SC_PLAN_STATE_ADD;
}

gboolean
sc_denial_plan_add_suggestion (ScDenialPlan        *plan,
                               const char          *target_name,
                               const ScSuggestion  *suggestion,
                               guint64              denials,
                               const char         **plug,
                               GVariant           **definition,
                               GError             **error)
{
  ScTarget *target;
  ScPlannedTarget *tp;
  const char *name;
  GVariant *planned;

  g_return_val_if_fail (plan != NULL, FALSE);
  g_return_val_if_fail (target_name != NULL, FALSE);
  g_return_val_if_fail (suggestion != NULL, FALSE);

  target = sc_project_find_target (plan->project, target_name);
  tp = plan_find_target (plan, target_name);
  if (target == NULL || tp == NULL)
    {
      g_set_error (error, SC_PROJECT_ERROR, SC_PROJECT_ERROR_UNKNOWN_TARGET,
                   /* Translators: %s is an app name or “hook:NAME”. */
                   _("The project has no app or hook “%s”"), target_name);
      return FALSE;
    }

  name = plan_suggestion (plan, target, tp, suggestion, denials);
  planned = g_hash_table_lookup (plan->definitions, name);
  if (plug != NULL)
    *plug = name;
  if (definition != NULL)
    *definition = planned != NULL ? g_variant_ref (planned) : NULL;
  return TRUE;
}

gboolean
sc_denial_plan_forget_plug (ScDenialPlan *plan,
                            const char   *target_name,
                            const char   *plug)
{
  ScPlannedTarget *tp;
  ScPlannedPlug *p;

  g_return_val_if_fail (plan != NULL, FALSE);
  g_return_val_if_fail (target_name != NULL, FALSE);
  g_return_val_if_fail (plug != NULL, FALSE);

  tp = plan_find_target (plan, target_name);
  p = tp != NULL ? find_plug (tp->plugs, plug) : NULL;
  if (p == NULL)
    return FALSE;
  /* A definition planned for it stays: adding the plug again plans the
   * same one. */
  return g_ptr_array_remove (tp->plugs, p);
}

char *
sc_denial_dup_target (const ScDenial *denial)
{
  g_return_val_if_fail (denial != NULL, NULL);

  if (denial->hook != NULL)
    return g_strdup_printf ("hook:%s", denial->hook);
  if (denial->app != NULL)
    return g_strdup (denial->app);
  return NULL;
}

static void
plan_add_unknown (ScDenialPlan *plan,
                  const char   *label,
                  guint64       count)
{
  ScPlanUnknown *u;

  for (guint i = 0; i < plan->unknown->len; i++)
    {
      u = g_ptr_array_index (plan->unknown, i);
      if (g_str_equal (u->target, label))
        {
          u->denials += count;
          return;
        }
    }
  u = g_new0 (ScPlanUnknown, 1);
  u->target = g_strdup (label);
  u->denials = count;
  g_ptr_array_add (plan->unknown, u);
}

void
sc_denial_plan_add_group (ScDenialPlan        *plan,
                          const ScDenialGroup *group)
{
  ScDenial *d;
  g_autofree char *target_name = NULL;
  g_autoptr(ScSuggestionResult) result = NULL;
  ScTarget *target;
  ScPlannedTarget *tp;

  g_return_if_fail (plan != NULL);
  g_return_if_fail (group != NULL);

  d = group->denial;
  if (d->noise)
    return;

  target_name = sc_denial_dup_target (d);
  result = sc_denial_group_dup_suggestions (group);
  target = target_name != NULL ? sc_project_find_target (plan->project, target_name) : NULL;
  tp = target_name != NULL ? plan_find_target (plan, target_name) : NULL;
  if (target == NULL || tp == NULL)
    {
      plan_add_unknown (plan, target_name != NULL ? target_name
                              : (d->profile != NULL ? d->profile : "?"), group->count);
      return;
    }

  if (result == NULL || result->suggestions->len == 0)
    {
      ScPlanNote *n = g_new0 (ScPlanNote, 1);

      n->target = g_steal_pointer (&target_name);
      n->group = group;
      n->fix = result != NULL ? g_strdup (result->fix) : NULL;
      g_ptr_array_add (result != NULL && result->fix != NULL ? plan->fixes : plan->unresolved, n);
      return;
    }

  plan_suggestion (plan, target, tp, g_ptr_array_index (result->suggestions, 0), group->count);
}

GPtrArray *
sc_denial_plan_get_targets (ScDenialPlan *plan)
{
  g_return_val_if_fail (plan != NULL, NULL);
  return plan->targets;
}

GPtrArray *
sc_denial_plan_get_fixes (ScDenialPlan *plan)
{
  g_return_val_if_fail (plan != NULL, NULL);
  return plan->fixes;
}

GPtrArray *
sc_denial_plan_get_unresolved (ScDenialPlan *plan)
{
  g_return_val_if_fail (plan != NULL, NULL);
  return plan->unresolved;
}

GPtrArray *
sc_denial_plan_get_unknown (ScDenialPlan *plan)
{
  g_return_val_if_fail (plan != NULL, NULL);
  return plan->unknown;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

GPtrArray *
sc_denial_plan_dup_definition_names (ScDenialPlan *plan)
{
  GPtrArray *names;
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (plan != NULL, NULL);

  names = g_ptr_array_new ();
  g_hash_table_iter_init (&iter, plan->definitions);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (names, key);
  g_ptr_array_sort (names, compare_names);
  return names;
}

GVariant *
sc_denial_plan_lookup_definition (ScDenialPlan *plan,
                                  const char   *name)
{
  g_return_val_if_fail (plan != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  return g_hash_table_lookup (plan->definitions, name);
}

gboolean
sc_denial_plan_is_empty (ScDenialPlan *plan)
{
  g_return_val_if_fail (plan != NULL, TRUE);

  if (g_hash_table_size (plan->definitions) > 0)
    return FALSE;
  for (guint i = 0; i < plan->targets->len; i++)
    if (((ScPlannedTarget *) g_ptr_array_index (plan->targets, i))->plugs->len > 0)
      return FALSE;
  return TRUE;
}

ScEdit *
sc_denial_plan_build_edit (ScDenialPlan  *plan,
                           GError       **error)
{
  g_autoptr(ScEdit) edit = NULL;
  g_autoptr(GPtrArray) names = NULL;

  g_return_val_if_fail (plan != NULL, NULL);

  edit = sc_edit_new (plan->project);
  names = sc_denial_plan_dup_definition_names (plan);
  sc_edit_set_confinement (edit, "strict");
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);

      if (!sc_edit_define_plug (edit, name, g_hash_table_lookup (plan->definitions, name), error))
        return NULL;
    }
  for (guint i = 0; i < plan->targets->len; i++)
    {
      ScPlannedTarget *t = g_ptr_array_index (plan->targets, i);

      for (guint j = 0; j < t->plugs->len; j++)
        {
          ScPlannedPlug *p = g_ptr_array_index (t->plugs, j);

          if (!sc_edit_add_plug (edit, t->target, p->plug, error))
            return NULL;
        }
    }
  return g_steal_pointer (&edit);
}
