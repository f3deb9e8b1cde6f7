/* sc-denial-parser.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sc-denial-parser"

#include "config.h"

#include "sc-denial-parser.h"

/* Placeholder bodies so the tree links; the real parser follows. */

ScRecordType
sc_denial_parse_message (const char            *message,
                         gssize                 len,
                         const ScRecordContext *context,
                         ScDenial             **denial,
                         guint64               *lost)
{
  return SC_RECORD_NONE;
}

ScRecordType
sc_denial_parse_line (const char *line,
                      gssize      len,
                      int         current_year,
                      ScDenial  **denial,
                      guint64    *lost)
{
  return SC_RECORD_NONE;
}

char *
sc_syscall_name (guint32 arch,
                 int     nr)
{
  return NULL;
}

gboolean
sc_denial_split_label (const char  *label,
                       char       **snap,
                       char       **instance,
                       char       **app,
                       char       **hook)
{
  return FALSE;
}
