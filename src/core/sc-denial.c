/* sc-denial.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sc-denial"

#include "config.h"

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

gboolean
sc_denial_kind_from_string (const char   *str,
                            ScDenialKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    {
      if (g_strcmp0 (str, kind_names[i]) == 0)
        {
          *kind = (ScDenialKind) i;
          return TRUE;
        }
    }
  return FALSE;
}
