/* sc-check-text.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Positions the project model does not keep (keys inside a definition,
 * items of an extensions list, the grade), found in the file's text for
 * the check findings.
 */
#define G_LOG_DOMAIN "sc-check"

#include "config.h"

#include <string.h>

#include "sc-check-private.h"

/* Position of a root-level KEY: a line starting with "KEY:" in column 1. */
gboolean
_sc_check_find_root_key (ScProject  *project,
                         const char *key,
                         guint      *line,
                         guint      *column)
{
  GBytes *bytes = sc_project_get_bytes (project);
  const char *data;
  gsize len, key_len = strlen (key);
  guint n = 1;

  if (bytes == NULL)
    return FALSE;

  data = g_bytes_get_data (bytes, &len);
  for (gsize i = 0; i < len; n++)
    {
      const char *eol = memchr (data + i, '\n', len - i);
      gsize end = eol != NULL ? (gsize) (eol - data) : len;

      if (end - i > key_len && memcmp (data + i, key, key_len) == 0 && data[i + key_len] == ':')
        {
          *line = n;
          *column = 1;
          return TRUE;
        }
      i = end + 1;
    }

  return FALSE;
}

/* Line N (1-based) of the project's text, without its line break; NULL
 * past the end. */
static char *
dup_line (ScProject *project,
          guint      n)
{
  GBytes *bytes = sc_project_get_bytes (project);
  const char *data, *end;
  gsize len;

  if (bytes == NULL || n == 0)
    return NULL;

  data = g_bytes_get_data (bytes, &len);
  end = data + len;
  for (guint i = 1; i < n; i++)
    {
      const char *eol = memchr (data, '\n', end - data);

      if (eol == NULL)
        return NULL;
      data = eol + 1;
    }

  {
    const char *eol = memchr (data, '\n', end - data);
    gsize line_len = eol != NULL ? (gsize) (eol - data) : (gsize) (end - data);

    if (line_len > 0 && data[line_len - 1] == '\r')
      line_len--;
    return g_strndup (data, line_len);
  }
}

static guint
indentation (const char *line)
{
  guint n = 0;

  while (line[n] == ' ')
    n++;
  return n;
}

/* Characters that end a plain YAML token in the spots we search: an item
 * of a flow or block list, or a plain scalar value. */
static gboolean
is_token_char (char c)
{
  return c != '\0' && !g_ascii_isspace (c) && strchr ("[]{},'\"#", c) == NULL;
}

/* Whether FROM starts with the mapping key KEY. */
static gboolean
is_key (const char *from,
        const char *key)
{
  gsize n = strlen (key);

  if (strncmp (from, key, n) != 0)
    return FALSE;
  from += n;
  from += strspn (from, " ");
  return *from == ':';
}

/* Where NEEDLE is written as a whole token in FROM (a part of TEXT),
 * before any comment; NULL when it is not. */
static const char *
find_token (const char *text,
            const char *from,
            const char *needle)
{
  gsize len = strlen (needle);

  for (const char *hit = strstr (from, needle); hit != NULL; hit = strstr (hit + 1, needle))
    {
      const char *comment = strstr (from, " #");

      if (comment != NULL && comment < hit)
        return NULL;
      if ((hit == text || !is_token_char (hit[-1])) &&
          !is_token_char (hit[len]))
        return hit;
    }

  return NULL;
}

/* Reads the block under the mapping key at LINE:COLUMN (the lines below it
 * that are indented further) for the direct child KEY, and returns the
 * position of KEY itself when NEEDLE is NULL, else of the token NEEDLE in
 * KEY's value (same line, flow list, or block list). The model keeps
 * positions for keys of apps and plugs only; this finds the rest. */
gboolean
_sc_check_find_in_block (ScProject  *project,
                         guint       line,
                         guint       column,
                         const char *key,
                         const char *needle,
                         guint      *out_line,
                         guint      *out_column)
{
  gboolean in_value = FALSE;
  guint child_indent = 0;

  for (guint n = line + 1; ; n++)
    {
      g_autofree char *text = dup_line (project, n);
      const char *from, *hit;
      guint indent;

      if (text == NULL)
        return FALSE;
      indent = indentation (text);
      if (text[indent] == '\0' || text[indent] == '#')
        continue;
      if (indent + 1 <= column)
        return FALSE;
      if (child_indent == 0)
        child_indent = indent;

      from = text + indent;
      if (in_value && indent <= child_indent && text[indent] != '-')
        return FALSE;

      if (!in_value)
        {
          if (indent != child_indent || !is_key (from, key))
            continue;
          if (needle == NULL)
            {
              *out_line = n;
              *out_column = indent + 1;
              return TRUE;
            }
          in_value = TRUE;
          from = strchr (from, ':') + 1;
        }

      hit = find_token (text, from, needle);
      if (hit != NULL)
        {
          *out_line = n;
          *out_column = (guint) (hit - text) + 1;
          return TRUE;
        }
    }
}

/* Whether the `plugs:` key at LINE holds an explicit `[]` rather than
 * nothing (null), which snapcraft treats as no key at all. */
gboolean
_sc_check_plugs_value_is_empty_list (ScProject *project,
                                     guint      line)
{
  g_autofree char *text = dup_line (project, line);
  const char *colon;

  if (text == NULL || (colon = strchr (text, ':')) == NULL)
    return TRUE;
  colon++;
  colon += strspn (colon, " \t");
  return *colon == '[';
}
