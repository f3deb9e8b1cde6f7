/* sc-project-render.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Turns an edit into byte-range replacements of the original text: the
 * confinement value and the plug lists of apps and hooks, in the layout
 * the file already uses (block or flow, indentation, comments kept).
 * Edits never regenerate YAML: replacements are located with the node
 * positions of sc-yaml-document.
 */
#define G_LOG_DOMAIN "sc-project"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "sc-project-private.h"

/* Offset just past the ':' that follows KEY (KEY's end if none is found). */
gsize
_sc_render_colon_after (ScRender   *r,
                        ScYamlNode *key)
{
  gsize pos = key->end;

  while (pos < r->len && (r->data[pos] == ' ' || r->data[pos] == '\t'))
    pos++;
  if (pos < r->len && r->data[pos] == ':')
    return pos + 1;
  return key->end;
}

/* TRUE for a block scalar with keep chomping (|+ or >+): its trailing
 * blank lines are part of its value. */
static gboolean
keeps_trailing_lines (ScRender   *r,
                      ScYamlNode *node)
{
  gsize pos = node->value_start;

  if (node->kind != SC_YAML_NODE_SCALAR ||
      (node->style != SC_YAML_STYLE_LITERAL && node->style != SC_YAML_STYLE_FOLDED) ||
      pos >= r->len || (r->data[pos] != '|' && r->data[pos] != '>'))
    return FALSE;
  for (pos++; pos < r->len && strchr (" \t#\r\n", r->data[pos]) == NULL; pos++)
    if (r->data[pos] == '+')
      return TRUE;
  return FALSE;
}

/* The last scalar, alias or empty collection at the end of NODE. */
static ScYamlNode *
last_leaf (ScYamlNode *node)
{
  while (node != NULL && (node->kind == SC_YAML_NODE_MAPPING ||
                          node->kind == SC_YAML_NODE_SEQUENCE) && node->n_children > 0)
    node = node->children[node->n_children - 1];
  return node;
}

/* Where a new line can go after NODE (and after offset MIN_END): the end
 * of its last line, past the trailing blank lines that a keep-chomped
 * block scalar at its end owns, so that they stay in that scalar. */
gsize
_sc_render_insert_point_after (ScRender   *r,
                               ScYamlNode *node,
                               gsize       min_end)
{
  gsize pos = line_end (r, MAX (node->end, min_end));
  ScYamlNode *last = last_leaf (node);

  if (last == NULL || !keeps_trailing_lines (r, last) || last->end < node->end)
    return pos;
  for (;;)
    {
      gsize next = pos, le, q;

      if (next < r->len && r->data[next] == '\r' && next + 1 < r->len && r->data[next + 1] == '\n')
        next += 2;
      else if (next < r->len)
        next++;
      else
        break;
      if (next >= r->len)
        break;
      le = line_end (r, next);
      for (q = next; q < le && (r->data[q] == ' ' || r->data[q] == '\t'); q++)
        ;
      if (q < le)
        break;
      pos = le;
    }
  return pos;
}

/* The block scalar that is the last node ending before OFFSET, or NULL. */
static ScYamlNode *
block_scalar_before (ScRender *r,
                     gsize     offset)
{
  guint n = sc_yaml_document_get_n_nodes (r->doc);
  ScYamlNode *best = NULL;

  for (guint i = 0; i < n; i++)
    {
      ScYamlNode *node = sc_yaml_document_get_node (r->doc, i);

      if (node->kind == SC_YAML_NODE_SCALAR && node->end <= offset &&
          (best == NULL || node->end > best->end))
        best = node;
    }
  if (best != NULL &&
      (best->style == SC_YAML_STYLE_LITERAL || best->style == SC_YAML_STYLE_FOLDED))
    return best;
  return NULL;
}

/* TRUE when the last node that ends before OFFSET is a block scalar. */
static gboolean
ends_in_block_scalar (ScRender *r,
                      gsize     offset)
{
  return block_scalar_before (r, offset) != NULL;
}

/* Deletes the whole lines from the one holding FROM to the one holding TO,
 * together with the line break before them (or after, on the first line). */
static void
delete_lines (ScRender *r,
              gsize     from,
              gsize     to)
{
  gsize ls = sc_yaml_document_line_start (r->doc, from);
  gsize le = line_end (r, to);

  if (ls > 0 && le == r->len && ends_in_block_scalar (r, ls))
    {
      /* The last lines of a file without a final line break: the break
       * before them ends a block scalar's text, so it stays. */
      sc_yaml_patch_replace (r->patch, ls, le, "");
    }
  else if (ls > 0)
    sc_yaml_patch_replace (r->patch, sc_yaml_document_break_before (r->doc, ls), le, "");
  else
    {
      if (le < r->len && r->data[le] == '\r' && le + 1 < r->len && r->data[le + 1] == '\n')
        le += 2;
      else if (le < r->len)
        le++;
      ls = (r->len >= 3 && memcmp (r->data, "\xEF\xBB\xBF", 3) == 0) ? 3 : 0;
      sc_yaml_patch_replace (r->patch, ls, le, "");
    }
}

/* Position of the '-' of a block sequence item, or G_MAXSIZE when the item
 * does not sit on its dash's line with only blanks before the dash. */
static gsize
item_dash (ScRender   *r,
           ScYamlNode *item)
{
  gsize pos = item->start;

  while (pos > 0 && (r->data[pos - 1] == ' ' || r->data[pos - 1] == '\t'))
    pos--;
  if (pos == 0 || r->data[pos - 1] != '-')
    return G_MAXSIZE;
  pos--;
  if (!sc_yaml_document_starts_line (r->doc, pos))
    return G_MAXSIZE;
  return pos;
}

/* Position of the '-' of a block sequence item written on the line of an
 * explicit key's indicator (`: - home` or `? - home`), else G_MAXSIZE. */
static gsize
compact_dash (ScRender   *r,
              ScYamlNode *item)
{
  gsize pos = item->start, dash;

  while (pos > 0 && (r->data[pos - 1] == ' ' || r->data[pos - 1] == '\t'))
    pos--;
  if (pos == 0 || r->data[pos - 1] != '-')
    return G_MAXSIZE;
  dash = --pos;
  while (pos > 0 && r->data[pos - 1] == ' ')
    pos--;
  if (pos == 0 || pos == dash || (r->data[pos - 1] != ':' && r->data[pos - 1] != '?'))
    return G_MAXSIZE;
  if (!sc_yaml_document_starts_line (r->doc, pos - 1))
    return G_MAXSIZE;
  return dash;
}

/* 1-based column of an offset that has only blanks before it on its line
 * (an item's dash): those are single-byte characters, so bytes count. */
static guint
blank_prefixed_column (ScRender *r,
                       gsize     offset)
{
  gsize ls = sc_yaml_document_line_start (r->doc, offset);

  if (ls == 0 && r->len >= 3 && memcmp (r->data, "\xEF\xBB\xBF", 3) == 0)
    ls = 3;
  return (guint) (offset - ls) + 1;
}

char *
_sc_render_flow_list (GPtrArray *names)
{
  GString *s = g_string_new ("[");

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *q = sc_yaml_quote_scalar (g_ptr_array_index (names, i), TRUE);

      g_string_append_printf (s, "%s%s", i ? ", " : "", q);
    }
  g_string_append_c (s, ']');
  return g_string_free (s, FALSE);
}

static char *
block_items (ScRender  *r,
             GPtrArray *names,
             guint      indent)
{
  g_autofree char *prefix = spaces (indent);
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *q = sc_yaml_quote_scalar (g_ptr_array_index (names, i), FALSE);

      g_string_append_printf (s, "%s%s- %s", r->eol, prefix, q);
    }
  return g_string_free (s, FALSE);
}

/* The value text of a `plugs:` key at column KEY_COL, starting right after
 * the colon: " [a, b]" or the block items on their own lines. */
char *
_sc_render_list_value (ScRender  *r,
                       GPtrArray *names,
                       guint      key_col,
                       gboolean   flow)
{
  if (flow)
    {
      g_autofree char *list = _sc_render_flow_list (names);

      return g_strconcat (" ", list, NULL);
    }
  return block_items (r, names, key_col + r->seq_offset);
}

/* Without block plug lists, the layout of any block list that is the
 * value of a mapping key. */
static void
detect_seq_offset_elsewhere (ScRender *r)
{
  guint n = sc_yaml_document_get_n_nodes (r->doc);

  for (guint i = 0; i < n; i++)
    {
      ScYamlNode *seq = sc_yaml_document_get_node (r->doc, i);
      ScYamlNode *parent = seq->parent;

      if (seq->kind != SC_YAML_NODE_SEQUENCE || seq->style != SC_YAML_STYLE_BLOCK ||
          parent == NULL || parent->kind != SC_YAML_NODE_MAPPING ||
          parent->style != SC_YAML_STYLE_BLOCK || seq->n_children == 0 || seq->anchor)
        continue;
      for (guint k = 1; k < parent->n_children; k += 2)
        if (parent->children[k] == seq)
          {
            ScYamlNode *key = parent->children[k - 1];
            gsize dash = item_dash (r, seq->children[0]);
            guint column;

            if (dash == G_MAXSIZE)
              break;
            column = blank_prefixed_column (r, dash);
            if (column >= key->column && sc_yaml_document_starts_line (r->doc, key->start))
              {
                r->seq_offset = column - key->column;
                return;
              }
            break;
          }
    }
}

/* Without an app or hook in block style, the indentation of any
 * top-level block mapping. */
static void
detect_map_step_elsewhere (ScRender *r)
{
  ScYamlNode *root = sc_yaml_document_get_root (r->doc);

  for (guint i = 1; i < root->n_children; i += 2)
    {
      ScYamlNode *value = root->children[i];

      if (value->kind == SC_YAML_NODE_MAPPING && value->style == SC_YAML_STYLE_BLOCK &&
          value->n_children > 0 && value->children[0]->column > root->children[i - 1]->column)
        {
          r->map_step = value->children[0]->column - root->children[i - 1]->column;
          return;
        }
    }
}

static void
detect_style (ScRender *r)
{
  ScProject *self = r->project;
  guint n_flow = 0, n_block = 0;
  gboolean have_offset = FALSE, have_step = FALSE;

  r->seq_offset = 2;
  r->map_step = 2;

  for (guint pass = 0; pass < 2; pass++)
    {
      GPtrArray *infos = pass ? self->hook_infos : self->app_infos;

      for (guint i = 0; i < infos->len; i++)
        {
          ScTargetInfo *info = g_ptr_array_index (infos, i);
          ScYamlNode *pv = info->plugs_value;

          if (!have_step && info->mapping != NULL && info->value == info->mapping &&
              info->mapping->style == SC_YAML_STYLE_BLOCK && info->mapping->n_children > 0 &&
              info->mapping->children[0]->column > info->key->column)
            {
              r->map_step = info->mapping->children[0]->column - info->key->column;
              have_step = TRUE;
            }
          if (pv == NULL || pv->kind != SC_YAML_NODE_SEQUENCE)
            continue;
          if (pv->style == SC_YAML_STYLE_FLOW)
            n_flow++;
          else
            {
              n_block++;
              if (!have_offset && pv->n_children > 0)
                {
                  gsize dash = item_dash (r, pv->children[0]);

                  if (dash != G_MAXSIZE)
                    {
                      guint column = blank_prefixed_column (r, dash);

                      if (column >= info->plugs_key->column)
                        {
                          r->seq_offset = column - info->plugs_key->column;
                          have_offset = TRUE;
                        }
                    }
                }
            }
        }
    }
  r->flow_plugs = n_flow > n_block;
  r->no_plug_lists = n_flow == 0 && n_block == 0;

  if (!have_offset)
    detect_seq_offset_elsewhere (r);
  if (!have_step)
    detect_map_step_elsewhere (r);
}

gboolean
_sc_verify_fail (GError    **error,
                 const char *format,
                 ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, SC_PROJECT_ERROR, SC_PROJECT_ERROR_VERIFY, "%s", message);
  return FALSE;
}

static void
render_confinement (ScRender *r)
{
  ScProject *self = r->project;
  const char *value = r->edit->confinement;
  ScYamlNode *root = sc_yaml_document_get_root (r->doc);
  ScYamlNode *val = self->confinement_value;

  if (self->confinement_key != NULL)
    {
      g_autofree char *text = NULL;

      if (val->kind == SC_YAML_NODE_SCALAR && val->style == SC_YAML_STYLE_SINGLE_QUOTED)
        text = g_strdup_printf ("'%s'", value);
      else if (val->kind == SC_YAML_NODE_SCALAR && val->style == SC_YAML_STYLE_DOUBLE_QUOTED)
        text = g_strdup_printf ("\"%s\"", value);
      else
        text = sc_yaml_quote_scalar (value, root->style == SC_YAML_STYLE_FLOW);

      if (val->n_aliases > 0)
        {
          /* Other places name the old value through its anchor: they get
           * that value written out, so only confinement changes. */
          guint n = sc_yaml_document_get_n_nodes (r->doc);

          g_hash_table_add (r->expanded, val);
          for (guint i = 0; i < n; i++)
            {
              ScYamlNode *node = sc_yaml_document_get_node (r->doc, i);
              gboolean flow;
              g_autofree char *old = NULL;

              if (node->kind != SC_YAML_NODE_ALIAS || node->target != val)
                continue;
              flow = node->parent != NULL && node->parent->style == SC_YAML_STYLE_FLOW;
              old = sc_yaml_quote_scalar (self->confinement, flow);
              sc_yaml_patch_replace (r->patch, node->start, node->end, old);
            }
        }

      if (val->start == val->end)
        {
          g_autofree char *spaced = g_strconcat (" ", text, NULL);

          sc_yaml_patch_replace (r->patch, val->start, val->end, spaced);
        }
      else if (val->kind == SC_YAML_NODE_ALIAS)
        sc_yaml_patch_replace (r->patch, val->start, val->end, text);
      else
        sc_yaml_patch_replace (r->patch, val->value_start, val->end, text);
      return;
    }

  /* No key: a new line after grade, base or name. */
  {
    static const char * const after[] = { "grade", "base", "name" };
    ScYamlNode *anchor = NULL, *anchor_key = NULL;
    g_autofree char *quoted = sc_yaml_quote_scalar (value, root->style == SC_YAML_STYLE_FLOW);

    for (guint i = 0; i < G_N_ELEMENTS (after) && anchor == NULL; i++)
      anchor = sc_yaml_mapping_lookup (root, after[i], &anchor_key);
    g_assert (anchor != NULL);   /* name is required */

    if (root->style == SC_YAML_STYLE_FLOW)
      {
        g_autofree char *text = g_strdup_printf (", confinement: %s", quoted);

        sc_yaml_patch_replace (r->patch, anchor->end, anchor->end, text);
      }
    else
      {
        g_autofree char *indent = spaces (col0 (root->children[0]));
        g_autofree char *text = g_strdup_printf ("%s%sconfinement: %s", r->eol, indent, quoted);
        gsize pos = _sc_render_insert_point_after (r, anchor, anchor_key->end);

        sc_yaml_patch_replace (r->patch, pos, pos, text);
      }
  }
}

/* Removes the KEY: VALUE pair from MAPPING. In block style the key line and
 * the lines of the value's items go; comment lines between items stay. */
void
_sc_render_remove_pair (ScRender   *r,
                        ScYamlNode *mapping,
                        ScYamlNode *key,
                        ScYamlNode *value)
{
  if (mapping->style == SC_YAML_STYLE_FLOW)
    {
      guint index = 0;

      for (guint i = 0; i + 1 < mapping->n_children; i += 2)
        if (mapping->children[i] == key)
          index = i;
      if (mapping->n_children == 2)
        sc_yaml_patch_replace (r->patch, key->start, value->end, "");
      else if (index + 2 < mapping->n_children)
        sc_yaml_patch_replace (r->patch, key->start, mapping->children[index + 2]->start, "");
      else
        sc_yaml_patch_replace (r->patch, mapping->children[index - 1]->end, value->end, "");
      return;
    }

  {
    ScYamlNode *scalar = block_scalar_before (r, key->start);
    gboolean simple = value->kind == SC_YAML_NODE_SEQUENCE &&
                      value->style == SC_YAML_STYLE_BLOCK && value->n_children > 0 &&
                      line_end (r, key->end) < value->value_start;
    gsize pos;

    /* Comment lines between the items stay. */
    for (guint i = 0; i < value->n_children && simple; i++)
      if (item_dash (r, value->children[i]) == G_MAXSIZE)
        simple = FALSE;
    if (simple)
      {
        delete_lines (r, key->start, key->end);
        for (guint i = 0; i < value->n_children; i++)
          delete_lines (r, item_dash (r, value->children[i]), value->children[i]->end);
        pos = line_end (r, key->end);
      }
    else
      {
        delete_lines (r, key->start, MAX (value->end, key->end));
        pos = line_end (r, MAX (value->end, key->end));
      }

    /* Right after a block scalar, the first comment line that is left
     * would continue the scalar's text if indented like it: it moves to
     * the key's column, which ends the scalar. Blank lines before it go
     * when the scalar keeps its trailing lines (|+). */
    while (scalar != NULL && pos < r->len)
      {
        gsize ls = pos + ((r->data[pos] == '\r' && pos + 1 < r->len &&
                           r->data[pos + 1] == '\n') ? 2 : 1);
        gsize le, q;

        if (ls >= r->len)
          break;
        le = line_end (r, ls);
        for (q = ls; q < le && (r->data[q] == ' ' || r->data[q] == '\t'); q++)
          ;
        if (q == le)
          {
            if (keeps_trailing_lines (r, scalar))
              delete_lines (r, ls, ls);
          }
        else if (r->data[q] == '#')
          {
            if (q - ls > col0 (key))
              {
                g_autofree char *indent = spaces (col0 (key));

                sc_yaml_patch_replace (r->patch, ls, q, indent);
              }
            break;
          }
        else if (ls >= value->end)
          break;
        pos = le;
      }
  }
}

/* Gives KEY the list NAMES in place of its current value PV (an alias, a
 * null or an unworkable layout). */
static void
replace_value (ScRender   *r,
               ScYamlNode *mapping,
               ScYamlNode *key,
               ScYamlNode *pv,
               GPtrArray  *names,
               gboolean    flow,
               const char *anchor)
{
  g_autofree char *prefix = anchor != NULL ? g_strdup_printf ("&%s ", anchor) : g_strdup ("");

  /* In flow context, after an explicit key (`? plugs`, no colon right
   * after it) or a key that does not start its line, the value stays a
   * flow list where the old value was. */
  if (mapping->style == SC_YAML_STYLE_FLOW || !sc_yaml_document_starts_line (r->doc, key->start) ||
      _sc_render_colon_after (r, key) == key->end)
    flow = TRUE;

  if (flow)
    {
      g_autofree char *list = _sc_render_flow_list (names);
      g_autofree char *text = g_strconcat (pv->start == pv->end ? " " : "", prefix, list, NULL);

      sc_yaml_patch_replace (r->patch, pv->start, pv->end, text);
    }
  else
    {
      gsize colon = _sc_render_colon_after (r, key);
      g_autofree char *items = block_items (r, names, col0 (key) + r->seq_offset);
      g_autofree char *tag = anchor != NULL ? g_strconcat (" &", anchor, NULL) : g_strdup ("");
      gsize pos;

      if (pv->end > colon || anchor != NULL)
        sc_yaml_patch_replace (r->patch, colon, MAX (pv->end, colon), tag);
      pos = line_end (r, MAX (pv->end, colon));
      sc_yaml_patch_replace (r->patch, pos, pos, items);
    }
}

/* The names of DESIRED (borrowed) that no item of SEQ holds, in order. */
static GPtrArray *
names_not_in (GPtrArray  *desired,
              ScYamlNode *seq)
{
  g_autoptr(GHashTable) present = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *added = g_ptr_array_new ();

  for (guint k = 0; k < seq->n_children; k++)
    g_hash_table_add (present, sc_yaml_node_resolve (seq->children[k])->value);
  for (guint i = 0; i < desired->len; i++)
    if (!g_hash_table_contains (present, g_ptr_array_index (desired, i)))
      g_ptr_array_add (added, g_ptr_array_index (desired, i));
  return added;
}

static gboolean
edit_block_list (ScRender   *r,
                 ScYamlNode *seq,
                 GPtrArray  *desired)
{
  g_autoptr(GPtrArray) added = NULL;
  g_autoptr(GHashTable) wanted = _sc_name_set (desired);
  ScYamlNode *last;
  gsize last_dash;
  gsize first_dash = G_MAXSIZE;

  /* The first item may share its line with an explicit key's `:` (`: -
   * home`) as long as it stays; the others start their own lines. */
  for (guint i = 0; i < seq->n_children; i++)
    if (item_dash (r, seq->children[i]) == G_MAXSIZE)
      {
        if (i > 0 || (first_dash = compact_dash (r, seq->children[0])) == G_MAXSIZE ||
            !g_hash_table_contains (wanted, sc_yaml_node_resolve (seq->children[0])->value))
          return FALSE;
      }

  for (guint i = 0; i < seq->n_children; i++)
    {
      ScYamlNode *item = seq->children[i];
      ScYamlNode *resolved = sc_yaml_node_resolve (item);

      if (!g_hash_table_contains (wanted, resolved->value))
        delete_lines (r, item_dash (r, item), item->end);
    }

  added = names_not_in (desired, seq);

  if (added->len > 0)
    {
      GString *text = g_string_new (NULL);
      g_autofree char *indent = NULL;
      g_autofree char *gap = NULL;
      gsize pos;

      last = seq->children[seq->n_children - 1];
      last_dash = seq->n_children == 1 && first_dash != G_MAXSIZE ? first_dash
                                                                  : item_dash (r, last);
      indent = spaces (blank_prefixed_column (r, last_dash) - 1);
      gap = g_strndup (r->data + last_dash + 1, last->start - last_dash - 1);
      for (guint i = 0; i < added->len; i++)
        {
          g_autofree char *q = sc_yaml_quote_scalar (g_ptr_array_index (added, i), FALSE);

          g_string_append_printf (text, "%s%s-%s%s", r->eol, indent, gap, q);
        }
      pos = line_end (r, last->end);
      sc_yaml_patch_replace (r->patch, pos, pos, text->str);
      g_string_free (text, TRUE);
    }
  return TRUE;
}

/* For a flow list written one item per line, the end of ITEM's line
 * part: past a comma and blanks (and a comment). G_MAXSIZE when something
 * else follows the item on its line or when something precedes it. */
static gsize
flow_item_alone (ScRender   *r,
                 ScYamlNode *item,
                 gboolean   *comma)
{
  gsize pos = item->end, le = line_end (r, item->end);

  *comma = FALSE;
  if (!sc_yaml_document_starts_line (r->doc, item->start))
    return G_MAXSIZE;
  while (pos < le && (r->data[pos] == ' ' || r->data[pos] == '\t'))
    pos++;
  if (pos < le && r->data[pos] == ',')
    {
      *comma = TRUE;
      pos++;
      while (pos < le && (r->data[pos] == ' ' || r->data[pos] == '\t'))
        pos++;
    }
  if (pos < le && r->data[pos] != '#')
    return G_MAXSIZE;
  return le;
}

/* A flow list over several lines with one item per line: items are
 * removed and added as whole lines, so the others keep their text and
 * their comments. FALSE (nothing done) for other layouts. */
static gboolean
edit_flow_list_lines (ScRender   *r,
                      ScYamlNode *seq,
                      GPtrArray  *desired,
                      GPtrArray  *added)
{
  guint n = seq->n_children;
  gboolean last_comma = FALSE, comma;
  gint last_kept = -1;
  gsize rb = seq->end - 1;
  g_autoptr(GHashTable) wanted = _sc_name_set (desired);

  if (n == 0 || !sc_yaml_document_starts_line (r->doc, rb))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      if (flow_item_alone (r, seq->children[i], &comma) == G_MAXSIZE)
        return FALSE;
      if (i + 1 < n && !comma)
        return FALSE;
      if (i + 1 == n)
        last_comma = comma;
      if (g_hash_table_contains (wanted, sc_yaml_node_resolve (seq->children[i])->value))
        last_kept = (gint) i;
    }
  if (last_kept < 0)
    return FALSE;

  for (guint i = 0; i < n; i++)
    if (!g_hash_table_contains (wanted, sc_yaml_node_resolve (seq->children[i])->value))
      delete_lines (r, seq->children[i]->start, seq->children[i]->end);

  if (added->len > 0)
    {
      ScYamlNode *last = seq->children[last_kept];
      gsize ls = sc_yaml_document_line_start (r->doc, last->start);
      g_autofree char *indent = g_strndup (r->data + ls, last->start - ls);
      GString *text = g_string_new (NULL);

      flow_item_alone (r, last, &comma);
      if (!comma)
        sc_yaml_patch_replace (r->patch, last->end, last->end, ",");
      for (guint i = 0; i < added->len; i++)
        {
          g_autofree char *q = sc_yaml_quote_scalar (g_ptr_array_index (added, i), TRUE);

          g_string_append_printf (text, "%s%s%s%s", r->eol, indent, q,
                                  i + 1 < added->len || last_comma ? "," : "");
        }
      sc_yaml_patch_replace (r->patch, line_end (r, last->end), line_end (r, last->end),
                             text->str);
      g_string_free (text, TRUE);
    }
  return TRUE;
}

static void
edit_flow_list (ScRender   *r,
                ScYamlNode *seq,
                GPtrArray  *desired)
{
  gsize lb = seq->value_start, rb = seq->end - 1;
  GString *out = g_string_new (NULL);
  g_autoptr(GPtrArray) added = names_not_in (desired, seq);
  g_autoptr(GHashTable) wanted = _sc_name_set (desired);
  g_autofree char *sep = NULL;
  gint prev_kept = -1;
  guint n = seq->n_children;

  if (edit_flow_list_lines (r, seq, desired, added))
    {
      g_string_free (out, TRUE);
      return;
    }

  /* The separator new items get: the file's own between two items (the
   * first one without a comment), else one built from the first (a comma,
   * then the line break and indentation when the list spans lines). */
  for (guint i = 0; i + 1 < n && sep == NULL; i++)
    {
      gsize a = seq->children[i]->end, b = seq->children[i + 1]->start;
      g_autofree char *between = g_strndup (r->data + a, b - a);

      if (strchr (between, '#') == NULL)
        sep = g_steal_pointer (&between);
    }
  if (sep == NULL && n >= 2)
    {
      gsize a = seq->children[0]->end, b = seq->children[1]->start;
      gsize ls = sc_yaml_document_line_start (r->doc, b);

      if (ls > a)
        {
          g_autofree char *indent = g_strndup (r->data + ls, b - ls);

          sep = g_strconcat (",", r->eol, indent, NULL);
        }
    }
  if (sep == NULL)
    sep = g_strdup (", ");

  if (n == 0)
    {
      for (guint i = 0; i < added->len; i++)
        {
          g_autofree char *q = sc_yaml_quote_scalar (g_ptr_array_index (added, i), TRUE);

          g_string_append_printf (out, "%s%s", i ? sep : "", q);
        }
      sc_yaml_patch_replace (r->patch, lb + 1, rb, out->str);
      g_string_free (out, TRUE);
      return;
    }

  g_string_append_len (out, r->data + lb + 1, (gssize) (seq->children[0]->start - lb - 1));
  for (guint i = 0; i < n; i++)
    {
      ScYamlNode *item = seq->children[i];

      if (!g_hash_table_contains (wanted, sc_yaml_node_resolve (item)->value))
        continue;
      if (prev_kept >= 0)
        {
          ScYamlNode *p = seq->children[prev_kept];
          ScYamlNode *next = seq->children[prev_kept + 1];

          g_string_append_len (out, r->data + p->end, (gssize) (next->start - p->end));
        }
      g_string_append_len (out, r->data + item->start, (gssize) (item->end - item->start));
      prev_kept = (gint) i;
    }
  for (guint i = 0; i < added->len; i++)
    {
      g_autofree char *q = sc_yaml_quote_scalar (g_ptr_array_index (added, i), TRUE);

      g_string_append_printf (out, "%s%s", prev_kept >= 0 || i > 0 ? sep : "", q);
    }
  g_string_append_len (out, r->data + seq->children[n - 1]->end,
                       (gssize) (rb - seq->children[n - 1]->end));

  sc_yaml_patch_replace (r->patch, lb + 1, rb, out->str);
  g_string_free (out, TRUE);
}

/* Adds a `plugs:` entry to an app or hook that has none. */
static void
insert_plugs_entry (ScRender     *r,
                    ScTargetInfo *info,
                    GPtrArray    *desired)
{
  ScYamlNode *av = info->value;
  ScYamlNode *parent = info->key->parent;
  gboolean flow = r->flow_plugs;

  if (av->kind == SC_YAML_NODE_MAPPING && av->style == SC_YAML_STYLE_FLOW)
    {
      g_autofree char *list = _sc_render_flow_list (desired);

      if (av->n_children > 0)
        {
          g_autofree char *text = g_strdup_printf (", plugs: %s", list);
          ScYamlNode *last = av->children[av->n_children - 1];

          sc_yaml_patch_replace (r->patch, last->end, last->end, text);
        }
      else
        {
          g_autofree char *text = g_strdup_printf ("plugs: %s", list);

          sc_yaml_patch_replace (r->patch, av->value_start + 1, av->value_start + 1, text);
        }
      return;
    }

  if (av->kind == SC_YAML_NODE_MAPPING)
    {
      guint key_col = col0 (av->children[0]);
      g_autofree char *indent = spaces (key_col);
      g_autofree char *value = _sc_render_list_value (r, desired, key_col, flow);
      g_autofree char *text = g_strdup_printf ("%s%splugs:%s", r->eol, indent, value);
      gsize pos = _sc_render_insert_point_after (r, av, 0);

      sc_yaml_patch_replace (r->patch, pos, pos, text);
      return;
    }

  /* A null value: `configure:` or `configure: ~`. */
  if (parent->style == SC_YAML_STYLE_FLOW ||
      !sc_yaml_document_starts_line (r->doc, info->key->start))
    {
      g_autofree char *list = _sc_render_flow_list (desired);
      g_autofree char *text = NULL;
      gsize colon = _sc_render_colon_after (r, info->key);

      if (colon == info->key->end)
        {
          /* `{configure}`: a key without a colon. */
          text = g_strdup_printf (": {plugs: %s}", list);
          sc_yaml_patch_replace (r->patch, info->key->end, info->key->end, text);
        }
      else
        {
          text = g_strdup_printf (av->start == av->end ? " {plugs: %s}" : "{plugs: %s}", list);
          sc_yaml_patch_replace (r->patch, av->start, av->end, text);
        }
    }
  else
    {
      guint key_col = col0 (info->key) + r->map_step;
      g_autofree char *indent = spaces (key_col);
      g_autofree char *value = _sc_render_list_value (r, desired, key_col, flow);
      g_autofree char *text = g_strdup_printf ("%s%splugs:%s", r->eol, indent, value);
      gsize colon = _sc_render_colon_after (r, info->key);
      gsize pos;

      if (av->end > colon)
        sc_yaml_patch_replace (r->patch, colon, av->end, "");
      pos = line_end (r, MAX (av->end, colon));
      sc_yaml_patch_replace (r->patch, pos, pos, text);
    }
}

static gboolean
render_target (ScRender     *r,
               ScTargetInfo *info,
               GPtrArray    *desired,
               GError      **error)
{
  ScTarget *target = info->target;
  const char *kind = _sc_target_kind (target->is_hook);
  ScYamlNode *pv = info->plugs_value;

  if (info->value->kind == SC_YAML_NODE_ALIAS)
    /* Translators: the first %s is “app” or “hook”, the second its name, the third the name of
     * a YAML alias. */
    return _sc_verify_fail (error, _("%s '%s' is written as an alias (*%s) of another definition; "
                              "its plugs cannot be changed on their own"), kind, target->name,
                            info->value->value);
  if (info->value->n_aliases > 0)
    /* Translators: the first %s is “app” or “hook”, the second its name, the third a YAML
     * anchor name. */
    return _sc_verify_fail (error, _("%s '%s' is shared through the anchor &%s; changing its plugs "
                              "would change every place that uses it"), kind, target->name,
                            info->value->anchor);

  if (info->plugs_key == NULL)
    {
      if (desired->len == 0)
        return info->plugs_merged
                 /* Translators: the first %s is “app” or “hook”, the second its name. */
               ? _sc_verify_fail (error, _("the plugs of %s '%s' come from a merge key (<<); "
                                    "they cannot be removed here"), kind, target->name)
               : TRUE;
      insert_plugs_entry (r, info, desired);
      return TRUE;
    }

  if (desired->len == 0)
    {
      _sc_render_remove_pair (r, info->mapping, info->plugs_key, pv);
      return TRUE;
    }

  if (pv->kind == SC_YAML_NODE_ALIAS || pv->kind == SC_YAML_NODE_SCALAR)
    replace_value (r, info->mapping, info->plugs_key, pv, desired,
                   r->flow_plugs && pv->kind == SC_YAML_NODE_ALIAS,
                   g_hash_table_lookup (r->anchor_moves, info));
  else if (pv->style == SC_YAML_STYLE_FLOW)
    {
      edit_flow_list (r, pv, desired);
      if (g_hash_table_contains (r->drop_anchor, info))
        _sc_render_drop_anchor (r, pv);
    }
  else if (edit_block_list (r, pv, desired))
    {
      if (g_hash_table_contains (r->drop_anchor, info))
        _sc_render_drop_anchor (r, pv);
    }
  else
    {
      /* An item layout we do not edit line by line (an item on the line
       * after its dash): the whole list becomes a flow list on the key's
       * line, where it is indented enough whatever the key's column. */
      g_autofree char *list = _sc_render_flow_list (desired);
      g_autofree char *text = g_strconcat (" ", list, NULL);
      gsize colon = _sc_render_colon_after (r, info->plugs_key);

      if (colon == info->plugs_key->end)
        {
          /* An explicit key (`? plugs` / `: - home`): the colon is not
           * after the key, so the list replaces the value where it is. */
          sc_yaml_patch_replace (r->patch, pv->start, pv->end, list);
        }
      else
        sc_yaml_patch_replace (r->patch, colon, pv->end, text);
    }
  return TRUE;
}

void
_sc_render_init (ScRender *r,
                 ScEdit   *edit)
{
  ScProject *self = edit->project;

  memset (r, 0, sizeof *r);
  r->edit = edit;
  r->project = self;
  r->doc = self->doc;
  r->patch = sc_yaml_patch_new (self->doc);
  r->data = sc_yaml_document_get_data (self->doc, &r->len);
  r->eol = sc_yaml_document_get_eol (self->doc);
  r->rendered = g_hash_table_new (g_direct_hash, g_direct_equal);
  r->expanded = g_hash_table_new (g_direct_hash, g_direct_equal);
  r->kept_aliases = g_hash_table_new (g_direct_hash, g_direct_equal);
  r->drop_anchor = g_hash_table_new (g_direct_hash, g_direct_equal);
  r->anchor_moves = g_hash_table_new (g_direct_hash, g_direct_equal);
  detect_style (r);
}

void
_sc_render_clear (ScRender *r)
{
  g_clear_pointer (&r->patch, sc_yaml_patch_free);
  g_clear_pointer (&r->rendered, g_hash_table_unref);
  g_clear_pointer (&r->expanded, g_hash_table_unref);
  g_clear_pointer (&r->kept_aliases, g_hash_table_unref);
  g_clear_pointer (&r->drop_anchor, g_hash_table_unref);
  g_clear_pointer (&r->anchor_moves, g_hash_table_unref);
}

GBytes *
_sc_render_apply (ScRender *r,
                  GError  **error)
{
  ScEdit *edit = r->edit;
  ScProject *self = r->project;
  g_autoptr(GError) local_error = NULL;
  GBytes *text;

  if (_sc_edit_confinement_changes (edit))
    render_confinement (r);

  if (!_sc_render_plan_shared_lists (r, error))
    return NULL;
  _sc_render_expand_removed_anchors (r);

  for (guint pass = 0; pass < 2; pass++)
    {
      GPtrArray *infos = pass ? self->hook_infos : self->app_infos;

      for (guint i = 0; i < infos->len; i++)
        {
          ScTargetInfo *info = g_ptr_array_index (infos, i);

          if (!info->file_only && g_hash_table_contains (r->rendered, info) &&
              !g_hash_table_contains (r->kept_aliases, info) &&
              !render_target (r, info, _sc_edit_desired_of (edit, info), error))
            return NULL;
        }
    }

  if (!_sc_render_file_hooks (r, error) || !_sc_render_defs (r, error))
    return NULL;

  text = sc_yaml_patch_apply (r->patch, &local_error);
  if (text == NULL)
    _sc_verify_fail (error, "%s", local_error->message);
  return text;
}
