/* sc-denial-parser.h
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pure functions: one log record (in any of the shapes in
 * shared/reference/denials.md) → ScDenial.
 */
#pragma once

#include "sc-denial.h"

G_BEGIN_DECLS

typedef enum
{
  SC_RECORD_NONE,        /* not a confinement record: skip */
  SC_RECORD_DENIAL,      /* *denial is set */
  SC_RECORD_RATELIMIT,   /* "kauditd_printk_skb: N callbacks suppressed", audit_lost=N; *lost is set */
} ScRecordType;

/* Context a journal entry gives beyond the MESSAGE text. All optional. */
typedef struct
{
  const char *transport;         /* _TRANSPORT: kernel, audit, syslog, … */
  const char *hostname;          /* _HOSTNAME */
  const char *audit_type_name;   /* _AUDIT_TYPE_NAME (audit transport) */
  const char *audit_id;          /* _AUDIT_ID (audit transport) */
  const char *syslog_identifier; /* SYSLOG_IDENTIFIER */
  gint64      realtime_usec;     /* __REALTIME_TIMESTAMP or _SOURCE_REALTIME_TIMESTAMP */
} ScRecordContext;

/* MESSAGE of a journal entry (LEN may be -1 for NUL-terminated). */
ScRecordType  sc_denial_parse_message  (const char            *message,
                                        gssize                 len,
                                        const ScRecordContext *context,
                                        ScDenial             **denial,
                                        guint64               *lost);

/* One line of a text log: syslog / kern.log ("Jun 10 12:00:01 host kernel: audit: …"),
 * journalctl short / short-iso / short-precise / cat output, audit.log
 * ("type=AVC msg=audit(…): …"), or a bare record. CURRENT_YEAR is used for
 * syslog timestamps without a year (0 = this year). */
ScRecordType  sc_denial_parse_line     (const char            *line,
                                        gssize                 len,
                                        int                    current_year,
                                        ScDenial             **denial,
                                        guint64               *lost);

/* Syscall name for NR on the audit architecture ARCH (AUDIT_ARCH_* value,
 * e.g. 0xc000003e); NULL when unknown. Owned by the caller. */
char         *sc_syscall_name          (guint32                arch,
                                        int                    nr);

/* Profile label → snap / instance / app / hook. FALSE when not a snap label. */
gboolean      sc_denial_split_label    (const char            *label,
                                        char                 **snap,
                                        char                 **instance,
                                        char                 **app,
                                        char                 **hook);

G_END_DECLS
