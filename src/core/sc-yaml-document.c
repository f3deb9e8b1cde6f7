/* sc-yaml-document.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libyaml's event parser builds a small node tree that remembers where each
 * node is in the original bytes. libyaml's marks count characters, not
 * bytes (and skip a leading byte order mark), so every mark goes through an
 * index map before it becomes an offset into the text. The document's
 * accessors and line arithmetic are here too; questions about one node
 * are in sc-yaml-document-nodes.c, quoting and patches in
 * sc-yaml-document-write.c.
 */
#define G_LOG_DOMAIN "sc-yaml-document"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <string.h>
#include <yaml.h>

#include "sc-project-error.h"
#include "sc-yaml-document-private.h"

/* No real snapcraft.yaml comes close; this keeps the worst case of a
 * 16 MiB file of one-character items at a few hundred MiB. */
#define MAX_NODES 1000000u
#define CHECKPOINT_STEP 64

static inline gsize
utf8_char_len (guchar c)
{
  if (c < 0x80)
    return 1;
  if (c < 0xE0)
    return 2;
  if (c < 0xF0)
    return 3;
  return 4;
}

static void
build_index_map (ScYamlDocument *doc)
{
  gsize off = doc->bom_len;
  gsize i = 0;

  doc->ascii = TRUE;
  for (gsize k = 0; k < doc->len; k++)
    if ((guchar) doc->data[k] >= 0x80 && !(k < doc->bom_len))
      {
        doc->ascii = FALSE;
        break;
      }
  if (doc->ascii)
    return;

  doc->checkpoints = g_array_sized_new (FALSE, FALSE, sizeof (gsize),
                                        doc->len / CHECKPOINT_STEP + 2);
  while (off < doc->len)
    {
      if (i % CHECKPOINT_STEP == 0)
        g_array_append_val (doc->checkpoints, off);
      off += utf8_char_len ((guchar) doc->data[off]);
      i++;
    }
  if (i % CHECKPOINT_STEP == 0)
    g_array_append_val (doc->checkpoints, off);
}

static gsize
index_to_offset (ScYamlDocument *doc,
                 gsize           index)
{
  gsize k, off, i;

  if (doc->ascii)
    return MIN (doc->bom_len + index, doc->len);

  k = index / CHECKPOINT_STEP;
  if (k >= doc->checkpoints->len)
    k = doc->checkpoints->len - 1;
  off = g_array_index (doc->checkpoints, gsize, k);
  i = k * CHECKPOINT_STEP;
  while (i < index && off < doc->len)
    {
      off += utf8_char_len ((guchar) doc->data[off]);
      i++;
    }
  return MIN (off, doc->len);
}

/* Line and column of a byte offset, counting like libyaml: CR LF, LF and a
 * lone CR each end a line; columns count characters; the BOM is skipped. */
static void
position_of_offset (const char *data,
                    gsize       len,
                    gsize       bom_len,
                    gsize       offset,
                    guint      *line,
                    guint      *column)
{
  guint l = 1, c = 1;
  gsize i = bom_len;

  offset = MIN (offset, len);
  while (i < offset)
    {
      guchar ch = (guchar) data[i];

      if (ch == '\r' && i + 1 < len && data[i + 1] == '\n')
        {
          if (i + 1 == offset)
            break;
          l++;
          c = 1;
          i += 2;
          continue;
        }
      if (ch == '\n' || ch == '\r')
        {
          l++;
          c = 1;
          i++;
          continue;
        }
      c++;
      i += ch < 0x80 ? 1 : utf8_char_len (ch);
    }
  *line = l;
  *column = c;
}

void
sc_yaml_document_get_position (ScYamlDocument *doc,
                               gsize           offset,
                               guint          *line,
                               guint          *column)
{
  position_of_offset (doc->data, doc->len, doc->bom_len, offset, line, column);
}

static void set_error (GError    **error,
                       const char *name,
                       guint       line,
                       guint       column,
                       const char *format,
                       ...) G_GNUC_PRINTF (5, 6);

static void
set_error (GError    **error,
           const char *name,
           guint       line,
           guint       column,
           const char *format,
           ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, SC_PROJECT_ERROR, SC_PROJECT_ERROR_INVALID,
               "%s:%u:%u: %s", name, line, column, message);
}

static void
node_free (gpointer data)
{
  ScYamlNode *node = data;

  g_free (node->children);
  g_free (node->value);
  g_free (node->anchor);
  g_free (node->tag);
  g_free (node);
}

void
sc_yaml_document_free (ScYamlDocument *doc)
{
  if (doc == NULL)
    return;
  g_clear_pointer (&doc->nodes, g_ptr_array_unref);
  g_clear_pointer (&doc->checkpoints, g_array_unref);
  g_clear_pointer (&doc->bytes, g_bytes_unref);
  g_free (doc->display_name);
  g_free (doc);
}

/* Skips an anchor and a tag (in either order) and the blanks, line breaks
 * and comments around them, so that the result is the node's own token. */
static gsize
skip_properties (ScYamlDocument *doc,
                 gsize           pos,
                 gsize           limit,
                 guint           n_properties)
{
  const char *d = doc->data;

  while (n_properties > 0 && pos < limit)
    {
      if (d[pos] == '&' || (d[pos] == '!' && !(pos + 1 < limit && d[pos + 1] == '<')))
        {
          while (pos < limit && !g_ascii_isspace (d[pos]))
            pos++;
          n_properties--;
        }
      else if (d[pos] == '!')
        {
          while (pos < limit && d[pos] != '>')
            pos++;
          if (pos < limit)
            pos++;
          n_properties--;
        }
      else
        break;

      while (pos < limit)
        {
          if (d[pos] == ' ' || d[pos] == '\t' || d[pos] == '\r' || d[pos] == '\n')
            pos++;
          else if (d[pos] == '#')
            {
              while (pos < limit && d[pos] != '\n' && d[pos] != '\r')
                pos++;
            }
          else
            break;
        }
    }
  return pos;
}

/* For block scalars libyaml's end mark lies after the trailing line breaks;
 * back up to the last byte that is not blank. */
static gsize
trim_block_end (ScYamlDocument *doc,
                gsize           start,
                gsize           end)
{
  while (end > start + 1)
    {
      char c = doc->data[end - 1];

      if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
        end--;
      else
        break;
    }
  return end;
}

typedef struct
{
  ScYamlNode *node;
  GPtrArray  *children;
} Frame;

static void
frame_clear (gpointer data)
{
  Frame *frame = data;

  g_clear_pointer (&frame->children, g_ptr_array_unref);
}

static void
set_libyaml_error (ScYamlDocument *doc,
                   yaml_parser_t  *parser,
                   GError        **error)
{
  const char *name = doc->display_name;
  guint line, column;

  switch (parser->error)
    {
    case YAML_MEMORY_ERROR:
      set_error (error, name, 1, 1, _("out of memory while parsing"));
      return;

    case YAML_READER_ERROR:
      position_of_offset (doc->data, doc->len, doc->bom_len, parser->problem_offset,
                          &line, &column);
      if (parser->problem_value != -1)
        /* Translators: %s is libyaml's (English) description of the
         * problem, %04X the code of the character. */
        set_error (error, name, line, column, _("%s (character U+%04X)"),
                   parser->problem, (guint) parser->problem_value);
      else
        set_error (error, name, line, column, "%s", parser->problem);
      return;

    case YAML_NO_ERROR:
    case YAML_SCANNER_ERROR:
    case YAML_PARSER_ERROR:
    case YAML_COMPOSER_ERROR:
    case YAML_WRITER_ERROR:
    case YAML_EMITTER_ERROR:
    default:
      {
        gsize off = index_to_offset (doc, parser->problem_mark.index);
        const char *hint = "";

        line = (guint) parser->problem_mark.line + 1;
        column = (guint) parser->problem_mark.column + 1;
        if (off < doc->len && doc->data[off] == '\t')
          hint = _("; YAML does not allow a tab here, use spaces");

        if (parser->context != NULL &&
            (parser->context_mark.line != parser->problem_mark.line ||
             parser->context_mark.column != parser->problem_mark.column))
          /* Translators: libyaml's (English) problem, then what it was
           * reading ("a block mapping") and where that starts (line,
           * column); the last %s is empty or a hint. */
          set_error (error, name, line, column, _("%s (%s that starts at %u:%u)%s"),
                     parser->problem, parser->context,
                     (guint) parser->context_mark.line + 1,
                     (guint) parser->context_mark.column + 1, hint);
        else if (parser->context != NULL)
          set_error (error, name, line, column, "%s (%s)%s", parser->problem,
                     parser->context, hint);
        else
          set_error (error, name, line, column, "%s%s",
                     parser->problem ? parser->problem : _("invalid YAML"), hint);
      }
      return;
    }
}

static ScYamlNode *
new_node (ScYamlDocument *doc,
          ScYamlNodeKind  kind,
          yaml_event_t   *event,
          const yaml_char_t *anchor,
          const yaml_char_t *tag)
{
  ScYamlNode *node = g_new0 (ScYamlNode, 1);

  node->kind = kind;
  node->start = index_to_offset (doc, event->start_mark.index);
  node->end = index_to_offset (doc, event->end_mark.index);
  node->line = (guint) event->start_mark.line + 1;
  node->column = (guint) event->start_mark.column + 1;
  node->anchor = g_strdup ((const char *) anchor);
  node->tag = g_strdup ((const char *) tag);
  node->value = g_strdup ("");
  node->value_start = skip_properties (doc, node->start, doc->len,
                                       (anchor != NULL) + (tag != NULL));
  g_ptr_array_add (doc->nodes, node);
  return node;
}

static gboolean
validate_utf8 (ScYamlDocument *doc,
               GError        **error)
{
  const char *end = NULL;
  guint line, column;

  if (g_utf8_validate_len (doc->data, doc->len, &end))
    return TRUE;

  position_of_offset (doc->data, doc->len, doc->bom_len, (gsize) (end - doc->data),
                      &line, &column);
  if (*end == '\0')
    set_error (error, doc->display_name, line, column,
               _("a NUL character is not allowed in YAML"));
  else
    set_error (error, doc->display_name, line, column,
               /* Translators: %02X is the byte's value in hexadecimal. */
               _("invalid UTF-8 (byte 0x%02X); the file must be UTF-8 text"),
               (guint) (guchar) *end);
  return FALSE;
}

/* libyaml accepts a tab between tokens in some places (after "key:", in
 * flow collections, inside plain scalars), but snapcraft reads YAML with
 * PyYAML's scanner, which only skips spaces and stops with "found character
 * '\t' that cannot start any token". Tabs are fine only inside quoted and
 * block scalars and in comments. */
static gboolean
check_tabs (ScYamlDocument *doc,
            GError        **error)
{
  const char *d = doc->data;
  guint next_node = 0;
  gsize range_start = 0, range_end = 0;
  gboolean in_comment = FALSE;

  if (memchr (d, '\t', doc->len) == NULL)
    return TRUE;

  /* One pass over the text: the nodes come in document order, so a cursor
   * tracks the quoted or block scalar that may cover the current byte. */
  for (gsize p = doc->bom_len; p < doc->len; p++)
    {
      char c = d[p];

      if (c == '\n' || c == '\r')
        {
          in_comment = FALSE;
          continue;
        }

      while (next_node < doc->nodes->len)
        {
          ScYamlNode *node = g_ptr_array_index (doc->nodes, next_node);

          if (node->value_start > p)
            break;
          next_node++;
          if (node->kind != SC_YAML_NODE_SCALAR || node->style == SC_YAML_STYLE_PLAIN ||
              node->end <= range_end)
            continue;
          range_start = node->value_start;
          /* A block scalar's header line is not content: PyYAML allows
           * only spaces and a comment after the indicator. */
          if (node->style == SC_YAML_STYLE_LITERAL || node->style == SC_YAML_STYLE_FOLDED)
            range_start = sc_yaml_document_line_end (doc, node->value_start);
          range_end = node->end;
        }

      if (p >= range_start && p < range_end)
        continue;
      if (c == '#' && (p == doc->bom_len || d[p - 1] == ' ' || d[p - 1] == '\t' ||
                       d[p - 1] == '\n' || d[p - 1] == '\r'))
        in_comment = TRUE;
      else if (c == '\t' && !in_comment)
        {
          guint line, column;

          position_of_offset (d, doc->len, doc->bom_len, p, &line, &column);
          set_error (error, doc->display_name, line, column,
                     _("found a tab character that cannot start any token (while scanning "
                       "for the next token); YAML does not allow a tab here, use spaces"));
          return FALSE;
        }
    }
  return TRUE;
}

static void
detect_eol (ScYamlDocument *doc)
{
  const char *p = doc->data;
  const char *end = doc->data + doc->len;

  strcpy (doc->eol, "\n");
  for (; p < end; p++)
    {
      if (*p == '\n')
        return;
      if (*p == '\r')
        {
          strcpy (doc->eol, (p + 1 < end && p[1] == '\n') ? "\r\n" : "\r");
          return;
        }
    }
}

static ScYamlNode *
scalar_node (ScYamlDocument *doc,
             yaml_event_t   *event)
{
  ScYamlNode *node = new_node (doc, SC_YAML_NODE_SCALAR, event, event->data.scalar.anchor,
                               event->data.scalar.tag);

  g_free (node->value);
  node->value_len = event->data.scalar.length;
  node->value = g_malloc (node->value_len + 1);
  memcpy (node->value, event->data.scalar.value, node->value_len);
  node->value[node->value_len] = '\0';
  switch (event->data.scalar.style)
    {
    case YAML_SINGLE_QUOTED_SCALAR_STYLE:
      node->style = SC_YAML_STYLE_SINGLE_QUOTED;
      break;
    case YAML_DOUBLE_QUOTED_SCALAR_STYLE:
      node->style = SC_YAML_STYLE_DOUBLE_QUOTED;
      break;
    case YAML_LITERAL_SCALAR_STYLE:
      node->style = SC_YAML_STYLE_LITERAL;
      break;
    case YAML_FOLDED_SCALAR_STYLE:
      node->style = SC_YAML_STYLE_FOLDED;
      break;
    case YAML_ANY_SCALAR_STYLE:
    case YAML_PLAIN_SCALAR_STYLE:
    default:
      node->style = SC_YAML_STYLE_PLAIN;
      break;
    }
  if (node->style == SC_YAML_STYLE_LITERAL || node->style == SC_YAML_STYLE_FOLDED)
    node->end = trim_block_end (doc, node->value_start, node->end);
  if (node->value_start > node->end)
    node->value_start = node->end;
  return node;
}

/* An alias node; its target is NULL (and ERROR set) when no anchor of
 * that name comes before it. */
static ScYamlNode *
alias_node (ScYamlDocument *doc,
            yaml_event_t   *event,
            GHashTable     *anchors,
            GError        **error)
{
  ScYamlNode *node = new_node (doc, SC_YAML_NODE_ALIAS, event, NULL, NULL);

  g_free (node->value);
  node->value = g_strdup ((const char *) event->data.alias.anchor);
  node->value_len = strlen (node->value);
  node->target = g_hash_table_lookup (anchors, node->value);
  if (node->target == NULL)
    set_error (error, doc->display_name, node->line, node->column,
               /* Translators: %s is the name of a YAML alias (*name). */
               _("the alias *%s names no anchor defined before it"), node->value);
  else
    node->target->n_aliases++;
  return node;
}

/* The end of the collection on top of STACK: its children and extent. */
static void
close_collection (ScYamlDocument *doc,
                  GArray         *stack,
                  yaml_event_t   *event)
{
  Frame *frame = &g_array_index (stack, Frame, stack->len - 1);
  ScYamlNode *coll = frame->node;

  coll->n_children = frame->children->len;
  coll->children = (ScYamlNode **) g_ptr_array_free (g_steal_pointer (&frame->children), FALSE);
  /* A complex key without a value (`? key`) gets an empty value that
   * libyaml places at the next token, often lines later; move it to the
   * end of its key, where it belongs. */
  if (coll->kind == SC_YAML_NODE_MAPPING)
    for (guint i = 1; i < coll->n_children; i += 2)
      {
        ScYamlNode *key = coll->children[i - 1];
        ScYamlNode *value = coll->children[i];

        if (value->kind == SC_YAML_NODE_SCALAR && value->start == value->end &&
            value->start > key->end &&
            (memchr (doc->data + key->end, '\n', value->start - key->end) != NULL ||
             memchr (doc->data + key->end, '\r', value->start - key->end) != NULL))
          value->start = value->end = value->value_start = key->end;
      }
  if (coll->style == SC_YAML_STYLE_FLOW)
    coll->end = index_to_offset (doc, event->end_mark.index);
  else if (coll->n_children > 0)
    {
      /* A complex key's empty value can sit before the key's end. */
      coll->end = coll->children[coll->n_children - 1]->end;
      if (coll->kind == SC_YAML_NODE_MAPPING && coll->n_children >= 2)
        coll->end = MAX (coll->end, coll->children[coll->n_children - 2]->end);
    }
  if (coll->value_start > coll->end)
    coll->value_start = coll->end;
  g_array_set_size (stack, stack->len - 1);
}

/* Puts NODE in the tree (under the collection on top of STACK, or as the
 * root), records its anchor and opens it when it is a collection. FALSE
 * past the limits. */
static gboolean
attach_node (ScYamlDocument *doc,
             GArray         *stack,
             GHashTable     *anchors,
             ScYamlNode     *node,
             GError        **error)
{
  gboolean ok = TRUE;

  if (doc->nodes->len > MAX_NODES)
    {
      set_error (error, doc->display_name, node->line, node->column,
                 /* Translators: %u is a number of nodes. */
                 _("the document has more than %u nodes"), MAX_NODES);
      ok = FALSE;
    }
  if (stack->len > 0)
    {
      Frame *parent = &g_array_index (stack, Frame, stack->len - 1);

      node->parent = parent->node;
      node->depth = parent->node->depth + 1;
      g_ptr_array_add (parent->children, node);
    }
  else if (doc->root == NULL)
    doc->root = node;

  if (node->anchor != NULL)
    g_hash_table_replace (anchors, node->anchor, node);

  if (node->kind == SC_YAML_NODE_SEQUENCE || node->kind == SC_YAML_NODE_MAPPING)
    {
      Frame frame = { node, g_ptr_array_new () };

      if (node->depth >= SC_YAML_MAX_DEPTH)
        {
          set_error (error, doc->display_name, node->line, node->column,
                     /* Translators: %u is a number of levels. */
                     _("collections are nested more than %u levels deep"),
                     SC_YAML_MAX_DEPTH);
          ok = FALSE;
        }
      g_array_append_val (stack, frame);
    }
  return ok;
}

/* Refuses what libyaml should never see (too large, not UTF-8) and
 * notes the byte order mark, the line ending and the index map. */
static gboolean
check_bytes (ScYamlDocument *doc,
             GError        **error)
{
  if (doc->len > SC_YAML_MAX_SIZE)
    {
      set_error (error, doc->display_name, 1, 1,
                 /* Translators: %u is a size in mebibytes. */
                 _("the file is larger than %u MiB"), SC_YAML_MAX_SIZE / (1024 * 1024));
      return FALSE;
    }
  if (doc->len >= 3 && memcmp (doc->data, "\xEF\xBB\xBF", 3) == 0)
    doc->bom_len = 3;
  if (!validate_utf8 (doc, error))
    return FALSE;
  detect_eol (doc);
  build_index_map (doc);
  return TRUE;
}

/* Reads libyaml's events into DOC's tree. */
static gboolean
parse_events (ScYamlDocument *doc,
              yaml_parser_t  *parser,
              GError        **error)
{
  g_autoptr(GHashTable) anchors = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) stack = g_array_new (FALSE, TRUE, sizeof (Frame));
  gboolean done = FALSE, ok = TRUE;
  guint n_documents = 0;

  g_array_set_clear_func (stack, frame_clear);

  while (!done && ok)
    {
      yaml_event_t event;
      ScYamlNode *node = NULL;

      if (!yaml_parser_parse (parser, &event))
        {
          set_libyaml_error (doc, parser, error);
          ok = FALSE;
          break;
        }

      switch (event.type)
        {
        case YAML_STREAM_END_EVENT:
          done = TRUE;
          break;

        case YAML_DOCUMENT_START_EVENT:
          if (++n_documents > 1)
            {
              set_error (error, doc->display_name, (guint) event.start_mark.line + 1,
                         (guint) event.start_mark.column + 1,
                         _("a second YAML document starts here; snapcraft.yaml must hold "
                           "exactly one"));
              ok = FALSE;
            }
          break;

        case YAML_SCALAR_EVENT:
          node = scalar_node (doc, &event);
          break;

        case YAML_ALIAS_EVENT:
          node = alias_node (doc, &event, anchors, error);
          ok = node->target != NULL;
          break;

        case YAML_SEQUENCE_START_EVENT:
          node = new_node (doc, SC_YAML_NODE_SEQUENCE, &event,
                           event.data.sequence_start.anchor, event.data.sequence_start.tag);
          node->style = event.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE
                        ? SC_YAML_STYLE_FLOW : SC_YAML_STYLE_BLOCK;
          break;

        case YAML_MAPPING_START_EVENT:
          node = new_node (doc, SC_YAML_NODE_MAPPING, &event,
                           event.data.mapping_start.anchor, event.data.mapping_start.tag);
          node->style = event.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE
                        ? SC_YAML_STYLE_FLOW : SC_YAML_STYLE_BLOCK;
          break;

        case YAML_SEQUENCE_END_EVENT:
        case YAML_MAPPING_END_EVENT:
          close_collection (doc, stack, &event);
          break;

        case YAML_NO_EVENT:
        case YAML_STREAM_START_EVENT:
        case YAML_DOCUMENT_END_EVENT:
        default:
          break;
        }

      if (ok && node != NULL)
        ok = attach_node (doc, stack, anchors, node, error);

      yaml_event_delete (&event);
    }

  return ok;
}

ScYamlDocument *
sc_yaml_document_new (const char  *display_name,
                      GBytes      *bytes,
                      GError     **error)
{
  g_autoptr(ScYamlDocument) doc = g_new0 (ScYamlDocument, 1);
  yaml_parser_t parser;
  gboolean ok;

  g_return_val_if_fail (bytes != NULL, NULL);

  doc->bytes = g_bytes_ref (bytes);
  doc->data = g_bytes_get_data (bytes, &doc->len);
  if (doc->data == NULL)
    doc->data = "";
  doc->display_name = g_strdup (display_name ? display_name : "snapcraft.yaml");
  doc->nodes = g_ptr_array_new_with_free_func (node_free);

  if (!check_bytes (doc, error))
    return NULL;

  yaml_parser_initialize (&parser);
  yaml_parser_set_input_string (&parser, (const unsigned char *) doc->data, doc->len);
  ok = parse_events (doc, &parser, error);
  yaml_parser_delete (&parser);

  if (!ok)
    return NULL;

  if (doc->root == NULL)
    {
      set_error (error, doc->display_name, 1, 1,
                 _("the file is empty: it holds no YAML document"));
      return NULL;
    }

  if (!check_tabs (doc, error))
    return NULL;

  return g_steal_pointer (&doc);
}

GBytes *
sc_yaml_document_get_bytes (ScYamlDocument *doc)
{
  return doc->bytes;
}

const char *
sc_yaml_document_get_data (ScYamlDocument *doc,
                           gsize          *len)
{
  if (len != NULL)
    *len = doc->len;
  return doc->data;
}

const char *
sc_yaml_document_get_display_name (ScYamlDocument *doc)
{
  return doc->display_name;
}

ScYamlNode *
sc_yaml_document_get_root (ScYamlDocument *doc)
{
  return doc->root;
}

const char *
sc_yaml_document_get_eol (ScYamlDocument *doc)
{
  return doc->eol;
}

guint
sc_yaml_document_get_n_nodes (ScYamlDocument *doc)
{
  return doc->nodes->len;
}

ScYamlNode *
sc_yaml_document_get_node (ScYamlDocument *doc,
                           guint           index)
{
  g_return_val_if_fail (index < doc->nodes->len, NULL);
  return g_ptr_array_index (doc->nodes, index);
}

gsize
sc_yaml_document_line_start (ScYamlDocument *doc,
                             gsize           offset)
{
  offset = MIN (offset, doc->len);
  while (offset > 0 && doc->data[offset - 1] != '\n' && doc->data[offset - 1] != '\r')
    offset--;
  return offset;
}

gsize
sc_yaml_document_line_end (ScYamlDocument *doc,
                           gsize           offset)
{
  offset = MIN (offset, doc->len);
  while (offset < doc->len && doc->data[offset] != '\n' && doc->data[offset] != '\r')
    offset++;
  return offset;
}

gsize
sc_yaml_document_break_before (ScYamlDocument *doc,
                               gsize           line_start)
{
  if (line_start == 0)
    return 0;
  if (doc->data[line_start - 1] == '\n' && line_start >= 2 && doc->data[line_start - 2] == '\r')
    return line_start - 2;
  return line_start - 1;
}

gboolean
sc_yaml_document_starts_line (ScYamlDocument *doc,
                              gsize           offset)
{
  gsize pos = sc_yaml_document_line_start (doc, offset);

  if (pos == 0)
    pos = MIN (doc->bom_len, offset);
  for (; pos < offset; pos++)
    if (doc->data[pos] != ' ' && doc->data[pos] != '\t')
      return FALSE;
  return TRUE;
}
