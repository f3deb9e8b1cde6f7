/* sc-findings.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How the project page shows what `check` found: which findings belong to
 * an app or hook and to a plug on it, and a row for one finding.
 */
#include "config.h"

#include <adwaita.h>

#include "sc-findings.h"
#include "sc-plug-row.h"

/* Whether FINDING is about a plug wherever it is used: a top-level
 * definition, or how a plug connects, which `check` reports once at the
 * plug's first use but which holds for every app that has it. */
static gboolean
finding_is_about_plug (const ScFinding *finding)
{
  return finding->plug != NULL
         && (finding->target == NULL
             || g_strcmp0 (finding->code, "store-approval") == 0
             || g_strcmp0 (finding->code, "manual-connection") == 0);
}

GPtrArray *
sc_findings_filter (GPtrArray  *findings,
                    const char *target,
                    const char *plug)
{
  GPtrArray *out = g_ptr_array_new ();

  for (guint i = 0; findings != NULL && i < findings->len; i++)
    {
      ScFinding *finding = g_ptr_array_index (findings, i);

      if (g_strcmp0 (finding->plug, plug) != 0)
        continue;
      if (g_strcmp0 (finding->target, target) == 0
          || (plug != NULL && finding_is_about_plug (finding)))
        g_ptr_array_add (out, finding);
    }

  return out;
}

GtkWidget *
sc_finding_row_new (const ScFinding *finding)
{
  g_autofree char *title = g_markup_escape_text (finding->message, -1);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (sc_severity_icon_name (finding->severity));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (finding->hint != NULL)
    {
      g_autofree char *subtitle = g_markup_escape_text (finding->hint, -1);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
    }
  gtk_widget_add_css_class (icon, sc_severity_css_class (finding->severity));
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  return row;
}
