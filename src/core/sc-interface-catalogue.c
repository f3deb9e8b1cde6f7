/* sc-interface-catalogue.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The catalogue is one static, sorted table (sc-interface-data.h); this file
 * only looks things up in it. Nothing here allocates except search results
 * and URLs, so the window and the CLI can call it freely.
 */
#define G_LOG_DOMAIN "sc-interface-catalogue"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sc-interface-catalogue.h"

#include "sc-interface-data.h"

const ScInterfaceInfo *
sc_interface_catalogue_get_all (guint *n_interfaces)
{
  if (n_interfaces != NULL)
    *n_interfaces = G_N_ELEMENTS (sc_interfaces);
  return sc_interfaces;
}

static int
compare_name_to_info (const void *key,
                      const void *member)
{
  const ScInterfaceInfo *info = member;

  return strcmp (key, info->name);
}

const ScInterfaceInfo *
sc_interface_catalogue_lookup (const char *name)
{
  g_return_val_if_fail (name != NULL, NULL);

  return bsearch (name, sc_interfaces, G_N_ELEMENTS (sc_interfaces),
                  sizeof (ScInterfaceInfo), compare_name_to_info);
}

/* Lower ranks sort first. The order follows what a person typing a query
 * most likely means: the interface of that name, then names that start
 * with it, then names that contain it, then the category, then words of
 * the description. */
typedef enum
{
  RANK_EXACT_NAME,
  RANK_NAME_PREFIX,
  RANK_NAME_SUBSTRING,
  RANK_CATEGORY,
  RANK_DESCRIPTION_WORD,
  RANK_DESCRIPTION_SUBSTRING,
  RANK_ALL_TERMS,
  RANK_NONE,
} MatchRank;

typedef struct
{
  const ScInterfaceInfo *info;
  MatchRank              rank;
} Match;

static gboolean
is_word_start (const char *haystack,
               const char *at)
{
  gunichar prev;

  if (at == haystack)
    return TRUE;
  prev = g_utf8_get_char (g_utf8_find_prev_char (haystack, at));
  return !g_unichar_isalnum (prev);
}

/* TRUE when NEEDLE occurs in HAYSTACK at the start of a word. */
static gboolean
contains_word_prefix (const char *haystack,
                      const char *needle)
{
  const char *at = haystack;

  while ((at = strstr (at, needle)) != NULL)
    {
      if (is_word_start (haystack, at))
        return TRUE;
      at = g_utf8_next_char (at);
    }
  return FALSE;
}

static MatchRank
rank_term (const char *term,
           const char *name,
           const char *category,
           const char *description)
{
  if (strcmp (name, term) == 0)
    return RANK_EXACT_NAME;
  if (g_str_has_prefix (name, term))
    return RANK_NAME_PREFIX;
  if (strstr (name, term) != NULL)
    return RANK_NAME_SUBSTRING;
  if (strstr (category, term) != NULL)
    return RANK_CATEGORY;
  if (contains_word_prefix (description, term))
    return RANK_DESCRIPTION_WORD;
  if (strstr (description, term) != NULL)
    return RANK_DESCRIPTION_SUBSTRING;
  return RANK_NONE;
}

static int
compare_matches (gconstpointer a,
                 gconstpointer b)
{
  const Match *ma = a;
  const Match *mb = b;

  if (ma->rank != mb->rank)
    return ma->rank < mb->rank ? -1 : 1;
  return strcmp (ma->info->name, mb->info->name);
}

GPtrArray *
sc_interface_catalogue_search (const char *query)
{
  g_autofree char *folded = NULL;
  g_auto(GStrv) terms = NULL;
  g_autoptr(GArray) matches = NULL;
  GPtrArray *result;

  result = g_ptr_array_new ();

  if (query == NULL || *query == '\0')
    {
      for (guint i = 0; i < G_N_ELEMENTS (sc_interfaces); i++)
        g_ptr_array_add (result, (gpointer) &sc_interfaces[i]);
      return result;
    }

  folded = g_utf8_casefold (query, -1);
  g_strstrip (folded);
  if (*folded == '\0')
    {
      for (guint i = 0; i < G_N_ELEMENTS (sc_interfaces); i++)
        g_ptr_array_add (result, (gpointer) &sc_interfaces[i]);
      return result;
    }
  terms = g_strsplit_set (folded, " \t\n", -1);

  matches = g_array_new (FALSE, FALSE, sizeof (Match));

  for (guint i = 0; i < G_N_ELEMENTS (sc_interfaces); i++)
    {
      const ScInterfaceInfo *info = &sc_interfaces[i];
      g_autofree char *name = g_utf8_casefold (info->name, -1);
      g_autofree char *category = g_utf8_casefold (info->category, -1);
      g_autofree char *description = g_utf8_casefold (sc_interface_get_description (info), -1);
      Match match = { info, rank_term (folded, name, category, description) };

      /* A query of several words that does not match as a whole still
       * matches when every word matches somewhere ("usb serial"). */
      if (match.rank == RANK_NONE && terms[0] != NULL && terms[1] != NULL)
        {
          gboolean all = TRUE;
          guint n_terms = 0;

          for (guint t = 0; all && terms[t] != NULL; t++)
            {
              if (*terms[t] == '\0')
                continue;
              n_terms++;
              all = rank_term (terms[t], name, category, description) != RANK_NONE;
            }
          if (all && n_terms > 0)
            match.rank = RANK_ALL_TERMS;
        }

      if (match.rank != RANK_NONE)
        g_array_append_val (matches, match);
    }

  g_array_sort (matches, compare_matches);
  for (guint i = 0; i < matches->len; i++)
    g_ptr_array_add (result, (gpointer) g_array_index (matches, Match, i).info);

  return result;
}

char *
sc_interface_dup_doc_url (const ScInterfaceInfo *info)
{
  g_return_val_if_fail (info != NULL, NULL);

  return g_strdup_printf ("https://snapcraft.io/docs/%s-interface", info->name);
}

const char *
sc_interface_connection_label (const ScInterfaceInfo *info)
{
  g_return_val_if_fail (info != NULL, NULL);

  /* Store approval wins: such a plug does not auto-connect for an ordinary
   * snap, whatever the auto-connect rule says. */
  if (info->store_approval)
    return _("Needs store approval");
  if (info->auto_connect)
    return _("Auto-connects");
  return _("Needs manual connection");
}

const char *
sc_interface_get_description (const ScInterfaceInfo *info)
{
  g_return_val_if_fail (info != NULL, NULL);

  return info->description != NULL ? g_dgettext (GETTEXT_PACKAGE, info->description) : "";
}

const char *
sc_interface_get_risk (const ScInterfaceInfo *info)
{
  g_return_val_if_fail (info != NULL, NULL);

  return info->risk != NULL ? g_dgettext (GETTEXT_PACKAGE, info->risk) : NULL;
}
