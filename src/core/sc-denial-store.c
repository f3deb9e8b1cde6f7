/* sc-denial-store.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sc-denial-store"

#include "config.h"

#include "sc-denial-store.h"

struct _ScDenialStore
{
  char      *snap_name;
  GPtrArray *groups;
  guint64    lost;
  guint64    n_records;
};

ScDenialStore *
sc_denial_store_new (const char *snap_name)
{
  ScDenialStore *self = g_new0 (ScDenialStore, 1);

  self->snap_name = g_strdup (snap_name);
  self->groups = g_ptr_array_new ();
  return self;
}

void
sc_denial_store_free (ScDenialStore *store)
{
  if (store == NULL)
    return;
  g_free (store->snap_name);
  g_ptr_array_unref (store->groups);
  g_free (store);
}

ScDenialGroup *
sc_denial_store_add (ScDenialStore *store,
                     ScDenial      *denial,
                     gboolean      *is_new)
{
  g_return_val_if_fail (store != NULL, NULL);
  g_return_val_if_fail (denial != NULL, NULL);
  store->n_records++;
  if (is_new != NULL)
    *is_new = FALSE;
  return NULL;
}

void
sc_denial_store_add_lost (ScDenialStore *store,
                          guint64        lost)
{
  g_return_if_fail (store != NULL);
  store->lost += lost;
}

guint64
sc_denial_store_get_lost (ScDenialStore *store)
{
  g_return_val_if_fail (store != NULL, 0);
  return store->lost;
}

GPtrArray *
sc_denial_store_get_groups (ScDenialStore *store)
{
  g_return_val_if_fail (store != NULL, NULL);
  return store->groups;
}

guint64
sc_denial_store_get_n_records (ScDenialStore *store)
{
  g_return_val_if_fail (store != NULL, 0);
  return store->n_records;
}

char *
sc_denial_normalise_object (const ScDenial *denial,
                            const char     *snap_name)
{
  g_return_val_if_fail (denial != NULL, NULL);
  (void) snap_name;
  return g_strdup (denial->object);
}
