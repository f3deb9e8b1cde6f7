/* sc-check.h
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Project checks, the way snapcraft and the store review would, while editing.
 */
#pragma once

#include "sc-project.h"

G_BEGIN_DECLS

typedef enum
{
  SC_SEVERITY_ERROR,
  SC_SEVERITY_WARNING,
  SC_SEVERITY_NOTE,
} ScSeverity;

typedef struct
{
  ScSeverity  severity;
  char       *code;       /* stable, kebab-case: "unknown-plug", "store-approval", … */
  char       *target;     /* app name or "hook:NAME", nullable */
  char       *plug;       /* plug name concerned, nullable */
  guint       line;
  guint       column;
  char       *message;    /* translated */
  char       *hint;       /* translated, nullable */
} ScFinding;

/* Of ScFinding*, in file order. */
GPtrArray  *sc_check_project          (ScProject  *project);
const char *sc_severity_to_string     (ScSeverity  severity);  /* "error", "warning", "note" */
void        sc_finding_free           (ScFinding  *finding);

G_END_DECLS
