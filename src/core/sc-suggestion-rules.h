/* sc-suggestion-rules.h
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pure: ScDenial → ranked candidate interfaces, from a rule table.
 */
#pragma once

#include "sc-denial.h"

G_BEGIN_DECLS

typedef struct
{
  char     *interface;       /* interface name */
  char     *reason;          /* one line, translated, in our own words */
  gboolean  auto_connect;    /* from the catalogue (and attributes) */
  gboolean  store_approval;
  /* For interfaces that need a top-level definition (personal-files,
   * system-files, home read:all…): a{sv} with "name" (suggested plug name),
   * "interface" and attributes ("read": as, "write": as…). NULL otherwise. */
  GVariant *plug;
} ScSuggestion;

typedef struct
{
  GPtrArray *suggestions;    /* of ScSuggestion*, best first; never NULL */
  char      *fix;            /* "not an interface problem" advice, nullable, translated */
} ScSuggestionResult;

/* SNAP_NAME is the project's snap name (for $SNAP paths), may be NULL. */
ScSuggestionResult *sc_suggest_for_denial        (const ScDenial      *denial,
                                                  const char          *snap_name);
void                sc_suggestion_result_free    (ScSuggestionResult  *result);
void                sc_suggestion_free           (ScSuggestion        *suggestion);

/* The plug name an app lists for SUGGESTION: the interface, or
 * plug["name"] when a top-level definition is needed. */
const char         *sc_suggestion_get_plug_name  (const ScSuggestion  *suggestion);

/* Every interface named by the rule table, sorted and unique (for tests
 * and documentation). Free with g_strfreev(). */
char              **sc_suggestion_rules_dup_interfaces (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScSuggestionResult, sc_suggestion_result_free)

G_END_DECLS
