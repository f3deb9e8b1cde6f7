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
