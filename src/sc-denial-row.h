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

G_BEGIN_DECLS

#define SC_TYPE_DENIAL_ROW (sc_denial_row_get_type ())
G_DECLARE_FINAL_TYPE (ScDenialRow, sc_denial_row, SC, DENIAL_ROW, GtkWidget)

GtkWidget    *sc_denial_row_new           (void);
ScDenialItem *sc_denial_row_get_item      (ScDenialRow  *self);
void          sc_denial_row_set_item      (ScDenialRow  *self,
                                           ScDenialItem *item);
/* Whether the row's target exists in the project (FALSE greys out "Add"
 * and says why); TARGET_MISSING_REASON is shown as its tooltip. */
void          sc_denial_row_set_can_add   (ScDenialRow  *self,
                                           gboolean      can_add,
                                           const char   *reason);
/* Refreshes the relative "last seen" text against NOW_USEC (real time). */
void          sc_denial_row_update_time   (ScDenialRow  *self,
                                           gint64        now_usec);

/* "2 min ago", "3 h ago", "yesterday", a date…; "" for 0. Exposed for tests. */
char         *sc_denial_format_relative_time (gint64 then_usec,
                                              gint64 now_usec);
const char   *sc_denial_kind_icon_name       (ScDenialKind kind);

G_END_DECLS
