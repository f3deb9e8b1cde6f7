/* sc-journal-reader-saved.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Saved journal output: journalctl -o json (and json-pretty) and
 * -o export, handed to the parser with the same fields as the sd-journal
 * source gives it.
 */
#define G_LOG_DOMAIN "sc-journal-reader"

#include "config.h"

#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1   /* memmem */
#endif

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sc-denial-parser.h"
#include "sc-journal-reader-private.h"
#include "sc-system-libs.h"

#define JSON_ENTRY_MAX (16 * 1024 * 1024)   /* one json-pretty entry, at most */

/* ---- Saved journal output (journalctl -o json / -o export) ------------ */

void
_sc_journal_saved_entry_reset (SavedEntry *e)
{
  if (e->message == NULL)
    e->message = g_string_new (NULL);
  g_string_truncate (e->message, 0);
  e->has_message = FALSE;
  e->transport[0] = e->hostname[0] = e->audit_type_name[0] = e->audit_id[0] = '\0';
  e->identifier[0] = e->realtime[0] = e->source_realtime[0] = '\0';
}

/* Stores VALUE of field NAME when it is one the parser wants. */
static void
saved_entry_set (SavedEntry *e,
                 const char *name,
                 gsize       name_len,
                 const char *value,
                 gsize       len)
{
  static const struct
  {
    const char *name;
    gsize       offset;
    gsize       size;
  } fields[] = {
#define F(n, m) { n, G_STRUCT_OFFSET (SavedEntry, m), sizeof ((SavedEntry *) 0)->m }
    F ("_TRANSPORT", transport),
    F ("_HOSTNAME", hostname),
    F ("_AUDIT_TYPE_NAME", audit_type_name),
    F ("_AUDIT_ID", audit_id),
    F ("SYSLOG_IDENTIFIER", identifier),
    F ("__REALTIME_TIMESTAMP", realtime),
    F ("_SOURCE_REALTIME_TIMESTAMP", source_realtime),
#undef F
  };

  if (name_len == 7 && memcmp (name, "MESSAGE", 7) == 0)
    {
      /* A field given twice: the first value counts, as in the journal. */
      if (!e->has_message)
        g_string_append_len (e->message, value, (gssize) len);
      e->has_message = TRUE;
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (strlen (fields[i].name) == name_len && memcmp (fields[i].name, name, name_len) == 0)
      {
        char *dest = (char *) e + fields[i].offset;

        if (dest[0] == '\0')
          {
            len = MIN (len, fields[i].size - 1);
            memcpy (dest, value, len);
            dest[len] = '\0';
          }
        return;
      }
}

/* Hands one saved entry to the parser as the journal back end would. */
void
_sc_journal_saved_entry_deliver (ScJournalReader     *self,
                     SavedEntry          *e,
                     ScJournalRecordFunc  func,
                     gpointer             user_data)
{
  ScRecordContext context = { 0 };
  ScDenial *denial = NULL;
  ScRecordType type;
  guint64 lost = 0;
  const char *msg = e->message->str;
  gsize len = e->message->len;
  gint64 v;

  if (!e->has_message || !_sc_journal_may_be_record (msg, len))
    return;
  /* The entries the journal back end matches: kernel, audit, and
   * dbus-daemon's own messages. Any program can print a line that looks
   * like a denial on its standard output. */
  if (e->transport[0] != '\0' && strcmp (e->transport, "kernel") != 0 &&
      strcmp (e->transport, "audit") != 0 && strcmp (e->identifier, "dbus-daemon") != 0)
    return;
  if (!_sc_journal_is_ratelimit_text (msg, len) && !_sc_journal_may_be_snap (self, msg, len))
    {
      self->log_recognised++;
      return;
    }
  context.transport = _sc_journal_nonempty (e->transport);
  context.hostname = _sc_journal_nonempty (e->hostname);
  context.audit_type_name = _sc_journal_nonempty (e->audit_type_name);
  context.audit_id = _sc_journal_nonempty (e->audit_id);
  context.syslog_identifier = _sc_journal_nonempty (e->identifier);
  v = g_ascii_strtoll (e->source_realtime, NULL, 10);
  if (v <= 0)
    v = g_ascii_strtoll (e->realtime, NULL, 10);
  context.realtime_usec = MAX (v, 0);

  type = sc_denial_parse_message (msg, (gssize) len, &context, &denial, &lost);
  if (type == SC_RECORD_RATELIMIT && sc_denial_lost_is_total (msg, (gssize) len))
    lost = _sc_journal_lost_total_increase (self, context.hostname, lost);
  if (type != SC_RECORD_NONE)
    self->log_recognised++;
  _sc_journal_deliver (self, type, denial, lost, context.hostname, context.realtime_usec,
                       func, user_data);
}

static const char *
json_skip_ws (const char *p,
              const char *end)
{
  while (p < end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
    p++;
  return p;
}

/* "XXXX" at P (after "\\u") → its value, -1 when not four hex digits. */
static int
json_hex4 (const char *p,
           const char *end)
{
  int v = 0;

  if (end - p < 5)
    return -1;
  for (int i = 1; i <= 4; i++)
    {
      int d = g_ascii_xdigit_value (p[i]);
      if (d < 0)
        return -1;
      v = v * 16 + d;
    }
  return v;
}

/* Reads the JSON string at P (at its opening quote) into OUT (when not
 * NULL). Returns the byte after the closing quote, NULL when malformed. */
static const char *
json_string (const char *p,
             const char *end,
             GString    *out)
{
  if (p >= end || *p != '"')
    return NULL;
  p++;
  while (p < end)
    {
      const char *run = p;

      while (p < end && *p != '"' && *p != '\\')
        p++;
      if (out != NULL)
        g_string_append_len (out, run, p - run);
      if (p >= end)
        return NULL;
      if (*p == '"')
        return p + 1;
      /* An escape. */
      if (++p >= end)
        return NULL;
      switch (*p)
        {
        case 'b': if (out) g_string_append_c (out, '\b'); p++; break;
        case 'f': if (out) g_string_append_c (out, '\f'); p++; break;
        case 'n': if (out) g_string_append_c (out, '\n'); p++; break;
        case 'r': if (out) g_string_append_c (out, '\r'); p++; break;
        case 't': if (out) g_string_append_c (out, '\t'); p++; break;
        case 'u':
          {
            int u = json_hex4 (p, end);
            gunichar c;

            if (u < 0)
              return NULL;
            p += 5;
            c = (gunichar) u;
            /* A high surrogate and its low half: "\ud83d\ude00". */
            if (u >= 0xd800 && u < 0xdc00 && end - p >= 6 && p[0] == '\\' && p[1] == 'u')
              {
                int lo = json_hex4 (p + 1, end);

                if (lo >= 0xdc00 && lo < 0xe000)
                  {
                    c = 0x10000 + (((gunichar) u - 0xd800) << 10) + ((gunichar) lo - 0xdc00);
                    p += 6;
                  }
              }
            if (c >= 0xd800 && c < 0xe000)
              c = 0xfffd;   /* a lone surrogate */
            if (out != NULL)
              g_string_append_unichar (out, c);
          }
          break;
        default:
          /* \" \\ \/ and anything else stand for themselves. */
          if (out != NULL)
            g_string_append_c (out, *p);
          p++;
          break;
        }
    }
  return NULL;
}

/* Skips one JSON value of any type. NULL when malformed. */
static const char *
json_skip_value (const char *p,
                 const char *end)
{
  int depth = 0;

  p = json_skip_ws (p, end);
  do
    {
      if (p >= end)
        return NULL;
      if (*p == '"')
        {
          if ((p = json_string (p, end, NULL)) == NULL)
            return NULL;
        }
      else if (*p == '{' || *p == '[')
        {
          depth++;
          p++;
        }
      else if (*p == '}' || *p == ']')
        {
          if (--depth < 0)
            return NULL;
          p++;
        }
      else if (depth == 0)
        {
          /* number, true, false, null */
          const char *s = p;
          while (p < end && (g_ascii_isalnum (*p) || *p == '-' || *p == '+' || *p == '.'))
            p++;
          return p > s ? p : NULL;
        }
      else
        p++;
    }
  while (depth > 0);
  return p;
}

/* A field value: a string, an array of byte values (journalctl's form for
 * a value that is not printable UTF-8), or an array of those (a field the
 * entry has more than once: the first counts). Returns the byte after the
 * value; OUT is left empty for null and other types. */
static const char *
json_field_value (const char *p,
                  const char *end,
                  GString    *out)
{
  p = json_skip_ws (p, end);
  if (p < end && *p == '"')
    return json_string (p, end, out);
  if (p < end && *p == '[')
    {
      const char *q = json_skip_ws (p + 1, end);

      if (q < end && (*q == '"' || *q == '['))
        {
          /* Several values: take the first, skip the rest. */
          const char *after = json_field_value (q, end, out);
          if (after == NULL)
            return NULL;
          return json_skip_value (p, end);
        }
      while (q < end && *q != ']')
        {
          guint64 b;
          const char *e = q;

          while (e < end && g_ascii_isdigit (*e))
            e++;
          if (e == q || e - q > 3)
            return NULL;
          b = g_ascii_strtoull (q, NULL, 10);
          if (b > 255)
            return NULL;
          g_string_append_c (out, (char) b);
          q = json_skip_ws (e, end);
          if (q < end && *q == ',')
            q = json_skip_ws (q + 1, end);
        }
      return q < end ? q + 1 : NULL;
    }
  return json_skip_value (p, end);
}

/* One line of journalctl -o json. FALSE when it is not a JSON object. */
static gboolean
feed_json_line (ScJournalReader     *self,
                const char          *p,
                gsize                len,
                ScJournalRecordFunc  func,
                gpointer             user_data)
{
  const char *end = p + len;
  g_autoptr(GString) name = g_string_new (NULL);
  g_autoptr(GString) value = g_string_new (NULL);
  SavedEntry *e = &self->entry;

  p = json_skip_ws (p, end);
  if (p >= end || *p != '{')
    return FALSE;
  _sc_journal_saved_entry_reset (e);
  p = json_skip_ws (p + 1, end);
  while (p < end && *p != '}')
    {
      g_string_truncate (name, 0);
      g_string_truncate (value, 0);
      if ((p = json_string (p, end, name)) == NULL)
        return FALSE;
      p = json_skip_ws (p, end);
      if (p >= end || *p != ':')
        return FALSE;
      if ((p = json_field_value (p + 1, end, value)) == NULL)
        return FALSE;
      saved_entry_set (e, name->str, name->len, value->str, value->len);
      p = json_skip_ws (p, end);
      if (p < end && *p == ',')
        p = json_skip_ws (p + 1, end);
    }
  if (p >= end)
    return FALSE;
  _sc_journal_saved_entry_deliver (self, e, func, user_data);
  return TRUE;
}

/* journalctl -o export: "FIELD=value\n", or for a value that is not text
 * "FIELD\n" + its length (64 bits, little endian) + the bytes + "\n"; a
 * blank line ends an entry. Returns how many bytes were consumed. */
gsize
_sc_journal_feed_export (ScJournalReader     *self,
             const char          *buf,
             gsize                len,
             ScJournalRecordFunc  func,
             gpointer             user_data)
{
  const char *p = buf, *end = buf + len;
  SavedEntry *e = &self->entry;

  if (e->message == NULL)
    _sc_journal_saved_entry_reset (e);
  while (p < end)
    {
      const char *nl = memchr (p, '\n', (gsize) (end - p));
      const char *eq;

      if (nl == NULL)
        break;
      if (nl == p)
        {
          _sc_journal_saved_entry_deliver (self, e, func, user_data);
          _sc_journal_saved_entry_reset (e);
          p++;
          continue;
        }
      eq = memchr (p, '=', (gsize) (nl - p));
      if (eq != NULL)
        {
          saved_entry_set (e, p, (gsize) (eq - p), eq + 1, (gsize) (nl - eq - 1));
          p = nl + 1;
        }
      else
        {
          guint64 n = 0;
          const guchar *l = (const guchar *) nl + 1;

          if (end - nl - 1 < 8)
            break;
          for (int i = 7; i >= 0; i--)
            n = (n << 8) | l[i];
          if (n > (guint64) 64 * 1024 * 1024)
            {
              /* Not the export format after all: give up on the rest. */
              _sc_journal_add_warning (self, g_strdup_printf (_("%s: a field longer than 64 MiB; this is not "
                                                    "journalctl -o export output after all, the "
                                                    "rest is not read"),
                                                  self->options.path));
              return len;
            }
          if ((guint64) (end - nl - 1 - 8) < n + 1)
            break;
          saved_entry_set (e, p, (gsize) (nl - p), nl + 1 + 8, (gsize) n);
          p = nl + 1 + 8 + n + 1;
        }
    }
  return (gsize) (p - buf);
}

/* Whether P[0..LEN) is a journal field name: upper-case letters, digits
 * and underscores, not starting with a digit. */
static gboolean
is_field_name (const char *p,
               gsize       len)
{
  if (len == 0 || len > 64 || g_ascii_isdigit (p[0]))
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isupper (p[i]) && !g_ascii_isdigit (p[i]) && p[i] != '_')
      return FALSE;
  return TRUE;
}

/* Whether the first entry of P[0..END) is journal export format for sure:
 * every line of it a field (FIELD=value, or FIELD, newline, a 64-bit
 * length, the bytes and a newline), and among them the address fields
 * journalctl -o export and journal-remote streams start with, or a binary
 * field whose framing holds. A text log whose first line is a bare word
 * ("WARNING") is not. */
static gboolean
looks_like_export (const char *p,
                   const char *end)
{
  static const char * const address[] = {
    "__CURSOR=", "__REALTIME_TIMESTAMP=", "__MONOTONIC_TIMESTAMP=",
  };
  gboolean sure = FALSE;

  while (p < end && *p != '\n')
    {
      const char *nl = memchr (p, '\n', (gsize) (end - p));
      const char *eq = memchr (p, '=', (gsize) ((nl != NULL ? nl : end) - p));

      if (eq != NULL)
        {
          if (!is_field_name (p, (gsize) (eq - p)))
            return FALSE;
          for (guint i = 0; i < G_N_ELEMENTS (address); i++)
            sure |= g_str_has_prefix (p, address[i]);
        }
      else
        {
          guint64 n = 0;

          if (nl == NULL || !is_field_name (p, (gsize) (nl - p)) || end - nl - 1 < 8)
            return sure;
          for (int i = 7; i >= 0; i--)
            n = (n << 8) | ((const guchar *) nl + 1)[i];
          if (n > (guint64) (end - nl - 1 - 8) - 1 || nl[1 + 8 + n] != '\n')
            return FALSE;
          sure = TRUE;
          p = nl + 1 + 8 + n + 1;
          continue;
        }
      if (nl == NULL)
        break;
      p = nl + 1;
    }
  return sure;
}

/* The format of a saved log, from its first bytes: a JSON object, journal
 * export format (see looks_like_export()), else text. */
LogFormat
_sc_journal_detect_format (const char *p,
                           gsize       len)
{
  const char *end = p + len;

  while (p < end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
    p++;
  if (p < end && *p == '{')
    return LOG_FORMAT_JSON;
  if (looks_like_export (p, end))
    return LOG_FORMAT_EXPORT;
  return LOG_FORMAT_TEXT;
}


/* journalctl -o json: one entry a line; -o json-pretty: an entry spread
 * over the lines from "{" to "}". Lines that are neither are skipped: read
 * as text, the quoted MESSAGE of a broken entry would give garbage. */
gsize
_sc_journal_feed_json_lines (ScJournalReader     *self,
                 const char          *buf,
                 gsize                len,
                 ScJournalRecordFunc  func,
                 gpointer             user_data)
{
  const char *p = buf, *end = buf + len;

  while (p < end)
    {
      const char *nl = memchr (p, '\n', (gsize) (end - p));
      gsize line_len;

      if (nl == NULL)
        break;
      line_len = (gsize) (nl - p);
      if (line_len > 0 && p[line_len - 1] == '\r')
        line_len--;

      if (self->json_pending->len > 0)
        {
          g_string_append_len (self->json_pending, p, (gssize) line_len);
          g_string_append_c (self->json_pending, '\n');
          if (line_len == 1 && p[0] == '}')
            {
              (void) feed_json_line (self, self->json_pending->str, self->json_pending->len,
                                     func, user_data);
              g_string_truncate (self->json_pending, 0);
            }
          else if (self->json_pending->len > JSON_ENTRY_MAX)
            g_string_truncate (self->json_pending, 0);   /* not json-pretty after all */
        }
      else if (line_len == 1 && p[0] == '{')
        g_string_append (self->json_pending, "{\n");
      else if (line_len > 0)
        (void) feed_json_line (self, p, line_len, func, user_data);
      p = nl + 1;
    }
  return (gsize) (p - buf);
}

