/* sc-diff.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Myers' O(ND) line diff after trimming the common prefix and suffix, which
 * is where all of our edits live: a few changed lines in a long file cost
 * almost nothing. Output follows GNU `diff -u`.
 */
#define G_LOG_DOMAIN "sc-diff"

#include "config.h"

#include <string.h>

#include "sc-diff.h"

typedef struct
{
  const char *start;
  gsize       len;     /* including the line ending, if any */
  guint       hash;
} Line;

/* Past this many differences the middle is shown as one replacement; the
 * result is still a correct diff, only not a minimal one. */
#define MAX_EDIT_COST 4000

static GArray *
split_lines (const char *text,
             gsize       len)
{
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (Line));
  const char *p = text;
  const char *end = text + len;

  while (p < end)
    {
      const char *nl = memchr (p, '\n', (gsize) (end - p));
      Line line;
      guint h = 5381;

      line.start = p;
      line.len = nl != NULL ? (gsize) (nl - p) + 1 : (gsize) (end - p);
      for (gsize i = 0; i < line.len; i++)
        h = (h * 33) ^ (guchar) p[i];
      line.hash = h;
      g_array_append_val (lines, line);
      p += line.len;
    }
  return lines;
}

static inline gboolean
line_equal (const Line *a,
            const Line *b)
{
  return a->hash == b->hash && a->len == b->len && memcmp (a->start, b->start, a->len) == 0;
}

typedef enum { OP_EQUAL, OP_DELETE, OP_INSERT } OpKind;

/* Appends the edit script of A[0..n) → B[0..m) to OPS (one entry per line). */
static void
myers (const Line *a,
       int         n,
       const Line *b,
       int         m,
       GArray     *ops)
{
  int max = n + m;
  int offset;
  g_autoptr(GPtrArray) trace = NULL;
  g_autofree int *v = NULL;
  int d, found_d = -1;
  GArray *rev;

  if (n == 0 || m == 0 || max > 2 * MAX_EDIT_COST * 8)
    goto replace_all;

  offset = max + 1;
  v = g_new0 (int, 2 * (gsize) max + 3);
  trace = g_ptr_array_new_with_free_func (g_free);

  for (d = 0; d <= max && d <= MAX_EDIT_COST; d++)
    {
      /* Save only the diagonals this step can reach: [-d, d]. */
      int *saved = g_new (int, 2 * (gsize) d + 1);

      for (int k = -d; k <= d; k++)
        saved[k + d] = v[offset + k];
      g_ptr_array_add (trace, saved);

      for (int k = -d; k <= d; k += 2)
        {
          int x, y;

          if (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]))
            x = v[offset + k + 1];
          else
            x = v[offset + k - 1] + 1;
          y = x - k;
          while (x < n && y < m && line_equal (&a[x], &b[y]))
            x++, y++;
          v[offset + k] = x;
          if (x >= n && y >= m)
            {
              found_d = d;
              goto done;
            }
        }
    }

done:
  if (found_d < 0)
    goto replace_all;

  /* Walk back through the saved frontiers. */
  rev = g_array_new (FALSE, FALSE, sizeof (OpKind));
  {
    int x = n, y = m;

    for (d = found_d; d > 0; d--)
      {
        const int *prev = g_ptr_array_index (trace, d);  /* v before step d, indices [-d, d] */
        int k = x - y;
        int prev_k, prev_x, prev_y;

        /* prev holds the values of step d-1 for diagonals in [-(d), d]. */
        if (k == -d || (k != d && prev[k - 1 + d] < prev[k + 1 + d]))
          prev_k = k + 1;
        else
          prev_k = k - 1;
        prev_x = prev[prev_k + d];
        prev_y = prev_x - prev_k;

        while (x > prev_x && y > prev_y)
          {
            OpKind op = OP_EQUAL;
            g_array_append_val (rev, op);
            x--, y--;
          }
        {
          OpKind op = (x == prev_x) ? OP_INSERT : OP_DELETE;
          g_array_append_val (rev, op);
        }
        x = prev_x;
        y = prev_y;
      }
    while (x > 0 && y > 0)
      {
        OpKind op = OP_EQUAL;
        g_array_append_val (rev, op);
        x--, y--;
      }
  }
  for (guint i = rev->len; i > 0; i--)
    g_array_append_val (ops, g_array_index (rev, OpKind, i - 1));
  g_array_unref (rev);
  return;

replace_all:
  for (int i = 0; i < n; i++)
    {
      OpKind op = OP_DELETE;
      g_array_append_val (ops, op);
    }
  for (int i = 0; i < m; i++)
    {
      OpKind op = OP_INSERT;
      g_array_append_val (ops, op);
    }
}

static void
append_line (GString    *out,
             char        prefix,
             const Line *line)
{
  g_string_append_c (out, prefix);
  g_string_append_len (out, line->start, (gssize) line->len);
  if (line->len == 0 || line->start[line->len - 1] != '\n')
    g_string_append (out, "\n\\ No newline at end of file\n");
}

static void
append_range (GString *out,
              char     sign,
              guint    start,   /* 0-based index of the first line */
              guint    count)
{
  if (count == 1)
    g_string_append_printf (out, "%c%u", sign, start + 1);
  else if (count == 0)
    g_string_append_printf (out, "%c%u,0", sign, start);
  else
    g_string_append_printf (out, "%c%u,%u", sign, start + 1, count);
}

/* The edit script of A → B, one operation per line: the common prefix
 * and suffix as they are, Myers's algorithm in between. */
static GArray *
edit_script (GArray *a,
             GArray *b)
{
  GArray *ops;
  guint n = a->len, m = b->len, prefix = 0, suffix = 0;
  OpKind equal = OP_EQUAL;

  while (prefix < n && prefix < m
         && line_equal (&g_array_index (a, Line, prefix), &g_array_index (b, Line, prefix)))
    prefix++;
  while (suffix < n - prefix && suffix < m - prefix
         && line_equal (&g_array_index (a, Line, n - 1 - suffix),
                        &g_array_index (b, Line, m - 1 - suffix)))
    suffix++;

  ops = g_array_new (FALSE, FALSE, sizeof (OpKind));
  for (guint i = 0; i < prefix; i++)
    g_array_append_val (ops, equal);
  myers (&g_array_index (a, Line, prefix), (int) (n - prefix - suffix),
         &g_array_index (b, Line, prefix), (int) (m - prefix - suffix), ops);
  for (guint i = 0; i < suffix; i++)
    g_array_append_val (ops, equal);
  return ops;
}

/* Where the hunk whose first change is OPS[FIRST] ends: changes closer
 * than 2 × CONTEXT equal lines share a hunk, and CONTEXT equal lines
 * follow the last. */
static guint
hunk_end (GArray *ops,
          guint   first,
          guint   context)
{
  guint n_ops = ops->len, end = first, j = first;

  while (j < n_ops)
    {
      guint k;

      if (g_array_index (ops, OpKind, j) != OP_EQUAL)
        {
          end = j + 1;
          j++;
          continue;
        }
      /* Run of equal lines: does another change follow within 2*context? */
      k = j;
      while (k < n_ops && g_array_index (ops, OpKind, k) == OP_EQUAL)
        k++;
      if (k < n_ops && k - j <= 2 * context)
        {
          j = k;
          continue;
        }
      break;
    }
  return MIN (n_ops, end + context);
}

/* Appends the hunk OPS[START..END) with its "@@" header to OUT. */
static void
append_hunk (GString *out,
             GArray  *ops,
             GArray  *a,
             GArray  *b,
             guint    start,
             guint    end)
{
  guint ai = 0, bi = 0, a_count = 0, b_count = 0;

  /* Line numbers of the hunk start. */
  for (guint j = 0; j < start; j++)
    {
      OpKind op = g_array_index (ops, OpKind, j);
      if (op != OP_INSERT)
        ai++;
      if (op != OP_DELETE)
        bi++;
    }
  for (guint j = start; j < end; j++)
    {
      OpKind op = g_array_index (ops, OpKind, j);
      if (op != OP_INSERT)
        a_count++;
      if (op != OP_DELETE)
        b_count++;
    }

  g_string_append (out, "@@ ");
  append_range (out, '-', ai, a_count);
  g_string_append_c (out, ' ');
  append_range (out, '+', bi, b_count);
  g_string_append (out, " @@\n");

  for (guint j = start; j < end; j++)
    {
      switch (g_array_index (ops, OpKind, j))
        {
        case OP_EQUAL:
          append_line (out, ' ', &g_array_index (a, Line, ai));
          ai++, bi++;
          break;
        case OP_DELETE:
          append_line (out, '-', &g_array_index (a, Line, ai));
          ai++;
          break;
        case OP_INSERT:
          append_line (out, '+', &g_array_index (b, Line, bi));
          bi++;
          break;
        default:
          g_assert_not_reached ();
        }
    }
}

char *
sc_diff_unified (const char *old_text,
                 gsize       old_len,
                 const char *new_text,
                 gsize       new_len,
                 const char *old_label,
                 const char *new_label,
                 guint       context)
{
  g_autoptr(GArray) a = NULL;
  g_autoptr(GArray) b = NULL;
  g_autoptr(GArray) ops = NULL;
  GString *out;
  guint i = 0;

  if (old_len == new_len && (old_len == 0 || memcmp (old_text, new_text, old_len) == 0))
    return g_strdup ("");

  a = split_lines (old_text, old_len);
  b = split_lines (new_text, new_len);
  ops = edit_script (a, b);

  out = g_string_new (NULL);
  g_string_append_printf (out, "--- %s\n+++ %s\n", old_label, new_label);

  /* Group the operations into hunks with CONTEXT equal lines around. */
  while (i < ops->len)
    {
      guint start, end;

      /* Find the next change. */
      while (i < ops->len && g_array_index (ops, OpKind, i) == OP_EQUAL)
        i++;
      if (i == ops->len)
        break;
      start = i > context ? i - context : 0;
      end = hunk_end (ops, i, context);
      append_hunk (out, ops, a, b, start, end);
      i = end;
    }

  return g_string_free (out, FALSE);
}
