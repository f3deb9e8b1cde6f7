/* sc-denial.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sc-denial"

#include "config.h"

#include <string.h>

#include "sc-denial.h"

static const char * const kind_names[] = {
  "file", "unix", "network", "capability", "dbus", "signal", "ptrace", "mount", "seccomp", "other",
};

static const char * const mode_names[] = { "denied", "allowed", "logged" };

ScDenial *
sc_denial_new (void)
{
  ScDenial *self = g_new0 (ScDenial, 1);

  self->ref_count = 1;
  self->kind = SC_DENIAL_KIND_OTHER;
  self->details = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return self;
}

ScDenial *
sc_denial_ref (ScDenial *denial)
{
  g_return_val_if_fail (denial != NULL, NULL);
  g_atomic_int_inc (&denial->ref_count);
  return denial;
}

void
sc_denial_unref (ScDenial *denial)
{
  if (denial == NULL || !g_atomic_int_dec_and_test (&denial->ref_count))
    return;

  g_free (denial->snap);
  g_free (denial->instance);
  g_free (denial->app);
  g_free (denial->hook);
  g_free (denial->profile);
  g_free (denial->operation);
  g_free (denial->object);
  g_free (denial->permissions);
  g_clear_pointer (&denial->details, g_hash_table_unref);
  g_free (denial->host);
  g_free (denial->audit_id);
  g_free (denial->transport);
  g_free (denial->noise_reason);
  g_free (denial->raw);
  g_free (denial);
}

const char *
sc_denial_get_detail (const ScDenial *denial,
                      const char     *key)
{
  g_return_val_if_fail (denial != NULL, NULL);
  return g_hash_table_lookup (denial->details, key);
}

void
sc_denial_set_detail (ScDenial   *denial,
                      const char *key,
                      const char *value)
{
  g_return_if_fail (denial != NULL);
  g_return_if_fail (key != NULL);

  if (value == NULL)
    g_hash_table_remove (denial->details, key);
  else
    g_hash_table_replace (denial->details, g_strdup (key), g_strdup (value));
}

const char *
sc_denial_kind_to_string (ScDenialKind kind)
{
  g_return_val_if_fail (kind <= SC_DENIAL_KIND_OTHER, "other");
  return kind_names[kind];
}

const char *
sc_denial_mode_to_string (ScDenialMode mode)
{
  g_return_val_if_fail (mode <= SC_DENIAL_MODE_LOGGED, "denied");
  return mode_names[mode];
}

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
 * device numbers change between boots and machines, the class does not.
 * START is where the path begins in OUT. */
static void
normalise_dev (GString *out,
               gsize    start)
{
  gsize i = start + strlen ("/dev/");

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

/* Appends the normalised form of PATH to OUT. Working in a caller's buffer
 * lets the store build its grouping key without allocating per record. */
static void
normalise_path_into (GString    *out,
                     const char *path,
                     const char *snap_name,
                     const char *instance_name)
{
  gsize start = out->len;
  gsize home_end = 0;
  const char *p = path;
  const char *rest;
  gboolean common;
  gsize n;

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
      home_end = out->len;
      p = rest != NULL ? rest : "";
    }
  else if ((rest = skip_component (p, "/root")) != NULL)
    {
      g_string_append (out, "$HOME");
      home_end = out->len;
      p = rest;
    }

  if (home_end > 0)
    {
      if ((rest = skip_component (p, "/snap")) != NULL && *rest == '/' &&
          (rest = skip_snap_revision (rest + 1, snap_name, instance_name, &common)) != NULL)
        {
          g_string_truncate (out, home_end - strlen ("$HOME"));
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

  if (strncmp (out->str + start, "/dev/", 5) == 0)
    normalise_dev (out, start);

  if (!g_utf8_validate (out->str + start, out->len - start, NULL))
    {
      g_autofree char *valid = g_utf8_make_valid (out->str + start, out->len - start);

      g_string_truncate (out, start);
      g_string_append (out, valid);
    }
}

char *
sc_denial_normalise_path (const char *path,
                          const char *snap_name,
                          const char *instance_name)
{
  GString *out;

  g_return_val_if_fail (path != NULL, NULL);

  out = g_string_sized_new (strlen (path) + 16);
  normalise_path_into (out, path, snap_name, instance_name);
  return g_string_free (out, FALSE);
}

/* D-Bus unique connection names (":1.104") differ for every run of the
 * peer; fold them so the same call groups together. */
static void
normalise_dbus_into (GString    *out,
                     const char *object)
{
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
}

gboolean
sc_denial_normalise_object_into (GString        *out,
                       const ScDenial *denial,
                       const char     *snap_name)
{
  const char *object = denial->object;

  if (object == NULL)
    return FALSE;
  if (snap_name == NULL)
    snap_name = denial->snap;

  switch (denial->kind)
    {
    case SC_DENIAL_KIND_DBUS:
      normalise_dbus_into (out, object);
      break;

    case SC_DENIAL_KIND_CAPABILITY:
    case SC_DENIAL_KIND_SECCOMP:
    case SC_DENIAL_KIND_NETWORK:
    case SC_DENIAL_KIND_SIGNAL:
    case SC_DENIAL_KIND_PTRACE:
      g_string_append (out, object);
      break;

    case SC_DENIAL_KIND_FILE:
    case SC_DENIAL_KIND_UNIX:
    case SC_DENIAL_KIND_MOUNT:
    case SC_DENIAL_KIND_OTHER:
    default:
      if (object[0] == '/' || (object[0] == '@' && object[1] == '/'))
        normalise_path_into (out, object, snap_name, denial->instance);
      else
        g_string_append (out, object);
      break;
    }
  return TRUE;
}

char *
sc_denial_normalise_object (const ScDenial *denial,
                            const char     *snap_name)
{
  GString *out;

  g_return_val_if_fail (denial != NULL, NULL);

  if (denial->object == NULL)
    return NULL;
  out = g_string_sized_new (strlen (denial->object) + 16);
  sc_denial_normalise_object_into (out, denial, snap_name);
  return g_string_free (out, FALSE);
}
