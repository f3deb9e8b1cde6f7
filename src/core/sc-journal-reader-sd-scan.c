/* sc-journal-reader-sd-scan.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sd-journal source, part two: reading the records that were in the
 * journal when the reader was made (up to the anchor, the last matching
 * entry the main handle saw), in parallel.
 *
 * Every journal file is read with its own handle. A file larger than
 * UNIT_BYTES is cut into units by wall-clock time, each ending at the
 * first matching entry of the next (so the units of a file cover its
 * entries exactly once, whatever the clock did); the units are taken, in
 * time order, by one worker thread per core. A unit walks the entries the
 * field matches select (kernel transport, the three audit record types,
 * dbus-daemon: the journal's own index skips everything else), looks at
 * MESSAGE alone with a few memmem() calls, and fetches the other fields
 * and parses only the entries that pass. Its handle is closed at its end,
 * which bounds the journal pages mapped at any time.
 *
 * The calling thread merges what the workers found by time and hands a
 * file's records on as soon as no file still being read can hold an
 * earlier one, so the first records arrive while the rest is read.
 */
#define G_LOG_DOMAIN "sc-journal-reader"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sc-denial-parser.h"
#include "sc-journal-file.h"
#include "sc-journal-reader-private.h"
#include "sc-system-libs.h"

/* A unit's share of a file: the handle maps at most about this much. */
#define UNIT_BYTES (16 * 1024 * 1024)
#define MAX_UNITS_PER_FILE 64
#define MAX_WORKERS 8
#define HEADER_SIZE 216   /* up to n_data (systemd 187 and later) */
/* Files larger than this are not read by their distinct messages: the walk
 * maps the whole file at once. */
#define UNIQUE_MAX_BYTES (40 * 1024 * 1024)
#define SAMPLE_ENTRIES 256
#define LOOKUPS_PER_HANDLE 1024
/* A file read directly: matching entries per unit at least, and the
 * entry-offset distance after which a unit drops the pages it mapped (the
 * entries are read from the window, but the older data objects they
 * share are read through the mapping). */
#define DIRECT_MIN_UNIT_ENTRIES 4096
#define DIRECT_RELEASE_BYTES (16 * 1024 * 1024)
#define DIRECT_UNIT_BYTES (16 * 1024 * 1024)
#define DIRECT_MAX_UNITS_PER_FILE 2
/* The stretch of a file copied into the reader's window at a time (well
 * inside the processor's L2 cache), how far before an entry it starts
 * (where the entry's new data objects are: journald writes them just
 * before it) and the size an entry is assumed to have. */
#define DIRECT_WINDOW_BYTES (128 * 1024)
#define DIRECT_WINDOW_BEFORE 4096
#define DIRECT_ENTRY_BYTES 1024

/* How files are read (SC_JOURNAL_FILE_READER, for tests and benchmarks):
 * by the file reader with sd-journal for what it gives up on (the
 * default), by sd-journal only ("sd"), or by the file reader only, a file
 * it gives up on counting as unreadable ("direct"). */
typedef enum
{
  READ_MODE_AUTO,
  READ_MODE_SD,
  READ_MODE_DIRECT,
} ReadMode;

typedef struct
{
  guint64    realtime;
  guint64    monotonic;
  sd_id128_t boot;
} EntryId;

/* A record found by a worker, parsed, waiting to be handed on in order. */
typedef struct
{
  guint64       realtime;
  guint64       monotonic;
  guint         unit;
  guint         seq;
  ScRecordType  type;
  ScDenial     *denial;
  guint64       lost;
  gboolean      lost_is_total;
  const char   *hostname;     /* in the unit's strings */
} Item;

typedef struct
{
  guint         file;         /* index into Scan.files, G_MAXUINT for the whole source */
  guint64       start_usec;   /* seek here, 0 for the head */
  guint64       order_usec;   /* no entry of the unit is expected before this */
  gboolean      has_stop;
  EntryId       stop;         /* the first entry of the file's next unit */
  gboolean      unique;       /* read by the distinct values of MESSAGE */
  gboolean      direct;       /* read by the file reader: matches LO..HI-1 of the file's */
  guint         lo;
  guint         hi;
  /* Results, written by the worker before it sets done. */
  GArray       *items;        /* of Item */
  GStringChunk *strings;
  int           error;        /* negative errno */
  gboolean      missed_stop;  /* the end came before the stop entry */
  gboolean      direct_failed; /* the file reader gave up on the file */
  gboolean      done;
} Unit;

typedef struct
{
  char     *path;
  guint     first_unit;
  guint     n_units;
  guint     n_done;
  gboolean  delivered;
  gboolean  failed;
  guint64   order_usec;
  GArray   *offsets;          /* of guint64: the matching entries, read directly; or NULL */
  ScJournalFile *planned;     /* (atomic) the file as planning opened it, for one unit */
} ScanFile;

typedef struct
{
  ScJournalReader *self;
  GCancellable    *cancellable;
  GPtrArray       *files;      /* of ScanFile* */
  GPtrArray       *units;      /* of Unit*, in time order */
  gint             next_unit;  /* atomic */
  gint             abort;      /* atomic: stop early */
  GMutex           lock;
  GCond            cond;
  ReadMode         mode;
  guint            n_done;
  guint            n_failed;   /* files that could not be read */
} Scan;

static void
unit_free (Unit *u)
{
  if (u->items != NULL)
    {
      for (guint i = 0; i < u->items->len; i++)
        g_clear_pointer (&g_array_index (u->items, Item, i).denial, sc_denial_unref);
      g_array_unref (u->items);
    }
  if (u->strings != NULL)
    g_string_chunk_free (u->strings);
  g_free (u);
}

static void
scan_file_free (ScanFile *f)
{
  g_free (f->path);
  g_clear_pointer (&f->offsets, g_array_unref);
  g_clear_pointer (&f->planned, sc_journal_file_free);
  g_free (f);
}

/* ---- Planning --------------------------------------------------------- */

static ReadMode
read_mode (void)
{
  const char *v = g_getenv ("SC_JOURNAL_FILE_READER");

  if (g_strcmp0 (v, "sd") == 0)
    return READ_MODE_SD;
  if (g_strcmp0 (v, "direct") == 0)
    return READ_MODE_DIRECT;
  return READ_MODE_AUTO;
}

static guint64
le64 (const guchar *p)
{
  guint64 v = 0;

  for (int i = 7; i >= 0; i--)
    v = (v << 8) | p[i];
  return v;
}

/* What a journal file says about itself in its header: its size, number of
 * entries and the wall-clock times of its first and last entry. FALSE when
 * the header cannot be read (sd-journal then decides about the file). */
gboolean
_sc_journal_read_file_header (const char *path,
                  goffset    *size,
                  guint64    *n_entries,
                  guint64    *n_data,
                  guint64    *head_usec,
                  guint64    *tail_usec)
{
  guchar h[HEADER_SIZE];
  struct stat st;
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  gboolean ok;

  if (fd < 0)
    return FALSE;
  ok = fstat (fd, &st) == 0 && pread (fd, h, sizeof h, 0) == (ssize_t) sizeof h &&
       memcmp (h, "LPKSHHRH", 8) == 0 && le64 (h + 88) >= 208 &&
       (guint64) st.st_size >= le64 (h + 88);
  close (fd);
  if (!ok)
    return FALSE;
  *size = st.st_size;
  *n_entries = le64 (h + 152);
  *head_usec = le64 (h + 184);
  *tail_usec = le64 (h + 192);
  *n_data = le64 (h + 88) >= HEADER_SIZE ? le64 (h + 208) : *n_entries;
  return TRUE;
}

static sd_journal *
open_one (ScJournalReader *self,
          const char      *path,
          int             *error)
{
  sd_journal *j = NULL;
  int r;

  if (path != NULL)
    {
      const char *one[2] = { path, NULL };

      r = SC_SD (sd_journal_open_files) (&j, one, 0);
      if (r >= 0)
        SC_SD (sd_journal_set_data_threshold) (j, SC_JOURNAL_DATA_THRESHOLD);
    }
  else
    r = _sc_journal_sd_open_handle (self, &j);
  if (r >= 0 && (r = _sc_journal_sd_add_matches (j, self->boot_match)) < 0)
    g_clear_pointer (&j, SC_SD (sd_journal_close));
  *error = r < 0 ? r : 0;
  return j;
}

/* The first matching entry at or after AT in file J, FALSE when none. */
static gboolean
find_boundary (sd_journal *j,
               guint64     at,
               EntryId    *id)
{
  if (SC_SD (sd_journal_seek_realtime_usec) (j, at) < 0 || SC_SD (sd_journal_next) (j) <= 0)
    return FALSE;
  return SC_SD (sd_journal_get_realtime_usec) (j, &id->realtime) >= 0 &&
         SC_SD (sd_journal_get_monotonic_usec) (j, &id->monotonic, &id->boot) >= 0;
}

static gboolean
entry_id_equal (const EntryId *a,
                const EntryId *b)
{
  return a->realtime == b->realtime && a->monotonic == b->monotonic &&
         sd_id128_equal (a->boot, b->boot);
}

static Unit *
unit_new (guint   file,
          guint64 start_usec,
          guint64 order_usec)
{
  Unit *u = g_new0 (Unit, 1);

  u->file = file;
  u->start_usec = start_usec;
  u->order_usec = order_usec;
  return u;
}

/* Whether file J is cheaper to read by its distinct MESSAGE values than by
 * walking its matching entries. Walking costs about 3.7 µs a matching
 * entry (sd_journal_next() and the entry's items up to MESSAGE); listing
 * a distinct value about 0.74 µs, and looking up the entries of a
 * candidate value about 28 µs (bench/bench-denials.sh, systemd 252). The
 * number of distinct values is at most the header's count of data objects;
 * the number of matching entries and candidates comes from a sample of
 * SAMPLE_ENTRIES matching entries in the middle of the file. */
static gboolean
prefer_unique (ScJournalReader *self,
               sd_journal      *j,
               guint64          n_entries,
               guint64          n_data,
               guint64          head,
               guint64          tail)
{
  guint64 first = 0, last = 0, k = 0, c = 0, matching, candidates, distinct;

  if (SC_SD (sd_journal_seek_realtime_usec) (j, head + (tail - head) / 2) < 0)
    return FALSE;
  while (k < SAMPLE_ENTRIES && SC_SD (sd_journal_next) (j) > 0)
    {
      const void *data;
      size_t len;

      SC_SD (sd_journal_get_realtime_usec) (j, &last);
      if (k++ == 0)
        first = last;
      if (SC_SD (sd_journal_get_data) (j, "MESSAGE", &data, &len) >= 0 && len >= 8 &&
          _sc_journal_may_be_record ((const char *) data + 8, len - 8))
        c++;
    }
  if (k < 2 || last <= first)
    return FALSE;
  /* Entries are assumed evenly spread over the file's time. */
  matching = (guint64) ((double) k * (double) (tail - head) / (double) (last - first));
  matching = MIN (matching, n_entries);
  candidates = matching * c / k;
  distinct = MIN (n_data, n_entries);
  return distinct * 74 + candidates * 2800 < matching * 370;
}

/* Plans file F to be read by the file reader (sc-journal-file.c): finds
 * its matching entries from its indexes and cuts them into units. FALSE
 * when the reader does not understand the file, which sd-journal then
 * reads. */
static gboolean
plan_file_direct (Scan      *s,
                  guint      index,
                  GPtrArray *units)
{
  ScJournalReader *self = s->self;
  ScanFile *f = g_ptr_array_index (s->files, index);
  guint64 since = (guint64) MAX (self->options.since_usec, 0);
  g_autoptr(ScJournalFile) jf = NULL;
  g_autoptr(GArray) offsets = NULL;
  guint64 n_entries = 0, head = 0, tail = 0;
  guint n;
  int r;

  if ((jf = sc_journal_file_open (f->path, &r)) == NULL)
    return FALSE;
  sc_journal_file_header_times (jf, &n_entries, &head, &tail);
  f->first_unit = units->len;
  if (n_entries == 0 || (since > 0 && tail > 0 && tail < since))
    return TRUE;   /* nothing in the window: no unit at all */
  if (sc_journal_file_find_matches (jf, self->boot_match != NULL ? self->boot_id.bytes : NULL,
                                    since, &offsets) < 0)
    return FALSE;
  if (offsets->len == 0)
    return TRUE;

  n = (guint) CLAMP (sc_journal_file_size (jf) / DIRECT_UNIT_BYTES, 1, DIRECT_MAX_UNITS_PER_FILE);
  n = MIN (n, offsets->len / DIRECT_MIN_UNIT_ENTRIES + 1);
  f->order_usec = MAX (head, since);
  for (guint k = 0; k < n; k++)
    {
      guint lo = (guint) ((guint64) offsets->len * k / n);
      ScJournalFileEntry e;
      Unit *u;

      if (sc_journal_file_read_entry (jf, g_array_index (offsets, guint64, lo), &e) < 0)
        {
          g_ptr_array_remove_range (units, f->first_unit, units->len - f->first_unit);
          return FALSE;
        }
      u = unit_new (index, 0, MAX (e.realtime, f->order_usec));
      u->direct = TRUE;
      u->lo = lo;
      u->hi = (guint) ((guint64) offsets->len * (k + 1) / n);
      g_ptr_array_add (units, u);
    }
  f->n_units = n;
  f->offsets = g_steal_pointer (&offsets);
  /* The first unit to start reads it with this mapping: the file is
   * not opened and mapped again, and its indexes are still mapped. */
  f->planned = g_steal_pointer (&jf);
  return TRUE;
}

/* Cuts file F into units of about UNIT_BYTES by time, or skips it when its
 * header says it ends before --since; a file that is cheaper to read by
 * its distinct messages is one unit. */
static void
plan_file (Scan      *s,
           guint      index,
           GPtrArray *units)
{
  ScanFile *f = g_ptr_array_index (s->files, index);
  guint64 since = (guint64) MAX (s->self->options.since_usec, 0);
  guint64 n_entries = 0, n_data = 0, head = 0, tail = 0, lo;
  gboolean have_header;
  sd_journal *j = NULL;
  goffset size = 0;
  guint n = 1;
  Unit *u;
  int r;

  if (s->mode != READ_MODE_SD && plan_file_direct (s, index, units))
    return;
  f->first_unit = units->len;
  if (s->mode == READ_MODE_DIRECT)
    {
      /* Counted as unreadable when the units are collected. */
      u = unit_new (index, 0, 0);
      u->direct = TRUE;
      u->direct_failed = TRUE;
      g_ptr_array_add (units, u);
      f->n_units = 1;
      return;
    }
  have_header = _sc_journal_read_file_header (f->path, &size, &n_entries, &n_data, &head, &tail);
  if (have_header && (n_entries == 0 || (since > 0 && tail > 0 && tail < since)))
    return;   /* nothing in the window: no unit at all */
  lo = MAX (head, since);
  f->order_usec = lo;
  u = unit_new (index, since, lo);
  g_ptr_array_add (units, u);
  f->n_units = 1;
  if (!have_header || lo >= tail)
    return;

  n = (guint) CLAMP (size / UNIT_BYTES, 1, MAX_UNITS_PER_FILE);
  if (n == 1 && (since > 0 || size > UNIQUE_MAX_BYTES || n_entries < 4 * SAMPLE_ENTRIES ||
                 n_data >= n_entries / 2))
    return;
  if ((j = open_one (s->self, f->path, &r)) == NULL)
    return;
  /* Only where messages clearly repeat: a file whose data objects are
   * fewer than half its entries. Where most messages differ both ways cost
   * about the same, and the walk of the distinct values decompresses
   * every long message, which the walk of the entries never looks at. */
  if (since == 0 && size <= UNIQUE_MAX_BYTES && n_data < n_entries / 2 &&
      prefer_unique (s->self, j, n_entries, n_data, head, tail))
    {
      u->unique = TRUE;
      n = 1;
    }
  for (guint k = 1; k < n; k++)
    {
      guint64 at = lo + (tail - lo) / n * k;
      EntryId id;

      if (!find_boundary (j, at, &id))
        break;
      if (u->has_stop && entry_id_equal (&u->stop, &id))
        continue;
      u->has_stop = TRUE;
      u->stop = id;
      u = unit_new (index, at, at);
      g_ptr_array_add (units, u);
    }
  SC_SD (sd_journal_close) (j);
  f->n_units = units->len - f->first_unit;
}

typedef struct
{
  Scan       *scan;
  GPtrArray **planned;   /* the units of each file */
  gint        next;      /* the next file to plan */
} Planning;

static gpointer
plan_worker (gpointer data)
{
  Planning *p = data;
  guint i;

  while ((i = (guint) g_atomic_int_add (&p->next, 1)) < p->scan->files->len)
    {
      p->planned[i] = g_ptr_array_new ();
      plan_file (p->scan, i, p->planned[i]);
    }
  return NULL;
}

/* Plans every file, several at a time: finding a file's matching entries
 * walks its indexes, which for a folder of rotated files is a good part
 * of the whole read. The units are kept in file order. */
static void
plan_files (Scan *s)
{
  g_autofree GPtrArray **planned = g_new0 (GPtrArray *, s->files->len);
  Planning p = { s, planned, 0 };
  GThread *threads[MAX_WORKERS];
  guint n_threads = MIN (MIN ((guint) g_get_num_processors (), MAX_WORKERS), s->files->len);

  for (guint t = 1; t < n_threads; t++)
    threads[t] = g_thread_new ("sc-journal-plan", plan_worker, &p);
  plan_worker (&p);
  for (guint t = 1; t < n_threads; t++)
    g_thread_join (threads[t]);

  for (guint i = 0; i < s->files->len; i++)
    {
      ScanFile *f = g_ptr_array_index (s->files, i);

      f->first_unit += s->units->len;
      g_ptr_array_extend_and_steal (s->units, planned[i]);
    }
}

static int
compare_units (gconstpointer a,
               gconstpointer b)
{
  const Unit *ua = *(Unit * const *) a, *ub = *(Unit * const *) b;

  if (ua->order_usec != ub->order_usec)
    return ua->order_usec < ub->order_usec ? -1 : 1;
  return ua->file < ub->file ? -1 : ua->file > ub->file;
}

/* ---- Workers ---------------------------------------------------------- */

/* Parses the record MSG (LEN bytes) of an entry with fields F and keeps it
 * in unit U. */
static void
add_parsed (Unit                       *u,
            const ScJournalEntryFields *f,
            const char                 *msg,
            gsize                       len,
            guint64                     realtime,
            guint64                     monotonic)
{
  ScRecordContext context = { 0 };
  Item item = { 0 };

  context.transport = _sc_journal_nonempty (f->transport);
  context.hostname = _sc_journal_nonempty (f->hostname);
  context.audit_type_name = _sc_journal_nonempty (f->audit_type_name);
  context.audit_id = _sc_journal_nonempty (f->audit_id);
  context.syslog_identifier = _sc_journal_nonempty (f->identifier);
  context.realtime_usec = (gint64) realtime;
  if (f->source_realtime[0] != '\0')
    {
      gint64 v = g_ascii_strtoll (f->source_realtime, NULL, 10);
      if (v > 0)
        context.realtime_usec = v;
    }

  item.type = sc_denial_parse_message (msg, (gssize) len, &context, &item.denial, &item.lost);
  if (item.type == SC_RECORD_NONE)
    {
      g_clear_pointer (&item.denial, sc_denial_unref);
      return;
    }
  item.lost_is_total = item.type == SC_RECORD_RATELIMIT && sc_denial_lost_is_total (msg, (gssize) len);
  if (context.hostname != NULL)
    item.hostname = g_string_chunk_insert_const (u->strings, context.hostname);
  item.realtime = realtime;
  item.monotonic = monotonic;
  item.seq = u->items->len;
  g_array_append_val (u->items, item);
}

static void
add_item (ScJournalReader *self,
          sd_journal      *j,
          Unit            *u,
          guint64          realtime,
          guint64          monotonic,
          gboolean         check_groups)
{
  ScJournalEntryFields f;
  const void *data;
  size_t len;

  _sc_journal_sd_read_fields (j, &f);
  /* The entries of a MESSAGE value: only those of the matched groups. */
  if (check_groups && !_sc_journal_sd_entry_in_groups (&f))
    return;
  /* Reading the fields may have moved the window under MESSAGE. */
  if (SC_SD (sd_journal_get_data) (j, "MESSAGE", &data, &len) < 0 || len < 8)
    return;
  add_parsed (u, &f, (const char *) data + 8, len - 8, realtime, monotonic);
}

/* Whether an entry comes after the anchor in sd-journal's order (by
 * monotonic time within the anchor's boot, else by wall clock). */
static gboolean
entry_after_anchor (ScJournalReader *self,
                    guint64          realtime,
                    guint64          monotonic,
                    sd_id128_t       boot)
{
  if (self->no_anchor)
    return FALSE;
  if (sd_id128_equal (boot, self->anchor_boot))
    return monotonic > self->anchor_monotonic;
  return realtime > self->anchor_usec;
}

/* Whether the current entry of J comes after the anchor in sd-journal's
 * order (by monotonic time within the anchor's boot, else by wall clock):
 * the main handle reads those. */
static gboolean
after_anchor (ScJournalReader *self,
              sd_journal      *j,
              guint64          realtime,
              guint64         *monotonic)
{
  sd_id128_t boot;

  if (SC_SD (sd_journal_get_monotonic_usec) (j, monotonic, &boot) >= 0 && !self->no_anchor &&
      sd_id128_equal (boot, self->anchor_boot))
    return *monotonic > self->anchor_monotonic;
  return !self->no_anchor && realtime > self->anchor_usec;
}

/* Looks up the entries of the candidate MESSAGE values of unit U. */
static int
look_up_values (Scan       *s,
                Unit       *u,
                const char *path,
                GPtrArray  *values)
{
  ScJournalReader *self = s->self;
  sd_journal *j = NULL;
  int r = 0;

  for (guint i = 0; r >= 0 && i < values->len; i++)
    {
      gsize mlen;
      const void *m = g_bytes_get_data (g_ptr_array_index (values, i), &mlen);

      if (g_atomic_int_get (&s->abort) || g_cancellable_is_cancelled (s->cancellable))
        break;
      /* A fresh handle now and then bounds the mapped windows. */
      if (i % LOOKUPS_PER_HANDLE == 0)
        {
          const char *one[2] = { path, NULL };

          g_clear_pointer (&j, SC_SD (sd_journal_close));
          if ((r = SC_SD (sd_journal_open_files) (&j, one, 0)) < 0)
            break;
          SC_SD (sd_journal_set_data_threshold) (j, SC_JOURNAL_DATA_THRESHOLD);
        }
      SC_SD (sd_journal_flush_matches) (j);
      if ((r = SC_SD (sd_journal_add_match) (j, m, mlen)) < 0 ||
          (self->boot_match != NULL && (r = SC_SD (sd_journal_add_match) (j, self->boot_match, 0)) < 0) ||
          (r = SC_SD (sd_journal_seek_head) (j)) < 0)
        break;
      while ((r = SC_SD (sd_journal_next) (j)) > 0)
        {
          guint64 realtime = 0, monotonic = 0;

          SC_SD (sd_journal_get_realtime_usec) (j, &realtime);
          if (!after_anchor (self, j, realtime, &monotonic))
            add_item (self, j, u, realtime, monotonic, TRUE);
        }
    }
  if (j != NULL)
    SC_SD (sd_journal_close) (j);
  return r;
}

/* Reads the file of unit U by the distinct values of MESSAGE: a few
 * memmem() calls reject the ordinary ones, and only the entries of the
 * rest are looked up. Its cost follows the number of distinct messages
 * and candidates, not of entries. */
static void
scan_unit_unique (Scan *s,
                  Unit *u)
{
  ScanFile *f = g_ptr_array_index (s->files, u->file);
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  const char *one[2] = { f->path, NULL };
  sd_journal *j = NULL;
  const void *data;
  size_t len;
  guint n = 0;
  int r;

  if ((r = SC_SD (sd_journal_open_files) (&j, one, 0)) < 0)
    {
      u->error = r;
      return;
    }
  SC_SD (sd_journal_set_data_threshold) (j, SC_JOURNAL_DATA_THRESHOLD);
  r = SC_SD (sd_journal_query_unique) (j, "MESSAGE");
  while (r >= 0 && (r = SC_SD (sd_journal_enumerate_available_unique) (j, &data, &len)) > 0)
    {
      const char *msg = (const char *) data + 8;
      size_t mlen = len - 8;

      if ((++n & 0xfff) == 0 &&
          (g_atomic_int_get (&s->abort) || g_cancellable_is_cancelled (s->cancellable)))
        break;
      if (len < 8 || len >= SC_JOURNAL_DATA_THRESHOLD || !_sc_journal_may_be_record (msg, mlen))
        continue;
      if (!_sc_journal_is_ratelimit_text (msg, mlen) && !_sc_journal_may_be_snap (s->self, msg, mlen))
        continue;
      g_ptr_array_add (values, g_bytes_new (data, len));
    }
  SC_SD (sd_journal_close) (j);
  if (r >= 0)
    r = look_up_values (s, u, f->path, values);
  if (r < 0)
    u->error = r;
}

/* Copies the stretch of the file from a little before entry I onwards
 * into the reader's window, up to the last of the following entries that
 * fits: no more than they need where they are few. Returns its end. */
static guint64
read_window (ScJournalFile *jf,
             GArray        *offsets,
             guint          i,
             guint          end)
{
  guint64 offset = g_array_index (offsets, guint64, i);
  guint64 from = offset > DIRECT_WINDOW_BEFORE ? offset - DIRECT_WINDOW_BEFORE : 0;
  guint64 to = offset + DIRECT_ENTRY_BYTES;

  for (guint k = i + 1; k < end; k++)
    {
      guint64 next = g_array_index (offsets, guint64, k) + DIRECT_ENTRY_BYTES;

      if (next > from + DIRECT_WINDOW_BYTES)
        break;
      to = next;
    }
  sc_journal_file_read_window (jf, from, to);
  return to;
}

/* Reads unit U with the file reader: the same steps as scan_unit() on
 * the entries the file's indexes list. Sets direct_failed when the file
 * does not hold together; its units are then read again by sd-journal. */
static void
scan_unit_direct (Scan *s,
                  Unit *u)
{
  ScJournalReader *self = s->self;
  ScanFile *f = g_ptr_array_index (s->files, u->file);
  guint64 since = (guint64) MAX (self->options.since_usec, 0);
  g_autoptr(ScJournalFile) jf = NULL;
  guint64 released = 0, window_end = 0, seqnum = 0;
  int r = 0;

  if (u->direct_failed)
    return;
  jf = g_atomic_pointer_exchange (&f->planned, NULL);
  if (jf == NULL && (jf = sc_journal_file_open (f->path, &r)) == NULL)
    {
      u->direct_failed = TRUE;
      return;
    }
  /* sd-journal skips an entry whose sequence number is not above the
   * last one it returned; a file where that happens is left to it. */
  if (u->lo > 0)
    {
      ScJournalFileEntry e;

      if ((r = sc_journal_file_read_entry (jf, g_array_index (f->offsets, guint64, u->lo - 1), &e)) < 0)
        {
          u->direct_failed = TRUE;
          return;
        }
      seqnum = e.seqnum;
    }
  for (guint i = u->lo; i < u->hi; i++)
    {
      guint64 offset = g_array_index (f->offsets, guint64, i);
      ScJournalEntryFields fields;
      ScJournalFileEntry e;
      sd_id128_t boot;
      const char *msg;
      gsize len;

      if (((i - u->lo) & 0xfff) == 0xfff &&
          (g_atomic_int_get (&s->abort) || g_cancellable_is_cancelled (s->cancellable)))
        break;
      if (offset + DIRECT_ENTRY_BYTES > window_end)
        window_end = read_window (jf, f->offsets, i, u->hi);
      if (offset > released + 2 * DIRECT_RELEASE_BYTES)
        {
          sc_journal_file_release_pages (jf, released, offset - DIRECT_RELEASE_BYTES);
          released = offset - DIRECT_RELEASE_BYTES;
        }
      if ((r = sc_journal_file_read_entry (jf, offset, &e)) < 0)
        break;
      if (e.seqnum <= seqnum)
        {
          r = -EBADMSG;
          break;
        }
      seqnum = e.seqnum;
      if ((r = sc_journal_file_get_message (jf, &e, &msg, &len)) < 0)
        break;
      if (r != 1)
        continue;
      msg += 8;
      len -= 8;
      /* A message that is no record is so wherever it comes again. */
      if (len >= SC_JOURNAL_DATA_THRESHOLD || !_sc_journal_may_be_record (msg, len) ||
          (!_sc_journal_is_ratelimit_text (msg, len) && !_sc_journal_may_be_snap (self, msg, len)))
        {
          sc_journal_file_skip_message (jf);
          continue;
        }
      if (since > 0 && e.realtime < since)
        continue;
      memcpy (boot.bytes, e.boot_id, sizeof boot.bytes);
      if (entry_after_anchor (self, e.realtime, e.monotonic, boot))
        continue;
      if ((r = sc_journal_file_read_fields (jf, &e, &fields)) < 0)
        break;
      add_parsed (u, &fields, msg, len, e.realtime, e.monotonic);
    }
  if (r < 0)
    u->direct_failed = TRUE;
}

/* Walks the matching entries of unit U. */
static void
scan_unit (Scan *s,
           Unit *u)
{
  ScJournalReader *self = s->self;
  ScanFile *f = u->file != G_MAXUINT ? g_ptr_array_index (s->files, u->file) : NULL;
  guint64 since = (guint64) MAX (self->options.since_usec, 0);
  gboolean reached = FALSE;
  sd_journal *j;
  guint n = 0;
  int r;

  u->items = g_array_new (FALSE, FALSE, sizeof (Item));
  u->strings = g_string_chunk_new (1024);
  if (u->direct)
    {
      scan_unit_direct (s, u);
      return;
    }
  if (u->unique)
    {
      scan_unit_unique (s, u);
      return;
    }
  if ((j = open_one (self, f != NULL ? f->path : NULL, &r)) == NULL)
    {
      u->error = r;
      return;
    }
  r = u->start_usec > 0 ? SC_SD (sd_journal_seek_realtime_usec) (j, u->start_usec)
                        : SC_SD (sd_journal_seek_head) (j);
  while (r >= 0 && (r = SC_SD (sd_journal_next) (j)) > 0)
    {
      guint64 realtime = 0, monotonic = 0;
      const void *data;
      const char *msg;
      size_t len;

      if ((++n & 0xfff) == 0 &&
          (g_atomic_int_get (&s->abort) || g_cancellable_is_cancelled (s->cancellable)))
        break;
      SC_SD (sd_journal_get_realtime_usec) (j, &realtime);
      if (u->has_stop && realtime == u->stop.realtime)
        {
          EntryId id = { realtime, 0, { { 0 } } };

          SC_SD (sd_journal_get_monotonic_usec) (j, &id.monotonic, &id.boot);
          if (entry_id_equal (&id, &u->stop))
            {
              reached = TRUE;
              break;
            }
        }
      if (SC_SD (sd_journal_get_data) (j, "MESSAGE", &data, &len) < 0 || len < 8)
        continue;
      msg = (const char *) data + 8;
      len -= 8;
      if (len >= SC_JOURNAL_DATA_THRESHOLD || !_sc_journal_may_be_record (msg, len))
        continue;
      if (!_sc_journal_is_ratelimit_text (msg, len) && !_sc_journal_may_be_snap (self, msg, len))
        continue;
      if (since > 0 && realtime < since)
        continue;
      if (after_anchor (self, j, realtime, &monotonic))
        continue;
      add_item (self, j, u, realtime, monotonic, FALSE);
    }
  if (r < 0)
    u->error = r;
  else if (u->has_stop && !reached && !g_atomic_int_get (&s->abort) &&
           !g_cancellable_is_cancelled (s->cancellable))
    u->missed_stop = TRUE;
  SC_SD (sd_journal_close) (j);
}

static gpointer
worker (gpointer data)
{
  Scan *s = data;
  guint i;

  while ((i = (guint) g_atomic_int_add (&s->next_unit, 1)) < s->units->len &&
         !g_atomic_int_get (&s->abort))
    {
      Unit *u = g_ptr_array_index (s->units, i);

      scan_unit (s, u);
      g_mutex_lock (&s->lock);
      u->done = TRUE;
      s->n_done++;
      g_cond_signal (&s->cond);
      g_mutex_unlock (&s->lock);
    }
  /* Wake the merger when the queue ran out. */
  g_mutex_lock (&s->lock);
  g_cond_signal (&s->cond);
  g_mutex_unlock (&s->lock);
  return NULL;
}

/* ---- Merging ---------------------------------------------------------- */

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  const Item *ia = a, *ib = b;

  if (ia->realtime != ib->realtime)
    return ia->realtime < ib->realtime ? -1 : 1;
  if (ia->monotonic != ib->monotonic)
    return ia->monotonic < ib->monotonic ? -1 : 1;
  if (ia->unit != ib->unit)
    return ia->unit < ib->unit ? -1 : 1;
  return ia->seq < ib->seq ? -1 : ia->seq > ib->seq;
}

static void
hand_on (ScJournalReader     *self,
         Item                *item,
         ScJournalRecordFunc  func,
         gpointer             user_data)
{
  guint64 lost = item->lost;

  if (item->lost_is_total)
    lost = _sc_journal_lost_total_increase (self, item->hostname, lost);
  _sc_journal_deliver (self, item->type, g_steal_pointer (&item->denial), lost, item->hostname,
                       (gint64) item->realtime,
                       func, user_data);
}

/* A file whose units did not meet their stop entries (its clock went
 * back): read it again as one unit, here. */
static void
rescan_file (Scan  *s,
             guint  index)
{
  Unit *whole = NULL;

  /* The file's first unit reads it all; the others are emptied. The unit
   * array does not change: the workers may still be reading it. */
  for (guint k = 0; k < s->units->len; k++)
    {
      Unit *u = g_ptr_array_index (s->units, k);

      if (u->file != index)
        continue;
      if (u->items != NULL)
        for (guint m = 0; m < u->items->len; m++)
          g_clear_pointer (&g_array_index (u->items, Item, m).denial, sc_denial_unref);
      g_clear_pointer (&u->items, g_array_unref);
      g_clear_pointer (&u->strings, g_string_chunk_free);
      u->missed_stop = FALSE;
      u->direct = FALSE;
      u->direct_failed = FALSE;
      u->error = 0;
      if (whole == NULL)
        whole = u;
    }
  whole->start_usec = (guint64) MAX (s->self->options.since_usec, 0);
  whole->has_stop = FALSE;
  whole->unique = FALSE;
  scan_unit (s, whole);
}

/* Moves the items of the files read to the end into READY, and says up to
 * which time READY can be handed on: before the start of the earliest file
 * still being read. Called with the lock held. */
static guint64
collect (Scan   *s,
         GArray *ready,
         int    *error)
{
  guint64 watermark = G_MAXUINT64;

  for (guint i = 0; i < s->files->len; i++)
    {
      ScanFile *f = g_ptr_array_index (s->files, i);
      guint done = 0;
      gboolean missed = FALSE;

      if (f->delivered || f->n_units == 0)
        continue;
      for (guint k = 0; k < s->units->len; k++)
        {
          Unit *u = g_ptr_array_index (s->units, k);

          if (u->file == i && u->done)
            {
              done++;
              missed |= u->missed_stop;
              if (u->direct_failed && s->mode == READ_MODE_DIRECT)
                u->error = -EBADMSG;
              else
                missed |= u->direct_failed;
            }
        }
      if (done < f->n_units)
        {
          watermark = MIN (watermark, f->order_usec);
          continue;
        }
      if (missed)
        {
          g_mutex_unlock (&s->lock);
          rescan_file (s, i);
          g_mutex_lock (&s->lock);
        }
      for (guint k = 0; k < s->units->len; k++)
        {
          Unit *u = g_ptr_array_index (s->units, k);

          if (u->file != i || u->items == NULL)
            continue;
          if (u->error < 0 && f->path == NULL && *error == 0)
            *error = u->error;
          else if (u->error < 0 && !f->failed)
            {
              /* Skipped, as journalctl does, but not in silence. */
              f->failed = TRUE;
              s->n_failed++;
              _sc_journal_add_warning (s->self, g_strdup_printf (_("Journal file %s is corrupted, "
                                                                   "ignoring it (%s)."),
                                                                 f->path, g_strerror (-u->error)));
            }
          for (guint m = 0; m < u->items->len; m++)
            {
              Item *item = &g_array_index (u->items, Item, m);
              item->unit = k;
              g_array_append_val (ready, *item);
            }
          g_array_set_size (u->items, 0);
        }
      f->delivered = TRUE;
    }
  return watermark;
}

/* Hands on the items of READY (sorted) before WATERMARK, in time order. */
static void
flush_ready (ScJournalReader     *self,
             GArray              *ready,
             guint64              watermark,
             ScJournalRecordFunc  func,
             gpointer             user_data)
{
  guint n = 0;

  while (n < ready->len && g_array_index (ready, Item, n).realtime < watermark)
    hand_on (self, &g_array_index (ready, Item, n++), func, user_data);
  g_array_remove_range (ready, 0, n);
}

/**
 * _sc_journal_sd_catch_up:
 * @files: (nullable): the journal files of the source; NULL to read the
 *   whole source with one handle
 *
 * Reads the records up to the anchor (see the file's comment), handing
 * them to @func in time order as the files are read.
 */
gboolean
_sc_journal_sd_catch_up (ScJournalReader     *self,
                         GPtrArray           *files,
                         ScJournalRecordFunc  func,
                         gpointer             user_data,
                         GCancellable        *cancellable,
                         GError             **error)
{
  g_autoptr(GArray) ready = g_array_new (FALSE, FALSE, sizeof (Item));
  GThread *threads[MAX_WORKERS];
  guint n_threads;
  Scan s = { 0 };
  int r = 0;

  s.self = self;
  s.cancellable = cancellable;
  s.mode = read_mode ();
  s.files = g_ptr_array_new_with_free_func ((GDestroyNotify) scan_file_free);
  s.units = g_ptr_array_new_with_free_func ((GDestroyNotify) unit_free);
  g_mutex_init (&s.lock);
  g_cond_init (&s.cond);

  if (files != NULL)
    {
      for (guint i = 0; i < files->len; i++)
        {
          ScanFile *f = g_new0 (ScanFile, 1);
          f->path = g_strdup (g_ptr_array_index (files, i));
          g_ptr_array_add (s.files, f);
        }
      plan_files (&s);
    }
  else
    {
      ScanFile *f = g_new0 (ScanFile, 1);
      g_ptr_array_add (s.files, f);
      g_ptr_array_add (s.units, unit_new (G_MAXUINT, (guint64) MAX (self->options.since_usec, 0), 0));
      f->n_units = 1;
    }
  g_ptr_array_sort (s.units, compare_units);
  if (files == NULL)
    ((Unit *) g_ptr_array_index (s.units, 0))->file = 0;

  n_threads = MIN (MIN ((guint) g_get_num_processors (), MAX_WORKERS), s.units->len);
  for (guint t = 0; t < n_threads; t++)
    threads[t] = g_thread_new ("sc-journal-scan", worker, &s);

  g_mutex_lock (&s.lock);
  for (;;)
    {
      guint before = ready->len, seen = s.n_done;
      guint64 watermark = collect (&s, ready, &r);
      gboolean all = s.n_done >= s.units->len || n_threads == 0;

      if (r == 0 && (ready->len != before || all) && !g_cancellable_is_cancelled (cancellable))
        {
          g_mutex_unlock (&s.lock);
          if (ready->len != before)
            g_array_sort (ready, compare_items);
          flush_ready (self, ready, all ? G_MAXUINT64 : watermark, func, user_data);
          g_mutex_lock (&s.lock);
        }
      if (all || r < 0 || g_cancellable_is_cancelled (cancellable))
        break;
      /* Sleep until a worker finishes a unit (or now and then, to notice
       * a cancellation). */
      while (s.n_done == seen && !g_cancellable_is_cancelled (cancellable))
        g_cond_wait_until (&s.cond, &s.lock, g_get_monotonic_time () + G_TIME_SPAN_SECOND / 10);
    }
  g_atomic_int_set (&s.abort, TRUE);
  g_mutex_unlock (&s.lock);
  for (guint t = 0; t < n_threads; t++)
    g_thread_join (threads[t]);

  if (r == 0 && !g_cancellable_is_cancelled (cancellable))
    {
      g_mutex_lock (&s.lock);
      (void) collect (&s, ready, &r);
      g_mutex_unlock (&s.lock);
      if (r == 0)
        {
          g_array_sort (ready, compare_items);
          flush_ready (self, ready, G_MAXUINT64, func, user_data);
        }
    }
  for (guint i = 0; i < ready->len; i++)
    g_clear_pointer (&g_array_index (ready, Item, i).denial, sc_denial_unref);
  if (files != NULL && s.n_failed > 0 && s.n_failed == files->len)
    _sc_journal_add_warning (self, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                 "The journal file could not be read: no record can be shown.",
                                                                 "None of the %u journal files could be read: no record can be shown.",
                                                                 s.n_failed),
                                                    s.n_failed));

  g_ptr_array_unref (s.units);
  g_ptr_array_unref (s.files);
  g_mutex_clear (&s.lock);
  g_cond_clear (&s.cond);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (r < 0)
    {
      g_set_error (error, SC_JOURNAL_ERROR, SC_JOURNAL_ERROR_READ,
                   _("Cannot read the journal: %s"), g_strerror (-r));
      return FALSE;
    }
  return TRUE;
}
