/* sc-policy-compile.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Compiling one line of the generated table (sc-policy-data.h) into
 * rules, brace-expanded, and indexing them by class and by a literal
 * field; sc-policy.c drives it once per process.
 */
#define G_LOG_DOMAIN "sc-policy"

#include "config.h"

#include <string.h>

#include "sc-policy.h"
#include "sc-policy-private.h"

/* Compiling the table */

static guint
file_perms (const char *perms)
{
  guint bits = 0;

  for (const char *p = perms; p != NULL && *p != '\0'; p++)
    switch (*p)
      {
      case 'r': bits |= P_R; break;
      case 'w': bits |= P_W | P_A; break;
      case 'a': bits |= P_A; break;
      case 'l': bits |= P_L; break;
      case 'k': bits |= P_K; break;
      case 'm': bits |= P_M; break;
      case 'x': bits |= P_X; break;
      default: break;
      }
  return bits;
}

/* The denied mask of a file record: c (create), d (delete) and w need w;
 * x any exec rule. */
guint
_sc_policy_denied_file_perms (const char *mask)
{
  guint bits = 0;

  for (const char *p = mask; p != NULL && *p != '\0'; p++)
    switch (*p)
      {
      case 'r': bits |= P_R; break;
      case 'w': case 'c': case 'd': case 'D': bits |= P_W; break;
      case 'a': bits |= P_A; break;
      case 'l': bits |= P_L; break;
      case 'k': bits |= P_K; break;
      case 'm': bits |= P_M; break;
      case 'x': bits |= P_X; break;
      default: break;
      }
  return bits;
}

static guint
literal_weight (const char *pattern)
{
  guint weight = 0;

  if (pattern == NULL)
    return 0;
  for (const char *p = pattern; *p != '\0'; p++)
    if (strchr ("*?[]{},", *p) == NULL)
      weight++;
  if (strstr (pattern, "**") != NULL)
    weight = weight > 8 ? weight - 8 : 0;
  return weight;
}

/* A file rule is broad when its pattern (or one of its alternatives)
 * starts with a wildcard right after the root: a slash and two stars,
 * or system-backup's "/{,var/lib/snapd/hostfs/}[^dsp]" and two stars. */
static gboolean
file_pattern_is_broad (const char *pattern)
{
  g_autoptr(GPtrArray) alternatives = g_ptr_array_new_with_free_func (g_free);

  if (!_sc_policy_expand_braces (pattern, alternatives))
    return FALSE;
  for (guint i = 0; i < alternatives->len; i++)
    {
      const char *alt = g_ptr_array_index (alternatives, i);

      if (alt[0] == '/' && (alt[1] == '\0' || strchr ("*?[", alt[1]) != NULL))
        return TRUE;
    }
  return FALSE;
}

/* The index key of a path or pattern: its first two components when
 * both are literal and followed by '/' ("usr/share" for "/usr/share/…"),
 * else its first ("usr" for "/usr/lib{,32}/…"), else NULL (a pattern
 * from the root). With LEVEL 1 only the first. */
char *
_sc_policy_index_key (const char *path,
                      gboolean    pattern,
                      guint       level)
{
  const char *end;

  if (path == NULL || path[0] != '/')
    return NULL;
  end = path + 1;
  for (guint l = 0; l < level; l++)
    {
      const char *start = end;

      while (*end != '\0' && *end != '/')
        {
          if (pattern && strchr ("*?[{\\\x01", *end) != NULL)
            break;
          end++;
        }
      if (*end != '/' || end == start)
        {
          if (l == 0)
            return NULL;   /* "/foo" alone: keep it generic, it is rare */
          end = start - 1;
          break;
        }
      if (l + 1 < level)
        end++;
    }
  return g_strndup (path + 1, end - path - 1);
}

void
_sc_policy_add_rule (PRule *rule)
{
  guchar cls = (guchar) rule->cls;

  if (_sc_policy.by_class[cls] == NULL)
    _sc_policy.by_class[cls] = g_ptr_array_new ();
  g_ptr_array_add (_sc_policy.by_class[cls], rule);
}

static gboolean
is_literal (const char *pattern)
{
  return pattern != NULL && strpbrk (pattern, "*?[{\\\x01@") == NULL;
}

/* Rules of a class indexed by one literal field, so that a record is
 * compared with the few rules that name its value and the ones that use
 * a pattern (bench-policy). */
void
_sc_policy_add_indexed_rule (GHashTable *index,
                             GPtrArray  *generic,
                             const char *key,
                             PRule      *rule)
{
  GPtrArray *bucket;

  if (!is_literal (key))
    {
      g_ptr_array_add (generic, rule);
      return;
    }
  bucket = g_hash_table_lookup (index, key);
  if (bucket == NULL)
    {
      bucket = g_ptr_array_new ();
      g_hash_table_insert (index, g_strdup (key), bucket);
    }
  g_ptr_array_add (bucket, rule);
}

void
_sc_policy_add_file_rule (PRule *rule)
{
  g_autofree char *key = _sc_policy_index_key (rule->field[0], TRUE, 2);
  GPtrArray *bucket;

  if (key == NULL)
    {
      g_ptr_array_add (_sc_policy.file_generic, rule);
      return;
    }
  bucket = g_hash_table_lookup (_sc_policy.file_index, key);
  if (bucket == NULL)
    {
      bucket = g_ptr_array_new ();
      g_hash_table_insert (_sc_policy.file_index, g_steal_pointer (&key), bucket);
    }
  g_ptr_array_add (bucket, rule);
}

static char *
any_or (const char *field)
{
  char *value;
  gsize len;

  if (field == NULL || strcmp (field, "*") == 0 || *field == '\0')
    return NULL;
  value = _sc_policy_expand_variables (field);
  /* Abstract socket names padded with a NUL ("…shim.sock\x00"): the
   * record's decoded address has none. */
  len = strlen (value);
  if (len > 4 && strcmp (value + len - 4, "\\x00") == 0)
    value[len - 4] = '\0';
  return value;
}

/* A field that allows anything: absent, "*", or a peer label snapd fills
 * in with the slot's (###SLOT_SECURITY_TAGS###). */
static gboolean
is_any (const char *field)
{
  return field == NULL || strcmp (field, "*") == 0 || strcmp (field, "**") == 0;
}

/* Compiles LINE into one or more rules (file rules are brace-expanded),
 * appended to OUT. */
void
_sc_policy_compile_line (guint16     entry,
                         const char *line,
                         GPtrArray  *out)
{
  g_auto(GStrv) f = g_strsplit (line, "\t", -1);
  guint n = g_strv_length (f);
  PRule proto = { 0 };

  proto.entry = entry;
  proto.cls = f[0][0];
  proto.line = line;

  switch (proto.cls)
    {
    case 'f':
      {
        g_autofree char *expanded = NULL;
        g_autoptr(GPtrArray) alternatives = g_ptr_array_new_with_free_func (g_free);

        if (n < 4)
          return;
        proto.owner = f[1][0] == '1';
        proto.perms = file_perms (f[2]);
        expanded = _sc_policy_expand_variables (f[3]);
        _sc_policy_collapse_slashes (expanded);
        proto.specificity = literal_weight (f[3]);
        proto.broad = file_pattern_is_broad (f[3]);
        if (!_sc_policy_expand_braces (expanded, alternatives))
          {
            g_ptr_array_set_size (alternatives, 0);
            g_ptr_array_add (alternatives, g_strdup (expanded));
          }
        for (guint i = 0; i < alternatives->len; i++)
          {
            PRule *rule = g_memdup2 (&proto, sizeof proto);

            rule->field[0] = g_strdup (g_ptr_array_index (alternatives, i));
            /* The alternative that matched, not the whole brace list. */
            rule->specificity = literal_weight (rule->field[0]);
            rule->universal = strcmp (rule->field[0], "/**") == 0 && (rule->perms & P_W) != 0;
            g_ptr_array_add (out, rule);
          }
        return;
      }

    case 'x':
      if (n < 2)
        return;
      if (n > 2 && strcmp (f[1], "socket") == 0 && g_str_has_prefix (f[2], "AF_NETLINK - NETLINK_"))
        {
          PRule *netlink = g_memdup2 (&proto, sizeof proto);

          netlink->cls = 'N';
          netlink->field[0] = g_strdup (f[2] + strlen ("AF_NETLINK - "));
          netlink->specificity = 10;
          g_ptr_array_add (out, netlink);
        }
      proto.field[0] = g_strdup (f[1]);
      proto.conditional = n > 2 && *g_strstrip (f[2]) != '\0';
      proto.specificity = 10;
      break;

    case '*':
      proto.specificity = 0;
      proto.broad = TRUE;
      break;

    default:
      for (guint i = 1; i < n && i <= G_N_ELEMENTS (proto.field); i++)
        {
          proto.field[i - 1] = any_or (f[i]);
          if (proto.field[i - 1] != NULL)
            proto.specificity += 4 + literal_weight (f[i]) / 8;
        }
      proto.universal = TRUE;
      for (guint i = 0; i < G_N_ELEMENTS (proto.field); i++)
        if (proto.field[i] != NULL)
          proto.universal = FALSE;
      if (strchr ("dups", proto.cls) != NULL && proto.field[0] != NULL)
        proto.words = g_strsplit (proto.field[0], " ", -1);
      if (proto.cls == 's' && proto.field[1] != NULL)
        proto.words2 = g_strsplit (proto.field[1], " ", -1);
      if (proto.cls == 'm' && proto.field[2] != NULL)
        proto.words2 = g_strsplit (proto.field[2], " ", -1);
      if (proto.cls == 'd')
        proto.broad = is_any (proto.field[2]) && is_any (proto.field[3]) &&
                      is_any (proto.field[4]) && is_any (proto.field[5]);
      else if (proto.cls == 'u')
        proto.broad = is_any (proto.field[2]) && is_any (proto.field[3]) && is_any (proto.field[4]);
      else if (proto.cls == 'm')
        proto.broad = proto.field[3] == NULL && proto.field[4] == NULL;
      else if (proto.cls == 'c' || proto.cls == 'n')
        proto.broad = proto.field[0] == NULL;
      break;
    }
  g_ptr_array_add (out, g_memdup2 (&proto, sizeof proto));
}

void
_sc_policy_prule_free (gpointer data)
{
  PRule *rule = data;

  for (guint k = 0; k < G_N_ELEMENTS (rule->field); k++)
    g_free (rule->field[k]);
  g_strfreev (rule->words);
  g_strfreev (rule->words2);
  g_free (rule);
}
