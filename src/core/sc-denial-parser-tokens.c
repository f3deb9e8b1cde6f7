/* sc-denial-parser-tokens.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The key=value tokenizer every record goes through, and the byte helpers
 * it and the record finders share.
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

/* Keys whose values the kernel writes as untrusted strings (quoted or hex). */
static const char * const untrusted_keys[] = {
  "name", "name2", "profile", "label", "peer", "peer_label", "peer_profile",
  "target", "namespace", "comm", "exe", "srcname", "addr", "peer_addr",
  "execpath", "cwd", "proctitle", "subj", "path",
};

/* ------------------------------------------------------------------------ */
/* Small byte helpers                                                        */

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


const char *
_sc_parser_parse_uint (const char *p,
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
char *
_sc_parser_display_bytes (const char *s,
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
void
_sc_parser_tokenize (const char *p,
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

const Field *
_sc_parser_fields_find (const Fields *fields,
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
      return _sc_parser_display_bytes (bytes->str, bytes->len);
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
        return _sc_parser_display_bytes (bytes->str, bytes->len);
    }

  return _sc_parser_display_bytes (f->val, f->vlen);
}

void
_sc_parser_add_fields_to_details (ScDenial     *denial,
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
