/* fuzz-project.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libFuzzer target for the project loader and editor: parse the input;
 * when it is a valid project, set strict confinement, add a plug to and
 * remove one from the first app and the first hook, maybe define a plug,
 * and render (which parses the result again). Invariants: nothing crashes;
 * a refused input is INVALID with a "FILE:LINE:COL: " message; a render
 * either succeeds with text that loads again with exactly the intended
 * changes, or fails with VERIFY. Also checks that sc_yaml_quote_scalar's
 * output reads back as the same string.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sc-project.h"
#include "sc-yaml-document.h"

#define CHECK(cond)                                                        \
  G_STMT_START {                                                           \
    if (!(cond))                                                           \
      {                                                                    \
        fprintf (stderr, "%s:%d: invariant failed: %s\n", __FILE__, __LINE__, #cond); \
        abort ();                                                          \
      }                                                                    \
  } G_STMT_END

static const char * const new_plugs[] = { "camera", "network", "home", "on", "x11", "null" };

static void
check_message (const GError *error)
{
  guint line = 0, column = 0;
  const char *p;

  CHECK (g_str_has_prefix (error->message, "fuzz.yaml:"));
  p = error->message + strlen ("fuzz.yaml:");
  CHECK (sscanf (p, "%u:%u: ", &line, &column) == 2);
  CHECK (line >= 1 && column >= 1);
}

static gboolean
has_plug (ScTarget   *target,
          const char *name)
{
  for (guint i = 0; i < target->plugs->len; i++)
    if (g_str_equal (((ScPlugRef *) g_ptr_array_index (target->plugs, i))->name, name))
      return TRUE;
  return FALSE;
}

static void
check_quote (const char *data,
             size_t      size)
{
  g_autofree char *line = NULL;
  g_autofree char *quoted = NULL;
  g_autofree char *doc_text = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(ScYamlDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  const char *nl = memchr (data, '\n', size);
  gsize len = nl ? (gsize) (nl - data) : size;
  ScYamlNode *value;

  if (len > 200 || memchr (data, '\0', len) != NULL || !g_utf8_validate (data, (gssize) len, NULL))
    return;
  line = g_strndup (data, len);
  for (char *p = line; *p; p++)
    if (*p == '\r')
      return;

  for (int flow = 0; flow < 2; flow++)
    {
      g_clear_pointer (&quoted, g_free);
      g_clear_pointer (&doc_text, g_free);
      g_clear_pointer (&bytes, g_bytes_unref);
      g_clear_pointer (&doc, sc_yaml_document_free);
      g_clear_error (&error);

      quoted = sc_yaml_quote_scalar (line, flow);
      doc_text = flow ? g_strdup_printf ("k: [%s]\n", quoted) : g_strdup_printf ("k: %s\n", quoted);
      bytes = g_bytes_new (doc_text, strlen (doc_text));
      doc = sc_yaml_document_new ("quote.yaml", bytes, &error);
      if (doc == NULL)
        {
          /* Only characters YAML cannot carry at all may fail. */
          CHECK (error != NULL);
          continue;
        }
      value = sc_yaml_mapping_lookup (sc_yaml_document_get_root (doc), "k", NULL);
      CHECK (value != NULL);
      if (flow)
        {
          CHECK (value->kind == SC_YAML_NODE_SEQUENCE && value->n_children == 1);
          value = value->children[0];
        }
      CHECK (value->kind == SC_YAML_NODE_SCALAR);
      CHECK (g_str_equal (value->value, line));
      CHECK (sc_yaml_node_is_string (value));
    }
}

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScProject) project = NULL;
  g_autoptr(ScProject) reloaded = NULL;
  g_autoptr(ScEdit) edit = NULL;
  g_autoptr(GBytes) out = NULL;
  g_autofree char *diff = NULL;
  GPtrArray *apps, *hooks;
  const char *add = new_plugs[size % G_N_ELEMENTS (new_plugs)];
  ScTarget *targets[2] = { NULL, NULL };
  g_autoptr(GPtrArray) expected0 = g_ptr_array_new ();
  g_autoptr(GPtrArray) expected1 = g_ptr_array_new ();
  GPtrArray *expected[2] = { expected0, expected1 };
  const char *names[2] = { NULL, NULL };

  check_quote ((const char *) data, size);

  project = sc_project_load_from_data ("fuzz.yaml", (const char *) data, size, &error);
  if (project == NULL)
    {
      CHECK (error != NULL && error->domain == SC_PROJECT_ERROR);
      CHECK (error->code == SC_PROJECT_ERROR_INVALID);
      check_message (error);
      return 0;
    }
  CHECK (sc_project_get_name (project) != NULL);

  edit = sc_edit_new (project);
  out = sc_edit_render (edit, &error);
  CHECK (out != NULL && g_bytes_equal (out, sc_project_get_bytes (project)));
  g_clear_pointer (&out, g_bytes_unref);

  sc_edit_set_confinement (edit, "strict");
  apps = sc_project_get_apps (project);
  hooks = sc_project_get_hooks (project);
  if (apps->len > 0)
    {
      targets[0] = g_ptr_array_index (apps, 0);
      names[0] = targets[0]->name;
    }
  if (hooks->len > 0)
    {
      targets[1] = g_ptr_array_index (hooks, 0);
      names[1] = g_strconcat ("hook:", targets[1]->name, NULL);
    }

  for (guint t = 0; t < 2; t++)
    {
      ScTarget *target = targets[t];
      const char *removed = NULL;

      if (target == NULL)
        continue;
      CHECK (sc_edit_add_plug (edit, names[t], add, &error));
      if (target->plugs->len > 0)
        {
          removed = ((ScPlugRef *) g_ptr_array_index (target->plugs, 0))->name;
          CHECK (sc_edit_remove_plug (edit, names[t], removed, &error));
          /* Sometimes added back: the last operation wins and the plug
           * keeps its place (every occurrence of it). */
          if (size % 3 == 0)
            {
              CHECK (sc_edit_add_plug (edit, names[t], removed, &error));
              removed = NULL;
            }
        }
      for (guint i = 0; i < target->plugs->len; i++)
        {
          const char *name = ((ScPlugRef *) g_ptr_array_index (target->plugs, i))->name;

          if (g_strcmp0 (name, removed) != 0)
            g_ptr_array_add (expected[t], (gpointer) name);
        }
      if (!has_plug (target, add))
        g_ptr_array_add (expected[t], (gpointer) add);
    }
  CHECK (!sc_edit_add_plug (edit, "no-such-app-xyz", "camera", NULL));
  /* An invalid name is refused unless the list holds it already (then it
   * may be kept or put back, as it may be removed). */
  if (targets[0] == NULL || !has_plug (targets[0], "Bad_Name"))
    CHECK (!sc_edit_add_plug (edit, names[0] ? names[0] : "x", "Bad_Name", NULL));

  if (size > 0 && data[0] % 4 == 0)
    {
      GVariantBuilder builder;

      g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{sv}"));
      g_variant_builder_add (&builder, "{sv}", "interface", g_variant_new_string ("personal-files"));
      g_variant_builder_add (&builder, "{sv}", "read",
                             g_variant_new_strv ((const char * const[]) { "$HOME/.x", "on" }, 2));
      g_variant_builder_add (&builder, "{sv}", "flag", g_variant_new_boolean (TRUE));
      CHECK (sc_edit_define_plug (edit, "fuzz-files", g_variant_builder_end (&builder), &error));
    }

  out = sc_edit_render (edit, &error);
  if (out == NULL)
    {
      CHECK (error != NULL && error->domain == SC_PROJECT_ERROR);
      CHECK (error->code == SC_PROJECT_ERROR_VERIFY);
      if (g_getenv ("SC_FUZZ_VERBOSE"))
        fprintf (stderr, "VERIFY: %s\n", error->message);
    }
  else
    {
      gsize len;
      const char *text = g_bytes_get_data (out, &len);

      reloaded = sc_project_load_from_data ("fuzz.yaml", text ? text : "", len, &error);
      CHECK (reloaded != NULL);
      CHECK (g_strcmp0 (sc_project_get_confinement (reloaded), "strict") == 0);
      CHECK (g_strcmp0 (sc_project_get_name (reloaded), sc_project_get_name (project)) == 0);
      CHECK (sc_project_get_apps (reloaded)->len == apps->len);
      CHECK (sc_project_get_hooks (reloaded)->len == hooks->len);
      for (guint t = 0; t < 2; t++)
        {
          ScTarget *now;

          if (targets[t] == NULL)
            continue;
          now = sc_project_find_target (reloaded, names[t]);
          CHECK (now != NULL);
          CHECK (now->plugs->len == expected[t]->len);
          for (guint i = 0; i < now->plugs->len; i++)
            CHECK (g_str_equal (((ScPlugRef *) g_ptr_array_index (now->plugs, i))->name,
                                g_ptr_array_index (expected[t], i)));
        }
      diff = sc_edit_diff (edit, &error);
      CHECK (diff != NULL);
    }

  if (names[1] != NULL)
    g_free ((char *) names[1]);
  return 0;
}
