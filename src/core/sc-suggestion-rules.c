/* sc-suggestion-rules.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sc-suggestion-rules"

#include "config.h"

#include "sc-suggestion-rules.h"

void
sc_suggestion_free (ScSuggestion *suggestion)
{
  if (suggestion == NULL)
    return;
  g_free (suggestion->interface);
  g_free (suggestion->reason);
  g_clear_pointer (&suggestion->plug, g_variant_unref);
  g_free (suggestion);
}

void
sc_suggestion_result_free (ScSuggestionResult *result)
{
  if (result == NULL)
    return;
  g_clear_pointer (&result->suggestions, g_ptr_array_unref);
  g_free (result->fix);
  g_free (result);
}

const char *
sc_suggestion_get_plug_name (const ScSuggestion *suggestion)
{
  const char *name = NULL;

  g_return_val_if_fail (suggestion != NULL, NULL);
  if (suggestion->plug != NULL &&
      g_variant_lookup (suggestion->plug, "name", "&s", &name))
    return name;
  return suggestion->interface;
}

ScSuggestionResult *
sc_suggest_for_denial (const ScDenial *denial,
                       const char     *snap_name)
{
  ScSuggestionResult *result;

  g_return_val_if_fail (denial != NULL, NULL);
  (void) snap_name;
  result = g_new0 (ScSuggestionResult, 1);
  result->suggestions = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_suggestion_free);
  return result;
}
