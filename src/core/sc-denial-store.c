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

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "sc-denial-store-private.h"

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

static void
put_varint (GString *out,
            guint32  value)
{
  while (value >= 0x80)
    {
      g_string_append_c (out, (char) (value | 0x80));
      value >>= 7;
    }
  g_string_append_c (out, (char) value);
}

static guint32
get_varint (const guint8 **p)
{
  guint32 value = 0;

  for (guint shift = 0; ; shift += 7)
    {
      guint8 byte = *(*p)++;

      value |= (guint32) (byte & 0x7f) << shift;
      if ((byte & 0x80) == 0)
        return value;
    }
}

static guint32
hash_word (const char *word,
           gsize       len)
{
  guint32 h = 2166136261u;

  for (gsize i = 0; i < len; i++)
    h = (h ^ (guchar) word[i]) * 16777619u;
  return h;
}

static const char *
vocab_get (const ScDenialStore *store,
           guint32              index)
{
  return store->vocab[index >> VOCAB_BLOCK_SHIFT][index & (VOCAB_BLOCK_SIZE - 1)];
}

static void
vocab_table_put (guint64 *table,
                 guint    size,
                 guint64  entry)
{
  guint i = (guint) (entry >> 32) & (size - 1);

  while (table[i] != 0)
    i = (i + 1) & (size - 1);
  table[i] = entry;
}

/* The vocabulary index of WORD[0..LEN), which is added the second time it
 * is seen; -1 when it is not (yet) in the vocabulary. */
static gint
vocab_code (ScDenialStore *store,
            const char    *word,
            gsize          len)
{
  guint mask = store->vocab_table_size - 1;
  guint32 h, *seen;
  guint32 index;
  guint i;

  if (len > VOCAB_MAX_WORD)
    return -1;

  h = hash_word (word, len);
  for (i = h & mask; store->vocab_table[i] != 0; i = (i + 1) & mask)
    {
      guint64 entry = store->vocab_table[i];

      if ((guint32) (entry >> 32) == h)
        {
          const char *known = vocab_get (store, (guint32) entry - 1);

          /* A word holds no NUL, so equal bytes mean KNOWN is as long. */
          if (strncmp (known, word, len) == 0 && known[len] == '\0')
            return (gint) ((guint32) entry - 1);
        }
    }

  seen = &store->seen_once[h & (SEEN_ONCE_SIZE - 1)];
  if (*seen != (h | 1) || store->vocab_len >= VOCAB_MAX)
    {
      *seen = h | 1;
      return -1;
    }

  index = store->vocab_len;
  if ((index & (VOCAB_BLOCK_SIZE - 1)) == 0)
    store->vocab[index >> VOCAB_BLOCK_SHIFT] = g_new (const char *, VOCAB_BLOCK_SIZE);
  /* Written before any group names it, and never moved. */
  store->vocab[index >> VOCAB_BLOCK_SHIFT][index & (VOCAB_BLOCK_SIZE - 1)] =
    g_string_chunk_insert_len (store->strings, word, (gssize) len);
  store->vocab_table[i] = ((guint64) h << 32) | (index + 1);
  store->vocab_len++;

  if (store->vocab_len * 2 > store->vocab_table_size)
    {
      guint size = store->vocab_table_size * 2;
      guint64 *table = g_new0 (guint64, size);

      for (guint j = 0; j < store->vocab_table_size; j++)
        if (store->vocab_table[j] != 0)
          vocab_table_put (table, size, store->vocab_table[j]);
      g_free (store->vocab_table);
      store->vocab_table = table;
      store->vocab_table_size = size;
    }
  return (gint) index;
}

/* RAW as codes: words split at spaces and "=", each with the delimiter
 * that follows it. */
static const guint8 *
code_raw (ScDenialStore *store,
          const char    *raw,
          const char    *object)
{
  GString *out = store->coding;
  gsize object_len = object != NULL ? strlen (object) : 0;
  const char *p = raw;

  g_string_truncate (out, 0);
  for (;;)
    {
      gsize len = strcspn (p, " =");
      guint32 delim = p[len] == ' ' ? RAW_SPACE : p[len] == '=' ? RAW_EQUALS : RAW_END;
      gint index;

      if (object != NULL && len == object_len + 2 && p[0] == '"' && p[len - 1] == '"' &&
          memcmp (p + 1, object, object_len) == 0)
        {
          put_varint (out, (RAW_OBJECT << 2) | delim);
        }
      else if ((index = vocab_code (store, p, len)) >= 0)
        {
          put_varint (out, ((guint32) (index + RAW_VOCAB) << 2) | delim);
        }
      else
        {
          put_varint (out, (RAW_INLINE << 2) | delim);
          put_varint (out, (guint32) len);
          g_string_append_len (out, p, (gssize) len);
        }
      if (delim == RAW_END)
        break;
      p += len + 1;
    }
  return (const guint8 *) g_string_chunk_insert_len (store->strings, out->str, (gssize) out->len);
}

static guint32
hash_bytes32 (const char *bytes,
              gsize       len)
{
  return hash_word (bytes, len);
}

/* The span's bytes, read again; NULL when they are no longer the record's. */
static char *
read_span (const GroupBox *box)
{
  const RawFile *file = &box_store (box)->raw_files[box->raw_file - 1];
  guint64 offset = box->raw.span >> SPAN_LENGTH_BITS;
  gsize length = (gsize) (box->raw.span & ((1u << SPAN_LENGTH_BITS) - 1));
  g_autofree char *text = g_malloc (length + 1);
  gsize done = 0;

  while (done < length)
    {
      ssize_t n = pread (file->fd, text + done, length - done, (off_t) (offset + done));

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return NULL;
      done += (gsize) n;
    }
  text[length] = '\0';
  if (memchr (text, '\0', length) != NULL || hash_bytes32 (text, length) != box->raw_hash)
    return NULL;
  return g_steal_pointer (&text);
}

gboolean
sc_denial_group_has_raw (const ScDenialGroup *group)
{
  const GroupBox *box = (const GroupBox *) group;

  g_return_val_if_fail (group != NULL, FALSE);

  return box->raw_file != 0 || box->raw.coded != NULL;
}

char *
sc_denial_group_dup_raw (const ScDenialGroup *group)
{
  const GroupBox *box = (const GroupBox *) group;
  const guint8 *p;
  GString *out;

  g_return_val_if_fail (group != NULL, NULL);

  if (box->raw_file != 0)
    return read_span (box);
  if (box->raw.coded == NULL)
    return NULL;

  out = g_string_new (NULL);
  for (p = box->raw.coded; ; )
    {
      guint32 code = get_varint (&p);
      guint32 what = code >> 2;
      guint32 delim = code & 3;

      if (what == RAW_INLINE)
        {
          guint32 len = get_varint (&p);

          g_string_append_len (out, (const char *) p, len);
          p += len;
        }
      else if (what == RAW_OBJECT)
        {
          g_string_append_c (out, '"');
          g_string_append (out, group->denial->object);
          g_string_append_c (out, '"');
        }
      else
        {
          g_string_append (out, vocab_get (box_store (box), what - RAW_VOCAB));
        }
      if (delim == RAW_END)
        break;
      g_string_append_c (out, delim == RAW_SPACE ? ' ' : '=');
    }
  return g_string_free (out, FALSE);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* DENIAL's details as codes: keys sorted, each key and value a word of
 * the vocabulary, a field of the kept record C, or inline. */
static const char *
code_details (ScDenialStore  *store,
              const ScDenial *denial,
              const ScDenial *c)
{
  GString *out = store->coding;
  g_autofree gpointer *keys = NULL;
  guint n_keys = 0;

  g_string_truncate (out, 0);
  keys = g_hash_table_get_keys_as_array (denial->details, &n_keys);
  qsort (keys, n_keys, sizeof (gpointer), compare_strings);
  for (guint i = 0; i < n_keys; i++)
    {
      const char *key = keys[i];
      const char *value = g_hash_table_lookup (denial->details, key);
      gint index;

      if ((index = vocab_code (store, key, strlen (key))) >= 0)
        put_varint (out, (guint32) index + DETAIL_VOCAB);
      else
        {
          put_varint (out, DETAIL_INLINE);
          g_string_append_len (out, key, (gssize) strlen (key) + 1);
        }

      if (value == NULL)
        value = "";
      if (c->object != NULL && strcmp (value, c->object) == 0)
        put_varint (out, VALUE_OBJECT);
      else if (c->profile != NULL && strcmp (value, c->profile) == 0)
        put_varint (out, VALUE_PROFILE);
      else if (c->operation != NULL && strcmp (value, c->operation) == 0)
        put_varint (out, VALUE_OPERATION);
      else if (c->permissions != NULL && strcmp (value, c->permissions) == 0)
        put_varint (out, VALUE_PERMISSIONS);
      else if ((index = vocab_code (store, value, strlen (value))) >= 0)
        put_varint (out, (guint32) index + VALUE_VOCAB);
      else
        {
          put_varint (out, VALUE_INLINE);
          g_string_append_len (out, value, (gssize) strlen (value) + 1);
        }
    }
  put_varint (out, DETAIL_END);
  return g_string_chunk_insert_len (store->strings, out->str, (gssize) out->len);
}

/* The next detail of the coded list at *P: FALSE at its end. */
static gboolean
next_detail (const GroupBox  *box,
             const guint8   **p,
             const char     **key,
             const char     **value)
{
  const ScDenial *c = &box->denial;
  guint32 code = get_varint (p);

  if (code == DETAIL_END)
    return FALSE;
  if (code == DETAIL_INLINE)
    {
      *key = (const char *) *p;
      *p += strlen (*key) + 1;
    }
  else
    *key = vocab_get (box_store (box), code - DETAIL_VOCAB);

  code = get_varint (p);
  switch (code)
    {
    case VALUE_INLINE:
      *value = (const char *) *p;
      *p += strlen (*value) + 1;
      break;
    case VALUE_OBJECT:
      *value = c->object;
      break;
    case VALUE_PROFILE:
      *value = c->profile;
      break;
    case VALUE_OPERATION:
      *value = c->operation;
      break;
    case VALUE_PERMISSIONS:
      *value = c->permissions;
      break;
    default:
      *value = vocab_get (box_store (box), code - VALUE_VOCAB);
      break;
    }
  return TRUE;
}

/* Fills BOX's record from DENIAL: its strings and details live in the
 * store, its text is coded; PATTERN (nullable) is the group's object
 * pattern, shared when the object is the same. */
/* The number + 1 of SPAN's file in the store's table, registered now if
 * new; 0 when the span cannot be kept. */
static guint8
span_file (ScDenialStore      *store,
           const ScDenialSpan *span)
{
  RawFile *file;
  int fd;

  if (span->length == 0 || span->length >= (1u << SPAN_LENGTH_BITS) ||
      span->offset >= (G_GUINT64_CONSTANT (1) << (64 - SPAN_LENGTH_BITS)))
    return 0;
  for (guint i = 0; i < store->n_raw_files; i++)
    if (store->raw_files[i].dev == span->dev && store->raw_files[i].ino == span->ino)
      return (guint8) (i + 1);
  if (store->n_raw_files == RAW_FILES_MAX)
    return 0;
  /* A descriptor of its own: the reader closes its own when the log is
   * rotated, and pread() never moves the shared offset. */
  fd = fcntl (span->fd, F_DUPFD_CLOEXEC, 0);
  if (fd < 0)
    return 0;
  file = &store->raw_files[store->n_raw_files];
  file->dev = span->dev;
  file->ino = span->ino;
  file->fd = fd;
  /* The entry is complete before it is counted, and before a group
   * names it (batches reach other threads through a lock). */
  store->n_raw_files++;
  return (guint8) store->n_raw_files;
}

static void
keep_raw (ScDenialStore      *store,
          GroupBox           *box,
          const ScDenial     *denial,
          const ScDenialSpan *span)
{
  if (denial->raw == NULL)
    return;
  if (span != NULL && store->keep_spans && strlen (denial->raw) == span->length)
    box->raw_file = span_file (store, span);
  if (box->raw_file != 0)
    {
      box->raw.span = span->offset << SPAN_LENGTH_BITS | span->length;
      box->raw_hash = hash_bytes32 (denial->raw, span->length);
      return;
    }
  box->raw.coded = code_raw (store, denial->raw, box->denial.object);
}

static void
compact_denial (ScDenialStore      *store,
                GroupBox           *box,
                const ScDenial     *denial,
                const ScDenialSpan *span,
                const char         *pattern)
{
  ScDenial *c = &box->denial;

  c->ref_count = 1;
  c->kind = denial->kind;
  c->mode = denial->mode;
  c->snap = store_string (store, denial->snap);
  c->instance = store_string (store, denial->instance);
  c->app = store_string (store, denial->app);
  c->hook = store_string (store, denial->hook);
  c->profile = store_string (store, denial->profile);
  c->operation = store_string (store, denial->operation);
  if (denial->object != NULL && pattern != NULL && strcmp (denial->object, pattern) == 0)
    c->object = (char *) pattern;
  else
    c->object = store_string (store, denial->object);
  c->permissions = store_string (store, denial->permissions);
  c->timestamp_usec = denial->timestamp_usec;
  c->host = store_string (store, denial->host);
  /* The audit id served de-duplication and is not kept. */
  c->audit_id = NULL;
  c->transport = store_string (store, denial->transport);
  c->noise = denial->noise;
  c->noise_reason = store_string (store, denial->noise_reason);
  /* Read with sc_denial_group_dup_raw(). */
  c->raw = NULL;
  keep_raw (store, box, denial, span);

  /* The record's own details table stays empty (shared): read them with
   * sc_denial_group_get_detail(). */
  c->details = store->no_details;
  if (denial->details != NULL && g_hash_table_size (denial->details) > 0)
    box->group.details = code_details (store, denial, c);
}

/* The box of the next group (index store->groups->len), when there are
 * fewer than MAX_GROUPS. */
static GroupBox *
new_group_box (ScDenialStore *store)
{
  Slab *slab;

  if (store->n_slabs == 0 || store->slab_used == GROUP_SLAB)
    {
      guint dir = store->n_slabs / SLAB_DIR_SIZE;

      if (store->slab_dirs[dir] == NULL)
        store->slab_dirs[dir] = g_new0 (Slab *, SLAB_DIR_SIZE);
      slab = g_new0 (Slab, 1);
      slab->store = store;
      store->slab_dirs[dir][store->n_slabs % SLAB_DIR_SIZE] = slab;
      store->n_slabs++;
      store->slab_used = 0;
    }
  slab = store->slab_dirs[(store->n_slabs - 1) / SLAB_DIR_SIZE][(store->n_slabs - 1) % SLAB_DIR_SIZE];
  return &slab->boxes[store->slab_used++];
}

ScDenialGroup *
sc_denial_store_get_group (ScDenialStore *store,
                           guint          index)
{
  guint n = index / GROUP_SLAB;

  g_return_val_if_fail (store != NULL, NULL);

  /* n_slabs may be growing in the thread adding records: not read here.
   * The slab of a group handed over was listed before it was. */
  return &store->slab_dirs[n / SLAB_DIR_SIZE][n % SLAB_DIR_SIZE]->boxes[index % GROUP_SLAB].group;
}

static void
group_clear (ScDenialGroup *group)
{
  g_clear_pointer (&group->hosts, g_ptr_array_unref);
}

const char *
sc_denial_group_get_detail (const ScDenialGroup *group,
                            const char          *key)
{
  const char *k, *v;
  const guint8 *p;

  g_return_val_if_fail (group != NULL, NULL);
  g_return_val_if_fail (key != NULL, NULL);

  p = (const guint8 *) group->details;
  while (p != NULL && next_detail ((const GroupBox *) group, &p, &k, &v))
    if (strcmp (k, key) == 0)
      return v;
  return NULL;
}

GHashTable *
sc_denial_group_dup_details (const ScDenialGroup *group)
{
  GHashTable *details = g_hash_table_new (g_str_hash, g_str_equal);
  const char *k, *v;
  const guint8 *p;

  g_return_val_if_fail (group != NULL, details);

  p = (const guint8 *) group->details;
  while (p != NULL && next_detail ((const GroupBox *) group, &p, &k, &v))
    g_hash_table_insert (details, (gpointer) k, (gpointer) v);
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
  self->groups = g_ptr_array_new_with_free_func ((GDestroyNotify) group_clear);
  self->key_table_size = 1024;
  self->key_table = g_new0 (guint64, self->key_table_size);
  self->audit_table = g_new0 (guint64, AUDIT_TABLE_SIZE);
  self->audit_ring = g_new0 (guint64, AUDIT_ID_WINDOW);
  self->scratch = g_string_sized_new (256);
  self->strings = g_string_chunk_new (64 * 1024);
  self->dropped_keys = g_hash_table_new (NULL, NULL);
  self->no_details = g_hash_table_new (g_str_hash, g_str_equal);
  self->no_hosts = g_ptr_array_new ();
  self->host_lists = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                            (GDestroyNotify) g_ptr_array_unref);
  self->vocab_table_size = 256;
  self->vocab_table = g_new0 (guint64, self->vocab_table_size);
  self->seen_once = g_new0 (guint32, SEEN_ONCE_SIZE);
  self->coding = g_string_sized_new (512);
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
  g_clear_pointer (&store->key_table, g_free);
  g_clear_pointer (&store->groups, g_ptr_array_unref);
  for (guint i = 0; i < store->n_slabs; i++)
    g_free (store->slab_dirs[i / SLAB_DIR_SIZE][i % SLAB_DIR_SIZE]);
  for (guint i = 0; i < SLAB_DIRS && store->slab_dirs[i] != NULL; i++)
    g_free (store->slab_dirs[i]);
  for (guint i = 0; i < VOCAB_MAX_BLOCKS && store->vocab[i] != NULL; i++)
    g_free (store->vocab[i]);
  g_free (store->vocab_table);
  g_free (store->seen_once);
  g_string_free (store->coding, TRUE);
  g_string_chunk_free (store->strings);
  g_hash_table_unref (store->dropped_keys);
  g_hash_table_unref (store->no_details);
  g_ptr_array_unref (store->no_hosts);
  g_hash_table_unref (store->host_lists);
  g_free (store->audit_table);
  g_free (store->audit_ring);
  g_free (store->snap_name);
  for (guint i = 0; i < store->n_raw_files; i++)
    close (store->raw_files[i].fd);
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

/* The group whose key is KEY[0..LEN), or NULL; *SLOT is where it is or
 * where it would go. */
static ScDenialGroup *
lookup_key (ScDenialStore *store,
            const char    *key,
            gsize          len,
            guint32        hash,
            guint         *slot)
{
  guint mask = store->key_table_size - 1;
  guint i;

  for (i = hash & mask; store->key_table[i] != 0; i = (i + 1) & mask)
    {
      guint64 entry = store->key_table[i];

      if ((guint32) (entry >> 32) == hash)
        {
          ScDenialGroup *group = g_ptr_array_index (store->groups, (guint32) entry - 1);

          if (strncmp (group->key, key, len) == 0 && group->key[len] == '\0')
            {
              *slot = i;
              return group;
            }
        }
    }
  *slot = i;
  return NULL;
}

/* Puts GROUP, whose key hashes to HASH, at SLOT (from lookup_key()). */
static void
insert_key (ScDenialStore *store,
            guint          slot,
            guint32        hash,
            ScDenialGroup *group)
{
  store->key_table[slot] = ((guint64) hash << 32) | ((guint64) group->index + 1);
  if ((store->groups->len) * 5 > store->key_table_size * 4)
    {
      guint size = store->key_table_size * 2;
      guint64 *table = g_new0 (guint64, size);

      for (guint j = 0; j < store->key_table_size; j++)
        if (store->key_table[j] != 0)
          {
            guint k = (guint) (store->key_table[j] >> 32) & (size - 1);

            while (table[k] != 0)
              k = (k + 1) & (size - 1);
            table[k] = store->key_table[j];
          }
      g_free (store->key_table);
      store->key_table = table;
      store->key_table_size = size;
    }
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
  return sc_denial_store_add_with_span (store, denial, NULL, is_new);
}

void
sc_denial_store_set_keep_spans (ScDenialStore *store,
                                gboolean       keep)
{
  g_return_if_fail (store != NULL);
  store->keep_spans = !!keep;
}

ScDenialGroup *
sc_denial_store_add_with_span (ScDenialStore      *store,
                               ScDenial           *denial,
                               const ScDenialSpan *span,
                               gboolean           *is_new)
{
  GString *key;
  gsize pattern_start;
  gboolean has_pattern;
  ScDenialGroup *group;
  guint32 key_hash;
  guint key_slot = 0;

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

  key_hash = hash_word (key->str, key->len);
  group = lookup_key (store, key->str, key->len, key_hash, &key_slot);
  if (group == NULL && ((store->max_groups > 0 && store->groups->len >= store->max_groups) ||
                        store->groups->len >= MAX_GROUPS))
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
      GroupBox *box = new_group_box (store);

      group = &box->group;
      /* First: the box finds its store by it. */
      group->index = store->groups->len;
      group->key = g_string_chunk_insert_len (store->strings, key->str, key->len);
      /* The pattern is the key's last part. */
      if (has_pattern)
        group->object_pattern = group->key + pattern_start;
      group->denial = &box->denial;
      compact_denial (store, box, denial, span, group->object_pattern);
      group->hosts = g_ptr_array_ref (store->no_hosts);
      group->first_seen_usec = denial->timestamp_usec;
      group->last_seen_usec = denial->timestamp_usec;
      g_ptr_array_add (store->groups, group);
      insert_key (store, key_slot, key_hash, group);
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
