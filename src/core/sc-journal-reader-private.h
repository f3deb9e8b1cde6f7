/* sc-journal-reader-private.h
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the reader's sources share: the reader's state, the cheap record
 * prefilters and the hand-over of a parsed record. One file per source:
 * sc-journal-reader-sd.c (sd-journal), sc-journal-reader-saved.c (saved
 * journalctl -o json / -o export output), sc-journal-reader-log.c (text
 * logs and standard input); sc-journal-reader.c holds the public API.
 */
#pragma once

#include <sys/types.h>

#include "sc-denial-parser.h"
#include "sc-journal-reader.h"
#include "sc-system-libs.h"

G_BEGIN_DECLS

#define LOG_TAIL 4096   /* bytes compared to notice a log rewritten in place */

typedef enum
{
  LOG_FORMAT_UNKNOWN,
  LOG_FORMAT_TEXT,      /* syslog, kern.log, audit.log, journalctl short*, cat */
  LOG_FORMAT_JSON,      /* journalctl -o json: one JSON object a line */
  LOG_FORMAT_EXPORT,    /* journalctl -o export: FIELD=value lines, blank line between entries */
} LogFormat;

/* The fields of a saved journal entry that the parser's context needs. */
typedef struct
{
  GString *message;
  gboolean has_message;
  char     transport[32];
  char     hostname[256];
  char     audit_type_name[64];
  char     audit_id[32];
  char     identifier[128];
  char     realtime[32];
  char     source_realtime[32];
} SavedEntry;

struct _ScJournalReader
{
  ScJournalOptions  options;
  GPtrArray        *warnings;       /* of char* */
  GPtrArray        *snap_needles;   /* of char*, nullable: substrings a record of the snap has */

  /* sd-journal back end */
  sd_journal       *journal;
  char             *boot_match;     /* "_BOOT_ID=…" for this_boot */
  sd_id128_t        boot_id;        /* and the boot itself */
  gboolean          caught_up;      /* the records before the anchor were read */
  guint64           anchor_usec;    /* the last matching entry at open: realtime, */
  guint64           anchor_monotonic; /* monotonic time */
  sd_id128_t        anchor_boot;    /* and boot */
  gboolean          no_anchor;      /* options.once: no handle, every entry is read by catch_up */

  /* text-log back end */
  int               log_fd;
  gboolean          log_is_stdin;
  gboolean          log_regular;
  gboolean          log_eof;        /* stdin / pipe: nothing more will come */
  gboolean          stream_follow;  /* stdin / pipe: read what is there, do not wait for EOF */
  dev_t             log_dev;        /* the file being read, to notice rotation */
  ino_t             log_ino;
  int               inotify_fd;
  goffset           log_offset;     /* bytes consumed from the file */
  char             *buf;            /* unconsumed bytes (an incomplete last line) */
  gsize             buf_len;
  gsize             buf_size;
  GString          *pending;        /* the current record, waiting for continuation lines */
  goffset           pending_offset; /* where its first line starts in the file */
  gboolean          pending_joined; /* it has continuation lines */
  gboolean          span_valid;     /* while delivering: the record is span_offset… */
  goffset           span_offset;
  gsize             span_length;
  int               year;
  LogFormat         log_format;     /* found from the first bytes */
  SavedEntry        entry;          /* export format: the entry being read */
  GString          *json_pending;   /* json-pretty: the lines of the entry being read */
  gboolean          log_has_text;   /* anything but blanks was read */
  guint64           log_recognised; /* records (or candidates the snap filter skipped) */
  gboolean          log_checked;    /* the "no record" warning was considered */
  gboolean          follow;         /* the caller follows the log (set_follow) */
  gboolean          skipping_line;  /* inside a line longer than LOG_LINE_MAX */
  gboolean          partial_fed;    /* the last line was read without its newline */
  guint             long_lines;     /* lines skipped for their length */
  guint             long_lines_told;
  char             *long_lines_warning; /* borrowed from warnings */
  char              tail[LOG_TAIL]; /* the bytes just before log_offset */
  gsize             tail_len;
  gint64            last_record_usec; /* time of the last record, for rate-limit notes */
  GHashTable       *lost_totals;    /* host → largest audit_lost=N seen (guint64*) */
};

/* Larger than any MESSAGE we care about: audit records are at most ~8 KiB. */
#define SC_JOURNAL_DATA_THRESHOLD (16 * 1024)

/* The fields of an entry the parser's context needs; "" when absent. */
typedef struct
{
  char transport[32];
  char hostname[256];
  char audit_type[16];
  char audit_type_name[32];
  char audit_id[32];
  char identifier[64];
  char source_realtime[32];
} ScJournalEntryFields;

/* Keeps field D (LEN bytes, "NAME=value") in F when it is one of the
 * wanted ones; the last of a repeated field wins. Used by both the
 * sd-journal path and the journal file reader, so they read alike. */
void _sc_journal_entry_fields_take (ScJournalEntryFields *f,
                                    const char           *d,
                                    gsize                 len);

/* Helpers shared by the sources (sc-journal-reader.c). */
void         _sc_journal_add_warning         (ScJournalReader     *self,
                                              char                *message);
gboolean     _sc_journal_is_ratelimit_text   (const char          *msg,
                                              gsize                len);
gboolean     _sc_journal_may_be_record       (const char          *msg,
                                              gsize                len);
gboolean     _sc_journal_may_be_snap         (ScJournalReader     *self,
                                              const char          *msg,
                                              gsize                len);
guint64      _sc_journal_lost_total_increase (ScJournalReader     *self,
                                              const char          *host,
                                              guint64              total);
void         _sc_journal_deliver             (ScJournalReader     *self,
                                              ScRecordType         type,
                                              ScDenial            *denial,
                                              guint64              lost,
                                              const char          *host,
                                              gint64               time_usec,
                                              ScJournalRecordFunc  func,
                                              gpointer             user_data);
const char  *_sc_journal_nonempty            (const char          *value);

/* sd-journal (sc-journal-reader-sd.c). */
gboolean     _sc_journal_sd_open             (ScJournalReader     *self,
                                              GError             **error);
gboolean     _sc_journal_sd_read             (ScJournalReader     *self,
                                              ScJournalRecordFunc  func,
                                              gpointer             user_data,
                                              GCancellable        *cancellable,
                                              GError             **error);

int          _sc_journal_sd_open_handle      (ScJournalReader     *self,
                                              sd_journal         **out);
int          _sc_journal_sd_add_matches      (sd_journal          *j,
                                              const char          *boot_match);
void         _sc_journal_sd_read_fields      (sd_journal          *j,
                                              ScJournalEntryFields *f);
gboolean     _sc_journal_sd_entry_in_groups  (const ScJournalEntryFields *f);
/* sc-journal-reader-sd-scan.c */
gboolean     _sc_journal_sd_catch_up         (ScJournalReader     *self,
                                              GPtrArray           *files,
                                              ScJournalRecordFunc  func,
                                              gpointer             user_data,
                                              GCancellable        *cancellable,
                                              GError             **error);

/* Saved journal output (sc-journal-reader-saved.c). */
LogFormat    _sc_journal_detect_format       (const char          *p,
                                              gsize                len);
void         _sc_journal_saved_entry_reset   (SavedEntry          *e);
void         _sc_journal_saved_entry_deliver (ScJournalReader     *self,
                                              SavedEntry          *e,
                                              ScJournalRecordFunc  func,
                                              gpointer             user_data);
gsize        _sc_journal_feed_export         (ScJournalReader     *self,
                                              const char          *buf,
                                              gsize                len,
                                              ScJournalRecordFunc  func,
                                              gpointer             user_data);
gsize        _sc_journal_feed_json_lines     (ScJournalReader     *self,
                                              const char          *buf,
                                              gsize                len,
                                              ScJournalRecordFunc  func,
                                              gpointer             user_data);

/* Text logs (sc-journal-reader-log.c). */
gboolean     _sc_journal_log_open            (ScJournalReader     *self,
                                              GError             **error);
gboolean     _sc_journal_log_read            (ScJournalReader     *self,
                                              ScJournalRecordFunc  func,
                                              gpointer             user_data,
                                              GCancellable        *cancellable,
                                              GError             **error);
int          _sc_journal_log_watch_fd        (ScJournalReader     *self);
void         _sc_journal_log_drain_inotify   (ScJournalReader     *self);
gboolean     _sc_journal_log_has_news        (ScJournalReader     *self);

/* The header of the journal file at PATH, read without mapping it. */
gboolean    _sc_journal_read_file_header (const char *path,
                                          goffset    *size,
                                          guint64    *n_entries,
                                          guint64    *n_data,
                                          guint64    *head_usec,
                                          guint64    *tail_usec);

G_END_DECLS
