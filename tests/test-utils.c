/* test-utils.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>

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

static int
compare_ints (gconstpointer a,
              gconstpointer b)
{
  int x = *(const int *) a;
  int y = *(const int *) b;

  return x < y ? -1 : x > y;
}

static void
check_select_first (int   *values,
                    gsize  n,
                    gsize  k)
{
  g_autofree int *sorted = NULL;
  g_autofree int *first = NULL;

  if (n == 0)
    {
      sc_select_first (values, 0, sizeof (int), k, compare_ints);
      return;
    }

  sorted = g_memdup2 (values, n * sizeof (int));
  qsort (sorted, n, sizeof (int), compare_ints);
  sc_select_first (values, n, sizeof (int), k, compare_ints);

  /* The first K are the K smallest, and nothing was lost. */
  first = g_memdup2 (values, n * sizeof (int));
  qsort (first, MIN (k, n), sizeof (int), compare_ints);
  qsort (first + MIN (k, n), n - MIN (k, n), sizeof (int), compare_ints);
  for (gsize i = 0; i < n; i++)
    g_assert_cmpint (first[i], ==, sorted[i]);
}

static void
test_select_first (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261204);
  const gsize sizes[] = { 0, 1, 2, 3, 7, 100, 5000 };

  g_test_summary ("sc_select_first puts the K first elements in front, whatever the input "
                  "order, K and size");

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      gsize n = sizes[s];
      g_autofree int *values = g_new (int, MAX (n, 1));

      for (guint shape = 0; shape < 4; shape++)
        for (gsize k = 0; k <= n; k += MAX (n / 7, 1))
          {
            /* Random, ascending, descending, organ pipe; all distinct. */
            for (gsize i = 0; i < n; i++)
              values[i] = shape == 0 ? (int) (g_rand_int (rand) & 0x0fffffff) * 4 + (int) (i % 4)
                          : shape == 1 ? (int) i
                          : shape == 2 ? (int) (n - i)
                          : (int) (i < n / 2 ? 2 * i : 2 * (n - i) + 1);
            if (shape == 0)
              {
                /* Distinct: sort out equal draws. */
                qsort (values, n, sizeof (int), compare_ints);
                for (gsize i = 1; i < n; i++)
                  if (values[i] <= values[i - 1])
                    values[i] = values[i - 1] + 1;
                for (gsize i = n; i > 1; i--)
                  {
                    gsize j = g_rand_int_range (rand, 0, i);
                    int t = values[i - 1];

                    values[i - 1] = values[j];
                    values[j] = t;
                  }
              }
            check_select_first (values, n, k);
          }
    }
}

static void
test_glob_match_class (void)
{
  static const struct { const char *pattern; char c; gboolean match; const char *rest; } cases[] = {
    { "[abc]x", 'b', TRUE, "x" },
    { "[abc]x", 'd', FALSE, "x" },
    { "[a-c]", 'c', TRUE, "" },
    { "[a-c]", 'd', FALSE, "" },
    { "[^a-c]/", 'b', FALSE, "/" },
    { "[!a-c]/", 'z', TRUE, "/" },
    { "[]a]", ']', TRUE, "" },      /* a "]" first is a member */
    { "[a-]", '-', TRUE, "" },      /* a "-" last is a member */
    { "[0-9", '5', TRUE, "" },      /* unclosed: the rest of the pattern */
  };

  g_test_summary ("Glob character classes: members, ranges, negation, a leading ']' and "
                  "a trailing '-' as members; the pattern moves past the class");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *p = cases[i].pattern;

      g_assert_cmpint (sc_glob_match_class (&p, cases[i].c), ==, cases[i].match);
      g_assert_cmpstr (p, ==, cases[i].rest);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/utils/set-str", test_set_str);
  g_test_add_func ("/utils/edit-distance", test_edit_distance);
  g_test_add_func ("/utils/select-first", test_select_first);
  g_test_add_func ("/utils/glob-match-class", test_glob_match_class);

  return g_test_run ();
}
