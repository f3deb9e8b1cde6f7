/* sc-denial-loader.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The worker thread only reads and groups; it never touches what the main
 * loop shows. Snapshots carry the counts as they were when a batch was
 * handed over (the worker is the store's only writer), so the main loop
 * never reads a group's changing fields while the worker writes them.
 */
#define G_LOG_DOMAIN "sc-denial-loader"

#include "config.h"

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "sc-denial-loader.h"

#define BATCH_MAX_NEW_GROUPS  500
#define BATCH_MAX_USEC        (20 * 1000)
/* HACK: with a slow renderer (GL on llvmpipe, an old GPU) every frame can
 * take longer than the frame interval, and idle sources then never run: a
 * list filled from here would stay empty. Every WATCHDOG_MS, if the ready
 * idle has not run, it is raised above redrawing for one call. */
#define WATCHDOG_MS           40

struct _ScDenialLoader
{
  gint                     ref_count;

  /* set up before the worker starts */
  GMainContext            *context;
  ScJournalOptions         options;
  ScJournalReader         *reader;        /* the worker's while it runs */
  ScDenialStore           *store;

  /* worker thread only */
  GHashTable              *batch_index;   /* group → TRUE while in the batch */
  GPtrArray               *batch;         /* of ScDenialSnapshot*, creation order */
  guint                    batch_new;
  gint64                   batch_started;
  guint                    n_callbacks;

  /* shared, under mutex */
  GMutex                   mutex;
  GPtrArray               *queue;         /* of ScDenialSnapshot*, handed over */
  gboolean                 scheduled;
  GSource                 *ready_source;  /* while scheduled */
  guint64                  n_lost;
  guint64                  n_records;
  guint64                  n_dropped;

  /* main context only */
  ScDenialLoaderReadyFunc  func;
  gpointer                 func_data;
  gint64                   last_ready;
  GPtrArray               *warnings;
};

static void
snapshot_free (gpointer data)
{
  ScDenialSnapshot *snapshot = data;

  g_free (snapshot->hosts);
  g_free (snapshot);
}

ScDenialLoader *
sc_denial_loader_new (ScDenialStore          *store,
                      const ScJournalOptions *options,
                      ScJournalReader        *reader)
{
  ScDenialLoader *self;

  g_return_val_if_fail (store != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);

  self = g_new0 (ScDenialLoader, 1);
  self->ref_count = 1;
  g_mutex_init (&self->mutex);
  self->store = sc_denial_store_ref (store);
  self->reader = reader;
  self->options.type = options->type;
  self->options.path = g_strdup (options->path);
  self->options.files = g_strdupv (options->files);
  self->options.snap = g_strdup (options->snap);
  self->options.since_usec = options->since_usec;
  self->options.this_boot = options->this_boot;
  self->queue = g_ptr_array_new_with_free_func (snapshot_free);
  self->warnings = g_ptr_array_new_with_free_func (g_free);
  return self;
}

ScDenialLoader *
sc_denial_loader_ref (ScDenialLoader *loader)
{
  g_return_val_if_fail (loader != NULL, NULL);
  g_atomic_int_inc (&loader->ref_count);
  return loader;
}

void
sc_denial_loader_unref (ScDenialLoader *loader)
{
  if (loader == NULL || !g_atomic_int_dec_and_test (&loader->ref_count))
    return;

  g_clear_pointer (&loader->context, g_main_context_unref);
  sc_journal_options_clear (&loader->options);
  g_clear_pointer (&loader->reader, sc_journal_reader_free);
  g_clear_pointer (&loader->store, sc_denial_store_unref);
  g_clear_pointer (&loader->batch_index, g_hash_table_unref);
  g_clear_pointer (&loader->batch, g_ptr_array_unref);
  g_clear_pointer (&loader->queue, g_ptr_array_unref);
  g_clear_pointer (&loader->ready_source, g_source_unref);
  g_clear_pointer (&loader->warnings, g_ptr_array_unref);
  g_mutex_clear (&loader->mutex);
  g_free (loader);
}

void
sc_denial_loader_set_ready_func (ScDenialLoader          *loader,
                                 ScDenialLoaderReadyFunc  func,
                                 gpointer                 user_data)
{
  g_return_if_fail (loader != NULL);
  loader->func = func;
  loader->func_data = user_data;
}

void
sc_denial_loader_detach (ScDenialLoader *loader)
{
  g_return_if_fail (loader != NULL);
  loader->func = NULL;
  loader->func_data = NULL;
}

/* ---- Main context ------------------------------------------------------ */

static gboolean
ready_cb (gpointer data)
{
  ScDenialLoader *self = data;

  /* Back below redrawing after a call the watchdog forced through. */
  g_source_set_priority (g_main_current_source (), G_PRIORITY_DEFAULT_IDLE);
  self->last_ready = g_get_monotonic_time ();

  if (self->func != NULL && self->func (self, self->func_data))
    return G_SOURCE_CONTINUE;

  /* Batches handed over since the function last looked keep it going. */
  g_mutex_lock (&self->mutex);
  if (self->func != NULL && self->queue->len > 0)
    {
      g_mutex_unlock (&self->mutex);
      return G_SOURCE_CONTINUE;
    }
  self->scheduled = FALSE;
  g_clear_pointer (&self->ready_source, g_source_unref);
  g_mutex_unlock (&self->mutex);
  return G_SOURCE_REMOVE;
}

static void
schedule_locked (ScDenialLoader *self)
{
  GSource *source;

  if (self->scheduled || self->context == NULL)
    return;

  self->scheduled = TRUE;
  source = g_idle_source_new ();
  /* Below redrawing and layout, so frames keep coming while we load. */
  g_source_set_priority (source, G_PRIORITY_DEFAULT_IDLE);
  g_source_set_callback (source, ready_cb, sc_denial_loader_ref (self),
                         (GDestroyNotify) sc_denial_loader_unref);
  g_source_set_static_name (source, "[sc-denial-loader] ready");
  g_source_attach (source, self->context);
  g_clear_pointer (&self->ready_source, g_source_unref);
  self->ready_source = source;  /* keeps the reference */
}

void
sc_denial_loader_schedule (ScDenialLoader *loader)
{
  g_return_if_fail (loader != NULL);

  g_mutex_lock (&loader->mutex);
  schedule_locked (loader);
  g_mutex_unlock (&loader->mutex);
}

static gboolean
watchdog_cb (gpointer data)
{
  ScDenialLoader *self = data;
  gint64 now = g_get_monotonic_time ();

  if (self->func == NULL)
    return G_SOURCE_REMOVE;

  g_mutex_lock (&self->mutex);
  if (self->ready_source != NULL && now - self->last_ready > WATCHDOG_MS * 1000)
    g_source_set_priority (self->ready_source, G_PRIORITY_DEFAULT);
  g_mutex_unlock (&self->mutex);
  return G_SOURCE_CONTINUE;
}

GPtrArray *
sc_denial_loader_take_batch (ScDenialLoader *loader,
                             guint64        *n_lost,
                             guint64        *n_records,
                             guint64        *n_dropped)
{
  GPtrArray *taken = NULL;

  g_return_val_if_fail (loader != NULL, NULL);

  g_mutex_lock (&loader->mutex);
  if (n_lost != NULL)
    *n_lost = loader->n_lost;
  if (n_records != NULL)
    *n_records = loader->n_records;
  if (n_dropped != NULL)
    *n_dropped = loader->n_dropped;
  if (loader->queue->len > 0)
    {
      taken = g_steal_pointer (&loader->queue);
      loader->queue = g_ptr_array_new_with_free_func (snapshot_free);
    }
  g_mutex_unlock (&loader->mutex);
  return taken;
}

/* ---- Worker thread ------------------------------------------------------ */

/* Hands the groups touched since the last flush to the main loop, with
 * their counts as they are now. */
static void
flush_batch (ScDenialLoader *self)
{
  guint64 lost = sc_denial_store_get_lost (self->store);
  guint64 records = sc_denial_store_get_n_records (self->store);
  guint64 dropped = sc_denial_store_get_n_dropped_groups (self->store);

  for (guint i = 0; i < self->batch->len; i++)
    {
      ScDenialSnapshot *snapshot = g_ptr_array_index (self->batch, i);
      ScDenialGroup *group = snapshot->group;

      snapshot->count = group->count;
      snapshot->first_seen = group->first_seen_usec;
      snapshot->last_seen = group->last_seen_usec;
      if (group->hosts != NULL && group->hosts->len > 0)
        {
          /* The host names live in the store as long as it does. */
          snapshot->hosts = g_new0 (const char *, group->hosts->len + 1);
          for (guint h = 0; h < group->hosts->len; h++)
            snapshot->hosts[h] = g_ptr_array_index (group->hosts, h);
        }
    }

  g_mutex_lock (&self->mutex);
  g_ptr_array_extend_and_steal (self->queue, g_steal_pointer (&self->batch));
  self->n_lost = lost;
  self->n_records = records;
  self->n_dropped = dropped;
  schedule_locked (self);
  g_mutex_unlock (&self->mutex);

  self->batch = g_ptr_array_new ();
  g_hash_table_remove_all (self->batch_index);
  self->batch_new = 0;
  self->batch_started = g_get_monotonic_time ();
}

static void
record_cb (ScDenial *denial,
           guint64   lost,
           gpointer  user_data)
{
  ScDenialLoader *self = user_data;

  if (lost > 0)
    sc_denial_store_add_lost (self->store, lost);

  if (denial != NULL)
    {
      gboolean is_new = FALSE;
      ScDenialSpan span;
      gboolean has_span = self->reader != NULL && sc_journal_reader_get_record_span (self->reader, &span);
      ScDenialGroup *group = sc_denial_store_add_with_span (self->store, denial,
                                                            has_span ? &span : NULL, &is_new);

      if (group != NULL && g_hash_table_add (self->batch_index, group))
        {
          ScDenialSnapshot *snapshot = g_new0 (ScDenialSnapshot, 1);

          snapshot->group = group;
          snapshot->is_new = is_new;
          g_ptr_array_add (self->batch, snapshot);
          if (is_new)
            self->batch_new++;
        }
    }

  /* Checking the clock every record would cost more than the grouping. */
  if (self->batch_new >= BATCH_MAX_NEW_GROUPS ||
      (++self->n_callbacks % 64 == 0 &&
       g_get_monotonic_time () - self->batch_started >= BATCH_MAX_USEC))
    flush_batch (self);
}

static gboolean
run (ScDenialLoader  *self,
     GCancellable    *cancellable,
     GError         **error)
{
  gboolean ok;

  self->batch_index = g_hash_table_new (NULL, NULL);
  self->batch = g_ptr_array_new ();
  self->batch_started = g_get_monotonic_time ();

  if (self->reader == NULL)
    {
      self->reader = sc_journal_reader_new (&self->options, error);
      if (self->reader == NULL)
        return FALSE;
    }

  ok = sc_journal_reader_read (self->reader, record_cb, self, cancellable, error);
  flush_batch (self);
  return ok;
}

static void
run_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  ScDenialLoader *self = task_data;
  g_autoptr(GError) error = NULL;
  pid_t tid = (pid_t) syscall (SYS_gettid);
  int old_nice = getpriority (PRIO_PROCESS, (id_t) tid);

  /* Reading is background work: on a small machine the window must get
   * the CPU first (Linux applies nice values per thread). */
  setpriority (PRIO_PROCESS, (id_t) tid, 10);
  if (run (self, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
  setpriority (PRIO_PROCESS, (id_t) tid, old_nice);
}

void
sc_denial_loader_run_async (ScDenialLoader      *loader,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (loader != NULL);
  g_return_if_fail (loader->context == NULL);

  loader->context = g_main_context_ref_thread_default ();
  loader->last_ready = g_get_monotonic_time ();
  {
    GSource *watchdog = g_timeout_source_new (WATCHDOG_MS);

    g_source_set_callback (watchdog, watchdog_cb, sc_denial_loader_ref (loader),
                           (GDestroyNotify) sc_denial_loader_unref);
    g_source_set_static_name (watchdog, "[sc-denial-loader] watchdog");
    g_source_attach (watchdog, loader->context);
    g_source_unref (watchdog);
  }

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, sc_denial_loader_run_async);
  g_task_set_task_data (task, sc_denial_loader_ref (loader), (GDestroyNotify) sc_denial_loader_unref);
  g_task_run_in_thread (task, run_thread);
}

gboolean
sc_denial_loader_run_finish (ScDenialLoader  *loader,
                             GAsyncResult    *result,
                             GError         **error)
{
  g_return_val_if_fail (loader != NULL, FALSE);
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  if (loader->reader != NULL)
    {
      GPtrArray *warnings = sc_journal_reader_get_warnings (loader->reader);

      g_ptr_array_set_size (loader->warnings, 0);
      for (guint i = 0; warnings != NULL && i < warnings->len; i++)
        g_ptr_array_add (loader->warnings, g_strdup (g_ptr_array_index (warnings, i)));
    }
  return g_task_propagate_boolean (G_TASK (result), error);
}

ScJournalReader *
sc_denial_loader_steal_reader (ScDenialLoader *loader)
{
  g_return_val_if_fail (loader != NULL, NULL);
  return g_steal_pointer (&loader->reader);
}

GPtrArray *
sc_denial_loader_get_warnings (ScDenialLoader *loader)
{
  g_return_val_if_fail (loader != NULL, NULL);
  return loader->warnings;
}
