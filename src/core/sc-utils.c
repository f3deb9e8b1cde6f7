/* sc-utils.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sc-utils"

#include "config.h"

#include <string.h>

#include "sc-utils.h"

gboolean
sc_set_str (char       **str_ptr,
            const char  *new_str)
{
  char *copy;

  if (*str_ptr == new_str || g_strcmp0 (*str_ptr, new_str) == 0)
    return FALSE;

  copy = g_strdup (new_str);
  g_free (*str_ptr);
  *str_ptr = copy;
  return TRUE;
}

guint
sc_edit_distance (const char *a,
                  const char *b)
{
  gsize la = strlen (a), lb = strlen (b);
  g_autofree guint *row = g_new (guint, lb + 1);

  for (gsize j = 0; j <= lb; j++)
    row[j] = (guint) j;

  for (gsize i = 1; i <= la; i++)
    {
      guint diag = row[0];

      row[0] = (guint) i;
      for (gsize j = 1; j <= lb; j++)
        {
          guint up = row[j];
          guint cost = a[i - 1] == b[j - 1] ? 0 : 1;
          guint best = MIN (row[j] + 1, row[j - 1] + 1);

          row[j] = MIN (best, diag + cost);
          diag = up;
        }
    }
  return row[lb];
}

char *
sc_dup_display_path (const char *path)
{
  const char *home = g_get_home_dir ();
  gsize len = home != NULL ? strlen (home) : 0;

  g_return_val_if_fail (path != NULL, NULL);

  if (len > 1 && g_str_has_prefix (path, home) && path[len] == G_DIR_SEPARATOR)
    return g_strconcat ("~", path + len, NULL);
  return g_strdup (path);
}

static inline void
swap_elements (char  *base,
               gsize  size,
               gsize  a,
               gsize  b,
               char  *tmp)
{
  if (a == b)
    return;
  memcpy (tmp, base + a * size, size);
  memcpy (base + a * size, base + b * size, size);
  memcpy (base + b * size, tmp, size);
}

void
sc_select_first (void         *base,
                 gsize         n,
                 gsize         size,
                 gsize         k,
                 GCompareFunc  compare)
{
  char *b = base;
  g_autofree char *tmp = NULL;
  gsize lo = 0;
  gsize hi = n;

  g_return_if_fail (base != NULL || n == 0);
  g_return_if_fail (compare != NULL);

  if (k == 0 || k >= n)
    return;

  tmp = g_malloc (size);
#define AT(i) (b + (i) * size)
  while (hi - lo > 1)
    {
      gsize mid = lo + (hi - lo) / 2;
      gsize last = hi - 1;
      gsize store = lo;

      /* The median of the first, middle and last goes to the end, as pivot. */
      if (compare (AT (mid), AT (lo)) < 0)
        swap_elements (b, size, mid, lo, tmp);
      if (compare (AT (last), AT (lo)) < 0)
        swap_elements (b, size, last, lo, tmp);
      if (compare (AT (mid), AT (last)) < 0)
        swap_elements (b, size, mid, last, tmp);

      for (gsize i = lo; i < last; i++)
        if (compare (AT (i), AT (last)) < 0)
          swap_elements (b, size, i, store++, tmp);
      swap_elements (b, size, store, last, tmp);

      /* [lo, store) < pivot = [store] < (store, hi) */
      if (store == k)
        break;
      if (k < store)
        hi = store;
      else
        lo = store + 1;
    }
#undef AT
}

gboolean
sc_glob_match_class (const char **pattern,
                     char         c)
{
  const char *p = *pattern + 1;
  gboolean negate = FALSE;
  gboolean found = FALSE;

  if (*p == '^' || *p == '!')
    {
      negate = TRUE;
      p++;
    }
  for (gboolean first = TRUE; *p != '\0' && (first || *p != ']'); first = FALSE)
    {
      if (p[1] == '-' && p[2] != ']' && p[2] != '\0')
        {
          if (c >= p[0] && c <= p[2])
            found = TRUE;
          p += 3;
        }
      else
        {
          if (c == *p)
            found = TRUE;
          p++;
        }
    }
  if (*p == ']')
    p++;
  *pattern = p;
  return found != negate;
}
