/* sc-denial-model.h
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The denial sidebar's list: a GListModel of ScDenialItem over the groups
 * of a store, in an order its owner decides (the sidebar keeps it sorted).
 * It holds, per group, only what changes while following (count, first
 * and last seen, hosts: 33 bytes) and, per listed group, its index
 * (4 bytes). An item is made when someone asks for it and lives as long as
 * someone holds it: while it does, asking again gives the same object, and
 * changes of its group are set on it (and notified). A filter function
 * decides which listed groups the list shows from the groups themselves,
 * so that a filter change makes no items (GtkFilterListModel would ask
 * for every one).
 */
#pragma once

#include <gio/gio.h>

#include "sc-denial-item.h"
#include "sc-denial-loader.h"

G_BEGIN_DECLS

#define SC_TYPE_DENIAL_MODEL (sc_denial_model_get_type ())
G_DECLARE_FINAL_TYPE (ScDenialModel, sc_denial_model, SC, DENIAL_MODEL, GObject)

/* Whether the list shows GROUP (listed in the model). It reads the group
 * and the model's state of it (sc_denial_model_get_last_seen()…), never an
 * item. */
typedef gboolean (*ScDenialModelFilterFunc) (ScDenialModel       *model,
                                             const ScDenialGroup *group,
                                             gpointer             user_data);

ScDenialModel *sc_denial_model_new          (void);

/* Forgets every group (the list becomes empty) and reads STORE's from now
 * on (nullable). */
void           sc_denial_model_reset        (ScDenialModel          *self,
                                             ScDenialStore          *store);

/* Records the changing parts of SNAPSHOT's group (from now on the model
 * knows the group) and sets them on its item when one is alive. Call it
 * for a listed group only while its place stays right, or move it. */
void           sc_denial_model_update       (ScDenialModel          *self,
                                             const ScDenialSnapshot *snapshot);
/* How many groups the model knows: one more than the largest index. */
guint          sc_denial_model_get_n_known  (ScDenialModel          *self);
gboolean       sc_denial_model_knows        (ScDenialModel          *self,
                                             guint                   index);
/* A mark the owner may set on a group it knows (the sidebar: waits to be
 * listed). */
gboolean       sc_denial_model_get_pending  (ScDenialModel          *self,
                                             guint                   index);
void           sc_denial_model_set_pending  (ScDenialModel          *self,
                                             guint                   index,
                                             gboolean                pending);

guint64        sc_denial_model_get_count     (ScDenialModel         *self,
                                              guint                  index);
gint64         sc_denial_model_get_last_seen (ScDenialModel         *self,
                                              guint                  index);

/* The model has two lists: the listed groups, in the order its owner
 * keeps (positions below count in it), and, as the GListModel, those of
 * them the filter shows. */

/* How many groups are listed, shown or not. */
guint          sc_denial_model_get_n_listed  (ScDenialModel         *self);
/* Sets the filter (nullable: show all) and applies it. */
void           sc_denial_model_set_filter    (ScDenialModel           *self,
                                              ScDenialModelFilterFunc  filter,
                                              gpointer                 user_data);
/* Asks the filter again about every listed group, after what it looks at
 * changed; one items-changed covers the groups shown or hidden. */
void           sc_denial_model_refilter      (ScDenialModel         *self);

/* The group index listed at POSITION. */
guint          sc_denial_model_get_index     (ScDenialModel         *self,
                                              guint                  position);
/* Lists the N known groups INDICES at POSITION. */
void           sc_denial_model_insert        (ScDenialModel         *self,
                                              guint                  position,
                                              const guint32         *indices,
                                              guint                  n);
/* Moves the group at FROM to TO (a position in the list without it); its
 * item, if alive, stays the same object. */
void           sc_denial_model_move          (ScDenialModel         *self,
                                              guint                  from,
                                              guint                  to);
/* Puts the list in the order COMPARE gives (group indices), announced as a
 * change of the whole list. */
void           sc_denial_model_sort          (ScDenialModel         *self,
                                              GCompareDataFunc       compare,
                                              gpointer               user_data);

/* Items alive now, and made so far (for tests and figures). */
guint          sc_denial_model_get_n_alive   (ScDenialModel         *self);
guint          sc_denial_model_get_n_made    (ScDenialModel         *self);

G_END_DECLS
