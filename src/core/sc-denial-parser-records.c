/* sc-denial-parser-records.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Record framing: finds where a confinement record starts in a message
 * (audit headers, type prefixes, rate-limit lines, kernel timestamps).
 */
#define G_LOG_DOMAIN "sc-denial-parser"
#define _GNU_SOURCE /* memmem, memrchr */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sc-denial-parser.h"
#include "sc-denial-parser-private.h"
#include "sc-system-libs.h"

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
  p = _sc_parser_parse_uint (p, end, 12, &sec);
  if (p == NULL || p >= end || *p != '.')
    return NULL;
  ms_start = ++p;
  p = _sc_parser_parse_uint (p, end, 3, &ms);
  if (p == NULL || p - ms_start != 3 || p >= end || *p != ':')
    return NULL;
  p = _sc_parser_parse_uint (p + 1, end, 19, &serial);
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
gboolean
_sc_parser_classify_type_name (const char *name,
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
      const char *e = _sc_parser_parse_uint (name + 5, name + len, 5, &t);
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
      if (_sc_parser_parse_uint (word, p, 5, &t) != p)
        return NULL;
      info->audit_type = (int) t;
      if (!classify_type_number ((int) t, info))
        return NULL;
    }
  else if (!_sc_parser_classify_type_name (word, wlen, info))
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
      const char *e = _sc_parser_parse_uint (p + 20, end, 19, &n);
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
          if (_sc_parser_parse_uint (p + 11, end, 19, &n) == NULL)
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
const char *
_sc_parser_skip_kernel_time (const char *p,
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

/* A record after a prefix none of the cases of _sc_parser_locate_record() knows:
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
          if (_sc_parser_classify_type_name (w, (gsize) (we - w), &tmp))
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
const char *
_sc_parser_locate_record (const char            *p,
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
        const char *q = _sc_parser_skip_kernel_time (p, end);
        if (q != p)
          return _sc_parser_locate_record (q, end, context, info, is_ratelimit, lost);
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
          if (q < end && *q == ' ' &&
              _sc_parser_classify_type_name (word, (gsize) (q - word), info))
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
