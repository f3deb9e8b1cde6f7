/* test-json.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sc-json.h"

static void
test_nested (void)
{
  g_autoptr(ScJson) json = sc_json_new (FALSE);
  const char *strv[] = { "a", "b", NULL };
  g_autofree char *text = NULL;

  g_test_summary ("Objects, arrays and scalars are written with commas in the right places");
  sc_json_begin_object (json);
  sc_json_member_string (json, "name", "x");
  sc_json_member_string (json, "none", NULL);
  sc_json_member_int (json, "n", -3);
  sc_json_member_boolean (json, "ok", TRUE);
  sc_json_key (json, "list");
  sc_json_strv (json, strv);
  sc_json_key (json, "empty");
  sc_json_begin_array (json);
  sc_json_end_array (json);
  sc_json_key (json, "obj");
  sc_json_begin_object (json);
  sc_json_end_object (json);
  sc_json_end_object (json);
  text = sc_json_free_to_string (g_steal_pointer (&json));
  g_assert_cmpstr (text, ==,
                   "{\"name\":\"x\",\"none\":null,\"n\":-3,\"ok\":true,\"list\":[\"a\",\"b\"],"
                   "\"empty\":[],\"obj\":{}}");
}

static void
test_escaping (void)
{
  g_autoptr(ScJson) json = sc_json_new (FALSE);
  g_autofree char *text = NULL;

  g_test_summary ("Control characters, quotes and invalid UTF-8 still give valid JSON");
  sc_json_begin_array (json);
  sc_json_string (json, "a\"b\\c\nd\te\x01");
  sc_json_string (json, "caf\xc3\xa9");
  sc_json_string (json, "bad\xff");
  sc_json_end_array (json);
  text = sc_json_free_to_string (g_steal_pointer (&json));
  g_assert_cmpstr (text, ==, "[\"a\\\"b\\\\c\\nd\\te\\u0001\",\"caf\xc3\xa9\",\"bad\xef\xbf\xbd\"]");
}

static void
test_variant (void)
{
  g_autoptr(ScJson) json = sc_json_new (FALSE);
  g_autoptr(GVariant) v = NULL;
  g_autofree char *text = NULL;
  GVariantBuilder b;
  const char *read[] = { "$HOME/.config/x", NULL };

  g_test_summary ("GVariant attribute dictionaries become JSON objects");
  g_variant_builder_init (&b, G_VARIANT_TYPE ("a{sv}"));
  g_variant_builder_add (&b, "{sv}", "read", g_variant_new_strv (read, -1));
  g_variant_builder_add (&b, "{sv}", "write", g_variant_new_boolean (FALSE));
  g_variant_builder_add (&b, "{sv}", "n", g_variant_new_int64 (7));
  g_variant_builder_add (&b, "{sv}", "nothing", g_variant_new_maybe (G_VARIANT_TYPE_STRING, NULL));
  v = g_variant_ref_sink (g_variant_builder_end (&b));
  sc_json_variant (json, v);
  text = sc_json_free_to_string (g_steal_pointer (&json));
  g_assert_cmpstr (text, ==, "{\"read\":[\"$HOME/.config/x\"],\"write\":false,\"n\":7,\"nothing\":null}");
}

static void
test_pretty (void)
{
  g_autoptr(ScJson) json = sc_json_new (TRUE);
  g_autofree char *text = NULL;

  sc_json_begin_object (json);
  sc_json_member_int (json, "a", 1);
  sc_json_key (json, "b");
  sc_json_begin_array (json);
  sc_json_int (json, 2);
  sc_json_end_array (json);
  sc_json_end_object (json);
  text = sc_json_free_to_string (g_steal_pointer (&json));
  g_assert_cmpstr (text, ==, "{\n  \"a\": 1,\n  \"b\": [\n    2\n  ]\n}");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/json/nested", test_nested);
  g_test_add_func ("/json/escaping", test_escaping);
  g_test_add_func ("/json/variant", test_variant);
  g_test_add_func ("/json/pretty", test_pretty);
  return g_test_run ();
}
