/* test-project.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Loading: finding snapcraft.yaml in a folder, every validation error with
 * its exact FILE:LINE:COL, the model's fields and positions, aliases and
 * alias bombs.
 */
#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "sc-project.h"

/* ---- Validation ---------------------------------------------------------- */

typedef struct
{
  const char *name;
  const char *text;
  gssize      len;          /* -1: strlen */
  const char *position;     /* "LINE:COL" */
  const char *message;      /* a part of the message */
} InvalidCase;

static const InvalidCase invalid_cases[] = {
  { "empty", "", -1, "1:1", "empty" },
  { "comments-only", "# nothing here\n\n", -1, "1:1", "empty" },
  { "top-level-list", "- a\n- b\n", -1, "1:1", "top level must be a mapping" },
  { "top-level-scalar", "just text\n", -1, "1:1", "top level must be a mapping" },
  { "no-name", "base: core22\napps: {}\n", -1, "1:1", "no 'name' key" },
  { "name-list", "name: [a]\n", -1, "1:7", "'name' must be a single value" },
  { "syntax", "name: x\napps:\n  a: [home\n", -1, "4:1", "did not find expected ',' or ']'" },
  { "syntax-mapping", "name: x\napps:\n  a:\n    command: x\n   plugs: [a]\n", -1, "5:4",
    "did not find expected key" },
  { "bad-app-name", "name: x\napps:\n  good: {}\n  bad_app: {}\n", -1, "4:3",
    "'bad_app' is not a valid app name" },
  { "bad-app-hyphen", "name: x\napps:\n  app-: {}\n", -1, "3:3", "not a valid app name" },
  { "bad-app-double-hyphen", "name: x\napps:\n  a--b: {}\n", -1, "3:3", "not a valid app name" },
  { "bad-hook-name", "name: x\nhooks:\n  Configure: {}\n", -1, "3:3",
    "'Configure' is not a valid hook name" },
  { "bad-hook-digit", "name: x\nhooks:\n  1st: {}\n", -1, "3:3", "not a valid hook name" },
  { "apps-list", "name: x\napps:\n  - a\n", -1, "3:3", "'apps' must be a mapping" },
  { "hooks-scalar", "name: x\nhooks: configure\n", -1, "2:8", "'hooks' must be a mapping" },
  { "app-scalar", "name: x\napps:\n  a: bin/a\n", -1, "3:6", "app 'a' must be a mapping" },
  { "plugs-scalar", "name: x\napps:\n  a:\n    plugs: home\n", -1, "4:12",
    "'plugs' of app 'a' must be a list" },
  { "plugs-mapping-item", "name: x\napps:\n  a:\n    plugs:\n      - home\n      - {x: y}\n", -1,
    "6:9", "must be a list of plug names" },
  { "plugs-null-item", "name: x\napps:\n  a:\n    plugs: [home, ~]\n", -1, "4:19",
    "must be a list of plug names" },
  { "hook-plugs-mapping", "name: x\nhooks:\n  install:\n    plugs: {a: b}\n", -1, "4:12",
    "'plugs' of hook 'install'" },
  /* YAML 1.1 (PyYAML, which snapcraft uses) types these plain scalars. */
  { "plugs-int", "name: x\napps:\n  a:\n    plugs: [home, 42]\n", -1, "4:19",
    "YAML reads '42' as an integer" },
  { "plugs-bool", "name: x\napps:\n  a:\n    plugs: [home, true]\n", -1, "4:19",
    "as a boolean" },
  { "plugs-bool-yes", "name: x\napps:\n  a:\n    plugs:\n      - Off\n", -1, "5:9",
    "as a boolean" },
  { "plugs-hex", "name: x\napps:\n  a:\n    plugs: [0x1F]\n", -1, "4:13", "as an integer" },
  { "plugs-underscore", "name: x\napps:\n  a:\n    plugs: [1_000]\n", -1, "4:13",
    "as an integer" },
  { "plugs-octal", "name: x\napps:\n  a:\n    plugs: [017]\n", -1, "4:13", "as an integer" },
  { "plugs-sexagesimal", "name: x\napps:\n  a:\n    plugs: [1:20]\n", -1, "4:13",
    "as an integer" },
  { "plugs-float", "name: x\napps:\n  a:\n    plugs: [1.5]\n", -1, "4:13", "as a number" },
  { "plugs-inf", "name: x\napps:\n  a:\n    plugs: [-.inf]\n", -1, "4:13", "as a number" },
  { "plugs-date", "name: x\napps:\n  a:\n    plugs: [2024-01-01]\n", -1, "4:13", "as a date" },
  { "plugs-null-word", "name: x\napps:\n  a:\n    plugs: [home, Null]\n", -1, "4:19",
    "as null" },
  { "plugs-tag-int", "name: x\napps:\n  a:\n    plugs: [!!int 3]\n", -1, "4:13",
    "as an integer" },
  { "plugs-tag-float", "name: x\napps:\n  a:\n    plugs: [!!float '3']\n", -1, "4:13",
    "as a number" },
  { "plugs-tag-bool", "name: x\napps:\n  a:\n    plugs: [!!bool x]\n", -1, "4:13",
    "as a boolean" },
  { "plugs-tag-null", "name: x\napps:\n  a:\n    plugs: [!!null '']\n", -1, "4:13",
    "as null" },
  { "plugs-nonspecific-tag", "name: x\napps:\n  a:\n    plugs: [! '42']\n", -1, "4:13",
    "as an integer" },
  { "hook-plugs-float", "name: x\nhooks:\n  install:\n    plugs:\n      - 1.5\n", -1, "5:9",
    "'plugs' of hook 'install' must be a list of plug names (strings)" },
  { "duplicate-top", "name: x\nbase: a\nname: y\n", -1, "3:1",
    "duplicate key 'name' (first at line 1, column 1)" },
  { "duplicate-nested", "name: x\napps:\n  a:\n    command: a\n    command: b\n", -1, "5:5",
    "duplicate key 'command'" },
  { "duplicate-quoted", "name: x\n'base': a\n\"base\": b\n", -1, "3:1", "duplicate key 'base'" },
  { "duplicate-earliest", "name: x\napps:\n  a: {k: 1, k: 2}\nbase: a\nbase: b\n", -1, "3:13",
    "duplicate key 'k'" },
  { "duplicate-after-multibyte", "name: x\nplugs: {\xc3\xa9: 1, \xc3\xa9: 2}\n", -1, "2:15",
    "duplicate key '\xc3\xa9'" },
  { "duplicate-crlf", "name: x\r\nbase: a\r\nbase: b\r\n", -1, "3:1", "duplicate key 'base'" },
  { "duplicate-after-bom", "\xef\xbb\xbfname: x\nname: y\n", -1, "2:1", "duplicate key 'name'" },
  { "invalid-utf8", "name: x\ndescription: caf\xc3\xa9 \xff\n", -1, "2:19", "invalid UTF-8" },
  { "invalid-utf8-first-line", "\xc3(name: x\n", -1, "1:1", "invalid UTF-8 (byte 0xC3)" },
  { "utf16-bom", "\xff\xfen\0a\0", 6, "1:1", "invalid UTF-8" },
  { "nul", "name: x\0\n", 9, "1:8", "NUL" },
  { "control-character", "name: x\x01y\n", -1, "1:8", "control characters are not allowed" },
  { "two-documents", "name: x\n---\nname: y\n", -1, "2:1", "second YAML document" },
  { "undefined-alias", "name: x\napps: *nope\n", -1, "2:7", "*nope names no anchor" },
  { "tab-after-colon", "name: x\napps:\n  a:\n    command:\tfoo\n", -1, "4:13",
    "tab character" },
  { "tab-in-plain-scalar", "name: x\nsummary: a\tb\n", -1, "2:11", "tab character" },
  { "tab-in-flow", "name: x\napps:\n  a:\n    plugs: [home,\tx11]\n", -1, "4:18",
    "tab character" },
  { "confinement-mapping", "name: x\nconfinement: {a: b}\n", -1, "2:14",
    "'confinement' must be a single value" },
  { "top-plugs-list", "name: x\nplugs: [a]\n", -1, "2:8", "top-level 'plugs' must be a mapping" },
  { "plug-def-list", "name: x\nplugs:\n  p: [a]\n", -1, "3:6", "plug 'p' is defined as a list" },
};

static void
test_invalid (gconstpointer data)
{
  const InvalidCase *c = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ScProject) project = NULL;
  g_autofree char *prefix = g_strdup_printf ("snap/snapcraft.yaml:%s: ", c->position);
  gsize len = c->len >= 0 ? (gsize) c->len : strlen (c->text);

  project = sc_project_load_from_data ("snap/snapcraft.yaml", c->text, len, &error);
  g_assert_null (project);
  g_assert_error (error, SC_PROJECT_ERROR, SC_PROJECT_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, prefix));
  g_assert_nonnull (strstr (error->message, c->message));
}

static void
test_too_deep (void)
{
  GString *text = g_string_new ("name: x\nk: ");
  g_autoptr(GError) error = NULL;
  g_autoptr(ScProject) project = NULL;

  g_test_summary ("Collections nested hundreds deep are refused at the level where the limit "
                  "is crossed, not followed.");
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (text, '[');
  project = sc_project_load_from_data ("snapcraft.yaml", text->str, text->len, &error);
  g_assert_null (project);
  g_assert_error (error, SC_PROJECT_ERROR, SC_PROJECT_ERROR_INVALID);
  /* The root mapping is level 0 and the list after "k: " (column 4) level 1,
   * so the first refused level, 512, opens at column 3 + 512. */
  g_assert_true (g_str_has_prefix (error->message, "snapcraft.yaml:2:515: "));
  g_string_free (text, TRUE);
}

static void
test_too_large (void)
{
  gsize size = 16 * 1024 * 1024 + 1;
  g_autofree char *big = g_malloc (size);
  g_autoptr(GError) error = NULL;
  g_autoptr(ScProject) project = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *file = NULL;
  int fd;

  g_test_summary ("Files over 16 MiB are refused before parsing, from memory and from disk.");
  memset (big, '#', size);
  memcpy (big, "name: x\n", 8);
  project = sc_project_load_from_data ("snapcraft.yaml", big, size, &error);
  g_assert_null (project);
  g_assert_error (error, SC_PROJECT_ERROR, SC_PROJECT_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "snapcraft.yaml:1:1: "));
  g_assert_nonnull (strstr (error->message, "16 MiB"));
  g_clear_error (&error);

  /* Exactly 16 MiB is fine (a comment after the name). */
  project = sc_project_load_from_data ("snapcraft.yaml", big, size - 1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (project);
  g_clear_object (&project);

  dir = g_dir_make_tmp ("sc-project-XXXXXX", &error);
  g_assert_no_error (error);
  file = g_build_filename (dir, "snapcraft.yaml", NULL);
  fd = g_open (file, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (write (fd, "name: x\n", 8), ==, 8);
  g_assert_cmpint (ftruncate (fd, (off_t) size), ==, 0);
  close (fd);
  project = sc_project_load (dir, &error);
  g_assert_null (project);
  g_assert_error (error, SC_PROJECT_ERROR, SC_PROJECT_ERROR_INVALID);
  g_assert_true (g_str_has_suffix (error->message, "the file is larger than 16 MiB"));
  g_assert_nonnull (strstr (error->message, "snapcraft.yaml:1:1: "));
  g_unlink (file);
  g_rmdir (dir);
}

static void
test_alias_bomb (void)
{
  /* Ten levels of ten: a billion leaves if anyone expanded it. */
  GString *text = g_string_new ("name: bomb\nx-lol: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(ScProject) project = NULL;
  g_autoptr(ScEdit) edit = NULL;
  g_autoptr(GBytes) out = NULL;

  g_test_summary ("An alias bomb loads, edits and renders because aliases are never expanded "
                  "(expanding them would not finish); inside a plug definition it is refused.");
  for (guint i = 1; i < 10; i++)
    {
      g_string_append_printf (text, "x-lol%u: &l%u [", i, i);
      for (guint k = 0; k < 10; k++)
        g_string_append_printf (text, "%s*l%u", k ? ", " : "", i - 1);
      g_string_append (text, "]\n");
    }
  g_string_append (text, "apps:\n  a:\n    plugs: [home]\n");

  project = sc_project_load_from_data ("snapcraft.yaml", text->str, text->len, &error);
  g_assert_no_error (error);
  edit = sc_edit_new (project);
  sc_edit_set_confinement (edit, "strict");
  g_assert_true (sc_edit_add_plug (edit, "a", "camera", &error));
  out = sc_edit_render (edit, &error);
  g_assert_no_error (error);
  /* The aliases are written back as aliases: one line more than was read. */
  g_assert_cmpuint (g_bytes_get_size (out), <, text->len + 64);
  g_clear_object (&project);

  g_string_append (text, "plugs:\n  p:\n    interface: content\n    v: *l9\n");
  project = sc_project_load_from_data ("snapcraft.yaml", text->str, text->len, &error);
  g_assert_null (project);
  g_assert_error (error, SC_PROJECT_ERROR, SC_PROJECT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "too many values"));
  g_string_free (text, TRUE);
}

/* ---- Model ----------------------------------------------------------------- */

static ScProject *
load_model (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "snapcraft", "model",
                                                 "model.yaml", NULL);
  g_autoptr(GError) error = NULL;
  ScProject *project = sc_project_load (path, &error);

  g_assert_no_error (error);
  return project;
}

static void
assert_plugs (ScTarget   *target,
              const char *expected)     /* "name@line:col name@line:col" */
{
  g_auto(GStrv) want = g_strsplit (expected, " ", -1);

  if (expected[0] == '\0')
    {
      g_assert_cmpuint (target->plugs->len, ==, 0);
      return;
    }
  g_assert_cmpuint (target->plugs->len, ==, g_strv_length (want));
  for (guint i = 0; want[i]; i++)
    {
      ScPlugRef *ref = g_ptr_array_index (target->plugs, i);
      g_autofree char *got = g_strdup_printf ("%s@%u:%u", ref->name, ref->line, ref->column);

      g_assert_cmpstr (got, ==, want[i]);
    }
}

static void
test_model (void)
{
  g_autoptr(ScProject) project = load_model ();
  GPtrArray *apps = sc_project_get_apps (project);
  GPtrArray *hooks = sc_project_get_hooks (project);
  ScTarget *t;
  guint line, column;

  g_test_summary ("Every model field and position of a fixture that uses them all.");

  g_assert_cmpstr (sc_project_get_name (project), ==, "model-snap");
  g_assert_cmpstr (sc_project_get_base (project), ==, "core22");
  g_assert_cmpstr (sc_project_get_build_base (project), ==, "devel");
  g_assert_cmpstr (sc_project_get_grade (project), ==, "devel");
  g_assert_cmpstr (sc_project_get_confinement (project), ==, "devmode");
  sc_project_get_confinement_position (project, &line, &column);
  g_assert_cmpuint (line, ==, 6);
  g_assert_cmpuint (column, ==, 1);
  g_assert_cmpstr (sc_project_get_display_path (project), ==, "model.yaml");
  g_assert_cmpuint (sc_project_get_warnings (project)->len, ==, 0);

  g_assert_cmpuint (apps->len, ==, 5);
  t = g_ptr_array_index (apps, 0);
  g_assert_cmpstr (t->name, ==, "viewer");
  g_assert_false (t->is_hook);
  g_assert_cmpstr (t->command, ==, "bin/viewer --flag");
  g_assert_null (t->daemon);
  g_assert_cmpstrv (t->extensions, ((const char * const[]) { "gnome", NULL }));
  g_assert_cmpstrv (t->slots, ((const char * const[]) { "dbus-viewer", NULL }));
  g_assert_true (t->has_plugs_key);
  g_assert_cmpuint (t->line, ==, 12);
  g_assert_cmpuint (t->column, ==, 3);
  g_assert_cmpuint (t->plugs_line, ==, 15);
  g_assert_cmpuint (t->plugs_column, ==, 5);
  assert_plugs (t, "home@16:9 shared-fonts@17:9");
  g_assert_true (sc_project_find_target (project, "viewer") == t);

  t = g_ptr_array_index (apps, 1);
  g_assert_cmpstr (t->name, ==, "Server-2");
  g_assert_cmpstr (t->command, ==, "bin/server");
  g_assert_cmpstr (t->daemon, ==, "simple");
  g_assert_cmpstrv (t->extensions, ((const char * const[]) { NULL }));
  assert_plugs (t, "network@23:9 network-bind@24:9");

  /* plugs: *net resolves through the anchor (positions are the anchor's). */
  t = g_ptr_array_index (apps, 2);
  g_assert_cmpstr (t->name, ==, "client");
  g_assert_true (t->has_plugs_key);
  g_assert_cmpuint (t->plugs_line, ==, 27);
  assert_plugs (t, "network@23:9 network-bind@24:9");

  /* <<: *defaults merges command and plugs. */
  t = g_ptr_array_index (apps, 3);
  g_assert_cmpstr (t->name, ==, "merged");
  g_assert_cmpstr (t->command, ==, "bin/default");
  assert_plugs (t, "home@9:11");

  t = g_ptr_array_index (apps, 4);
  g_assert_cmpstr (t->name, ==, "bare");
  g_assert_null (t->command);
  g_assert_false (t->has_plugs_key);
  g_assert_cmpuint (t->plugs_line, ==, 0);
  assert_plugs (t, "");

  g_assert_cmpuint (hooks->len, ==, 2);
  t = g_ptr_array_index (hooks, 0);
  g_assert_cmpstr (t->name, ==, "configure");
  g_assert_true (t->is_hook);
  g_assert_cmpstrv (t->extensions, ((const char * const[]) { NULL }));
  assert_plugs (t, "network@34:13");
  g_assert_true (sc_project_find_target (project, "hook:configure") == t);
  g_assert_null (sc_project_find_target (project, "configure"));
  t = g_ptr_array_index (hooks, 1);
  g_assert_cmpstr (t->name, ==, "install");
  g_assert_false (t->has_plugs_key);
  g_assert_null (sc_project_find_target (project, "hook:remove"));
}

static void
test_plug_defs (void)
{
  g_autoptr(ScProject) project = load_model ();
  GPtrArray *defs = sc_project_get_plug_defs (project);
  static const struct
  {
    const char *name;
    const char *interface;
    const char *attributes;
    guint       line;
  } want[] = {
    { "empty-def", "empty-def", "@a{sv} {}", 38 },
    { "string-def", "network", "@a{sv} {}", 39 },
    { "shared-fonts", "content",
      "{'content': <'fonts'>, 'target': <'$SNAP/data-dir/fonts'>, "
      "'default-provider': <'font-provider'>}", 40 },
    { "editor-config", "personal-files",
      "{'read': <[<'$HOME/.config/editor'>]>, 'write': <[<'$HOME/.config/editor/state'>]>}", 45 },
    { "attrs", "attrs",
      "{'flag': <true>, 'off-flag': <false>, 'count': <int64 42>, 'negative': <int64 -7>, "
      "'text': <'true'>, 'nothing': <@ms nothing>, "
      "'nested': <{'a': <int64 1>, 'b': <[<'x'>, <'y'>]>}>, 'version': <'1.5'>}", 50 },
  };

  g_test_summary ("Top-level plug definitions in all three shapes, with attributes converted "
                  "as the header documents.");
  g_assert_cmpuint (defs->len, ==, G_N_ELEMENTS (want));
  for (guint i = 0; i < G_N_ELEMENTS (want); i++)
    {
      ScPlugDef *def = g_ptr_array_index (defs, i);
      g_autoptr(GVariant) expected = g_variant_ref_sink (g_variant_new_parsed (want[i].attributes));
      g_autofree char *got = g_variant_print (def->attributes, TRUE);

      g_test_message ("%s: %s", def->name, got);
      g_assert_cmpstr (def->name, ==, want[i].name);
      g_assert_cmpstr (def->interface, ==, want[i].interface);
      g_assert_true (g_variant_is_of_type (def->attributes, G_VARIANT_TYPE ("a{sv}")));
      g_assert_true (g_variant_equal (def->attributes, expected));
      g_assert_cmpuint (def->line, ==, want[i].line);
      g_assert_cmpuint (def->column, ==, 3);
      g_assert_true (sc_project_find_plug_def (project, want[i].name) == def);
    }
  g_assert_null (sc_project_find_plug_def (project, "home"));
}

static void
test_model_null_sections (void)
{
  static const char text[] = "name: x\napps:\nhooks: ~\nplugs:\nconfinement:\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(ScProject) project = sc_project_load_from_data ("snapcraft.yaml", text,
                                                            strlen (text), &error);

  g_test_summary ("Empty apps, hooks, plugs and confinement values are accepted as absent.");
  g_assert_no_error (error);
  g_assert_cmpuint (sc_project_get_apps (project)->len, ==, 0);
  g_assert_cmpuint (sc_project_get_hooks (project)->len, ==, 0);
  g_assert_cmpuint (sc_project_get_plug_defs (project)->len, ==, 0);
  g_assert_null (sc_project_get_confinement (project));
  g_assert_null (sc_project_get_base (project));
  g_assert_null (sc_project_get_root (project));
  g_assert_null (sc_project_get_path (project));
}

/* ---- Finding the project --------------------------------------------------- */

static char *
make_tree (const char * const *files)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("sc-project-XXXXXX", &error);

  g_assert_no_error (error);
  for (guint i = 0; files[i]; i++)
    {
      g_autofree char *path = g_build_filename (dir, files[i], NULL);
      g_autofree char *parent = g_path_get_dirname (path);
      g_autofree char *text = g_strdup_printf ("name: from-%u\n", i);

      g_assert_cmpint (g_mkdir_with_parents (parent, 0755), ==, 0);
      g_file_set_contents (path, text, -1, &error);
      g_assert_no_error (error);
    }
  return dir;
}

static void
remove_tree (const char *dir)
{
  for (guint i = 0; sc_project_candidates[i]; i++)
    {
      g_autofree char *path = g_build_filename (dir, sc_project_candidates[i], NULL);

      g_unlink (path);
    }
  {
    g_autofree char *a = g_build_filename (dir, "build-aux", "snap", NULL);
    g_autofree char *b = g_build_filename (dir, "build-aux", NULL);
    g_autofree char *c = g_build_filename (dir, "snap", NULL);

    g_rmdir (a);
    g_rmdir (b);
    g_rmdir (c);
    g_rmdir (dir);
  }
}

static void
test_find (void)
{
  static const struct
  {
    const char *files[5];
    const char *chosen;
    const char *name;
    const char *warning;    /* NULL: no warning */
  } cases[] = {
    { { "snapcraft.yaml", NULL }, "snapcraft.yaml", "from-0", NULL },
    { { ".snapcraft.yaml", NULL }, ".snapcraft.yaml", "from-0", NULL },
    { { "build-aux/snap/snapcraft.yaml", NULL }, "build-aux/snap/snapcraft.yaml", "from-0", NULL },
    { { ".snapcraft.yaml", "snap/snapcraft.yaml", NULL }, "snap/snapcraft.yaml", "from-1",
      "also has .snapcraft.yaml; using snap/snapcraft.yaml" },
    { { ".snapcraft.yaml", "build-aux/snap/snapcraft.yaml", "snap/snapcraft.yaml",
        "snapcraft.yaml", NULL }, "snapcraft.yaml", "from-3",
      "also has snap/snapcraft.yaml, build-aux/snap/snapcraft.yaml, .snapcraft.yaml; "
      "using snapcraft.yaml" },
  };

  g_test_summary ("A folder's snapcraft.yaml is found in snapcraft's order; when several "
                  "exist the first wins and a warning names it and the others.");

  g_assert_cmpstr (sc_project_candidates[0], ==, "snapcraft.yaml");
  g_assert_cmpstr (sc_project_candidates[1], ==, "snap/snapcraft.yaml");
  g_assert_cmpstr (sc_project_candidates[2], ==, "build-aux/snap/snapcraft.yaml");
  g_assert_cmpstr (sc_project_candidates[3], ==, ".snapcraft.yaml");
  g_assert_null (sc_project_candidates[4]);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *dir = make_tree (cases[i].files);
      g_autofree char *path = g_build_filename (dir, cases[i].chosen, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(ScProject) project = sc_project_load (dir, &error);
      GPtrArray *warnings;

      g_assert_no_error (error);
      g_assert_cmpstr (sc_project_get_name (project), ==, cases[i].name);
      g_assert_cmpstr (sc_project_get_display_path (project), ==, cases[i].chosen);
      g_assert_cmpstr (sc_project_get_path (project), ==, path);
      g_assert_cmpstr (sc_project_get_root (project), ==, dir);
      warnings = sc_project_get_warnings (project);
      if (cases[i].warning == NULL)
        g_assert_cmpuint (warnings->len, ==, 0);
      else
        {
          g_assert_cmpuint (warnings->len, ==, 1);
          g_test_message ("%s", (const char *) g_ptr_array_index (warnings, 0));
          g_assert_nonnull (strstr (g_ptr_array_index (warnings, 0), cases[i].warning));
        }

      /* Given the file itself: its base name, and the project folder as root. */
      {
        g_autoptr(ScProject) direct = sc_project_load (path, &error);
        g_autofree char *base = g_path_get_basename (path);

        g_assert_no_error (error);
        g_assert_cmpstr (sc_project_get_display_path (direct), ==, base);
        g_assert_cmpstr (sc_project_get_root (direct), ==, dir);
        g_assert_cmpuint (sc_project_get_warnings (direct)->len, ==, 0);
      }
      remove_tree (dir);
    }
}

static void
test_not_found (void)
{
  const char *none[] = { NULL };
  g_autofree char *dir = make_tree (none);
  g_autofree char *missing = g_build_filename (dir, "nope", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ScProject) project = NULL;

  g_test_summary ("An empty folder and a path that does not exist give NOT_FOUND.");
  project = sc_project_load (dir, &error);
  g_assert_null (project);
  g_assert_error (error, SC_PROJECT_ERROR, SC_PROJECT_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "build-aux/snap/snapcraft.yaml"));
  g_clear_error (&error);
  project = sc_project_load (missing, &error);
  g_assert_null (project);
  g_assert_error (error, SC_PROJECT_ERROR, SC_PROJECT_ERROR_NOT_FOUND);
  remove_tree (dir);
}

static void
test_error_names_file (void)
{
  const char *files[] = { "snap/snapcraft.yaml", NULL };
  g_autofree char *dir = make_tree (files);
  g_autofree char *path = g_build_filename (dir, "snap", "snapcraft.yaml", NULL);
  g_autofree char *prefix = g_strconcat (path, ":2:1: ", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ScProject) project = NULL;

  g_test_summary ("Errors name the file as the user can reach it: the folder they gave joined "
                  "with the file found in it.");
  g_file_set_contents (path, "name: a\nname: b\n", -1, &error);
  g_assert_no_error (error);
  project = sc_project_load (dir, &error);
  g_assert_null (project);
  g_assert_error (error, SC_PROJECT_ERROR, SC_PROJECT_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, prefix));
  g_clear_error (&error);
  project = sc_project_load (path, &error);
  g_assert_true (g_str_has_prefix (error->message, prefix));
  remove_tree (dir);
}

static void
test_bom_and_crlf (void)
{
  static const char text[] = "\xef\xbb\xbfname: bom\r\nconfinement: devmode\r\napps:\r\n  a:\r\n    plugs: [home]\r\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(ScProject) project = sc_project_load_from_data ("snapcraft.yaml", text,
                                                            strlen (text), &error);
  ScTarget *a;
  guint line, column;

  g_test_summary ("A byte order mark and CRLF line ends are accepted; positions count "
                  "neither.");
  g_assert_no_error (error);
  g_assert_cmpstr (sc_project_get_name (project), ==, "bom");
  sc_project_get_confinement_position (project, &line, &column);
  g_assert_cmpuint (line, ==, 2);
  g_assert_cmpuint (column, ==, 1);
  a = sc_project_find_target (project, "a");
  assert_plugs (a, "home@5:13");
}

static void
test_string_plugs (void)
{
  /* Plain scalars PyYAML keeps as strings, and quoted or !!str ones. */
  static const char * const lists[] = {
    "[\"42\", '1.5', !!str 3, 'true', y, N, 0o17, 1e5, +.5, 0xZ, home]",
  };
  static const char * const expected[] = {
    "42", "1.5", "3", "true", "y", "N", "0o17", "1e5", "+.5", "0xZ", "home",
  };

  g_test_summary ("Plug names that YAML 1.1 reads as strings load: quoted numbers, !!str, "
                  "and plain words PyYAML does not resolve (y, 0o17, 1e5)");

  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    {
      g_autofree char *text = g_strdup_printf ("name: x\napps:\n  a:\n    plugs: %s\n", lists[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(ScProject) project = sc_project_load_from_data ("snapcraft.yaml", text, strlen (text),
                                                                &error);
      ScTarget *app;

      g_assert_no_error (error);
      app = sc_project_find_target (project, "a");
      g_assert_cmpuint (app->plugs->len, ==, G_N_ELEMENTS (expected));
      for (guint k = 0; k < G_N_ELEMENTS (expected); k++)
        g_assert_cmpstr (((ScPlugRef *) app->plugs->pdata[k])->name, ==, expected[k]);
    }
}

static void
test_duplicate_plugs (void)
{
  const char *text = "name: x\napps:\n  a:\n    plugs: [home, x11, home]\n"
                     "hooks:\n  install:\n    plugs:\n      - network\n      - network\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(ScProject) project = NULL;
  ScTarget *app, *hook;
  ScPlugRef *ref;

  g_test_summary ("A plug listed twice loads (check reports it); the model keeps both "
                  "entries with their own positions");

  project = sc_project_load_from_data ("snapcraft.yaml", text, strlen (text), &error);
  g_assert_no_error (error);
  app = sc_project_find_target (project, "a");
  g_assert_cmpuint (app->plugs->len, ==, 3);
  ref = app->plugs->pdata[2];
  g_assert_cmpstr (ref->name, ==, "home");
  g_assert_cmpuint (ref->line, ==, 4);
  g_assert_cmpuint (ref->column, ==, 24);
  hook = sc_project_find_target (project, "hook:install");
  g_assert_cmpuint (hook->plugs->len, ==, 2);
  ref = hook->plugs->pdata[1];
  g_assert_cmpuint (ref->line, ==, 9);
  g_assert_cmpuint (ref->column, ==, 9);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (invalid_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/project/invalid/%s", invalid_cases[i].name);

      g_test_add_data_func (path, &invalid_cases[i], test_invalid);
    }
  g_test_add_func ("/project/invalid/too-deep", test_too_deep);
  g_test_add_func ("/project/invalid/too-large", test_too_large);
  g_test_add_func ("/project/alias-bomb", test_alias_bomb);
  g_test_add_func ("/project/model", test_model);
  g_test_add_func ("/project/plug-defs", test_plug_defs);
  g_test_add_func ("/project/null-sections", test_model_null_sections);
  g_test_add_func ("/project/find", test_find);
  g_test_add_func ("/project/not-found", test_not_found);
  g_test_add_func ("/project/error-names-file", test_error_names_file);
  g_test_add_func ("/project/bom-and-crlf", test_bom_and_crlf);
  g_test_add_func ("/project/string-plugs", test_string_plugs);
  g_test_add_func ("/project/duplicate-plugs", test_duplicate_plugs);

  return g_test_run ();
}
