/* sc-journal-reader.c — placeholder until implemented. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sc-journal-reader.h"

G_DEFINE_QUARK (sc-journal-error-quark, sc_journal_error)

struct _ScJournalReader
{
  GPtrArray *warnings;
};

ScJournalReader *
sc_journal_reader_new (const ScJournalOptions *options,
                       GError                **error)
{
  ScJournalReader *reader = g_new0 (ScJournalReader, 1);
  reader->warnings = g_ptr_array_new_with_free_func (g_free);
  return reader;
}

void
sc_journal_reader_free (ScJournalReader *reader)
{
  if (reader == NULL)
    return;
  g_ptr_array_unref (reader->warnings);
  g_free (reader);
}

gboolean
sc_journal_reader_read (ScJournalReader    *reader,
                        ScJournalRecordFunc func,
                        gpointer            user_data,
                        GCancellable       *cancellable,
                        GError            **error)
{
  g_set_error_literal (error, SC_JOURNAL_ERROR, SC_JOURNAL_ERROR_READ, "not implemented yet");
  return FALSE;
}

int
sc_journal_reader_get_fd (ScJournalReader *reader)
{
  return -1;
}

int
sc_journal_reader_get_events (ScJournalReader *reader)
{
  return 0;
}

gboolean
sc_journal_reader_process (ScJournalReader *reader)
{
  return FALSE;
}

gboolean
sc_journal_reader_wait (ScJournalReader *reader,
                        gint64           timeout_usec)
{
  return FALSE;
}

GPtrArray *
sc_journal_reader_get_warnings (ScJournalReader *reader)
{
  return reader->warnings;
}

void
sc_journal_options_clear (ScJournalOptions *options)
{
  g_clear_pointer (&options->path, g_free);
  g_clear_pointer (&options->files, g_strfreev);
  g_clear_pointer (&options->snap, g_free);
}
