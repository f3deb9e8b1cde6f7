/* test-corpus.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs the editor over the real-world snapcraft.yaml files in
 * $SC_SHARED_DIR/corpus/snapcraft/. Every check of an edit is made
 * independently of the editor's own verification: the test composes both
 * texts with plain libyaml into its own trees, builds the expected tree by
 * hand and compares, and it diffs the lines itself.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <yaml.h>

#include "sc-project.h"
#include "sc-yaml-document.h"

/* ---- An independent YAML composer (aliases shared, not copied) ---- */

typedef struct _TNode TNode;
struct _TNode
{
  int        kind;        /* 0 scalar, 1 sequence, 2 mapping */
  char      *text;
  GPtrArray *children;    /* TNode*; mapping: key, value, … */
};

typedef struct
{
  GPtrArray  *all;
  TNode      *root;
  char       *problem;
  guint       line, column;
} TDoc;

static void
tnode_free (gpointer data)
{
  TNode *n = data;

  g_free (n->text);
  g_clear_pointer (&n->children, g_ptr_array_unref);
  g_free (n);
}

static void
tdoc_clear (TDoc *doc)
{
  g_clear_pointer (&doc->all, g_ptr_array_unref);
  g_clear_pointer (&doc->problem, g_free);
}

static TNode *
tnode_new (TDoc *doc,
           int   kind,
           const char *text)
{
  TNode *n = g_new0 (TNode, 1);

  n->kind = kind;
  n->text = g_strdup (text);
  if (kind != 0)
    n->children = g_ptr_array_new ();
  g_ptr_array_add (doc->all, n);
  return n;
}

static gboolean
tdoc_parse (TDoc       *doc,
            const char *data,
            gsize       len)
{
  yaml_parser_t parser;
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();
  g_autoptr(GHashTable) anchors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gboolean ok = TRUE, done = FALSE;

  memset (doc, 0, sizeof *doc);
  doc->all = g_ptr_array_new_with_free_func (tnode_free);
  yaml_parser_initialize (&parser);
  yaml_parser_set_input_string (&parser, (const unsigned char *) data, len);
  while (!done)
    {
      yaml_event_t ev;
      TNode *node = NULL;
      const char *anchor = NULL;

      if (!yaml_parser_parse (&parser, &ev))
        {
          doc->problem = g_strdup (parser.problem);
          doc->line = (guint) parser.problem_mark.line + 1;
          doc->column = (guint) parser.problem_mark.column + 1;
          ok = FALSE;
          break;
        }
      switch (ev.type)
        {
        case YAML_SCALAR_EVENT:
          node = tnode_new (doc, 0, (const char *) ev.data.scalar.value);
          anchor = (const char *) ev.data.scalar.anchor;
          break;
        case YAML_ALIAS_EVENT:
          node = g_hash_table_lookup (anchors, ev.data.alias.anchor);
          g_assert_nonnull (node);
          break;
        case YAML_SEQUENCE_START_EVENT:
          node = tnode_new (doc, 1, NULL);
          anchor = (const char *) ev.data.sequence_start.anchor;
          break;
        case YAML_MAPPING_START_EVENT:
          node = tnode_new (doc, 2, NULL);
          anchor = (const char *) ev.data.mapping_start.anchor;
          break;
        case YAML_SEQUENCE_END_EVENT:
        case YAML_MAPPING_END_EVENT:
          g_ptr_array_set_size (stack, stack->len - 1);
          break;
        case YAML_STREAM_END_EVENT:
          done = TRUE;
          break;
        case YAML_NO_EVENT:
        case YAML_STREAM_START_EVENT:
        case YAML_DOCUMENT_START_EVENT:
        case YAML_DOCUMENT_END_EVENT:
        default:
          break;
        }
      if (node != NULL)
        {
          if (anchor != NULL)
            g_hash_table_replace (anchors, g_strdup (anchor), node);
          if (stack->len > 0)
            g_ptr_array_add (((TNode *) g_ptr_array_index (stack, stack->len - 1))->children, node);
          else if (doc->root == NULL)
            doc->root = node;
          if (ev.type == YAML_SEQUENCE_START_EVENT || ev.type == YAML_MAPPING_START_EVENT)
            g_ptr_array_add (stack, node);
        }
      yaml_event_delete (&ev);
    }
  yaml_parser_delete (&parser);
  return ok;
}

static TNode *
tmap_get (TNode      *map,
          const char *key)
{
  if (map == NULL || map->kind != 2)
    return NULL;
  for (guint i = 0; i + 1 < map->children->len; i += 2)
    {
      TNode *k = g_ptr_array_index (map->children, i);

      if (k->kind == 0 && g_str_equal (k->text, key))
        return g_ptr_array_index (map->children, i + 1);
    }
  return NULL;
}

static gboolean
is_null (TNode *n)
{
  return n == NULL || (n->kind == 0 && (n->text[0] == '\0' || g_str_equal (n->text, "~") ||
                                        g_str_equal (n->text, "null")));
}

static gboolean tnode_equal (TNode *a, TNode *b, guint depth);

/* Mappings compare as sets of entries (the editor may place a new key
 * anywhere sensible). */
static gboolean
tnode_equal (TNode *a,
             TNode *b,
             guint  depth)
{
  if (a == b)
    return TRUE;
  if (depth > 200 || a->kind != b->kind)
    return FALSE;
  if (a->kind == 0)
    return g_str_equal (a->text, b->text);
  if (a->children->len != b->children->len)
    return FALSE;
  if (a->kind == 1)
    {
      for (guint i = 0; i < a->children->len; i++)
        if (!tnode_equal (g_ptr_array_index (a->children, i),
                          g_ptr_array_index (b->children, i), depth + 1))
          return FALSE;
      return TRUE;
    }
  for (guint i = 0; i + 1 < a->children->len; i += 2)
    {
      TNode *k = g_ptr_array_index (a->children, i);
      TNode *bv = k->kind == 0 ? tmap_get (b, k->text) : NULL;

      if (k->kind != 0)
        {
          /* complex keys: compare by position */
          if (!tnode_equal (k, g_ptr_array_index (b->children, i), depth + 1) ||
              !tnode_equal (g_ptr_array_index (a->children, i + 1),
                            g_ptr_array_index (b->children, i + 1), depth + 1))
            return FALSE;
          continue;
        }
      if (bv == NULL || !tnode_equal (g_ptr_array_index (a->children, i + 1), bv, depth + 1))
        return FALSE;
    }
  return TRUE;
}

/* Copy-on-write helpers to build the expected tree from the original. */
static TNode *
tnode_shallow_copy (TDoc  *doc,
                    TNode *n)
{
  TNode *c = tnode_new (doc, n ? n->kind : 2, n ? n->text : NULL);

  if (n != NULL && n->children != NULL)
    for (guint i = 0; i < n->children->len; i++)
      g_ptr_array_add (c->children, g_ptr_array_index (n->children, i));
  return c;
}

static void
tmap_set (TDoc       *doc,
          TNode      *map,
          const char *key,
          TNode      *value)
{
  for (guint i = 0; i + 1 < map->children->len; i += 2)
    {
      TNode *k = g_ptr_array_index (map->children, i);

      if (k->kind == 0 && g_str_equal (k->text, key))
        {
          if (value == NULL)
            {
              g_ptr_array_remove_range (map->children, i, 2);
              return;
            }
          map->children->pdata[i + 1] = value;
          return;
        }
    }
  if (value != NULL)
    {
      g_ptr_array_add (map->children, tnode_new (doc, 0, key));
      g_ptr_array_add (map->children, value);
    }
}

/* ---- Line diff (LCS) ---- */

static GPtrArray *
split_lines (const char *data,
             gsize       len)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  gsize start = 0;

  for (gsize i = 0; i < len; i++)
    if (data[i] == '\n')
      {
        g_ptr_array_add (lines, g_strndup (data + start, i + 1 - start));
        start = i + 1;
      }
  if (start < len)
    g_ptr_array_add (lines, g_strndup (data + start, len - start));
  return lines;
}

/* Marks which lines of A and B are not in a longest common subsequence.
 * Common prefix and suffix are stripped first, so the table stays small. */
static void
diff_lines (GPtrArray *a,
            GPtrArray *b,
            gboolean  *a_changed,
            gboolean  *b_changed)
{
  guint pre = 0, suf = 0, n, m;
  g_autofree guint *table = NULL;

  while (pre < a->len && pre < b->len &&
         g_str_equal (g_ptr_array_index (a, pre), g_ptr_array_index (b, pre)))
    pre++;
  while (suf < a->len - pre && suf < b->len - pre &&
         g_str_equal (g_ptr_array_index (a, a->len - 1 - suf),
                      g_ptr_array_index (b, b->len - 1 - suf)))
    suf++;
  n = a->len - pre - suf;
  m = b->len - pre - suf;
  table = g_new0 (guint, (gsize) (n + 1) * (m + 1));
#define T(i, j) table[(gsize) (i) * (m + 1) + (j)]
  for (guint i = n; i-- > 0;)
    for (guint j = m; j-- > 0;)
      T (i, j) = g_str_equal (g_ptr_array_index (a, pre + i), g_ptr_array_index (b, pre + j))
                 ? T (i + 1, j + 1) + 1 : MAX (T (i + 1, j), T (i, j + 1));
  {
    guint i = 0, j = 0;

    while (i < n || j < m)
      {
        if (i < n && j < m &&
            g_str_equal (g_ptr_array_index (a, pre + i), g_ptr_array_index (b, pre + j)))
          {
            i++;
            j++;
          }
        else if (j < m && (i >= n || T (i, j + 1) >= T (i + 1, j)))
          b_changed[pre + j++] = TRUE;
        else
          a_changed[pre + i++] = TRUE;
      }
  }
#undef T
}

/* ---- Manifest ---- */

typedef struct
{
  char     *file;
  gboolean  parses;
  char     *notes;
} Entry;

static GPtrArray *entries;
static char *corpus_dir;

static void
entry_free (gpointer data)
{
  Entry *e = data;

  g_free (e->file);
  g_free (e->notes);
  g_free (e);
}

static gboolean
load_manifest (void)
{
  const char *shared = g_getenv ("SC_SHARED_DIR");
  g_autofree char *manifest = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;

  if (shared == NULL)
    return FALSE;
  corpus_dir = g_build_filename (shared, "corpus", "snapcraft", NULL);
  manifest = g_build_filename (corpus_dir, "MANIFEST.tsv", NULL);
  if (!g_file_get_contents (manifest, &contents, NULL, NULL))
    return FALSE;

  entries = g_ptr_array_new_with_free_func (entry_free);
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_auto(GStrv) cols = g_strsplit (lines[i], "\t", -1);
      Entry *e;

      if (g_strv_length (cols) < 8)
        continue;
      e = g_new0 (Entry, 1);
      e->file = g_strdup (cols[0]);
      e->parses = g_str_equal (cols[6], "yes");
      e->notes = g_strdup (cols[7]);
      g_ptr_array_add (entries, e);
    }
  return entries->len > 0;
}

static GBytes *
read_entry (Entry *e)
{
  g_autofree char *path = g_build_filename (corpus_dir, e->file, NULL);
  char *contents = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  return g_bytes_new_take (contents, len);
}

#define SKIP_IF_NO_CORPUS()                                                           \
  G_STMT_START {                                                                      \
    if (entries == NULL)                                                              \
      {                                                                               \
        g_test_skip ("SC_SHARED_DIR/corpus/snapcraft/MANIFEST.tsv is not available"); \
        return;                                                                       \
      }                                                                               \
  } G_STMT_END

/* Why snapcraft would refuse a file that libyaml reads, decided here
 * without the project code: no top-level mapping with a `name`, an app or
 * hook name outside snapd's patterns, or a key repeated in a mapping.
 * Returns the phrase the project's error must contain, or NULL. */
static gboolean
tnode_has_duplicate_keys (TNode *n,
                          guint  depth)
{
  if (n->kind == 0 || depth > 100)
    return FALSE;
  if (n->kind == 2)
    for (guint i = 0; i + 1 < n->children->len; i += 2)
      {
        TNode *k = g_ptr_array_index (n->children, i);

        for (guint j = i + 2; k->kind == 0 && !g_str_equal (k->text, "<<") &&
                              j + 1 < n->children->len; j += 2)
          {
            TNode *other = g_ptr_array_index (n->children, j);

            if (other->kind == 0 && g_str_equal (other->text, k->text))
              return TRUE;
          }
      }
  for (guint i = 0; i < n->children->len; i++)
    if (tnode_has_duplicate_keys (g_ptr_array_index (n->children, i), depth + 1))
      return TRUE;
  return FALSE;
}

static const char *
independent_rejection (GBytes *bytes)
{
  TDoc doc;
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);
  const char *reason = NULL;
  TNode *apps, *hooks;

  g_assert_true (tdoc_parse (&doc, data, len));
  apps = tmap_get (doc.root, "apps");
  hooks = tmap_get (doc.root, "hooks");
  if (doc.root == NULL || doc.root->kind != 2 || tmap_get (doc.root, "name") == NULL)
    reason = "no 'name' key";
  else if (tnode_has_duplicate_keys (doc.root, 0))
    reason = "duplicate key";
  for (guint i = 0; reason == NULL && apps && apps->kind == 2 && i < apps->children->len; i += 2)
    if (!g_regex_match_simple ("^[a-zA-Z0-9](?:-?[a-zA-Z0-9])*$",
                               ((TNode *) g_ptr_array_index (apps->children, i))->text, 0, 0))
      reason = "not a valid app name";
  for (guint i = 0; reason == NULL && hooks && hooks->kind == 2 && i < hooks->children->len; i += 2)
    if (!g_regex_match_simple ("^[a-z](?:-?[a-z0-9])*$",
                               ((TNode *) g_ptr_array_index (hooks->children, i))->text, 0, 0))
      reason = "not a valid hook name";
  tdoc_clear (&doc);
  return reason;
}

static guint n_round_trip, n_rejected_projects, n_edited, n_invalid;

static void
test_round_trip (void)
{
  g_test_summary ("Every corpus file that parses loads, and rendering an empty edit gives "
                  "back exactly the same bytes.");
  SKIP_IF_NO_CORPUS ();

  for (guint i = 0; i < entries->len; i++)
    {
      Entry *e = g_ptr_array_index (entries, i);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(ScProject) project = NULL;
      g_autoptr(ScEdit) edit = NULL;
      g_autoptr(GBytes) out = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *diff = NULL;
      const char *reason;
      const char *data;
      gsize len;

      if (!e->parses)
        continue;
      bytes = read_entry (e);
      data = g_bytes_get_data (bytes, &len);
      project = sc_project_load_from_data (e->file, data, len, &error);
      if (project == NULL)
        {
          /* Only files that are not snapcraft projects at all may fail. */
          g_test_message ("%s: %s", e->file, error->message);
          g_assert_error (error, SC_PROJECT_ERROR, SC_PROJECT_ERROR_INVALID);
          reason = independent_rejection (bytes);
          g_assert_nonnull (reason);
          g_assert_nonnull (strstr (error->message, reason));
          g_assert_true (g_str_has_prefix (error->message, e->file));
          n_rejected_projects++;
          continue;
        }
      edit = sc_edit_new (project);
      g_assert_true (sc_edit_is_empty (edit));
      out = sc_edit_render (edit, &error);
      g_assert_no_error (error);
      g_assert_true (g_bytes_equal (out, bytes));
      diff = sc_edit_diff (edit, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (diff, ==, "");
      n_round_trip++;
    }
  g_test_message ("round trip: %u files identical, %u refused by snapcraft's rules",
                  n_round_trip, n_rejected_projects);
  g_assert_cmpuint (n_round_trip, >, 50);
}

static const char *
pick_new_plug (ScTarget *target)
{
  static const char * const choices[] = {
    "camera", "audio-record", "network-observe", "hardware-observe", "joystick",
  };

  for (guint i = 0; i < G_N_ELEMENTS (choices); i++)
    {
      gboolean present = FALSE;

      for (guint k = 0; k < target->plugs->len; k++)
        if (g_str_equal (((ScPlugRef *) g_ptr_array_index (target->plugs, k))->name, choices[i]))
          present = TRUE;
      if (!present)
        return choices[i];
    }
  g_assert_not_reached ();
}

static gboolean
line_mentions_any (const char *line,
                   GPtrArray  *words)
{
  for (guint i = 0; i < words->len; i++)
    if (strstr (line, g_ptr_array_index (words, i)) != NULL)
      return TRUE;
  return FALSE;
}

/* The comment of a line: from a '#' that starts the line or follows a
 * blank, outside quotes (good enough for the corpus). */
static const char *
line_comment (const char *line)
{
  gboolean single = FALSE, dbl = FALSE;

  for (const char *p = line; *p; p++)
    {
      if (*p == '\'' && !dbl)
        single = !single;
      else if (*p == '"' && !single)
        dbl = !dbl;
      else if (*p == '#' && !single && !dbl && (p == line || p[-1] == ' ' || p[-1] == '\t'))
        return p;
    }
  return NULL;
}

static void
check_edit (Entry  *e,
            GBytes *bytes)
{
  g_autoptr(ScProject) project = NULL;
  g_autoptr(ScProject) reloaded = NULL;
  g_autoptr(ScEdit) edit = NULL;
  g_autoptr(GBytes) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) removed_names = g_ptr_array_new ();
  g_autoptr(GPtrArray) mention = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) old_lines = NULL;
  g_autoptr(GPtrArray) new_lines = NULL;
  g_autofree gboolean *old_changed = NULL;
  g_autofree gboolean *new_changed = NULL;
  GPtrArray *apps;
  TDoc before, after, expect;
  TNode *expected_root, *expected_apps;
  const char *data, *new_data;
  gsize len, new_len;
  gboolean crlf;

  data = g_bytes_get_data (bytes, &len);
  project = sc_project_load_from_data (e->file, data, len, &error);
  if (project == NULL)
    return;

  g_assert_true (tdoc_parse (&before, data, len));
  memset (&expect, 0, sizeof expect);
  expect.all = g_ptr_array_new_with_free_func (tnode_free);

  edit = sc_edit_new (project);
  sc_edit_set_confinement (edit, "strict");
  /* Only the lists change here: a definition whose last listing goes
   * stays (test-project-edit checks that it goes by default). */
  sc_edit_set_keep_definitions (edit, TRUE);
  expected_root = tnode_shallow_copy (&expect, before.root);
  tmap_set (&expect, expected_root, "confinement", tnode_new (&expect, 0, "strict"));
  g_ptr_array_add (mention, g_strdup ("confinement"));
  g_ptr_array_add (mention, g_strdup ("plugs"));

  apps = sc_project_get_apps (project);
  expected_apps = NULL;
  if (apps->len > 0)
    {
      expected_apps = tnode_shallow_copy (&expect, tmap_get (before.root, "apps"));
      tmap_set (&expect, expected_root, "apps", expected_apps);
    }
  for (guint i = 0; i < apps->len; i++)
    {
      ScTarget *app = g_ptr_array_index (apps, i);
      const char *add = pick_new_plug (app);
      TNode *old_app = tmap_get (tmap_get (before.root, "apps"), app->name);
      TNode *new_app = tnode_shallow_copy (&expect, is_null (old_app) ? NULL : old_app);
      TNode *list = tnode_new (&expect, 1, NULL);
      const char *remove = NULL;

      g_assert_true (sc_edit_add_plug (edit, app->name, add, &error));
      g_assert_no_error (error);
      if (app->plugs->len > 0)
        {
          /* Alternate between the first and the last item. */
          guint which = (i % 2) ? 0 : app->plugs->len - 1;

          remove = ((ScPlugRef *) g_ptr_array_index (app->plugs, which))->name;
          g_assert_true (sc_edit_remove_plug (edit, app->name, remove, &error));
          g_ptr_array_add (removed_names, (gpointer) remove);
        }
      for (guint k = 0; k < app->plugs->len; k++)
        {
          const char *name = ((ScPlugRef *) g_ptr_array_index (app->plugs, k))->name;

          g_ptr_array_add (mention, g_strdup (name));
          if (g_strcmp0 (name, remove) != 0)
            g_ptr_array_add (list->children, tnode_new (&expect, 0, name));
        }
      g_ptr_array_add (list->children, tnode_new (&expect, 0, add));
      g_ptr_array_add (mention, g_strdup (add));
      tmap_set (&expect, new_app, "plugs", list);
      tmap_set (&expect, expected_apps, app->name, new_app);
    }

  out = sc_edit_render (edit, &error);
  g_assert_no_error (error);
  new_data = g_bytes_get_data (out, &new_len);

  /* (1) The new text means exactly the intended model. */
  g_assert_true (tdoc_parse (&after, new_data, new_len));
  if (!tnode_equal (expected_root, after.root, 0))
    {
      g_autofree char *diff = sc_edit_diff (edit, NULL);

      g_test_message ("%s: rendered text differs from the expected tree:\n%s", e->file, diff);
      g_test_fail ();
    }
  reloaded = sc_project_load_from_data (e->file, new_data, new_len, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sc_project_get_confinement (reloaded), ==, "strict");

  /* (2) Minimal, accounted-for line changes that keep comments. */
  old_lines = split_lines (data, len);
  new_lines = split_lines (new_data, new_len);
  old_changed = g_new0 (gboolean, old_lines->len + 1);
  new_changed = g_new0 (gboolean, new_lines->len + 1);
  diff_lines (old_lines, new_lines, old_changed, new_changed);

  for (guint i = 0; i < old_lines->len; i++)
    {
      const char *line = g_ptr_array_index (old_lines, i);
      const char *comment;

      if (!old_changed[i])
        continue;
      if (!line_mentions_any (line, mention))
        {
          g_test_message ("%s:%u: changed a line no edit needed: %s", e->file, i + 1, line);
          g_test_fail ();
        }
      /* A trailing comment survives unless its line held a removed plug. */
      comment = line_comment (line);
      if (comment != NULL && !line_mentions_any (line, removed_names))
        {
          g_autofree char *c = g_strchomp (g_strdup (comment));

          if (g_strstr_len (new_data, (gssize) new_len, c) == NULL)
            {
              g_test_message ("%s:%u: lost the comment %s", e->file, i + 1, c);
              g_test_fail ();
            }
        }
    }
  crlf = g_strstr_len (data, (gssize) len, "\r\n") != NULL;
  for (guint i = 0; i < new_lines->len; i++)
    {
      const char *line = g_ptr_array_index (new_lines, i);

      if (!new_changed[i])
        continue;
      if (!line_mentions_any (line, mention))
        {
          g_test_message ("%s: added a line no edit needed: %s", e->file, line);
          g_test_fail ();
        }
      if (crlf && g_str_has_suffix (line, "\n") && !g_str_has_suffix (line, "\r\n"))
        {
          g_test_message ("%s: new line without CRLF: %s", e->file, line);
          g_test_fail ();
        }
    }
  /* A missing final newline stays missing, a present one stays. */
  g_assert_cmpint (len > 0 && data[len - 1] == '\n', ==, new_len > 0 && new_data[new_len - 1] == '\n');

  n_edited++;
  tdoc_clear (&before);
  tdoc_clear (&after);
  tdoc_clear (&expect);
}

static void
test_strict_edit (void)
{
  g_test_summary ("Setting strict confinement and adding and removing a plug on every app "
                  "gives exactly the intended tree, changes only the lines it must, keeps "
                  "comments and line endings.");
  SKIP_IF_NO_CORPUS ();

  for (guint i = 0; i < entries->len; i++)
    {
      Entry *e = g_ptr_array_index (entries, i);
      g_autoptr(GBytes) bytes = NULL;

      if (!e->parses)
        continue;
      bytes = read_entry (e);
      check_edit (e, bytes);
    }
  g_test_message ("edited %u files", n_edited);
  g_assert_cmpuint (n_edited, >, 50);
}

static void
count_diff_lines (const char *diff,
                  guint      *removed,
                  guint      *added)
{
  *removed = *added = 0;
  for (const char *p = diff; p != NULL && *p != '\0'; p = strchr (p, '\n'), p = p ? p + 1 : NULL)
    {
      if (p[0] == '-' && p[1] != '-')
        (*removed)++;
      else if (p[0] == '+' && p[1] != '+')
        (*added)++;
    }
}

/* The apps whose `plugs:` line names anchor NAME (`&NAME` or `*NAME`). */
static GPtrArray *
anchor_members (ScProject  *project,
                const char *data,
                gsize       len,
                const char *name)
{
  GPtrArray *members = g_ptr_array_new ();
  GPtrArray *apps = sc_project_get_apps (project);
  g_autofree char *anchor = g_strconcat ("&", name, NULL);
  g_autofree char *alias = g_strconcat ("*", name, NULL);

  for (guint i = 0; i < apps->len; i++)
    {
      ScTarget *app = apps->pdata[i];
      const char *p = data;
      g_autofree char *line = NULL;

      if (app->plugs_line == 0)
        continue;
      for (guint n = 1; n < app->plugs_line && p != NULL; n++)
        {
          p = memchr (p, '\n', len - (p - data));
          p = p != NULL ? p + 1 : NULL;
        }
      if (p == NULL)
        continue;
      line = g_strndup (p, strcspn (p, "\n"));
      if (strstr (line, anchor) != NULL || strstr (line, alias) != NULL)
        g_ptr_array_add (members, app);
    }
  return members;
}

static void
test_shared_anchors (void)
{
  guint n_lists = 0;

  g_test_summary ("Every plug list of the corpus shared through an anchor (FreeCAD, retroarch, "
                  "…): removing a plug from all its apps removes one line, and from one alias "
                  "user writes only that app's list.");
  SKIP_IF_NO_CORPUS ();

  for (guint i = 0; i < entries->len; i++)
    {
      Entry *e = g_ptr_array_index (entries, i);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(ScYamlDocument) doc = NULL;
      g_autoptr(ScProject) project = NULL;
      const char *data;
      gsize len;

      if (!e->parses)
        continue;
      bytes = read_entry (e);
      data = g_bytes_get_data (bytes, &len);
      project = sc_project_load_from_data (e->file, data, len, NULL);
      doc = sc_yaml_document_new (e->file, bytes, NULL);
      if (project == NULL || doc == NULL)
        continue;
      for (guint k = 0; k < sc_yaml_document_get_n_nodes (doc); k++)
        {
          ScYamlNode *seq = sc_yaml_document_get_node (doc, k);
          g_autoptr(GPtrArray) members = NULL;
          g_autoptr(ScEdit) all = NULL;
          g_autoptr(ScEdit) one = NULL;
          g_autofree char *diff = NULL;
          const char *plug;
          ScTarget *last;
          guint removed = 0, added = 0;

          if (seq->kind != SC_YAML_NODE_SEQUENCE || seq->anchor == NULL ||
              seq->n_aliases == 0 || seq->n_children == 0 ||
              sc_yaml_node_resolve (seq->children[0])->kind != SC_YAML_NODE_SCALAR)
            continue;
          members = anchor_members (project, data, len, seq->anchor);
          if (members->len < 2)
            continue;
          plug = sc_yaml_node_resolve (seq->children[0])->value;
          n_lists++;

          all = sc_edit_new (project);
          for (guint m = 0; m < members->len; m++)
            g_assert_true (sc_edit_remove_plug (all, ((ScTarget *) members->pdata[m])->name,
                                                plug, &error));
          sc_edit_set_keep_definitions (all, TRUE);
          diff = sc_edit_diff (all, &error);
          g_assert_no_error (error);
          count_diff_lines (diff, &removed, &added);
          g_test_message ("%s: &%s, %u apps, -%s: -%u +%u", e->file, seq->anchor, members->len,
                          plug, removed, added);
          g_assert_cmpuint (removed, ==, 1);
          g_assert_cmpuint (added, ==, 0);
          g_clear_pointer (&diff, g_free);

          /* From the last alias user only: that app's list is written out,
           * every other line stays. */
          one = sc_edit_new (project);
          last = g_ptr_array_index (members, members->len - 1);
          g_assert_true (sc_edit_remove_plug (one, last->name, plug, &error));
          sc_edit_set_keep_definitions (one, TRUE);
          diff = sc_edit_diff (one, &error);
          g_assert_no_error (error);
          count_diff_lines (diff, &removed, &added);
          /* `plugs: *name` goes; the list (flow or block) comes. */
          g_assert_cmpuint (removed, ==, 1);
          g_assert_cmpuint (added, >=, 1);
          g_assert_cmpuint (added, <=, seq->n_children);
        }
    }
  g_test_message ("%u shared plug lists", n_lists);
}

static void
test_invalid (void)
{
  g_test_summary ("Files the manifest marks as not parsing are refused as INVALID, at the "
                  "line and column where libyaml itself stops.");
  SKIP_IF_NO_CORPUS ();

  for (guint i = 0; i < entries->len; i++)
    {
      Entry *e = g_ptr_array_index (entries, i);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(ScProject) project = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *prefix = NULL;
      const char *data;
      gsize len;
      TDoc doc;

      if (e->parses)
        continue;
      bytes = read_entry (e);
      data = g_bytes_get_data (bytes, &len);
      project = sc_project_load_from_data (e->file, data, len, &error);
      g_assert_null (project);
      g_assert_error (error, SC_PROJECT_ERROR, SC_PROJECT_ERROR_INVALID);
      g_test_message ("%s", error->message);

      if (tdoc_parse (&doc, data, len))
        {
          /* libyaml reads tabs between tokens that PyYAML (snapcraft's
           * reader) refuses; the manifest says so and the error must point
           * at a tab. */
          guint line = 0, column = 0;
          g_autoptr(GPtrArray) lines = split_lines (data, len);
          const char *text;

          g_assert_nonnull (strstr (e->notes, "'\\t'"));
          g_assert_cmpint (sscanf (error->message + strlen (e->file), ":%u:%u:", &line, &column),
                           ==, 2);
          g_assert_cmpuint (line, >=, 1);
          g_assert_cmpuint (line, <=, lines->len);
          text = g_ptr_array_index (lines, line - 1);
          g_assert_cmpuint (column, <=, strlen (text));
          g_assert_cmpint (text[column - 1], ==, '\t');
        }
      else
        {
          prefix = g_strdup_printf ("%s:%u:%u: ", e->file, doc.line, doc.column);
          g_assert_true (g_str_has_prefix (error->message, prefix));
          g_assert_nonnull (strstr (error->message, doc.problem));
        }
      tdoc_clear (&doc);
      n_invalid++;
    }
  g_assert_cmpuint (n_invalid, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  load_manifest ();

  g_test_add_func ("/corpus/round-trip", test_round_trip);
  g_test_add_func ("/corpus/strict-edit", test_strict_edit);
  g_test_add_func ("/corpus/invalid", test_invalid);
  g_test_add_func ("/corpus/shared-anchors", test_shared_anchors);

  ret = g_test_run ();
  g_clear_pointer (&entries, g_ptr_array_unref);
  g_free (corpus_dir);
  return ret;
}
