/* sc-cli-check.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * snapconfine-cli check PATH [--json]
 *
 * Prints the findings of sc_check_project(), one per line as
 * "FILE:LINE:COL: SEVERITY: MESSAGE [CODE]" with the hint indented below,
 * or as a JSON array. Exits 1 when any finding is an error.
 */
#define G_LOG_DOMAIN "snapconfine-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "sc-check.h"
#include "sc-cli.h"
#include "sc-json.h"
#include "sc-project.h"
#include "sc-snapd-project.h"

static void
print_json (GPtrArray *findings)
{
  g_autoptr(ScJson) json = sc_json_new (TRUE);
  g_autofree char *text = NULL;

  sc_json_begin_array (json);
  for (guint i = 0; i < findings->len; i++)
    {
      ScFinding *finding = findings->pdata[i];

      sc_json_begin_object (json);
      sc_json_member_string (json, "severity", sc_severity_to_string (finding->severity));
      sc_json_member_string (json, "code", finding->code);
      sc_json_member_int (json, "line", finding->line);
      sc_json_member_int (json, "column", finding->column);
      sc_json_member_string (json, "message", finding->message);
      sc_json_member_string (json, "hint", finding->hint);
      sc_json_member_string (json, "target", finding->target);
      sc_json_member_string (json, "plug", finding->plug);
      sc_json_end_object (json);
    }
  sc_json_end_array (json);

  text = sc_json_free_to_string (g_steal_pointer (&json));
  printf ("%s\n", text);
}

/* FILE as the user can open it from where they ran the command: the path
 * they gave, or for a folder the file inside it that snapcraft uses. */
static void
print_text (ScProject  *project,
            const char *path,
            GPtrArray  *findings)
{
  g_autofree char *file = NULL;
  const char *display = sc_project_get_display_path (project);

  if (display == NULL)
    display = sc_project_get_path (project);
  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    file = g_strdup (path);
  else if (strcmp (path, ".") == 0 || strcmp (path, "./") == 0)
    file = g_strdup (display);
  else
    file = g_build_filename (path, display, NULL);

  for (guint i = 0; i < findings->len; i++)
    {
      ScFinding *finding = findings->pdata[i];

      printf ("%s:%u:%u: %s: %s [%s]\n", file, finding->line, finding->column,
              sc_severity_to_string (finding->severity), finding->message, finding->code);
      if (finding->hint != NULL)
        printf ("    %s\n", finding->hint);
    }
}

int
sc_cli_check (int    argc,
              char **argv)
{
  g_autoptr(ScProject) project = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GError) error = NULL;
  const char *path = NULL;
  gboolean json = FALSE;

  for (int i = 1; i < argc; i++)
    {
      if (strcmp (argv[i], "--json") == 0)
        json = TRUE;
      else if (strcmp (argv[i], "--help") == 0 || strcmp (argv[i], "-h") == 0)
        {
          printf ("%s %s\n", _("Usage:"),
                  /* Translators: PATH as in the synopsis of check in
                   * “snapconfine-cli --help”; keep the command and --json. */
                  _("snapconfine-cli check PATH [--json]"));
          return SC_EXIT_OK;
        }
      else if (strcmp (argv[i], "--") == 0 && i + 1 < argc && path == NULL)
        path = argv[++i];
      else if (argv[i][0] == '-' && argv[i][1] != '\0')
        return sc_cli_usage_error ("check", _("unknown option “%s”"), argv[i]);
      else if (path == NULL)
        path = argv[i];
      else
        return sc_cli_usage_error ("check", _("more than one PATH given"));
    }

  if (path == NULL)
    return sc_cli_usage_error ("check", _("missing PATH"));

  project = sc_project_load (path, &error);
  if (project == NULL)
    return sc_cli_fail (error);

  findings = sc_check_project (project);
  /* Declared manual plugs that this machine's snapd has not connected. */
  sc_snapd_add_check_findings (project, findings);
  if (json)
    print_json (findings);
  else
    print_text (project, path, findings);

  for (guint i = 0; i < findings->len; i++)
    if (((ScFinding *) findings->pdata[i])->severity == SC_SEVERITY_ERROR)
      return SC_EXIT_FINDINGS;

  return SC_EXIT_OK;
}
