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
 */
#define G_LOG_DOMAIN "sc-denial-parser"
#define _GNU_SOURCE /* memmem, memrchr */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sc-denial-parser.h"
#include "sc-system-libs.h"

#define MAX_FIELDS 96
#define MAX_KEY_LEN 64

typedef struct
{
  const char *key;
  const char *val;
  guint32     klen;
  guint32     vlen;
  char        quote;      /* 0, '"' or '\'' */
} Field;

typedef struct
{
  Field f[MAX_FIELDS];
  guint n;
} Fields;

/* What the prefix of a record told us. */
typedef enum
{
  REC_APPARMOR,     /* AVC 1400, USER_AVC 1107, APPARMOR_* 1500..1507, plain dbus line */
  REC_SECCOMP,      /* 1326 */
} RecClass;

typedef struct
{
  RecClass    klass;
  int         audit_type;     /* 1400, 1107, 1326, 1500..1507, 0 when unknown */
  const char *type_name;      /* "AVC", "USER_AVC", "SECCOMP", … (static) */
  const char *transport;      /* static, inferred from the shape */
  gboolean    have_header;
  guint64     hdr_sec;
  guint       hdr_msec;
  guint64     hdr_serial;
  const char *node;           /* auditd "node=" (not NUL-terminated) */
  gsize       node_len;
} RecInfo;

/* Keys whose values the kernel writes as untrusted strings (quoted or hex). */
static const char * const untrusted_keys[] = {
  "name", "name2", "profile", "label", "peer", "peer_label", "peer_profile",
  "target", "namespace", "comm", "exe", "srcname", "addr", "peer_addr",
  "execpath", "cwd", "proctitle", "subj", "path",
};

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

static const struct
{
  guint32     arch;
  const char *name;
} arch_names[] = {
  { 0xc000003e, "x86_64" },
  { 0x4000003e, "x32" },
  { 0x40000003, "x86" },
  { 0xc00000b7, "aarch64" },
  { 0x40000028, "arm" },
  { 0xc0000015, "ppc64le" },
  { 0x80000015, "ppc64" },
  { 0x00000014, "ppc" },
  { 0x80000016, "s390x" },
  { 0x00000016, "s390" },
  { 0xc00000f3, "riscv64" },
  { 0xc0000102, "loongarch64" },
  { 0x00000008, "mips" },
  { 0x40000008, "mipsel" },
  { 0x80000008, "mips64" },
  { 0xc0000008, "mipsel64" },
  { 0xa0000008, "mips64n32" },
  { 0xe0000008, "mipsel64n32" },
  { 0x0000000f, "parisc" },
  { 0x8000000f, "parisc64" },
};

/* ------------------------------------------------------------------------ */
/* Small byte helpers                                                        */

static inline gboolean
is_blank (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static inline gboolean
has_prefix (const char *p,
            const char *end,
            const char *prefix,
            gsize       prefix_len)
{
  return (gsize) (end - p) >= prefix_len && memcmp (p, prefix, prefix_len) == 0;
}
#define HAS_PREFIX(p, end, lit) has_prefix ((p), (end), lit, sizeof (lit) - 1)

/* rsyslog writes control characters as "#ooo"; "#012" is the newline that
 * dbus-daemon puts before exe= in USER_AVC records. */
static inline gboolean
is_escaped_newline (const char *p,
                    const char *end)
{
  return HAS_PREFIX (p, end, "#012");
}

static const char *
skip_blanks (const char *p,
             const char *end)
{
  for (;;)
    {
      if (p < end && is_blank (*p))
        p++;
      else if (p < end && *p == '#' && is_escaped_newline (p, end))
        p += 4;
      else
        return p;
    }
}

static inline gboolean
is_key_start (char c)
{
  return g_ascii_isalpha (c) || c == '_';
}

static inline gboolean
is_key_char (char c)
{
  return g_ascii_isalnum (c) || c == '_' || c == '-';
}

/* Parses up to MAX_DIGITS decimal digits. */
static const char *
parse_uint (const char *p,
            const char *end,
            guint       max_digits,
            guint64    *out)
{
  guint64 v = 0;
  guint n = 0;

  while (p < end && n < max_digits && g_ascii_isdigit (*p))
    {
      v = v * 10 + (guint64) (*p - '0');
      p++;
      n++;
    }
  if (n == 0)
    return NULL;
  *out = v;
  return p;
}

static gboolean
str_is_uhex (const char *s,
             gsize       len)
{
  if (len == 0 || len % 2 != 0)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    {
      char c = s[i];
      if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'F')))
        return FALSE;
    }
  return TRUE;
}

static void
hex_decode_into (GString    *out,
                 const char *s,
                 gsize       len)
{
  for (gsize i = 0; i + 1 < len; i += 2)
    g_string_append_c (out, (char) ((g_ascii_xdigit_value (s[i]) << 4) |
                                    g_ascii_xdigit_value (s[i + 1])));
}

/* TRUE when the kernel's audit_string_contains_control() would have asked
 * for hex: a quote, a control byte, a space or anything above 0x7e. */
static gboolean
needs_hex (const char *s,
           gsize       len)
{
  for (gsize i = 0; i < len; i++)
    {
      guchar c = (guchar) s[i];
      if (c == '"' || c < 0x21 || c > 0x7e)
        return TRUE;
    }
  return FALSE;
}

static gboolean
has_control (const char *s,
             gsize       len)
{
  for (gsize i = 0; i < len; i++)
    {
      guchar c = (guchar) s[i];
      if (c < 0x21 || c == 0x7f || c == '"')
        return TRUE;
    }
  return FALSE;
}

/* Copies LEN bytes to a printable, valid UTF-8 string: control bytes become
 * \xNN (a NUL would otherwise cut the C string), trailing NUL padding of
 * abstract socket names is dropped. */
static char *
display_bytes (const char *s,
               gsize       len)
{
  GString *out;
  gboolean plain = TRUE;

  while (len > 0 && s[len - 1] == '\0')
    len--;

  for (gsize i = 0; i < len; i++)
    {
      guchar c = (guchar) s[i];
      if (c < 0x20 || c == 0x7f || c >= 0x80)
        {
          plain = FALSE;
          break;
        }
    }
  if (plain)
    return g_strndup (s, len);

  out = g_string_sized_new (len + 8);
  for (gsize i = 0; i < len; i++)
    {
      guchar c = (guchar) s[i];
      if (c < 0x20 || c == 0x7f)
        g_string_append_printf (out, "\\x%02x", c);
      else
        g_string_append_c (out, (char) c);
    }
  if (!g_utf8_validate (out->str, out->len, NULL))
    {
      char *valid = g_utf8_make_valid (out->str, out->len);
      g_string_free (out, TRUE);
      return valid;
    }
  return g_string_free (out, FALSE);
}

static gboolean
key_is_untrusted (const char *key,
                  gsize       klen)
{
  for (guint i = 0; i < G_N_ELEMENTS (untrusted_keys); i++)
    {
      if (strlen (untrusted_keys[i]) == klen && memcmp (untrusted_keys[i], key, klen) == 0)
        return TRUE;
    }
  return FALSE;
}

/* ------------------------------------------------------------------------ */
/* Tokenizer                                                                 */

/* Splits "key=value key2="quoted value" msg='…'" into fields. Tolerates
 * runs of blanks, tokens without '=', a missing closing quote and stops at
 * auditd's enriched-format separator (0x1d), after which only upper-case
 * duplicates follow. */
static void
tokenize (const char *p,
          const char *end,
          Fields     *out)
{
  out->n = 0;

  for (;;)
    {
      const char *key, *val;
      gsize klen, vlen;
      char quote = 0;

      p = skip_blanks (p, end);
      if (p >= end || *p == '\x1d')
        return;

      key = p;
      if (is_key_start (*p))
        {
          while (p < end && is_key_char (*p))
            p++;
        }
      klen = (gsize) (p - key);

      if (klen == 0 || klen > MAX_KEY_LEN || p >= end || *p != '=')
        {
          /* Not a key=value token ("(enforce)", a stray word…): skip it. */
          while (p < end && !is_blank (*p) && *p != '\x1d')
            p++;
          continue;
        }
      p++; /* '=' */

      if (p < end && *p == '"')
        {
          const char *close;

          quote = '"';
          p++;
          close = memchr (p, '"', (gsize) (end - p));
          val = p;
          vlen = (gsize) ((close != NULL ? close : end) - p);
          p = close != NULL ? close + 1 : end;
        }
      else if (p < end && *p == '\'')
        {
          const char *close;

          /* Only msg='…' uses single quotes; it nests a whole record,
           * which may itself contain quotes, so it ends at the last '. */
          quote = '\'';
          p++;
          close = p < end ? memrchr (p, '\'', (gsize) (end - p)) : NULL;
          val = p;
          vlen = (gsize) ((close != NULL ? close : end) - p);
          p = close != NULL ? close + 1 : end;
        }
      else
        {
          val = p;
          while (p < end && !is_blank (*p) && *p != '\x1d' &&
                 !(*p == '#' && is_escaped_newline (p, end)))
            p++;
          vlen = (gsize) (p - val);
        }

      if (out->n < MAX_FIELDS)
        {
          Field *f = &out->f[out->n++];
          f->key = key;
          f->klen = (guint32) klen;
          f->val = val;
          f->vlen = (guint32) vlen;
          f->quote = quote;
        }
    }
}

static const Field *
fields_find (const Fields *fields,
             const char   *key)
{
  gsize klen = strlen (key);

  for (guint i = 0; i < fields->n; i++)
    {
      const Field *f = &fields->f[i];
      if (f->klen == klen && memcmp (f->key, key, klen) == 0)
        return f;
    }
  return NULL;
}

/* Decodes one value following the kernel's quoting rules (see the file
 * comment). */
static char *
decode_value (const Field *f)
{
  gboolean untrusted = key_is_untrusted (f->key, f->klen);

  if (untrusted && f->quote == 0 && str_is_uhex (f->val, f->vlen))
    {
      g_autoptr(GString) bytes = g_string_sized_new (f->vlen / 2);
      hex_decode_into (bytes, f->val, f->vlen);
      return display_bytes (bytes->str, bytes->len);
    }

  /* Abstract unix socket name: "@" + hex when the name had a control byte. */
  if (untrusted && f->quote == '"' && f->vlen >= 3 && f->val[0] == '@' &&
      str_is_uhex (f->val + 1, f->vlen - 1))
    {
      g_autoptr(GString) bytes = g_string_sized_new (f->vlen / 2 + 1);
      g_string_append_c (bytes, '@');
      hex_decode_into (bytes, f->val + 1, f->vlen - 1);
      /* "@ABCD" may be a text name that happens to look like hex. Only
       * take the decoding when the kernel had a reason to use hex and the
       * result looks like a name: a control byte (usually NUL padding) or
       * valid UTF-8 above ASCII. */
      if (needs_hex (bytes->str + 1, bytes->len - 1) &&
          (has_control (bytes->str + 1, bytes->len - 1) ||
           g_utf8_validate (bytes->str + 1, (gssize) bytes->len - 1, NULL)))
        return display_bytes (bytes->str, bytes->len);
    }

  return display_bytes (f->val, f->vlen);
}

static void
add_fields_to_details (ScDenial     *denial,
                       const Fields *fields,
                       gboolean      skip_msg)
{
  for (guint i = 0; i < fields->n; i++)
    {
      const Field *f = &fields->f[i];
      g_autofree char *key = NULL;

      if (skip_msg && f->quote == '\'' && f->klen == 3 && memcmp (f->key, "msg", 3) == 0)
        continue;

      key = g_strndup (f->key, f->klen);
      /* Only the first occurrence of a key counts. */
      if (g_hash_table_contains (denial->details, key))
        continue;
      g_hash_table_insert (denial->details, g_steal_pointer (&key), decode_value (f));
    }
}

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
/* Seccomp                                                                   */

static const char *
arch_name (guint32 arch)
{
  for (guint i = 0; i < G_N_ELEMENTS (arch_names); i++)
    {
      if (arch_names[i].arch == arch)
        return arch_names[i].name;
    }
  return NULL;
}

char *
sc_syscall_name (guint32 arch,
                 int     nr)
{
  const ScLibseccomp *seccomp;
  char *name;
  char *ret;

  if (nr < 0)
    return NULL;

  /* x32 shares AUDIT_ARCH_X86_64 and marks its numbers with bit 30. */
  if (arch == SCMP_ARCH_X86_64 && (nr & 0x40000000) != 0)
    arch = SCMP_ARCH_X32;

  /* libseccomp's tokens are the AUDIT_ARCH values; it returns NULL for an
   * architecture or number it does not know. */
  if (arch_name (arch) == NULL || arch == 0)
    return NULL;
  /* Without libseccomp the record keeps its number. */
  if ((seccomp = sc_libseccomp_load (NULL)) == NULL)
    return NULL;
  name = seccomp->seccomp_syscall_resolve_num_arch (arch, nr);
  if (name == NULL)
    return NULL;
  ret = g_strdup (name);
  free (name);
  return ret;
}

/* ------------------------------------------------------------------------ */
/* Record prefixes                                                           */

/* Parses "audit(SECONDS.MILLIS:SERIAL)" at P. Returns the byte after ')'. */
static const char *
parse_audit_header (const char *p,
                    const char *end,
                    RecInfo    *info)
{
  guint64 sec, ms, serial;
  const char *ms_start;

  if (!HAS_PREFIX (p, end, "audit("))
    return NULL;
  p += 6;
  p = parse_uint (p, end, 12, &sec);
  if (p == NULL || p >= end || *p != '.')
    return NULL;
  ms_start = ++p;
  p = parse_uint (p, end, 3, &ms);
  if (p == NULL || p - ms_start != 3 || p >= end || *p != ':')
    return NULL;
  p = parse_uint (p + 1, end, 19, &serial);
  if (p == NULL || p >= end || *p != ')')
    return NULL;
  info->have_header = TRUE;
  info->hdr_sec = sec;
  info->hdr_msec = (guint) ms;
  info->hdr_serial = serial;
  p++;
  if (p < end && *p == ':')
    p++;
  return p;
}

static gboolean
classify_type_number (int      type,
                      RecInfo *info)
{
  switch (type)
    {
    case 1400:
      info->klass = REC_APPARMOR;
      info->type_name = "AVC";
      return TRUE;
    case 1107:
      info->klass = REC_APPARMOR;
      info->type_name = "USER_AVC";
      return TRUE;
    case 1326:
      info->klass = REC_SECCOMP;
      info->type_name = "SECCOMP";
      return TRUE;
    default:
      if (type >= 1500 && type <= 1507)
        {
          static const char * const old_names[] = {
            "APPARMOR", "APPARMOR_AUDIT", "APPARMOR_ALLOWED", "APPARMOR_DENIED",
            "APPARMOR_HINT", "APPARMOR_STATUS", "APPARMOR_ERROR", "APPARMOR_KILL",
          };
          info->klass = REC_APPARMOR;
          info->type_name = old_names[type - 1500];
          return TRUE;
        }
      return FALSE;
    }
}

static const struct
{
  const char *name;
  int         type;
} type_names[] = {
  { "AVC", 1400 },
  { "USER_AVC", 1107 },
  { "SECCOMP", 1326 },
  { "APPARMOR", 1500 },
  { "APPARMOR_AUDIT", 1501 },
  { "APPARMOR_ALLOWED", 1502 },
  { "APPARMOR_DENIED", 1503 },
  { "APPARMOR_HINT", 1504 },
  { "APPARMOR_STATUS", 1505 },
  { "APPARMOR_ERROR", 1506 },
  { "APPARMOR_KILL", 1507 },
};

/* Record type given by name (audit transport "AVC …", audit.log
 * "type=AVC") or by journald's "AUDIT1400" fallback name. */
static gboolean
classify_type_name (const char *name,
                    gsize       len,
                    RecInfo    *info)
{
  for (guint i = 0; i < G_N_ELEMENTS (type_names); i++)
    {
      if (strlen (type_names[i].name) == len && memcmp (type_names[i].name, name, len) == 0)
        {
          info->audit_type = type_names[i].type;
          return classify_type_number (type_names[i].type, info);
        }
    }
  if (len > 5 && memcmp (name, "AUDIT", 5) == 0)
    {
      guint64 t;
      const char *e = parse_uint (name + 5, name + len, 5, &t);
      if (e == name + len)
        {
          info->audit_type = (int) t;
          return classify_type_number ((int) t, info);
        }
    }
  return FALSE;
}

/* "type=1400 audit(…): …" or "type=AVC msg=audit(…): …" at P (after any
 * "audit: " or "node=… "). Returns the start of the body or NULL. */
static const char *
parse_type_prefix (const char *p,
                   const char *end,
                   RecInfo    *info)
{
  const char *word;
  gsize wlen;

  if (!HAS_PREFIX (p, end, "type="))
    return NULL;
  p += 5;
  word = p;
  while (p < end && (g_ascii_isalnum (*p) || *p == '_'))
    p++;
  wlen = (gsize) (p - word);
  if (wlen == 0 || p >= end || *p != ' ')
    return NULL;

  if (g_ascii_isdigit (word[0]))
    {
      guint64 t;
      if (parse_uint (word, p, 5, &t) != p)
        return NULL;
      info->audit_type = (int) t;
      if (!classify_type_number ((int) t, info))
        return NULL;
    }
  else if (!classify_type_name (word, wlen, info))
    return NULL;

  p++;
  if (HAS_PREFIX (p, end, "msg="))
    p += 4;
  return parse_audit_header (p, end, info);
}

/* Rate-limit notices. Returns TRUE and sets *LOST when P is one. */
static gboolean
parse_ratelimit (const char *p,
                 const char *end,
                 guint64    *lost)
{
  guint64 n;

  if (HAS_PREFIX (p, end, "kauditd_printk_skb: "))
    {
      const char *e = parse_uint (p + 20, end, 19, &n);
      if (e != NULL && HAS_PREFIX (e, end, " callbacks suppressed"))
        {
          *lost = n;
          return TRUE;
        }
      return FALSE;
    }
  if (HAS_PREFIX (p, end, "audit: "))
    {
      p += 7;
      if (HAS_PREFIX (p, end, "audit_lost="))
        {
          if (parse_uint (p + 11, end, 19, &n) == NULL)
            return FALSE;
          *lost = n;
          return TRUE;
        }
      if (HAS_PREFIX (p, end, "rate limit exceeded") ||
          HAS_PREFIX (p, end, "backlog limit exceeded") ||
          HAS_PREFIX (p, end, "printk limit exceeded"))
        {
          *lost = 1;
          return TRUE;
        }
    }
  return FALSE;
}

/* Skips a dmesg-style "[ 1234.567890] " time prefix. */
static const char *
skip_kernel_time (const char *p,
                  const char *end)
{
  const char *q = p;

  if (q >= end || *q != '[')
    return p;
  q++;
  while (q < end && *q == ' ')
    q++;
  if (q >= end || !g_ascii_isdigit (*q))
    return p;
  while (q < end && (g_ascii_isdigit (*q) || *q == '.'))
    q++;
  if (q >= end || *q != ']')
    return p;
  q++;
  while (q < end && *q == ' ')
    q++;
  return q;
}

/* memmem() for the short markers searched here. glibc's memmem() sets up
 * a shift table on every call, which costs more than scanning a log line
 * of a hundred bytes with memchr() for the first byte (bench-policy:
 * 1,000,000 lines that are not records went from 0.5 s to well under
 * 0.1 s). */
static inline void *
find_bytes (const void *haystack,
            gsize       haystack_len,
            const void *needle,
            gsize       needle_len)
{
  const char *p = haystack, *n = needle, *last;

  if (needle_len == 0)
    return (void *) p;
  if (haystack_len < needle_len)
    return NULL;
  last = p + (haystack_len - needle_len);
  while (p <= last)
    {
      p = memchr (p, n[0], (gsize) (last - p) + 1);
      if (p == NULL)
        return NULL;
      if (memcmp (p + 1, n + 1, needle_len - 1) == 0)
        return (void *) p;
      p++;
    }
  return NULL;
}

/* Whether MARKER occurs in [P, END), searched from its byte at RARE (a
 * byte that ordinary log text seldom has, so memchr() skips most of the
 * line). */
static inline gboolean
has_rare_marker (const char *p,
                 const char *end,
                 const char *marker,
                 gsize       rare)
{
  gsize n = strlen (marker);
  const char *q;

  if ((gsize) (end - p) < n)
    return FALSE;
  for (q = p + rare; q < end; q++)
    {
      q = find_bytes (q, (gsize) (end - q), marker + rare, n - rare);
      if (q == NULL)
        return FALSE;
      if (q - rare >= p && memcmp (q - rare, marker, rare) == 0)
        return TRUE;
    }
  return FALSE;
}

/* Whether a marker found at Q by memmem() starts a word: at the start of
 * the text or after a blank, ':' or ']' (the usual ends of a prefix). */
static inline gboolean
starts_word (const char *start,
             const char *q)
{
  return q == start || is_blank (q[-1]) || q[-1] == ':' || q[-1] == ']';
}

/* The last "audit(…)" header in [P, END), read into INFO. */
static void
find_audit_header (const char *p,
                   const char *end,
                   RecInfo    *info)
{
  const char *q = p, *last = NULL, *h;

  while (q < end && (h = find_bytes (q, (gsize) (end - q), "audit(", 6)) != NULL)
    {
      last = h;
      q = h + 6;
    }
  if (last != NULL)
    {
      RecInfo tmp = *info;
      if (parse_audit_header (last, end, &tmp) != NULL)
        *info = tmp;
    }
}

/* A record after a prefix none of the cases of locate_record() knows:
 * "[Fri Jun 14 13:16:36 2024] audit: …" (dmesg -T), "host kernel: …",
 * "<5>…", dbus-daemon's "[session uid=1000 pid=1234] …", a record quoted in
 * other text. Looks for the places a record can start, with memmem() only:
 * "type=" (kernel "type=1400 audit(…)", auditd "type=AVC msg=audit(…)"),
 * the rate-limit notices, an audit type name ("AVC apparmor=…",
 * "USER_AVC pid=…", "SECCOMP auid=…"), then a bare "apparmor=\"" with
 * any "audit(…)" header before it. */
static const char *
find_record_after_prefix (const char *p,
                          const char *end,
                          RecInfo    *info,
                          gboolean   *is_ratelimit,
                          guint64    *lost)
{
  const char *q, *t, *aa;
  static const struct
  {
    const char *needle;
    gsize       len;
  } type_words[] = {
    { "AVC ", 4 },        /* AVC and USER_AVC */
    { "SECCOMP ", 8 },
    { "APPARMOR", 8 },    /* APPARMOR_DENIED … */
  };

  /* (The NULL test never fires; it keeps GCC's -Wnonnull quiet in
   * sanitizer builds, where it loses track of P.) */
  if (p == NULL || end - p < 10)
    return NULL;

  aa = find_bytes (p, (gsize) (end - p), "apparmor=\"", 10);

  /* "type=…" before the body (a body has no "type=" key of its own). */
  for (q = p; q < end && (t = find_bytes (q, (gsize) (end - q), "type=", 5)) != NULL; q = t + 5)
    {
      RecInfo tmp = *info;
      const char *body;

      if (aa != NULL && t > aa)
        break;
      if (!starts_word (p, t))
        continue;
      body = parse_type_prefix (t, end, &tmp);
      if (body != NULL)
        {
          *info = tmp;
          info->transport = g_ascii_isdigit (t[5]) ? "kernel" : "audit";
          return body;
        }
    }

  if (aa == NULL)
    {
      for (q = p; q < end && (t = find_bytes (q, (gsize) (end - q), "audit: ", 7)) != NULL; q = t + 7)
        if (starts_word (p, t) && parse_ratelimit (t, end, lost))
          {
            *is_ratelimit = TRUE;
            return NULL;
          }
      t = find_bytes (p, (gsize) (end - p), "kauditd_printk_skb: ", 20);
      if (t != NULL && starts_word (p, t) && parse_ratelimit (t, end, lost))
        {
          *is_ratelimit = TRUE;
          return NULL;
        }
    }

  /* "<TYPE NAME> <body>", as journald's audit transport writes it. */
  for (guint i = 0; i < G_N_ELEMENTS (type_words); i++)
    {
      for (q = p; q < end && (t = find_bytes (q, (gsize) (end - q), type_words[i].needle,
                                          type_words[i].len)) != NULL; q = t + 1)
        {
          const char *w = t, *we = t;
          RecInfo tmp = *info;

          if (aa != NULL && t > aa)
            break;
          while (w > p && (g_ascii_isupper (w[-1]) || w[-1] == '_'))
            w--;
          while (we < end && (g_ascii_isalnum (*we) || *we == '_'))
            we++;
          if (!starts_word (p, w) || we >= end || *we != ' ')
            continue;
          if (classify_type_name (w, (gsize) (we - w), &tmp))
            {
              *info = tmp;
              info->transport = "audit";
              find_audit_header (p, w, info);
              return we + 1;
            }
        }
    }

  if (aa != NULL && starts_word (p, aa))
    {
      info->klass = REC_APPARMOR;
      info->transport = "syslog";
      find_audit_header (p, aa, info);
      return aa;
    }
  return NULL;
}

/* Finds the record in a MESSAGE and fills INFO. Returns the start of the
 * key=value body, or NULL when MESSAGE is not a confinement record. */
static const char *
locate_record (const char            *p,
               const char            *end,
               const ScRecordContext *context,
               RecInfo               *info,
               gboolean              *is_ratelimit,
               guint64               *lost)
{
  const char *body;

  while (p < end && is_blank (*p))
    p++;
  if (p >= end)
    return NULL;

  switch (*p)
    {
    case 'a':
      if (HAS_PREFIX (p, end, "apparmor="))
        {
          info->klass = REC_APPARMOR;
          info->transport = "syslog";
          return p;
        }
      if (HAS_PREFIX (p, end, "audit: "))
        {
          if (HAS_PREFIX (p + 7, end, "type="))
            {
              info->transport = "kernel";
              return parse_type_prefix (p + 7, end, info);
            }
          if (parse_ratelimit (p, end, lost))
            {
              *is_ratelimit = TRUE;
              return NULL;
            }
          return NULL;
        }
      break;

    case 't':
      if (HAS_PREFIX (p, end, "type="))
        {
          /* Old kernels ("type=1400 audit(…)") or auditd ("type=AVC msg=audit(…)"). */
          body = parse_type_prefix (p, end, info);
          if (body != NULL)
            info->transport = g_ascii_isdigit (p[5]) ? "kernel" : "audit";
          return body;
        }
      break;

    case 'n':
      if (HAS_PREFIX (p, end, "node="))
        {
          const char *node = p + 5;
          const char *q = node;

          while (q < end && !is_blank (*q))
            q++;
          info->node = node;
          info->node_len = (gsize) (q - node);
          while (q < end && *q == ' ')
            q++;
          body = parse_type_prefix (q, end, info);
          if (body != NULL)
            info->transport = "audit";
          return body;
        }
      break;

    case 'k':
      if (parse_ratelimit (p, end, lost))
        {
          *is_ratelimit = TRUE;
          return NULL;
        }
      break;

    case '[':
      {
        const char *q = skip_kernel_time (p, end);
        if (q != p)
          return locate_record (q, end, context, info, is_ratelimit, lost);
      }
      break;

    default:
      if (g_ascii_isupper (*p))
        {
          /* journald audit transport: "<TYPE NAME> <body>". */
          const char *word = p;
          const char *q = p;

          while (q < end && (g_ascii_isalnum (*q) || *q == '_'))
            q++;
          if (q < end && *q == ' ' && classify_type_name (word, (gsize) (q - word), info))
            {
              info->transport = "audit";
              return q + 1;
            }
        }
      break;
    }

  /* Kernel and audit transport messages always start with one of the
   * prefixes above, so the search below (the one cost every other message
   * pays) is skipped for them. */
  if (context != NULL && context->transport != NULL &&
      (strcmp (context->transport, "kernel") == 0 || strcmp (context->transport, "audit") == 0))
    return NULL;

  return find_record_after_prefix (p, end, info, is_ratelimit, lost);
}

/* ------------------------------------------------------------------------ */
/* Building the denial                                                       */

static const char *
detail (ScDenial   *denial,
        const char *key)
{
  return g_hash_table_lookup (denial->details, key);
}

static const char *
detail_nonempty (ScDenial   *denial,
                 const char *key)
{
  const char *v = g_hash_table_lookup (denial->details, key);
  return v != NULL && *v != '\0' ? v : NULL;
}

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

/* object: the thing the denial is about, readable, per kind. */
static char *
build_apparmor_object (ScDenial *denial)
{
  switch (denial->kind)
    {
    case SC_DENIAL_KIND_FILE:
    case SC_DENIAL_KIND_OTHER:
      return g_strdup (detail_nonempty (denial, "name"));

    case SC_DENIAL_KIND_UNIX:
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

    case SC_DENIAL_KIND_NETWORK:
      {
        /* "family sock_type protocol", the protocol left out when 0. */
        GString *s = g_string_new (NULL);
        const char *protocol = detail_nonempty (denial, "protocol");

        append_part (s, detail (denial, "family"));
        append_part (s, detail (denial, "sock_type"));
        if (protocol != NULL && !g_str_equal (protocol, "0"))
          append_part (s, protocol);
        if (s->len == 0)
          {
            g_string_free (s, TRUE);
            return NULL;
          }
        return g_string_free (s, FALSE);
      }

    case SC_DENIAL_KIND_CAPABILITY:
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

    case SC_DENIAL_KIND_DBUS:
      {
        /* D-Bus object format: "<bus> <destination> <interface>.<member> <path>",
         * each part left out when the record has none, e.g.
         * "system :1.104 org.freedesktop.DBus.Properties.GetAll /org/freedesktop/timedate1"
         * or, for dbus_bind, "session org.example.Name". */
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
        if (s->len == 0)
          {
            g_string_free (s, TRUE);
            return NULL;
          }
        return g_string_free (s, FALSE);
      }

    case SC_DENIAL_KIND_SIGNAL:
      {
        /* "signal → peer" */
        const char *signal = detail_nonempty (denial, "signal");
        static const char * const peer_keys[] = { "peer", "peer_label", "peer_profile", NULL };
        const char *peer = first_detail (denial, peer_keys);

        if (signal != NULL && peer != NULL)
          return g_strdup_printf ("%s → %s", signal, peer);
        return g_strdup (signal != NULL ? signal : peer);
      }

    case SC_DENIAL_KIND_PTRACE:
      {
        static const char * const peer_keys[] = { "peer", "peer_label", "peer_profile", NULL };
        return g_strdup (first_detail (denial, peer_keys));
      }

    case SC_DENIAL_KIND_MOUNT:
      {
        /* "srcname → name (fstype)" */
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
        if (s->len == 0)
          {
            g_string_free (s, TRUE);
            return NULL;
          }
        return g_string_free (s, FALSE);
      }

    case SC_DENIAL_KIND_SECCOMP:
    default:
      return NULL;
    }
}

/* Fills snap/instance/app/hook from a label, and marks labels that are
 * not a developer's concern as noise. */
static void
attribute_label (ScDenial   *denial,
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
static void
attribute_exe (ScDenial   *denial,
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

static gboolean
parse_hex_u32 (const char *s,
               guint32    *out)
{
  guint64 v;

  if (s == NULL)
    return FALSE;
  if (g_str_has_prefix (s, "0x") || g_str_has_prefix (s, "0X"))
    s += 2;
  if (!g_ascii_string_to_unsigned (s, 16, 0, G_MAXUINT32, &v, NULL))
    return FALSE;
  *out = (guint32) v;
  return TRUE;
}

static void
finish_seccomp (ScDenial *denial)
{
  const char *arch_str = detail (denial, "arch");
  const char *nr_str = detail (denial, "syscall");
  const char *code_str = detail (denial, "code");
  guint32 arch = 0, code = 0;
  guint64 nr = 0;
  gboolean have_nr;
  g_autofree char *name = NULL;
  const char *label;

  denial->kind = SC_DENIAL_KIND_SECCOMP;

  have_nr = nr_str != NULL && g_ascii_string_to_unsigned (nr_str, 10, 0, G_MAXINT, &nr, NULL);
  if (parse_hex_u32 (arch_str, &arch))
    {
      const char *an;

      if (arch == SCMP_ARCH_X86_64 && have_nr && (nr & 0x40000000) != 0)
        an = "x32";
      else
        an = arch_name (arch);
      if (an != NULL)
        sc_denial_set_detail (denial, "arch_name", an);
      if (have_nr)
        name = sc_syscall_name (arch, (int) nr);
    }
  if (have_nr)
    sc_denial_set_detail (denial, "syscall_nr", nr_str);
  if (name != NULL)
    sc_denial_set_detail (denial, "syscall_name", name);

  denial->operation = g_strdup (name != NULL ? name : nr_str);
  denial->object = g_strdup (name != NULL ? name : nr_str);
  denial->permissions = NULL;

  /* code= is the filter's action (SECCOMP_RET_ACTION_FULL bits). */
  denial->mode = SC_DENIAL_MODE_DENIED;
  if (parse_hex_u32 (code_str, &code))
    {
      const char *action;

      switch (code & 0xffff0000U)
        {
        case 0x7ffc0000U: action = "log"; denial->mode = SC_DENIAL_MODE_LOGGED; break;
        case 0x7fff0000U: action = "allow"; denial->mode = SC_DENIAL_MODE_LOGGED; break;
        case 0x00050000U: action = "errno"; break;
        case 0x00000000U: action = "kill_thread"; break;
        case 0x80000000U: action = "kill_process"; break;
        case 0x00030000U: action = "trap"; break;
        case 0x7fc00000U: action = "user_notif"; break;
        case 0x7ff00000U: action = "trace"; break;
        default: action = "unknown"; break;
        }
      sc_denial_set_detail (denial, "seccomp_action", action);
    }

  label = detail_nonempty (denial, "subj");
  attribute_label (denial, label);
  if (denial->snap == NULL &&
      (label == NULL || g_str_equal (label, "unconfined") || strchr (label, ':') != NULL))
    {
      /* Without an AppArmor label (no AppArmor, or an SELinux context) the
       * "unconfined" noise verdict does not apply: attribute by the
       * executable's path instead. A snap-confine or snap-update-ns label
       * stays noise even though its exe lives under /snap/snapd/. */
      attribute_exe (denial, detail_nonempty (denial, "exe"));
      if (denial->snap != NULL && denial->noise)
        {
          denial->noise = FALSE;
          g_clear_pointer (&denial->noise_reason, g_free);
        }
    }
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
  attribute_label (denial, label);
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

  body = locate_record (message, end, context, &info, &is_ratelimit, &lost_count);
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
    classify_type_name (context->audit_type_name, strlen (context->audit_type_name), &info);

  fields = g_newa (Fields, 1);
  tokenize (body, end, fields);

  d = sc_denial_new ();

  /* USER_AVC: the AppArmor record is nested in msg='…'. Its fields come
   * first so that pid= and exe= describe the client rather than the bus. */
  msg = fields_find (fields, "msg");
  if (msg != NULL && msg->quote == '\'')
    {
      Fields *inner = g_newa (Fields, 1);
      tokenize (msg->val, msg->val + msg->vlen, inner);
      add_fields_to_details (d, inner, FALSE);
      add_fields_to_details (d, fields, TRUE);
    }
  else
    add_fields_to_details (d, fields, FALSE);

  if (info.klass == REC_SECCOMP)
    {
      if (detail (d, "syscall") == NULL)
        return SC_RECORD_NONE;
      finish_seccomp (d);
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
    d->host = display_bytes (info.node, info.node_len);

  d->raw = display_bytes (message, (gsize) len);

  if (denial != NULL)
    *denial = g_steal_pointer (&d);
  return SC_RECORD_DENIAL;
}

/* ------------------------------------------------------------------------ */
/* Text logs                                                                 */

static const char * const month_names[] = {
  "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
};

/* The local time zone, looked up at most once a minute: GLib's
 * g_time_zone_new_local() reads /etc/localtime on every call, which made
 * each time-stamped log line cost tens of microseconds (bench-policy). */
G_LOCK_DEFINE_STATIC (local_zone);

static GDateTime *
new_local_time (int     year,
                int     month,
                int     day,
                int     hour,
                int     minute,
                gdouble seconds)
{
  static GTimeZone *zone = NULL;
  static gint64 zone_read = 0;
  g_autoptr(GTimeZone) tz = NULL;
  gint64 now = g_get_monotonic_time ();

  G_LOCK (local_zone);
  if (zone == NULL || now - zone_read > 60 * G_USEC_PER_SEC)
    {
      g_clear_pointer (&zone, g_time_zone_unref);
      zone = g_time_zone_new_local ();
      zone_read = now;
    }
  tz = g_time_zone_ref (zone);
  G_UNLOCK (local_zone);

  if (year <= 0)
    {
      g_autoptr(GDateTime) today = g_date_time_new_now (tz);
      year = g_date_time_get_year (today);
    }
  return g_date_time_new (tz, year, month, day, hour, minute, seconds);
}

/* "Jun 10 12:00:01[.123456] " → local time. */
static const char *
parse_syslog_time (const char *p,
                   const char *end,
                   int         year,
                   gint64     *usec)
{
  int month = 0;
  guint64 day, hh, mm, ss, frac = 0;
  guint frac_digits = 0;
  g_autoptr(GDateTime) dt = NULL;

  if (end - p < 15)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (month_names); i++)
    {
      if (memcmp (p, month_names[i], 3) == 0)
        {
          month = (int) i + 1;
          break;
        }
    }
  if (month == 0 || p[3] != ' ')
    return NULL;
  p += 4;
  if (*p == ' ')
    p++;
  if ((p = parse_uint (p, end, 2, &day)) == NULL || p >= end || *p != ' ')
    return NULL;
  if ((p = parse_uint (p + 1, end, 2, &hh)) == NULL || p >= end || *p != ':')
    return NULL;
  if ((p = parse_uint (p + 1, end, 2, &mm)) == NULL || p >= end || *p != ':')
    return NULL;
  if ((p = parse_uint (p + 1, end, 2, &ss)) == NULL)
    return NULL;
  if (p < end && *p == '.')
    {
      const char *f = ++p;
      if ((p = parse_uint (p, end, 9, &frac)) == NULL)
        return NULL;
      frac_digits = (guint) (p - f);
    }
  if (p >= end || *p != ' ')
    return NULL;

  while (frac_digits > 6)
    {
      frac /= 10;
      frac_digits--;
    }
  while (frac_digits > 0 && frac_digits < 6)
    {
      frac *= 10;
      frac_digits++;
    }

  dt = new_local_time (year, month, (int) day, (int) hh, (int) mm, (gdouble) ss);
  if (dt != NULL)
    *usec = g_date_time_to_unix (dt) * G_USEC_PER_SEC + (gint64) frac;
  return p + 1;
}

/* journalctl -o short-full: "Mon 2024-06-10 12:00:01[.123456] CEST " → the
 * date and time read as local time (the zone abbreviation is skipped: it
 * cannot be resolved reliably and journalctl prints the local zone). */
static const char *
parse_full_time (const char *p,
                 const char *end,
                 gint64     *usec)
{
  guint64 y, mo, d, hh, mm, ss, frac = 0;
  guint frac_digits = 0;
  g_autoptr(GDateTime) dt = NULL;

  if (end - p < 24 || !g_ascii_isupper (p[0]) || p[3] != ' ' || !g_ascii_isdigit (p[4]))
    return NULL;
  p += 4;
  if ((p = parse_uint (p, end, 4, &y)) == NULL || p >= end || *p != '-')
    return NULL;
  if ((p = parse_uint (p + 1, end, 2, &mo)) == NULL || p >= end || *p != '-')
    return NULL;
  if ((p = parse_uint (p + 1, end, 2, &d)) == NULL || p >= end || *p != ' ')
    return NULL;
  if ((p = parse_uint (p + 1, end, 2, &hh)) == NULL || p >= end || *p != ':')
    return NULL;
  if ((p = parse_uint (p + 1, end, 2, &mm)) == NULL || p >= end || *p != ':')
    return NULL;
  if ((p = parse_uint (p + 1, end, 2, &ss)) == NULL)
    return NULL;
  if (p < end && *p == '.')
    {
      const char *f = ++p;
      if ((p = parse_uint (p, end, 6, &frac)) == NULL)
        return NULL;
      frac_digits = (guint) (p - f);
      while (frac_digits++ < 6)
        frac *= 10;
    }
  if (p >= end || *p != ' ')
    return NULL;
  p++;
  /* Zone abbreviation. */
  while (p < end && !is_blank (*p))
    p++;
  if (p >= end)
    return NULL;

  dt = new_local_time ((int) y, (int) mo, (int) d, (int) hh, (int) mm, (gdouble) ss);
  if (dt != NULL)
    *usec = g_date_time_to_unix (dt) * G_USEC_PER_SEC + (gint64) frac;
  return p + 1;
}

/* "2024-06-10T12:00:01[.123456][Z|+02:00|+0200] " */
static const char *
parse_iso_time (const char *p,
                const char *end,
                gint64     *usec)
{
  const char *start = p;
  const char *q = p;
  char buf[64];
  g_autoptr(GDateTime) dt = NULL;
  g_autoptr(GTimeZone) utc = NULL;

  if (end - p < 19 || !g_ascii_isdigit (p[0]) || p[4] != '-' || p[7] != '-')
    return NULL;
  /* "2024-06-14 13:16:36.123": a space instead of the T. */
  if (p[10] == ' ' && g_ascii_isdigit (p[11]) && p[13] == ':')
    q = p + 11;
  else if (p[10] != 'T')
    return NULL;
  while (q < end && !is_blank (*q))
    q++;
  if (q >= end || (gsize) (q - start) >= sizeof buf)
    return NULL;
  memcpy (buf, start, (gsize) (q - start));
  buf[q - start] = '\0';
  buf[10] = 'T';
  utc = g_time_zone_new_utc ();
  dt = g_date_time_new_from_iso8601 (buf, utc);
  if (dt != NULL)
    *usec = g_date_time_to_unix (dt) * G_USEC_PER_SEC + g_date_time_get_microsecond (dt);
  return q + 1;
}

/* dmesg -T: "[Fri Jun 14 13:16:36 2024] " → local time. */
static const char *
parse_ctime_bracket (const char *p,
                     const char *end,
                     gint64     *usec)
{
  const char *close;
  char buf[48], mon[4], extra;
  int day, hh, mm, ss, year, month = 0;
  g_autoptr(GDateTime) dt = NULL;

  if (end - p < 26 || *p != '[' || !g_ascii_isupper (p[1]))
    return NULL;
  close = memchr (p, ']', (gsize) MIN (end - p, (gssize) sizeof buf));
  if (close == NULL)
    return NULL;
  memcpy (buf, p + 1, (gsize) (close - p - 1));
  buf[close - p - 1] = '\0';
  if (sscanf (buf, "%*3s %3s %d %d:%d:%d %d%c", mon, &day, &hh, &mm, &ss, &year, &extra) != 6)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (month_names); i++)
    if (strcmp (mon, month_names[i]) == 0)
      month = (int) i + 1;
  if (month == 0)
    return NULL;
  dt = new_local_time (year, month, day, hh, mm, (gdouble) ss);
  if (dt != NULL)
    *usec = g_date_time_to_unix (dt) * G_USEC_PER_SEC;
  p = close + 1;
  while (p < end && *p == ' ')
    p++;
  return p;
}

/* The next blank-separated word of an RFC 5424 header: [*P, *WE). */
static gboolean
next_word (const char **p,
           const char  *end,
           const char **we)
{
  const char *q = *p;

  while (q < end && *q == ' ')
    q++;
  *p = q;
  while (q < end && *q != ' ')
    q++;
  *we = q;
  return q > *p && q < end;
}

ScRecordType
sc_denial_parse_line (const char *line,
                      gssize      len,
                      int         current_year,
                      ScDenial  **denial,
                      guint64    *lost)
{
  const char *p, *end, *q, *after_time = NULL;
  gint64 usec = 0;
  ScRecordContext context = { 0 };
  char host[256] = "";
  char ident[128] = "";
  ScRecordType ret;
  ScDenial *d = NULL;
  gboolean rfc5424 = FALSE;

  if (denial != NULL)
    *denial = NULL;
  if (lost != NULL)
    *lost = 0;
  if (line == NULL)
    return SC_RECORD_NONE;
  if (len < 0)
    len = (gssize) strlen (line);
  end = line + len;
  while (end > line && (end[-1] == '\n' || end[-1] == '\r'))
    end--;
  p = line;

  /* Cheap rejection first: a record line always has "=" and most log lines
   * that are not records lack both "apparmor=" and "type=" and the rate
   * limit notices. */
  if (memchr (p, '=', (gsize) (end - p)) == NULL &&
      !has_rare_marker (p, end, "limit exceeded", 7) &&
      !has_rare_marker (p, end, "callbacks suppressed", 4))
    return SC_RECORD_NONE;

  /* A syslog priority "<13>", then for RFC 5424 the version "1 ". */
  if (p < end && *p == '<')
    {
      guint64 pri;
      const char *e = parse_uint (p + 1, end, 3, &pri);

      if (e != NULL && e < end && *e == '>')
        {
          p = e + 1;
          if (end - p > 2 && p[0] == '1' && p[1] == ' ' && g_ascii_isdigit (p[2]))
            {
              p += 2;
              rfc5424 = TRUE;
            }
        }
    }

  /* Time stamp forms: syslog/journalctl short(-precise), short-full, ISO
   * (short-iso, RFC 3339 rsyslog, "2024-06-14 13:16:36"), dmesg -T,
   * short-monotonic/dmesg "[ 12.345]", short-unix. */
  if (rfc5424)
    {
      /* "TIME HOST APP PROCID MSGID SD MSG", "-" for absent parts. */
      const char *h = parse_iso_time (p, end, &usec);
      const char *he = NULL, *a = NULL, *ae = NULL, *x = NULL, *xe = NULL;
      gboolean ok = h != NULL && next_word (&h, end, &he);

      /* HOST, APP, then PROCID and MSGID skipped. */
      if (ok)
        {
          a = he;
          ok = next_word (&a, end, &ae);
        }
      if (ok)
        {
          x = ae;
          ok = next_word (&x, end, &xe);
        }
      if (ok)
        {
          x = xe;
          ok = next_word (&x, end, &xe);
        }
      if (ok)
        {
          gsize hl = MIN ((gsize) (he - h), sizeof host - 1);
          gsize il = MIN ((gsize) (ae - a), sizeof ident - 1);

          if (!(hl == 1 && *h == '-'))
            {
              memcpy (host, h, hl);
              host[hl] = '\0';
            }
          if (!(il == 1 && *a == '-'))
            {
              memcpy (ident, a, il);
              ident[il] = '\0';
            }
          p = xe + 1;
          if (p < end && *p == '[')
            {
              /* Structured data: "[id k="v"]…"; a "]" inside a value is escaped. */
              while (p < end && *p == '[')
                {
                  p++;
                  while (p < end && *p != ']')
                    p += (*p == '\\' && p + 1 < end) ? 2 : 1;
                  if (p < end)
                    p++;
                }
            }
          else if (p < end && *p == '-')
            p++;
          while (p < end && *p == ' ')
            p++;
        }
    }
  else if (p < end && g_ascii_isupper (*p))
    {
      after_time = parse_syslog_time (p, end, current_year, &usec);
      if (after_time == NULL)
        after_time = parse_full_time (p, end, &usec);
    }
  else if (p < end && g_ascii_isdigit (*p))
    {
      after_time = parse_iso_time (p, end, &usec);
      if (after_time == NULL)
        {
          /* short-unix: "1718031201.482000 host ident: …" */
          guint64 sec, frac;
          const char *e = parse_uint (p, end, 12, &sec);
          const char *f;

          if (e != NULL && e < end && *e == '.' &&
              (f = parse_uint (e + 1, end, 6, &frac)) != NULL && f - e == 7 &&
              f < end && *f == ' ')
            {
              usec = (gint64) (sec * G_USEC_PER_SEC + frac);
              after_time = f + 1;
            }
        }
    }
  else if (p < end && *p == '[')
    {
      q = skip_kernel_time (p, end);
      if (q != p)
        after_time = q;
      else
        after_time = parse_ctime_bracket (p, end, &usec);
    }

  if (after_time != NULL)
    {
      /* "host ident[pid]: message"; a bare dmesg line has "audit: …" right
       * after the time, which the colon test below rejects as a host. */
      const char *h = after_time, *he, *i, *ie, *colon;

      he = h;
      while (he < end && !is_blank (*he) && *he != ':' && *he != '=')
        he++;
      if (he < end && *he == ' ')
        {
          i = he + 1;
          ie = i;
          while (ie < end && !is_blank (*ie) && *ie != ':' && *ie != '[' && *ie != '=')
            ie++;
          colon = ie;
          if (colon < end && *colon == '[')
            {
              colon = memchr (colon, ']', (gsize) (end - colon));
              if (colon != NULL)
                colon++;
            }
          if (colon != NULL && colon < end && *colon == ':' && ie > i)
            {
              gsize hl = MIN ((gsize) (he - h), sizeof host - 1);
              gsize il = MIN ((gsize) (ie - i), sizeof ident - 1);

              memcpy (host, h, hl);
              host[hl] = '\0';
              memcpy (ident, i, il);
              ident[il] = '\0';
              p = colon + 1;
              while (p < end && *p == ' ')
                p++;
            }
          else
            p = after_time;
        }
      else
        p = after_time;
    }

  /* kern.log keeps the kernel's own "[ 1234.567] " after "kernel:". */
  p = skip_kernel_time (p, end);

  context.transport = "text";
  context.hostname = host[0] != '\0' ? host : NULL;
  context.syslog_identifier = ident[0] != '\0' ? ident : NULL;
  context.realtime_usec = usec;

  ret = sc_denial_parse_message (p, end - p, &context, &d, lost);
  if (d != NULL)
    {
      /* Keep the whole line as the raw text. */
      g_free (d->raw);
      d->raw = display_bytes (line, (gsize) (end - line));
      if (denial != NULL)
        *denial = d;
      else
        sc_denial_unref (d);
    }
  return ret;
}

gboolean
sc_denial_lost_is_total (const char *message,
                         gssize      len)
{
  if (message == NULL)
    return FALSE;
  if (len < 0)
    len = (gssize) strlen (message);
  return len >= 18 && find_bytes (message, (gsize) len, "audit: audit_lost=", 18) != NULL;
}

/* Pasted text */

/* Typographic quotes and spaces that forums and chat clients put into
 * pasted records, and what the record had. */
static const struct { const char *from; char to; } paste_replacements[] = {
  { "\xe2\x80\x9c", '"' },  /* “ */
  { "\xe2\x80\x9d", '"' },  /* ” */
  { "\xe2\x80\x9e", '"' },  /* „ */
  { "\xe2\x80\x9f", '"' },  /* ‟ */
  { "\xe2\x80\xb3", '"' },  /* ″ */
  { "\xc2\xab", '"' },      /* « */
  { "\xc2\xbb", '"' },      /* » */
  { "\xe2\x80\x98", '\'' }, /* ‘ */
  { "\xe2\x80\x99", '\'' }, /* ’ */
  { "\xe2\x80\x9a", '\'' }, /* ‚ */
  { "\xe2\x80\xb2", '\'' }, /* ′ */
  { "\xc2\xa0", ' ' },      /* no-break space */
  { "\xe2\x80\xaf", ' ' },  /* narrow no-break space */
};

static char *
normalise_paste (const char *text,
                 gsize       len)
{
  GString *out = g_string_sized_new (len);

  for (gsize i = 0; i < len; i++)
    {
      gboolean replaced = FALSE;

      if ((guchar) text[i] >= 0xc2)
        for (guint r = 0; r < G_N_ELEMENTS (paste_replacements) && !replaced; r++)
          {
            gsize n = strlen (paste_replacements[r].from);

            if (i + n <= len && memcmp (text + i, paste_replacements[r].from, n) == 0)
              {
                g_string_append_c (out, paste_replacements[r].to);
                i += n - 1;
                replaced = TRUE;
              }
          }
      if (!replaced && text[i] != '\r')
        g_string_append_c (out, text[i]);
    }
  return g_string_free (out, FALSE);
}

/* Whether LINE holds the start of a record (rather than its continuation
 * or prose around it). */
static gboolean
paste_starts_record (const char *line)
{
  static const char * const markers[] = {
    "apparmor=", "type=1400", "type=1107", "type=1326", "type=AVC", "type=USER_AVC",
    "type=SECCOMP", "audit(", "callbacks suppressed", "audit_lost=", "limit exceeded",
  };

  for (guint i = 0; i < G_N_ELEMENTS (markers); i++)
    if (strstr (line, markers[i]) != NULL)
      return TRUE;
  return FALSE;
}

/* Whether LINE continues a record wrapped over lines: it starts with a
 * key=value field. */
static gboolean
paste_continues_record (const char *line)
{
  const char *p = line;

  if (!is_key_start (*p))
    return FALSE;
  while (is_key_char (*p))
    p++;
  return *p == '=';
}

/* Whether the record's last word and LINE's first key together make a
 * key of a record that neither is alone. */
static gboolean
paste_splits_key (const GString *record,
                  const char    *line)
{
  static const char * const keys[] = {
    "requested_mask", "denied_mask", "requested", "denied", "operation", "profile", "name",
    "comm", "fsuid", "ouid", "peer_addr", "peer_label", "peer_pid", "sock_type", "protocol",
    "family", "capname", "capability", "interface", "member", "label", "srcname", "fstype",
    "syscall", "signal", "class", "info", "error", "mask", "path", "bus", "addr", "peer",
  };
  const char *word = record->str + record->len;
  const char *eq = strchr (line, '=');
  g_autofree char *joined = NULL;

  if (record->len == 0 || record->str[record->len - 1] == ' ' || eq == NULL)
    return FALSE;
  while (word > record->str && is_key_char (word[-1]))
    word--;
  joined = g_strdup_printf ("%.*s%.*s", (int) (record->str + record->len - word), word,
                            (int) (eq - line), line);
  if (g_strv_contains (keys, joined))
    {
      g_autofree char *head = g_strndup (line, eq - line);

      return !g_strv_contains (keys, head);
    }
  return FALSE;
}

static gboolean
has_open_quote (const GString *record)
{
  guint n = 0;

  for (gsize i = 0; i < record->len; i++)
    if (record->str[i] == '"')
      n++;
  return (n % 2) == 1;
}

/* Prefixes that tools and people put before a record. */
static const char *
strip_paste_prefix (const char *line)
{
  static const char * const prefixes[] = { "Log: ", "Log:", "AVC ", "> ", "* ", "- ", "$ " };
  gboolean again = TRUE;

  while (again)
    {
      again = FALSE;
      while (*line == ' ' || *line == '\t')
        line++;
      for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
        if (g_str_has_prefix (line, prefixes[i]))
          {
            line += strlen (prefixes[i]);
            again = TRUE;
          }
    }
  return line;
}

static void
paste_flush (GString    *record,
             int         current_year,
             GPtrArray  *out)
{
  ScDenial *denial = NULL;
  const char *start;

  if (record->len == 0)
    return;
  start = strip_paste_prefix (record->str);
  if (sc_denial_parse_line (start, -1, current_year, &denial, NULL) != SC_RECORD_DENIAL)
    {
      /* Some prefix we do not know ("audit[10694]: AVC", a chat nick…):
       * try from the record itself. */
      const char *rec = strstr (start, "apparmor=");
      const char *audit = strstr (start, "audit: type=");

      g_clear_pointer (&denial, sc_denial_unref);
      if (audit != NULL && audit != start)
        rec = audit;
      if (rec != NULL && rec != start)
        sc_denial_parse_line (rec, -1, current_year, &denial, NULL);
    }
  if (denial != NULL)
    g_ptr_array_add (out, denial);
  g_string_truncate (record, 0);
}

GPtrArray *
sc_denial_parse_text (const char *text,
                      gssize      len,
                      int         current_year)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_denial_unref);
  g_autofree char *normal = NULL;
  g_autoptr(GString) record = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;

  g_return_val_if_fail (text != NULL || len == 0, NULL);

  if (len < 0)
    len = (gssize) strlen (text);
  normal = normalise_paste (text, (gsize) len);
  lines = g_strsplit (normal, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      const char *trimmed = strip_paste_prefix (line);

      if (g_str_has_prefix (trimmed, "```"))
        {
          paste_flush (record, current_year, out);
          continue;
        }
      if (record->len > 0 && has_open_quote (record) && *trimmed != '\0' &&
          !paste_starts_record (trimmed))
        {
          /* Hard-wrapped inside a quoted value: no separator. */
          g_string_append (record, trimmed);
          continue;
        }
      if (record->len > 0 && paste_continues_record (trimmed) && !paste_starts_record (trimmed))
        {
          /* A key hard-wrapped in the middle ("requeste" / "d_mask=…")
           * joins without a space. */
          if (!paste_splits_key (record, trimmed))
            g_string_append_c (record, ' ');
          g_string_append (record, trimmed);
          continue;
        }
      paste_flush (record, current_year, out);
      if (paste_starts_record (trimmed))
        g_string_append (record, trimmed);
    }
  paste_flush (record, current_year, out);
  return g_steal_pointer (&out);
}
