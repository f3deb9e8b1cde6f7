/* sc-suggestion-rules.h
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pure: ScDenial → ranked candidate interfaces. snapd's own policy
 * (sc-policy.h) says which interfaces allow a denied access; a small
 * hand-written table adds what the policy cannot say: fixes that are not
 * an interface, and plugs built from the denied path (personal-files,
 * system-files).
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
  /* Where the suggestion comes from: "policy" (a rule of snapd's policy
   * for the interface allows the access, see policy_rule) or "rule" (our
   * table: plugs built from the denied path). Static string. */
  const char *source;
  char       *policy_rule;   /* the snapd rule that allows it, nullable */
  /* The app already declares this plug but it is not connected: the
   * answer is `snap connect`, not an edit. */
  gboolean    connect;
} ScSuggestion;

typedef struct
{
  GPtrArray *suggestions;    /* of ScSuggestion*, best first; never NULL */
  char      *fix;            /* "not an interface problem" advice, nullable, translated */
  /* Where the fix comes from, NULL when there is none: "fix" (our fix
   * rules), "template" (snapd's base template allows the access today:
   * the record is from an older snapd), "noise" (snapd's own helpers).
   * Static string. */
  const char *fix_source;
} ScSuggestionResult;

typedef enum
{
  SC_PLUG_STATE_UNKNOWN,
  SC_PLUG_STATE_CONNECTED,
  SC_PLUG_STATE_DISCONNECTED,
} ScPlugState;

/* A plug the app (or hook) that was denied declares. */
typedef struct
{
  const char  *name;         /* plug name as listed under the app */
  const char  *interface;    /* its interface (name itself unless defined at top level) */
  ScPlugState  state;        /* filled from snapd when the snap is installed */
} ScSuggestPlug;

/* Optional context for ranking: what the denied app declares. */
typedef struct
{
  const ScSuggestPlug *plugs;
  guint                n_plugs;
} ScSuggestContext;

/* SNAP_NAME is the project's snap name (for $SNAP paths), may be NULL. */
ScSuggestionResult *sc_suggest_for_denial        (const ScDenial      *denial,
                                                  const char          *snap_name);
/* The same, ranked with CONTEXT (nullable): a declared plug that is not
 * connected and allows the access comes first, with connect = TRUE; a
 * declared, connected plug that snapd's policy says allows it is left out
 * (it cannot be the answer). */
ScSuggestionResult *sc_suggest_for_denial_with_context (const ScDenial         *denial,
                                                        const char             *snap_name,
                                                        const ScSuggestContext *context);
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
