/* test-project-edit.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The editor, one fixture per case: tests/data/snapcraft/edit/<fixture>.yaml
 * edited with a list of operations must give exactly <case>.expected.yaml,
 * and the result must load again with the intended model. Also no-op edits,
 * argument errors, refused (VERIFY) edits, writing, CHANGED and undo.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "sc-project.h"

typedef struct
{
  const char *name;
  const char *fixture;
  const char *ops;          /* confinement=X  +TARGET=PLUG  -TARGET=PLUG  def:NAME */
  const char *summary;
} EditCase;

static const EditCase edit_cases[] = {
  { "confinement-plain", "confinement-plain", "confinement=strict",
    "A plain confinement value is replaced; its trailing comment stays." },
  { "confinement-single", "confinement-single", "confinement=strict",
    "A single-quoted confinement stays single-quoted." },
  { "confinement-double", "confinement-double", "confinement=strict",
    "A double-quoted confinement stays double-quoted." },
  { "confinement-missing-grade", "confinement-missing-grade", "confinement=strict",
    "A missing confinement key is added on its own line after grade." },
  { "confinement-missing-base", "confinement-missing-base", "confinement=strict",
    "Without grade, the new confinement line follows base." },
  { "confinement-missing-name", "confinement-missing-name", "confinement=strict",
    "Without grade and base, the new confinement line follows name." },
  { "confinement-indented-root", "confinement-indented-root", "confinement=strict +a=home",
    "A document indented as a whole gets new lines at its own indentation." },
  { "block-add", "block-indented", "+viewer=camera",
    "A new item in an indented block list takes its siblings' indentation, before the comment of the next key." },
  { "block-remove-middle", "block-indented", "-viewer=network",
    "Removing an item removes only its line; the comment above it stays." },
  { "block-replace-last", "block-indented", "-viewer=x11 +viewer=camera",
    "Removing the last item and adding one puts the new item where the old was." },
  { "block-remove-all", "block-indented", "-viewer=home -viewer=network -viewer=x11",
    "Removing every plug removes the plugs key and item lines but keeps comment lines." },
  { "block-unindented", "block-unindented", "+viewer=camera -viewer=home",
    "A list written at its key's indentation keeps that layout." },
  { "block-indent4", "block-indent4", "+viewer=camera",
    "A four-space file gets four-space items." },
  { "block-last-item-at-eof", "block-last-item-at-eof", "+viewer=camera",
    "A list at the end of a file without a final newline stays without one." },
  { "flow", "flow", "confinement=strict -viewer=network +viewer=camera",
    "A flow list is rewritten inside its brackets only; the comment after it stays." },
  { "flow-spaced", "flow-spaced", "+viewer=camera -viewer=home",
    "A flow list with spaces inside the brackets and around commas keeps them." },
  { "flow-multiline", "flow-multiline", "+viewer=camera -viewer=x11",
    "A flow list over several lines keeps its layout and comments." },
  { "flow-empty", "flow-empty", "+viewer=camera",
    "An empty flow list is filled in place." },
  { "flow-remove-all", "flow", "-viewer=home -viewer=network -viewer=x11",
    "Removing every plug of a flow list removes the plugs line." },
  { "missing-key-block", "missing-key-block", "+daemon=network-bind",
    "An app without plugs gets a block list after its last key, not after the comment that follows it." },
  { "missing-key-flow", "missing-key-flow", "+daemon=network-bind",
    "In a file whose plug lists are flow lists, a new plugs entry is a flow list." },
  { "missing-key-indent4-unindented", "missing-key-indent4-unindented", "+daemon=network",
    "A new block list follows the file's own dash offset (here zero) and four-space indentation." },
  { "alias-aliaser", "alias", "+helper=camera",
    "An app whose plugs are an alias gets its own list; the anchored list is untouched." },
  { "alias-owner", "alias", "+main=camera",
    "Editing only the anchored list hands the anchor to the first of the apps that alias it, which keep the old list; the others keep their alias." },
  { "alias-flow-aliaser", "alias-flow", "+helper=x11",
    "An alias is replaced by a flow list when the file uses flow lists." },
  { "alias-flow-owner", "alias-flow", "-main=home",
    "Removing from an anchored flow list copies it to the alias users first." },
  { "empty-targets", "empty-targets", "+viewer=camera +tool=camera +hook:configure=network +hook:install=network +hook:remove=network",
    "Apps and hooks written as {} or with an empty or null value get plugs." },
  { "hook-remove-last", "hook-remove-last", "-hook:configure=network -hook:install=network -a=home",
    "Removing the last plug of hooks and apps removes the whole plugs key." },
  { "block-scalars", "block-scalars", "confinement=strict +viewer=network",
    "Text in block scalars that looks like confinement: or plugs: is never touched." },
  { "crlf", "crlf", "confinement=strict +viewer=camera +other=network",
    "New lines in a CRLF file end in CRLF." },
  { "bom", "bom", "confinement=strict +viewer=camera",
    "A byte order mark is kept and lines are inserted after the first line correctly." },
  { "markers", "markers", "confinement=strict +viewer=camera",
    "%YAML, --- and ... markers survive." },
  { "unicode", "unicode", "confinement=strict +viewer=camera -viewer=home",
    "Byte offsets stay right after multi-byte characters." },
  { "tabs", "tabs", "confinement=strict +viewer=camera",
    "Tabs inside quoted strings, comments and block scalars survive." },
  { "quoted-items", "quoted-items", "+viewer=camera -viewer=home",
    "Quoted list items keep their quotes." },
  { "duplicates-remove", "duplicates", "-a=home -b=network",
    "Removing a plug listed twice removes every occurrence, in flow and block lists." },
  { "duplicates-add-existing", "duplicates", "+a=home +b=network +b=camera",
    "Adding a plug listed twice changes nothing; only the new plug is added." },
  { "readd", "duplicates", "-a=home +a=home -b=home +b=home +b=camera -a=x11",
    "Removing and adding the same plug: the last operation wins and the item stays in place." },
  { "readd-remove", "duplicates", "+a=home -a=home +b=camera -b=camera",
    "Adding and then removing a plug that is there removes it; a new one added and removed is never written." },
  { "flow-multiline-comments", "flow-multiline-comments", "+app=network -app=home",
    "In a flow list written one item per line, items are removed and added as whole lines; the others keep their comments." },
  { "flow-multiline-last", "flow-multiline-last", "+app=network +app=camera",
    "Adding after a last item without a comma gives it one; no trailing comma when the file has none." },
  { "block-scalar-keep", "block-scalar-keep", "+app=x11 +b=home",
    "A new plugs key after a keep-chomped block scalar (|+, >+) goes after its trailing blank lines, which belong to the scalar." },
  { "block-scalar-comment", "block-scalar-comment", "-app=home -app=x11",
    "Removing a whole list right after a block scalar keeps its inner comment at the key's column, where it does not become scalar text." },
  { "block-scalar-eof", "block-scalar-eof", "-app=home",
    "Removing the last line of a file without a final newline keeps the line break that ends a block scalar." },
  { "confinement-anchored", "confinement-anchored", "confinement=strict +a=home",
    "Places that name the old confinement through its anchor get the old value written out." },
  { "anchor-item-removed", "anchor-item", "-app=home -b=camera",
    "Removing an item whose anchor other places name writes the value out at those aliases." },
  { "block-scalar-trailing", "block-scalar-trailing", "-web=camera -keep=home -last=home",
    "Removing a list after a block scalar moves the comment that followed it to the key's column (else it would join the scalar); after |+ the blank lines before it go." },
  { "block-scalar-low-comment", "block-scalar-low-comment", "-sync=camera",
    "A comment inside a removed list that is less indented than the block scalar before it stays as it is." },
  { "explicit-key", "explicit-key", "+app=x11 +b=camera -b=home +c=camera",
    "Plug lists under an explicit key (? plugs / : value) are edited where the value is." },
  /* Issue 11: a comment heading the last group of items. The new plug
   * goes last, as in every layout: the list's order is the order the user
   * asked for (and the one `show` reports), and such a comment often
   * speaks of the items up to the next comment or the end, so moving the
   * new item above it would misplace it as often as not. Nothing in the
   * group is reordered, and the comment stays where it is. */
  { "comment-group", "comment-group", "+gpio-tool=home +other=network",
    "A plug added to a list whose last items a comment heads goes last; the comment stays above its items." },
  { "defs-none", "defs-none", "def:editor-config +editor=editor-config",
    "A new top-level plugs mapping goes after apps, spaced by blank lines like the other top-level keys." },
  { "defs-existing", "defs-existing", "def:old-config def:new-config +editor=new-config",
    "A definition is replaced in place and a new one appended to the existing mapping." },
};

static GBytes *
read_data (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "snapcraft", "edit", name, NULL);
  char *contents = NULL;
  gsize len = 0;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, len);
}

static ScProject *
load_fixture (const char *fixture,
              GBytes    **bytes_out)
{
  g_autofree char *file = g_strconcat (fixture, ".yaml", NULL);
  g_autoptr(GBytes) bytes = read_data (file);
  g_autoptr(GError) error = NULL;
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);
  ScProject *project = sc_project_load_from_data ("snapcraft.yaml", data, len, &error);

  g_assert_no_error (error);
  g_assert_nonnull (project);
  if (bytes_out)
    *bytes_out = g_steal_pointer (&bytes);
  return project;
}

static GVariant *
personal_files_attributes (void)
{
  GVariantBuilder builder;
  const char *read[] = { "$HOME/.config/editor", NULL };
  const char *write[] = { "$HOME/.config/editor/state", "$HOME/x y", NULL };

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{sv}"));
  g_variant_builder_add (&builder, "{sv}", "interface", g_variant_new_string ("personal-files"));
  g_variant_builder_add (&builder, "{sv}", "read", g_variant_new_strv (read, -1));
  g_variant_builder_add (&builder, "{sv}", "write", g_variant_new_strv (write, -1));
  return g_variant_builder_end (&builder);
}

static gboolean
target_lists (ScTarget   *t,
              const char *name)
{
  for (guint i = 0; i < t->plugs->len; i++)
    if (g_str_equal (((ScPlugRef *) g_ptr_array_index (t->plugs, i))->name, name))
      return TRUE;
  return FALSE;
}

/* The plug list TARGET should end up with, worked out here from the ops. */
static GPtrArray *
expected_plugs (ScProject  *project,
                const char *target,
                GStrv       ops)
{
  ScTarget *t = sc_project_find_target (project, target);
  GPtrArray *list = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < t->plugs->len; i++)
    g_ptr_array_add (list, g_strdup (((ScPlugRef *) g_ptr_array_index (t->plugs, i))->name));
  for (guint i = 0; ops[i]; i++)
    {
      g_auto(GStrv) parts = NULL;
      guint index;

      if (ops[i][0] != '+' && ops[i][0] != '-')
        continue;
      parts = g_strsplit (ops[i] + 1, "=", 2);
      if (!g_str_equal (parts[0], target))
        continue;
      if (ops[i][0] == '+' && !g_ptr_array_find_with_equal_func (list, parts[1], g_str_equal, NULL))
        g_ptr_array_add (list, g_strdup (parts[1]));
      else if (ops[i][0] == '-')
        while (g_ptr_array_find_with_equal_func (list, parts[1], g_str_equal, &index))
          g_ptr_array_remove_index (list, index);
    }

  /* The last operation wins, and a plug that was there keeps its place:
   * first the original entries still wanted, then the new names. */
  {
    GPtrArray *ordered = g_ptr_array_new_with_free_func (g_free);

    for (guint i = 0; i < t->plugs->len; i++)
      {
        const char *name = ((ScPlugRef *) g_ptr_array_index (t->plugs, i))->name;

        if (g_ptr_array_find_with_equal_func (list, name, g_str_equal, NULL))
          g_ptr_array_add (ordered, g_strdup (name));
      }
    for (guint i = 0; i < list->len; i++)
      if (!target_lists (t, g_ptr_array_index (list, i)))
        g_ptr_array_add (ordered, g_strdup (g_ptr_array_index (list, i)));
    g_ptr_array_unref (list);
    return ordered;
  }
}

static void
apply_ops (ScEdit *edit,
           GStrv   ops)
{
  for (guint i = 0; ops[i]; i++)
    {
      g_autoptr(GError) error = NULL;
      const char *op = ops[i];

      if (g_str_has_prefix (op, "confinement="))
        sc_edit_set_confinement (edit, op + strlen ("confinement="));
      else if (g_str_has_prefix (op, "def:"))
        g_assert_true (sc_edit_define_plug (edit, op + 4, personal_files_attributes (), &error));
      else
        {
          g_auto(GStrv) parts = g_strsplit (op + 1, "=", 2);

          if (op[0] == '+')
            g_assert_true (sc_edit_add_plug (edit, parts[0], parts[1], &error));
          else
            g_assert_true (sc_edit_remove_plug (edit, parts[0], parts[1], &error));
        }
      g_assert_no_error (error);
    }
}

static void
test_edit_case (gconstpointer data)
{
  const EditCase *c = data;
  g_autoptr(GBytes) original = NULL;
  g_autoptr(ScProject) project = load_fixture (c->fixture, &original);
  g_autoptr(ScEdit) edit = sc_edit_new (project);
  g_auto(GStrv) ops = g_strsplit (c->ops, " ", -1);
  g_autofree char *expected_name = g_strconcat (c->name, ".expected.yaml", NULL);
  g_autoptr(GBytes) expected = read_data (expected_name);
  g_autoptr(GBytes) out = NULL;
  g_autoptr(ScProject) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *diff = NULL;
  const char *data_out;
  gsize len_out;

  g_test_summary (c->summary);

  apply_ops (edit, ops);
  g_assert_false (sc_edit_is_empty (edit));
  out = sc_edit_render (edit, &error);
  g_assert_no_error (error);
  if (!g_bytes_equal (out, expected))
    {
      g_test_message ("got:\n%.*s", (int) g_bytes_get_size (out),
                      (const char *) g_bytes_get_data (out, NULL));
      g_test_fail ();
      return;
    }

  /* The result means what the operations asked for. */
  data_out = g_bytes_get_data (out, &len_out);
  reloaded = sc_project_load_from_data ("snapcraft.yaml", data_out, len_out, &error);
  g_assert_no_error (error);
  for (guint i = 0; ops[i]; i++)
    {
      if (g_str_has_prefix (ops[i], "confinement="))
        g_assert_cmpstr (sc_project_get_confinement (reloaded), ==,
                         ops[i] + strlen ("confinement="));
      else if (ops[i][0] == '+' || ops[i][0] == '-')
        {
          g_auto(GStrv) parts = g_strsplit (ops[i] + 1, "=", 2);
          g_autoptr(GPtrArray) want = expected_plugs (project, parts[0], ops);
          ScTarget *t = sc_project_find_target (reloaded, parts[0]);

          g_assert_nonnull (t);
          g_assert_cmpuint (t->plugs->len, ==, want->len);
          for (guint k = 0; k < want->len; k++)
            g_assert_cmpstr (((ScPlugRef *) g_ptr_array_index (t->plugs, k))->name, ==,
                             g_ptr_array_index (want, k));
          g_assert_cmpint (t->has_plugs_key, ==, want->len > 0);
        }
    }

  diff = sc_edit_diff (edit, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (diff, "--- a/snapcraft.yaml"));
  g_assert_nonnull (strstr (diff, "+++ b/snapcraft.yaml"));

  /* The original project is not changed by editing. */
  g_assert_true (g_bytes_equal (sc_project_get_bytes (project), original));
}

static void
test_line_endings (void)
{
  g_autoptr(GBytes) expected = read_data ("crlf.expected.yaml");
  g_autoptr(GBytes) bom = read_data ("bom.expected.yaml");
  g_autoptr(GBytes) eof = read_data ("block-last-item-at-eof.expected.yaml");
  const char *d;
  gsize len;

  g_test_summary ("Checks the fixtures themselves: the CRLF result has no bare LF, the BOM "
                  "result starts with a BOM, the end-of-file result has no final newline.");

  d = g_bytes_get_data (expected, &len);
  for (gsize i = 0; i < len; i++)
    if (d[i] == '\n')
      g_assert_true (i > 0 && d[i - 1] == '\r');
  d = g_bytes_get_data (bom, &len);
  g_assert_true (len > 3 && memcmp (d, "\xEF\xBB\xBF", 3) == 0);
  d = g_bytes_get_data (eof, &len);
  g_assert_true (len > 0 && d[len - 1] != '\n');
}

static void
test_no_op (void)
{
  static const char * const ops[] = {
    "+viewer=home", "-viewer=camera", "+viewer=network -viewer=network +viewer=network",
  };

  g_test_summary ("Adding a plug that is there already, removing one that is not, or an "
                  "add that a remove undoes changes nothing.");

  for (guint i = 0; i < G_N_ELEMENTS (ops); i++)
    {
      g_autoptr(GBytes) original = NULL;
      g_autoptr(ScProject) project = load_fixture ("flow", &original);
      g_autoptr(ScEdit) edit = sc_edit_new (project);
      g_auto(GStrv) parts = g_strsplit (ops[i], " ", -1);
      g_autoptr(GBytes) out = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *diff = NULL;

      /* In the third, network is there already: add, remove, add again
       * leaves it where it was (the last operation wins). */
      apply_ops (edit, parts);
      g_assert_true (sc_edit_is_empty (edit));
      out = sc_edit_render (edit, &error);
      g_assert_no_error (error);
      g_assert_true (g_bytes_equal (out, original));
      diff = sc_edit_diff (edit, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (diff, ==, "");
    }

  {
    g_autoptr(ScProject) project = load_fixture ("confinement-plain", NULL);
    g_autoptr(ScEdit) edit = sc_edit_new (project);

    sc_edit_set_confinement (edit, "devmode");
    g_assert_true (sc_edit_is_empty (edit));
    sc_edit_set_confinement (edit, "strict");
    g_assert_false (sc_edit_is_empty (edit));
  }
}

static void
test_bad_arguments (void)
{
  static const char * const bad_plugs[] = {
    "", "Camera", "-camera", "camera-", "cam--era", "1camera", "cam_era", "cam era", "caméra",
  };
  g_autoptr(ScProject) project = load_fixture ("empty-targets", NULL);
  g_autoptr(ScEdit) edit = sc_edit_new (project);

  g_test_summary ("Unknown apps and hooks give UNKNOWN_TARGET (with a suggestion when one is "
                  "close), invalid plug names BAD_ARGUMENT.");

  for (guint i = 0; i < G_N_ELEMENTS (bad_plugs); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (sc_edit_add_plug (edit, "viewer", bad_plugs[i], &error));
      g_assert_error (error, SC_PROJECT_ERROR, SC_PROJECT_ERROR_BAD_ARGUMENT);
      g_clear_error (&error);
      g_assert_false (sc_edit_define_plug (edit, bad_plugs[i], NULL, &error));
      g_assert_error (error, SC_PROJECT_ERROR, SC_PROJECT_ERROR_BAD_ARGUMENT);
    }

  {
    g_autoptr(GError) error = NULL;

    g_assert_false (sc_edit_add_plug (edit, "viewr", "camera", &error));
    g_assert_error (error, SC_PROJECT_ERROR, SC_PROJECT_ERROR_UNKNOWN_TARGET);
    g_assert_nonnull (strstr (error->message, "did you mean 'viewer'"));
    g_clear_error (&error);

    g_assert_false (sc_edit_remove_plug (edit, "nothing-like-it", "camera", &error));
    g_assert_error (error, SC_PROJECT_ERROR, SC_PROJECT_ERROR_UNKNOWN_TARGET);
    g_clear_error (&error);

    /* A hook is only found with the hook: prefix, an app never with it. */
    g_assert_false (sc_edit_add_plug (edit, "configure", "camera", &error));
    g_assert_error (error, SC_PROJECT_ERROR, SC_PROJECT_ERROR_UNKNOWN_TARGET);
    g_clear_error (&error);
    g_assert_false (sc_edit_add_plug (edit, "hook:viewer", "camera", &error));
    g_assert_error (error, SC_PROJECT_ERROR, SC_PROJECT_ERROR_UNKNOWN_TARGET);
    g_clear_error (&error);
    g_assert_true (sc_edit_add_plug (edit, "hook:configure", "camera", &error));
    g_assert_no_error (error);

    /* Attribute types that have no YAML form here. */
    g_assert_false (sc_edit_define_plug (edit, "p", g_variant_new_parsed ("{'x': <1.5>}"), &error));
    g_assert_error (error, SC_PROJECT_ERROR, SC_PROJECT_ERROR_BAD_ARGUMENT);
    g_clear_error (&error);
    g_assert_false (sc_edit_define_plug (edit, "p", g_variant_new_parsed ("{'$x': <'y'>}"), &error));
    g_assert_error (error, SC_PROJECT_ERROR, SC_PROJECT_ERROR_BAD_ARGUMENT);
    g_clear_error (&error);
    g_assert_false (sc_edit_define_plug (edit, "p", g_variant_new_parsed ("{'interface': <'No'>}"), &error));
    g_assert_error (error, SC_PROJECT_ERROR, SC_PROJECT_ERROR_BAD_ARGUMENT);
  }
}

static void
test_remove_invalid_existing (void)
{
  static const char text[] = "name: x\napps:\n  a:\n    plugs: [Old_Name, home]\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(ScProject) project = sc_project_load_from_data ("snapcraft.yaml", text,
                                                            strlen (text), &error);
  g_autoptr(ScEdit) edit = sc_edit_new (project);
  g_autoptr(GBytes) out = NULL;

  g_test_summary ("A plug name snapd would refuse can still be removed when it is listed, "
                  "and put back (removing and adding undo each other); one not listed cannot "
                  "be added.");
  g_assert_no_error (error);
  g_assert_true (sc_edit_remove_plug (edit, "a", "Old_Name", &error));
  g_assert_no_error (error);
  g_assert_true (sc_edit_add_plug (edit, "a", "Old_Name", &error));
  g_assert_no_error (error);
  g_assert_true (sc_edit_is_empty (edit));
  g_assert_false (sc_edit_add_plug (edit, "a", "New_Name", &error));
  g_assert_error (error, SC_PROJECT_ERROR, SC_PROJECT_ERROR_BAD_ARGUMENT);
  g_clear_error (&error);
  g_assert_true (sc_edit_remove_plug (edit, "a", "Old_Name", &error));
  g_assert_no_error (error);
  out = sc_edit_render (edit, &error);
  g_assert_no_error (error);
  {
    static const char want[] = "name: x\napps:\n  a:\n    plugs: [home]\n";

    g_assert_cmpmem (g_bytes_get_data (out, NULL), g_bytes_get_size (out), want, strlen (want));
  }
}

static void
test_odd_layouts (void)
{
  static const struct
  {
    const char *text;
    const char *target;
    const char *expected;
  } cases[] = {
    /* An item on the line after its dash: the list becomes a flow list. */
    { "name: q\napps:\n  a:\n    plugs:\n    -\n      home\n    - x11\n", "a",
      "name: q\napps:\n  a:\n    plugs: [home, x11, camera]\n" },
    /* A flow mapping key without a colon. */
    { "{name: f, hooks: {configure}}\n", "hook:configure",
      "{name: f, hooks: {configure: {plugs: [camera]}}}\n" },
    /* A complex key without a value at the end of an app. */
    { "name: q\napps:\n  a:\n    command: x\n    ? complex\n  b:\n    command: y\n", "a",
      "name: q\napps:\n  a:\n    command: x\n    ? complex\n    plugs:\n      - camera\n"
      "  b:\n    command: y\n" },
  };

  g_test_summary ("Layouts found by fuzzing: items on the line after their dash, a flow key "
                  "without a colon, a complex key without a value.");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ScProject) project = sc_project_load_from_data ("snapcraft.yaml", cases[i].text,
                                                                strlen (cases[i].text), &error);
      g_autoptr(ScEdit) edit = sc_edit_new (project);
      g_autoptr(GBytes) out = NULL;

      g_assert_no_error (error);
      g_assert_true (sc_edit_add_plug (edit, cases[i].target, "camera", &error));
      out = sc_edit_render (edit, &error);
      g_assert_no_error (error);
      g_assert_cmpmem (g_bytes_get_data (out, NULL), g_bytes_get_size (out),
                       cases[i].expected, strlen (cases[i].expected));
    }
}

static void
test_verify_refuses (void)
{
  static const struct
  {
    const char *text;
    const char *target;
    const char *message;
  } cases[] = {
    /* app z is an alias of app x: giving x a plug would change z too. */
    { "name: a\napps:\n  x: &x\n    plugs: [home]\n  z: *x\n", "x", "anchor &x" },
    /* z itself is the alias: it cannot get plugs of its own. */
    { "name: a\napps:\n  x: &x\n    plugs: [home]\n  z: *x\n", "z", "alias" },
    /* the anchored list is also used outside apps and hooks */
    { "name: a\napps:\n  x:\n    plugs: &p [home]\nx-list: *p\n", "x", "outside apps" },
    /* an app with a null value that is anchored and used elsewhere */
    { "name: q\napps:\n  a: &x\nx-other: *x\n", "a", "anchor &x" },
    /* a block scalar at the very end without a final newline would gain one */
    { "name: q\napps:\n  a:\n    override: |\n      text", "a", "other settings of app 'a'" },
  };

  g_test_summary ("Edits whose result would not be exactly the intended model are refused "
                  "with VERIFY, and nothing is rendered.");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ScProject) project = sc_project_load_from_data ("snapcraft.yaml", cases[i].text,
                                                                strlen (cases[i].text), &error);
      g_autoptr(ScEdit) edit = sc_edit_new (project);
      g_autoptr(GBytes) out = NULL;
      g_autofree char *diff = NULL;

      g_assert_no_error (error);
      g_assert_true (sc_edit_add_plug (edit, cases[i].target, "camera", &error));
      out = sc_edit_render (edit, &error);
      g_assert_null (out);
      g_assert_error (error, SC_PROJECT_ERROR, SC_PROJECT_ERROR_VERIFY);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, cases[i].message));
      g_clear_error (&error);
      diff = sc_edit_diff (edit, &error);
      g_assert_null (diff);
      g_assert_error (error, SC_PROJECT_ERROR, SC_PROJECT_ERROR_VERIFY);
    }
}

static char *
make_project_dir (const char *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("sc-edit-XXXXXX", &error);
  g_autofree char *snap = g_build_filename (dir, "snap", NULL);
  g_autofree char *file = g_build_filename (snap, "snapcraft.yaml", NULL);
  g_autofree char *name = g_strconcat (fixture, ".yaml", NULL);
  g_autoptr(GBytes) bytes = read_data (name);

  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir (snap, 0755), ==, 0);
  g_file_set_contents (file, g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes),
                       &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (file, 0640), ==, 0);
  return g_steal_pointer (&dir);
}

static void
remove_project_dir (const char *dir)
{
  g_autofree char *snap = g_build_filename (dir, "snap", NULL);
  g_autofree char *file = g_build_filename (snap, "snapcraft.yaml", NULL);
  g_autoptr(GDir) d = g_dir_open (snap, 0, NULL);
  const char *name;

  /* Nothing but snapcraft.yaml may be left behind (no temp or backup). */
  while (d && (name = g_dir_read_name (d)) != NULL)
    g_assert_cmpstr (name, ==, "snapcraft.yaml");
  g_unlink (file);
  g_rmdir (snap);
  g_rmdir (dir);
}

static void
test_write (void)
{
  g_autofree char *dir = make_project_dir ("crlf");
  g_autofree char *file = g_build_filename (dir, "snap", "snapcraft.yaml", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ScProject) project = sc_project_load (dir, &error);
  g_autoptr(ScEdit) edit = NULL;
  g_autoptr(GBytes) expected = read_data ("crlf.expected.yaml");
  g_autofree char *contents = NULL;
  gsize len;
  struct stat st;

  g_test_summary ("sc_edit_write writes exactly the rendered text, keeps the mode bits and "
                  "leaves no other file behind.");
  g_assert_no_error (error);
  g_assert_cmpstr (sc_project_get_display_path (project), ==, "snap/snapcraft.yaml");

  edit = sc_edit_new (project);
  sc_edit_set_confinement (edit, "strict");
  g_assert_true (sc_edit_add_plug (edit, "viewer", "camera", &error));
  g_assert_true (sc_edit_add_plug (edit, "other", "network", &error));
  g_assert_true (sc_edit_write (edit, &error));
  g_assert_no_error (error);

  g_file_get_contents (file, &contents, &len, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (contents, len, g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));
  g_assert_cmpint (g_stat (file, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0640);

  {
    g_autofree char *diff = sc_edit_diff (edit, &error);

    g_assert_no_error (error);
    g_assert_true (g_str_has_prefix (diff, "--- a/snap/snapcraft.yaml\n+++ b/snap/snapcraft.yaml\n"));
  }

  /* Undo: put the original back, only if the file still holds the edit. */
  g_assert_true (sc_project_replace_contents (sc_project_get_path (project), expected,
                                             sc_project_get_bytes (project), &error));
  g_assert_no_error (error);
  g_clear_pointer (&contents, g_free);
  g_file_get_contents (file, &contents, &len, &error);
  g_assert_cmpmem (contents, len, g_bytes_get_data (sc_project_get_bytes (project), NULL),
                   g_bytes_get_size (sc_project_get_bytes (project)));
  /* A second undo against stale contents is refused. */
  g_assert_false (sc_project_replace_contents (sc_project_get_path (project), expected,
                                              sc_project_get_bytes (project), &error));
  g_assert_error (error, SC_PROJECT_ERROR, SC_PROJECT_ERROR_CHANGED);

  remove_project_dir (dir);
}

static void
test_write_changed (void)
{
  g_autofree char *dir = make_project_dir ("flow");
  g_autofree char *file = g_build_filename (dir, "snap", "snapcraft.yaml", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ScProject) project = sc_project_load (dir, &error);
  g_autoptr(ScEdit) edit = sc_edit_new (project);
  static const char other[] = "name: someone-else\n";
  g_autofree char *contents = NULL;

  g_test_summary ("When the file changed on disk after loading, writing fails with CHANGED "
                  "and the other change stays.");
  g_assert_no_error (error);
  g_file_set_contents (file, other, -1, &error);
  g_assert_no_error (error);

  sc_edit_set_confinement (edit, "strict");
  g_assert_false (sc_edit_write (edit, &error));
  g_assert_error (error, SC_PROJECT_ERROR, SC_PROJECT_ERROR_CHANGED);
  g_file_get_contents (file, &contents, NULL, NULL);
  g_assert_cmpstr (contents, ==, other);
  remove_project_dir (dir);
}

static void
test_write_refused (void)
{
  static const char text[] = "name: a\napps:\n  x: &x\n    plugs: [home]\n  z: *x\n";
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("sc-edit-XXXXXX", &error);
  g_autofree char *file = g_build_filename (dir, "snapcraft.yaml", NULL);
  g_autoptr(ScProject) project = NULL;
  g_autoptr(ScEdit) edit = NULL;
  g_autofree char *contents = NULL;

  g_test_summary ("An edit that fails verification writes nothing.");
  g_file_set_contents (file, text, -1, &error);
  g_assert_no_error (error);
  project = sc_project_load (file, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sc_project_get_display_path (project), ==, "snapcraft.yaml");
  edit = sc_edit_new (project);
  g_assert_true (sc_edit_add_plug (edit, "x", "camera", &error));
  g_assert_false (sc_edit_write (edit, &error));
  g_assert_error (error, SC_PROJECT_ERROR, SC_PROJECT_ERROR_VERIFY);
  g_file_get_contents (file, &contents, NULL, NULL);
  g_assert_cmpstr (contents, ==, text);
  g_unlink (file);
  g_rmdir (dir);
}

static void
test_write_from_data (void)
{
  g_autoptr(ScProject) project = load_fixture ("flow", NULL);
  g_autoptr(ScEdit) edit = sc_edit_new (project);
  g_autoptr(GError) error = NULL;

  g_test_summary ("A project parsed from memory has no file to write to.");
  g_assert_null (sc_project_get_path (project));
  g_assert_true (sc_edit_write (edit, &error));   /* nothing to change */
  sc_edit_set_confinement (edit, "strict");
  g_assert_false (sc_edit_write (edit, &error));
  g_assert_error (error, SC_PROJECT_ERROR, SC_PROJECT_ERROR_WRITE);
}

static void
test_define_plug_model (void)
{
  g_autoptr(ScProject) project = load_fixture ("defs-none", NULL);
  g_autoptr(ScEdit) edit = sc_edit_new (project);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) out = NULL;
  g_autoptr(ScProject) reloaded = NULL;
  g_autoptr(GVariant) attrs = g_variant_ref_sink (g_variant_new_parsed (
    "{'interface': <'content'>, 'target': <'$SNAP/data-dir/themes'>, "
    "'default-provider': <'gtk-common-themes'>, 'auto': <true>, 'count': <int32 3>, "
    "'label': <'yes'>, 'extra': <{'k': <'a: b'>}>, 'list': <['on', 'x']>}"));
  ScPlugDef *def;
  const char *text;
  gsize len;

  g_test_summary ("A definition with string, boolean, integer, nested and list attributes "
                  "reads back with the same values, quoting what YAML would misread.");
  g_assert_true (sc_edit_define_plug (edit, "gtk-3-themes", attrs, &error));
  g_assert_no_error (error);
  out = sc_edit_render (edit, &error);
  g_assert_no_error (error);
  text = g_bytes_get_data (out, &len);
  g_test_message ("%.*s", (int) len, text);
  reloaded = sc_project_load_from_data ("snapcraft.yaml", text, len, &error);
  g_assert_no_error (error);
  def = sc_project_find_plug_def (reloaded, "gtk-3-themes");
  g_assert_nonnull (def);
  g_assert_cmpstr (def->interface, ==, "content");
  {
    g_autoptr(GVariant) want = g_variant_ref_sink (g_variant_new_parsed (
      "{'target': <'$SNAP/data-dir/themes'>, 'default-provider': <'gtk-common-themes'>, "
      "'auto': <true>, 'count': <int64 3>, 'label': <'yes'>, 'extra': <{'k': <'a: b'>}>, "
      "'list': <[<'on'>, <'x'>]>}"));
    g_autofree char *got_s = g_variant_print (def->attributes, TRUE);

    g_test_message ("%s", got_s);
    g_assert_true (g_variant_equal (def->attributes, want));
  }
  g_assert_nonnull (strstr (text, "label: 'yes'"));
}

/* ---- Hooks that are only files ---------------------------------------- */

typedef struct
{
  const char *name;
  const char *yaml_path;     /* relative to the project folder */
  const char *files;         /* space-separated paths; a trailing '!' = not executable */
  const char *text;
  const char *hooks;         /* expected hooks before the edit; '*' marks file-only ones */
  const char *ops;
  const char *expected;
} FileHookCase;

static const FileHookCase file_hook_cases[] = {
  { "new-hooks-key", "snap/snapcraft.yaml",
    "snap/hooks/install! snap/hooks/configure snap/hooks/notes.txt snap/hooks/.hidden "
    "snap/hooks/Bad_Name snap/hooks/folder/x",
    "name: d\nconfinement: devmode\napps:\n  a:\n    command: a\n    plugs: [home]\nparts: {}\n",
    "configure* install*", "+hook:install=x11 +hook:configure=network",
    "name: d\nconfinement: devmode\napps:\n  a:\n    command: a\n    plugs: [home]\n"
    "hooks:\n  configure:\n    plugs: [network]\n  install:\n    plugs: [x11]\nparts: {}\n" },
  { "existing-hooks-indent4", "snap/snapcraft.yaml", "snap/hooks/configure snap/hooks/install",
    "name: d\napps:\n    a:\n        command: a\n        plugs:\n            - home\n"
    "hooks:\n    remove:\n        plugs:\n            - home\n",
    "remove configure* install*", "+hook:install=x11",
    "name: d\napps:\n    a:\n        command: a\n        plugs:\n            - home\n"
    "hooks:\n    remove:\n        plugs:\n            - home\n"
    "    install:\n        plugs:\n            - x11\n" },
  { "yaml-hook-not-twice", "snap/snapcraft.yaml", "snap/hooks/configure",
    "name: d\nhooks:\n  configure:\n    plugs: [home]\n", "configure", "+hook:configure=x11",
    "name: d\nhooks:\n  configure:\n    plugs: [home, x11]\n" },
  { "null-hooks", "snap/snapcraft.yaml", "snap/hooks/configure",
    "name: d\napps:\n  a: {}\nhooks:\n", "configure*", "+hook:configure=home",
    "name: d\napps:\n  a: {}\nhooks:\n  configure:\n    plugs: [home]\n" },
  { "build-aux", "build-aux/snap/snapcraft.yaml",
    "build-aux/snap/hooks/configure snap/hooks/ignored",
    "name: d\napps:\n  a:\n    command: a\n", "configure*", "+hook:configure=home",
    "name: d\napps:\n  a:\n    command: a\nhooks:\n  configure:\n    plugs: [home]\n" },
  { "root-file", "snapcraft.yaml", "snap/hooks/configure",
    "name: d\n", "configure*", "+hook:configure=home",
    "name: d\nhooks:\n  configure:\n    plugs: [home]\n" },
  { "flow-root", "snapcraft.yaml", "snap/hooks/configure",
    "{name: d, apps: {a: {}}}\n", "configure*", "+hook:configure=home",
    "{name: d, apps: {a: {}}, hooks: {configure: {plugs: [home]}}}\n" },
  { "flow-hooks", "snapcraft.yaml", "snap/hooks/configure snap/hooks/install",
    "name: d\nhooks: {remove: {plugs: [home]}}\n", "remove configure* install*",
    "+hook:configure=home",
    "name: d\nhooks: {remove: {plugs: [home]}, configure: {plugs: [home]}}\n" },
  { "spaced", "snap/snapcraft.yaml", "snap/hooks/configure",
    "name: d\n\napps:\n  a:\n    command: a\n    plugs:\n      - home\n\n# the parts\nparts: {}\n",
    "configure*", "+hook:configure=x11 +hook:configure=camera",
    "name: d\n\napps:\n  a:\n    command: a\n    plugs:\n      - home\n\n"
    "hooks:\n  configure:\n    plugs:\n      - x11\n      - camera\n\n# the parts\nparts: {}\n" },
  { "no-op", "snap/snapcraft.yaml", "snap/hooks/configure",
    "name: d\n", "configure*", "-hook:configure=x11", NULL },
};

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
write_file (const char *path,
            const char *text,
            int         mode)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (path, mode), ==, 0);
}

static char *
describe_hooks (ScProject *project)
{
  GPtrArray *hooks = sc_project_get_hooks (project);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < hooks->len; i++)
    {
      ScTarget *hook = g_ptr_array_index (hooks, i);

      g_string_append_printf (out, "%s%s%s", i ? " " : "", hook->name,
                              sc_project_hook_is_file_only (project, hook) ? "*" : "");
    }
  return g_string_free (out, FALSE);
}

static void
test_file_hooks (gconstpointer data)
{
  const FileHookCase *c = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("sc-hooks-XXXXXX", &error);
  g_autofree char *file = g_build_filename (dir, c->yaml_path, NULL);
  g_auto(GStrv) files = g_strsplit (c->files, " ", -1);
  g_auto(GStrv) ops = g_strsplit (c->ops, " ", -1);
  g_autoptr(ScProject) project = NULL;
  g_autoptr(ScProject) again = NULL;
  g_autoptr(ScEdit) edit = NULL;
  g_autoptr(GBytes) out = NULL;
  g_autofree char *hooks = NULL;

  g_test_summary ("Files in the hooks folder (snap/hooks, or build-aux/snap/hooks next to "
                  "build-aux/snap/snapcraft.yaml), executable or not, are hooks (not hidden "
                  "files, folders or invalid names); giving one plugs adds "
                  "its entry to hooks:, created in the file's style when missing.");
  g_assert_no_error (error);
  write_file (file, c->text, 0644);
  for (guint i = 0; files[i] != NULL; i++)
    {
      gboolean plain = g_str_has_suffix (files[i], "!");
      g_autofree char *rel = g_strndup (files[i], strlen (files[i]) - (plain ? 1 : 0));
      g_autofree char *path = g_build_filename (dir, rel, NULL);

      write_file (path, "#!/bin/sh\n", plain ? 0644 : 0755);
    }

  project = sc_project_load (dir, &error);
  g_assert_no_error (error);
  hooks = describe_hooks (project);
  g_assert_cmpstr (hooks, ==, c->hooks);

  edit = sc_edit_new (project);
  apply_ops (edit, ops);
  if (c->expected == NULL)
    {
      g_assert_true (sc_edit_is_empty (edit));
      remove_tree (dir);
      return;
    }
  out = sc_edit_render (edit, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_bytes_get_data (out, NULL), ==, c->expected);
  g_assert_true (sc_edit_write (edit, &error));
  g_assert_no_error (error);

  /* The edited hooks are now the file's own, with the plugs asked for. */
  again = sc_project_load (dir, &error);
  g_assert_no_error (error);
  for (guint i = 0; ops[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (ops[i] + 1, "=", 2);
      ScTarget *hook = sc_project_find_target (again, parts[0]);

      g_assert_nonnull (hook);
      g_assert_false (sc_project_hook_is_file_only (again, hook));
      g_assert_true (target_lists (hook, parts[1]));
    }
  remove_tree (dir);
}

static char *
render_to_string (ScEdit *edit)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) out = sc_edit_render (edit, &error);

  g_assert_no_error (error);
  return g_strndup (g_bytes_get_data (out, NULL), g_bytes_get_size (out));
}

static void
test_plug_spec_parse (void)
{
  static const struct
  {
    const char *text;
    const char *name;
    const char *interface;
    const char *attributes;   /* GVariant text, NULL for none */
  } good[] = {
    { "home", "home", NULL, NULL },
    { "Old_Name", "Old_Name", NULL, NULL },   /* judged when added */
    { "personal-files:read=$HOME/.foo", NULL, "personal-files", "{'read': <[<'$HOME/.foo'>]>}" },
    { "personal-files:read=$HOME/.a,read=$HOME/.b,write=$HOME/.c", NULL, "personal-files",
      "{'read': <[<'$HOME/.a'>, <'$HOME/.b'>]>, 'write': <[<'$HOME/.c'>]>}" },
    { "dot-x=personal-files:write=$HOME/.x", "dot-x", "personal-files",
      "{'write': <[<'$HOME/.x'>]>}" },
    { "my-net=network", "my-net", "network", NULL },
    { "browser-support:allow-sandbox=true", NULL, "browser-support",
      "{'allow-sandbox': <true>}" },
    { "dbus:bus=session,name=org.a.B", NULL, "dbus",
      "{'bus': <'session'>, 'name': <'org.a.B'>}" },
    { "x:a=1,b=-2,c=1.5,d=a\\,b", NULL, "x",
      "{'a': <int64 1>, 'b': <int64 -2>, 'c': <'1.5'>, 'd': <'a,b'>}" },
  };
  static const char * const bad[] = {
    "personal-files:read", "personal-files:=x", "personal-files:read=", "Bad=home:a=b",
    "n=Iface", "personal-files:interface=home", ":a=b", "",
  };

  g_test_summary ("The --plug syntax: bare names, INTERFACE:ATTR=VALUE,… and NAME=INTERFACE; "
                  "values typed, repeated attributes and list attributes as lists");

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ScPlugSpec) spec = sc_plug_spec_parse (good[i].text, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (spec->name, ==, good[i].name);
      g_assert_cmpstr (spec->interface, ==, good[i].interface);
      if (good[i].attributes == NULL)
        g_assert_null (spec->attributes);
      else
        {
          g_autoptr(GVariant) want = g_variant_parse (G_VARIANT_TYPE ("a{sv}"),
                                                      good[i].attributes, NULL, NULL, &error);
          g_autofree char *got = g_variant_print (spec->attributes, TRUE);

          g_assert_no_error (error);
          if (!g_variant_equal (want, spec->attributes))
            g_error ("%s: got %s", good[i].text, got);
        }
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ScPlugSpec) spec = sc_plug_spec_parse (bad[i], &error);

      g_test_message ("%s: %s", bad[i], error ? error->message : "accepted");
      g_assert_null (spec);
      g_assert_error (error, SC_PROJECT_ERROR, SC_PROJECT_ERROR_BAD_ARGUMENT);
    }
}

static const char defs_text[] =
  "name: d\nbase: core22\nconfinement: strict\n\n"
  "plugs:\n"
  "  etc-cups:\n    interface: system-files\n    read:\n      - /etc/cups\n"
  "  dot-foo:\n    interface: personal-files\n    read: [$HOME/.foo]\n\n"
  "apps:\n"
  "  cupsd:\n    command: cupsd\n    plugs: [network, etc-cups]\n"
  "  gs:\n    command: gs\n    plugs:\n      - etc-cups\n"
  "  desk:\n    command: desk\n    extensions: [gnome]\n";

static ScProject *
load_text (const char *text)
{
  g_autoptr(GError) error = NULL;
  ScProject *project = sc_project_load_from_data ("snapcraft.yaml", text, strlen (text), &error);

  g_assert_no_error (error);
  return project;
}

static gboolean
messages_contain (ScEdit            *edit,
                  ScEditMessageKind  kind,
                  const char        *needle)
{
  g_autoptr(GPtrArray) messages = sc_edit_dup_messages (edit);

  for (guint i = 0; i < messages->len; i++)
    {
      ScEditMessage *message = messages->pdata[i];

      g_test_message ("message: %s", message->text);
      if (message->kind == kind && strstr (message->text, needle) != NULL)
        return TRUE;
    }
  return FALSE;
}

static void
test_orphaned_definitions (void)
{
  g_autoptr(ScProject) project = load_text (defs_text);
  g_autoptr(GError) error = NULL;

  g_test_summary ("A definition whose last listing goes is removed (snapd would bind it to "
                  "every app) with a note; --keep-definitions keeps it with a warning; listing "
                  "an unscoped one warns about the apps that lose it");

  {
    g_autoptr(ScEdit) edit = sc_edit_new (project);
    g_autofree char *text = NULL;
    g_autoptr(ScProject) after = NULL;

    g_assert_true (sc_edit_remove_plug (edit, "cupsd", "etc-cups", &error));
    g_assert_true (sc_edit_remove_plug (edit, "gs", "etc-cups", &error));
    text = render_to_string (edit);
    g_assert_null (strstr (text, "etc-cups"));
    g_assert_null (strstr (text, "/etc/cups"));
    g_assert_nonnull (strstr (text, "plugs:\n  dot-foo:\n"));
    after = load_text (text);
    g_assert_null (sc_project_find_plug_def (after, "etc-cups"));
    g_assert_true (messages_contain (edit, SC_EDIT_MESSAGE_NOTE, "“etc-cups”"));
  }
  {
    g_autoptr(ScEdit) edit = sc_edit_new (project);
    g_autofree char *text = NULL;

    sc_edit_set_keep_definitions (edit, TRUE);
    g_assert_true (sc_edit_remove_plug (edit, "cupsd", "etc-cups", &error));
    g_assert_true (sc_edit_remove_plug (edit, "gs", "etc-cups", &error));
    text = render_to_string (edit);
    g_assert_nonnull (strstr (text, "  etc-cups:\n    interface: system-files\n"));
    g_assert_true (messages_contain (edit, SC_EDIT_MESSAGE_WARNING, "cupsd, gs, desk"));
  }
  {
    /* One listing left: nothing goes. Removed and added back: nothing. */
    g_autoptr(ScEdit) edit = sc_edit_new (project);
    g_autofree char *text = NULL;

    g_assert_true (sc_edit_remove_plug (edit, "cupsd", "etc-cups", &error));
    g_assert_true (sc_edit_remove_plug (edit, "gs", "etc-cups", &error));
    g_assert_true (sc_edit_add_plug (edit, "desk", "etc-cups", &error));
    text = render_to_string (edit);
    g_assert_nonnull (strstr (text, "  etc-cups:\n"));
    g_assert_false (messages_contain (edit, SC_EDIT_MESSAGE_NOTE, "Removed"));
  }
  {
    g_autoptr(ScEdit) edit = sc_edit_new (project);

    g_assert_true (sc_edit_add_plug (edit, "gs", "dot-foo", &error));
    g_assert_true (messages_contain (edit, SC_EDIT_MESSAGE_WARNING, "cupsd, desk"));
  }
  {
    /* Every definition goes: so does the top-level key. */
    static const char one[] = "name: d\nplugs:\n  p:\n    interface: home\napps:\n"
                              "  a:\n    plugs: [p]\n";
    g_autoptr(ScProject) small = load_text (one);
    g_autoptr(ScEdit) edit = sc_edit_new (small);
    g_autofree char *text = NULL;

    g_assert_true (sc_edit_remove_plug (edit, "a", "p", &error));
    text = render_to_string (edit);
    g_assert_cmpstr (text, ==, "name: d\napps:\n  a:\n");
  }
}

static void
test_add_plug_spec (void)
{
  g_autoptr(ScProject) project = load_text (defs_text);

  g_test_summary ("Adding from a spec: definitions made or reused, names snapd would refuse "
                  "refused with what to do, extension plugs not written");

  {
    g_autoptr(ScEdit) edit = sc_edit_new (project);
    g_autoptr(GError) error = NULL;
    g_autoptr(ScPlugSpec) spec = sc_plug_spec_new ("personal-files", NULL);
    g_autofree char *name = NULL;
    g_autofree char *text = NULL;

    g_assert_true (sc_plug_spec_add_attribute (spec, "read", "$HOME/.config/gs", &error));
    g_assert_true (sc_edit_add_plug_spec (edit, "gs", spec, &name, &error));
    g_assert_no_error (error);
    g_assert_cmpstr (name, ==, "dot-config-gs");
    text = render_to_string (edit);
    g_assert_nonnull (strstr (text, "  dot-config-gs:\n    interface: personal-files\n"
                                    "    read:\n      - $HOME/.config/gs\n"));
    g_assert_nonnull (strstr (text, "      - etc-cups\n      - dot-config-gs\n"));
  }
  {
    /* The same attributes as an existing definition: that one is listed. */
    g_autoptr(ScEdit) edit = sc_edit_new (project);
    g_autoptr(GError) error = NULL;
    g_autoptr(ScPlugSpec) spec = sc_plug_spec_parse ("personal-files:read=$HOME/.foo", &error);
    g_autofree char *name = NULL;

    g_assert_true (sc_edit_add_plug_spec (edit, "gs", spec, &name, &error));
    g_assert_cmpstr (name, ==, "dot-foo");
  }
  {
    static const struct { const char *spec; const char *message; } refused[] = {
      { "netwrok", "did you mean “network”" },
      { "personal-files", "“read” or “write”" },
      { "content", "“target”" },
      { "dbus", "“bus” and “name”" },
      { "mount-control", "by hand" },
      { "mount-control:mount=/mnt", "by hand" },
      { "personal-files:read=$HOME/.x/$HOME/y", "$HOME" },
      { "dbus:bus=session", "“bus” and “name”" },
      { "nosuch:a=b", "not a snapd interface" },
      { "dot-foo=personal-files:read=$HOME/.other", "already defined" },
      { "Home", "not a valid plug name" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
      {
        g_autoptr(ScEdit) edit = sc_edit_new (project);
        g_autoptr(GError) error = NULL;
        g_autoptr(ScPlugSpec) spec = sc_plug_spec_parse (refused[i].spec, &error);

        g_assert_no_error (error);
        g_assert_false (sc_edit_add_plug_spec (edit, "gs", spec, NULL, &error));
        g_test_message ("%s: %s", refused[i].spec, error->message);
        g_assert_error (error, SC_PROJECT_ERROR, SC_PROJECT_ERROR_BAD_ARGUMENT);
        g_assert_nonnull (strstr (error->message, refused[i].message));
        g_assert_true (sc_edit_is_empty (edit));
      }
  }
  {
    g_autoptr(ScEdit) edit = sc_edit_new (project);
    g_autoptr(GError) error = NULL;
    g_autoptr(ScPlugSpec) spec = sc_plug_spec_parse ("x11", &error);

    g_assert_true (sc_edit_add_plug_spec (edit, "desk", spec, NULL, &error));
    g_assert_true (sc_edit_is_empty (edit));
    g_assert_true (messages_contain (edit, SC_EDIT_MESSAGE_NOTE, "gnome extension"));
    g_assert_true (sc_edit_remove_plug (edit, "desk", "wayland", &error));
    g_assert_true (sc_edit_is_empty (edit));
    g_assert_true (messages_contain (edit, SC_EDIT_MESSAGE_NOTE, "cannot be removed there"));
  }
}

static void
test_plug_spec_definition (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScPlugSpec) spec =
    sc_plug_spec_parse ("cfg=personal-files:read=$HOME/.a,read=$HOME/.b,write=$HOME/.c", &error);
  g_autoptr(ScPlugSpec) bare = sc_plug_spec_parse ("network", &error);
  g_autoptr(GVariant) definition = NULL;
  g_autoptr(GVariant) again = NULL;
  g_autoptr(ScPlugSpec) back = NULL;
  g_autofree char *printed = NULL;

  g_test_summary ("A spec's definition has its interface first, then its attributes, and "
                  "gives the same spec back");
  g_assert_no_error (error);
  definition = sc_plug_spec_dup_definition (spec);
  printed = g_variant_print (definition, FALSE);
  g_assert_cmpstr (printed, ==, "{'interface': <'personal-files'>, "
                                "'read': <[<'$HOME/.a'>, <'$HOME/.b'>]>, "
                                "'write': <[<'$HOME/.c'>]>}");
  g_assert_null (sc_plug_spec_dup_definition (bare));

  back = sc_plug_spec_new_from_definition ("cfg", definition);
  g_assert_nonnull (back);
  g_assert_cmpstr (back->name, ==, "cfg");
  g_assert_cmpstr (back->interface, ==, "personal-files");
  g_assert_true (g_variant_equal (back->attributes, spec->attributes));
  again = sc_plug_spec_dup_definition (back);
  g_assert_true (g_variant_equal (again, definition));
  g_assert_null (sc_plug_spec_new_from_definition ("cfg", spec->attributes));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (edit_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/project-edit/case/%s", edit_cases[i].name);

      g_test_add_data_func (path, &edit_cases[i], test_edit_case);
    }
  for (guint i = 0; i < G_N_ELEMENTS (file_hook_cases); i++)
    {
      g_autofree char *path = g_strconcat ("/project-edit/file-hooks/", file_hook_cases[i].name,
                                           NULL);

      g_test_add_data_func (path, &file_hook_cases[i], test_file_hooks);
    }
  g_test_add_func ("/project-edit/line-endings", test_line_endings);
  g_test_add_func ("/project-edit/no-op", test_no_op);
  g_test_add_func ("/project-edit/bad-arguments", test_bad_arguments);
  g_test_add_func ("/project-edit/remove-invalid-existing", test_remove_invalid_existing);
  g_test_add_func ("/project-edit/odd-layouts", test_odd_layouts);
  g_test_add_func ("/project-edit/verify-refuses", test_verify_refuses);
  g_test_add_func ("/project-edit/write", test_write);
  g_test_add_func ("/project-edit/write-changed", test_write_changed);
  g_test_add_func ("/project-edit/write-refused", test_write_refused);
  g_test_add_func ("/project-edit/write-from-data", test_write_from_data);
  g_test_add_func ("/project-edit/define-plug-model", test_define_plug_model);
  g_test_add_func ("/project-edit/plug-spec-parse", test_plug_spec_parse);
  g_test_add_func ("/project-edit/orphaned-definitions", test_orphaned_definitions);
  g_test_add_func ("/project-edit/add-plug-spec", test_add_plug_spec);
  g_test_add_func ("/project-edit/plug-spec-definition", test_plug_spec_definition);

  return g_test_run ();
}
