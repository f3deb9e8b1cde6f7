/* sc-journal-reader-log.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Text logs: syslog, kern.log, audit.log, saved journalctl short output or
 * standard input, read in large blocks and split with memchr(). Indented
 * continuation lines (the second line of a dbus-daemon USER_AVC record) are
 * joined to the line before them. Regular files are followed with inotify,
 * streams with poll().
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

#define LOG_CHUNK (1024 * 1024)
/* A record is at most a few KiB: longer lines are skipped and counted. */
#define LOG_LINE_MAX (64 * 1024)

/* ---- Text-log back end ------------------------------------------------ */

gboolean
_sc_journal_log_open (ScJournalReader  *self,
          GError          **error)
{
  const char *path = self->options.path;
  struct stat st;

  self->inotify_fd = -1;
  self->pending = g_string_new (NULL);
  self->pending_offset = -1;
  self->json_pending = g_string_new (NULL);
  self->year = 0;

  if (g_strcmp0 (path, "-") == 0)
    {
      self->log_fd = STDIN_FILENO;
      self->log_is_stdin = TRUE;
    }
  else
    {
      self->log_fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
      if (self->log_fd < 0)
        {
          int saved = errno;
          g_set_error (error, SC_JOURNAL_ERROR,
                       saved == EACCES || saved == EPERM ? SC_JOURNAL_ERROR_PERMISSION
                                                         : SC_JOURNAL_ERROR_OPEN,
                       _("%s: %s"), path, g_strerror (saved));
          if (saved == EACCES && (g_str_has_prefix (path, "/var/log/")))
            g_prefix_error (error, "%s ", _("Log files under /var/log are readable by root and the "
                                            "adm group (`sudo usermod -aG adm $USER`, then log "
                                            "in again), or run with sudo."));
          return FALSE;
        }
    }

  if (fstat (self->log_fd, &st) == 0 && S_ISREG (st.st_mode))
    {
      self->log_regular = TRUE;
      self->log_dev = st.st_dev;
      self->log_ino = st.st_ino;
      /* this_boot for a text log: records since the kernel started. */
      if (self->options.this_boot)
        {
          g_autofree char *stat_text = NULL;

          if (g_file_get_contents ("/proc/stat", &stat_text, NULL, NULL))
            {
              const char *b = strstr (stat_text, "\nbtime ");
              if (b != NULL)
                {
                  gint64 boot = g_ascii_strtoll (b + 7, NULL, 10) * G_USEC_PER_SEC;
                  self->options.since_usec = MAX (self->options.since_usec, boot);
                }
            }
        }
    }
  else if (self->options.this_boot)
    {
      _sc_journal_add_warning (self, g_strdup (_("--boot is ignored for a stream: records carry no boot id.")));
    }

  self->buf_size = LOG_CHUNK;
  self->buf = g_malloc (self->buf_size);
  return TRUE;
}

static void
flush_pending (ScJournalReader     *self,
               ScJournalRecordFunc  func,
               gpointer             user_data)
{
  ScDenial *denial = NULL;
  ScRecordType type;
  guint64 lost = 0;
  const char *text = self->pending->str;
  gsize len = self->pending->len;

  if (len == 0)
    return;
  if (_sc_journal_may_be_record (text, len))
    {
      if (_sc_journal_is_ratelimit_text (text, len) || _sc_journal_may_be_snap (self, text, len))
        {
          type = sc_denial_parse_line (text, (gssize) len, self->year, &denial, &lost);
          if (type == SC_RECORD_RATELIMIT && sc_denial_lost_is_total (text, (gssize) len))
            lost = _sc_journal_lost_total_increase (self, NULL, lost);
          if (type != SC_RECORD_NONE)
            self->log_recognised++;
          /* A record that is one line of the file, byte for byte, can be
           * read again from there (sc_journal_reader_get_record_span()). */
          self->span_valid = self->log_regular && !self->pending_joined && self->pending_offset >= 0 &&
                             denial != NULL && denial->raw != NULL &&
                             strlen (denial->raw) == len && memcmp (denial->raw, text, len) == 0;
          self->span_offset = self->pending_offset;
          self->span_length = len;
          _sc_journal_deliver (self, type, denial, lost, NULL, 0, func, user_data);
          self->span_valid = FALSE;
        }
      else
        self->log_recognised++;   /* another snap's record, most likely */
    }
  g_string_truncate (self->pending, 0);
}

/* Feeds the complete lines in BUF[0..LEN) and returns how many bytes were
 * consumed (everything up to and including the last newline). */
static gsize
feed_lines (ScJournalReader     *self,
            const char          *buf,
            gsize                len,
            ScJournalRecordFunc  func,
            gpointer             user_data)
{
  const char *p = buf, *end = buf + len;
  /* Where BUF starts in the file: it holds the last bytes read. */
  goffset base = buf == self->buf ? self->log_offset - (goffset) self->buf_len : -1;

  while (p < end)
    {
      const char *nl = memchr (p, '\n', (gsize) (end - p));
      gsize line_len;

      if (nl == NULL)
        break;
      line_len = (gsize) (nl - p);
      if (line_len > 0 && p[line_len - 1] == '\r')
        line_len--;

      if (line_len > 0 && (p[0] == ' ' || p[0] == '\t') && self->pending->len > 0)
        {
          /* Continuation of the record before (journalctl indents the
           * part of MESSAGE after an embedded newline). */
          g_string_append_c (self->pending, '\n');
          g_string_append_len (self->pending, p, (gssize) line_len);
          self->pending_joined = TRUE;
        }
      else
        {
          flush_pending (self, func, user_data);
          /* Only lines that may be records are kept for continuation:
           * the common case is skipped without a copy. */
          if (line_len > 0 && _sc_journal_may_be_record (p, line_len))
            {
              g_string_append_len (self->pending, p, (gssize) line_len);
              self->pending_offset = base >= 0 ? base + (p - buf) : -1;
              self->pending_joined = FALSE;
            }
        }
      p = nl + 1;
    }
  return (gsize) (p - buf);
}

static gsize
feed_log (ScJournalReader     *self,
          const char          *buf,
          gsize                len,
          ScJournalRecordFunc  func,
          gpointer             user_data)
{
  if (!self->log_has_text)
    for (gsize i = 0; i < len && !self->log_has_text; i++)
      self->log_has_text = !g_ascii_isspace (buf[i]);

  switch (self->log_format)
    {
    case LOG_FORMAT_JSON:
      return _sc_journal_feed_json_lines (self, buf, len, func, user_data);
    case LOG_FORMAT_EXPORT:
      return _sc_journal_feed_export (self, buf, len, func, user_data);
    case LOG_FORMAT_UNKNOWN:
    case LOG_FORMAT_TEXT:
    default:
      return feed_lines (self, buf, len, func, user_data);
    }
}

/* Whether the log's path now names another file (rotated: renamed and
 * created anew). */
static gboolean
log_replaced (ScJournalReader *self)
{
  struct stat st;

  return self->log_regular && g_stat (self->options.path, &st) == 0 &&
         (st.st_ino != self->log_ino || st.st_dev != self->log_dev);
}

#define LOG_FILE_EVENTS (IN_MODIFY | IN_ATTRIB | IN_CLOSE_WRITE | IN_MOVE_SELF | IN_DELETE_SELF)

/* After a rotation: continue with the new file at the log's path. */
/* Whether the first LEN bytes of OLD_FD and NEW_FD (NEW_SIZE bytes long)
 * are the same. */
static gboolean
log_same_prefix (int    old_fd,
                 int    new_fd,
                 gint64 len,
                 gint64 new_size)
{
  char a[16384], b[16384];
  gint64 pos = 0;

  if (len <= 0 || new_size < len)
    return FALSE;
  while (pos < len)
    {
      size_t want = (size_t) MIN ((gint64) sizeof a, len - pos);

      if (pread (old_fd, a, want, pos) != (ssize_t) want ||
          pread (new_fd, b, want, pos) != (ssize_t) want ||
          memcmp (a, b, want) != 0)
        return FALSE;
      pos += want;
    }
  return TRUE;
}

static gboolean
reopen_log (ScJournalReader *self)
{
  struct stat st;
  int fd = g_open (self->options.path, O_RDONLY | O_CLOEXEC, 0);

  if (fd < 0)
    return FALSE;
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      close (fd);
      return FALSE;
    }
  /* A file put in place of the log (an editor's save, `cp` over a
   * rename) that starts with everything read so far is the same log with
   * more lines: go on after them instead of counting them twice. */
  self->log_offset = log_same_prefix (self->log_fd, fd, self->log_offset, st.st_size)
                     ? self->log_offset : 0;
  lseek (fd, self->log_offset, SEEK_SET);
  /* A line kept from the old file is not in the new one. */
  self->pending_offset = -1;
  close (self->log_fd);
  self->log_fd = fd;
  self->log_dev = st.st_dev;
  self->log_ino = st.st_ino;
  if (self->inotify_fd >= 0)
    inotify_add_watch (self->inotify_fd, self->options.path, LOG_FILE_EVENTS);
  return TRUE;
}

/* Starts over at the beginning of the file (truncated in place). */
static void
restart_log (ScJournalReader *self)
{
  self->log_offset = 0;
  self->buf_len = 0;
  self->tail_len = 0;
  self->skipping_line = FALSE;
  self->partial_fed = FALSE;
  g_string_truncate (self->pending, 0);
  lseek (self->log_fd, 0, SEEK_SET);
}

/* logrotate's copytruncate empties the file in place, and the writer may
 * have written more than was read before the reader looks again, so a size
 * smaller than the offset does not tell it. The bytes just before the
 * offset do: if they are not the ones read there, the file was rewritten. */
static gboolean
log_truncated (ScJournalReader *self)
{
  struct stat st;
  char now[LOG_TAIL];

  if (!self->log_regular || fstat (self->log_fd, &st) != 0)
    return FALSE;
  if (st.st_size < self->log_offset)
    return TRUE;
  if (self->tail_len == 0 || self->log_offset < (goffset) self->tail_len)
    return FALSE;
  return pread (self->log_fd, now, self->tail_len, self->log_offset - (goffset) self->tail_len)
           != (gssize) self->tail_len ||
         memcmp (now, self->tail, self->tail_len) != 0;
}

/* Keeps the last bytes read (DATA[0..LEN) came last) for log_truncated(). */
static void
remember_tail (ScJournalReader *self,
               const char      *data,
               gsize            len)
{
  if (len >= LOG_TAIL)
    {
      memcpy (self->tail, data + len - LOG_TAIL, LOG_TAIL);
      self->tail_len = LOG_TAIL;
      return;
    }
  if (self->tail_len + len > LOG_TAIL)
    {
      gsize drop = self->tail_len + len - LOG_TAIL;

      memmove (self->tail, self->tail + drop, self->tail_len - drop);
      self->tail_len -= drop;
    }
  memcpy (self->tail + self->tail_len, data, len);
  self->tail_len += len;
}

/* The format of the log from its first bytes; FALSE with an error when
 * they are not text (a NUL byte: /dev/zero, a journal file, an image). */
static gboolean
detect_log_format (ScJournalReader  *self,
                   gsize             len,
                   GError          **error)
{
  self->log_format = _sc_journal_detect_format (self->buf, len);
  if (self->log_format != LOG_FORMAT_EXPORT && memchr (self->buf, '\0', MIN (len, 4096)) != NULL)
    {
      const char *name = self->log_is_stdin ? _("standard input") : self->options.path;

      if (len >= 8 && memcmp (self->buf, "LPKSHHRH", 8) == 0)
        g_set_error (error, SC_JOURNAL_ERROR, SC_JOURNAL_ERROR_READ,
                     _("%s: not a text log but a journal file; read it with --file"), name);
      else
        g_set_error (error, SC_JOURNAL_ERROR, SC_JOURNAL_ERROR_READ,
                     _("%s: not a text log (it holds binary data)"), name);
      return FALSE;
    }
  return TRUE;
}

/* Drops a line longer than any record (LOG_LINE_MAX) as it comes in, so
 * that a log without newlines does not fill the memory. Saved export
 * output keeps its own limit (a field of 64 MiB). */
static void
skip_long_line (ScJournalReader *self)
{
  if (self->skipping_line)
    {
      char *nl = memchr (self->buf, '\n', self->buf_len);

      if (nl == NULL)
        {
          self->buf_len = 0;
          return;
        }
      self->buf_len -= (gsize) (nl + 1 - self->buf);
      memmove (self->buf, nl + 1, self->buf_len);
      self->skipping_line = FALSE;
    }
  if (self->log_format != LOG_FORMAT_EXPORT && self->buf_len > LOG_LINE_MAX)
    {
      /* feed_log() took every complete line: this one has no end yet. */
      self->buf_len = 0;
      self->skipping_line = TRUE;
      self->long_lines++;
    }
}

static void
warn_long_lines (ScJournalReader *self)
{
  char *message;

  if (self->long_lines == self->long_lines_told)
    return;
  /* Translators: %s is a file name, %u a count. */
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%s: %u line longer than 64 KiB was skipped",
                                          "%s: %u lines longer than 64 KiB were skipped",
                                          self->long_lines),
                             self->log_is_stdin ? _("standard input") : self->options.path,
                             self->long_lines);
  if (self->long_lines_warning != NULL)
    g_ptr_array_remove (self->warnings, self->long_lines_warning);
  self->long_lines_warning = message;
  _sc_journal_add_warning (self, message);
  self->long_lines_told = self->long_lines;
}

/* Reads what the log holds now. FALSE with an error on a read error or
 * when the log turns out to be binary. */
static gboolean
read_available (ScJournalReader     *self,
                ScJournalRecordFunc  func,
                gpointer             user_data,
                GCancellable        *cancellable,
                GError             **error)
{
  for (;;)
    {
      gssize n;
      gsize used;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (self->buf_len == self->buf_size)
        {
          /* An export field longer than the buffer: grow it (feed_export()
           * refuses fields over 64 MiB). Text lines never get here. */
          self->buf_size *= 2;
          self->buf = g_realloc (self->buf, self->buf_size);
        }
      if (self->stream_follow)
        {
          /* Only what is there now: poll() first rather than O_NONBLOCK,
           * which would be shared with whoever else has the descriptor
           * (a terminal, the shell). */
          struct pollfd pfd = { .fd = self->log_fd, .events = POLLIN };

          if (poll (&pfd, 1, 0) <= 0)
            return TRUE;
        }
      n = read (self->log_fd, self->buf + self->buf_len, self->buf_size - self->buf_len);
      if (n < 0)
        {
          int saved = errno;
          if (saved == EINTR)
            continue;
          if (saved == EAGAIN)
            return TRUE;
          g_set_error (error, SC_JOURNAL_ERROR, SC_JOURNAL_ERROR_READ, _("%s: %s"),
                       self->options.path, g_strerror (saved));
          return FALSE;
        }
      if (n == 0)
        {
          if (!self->log_regular)
            self->log_eof = TRUE;
          return TRUE;
        }
      remember_tail (self, self->buf + self->buf_len, (gsize) n);
      self->log_offset += n;
      /* The last line was read at the end of the file before: a newline
       * now only ends it. */
      if (self->partial_fed && self->buf[self->buf_len] == '\n')
        {
          n--;
          memmove (self->buf + self->buf_len, self->buf + self->buf_len + 1, (gsize) n);
        }
      self->partial_fed = FALSE;
      self->buf_len += (gsize) n;
      if (self->log_format == LOG_FORMAT_UNKNOWN &&
          (memchr (self->buf, '\n', self->buf_len) != NULL || self->buf_len >= 4096) &&
          !detect_log_format (self, self->buf_len, error))
        return FALSE;
      if (self->skipping_line)
        skip_long_line (self);
      used = feed_log (self, self->buf, self->buf_len, func, user_data);
      memmove (self->buf, self->buf + used, self->buf_len - used);
      self->buf_len -= used;
      skip_long_line (self);
    }
}

/* At the end of the data: a finished stream's last line, and a regular
 * file's unless the caller follows it (then an incomplete line waits for
 * the rest), count even without a newline: records pasted from bug reports
 * often end that way. */
static gboolean
read_last_line (ScJournalReader     *self,
                ScJournalRecordFunc  func,
                gpointer             user_data,
                GError             **error)
{
  gboolean replaced = log_replaced (self);

  if (self->buf_len == 0 || self->skipping_line ||
      !(self->log_eof || replaced || (self->log_regular && !self->follow)))
    return TRUE;
  if (self->buf_len == self->buf_size)
    self->buf = g_realloc (self->buf, ++self->buf_size);
  self->buf[self->buf_len] = '\n';
  if (self->log_format == LOG_FORMAT_UNKNOWN && !detect_log_format (self, self->buf_len + 1, error))
    return FALSE;
  (void) feed_log (self, self->buf, self->buf_len + 1, func, user_data);
  self->buf_len = 0;
  /* The file may still grow: a newline that comes next ends this line. */
  self->partial_fed = self->log_regular && !replaced;
  return TRUE;
}

gboolean
_sc_journal_log_read (ScJournalReader     *self,
                      ScJournalRecordFunc  func,
                      gpointer             user_data,
                      GCancellable        *cancellable,
                      GError             **error)
{
  if (self->log_eof)
    return TRUE;

again:
  /* Truncated in place (logrotate's copytruncate): start over. */
  if (log_truncated (self))
    restart_log (self);

  if (!read_available (self, func, user_data, cancellable, error) ||
      !read_last_line (self, func, user_data, error))
    return FALSE;
  flush_pending (self, func, user_data);
  /* An export entry without the blank line after it. */
  if (self->log_format == LOG_FORMAT_EXPORT && self->buf_len == 0 && self->entry.has_message)
    {
      _sc_journal_saved_entry_deliver (self, &self->entry, func, user_data);
      _sc_journal_saved_entry_reset (&self->entry);
    }
  warn_long_lines (self);

  /* Some text, but nothing that looked like a record: say so rather than
   * show an empty list as if there were no denials. */
  if (!self->log_checked && self->log_has_text)
    {
      self->log_checked = TRUE;
      if (self->log_recognised == 0)
        _sc_journal_add_warning (self, g_strdup_printf (_("no confinement record in a known format in %s"),
                                                        self->log_is_stdin ? _("standard input")
                                                                           : self->options.path));
    }

  /* The old file was read to its end; go on with the new one. */
  if (log_replaced (self) && reopen_log (self))
    goto again;
  return TRUE;
}

gboolean
sc_journal_reader_get_record_span (ScJournalReader *self,
                                   ScDenialSpan    *span)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (span != NULL, FALSE);

  /* log_dev and log_ino are always those of log_fd. */
  if (!self->span_valid || self->log_fd < 0)
    return FALSE;
  span->fd = self->log_fd;
  span->dev = (guint64) self->log_dev;
  span->ino = (guint64) self->log_ino;
  span->offset = (guint64) self->span_offset;
  span->length = self->span_length;
  return TRUE;
}

int
_sc_journal_log_watch_fd (ScJournalReader *self)
{
  if (!self->log_regular)
    return self->stream_follow && !self->log_eof ? self->log_fd : -1;
  if (self->inotify_fd < 0)
    {
      g_autofree char *dir = g_path_get_dirname (self->options.path);

      self->inotify_fd = inotify_init1 (IN_NONBLOCK | IN_CLOEXEC);
      if (self->inotify_fd >= 0 &&
          inotify_add_watch (self->inotify_fd, self->options.path, LOG_FILE_EVENTS) < 0)
        {
          close (self->inotify_fd);
          self->inotify_fd = -1;
        }
      /* The folder too, to see a rotated log created anew. */
      if (self->inotify_fd >= 0)
        inotify_add_watch (self->inotify_fd, dir, IN_CREATE | IN_MOVED_TO);
    }
  return self->inotify_fd;
}

void
_sc_journal_log_drain_inotify (ScJournalReader *self)
{
  char events[4096] __attribute__ ((aligned (__alignof__ (struct inotify_event))));

  while (read (self->inotify_fd, events, sizeof events) > 0)
    ;
}

/* Whether a log has data the reader has not consumed. */
gboolean
_sc_journal_log_has_news (ScJournalReader *self)
{
  if (self->log_regular)
    {
      struct stat st;

      return (fstat (self->log_fd, &st) == 0 && st.st_size != self->log_offset) ||
             log_replaced (self);
    }
  if (self->stream_follow && !self->log_eof)
    {
      struct pollfd pfd = { .fd = self->log_fd, .events = POLLIN };

      return poll (&pfd, 1, 0) > 0;
    }
  return FALSE;
}

