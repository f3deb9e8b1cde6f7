/* sc-policy-glob.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * AppArmor globbing for the policy table: snapd's variables, brace
 * expansion and glob matching.
 */
#define G_LOG_DOMAIN "sc-policy"

#include "config.h"

#include <string.h>

#include "sc-policy.h"
#include "sc-policy-private.h"
#include "sc-utils.h"

/* Variables */

static const struct { const char *name; const char *value; } variables[] = {
  { "PROC", "/proc" },
  { "HOME", "{/home/*,/root}" },
  { "HOMEDIRS", "/home" },
  { "pid", "[0-9]*" },
  { "pids", "[0-9]*" },
  { "tid", "[0-9]*" },
  { "SNAP_NAME", "\x01" },
  { "SNAP_INSTANCE_NAME", "\x01" },
  /* The current revision is not in a record: a rule naming it (a
   * revision's data folder) cannot be shown to allow one, so it matches
   * nothing rather than every revision. */
  { "SNAP_REVISION", "\x02" },
  { "INSTALL_DIR", "{/snap,/var/lib/snapd/snap}" },
  { "multiarch", "*-linux-gnu*" },
  { "SNAP_COREUTIL_DIRS", "/{bin/,usr/bin/,usr/bin/gnu,usr/lib/cargo/bin/coreutils/}" },
  { "run", "{/var/run,/run}" },
  { "sys", "/sys" },
  /* The tunables of AppArmor's abstractions (Debian's apparmor). */
  { "etc_ro", "{/etc,/usr/etc}" },
  { "etc_rw", "/etc" },
  { "system_share_dirs", "/{usr,usr/local}/share" },
  { "user_share_dirs", "{/home/*,/root}/.local/share" },
  { "uid", "[0-9]*" },
  /* The profile's own label: the snap's own apps and hooks. */
  { "profile_name", "snap.\x01.*" },
  { "uids", "[0-9]*" },
  { "securityfs", "/sys/kernel/security" },
  { "apparmorfs", "/sys/kernel/security/apparmor" },
};

char *
_sc_policy_expand_variables (const char *pattern)
{
  GString *out;

  if (strstr (pattern, "@{") == NULL)
    return g_strdup (pattern);
  out = g_string_sized_new (strlen (pattern) + 16);
  for (const char *p = pattern; *p != '\0'; p++)
    {
      const char *end;

      if (p[0] != '@' || p[1] != '{' || (end = strchr (p + 2, '}')) == NULL)
        {
          g_string_append_c (out, *p);
          continue;
        }
      {
        gsize len = end - (p + 2);
        const char *value = "*";

        for (guint i = 0; i < G_N_ELEMENTS (variables); i++)
          if (strlen (variables[i].name) == len && strncmp (variables[i].name, p + 2, len) == 0)
            value = variables[i].value;
        g_string_append (out, value);
        p = end;
      }
    }
  return g_string_free (out, FALSE);
}

/* "@{PROC}/" style variables end in a slash in AppArmor's tunables;
 * AppArmor folds the "//" that gives. */
void
_sc_policy_collapse_slashes (char *path)
{
  char *out = path;

  for (const char *p = path; *p != '\0'; p++)
    if (!(p[0] == '/' && p[1] == '/'))
      *out++ = *p;
  *out = '\0';
}

/* Brace expansion ("{a,b}" nested too); FALSE when it would exceed
 * MAX_EXPANSIONS, leaving OUT as it was. */
gboolean
_sc_policy_expand_braces (const char *pattern,
                          GPtrArray  *out)
{
  const char *open = NULL;
  const char *close = NULL;
  int depth = 0;
  const char *alt_start;
  g_autoptr(GPtrArray) alternatives = NULL;

  for (const char *p = pattern; *p != '\0'; p++)
    {
      if (*p == '\\' && p[1] != '\0')
        p++;
      else if (*p == '{' && depth++ == 0)
        open = p;
      else if (*p == '}' && depth > 0 && --depth == 0)
        {
          close = p;
          break;
        }
    }
  if (open == NULL || close == NULL)
    {
      if (out->len >= MAX_EXPANSIONS)
        return FALSE;
      g_ptr_array_add (out, g_strdup (pattern));
      return TRUE;
    }

  alternatives = g_ptr_array_new_with_free_func (g_free);
  alt_start = open + 1;
  depth = 0;
  for (const char *p = open + 1; p <= close; p++)
    {
      if (*p == '{')
        depth++;
      else if (*p == '}' && p != close)
        depth--;
      else if ((*p == ',' && depth == 0) || p == close)
        {
          g_ptr_array_add (alternatives,
                           g_strdup_printf ("%.*s%.*s%s", (int) (open - pattern), pattern,
                                            (int) (p - alt_start), alt_start, close + 1));
          alt_start = p + 1;
        }
    }
  for (guint i = 0; i < alternatives->len; i++)
    if (!_sc_policy_expand_braces (g_ptr_array_index (alternatives, i), out))
      return FALSE;
  return TRUE;
}

/* Glob matching */

/* "{a,b}rest" at P: tries each alternative followed by the rest. */
static gboolean
match_alternatives (const char *p,
                    const char *s,
                    const char *snap,
                    const char *instance)
{
  const char *close = NULL;
  int depth = 0;
  const char *alt = p + 1;

  for (const char *q = p; *q != '\0'; q++)
    {
      if (*q == '{')
        depth++;
      else if (*q == '}' && --depth == 0)
        {
          close = q;
          break;
        }
    }
  if (close == NULL)
    return *s == '{' && _sc_policy_glob_match (p + 1, s + 1, snap, instance);

  depth = 0;
  for (const char *q = p + 1; q <= close; q++)
    {
      if (*q == '{')
        depth++;
      else if (*q == '}' && q != close)
        depth--;
      else if ((*q == ',' && depth == 0) || q == close)
        {
          g_autofree char *candidate = g_strdup_printf ("%.*s%s", (int) (q - alt), alt, close + 1);

          if (_sc_policy_glob_match (candidate, s, snap, instance))
            return TRUE;
          alt = q + 1;
        }
    }
  return FALSE;
}

gboolean
_sc_policy_glob_match (const char *p,
                       const char *s,
                       const char *snap,
                       const char *instance)
{
  for (;;)
    {
      switch (*p)
        {
        case '\0':
          return *s == '\0';

        case '*':
          if (p[1] == '*')
            {
              while (*p == '*')
                p++;
              if (*p == '\0')
                return TRUE;
              for (;; s++)
                {
                  if (_sc_policy_glob_match (p, s, snap, instance))
                    return TRUE;
                  if (*s == '\0')
                    return FALSE;
                }
            }
          p++;
          for (;; s++)
            {
              if (_sc_policy_glob_match (p, s, snap, instance))
                return TRUE;
              if (*s == '\0' || *s == '/')
                return FALSE;
            }

        case '?':
          if (*s == '\0' || *s == '/')
            return FALSE;
          p++;
          s++;
          break;

        case '[':
          if (*s == '\0' || *s == '/' || !sc_glob_match_class (&p, *s))
            return FALSE;
          s++;
          break;

        case '{':
          return match_alternatives (p, s, snap, instance);

        case SNAP_MARK:
          {
            const char *names[2] = { snap, instance };

            if (snap == NULL && instance == NULL)
              {
                /* Unknown snap: any name. */
                g_autofree char *rest = g_strconcat ("*", p + 1, NULL);

                return _sc_policy_glob_match (rest, s, snap, instance);
              }
            for (guint i = 0; i < G_N_ELEMENTS (names); i++)
              {
                gsize len = names[i] != NULL ? strlen (names[i]) : 0;

                if (len > 0 && strncmp (s, names[i], len) == 0 &&
                    _sc_policy_glob_match (p + 1, s + len, snap, instance))
                  return TRUE;
              }
            return FALSE;
          }

        case '\\':
          if (p[1] != '\0')
            p++;
          G_GNUC_FALLTHROUGH;
        default:
          if (*p != *s)
            return FALSE;
          p++;
          s++;
          break;
        }
    }
}

gboolean
sc_policy_glob_match (const char *pattern,
                      const char *text,
                      const char *snap)
{
  g_autofree char *expanded = NULL;

  g_return_val_if_fail (pattern != NULL && text != NULL, FALSE);
  expanded = _sc_policy_expand_variables (pattern);
  return _sc_policy_glob_match (expanded, text, snap, snap);
}
