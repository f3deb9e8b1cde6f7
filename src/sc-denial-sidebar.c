/* sc-denial-sidebar.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Loading never blocks the window: the core's loader (sc-denial-loader.c)
 * reads the source in a worker thread, groups records in an ScDenialStore,
 * and hands snapshots of the groups it touched to the main loop in batches
 * (every 20 ms or 500 new groups). This widget applies them under a time
 * budget, so a source with 100,000 groups fills the list while the window
 * keeps drawing.
 *
 * The GListStore is kept sorted here (binary search, insertion of runs)
 * rather than behind a GtkSortListModel: in GTK 4.8 that model reports a
 * change of the whole list whenever new items sort to the front (the
 * newest denials do), which makes the list view start over on every
 * batch, about 100 ms each with 100,000 rows.
 * Follow mode watches the reader's fd and runs the same worker again for
 * the new records.
 */

#define G_LOG_DOMAIN "sc-denial-sidebar"

#include "config.h"

#include <glib/gi18n.h>
#include <glib-unix.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "sc-denial-item.h"
#include "sc-denial-loader.h"
#include "sc-denial-row.h"
#include "sc-denial-sidebar.h"
#include "sc-denial-source.h"
#include "sc-utils.h"

/* How long one main-loop dispatch may spend applying batches. */
#define APPLY_BUDGET_USEC     (6 * 1000)
#define TICK_SECONDS          30
/* GTK 4.8's list view keeps up to 200 rows bound, and rebinds all of them
 * when at least that many items land above them. While the rows are being
 * created (a new row costs template, style and layout work) they are
 * added two per dispatch, which keeps each under about 20 ms; after that,
 * new groups found by a long first read are put in the list at most every
 * 150 ms, at most 2000 at a time. */
#define ROW_WINDOW            200
#define ROW_RAMP_ITEMS        2
#define INSERT_MAX_ITEMS      2000
#define INSERT_INTERVAL_USEC  (150 * 1000)
/* While the first read runs, new groups are held back (and counted on the
 * loading page) for up to 5 s: a log read in time order would put every
 * batch at the top, where each insertion rebinds and restyles all 200
 * rows. Afterwards they are put in newest first, which only ever appends
 * below the rows already shown. */
#define HOLD_USEC             (5 * G_USEC_PER_SEC)
#define APPEND_MAX_ITEMS      5000

typedef enum
{
  FLUSH_HOLD,         /* first read running: keep everything pending */
  FLUSH_THROTTLED,    /* first read running for long: insert every 150 ms */
  FLUSH_NOW,          /* read done, or following: insert */
} FlushMode;

/* ---- Loading job ------------------------------------------------------ */

/* One run of the core's loader (src/core/sc-denial-loader.c: the worker
 * thread) as this widget applies it. */
typedef struct
{
  ScDenialSidebar  *sidebar;       /* NULL once stale */
  ScDenialLoader   *loader;
  gboolean          initial;       /* first read of the source, not a follow read */
  gint64            started;       /* monotonic */
  GPtrArray        *applying;      /* taken from the loader, applied under budget */
  guint             applying_pos;
  gboolean          done;
  GError           *error;
} LoadJob;

static void
load_job_clear (gpointer data)
{
  LoadJob *job = data;

  g_assert (job->sidebar == NULL);
  g_clear_pointer (&job->loader, sc_denial_loader_unref);
  g_clear_pointer (&job->applying, g_ptr_array_unref);
  g_clear_error (&job->error);
}

static LoadJob *
load_job_ref (LoadJob *job)
{
  return g_atomic_rc_box_acquire (job);
}

static void
load_job_unref (LoadJob *job)
{
  g_atomic_rc_box_release_full (job, load_job_clear);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoadJob, load_job_unref)

struct _ScDenialSidebar
{
  GtkWidget           parent_instance;

  /* template widgets */
  GtkWidget          *source_button;
  GtkLabel           *source_label;
  GtkImage           *source_icon;
  GtkSwitch          *follow_switch;
  GtkRevealer        *lost_revealer;
  GtkLabel           *lost_title;
  GtkRevealer        *notes_revealer;
  GtkLabel           *notes_label;
  GtkStack           *stack;
  GtkListView        *list_view;
  AdwStatusPage      *empty_page;
  AdwStatusPage      *error_page;
  GtkSpinner         *spinner;
  GtkLabel           *loading_label;
  GtkSpinner         *status_spinner;
  GtkLabel           *status_label;
  GtkButton          *project_log_button;

  /* owned */
  ScProject          *project;
  ScDenialPlan       *plan;            /* what the cards' Add buttons plan into */
  ScJournalOptions    options;
  GListStore         *items;           /* of ScDenialItem, kept sorted by sort_func() */
  GHashTable         *by_group;        /* ScDenialGroup* → ScDenialItem* (borrowed) */
  GHashTable         *pending_set;     /* items created but not inserted yet */
  GtkCustomFilter    *filter;
  GtkFilterListModel *filter_model;
  GHashTable         *ignored;         /* key → key */
  GStrv               ignored_strv;
  GHashTable         *bound_rows;      /* ScDenialRow* set */
  ScDenialStore      *store;
  ScJournalReader    *reader;          /* when no job is running */
  LoadJob            *job;
  GCancellable       *cancellable;
  GSource            *fd_source;
  GPtrArray          *pending_new;     /* of ScDenialItem, inserted at the end of a dispatch */
  char               *sort_by;
  char               *source_problem;  /* why the system journal shows nothing, nullable */
  char               *project_log;     /* the project's own log of denials, nullable */
  char               *paste_path;      /* the file pasted records were saved to, nullable */

  guint               tick_id;
  guint               flush_id;
  gint64              last_insert;
  guint64             n_lost;
  guint64             lost_dismissed;  /* n_lost when the warning was dismissed */
  guint64             n_dropped;       /* groups left out beyond max_groups */
  guint               max_groups;
  guint64             n_records;
  gboolean            follow;
  gboolean            show_noise;
  gboolean            since_install;   /* only what the installed revision was refused */
  ScSnapdSnap        *installed;       /* this machine's snapd's view of the snap, nullable */
  gboolean            loading;
  gboolean            have_source;
};

G_DEFINE_FINAL_TYPE (ScDenialSidebar, sc_denial_sidebar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_FOLLOW,
  PROP_IGNORED,
  PROP_SHOW_NOISE,
  PROP_SORT_BY,
  PROP_LOADING,
  PROP_SINCE_INSTALL,
  N_PROPS
};

enum {
  ADD_PLUG,
  ADD_TOAST,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* The handler takes the reference, as adw_toast_overlay_add_toast() does;
 * without one the toast is dropped. */
static void
emit_toast (ScDenialSidebar *self,
            AdwToast        *toast)
{
  if (!g_signal_has_handler_pending (self, signals[ADD_TOAST], 0, TRUE))
    {
      g_object_unref (toast);
      return;
    }
  g_signal_emit (self, signals[ADD_TOAST], 0, toast);
}

static void start_job      (ScDenialSidebar *self,
                            gboolean         initial);
static void update_follow  (ScDenialSidebar *self);
static void update_status  (ScDenialSidebar *self);

/* ---- Applying batches on the main thread ------------------------------ */

static void
schedule_apply (ScDenialSidebar *self)
{
  if (self->job != NULL)
    sc_denial_loader_schedule (self->job->loader);
}

static gboolean
item_visible (ScDenialSidebar *self,
              ScDenialItem    *item)
{
  if (!self->show_noise && sc_denial_item_get_noise (item))
    return FALSE;
  if (g_hash_table_contains (self->ignored, sc_denial_item_get_key (item)))
    return FALSE;
  if (self->since_install && self->installed != NULL && self->installed->install_usec > 0 &&
      sc_denial_item_get_last_seen (item) < self->installed->install_usec)
    return FALSE;
  return TRUE;
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  return item_visible (user_data, item);
}

static int
compare_int64_desc (gint64 a,
                    gint64 b)
{
  return a > b ? -1 : a < b ? 1 : 0;
}

static int
sort_func (gconstpointer a,
           gconstpointer b,
           gpointer      user_data)
{
  ScDenialSidebar *self = user_data;
  ScDenialItem *item_a = (ScDenialItem *) a;
  ScDenialItem *item_b = (ScDenialItem *) b;
  int cmp;

  if (g_strcmp0 (self->sort_by, "count") == 0)
    {
      guint64 ca = sc_denial_item_get_count (item_a);
      guint64 cb = sc_denial_item_get_count (item_b);

      cmp = ca > cb ? -1 : ca < cb ? 1 : 0;
      if (cmp == 0)
        cmp = compare_int64_desc (sc_denial_item_get_last_seen (item_a),
                                  sc_denial_item_get_last_seen (item_b));
    }
  else
    {
      cmp = compare_int64_desc (sc_denial_item_get_last_seen (item_a),
                                sc_denial_item_get_last_seen (item_b));
    }

  /* Stable for equal keys: the order the groups were first seen. */
  if (cmp == 0)
    {
      guint ia = sc_denial_item_get_group (item_a)->index;
      guint ib = sc_denial_item_get_group (item_b)->index;

      cmp = ia < ib ? -1 : ia > ib ? 1 : 0;
    }

  return cmp;
}

/* The first position in the (sorted) store whose item sorts after ITEM. */
static guint
upper_bound (ScDenialSidebar *self,
             ScDenialItem    *item)
{
  GListModel *model = G_LIST_MODEL (self->items);
  guint lo = 0, hi = g_list_model_get_n_items (model);

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      g_autoptr(ScDenialItem) other = g_list_model_get_item (model, mid);

      if (sort_func (other, item, self) <= 0)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

static int
sort_func_indirect (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  return sort_func (*(gpointer const *) a, *(gpointer const *) b, user_data);
}


typedef struct
{
  gint64        primary;     /* larger sorts first */
  gint64        secondary;
  guint         index;       /* smaller sorts first */
  ScDenialItem *item;
} SortKey;

static int
sort_key_compare (gconstpointer a,
                  gconstpointer b)
{
  const SortKey *ka = a;
  const SortKey *kb = b;

  if (ka->primary != kb->primary)
    return ka->primary > kb->primary ? -1 : 1;
  if (ka->secondary != kb->secondary)
    return ka->secondary > kb->secondary ? -1 : 1;
  return ka->index < kb->index ? -1 : ka->index > kb->index ? 1 : 0;
}

/* The pending list can hold tens of thousands of items while the first
 * read runs ahead of the list, and a flush inserts at most LIMIT of them:
 * only those are put first, in the order sort_func() defines (the rest
 * follow in no order, and are sorted when their turn comes). Sorting
 * plain keys, and selecting before sorting, keeps each flush a few
 * milliseconds: sorting all 100,000 took 35 ms of the main loop. */
static void
sort_pending (ScDenialSidebar *self,
              guint            limit)
{
  guint n = self->pending_new->len;
  gboolean by_count = g_strcmp0 (self->sort_by, "count") == 0;
  g_autofree SortKey *keys = g_new (SortKey, n);

  for (guint i = 0; i < n; i++)
    {
      ScDenialItem *item = g_ptr_array_index (self->pending_new, i);
      gint64 last_seen = sc_denial_item_get_last_seen (item);

      keys[i].item = item;
      keys[i].index = sc_denial_item_get_group (item)->index;
      if (by_count)
        {
          keys[i].primary = (gint64) MIN (sc_denial_item_get_count (item), (guint64) G_MAXINT64);
          keys[i].secondary = last_seen;
        }
      else
        {
          keys[i].primary = last_seen;
          keys[i].secondary = 0;
        }
    }

  sc_select_first (keys, n, sizeof (SortKey), limit, sort_key_compare);
  qsort (keys, MIN (limit, n), sizeof (SortKey), sort_key_compare);
  for (guint i = 0; i < n; i++)
    self->pending_new->pdata[i] = keys[i].item;
}

static gboolean
flush_timeout_cb (gpointer user_data)
{
  ScDenialSidebar *self = user_data;

  self->flush_id = 0;
  schedule_apply (self);
  return G_SOURCE_REMOVE;
}

/* Inserts pending items at their sorted places, one splice per run of
 * neighbours (loading in time order puts a whole batch at the top in a
 * single change). Returns TRUE when nothing is left pending; otherwise a
 * later dispatch has been arranged. */
static gboolean
flush_pending_new (ScDenialSidebar *self,
                   FlushMode        mode)
{
  GListModel *model = G_LIST_MODEL (self->items);
  guint n_store = g_list_model_get_n_items (model);
  guint n = self->pending_new->len;
  gint64 now = g_get_monotonic_time ();
  g_autofree guint *pos = NULL;
  guint limit = n;
  guint end;
  gboolean at_top;

  if (n == 0)
    return TRUE;

  if (mode == FLUSH_HOLD)
    return FALSE;   /* the job's next batch or its end calls again */

  if (n_store < ROW_WINDOW)
    limit = MIN (n, ROW_RAMP_ITEMS);
  else if (mode == FLUSH_THROTTLED && now - self->last_insert < INSERT_INTERVAL_USEC)
    limit = 0;
  else if (mode == FLUSH_THROTTLED)
    limit = MIN (n, INSERT_MAX_ITEMS);
  else
    limit = MIN (n, APPEND_MAX_ITEMS);

  if (limit == 0)
    {
      if (self->flush_id == 0)
        /* Default priority: it only schedules the apply idle, and must not
         * starve behind slow frames. */
        self->flush_id = g_timeout_add_full (G_PRIORITY_DEFAULT,
                                             (INSERT_INTERVAL_USEC - (now - self->last_insert)) / 1000 + 1,
                                             flush_timeout_cb, self, NULL);
      return FALSE;
    }

  sort_pending (self, limit);

  /* Positions never decrease along the sorted batch: start each search
   * where the previous one ended, and check that spot first. */
  pos = g_new (guint, limit);
  for (guint i = 0; i < limit; i++)
    {
      ScDenialItem *item = g_ptr_array_index (self->pending_new, i);
      guint lo = i > 0 ? pos[i - 1] : 0;
      guint hi = n_store;

      if (lo < hi)
        {
          g_autoptr(ScDenialItem) at = g_list_model_get_item (model, lo);

          if (sort_func (at, item, self) > 0)
            hi = lo;
        }
      while (lo < hi)
        {
          guint mid = lo + (hi - lo) / 2;
          g_autoptr(ScDenialItem) other = g_list_model_get_item (model, mid);

          if (sort_func (other, item, self) <= 0)
            lo = mid + 1;
          else
            hi = mid;
        }
      pos[i] = lo;
    }

  {
    GtkAdjustment *vadj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->list_view));
    at_top = vadj == NULL || gtk_adjustment_get_value (vadj) <= 0.0;
  }

  /* From the end, so that earlier positions stay valid. */
  end = limit;
  while (end > 0)
    {
      guint start = end - 1;

      while (start > 0 && pos[start - 1] == pos[end - 1])
        start--;
      g_list_store_splice (self->items, pos[start], 0,
                           self->pending_new->pdata + start, end - start);
      end = start;
    }

  for (guint i = 0; i < limit; i++)
    g_hash_table_remove (self->pending_set, g_ptr_array_index (self->pending_new, i));
  g_ptr_array_remove_range (self->pending_new, 0, limit);
  self->last_insert = now;

  /* The list view keeps showing the rows it showed; someone watching the
   * top wants to see the newest denials arrive instead. */
  if (at_top && pos[0] == 0)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", 0);

  if (self->pending_new->len == 0)
    return TRUE;

  if (self->flush_id == 0)
    /* Default priority: it only schedules the apply idle, and must not
         * starve behind slow frames. */
        self->flush_id = g_timeout_add_full (G_PRIORITY_DEFAULT,
                                         n_store + limit < ROW_WINDOW ? 16
                                         : mode == FLUSH_THROTTLED ? INSERT_INTERVAL_USEC / 1000 : 0,
                                         flush_timeout_cb, self, NULL);
  return FALSE;
}

/* Finds ITEM in the sorted store; its sort key must not have changed since
 * it was placed. */
static gboolean
find_position (ScDenialSidebar *self,
               ScDenialItem    *item,
               guint           *position)
{
  guint pos = upper_bound (self, item);
  g_autoptr(ScDenialItem) found = NULL;

  if (pos == 0)
    return FALSE;
  found = g_list_model_get_item (G_LIST_MODEL (self->items), pos - 1);
  if (found != item)
    return FALSE;
  *position = pos - 1;
  return TRUE;
}

static gboolean
in_place (ScDenialSidebar *self,
          ScDenialItem    *item,
          guint            position)
{
  GListModel *model = G_LIST_MODEL (self->items);
  guint n = g_list_model_get_n_items (model);

  if (position > 0)
    {
      g_autoptr(ScDenialItem) before = g_list_model_get_item (model, position - 1);
      if (sort_func (before, item, self) > 0)
        return FALSE;
    }
  if (position + 1 < n)
    {
      g_autoptr(ScDenialItem) after = g_list_model_get_item (model, position + 1);
      if (sort_func (item, after, self) > 0)
        return FALSE;
    }
  return TRUE;
}

static void
apply_snapshot (ScDenialSidebar  *self,
                ScDenialSnapshot *snapshot)
{
  ScDenialItem *item;
  guint position;

  if (snapshot->is_new)
    {
      item = sc_denial_item_new (self->store, snapshot->group);
      sc_denial_item_update (item, snapshot->count, snapshot->first_seen, snapshot->last_seen,
                             (const char * const *) snapshot->hosts);
      g_ptr_array_add (self->pending_new, item);
      g_hash_table_add (self->pending_set, item);
      g_hash_table_insert (self->by_group, snapshot->group, item);
      return;
    }

  item = g_hash_table_lookup (self->by_group, snapshot->group);
  if (item == NULL)
    return;

  if (g_hash_table_contains (self->pending_set, item))
    {
      sc_denial_item_update (item, snapshot->count, snapshot->first_seen, snapshot->last_seen,
                             (const char * const *) snapshot->hosts);
      return;
    }

  if (!find_position (self, item, &position))
    {
      g_warn_if_reached ();
      return;
    }

  g_object_ref (item);
  sc_denial_item_update (item, snapshot->count, snapshot->first_seen, snapshot->last_seen,
                         (const char * const *) snapshot->hosts);

  /* A group seen again usually moves to the top (sorted by last seen). */
  if (!in_place (self, item, position))
    {
      g_list_store_remove (self->items, position);
      g_list_store_insert (self->items, upper_bound (self, item), item);
    }
  g_object_unref (item);
}

static void
resort (ScDenialSidebar *self)
{
  GListModel *model = G_LIST_MODEL (self->items);
  guint n = g_list_model_get_n_items (model);
  g_autoptr(GPtrArray) all = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (all, g_list_model_get_item (model, i));
  g_ptr_array_sort_with_data (all, (GCompareDataFunc) sort_func_indirect, self);
  g_list_store_splice (self->items, 0, n, all->pdata, n);
}

static void
finish_job (ScDenialSidebar *self,
            LoadJob         *job)
{
  g_autoptr(LoadJob) owned = g_steal_pointer (&self->job);

  g_assert (owned == job);
  job->sidebar = NULL;
  sc_denial_loader_detach (job->loader);

  /* Take the reader back for following; a failed open leaves none. */
  g_clear_pointer (&self->reader, sc_journal_reader_free);
  self->reader = sc_denial_loader_steal_reader (job->loader);

  self->loading = FALSE;
  gtk_spinner_stop (self->spinner);
  gtk_spinner_stop (self->status_spinner);
  gtk_widget_set_visible (GTK_WIDGET (self->status_spinner), FALSE);

  if (sc_denial_loader_get_warnings (job->loader)->len > 0)
    {
      GPtrArray *warnings = sc_denial_loader_get_warnings (job->loader);
      g_autoptr(GString) notes = g_string_new (NULL);

      for (guint i = 0; i < warnings->len; i++)
        {
          if (i > 0)
            g_string_append_c (notes, '\n');
          g_string_append (notes, g_ptr_array_index (warnings, i));
        }
      gtk_label_set_label (self->notes_label, notes->str);
      gtk_revealer_set_reveal_child (self->notes_revealer, TRUE);
    }

  if (job->error != NULL)
    {
      if (g_error_matches (job->error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          /* Nothing to say: a newer load replaced this one. */
        }
      else if (job->initial)
        {
          g_autofree char *description = NULL;

          if (g_error_matches (job->error, SC_JOURNAL_ERROR, SC_JOURNAL_ERROR_PERMISSION))
            {
              adw_status_page_set_title (self->error_page, _("No Permission to Read the Journal"));
              description = g_strdup_printf ("%s\n\n%s", job->error->message,
                                             _("Add yourself to the “systemd-journal” group "
                                               "(“adm” on Debian and Ubuntu) with "
                                               "“sudo usermod -aG systemd-journal $USER”, "
                                               "then log out and back in."));
            }
          else
            {
              adw_status_page_set_title (self->error_page, _("Cannot Read Denials"));
              description = g_strdup (job->error->message);
            }
          adw_status_page_set_description (self->error_page, description);
          gtk_stack_set_visible_child_name (self->stack, "error");
        }
      else
        {
          emit_toast (self, adw_toast_new (job->error->message));
        }
    }

  update_status (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
  update_follow (self);
}

static FlushMode
flush_mode (LoadJob *job)
{
  if (!job->initial || job->done)
    return FLUSH_NOW;
  if (g_get_monotonic_time () - job->started < HOLD_USEC)
    return FLUSH_HOLD;
  return FLUSH_THROTTLED;
}

static gboolean
apply_cb (ScDenialLoader *loader,
          gpointer        data)
{
  LoadJob *job = data;
  ScDenialSidebar *self = job->sidebar;
  gint64 deadline = g_get_monotonic_time () + APPLY_BUDGET_USEC;
  guint n = 0;

  if (self == NULL)
    return FALSE;

  for (;;)
    {
      if (job->applying == NULL || job->applying_pos >= job->applying->len)
        {
          g_clear_pointer (&job->applying, g_ptr_array_unref);
          job->applying_pos = 0;
          job->applying = sc_denial_loader_take_batch (loader, &self->n_lost, &self->n_records,
                                                       &self->n_dropped);
          if (job->applying == NULL)
            {
              if (flush_pending_new (self, flush_mode (job)) && job->done)
                finish_job (self, job);
              else
                update_status (self);
              return FALSE;
            }
        }

      apply_snapshot (self, g_ptr_array_index (job->applying, job->applying_pos++));

      if (++n % 32 == 0 && g_get_monotonic_time () >= deadline)
        break;
    }

  flush_pending_new (self, flush_mode (job));
  update_status (self);
  return TRUE;
}

static void
load_done_cb (GObject      *source_object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(LoadJob) job = user_data;
  g_autoptr(GError) error = NULL;

  sc_denial_loader_run_finish (job->loader, result, &error);
  job->error = g_steal_pointer (&error);
  job->done = TRUE;

  /* The last batches may still wait: apply_cb finishes the job after
   * them, in order. */
  sc_denial_loader_schedule (job->loader);
}

static void
cancel_job (ScDenialSidebar *self)
{
  g_clear_handle_id (&self->flush_id, g_source_remove);
  if (self->job != NULL)
    {
      self->job->sidebar = NULL;
      sc_denial_loader_detach (self->job->loader);
      g_clear_pointer (&self->job, load_job_unref);
    }
  if (self->cancellable != NULL)
    {
      g_cancellable_cancel (self->cancellable);
      g_clear_object (&self->cancellable);
    }
}

static void
start_job (ScDenialSidebar *self,
           gboolean         initial)
{
  LoadJob *job;

  g_assert (self->job == NULL);

  job = g_atomic_rc_box_new0 (LoadJob);
  job->sidebar = self;
  job->initial = initial;
  job->started = g_get_monotonic_time ();
  job->loader = sc_denial_loader_new (self->store, &self->options,
                                      g_steal_pointer (&self->reader));
  /* The job lives as long as the loader calls back. */
  sc_denial_loader_set_ready_func (job->loader, apply_cb, job);

  self->job = job;
  if (self->cancellable == NULL)
    self->cancellable = g_cancellable_new ();

  self->loading = TRUE;
  gtk_widget_set_visible (GTK_WIDGET (self->status_spinner), TRUE);
  gtk_spinner_start (self->status_spinner);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);

  sc_denial_loader_run_async (job->loader, self->cancellable, load_done_cb, load_job_ref (job));
}

/* ---- Follow ----------------------------------------------------------- */

static gboolean
reader_ready_cb (int          fd,
                 GIOCondition condition,
                 gpointer     user_data)
{
  ScDenialSidebar *self = user_data;

  if (self->reader == NULL || self->job != NULL)
    return G_SOURCE_CONTINUE;

  if (!sc_journal_reader_process (self->reader))
    return G_SOURCE_CONTINUE;

  /* The worker owns the reader until it is done; update_follow() puts the
   * watch back then. */
  g_clear_pointer (&self->fd_source, g_source_unref);
  start_job (self, FALSE);
  return G_SOURCE_REMOVE;
}

static void
update_follow (ScDenialSidebar *self)
{
  gboolean want = self->follow && self->reader != NULL && self->job == NULL;
  int fd;

  if (!want)
    {
      if (self->fd_source != NULL)
        {
          g_source_destroy (self->fd_source);
          g_clear_pointer (&self->fd_source, g_source_unref);
        }
      return;
    }

  if (self->fd_source != NULL)
    return;

  fd = sc_journal_reader_get_fd (self->reader);
  if (fd < 0)
    return;

  self->fd_source = g_unix_fd_source_new (fd, (GIOCondition) sc_journal_reader_get_events (self->reader));
  g_source_set_callback (self->fd_source, G_SOURCE_FUNC (reader_ready_cb), self, NULL);
  g_source_set_static_name (self->fd_source, "[sc-denial-sidebar] follow");
  g_source_attach (self->fd_source, NULL);

  /* Records may have arrived between the end of the read and now. */
  if (sc_journal_reader_process (self->reader))
    {
      g_source_destroy (self->fd_source);
      g_clear_pointer (&self->fd_source, g_source_unref);
      start_job (self, FALSE);
    }
}

/* ---- Status ----------------------------------------------------------- */

static void
update_status (ScDenialSidebar *self)
{
  guint n_groups = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  guint n_visible = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  g_autofree char *text = NULL;
  g_autofree char *groups = NULL;
  g_autofree char *records = NULL;
  g_autofree char *n_records = NULL;

  /* Translators: number of denial groups shown in the sidebar */
  groups = g_strdup_printf (ngettext ("%u denial", "%u denials", n_visible), n_visible);
  /* xgettext cannot see through G_GUINT64_FORMAT (the message would be
   * extracted as a bare "%" and never match), so numbers go in as strings.
   * tests/test-po.sh fails on such messages. */
  n_records = g_strdup_printf ("%" G_GUINT64_FORMAT, self->n_records);
  /* Translators: number of log records the groups were made from; %s is the number */
  records = g_strdup_printf (ngettext ("%s record", "%s records",
                                       (gulong) MIN (self->n_records, G_MAXULONG)),
                             n_records);
  if (self->loading && n_visible == 0)
    text = g_strdup (records);   /* the loading page counts the denials */
  else if (n_groups > n_visible)
    /* Translators: "12 denials · 3 hidden · 140 records" */
    text = g_strdup_printf (_("%s · %u hidden · %s"), groups, n_groups - n_visible, records);
  else
    /* Translators: "12 denials · 140 records" */
    text = g_strdup_printf (_("%s · %s"), groups, records);
  if (self->n_dropped > 0)
    {
      g_autofree char *n_dropped = g_strdup_printf ("%" G_GUINT64_FORMAT, self->n_dropped);
      g_autofree char *more = NULL;
      g_autofree char *shown = NULL;

      /* Translators: groups beyond the sidebar's limit; %s is the number */
      more = g_strdup_printf (ngettext ("%s more group not shown", "%s more groups not shown",
                                        (gulong) MIN (self->n_dropped, G_MAXULONG)), n_dropped);
      /* Translators: "12 denials · 140 records" followed by "3 more groups not shown" */
      shown = g_strdup_printf (_("%s · %s"), text, more);
      g_free (text);
      text = g_steal_pointer (&shown);
    }
  if (g_strcmp0 (gtk_label_get_label (self->status_label), text) != 0)
    gtk_label_set_label (self->status_label, text);

  if (self->n_lost > 0)
    {
      g_autofree char *title = NULL;
      g_autofree char *n_lost = g_strdup_printf ("%" G_GUINT64_FORMAT, self->n_lost);

      /* Translators: records lost to the kernel's printk rate limit; %s is the number */
      title = g_strdup_printf (ngettext ("%s record was lost", "%s records were lost",
                                         (gulong) MIN (self->n_lost, G_MAXULONG)),
                               n_lost);
      gtk_label_set_label (self->lost_title, title);
    }
  gtk_revealer_set_reveal_child (self->lost_revealer, self->n_lost > self->lost_dismissed);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "error") == 0)
    return;

  if (n_visible > 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "list");
    }
  else if (self->loading && self->job != NULL && self->job->initial)
    {
      guint found = g_hash_table_size (self->by_group);
      g_autofree char *progress = NULL;

      /* Translators: progress while reading: "1200 denials in 45000 records" */
      progress = g_strdup_printf (ngettext ("%u denial in %s", "%u denials in %s", found),
                                  found, records);
      if (g_strcmp0 (gtk_label_get_label (self->loading_label), progress) != 0)
        gtk_label_set_label (self->loading_label, progress);
      gtk_stack_set_visible_child_name (self->stack, "loading");
      gtk_spinner_start (self->spinner);
    }
  else
    {
      gboolean offer_log = self->project_log != NULL &&
                           g_strcmp0 (self->options.path, self->project_log) != 0;

      gtk_widget_set_visible (GTK_WIDGET (self->project_log_button), offer_log && n_groups == 0);
      adw_status_page_set_title (self->empty_page, _("No Denials"));
      adw_status_page_set_icon_name (self->empty_page, "security-high-symbolic");
      if (n_groups == 0 && self->source_problem != NULL)
        {
          /* Not "nothing was refused": nothing could have been seen. */
          adw_status_page_set_title (self->empty_page, _("Denials Cannot Be Seen Here"));
          adw_status_page_set_icon_name (self->empty_page, "dialog-warning-symbolic");
          adw_status_page_set_description (self->empty_page, self->source_problem);
        }
      else if (n_groups > 0)
        adw_status_page_set_description (self->empty_page,
                                         _("Every denial is hidden: ignored, or logged by snapd "
                                           "itself. Use the view menu to show them."));
      else if (self->project != NULL)
        adw_status_page_set_description (self->empty_page,
                                         _("Nothing was refused to this snap. Install it in "
                                           "devmode and use every feature: what strict "
                                           "confinement would block shows up here."));
      else
        adw_status_page_set_description (self->empty_page,
                                         _("No confinement denials were found in this source."));
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }
}

static void
update_source_label (ScDenialSidebar *self)
{
  g_autofree char *label = NULL;
  const char *icon = "utilities-terminal-symbolic";

  switch (self->options.type)
    {
    case SC_JOURNAL_SOURCE_SYSTEM:
      label = g_strdup (_("System Journal"));
      break;
    case SC_JOURNAL_SOURCE_DIRECTORY:
      label = g_path_get_basename (self->options.path);
      icon = "folder-symbolic";
      break;
    case SC_JOURNAL_SOURCE_FILES:
      if (self->options.files != NULL && self->options.files[0] != NULL &&
          self->options.files[1] == NULL)
        label = g_path_get_basename (self->options.files[0]);
      else
        /* Translators: several journal files were chosen */
        label = g_strdup_printf (ngettext ("%u journal file", "%u journal files",
                                           self->options.files ? g_strv_length (self->options.files) : 0),
                                 self->options.files ? g_strv_length (self->options.files) : 0);
      icon = "text-x-generic-symbolic";
      break;
    case SC_JOURNAL_SOURCE_LOG:
    default:
      if (g_strcmp0 (self->options.path, "-") == 0)
        label = g_strdup (_("Standard Input"));
      else
        label = g_path_get_basename (self->options.path);
      icon = "text-x-generic-symbolic";
      break;
    }

  if (self->paste_path != NULL && self->options.type == SC_JOURNAL_SOURCE_LOG &&
      g_strcmp0 (self->options.path, self->paste_path) == 0)
    {
      g_free (label);
      label = g_strdup (_("Pasted Records"));
      icon = "edit-paste-symbolic";
    }

  gtk_label_set_label (self->source_label, label);
  /* Short names are shown whole ("System Journal"); long file names give
   * way in the middle when the sidebar is narrow. */
  gtk_label_set_width_chars (self->source_label, MIN ((int) g_utf8_strlen (label, -1), 16));
  gtk_image_set_from_icon_name (self->source_icon, icon);

  /* Explicit journal files are a closed set: sd-journal cannot watch them. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->follow_switch),
                            self->options.type != SC_JOURNAL_SOURCE_FILES);
  gtk_widget_set_tooltip_text (self->source_button,
                               self->options.path ? self->options.path : label);
}

static void
update_project_log (ScDenialSidebar *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sidebar.open-project-log",
                                 self->project_log != NULL);
  if (self->project_log != NULL)
    {
      g_autofree char *name = g_path_get_basename (self->project_log);
      /* Translators: %s is a file name in the project folder, e.g. denials.log */
      g_autofree char *label = g_strdup_printf (_("_Open “%s”"), name);

      gtk_button_set_label (self->project_log_button, label);
    }
}

/* ---- List rows -------------------------------------------------------- */

static void
refresh_rows (ScDenialSidebar *self)
{
  GHashTableIter iter;
  gpointer row;

  g_hash_table_iter_init (&iter, self->bound_rows);
  while (g_hash_table_iter_next (&iter, &row, NULL))
    {
      sc_denial_row_set_installed (row, self->installed);
      sc_denial_row_set_plan (row, self->plan);
    }
}

static void
row_add_plug_cb (ScDenialRow     *row,
                 const char      *target,
                 const char      *plug,
                 GVariant        *definition,
                 ScDenialSidebar *self)
{
  g_signal_emit (self, signals[ADD_PLUG], 0, target, plug, definition);
  /* Other cards may ask for the same plug: they now say it was added. */
  refresh_rows (self);
}

static int
strv_compare (gconstpointer a,
              gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

static void
ignored_changed (ScDenialSidebar *self,
                 gboolean         more_strict)
{
  GHashTableIter iter;
  gpointer key;
  guint i = 0;

  g_strfreev (self->ignored_strv);
  self->ignored_strv = g_new0 (char *, g_hash_table_size (self->ignored) + 1);
  g_hash_table_iter_init (&iter, self->ignored);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    self->ignored_strv[i++] = g_strdup (key);
  qsort (self->ignored_strv, i, sizeof (char *), strv_compare);

  gtk_filter_changed (GTK_FILTER (self->filter),
                      more_strict ? GTK_FILTER_CHANGE_MORE_STRICT : GTK_FILTER_CHANGE_LESS_STRICT);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IGNORED]);
  update_status (self);
}

static void
unignore_cb (AdwToast        *toast,
             ScDenialSidebar *self)
{
  const char *key = g_object_get_data (G_OBJECT (toast), "sc-key");

  if (key != NULL && g_hash_table_remove (self->ignored, key))
    ignored_changed (self, FALSE);
}

static void
row_ignore_cb (ScDenialRow     *row,
               ScDenialSidebar *self)
{
  ScDenialItem *item = sc_denial_row_get_item (row);
  const char *key;
  AdwToast *toast;

  if (item == NULL)
    return;

  key = sc_denial_item_get_key (item);
  if (!g_hash_table_add (self->ignored, g_strdup (key)))
    return;
  ignored_changed (self, TRUE);

  toast = adw_toast_new (_("Denial ignored for this project"));
  adw_toast_set_button_label (toast, _("_Undo"));
  g_object_set_data_full (G_OBJECT (toast), "sc-key", g_strdup (key), g_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (unignore_cb), self, 0);
  emit_toast (self, toast);
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          ScDenialSidebar          *self)
{
  GtkWidget *row = sc_denial_row_new ();

  g_signal_connect_object (row, "add-plug", G_CALLBACK (row_add_plug_cb), self, 0);
  g_signal_connect_object (row, "ignore", G_CALLBACK (row_ignore_cb), self, 0);
  gtk_list_item_set_activatable (list_item, FALSE);
  gtk_list_item_set_selectable (list_item, FALSE);
  gtk_list_item_set_child (list_item, row);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *list_item,
         ScDenialSidebar          *self)
{
  ScDenialRow *row = SC_DENIAL_ROW (gtk_list_item_get_child (list_item));

  sc_denial_row_set_item (row, gtk_list_item_get_item (list_item));
  sc_denial_row_set_installed (row, self->installed);
  sc_denial_row_set_plan (row, self->plan);
  g_hash_table_add (self->bound_rows, row);
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           ScDenialSidebar          *self)
{
  ScDenialRow *row = SC_DENIAL_ROW (gtk_list_item_get_child (list_item));

  g_hash_table_remove (self->bound_rows, row);
  sc_denial_row_set_item (row, NULL);
}

static void
teardown_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             ScDenialSidebar          *self)
{
  GtkWidget *row = gtk_list_item_get_child (list_item);

  if (row != NULL)
    g_hash_table_remove (self->bound_rows, row);
}

static gboolean
tick_cb (gpointer user_data)
{
  ScDenialSidebar *self = user_data;
  gint64 now = g_get_real_time ();
  GHashTableIter iter;
  gpointer row;

  g_hash_table_iter_init (&iter, self->bound_rows);
  while (g_hash_table_iter_next (&iter, &row, NULL))
    sc_denial_row_update_time (row, now);

  return G_SOURCE_CONTINUE;
}

/* ---- Source choosers -------------------------------------------------- */

static void
set_source_from_chooser (ScDenialSidebar     *self,
                         ScJournalSourceType  type,
                         GtkFileChooser      *chooser)
{
  ScJournalOptions options = { 0 };

  options.type = type;
  if (type == SC_JOURNAL_SOURCE_FILES)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (chooser);
      guint n = g_list_model_get_n_items (files);
      GPtrArray *paths = g_ptr_array_new ();

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);
          char *path = g_file_get_path (file);

          if (path != NULL)
            g_ptr_array_add (paths, path);
        }
      g_ptr_array_add (paths, NULL);
      options.files = (GStrv) g_ptr_array_free (paths, FALSE);
    }
  else
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (chooser);

      options.path = file ? g_file_get_path (file) : NULL;
      if (options.path == NULL)
        return;
    }

  sc_denial_sidebar_set_source (self, &options);
  sc_journal_options_clear (&options);
}

static void
chooser_response_cb (GtkNativeDialog *native,
                     int              response,
                     ScDenialSidebar *self)
{
  ScJournalSourceType type = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (native), "sc-type"));

  if (response == GTK_RESPONSE_ACCEPT)
    set_source_from_chooser (self, type, GTK_FILE_CHOOSER (native));

  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

static void
open_chooser (ScDenialSidebar     *self,
              ScJournalSourceType  type)
{
  GtkFileChooserNative *native;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserAction action = GTK_FILE_CHOOSER_ACTION_OPEN;
  const char *title;

  switch (type)
    {
    case SC_JOURNAL_SOURCE_DIRECTORY:
      title = _("Choose a Journal Folder");
      action = GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER;
      break;
    case SC_JOURNAL_SOURCE_FILES:
      title = _("Choose Journal Files");
      break;
    case SC_JOURNAL_SOURCE_LOG:
    case SC_JOURNAL_SOURCE_SYSTEM:
    default:
      title = _("Choose a Log File");
      break;
    }

  native = gtk_file_chooser_native_new (title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        action, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  if (type == SC_JOURNAL_SOURCE_FILES)
    {
      GtkFileFilter *filter = gtk_file_filter_new ();

      gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (native), TRUE);
      gtk_file_filter_set_name (filter, _("Journal Files"));
      gtk_file_filter_add_pattern (filter, "*.journal");
      gtk_file_filter_add_pattern (filter, "*.journal~");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
      g_object_unref (filter);
    }
  /* The project's folder first: that is where a saved log usually is. */
  if (self->project != NULL && sc_project_get_root (self->project) != NULL)
    {
      g_autoptr(GFile) folder = g_file_new_for_path (sc_project_get_root (self->project));

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), folder, NULL);
    }
  g_object_set_data (G_OBJECT (native), "sc-type", GINT_TO_POINTER (type));
  g_signal_connect_object (native, "response", G_CALLBACK (chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
use_system_journal_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  sc_denial_sidebar_set_source (SC_DENIAL_SIDEBAR (widget), NULL);
}

static void
open_folder_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  open_chooser (SC_DENIAL_SIDEBAR (widget), SC_JOURNAL_SOURCE_DIRECTORY);
}

static void
open_files_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  open_chooser (SC_DENIAL_SIDEBAR (widget), SC_JOURNAL_SOURCE_FILES);
}

static void
open_log_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  open_chooser (SC_DENIAL_SIDEBAR (widget), SC_JOURNAL_SOURCE_LOG);
}

static void
open_project_log_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  ScDenialSidebar *self = SC_DENIAL_SIDEBAR (widget);
  ScJournalOptions options = { 0 };

  if (self->project_log == NULL)
    return;
  options.type = SC_JOURNAL_SOURCE_LOG;
  options.path = self->project_log;
  sc_denial_sidebar_set_source (self, &options);
}

static void
dismiss_lost_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  ScDenialSidebar *self = SC_DENIAL_SIDEBAR (widget);

  /* Until more records are lost. */
  self->lost_dismissed = self->n_lost;
  gtk_revealer_set_reveal_child (self->lost_revealer, FALSE);
}

/* ---- Pasted records --------------------------------------------------- */

static void
remove_paste_file (ScDenialSidebar *self)
{
  if (self->paste_path != NULL)
    g_unlink (self->paste_path);
  g_clear_pointer (&self->paste_path, g_free);
}

/* Reads TEXT (records copied from a bug report, a terminal, a forum) as a
 * text log: the same parser as a log file, so what it understands there
 * it understands here. */
void
sc_denial_sidebar_load_text (ScDenialSidebar *self,
                             const char      *text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *owned = NULL;
  ScJournalOptions options = { 0 };
  int fd;

  g_return_if_fail (SC_IS_DENIAL_SIDEBAR (self));
  g_return_if_fail (text != NULL);

  fd = g_file_open_tmp ("snapconfine-pasted-XXXXXX.log", &path, &error);
  if (fd < 0)
    {
      emit_toast (self, adw_toast_new (error->message));
      return;
    }
  close (fd);
  /* Text copied from a page rarely ends with a newline; the last record
   * is a whole line all the same. */
  if (!g_str_has_suffix (text, "\n"))
    text = owned = g_strconcat (text, "\n", NULL);
  if (!g_file_set_contents_full (path, text, -1, G_FILE_SET_CONTENTS_NONE, 0600, &error))
    {
      g_unlink (path);
      emit_toast (self, adw_toast_new (error->message));
      return;
    }

  remove_paste_file (self);
  self->paste_path = g_steal_pointer (&path);
  options.type = SC_JOURNAL_SOURCE_LOG;
  options.path = self->paste_path;
  sc_denial_sidebar_set_source (self, &options);
}

static void
paste_text_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(ScDenialSidebar) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);

  if (text == NULL || strspn (text, " \t\r\n") == strlen (text))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        emit_toast (self, adw_toast_new (_("The clipboard holds no text to read records from")));
      return;
    }
  sc_denial_sidebar_load_text (self, text);
}

static void
paste_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (widget), NULL, paste_text_cb,
                                 g_object_ref (widget));
}

static void
paste_dialog_response_cb (AdwMessageDialog *dialog,
                          const char       *response,
                          ScDenialSidebar  *self)
{
  GtkTextBuffer *buffer = g_object_get_data (G_OBJECT (dialog), "sc-buffer");
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  if (g_strcmp0 (response, "show") != 0)
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (strspn (text, " \t\r\n") != strlen (text))
    sc_denial_sidebar_load_text (self, text);
}

static void
paste_dialog_clipboard_cb (GObject      *source,
                           GAsyncResult *result,
                           gpointer      user_data)
{
  g_autoptr(GtkTextBuffer) buffer = user_data;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);

  /* Only what looks like records, and only into an untouched box. */
  if (text != NULL && gtk_text_buffer_get_char_count (buffer) == 0 &&
      (strstr (text, "apparmor") != NULL || strstr (text, "audit") != NULL ||
       strstr (text, "seccomp") != NULL))
    gtk_text_buffer_set_text (buffer, text, -1);
}

static void
paste_records_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  ScDenialSidebar *self = SC_DENIAL_SIDEBAR (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog;
  GtkWidget *scrolled;
  GtkWidget *view;
  GtkTextBuffer *buffer;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Paste Records"),
                                   _("Paste denial records copied from a bug report, a forum "
                                     "or a terminal (journalctl, dmesg, snappy-debug) to see "
                                     "what they suggest."));
  view = gtk_text_view_new ();
  gtk_text_view_set_monospace (GTK_TEXT_VIEW (view), TRUE);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Records"), -1);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 160);
  gtk_scrolled_window_set_min_content_width (GTK_SCROLLED_WINDOW (scrolled), 280);
  gtk_widget_add_css_class (scrolled, "card");
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scrolled);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "show", _("_Show Suggestions"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "show",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "show");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  g_object_set_data_full (G_OBJECT (dialog), "sc-buffer", g_object_ref (buffer), g_object_unref);
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (widget), NULL,
                                 paste_dialog_clipboard_cb, g_object_ref (buffer));
  g_signal_connect_object (dialog, "response", G_CALLBACK (paste_dialog_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (view);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  sc_denial_sidebar_reload (SC_DENIAL_SIDEBAR (widget));
}

static void
reset_ignored_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  sc_denial_sidebar_set_ignored (SC_DENIAL_SIDEBAR (widget), NULL);
}

static void
copy_ratelimit_command_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *param)
{
  ScDenialSidebar *self = SC_DENIAL_SIDEBAR (widget);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget),
                          "sudo sysctl -w kernel.printk_ratelimit=0");
  emit_toast (self, adw_toast_new (_("Command copied")));
}

/* ---- GObject ---------------------------------------------------------- */

static void
sc_denial_sidebar_dispose (GObject *object)
{
  ScDenialSidebar *self = (ScDenialSidebar *) object;

  g_clear_pointer (&self->installed, sc_snapd_snap_unref);
  cancel_job (self);
  if (self->fd_source != NULL)
    {
      g_source_destroy (self->fd_source);
      g_clear_pointer (&self->fd_source, g_source_unref);
    }
  g_clear_handle_id (&self->tick_id, g_source_remove);

  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SC_TYPE_DENIAL_SIDEBAR);
  /* Boxes without an id binding are not cleared by the template. */
  {
    GtkWidget *child;

    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
      gtk_widget_unparent (child);
  }

  g_clear_object (&self->filter_model);
  g_clear_object (&self->filter);
  g_clear_object (&self->items);
  g_clear_pointer (&self->by_group, g_hash_table_unref);
  g_clear_pointer (&self->pending_set, g_hash_table_unref);
  g_clear_pointer (&self->pending_new, g_ptr_array_unref);
  g_clear_pointer (&self->reader, sc_journal_reader_free);
  g_clear_pointer (&self->store, sc_denial_store_unref);
  g_clear_pointer (&self->plan, sc_denial_plan_unref);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (sc_denial_sidebar_parent_class)->dispose (object);
}

static void
sc_denial_sidebar_finalize (GObject *object)
{
  ScDenialSidebar *self = (ScDenialSidebar *) object;

  sc_journal_options_clear (&self->options);
  g_clear_pointer (&self->ignored, g_hash_table_unref);
  g_clear_pointer (&self->ignored_strv, g_strfreev);
  g_clear_pointer (&self->bound_rows, g_hash_table_unref);
  g_clear_pointer (&self->sort_by, g_free);
  g_clear_pointer (&self->source_problem, g_free);
  g_clear_pointer (&self->project_log, g_free);
  remove_paste_file (self);

  G_OBJECT_CLASS (sc_denial_sidebar_parent_class)->finalize (object);
}

static void
sc_denial_sidebar_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  ScDenialSidebar *self = SC_DENIAL_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    case PROP_FOLLOW:
      g_value_set_boolean (value, self->follow);
      break;
    case PROP_IGNORED:
      g_value_set_boxed (value, self->ignored_strv);
      break;
    case PROP_SHOW_NOISE:
      g_value_set_boolean (value, self->show_noise);
      break;
    case PROP_SORT_BY:
      g_value_set_string (value, self->sort_by);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    case PROP_SINCE_INSTALL:
      g_value_set_boolean (value, self->since_install);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
set_sort_by (ScDenialSidebar *self,
             const char      *sort_by)
{
  if (g_strcmp0 (sort_by, "count") != 0)
    sort_by = "last-seen";

  if (sc_set_str (&self->sort_by, sort_by))
    {
      if (self->items != NULL)
        resort (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT_BY]);
    }
}

static void
sc_denial_sidebar_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  ScDenialSidebar *self = SC_DENIAL_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      sc_denial_sidebar_set_project (self, g_value_get_object (value));
      break;
    case PROP_FOLLOW:
      sc_denial_sidebar_set_follow (self, g_value_get_boolean (value));
      break;
    case PROP_IGNORED:
      sc_denial_sidebar_set_ignored (self, g_value_get_boxed (value));
      break;
    case PROP_SHOW_NOISE:
      sc_denial_sidebar_set_show_noise (self, g_value_get_boolean (value));
      break;
    case PROP_SORT_BY:
      set_sort_by (self, g_value_get_string (value));
      break;
    case PROP_SINCE_INSTALL:
      sc_denial_sidebar_set_since_install (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_denial_sidebar_map (GtkWidget *widget)
{
  ScDenialSidebar *self = SC_DENIAL_SIDEBAR (widget);

  GTK_WIDGET_CLASS (sc_denial_sidebar_parent_class)->map (widget);

  /* Read lazily: a hidden sidebar costs nothing until it is first shown. */
  if (!self->have_source)
    sc_denial_sidebar_reload (self);

  if (self->tick_id == 0)
    self->tick_id = g_timeout_add_seconds (TICK_SECONDS, tick_cb, self);
}

static void
sc_denial_sidebar_unmap (GtkWidget *widget)
{
  ScDenialSidebar *self = SC_DENIAL_SIDEBAR (widget);

  g_clear_handle_id (&self->tick_id, g_source_remove);

  GTK_WIDGET_CLASS (sc_denial_sidebar_parent_class)->unmap (widget);
}

static void
sc_denial_sidebar_class_init (ScDenialSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sc_denial_sidebar_dispose;
  object_class->finalize = sc_denial_sidebar_finalize;
  object_class->get_property = sc_denial_sidebar_get_property;
  object_class->set_property = sc_denial_sidebar_set_property;

  widget_class->map = sc_denial_sidebar_map;
  widget_class->unmap = sc_denial_sidebar_unmap;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, SC_TYPE_PROJECT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_FOLLOW] =
    g_param_spec_boolean ("follow", NULL, NULL, TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_IGNORED] =
    g_param_spec_boxed ("ignored", NULL, NULL, G_TYPE_STRV,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SHOW_NOISE] =
    g_param_spec_boolean ("show-noise", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SORT_BY] =
    g_param_spec_string ("sort-by", NULL, NULL, "last-seen",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SINCE_INSTALL] =
    g_param_spec_boolean ("since-install", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ScDenialSidebar::add-plug:
   * @target: the app name or "hook:NAME"
   * @plug: the plug name to list under the target
   * @definition: (nullable): a{sv} top-level plug definition to create
   */
  signals[ADD_PLUG] =
    g_signal_new ("add-plug",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3,
                  G_TYPE_STRING, G_TYPE_STRING, G_TYPE_VARIANT);

  signals[ADD_TOAST] =
    g_signal_new ("add-toast",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1,
                  ADW_TYPE_TOAST);

  g_type_ensure (SC_TYPE_DENIAL_ROW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/SnapConfine/sc-denial-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, ScDenialSidebar, source_button);
  gtk_widget_class_bind_template_child (widget_class, ScDenialSidebar, source_label);
  gtk_widget_class_bind_template_child (widget_class, ScDenialSidebar, source_icon);
  gtk_widget_class_bind_template_child (widget_class, ScDenialSidebar, follow_switch);
  gtk_widget_class_bind_template_child (widget_class, ScDenialSidebar, lost_revealer);
  gtk_widget_class_bind_template_child (widget_class, ScDenialSidebar, lost_title);
  gtk_widget_class_bind_template_child (widget_class, ScDenialSidebar, notes_revealer);
  gtk_widget_class_bind_template_child (widget_class, ScDenialSidebar, notes_label);
  gtk_widget_class_bind_template_child (widget_class, ScDenialSidebar, stack);
  gtk_widget_class_bind_template_child (widget_class, ScDenialSidebar, list_view);
  gtk_widget_class_bind_template_child (widget_class, ScDenialSidebar, empty_page);
  gtk_widget_class_bind_template_child (widget_class, ScDenialSidebar, error_page);
  gtk_widget_class_bind_template_child (widget_class, ScDenialSidebar, spinner);
  gtk_widget_class_bind_template_child (widget_class, ScDenialSidebar, loading_label);
  gtk_widget_class_bind_template_child (widget_class, ScDenialSidebar, status_spinner);
  gtk_widget_class_bind_template_child (widget_class, ScDenialSidebar, status_label);
  gtk_widget_class_bind_template_child (widget_class, ScDenialSidebar, project_log_button);

  gtk_widget_class_install_action (widget_class, "sidebar.use-system-journal", NULL,
                                   use_system_journal_action);
  gtk_widget_class_install_action (widget_class, "sidebar.open-folder", NULL, open_folder_action);
  gtk_widget_class_install_action (widget_class, "sidebar.open-files", NULL, open_files_action);
  gtk_widget_class_install_action (widget_class, "sidebar.open-log", NULL, open_log_action);
  gtk_widget_class_install_action (widget_class, "sidebar.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "sidebar.open-project-log", NULL,
                                   open_project_log_action);
  gtk_widget_class_install_action (widget_class, "sidebar.dismiss-lost", NULL, dismiss_lost_action);
  gtk_widget_class_install_action (widget_class, "sidebar.paste", NULL, paste_action);
  gtk_widget_class_install_action (widget_class, "sidebar.paste-records", NULL,
                                   paste_records_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_v, GDK_CONTROL_MASK,
                                       "sidebar.paste", NULL);
  gtk_widget_class_install_action (widget_class, "sidebar.reset-ignored", NULL,
                                   reset_ignored_action);
  gtk_widget_class_install_action (widget_class, "sidebar.copy-ratelimit-command", NULL,
                                   copy_ratelimit_command_action);
  gtk_widget_class_install_property_action (widget_class, "sidebar.show-noise", "show-noise");
  gtk_widget_class_install_property_action (widget_class, "sidebar.since-install", "since-install");
  gtk_widget_class_install_property_action (widget_class, "sidebar.sort-by", "sort-by");

  gtk_widget_class_set_css_name (widget_class, "sc-denial-sidebar");
}

static void
sc_denial_sidebar_init (ScDenialSidebar *self)
{
  GtkListItemFactory *factory;

  self->follow = TRUE;
  self->max_groups = SC_DENIAL_SIDEBAR_DEFAULT_MAX_GROUPS;
  self->sort_by = g_strdup ("last-seen");
  self->options.type = SC_JOURNAL_SOURCE_SYSTEM;
  self->ignored = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->ignored_strv = g_new0 (char *, 1);
  self->bound_rows = g_hash_table_new (NULL, NULL);
  self->by_group = g_hash_table_new (NULL, NULL);
  self->pending_set = g_hash_table_new (NULL, NULL);
  self->pending_new = g_ptr_array_new_with_free_func (g_object_unref);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->items = g_list_store_new (SC_TYPE_DENIAL_ITEM);
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filter_model = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->items)),
                                                  g_object_ref (GTK_FILTER (self->filter)));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect_object (factory, "setup", G_CALLBACK (setup_cb), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_cb), self, 0);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (unbind_cb), self, 0);
  g_signal_connect_object (factory, "teardown", G_CALLBACK (teardown_cb), self, 0);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);

  {
    GtkNoSelection *selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->filter_model)));

    gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
    g_object_unref (selection);
  }

  g_object_bind_property (self, "follow", self->follow_switch, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);

  update_source_label (self);
  update_project_log (self);
  update_status (self);
  /* Until snapd says when the installed revision came. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sidebar.since-install", FALSE);
}

/* ---- Public API ------------------------------------------------------- */

GtkWidget *
sc_denial_sidebar_new (void)
{
  return g_object_new (SC_TYPE_DENIAL_SIDEBAR, NULL);
}

ScProject *
sc_denial_sidebar_get_project (ScDenialSidebar *self)
{
  g_return_val_if_fail (SC_IS_DENIAL_SIDEBAR (self), NULL);

  return self->project;
}

void
sc_denial_sidebar_set_project (ScDenialSidebar *self,
                               ScProject       *project)
{
  const char *old_name;
  const char *new_name;
  gboolean same_snap;

  g_return_if_fail (SC_IS_DENIAL_SIDEBAR (self));
  g_return_if_fail (project == NULL || SC_IS_PROJECT (project));

  if (self->project == project)
    return;

  old_name = self->project ? sc_project_get_name (self->project) : NULL;
  new_name = project ? sc_project_get_name (project) : NULL;
  same_snap = g_strcmp0 (old_name, new_name) == 0;

  g_set_object (&self->project, project);
  g_clear_pointer (&self->plan, sc_denial_plan_unref);
  g_clear_pointer (&self->project_log, g_free);
  if (project != NULL)
    {
      self->plan = sc_denial_plan_new (project);
      self->project_log = sc_project_find_denial_log (project);
    }
  update_project_log (self);

  /* A reloaded project of the same snap keeps what was read; only what
   * the cards offer changes. */
  if (same_snap)
    {
      refresh_rows (self);
    }
  else
    {
      sc_set_str (&self->options.snap, new_name);
      if (self->have_source)
        sc_denial_sidebar_reload (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

gboolean
sc_denial_sidebar_get_follow (ScDenialSidebar *self)
{
  g_return_val_if_fail (SC_IS_DENIAL_SIDEBAR (self), FALSE);

  return self->follow;
}

void
sc_denial_sidebar_set_follow (ScDenialSidebar *self,
                              gboolean         follow)
{
  g_return_if_fail (SC_IS_DENIAL_SIDEBAR (self));

  follow = !!follow;
  if (self->follow == follow)
    return;

  self->follow = follow;
  update_follow (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOLLOW]);
}

const char * const *
sc_denial_sidebar_get_ignored (ScDenialSidebar *self)
{
  g_return_val_if_fail (SC_IS_DENIAL_SIDEBAR (self), NULL);

  return (const char * const *) self->ignored_strv;
}

void
sc_denial_sidebar_set_ignored (ScDenialSidebar    *self,
                               const char * const *ignored)
{
  g_autoptr(GHashTable) old = NULL;
  gboolean more_strict = TRUE;
  gboolean changed = FALSE;
  GHashTableIter iter;
  gpointer key;

  g_return_if_fail (SC_IS_DENIAL_SIDEBAR (self));

  old = g_steal_pointer (&self->ignored);
  self->ignored = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; ignored != NULL && ignored[i] != NULL; i++)
    {
      g_hash_table_add (self->ignored, g_strdup (ignored[i]));
      if (!g_hash_table_contains (old, ignored[i]))
        changed = TRUE;
    }

  g_hash_table_iter_init (&iter, old);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (self->ignored, key))
      {
        changed = TRUE;
        more_strict = FALSE;
      }

  if (changed)
    ignored_changed (self, more_strict);
}

gboolean
sc_denial_sidebar_get_show_noise (ScDenialSidebar *self)
{
  g_return_val_if_fail (SC_IS_DENIAL_SIDEBAR (self), FALSE);

  return self->show_noise;
}

void
sc_denial_sidebar_set_show_noise (ScDenialSidebar *self,
                                  gboolean         show_noise)
{
  g_return_if_fail (SC_IS_DENIAL_SIDEBAR (self));

  show_noise = !!show_noise;
  if (self->show_noise == show_noise)
    return;

  self->show_noise = show_noise;
  gtk_filter_changed (GTK_FILTER (self->filter),
                      show_noise ? GTK_FILTER_CHANGE_LESS_STRICT : GTK_FILTER_CHANGE_MORE_STRICT);
  update_status (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_NOISE]);
}

gboolean
sc_denial_sidebar_get_since_install (ScDenialSidebar *self)
{
  g_return_val_if_fail (SC_IS_DENIAL_SIDEBAR (self), FALSE);
  return self->since_install;
}

void
sc_denial_sidebar_set_since_install (ScDenialSidebar *self,
                                     gboolean         since_install)
{
  g_return_if_fail (SC_IS_DENIAL_SIDEBAR (self));

  since_install = !!since_install;
  if (self->since_install == since_install)
    return;
  self->since_install = since_install;
  gtk_filter_changed (GTK_FILTER (self->filter),
                      since_install ? GTK_FILTER_CHANGE_MORE_STRICT : GTK_FILTER_CHANGE_LESS_STRICT);
  update_status (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SINCE_INSTALL]);
}

void
sc_denial_sidebar_set_installed (ScDenialSidebar *self,
                                 ScSnapdSnap     *snap)
{
  gint64 before, after;

  g_return_if_fail (SC_IS_DENIAL_SIDEBAR (self));

  before = self->installed != NULL ? self->installed->install_usec : 0;
  after = snap != NULL ? snap->install_usec : 0;
  if (snap != NULL)
    sc_snapd_snap_ref (snap);
  g_clear_pointer (&self->installed, sc_snapd_snap_unref);
  self->installed = snap;
  /* "Since this revision" needs to know when it was installed. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sidebar.since-install", after > 0);
  if (self->since_install && before != after)
    {
      gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
      update_status (self);
    }
  refresh_rows (self);
}

gboolean
sc_denial_sidebar_get_loading (ScDenialSidebar *self)
{
  g_return_val_if_fail (SC_IS_DENIAL_SIDEBAR (self), FALSE);

  return self->loading;
}

void
sc_denial_sidebar_set_source (ScDenialSidebar        *self,
                              const ScJournalOptions *options)
{
  g_return_if_fail (SC_IS_DENIAL_SIDEBAR (self));

  sc_journal_options_clear (&self->options);
  memset (&self->options, 0, sizeof self->options);

  if (options != NULL)
    {
      self->options.type = options->type;
      self->options.path = g_strdup (options->path);
      self->options.files = g_strdupv (options->files);
      self->options.since_usec = options->since_usec;
      self->options.this_boot = options->this_boot;
    }
  else
    {
      self->options.type = SC_JOURNAL_SOURCE_SYSTEM;
    }
  self->options.snap = self->project ? g_strdup (sc_project_get_name (self->project)) : NULL;

  /* Pasted records are kept only while they are shown. */
  if (self->paste_path != NULL && g_strcmp0 (self->options.path, self->paste_path) != 0)
    remove_paste_file (self);

  update_source_label (self);
  sc_denial_sidebar_set_follow (self, self->options.type == SC_JOURNAL_SOURCE_SYSTEM);
  sc_denial_sidebar_reload (self);
}

void
sc_denial_sidebar_reload (ScDenialSidebar *self)
{
  const char *snap;

  g_return_if_fail (SC_IS_DENIAL_SIDEBAR (self));

  cancel_job (self);
  if (self->fd_source != NULL)
    {
      g_source_destroy (self->fd_source);
      g_clear_pointer (&self->fd_source, g_source_unref);
    }
  g_clear_pointer (&self->reader, sc_journal_reader_free);

  g_ptr_array_set_size (self->pending_new, 0);
  g_hash_table_remove_all (self->pending_set);
  g_hash_table_remove_all (self->by_group);
  g_list_store_remove_all (self->items);
  g_clear_pointer (&self->store, sc_denial_store_unref);

  snap = self->project ? sc_project_get_name (self->project) : NULL;
  self->store = sc_denial_store_new (snap);
  sc_denial_store_set_max_groups (self->store, self->max_groups);
  self->n_dropped = 0;
  self->n_lost = 0;
  self->n_records = 0;
  self->have_source = TRUE;

  self->lost_dismissed = 0;
  g_clear_pointer (&self->source_problem, g_free);
  if (self->options.type == SC_JOURNAL_SOURCE_SYSTEM)
    sc_denial_source_check_system (NULL, NULL, &self->source_problem);

  gtk_revealer_set_reveal_child (self->notes_revealer, FALSE);
  gtk_revealer_set_reveal_child (self->lost_revealer, FALSE);
  gtk_stack_set_visible_child_name (self->stack, "loading");

  start_job (self, TRUE);
  update_status (self);
}

void
sc_denial_sidebar_set_max_groups (ScDenialSidebar *self,
                                  guint            max_groups)
{
  g_return_if_fail (SC_IS_DENIAL_SIDEBAR (self));

  if (self->max_groups == max_groups)
    return;
  self->max_groups = max_groups;
  if (self->have_source)
    sc_denial_sidebar_reload (self);
}

guint64
sc_denial_sidebar_get_n_dropped (ScDenialSidebar *self)
{
  g_return_val_if_fail (SC_IS_DENIAL_SIDEBAR (self), 0);

  return self->n_dropped;
}

guint
sc_denial_sidebar_get_n_groups (ScDenialSidebar *self)
{
  g_return_val_if_fail (SC_IS_DENIAL_SIDEBAR (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->items));
}

guint
sc_denial_sidebar_get_n_visible (ScDenialSidebar *self)
{
  g_return_val_if_fail (SC_IS_DENIAL_SIDEBAR (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
}

guint64
sc_denial_sidebar_get_n_lost (ScDenialSidebar *self)
{
  g_return_val_if_fail (SC_IS_DENIAL_SIDEBAR (self), 0);

  return self->n_lost;
}

GListModel *
sc_denial_sidebar_get_model (ScDenialSidebar *self)
{
  g_return_val_if_fail (SC_IS_DENIAL_SIDEBAR (self), NULL);

  return G_LIST_MODEL (self->filter_model);
}

const char *
sc_denial_sidebar_get_page (ScDenialSidebar *self)
{
  g_return_val_if_fail (SC_IS_DENIAL_SIDEBAR (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}
