/* sc-denial-model.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GListStore of items cost about 170 bytes a group (the item, its node
 * in the store's sequence, an index slot): 16 MiB for 100,000 groups of
 * which the list view shows a few dozen. Here a listed group costs its
 * 4-byte index in the order and 33 bytes of state, and items exist only
 * while someone holds them: the list view's rows, a filter looking at one.
 */

#define G_LOG_DOMAIN "sc-denial-model"

#include "config.h"

#include <string.h>

#include <gtk/gtk.h>

#include "sc-denial-model.h"

/* What changes while following, per group index. One host is kept as
 * the string itself; more as an owned NULL-terminated array. */
typedef struct
{
  guint64              count;
  gint64               first_seen;
  gint64               last_seen;
  gpointer             hosts;   /* NULL, const char* (FLAG_ONE_HOST) or const char** */
} GroupState;

enum
{
  FLAG_PENDING  = 1 << 0,
  FLAG_ONE_HOST = 1 << 1,
  FLAG_HOSTS    = 1 << 2,   /* hosts is an owned array */
  FLAG_KNOWN    = 1 << 3,   /* the state is the group's */
};

struct _ScDenialModel
{
  GObject        parent_instance;

  ScDenialStore *store;     /* owned, nullable */
  GArray        *states;    /* of GroupState, by group index */
  GByteArray    *flags;     /* by group index */
  GArray        *order;     /* of guint32 group index, in list order */
  GHashTable    *alive;     /* group index → ScDenialItem*, weak */

  /* The list shows the groups of ORDER the filter keeps: SHOWN holds their
   * positions in ORDER. Decided by index from the store's groups, so that
   * a filter change makes no items. */
  GtkBitset               *shown;
  guint                    n_shown;
  ScDenialModelFilterFunc  filter;   /* nullable: all shown */
  gpointer                 filter_data;
  guint                    n_made;
};

static void sc_denial_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ScDenialModel, sc_denial_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      sc_denial_model_list_model_init))

static void
item_gone_cb (gpointer      data,
              ScDenialItem *item)
{
  ScDenialModel *self = data;
  gpointer index = GUINT_TO_POINTER (sc_denial_item_get_group (item)->index);

  if (g_hash_table_lookup (self->alive, index) == (gpointer) item)
    g_hash_table_remove (self->alive, index);
}

static void
forget_alive (ScDenialModel *self)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->alive);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      sc_denial_item_set_gone_func (value, NULL, NULL);
      g_hash_table_iter_remove (&iter);
    }
}

static void
free_hosts (ScDenialModel *self,
            guint          index)
{
  GroupState *state = &g_array_index (self->states, GroupState, index);

  if (self->flags->data[index] & FLAG_HOSTS)
    g_free (state->hosts);
  state->hosts = NULL;
  self->flags->data[index] &= ~(FLAG_HOSTS | FLAG_ONE_HOST);
}

static void
clear_states (ScDenialModel *self)
{
  for (guint i = 0; i < self->states->len; i++)
    free_hosts (self, i);
  g_array_set_size (self->states, 0);
  g_byte_array_set_size (self->flags, 0);
}

static void
sc_denial_model_finalize (GObject *object)
{
  ScDenialModel *self = (ScDenialModel *) object;

  forget_alive (self);
  g_clear_pointer (&self->alive, g_hash_table_unref);
  clear_states (self);
  g_clear_pointer (&self->states, g_array_unref);
  g_clear_pointer (&self->flags, g_byte_array_unref);
  g_clear_pointer (&self->order, g_array_unref);
  g_clear_pointer (&self->shown, gtk_bitset_unref);
  g_clear_pointer (&self->store, sc_denial_store_unref);

  G_OBJECT_CLASS (sc_denial_model_parent_class)->finalize (object);
}

static void
sc_denial_model_class_init (ScDenialModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sc_denial_model_finalize;
}

static void
sc_denial_model_init (ScDenialModel *self)
{
  self->states = g_array_new (FALSE, TRUE, sizeof (GroupState));
  self->flags = g_byte_array_new ();
  self->order = g_array_new (FALSE, FALSE, sizeof (guint32));
  self->alive = g_hash_table_new (NULL, NULL);
  self->shown = gtk_bitset_new_empty ();
}

static gboolean
index_shown (ScDenialModel *self,
             guint          index)
{
  return self->filter == NULL ||
         self->filter (self, sc_denial_store_get_group (self->store, index), self->filter_data);
}

/* The list position of the group at POSITION in the order, if shown:
 * how many shown groups come before it. */
static guint
shown_before (ScDenialModel *self,
              guint          position)
{
  if (position == 0)
    return 0;
  return (guint) gtk_bitset_get_size_in_range (self->shown, 0, position - 1);
}

/* The state's host list as item_update() takes it; SCRATCH holds one. */
static const char * const *
state_hosts (ScDenialModel    *self,
             guint             index,
             const char      **scratch)
{
  GroupState *state = &g_array_index (self->states, GroupState, index);

  if (self->flags->data[index] & FLAG_ONE_HOST)
    {
      scratch[0] = state->hosts;
      scratch[1] = NULL;
      return scratch;
    }
  if (state->hosts != NULL)
    return state->hosts;
  scratch[0] = NULL;
  return scratch;
}

static void
set_item_state (ScDenialModel *self,
                ScDenialItem  *item,
                guint          index)
{
  GroupState *state = &g_array_index (self->states, GroupState, index);
  const char *scratch[2];

  sc_denial_item_update (item, state->count, state->first_seen, state->last_seen,
                         state_hosts (self, index, scratch));
}

static ScDenialItem *
dup_item (ScDenialModel *self,
          guint          index)
{
  ScDenialItem *item = g_hash_table_lookup (self->alive, GUINT_TO_POINTER (index));
  GroupState *state;
  const char *scratch[2];

  if (item != NULL)
    return g_object_ref (item);

  state = &g_array_index (self->states, GroupState, index);
  item = sc_denial_item_new_with_state (self->store, sc_denial_store_get_group (self->store, index),
                                        state->count, state->first_seen, state->last_seen,
                                        state_hosts (self, index, scratch));
  sc_denial_item_set_gone_func (item, item_gone_cb, self);
  self->n_made++;
  g_hash_table_insert (self->alive, GUINT_TO_POINTER (index), item);
  return item;
}

static GType
sc_denial_model_get_item_type (GListModel *model)
{
  return SC_TYPE_DENIAL_ITEM;
}

static guint
sc_denial_model_get_n_items (GListModel *model)
{
  return SC_DENIAL_MODEL (model)->n_shown;
}

static gpointer
sc_denial_model_get_item (GListModel *model,
                          guint       position)
{
  ScDenialModel *self = SC_DENIAL_MODEL (model);

  if (position >= self->n_shown)
    return NULL;
  return dup_item (self, g_array_index (self->order, guint32,
                                        gtk_bitset_get_nth (self->shown, position)));
}

static void
sc_denial_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = sc_denial_model_get_item_type;
  iface->get_n_items = sc_denial_model_get_n_items;
  iface->get_item = sc_denial_model_get_item;
}

ScDenialModel *
sc_denial_model_new (void)
{
  return g_object_new (SC_TYPE_DENIAL_MODEL, NULL);
}

void
sc_denial_model_reset (ScDenialModel *self,
                       ScDenialStore *store)
{
  guint n;

  g_return_if_fail (SC_IS_DENIAL_MODEL (self));

  n = self->n_shown;
  g_array_set_size (self->order, 0);
  gtk_bitset_remove_all (self->shown);
  self->n_shown = 0;
  forget_alive (self);
  clear_states (self);
  if (store != NULL)
    sc_denial_store_ref (store);
  g_clear_pointer (&self->store, sc_denial_store_unref);
  self->store = store;
  if (n > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, n, 0);
}

void
sc_denial_model_update (ScDenialModel          *self,
                        const ScDenialSnapshot *snapshot)
{
  guint index;
  GroupState *state;
  ScDenialItem *item;
  guint n_hosts;

  g_return_if_fail (SC_IS_DENIAL_MODEL (self));
  g_return_if_fail (self->store != NULL);

  index = snapshot->group->index;
  if (index >= self->states->len)
    {
      /* Groups are numbered in the order they were made: the next new
       * group's index is the array's length, or near it. */
      guint old = self->flags->len;

      g_array_set_size (self->states, index + 1);
      g_byte_array_set_size (self->flags, index + 1);
      memset (self->flags->data + old, 0, index + 1 - old);
    }

  state = &g_array_index (self->states, GroupState, index);
  self->flags->data[index] |= FLAG_KNOWN;
  state->count = snapshot->count;
  state->first_seen = snapshot->first_seen;
  state->last_seen = snapshot->last_seen;

  if (snapshot->hosts != NULL)
    {
      n_hosts = g_strv_length ((char **) snapshot->hosts);
      free_hosts (self, index);
      /* The strings are the store's. */
      if (n_hosts == 1)
        {
          state->hosts = (gpointer) snapshot->hosts[0];
          self->flags->data[index] |= FLAG_ONE_HOST;
        }
      else if (n_hosts > 1)
        {
          state->hosts = g_memdup2 (snapshot->hosts, (n_hosts + 1) * sizeof (char *));
          self->flags->data[index] |= FLAG_HOSTS;
        }
    }

  item = g_hash_table_lookup (self->alive, GUINT_TO_POINTER (index));
  if (item != NULL)
    set_item_state (self, item, index);
}

guint
sc_denial_model_get_n_known (ScDenialModel *self)
{
  g_return_val_if_fail (SC_IS_DENIAL_MODEL (self), 0);

  return self->states->len;
}

gboolean
sc_denial_model_knows (ScDenialModel *self,
                       guint          index)
{
  g_return_val_if_fail (SC_IS_DENIAL_MODEL (self), FALSE);

  return index < self->states->len && (self->flags->data[index] & FLAG_KNOWN) != 0;
}

gboolean
sc_denial_model_get_pending (ScDenialModel *self,
                             guint          index)
{
  g_return_val_if_fail (sc_denial_model_knows (self, index), FALSE);

  return (self->flags->data[index] & FLAG_PENDING) != 0;
}

void
sc_denial_model_set_pending (ScDenialModel *self,
                             guint          index,
                             gboolean       pending)
{
  g_return_if_fail (sc_denial_model_knows (self, index));

  if (pending)
    self->flags->data[index] |= FLAG_PENDING;
  else
    self->flags->data[index] &= ~FLAG_PENDING;
}

guint64
sc_denial_model_get_count (ScDenialModel *self,
                           guint          index)
{
  return g_array_index (self->states, GroupState, index).count;
}

gint64
sc_denial_model_get_last_seen (ScDenialModel *self,
                               guint          index)
{
  return g_array_index (self->states, GroupState, index).last_seen;
}

guint
sc_denial_model_get_index (ScDenialModel *self,
                           guint          position)
{
  return g_array_index (self->order, guint32, position);
}

void
sc_denial_model_insert (ScDenialModel *self,
                        guint          position,
                        const guint32 *indices,
                        guint          n)
{
  guint added = 0;

  g_return_if_fail (SC_IS_DENIAL_MODEL (self));
  g_return_if_fail (position <= self->order->len);

  if (n == 0)
    return;
  g_array_insert_vals (self->order, position, indices, n);
  gtk_bitset_splice (self->shown, position, 0, n);
  /* The shown ones among a run are neighbours in the list too. */
  for (guint i = 0; i < n; i++)
    if (index_shown (self, indices[i]))
      {
        gtk_bitset_add (self->shown, position + i);
        added++;
      }
  self->n_shown += added;
  if (added > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), shown_before (self, position), 0, added);
}

void
sc_denial_model_move (ScDenialModel *self,
                      guint          from,
                      guint          to)
{
  guint32 index;
  g_autoptr(ScDenialItem) keep = NULL;
  ScDenialItem *item;
  gboolean was_shown;
  guint shown_from;

  g_return_if_fail (SC_IS_DENIAL_MODEL (self));
  g_return_if_fail (from < self->order->len && to < self->order->len);

  if (from == to)
    return;
  index = g_array_index (self->order, guint32, from);
  /* A row showing the group keeps showing the same item. */
  item = g_hash_table_lookup (self->alive, GUINT_TO_POINTER (index));
  if (item != NULL)
    keep = g_object_ref (item);
  was_shown = gtk_bitset_contains (self->shown, from);
  shown_from = shown_before (self, from);
  g_array_remove_index (self->order, from);
  gtk_bitset_splice (self->shown, from, 1, 0);
  if (was_shown)
    {
      self->n_shown--;
      g_list_model_items_changed (G_LIST_MODEL (self), shown_from, 1, 0);
    }
  g_array_insert_val (self->order, to, index);
  gtk_bitset_splice (self->shown, to, 0, 1);
  /* Its state changed: the filter may see it otherwise now. */
  if (index_shown (self, index))
    {
      gtk_bitset_add (self->shown, to);
      self->n_shown++;
      g_list_model_items_changed (G_LIST_MODEL (self), shown_before (self, to), 0, 1);
    }
}

/* Which positions of the order the filter shows, into SHOWN (empty). */
static guint
compute_shown (ScDenialModel *self,
               GtkBitset     *shown)
{
  guint n = self->order->len;
  guint n_shown = 0;

  if (self->filter == NULL)
    {
      if (n > 0)
        gtk_bitset_add_range (shown, 0, n);
      return n;
    }
  for (guint i = 0; i < n; i++)
    if (index_shown (self, g_array_index (self->order, guint32, i)))
      {
        gtk_bitset_add (shown, i);
        n_shown++;
      }
  return n_shown;
}

void
sc_denial_model_sort (ScDenialModel    *self,
                      GCompareDataFunc  compare,
                      gpointer          user_data)
{
  guint n;

  g_return_if_fail (SC_IS_DENIAL_MODEL (self));

  n = self->n_shown;
  g_array_sort_with_data (self->order, compare, user_data);
  gtk_bitset_remove_all (self->shown);
  self->n_shown = compute_shown (self, self->shown);
  if (n > 0 || self->n_shown > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, n, self->n_shown);
}

void
sc_denial_model_set_filter (ScDenialModel           *self,
                            ScDenialModelFilterFunc  filter,
                            gpointer                 user_data)
{
  g_return_if_fail (SC_IS_DENIAL_MODEL (self));

  self->filter = filter;
  self->filter_data = user_data;
  sc_denial_model_refilter (self);
}

/* A filter change is announced in spans of the order: each holds groups
 * that change sides, at most SPAN_GAP positions apart, and covers at most
 * SPAN_MAX positions. Few spans keep the list view's work small (a change
 * costs it about 5 us: 10,000 scattered noise groups were 50 ms one by
 * one); short ones keep what it asks for small: when a row it tracks (the
 * one at the top, the focus) is among those a change removes, GTK 4.8's
 * list view asks for every item the change adds, to find it again. */
#define SPAN_GAP 16
#define SPAN_MAX 64

/* The spans over SET, as (first, last) pairs of positions. */
static GArray *
collect_spans (GtkBitset *set)
{
  GArray *spans = g_array_new (FALSE, FALSE, sizeof (guint));
  GtkBitsetIter iter;
  guint first, last, next;

  if (!gtk_bitset_iter_init_first (&iter, set, &first))
    return spans;
  last = first;
  while (gtk_bitset_iter_next (&iter, &next))
    {
      if (next - last > SPAN_GAP || next - first >= SPAN_MAX)
        {
          g_array_append_val (spans, first);
          g_array_append_val (spans, last);
          first = next;
        }
      last = next;
    }
  g_array_append_val (spans, first);
  g_array_append_val (spans, last);
  return spans;
}

/* Shows (or hides) the groups of CHANGE between positions FIRST and LAST
 * of the order, and says so. */
static void
change_span (ScDenialModel *self,
             GtkBitset     *change,
             guint          first,
             guint          last,
             gboolean       show)
{
  guint at = shown_before (self, first);
  guint removed = (guint) gtk_bitset_get_size_in_range (self->shown, first, last);
  guint added;

  for (guint i = first; i <= last; i++)
    if (gtk_bitset_contains (change, i))
      {
        if (show)
          gtk_bitset_add (self->shown, i);
        else
          gtk_bitset_remove (self->shown, i);
      }
  added = (guint) gtk_bitset_get_size_in_range (self->shown, first, last);
  self->n_shown = self->n_shown - removed + added;
  g_list_model_items_changed (G_LIST_MODEL (self), at, removed, added);
}

void
sc_denial_model_refilter (ScDenialModel *self)
{
  g_autoptr(GtkBitset) now_shown = NULL;
  g_autoptr(GtkBitset) hide = NULL;
  g_autoptr(GtkBitset) show = NULL;
  g_autoptr(GArray) spans = NULL;

  g_return_if_fail (SC_IS_DENIAL_MODEL (self));

  now_shown = gtk_bitset_new_empty ();
  compute_shown (self, now_shown);
  hide = gtk_bitset_copy (self->shown);
  gtk_bitset_subtract (hide, now_shown);
  show = gtk_bitset_copy (now_shown);
  gtk_bitset_subtract (show, self->shown);

  /* Hidden from the end and shown from the start, so that the rows at the
   * top ask for each group they end up showing once. Each change leaves
   * the list as it says. */
  spans = collect_spans (hide);
  for (guint r = spans->len; r > 0; r -= 2)
    change_span (self, hide, g_array_index (spans, guint, r - 2),
                 g_array_index (spans, guint, r - 1), FALSE);
  g_clear_pointer (&spans, g_array_unref);
  spans = collect_spans (show);
  for (guint r = 0; r < spans->len; r += 2)
    change_span (self, show, g_array_index (spans, guint, r),
                 g_array_index (spans, guint, r + 1), TRUE);
}

guint
sc_denial_model_get_n_listed (ScDenialModel *self)
{
  g_return_val_if_fail (SC_IS_DENIAL_MODEL (self), 0);

  return self->order->len;
}

guint
sc_denial_model_get_n_made (ScDenialModel *self)
{
  g_return_val_if_fail (SC_IS_DENIAL_MODEL (self), 0);

  return self->n_made;
}

guint
sc_denial_model_get_n_alive (ScDenialModel *self)
{
  g_return_val_if_fail (SC_IS_DENIAL_MODEL (self), 0);

  return g_hash_table_size (self->alive);
}
