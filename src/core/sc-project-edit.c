/* sc-project-edit.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The edit API: what the caller wants changed (confinement, plug lists,
 * plug definitions), checked and recorded. No text is produced here; see
 * sc-project-render.c.
 */
#define G_LOG_DOMAIN "sc-project"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sc-project-private.h"
#include "sc-utils.h"

/* ---- Editing ---------------------------------------------------------- */


static void
def_edit_free (gpointer data)
{
  ScDefEdit *def = data;

  g_free (def->name);
  g_free (def->interface);
  g_clear_pointer (&def->attributes, g_variant_unref);
  g_free (def);
}

ScEdit *
sc_edit_new (ScProject *project)
{
  ScEdit *edit;

  g_return_val_if_fail (SC_IS_PROJECT (project), NULL);

  edit = g_new0 (ScEdit, 1);
  edit->project = g_object_ref (project);
  edit->touched = g_ptr_array_new ();
  edit->desired = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                         (GDestroyNotify) g_ptr_array_unref);
  edit->defs = g_ptr_array_new_with_free_func (def_edit_free);
  edit->notes = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_edit_message_free);
  return edit;
}

void
sc_edit_free (ScEdit *edit)
{
  if (edit == NULL)
    return;
  g_clear_object (&edit->project);
  g_free (edit->confinement);
  g_ptr_array_unref (edit->touched);
  g_hash_table_unref (edit->desired);
  g_ptr_array_unref (edit->defs);
  g_ptr_array_unref (edit->notes);
  g_free (edit);
}

void
sc_edit_set_confinement (ScEdit     *edit,
                         const char *confinement)
{
  g_return_if_fail (edit != NULL);
  g_free (edit->confinement);
  edit->confinement = g_strdup (confinement);
}

GPtrArray *
_sc_target_dup_plug_names (ScTarget *target)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < target->plugs->len; i++)
    g_ptr_array_add (names, g_strdup (((ScPlugRef *) g_ptr_array_index (target->plugs, i))->name));
  return names;
}

static gboolean
names_contain (GPtrArray  *names,
               const char *name)
{
  for (guint i = 0; i < names->len; i++)
    if (g_str_equal (g_ptr_array_index (names, i), name))
      return TRUE;
  return FALSE;
}

/* A set of the strings in NAMES (borrowed), for lookups in long lists. */
GHashTable *
_sc_name_set (GPtrArray *names)
{
  GHashTable *set = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < names->len; i++)
    g_hash_table_add (set, g_ptr_array_index (names, i));
  return set;
}

gboolean
_sc_names_equal (GPtrArray *a,
             GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    if (!g_str_equal (g_ptr_array_index (a, i), g_ptr_array_index (b, i)))
      return FALSE;
  return TRUE;
}

static gboolean
target_has_plug (ScTarget   *target,
                 const char *plug)
{
  for (guint i = 0; i < target->plugs->len; i++)
    if (g_str_equal (((ScPlugRef *) g_ptr_array_index (target->plugs, i))->name, plug))
      return TRUE;
  return FALSE;
}

static ScTargetInfo *
lookup_target_for_edit (ScEdit      *edit,
                        const char  *target,
                        const char  *plug,
                        gboolean     removing,
                        GPtrArray  **desired,
                        GError     **error)
{
  ScProject *self = edit->project;
  ScTargetInfo *info;

  g_return_val_if_fail (target != NULL && plug != NULL, NULL);

  info = _sc_project_find_info (self, target);
  if (info == NULL)
    {
      gboolean hook = g_str_has_prefix (target, "hook:");
      GPtrArray *targets = hook ? self->hooks : self->apps;
      const char *wanted = hook ? target + 5 : target;
      const char *best = NULL;
      guint best_distance = 3;

      for (guint i = 0; i < targets->len; i++)
        {
          ScTarget *t = g_ptr_array_index (targets, i);
          guint d = sc_edit_distance (wanted, t->name);

          if (d < best_distance)
            {
              best_distance = d;
              best = t->name;
            }
        }
      if (best != NULL)
        g_set_error (error, SC_PROJECT_ERROR, SC_PROJECT_ERROR_UNKNOWN_TARGET,
                     /* Translators: the project file, “app” or “hook”, the name asked for, then
                      * “hook:” or nothing and the closest name. */
                     _("%s has no %s named '%s'; did you mean '%s%s'?"), self->display_path,
                     _sc_target_kind (hook), wanted, hook ? "hook:" : "", best);
      else
        g_set_error (error, SC_PROJECT_ERROR, SC_PROJECT_ERROR_UNKNOWN_TARGET,
                     /* Translators: the project file, “app” or “hook”, the name asked for. */
                     _("%s has no %s named '%s'"), self->display_path,
                     _sc_target_kind (hook), wanted);
      return NULL;
    }

  /* A name already in the list may always be removed, even one snapd
   * would refuse, so that such a list can be cleaned up; and kept or put
   * back, so that removing and adding it again are each other's undo. */
  if (!_sc_project_valid_name (plug, FALSE) && !target_has_plug (info->target, plug))
    {
      g_set_error (error, SC_PROJECT_ERROR, SC_PROJECT_ERROR_BAD_ARGUMENT,
                   /* Translators: %s is a plug name. */
                   _("'%s' is not a valid plug name: use lowercase letters, digits and single "
                     "hyphens, starting with a letter"), plug);
      return NULL;
    }

  *desired = g_hash_table_lookup (edit->desired, info);
  if (*desired == NULL)
    {
      *desired = _sc_target_dup_plug_names (info->target);
      g_hash_table_insert (edit->desired, info, *desired);
      g_ptr_array_add (edit->touched, info);
    }
  return info;
}

gboolean
sc_edit_add_plug (ScEdit      *edit,
                  const char  *target,
                  const char  *plug,
                  GError     **error)
{
  GPtrArray *desired = NULL;
  ScTargetInfo *info;

  g_return_val_if_fail (edit != NULL, FALSE);

  info = lookup_target_for_edit (edit, target, plug, FALSE, &desired, error);
  if (info == NULL)
    return FALSE;
  if (names_contain (desired, plug))
    return TRUE;
  if (target_has_plug (info->target, plug))
    {
      /* Removed earlier in this edit and added again: the last operation
       * wins, and the plug keeps its place (every occurrence of it) in the
       * list, which is where the editor leaves its item. */
      g_autoptr(GPtrArray) before = g_ptr_array_new_with_free_func (g_free);

      for (guint i = 0; i < desired->len; i++)
        g_ptr_array_add (before, g_strdup (g_ptr_array_index (desired, i)));
      g_ptr_array_set_size (desired, 0);
      for (guint i = 0; i < info->target->plugs->len; i++)
        {
          const char *name = ((ScPlugRef *) g_ptr_array_index (info->target->plugs, i))->name;

          if (g_str_equal (name, plug) || names_contain (before, name))
            g_ptr_array_add (desired, g_strdup (name));
        }
      for (guint i = 0; i < before->len; i++)
        if (!target_has_plug (info->target, g_ptr_array_index (before, i)))
          g_ptr_array_add (desired, g_strdup (g_ptr_array_index (before, i)));
      return TRUE;
    }
  g_ptr_array_add (desired, g_strdup (plug));
  return TRUE;
}

/* A plug an extension gives TARGET is not in its list: removing it there
 * does nothing, and a note says why. TRUE when that is the case. */
static gboolean
note_from_extension (ScEdit     *edit,
                     const char *target,
                     const char *plug)
{
  ScTargetInfo *info = target != NULL ? _sc_project_find_info (edit->project, target) : NULL;
  GPtrArray *desired;
  const char *extension;
  g_autofree char *target_label = NULL;
  ScEditMessage *note;

  if (info == NULL || plug == NULL || target_has_plug (info->target, plug))
    return FALSE;
  desired = g_hash_table_lookup (edit->desired, info);
  if (desired != NULL && names_contain (desired, plug))
    return FALSE;
  extension = sc_project_get_plug_extension (edit->project, info->target, plug);
  if (extension == NULL)
    return FALSE;
  note = g_new0 (ScEditMessage, 1);
  note->kind = SC_EDIT_MESSAGE_NOTE;
  /* Translators: %s is the name of a hook of the snap. */
  target_label = info->target->is_hook ? g_strdup_printf (_("%s hook"), info->target->name)
                                       : g_strdup (info->target->name);
  note->text = g_strdup_printf (/* Translators: an app's name or “NAME hook”, a plug, an
                                 * extension. */
                                _("%s gets “%s” from the %s extension, not from its plugs "
                                  "list, so it cannot be removed there: snapcraft adds it to "
                                  "every app that uses the extension"),
                                target_label, plug, extension);
  g_ptr_array_add (edit->notes, note);
  return TRUE;
}

gboolean
sc_edit_remove_plug (ScEdit      *edit,
                     const char  *target,
                     const char  *plug,
                     GError     **error)
{
  GPtrArray *desired = NULL;

  g_return_val_if_fail (edit != NULL, FALSE);

  if (note_from_extension (edit, target, plug))
    return TRUE;
  if (lookup_target_for_edit (edit, target, plug, TRUE, &desired, error) == NULL)
    return FALSE;
  /* Every occurrence goes: a list may name a plug twice. */
  for (guint i = desired->len; i > 0; i--)
    if (g_str_equal (g_ptr_array_index (desired, i - 1), plug))
      g_ptr_array_remove_index (desired, i - 1);
  return TRUE;
}

/* Converts a caller's value to what the model would read back from the
 * YAML we write for it. NULL for unsupported types. */
static GVariant *
normalise_value (GVariant *value,
                 guint     depth)
{
  const GVariantType *type;

  if (depth > 16)
    return NULL;
  while (g_variant_is_of_type (value, G_VARIANT_TYPE_VARIANT))
    {
      g_autoptr(GVariant) inner = g_variant_get_variant (value);

      return normalise_value (inner, depth + 1);
    }
  type = g_variant_get_type (value);

  if (g_variant_type_equal (type, G_VARIANT_TYPE_STRING) ||
      g_variant_type_equal (type, G_VARIANT_TYPE_OBJECT_PATH) ||
      g_variant_type_equal (type, G_VARIANT_TYPE_SIGNATURE))
    return g_variant_new_string (g_variant_get_string (value, NULL));
  if (g_variant_type_equal (type, G_VARIANT_TYPE_BOOLEAN))
    return g_variant_new_boolean (g_variant_get_boolean (value));
  if (g_variant_type_equal (type, G_VARIANT_TYPE_BYTE))
    return g_variant_new_int64 (g_variant_get_byte (value));
  if (g_variant_type_equal (type, G_VARIANT_TYPE_INT16))
    return g_variant_new_int64 (g_variant_get_int16 (value));
  if (g_variant_type_equal (type, G_VARIANT_TYPE_UINT16))
    return g_variant_new_int64 (g_variant_get_uint16 (value));
  if (g_variant_type_equal (type, G_VARIANT_TYPE_INT32))
    return g_variant_new_int64 (g_variant_get_int32 (value));
  if (g_variant_type_equal (type, G_VARIANT_TYPE_UINT32))
    return g_variant_new_int64 (g_variant_get_uint32 (value));
  if (g_variant_type_equal (type, G_VARIANT_TYPE_INT64))
    return g_variant_new_int64 (g_variant_get_int64 (value));
  if (g_variant_type_equal (type, G_VARIANT_TYPE ("ms")))
    {
      if (g_variant_n_children (value) == 0)
        return g_variant_new_maybe (G_VARIANT_TYPE_STRING, NULL);
      {
        g_autoptr(GVariant) inner = g_variant_get_child_value (value, 0);

        return g_variant_new_string (g_variant_get_string (inner, NULL));
      }
    }
  if (g_variant_type_equal (type, G_VARIANT_TYPE ("a{sv}")))
    {
      GVariantBuilder builder;
      GVariantIter iter;
      const char *key;
      GVariant *child;

      g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{sv}"));
      g_variant_iter_init (&iter, value);
      while (g_variant_iter_next (&iter, "{&sv}", &key, &child))
        {
          GVariant *norm = normalise_value (child, depth + 1);

          g_variant_unref (child);
          if (norm == NULL)
            {
              g_variant_builder_clear (&builder);
              return NULL;
            }
          g_variant_builder_add (&builder, "{sv}", key, norm);
        }
      return g_variant_builder_end (&builder);
    }
  if (g_variant_type_is_array (type) && !g_variant_type_is_dict_entry (g_variant_type_element (type)))
    {
      GVariantBuilder builder;
      gsize n = g_variant_n_children (value);

      g_variant_builder_init (&builder, G_VARIANT_TYPE ("av"));
      for (gsize i = 0; i < n; i++)
        {
          g_autoptr(GVariant) child = g_variant_get_child_value (value, i);
          GVariant *norm = normalise_value (child, depth + 1);

          if (norm == NULL)
            {
              g_variant_builder_clear (&builder);
              return NULL;
            }
          g_variant_builder_add (&builder, "v", norm);
        }
      return g_variant_builder_end (&builder);
    }
  return NULL;
}

gboolean
sc_edit_define_plug (ScEdit      *edit,
                     const char  *name,
                     GVariant    *attributes,
                     GError     **error)
{
  GVariantBuilder builder;
  GVariantIter iter;
  const char *key;
  GVariant *child;
  g_autofree char *interface = NULL;
  ScDefEdit *def;

  g_return_val_if_fail (edit != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if (!_sc_project_valid_name (name, FALSE))
    {
      g_set_error (error, SC_PROJECT_ERROR, SC_PROJECT_ERROR_BAD_ARGUMENT,
                   /* Translators: %s is a plug name. */
                   _("'%s' is not a valid plug name: use lowercase letters, digits and single "
                     "hyphens, starting with a letter"), name);
      return FALSE;
    }
  if (attributes != NULL && !g_variant_is_of_type (attributes, G_VARIANT_TYPE ("a{sv}")))
    {
      g_set_error (error, SC_PROJECT_ERROR, SC_PROJECT_ERROR_BAD_ARGUMENT,
                   /* Translators: %s is a plug name. */
                   _("the attributes of plug '%s' must be a dictionary (a{sv})"), name);
      return FALSE;
    }

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{sv}"));
  if (attributes != NULL)
    {
      g_variant_iter_init (&iter, attributes);
      while (g_variant_iter_next (&iter, "{&sv}", &key, &child))
        {
          g_autoptr(GVariant) value = child;
          GVariant *norm;

          if (g_str_equal (key, "interface"))
            {
              if (!g_variant_is_of_type (value, G_VARIANT_TYPE_STRING) ||
                  !_sc_project_valid_name (g_variant_get_string (value, NULL), FALSE))
                {
                  g_variant_builder_clear (&builder);
                  g_set_error (error, SC_PROJECT_ERROR, SC_PROJECT_ERROR_BAD_ARGUMENT,
                               /* Translators: %s is a plug name. */
                               _("the interface of plug '%s' must be an interface name"), name);
                  return FALSE;
                }
              g_free (interface);
              interface = g_variant_dup_string (value, NULL);
              continue;
            }
          if (key[0] == '\0' || key[0] == '$' || !g_utf8_validate (key, -1, NULL))
            {
              g_variant_builder_clear (&builder);
              g_set_error (error, SC_PROJECT_ERROR, SC_PROJECT_ERROR_BAD_ARGUMENT,
                           /* Translators: an attribute name, then a plug name. */
                           _("'%s' is not a valid attribute name for plug '%s'"), key, name);
              return FALSE;
            }
          norm = normalise_value (value, 0);
          if (norm == NULL)
            {
              g_variant_builder_clear (&builder);
              g_set_error (error, SC_PROJECT_ERROR, SC_PROJECT_ERROR_BAD_ARGUMENT,
                           /* Translators: an attribute name, a plug name, then a GVariant type
                            * string. */
                           _("attribute '%s' of plug '%s' has an unsupported type %s"), key,
                           name, g_variant_get_type_string (value));
              return FALSE;
            }
          g_variant_builder_add (&builder, "{sv}", key, norm);
        }
    }

  for (guint i = 0; i < edit->defs->len; i++)
    {
      ScDefEdit *old = g_ptr_array_index (edit->defs, i);

      if (g_str_equal (old->name, name))
        {
          g_ptr_array_remove_index (edit->defs, i);
          break;
        }
    }

  def = g_new0 (ScDefEdit, 1);
  def->name = g_strdup (name);
  def->interface = interface ? g_steal_pointer (&interface) : g_strdup (name);
  def->attributes = g_variant_ref_sink (g_variant_builder_end (&builder));
  g_ptr_array_add (edit->defs, def);
  return TRUE;
}

gboolean
_sc_edit_def_is_noop (ScEdit    *edit,
                      ScDefEdit *def)
{
  ScPlugDef *old = sc_project_find_plug_def (edit->project, def->name);

  return old != NULL && g_str_equal (old->interface, def->interface) &&
         g_variant_equal (old->attributes, def->attributes);
}

gboolean
_sc_edit_confinement_changes (ScEdit *edit)
{
  return edit->confinement != NULL &&
         (edit->project->confinement_key == NULL ||
          g_strcmp0 (edit->project->confinement, edit->confinement) != 0);
}

gboolean
sc_edit_is_empty (ScEdit *edit)
{
  g_return_val_if_fail (edit != NULL, TRUE);

  if (_sc_edit_confinement_changes (edit))
    return FALSE;
  for (guint i = 0; i < edit->touched->len; i++)
    {
      ScTargetInfo *info = g_ptr_array_index (edit->touched, i);
      g_autoptr(GPtrArray) orig = _sc_target_dup_plug_names (info->target);

      if (!_sc_names_equal (orig, g_hash_table_lookup (edit->desired, info)))
        return FALSE;
    }
  for (guint i = 0; i < edit->defs->len; i++)
    if (!_sc_edit_def_is_noop (edit, g_ptr_array_index (edit->defs, i)))
      return FALSE;
  return TRUE;
}

GPtrArray *
_sc_edit_desired_of (ScEdit       *edit,
                     ScTargetInfo *info)
{
  GPtrArray *desired = g_hash_table_lookup (edit->desired, info);

  if (desired == NULL)
    {
      desired = _sc_target_dup_plug_names (info->target);
      g_hash_table_insert (edit->desired, info, desired);
      g_ptr_array_add (edit->touched, info);
    }
  return desired;
}

/* ---- Top-level definitions nobody lists any more ------------------------- */

void
sc_edit_set_keep_definitions (ScEdit   *edit,
                              gboolean  keep)
{
  g_return_if_fail (edit != NULL);
  edit->keep_definitions = keep;
}

ScDefEdit *
_sc_edit_find_def (ScEdit     *edit,
                   const char *name)
{
  for (guint i = 0; i < edit->defs->len; i++)
    {
      ScDefEdit *def = edit->defs->pdata[i];

      if (strcmp (def->name, name) == 0)
        return def;
    }
  return NULL;
}

/* Whether an app's or hook's list names NAME, before the edit (AFTER
 * FALSE) or after it. */
static gboolean
listed (ScEdit     *edit,
        const char *name,
        gboolean    after)
{
  ScProject *self = edit->project;

  for (guint pass = 0; pass < 2; pass++)
    {
      GPtrArray *infos = pass ? self->hook_infos : self->app_infos;

      for (guint i = 0; i < infos->len; i++)
        {
          ScTargetInfo *info = infos->pdata[i];
          GPtrArray *desired = after ? g_hash_table_lookup (edit->desired, info) : NULL;

          if (desired != NULL ? names_contain (desired, name)
                              : target_has_plug (info->target, name))
            return TRUE;
        }
    }
  return FALSE;
}

/* The project's definitions (not redefined by the edit) that some list
 * named before and none names after, extensions aside. */
static GPtrArray *
dup_unlisted_defs (ScEdit *edit)
{
  GPtrArray *defs = sc_project_get_plug_defs (edit->project);
  GPtrArray *orphans = g_ptr_array_new ();

  if (g_hash_table_size (edit->desired) == 0)
    return orphans;
  for (guint i = 0; i < defs->len; i++)
    {
      ScPlugDef *def = defs->pdata[i];

      if (_sc_edit_find_def (edit, def->name) == NULL && listed (edit, def->name, FALSE) &&
          !listed (edit, def->name, TRUE) &&
          !_sc_project_extension_lists (edit->project, def->name))
        g_ptr_array_add (orphans, def);
    }
  return orphans;
}

GPtrArray *
_sc_edit_dup_orphaned_defs (ScEdit *edit)
{
  if (edit->keep_definitions)
    return g_ptr_array_new ();
  return dup_unlisted_defs (edit);
}

void
sc_edit_message_free (ScEditMessage *message)
{
  if (message == NULL)
    return;
  g_free (message->text);
  g_free (message);
}

static void
add_message (GPtrArray         *messages,
             ScEditMessageKind  kind,
             char              *text)
{
  ScEditMessage *message = g_new0 (ScEditMessage, 1);

  message->kind = kind;
  message->text = text;
  g_ptr_array_add (messages, message);
}

/* "app a, app b, hook configure": every app and hook whose list (after the
 * edit) does not name NAME. */
static char *
dup_targets_without (ScEdit     *edit,
                     const char *name,
                     guint      *n)
{
  ScProject *self = edit->project;
  GString *text = g_string_new (NULL);

  *n = 0;
  for (guint pass = 0; pass < 2; pass++)
    {
      GPtrArray *infos = pass ? self->hook_infos : self->app_infos;

      for (guint i = 0; i < infos->len; i++)
        {
          ScTargetInfo *info = infos->pdata[i];
          GPtrArray *desired = g_hash_table_lookup (edit->desired, info);

          if (desired != NULL ? names_contain (desired, name)
                              : target_has_plug (info->target, name))
            continue;
          g_string_append_printf (text, "%s%s%s", (*n)++ > 0 ? ", " : "",
                                  pass ? "hook:" : "", info->target->name);
        }
    }
  return g_string_free (text, FALSE);
}

GPtrArray *
sc_edit_dup_messages (ScEdit *edit)
{
  GPtrArray *messages = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_edit_message_free);
  g_autoptr(GPtrArray) unlisted = NULL;
  GPtrArray *defs;

  g_return_val_if_fail (edit != NULL, NULL);

  for (guint i = 0; i < edit->notes->len; i++)
    {
      ScEditMessage *note = edit->notes->pdata[i];

      add_message (messages, note->kind, g_strdup (note->text));
    }

  unlisted = dup_unlisted_defs (edit);
  for (guint i = 0; i < unlisted->len; i++)
    {
      ScPlugDef *def = unlisted->pdata[i];
      guint n;
      g_autofree char *all = dup_targets_without (edit, def->name, &n);

      if (edit->keep_definitions)
        add_message (messages, SC_EDIT_MESSAGE_WARNING,
                     /* Translators: a plug name, an interface, a list of apps and hooks. */
                     g_strdup_printf (_("Kept the definition of plug “%s” (%s) that no app or "
                                        "hook lists any more: snapd now gives it to all of "
                                        "them (%s)"), def->name, def->interface, all));
      else
        add_message (messages, SC_EDIT_MESSAGE_NOTE,
                     /* Translators: a plug name, an interface. */
                     g_strdup_printf (_("Removed the definition of plug “%s” (%s): no app or "
                                        "hook lists it any more, and snapd would give it to "
                                        "all of them (--keep-definitions keeps it)"),
                                      def->name, def->interface));
    }

  /* A definition nobody listed went to everyone; listing it somewhere
   * takes it from the others. */
  defs = sc_project_get_plug_defs (edit->project);
  for (guint i = 0; i < defs->len; i++)
    {
      ScPlugDef *def = defs->pdata[i];
      guint n;
      g_autofree char *losers = NULL;

      if (listed (edit, def->name, FALSE) || !listed (edit, def->name, TRUE) ||
          _sc_project_extension_lists (edit->project, def->name))
        continue;
      losers = dup_targets_without (edit, def->name, &n);
      if (n > 0)
        add_message (messages, SC_EDIT_MESSAGE_WARNING,
                     /* Translators: a plug name, then a list of apps and hooks. */
                     g_strdup_printf (_("Plug “%s” went to every app and hook because none "
                                        "listed it; listed now, it is taken from the others: "
                                        "%s"), def->name, losers));
    }
  return messages;
}
