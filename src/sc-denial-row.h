/* sc-denial-row.h
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One row of the denial sidebar's list view: what was refused, how often,
 * and the first suggestion with an "Add" button. Rows are recycled by the
 * list view, so all state comes from the bound ScDenialItem.
 */
#pragma once

#include <adwaita.h>

#include "sc-denial-item.h"
#include "sc-denial-plan.h"
#include "sc-snapd-client.h"

G_BEGIN_DECLS

#define SC_TYPE_DENIAL_ROW (sc_denial_row_get_type ())
G_DECLARE_FINAL_TYPE (ScDenialRow, sc_denial_row, SC, DENIAL_ROW, GtkWidget)

GtkWidget    *sc_denial_row_new           (void);
ScDenialItem *sc_denial_row_get_item      (ScDenialRow  *self);
void          sc_denial_row_set_item      (ScDenialRow  *self,
                                           ScDenialItem *item);
/* The project's plan the card's buttons act on (NULL without a project:
 * Add is then off and says why). Add plans the suggestion in PLAN and
 * emits "add-plug" with what the plan says to write. */
void          sc_denial_row_set_plan      (ScDenialRow  *self,
                                           ScDenialPlan *plan);
/* The snap as this machine's snapd has it (nullable): a suggestion the
 * project declares but snapd has not connected gets "Connect", which
 * activates "snapd.connect" (target, plug, TRUE) on the window. */
void          sc_denial_row_set_installed (ScDenialRow  *self,
                                           ScSnapdSnap  *snap);
/* Decides the buttons again, after the plan or the project changed. */
void          sc_denial_row_refresh_action (ScDenialRow *self);
/* Refreshes the relative "last seen" text against NOW_USEC (real time). */
void          sc_denial_row_update_time   (ScDenialRow  *self,
                                           gint64        now_usec);

const char   *sc_denial_kind_icon_name       (ScDenialKind kind);

G_END_DECLS
