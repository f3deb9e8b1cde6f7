/* sc-denial-sidebar-list.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sidebar's list (an ScDenialModel of group indices) is kept sorted here (binary search, insertion
 * of runs) rather than behind a GtkSortListModel: in GTK 4.8 that model
 * reports a change of the whole list whenever new items sort to the front
 * (the newest denials do), which makes the list view start over on every
 * batch, about 100 ms each with 100,000 rows.
 */

#define G_LOG_DOMAIN "sc-denial-sidebar"

#include "config.h"

#include <stdlib.h>

#include "sc-denial-model.h"
#include "sc-denial-sidebar-private.h"
#include "sc-utils.h"

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
#define APPEND_MAX_ITEMS      5000

static int
compare_int64_desc (gint64 a,
                    gint64 b)
{
  return a > b ? -1 : a < b ? 1 : 0;
}

/* Orders group indices A and B as the list shows them. */
static int
sort_func (ScDenialSidebar *self,
           guint            a,
           guint            b)
{
  ScDenialModel *model = self->items;
  int cmp;

  if (g_strcmp0 (self->sort_by, "count") == 0)
    {
      guint64 ca = sc_denial_model_get_count (model, a);
      guint64 cb = sc_denial_model_get_count (model, b);

      cmp = ca > cb ? -1 : ca < cb ? 1 : 0;
      if (cmp == 0)
        cmp = compare_int64_desc (sc_denial_model_get_last_seen (model, a),
                                  sc_denial_model_get_last_seen (model, b));
    }
  else
    {
      cmp = compare_int64_desc (sc_denial_model_get_last_seen (model, a),
                                sc_denial_model_get_last_seen (model, b));
    }

  /* Stable for equal keys: the order the groups were first seen. */
  if (cmp == 0)
    cmp = a < b ? -1 : a > b ? 1 : 0;

  return cmp;
}

/* The first position in the (sorted) list whose group sorts after INDEX,
 * counting positions as if the one at EXCEPT (G_MAXUINT: none) was not
 * there. */
static guint
upper_bound (ScDenialSidebar *self,
             guint            index,
             guint            except)
{
  guint n = sc_denial_model_get_n_listed (self->items);
  guint lo = 0, hi = except < n ? n - 1 : n;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      guint other = sc_denial_model_get_index (self->items, mid < except ? mid : mid + 1);

      if (sort_func (self, other, index) <= 0)
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
  return sort_func (user_data, *(const guint32 *) a, *(const guint32 *) b);
}

typedef struct
{
  gint64        primary;     /* larger sorts first */
  gint64        secondary;
  guint         index;       /* smaller sorts first */
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

/* The pending list can hold tens of thousands of groups while the first
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
  guint32 *pending = (guint32 *) self->pending_new->data;
  g_autofree SortKey *keys = g_new (SortKey, n);

  for (guint i = 0; i < n; i++)
    {
      guint index = pending[i];
      gint64 last_seen = sc_denial_model_get_last_seen (self->items, index);

      keys[i].index = index;
      if (by_count)
        {
          keys[i].primary = (gint64) MIN (sc_denial_model_get_count (self->items, index),
                                          (guint64) G_MAXINT64);
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
    pending[i] = keys[i].index;
}

static gboolean
flush_timeout_cb (gpointer user_data)
{
  ScDenialSidebar *self = user_data;

  self->flush_id = 0;
  _sc_denial_sidebar_schedule_apply (self);
  return G_SOURCE_REMOVE;
}

/* Where each of the first LIMIT (sorted) pending groups goes. Positions
 * never decrease along the sorted batch: each search starts where the
 * previous one ended, and checks that spot first. */
static guint *
find_positions (ScDenialSidebar *self,
                guint            limit)
{
  guint n_list = sc_denial_model_get_n_listed (self->items);
  const guint32 *pending = (const guint32 *) self->pending_new->data;
  guint *pos = g_new (guint, limit);

  for (guint i = 0; i < limit; i++)
    {
      guint index = pending[i];
      guint lo = i > 0 ? pos[i - 1] : 0;
      guint hi = n_list;

      if (lo < hi && sort_func (self, sc_denial_model_get_index (self->items, lo), index) > 0)
        hi = lo;
      while (lo < hi)
        {
          guint mid = lo + (hi - lo) / 2;

          if (sort_func (self, sc_denial_model_get_index (self->items, mid), index) <= 0)
            lo = mid + 1;
          else
            hi = mid;
        }
      pos[i] = lo;
    }

  return pos;
}

/* Inserts pending groups at their sorted places, one change per run of
 * neighbours (loading in time order puts a whole batch at the top in a
 * single change). Returns TRUE when nothing is left pending; otherwise a
 * later dispatch has been arranged. */
gboolean
_sc_denial_sidebar_flush_pending (ScDenialSidebar *self,
                                  FlushMode        mode)
{
  guint n_list = sc_denial_model_get_n_listed (self->items);
  guint n = self->pending_new->len;
  gint64 now = g_get_monotonic_time ();
  const guint32 *pending;
  g_autofree guint *pos = NULL;
  guint limit = n;
  guint end;
  gboolean at_top;

  if (n == 0)
    return TRUE;

  if (mode == FLUSH_HOLD)
    return FALSE;   /* the job's next batch or its end calls again */

  if (n_list < ROW_WINDOW)
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
  pos = find_positions (self, limit);
  pending = (const guint32 *) self->pending_new->data;

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
      sc_denial_model_insert (self->items, pos[start], pending + start, end - start);
      end = start;
    }

  for (guint i = 0; i < limit; i++)
    sc_denial_model_set_pending (self->items, pending[i], FALSE);
  g_array_remove_range (self->pending_new, 0, limit);
  self->last_insert = now;

  /* The list view keeps showing the rows it showed; someone watching the
   * top wants to see the newest denials arrive instead. */
  if (at_top && pos[0] == 0)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", 0);

  if (self->pending_new->len == 0)
    {
      /* A long first read leaves room for every group it found: give it
       * back (following adds a few at a time). */
      if (limit > ROW_WINDOW)
        {
          g_array_unref (self->pending_new);
          self->pending_new = g_array_new (FALSE, FALSE, sizeof (guint32));
        }
      return TRUE;
    }

  if (self->flush_id == 0)
    /* Default priority: it only schedules the apply idle, and must not
     * starve behind slow frames. */
    self->flush_id = g_timeout_add_full (G_PRIORITY_DEFAULT,
                                         n_list + limit < ROW_WINDOW ? 16
                                         : mode == FLUSH_THROTTLED ? INSERT_INTERVAL_USEC / 1000 : 0,
                                         flush_timeout_cb, self, NULL);
  return FALSE;
}

/* Finds group INDEX in the sorted list; its sort key must not have
 * changed since it was placed. */
static gboolean
find_position (ScDenialSidebar *self,
               guint            index,
               guint           *position)
{
  guint pos = upper_bound (self, index, G_MAXUINT);

  if (pos == 0 || sc_denial_model_get_index (self->items, pos - 1) != index)
    return FALSE;
  *position = pos - 1;
  return TRUE;
}

static gboolean
in_place (ScDenialSidebar *self,
          guint            index,
          guint            position)
{
  guint n = sc_denial_model_get_n_listed (self->items);

  if (position > 0 && sort_func (self, sc_denial_model_get_index (self->items, position - 1), index) > 0)
    return FALSE;
  if (position + 1 < n && sort_func (self, index, sc_denial_model_get_index (self->items, position + 1)) > 0)
    return FALSE;
  return TRUE;
}

void
_sc_denial_sidebar_apply_snapshot (ScDenialSidebar  *self,
                                   ScDenialSnapshot *snapshot)
{
  guint index = snapshot->group->index;
  guint position;

  if (snapshot->is_new)
    {
      guint32 index32 = index;

      sc_denial_model_update (self->items, snapshot);
      sc_denial_model_set_pending (self->items, index, TRUE);
      g_array_append_val (self->pending_new, index32);
      return;
    }

  if (!sc_denial_model_knows (self->items, index))
    return;

  if (sc_denial_model_get_pending (self->items, index))
    {
      sc_denial_model_update (self->items, snapshot);
      return;
    }

  if (!find_position (self, index, &position))
    {
      g_warn_if_reached ();
      return;
    }

  sc_denial_model_update (self->items, snapshot);

  /* A group seen again usually moves to the top (sorted by last seen). */
  if (!in_place (self, index, position))
    sc_denial_model_move (self->items, position, upper_bound (self, index, position));
}

void
_sc_denial_sidebar_resort (ScDenialSidebar *self)
{
  sc_denial_model_sort (self->items, sort_func_indirect, self);
}
