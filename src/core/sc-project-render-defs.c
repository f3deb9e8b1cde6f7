/* sc-project-render-defs.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Rendering of what is new at the top level: a `hooks:` entry for hooks
 * that were only files, new or changed plug definitions, and the spacing
 * of a new top-level key.
 */
#define G_LOG_DOMAIN "sc-project"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sc-project-private.h"

/* ---- New top-level keys and hooks that are only files ---- */

/* TRUE when a blank line lies between the top-level entry PREV_KEY:
 * PREV and the key NEXT. */
static gboolean
gap_is_blank (ScRender   *r,
              ScYamlNode *prev_key,
              ScYamlNode *prev,
              ScYamlNode *next)
{
  gsize from = line_end (r, MAX (prev->end, prev_key->end));
  gsize to = sc_yaml_document_line_start (r->doc, next->start);

  for (gsize pos = from; pos < to; pos++)
    if (r->data[pos] == '\n' || r->data[pos] == '\r')
      {
        gsize q = pos + 1;

        if (r->data[pos] == '\r' && q < r->len && r->data[q] == '\n')
          q++;
        while (q < to && (r->data[q] == ' ' || r->data[q] == '\t'))
          q++;
        if (q < r->len && (r->data[q] == '\n' || r->data[q] == '\r'))
          return TRUE;
      }
  return FALSE;
}

/* TRUE when the file separates the top-level entry at INDEX (a key's
 * index in the root's children) from its neighbours with blank lines: the
 * gap after it decides, else the gap before it. */
static gboolean
top_level_spaced (ScRender *r,
                  guint     index)
{
  ScYamlNode *root = sc_yaml_document_get_root (r->doc);

  if (root->style == SC_YAML_STYLE_FLOW)
    return FALSE;
  if (index + 2 < root->n_children)
    return gap_is_blank (r, root->children[index], root->children[index + 1],
                         root->children[index + 2]);
  if (index >= 2)
    return gap_is_blank (r, root->children[index - 2], root->children[index - 1],
                         root->children[index]);
  return FALSE;
}

/* Inserts BLOCK (a new top-level key and its lines, without a line break
 * at either end) after the top-level entry KEY: VALUE, separated the way
 * the file separates its top-level keys. */
void
_sc_render_insert_top_level_after (ScRender   *r,
                                   ScYamlNode *key,
                                   ScYamlNode *value,
                                   const char *block)
{
  ScYamlNode *root = sc_yaml_document_get_root (r->doc);
  gsize end = _sc_render_insert_point_after (r, value, key->end);
  ScYamlNode *next = NULL;
  guint index = 0;

  for (guint i = 0; i + 1 < root->n_children; i += 2)
    if (root->children[i] == key)
      {
        index = i;
        next = i + 2 < root->n_children ? root->children[i + 2] : NULL;
      }

  if (top_level_spaced (r, index))
    {
      if (next == NULL)
        {
          g_autofree char *text = g_strconcat (r->eol, r->eol, block, NULL);

          sc_yaml_patch_replace (r->patch, end, end, text);
          return;
        }
      else
        {
          gsize to = sc_yaml_document_line_start (r->doc, next->start);
          gsize pos = end;
          gboolean seen_blank = FALSE;

          /* Past the first run of blank lines after the entry: comment
           * lines after it belong to the next key. */
          while (pos < to)
            {
              gsize ls = pos, le;

              if (r->data[pos] == '\r' && pos + 1 < r->len && r->data[pos + 1] == '\n')
                ls += 2;
              else
                ls += 1;
              if (ls >= to)
                {
                  pos = to;
                  break;
                }
              le = line_end (r, ls);
              {
                gsize q = ls;

                while (q < le && (r->data[q] == ' ' || r->data[q] == '\t'))
                  q++;
                if (q == le)
                  seen_blank = TRUE;
                else if (seen_blank)
                  {
                    pos = ls;
                    break;
                  }
              }
              pos = le;
            }
          if (seen_blank)
            {
              g_autofree char *text = g_strconcat (block, r->eol, r->eol, NULL);

              if (pos > to)
                pos = to;
              sc_yaml_patch_replace (r->patch, pos, pos, text);
              return;
            }
        }
    }

  {
    g_autofree char *text = g_strconcat (r->eol, block, NULL);

    sc_yaml_patch_replace (r->patch, end, end, text);
  }
}

/* "NAME:" and its plugs as block lines at INDENT (joined with EOL, no
 * line break at either end), or "NAME: {plugs: [..]}" in flow. */
static char *
hook_entry_text (ScRender   *r,
                 const char *name,
                 GPtrArray  *desired,
                 guint       indent,
                 gboolean    flow_context)
{
  g_autofree char *quoted = sc_yaml_quote_scalar (name, flow_context);

  if (flow_context)
    {
      g_autofree char *list = _sc_render_flow_list (desired);

      return g_strdup_printf ("%s: {plugs: %s}", quoted, list);
    }
  else
    {
      gboolean flow = r->flow_plugs || r->no_plug_lists;
      guint inner = indent + r->map_step;
      g_autofree char *prefix = spaces (indent);
      g_autofree char *inner_prefix = spaces (inner);
      g_autofree char *value = _sc_render_list_value (r, desired, inner, flow);

      return g_strdup_printf ("%s%s:%s%splugs:%s", prefix, quoted, r->eol, inner_prefix, value);
    }
}

/* Puts TEXT (hook entries) into `hooks:` (HOOKS_KEY: HV, both NULL when
 * the file has none, which then gets one after `apps:`). */
static void
insert_hook_entries (ScRender   *r,
                     ScYamlNode *hooks_key,
                     ScYamlNode *hv,
                     const char *text,
                     gboolean    flow_context)
{
  ScYamlNode *root = sc_yaml_document_get_root (r->doc);
  ScYamlNode *hm = sc_yaml_node_resolve (hv);

  if (hm != NULL && hm->kind == SC_YAML_NODE_MAPPING)
    {
      if (flow_context && hm->style == SC_YAML_STYLE_FLOW)
        {
          if (hm->n_children > 0)
            {
              g_autofree char *t = g_strconcat (", ", text, NULL);
              gsize pos = hm->children[hm->n_children - 1]->end;

              sc_yaml_patch_replace (r->patch, pos, pos, t);
            }
          else
            sc_yaml_patch_replace (r->patch, hm->value_start + 1, hm->value_start + 1, text);
        }
      else
        {
          g_autofree char *t = g_strconcat (r->eol, text, NULL);
          gsize pos = _sc_render_insert_point_after (r, hm, 0);

          sc_yaml_patch_replace (r->patch, pos, pos, t);
        }
    }
  else if (hm != NULL)
    {
      /* `hooks:` with a null value. */
      gsize colon = _sc_render_colon_after (r, hooks_key);

      if (flow_context)
        {
          g_autofree char *t = g_strdup_printf (hv->start == hv->end ? " {%s}" : "{%s}",
                                                text);

          if (colon == hooks_key->end)
            {
              g_autofree char *t2 = g_strdup_printf (": {%s}", text);

              sc_yaml_patch_replace (r->patch, hooks_key->end, hooks_key->end, t2);
            }
          else
            sc_yaml_patch_replace (r->patch, hv->start, hv->end, t);
        }
      else
        {
          g_autofree char *t = g_strconcat (r->eol, text, NULL);
          gsize pos;

          if (hv->end > colon)
            sc_yaml_patch_replace (r->patch, colon, hv->end, "");
          pos = line_end (r, MAX (hv->end, colon));
          sc_yaml_patch_replace (r->patch, pos, pos, t);
        }
    }
  else if (root->style == SC_YAML_STYLE_FLOW)
    {
      g_autofree char *t = g_strdup_printf (", hooks: {%s}", text);
      gsize pos = root->children[root->n_children - 1]->end;

      sc_yaml_patch_replace (r->patch, pos, pos, t);
    }
  else
    {
      g_autofree char *top = spaces (col0 (root->children[0]));
      g_autofree char *block = g_strdup_printf ("%shooks:%s%s", top, r->eol, text);
      ScYamlNode *apps_key = NULL;
      ScYamlNode *apps = sc_yaml_mapping_lookup (root, "apps", &apps_key);

      if (apps == NULL)
        {
          apps_key = root->children[root->n_children - 2];
          apps = root->children[root->n_children - 1];
        }
      _sc_render_insert_top_level_after (r, apps_key, apps, block);
    }
}

/* Hooks that were only files and now get plugs: entries in `hooks:`,
 * which is created when the file has none. */
gboolean
_sc_render_file_hooks (ScRender *r,
                       GError  **error)
{
  ScProject *self = r->project;
  ScYamlNode *root = sc_yaml_document_get_root (r->doc);
  ScYamlNode *hooks_key = NULL;
  ScYamlNode *hv = sc_yaml_mapping_lookup (root, "hooks", &hooks_key);
  ScYamlNode *hm = sc_yaml_node_resolve (hv);
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();   /* ScTargetInfo* */
  gboolean flow_context;
  guint indent;
  GString *text;

  for (guint i = 0; i < self->hook_infos->len; i++)
    {
      ScTargetInfo *info = g_ptr_array_index (self->hook_infos, i);

      if (info->file_only && g_hash_table_contains (r->rendered, info) &&
          _sc_edit_desired_of (r->edit, info)->len > 0)
        g_ptr_array_add (entries, info);
    }
  if (entries->len == 0)
    return TRUE;

  if (hv != NULL && (hv->kind == SC_YAML_NODE_ALIAS || hv->n_aliases > 0))
    /* Translators: %s is a hook name. */
    return _sc_verify_fail (error, _("'hooks' is shared through an alias or anchor; add the hook "
                              "'%s' by hand"), ((ScTargetInfo *) entries->pdata[0])->target->name);

  flow_context = root->style == SC_YAML_STYLE_FLOW ||
                 (hm != NULL && hm->kind == SC_YAML_NODE_MAPPING &&
                  hm->style == SC_YAML_STYLE_FLOW) ||
                 (hooks_key != NULL && !sc_yaml_document_starts_line (r->doc, hooks_key->start));
  if (hm != NULL && hm->kind == SC_YAML_NODE_MAPPING && hm->n_children > 0 && !flow_context)
    indent = col0 (hm->children[0]);
  else if (hooks_key != NULL)
    indent = col0 (hooks_key) + r->map_step;
  else
    indent = col0 (root->children[0]) + r->map_step;

  text = g_string_new (NULL);
  for (guint i = 0; i < entries->len; i++)
    {
      ScTargetInfo *info = g_ptr_array_index (entries, i);
      g_autofree char *entry = hook_entry_text (r, info->target->name,
                                                _sc_edit_desired_of (r->edit, info), indent,
                                                flow_context);

      if (flow_context)
        g_string_append_printf (text, "%s%s", i > 0 ? ", " : "", entry);
      else
        g_string_append_printf (text, "%s%s", i > 0 ? r->eol : "", entry);
    }

  insert_hook_entries (r, hooks_key, hv, text->str, flow_context);
  g_string_free (text, TRUE);
  return TRUE;
}

/* ---- Plug definitions ---- */

static void append_variant_flow (GString  *out,
                                 GVariant *value);

static void
append_scalar (GString  *out,
               GVariant *value,
               gboolean  flow)
{
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_BOOLEAN))
    g_string_append (out, g_variant_get_boolean (value) ? "true" : "false");
  else if (g_variant_is_of_type (value, G_VARIANT_TYPE_INT64))
    g_string_append_printf (out, "%" G_GINT64_FORMAT, g_variant_get_int64 (value));
  else if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
    {
      g_autofree char *q = sc_yaml_quote_scalar (g_variant_get_string (value, NULL), flow);

      g_string_append (out, q);
    }
  /* "ms" nothing: an empty value is null. */
}

static void
append_variant_flow (GString  *out,
                     GVariant *value)
{
  if (g_variant_is_of_type (value, G_VARIANT_TYPE ("av")))
    {
      gsize n = g_variant_n_children (value);

      g_string_append_c (out, '[');
      for (gsize i = 0; i < n; i++)
        {
          g_autoptr(GVariant) child = g_variant_get_child_value (value, i);
          g_autoptr(GVariant) inner = g_variant_get_variant (child);

          if (i > 0)
            g_string_append (out, ", ");
          if (g_variant_is_of_type (inner, G_VARIANT_TYPE ("ms")))
            g_string_append (out, "null");
          else
            append_variant_flow (out, inner);
        }
      g_string_append_c (out, ']');
    }
  else if (g_variant_is_of_type (value, G_VARIANT_TYPE ("a{sv}")))
    {
      GVariantIter iter;
      const char *key;
      GVariant *child;
      gboolean first = TRUE;

      g_string_append_c (out, '{');
      g_variant_iter_init (&iter, value);
      while (g_variant_iter_next (&iter, "{&sv}", &key, &child))
        {
          g_autofree char *qk = sc_yaml_quote_scalar (key, TRUE);

          g_string_append_printf (out, "%s%s: ", first ? "" : ", ", qk);
          if (g_variant_is_of_type (child, G_VARIANT_TYPE ("ms")))
            g_string_append (out, "null");
          else
            append_variant_flow (out, child);
          g_variant_unref (child);
          first = FALSE;
        }
      g_string_append_c (out, '}');
    }
  else
    append_scalar (out, value, TRUE);
}

/* "key: value" lines of a block mapping at INDENT, each preceded by EOL. */
static void
append_block_mapping (ScRender *r,
                      GString  *out,
                      GVariant *dict,
                      guint     indent,
                      guint     depth)
{
  g_autofree char *prefix = spaces (indent);
  GVariantIter iter;
  const char *key;
  GVariant *child;

  g_variant_iter_init (&iter, dict);
  while (g_variant_iter_next (&iter, "{&sv}", &key, &child))
    {
      g_autoptr(GVariant) value = child;
      g_autofree char *qk = sc_yaml_quote_scalar (key, FALSE);

      g_string_append_printf (out, "%s%s%s:", r->eol, prefix, qk);
      if (g_variant_is_of_type (value, G_VARIANT_TYPE ("av")) && g_variant_n_children (value) > 0)
        {
          g_autofree char *item_prefix = spaces (indent + r->seq_offset);
          gsize n = g_variant_n_children (value);

          for (gsize i = 0; i < n; i++)
            {
              g_autoptr(GVariant) item = g_variant_get_child_value (value, i);
              g_autoptr(GVariant) inner = g_variant_get_variant (item);

              g_string_append_printf (out, "%s%s- ", r->eol, item_prefix);
              if (g_variant_is_of_type (inner, G_VARIANT_TYPE ("ms")))
                g_string_append (out, "null");
              else if (g_variant_is_container (inner))
                append_variant_flow (out, inner);
              else
                append_scalar (out, inner, FALSE);
            }
        }
      else if (g_variant_is_of_type (value, G_VARIANT_TYPE ("a{sv}")) &&
               g_variant_n_children (value) > 0 && depth < 8)
        append_block_mapping (r, out, value, indent + r->map_step, depth + 1);
      else if (g_variant_is_container (value) && !g_variant_is_of_type (value, G_VARIANT_TYPE ("ms")))
        {
          g_string_append_c (out, ' ');
          append_variant_flow (out, value);
        }
      else if (!g_variant_is_of_type (value, G_VARIANT_TYPE ("ms")))
        {
          g_string_append_c (out, ' ');
          append_scalar (out, value, FALSE);
        }
    }
}

/* The text of one definition: "name:" and its attribute lines (block), or
 * "name: {...}" (flow). The first line has no indentation of its own. */
static char *
def_text (ScRender  *r,
          ScDefEdit *def,
          guint      indent,
          gboolean   flow)
{
  GString *out = g_string_new (NULL);
  g_autofree char *qn = sc_yaml_quote_scalar (def->name, flow);
  g_autofree char *qi = sc_yaml_quote_scalar (def->interface, flow);
  g_autofree char *prefix = spaces (indent + r->map_step);

  if (flow)
    {
      g_string_append_printf (out, "%s: {interface: %s", qn, qi);
      if (g_variant_n_children (def->attributes) > 0)
        {
          GString *rest = g_string_new (NULL);

          append_variant_flow (rest, def->attributes);
          /* "{a: b}" -> ", a: b" */
          g_string_append_printf (out, ", %.*s", (int) rest->len - 2, rest->str + 1);
          g_string_free (rest, TRUE);
        }
      g_string_append_c (out, '}');
      return g_string_free (out, FALSE);
    }

  g_string_append_printf (out, "%s:%s%sinterface: %s", qn, r->eol, prefix, qi);
  append_block_mapping (r, out, def->attributes, indent + r->map_step, 0);
  return g_string_free (out, FALSE);
}

/* Definitions of names the file does not define yet (FRESH, of
 * ScDefEdit*): added to the top-level `plugs:`, created when missing. */
static gboolean
insert_fresh_defs (ScRender   *r,
                   GPtrArray  *fresh,
                   GError    **error)
{
  ScProject *self = r->project;
  ScYamlNode *root = sc_yaml_document_get_root (r->doc);
  ScYamlNode *pv = self->plugs_value;
  ScYamlNode *pm = sc_yaml_node_resolve (pv);

  if (pv != NULL && pv->kind == SC_YAML_NODE_ALIAS)
    /* Translators: %s is the name of a YAML alias. */
    return _sc_verify_fail (error, _("the top-level plugs are an alias (*%s); define new plugs by "
                              "hand"), pv->value);

  if (pm != NULL && pm->kind == SC_YAML_NODE_MAPPING && pm->style == SC_YAML_STYLE_FLOW)
    {
      GString *text = g_string_new (NULL);

      for (guint i = 0; i < fresh->len; i++)
        {
          g_autofree char *t = def_text (r, g_ptr_array_index (fresh, i), 0, TRUE);

          g_string_append_printf (text, "%s%s", (pm->n_children > 0 || i > 0) ? ", " : "", t);
        }
      if (pm->n_children > 0)
        sc_yaml_patch_replace (r->patch, pm->children[pm->n_children - 1]->end,
                               pm->children[pm->n_children - 1]->end, text->str);
      else
        sc_yaml_patch_replace (r->patch, pm->value_start + 1, pm->value_start + 1, text->str);
      g_string_free (text, TRUE);
      return TRUE;
    }

  if (pm != NULL && pm->kind == SC_YAML_NODE_MAPPING)
    {
      guint indent = col0 (pm->children[0]);
      g_autofree char *prefix = spaces (indent);
      GString *text = g_string_new (NULL);
      gsize pos = _sc_render_insert_point_after (r, pm, 0);

      for (guint i = 0; i < fresh->len; i++)
        {
          g_autofree char *t = def_text (r, g_ptr_array_index (fresh, i), indent, FALSE);

          g_string_append_printf (text, "%s%s%s", r->eol, prefix, t);
        }
      sc_yaml_patch_replace (r->patch, pos, pos, text->str);
      g_string_free (text, TRUE);
      return TRUE;
    }

  if (root->style == SC_YAML_STYLE_FLOW)
    {
      GString *text = g_string_new (pm ? "{" : ", plugs: {");

      for (guint i = 0; i < fresh->len; i++)
        {
          g_autofree char *t = def_text (r, g_ptr_array_index (fresh, i), 0, TRUE);

          g_string_append_printf (text, "%s%s", i > 0 ? ", " : "", t);
        }
      g_string_append_c (text, '}');
      if (pm)
        sc_yaml_patch_replace (r->patch, pv->start, pv->end, text->str);
      else
        sc_yaml_patch_replace (r->patch, root->children[root->n_children - 1]->end,
                               root->children[root->n_children - 1]->end, text->str);
      g_string_free (text, TRUE);
      return TRUE;
    }

  {
    guint top = col0 (root->children[0]);
    guint indent = pm ? col0 (self->plugs_key) + r->map_step : top + r->map_step;
    g_autofree char *prefix = spaces (indent);
    g_autofree char *top_prefix = spaces (top);
    GString *text = g_string_new (NULL);
    gsize pos;

    if (pm == NULL)
      g_string_append_printf (text, "%s%splugs:", r->eol, top_prefix);
    for (guint i = 0; i < fresh->len; i++)
      {
        g_autofree char *t = def_text (r, g_ptr_array_index (fresh, i), indent, FALSE);

        g_string_append_printf (text, "%s%s%s", r->eol, prefix, t);
      }

    if (pm != NULL)
      {
        /* `plugs:` with a null value */
        gsize colon = _sc_render_colon_after (r, self->plugs_key);

        if (pv->end > colon)
          sc_yaml_patch_replace (r->patch, colon, pv->end, "");
        pos = line_end (r, MAX (pv->end, colon));
      }
    else
      {
        ScYamlNode *apps_key = NULL;
        ScYamlNode *apps = sc_yaml_mapping_lookup (root, "apps", &apps_key);

        if (apps == NULL)
          {
            apps_key = root->children[root->n_children - 2];
            apps = root->children[root->n_children - 1];
          }
        /* A new top-level key, spaced like the others. */
        _sc_render_insert_top_level_after (r, apps_key, apps, text->str + strlen (r->eol));
        g_string_free (text, TRUE);
        return TRUE;
      }
    sc_yaml_patch_replace (r->patch, pos, pos, text->str);
    g_string_free (text, TRUE);
  }
  return TRUE;
}

/* Definitions nobody lists any more go; when none is left, so does the
 * top-level `plugs:` (unless new ones come). */
static gboolean
remove_orphaned_defs (ScRender   *r,
                      gboolean    adding,
                      GError    **error)
{
  ScProject *self = r->project;
  ScYamlNode *root = sc_yaml_document_get_root (r->doc);
  ScYamlNode *pv = self->plugs_value;
  ScYamlNode *pm = sc_yaml_node_resolve (pv);
  g_autoptr(GPtrArray) orphans = _sc_edit_dup_orphaned_defs (r->edit);
  guint n_keys;

  if (orphans->len == 0)
    return TRUE;
  if (pv->kind == SC_YAML_NODE_ALIAS || pm->n_aliases > 0)
    /* Translators: %s is a plug name. */
    return _sc_verify_fail (error, _("the top-level plugs are shared through an alias or anchor; "
                              "remove plug '%s' by hand"), ((ScPlugDef *) orphans->pdata[0])->name);

  n_keys = pm->n_children / 2;
  if (orphans->len == n_keys && !adding &&
      sc_yaml_document_starts_line (r->doc, self->plugs_key->start))
    {
      _sc_render_remove_pair (r, root, self->plugs_key, pv);
      return TRUE;
    }
  for (guint i = 0; i < orphans->len; i++)
    {
      ScPlugDef *def = orphans->pdata[i];
      ScYamlNode *key = NULL;
      ScYamlNode *value = sc_yaml_mapping_lookup (pm, def->name, &key);

      if (value == NULL)
        continue;
      if (value->n_aliases > 0 || value->kind == SC_YAML_NODE_ALIAS)
        /* Translators: %s is a plug name. */
        return _sc_verify_fail (error, _("plug definition '%s' is shared through an alias or "
                                  "anchor; remove it by hand"), def->name);
      _sc_render_remove_pair (r, pm, key, value);
    }
  return TRUE;
}

gboolean
_sc_render_defs (ScRender *r,
                 GError  **error)
{
  ScProject *self = r->project;
  ScYamlNode *pv = self->plugs_value;
  ScYamlNode *pm = sc_yaml_node_resolve (pv);
  g_autoptr(GPtrArray) fresh = g_ptr_array_new ();
  gboolean adding = FALSE;

  for (guint i = 0; i < r->edit->defs->len; i++)
    if (!_sc_edit_def_is_noop (r->edit, r->edit->defs->pdata[i]))
      adding = TRUE;
  if (!remove_orphaned_defs (r, adding, error))
    return FALSE;

  for (guint i = 0; i < r->edit->defs->len; i++)
    {
      ScDefEdit *def = g_ptr_array_index (r->edit->defs, i);
      ScYamlNode *key = NULL, *value;

      if (_sc_edit_def_is_noop (r->edit, def))
        continue;
      value = pm ? sc_yaml_mapping_lookup (pm, def->name, &key) : NULL;
      if (value == NULL)
        {
          g_ptr_array_add (fresh, def);
          continue;
        }
      if (pv->kind == SC_YAML_NODE_ALIAS)
        /* Translators: the first %s is the name of a YAML alias, the second a plug name. */
        return _sc_verify_fail (error, _("the top-level plugs are an alias (*%s); define plug '%s' "
                                  "by hand"), pv->value, def->name);
      if (pm->style == SC_YAML_STYLE_FLOW || !sc_yaml_document_starts_line (r->doc, key->start))
        {
          g_autofree char *text = def_text (r, def, 0, TRUE);

          sc_yaml_patch_replace (r->patch, key->start, value->end, text);
        }
      else
        {
          g_autofree char *text = def_text (r, def, col0 (key), FALSE);

          sc_yaml_patch_replace (r->patch, key->start, line_end (r, MAX (value->end, key->end)),
                                 text);
        }
    }

  if (fresh->len == 0)
    return TRUE;
  return insert_fresh_defs (r, fresh, error);
}

