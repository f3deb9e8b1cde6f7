/* sc-denial-parser.h
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pure functions: one log record (in any of the shapes in
 * shared/reference/denials.md) → ScDenial.
 *
 * What the parser puts in an ScDenial:
 *
 * - object, per kind: file and other → the decoded path (name=); unix → the
 *   peer address, else the local address, else the path, else
 *   "unix <sock_type>" ("@/tmp/.X11-unix/X0"); network → "family sock_type
 *   [protocol]" with protocol left out when 0 ("netlink raw 15",
 *   "inet6 stream"); capability → capname ("net_admin"); dbus → "<bus>
 *   <destination> <interface>.<member> <path>", absent parts left out
 *   ("system :1.104 org.freedesktop.DBus.Properties.GetAll
 *   /org/freedesktop/timedate1", "session org.example.Name" for dbus_bind);
 *   signal → "<signal> → <peer>"; ptrace → the peer; mount → "<srcname> →
 *   <name> (<fstype>)"; seccomp → the syscall name, or its number when the
 *   architecture or number is unknown.
 * - operation: operation=; for seccomp the syscall name (or number).
 * - permissions: denied_mask, else denied, else requested_mask, else
 *   requested; dbus: mask=; seccomp: NULL.
 * - mode: DENIED (apparmor="DENIED"/"KILLED", seccomp errno/kill/trap),
 *   ALLOWED (apparmor="ALLOWED"), LOGGED (seccomp code 0x7ffc0000, and the
 *   noise records apparmor="STATUS"/"AUDIT"/"HINT"…, which deny nothing).
 * - kind: one of the classes, or OTHER for records of no class the
 *   contract names: AppArmor STATUS, class="namespace" (userns_create),
 *   posix_mqueue, io_uring and classes added by newer kernels.
 * - details: every key of the record, decoded, first occurrence wins (for
 *   USER_AVC the fields inside msg='…' come first), plus "record_type"
 *   (AVC, USER_AVC, SECCOMP, APPARMOR_DENIED…), and for seccomp
 *   "syscall_nr", "syscall_name", "arch_name", "seccomp_action" (log,
 *   errno, kill_thread, kill_process, trap…); "capname" is filled in from
 *   capability= when the kernel left it out; "component" for component
 *   hooks.
 * - audit_id: "SECONDS.MMM:SERIAL", from the audit(…) header or rebuilt from
 *   context->audit_id and context->realtime_usec (pass
 *   _SOURCE_REALTIME_TIMESTAMP for the audit transport), so both copies of
 *   one event compare equal.
 * - noise = TRUE (with noise_reason) for AppArmor STATUS/AUDIT/HINT/ERROR
 *   records, snap-confine and snap-update-ns.<snap> profiles (the latter
 *   still fill snap/instance), child profiles "snap.x.y//…" and the
 *   "unconfined" label. Such records are still returned as
 *   SC_RECORD_DENIAL so callers can show them apart.
 * - SC_RECORD_RATELIMIT: "kauditd_printk_skb: N callbacks suppressed" → N;
 *   "audit: audit_lost=N …" → N (the kernel's running total); "audit: rate
 *   limit exceeded", "backlog limit exceeded", "printk limit exceeded" → 1.
 *   All but audit_lost are counts of records lost since the line before, to
 *   be summed; audit_lost is a total since boot, of which only the largest
 *   value counts: sc_denial_lost_is_total() tells the two apart.
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

/* Records pasted from a bug report, a forum or a terminal: any number of
 * them, each possibly wrapped over several lines, with typographic
 * quotes, "Log: " prefixes (snappy-debug), dmesg or syslog time stamps,
 * "AVC " prefixes, Markdown fences and prose between them. Returns a new
 * array of ScDenial* (each unref'd by the array), in order; lines that are
 * not records are skipped. */
GPtrArray    *sc_denial_parse_text     (const char            *text,
                                        gssize                 len,
                                        int                    current_year);

/* Whether a MESSAGE (or line) that gave SC_RECORD_RATELIMIT states the
 * kernel's running total of lost records ("audit_lost=N") rather than a
 * number lost since the last notice. */
gboolean      sc_denial_lost_is_total  (const char            *message,
                                        gssize                 len);

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
