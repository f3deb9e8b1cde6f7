/* sc-denial.h
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One parsed confinement record (AppArmor, seccomp or D-Bus mediation),
 * normalised so that grouping and suggestion rules need not know which
 * log format or journal transport it came from.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  SC_DENIAL_KIND_FILE,
  SC_DENIAL_KIND_UNIX,
  SC_DENIAL_KIND_NETWORK,
  SC_DENIAL_KIND_CAPABILITY,
  SC_DENIAL_KIND_DBUS,
  SC_DENIAL_KIND_SIGNAL,
  SC_DENIAL_KIND_PTRACE,
  SC_DENIAL_KIND_MOUNT,
  SC_DENIAL_KIND_SECCOMP,
  SC_DENIAL_KIND_OTHER,      /* userns, mqueue, io_uring, … */
} ScDenialKind;

typedef enum
{
  SC_DENIAL_MODE_DENIED,     /* strict: apparmor="DENIED", seccomp errno/kill */
  SC_DENIAL_MODE_ALLOWED,    /* devmode: apparmor="ALLOWED" (complain) */
  SC_DENIAL_MODE_LOGGED,     /* seccomp SECCOMP_RET_LOG (devmode) */
} ScDenialMode;

typedef struct
{
  gint          ref_count;

  ScDenialKind  kind;
  ScDenialMode  mode;
  gboolean      noise;            /* snap-confine, snap-update-ns, STATUS… */

  /* Attribution, from the profile/label/subj (snap.<instance>.<app>,
   * snap.<instance>.hook.<hook>). All nullable. */
  char         *snap;         /* snap name without instance key */
  char         *instance;     /* "foo_bar" for parallel installs, else same as snap */
  char         *app;
  char         *hook;
  char         *profile;      /* the raw label */

  char         *operation;    /* "open", "connect", "capable", "dbus_method_call", syscall name for seccomp… */
  char         *object;       /* decoded: path, socket address, capability, D-Bus dest/iface.member, syscall */
  char         *permissions;  /* denied mask ("r", "wc", "send receive"…), nullable */

  /* Everything else decoded from the record: apparmor, class, name,
   * requested_mask, denied_mask, fsuid, ouid, family, sock_type, protocol,
   * capname, capability, bus, path, interface, member, name (D-Bus),
   * mask, peer, peer_label, signal, syscall, syscall_nr, arch, code,
   * compat, comm, exe, pid, srcname, fstype, flags, addr, peer_addr, … */
  GHashTable   *details;      /* char* → char*, owned */

  gint64        timestamp_usec;   /* event time (audit header or journal), 0 when unknown */
  char         *host;             /* _HOSTNAME or syslog host, nullable */
  char         *audit_id;         /* "1718031201.482:1187" when known: dedup key across transports */
  char         *transport;        /* "kernel", "audit", "syslog", "text" */

  char         *noise_reason;     /* nullable, translatable English; see noise */

  char         *raw;              /* the original record text */
} ScDenial;

/* Where a record's text lies in a regular file: LENGTH bytes at OFFSET of
 * the file open as FD (borrowed), which is DEV and INO. */
typedef struct
{
  int      fd;
  guint64  dev;
  guint64  ino;
  guint64  offset;
  gsize    length;
} ScDenialSpan;

ScDenial     *sc_denial_new          (void);
ScDenial     *sc_denial_ref          (ScDenial     *denial);
void          sc_denial_unref        (ScDenial     *denial);
const char   *sc_denial_get_detail   (const ScDenial *denial,
                                      const char   *key);
void          sc_denial_set_detail   (ScDenial     *denial,
                                      const char   *key,
                                      const char   *value);

const char   *sc_denial_kind_to_string (ScDenialKind kind);   /* "file", "unix", … "seccomp", "other" */
const char   *sc_denial_mode_to_string (ScDenialMode mode);   /* "denied", "allowed", "logged" */

/* The normalised object used for grouping: /home/<user>/ → $HOME/,
 * /proc/<pid>/ → /proc/PID/, /run/user/<uid>/ → /run/user/UID/,
 * /snap/<snap>/<rev>/ → $SNAP/, /var/snap/<snap>/<rev>/ → $SNAP_DATA/ … */
char          *sc_denial_normalise_object   (const ScDenial *denial,
                                             const char     *snap_name);
/* The same, appended to OUT; FALSE (nothing appended) without an object. */
gboolean       sc_denial_normalise_object_into (GString      *out,
                                                const ScDenial *denial,
                                                const char   *snap_name);

/* The same normalisation for one path (or "@"-prefixed abstract socket
 * name). SNAP_NAME and INSTANCE_NAME (both nullable) say which snap's
 * /snap/<name>/<rev>, /var/snap/<name>/… and $HOME/snap/<name>/… folders
 * become $SNAP, $SNAP_DATA, $SNAP_COMMON, $SNAP_USER_DATA and
 * $SNAP_USER_COMMON. /root/ is a home folder too (root daemons), so it
 * becomes $HOME/ like /home/<user>/. The result is valid UTF-8. */
char          *sc_denial_normalise_path     (const char     *path,
                                             const char     *snap_name,
                                             const char     *instance_name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScDenial, sc_denial_unref)

G_END_DECLS
