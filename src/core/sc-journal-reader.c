/* sc-journal-reader.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One reader, several sources behind one API:
 *
 *  - sd-journal (system + user journal, a directory, explicit files),
 *    sc-journal-reader-sd.c. The main handle, with field matches for the
 *    kernel, audit and dbus-daemon groups so the journal's index skips
 *    everything else, waits after the last matching entry (the anchor) and
 *    serves follow mode. The records already there are read file by file
 *    in parallel and merged by time (sc-journal-reader-sd-scan.c), each
 *    file by walking its matching entries or by its distinct MESSAGE
 *    values, whichever its header and a sample say is cheaper. Records go
 *    to the parser with the context fields it needs.
 *
 *  - saved journalctl output (-o json, json-pretty, export),
 *    sc-journal-reader-saved.c, with the fields the journal would give.
 *
 *  - a text log (syslog, kern.log, audit.log, saved journalctl output or
 *    standard input), sc-journal-reader-log.c, read in large blocks and
 *    split with memchr(); lines longer than any record are skipped, binary
 *    input refused. Regular files are followed with inotify (rotation and
 *    copytruncate too), streams with poll().
 *
 * bench/bench-denials.sh measures the sd-journal source against journalctl.
 *
 * This file holds the API and what the sources share; each source has
 * its own file (see sc-journal-reader-private.h).
 */
#define G_LOG_DOMAIN "sc-journal-reader"

#include "config.h"

#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1   /* memmem */
#endif

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sc-denial-parser.h"
#include "sc-journal-reader-private.h"
#include "sc-system-libs.h"

G_DEFINE_QUARK (sc-journal-error-quark, sc_journal_error)

/* ---- Helpers ---------------------------------------------------------- */

void
_sc_journal_add_warning (ScJournalReader *self,
             char            *message)
{
  for (guint i = 0; i < self->warnings->len; i++)
    if (strcmp (g_ptr_array_index (self->warnings, i), message) == 0)
      {
        g_free (message);
        return;
      }
  g_ptr_array_add (self->warnings, message);
}

gboolean
_sc_journal_is_ratelimit_text (const char *msg,
                   gsize       len)
{
  return memmem (msg, len, "kauditd_printk_skb", 18) != NULL ||
         memmem (msg, len, "audit_lost", 10) != NULL ||
         memmem (msg, len, "backlog limit exceeded", 22) != NULL;
}

/* A cheap test whether MESSAGE can be a confinement or rate-limit record.
 * AppArmor records (also inside USER_AVC) carry apparmor=; seccomp records
 * carry syscall= and either start with SECCOMP (audit transport, audit.log)
 * or say type=1326 (kernel transport, syslog); the rate-limit lines all
 * contain "audit". Ordinary messages fail after three memmem() calls. */
static void
copy_value (char       *dest,
            gsize       size,
            const char *data,
            gsize       len,
            gsize       prefix)
{
  len = MIN (len - prefix, size - 1);
  memcpy (dest, data + prefix, len);
  dest[len] = '\0';
}

#define TAKE(field, name) \
  if (len > sizeof name - 1 && memcmp (d, name, sizeof name - 1) == 0) \
    { copy_value (f->field, sizeof f->field, d, len, sizeof name - 1); return; }

void
_sc_journal_entry_fields_take (ScJournalEntryFields *f,
                               const char           *d,
                               gsize                 len)
{
  if (len < 3)
    return;
  if (d[0] == 'S')
    {
      TAKE (identifier, "SYSLOG_IDENTIFIER=");
      return;
    }
  if (d[0] != '_')
    return;
  TAKE (transport, "_TRANSPORT=");
  TAKE (hostname, "_HOSTNAME=");
  TAKE (audit_type, "_AUDIT_TYPE=");
  TAKE (audit_type_name, "_AUDIT_TYPE_NAME=");
  TAKE (audit_id, "_AUDIT_ID=");
  TAKE (source_realtime, "_SOURCE_REALTIME_TIMESTAMP=");
}

#undef TAKE

gboolean
_sc_journal_may_be_record (const char *msg,
               gsize       len)
{
  if (memmem (msg, len, "apparmor=", 9) != NULL)
    return TRUE;
  if (memmem (msg, len, "syscall=", 8) != NULL)
    return memmem (msg, len, "SECCOMP", 7) != NULL || memmem (msg, len, "type=1326", 9) != NULL;
  return memmem (msg, len, "audit", 5) != NULL && _sc_journal_is_ratelimit_text (msg, len);
}

static char *
hex_upper (const char *str)
{
  GString *out = g_string_new (NULL);

  for (const guchar *p = (const guchar *) str; *p; p++)
    g_string_append_printf (out, "%02X", *p);
  return g_string_free (out, FALSE);
}

static void
_sc_journal_build_snap_needles (ScJournalReader *self)
{
  const char *snap = self->options.snap;
  g_autofree char *exe_dir = NULL;

  if (snap == NULL || *snap == '\0')
    return;

  /* An instance name (foo_dev) is matched by its own needles below; the
   * exact comparison after parsing decides. */
  self->snap_needles = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->snap_needles, g_strdup_printf ("snap.%s.", snap));
  g_ptr_array_add (self->snap_needles, g_strdup_printf ("snap.%s_", snap));
  g_ptr_array_add (self->snap_needles, g_strdup_printf ("snap.%s+", snap));
  g_ptr_array_add (self->snap_needles, g_strdup_printf ("snap-update-ns.%s", snap));
  exe_dir = g_strdup_printf ("/snap/%s/", snap);
  g_ptr_array_add (self->snap_needles, g_strdup (exe_dir));
  /* exe= of a seccomp record is hex when the path has a space in it. */
  g_ptr_array_add (self->snap_needles, hex_upper (exe_dir));
}

gboolean
_sc_journal_may_be_snap (ScJournalReader *self,
             const char      *msg,
             gsize            len)
{
  if (self->snap_needles == NULL)
    return TRUE;
  for (guint i = 0; i < self->snap_needles->len; i++)
    {
      const char *needle = g_ptr_array_index (self->snap_needles, i);
      if (memmem (msg, len, needle, strlen (needle)) != NULL)
        return TRUE;
    }
  return FALSE;
}

static gboolean
denial_is_of_snap (ScJournalReader *self,
                   const ScDenial  *denial)
{
  const char *snap = self->options.snap;

  if (snap == NULL || *snap == '\0')
    return TRUE;
  return g_strcmp0 (denial->snap, snap) == 0 || g_strcmp0 (denial->instance, snap) == 0;
}

/* Hands one parsed record to FUNC after the filters that need parsed
 * fields. Takes DENIAL. */
/* LOST of an "audit_lost=N" notice, the kernel's running total since
 * boot, as the number not reported yet: the increase over the largest
 * total seen from HOST. A smaller total means the host rebooted and
 * counts from zero again. */
guint64
_sc_journal_lost_total_increase (ScJournalReader *self,
                     const char      *host,
                     guint64          total)
{
  const char *key = host != NULL ? host : "";
  guint64 *max;

  if (self->lost_totals == NULL)
    self->lost_totals = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  max = g_hash_table_lookup (self->lost_totals, key);
  if (max == NULL)
    {
      max = g_new0 (guint64, 1);
      g_hash_table_insert (self->lost_totals, g_strdup (key), max);
    }
  if (total >= *max)
    {
      guint64 increase = total - *max;
      *max = total;
      return increase;
    }
  *max = total;
  return total;
}

void
_sc_journal_deliver (ScJournalReader     *self,
         ScRecordType         type,
         ScDenial            *denial,
         guint64              lost,
         const char          *host,
         gint64               time_usec,
         ScJournalRecordFunc  func,
         gpointer             user_data)
{
  g_autoptr(ScDenial) owned = denial;

  if (type == SC_RECORD_RATELIMIT)
    {
      /* Records lost before --since are not the caller's concern. A text
       * log's notice has no time of its own here: it follows the records
       * it is about, so the last record's time stands for it. */
      if (time_usec <= 0)
        time_usec = self->last_record_usec;
      if (self->options.since_usec > 0 && time_usec < self->options.since_usec)
        return;
      if (lost > 0)
        func (NULL, lost, user_data);
      return;
    }
  if (type != SC_RECORD_DENIAL || owned == NULL)
    return;
  if (owned->timestamp_usec > 0)
    self->last_record_usec = owned->timestamp_usec;
  if (!denial_is_of_snap (self, owned))
    return;
  if (self->options.since_usec > 0 && owned->timestamp_usec > 0 &&
      owned->timestamp_usec < self->options.since_usec)
    return;
  if (owned->host == NULL && host != NULL && *host != '\0')
    owned->host = g_strdup (host);
  func (owned, 0, user_data);
}

/* ---- Public API ------------------------------------------------------- */

ScJournalReader *
sc_journal_reader_new (const ScJournalOptions *options,
                       GError                **error)
{
  g_autoptr(ScJournalReader) self = NULL;
  const ScLibapparmor *apparmor;
  gboolean ok;

  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_new0 (ScJournalReader, 1);
  self->options.type = options->type;
  self->options.path = g_strdup (options->path);
  self->options.files = g_strdupv (options->files);
  self->options.snap = g_strdup (options->snap);
  self->options.since_usec = options->since_usec;
  self->options.this_boot = options->this_boot;
  self->options.once = options->once;
  self->warnings = g_ptr_array_new_with_free_func (g_free);
  self->log_fd = -1;
  self->inotify_fd = -1;
  _sc_journal_build_snap_needles (self);

  switch (options->type)
    {
    case SC_JOURNAL_SOURCE_SYSTEM:
      ok = _sc_journal_sd_open (self, error);
      /* libapparmor tells whether this kernel confines anything at all:
       * without AppArmor there will never be an AppArmor denial to read,
       * and an empty list would wrongly look like a clean run. */
      apparmor = ok ? sc_libapparmor_load (NULL) : NULL;
      if (apparmor != NULL && apparmor->aa_is_enabled () == 0)
        _sc_journal_add_warning (self, g_strdup (_("AppArmor is not enabled on this machine, so snaps run "
                                       "without AppArmor confinement and no AppArmor denials "
                                       "are logged here; run the snap on a system with AppArmor "
                                       "(such as Ubuntu) to see them. Seccomp denials are still "
                                       "shown.")));
      break;
    case SC_JOURNAL_SOURCE_DIRECTORY:
      g_return_val_if_fail (options->path != NULL, NULL);
      ok = _sc_journal_sd_open (self, error);
      break;
    case SC_JOURNAL_SOURCE_FILES:
      g_return_val_if_fail (options->files != NULL && options->files[0] != NULL, NULL);
      ok = _sc_journal_sd_open (self, error);
      break;
    case SC_JOURNAL_SOURCE_LOG:
      g_return_val_if_fail (options->path != NULL, NULL);
      ok = _sc_journal_log_open (self, error);
      break;
    default:
      g_return_val_if_reached (NULL);
    }

  return ok ? g_steal_pointer (&self) : NULL;
}

void
sc_journal_reader_free (ScJournalReader *reader)
{
  if (reader == NULL)
    return;
  if (reader->journal != NULL)
    SC_SD (sd_journal_close) (reader->journal);
  g_free (reader->boot_match);
  if (reader->log_fd >= 0 && !reader->log_is_stdin)
    close (reader->log_fd);
  if (reader->inotify_fd >= 0)
    close (reader->inotify_fd);
  g_free (reader->buf);
  if (reader->pending != NULL)
    g_string_free (reader->pending, TRUE);
  if (reader->entry.message != NULL)
    g_string_free (reader->entry.message, TRUE);
  if (reader->json_pending != NULL)
    g_string_free (reader->json_pending, TRUE);
  g_clear_pointer (&reader->snap_needles, g_ptr_array_unref);
  g_clear_pointer (&reader->lost_totals, g_hash_table_unref);
  g_clear_pointer (&reader->warnings, g_ptr_array_unref);
  sc_journal_options_clear (&reader->options);
  g_free (reader);
}

gboolean
sc_journal_reader_read (ScJournalReader    *reader,
                        ScJournalRecordFunc func,
                        gpointer            user_data,
                        GCancellable       *cancellable,
                        GError            **error)
{
  g_return_val_if_fail (reader != NULL, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  if (reader->options.type != SC_JOURNAL_SOURCE_LOG)
    return _sc_journal_sd_read (reader, func, user_data, cancellable, error);
  return _sc_journal_log_read (reader, func, user_data, cancellable, error);
}

int
sc_journal_reader_get_fd (ScJournalReader *reader)
{
  g_return_val_if_fail (reader != NULL, -1);

  if (reader->options.type != SC_JOURNAL_SOURCE_LOG)
    {
      if (reader->journal == NULL || reader->options.type == SC_JOURNAL_SOURCE_FILES)
        return -1;
      return SC_SD (sd_journal_get_fd) (reader->journal);
    }
  return _sc_journal_log_watch_fd (reader);
}

int
sc_journal_reader_get_events (ScJournalReader *reader)
{
  g_return_val_if_fail (reader != NULL, 0);

  if (reader->journal != NULL)
    {
      int events = SC_SD (sd_journal_get_events) (reader->journal);
      return events < 0 ? POLLIN : events;
    }
  return POLLIN;
}

gboolean
sc_journal_reader_process (ScJournalReader *reader)
{
  g_return_val_if_fail (reader != NULL, FALSE);

  if (reader->options.type != SC_JOURNAL_SOURCE_LOG)
    return reader->journal != NULL && SC_SD (sd_journal_process) (reader->journal) > SD_JOURNAL_NOP;
  /* The size, not the events, decides: a write seen by an earlier read
   * leaves its event queued. */
  if (reader->inotify_fd >= 0)
    _sc_journal_log_drain_inotify (reader);
  return _sc_journal_log_has_news (reader);
}

void
sc_journal_reader_set_follow (ScJournalReader *reader,
                              gboolean         follow)
{
  g_return_if_fail (reader != NULL);
  reader->follow = follow;
  g_return_if_fail (!follow || !reader->options.once);
  reader->stream_follow = follow && reader->options.type == SC_JOURNAL_SOURCE_LOG && !reader->log_regular;
}

gboolean
sc_journal_reader_wait (ScJournalReader *reader,
                        gint64           timeout_usec)
{
  int fd;

  g_return_val_if_fail (reader != NULL, FALSE);

  if (reader->options.type != SC_JOURNAL_SOURCE_LOG)
    {
      if (reader->journal == NULL || reader->options.type == SC_JOURNAL_SOURCE_FILES)
        return FALSE;
      return SC_SD (sd_journal_wait) (reader->journal,
                              timeout_usec < 0 ? (uint64_t) -1 : (uint64_t) timeout_usec)
             > SD_JOURNAL_NOP;
    }

  fd = _sc_journal_log_watch_fd (reader);
  if (fd < 0)
    return FALSE;
  {
    struct pollfd pfd = { .fd = fd, .events = POLLIN };
    int timeout_ms = timeout_usec < 0 ? -1 : (int) MIN (timeout_usec / 1000, G_MAXINT);
    int r;

    /* Data may already be waiting that arrived before the watch was set. */
    if (_sc_journal_log_has_news (reader))
      return TRUE;
    r = poll (&pfd, 1, timeout_ms);
    if (r > 0)
      {
        if (!reader->log_regular)
          return TRUE;   /* data or the end of the stream */
        _sc_journal_log_drain_inotify (reader);
        return _sc_journal_log_has_news (reader);
      }
    return FALSE;
  }
}

GPtrArray *
sc_journal_reader_get_warnings (ScJournalReader *reader)
{
  g_return_val_if_fail (reader != NULL, NULL);
  return reader->warnings;
}

void
sc_journal_options_clear (ScJournalOptions *options)
{
  if (options == NULL)
    return;
  g_clear_pointer (&options->path, g_free);
  g_clear_pointer (&options->files, g_strfreev);
  g_clear_pointer (&options->snap, g_free);
}
