/* sc-journal-file.h
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A reader of journal files (systemd's on-disk format, docs: "Journal File
 * Format" on systemd.io) for the one-shot denial scan: finds the entries
 * of the reader's field matches from the files' own indexes and reads
 * their fields, without sd-journal. Everything it does not fully
 * understand (unknown incompatible flags, XZ or LZ4 objects, any offset,
 * size or list that does not hold together) makes it give up with a
 * negative errno, and the caller reads that file with sd-journal instead.
 */
#pragma once

#include <glib.h>

#include "sc-journal-reader-private.h"

G_BEGIN_DECLS

typedef struct _ScJournalFile ScJournalFile;

/* An entry of a journal file. */
typedef struct
{
  guint64       offset;
  guint64       seqnum;
  guint64       realtime;
  guint64       monotonic;
  guint8        boot_id[16];
  const guint8 *items;      /* in the mapping or the window, until the next read_window() */
  guint64       n_items;
} ScJournalFileEntry;

ScJournalFile *sc_journal_file_open          (const char          *path,
                                              int                 *error);
ScJournalFile *sc_journal_file_new_from_data (const guint8        *data,
                                              gsize                size,
                                              int                 *error);
void           sc_journal_file_free          (ScJournalFile       *file);
guint64        sc_journal_file_size          (ScJournalFile       *file);
void           sc_journal_file_header_times  (ScJournalFile       *file,
                                              guint64             *n_entries,
                                              guint64             *head_usec,
                                              guint64             *tail_usec);
int            sc_journal_file_find_matches  (ScJournalFile       *file,
                                              const guint8        *boot_id,
                                              guint64              since_usec,
                                              GArray             **offsets);
int            sc_journal_file_read_entry    (ScJournalFile       *file,
                                              guint64              offset,
                                              ScJournalFileEntry  *entry);
int            sc_journal_file_get_message   (ScJournalFile       *file,
                                              const ScJournalFileEntry *entry,
                                              const char         **data,
                                              gsize               *len);
int            sc_journal_file_read_fields   (ScJournalFile       *file,
                                              const ScJournalFileEntry *entry,
                                              ScJournalEntryFields *fields);
void           sc_journal_file_skip_message  (ScJournalFile       *file);
int            sc_journal_file_last_entry    (ScJournalFile       *file,
                                              ScJournalFileEntry  *entry);
guint64        _sc_journal_file_siphash24    (const guint8        *in,
                                              gsize                len,
                                              const guint8        *key);
void           sc_journal_file_release_pages (ScJournalFile       *file,
                                              guint64              from,
                                              guint64              to);
void           sc_journal_file_read_window   (ScJournalFile       *file,
                                              guint64              from,
                                              guint64              to);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScJournalFile, sc_journal_file_free)

G_END_DECLS
