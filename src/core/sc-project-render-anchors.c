/* sc-project-render-anchors.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Anchors and aliases in plug lists: which apps and hooks that share a
 * list keep their alias, which get their own copy, where the anchor goes,
 * and aliases of removed items written out.
 */
#define G_LOG_DOMAIN "sc-project"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "sc-project-private.h"

/* Removes the anchor (` &name`) written before the value NODE: another
 * list takes it over. */
void
_sc_render_drop_anchor (ScRender   *r,
                        ScYamlNode *node)
{
  gsize from = node->start, to;

  if (node->anchor == NULL || r->data[node->start] != '&')
    return;
  to = node->start + 1 + strlen (node->anchor);
  if (sc_yaml_document_line_start (r->doc, node->value_start) <= node->start)
    {
      /* `plugs: &p [a]`: the anchor and the blanks after it go. */
      while (to < node->value_start && (r->data[to] == ' ' || r->data[to] == '\t'))
        to++;
    }
  else
    {
      /* `plugs: &p` and the items below: the blanks before it go. */
      while (from > 0 && (r->data[from - 1] == ' ' || r->data[from - 1] == '\t'))
        from--;
    }
  sc_yaml_patch_replace (r->patch, from, to, "");
}

static ScTargetInfo *
info_with_plugs_value (ScProject  *self,
                       ScYamlNode *node)
{
  for (guint pass = 0; pass < 2; pass++)
    {
      GPtrArray *infos = pass ? self->hook_infos : self->app_infos;

      for (guint i = 0; i < infos->len; i++)
        {
          ScTargetInfo *info = g_ptr_array_index (infos, i);

          if (info->plugs_value == node)
            return info;
        }
    }
  return NULL;
}

/* The app or hook whose `plugs:` value is the anchored list INFO's list is
 * (INFO itself, or the owner of the anchor INFO's alias names); NULL when
 * the list is not shared or its anchor is outside apps and hooks. */
static ScTargetInfo *
anchor_owner (ScRender     *r,
              ScTargetInfo *info)
{
  ScYamlNode *pv = info->plugs_value;

  if (pv == NULL)
    return NULL;
  if (pv->kind == SC_YAML_NODE_ALIAS)
    pv = pv->target;
  else if (pv->n_aliases == 0)
    return NULL;
  if (pv == NULL || pv->kind != SC_YAML_NODE_SEQUENCE)
    return NULL;
  return info_with_plugs_value (r->project, pv);
}

/* A plug list shared through an anchor (`plugs: &plugs [...]` … `plugs:
 * *plugs`) is edited once, at the anchor, and the apps and hooks whose
 * list ends like it keep their alias; only those whose list ends
 * otherwise get their own copy. The anchor holds the owner's new list,
 * unless two or more of the others end with another list that more of
 * them share: then the first of those takes the anchor and the owner gets
 * a plain list. The shared list never changes behind anyone's back. */
static gboolean
plan_anchor_users (ScRender     *r,
                   ScTargetInfo *owner,
                   GError      **error)
{
  ScEdit *edit = r->edit;
  ScYamlNode *anchor = owner->plugs_value;
  GPtrArray *owner_desired = _sc_edit_desired_of (edit, owner);
  g_autoptr(GPtrArray) orig = _sc_target_dup_plug_names (owner->target);
  g_autoptr(GPtrArray) users = g_ptr_array_new ();
  guint n = sc_yaml_document_get_n_nodes (r->doc);
  guint outside_line = 0, n_like_owner = 0, best_count = 0;
  ScTargetInfo *best = NULL;
  GPtrArray *best_list = NULL;

  for (guint k = 0; k < n; k++)
    {
      ScYamlNode *node = sc_yaml_document_get_node (r->doc, k);
      ScTargetInfo *user;

      if (node->kind != SC_YAML_NODE_ALIAS || node->target != anchor)
        continue;
      user = info_with_plugs_value (r->project, node);
      if (user == NULL)
        outside_line = outside_line ? outside_line : node->line;
      else
        g_ptr_array_add (users, user);
    }

  /* The list most of the others end with, if not the owner's. */
  for (guint i = 0; i < users->len; i++)
    {
      GPtrArray *list = _sc_edit_desired_of (edit, users->pdata[i]);
      guint count = 0;

      if (_sc_names_equal (list, owner_desired))
        {
          n_like_owner++;
          continue;
        }
      for (guint j = i; j < users->len; j++)
        if (_sc_names_equal (list, _sc_edit_desired_of (edit, users->pdata[j])))
          count++;
      if (list->len > 0 && count > best_count)
        {
          best_count = count;
          best = users->pdata[i];
          best_list = list;
        }
    }
  if (best_count < 2 || best_count <= n_like_owner || outside_line > 0)
    best = NULL;

  if (outside_line > 0 && !_sc_names_equal (orig, owner_desired))
    /* Translators: the first %s is “app” or “hook”, the second its name, the third a YAML
     * anchor name, %u a line number. */
    return _sc_verify_fail (error, _("the plugs of %s '%s' are shared through the anchor "
                              "&%s, which is also used outside apps and hooks (line %u); "
                              "change that list by hand"),
                            _sc_target_kind (owner->target->is_hook), owner->target->name,
                            anchor->anchor, outside_line);

  if (best != NULL)
    {
      g_hash_table_add (r->rendered, owner);
      if (owner_desired->len > 0)
        g_hash_table_add (r->drop_anchor, owner);
      g_hash_table_insert (r->anchor_moves, best, anchor->anchor);
    }
  for (guint i = 0; i < users->len; i++)
    {
      ScTargetInfo *user = users->pdata[i];
      GPtrArray *list = _sc_edit_desired_of (edit, user);
      /* An empty list loses its key, and an anchor with it. */
      gboolean keep = best != NULL ? user != best && _sc_names_equal (list, best_list)
                                   : owner_desired->len > 0 && _sc_names_equal (list,
                                                                                owner_desired);

      g_hash_table_add (r->rendered, user);
      if (keep)
        g_hash_table_add (r->kept_aliases, user);
      else
        g_hash_table_remove (r->kept_aliases, user);
    }
  return TRUE;
}

gboolean
_sc_render_plan_shared_lists (ScRender *r,
                              GError  **error)
{
  ScEdit *edit = r->edit;
  g_autoptr(GHashTable) planned = g_hash_table_new (g_direct_hash, g_direct_equal);

  for (guint i = 0; i < edit->touched->len; i++)
    {
      ScTargetInfo *info = g_ptr_array_index (edit->touched, i);
      GPtrArray *desired = g_hash_table_lookup (edit->desired, info);
      g_autoptr(GPtrArray) orig = _sc_target_dup_plug_names (info->target);
      ScTargetInfo *owner;

      if (_sc_names_equal (orig, desired))
        continue;
      g_hash_table_add (r->rendered, info);

      owner = anchor_owner (r, info);
      if (owner != NULL && g_hash_table_add (planned, owner) &&
          !plan_anchor_users (r, owner, error))
        return FALSE;
    }
  return TRUE;
}

/* Plug items that go away but carry an anchor that other places name
 * (`- &p home` … `[*p]`): those aliases get the value written out, so
 * they do not lose what they point at. */
void
_sc_render_expand_removed_anchors (ScRender *r)
{
  guint n = sc_yaml_document_get_n_nodes (r->doc);
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, r->rendered);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      ScTargetInfo *info = key;
      ScYamlNode *seq = info->plugs_value;
      g_autoptr(GHashTable) wanted = NULL;

      if (info->file_only || seq == NULL || seq->kind != SC_YAML_NODE_SEQUENCE)
        continue;
      wanted = _sc_name_set (_sc_edit_desired_of (r->edit, info));
      for (guint i = 0; i < seq->n_children; i++)
        {
          ScYamlNode *item = seq->children[i];

          if (item->n_aliases == 0 || g_hash_table_contains (wanted, item->value) ||
              g_hash_table_contains (r->expanded, item))
            continue;
          g_hash_table_add (r->expanded, item);
          for (guint k = 0; k < n; k++)
            {
              ScYamlNode *node = sc_yaml_document_get_node (r->doc, k);
              gboolean flow;
              g_autofree char *text = NULL;

              /* An alias in the same list goes with the item. */
              if (node->kind != SC_YAML_NODE_ALIAS || node->target != item ||
                  node->parent == seq)
                continue;
              flow = node->parent != NULL && node->parent->style == SC_YAML_STYLE_FLOW;
              text = sc_yaml_quote_scalar (item->value, flow);
              sc_yaml_patch_replace (r->patch, node->start, node->end, text);
            }
        }
    }
}
