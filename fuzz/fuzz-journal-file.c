/* fuzz-journal-file.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libFuzzer target for the journal file reader (src/core/sc-journal-file.c):
 * the input is a journal file. Its matches are looked up (all of them, of
 * the boot of its last entry, and from the middle of its time on), and
 * every matching entry is read as the scan reads it: its MESSAGE, its
 * fields; then once more from a file descriptor, through windows copied
 * with pread() and skipping the messages read before, and its last entry. Any offset, size or chain of the input may be
 * hostile: the reader must refuse, never read outside the input or loop.
 * The corpus (fuzz/corpus/journal-file/) holds real journal files made by
 * systemd-journal-remote and shrunk by fuzz/shrink-journal.py.
 */
#define _GNU_SOURCE /* memfd_create, memmem */

#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "sc-journal-file.h"

static void
read_matches (ScJournalFile *f,
              const guint8  *boot,
              guint64        since)
{
  g_autoptr(GArray) offsets = NULL;

  if (sc_journal_file_find_matches (f, boot, since, &offsets) < 0)
    return;
  g_assert (offsets != NULL);
  for (guint i = 0; i < offsets->len; i++)
    {
      guint64 offset = g_array_index (offsets, guint64, i);
      ScJournalEntryFields fields;
      ScJournalFileEntry e;
      const char *msg;
      gsize len;
      int r;

      if (sc_journal_file_read_entry (f, offset, &e) < 0)
        continue;
      g_assert (e.n_items > 0);
      r = sc_journal_file_get_message (f, &e, &msg, &len);
      if (r == 1)
        {
          volatile guint sum = 0;

          g_assert (len >= 8 && memcmp (msg, "MESSAGE=", 8) == 0);
          /* Every byte of the message can be read. */
          for (gsize k = 0; k < len; k++)
            sum += (guchar) msg[k];
        }
      if (sc_journal_file_read_fields (f, &e, &fields) == 0)
        {
          g_assert (strlen (fields.transport) < sizeof fields.transport);
          g_assert (strlen (fields.hostname) < sizeof fields.hostname);
          g_assert (strlen (fields.identifier) < sizeof fields.identifier);
          g_assert (strlen (fields.source_realtime) < sizeof fields.source_realtime);
        }
    }
}

/* As the scan reads an fd-backed file: a window before and around each
 * entry, and messages that are no record skipped from then on. */
static void
read_windowed (const uint8_t *data,
               size_t         size)
{
  g_autoptr(ScJournalFile) f = NULL;
  g_autoptr(GArray) offsets = NULL;
  char path[64];
  ScJournalFileEntry last;
  int fd, r;

  fd = memfd_create ("fuzz-journal", MFD_CLOEXEC);
  if (fd < 0)
    return;
  if (write (fd, data, size) != (ssize_t) size)
    {
      close (fd);
      return;
    }
  g_snprintf (path, sizeof path, "/proc/self/fd/%d", fd);
  f = sc_journal_file_open (path, &r);
  close (fd);
  if (f == NULL)
    return;
  (void) sc_journal_file_last_entry (f, &last);
  if (sc_journal_file_find_matches (f, NULL, 0, &offsets) < 0)
    return;
  for (guint i = 0; i < offsets->len; i++)
    {
      guint64 offset = g_array_index (offsets, guint64, i);
      ScJournalFileEntry e;
      const char *msg;
      gsize len;

      sc_journal_file_read_window (f, offset - MIN (offset, (guint64) (i % 7) * 1024),
                                   offset + (guint64) (i % 5) * 512);
      if (sc_journal_file_read_entry (f, offset, &e) < 0)
        continue;
      r = sc_journal_file_get_message (f, &e, &msg, &len);
      g_assert (r <= 2);
      if (r == 1)
        {
          g_assert (len >= 8 && memcmp (msg, "MESSAGE=", 8) == 0);
          if (memmem (msg, len, "apparmor", 8) == NULL)
            sc_journal_file_skip_message (f);
        }
    }
}

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(ScJournalFile) f = NULL;
  guint64 n_entries, head, tail;
  int r;

  f = sc_journal_file_new_from_data (data, size, &r);
  if (f == NULL)
    {
      g_assert (r < 0);
      return 0;
    }
  sc_journal_file_header_times (f, &n_entries, &head, &tail);
  read_matches (f, NULL, 0);
  /* The boot of the file's last entry (tail_entry_boot_id). */
  read_matches (f, data + 56, 0);
  if (tail > head)
    read_matches (f, NULL, head + (tail - head) / 2);
  read_windowed (data, size);
  return 0;
}
