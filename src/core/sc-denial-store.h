/* sc-denial-store.h
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Groups denials: one entry per (snap, app/hook, kind, operation,
 * normalised object, permissions, mode) with count, first/last time and
 * hosts; the same event seen through two transports counts once.
 */
#pragma once

#include "sc-denial.h"
#include "sc-suggestion-rules.h"

G_BEGIN_DECLS

typedef struct
{
  char               *key;             /* grouping key */
  ScDenial           *denial;          /* first record of the group (ref) */
  char               *object_pattern;  /* normalised object ($HOME/…, /proc/PID/…) */
  guint64             count;
  gint64              first_seen_usec;
  gint64              last_seen_usec;
  GPtrArray          *hosts;           /* of char*, sorted, unique */
  ScSuggestionResult *suggestions;     /* computed once per group */
  guint               index;           /* position in the store, stable */
} ScDenialGroup;

/* A store is used from one thread at a time (the reader hands batches to
 * the main loop). */
typedef struct _ScDenialStore ScDenialStore;

ScDenialStore *sc_denial_store_new          (const char     *snap_name);   /* nullable: all snaps */
void           sc_denial_store_free         (ScDenialStore  *store);
/* Returns the group the denial went into, or NULL when it was a duplicate of
 * an event already counted (same audit id) or filtered out. *IS_NEW tells
 * whether the group was created by this call. */
ScDenialGroup *sc_denial_store_add          (ScDenialStore  *store,
                                             ScDenial       *denial,
                                             gboolean       *is_new);
void           sc_denial_store_add_lost     (ScDenialStore  *store,
                                             guint64         lost);
guint64        sc_denial_store_get_lost     (ScDenialStore  *store);
GPtrArray     *sc_denial_store_get_groups   (ScDenialStore  *store);   /* of ScDenialGroup*, in creation order */
/* Records counted into groups: filtered-out records and transport
 * duplicates are not included. */
guint64        sc_denial_store_get_n_records(ScDenialStore  *store);

/* Whether the records of GROUP are noise (snap-confine, snap-update-ns…):
 * kept in the store so a UI can show them apart. */
gboolean       sc_denial_group_is_noise     (const ScDenialGroup *group);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScDenialStore, sc_denial_store_free)

G_END_DECLS
