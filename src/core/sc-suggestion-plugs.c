/* sc-suggestion-plugs.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Plugs with a top-level definition: personal-files and system-files plugs
 * built from a denied path, and plugs with attributes.
 */
#define G_LOG_DOMAIN "sc-suggestion-rules"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sc-denial.h"
#include "sc-interface-catalogue.h"
#include "sc-policy.h"
#include "sc-suggestion-rules.h"
#include "sc-suggestion-rules-private.h"

/* Plugs with a top-level definition */

/* "dot-config-myapp" from ".config/myapp": lower case, runs of anything
 * else than [a-z0-9] become one '-', so the result always matches snapd's
 * plug name grammar ^[a-z](?:-?[a-z0-9])*$. */
static char *
plug_name_from_path (const char *prefix,
                     const char *path)
{
  GString *name = g_string_new (prefix);
  gboolean dash = name->len > 0 && name->str[name->len - 1] == '-';

  for (const char *p = path; *p != '\0'; p++)
    {
      char c = g_ascii_tolower (*p);

      if (g_ascii_isalnum (c))
        {
          if (name->len == 0 && !g_ascii_isalpha (c))
            g_string_append (name, "p-");
          g_string_append_c (name, c);
          dash = FALSE;
        }
      else if (!dash && name->len > 0)
        {
          g_string_append_c (name, '-');
          dash = TRUE;
        }
    }
  while (name->len > 0 && name->str[name->len - 1] == '-')
    g_string_truncate (name, name->len - 1);
  if (name->len == 0)
    g_string_append (name, "files");
  return g_string_free (name, FALSE);
}

/* personal-files and system-files paths must be literal: no AppArmor
 * pattern characters, quotes or control characters. */
static gboolean
is_literal_path (const char *path)
{
  for (const char *p = path; *p != '\0'; p++)
    if (strchr ("*?[]{}\"\\,^", *p) != NULL || (guchar) *p < 0x20)
      return FALSE;
  return TRUE;
}

/* $HOME/.config/myapp/settings.ini → $HOME/.config/myapp: the app's own
 * folder under the XDG base folders, else the top dotfile or dot-folder. */
static char *
generalise_home_path (const char *object)
{
  static const char * const xdg_dirs[] = {
    ".config/", ".cache/", ".local/share/", ".local/state/", ".local/lib/", NULL,
  };
  const char *rel = object + strlen ("$HOME/");
  const char *slash;

  for (guint i = 0; xdg_dirs[i] != NULL; i++)
    {
      gsize len = strlen (xdg_dirs[i]);

      if (strncmp (rel, xdg_dirs[i], len) == 0 && rel[len] != '\0' && rel[len] != '/')
        {
          slash = strchr (rel + len, '/');
          return slash != NULL ? g_strndup (object, slash - object) : g_strdup (object);
        }
    }
  slash = strchr (rel, '/');
  if (slash != NULL)
    return g_strndup (object, slash - object);
  /* A bare "$HOME/.local/" style folder name without a trailing part. */
  return g_strdup (object);
}

/* /etc/mytool/conf.d/x.conf → /etc/mytool. */
static char *
generalise_system_path (const char *object)
{
  const char *slash;

  if (object[0] != '/')
    return NULL;
  slash = strchr (object + 1, '/');
  if (slash == NULL)
    return g_strdup (object);
  slash = strchr (slash + 1, '/');
  return slash != NULL ? g_strndup (object, slash - object) : g_strdup (object);
}

GVariant *
_sc_suggestion_build_files_plug (const char *interface,
                                 const Facts *facts)
{
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  const char *object = facts->object;
  const char *paths[2] = { NULL, NULL };
  GVariantBuilder builder;
  gboolean write = g_strcmp0 (facts->perm, "w") == 0;

  if (object == NULL)
    return NULL;

  if (strcmp (interface, "personal-files") == 0)
    {
      if (!g_str_has_prefix (object, "$HOME/.") || object[7] == '\0' || object[7] == '/')
        return NULL;
      path = generalise_home_path (object);
      name = plug_name_from_path ("dot-", path + strlen ("$HOME/."));
    }
  else
    {
      path = generalise_system_path (object);
      if (path == NULL || path[1] == '\0' || path[0] == '$')
        return NULL;
      name = plug_name_from_path ("", path + 1);
    }

  while (g_str_has_suffix (path, "/") && strlen (path) > 1)
    path[strlen (path) - 1] = '\0';
  if (!is_literal_path (path) || !g_utf8_validate (path, -1, NULL))
    return NULL;

  paths[0] = path;
  g_variant_builder_init (&builder, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&builder, "{sv}", "name", g_variant_new_string (name));
  g_variant_builder_add (&builder, "{sv}", "interface", g_variant_new_string (interface));
  g_variant_builder_add (&builder, "{sv}", write ? "write" : "read",
                         g_variant_new_strv (paths, 1));
  return g_variant_ref_sink (g_variant_builder_end (&builder));
}

GVariant *
_sc_suggestion_build_attribute_plug (const Candidate *candidate)
{
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&builder, "{sv}", "name", g_variant_new_string (candidate->plug_name));
  g_variant_builder_add (&builder, "{sv}", "interface",
                         g_variant_new_string (candidate->interface));
  for (guint i = 0; candidate->attrs[i] != NULL; i++)
    {
      const char *attr = candidate->attrs[i];
      const char *eq = strchr (attr, '=');
      g_autofree char *key = g_strndup (attr, eq - attr);
      GVariant *value;

      if (strcmp (eq + 1, "true") == 0 || strcmp (eq + 1, "false") == 0)
        value = g_variant_new_boolean (eq[1] == 't');
      else
        value = g_variant_new_string (eq + 1);
      g_variant_builder_add (&builder, "{sv}", key, value);
    }
  return g_variant_ref_sink (g_variant_builder_end (&builder));
}
