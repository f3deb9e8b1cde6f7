/* test-utils.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sc-utils.h"

static void
test_set_str (void)
{
  g_autofree char *s = NULL;

  g_assert_true (sc_set_str (&s, "a"));
  g_assert_cmpstr (s, ==, "a");
  g_assert_false (sc_set_str (&s, "a"));
  g_assert_true (sc_set_str (&s, NULL));
  g_assert_null (s);
  g_assert_false (sc_set_str (&s, NULL));
}

static void
test_edit_distance (void)
{
  static const struct { const char *a, *b; guint d; } cases[] = {
    { "", "", 0 }, { "home", "home", 0 }, { "hom", "home", 1 }, { "netwrok", "network", 2 },
    { "camera", "cmaera", 2 }, { "", "abc", 3 }, { "kitten", "sitting", 3 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_cmpuint (sc_edit_distance (cases[i].a, cases[i].b), ==, cases[i].d);
      g_assert_cmpuint (sc_edit_distance (cases[i].b, cases[i].a), ==, cases[i].d);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/utils/set-str", test_set_str);
  g_test_add_func ("/utils/edit-distance", test_edit_distance);
  return g_test_run ();
}
