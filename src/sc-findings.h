/* sc-findings.h
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sc-check.h"

G_BEGIN_DECLS

/* Of ScFinding*, borrowed from FINDINGS: those about TARGET as a whole
 * (PLUG NULL), or about PLUG on TARGET. */
GPtrArray *sc_findings_filter    (GPtrArray       *findings,
                                  const char      *target,
                                  const char      *plug);
/* An AdwActionRow with FINDING's message, hint and severity icon. */
GtkWidget *sc_finding_row_new    (const ScFinding *finding);

G_END_DECLS
