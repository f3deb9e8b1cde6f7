/* sc-snapd-project.h
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The project's declared plugs against what snapd has installed and
 * connected: "declared" is not "connected". Used by `check` (note
 * not-connected), `suggest` ("connect" instead of a plug to add) and the
 * window.
 */
#pragma once

#include "sc-check.h"
#include "sc-denial.h"
#include "sc-project.h"
#include "sc-snapd-client.h"
#include "sc-suggestion-rules.h"

G_BEGIN_DECLS

/* The installed plug a denial of TARGET ("foo" or "hook:NAME") that
 * INTERFACE would allow needs connected: PLUG or another plug of that
 * interface the target uses in the installed revision, when none of them is
 * connected. NULL when one is connected already or the installed revision
 * has no such plug (then the file needs the plug and a rebuild). */
ScSnapdPlug *sc_snapd_snap_plug_to_connect     (ScSnapdSnap *snap,
                                                const char  *target,
                                                const char  *plug,
                                                const char  *interface);

/* Notes "not-connected" (ScFinding*, severity note) for every plug the
 * project declares on an app or hook whose interface does not auto-connect
 * and that the installed snap has but has not connected. */
GPtrArray   *sc_snapd_check_connections        (ScProject   *project,
                                                ScSnapdSnap *snap);

/* What `check` calls: asks snapd (with its timeout) about the project's
 * snap and inserts the notes above into FINDINGS in file order. Does
 * nothing when snapd does not answer or the snap is not installed. */
void         sc_snapd_add_check_findings       (ScProject   *project,
                                                GPtrArray   *findings);

/* The context of snapd-policy ranking (sc_suggest_for_denial_with_context)
 * for TARGET: the plugs the installed revision binds to it, each with its
 * state. Strings borrowed from SNAP; free the array with g_free. */
ScSuggestPlug *sc_snapd_suggest_context        (ScSnapdSnap *snap,
                                                const char  *target,
                                                guint       *n_plugs);

/* Ranks DENIAL of TARGET with that context: the installed plug to connect
 * when connecting a declared plug is the best answer, else NULL. */
ScSnapdPlug *sc_snapd_plug_to_connect_for_denial (ScSnapdSnap    *snap,
                                                  const ScDenial *denial,
                                                  const char     *target);

/* Plugs to connect, gathered per target and plug with their denials. */
typedef struct
{
  char    *target;
  char    *plug;
  char    *interface;
  guint64  denials;
} ScConnectNeed;

GPtrArray   *sc_connect_needs_new              (void);   /* of ScConnectNeed* */
void         sc_connect_needs_add              (GPtrArray   *needs,
                                                const char  *target,
                                                ScSnapdPlug *plug,
                                                guint64      denials);

/* "snap connect SNAP:PLUG" */
char        *sc_snapd_connect_command          (const char  *snap,
                                                const char  *plug);

G_END_DECLS
