/* sc-project-verify.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every rendered text is parsed again and its model compared with the
 * original one plus exactly the requested changes before anyone may write
 * it; then the diff and the atomic write.
 */
#define G_LOG_DOMAIN "sc-project"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "sc-diff.h"
#include "sc-file-util.h"
#include "sc-project-private.h"

/* ---- Verification ---- */

static gboolean
strv_equal0 (char **a,
             char **b)
{
  guint na = a ? g_strv_length (a) : 0, nb = b ? g_strv_length (b) : 0;

  if (na != nb)
    return FALSE;
  for (guint i = 0; i < na; i++)
    if (!g_str_equal (a[i], b[i]))
      return FALSE;
  return TRUE;
}

/* Compares two mappings (or nulls) entry by entry, leaving out SKIP. */
static gboolean
mapping_equal_except (ScYamlNode *a,
                      ScYamlNode *b,
                      const char *const *skip,
                      GHashTable *expanded)
{
  guint ia = 0, ib = 0;
  guint na = (a && a->kind == SC_YAML_NODE_MAPPING) ? a->n_children : 0;
  guint nb = (b && b->kind == SC_YAML_NODE_MAPPING) ? b->n_children : 0;

  if (a && a->kind != SC_YAML_NODE_MAPPING && !sc_yaml_node_is_null (a))
    return FALSE;
  if (b && b->kind != SC_YAML_NODE_MAPPING && !sc_yaml_node_is_null (b))
    return FALSE;

  for (;;)
    {
      while (ia < na && a->children[ia]->kind == SC_YAML_NODE_SCALAR &&
             g_strv_contains (skip, a->children[ia]->value))
        ia += 2;
      while (ib < nb && b->children[ib]->kind == SC_YAML_NODE_SCALAR &&
             g_strv_contains (skip, b->children[ib]->value))
        ib += 2;
      if (ia >= na || ib >= nb)
        return ia >= na && ib >= nb;
      if (!sc_yaml_node_equal_expanding (a->children[ia], b->children[ib], expanded) ||
          !sc_yaml_node_equal_expanding (a->children[ia + 1], b->children[ib + 1], expanded))
        return FALSE;
      ia += 2;
      ib += 2;
    }
}

static gboolean
verify_targets (ScRender  *r,
                ScProject *after,
                gboolean   hooks,
                GError   **error)
{
  ScProject *before = r->project;
  GPtrArray *old_infos = hooks ? before->hook_infos : before->app_infos;
  GPtrArray *new_infos = hooks ? after->hook_infos : after->app_infos;
  const char *kind = _sc_target_kind (hooks);
  static const char * const skip_plugs[] = { "plugs", NULL };

  if (old_infos->len != new_infos->len)
    return _sc_verify_fail (error, hooks ? _("the edit changed the number of hooks")
                                   : _("the edit changed the number of apps"));

  for (guint i = 0; i < old_infos->len; i++)
    {
      ScTargetInfo *oi = g_ptr_array_index (old_infos, i);
      ScTargetInfo *ni = NULL;
      ScTarget *o = oi->target, *n;
      GPtrArray *want;
      g_autoptr(GPtrArray) got = NULL;
      g_autoptr(GPtrArray) orig = NULL;

      /* By name: a hook that was only a file and gains an entry moves
       * among the file's own hooks. */
      for (guint k = 0; k < new_infos->len && ni == NULL; k++)
        if (g_str_equal (((ScTargetInfo *) g_ptr_array_index (new_infos, k))->target->name, o->name))
          ni = g_ptr_array_index (new_infos, k);
      if (ni == NULL)
        /* Translators: the first %s is “app” or “hook”, the second its name. */
        return _sc_verify_fail (error, _("the edit would remove %s '%s'"), kind, o->name);
      if (ni->file_only && !oi->file_only)
        /* Translators: the first %s is “app” or “hook”, the second its name. */
        return _sc_verify_fail (error, _("the edit would remove the entry of %s '%s'"), kind,
                                o->name);
      n = ni->target;
      want = g_hash_table_lookup (r->edit->desired, oi);
      got = _sc_target_dup_plug_names (n);
      orig = _sc_target_dup_plug_names (o);

      if (!g_str_equal (o->name, n->name) || g_strcmp0 (o->command, n->command) != 0 ||
          g_strcmp0 (o->daemon, n->daemon) != 0 || !strv_equal0 (o->extensions, n->extensions) ||
          !strv_equal0 (o->slots, n->slots))
        /* Translators: the first %s is “app” or “hook”, the second its name. */
        return _sc_verify_fail (error, _("the edit would change %s '%s' beyond its plugs"), kind,
                                o->name);
      if (!_sc_names_equal (want ? want : orig, got))
        /* Translators: the first %s is “app” or “hook”, the second its name. */
        return _sc_verify_fail (error, _("the edit would not give %s '%s' the intended plugs"),
                                kind, o->name);

      if (g_hash_table_contains (r->rendered, oi))
        {
          if (!mapping_equal_except (oi->mapping, ni->mapping, skip_plugs, r->expanded))
            /* Translators: the first %s is “app” or “hook”, the second its name. */
            return _sc_verify_fail (error, _("the edit would change other settings of %s '%s'"),
                                    kind, o->name);
        }
      else if (!sc_yaml_node_equal_expanding (oi->value, ni->value, r->expanded))
        /* Translators: the first %s is “app” or “hook”, the second its name. */
        return _sc_verify_fail (error,
                                _("the edit would change %s '%s', which it should not touch"),
                                kind, o->name);
    }
  return TRUE;
}

/* Plug definitions: the old ones unchanged unless redefined or removed
 * (nobody lists them any more), the new ones exactly as asked, nothing
 * else. */
static gboolean
verify_defs (ScRender   *r,
             ScProject  *after,
             GError    **error)
{
  ScProject *before = r->project;
  ScEdit *edit = r->edit;
  g_autoptr(GPtrArray) orphans = _sc_edit_dup_orphaned_defs (edit);
  guint expected = before->plug_defs->len - orphans->len;

  for (guint i = 0; i < edit->defs->len; i++)
    {
      ScDefEdit *def = g_ptr_array_index (edit->defs, i);
      ScPlugDef *got = sc_project_find_plug_def (after, def->name);

      if (sc_project_find_plug_def (before, def->name) == NULL)
        expected++;
      if (got == NULL || !g_str_equal (got->interface, def->interface) ||
          !g_variant_equal (got->attributes, def->attributes))
        /* Translators: %s is a plug name. */
        return _sc_verify_fail (error, _("the edit would not define plug '%s' as intended"),
                                def->name);
    }
  if (after->plug_defs->len != expected)
    return _sc_verify_fail (error, _("the edit would change the number of plug definitions"));
  for (guint i = 0; i < before->plug_defs->len; i++)
    {
      ScPlugDef *old = g_ptr_array_index (before->plug_defs, i);
      ScPlugDef *got = sc_project_find_plug_def (after, old->name);

      if (_sc_edit_find_def (edit, old->name) != NULL)
        continue;
      if (g_ptr_array_find (orphans, old, NULL))
        {
          if (got != NULL)
            /* Translators: %s is a plug name. */
            return _sc_verify_fail (error, _("the edit would not remove plug definition '%s'"),
                                    old->name);
          continue;
        }
      if (got == NULL || !g_str_equal (got->interface, old->interface) ||
          !g_variant_equal (got->attributes, old->attributes))
        /* Translators: %s is a plug name. */
        return _sc_verify_fail (error, _("the edit would change plug definition '%s'"), old->name);
    }
  return TRUE;
}

gboolean
_sc_render_verify (ScRender  *r,
                   ScProject *after,
                   GError   **error)
{
  ScProject *before = r->project;
  ScEdit *edit = r->edit;
  ScYamlNode *old_root = sc_yaml_document_get_root (before->doc);
  ScYamlNode *new_root = sc_yaml_document_get_root (after->doc);
  static const char * const skip_top[] = { "confinement", "plugs", "apps", "hooks", NULL };
  const char *want_confinement = edit->confinement ? edit->confinement : before->confinement;
  gboolean hooks_grow = FALSE;

  if (g_strcmp0 (before->name, after->name) != 0 || g_strcmp0 (before->base, after->base) != 0 ||
      g_strcmp0 (before->build_base, after->build_base) != 0 ||
      g_strcmp0 (before->grade, after->grade) != 0)
    return _sc_verify_fail (error, _("the edit would change the snap's name, base or grade"));
  if (g_strcmp0 (want_confinement, after->confinement) != 0)
    return _sc_verify_fail (error, _("the edit would not give the intended confinement"));
  if (g_strcmp0 (before->confinement, after->confinement) != 0 &&
      after->confinement_value != NULL && after->confinement_value->n_aliases > 0)
    /* Translators: %s is a YAML anchor name. */
    return _sc_verify_fail (error, _("the new confinement value would also change the places that "
                              "name it through its anchor &%s"), after->confinement_value->anchor);
  if (!mapping_equal_except (old_root, new_root, skip_top, r->expanded))
    return _sc_verify_fail (error,
                            _("the edit would change top-level settings it should not touch"));

  for (guint i = 0; i < before->hook_infos->len; i++)
    {
      ScTargetInfo *info = g_ptr_array_index (before->hook_infos, i);

      if (info->file_only && g_hash_table_contains (r->rendered, info))
        hooks_grow = TRUE;
    }

  for (guint pass = 0; pass < 2; pass++)
    {
      const char *section = pass ? "hooks" : "apps";
      ScYamlNode *ok = NULL, *nk = NULL;
      ScYamlNode *ov = sc_yaml_mapping_lookup (old_root, section, &ok);
      ScYamlNode *nv = sc_yaml_mapping_lookup (new_root, section, &nk);

      if (pass == 1 && hooks_grow)
        {
          /* Hooks that were only files get entries: `hooks:` may be new,
           * or a null value may have become a mapping. */
          if ((ov != NULL && (nv == NULL || !sc_yaml_node_equal (ok, nk) ||
                              g_strcmp0 (ov->anchor, nv->anchor) != 0)) ||
              (nv != NULL && sc_yaml_node_resolve (nv)->kind != SC_YAML_NODE_MAPPING))
            /* Translators: %s is “apps” or “hooks”, a key of snapcraft.yaml. */
            return _sc_verify_fail (error, _("the edit would change the '%s' section"), section);
        }
      else if ((ov == NULL) != (nv == NULL) ||
          (ov != NULL && (!sc_yaml_node_equal (ok, nk) ||
                          g_strcmp0 (ov->anchor, nv->anchor) != 0 || ov->kind != nv->kind)))
        /* Translators: %s is “apps” or “hooks”, a key of snapcraft.yaml. */
        return _sc_verify_fail (error, _("the edit would change the '%s' section"), section);
      if (!verify_targets (r, after, pass == 1, error))
        return FALSE;
    }

  return verify_defs (r, after, error);
}

GBytes *
sc_edit_render (ScEdit  *edit,
                GError **error)
{
  ScProject *self;
  g_autoptr(GBytes) text = NULL;
  g_autoptr(ScProject) after = NULL;
  g_autoptr(GError) local_error = NULL;
  ScRender r = { 0 };
  gboolean ok;

  g_return_val_if_fail (edit != NULL, NULL);

  self = edit->project;
  if (sc_edit_is_empty (edit))
    return g_bytes_ref (self->bytes);

  _sc_render_init (&r, edit);
  text = _sc_render_apply (&r, error);
  if (text == NULL)
    {
      _sc_render_clear (&r);
      return NULL;
    }

  after = _sc_project_load_bytes (self->path, self->root, self->display_path, self->error_name,
                                  text, &local_error);
  if (after == NULL)
    {
      _sc_render_clear (&r);
      g_set_error (error, SC_PROJECT_ERROR, SC_PROJECT_ERROR_VERIFY,
                   /* Translators: %s is the reason, an error message. */
                   _("the edited text would not load again (%s); nothing was written"),
                   local_error->message);
      return NULL;
    }
  ok = _sc_render_verify (&r, after, error);
  _sc_render_clear (&r);
  if (!ok)
    return NULL;

  return g_steal_pointer (&text);
}

char *
sc_edit_diff (ScEdit  *edit,
              GError **error)
{
  g_autoptr(GBytes) text = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  gsize old_len, new_len;
  const char *old_data, *new_data;

  g_return_val_if_fail (edit != NULL, NULL);

  text = sc_edit_render (edit, error);
  if (text == NULL)
    return NULL;
  if (g_bytes_equal (text, edit->project->bytes))
    return g_strdup ("");

  a = g_strconcat ("a/", edit->project->display_path, NULL);
  b = g_strconcat ("b/", edit->project->display_path, NULL);
  old_data = g_bytes_get_data (edit->project->bytes, &old_len);
  new_data = g_bytes_get_data (text, &new_len);
  return sc_diff_unified (old_data ? old_data : "", old_len, new_data ? new_data : "", new_len,
                          a, b, 3);
}

gboolean
sc_edit_write (ScEdit  *edit,
               GError **error)
{
  return sc_edit_write_full (edit, SC_FILE_REPLACE_NONE, error);
}

gboolean
sc_edit_write_full (ScEdit              *edit,
                    ScFileReplaceFlags   flags,
                    GError             **error)
{
  g_autoptr(GBytes) text = NULL;
  const char *data;
  gsize len;

  g_return_val_if_fail (edit != NULL, FALSE);

  text = sc_edit_render (edit, error);
  if (text == NULL)
    return FALSE;
  if (g_bytes_equal (text, edit->project->bytes))
    return TRUE;
  if (edit->project->path == NULL)
    {
      g_set_error (error, SC_PROJECT_ERROR, SC_PROJECT_ERROR_WRITE,
                   /* Translators: %s is the project's name as shown. */
                   _("%s was not loaded from a file; there is nowhere to write"),
                   edit->project->display_path);
      return FALSE;
    }
  data = g_bytes_get_data (text, &len);
  return sc_file_replace_atomic_full (edit->project->path, data ? data : "", len,
                                      edit->project->bytes, flags, error);
}


gboolean
sc_project_replace_contents (const char  *path,
                             GBytes      *expected,
                             GBytes      *new_contents,
                             GError     **error)
{
  gsize len = 0;
  const char *data;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (new_contents != NULL, FALSE);

  data = g_bytes_get_data (new_contents, &len);
  return sc_file_replace_atomic (path, data ? data : "", len, expected, error);
}
