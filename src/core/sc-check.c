/* sc-check.c — being implemented. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "sc-check.h"

GPtrArray *
sc_check_project (ScProject *project)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) sc_finding_free);
}

const char *
sc_severity_to_string (ScSeverity severity)
{
  switch (severity)
    {
    case SC_SEVERITY_ERROR:
      return "error";
    case SC_SEVERITY_WARNING:
      return "warning";
    case SC_SEVERITY_NOTE:
    default:
      return "note";
    }
}

void
sc_finding_free (ScFinding *finding)
{
  if (finding == NULL)
    return;
  g_free (finding->code);
  g_free (finding->target);
  g_free (finding->plug);
  g_free (finding->message);
  g_free (finding->hint);
  g_free (finding);
}
