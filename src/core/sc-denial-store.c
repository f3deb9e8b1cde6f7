/* sc-denial-store.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Groups denials. A journal can hold the same denial thousands of times
 * (every open() of a missing file), and the same event twice when both the
 * kernel and the audit transport carry it; the store folds all of that into
 * one entry per distinct access so a person can read the list.
 *
 * Adding a record costs one normalisation, one key and one hash lookup;
 * suggestions are computed only when a group is created.
 */
#define G_LOG_DOMAIN "sc-denial-store"

#include "config.h"

#include <string.h>

#include "sc-denial-store.h"

/* How many recent audit ids are remembered for de-duplication. The kernel
 * and audit copies of one event are written within milliseconds of each
 * other, so a window of a few thousand records is plenty while keeping
 * memory bounded on journals with millions of entries. */
#define AUDIT_ID_WINDOW 8192
/* Open-addressing table of id hashes, at most half full. */
#define AUDIT_TABLE_SIZE (AUDIT_ID_WINDOW * 2)
#define AUDIT_TABLE_MASK (AUDIT_TABLE_SIZE - 1)

struct _ScDenialStore
{
  char       *snap_name;
  GPtrArray  *groups;        /* of ScDenialGroup*, owned, creation order */
  GHashTable *by_key;        /* key (borrowed from the group) → ScDenialGroup* */
  guint64     lost;
  guint64     n_records;

  /* De-duplication by audit id: a set of 64-bit hashes of (host, id) plus
   * a ring of the same hashes in arrival order, so the oldest is dropped
   * when the window is full. Nothing is allocated per record. (Two distinct
   * events sharing a 64-bit hash within one window is not a practical
   * concern.) */
  guint64    *audit_table;   /* AUDIT_TABLE_SIZE slots, 0 = empty */
  guint64    *audit_ring;    /* AUDIT_ID_WINDOW slots, 0 = unused */
  guint       audit_ring_pos;

  GString    *scratch;       /* reused for keys and audit ids */
};

/* Groups */

static void
group_free (ScDenialGroup *group)
{
  g_free (group->key);
  g_clear_pointer (&group->denial, sc_denial_unref);
  g_free (group->object_pattern);
  g_clear_pointer (&group->hosts, g_ptr_array_unref);
  g_clear_pointer (&group->suggestions, sc_suggestion_result_free);
  g_free (group);
}

gboolean
sc_denial_group_is_noise (const ScDenialGroup *group)
{
  g_return_val_if_fail (group != NULL, FALSE);
  return group->denial != NULL && group->denial->noise;
}

static void
group_add_host (ScDenialGroup *group,
                const char    *host)
{
  guint lo = 0, hi = group->hosts->len;

  if (host == NULL || *host == '\0')
    return;

  /* Binary search for the insertion point keeps the list sorted and unique
   * without a second structure; a group rarely sees more than a few hosts. */
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      int cmp = strcmp (g_ptr_array_index (group->hosts, mid), host);

      if (cmp == 0)
        return;
      if (cmp < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  g_ptr_array_insert (group->hosts, lo, g_strdup (host));
}

static void
append_field (GString    *key,
              const char *value)
{
  /* The unit separator cannot occur in decoded log text that matters here
   * and keeps "a" + "bc" apart from "ab" + "c". */
  if (value != NULL)
    g_string_append (key, value);
  g_string_append_c (key, '\x1f');
}

/* Store */

ScDenialStore *
sc_denial_store_new (const char *snap_name)
{
  ScDenialStore *self = g_new0 (ScDenialStore, 1);

  self->snap_name = g_strdup (snap_name);
  self->groups = g_ptr_array_new_with_free_func ((GDestroyNotify) group_free);
  self->by_key = g_hash_table_new (g_str_hash, g_str_equal);
  self->audit_table = g_new0 (guint64, AUDIT_TABLE_SIZE);
  self->audit_ring = g_new0 (guint64, AUDIT_ID_WINDOW);
  self->scratch = g_string_sized_new (256);
  return self;
}

void
sc_denial_store_free (ScDenialStore *store)
{
  if (store == NULL)
    return;

  g_string_free (store->scratch, TRUE);
  g_free (store->audit_table);
  g_free (store->audit_ring);
  g_hash_table_unref (store->by_key);
  g_ptr_array_unref (store->groups);
  g_free (store->snap_name);
  g_free (store);
}

/* Whether DENIAL belongs to the store's snap. A parallel install
 * "foo_dev" is an instance of snap "foo", so it belongs to "foo"; asking
 * for "foo_dev" keeps only that instance. Records that name no snap
 * (snap-confine itself) cannot be attributed and are left out. */
static gboolean
belongs_to_snap (ScDenialStore  *store,
                 const ScDenial *denial)
{
  if (store->snap_name == NULL)
    return TRUE;
  if (g_strcmp0 (denial->snap, store->snap_name) == 0)
    return TRUE;
  if (g_strcmp0 (denial->instance, store->snap_name) == 0)
    return TRUE;
  return FALSE;
}

/* FNV-1a, 64 bits, never 0 (0 marks an empty slot). */
static guint64
hash_audit_id (const char *host,
               const char *id)
{
  guint64 h = G_GUINT64_CONSTANT (0xcbf29ce484222325);

  for (const char *p = host != NULL ? host : ""; *p != '\0'; p++)
    h = (h ^ (guchar) *p) * G_GUINT64_CONSTANT (0x100000001b3);
  h = (h ^ 0x1f) * G_GUINT64_CONSTANT (0x100000001b3);
  for (const char *p = id; *p != '\0'; p++)
    h = (h ^ (guchar) *p) * G_GUINT64_CONSTANT (0x100000001b3);
  return h != 0 ? h : 1;
}

static gboolean
audit_table_contains (const guint64 *table,
                      guint64        h)
{
  for (guint i = h & AUDIT_TABLE_MASK; table[i] != 0; i = (i + 1) & AUDIT_TABLE_MASK)
    if (table[i] == h)
      return TRUE;
  return FALSE;
}

static void
audit_table_insert (guint64 *table,
                    guint64  h)
{
  guint i = h & AUDIT_TABLE_MASK;

  while (table[i] != 0)
    i = (i + 1) & AUDIT_TABLE_MASK;
  table[i] = h;
}

/* Linear-probing removal by backward shift, so no tombstones build up. */
static void
audit_table_remove (guint64 *table,
                    guint64  h)
{
  guint i = h & AUDIT_TABLE_MASK;
  guint j;

  while (table[i] != h)
    {
      if (table[i] == 0)
        return;
      i = (i + 1) & AUDIT_TABLE_MASK;
    }

  j = i;
  for (;;)
    {
      guint home;

      j = (j + 1) & AUDIT_TABLE_MASK;
      if (table[j] == 0)
        break;
      home = table[j] & AUDIT_TABLE_MASK;
      /* Move the entry at J into the hole at I unless its home slot lies
       * cyclically in (I, J]. */
      if ((i <= j) ? (home <= i || home > j) : (home <= i && home > j))
        {
          table[i] = table[j];
          i = j;
        }
    }
  table[i] = 0;
}

/* TRUE when the event was already counted through another transport. */
static gboolean
seen_audit_id (ScDenialStore  *store,
               const ScDenial *denial)
{
  guint64 h;
  guint64 old;

  if (denial->audit_id == NULL || *denial->audit_id == '\0')
    return FALSE;

  /* Journals merged from several machines can share serials, so the host
   * is part of the identity. */
  h = hash_audit_id (denial->host, denial->audit_id);
  if (audit_table_contains (store->audit_table, h))
    return TRUE;

  old = store->audit_ring[store->audit_ring_pos];
  if (old != 0)
    audit_table_remove (store->audit_table, old);
  store->audit_ring[store->audit_ring_pos] = h;
  store->audit_ring_pos = (store->audit_ring_pos + 1) % AUDIT_ID_WINDOW;
  audit_table_insert (store->audit_table, h);
  return FALSE;
}

static const char *
denial_permissions (const ScDenial *denial)
{
  const char *perms = denial->permissions;

  if (perms == NULL)
    perms = sc_denial_get_detail (denial, "denied_mask");
  if (perms == NULL)
    perms = sc_denial_get_detail (denial, "denied");
  if (perms == NULL)
    perms = sc_denial_get_detail (denial, "requested_mask");
  return perms;
}

ScDenialGroup *
sc_denial_store_add (ScDenialStore *store,
                     ScDenial      *denial,
                     gboolean      *is_new)
{
  GString *key;
  gsize pattern_start, pattern_len;
  gboolean has_pattern;
  ScDenialGroup *group;

  g_return_val_if_fail (store != NULL, NULL);
  g_return_val_if_fail (denial != NULL, NULL);

  if (is_new != NULL)
    *is_new = FALSE;

  if (!belongs_to_snap (store, denial))
    return NULL;
  if (seen_audit_id (store, denial))
    return NULL;

  store->n_records++;

  /* The key is built in the scratch buffer: a repeat of a known access,
   * by far the common case, then costs no allocation at all. */
  key = store->scratch;
  g_string_truncate (key, 0);
  append_field (key, denial->instance != NULL ? denial->instance : denial->snap);
  /* Records of other profiles (snap-confine) have no snap; keep them apart
   * by their label. */
  append_field (key, denial->snap == NULL ? denial->profile : NULL);
  append_field (key, denial->app);
  append_field (key, denial->hook);
  append_field (key, sc_denial_kind_to_string (denial->kind));
  append_field (key, denial->operation);
  append_field (key, denial_permissions (denial));
  append_field (key, sc_denial_mode_to_string (denial->mode));
  /* The same snap name inside an LXD container is a different snap. */
  append_field (key, sc_denial_get_detail (denial, "namespace"));
  pattern_start = key->len;
  has_pattern = sc_denial_normalise_object_into (key, denial, denial->snap);
  pattern_len = key->len - pattern_start;

  group = g_hash_table_lookup (store->by_key, key->str);
  if (group == NULL)
    {
      group = g_new0 (ScDenialGroup, 1);
      group->key = g_strndup (key->str, key->len);
      group->denial = sc_denial_ref (denial);
      if (has_pattern)
        group->object_pattern = g_strndup (key->str + pattern_start, pattern_len);
      group->hosts = g_ptr_array_new_with_free_func (g_free);
      group->first_seen_usec = denial->timestamp_usec;
      group->last_seen_usec = denial->timestamp_usec;
      group->index = store->groups->len;
      group->suggestions = sc_suggest_for_denial (denial, denial->snap);
      g_ptr_array_add (store->groups, group);
      g_hash_table_insert (store->by_key, group->key, group);
      if (is_new != NULL)
        *is_new = TRUE;
    }
  else if (denial->timestamp_usec != 0)
    {
      if (group->first_seen_usec == 0 || denial->timestamp_usec < group->first_seen_usec)
        group->first_seen_usec = denial->timestamp_usec;
      if (denial->timestamp_usec > group->last_seen_usec)
        group->last_seen_usec = denial->timestamp_usec;
    }

  group->count++;
  group_add_host (group, denial->host);
  return group;
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
