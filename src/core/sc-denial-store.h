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

/* A group and every string it points to belong to its store: they live
 * as long as the store (hold a reference to the store, not to the
 * denial). Suggestions are not kept (a million groups would hold a
 * gigabyte of them): sc_denial_group_dup_suggestions() computes them.
 * The kept record is compact: its details table is empty and its raw
 * text and audit id are NULL; read them with sc_denial_group_get_detail(),
 * sc_denial_group_dup_details() and sc_denial_group_dup_raw(). */
typedef struct
{
  char               *key;             /* grouping key */
  ScDenial           *denial;          /* first record of the group; never sc_denial_ref() it */
  char               *object_pattern;  /* normalised object ($HOME/…, /proc/PID/…) */
  guint64             count;
  gint64              first_seen_usec;
  gint64              last_seen_usec;
  GPtrArray          *hosts;           /* of char*, sorted, unique */
  guint               index;           /* position in the store, stable */
  /* The record's details, coded (opaque; nullable). */
  const char         *details;
} ScDenialGroup;

/* A store is written from one thread at a time (the reader hands batches
 * to the main loop). It is reference-counted (atomically), so a loader
 * thread and the items a list shows can keep it, and its groups, alive. */
typedef struct _ScDenialStore ScDenialStore;

ScDenialStore *sc_denial_store_new          (const char     *snap_name);   /* nullable: all snaps */
ScDenialStore *sc_denial_store_ref          (ScDenialStore  *store);
void           sc_denial_store_unref        (ScDenialStore  *store);
/* The same as sc_denial_store_unref(). */
void           sc_denial_store_free         (ScDenialStore  *store);
/* Returns the group the denial went into, or NULL when it was a duplicate of
 * an event already counted (same audit id) or filtered out. *IS_NEW tells
 * whether the group was created by this call. */
ScDenialGroup *sc_denial_store_add          (ScDenialStore  *store,
                                             ScDenial       *denial,
                                             gboolean       *is_new);
/* The same; SPAN (nullable) says where DENIAL's text (ScDenial.raw, which
 * must be exactly those bytes) lies in a text log. A store that keeps
 * spans (sc_denial_store_set_keep_spans()) keeps a new group's record
 * text as that place instead, and reads it again when asked. */
ScDenialGroup *sc_denial_store_add_with_span (ScDenialStore      *store,
                                              ScDenial           *denial,
                                              const ScDenialSpan *span,
                                              gboolean           *is_new);
/* Off by default. The store keeps a descriptor of each file a span was
 * kept of (rotated logs stay readable), at most 32; records of further
 * files keep their text. */
void           sc_denial_store_set_keep_spans (ScDenialStore  *store,
                                               gboolean        keep);
void           sc_denial_store_add_lost     (ScDenialStore  *store,
                                             guint64         lost);
guint64        sc_denial_store_get_lost     (ScDenialStore  *store);
GPtrArray     *sc_denial_store_get_groups   (ScDenialStore  *store);   /* of ScDenialGroup*, in creation order */
/* The group numbered INDEX (ScDenialGroup.index), which must be one the
 * store made. Unlike the array above, safe to call from another thread
 * than the one adding records, for a group that thread handed over. */
ScDenialGroup *sc_denial_store_get_group    (ScDenialStore  *store,
                                             guint           index);
/* Records counted into groups: filtered-out records and transport
 * duplicates are not included. */
guint64        sc_denial_store_get_n_records(ScDenialStore  *store);

/* At most MAX_GROUPS groups are kept (0, the default: no limit). Records of
 * further groups are counted as dropped, not as records, so that a front
 * end can say "N more groups not shown". */
void           sc_denial_store_set_max_groups       (ScDenialStore *store,
                                                     guint          max_groups);
guint          sc_denial_store_get_max_groups       (ScDenialStore *store);
guint64        sc_denial_store_get_n_dropped_groups (ScDenialStore *store);
guint64        sc_denial_store_get_n_dropped_records(ScDenialStore *store);

/* A detail of GROUP's record (see ScDenial.details), or NULL. */
const char         *sc_denial_group_get_detail      (const ScDenialGroup *group,
                                                     const char          *key);
/* All of them: a new table of strings borrowed from the store. */
GHashTable         *sc_denial_group_dup_details     (const ScDenialGroup *group);
/* The text of GROUP's record as it was read (ScDenial.raw), or NULL: when
 * none was kept, or when it was kept as its place in a log and the bytes
 * there are no longer the record's (the file was rewritten or truncated)
 * or cannot be read. */
char               *sc_denial_group_dup_raw         (const ScDenialGroup *group);
/* Whether GROUP's record had a text (ScDenial.raw): TRUE also when
 * sc_denial_group_dup_raw() can no longer read it back. */
gboolean            sc_denial_group_has_raw         (const ScDenialGroup *group);

/* The suggestions for GROUP's record, computed now; free with
 * sc_suggestion_result_free(). */
ScSuggestionResult *sc_denial_group_dup_suggestions (const ScDenialGroup *group);

/* Whether the records of GROUP are noise (snap-confine, snap-update-ns…):
 * kept in the store so a UI can show them apart. */
gboolean       sc_denial_group_is_noise     (const ScDenialGroup *group);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScDenialStore, sc_denial_store_unref)

G_END_DECLS
