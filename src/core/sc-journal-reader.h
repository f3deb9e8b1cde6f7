/* sc-journal-reader.h
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads confinement records with sd-journal (system + user journal, a
 * journal directory, journal files) or from a text log, and follows them.
 */
#pragma once

#include <gio/gio.h>

#include "sc-denial.h"

G_BEGIN_DECLS

#define SC_JOURNAL_ERROR (sc_journal_error_quark ())

typedef enum
{
  SC_JOURNAL_ERROR_OPEN,          /* could not open the source */
  SC_JOURNAL_ERROR_PERMISSION,    /* the system journal is not readable: message says how to fix */
  SC_JOURNAL_ERROR_READ,
} ScJournalError;

GQuark sc_journal_error_quark (void);

typedef enum
{
  SC_JOURNAL_SOURCE_SYSTEM,       /* system journal + current user's journal */
  SC_JOURNAL_SOURCE_DIRECTORY,    /* a journal directory, recursively (journal-remote folders too) */
  SC_JOURNAL_SOURCE_FILES,        /* explicit .journal files */
  SC_JOURNAL_SOURCE_LOG,          /* a text log file, or "-" for standard input */
} ScJournalSourceType;

typedef struct
{
  ScJournalSourceType  type;
  char                *path;          /* DIRECTORY or LOG */
  GStrv                files;         /* FILES */
  char                *snap;          /* only this snap, nullable */
  gint64               since_usec;    /* 0 = no limit */
  gboolean             this_boot;
  /* Read what the journal holds now, once, and never follow it: the
   * reader keeps no live handle (a journal source; ignored for a log). */
  gboolean             once;
} ScJournalOptions;

/* Called for each record found, in journal order. DENIAL is borrowed
 * (ref it to keep it); LOST > 0 for a rate-limit record. */
typedef void (*ScJournalRecordFunc) (ScDenial *denial,
                                     guint64   lost,
                                     gpointer  user_data);

typedef struct _ScJournalReader ScJournalReader;

ScJournalReader *sc_journal_reader_new      (const ScJournalOptions *options,
                                             GError                **error);
void             sc_journal_reader_free     (ScJournalReader        *reader);
/* Reads everything available now. May be called again after new data
 * arrived (follow). Returns FALSE with an error only on failure. */
gboolean         sc_journal_reader_read     (ScJournalReader        *reader,
                                             ScJournalRecordFunc     func,
                                             gpointer                user_data,
                                             GCancellable           *cancellable,
                                             GError                **error);
/* Follow: a pollable fd (sd_journal_get_fd, or the log file's fd), -1 for
 * sources that cannot be followed (stdin read to the end, FILES). */
int              sc_journal_reader_get_fd   (ScJournalReader        *reader);
int              sc_journal_reader_get_events (ScJournalReader      *reader);
/* Call when the fd is ready; TRUE when new records may be there. */
gboolean         sc_journal_reader_process  (ScJournalReader        *reader);
/* Blocks up to TIMEOUT_USEC for new data (sd_journal_wait); TRUE when there is. */
gboolean         sc_journal_reader_wait     (ScJournalReader        *reader,
                                             gint64                  timeout_usec);
/* For a text log on a stream (standard input, a pipe such as
 * `journalctl -f | …`): with FOLLOW, read() returns what has arrived
 * instead of reading to the end, and get_fd() gives the stream until it
 * ends. For a log file: with FOLLOW an unfinished last line waits for the
 * rest; without, it is read as a record at the end of the file. Call
 * before the first read; no effect on journal sources. */
void             sc_journal_reader_set_follow (ScJournalReader      *reader,
                                               gboolean              follow);
/* Non-fatal notes (e.g. "only the user journal is readable: …"). */
GPtrArray       *sc_journal_reader_get_warnings (ScJournalReader    *reader);
/* Inside the record function: where the record being delivered lies in a
 * regular text-log file, when its text (ScDenial.raw) is exactly those
 * bytes; FALSE otherwise (journals, streams, records joined from several
 * lines or with bytes the parser escaped). */
gboolean         sc_journal_reader_get_record_span (ScJournalReader *reader,
                                                    ScDenialSpan    *span);

void             sc_journal_options_clear   (ScJournalOptions       *options);

/* Whether the system journal under ROOTS (NULL: /var/log/journal and
 * /run/log/journal) is readable: FALSE with SC_JOURNAL_ERROR_PERMISSION and
 * a message saying how to fix it when system journal files exist but none
 * may be read. *FOUND tells whether any system journal file exists. */
gboolean         sc_journal_check_system_access (const char * const *roots,
                                                 gboolean           *found,
                                                 GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScJournalReader, sc_journal_reader_free)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ScJournalOptions, sc_journal_options_clear)

G_END_DECLS
