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
  return SC_DENIAL_MODEL (model)->order->len;
}

static gpointer
sc_denial_model_get_item (GListModel *model,
                          guint       position)
{
  ScDenialModel *self = SC_DENIAL_MODEL (model);

  if (position >= self->order->len)
    return NULL;
  return dup_item (self, g_array_index (self->order, guint32, position));
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

  n = self->order->len;
  g_array_set_size (self->order, 0);
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
  g_return_if_fail (SC_IS_DENIAL_MODEL (self));
  g_return_if_fail (position <= self->order->len);

  if (n == 0)
    return;
  g_array_insert_vals (self->order, position, indices, n);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, n);
}

void
sc_denial_model_move (ScDenialModel *self,
                      guint          from,
                      guint          to)
{
  guint32 index;
  g_autoptr(ScDenialItem) keep = NULL;
  ScDenialItem *item;

  g_return_if_fail (SC_IS_DENIAL_MODEL (self));
  g_return_if_fail (from < self->order->len && to < self->order->len);

  if (from == to)
    return;
  index = g_array_index (self->order, guint32, from);
  /* A row showing the group keeps showing the same item. */
  item = g_hash_table_lookup (self->alive, GUINT_TO_POINTER (index));
  if (item != NULL)
    keep = g_object_ref (item);
  g_array_remove_index (self->order, from);
  g_list_model_items_changed (G_LIST_MODEL (self), from, 1, 0);
  g_array_insert_val (self->order, to, index);
  g_list_model_items_changed (G_LIST_MODEL (self), to, 0, 1);
}

void
sc_denial_model_sort (ScDenialModel    *self,
                      GCompareDataFunc  compare,
                      gpointer          user_data)
{
  guint n;

  g_return_if_fail (SC_IS_DENIAL_MODEL (self));

  n = self->order->len;
  g_array_sort_with_data (self->order, compare, user_data);
  if (n > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, n, n);
}

guint
sc_denial_model_get_n_alive (ScDenialModel *self)
{
  g_return_val_if_fail (SC_IS_DENIAL_MODEL (self), 0);

  return g_hash_table_size (self->alive);
}
