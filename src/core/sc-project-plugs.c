/* sc-project-plugs.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The plugs each app and hook really gets: its own list, what the
 * extensions it uses add (per base, see sc-extensions.c), and the
 * top-level definitions snapd binds to everyone because nobody lists them.
 */
#define G_LOG_DOMAIN "sc-project"

#include "config.h"

#include <string.h>

#include "sc-extensions.h"
#include "sc-project-private.h"

const char *
sc_project_get_extension_base (ScProject *project)
{
  const char *base;

  g_return_val_if_fail (SC_IS_PROJECT (project), NULL);

  base = sc_project_get_base (project);
  /* A `bare` or `devel` base builds on its build-base, and snapcraft
   * checks extensions against that. */
  if (base == NULL || strcmp (base, "bare") == 0 || strcmp (base, "devel") == 0)
    {
      const char *build_base = sc_project_get_build_base (project);

      if (build_base != NULL)
        return build_base;
    }

  return base;
}

/* The plugs an extension adds to an app of PROJECT, or NULL when
 * snapcraft would stop with an error instead (unknown extension, base or
 * confinement not supported). */
static const char * const *
project_app_plugs (ScProject  *project,
                   const char *extension)
{
  const char *base = sc_project_get_extension_base (project);

  if (!sc_extension_applies (extension, base, sc_project_get_confinement (project)))
    return NULL;
  return sc_extension_get_app_plugs (extension, base);
}

static const char * const *
project_hook_plugs (ScProject  *project,
                    const char *extension,
                    const char *hook)
{
  const char *base = sc_project_get_extension_base (project);

  if (!sc_extension_applies (extension, base, sc_project_get_confinement (project)))
    return NULL;
  return sc_extension_get_hook_plugs (extension, base, hook);
}

/* ---- Effective plugs ------------------------------------------------- */

/* Per project, the top-level definitions that its extensions add, kept
 * alive with the project so ScEffectivePlug.definition can borrow them. */
typedef struct
{
  GPtrArray  *defs;        /* of ScPlugDef*, owned */
  GPtrArray  *extensions;  /* of const char*, parallel to defs: which extension */
} ExtDefs;

static void
ext_defs_free (ExtDefs *ext_defs)
{
  g_ptr_array_unref (ext_defs->defs);
  g_ptr_array_unref (ext_defs->extensions);
  g_free (ext_defs);
}

static ExtDefs *
get_extension_defs (ScProject *project)
{
  ExtDefs *ext_defs = g_object_get_data (G_OBJECT (project), "sc-extension-plug-defs");
  GPtrArray *apps;

  if (ext_defs != NULL)
    return ext_defs;

  ext_defs = g_new0 (ExtDefs, 1);
  ext_defs->defs = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_plug_def_free);
  ext_defs->extensions = g_ptr_array_new ();

  apps = sc_project_get_apps (project);
  for (guint i = 0; apps != NULL && i < apps->len; i++)
    {
      ScTarget *app = apps->pdata[i];

      for (guint j = 0; app->extensions != NULL && app->extensions[j] != NULL; j++)
        {
          const char *extension = app->extensions[j];
          g_autoptr(GPtrArray) defs = NULL;

          if (!sc_extension_applies (extension, sc_project_get_extension_base (project),
                                     sc_project_get_confinement (project)))
            continue;

          defs = sc_extension_dup_top_level_plugs (extension,
                                                   sc_project_get_extension_base (project));
          for (guint d = 0; defs != NULL && d < defs->len; d++)
            {
              ScPlugDef *def = defs->pdata[d];
              gboolean seen = FALSE;

              for (guint k = 0; k < ext_defs->defs->len && !seen; k++)
                seen = strcmp (((ScPlugDef *) ext_defs->defs->pdata[k])->name, def->name) == 0;
              if (seen)
                continue;

              g_ptr_array_add (ext_defs->defs, g_steal_pointer (&defs->pdata[d]));
              g_ptr_array_add (ext_defs->extensions, (gpointer) g_intern_string (extension));
            }
        }
    }

  g_object_set_data_full (G_OBJECT (project), "sc-extension-plug-defs", ext_defs,
                          (GDestroyNotify) ext_defs_free);
  return ext_defs;
}

/* The extension-added top-level definition called NAME, or NULL. */
static ScPlugDef *
find_extension_def (ExtDefs     *ext_defs,
                    const char  *name,
                    const char **extension)
{
  for (guint i = 0; i < ext_defs->defs->len; i++)
    {
      ScPlugDef *def = ext_defs->defs->pdata[i];

      if (strcmp (def->name, name) == 0)
        {
          if (extension != NULL)
            *extension = ext_defs->extensions->pdata[i];
          return def;
        }
    }

  return NULL;
}

ScPlugDef *
sc_project_find_extension_plug_def (ScProject   *project,
                                    const char  *name,
                                    const char **extension)
{
  g_return_val_if_fail (SC_IS_PROJECT (project), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (extension != NULL)
    *extension = NULL;
  return find_extension_def (get_extension_defs (project), name, extension);
}

/* Which extension adds plug NAME to TARGET, or NULL. */
static const char *
extension_giving (ScProject  *project,
                  ScTarget   *target,
                  const char *name)
{
  if (target->is_hook)
    {
      GPtrArray *apps = sc_project_get_apps (project);

      for (guint i = 0; apps != NULL && i < apps->len; i++)
        {
          ScTarget *app = apps->pdata[i];

          for (guint j = 0; app->extensions != NULL && app->extensions[j] != NULL; j++)
            {
              const char * const *plugs =
                project_hook_plugs (project, app->extensions[j], target->name);

              if (plugs != NULL && g_strv_contains (plugs, name))
                return app->extensions[j];
            }
        }
      return NULL;
    }

  for (guint j = 0; target->extensions != NULL && target->extensions[j] != NULL; j++)
    {
      const char * const *plugs = project_app_plugs (project, target->extensions[j]);

      if (plugs != NULL && g_strv_contains (plugs, name))
        return target->extensions[j];
    }

  return NULL;
}

const char *
sc_project_get_plug_extension (ScProject  *project,
                               ScTarget   *target,
                               const char *plug)
{
  g_return_val_if_fail (SC_IS_PROJECT (project), NULL);
  g_return_val_if_fail (target != NULL, NULL);
  g_return_val_if_fail (plug != NULL, NULL);

  return extension_giving (project, target, plug);
}

static gboolean
has_plug (GHashTable *seen,
          const char *name)
{
  return g_hash_table_contains (seen, name);
}

static void
add_plug (GPtrArray    *plugs,
          GHashTable   *seen,
          ScProject    *project,
          ExtDefs      *ext_defs,
          const char   *name,
          ScPlugOrigin  origin,
          const char   *extension)
{
  ScEffectivePlug *plug;
  ScPlugDef *def;
  const char *def_extension = NULL;

  if (has_plug (seen, name))
    return;

  /* The user's definition wins over the extension's (snapcraft merges the
   * two and keeps the user's scalars). */
  def = sc_project_find_plug_def (project, name);
  if (def == NULL)
    def = find_extension_def (ext_defs, name, &def_extension);

  plug = g_new0 (ScEffectivePlug, 1);
  plug->plug = g_strdup (name);
  plug->interface = g_strdup (def != NULL && def->interface != NULL ? def->interface : name);
  plug->origin = origin;
  plug->extension = g_strdup (extension != NULL ? extension : def_extension);
  if (origin == SC_PLUG_ORIGIN_DECLARED)
    g_clear_pointer (&plug->extension, g_free);
  plug->definition = def;
  g_ptr_array_add (plugs, plug);
  g_hash_table_add (seen, plug->plug);
}

gboolean
_sc_project_extension_lists (ScProject  *project,
                             const char *name)
{
  GPtrArray *lists[2] = { sc_project_get_apps (project), sc_project_get_hooks (project) };

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; lists[l] != NULL && i < lists[l]->len; i++)
      if (extension_giving (project, lists[l]->pdata[i], name) != NULL)
        return TRUE;

  /* The configure hook an extension creates lists its plugs even when
   * the project has no hooks.configure entry. */
  for (guint i = 0; lists[0] != NULL && i < lists[0]->len; i++)
    {
      ScTarget *app = lists[0]->pdata[i];

      for (guint j = 0; app->extensions != NULL && app->extensions[j] != NULL; j++)
        {
          const char * const *plugs = project_hook_plugs (project, app->extensions[j],
                                                          "configure");

          if (plugs != NULL && g_strv_contains (plugs, name))
            return TRUE;
        }
    }
  return FALSE;
}

/* Whether any app or hook lists NAME once extensions are expanded. */
static gboolean
is_listed (ScProject  *project,
           const char *name)
{
  GPtrArray *lists[2] = { sc_project_get_apps (project), sc_project_get_hooks (project) };

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; lists[l] != NULL && i < lists[l]->len; i++)
      {
        ScTarget *target = lists[l]->pdata[i];

        for (guint j = 0; j < target->plugs->len; j++)
          if (strcmp (((ScPlugRef *) target->plugs->pdata[j])->name, name) == 0)
            return TRUE;
      }
  return _sc_project_extension_lists (project, name);
}

gboolean
sc_project_plug_is_unscoped (ScProject  *project,
                             const char *name)
{
  g_return_val_if_fail (SC_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  return !is_listed (project, name);
}

/**
 * sc_project_dup_effective_plugs:
 * @project: a project
 * @target: one of @project's apps or hooks
 *
 * The plugs @target gets once snapcraft has expanded extensions and snapd
 * has bound unscoped plugs, without duplicates, in this order:
 *
 * 1. the names in @target's own `plugs:` list (origin DECLARED, extension
 *    NULL), even when an extension gives them too;
 * 2. plugs an extension listed by the app adds to it (origin EXTENSION);
 *    for hooks, the `configure` hook gets `desktop` when any app uses a
 *    GNOME or KDE extension;
 * 3. top-level definitions that no app or hook lists (origin UNSCOPED):
 *    the project's own, then those its extensions add (gtk-3-themes,
 *    the platform snap, …; extension set to the one adding it).
 *
 * Each plug's definition is the project's top-level entry of that name or,
 * failing that, the entry an extension adds; interface is the definition's
 * interface or else the plug name. Extensions that are unknown, or do not
 * support the project's base (see sc_project_get_extension_base()) or its
 * classic confinement, contribute nothing here, as snapcraft would refuse
 * the project: sc_check_project() reports them as `unsupported-extension`.
 *
 * Returns: (transfer container): of ScEffectivePlug*
 */
GPtrArray *
sc_project_dup_effective_plugs (ScProject *project,
                                ScTarget  *target)
{
  g_autoptr(GPtrArray) plugs = NULL;
  /* Names already in PLUGS (borrowed from them): a list of thousands of
   * plugs must not cost a quadratic scan. Declared after PLUGS, so it is
   * freed first. */
  g_autoptr(GHashTable) seen = NULL;
  ExtDefs *ext_defs;
  GPtrArray *defs;

  g_return_val_if_fail (SC_IS_PROJECT (project), NULL);
  g_return_val_if_fail (target != NULL, NULL);

  plugs = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_effective_plug_free);
  seen = g_hash_table_new (g_str_hash, g_str_equal);
  ext_defs = get_extension_defs (project);

  for (guint i = 0; i < target->plugs->len; i++)
    {
      ScPlugRef *ref = target->plugs->pdata[i];

      add_plug (plugs, seen, project, ext_defs, ref->name, SC_PLUG_ORIGIN_DECLARED, NULL);
    }

  if (target->is_hook)
    {
      GPtrArray *apps = sc_project_get_apps (project);

      for (guint i = 0; apps != NULL && i < apps->len; i++)
        {
          ScTarget *app = apps->pdata[i];

          for (guint j = 0; app->extensions != NULL && app->extensions[j] != NULL; j++)
            {
              const char * const *hook_plugs =
                project_hook_plugs (project, app->extensions[j], target->name);

              for (guint k = 0; hook_plugs != NULL && hook_plugs[k] != NULL; k++)
                add_plug (plugs, seen, project, ext_defs, hook_plugs[k], SC_PLUG_ORIGIN_EXTENSION,
                          app->extensions[j]);
            }
        }
    }
  else
    {
      for (guint j = 0; target->extensions != NULL && target->extensions[j] != NULL; j++)
        {
          const char * const *app_plugs = project_app_plugs (project, target->extensions[j]);

          for (guint k = 0; app_plugs != NULL && app_plugs[k] != NULL; k++)
            add_plug (plugs, seen, project, ext_defs, app_plugs[k], SC_PLUG_ORIGIN_EXTENSION,
                      target->extensions[j]);
        }
    }

  defs = sc_project_get_plug_defs (project);
  for (guint i = 0; defs != NULL && i < defs->len; i++)
    {
      ScPlugDef *def = defs->pdata[i];

      if (!has_plug (seen, def->name) && !is_listed (project, def->name))
        add_plug (plugs, seen, project, ext_defs, def->name, SC_PLUG_ORIGIN_UNSCOPED, NULL);
    }

  for (guint i = 0; i < ext_defs->defs->len; i++)
    {
      ScPlugDef *def = ext_defs->defs->pdata[i];

      if (!has_plug (seen, def->name) && !is_listed (project, def->name))
        add_plug (plugs, seen, project, ext_defs, def->name, SC_PLUG_ORIGIN_UNSCOPED,
                  ext_defs->extensions->pdata[i]);
    }

  return g_steal_pointer (&plugs);
}

void
sc_effective_plug_free (ScEffectivePlug *plug)
{
  if (plug == NULL)
    return;

  g_free (plug->plug);
  g_free (plug->interface);
  g_free (plug->extension);
  g_free (plug);
}
