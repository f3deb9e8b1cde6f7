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

struct _ScDenialStore
{
  char       *snap_name;
  GPtrArray  *groups;        /* of ScDenialGroup*, owned, creation order */
  GHashTable *by_key;        /* key (borrowed from the group) → ScDenialGroup* */
  guint64     lost;
  guint64     n_records;

  /* De-duplication by audit id: a set plus a ring of the same strings in
   * arrival order, so the oldest id is dropped when the window is full. */
  GHashTable *audit_ids;     /* char* (owned by the ring) → itself */
  char      **audit_ring;
  guint       audit_ring_pos;
};

/* Normalisation */

/* If S starts with the path component NAME (followed by '/' or the end),
 * returns the rest of S after it, else NULL. */
static const char *
skip_component (const char *s,
                const char *name)
{
  gsize len;

  if (name == NULL || *name == '\0')
    return NULL;
  len = strlen (name);
  if (strncmp (s, name, len) != 0)
    return NULL;
  if (s[len] != '/' && s[len] != '\0')
    return NULL;
  return s + len;
}

/* Length of the leading run of digits of S followed by '/' or the end, or 0. */
static gsize
digits_component (const char *s)
{
  gsize n = 0;

  while (g_ascii_isdigit (s[n]))
    n++;
  if (n == 0 || (s[n] != '/' && s[n] != '\0'))
    return 0;
  return n;
}

/* Length of a snap revision component ("42", "x3" for snap try, "current"),
 * or 0 when S does not start with one. */
static gsize
revision_component (const char *s)
{
  if (skip_component (s, "current") != NULL)
    return strlen ("current");
  if (s[0] == 'x')
    {
      gsize n = digits_component (s + 1);
      return n > 0 ? n + 1 : 0;
    }
  return digits_component (s);
}

/* Looks for "<name>/<rev|common>" at S for NAME being SNAP or INSTANCE.
 * Returns the rest of the path after it and sets *COMMON, or NULL. */
static const char *
skip_snap_revision (const char *s,
                    const char *snap,
                    const char *instance,
                    gboolean   *common)
{
  const char *names[2] = { instance, snap };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      const char *rest = skip_component (s, names[i]);
      const char *tail;
      gsize rev;

      if (rest == NULL || *rest != '/')
        continue;
      rest++;
      if ((tail = skip_component (rest, "common")) != NULL)
        {
          *common = TRUE;
          return tail;
        }
      if ((rev = revision_component (rest)) > 0)
        {
          *common = FALSE;
          return rest + rev;
        }
    }
  return NULL;
}

/* /dev/video0 → /dev/video*, /dev/bus/usb/001/004 → /dev/bus/usb/ * / *:
 * device numbers change between boots and machines, the class does not. */
static void
normalise_dev (GString *out)
{
  gsize start = strlen ("/dev/");
  gsize i = start;

  while (i <= out->len)
    {
      gsize end = i;
      gsize digits_start;

      while (end < out->len && out->str[end] != '/')
        end++;
      digits_start = end;
      while (digits_start > i && g_ascii_isdigit (out->str[digits_start - 1]))
        digits_start--;

      /* Only the last component loses its number, or a component that is
       * only a number (USB bus and device numbers). */
      if (digits_start < end && (end == out->len || digits_start == i))
        {
          g_string_erase (out, digits_start, end - digits_start);
          g_string_insert_c (out, digits_start, '*');
          end = digits_start + 1;
        }
      i = end + 1;
    }
}

char *
sc_denial_normalise_path (const char *path,
                          const char *snap_name,
                          const char *instance_name)
{
  g_autoptr(GString) out = NULL;
  const char *p = path;
  const char *rest;
  gboolean common;
  gsize n;

  g_return_val_if_fail (path != NULL, NULL);

  out = g_string_sized_new (strlen (path) + 16);

  /* Abstract socket names keep their "@" but are otherwise paths too
   * ("@/home/alice/.cache/ibus/dbus-…"). */
  if (*p == '@')
    {
      g_string_append_c (out, '@');
      p++;
    }
  if (instance_name == NULL)
    instance_name = snap_name;

  if (g_str_has_prefix (p, "/home/") && p[6] != '/' && p[6] != '\0')
    {
      rest = strchr (p + 6, '/');
      g_string_append (out, "$HOME");
      p = rest != NULL ? rest : "";
    }
  else if ((rest = skip_component (p, "/root")) != NULL)
    {
      g_string_append (out, "$HOME");
      p = rest;
    }

  if (g_str_has_suffix (out->str, "$HOME"))
    {
      if ((rest = skip_component (p, "/snap")) != NULL && *rest == '/' &&
          (rest = skip_snap_revision (rest + 1, snap_name, instance_name, &common)) != NULL)
        {
          g_string_truncate (out, out->len - strlen ("$HOME"));
          g_string_append (out, common ? "$SNAP_USER_COMMON" : "$SNAP_USER_DATA");
          p = rest;
        }
    }
  else if ((rest = skip_component (p, "/snap")) != NULL && *rest == '/' &&
           (rest = skip_snap_revision (rest + 1, snap_name, instance_name, &common)) != NULL &&
           !common)
    {
      g_string_append (out, "$SNAP");
      p = rest;
    }
  else if ((rest = skip_component (p, "/var/snap")) != NULL && *rest == '/' &&
           (rest = skip_snap_revision (rest + 1, snap_name, instance_name, &common)) != NULL)
    {
      g_string_append (out, common ? "$SNAP_COMMON" : "$SNAP_DATA");
      p = rest;
    }
  else if ((rest = skip_component (p, "/proc")) != NULL && *rest == '/' &&
           (n = digits_component (rest + 1)) > 0)
    {
      g_string_append (out, "/proc/PID");
      p = rest + 1 + n;
      if ((rest = skip_component (p, "/task")) != NULL && *rest == '/' &&
          (n = digits_component (rest + 1)) > 0)
        {
          g_string_append (out, "/task/TID");
          p = rest + 1 + n;
        }
    }
  else if ((rest = skip_component (p, "/run/user")) != NULL && *rest == '/' &&
           (n = digits_component (rest + 1)) > 0)
    {
      g_string_append (out, "/run/user/UID");
      p = rest + 1 + n;
    }

  g_string_append (out, p);

  if (g_str_has_prefix (out->str, "/dev/"))
    normalise_dev (out);

  if (!g_utf8_validate (out->str, out->len, NULL))
    return g_utf8_make_valid (out->str, out->len);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* D-Bus unique connection names (":1.104") differ for every run of the
 * peer; fold them so the same call groups together. */
static char *
normalise_dbus (const char *object)
{
  GString *out = g_string_sized_new (strlen (object));

  for (const char *p = object; *p != '\0'; p++)
    {
      if (*p == ':' && g_ascii_isdigit (p[1]) && (p == object || p[-1] == ' ' || p[-1] == '='))
        {
          g_string_append (out, ":*");
          p++;
          while (g_ascii_isdigit (p[1]) || p[1] == '.')
            p++;
          continue;
        }
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

char *
sc_denial_normalise_object (const ScDenial *denial,
                            const char     *snap_name)
{
  const char *object;

  g_return_val_if_fail (denial != NULL, NULL);

  object = denial->object;
  if (object == NULL)
    return NULL;
  if (snap_name == NULL)
    snap_name = denial->snap;

  switch (denial->kind)
    {
    case SC_DENIAL_KIND_DBUS:
      return normalise_dbus (object);

    case SC_DENIAL_KIND_CAPABILITY:
    case SC_DENIAL_KIND_SECCOMP:
    case SC_DENIAL_KIND_NETWORK:
    case SC_DENIAL_KIND_SIGNAL:
    case SC_DENIAL_KIND_PTRACE:
      return g_strdup (object);

    case SC_DENIAL_KIND_FILE:
    case SC_DENIAL_KIND_UNIX:
    case SC_DENIAL_KIND_MOUNT:
    case SC_DENIAL_KIND_OTHER:
    default:
      if (object[0] == '/' || (object[0] == '@' && object[1] == '/'))
        return sc_denial_normalise_path (object, snap_name, denial->instance);
      return g_strdup (object);
    }
}

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
  self->audit_ids = g_hash_table_new (g_str_hash, g_str_equal);
  self->audit_ring = g_new0 (char *, AUDIT_ID_WINDOW);
  return self;
}

void
sc_denial_store_free (ScDenialStore *store)
{
  if (store == NULL)
    return;

  g_hash_table_unref (store->audit_ids);
  for (guint i = 0; i < AUDIT_ID_WINDOW; i++)
    g_free (store->audit_ring[i]);
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

/* TRUE when the event was already counted through another transport. */
static gboolean
seen_audit_id (ScDenialStore  *store,
               const ScDenial *denial)
{
  char *id;
  char *old;

  if (denial->audit_id == NULL || *denial->audit_id == '\0')
    return FALSE;

  /* Journals merged from several machines can share serials, so the host
   * is part of the identity. */
  id = g_strconcat (denial->host != NULL ? denial->host : "", "\x1f", denial->audit_id, NULL);
  if (g_hash_table_contains (store->audit_ids, id))
    {
      g_free (id);
      return TRUE;
    }

  old = store->audit_ring[store->audit_ring_pos];
  if (old != NULL)
    {
      g_hash_table_remove (store->audit_ids, old);
      g_free (old);
    }
  store->audit_ring[store->audit_ring_pos] = id;
  store->audit_ring_pos = (store->audit_ring_pos + 1) % AUDIT_ID_WINDOW;
  g_hash_table_add (store->audit_ids, id);
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
  g_autoptr(GString) key = NULL;
  g_autofree char *pattern = NULL;
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

  pattern = sc_denial_normalise_object (denial, denial->snap);

  key = g_string_sized_new (128);
  append_field (key, denial->instance != NULL ? denial->instance : denial->snap);
  /* Records of other profiles (snap-confine) have no snap; keep them apart
   * by their label. */
  append_field (key, denial->snap == NULL ? denial->profile : NULL);
  append_field (key, denial->app);
  append_field (key, denial->hook);
  append_field (key, sc_denial_kind_to_string (denial->kind));
  append_field (key, denial->operation);
  append_field (key, pattern);
  append_field (key, denial_permissions (denial));
  append_field (key, sc_denial_mode_to_string (denial->mode));
  /* The same snap name inside an LXD container is a different snap. */
  append_field (key, sc_denial_get_detail (denial, "namespace"));

  group = g_hash_table_lookup (store->by_key, key->str);
  if (group == NULL)
    {
      group = g_new0 (ScDenialGroup, 1);
      group->key = g_string_free (g_steal_pointer (&key), FALSE);
      group->denial = sc_denial_ref (denial);
      group->object_pattern = g_steal_pointer (&pattern);
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
