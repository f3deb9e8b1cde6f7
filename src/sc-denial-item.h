/* sc-denial-item.h
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One group of denials (an ScDenialGroup of the engine) as a GObject, so
 * that it can live in a GListModel behind the denial sidebar's list view.
 * The group's immutable parts (first record, suggestions) are read from the
 * store; the parts that change while following (count, first and last
 * seen, hosts) are copied into the item and announced with notify.
 */
#pragma once

#include <glib-object.h>

#include "sc-denial-store.h"

G_BEGIN_DECLS

#define SC_TYPE_DENIAL_ITEM (sc_denial_item_get_type ())
G_DECLARE_FINAL_TYPE (ScDenialItem, sc_denial_item, SC, DENIAL_ITEM, GObject)

/* GROUP belongs to STORE, which the item keeps alive; only its immutable
 * fields (key, denial, object_pattern, suggestions, index) are read later. */
ScDenialItem             *sc_denial_item_new             (ScDenialStore       *store,
                                                          const ScDenialGroup *group);
/* The same, with its changing parts set (see sc_denial_item_update()),
 * without notifications. */
ScDenialItem             *sc_denial_item_new_with_state  (ScDenialStore       *store,
                                                          const ScDenialGroup *group,
                                                          guint64              count,
                                                          gint64               first_seen_usec,
                                                          gint64               last_seen_usec,
                                                          const char * const  *hosts);
/* FUNC (nullable) is called with DATA when the item is finalized: what a
 * weak reference does, for a list model that makes thousands of items
 * only for a filter to look at them once. */
typedef void (*ScDenialItemGoneFunc) (gpointer      data,
                                      ScDenialItem *item);
void                      sc_denial_item_set_gone_func   (ScDenialItem        *self,
                                                          ScDenialItemGoneFunc func,
                                                          gpointer             data);
const ScDenialGroup      *sc_denial_item_get_group       (ScDenialItem        *self);
ScDenial                 *sc_denial_item_get_denial      (ScDenialItem        *self);
const char               *sc_denial_item_get_key         (ScDenialItem        *self);
const char               *sc_denial_item_get_object      (ScDenialItem        *self);
const ScSuggestionResult *sc_denial_item_get_suggestions (ScDenialItem        *self);
/* The project target the group belongs to: the app name, "hook:NAME", or
 * NULL when the record names neither. */
const char               *sc_denial_item_get_target      (ScDenialItem        *self);
gboolean                  sc_denial_item_get_noise       (ScDenialItem        *self);

guint64                   sc_denial_item_get_count       (ScDenialItem        *self);
gint64                    sc_denial_item_get_first_seen  (ScDenialItem        *self);
gint64                    sc_denial_item_get_last_seen   (ScDenialItem        *self);
/* Hosts that logged the group, NULL-terminated, never NULL. */
const char * const       *sc_denial_item_get_hosts       (ScDenialItem        *self);

/* Sets the changing parts; notifies only what changed. HOSTS may be NULL
 * to keep the current list; its strings must be the store's (as the
 * loader's snapshots give them): the item keeps pointers to them. */
void                      sc_denial_item_update          (ScDenialItem        *self,
                                                          guint64              count,
                                                          gint64               first_seen_usec,
                                                          gint64               last_seen_usec,
                                                          const char * const  *hosts);

G_END_DECLS
