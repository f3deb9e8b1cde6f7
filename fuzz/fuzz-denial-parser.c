/* fuzz-denial-parser.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libFuzzer target for the record parser: the whole input as one journal
 * MESSAGE (with and without a context), then each of its lines as a text
 * log line. Every result is inspected and released, so leaks and reads of
 * freed or uninitialised fields show up under the sanitizers.
 */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "sc-denial-parser.h"

static void
check_result (ScRecordType  type,
              ScDenial     *denial,
              guint64       lost)
{
  if (type == SC_RECORD_DENIAL)
    {
      GHashTableIter iter;
      gpointer key, value;
      gsize total = 0;

      g_assert (denial != NULL);
      g_assert (sc_denial_kind_to_string (denial->kind) != NULL);
      g_assert (sc_denial_mode_to_string (denial->mode) != NULL);
      g_assert (denial->transport != NULL);
      g_assert (denial->raw != NULL);
      g_assert (!denial->noise || denial->noise_reason != NULL);
      g_assert (g_utf8_validate (denial->raw, -1, NULL));
      if (denial->object != NULL)
        g_assert (g_utf8_validate (denial->object, -1, NULL));
      g_hash_table_iter_init (&iter, denial->details);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          g_assert (g_utf8_validate (value, -1, NULL));
          total += strlen (key) + strlen (value);
        }
      (void) total;
      sc_denial_unref (denial);
    }
  else
    {
      g_assert (denial == NULL);
      if (type != SC_RECORD_RATELIMIT)
        g_assert (lost == 0);
    }
}

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const char *text = (const char *) data;
  const char *p = text, *end = text + size;
  ScDenial *denial = NULL;
  guint64 lost = 0;
  ScRecordType type;
  ScRecordContext context = {
    .transport = "audit",
    .hostname = "fuzz",
    .audit_type_name = "USER_AVC",
    .audit_id = "4242",
    .syslog_identifier = "dbus-daemon",
    .realtime_usec = 1718031201482123,
  };
  g_autofree char *name = NULL;

  type = sc_denial_parse_message (text, (gssize) size, NULL, &denial, &lost);
  check_result (type, denial, lost);
  type = sc_denial_parse_message (text, (gssize) size, &context, &denial, &lost);
  check_result (type, denial, lost);

  while (p < end)
    {
      const char *nl = memchr (p, '\n', (gsize) (end - p));
      const char *line_end = nl != NULL ? nl : end;

      type = sc_denial_parse_line (p, line_end - p, 2024, &denial, &lost);
      check_result (type, denial, lost);
      p = line_end + 1;
    }

  /* Label splitting and syscall names on the raw bytes too. */
  if (size > 0 && size < 256 && memchr (data, '\0', size) == NULL)
    {
      g_autofree char *label = g_strndup (text, size);
      char *snap, *instance, *app, *hook;

      if (sc_denial_split_label (label, &snap, &instance, &app, &hook))
        {
          g_assert (snap != NULL && instance != NULL && (app != NULL) != (hook != NULL));
          g_free (snap);
          g_free (instance);
          g_free (app);
          g_free (hook);
        }
    }
  if (size >= 8)
    {
      guint32 arch;
      gint32 nr;
      memcpy (&arch, data, 4);
      memcpy (&nr, data + 4, 4);
      name = sc_syscall_name (arch, nr);
    }
  return 0;
}
