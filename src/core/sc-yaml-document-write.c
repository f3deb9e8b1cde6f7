/* sc-yaml-document-write.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writing YAML back: a scalar quoted so that it reads back as the same
 * string, and patches, byte-range replacements applied to the original
 * text so that whatever lies outside them stays byte-identical.
 */
#define G_LOG_DOMAIN "sc-yaml-document"

#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "sc-yaml-document-private.h"

/* Characters YAML cannot hold literally in a plain or single-quoted
 * scalar: C0 and C1 controls, DEL, the line breaks NEL, LS and PS (which a
 * quoted scalar would fold), and the non-characters libyaml refuses. */
static gboolean
needs_escape (gunichar c)
{
  return c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F) || c == 0x2028 || c == 0x2029 ||
         c == 0xFEFF || c == 0xFFFE || c == 0xFFFF;
}

char *
sc_yaml_quote_scalar (const char *s,
                      gboolean    flow)
{
  gsize len = strlen (s);
  gboolean plain = TRUE, printable = TRUE;
  GString *out;

  if (!g_utf8_validate (s, -1, NULL))
    {
      /* Not text: keep the bytes that are, escape the rest. */
      g_autofree char *valid = g_utf8_make_valid (s, -1);

      return sc_yaml_quote_scalar (valid, flow);
    }

  if (len == 0 || s[0] == ' ' || s[len - 1] == ' ' || s[len - 1] == ':')
    plain = FALSE;
  else if (strchr ("-?:,[]{}#&*!|>'\"%@`", s[0]) != NULL)
    plain = FALSE;
  else if (strstr (s, ": ") != NULL || strstr (s, " #") != NULL)
    plain = FALSE;
  else if (flow && strpbrk (s, ",[]{}") != NULL)
    plain = FALSE;
  else if (_sc_yaml_is_bool_word (s) || _sc_yaml_looks_numeric (s) || g_str_equal (s, "~") ||
           g_ascii_strcasecmp (s, "null") == 0 || g_str_equal (s, "<<") ||
           g_str_equal (s, "="))
    plain = FALSE;

  for (const char *p = s; *p; p = g_utf8_next_char (p))
    if (needs_escape (g_utf8_get_char (p)))
      {
        plain = FALSE;
        printable = FALSE;
        break;
      }

  if (plain)
    return g_strdup (s);

  out = g_string_new (NULL);
  if (printable)
    {
      g_string_append_c (out, '\'');
      for (const char *p = s; *p; p++)
        {
          if (*p == '\'')
            g_string_append_c (out, '\'');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '\'');
      return g_string_free (out, FALSE);
    }

  g_string_append_c (out, '"');
  for (const char *p = s; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      switch (c)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        default:
          if (needs_escape (c) && c < 0x100)
            g_string_append_printf (out, "\\x%02X", c);
          else if (needs_escape (c))
            g_string_append_printf (out, "\\u%04X", c);
          else
            g_string_append_len (out, p, g_utf8_next_char (p) - p);
          break;
        }
    }
  g_string_append_c (out, '"');
  return g_string_free (out, FALSE);
}

/* ---- Patches ------------------------------------------------------------- */

typedef struct
{
  gsize  start;
  gsize  end;
  guint  seq;
  char  *text;
} Change;

struct _ScYamlPatch
{
  ScYamlDocument *doc;
  GArray         *changes;
};

static void
change_clear (gpointer data)
{
  Change *change = data;

  g_free (change->text);
}

ScYamlPatch *
sc_yaml_patch_new (ScYamlDocument *doc)
{
  ScYamlPatch *patch = g_new0 (ScYamlPatch, 1);

  patch->doc = doc;
  patch->changes = g_array_new (FALSE, TRUE, sizeof (Change));
  g_array_set_clear_func (patch->changes, change_clear);
  return patch;
}

void
sc_yaml_patch_free (ScYamlPatch *patch)
{
  if (patch == NULL)
    return;
  g_array_unref (patch->changes);
  g_free (patch);
}

void
sc_yaml_patch_replace (ScYamlPatch *patch,
                       gsize        start,
                       gsize        end,
                       const char  *text)
{
  Change change;

  g_return_if_fail (start <= end && end <= patch->doc->len);

  change.start = start;
  change.end = end;
  change.seq = patch->changes->len;
  change.text = g_strdup (text ? text : "");
  g_array_append_val (patch->changes, change);
}

guint
sc_yaml_patch_get_n_changes (ScYamlPatch *patch)
{
  return patch->changes->len;
}

static int
compare_changes (gconstpointer a,
                 gconstpointer b)
{
  const Change *x = a, *y = b;
  gboolean xe = x->start != x->end, ye = y->start != y->end;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  /* At one offset, insertions come before a range that starts there. */
  if (xe != ye)
    return xe ? 1 : -1;
  return x->seq < y->seq ? -1 : (x->seq > y->seq);
}

GBytes *
sc_yaml_patch_apply (ScYamlPatch *patch,
                     GError     **error)
{
  ScYamlDocument *doc = patch->doc;
  GString *out;
  gsize pos = 0;

  g_array_sort (patch->changes, compare_changes);
  out = g_string_sized_new (doc->len + 256);

  for (guint i = 0; i < patch->changes->len; i++)
    {
      const Change *change = &g_array_index (patch->changes, Change, i);

      if (change->start < pos)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "internal error: overlapping edits at byte %" G_GSIZE_FORMAT,
                       change->start);
          g_string_free (out, TRUE);
          return NULL;
        }
      g_string_append_len (out, doc->data + pos, (gssize) (change->start - pos));
      g_string_append (out, change->text);
      pos = change->end;
    }
  g_string_append_len (out, doc->data + pos, (gssize) (doc->len - pos));

  return g_string_free_to_bytes (out);
}
