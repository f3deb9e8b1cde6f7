/* test-yaml-document.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The node tree: byte offsets (libyaml counts characters), styles, anchors
 * and aliases, line helpers, quoting and patches.
 */
#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "sc-project.h"
#include "sc-yaml-document.h"

static ScYamlDocument *
parse (const char *text,
       gssize      len)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, len < 0 ? strlen (text) : (gsize) len);
  g_autoptr(GError) error = NULL;
  ScYamlDocument *doc = sc_yaml_document_new ("test.yaml", bytes, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

/* The original bytes a node covers, from value_start (or start) to end. */
static char *
node_text (ScYamlDocument *doc,
           ScYamlNode     *node,
           gboolean        with_properties)
{
  const char *data = sc_yaml_document_get_data (doc, NULL);
  gsize from = with_properties ? node->start : node->value_start;

  return g_strndup (data + from, node->end - from);
}

static ScYamlNode *
get (ScYamlDocument *doc,
     const char     *key)
{
  ScYamlNode *node = sc_yaml_mapping_lookup (sc_yaml_document_get_root (doc), key, NULL);

  g_assert_nonnull (node);
  return node;
}

static void
test_offsets_multibyte (void)
{
  static const char text[] =
    "a: caf\xc3\xa9\n"
    "b: [\xe2\x9c\x93, \xf0\x9f\x98\x80x, \"\xc3\xbc\"]  # \xc3\xa9\n"
    "c: end\n";
  g_autoptr(ScYamlDocument) doc = parse (text, -1);
  ScYamlNode *b = get (doc, "b");
  ScYamlNode *c = get (doc, "c");
  g_autofree char *t0 = node_text (doc, b->children[0], FALSE);
  g_autofree char *t1 = node_text (doc, b->children[1], FALSE);
  g_autofree char *t2 = node_text (doc, b->children[2], FALSE);
  g_autofree char *tb = node_text (doc, b, FALSE);
  g_autofree char *tc = node_text (doc, c, FALSE);
  g_autofree char *ta = node_text (doc, get (doc, "a"), FALSE);

  g_test_summary ("Offsets are bytes even though libyaml's marks count characters: every "
                  "node's range covers exactly its text after 2-, 3- and 4-byte characters.");
  g_assert_cmpstr (ta, ==, "caf\xc3\xa9");
  g_assert_cmpstr (t0, ==, "\xe2\x9c\x93");
  g_assert_cmpstr (t1, ==, "\xf0\x9f\x98\x80x");
  g_assert_cmpstr (t2, ==, "\"\xc3\xbc\"");
  g_assert_cmpstr (b->children[2]->value, ==, "\xc3\xbc");
  g_assert_cmpstr (tb, ==, "[\xe2\x9c\x93, \xf0\x9f\x98\x80x, \"\xc3\xbc\"]");
  g_assert_cmpstr (tc, ==, "end");
  /* Columns count characters: "b: [✓, " is 7 characters. */
  g_assert_cmpuint (b->children[1]->line, ==, 2);
  g_assert_cmpuint (b->children[1]->column, ==, 8);
}

static void
test_offsets_long_multibyte (void)
{
  GString *text = g_string_new ("name: x\n");
  g_autoptr(ScYamlDocument) doc = NULL;
  ScYamlNode *root;

  g_test_summary ("The character-to-byte map stays right over thousands of multi-byte "
                  "characters (it uses checkpoints).");
  for (guint i = 0; i < 500; i++)
    g_string_append_printf (text, "k%u: \xc3\xa9\xe2\x82\xac%u\xf0\x9f\x98\x80\n", i, i);
  doc = parse (text->str, (gssize) text->len);
  root = sc_yaml_document_get_root (doc);
  g_assert_cmpuint (root->n_children, ==, 1002);
  for (guint i = 1; i < 501; i++)
    {
      ScYamlNode *value = root->children[2 * i + 1];
      g_autofree char *want = g_strdup_printf ("\xc3\xa9\xe2\x82\xac%u\xf0\x9f\x98\x80", i - 1);
      g_autofree char *got = node_text (doc, value, FALSE);

      g_assert_cmpstr (got, ==, want);
      g_assert_cmpuint (value->line, ==, i + 1);
    }
  g_string_free (text, TRUE);
}

static void
test_bom_crlf (void)
{
  static const char text[] = "\xef\xbb\xbfname: x\r\nlist:\r\n  - a\r\n";
  g_autoptr(ScYamlDocument) doc = parse (text, -1);
  ScYamlNode *root = sc_yaml_document_get_root (doc);
  ScYamlNode *list = get (doc, "list");
  guint line, column;

  g_test_summary ("A BOM is part of the bytes (offsets count it, columns do not) and CRLF is "
                  "detected as the file's line end.");
  g_assert_cmpuint (root->children[0]->start, ==, 3);
  g_assert_cmpuint (root->children[0]->column, ==, 1);
  g_assert_cmpstr (sc_yaml_document_get_eol (doc), ==, "\r\n");
  g_assert_cmpuint (list->children[0]->line, ==, 3);
  g_assert_cmpuint (list->children[0]->column, ==, 5);
  g_assert_cmpuint (list->children[0]->start, ==, strlen (text) - 3);
  sc_yaml_document_get_position (doc, list->children[0]->start, &line, &column);
  g_assert_cmpuint (line, ==, 3);
  g_assert_cmpuint (column, ==, 5);
  g_assert_true (sc_yaml_document_starts_line (doc, 3));
}

static void
test_eol (void)
{
  static const struct { const char *text; const char *eol; } cases[] = {
    { "a: b\n", "\n" }, { "a: b\r\n", "\r\n" }, { "a: b\rc: d\r", "\r" }, { "a: b", "\n" },
  };

  g_test_summary ("The line end of new lines is the file's first line break.");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(ScYamlDocument) doc = parse (cases[i].text, -1);

      g_assert_cmpstr (sc_yaml_document_get_eol (doc), ==, cases[i].eol);
    }
}

static void
test_styles (void)
{
  static const char text[] =
    "plain: word\n"
    "single: 'it''s'\n"
    "double: \"a\\tb\"\n"
    "literal: |\n"
    "  line one\n"
    "  line two\n"
    "\n"
    "folded: >-\n"
    "  folded\n"
    "  text\n"
    "flow-seq: [a]\n"
    "flow-map: {a: b}\n"
    "block-seq:\n"
    "- a\n"
    "block-map:\n"
    "  a: b\n"
    "empty:\n"
    "props: &anchor !!str tagged\n";
  g_autoptr(ScYamlDocument) doc = parse (text, -1);
  static const struct { const char *key; ScYamlNodeKind kind; ScYamlStyle style; const char *text; } want[] = {
    { "plain", SC_YAML_NODE_SCALAR, SC_YAML_STYLE_PLAIN, "word" },
    { "single", SC_YAML_NODE_SCALAR, SC_YAML_STYLE_SINGLE_QUOTED, "'it''s'" },
    { "double", SC_YAML_NODE_SCALAR, SC_YAML_STYLE_DOUBLE_QUOTED, "\"a\\tb\"" },
    { "literal", SC_YAML_NODE_SCALAR, SC_YAML_STYLE_LITERAL, "|\n  line one\n  line two" },
    { "folded", SC_YAML_NODE_SCALAR, SC_YAML_STYLE_FOLDED, ">-\n  folded\n  text" },
    { "flow-seq", SC_YAML_NODE_SEQUENCE, SC_YAML_STYLE_FLOW, "[a]" },
    { "flow-map", SC_YAML_NODE_MAPPING, SC_YAML_STYLE_FLOW, "{a: b}" },
    { "block-seq", SC_YAML_NODE_SEQUENCE, SC_YAML_STYLE_BLOCK, "- a" },
    { "block-map", SC_YAML_NODE_MAPPING, SC_YAML_STYLE_BLOCK, "a: b" },
    { "empty", SC_YAML_NODE_SCALAR, SC_YAML_STYLE_PLAIN, "" },
    { "props", SC_YAML_NODE_SCALAR, SC_YAML_STYLE_PLAIN, "tagged" },
  };

  g_test_summary ("Scalar styles, flow and block collections, and where each node's own "
                  "text starts and ends (block scalars end at their last non-blank byte).");
  for (guint i = 0; i < G_N_ELEMENTS (want); i++)
    {
      ScYamlNode *node = get (doc, want[i].key);
      g_autofree char *got = node_text (doc, node, FALSE);

      g_assert_cmpint (node->kind, ==, want[i].kind);
      g_assert_cmpint (node->style, ==, want[i].style);
      g_assert_cmpstr (got, ==, want[i].text);
    }
  g_assert_cmpstr (get (doc, "single")->value, ==, "it's");
  g_assert_cmpstr (get (doc, "double")->value, ==, "a\tb");
  g_assert_cmpstr (get (doc, "literal")->value, ==, "line one\nline two\n");
  g_assert_cmpstr (get (doc, "folded")->value, ==, "folded text");

  {
    ScYamlNode *empty = get (doc, "empty");
    ScYamlNode *props = get (doc, "props");
    g_autofree char *with = node_text (doc, props, TRUE);
    const char *data = sc_yaml_document_get_data (doc, NULL);

    /* An empty value sits right after its colon. */
    g_assert_cmpuint (empty->start, ==, empty->end);
    g_assert_cmpint (data[empty->start - 1], ==, ':');
    g_assert_cmpstr (props->anchor, ==, "anchor");
    g_assert_cmpstr (props->tag, ==, "tag:yaml.org,2002:str");
    g_assert_cmpstr (with, ==, "&anchor !!str tagged");
  }
}

static void
test_aliases (void)
{
  static const char text[] = "a: &x [1, 2]\nb: *x\nc: *x\nd: &x other\ne: *x\n";
  g_autoptr(ScYamlDocument) doc = parse (text, -1);
  ScYamlNode *a = get (doc, "a"), *b = get (doc, "b"), *d = get (doc, "d"), *e = get (doc, "e");

  g_test_summary ("An alias points at the node its anchor names when it is read (a later "
                  "anchor of the same name takes over); anchors count their aliases.");
  g_assert_cmpint (b->kind, ==, SC_YAML_NODE_ALIAS);
  g_assert_cmpstr (b->value, ==, "x");
  g_assert_true (b->target == a);
  g_assert_true (sc_yaml_node_resolve (b) == a);
  g_assert_true (sc_yaml_node_resolve (a) == a);
  g_assert_cmpuint (a->n_aliases, ==, 2);
  g_assert_true (e->target == d);
  g_assert_cmpuint (d->n_aliases, ==, 1);
}

static void
test_alias_bomb_nodes (void)
{
  GString *text = g_string_new ("l0: &l0 [a, a, a, a, a, a, a, a, a, a]\n");
  g_autoptr(ScYamlDocument) doc = NULL;

  g_test_summary ("A billion-laughs document makes a node per written node, nothing more.");
  for (guint i = 1; i < 10; i++)
    g_string_append_printf (text, "l%u: &l%u [*l%u, *l%u, *l%u, *l%u, *l%u, *l%u, *l%u, *l%u, "
                            "*l%u, *l%u]\n", i, i, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1,
                            i - 1, i - 1, i - 1, i - 1);
  doc = parse (text->str, (gssize) text->len);
  /* root + 10 keys + 10 lists + 10 scalars + 90 aliases */
  g_assert_cmpuint (sc_yaml_document_get_n_nodes (doc), ==, 1 + 10 + 10 + 10 + 90);
  g_string_free (text, TRUE);
}

static void
test_null_and_string (void)
{
  static const struct { const char *value; gboolean null; gboolean string; } cases[] = {
    { "", TRUE, FALSE }, { "~", TRUE, FALSE }, { "null", TRUE, FALSE }, { "NULL", TRUE, FALSE },
    { "'null'", FALSE, TRUE }, { "true", FALSE, FALSE }, { "no", FALSE, FALSE },
    { "On", FALSE, FALSE }, { "12", FALSE, FALSE }, { "-1.5e3", FALSE, FALSE },
    { "0x1F", FALSE, FALSE }, { ".inf", FALSE, FALSE }, { "home", FALSE, TRUE },
    { "\"12\"", FALSE, TRUE }, { "!!str 12", FALSE, TRUE }, { "1.0.2", FALSE, FALSE },
    { "v1.0", FALSE, TRUE }, { "$SNAP/x", FALSE, TRUE },
  };

  g_test_summary ("Which scalars YAML 1.1 reads as null, and which as strings.");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup_printf ("k: %s\n", cases[i].value);
      g_autoptr(ScYamlDocument) doc = parse (text, -1);
      ScYamlNode *node = get (doc, "k");

      g_test_message ("%s", cases[i].value);
      g_assert_cmpint (sc_yaml_node_is_null (node), ==, cases[i].null);
      g_assert_cmpint (sc_yaml_node_is_string (node), ==, cases[i].string);
    }
}

static void
test_equal (void)
{
  static const struct { const char *a; const char *b; gboolean equal; } cases[] = {
    { "k: [a, b]", "k:\n  - a\n  - b", TRUE },
    { "k: {x: 1}", "k:\n  x: 1  # c", TRUE },
    { "k: 'a'", "k: \"a\"", TRUE },
    { "k: |\n  a\n", "k: \"a\\n\"", TRUE },
    { "k: '1'", "k: 1", FALSE },
    { "k: [a, b]", "k: [b, a]", FALSE },
    { "k: &x [a]", "k: &y [a]", FALSE },
    { "k: !!str a", "k: a", FALSE },
    { "k: {x: 1}", "k: {x: 1, y: 2}", FALSE },
  };

  g_test_summary ("Tree equality ignores layout and quoting style but not types, order, "
                  "anchors or tags.");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(ScYamlDocument) a = parse (cases[i].a, -1);
      g_autoptr(ScYamlDocument) b = parse (cases[i].b, -1);

      g_test_message ("%s | %s", cases[i].a, cases[i].b);
      g_assert_cmpint (sc_yaml_node_equal (sc_yaml_document_get_root (a),
                                           sc_yaml_document_get_root (b)), ==, cases[i].equal);
    }
}

static void
test_yaml11_type (void)
{
  /* Each value as PyYAML's safe_load types it (checked with PyYAML 6). */
  static const struct { const char *value; const char *type; } cases[] = {
    { "home", "str" }, { "'42'", "str" }, { "\"true\"", "str" }, { "!!str 5", "str" },
    { "y", "str" }, { "N", "str" }, { "0o17", "str" }, { "1e5", "str" }, { "+.5", "str" },
    { "0xZ", "str" }, { "1_", "int" }, { "yES", "str" }, { "|\n  42\n", "str" },
    { "42", "int" }, { "-7", "int" }, { "0x1F", "int" }, { "017", "int" }, { "0b101", "int" },
    { "1_000", "int" }, { "1:20", "int" }, { "!!int '3'", "int" }, { "! 42", "int" },
    { "! '42'", "int" },
    { "1.5", "float" }, { "1.0e+5", "float" }, { ".5", "float" }, { "-.inf", "float" },
    { ".NaN", "float" }, { "1:20.5", "float" }, { "!!float 3", "float" },
    { "true", "bool" }, { "No", "bool" }, { "OFF", "bool" }, { "on", "bool" },
    { "!!bool x", "bool" },
    { "~", "null" }, { "null", "null" }, { "NULL", "null" }, { "", "null" },
    { "2024-01-01", "timestamp" }, { "2024-1-2 3:04:05", "timestamp" },
    { "[a]", "seq" }, { "{a: b}", "map" }, { "!custom x", "!custom" },
  };

  g_test_summary ("The YAML 1.1 type of a scalar follows PyYAML's implicit resolver, "
                  "which snapcraft reads its file with; quoting and !!str make strings.");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup_printf ("k: %s\n", cases[i].value);
      g_autoptr(ScYamlDocument) doc = parse (text, -1);

      g_test_message ("%s", cases[i].value);
      g_assert_cmpstr (sc_yaml_node_yaml11_type (get (doc, "k")), ==, cases[i].type);
    }
}

static void
test_equal_expanding (void)
{
  g_autoptr(ScYamlDocument) a = parse ("c: &c devmode\nx: *c\ny: [*c, b]\n", -1);
  g_autoptr(ScYamlDocument) b = parse ("c: &c strict\nx: devmode\ny: [devmode, b]\n", -1);
  g_autoptr(ScYamlDocument) wrong = parse ("c: &c strict\nx: 'devmode'\ny: [other, b]\n", -1);
  g_autoptr(GHashTable) expanded = g_hash_table_new (g_direct_hash, g_direct_equal);

  g_test_summary ("An alias written out as its value equals that value only when the "
                  "anchored node is in the expanded set, and only with the same text.");
  g_assert_false (sc_yaml_node_equal_expanding (get (a, "x"), get (b, "x"), expanded));
  g_hash_table_add (expanded, get (a, "c"));
  g_assert_true (sc_yaml_node_equal_expanding (get (a, "x"), get (b, "x"), expanded));
  g_assert_true (sc_yaml_node_equal_expanding (get (a, "y"), get (b, "y"), expanded));
  /* Quoted 'devmode' is a string too, so it also stands for the alias. */
  g_assert_true (sc_yaml_node_equal_expanding (get (a, "x"), get (wrong, "x"), expanded));
  g_assert_false (sc_yaml_node_equal_expanding (get (a, "y"), get (wrong, "y"), expanded));
  g_assert_false (sc_yaml_node_equal (get (a, "x"), get (b, "x")));
}

static void
test_quote (void)
{
  static const struct { const char *in; const char *block; const char *flow; } cases[] = {
    { "home", "home", "home" },
    { "network-bind", "network-bind", "network-bind" },
    { "$HOME/.config/x", "$HOME/.config/x", "$HOME/.config/x" },
    { "on", "'on'", "'on'" },
    { "null", "'null'", "'null'" },
    { "12", "'12'", "'12'" },
    { "", "''", "''" },
    { "a: b", "'a: b'", "'a: b'" },
    { "a #b", "'a #b'", "'a #b'" },
    { "a,b", "a,b", "'a,b'" },
    { "[x]", "'[x]'", "'[x]'" },
    { "-x", "'-x'", "'-x'" },
    { "it's", "it's", "it's" },
    { "'q'", "'''q'''", "'''q'''" },
    { "tab\there", "\"tab\\there\"", "\"tab\\there\"" },
    { "line\nbreak", "\"line\\nbreak\"", "\"line\\nbreak\"" },
    { " padded", "' padded'", "' padded'" },
    { "key:", "'key:'", "'key:'" },
    { "caf\xc3\xa9", "caf\xc3\xa9", "caf\xc3\xa9" },
    /* NEL, LS and PS are line breaks in YAML 1.1: a quoted scalar would
     * fold them, so they are escaped (found by fuzzing). */
    { " \xc2\xb6\xc2\x85", "\" \xc2\xb6\\x85\"", "\" \xc2\xb6\\x85\"" },
    { "a\xe2\x80\xa8" "b", "\"a\\u2028b\"", "\"a\\u2028b\"" },
    { "c1\xc2\x80", "\"c1\\x80\"", "\"c1\\x80\"" },
    { "bom\xef\xbb\xbf", "\"bom\\uFEFF\"", "\"bom\\uFEFF\"" },
  };

  g_test_summary ("Scalars are quoted only when YAML would misread them, and every form "
                  "reads back as the same string.");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *block = sc_yaml_quote_scalar (cases[i].in, FALSE);
      g_autofree char *flow = sc_yaml_quote_scalar (cases[i].in, TRUE);
      g_autofree char *doc_block = g_strdup_printf ("k: %s\n", block);
      g_autofree char *doc_flow = g_strdup_printf ("k: [%s]\n", flow);
      g_autoptr(ScYamlDocument) a = parse (doc_block, -1);
      g_autoptr(ScYamlDocument) b = parse (doc_flow, -1);

      g_assert_cmpstr (block, ==, cases[i].block);
      g_assert_cmpstr (flow, ==, cases[i].flow);
      g_assert_cmpstr (get (a, "k")->value, ==, cases[i].in);
      g_assert_true (sc_yaml_node_is_string (get (a, "k")));
      g_assert_cmpstr (get (b, "k")->children[0]->value, ==, cases[i].in);
    }
}

static void
test_line_helpers (void)
{
  static const char text[] = "a: 1\r\nb: 2\nc: 3";
  g_autoptr(ScYamlDocument) doc = parse (text, -1);

  g_test_summary ("Line start, line end and the break before a line, over LF, CRLF and a "
                  "last line without a break.");
  g_assert_cmpuint (sc_yaml_document_line_start (doc, 3), ==, 0);
  g_assert_cmpuint (sc_yaml_document_line_end (doc, 0), ==, 4);
  g_assert_cmpuint (sc_yaml_document_line_start (doc, 8), ==, 6);
  g_assert_cmpuint (sc_yaml_document_break_before (doc, 6), ==, 4);
  g_assert_cmpuint (sc_yaml_document_line_end (doc, 6), ==, 10);
  g_assert_cmpuint (sc_yaml_document_break_before (doc, 11), ==, 10);
  g_assert_cmpuint (sc_yaml_document_line_end (doc, 12), ==, strlen (text));
  g_assert_cmpuint (sc_yaml_document_break_before (doc, 0), ==, 0);
  g_assert_true (sc_yaml_document_starts_line (doc, 6));
  g_assert_false (sc_yaml_document_starts_line (doc, 9));
}

static void
test_patch (void)
{
  static const char text[] = "0123456789";
  g_autoptr(ScYamlDocument) doc = parse ("k: v\n", -1);
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, 10);
  g_autoptr(ScYamlDocument) digits = NULL;
  g_autoptr(ScYamlPatch) patch = NULL;
  g_autoptr(ScYamlPatch) bad = NULL;
  g_autoptr(GBytes) out = NULL;
  g_autoptr(GError) error = NULL;

  g_test_summary ("Patches apply in offset order whatever order they were added in; two "
                  "insertions at one offset keep their order; overlapping ranges fail.");
  digits = sc_yaml_document_new ("d.yaml", bytes, &error);
  g_assert_no_error (error);

  patch = sc_yaml_patch_new (digits);
  sc_yaml_patch_replace (patch, 8, 10, "");
  sc_yaml_patch_replace (patch, 2, 4, "ab");
  sc_yaml_patch_replace (patch, 5, 5, "X");
  sc_yaml_patch_replace (patch, 5, 5, "Y");
  sc_yaml_patch_replace (patch, 5, 6, "");
  g_assert_cmpuint (sc_yaml_patch_get_n_changes (patch), ==, 5);
  out = sc_yaml_patch_apply (patch, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (out, NULL), g_bytes_get_size (out), "01ab4XY67", 9);

  bad = sc_yaml_patch_new (digits);
  sc_yaml_patch_replace (bad, 2, 5, "");
  sc_yaml_patch_replace (bad, 4, 6, "");
  g_assert_null (sc_yaml_patch_apply (bad, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  (void) doc;
}

static void
test_tabs (void)
{
  static const char ok[] =
    "a: \"x\ty\"   # comment\twith tab\n"
    "b: |\n"
    "  text\twith tab\n"
    "# \tcomment line\n"
    "c: 'q\tq'\n";
  g_autoptr(ScYamlDocument) doc = parse (ok, -1);
  g_autoptr(GBytes) bytes = g_bytes_new_static ("a: |\n  x\n\t# not a comment here\n", 29);
  g_autoptr(GError) error = NULL;
  g_autoptr(ScYamlDocument) bad = NULL;

  g_test_summary ("Tabs are fine in quoted and block scalars and comments, and refused "
                  "between tokens where snapcraft's YAML reader refuses them.");
  g_assert_nonnull (doc);
  bad = sc_yaml_document_new ("t.yaml", bytes, &error);
  g_assert_null (bad);
  g_assert_error (error, SC_PROJECT_ERROR, SC_PROJECT_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "t.yaml:3:1: "));

  {
    static const struct { const char *text; const char *position; } more[] = {
      { "a: |\t# c\n  x\n", NULL },        /* a tab after the indicator */
      { "a: | # c\t\n  x\n", "" },         /* in the header's comment: fine */
      { "a: \"x\"\t\n", NULL },             /* after a quoted scalar */
      { "a: [\"x\",\tb]\n", NULL },          /* between flow items */
    };

    for (guint i = 0; i < G_N_ELEMENTS (more); i++)
      {
        g_autoptr(GBytes) b = g_bytes_new_static (more[i].text, strlen (more[i].text));
        g_autoptr(GError) e = NULL;
        g_autoptr(ScYamlDocument) d = sc_yaml_document_new ("t.yaml", b, &e);

        g_test_message ("%s", more[i].text);
        if (more[i].position != NULL)
          g_assert_no_error (e);
        else
          g_assert_error (e, SC_PROJECT_ERROR, SC_PROJECT_ERROR_INVALID);
      }
  }

  {
    /* A million tabs in one comment: one pass, not one scan per tab (a
     * quadratic scan would not finish within the test's timeout). */
    gsize n = 1000000;
    char *text = g_malloc (n + 16);
    g_autoptr(GBytes) b = NULL;
    g_autoptr(GError) e = NULL;
    g_autoptr(ScYamlDocument) d = NULL;

    memcpy (text, "a: b #", 6);
    memset (text + 6, '\t', n);
    memcpy (text + 6 + n, "\n", 1);
    b = g_bytes_new_take (text, n + 7);
    d = sc_yaml_document_new ("t.yaml", b, &e);
    g_assert_no_error (e);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/yaml-document/offsets-multibyte", test_offsets_multibyte);
  g_test_add_func ("/yaml-document/offsets-long-multibyte", test_offsets_long_multibyte);
  g_test_add_func ("/yaml-document/bom-crlf", test_bom_crlf);
  g_test_add_func ("/yaml-document/eol", test_eol);
  g_test_add_func ("/yaml-document/styles", test_styles);
  g_test_add_func ("/yaml-document/aliases", test_aliases);
  g_test_add_func ("/yaml-document/alias-bomb-nodes", test_alias_bomb_nodes);
  g_test_add_func ("/yaml-document/null-and-string", test_null_and_string);
  g_test_add_func ("/yaml-document/equal", test_equal);
  g_test_add_func ("/yaml-document/quote", test_quote);
  g_test_add_func ("/yaml-document/yaml11-type", test_yaml11_type);
  g_test_add_func ("/yaml-document/equal-expanding", test_equal_expanding);
  g_test_add_func ("/yaml-document/line-helpers", test_line_helpers);
  g_test_add_func ("/yaml-document/patch", test_patch);
  g_test_add_func ("/yaml-document/tabs", test_tabs);

  return g_test_run ();
}
