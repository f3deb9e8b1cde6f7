/* sc-cli-write.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one way `strict` and `suggest --apply` write a project and say so:
 * --force for a read-only or hard-linked file, and where the bytes go when
 * snapcraft.yaml is a symlink out of the project.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "sc-cli.h"
#include "sc-file-util.h"
#include "sc-project.h"

void
sc_cli_note_write_target (ScProject *project)
{
  g_autofree char *outside = NULL;
  const char *file = sc_project_get_path (project);
  const char *root = sc_project_get_root (project);

  if (file == NULL || root == NULL)
    return;
  outside = sc_file_get_outside_target (file, root);
  if (outside != NULL)
    /* Translators: the first %s is snap/snapcraft.yaml or similar, the second an absolute path. */
    fprintf (stderr, _("%s is a symlink out of the project: the bytes will be written to %s\n"),
             sc_project_get_display_path (project), outside);
}

int
sc_cli_write_edit (ScEdit    *edit,
                   ScProject *project,
                   gboolean   force)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *outside = NULL;
  int code;

  if (!sc_edit_write_full (edit, force ? SC_FILE_REPLACE_FORCE : SC_FILE_REPLACE_NONE, &error))
    {
      code = sc_cli_fail (error);
      if (sc_file_error_needs_force (error))
        fprintf (stderr, _("Use --force to write it anyway (mode and owner are kept).\n"));
      return code;
    }

  if (sc_project_get_path (project) != NULL && sc_project_get_root (project) != NULL)
    outside = sc_file_get_outside_target (sc_project_get_path (project),
                                          sc_project_get_root (project));
  if (outside != NULL)
    fprintf (stderr, _("%s: written to %s (outside the project)\n"),
             sc_project_get_display_path (project), outside);
  else
    fprintf (stderr, _("%s: written\n"), sc_project_get_display_path (project));
  return SC_EXIT_OK;
}
