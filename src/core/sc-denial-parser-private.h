/* sc-denial-parser-private.h
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Internals shared by the sc-denial-parser*.c files; not for callers.
 */
#pragma once

#include <string.h>

#include <glib.h>

#include "sc-denial-parser.h"

G_BEGIN_DECLS

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


/* A detail of DENIAL's record, or NULL. */
static inline const char *
detail (ScDenial   *denial,
        const char *key)
{
  return g_hash_table_lookup (denial->details, key);
}

/* The same, NULL when empty too. */
static inline const char *
detail_nonempty (ScDenial   *denial,
                 const char *key)
{
  const char *v = g_hash_table_lookup (denial->details, key);
  return v != NULL && *v != '\0' ? v : NULL;
}

/* sc-denial-parser.c */
G_GNUC_INTERNAL
void
_sc_parser_attribute_label (ScDenial   *denial,
                            const char *label);
G_GNUC_INTERNAL
void
_sc_parser_attribute_exe (ScDenial   *denial,
                          const char *exe);

/* sc-denial-parser-tokens.c */
G_GNUC_INTERNAL
const char *
_sc_parser_parse_uint (const char *p,
                       const char *end,
                       guint       max_digits,
                       guint64    *out);
G_GNUC_INTERNAL
char *
_sc_parser_display_bytes (const char *s,
                          gsize       len);
G_GNUC_INTERNAL
void
_sc_parser_tokenize (const char *p,
                     const char *end,
                     Fields     *out);
G_GNUC_INTERNAL
const Field *
_sc_parser_fields_find (const Fields *fields,
                        const char   *key);
G_GNUC_INTERNAL
void
_sc_parser_add_fields_to_details (ScDenial     *denial,
                                  const Fields *fields,
                                  gboolean      skip_msg);

/* sc-denial-parser-records.c */
G_GNUC_INTERNAL
gboolean
_sc_parser_classify_type_name (const char *name,
                               gsize       len,
                               RecInfo    *info);
G_GNUC_INTERNAL
const char *
_sc_parser_skip_kernel_time (const char *p,
                             const char *end);
G_GNUC_INTERNAL
const char *
_sc_parser_locate_record (const char            *p,
                          const char            *end,
                          const ScRecordContext *context,
                          RecInfo               *info,
                          gboolean              *is_ratelimit,
                          guint64               *lost);

/* sc-denial-parser-seccomp.c */
G_GNUC_INTERNAL
void
_sc_parser_finish_seccomp (ScDenial *denial);

G_END_DECLS
