/* sc-denial-source.h
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Where a front end can read denials from, and why a source may show none:
 * AppArmor switched off, a system journal the user may not read. Also the
 * log a project keeps next to its snapcraft.yaml, if any.
 */
#pragma once

#include "sc-journal-reader.h"
#include "sc-project.h"

G_BEGIN_DECLS

typedef enum
{
  SC_DENIAL_SOURCE_OK,
  SC_DENIAL_SOURCE_APPARMOR_OFF,     /* no AppArmor: nothing is confined or logged */
  SC_DENIAL_SOURCE_JOURNAL_HIDDEN,   /* the system journal exists but may not be read */
  SC_DENIAL_SOURCE_NO_JOURNAL,       /* no system journal at all (no persistent or runtime files) */
} ScDenialSourceProblem;

/* Whether the kernel confines with AppArmor: SYSFS is the root to look
 * under (NULL: "/sys"). */
gboolean               sc_apparmor_is_enabled          (const char *sysfs);

/* Why the system journal may show no denials even when there are some;
 * *MESSAGE (nullable) receives a translated explanation. SYSFS and
 * JOURNAL_ROOTS are for tests (NULL: the real ones). */
ScDenialSourceProblem  sc_denial_source_check_system   (const char          *sysfs,
                                                        const char * const  *journal_roots,
                                                        char               **message);

/* A log of denials kept in the project folder (denials.log, audit.log,
 * kern.log, syslog, or a *.log whose name says denial or apparmor), or
 * NULL. Owned. */
char                  *sc_project_find_denial_log      (ScProject  *project);

G_END_DECLS
