/* test-diff.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "sc-diff.h"

static char *
diff (const char *a,
      const char *b)
{
  return sc_diff_unified (a, strlen (a), b, strlen (b), "a/f", "b/f", 3);
}

/* Applies a unified diff to OLD and returns the result, or NULL when the
 * diff does not match OLD (a context or removed line differs). */
static GPtrArray *
split_keep_ends (const char *text)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);

  while (*text)
    {
      const char *nl = strchr (text, '\n');
      gsize len = nl ? (gsize) (nl - text) + 1 : strlen (text);

      g_ptr_array_add (lines, g_strndup (text, len));
      text += len;
    }
  return lines;
}

static char *
apply (const char *old,
       const char *patch)
{
  g_autoptr(GPtrArray) old_lines = split_keep_ends (old);
  g_autoptr(GPtrArray) patch_lines = split_keep_ends (patch);
  GString *out = g_string_new (NULL);
  guint old_pos = 0;

  for (guint i = 2; i < patch_lines->len; i++)
    {
      const char *line = g_ptr_array_index (patch_lines, i);
      g_autofree char *text = NULL;
      gboolean no_newline;

      if (line[0] == '@')
        {
          guint start = 0, count = 1;
          const char *comma;

          start = (guint) g_ascii_strtoull (line + 4, (char **) &comma, 10);
          if (*comma == ',')
            count = (guint) g_ascii_strtoull (comma + 1, NULL, 10);
          /* "-N,0" names the line before an insertion. */
          if (count == 0)
            start++;
          while (old_pos + 1 < start)
            g_string_append (out, g_ptr_array_index (old_lines, old_pos++));
          continue;
        }
      if (line[0] == '\\')
        continue;

      no_newline = i + 1 < patch_lines->len
                   && ((const char *) g_ptr_array_index (patch_lines, i + 1))[0] == '\\';
      text = g_strdup (line + 1);
      if (no_newline)
        text[strlen (text) - 1] = '\0';

      if (line[0] == ' ' || line[0] == '-')
        {
          if (old_pos >= old_lines->len
              || g_strcmp0 (g_ptr_array_index (old_lines, old_pos), text) != 0)
            {
              g_string_free (out, TRUE);
              return NULL;
            }
          old_pos++;
        }
      if (line[0] == ' ' || line[0] == '+')
        g_string_append (out, text);
    }
  while (old_pos < old_lines->len)
    g_string_append (out, g_ptr_array_index (old_lines, old_pos++));

  return g_string_free (out, FALSE);
}

static void
test_equal (void)
{
  g_autofree char *d = diff ("a\nb\n", "a\nb\n");

  g_test_summary ("Equal texts give an empty diff");
  g_assert_cmpstr (d, ==, "");
}

static void
test_simple_change (void)
{
  const char *a = "1\n2\n3\n4\n5\n6\n7\n8\n9\n";
  const char *b = "1\n2\n3\n4\nfive\n6\n7\n8\n9\n";
  g_autofree char *d = diff (a, b);

  g_test_summary ("One changed line gives one hunk with three lines of context, as diff -u");
  g_assert_cmpstr (d, ==,
                   "--- a/f\n+++ b/f\n"
                   "@@ -2,7 +2,7 @@\n"
                   " 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n");
}

static void
test_insert_at_start_and_end (void)
{
  g_autofree char *d1 = diff ("a\n", "x\na\n");
  g_autofree char *d2 = diff ("a\n", "a\nx\n");
  g_autofree char *d3 = diff ("", "x\n");
  g_autofree char *d4 = diff ("x\n", "");

  g_assert_cmpstr (d1, ==, "--- a/f\n+++ b/f\n@@ -1 +1,2 @@\n+x\n a\n");
  g_assert_cmpstr (d2, ==, "--- a/f\n+++ b/f\n@@ -1 +1,2 @@\n a\n+x\n");
  g_assert_cmpstr (d3, ==, "--- a/f\n+++ b/f\n@@ -0,0 +1 @@\n+x\n");
  g_assert_cmpstr (d4, ==, "--- a/f\n+++ b/f\n@@ -1 +0,0 @@\n-x\n");
}

static void
test_no_newline (void)
{
  g_autofree char *d = diff ("a\nb", "a\nc");

  g_test_summary ("A last line without newline is marked as diff -u does");
  g_assert_cmpstr (d, ==,
                   "--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n"
                   "+c\n\\ No newline at end of file\n");
}

static void
test_crlf (void)
{
  g_autofree char *d = diff ("a\r\nb\r\n", "a\r\nc\r\n");

  g_test_summary ("CRLF line endings are kept in the diff lines");
  g_assert_cmpstr (d, ==, "--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n a\r\n-b\r\n+c\r\n");
}

static void
test_two_hunks (void)
{
  GString *a = g_string_new (NULL), *b = g_string_new (NULL);
  g_autofree char *d = NULL;
  guint hunks = 0;

  for (int i = 0; i < 40; i++)
    {
      g_string_append_printf (a, "line %d\n", i);
      g_string_append_printf (b, i == 5 || i == 30 ? "changed %d\n" : "line %d\n", i);
    }
  d = diff (a->str, b->str);
  for (const char *p = d; (p = strstr (p, "\n@@ ")) != NULL; p++)
    hunks++;
  g_assert_cmpuint (hunks, ==, 2);
  g_assert_nonnull (strstr (d, "@@ -3,7 +3,7 @@\n"));
  g_assert_nonnull (strstr (d, "@@ -28,7 +28,7 @@\n"));
  g_string_free (a, TRUE);
  g_string_free (b, TRUE);
}

static void
test_random_apply (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);

  g_test_summary ("Random edits: applying the diff to the old text gives the new text");
  for (int iter = 0; iter < 300; iter++)
    {
      GString *a = g_string_new (NULL), *b = g_string_new (NULL);
      int n = g_rand_int_range (rand, 0, 60);
      g_autofree char *d = NULL;
      g_autofree char *applied = NULL;

      for (int i = 0; i < n; i++)
        {
          int line = g_rand_int_range (rand, 0, 8);
          int action = g_rand_int_range (rand, 0, 10);

          if (action != 0)
            g_string_append_printf (a, "l%d\n", line);
          if (action != 1)
            g_string_append_printf (b, action == 2 ? "m%d\n" : "l%d\n", line);
          if (action == 3)
            g_string_append_printf (b, "new%d\n", i);
        }
      if (g_rand_boolean (rand) && b->len > 0)
        g_string_truncate (b, b->len - 1);  /* drop the final newline */

      d = diff (a->str, b->str);
      if (strcmp (a->str, b->str) == 0)
        g_assert_cmpstr (d, ==, "");
      else
        {
          applied = apply (a->str, d);
          g_assert_nonnull (applied);
          g_assert_cmpstr (applied, ==, b->str);
        }
      g_string_free (a, TRUE);
      g_string_free (b, TRUE);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/diff/equal", test_equal);
  g_test_add_func ("/diff/simple-change", test_simple_change);
  g_test_add_func ("/diff/insert-start-end", test_insert_at_start_and_end);
  g_test_add_func ("/diff/no-newline", test_no_newline);
  g_test_add_func ("/diff/crlf", test_crlf);
  g_test_add_func ("/diff/two-hunks", test_two_hunks);
  g_test_add_func ("/diff/random-apply", test_random_apply);
  return g_test_run ();
}
