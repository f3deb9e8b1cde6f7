/* sc-denial-source.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sc-denial-source"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sc-denial-source.h"

gboolean
sc_apparmor_is_enabled (const char *sysfs)
{
  g_autofree char *path = g_build_filename (sysfs != NULL ? sysfs : "/sys",
                                            "module", "apparmor", "parameters", "enabled", NULL);
  g_autofree char *text = NULL;

  if (!g_file_get_contents (path, &text, NULL, NULL))
    return FALSE;
  return text[0] == 'Y' || text[0] == 'y' || text[0] == '1';
}

ScDenialSourceProblem
sc_denial_source_check_system (const char          *sysfs,
                               const char * const  *journal_roots,
                               char               **message)
{
  g_autoptr(GError) error = NULL;
  gboolean found = FALSE;

  if (message != NULL)
    *message = NULL;

  if (!sc_apparmor_is_enabled (sysfs))
    {
      if (message != NULL)
        *message = g_strdup (_("AppArmor is off on this computer, so snaps run without "
                               "confinement and nothing is refused or logged. Read a log "
                               "saved on a computer where the snap ran confined instead."));
      return SC_DENIAL_SOURCE_APPARMOR_OFF;
    }

  if (!sc_journal_check_system_access (journal_roots, &found, &error))
    {
      if (message != NULL)
        *message = g_strdup_printf ("%s %s",
                                    _("The system journal, where the kernel logs denials, "
                                      "is not readable by you."),
                                    error->message);
      return SC_DENIAL_SOURCE_JOURNAL_HIDDEN;
    }
  if (!found)
    {
      if (message != NULL)
        *message = g_strdup (_("This computer keeps no system journal, so the kernel's "
                               "denials are not stored. Read the syslog or a saved log "
                               "instead."));
      return SC_DENIAL_SOURCE_NO_JOURNAL;
    }
  return SC_DENIAL_SOURCE_OK;
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static gboolean
is_denial_log_name (const char *name)
{
  static const char * const exact[] = {
    "denials.log", "denials.txt", "audit.log", "kern.log", "syslog", "dmesg.log", NULL
  };
  g_autofree char *lower = g_ascii_strdown (name, -1);

  if (g_strv_contains (exact, lower))
    return TRUE;
  return (g_str_has_suffix (lower, ".log") || g_str_has_suffix (lower, ".txt")) &&
         (strstr (lower, "denial") != NULL || strstr (lower, "apparmor") != NULL);
}

char *
sc_project_find_denial_log (ScProject *project)
{
  const char *root;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) found = NULL;
  const char *name;

  g_return_val_if_fail (SC_IS_PROJECT (project), NULL);

  root = sc_project_get_root (project);
  if (root == NULL || (dir = g_dir_open (root, 0, NULL)) == NULL)
    return NULL;

  found = g_ptr_array_new_with_free_func (g_free);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;

      if (!is_denial_log_name (name))
        continue;
      path = g_build_filename (root, name, NULL);
      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        g_ptr_array_add (found, g_steal_pointer (&path));
    }
  if (found->len == 0)
    return NULL;
  /* One answer for one folder, whatever order the directory lists. */
  g_ptr_array_sort (found, compare_paths);
  {
    char **first = (char **) found->pdata;
    char *best = first[0];

    /* A name that says denials first. */
    for (guint i = 0; i < found->len; i++)
      if (strstr (first[i], "denial") != NULL)
        {
          best = first[i];
          break;
        }
    return g_strdup (best);
  }
}
