/* sc-denial-sidebar-list.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sidebar's GListStore is kept sorted here (binary search, insertion
 * of runs) rather than behind a GtkSortListModel: in GTK 4.8 that model
 * reports a change of the whole list whenever new items sort to the front
 * (the newest denials do), which makes the list view start over on every
 * batch, about 100 ms each with 100,000 rows.
 */

#define G_LOG_DOMAIN "sc-denial-sidebar"

#include "config.h"

#include <stdlib.h>

#include "sc-denial-item.h"
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
  _sc_denial_sidebar_schedule_apply (self);
  return G_SOURCE_REMOVE;
}

/* Inserts pending items at their sorted places, one splice per run of
 * neighbours (loading in time order puts a whole batch at the top in a
 * single change). Returns TRUE when nothing is left pending; otherwise a
 * later dispatch has been arranged. */
gboolean
_sc_denial_sidebar_flush_pending (ScDenialSidebar *self,
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
    sc_denial_item_set_pending (g_ptr_array_index (self->pending_new, i), FALSE);
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

void
_sc_denial_sidebar_apply_snapshot (ScDenialSidebar  *self,
                ScDenialSnapshot *snapshot)
{
  ScDenialItem *item;
  guint position;

  if (snapshot->is_new)
    {
      item = sc_denial_item_new (self->store, snapshot->group);
      sc_denial_item_update (item, snapshot->count, snapshot->first_seen, snapshot->last_seen,
                             (const char * const *) snapshot->hosts);
      sc_denial_item_set_pending (item, TRUE);
      g_ptr_array_add (self->pending_new, item);
      /* Groups are numbered in the order they were made: the next new
       * group's index is the array's length, or near it when groups of
       * an earlier batch are still on their way. */
      if (snapshot->group->index >= self->by_index->len)
        g_ptr_array_set_size (self->by_index, snapshot->group->index + 1);
      g_ptr_array_index (self->by_index, snapshot->group->index) = item;
      return;
    }

  if (snapshot->group->index >= self->by_index->len)
    return;
  item = g_ptr_array_index (self->by_index, snapshot->group->index);
  if (item == NULL)
    return;

  if (sc_denial_item_get_pending (item))
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

void
_sc_denial_sidebar_resort (ScDenialSidebar *self)
{
  GListModel *model = G_LIST_MODEL (self->items);
  guint n = g_list_model_get_n_items (model);
  g_autoptr(GPtrArray) all = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (all, g_list_model_get_item (model, i));
  g_ptr_array_sort_with_data (all, (GCompareDataFunc) sort_func_indirect, self);
  g_list_store_splice (self->items, 0, n, all->pdata, n);
}

