/* sc-denial-loader.h
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads a source into an ScDenialStore in a worker thread and hands the
 * groups it touched to the main loop in batches (every 20 ms or 500 new
 * groups), as snapshots of their changing parts, so that a front end can
 * show first rows while the rest loads. The reader (sc-journal-reader) is
 * used as it is: whatever it streams, the loader passes on.
 */
#pragma once

#include <gio/gio.h>

#include "sc-denial-store.h"
#include "sc-journal-reader.h"

G_BEGIN_DECLS

/* A group as the worker saw it when it handed the batch over. */
typedef struct
{
  ScDenialGroup *group;       /* borrowed from the store */
  guint64        count;
  gint64         first_seen;
  gint64         last_seen;
  const char   **hosts;       /* nullable; the strings are the store's */
  gboolean       is_new;      /* created in this batch */
} ScDenialSnapshot;

typedef struct _ScDenialLoader ScDenialLoader;

/* Called on the main context of sc_denial_loader_run_async() when batches
 * wait, below redrawing (G_PRIORITY_DEFAULT_IDLE; raised for one call when
 * frames left it no time for 40 ms). Return TRUE to be called again. */
typedef gboolean (*ScDenialLoaderReadyFunc) (ScDenialLoader *loader,
                                             gpointer        user_data);

/* Reads OPTIONS (a copy is kept) into STORE; READER (nullable, taken) is
 * used instead of opening the source again, e.g. to follow on from where
 * an earlier read stopped. */
ScDenialLoader   *sc_denial_loader_new          (ScDenialStore           *store,
                                                 const ScJournalOptions  *options,
                                                 ScJournalReader         *reader);
ScDenialLoader   *sc_denial_loader_ref          (ScDenialLoader          *loader);
void              sc_denial_loader_unref        (ScDenialLoader          *loader);

void              sc_denial_loader_set_ready_func (ScDenialLoader        *loader,
                                                   ScDenialLoaderReadyFunc func,
                                                   gpointer               user_data);
/* Stops calling the ready function (for a loader whose results are no
 * longer wanted; cancel its GCancellable too). */
void              sc_denial_loader_detach       (ScDenialLoader          *loader);

void              sc_denial_loader_run_async    (ScDenialLoader          *loader,
                                                 GCancellable            *cancellable,
                                                 GAsyncReadyCallback      callback,
                                                 gpointer                 user_data);
/* After the last batch was handed over. The reader's warnings are then in
 * sc_denial_loader_get_warnings(). */
gboolean          sc_denial_loader_run_finish   (ScDenialLoader          *loader,
                                                 GAsyncResult            *result,
                                                 GError                 **error);

/* The batches handed over since the last call, as one array of
 * ScDenialSnapshot* in order (owned), or NULL when none wait. The
 * store's counts as of the last batch go to the (nullable) pointers. */
GPtrArray        *sc_denial_loader_take_batch   (ScDenialLoader          *loader,
                                                 guint64                 *n_lost,
                                                 guint64                 *n_records,
                                                 guint64                 *n_dropped);
/* Asks for a call of the ready function even without a new batch. */
void              sc_denial_loader_schedule     (ScDenialLoader          *loader);

/* The reader, once the run finished (for following); NULL if it failed to
 * open. Owned. */
ScJournalReader  *sc_denial_loader_steal_reader (ScDenialLoader          *loader);
/* Notes of the reader at the end of the run (of char*), never NULL. */
GPtrArray        *sc_denial_loader_get_warnings (ScDenialLoader          *loader);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScDenialLoader, sc_denial_loader_unref)

G_END_DECLS
