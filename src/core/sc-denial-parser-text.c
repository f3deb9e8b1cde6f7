/* sc-denial-parser-text.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Text logs: syslog, kern.log, dmesg and journalctl lines with their
 * timestamps, and lenient parsing of text pasted from bug reports.
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
  if ((p = _sc_parser_parse_uint (p, end, 2, &day)) == NULL || p >= end || *p != ' ')
    return NULL;
  if ((p = _sc_parser_parse_uint (p + 1, end, 2, &hh)) == NULL || p >= end || *p != ':')
    return NULL;
  if ((p = _sc_parser_parse_uint (p + 1, end, 2, &mm)) == NULL || p >= end || *p != ':')
    return NULL;
  if ((p = _sc_parser_parse_uint (p + 1, end, 2, &ss)) == NULL)
    return NULL;
  if (p < end && *p == '.')
    {
      const char *f = ++p;
      if ((p = _sc_parser_parse_uint (p, end, 9, &frac)) == NULL)
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
  if ((p = _sc_parser_parse_uint (p, end, 4, &y)) == NULL || p >= end || *p != '-')
    return NULL;
  if ((p = _sc_parser_parse_uint (p + 1, end, 2, &mo)) == NULL || p >= end || *p != '-')
    return NULL;
  if ((p = _sc_parser_parse_uint (p + 1, end, 2, &d)) == NULL || p >= end || *p != ' ')
    return NULL;
  if ((p = _sc_parser_parse_uint (p + 1, end, 2, &hh)) == NULL || p >= end || *p != ':')
    return NULL;
  if ((p = _sc_parser_parse_uint (p + 1, end, 2, &mm)) == NULL || p >= end || *p != ':')
    return NULL;
  if ((p = _sc_parser_parse_uint (p + 1, end, 2, &ss)) == NULL)
    return NULL;
  if (p < end && *p == '.')
    {
      const char *f = ++p;
      if ((p = _sc_parser_parse_uint (p, end, 6, &frac)) == NULL)
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

/* What a line's header says before the message: host and identifier are
 * empty when absent. */
typedef struct
{
  gint64 usec;
  char host[256];
  char ident[128];
} LineHeader;

static void
copy_word (char       *buf,
           gsize       size,
           const char *start,
           const char *stop)
{
  gsize len = MIN ((gsize) (stop - start), size - 1);

  memcpy (buf, start, len);
  buf[len] = '\0';
}

/* A syslog priority "<13>", then for RFC 5424 the version "1 ": returns
 * where the time stamp starts and sets *RFC5424. */
static const char *
skip_priority (const char *p,
               const char *end,
               gboolean   *rfc5424)
{
  guint64 pri;
  const char *e;

  *rfc5424 = FALSE;
  if (p >= end || *p != '<')
    return p;
  e = _sc_parser_parse_uint (p + 1, end, 3, &pri);
  if (e == NULL || e >= end || *e != '>')
    return p;
  p = e + 1;
  if (end - p > 2 && p[0] == '1' && p[1] == ' ' && g_ascii_isdigit (p[2]))
    {
      p += 2;
      *rfc5424 = TRUE;
    }
  return p;
}

/* RFC 5424: "TIME HOST APP PROCID MSGID SD MSG", "-" for absent parts.
 * Returns where the message starts (P itself when the header is cut). */
static const char *
parse_rfc5424_header (const char *p,
                      const char *end,
                      LineHeader *header)
{
  const char *h = parse_iso_time (p, end, &header->usec);
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
  if (!ok)
    return p;

  if (!(he - h == 1 && *h == '-'))
    copy_word (header->host, sizeof header->host, h, he);
  if (!(ae - a == 1 && *a == '-'))
    copy_word (header->ident, sizeof header->ident, a, ae);
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
  return p;
}

/* The time stamp forms other than RFC 5424's: syslog/journalctl
 * short(-precise), short-full, ISO (short-iso, RFC 3339 rsyslog,
 * "2024-06-14 13:16:36"), dmesg -T, short-monotonic/dmesg "[ 12.345]",
 * short-unix. Returns where the text after the time starts, or NULL. */
static const char *
parse_line_time (const char *p,
                 const char *end,
                 int         current_year,
                 gint64     *usec)
{
  const char *after_time = NULL, *q;

  if (p >= end)
    return NULL;
  if (g_ascii_isupper (*p))
    {
      after_time = parse_syslog_time (p, end, current_year, usec);
      if (after_time == NULL)
        after_time = parse_full_time (p, end, usec);
    }
  else if (g_ascii_isdigit (*p))
    {
      after_time = parse_iso_time (p, end, usec);
      if (after_time == NULL)
        {
          /* short-unix: "1718031201.482000 host ident: …" */
          guint64 sec, frac;
          const char *e = _sc_parser_parse_uint (p, end, 12, &sec);
          const char *f;

          if (e != NULL && e < end && *e == '.' &&
              (f = _sc_parser_parse_uint (e + 1, end, 6, &frac)) != NULL && f - e == 7 &&
              f < end && *f == ' ')
            {
              *usec = (gint64) (sec * G_USEC_PER_SEC + frac);
              after_time = f + 1;
            }
        }
    }
  else if (*p == '[')
    {
      q = _sc_parser_skip_kernel_time (p, end);
      if (q != p)
        after_time = q;
      else
        after_time = parse_ctime_bracket (p, end, usec);
    }
  return after_time;
}

/* "host ident[pid]: message" after the time: returns where the message
 * starts. A bare dmesg line has "audit: …" right after the time, which the
 * colon test rejects as a host. */
static const char *
parse_host_ident (const char *after_time,
                  const char *end,
                  LineHeader *header)
{
  const char *h = after_time, *he, *i, *ie, *colon, *p;

  he = h;
  while (he < end && !is_blank (*he) && *he != ':' && *he != '=')
    he++;
  if (he >= end || *he != ' ')
    return after_time;

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
  if (colon == NULL || colon >= end || *colon != ':' || ie <= i)
    return after_time;

  copy_word (header->host, sizeof header->host, h, he);
  copy_word (header->ident, sizeof header->ident, i, ie);
  p = colon + 1;
  while (p < end && *p == ' ')
    p++;
  return p;
}

ScRecordType
sc_denial_parse_line (const char *line,
                      gssize      len,
                      int         current_year,
                      ScDenial  **denial,
                      guint64    *lost)
{
  const char *p, *end, *after_time;
  ScRecordContext context = { 0 };
  LineHeader header;
  ScRecordType ret;
  ScDenial *d = NULL;
  gboolean rfc5424;

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

  header.usec = 0;
  header.host[0] = '\0';
  header.ident[0] = '\0';
  p = skip_priority (p, end, &rfc5424);
  if (rfc5424)
    p = parse_rfc5424_header (p, end, &header);
  else if ((after_time = parse_line_time (p, end, current_year, &header.usec)) != NULL)
    p = parse_host_ident (after_time, end, &header);

  /* kern.log keeps the kernel's own "[ 1234.567] " after "kernel:". */
  p = _sc_parser_skip_kernel_time (p, end);

  context.transport = "text";
  context.hostname = header.host[0] != '\0' ? header.host : NULL;
  context.syslog_identifier = header.ident[0] != '\0' ? header.ident : NULL;
  context.realtime_usec = header.usec;

  ret = sc_denial_parse_message (p, end - p, &context, &d, lost);
  if (d != NULL)
    {
      /* Keep the whole line as the raw text. */
      g_free (d->raw);
      d->raw = _sc_parser_display_bytes (line, (gsize) (end - line));
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
