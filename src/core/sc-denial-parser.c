/* sc-denial-parser.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Turns one confinement record into an ScDenial. The record can be any of
 * the shapes described in shared/reference/denials.md: the kernel's printk
 * copy ("audit: type=1400 audit(T:S): apparmor=…"), journald's audit
 * transport ("AVC apparmor=…", "SECCOMP auid=…", "USER_AVC pid=… msg='…'"),
 * dbus-daemon's own syslog line ("apparmor=… bus=\"session\" …"), auditd's
 * audit.log ("type=AVC msg=audit(T:S): …") and the text-log wrappers around
 * them (syslog, kern.log, dmesg, journalctl output).
 *
 * Design notes:
 *
 * - Speed. A journal holds millions of entries and only a few are records,
 *   so sc_denial_parse_message() decides from the first bytes (a switch on
 *   the first character, then a prefix compare) and only falls back to one
 *   memmem() for "apparmor=" when no known prefix matched. Nothing is
 *   allocated for rejected input.
 *
 * - Safety. All scanning is bounded by an explicit end pointer; the input
 *   need not be NUL-terminated. The tokenizer keeps at most MAX_FIELDS
 *   fields in a stack array and every loop advances, so the work is linear
 *   in the input length whatever the bytes are.
 *
 * - Values. Quotes are removed; untrusted strings the kernel wrote as bare
 *   upper-case hex are decoded; abstract unix names "@HEX" are decoded when
 *   the kernel would have had a reason to hex them (a control byte). The
 *   decoded bytes are shown with control characters escaped as \xNN and made
 *   valid UTF-8, so every value is a printable C string.
 *
 * - Rate limiting. "kauditd_printk_skb: N callbacks suppressed" reports N
 *   lost records. "audit: audit_lost=N …" carries the kernel's cumulative
 *   lost counter, which is reported as is (the caller may keep the maximum).
 *   "audit: rate limit exceeded", "audit: backlog limit exceeded" and
 *   "audit: printk limit exceeded" name no count, so they report 1.
 *
 * - Noise. Records that are not useful to a snap developer are still
 *   returned as SC_RECORD_DENIAL, with noise = TRUE and a reason, so that
 *   callers can keep them apart instead of losing them: AppArmor STATUS,
 *   AUDIT, HINT, ERROR and AUTO records; snap-confine and snap-update-ns
 *   profiles; child profiles of an app ("snap.foo.foo//null-…"); the
 *   "unconfined" label.
 *
 * Files: this one turns fields into an ScDenial (labels, AppArmor objects,
 * sc_denial_parse_message()); sc-denial-parser-tokens.c is the key=value
 * tokenizer, sc-denial-parser-records.c finds where a record starts,
 * sc-denial-parser-seccomp.c reads SECCOMP records and
 * sc-denial-parser-text.c reads text logs and pasted text. They share
 * sc-denial-parser-private.h.
 */
#define G_LOG_DOMAIN "sc-denial-parser"
#define _GNU_SOURCE /* memmem, memrchr */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sc-denial-parser-private.h"
#include "sc-denial-parser.h"
#include "sc-system-libs.h"

static const char * const cap_names[] = {
  "chown", "dac_override", "dac_read_search", "fowner", "fsetid", "kill",
  "setgid", "setuid", "setpcap", "linux_immutable", "net_bind_service",
  "net_broadcast", "net_admin", "net_raw", "ipc_lock", "ipc_owner",
  "sys_module", "sys_rawio", "sys_chroot", "sys_ptrace", "sys_pacct",
  "sys_admin", "sys_boot", "sys_nice", "sys_resource", "sys_time",
  "sys_tty_config", "mknod", "lease", "audit_write", "audit_control",
  "setfcap", "mac_override", "mac_admin", "syslog", "wake_alarm",
  "block_suspend", "audit_read", "perfmon", "bpf", "checkpoint_restore",
};

/* ------------------------------------------------------------------------ */
/* Labels                                                                    */

static gboolean
valid_snap_name (const char *s,
                 gsize       len)
{
  gboolean letter = FALSE;

  if (len == 0 || len > 40 || s[0] == '-' || s[len - 1] == '-')
    return FALSE;
  for (gsize i = 0; i < len; i++)
    {
      char c = s[i];
      if (c >= 'a' && c <= 'z')
        letter = TRUE;
      else if (c == '-')
        {
          if (i > 0 && s[i - 1] == '-')
            return FALSE;
        }
      else if (!(c >= '0' && c <= '9'))
        return FALSE;
    }
  return letter;
}

static gboolean
valid_instance_key (const char *s,
                    gsize       len)
{
  if (len == 0 || len > 10)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    {
      if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9')))
        return FALSE;
    }
  return TRUE;
}

/* App names: letters, digits and single inner hyphens. Hook names are the
 * lower-case subset of that. */
static gboolean
valid_app_name (const char *s,
                gsize       len,
                gboolean    lower_only)
{
  if (len == 0 || s[0] == '-' || s[len - 1] == '-')
    return FALSE;
  for (gsize i = 0; i < len; i++)
    {
      char c = s[i];
      if (c == '-')
        {
          if (s[i - 1] == '-')
            return FALSE;
        }
      else if (lower_only ? !(g_ascii_islower (c) || g_ascii_isdigit (c)) : !g_ascii_isalnum (c))
        return FALSE;
    }
  return TRUE;
}

/* Length of the label proper: without a "//child" part or " (mode)" suffix. */
static gsize
label_base_len (const char *label)
{
  const char *slashes = strstr (label, "//");
  const char *space = strchr (label, ' ');
  gsize len = strlen (label);

  if (slashes != NULL)
    len = MIN (len, (gsize) (slashes - label));
  if (space != NULL)
    len = MIN (len, (gsize) (space - label));
  return len;
}

/* Instance "foo_bar" → snap "foo"; validates both parts. */
static gboolean
split_instance (const char *s,
                gsize       len,
                gsize      *snap_len)
{
  const char *underscore = memchr (s, '_', len);

  if (underscore == NULL)
    {
      *snap_len = len;
      return valid_snap_name (s, len);
    }
  *snap_len = (gsize) (underscore - s);
  return valid_snap_name (s, *snap_len) &&
         valid_instance_key (underscore + 1, len - *snap_len - 1);
}

gboolean
sc_denial_split_label (const char  *label,
                       char       **snap,
                       char       **instance,
                       char       **app,
                       char       **hook)
{
  const char *p, *end, *dot;
  gsize len, inst_len, snap_len, comp_len = 0;
  const char *plus;

  if (snap != NULL)
    *snap = NULL;
  if (instance != NULL)
    *instance = NULL;
  if (app != NULL)
    *app = NULL;
  if (hook != NULL)
    *hook = NULL;

  if (label == NULL || !g_str_has_prefix (label, "snap."))
    return FALSE;

  len = label_base_len (label);
  p = label + 5;
  end = label + len;
  if (p >= end)
    return FALSE;

  /* snap.<instance>[+<component>].<app> or …hook.<hook> */
  dot = memchr (p, '.', (gsize) (end - p));
  if (dot == NULL)
    return FALSE;
  plus = memchr (p, '+', (gsize) (dot - p));
  inst_len = (gsize) ((plus != NULL ? plus : dot) - p);
  if (plus != NULL)
    {
      comp_len = (gsize) (dot - plus - 1);
      if (!valid_snap_name (plus + 1, comp_len))
        return FALSE;
    }
  if (!split_instance (p, inst_len, &snap_len))
    return FALSE;

  if (HAS_PREFIX (dot + 1, end, "hook.") && (gsize) (end - dot) > 6)
    {
      const char *h = dot + 6;
      if (!valid_app_name (h, (gsize) (end - h), TRUE))
        return FALSE;
      if (hook != NULL)
        *hook = g_strndup (h, (gsize) (end - h));
    }
  else
    {
      const char *a = dot + 1;
      if (!valid_app_name (a, (gsize) (end - a), FALSE))
        return FALSE;
      /* A component has hooks only. */
      if (plus != NULL)
        return FALSE;
      if (app != NULL)
        *app = g_strndup (a, (gsize) (end - a));
    }

  if (snap != NULL)
    *snap = g_strndup (p, snap_len);
  if (instance != NULL)
    *instance = g_strndup (p, inst_len);
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Building the denial                                                       */

static void
set_noise (ScDenial   *denial,
           const char *reason)
{
  if (denial->noise)
    return;
  denial->noise = TRUE;
  denial->noise_reason = g_strdup (reason);
}

static ScDenialKind
classify_apparmor (ScDenial *denial)
{
  const char *op = detail (denial, "operation");
  const char *cls = detail (denial, "class");
  const char *family = detail (denial, "family");

  if (op != NULL && g_str_has_prefix (op, "dbus_"))
    return SC_DENIAL_KIND_DBUS;

  if (cls != NULL)
    {
      if (g_str_equal (cls, "file"))
        return SC_DENIAL_KIND_FILE;
      if (g_str_equal (cls, "cap"))
        return SC_DENIAL_KIND_CAPABILITY;
      if (g_str_equal (cls, "net") || g_str_equal (cls, "unix"))
        return g_strcmp0 (family, "unix") == 0 ? SC_DENIAL_KIND_UNIX : SC_DENIAL_KIND_NETWORK;
      if (g_str_equal (cls, "signal"))
        return SC_DENIAL_KIND_SIGNAL;
      if (g_str_equal (cls, "ptrace"))
        return SC_DENIAL_KIND_PTRACE;
      if (g_str_equal (cls, "mount"))
        return SC_DENIAL_KIND_MOUNT;
      if (g_str_equal (cls, "dbus"))
        return SC_DENIAL_KIND_DBUS;
      return SC_DENIAL_KIND_OTHER;
    }

  /* No class= (older kernels): classify the way apparmor's logparser.py
   * does, by operation and then by the presence of socket fields. */
  if (op != NULL)
    {
      if (g_str_equal (op, "capable"))
        return SC_DENIAL_KIND_CAPABILITY;
      if (g_str_equal (op, "signal"))
        return SC_DENIAL_KIND_SIGNAL;
      if (g_str_equal (op, "ptrace"))
        return SC_DENIAL_KIND_PTRACE;
      if (g_str_equal (op, "mount") || g_str_equal (op, "umount") || g_str_equal (op, "pivotroot"))
        return SC_DENIAL_KIND_MOUNT;
      if (g_str_has_prefix (op, "userns_") || g_str_has_prefix (op, "uring_"))
        return SC_DENIAL_KIND_OTHER;
    }
  if (family != NULL &&
      (detail (denial, "sock_type") != NULL || detail (denial, "protocol") != NULL))
    return g_str_equal (family, "unix") ? SC_DENIAL_KIND_UNIX : SC_DENIAL_KIND_NETWORK;
  return SC_DENIAL_KIND_FILE;
}

static const char *
first_detail (ScDenial    *denial,
              const char  *const *keys)
{
  for (guint i = 0; keys[i] != NULL; i++)
    {
      const char *v = detail_nonempty (denial, keys[i]);
      if (v != NULL)
        return v;
    }
  return NULL;
}

static gboolean
is_unix_addr (const char *v)
{
  return v != NULL && *v != '\0' && !g_str_equal (v, "none") && !g_str_equal (v, "?");
}

static void
append_part (GString    *s,
             const char *part)
{
  if (part == NULL || *part == '\0')
    return;
  if (s->len > 0)
    g_string_append_c (s, ' ');
  g_string_append (s, part);
}

/* The text of S, or NULL when it is empty. */
static char *
free_if_empty (GString *s)
{
  if (s->len == 0)
    {
      g_string_free (s, TRUE);
      return NULL;
    }
  return g_string_free (s, FALSE);
}

/* A unix socket: the peer's address, its own, its path, else its type. */
static char *
unix_object (ScDenial *denial)
{
  const char *peer_addr = detail (denial, "peer_addr");
  const char *addr = detail (denial, "addr");
  const char *sock_type = detail_nonempty (denial, "sock_type");

  if (is_unix_addr (peer_addr))
    return g_strdup (peer_addr);
  if (is_unix_addr (addr))
    return g_strdup (addr);
  if (detail_nonempty (denial, "name") != NULL)
    return g_strdup (detail (denial, "name"));
  return sock_type != NULL ? g_strdup_printf ("unix %s", sock_type) : g_strdup ("unix");
}

/* "family sock_type protocol", the protocol left out when 0. */
static char *
network_object (ScDenial *denial)
{
  GString *s = g_string_new (NULL);
  const char *protocol = detail_nonempty (denial, "protocol");

  append_part (s, detail (denial, "family"));
  append_part (s, detail (denial, "sock_type"));
  if (protocol != NULL && !g_str_equal (protocol, "0"))
    append_part (s, protocol);
  return free_if_empty (s);
}

/* The capability's name; a record with only its number gets the name as
 * "capname" too. */
static char *
capability_object (ScDenial *denial)
{
  const char *capname = detail_nonempty (denial, "capname");
  const char *capability = detail_nonempty (denial, "capability");
  guint64 nr;

  if (capname != NULL)
    return g_strdup (capname);
  if (capability != NULL && g_ascii_string_to_unsigned (capability, 10, 0,
                                                        G_N_ELEMENTS (cap_names) - 1,
                                                        &nr, NULL))
    {
      sc_denial_set_detail (denial, "capname", cap_names[nr]);
      return g_strdup (cap_names[nr]);
    }
  return g_strdup (capability);
}

/* D-Bus object format: "<bus> <destination> <interface>.<member> <path>",
 * each part left out when the record has none, e.g.
 * "system :1.104 org.freedesktop.DBus.Properties.GetAll /org/freedesktop/timedate1"
 * or, for dbus_bind, "session org.example.Name". */
static char *
dbus_object (ScDenial *denial)
{
  GString *s = g_string_new (NULL);
  const char *iface = detail_nonempty (denial, "interface");
  static const char * const member_keys[] = { "member", "method", NULL };
  const char *member = first_detail (denial, member_keys);

  append_part (s, detail (denial, "bus"));
  append_part (s, detail (denial, "name"));
  if (iface != NULL && member != NULL)
    {
      g_autofree char *call = g_strconcat (iface, ".", member, NULL);
      append_part (s, call);
    }
  else
    append_part (s, iface != NULL ? iface : member);
  append_part (s, detail (denial, "path"));
  return free_if_empty (s);
}

/* "srcname → name (fstype)" */
static char *
mount_object (ScDenial *denial)
{
  GString *s = g_string_new (NULL);
  const char *srcname = detail_nonempty (denial, "srcname");
  const char *name = detail_nonempty (denial, "name");
  const char *fstype = detail_nonempty (denial, "fstype");

  if (srcname != NULL && name != NULL)
    g_string_append_printf (s, "%s → %s", srcname, name);
  else if (srcname != NULL || name != NULL)
    g_string_append (s, srcname != NULL ? srcname : name);
  if (fstype != NULL)
    g_string_append_printf (s, s->len > 0 ? " (%s)" : "(%s)", fstype);
  return free_if_empty (s);
}

/* object: the thing the denial is about, readable, per kind. */
static char *
build_apparmor_object (ScDenial *denial)
{
  static const char * const peer_keys[] = { "peer", "peer_label", "peer_profile", NULL };

  switch (denial->kind)
    {
    case SC_DENIAL_KIND_FILE:
    case SC_DENIAL_KIND_OTHER:
      return g_strdup (detail_nonempty (denial, "name"));

    case SC_DENIAL_KIND_UNIX:
      return unix_object (denial);

    case SC_DENIAL_KIND_NETWORK:
      return network_object (denial);

    case SC_DENIAL_KIND_CAPABILITY:
      return capability_object (denial);

    case SC_DENIAL_KIND_DBUS:
      return dbus_object (denial);

    case SC_DENIAL_KIND_SIGNAL:
      {
        /* "signal → peer" */
        const char *signal = detail_nonempty (denial, "signal");
        const char *peer = first_detail (denial, peer_keys);

        if (signal != NULL && peer != NULL)
          return g_strdup_printf ("%s → %s", signal, peer);
        return g_strdup (signal != NULL ? signal : peer);
      }

    case SC_DENIAL_KIND_PTRACE:
      return g_strdup (first_detail (denial, peer_keys));

    case SC_DENIAL_KIND_MOUNT:
      return mount_object (denial);

    case SC_DENIAL_KIND_SECCOMP:
    default:
      return NULL;
    }
}

/* Fills snap/instance/app/hook from a label, and marks labels that are
 * not a developer's concern as noise. */
void
_sc_parser_attribute_label (ScDenial   *denial,
                            const char *label)
{
  if (label == NULL)
    return;

  g_free (denial->profile);
  denial->profile = g_strdup (label);

  if (sc_denial_split_label (label, &denial->snap, &denial->instance, &denial->app, &denial->hook))
    {
      const char *plus;

      if (strstr (label, "//") != NULL)
        set_noise (denial, _("Comes from a child profile of the app, not from the app itself"));
      plus = strchr (label, '+');
      if (plus != NULL && plus < label + label_base_len (label))
        {
          const char *dot = strchr (plus, '.');
          if (dot != NULL)
            {
              g_autofree char *component = g_strndup (plus + 1, (gsize) (dot - plus - 1));
              sc_denial_set_detail (denial, "component", component);
            }
        }
      return;
    }

  if (g_str_has_prefix (label, "snap-update-ns."))
    {
      const char *inst = label + strlen ("snap-update-ns.");
      gsize len = label_base_len (inst);
      gsize snap_len;

      if (split_instance (inst, len, &snap_len))
        {
          denial->snap = g_strndup (inst, snap_len);
          denial->instance = g_strndup (inst, len);
        }
      set_noise (denial, _("snapd could not set up the snap's mount namespace "
                           "(layouts, content or desktop mounts), not a missing plug"));
      return;
    }

  if (strstr (label, "snap-confine") != NULL)
    {
      set_noise (denial, _("Routine record of snapd's launcher snap-confine"));
      return;
    }

  if (g_str_equal (label, "unconfined") || g_str_has_prefix (label, "unconfined "))
    set_noise (denial, _("The process was not confined"));
}

/* exe="/snap/NAME/REV/…" → snap NAME (for seccomp records without a usable
 * subj=, on systems without AppArmor). */
void
_sc_parser_attribute_exe (ScDenial   *denial,
                          const char *exe)
{
  const char *p, *slash;
  gsize snap_len;

  if (exe == NULL || !g_str_has_prefix (exe, "/snap/"))
    return;
  p = exe + 6;
  slash = strchr (p, '/');
  if (slash == NULL || !split_instance (p, (gsize) (slash - p), &snap_len))
    return;
  denial->snap = g_strndup (p, snap_len);
  denial->instance = g_strndup (p, (gsize) (slash - p));
}

static void
finish_apparmor (ScDenial *denial,
                 int       audit_type)
{
  const char *verdict = detail (denial, "apparmor");
  static const char * const label_keys[] = { "profile", "label", NULL };
  static const char * const perm_keys[] = {
    "denied_mask", "denied", "requested_mask", "requested", NULL
  };
  const char *label;

  /* Very old kernels had one audit type per verdict and no apparmor=. */
  if (verdict == NULL)
    {
      switch (audit_type)
        {
        case 1501: verdict = "AUDIT"; break;
        case 1502: verdict = "ALLOWED"; break;
        case 1503: verdict = "DENIED"; break;
        case 1504: verdict = "HINT"; break;
        case 1505: verdict = "STATUS"; break;
        case 1506: verdict = "ERROR"; break;
        case 1507: verdict = "KILLED"; break;
        default: verdict = "DENIED"; break;
        }
      sc_denial_set_detail (denial, "apparmor", verdict);
      verdict = detail (denial, "apparmor");
    }

  denial->kind = classify_apparmor (denial);
  denial->operation = g_strdup (detail_nonempty (denial, "operation"));

  if (denial->kind == SC_DENIAL_KIND_DBUS)
    denial->permissions = g_strdup (detail_nonempty (denial, "mask"));
  if (denial->permissions == NULL)
    denial->permissions = g_strdup (first_detail (denial, perm_keys));

  if (g_str_equal (verdict, "DENIED") || g_str_equal (verdict, "KILLED"))
    denial->mode = SC_DENIAL_MODE_DENIED;
  else if (g_str_equal (verdict, "ALLOWED"))
    denial->mode = SC_DENIAL_MODE_ALLOWED;
  else
    {
      /* The access went through (AUDIT) or nothing was accessed at all
       * (STATUS, HINT…): keep it, but apart. Only logged: "allowed" is
       * devmode's word for an access the policy would have denied. */
      denial->mode = SC_DENIAL_MODE_LOGGED;
      if (g_str_equal (verdict, "STATUS"))
        {
          denial->kind = SC_DENIAL_KIND_OTHER;
          set_noise (denial, _("AppArmor status message (a profile was loaded or replaced), "
                               "not a denial"));
        }
      else if (g_str_equal (verdict, "AUDIT"))
        set_noise (denial, _("Allowed access logged by an audit rule, not a denial"));
      else
        set_noise (denial, _("AppArmor message that is not a denial"));
    }

  denial->object = build_apparmor_object (denial);

  /* A descriptor opened outside the snap's mount namespace and inherited
   * by it has no path inside: AppArmor logs "disconnected path" and names
   * it apparmor/.null. No interface is about that (QA-19). */
  if (!denial->noise
      && ((detail (denial, "info") != NULL && strstr (detail (denial, "info"), "disconnected path"))
          || g_strcmp0 (detail (denial, "name"), "apparmor/.null") == 0))
    set_noise (denial, _("A file descriptor inherited from outside the snap (a disconnected "
                         "path); usually harmless, and no interface grants it"));

  /* STATUS records name a profile in name=; never attribute by it. */
  label = first_detail (denial, label_keys);
  _sc_parser_attribute_label (denial, label);
}

static void
set_times (ScDenial              *denial,
           const RecInfo         *info,
           const ScRecordContext *context)
{
  if (info->have_header)
    {
      denial->timestamp_usec = (gint64) (info->hdr_sec * G_USEC_PER_SEC + info->hdr_msec * 1000);
      denial->audit_id = g_strdup_printf ("%" G_GUINT64_FORMAT ".%03u:%" G_GUINT64_FORMAT,
                                          info->hdr_sec, info->hdr_msec, info->hdr_serial);
      return;
    }

  if (context == NULL)
    return;
  if (context->realtime_usec > 0)
    denial->timestamp_usec = context->realtime_usec;

  /* journald's audit transport drops the header but keeps its parts:
   * _AUDIT_ID is the serial and _SOURCE_REALTIME_TIMESTAMP the header time
   * (seconds and milliseconds scaled to µs). Rebuild the same key the
   * kernel line carries so both copies of an event compare equal. */
  if (context->audit_id != NULL && *context->audit_id != '\0' && context->realtime_usec > 0)
    {
      guint64 serial;

      if (g_ascii_string_to_unsigned (context->audit_id, 10, 0, G_MAXUINT64, &serial, NULL))
        {
          gint64 sec = context->realtime_usec / G_USEC_PER_SEC;
          int msec = (int) ((context->realtime_usec % G_USEC_PER_SEC) / 1000);

          denial->audit_id = g_strdup_printf ("%" G_GINT64_FORMAT ".%03d:%" G_GUINT64_FORMAT,
                                              sec, msec, serial);
        }
    }
}

ScRecordType
sc_denial_parse_message (const char            *message,
                         gssize                 len,
                         const ScRecordContext *context,
                         ScDenial             **denial,
                         guint64               *lost)
{
  const char *end, *body;
  RecInfo info = { 0 };
  gboolean is_ratelimit = FALSE;
  guint64 lost_count = 0;
  Fields *fields;
  g_autoptr(ScDenial) d = NULL;
  const Field *msg;

  if (denial != NULL)
    *denial = NULL;
  if (lost != NULL)
    *lost = 0;
  g_return_val_if_fail (message != NULL || len == 0, SC_RECORD_NONE);

  if (message == NULL)
    return SC_RECORD_NONE;
  if (len < 0)
    len = (gssize) strlen (message);
  end = message + len;

  body = _sc_parser_locate_record (message, end, context, &info, &is_ratelimit, &lost_count);
  if (is_ratelimit)
    {
      if (lost != NULL)
        *lost = lost_count;
      return SC_RECORD_RATELIMIT;
    }
  if (body == NULL)
    return SC_RECORD_NONE;

  /* A journal entry from the audit transport names its type in context. */
  if (context != NULL && context->audit_type_name != NULL && info.audit_type == 0)
    _sc_parser_classify_type_name (context->audit_type_name, strlen (context->audit_type_name),
                                   &info);

  fields = g_newa (Fields, 1);
  _sc_parser_tokenize (body, end, fields);

  d = sc_denial_new ();

  /* USER_AVC: the AppArmor record is nested in msg='…'. Its fields come
   * first so that pid= and exe= describe the client rather than the bus. */
  msg = _sc_parser_fields_find (fields, "msg");
  if (msg != NULL && msg->quote == '\'')
    {
      Fields *inner = g_newa (Fields, 1);
      _sc_parser_tokenize (msg->val, msg->val + msg->vlen, inner);
      _sc_parser_add_fields_to_details (d, inner, FALSE);
      _sc_parser_add_fields_to_details (d, fields, TRUE);
    }
  else
    _sc_parser_add_fields_to_details (d, fields, FALSE);

  if (info.klass == REC_SECCOMP)
    {
      if (detail (d, "syscall") == NULL)
        return SC_RECORD_NONE;
      _sc_parser_finish_seccomp (d);
    }
  else
    {
      if (detail (d, "apparmor") == NULL && !(info.audit_type >= 1500 && info.audit_type <= 1507))
        return SC_RECORD_NONE;
      if (detail (d, "apparmor") == NULL && detail (d, "operation") == NULL)
        return SC_RECORD_NONE;
      /* A record that names neither what was done nor who did it (a cut
       * line, a stray "apparmor=") says nothing about any snap (QA-22). */
      if (detail_nonempty (d, "operation") == NULL && detail_nonempty (d, "profile") == NULL
          && detail_nonempty (d, "label") == NULL)
        return SC_RECORD_NONE;
      finish_apparmor (d, info.audit_type);
    }

  if (info.type_name != NULL)
    sc_denial_set_detail (d, "record_type", info.type_name);

  set_times (d, &info, context);

  if (context != NULL && context->transport != NULL)
    d->transport = g_strdup (context->transport);
  else
    d->transport = g_strdup (info.transport != NULL ? info.transport : "syslog");

  if (context != NULL && context->hostname != NULL && *context->hostname != '\0')
    d->host = g_strdup (context->hostname);
  else if (info.node != NULL && info.node_len > 0)
    d->host = _sc_parser_display_bytes (info.node, info.node_len);

  d->raw = _sc_parser_display_bytes (message, (gsize) len);

  if (denial != NULL)
    *denial = g_steal_pointer (&d);
  return SC_RECORD_DENIAL;
}
