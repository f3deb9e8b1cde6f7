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
  gint        ref_count;
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

  /* Every string of every group (keys, patterns, the kept record's fields
   * and details, hosts) lives here: repeated ones (app names, operations,
   * detail keys, pids, hosts) once, distinct ones without a heap block
   * each. */
  GStringChunk *strings;
  guint         max_groups;  /* 0: no limit */
  guint64       n_dropped_groups;
  guint64       n_dropped_records;
  GHashTable   *dropped_keys;  /* hashes of the keys of groups left out */
  GHashTable   *no_details;    /* the empty details table of every kept record */
  GString      *packing;       /* reused to pack details */
  GPtrArray    *no_hosts;      /* the host list of groups seen on no host */
  GHashTable   *host_lists;    /* host → the host list of groups seen only there */
};

/* Groups */

/* Strings this short are looked up before they are stored, so each value
 * is kept once per store; longer ones (paths, records) are rarely repeated. */
#define SHARE_MAX_LEN 16

static char *
store_string (ScDenialStore *store,
              const char    *str)
{
  if (str == NULL)
    return NULL;
  if (strlen (str) <= SHARE_MAX_LEN)
    return g_string_chunk_insert_const (store->strings, str);
  return g_string_chunk_insert (store->strings, str);
}

/* A copy of DENIAL whose strings and details live in the store: the kept
 * record of a group costs its struct and a small table of pointers. */
static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static ScDenial *
compact_denial (ScDenialStore  *store,
                const ScDenial *denial,
                const char    **packed_details)
{
  ScDenial *c = g_new0 (ScDenial, 1);

  c->ref_count = 1;
  c->kind = denial->kind;
  c->mode = denial->mode;
  c->snap = store_string (store, denial->snap);
  c->instance = store_string (store, denial->instance);
  c->app = store_string (store, denial->app);
  c->hook = store_string (store, denial->hook);
  c->profile = store_string (store, denial->profile);
  c->operation = store_string (store, denial->operation);
  c->object = store_string (store, denial->object);
  c->permissions = store_string (store, denial->permissions);
  c->timestamp_usec = denial->timestamp_usec;
  c->host = store_string (store, denial->host);
  /* Audit ids are short but never repeat. */
  c->audit_id = denial->audit_id != NULL ? g_string_chunk_insert (store->strings, denial->audit_id)
                                         : NULL;
  c->transport = store_string (store, denial->transport);
  c->noise = denial->noise;
  c->noise_reason = store_string (store, denial->noise_reason);
  c->raw = store_string (store, denial->raw);

  /* The details are packed into one string of the chunk, "key\0value\0…
   * \0\0", keys once per store: a table per group cost more than the rest
   * of the group. The record's own details table stays empty (shared). */
  c->details = store->no_details;
  if (denial->details != NULL && g_hash_table_size (denial->details) > 0)
    {
      GString *packed = store->packing;
      g_autofree gpointer *keys = NULL;
      guint n_keys = 0;

      g_string_truncate (packed, 0);
      keys = g_hash_table_get_keys_as_array (denial->details, &n_keys);
      qsort (keys, n_keys, sizeof (gpointer), compare_strings);
      for (guint i = 0; i < n_keys; i++)
        {
          const char *v = g_hash_table_lookup (denial->details, keys[i]);

          g_string_append_len (packed, keys[i], strlen (keys[i]) + 1);
          g_string_append_len (packed, v != NULL ? v : "", strlen (v != NULL ? v : "") + 1);
        }
      g_string_append_c (packed, '\0');
      *packed_details = g_string_chunk_insert_len (store->strings, packed->str, packed->len);
    }
  return c;
}

/* The strings belong to the store's chunk: only the struct and the table
 * are the denial's own. */
static void
compact_denial_free (ScDenial *denial)
{
  g_free (denial);
}

static void
group_free (ScDenialGroup *group)
{
  g_clear_pointer (&group->denial, compact_denial_free);
  g_clear_pointer (&group->hosts, g_ptr_array_unref);
  g_free (group);
}

const char *
sc_denial_group_get_detail (const ScDenialGroup *group,
                            const char          *key)
{
  g_return_val_if_fail (group != NULL, NULL);
  g_return_val_if_fail (key != NULL, NULL);

  for (const char *p = group->details; p != NULL && *p != '\0'; )
    {
      const char *value = p + strlen (p) + 1;

      if (strcmp (p, key) == 0)
        return value;
      p = value + strlen (value) + 1;
    }
  return NULL;
}

GHashTable *
sc_denial_group_dup_details (const ScDenialGroup *group)
{
  GHashTable *details = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_val_if_fail (group != NULL, details);

  for (const char *p = group->details; p != NULL && *p != '\0'; )
    {
      const char *value = p + strlen (p) + 1;

      g_hash_table_insert (details, (gpointer) p, (gpointer) value);
      p = value + strlen (value) + 1;
    }
  return details;
}

ScSuggestionResult *
sc_denial_group_dup_suggestions (const ScDenialGroup *group)
{
  g_autoptr(GHashTable) details = NULL;
  ScDenial full;

  g_return_val_if_fail (group != NULL, NULL);

  /* The rules read details: a view of the record with its table. */
  details = sc_denial_group_dup_details (group);
  full = *group->denial;
  full.details = details;
  return sc_suggest_for_denial (&full, full.snap);
}

gboolean
sc_denial_group_is_noise (const ScDenialGroup *group)
{
  g_return_val_if_fail (group != NULL, FALSE);
  return group->denial != NULL && group->denial->noise;
}

static void
group_add_host (ScDenialStore *store,
                ScDenialGroup *group,
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
  /* Groups seen on no host or on one share the store's list for it (most
   * logs come from one machine): copied when it would change. */
  if (group->hosts->len == 0)
    {
      const char *stored = store_string (store, host);
      GPtrArray *shared = g_hash_table_lookup (store->host_lists, stored);

      if (shared == NULL)
        {
          shared = g_ptr_array_sized_new (1);
          g_ptr_array_add (shared, (gpointer) stored);
          g_hash_table_insert (store->host_lists, (gpointer) stored, shared);
        }
      g_ptr_array_unref (group->hosts);
      group->hosts = g_ptr_array_ref (shared);
      return;
    }
  if (group->hosts->len == 1)
    {
      GPtrArray *own = g_ptr_array_sized_new (2);

      g_ptr_array_add (own, g_ptr_array_index (group->hosts, 0));
      g_ptr_array_unref (group->hosts);
      group->hosts = own;
    }
  g_ptr_array_insert (group->hosts, lo, store_string (store, host));
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

  self->ref_count = 1;
  self->snap_name = g_strdup (snap_name);
  self->groups = g_ptr_array_new_with_free_func ((GDestroyNotify) group_free);
  self->by_key = g_hash_table_new (g_str_hash, g_str_equal);
  self->audit_table = g_new0 (guint64, AUDIT_TABLE_SIZE);
  self->audit_ring = g_new0 (guint64, AUDIT_ID_WINDOW);
  self->scratch = g_string_sized_new (256);
  self->strings = g_string_chunk_new (64 * 1024);
  self->dropped_keys = g_hash_table_new (NULL, NULL);
  self->no_details = g_hash_table_new (g_str_hash, g_str_equal);
  self->packing = g_string_sized_new (512);
  self->no_hosts = g_ptr_array_new ();
  self->host_lists = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                            (GDestroyNotify) g_ptr_array_unref);
  return self;
}

ScDenialStore *
sc_denial_store_ref (ScDenialStore *store)
{
  g_return_val_if_fail (store != NULL, NULL);
  g_atomic_int_inc (&store->ref_count);
  return store;
}

void
sc_denial_store_free (ScDenialStore *store)
{
  sc_denial_store_unref (store);
}

void
sc_denial_store_unref (ScDenialStore *store)
{
  if (store == NULL || !g_atomic_int_dec_and_test (&store->ref_count))
    return;

  g_string_free (store->scratch, TRUE);
  /* The groups point into the chunk: they go first. */
  g_hash_table_unref (store->by_key);
  store->by_key = NULL;
  g_clear_pointer (&store->groups, g_ptr_array_unref);
  g_string_chunk_free (store->strings);
  g_hash_table_unref (store->dropped_keys);
  g_hash_table_unref (store->no_details);
  g_string_free (store->packing, TRUE);
  g_ptr_array_unref (store->no_hosts);
  g_hash_table_unref (store->host_lists);
  g_free (store->audit_table);
  g_free (store->audit_ring);
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

static guint64
hash_bytes (const char *s,
            gsize       len)
{
  guint64 h = G_GUINT64_CONSTANT (0xcbf29ce484222325);

  for (gsize i = 0; i < len; i++)
    h = (h ^ (guchar) s[i]) * G_GUINT64_CONSTANT (0x100000001b3);
  return h;
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
  gsize pattern_start;
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

  group = g_hash_table_lookup (store->by_key, key->str);
  if (group == NULL && store->max_groups > 0 && store->groups->len >= store->max_groups)
    {
      /* Full: the record is counted, and its group is told apart from the
       * others only by being new. */
      store->n_records--;
      store->n_dropped_records++;
      /* Distinct groups left out, told apart by a 64-bit hash of the key. */
      if (g_hash_table_add (store->dropped_keys,
                            GSIZE_TO_POINTER ((gsize) hash_bytes (key->str, key->len))))
        store->n_dropped_groups++;
      return NULL;
    }
  if (group == NULL)
    {
      group = g_new0 (ScDenialGroup, 1);
      group->key = g_string_chunk_insert_len (store->strings, key->str, key->len);
      group->denial = compact_denial (store, denial, &group->details);
      /* The pattern is the key's last part. */
      if (has_pattern)
        group->object_pattern = group->key + pattern_start;
      group->hosts = g_ptr_array_ref (store->no_hosts);
      group->first_seen_usec = denial->timestamp_usec;
      group->last_seen_usec = denial->timestamp_usec;
      group->index = store->groups->len;
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
  group_add_host (store, group, denial->host);
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

void
sc_denial_store_set_max_groups (ScDenialStore *store,
                                guint          max_groups)
{
  g_return_if_fail (store != NULL);
  store->max_groups = max_groups;
}

guint
sc_denial_store_get_max_groups (ScDenialStore *store)
{
  g_return_val_if_fail (store != NULL, 0);
  return store->max_groups;
}

guint64
sc_denial_store_get_n_dropped_groups (ScDenialStore *store)
{
  g_return_val_if_fail (store != NULL, 0);
  return store->n_dropped_groups;
}

guint64
sc_denial_store_get_n_dropped_records (ScDenialStore *store)
{
  g_return_val_if_fail (store != NULL, 0);
  return store->n_dropped_records;
}

guint64
sc_denial_store_get_n_records (ScDenialStore *store)
{
  g_return_val_if_fail (store != NULL, 0);
  return store->n_records;
}
