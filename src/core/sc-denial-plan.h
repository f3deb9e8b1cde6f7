/* sc-denial-plan.h
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Turns suggestions into edits of a project: which plug name an app or
 * hook lists, which top-level definition it needs (personal-files and
 * system-files paths merged into one definition, a definition of the
 * project that already grants the paths reused, names kept clear of
 * slots and of unrelated definitions), and what is already there.
 *
 * `snapconfine-cli suggest` plans every group of a store; the window's
 * denial sidebar plans one suggestion per click. Both end in the same
 * sc_edit_define_plug()/sc_edit_add_plug() calls, so the same intent
 * writes the same bytes.
 */
#pragma once

#include "sc-denial-store.h"
#include "sc-project.h"

G_BEGIN_DECLS

/* What a suggestion is to a target. */
typedef enum
{
  SC_PLAN_STATE_ADD,         /* an edit would add the plug or widen its definition */
  SC_PLAN_STATE_DECLARED,    /* the target lists the plug, with the paths it needs */
  SC_PLAN_STATE_EXTENSION,   /* an extension of the target gives it */
  SC_PLAN_STATE_ADDED,       /* added to this plan already */
  SC_PLAN_STATE_NO_TARGET,   /* no such app or hook in the project */
} ScPlanState;

typedef struct
{
  char        *plug;
  char        *interface;
  char        *reason;
  guint64      denials;
  ScPlanState  state;        /* ADD for plugs to add; DECLARED or EXTENSION when present */
  char        *extension;    /* for EXTENSION, nullable */
} ScPlannedPlug;

typedef struct
{
  char      *target;         /* "foo" or "hook:configure" */
  GPtrArray *plugs;          /* of ScPlannedPlug*, to add, in planning order */
  GPtrArray *present;        /* of ScPlannedPlug*, already there */
} ScPlannedTarget;

typedef struct
{
  char                *target;
  const ScDenialGroup *group;   /* borrowed from the store */
  char                *fix;     /* nullable */
} ScPlanNote;

typedef struct
{
  char    *target;           /* the label of an app or hook not in the project */
  guint64  denials;
} ScPlanUnknown;

typedef struct _ScDenialPlan ScDenialPlan;

ScDenialPlan  *sc_denial_plan_new               (ScProject           *project);
ScDenialPlan  *sc_denial_plan_ref               (ScDenialPlan        *plan);
void           sc_denial_plan_unref             (ScDenialPlan        *plan);
ScProject     *sc_denial_plan_get_project       (ScDenialPlan        *plan);

/* Plans GROUP as `suggest` does: its first suggestion for its app or
 * hook, else a fix, an unresolved access or an unknown target. Noise is
 * skipped. */
void           sc_denial_plan_add_group         (ScDenialPlan        *plan,
                                                 const ScDenialGroup *group);

/* What SUGGESTION is to TARGET (an app name or "hook:NAME") now, without
 * changing the plan. PLUG (nullable) receives the plug name an edit would
 * list, EXTENSION (nullable) the extension for STATE_EXTENSION; both
 * borrowed until the plan changes. */
ScPlanState    sc_denial_plan_query             (ScDenialPlan        *plan,
                                                 const char          *target,
                                                 const ScSuggestion  *suggestion,
                                                 const char         **plug,
                                                 const char         **extension);

/* Plans SUGGESTION for TARGET, counting DENIALS. Returns FALSE with
 * UNKNOWN_TARGET when the project has no such target. *PLUG (borrowed)
 * receives the plug name to list and *DEFINITION (owned, nullable) the
 * top-level definition the plug needs now, merged with what the project
 * and earlier calls defined: a{sv} with "interface" and no "name". */
gboolean       sc_denial_plan_add_suggestion    (ScDenialPlan        *plan,
                                                 const char          *target,
                                                 const ScSuggestion  *suggestion,
                                                 guint64              denials,
                                                 const char         **plug,
                                                 GVariant           **definition,
                                                 GError             **error);

/* Takes PLUG off what the plan adds to TARGET (the user took it back);
 * FALSE when it was not planned. */
gboolean       sc_denial_plan_forget_plug       (ScDenialPlan        *plan,
                                                 const char          *target,
                                                 const char          *plug);

GPtrArray     *sc_denial_plan_get_targets       (ScDenialPlan        *plan); /* of ScPlannedTarget*, project order */
GPtrArray     *sc_denial_plan_get_fixes         (ScDenialPlan        *plan); /* of ScPlanNote* */
GPtrArray     *sc_denial_plan_get_unresolved    (ScDenialPlan        *plan); /* of ScPlanNote* */
GPtrArray     *sc_denial_plan_get_unknown       (ScDenialPlan        *plan); /* of ScPlanUnknown* */
/* Names of the definitions to add or change, sorted; free the array only. */
GPtrArray     *sc_denial_plan_dup_definition_names (ScDenialPlan     *plan);
/* The planned a{sv} for NAME (with "interface"), or NULL. Borrowed. */
GVariant      *sc_denial_plan_lookup_definition (ScDenialPlan        *plan,
                                                 const char          *name);
/* Whether the plan adds no plug and no definition. */
gboolean       sc_denial_plan_is_empty          (ScDenialPlan        *plan);

/* Strict confinement, the planned definitions (sorted by name), then each
 * target's plugs in planning order. */
ScEdit        *sc_denial_plan_build_edit        (ScDenialPlan        *plan,
                                                 GError             **error);

/* The app name or "hook:NAME" a record belongs to, or NULL. */
char          *sc_denial_dup_target             (const ScDenial      *denial);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScDenialPlan, sc_denial_plan_unref)

G_END_DECLS
