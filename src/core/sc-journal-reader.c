/* sc-journal-reader.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two back ends behind one API:
 *
 *  - sd-journal (system + user journal, a directory, explicit files).
 *    The records already there are found through the distinct MESSAGE
 *    values of each file (catch_up()): a few memmem() calls reject the
 *    ordinary messages, and only the entries of the remaining values are
 *    visited. The main handle, with field matches for the kernel, audit and
 *    dbus-daemon groups so the journal's index skips everything else, waits
 *    after the last matching entry and serves follow mode; with --since or
 *    --boot it walks the matching entries of that window instead. Records
 *    go to the parser with the context fields it needs.
 *
 *  - a text log (syslog, kern.log, audit.log, saved journalctl output or
 *    standard input), read in large blocks and split with memchr().
 *    Indented continuation lines (the second line of a dbus-daemon
 *    USER_AVC record) are joined to the line before them. Regular files are
 *    followed with inotify, streams with poll().
 *
 * bench/bench-denials.sh measures the first back end against journalctl.
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
#include <grp.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sc-denial-parser.h"
#include "sc-journal-reader.h"
#include "sc-system-libs.h"

G_DEFINE_QUARK (sc-journal-error-quark, sc_journal_error)

/* Larger than any MESSAGE we care about: audit records are at most ~8 KiB. */
#define DATA_THRESHOLD (16 * 1024)
#define LOG_CHUNK (1024 * 1024)
#define LOOKUPS_PER_HANDLE 1024
#define FIELD_MAX 256
#define JSON_ENTRY_MAX (16 * 1024 * 1024)   /* one json-pretty entry, at most */

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
  gboolean          use_catch_up;
  gboolean          caught_up;      /* the records before the anchor were read */
  guint64           anchor_usec;    /* the last matching entry at open: realtime, */
  guint64           anchor_monotonic; /* monotonic time */
  sd_id128_t        anchor_boot;    /* and boot */

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
  int               year;
  LogFormat         log_format;     /* found from the first bytes */
  SavedEntry        entry;          /* export format: the entry being read */
  GString          *json_pending;   /* json-pretty: the lines of the entry being read */
  gboolean          log_has_text;   /* anything but blanks was read */
  guint64           log_recognised; /* records (or candidates the snap filter skipped) */
  gboolean          log_checked;    /* the "no record" warning was considered */
  GHashTable       *lost_totals;    /* host → largest audit_lost=N seen (guint64*) */
};

/* ---- Helpers ---------------------------------------------------------- */

static void
add_warning (ScJournalReader *self,
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

static gboolean
is_ratelimit_text (const char *msg,
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
static gboolean
may_be_record (const char *msg,
               gsize       len)
{
  if (memmem (msg, len, "apparmor=", 9) != NULL)
    return TRUE;
  if (memmem (msg, len, "syscall=", 8) != NULL)
    return memmem (msg, len, "SECCOMP", 7) != NULL || memmem (msg, len, "type=1326", 9) != NULL;
  return memmem (msg, len, "audit", 5) != NULL && is_ratelimit_text (msg, len);
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
build_snap_needles (ScJournalReader *self)
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

static gboolean
may_be_snap (ScJournalReader *self,
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
static guint64
lost_total_increase (ScJournalReader *self,
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

static void
deliver (ScJournalReader     *self,
         ScRecordType         type,
         ScDenial            *denial,
         guint64              lost,
         const char          *host,
         ScJournalRecordFunc  func,
         gpointer             user_data)
{
  g_autoptr(ScDenial) owned = denial;

  if (type == SC_RECORD_RATELIMIT)
    {
      if (lost > 0)
        func (NULL, lost, user_data);
      return;
    }
  if (type != SC_RECORD_DENIAL || owned == NULL)
    return;
  if (!denial_is_of_snap (self, owned))
    return;
  if (self->options.since_usec > 0 && owned->timestamp_usec > 0 &&
      owned->timestamp_usec < self->options.since_usec)
    return;
  if (owned->host == NULL && host != NULL && *host != '\0')
    owned->host = g_strdup (host);
  func (owned, 0, user_data);
}

/* ---- Permission check ------------------------------------------------- */

static gboolean
is_system_journal_name (const char *name)
{
  return g_str_has_prefix (name, "system") &&
         (g_str_has_suffix (name, ".journal") || g_str_has_suffix (name, ".journal~"));
}

/**
 * sc_journal_check_system_access:
 * @roots: journal roots to look in, NULL for /var/log/journal and /run/log/journal
 * @found: (out) (optional): whether any system journal file exists
 * @error: set to SC_JOURNAL_ERROR_PERMISSION when system journal files exist
 *   but none of them is readable by the calling process
 *
 * sd_journal_open() silently skips files the caller may not read, which
 * would make "no denials" indistinguishable from "not allowed to look".
 * This checks the files themselves with access(2), which honours the ACLs
 * Debian and Ubuntu put on the journal for the adm group.
 */
gboolean
sc_journal_check_system_access (const char * const  *roots,
                                gboolean            *found,
                                GError             **error)
{
  static const char * const default_roots[] = { "/var/log/journal", "/run/log/journal", NULL };
  guint n_files = 0, n_readable = 0;

  if (roots == NULL)
    roots = default_roots;

  for (guint i = 0; roots[i] != NULL; i++)
    {
      g_autoptr(GDir) dir = g_dir_open (roots[i], 0, NULL);
      const char *machine;

      if (dir == NULL)
        continue;
      while ((machine = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *sub = g_build_filename (roots[i], machine, NULL);
          g_autoptr(GDir) subdir = NULL;
          const char *name;

          if (is_system_journal_name (machine))
            {
              n_files++;
              if (access (sub, R_OK) == 0)
                n_readable++;
              continue;
            }
          subdir = g_dir_open (sub, 0, NULL);
          if (subdir == NULL)
            {
              /* The machine folder itself may be unreadable (mode 2750). */
              if (errno == EACCES && SC_SD (sd_id128_from_string) (machine, NULL) == 0)
                n_files++;
              continue;
            }
          while ((name = g_dir_read_name (subdir)) != NULL)
            {
              g_autofree char *file = NULL;

              if (!is_system_journal_name (name))
                continue;
              file = g_build_filename (sub, name, NULL);
              n_files++;
              if (access (file, R_OK) == 0)
                n_readable++;
            }
        }
    }

  if (found != NULL)
    *found = n_files > 0;

  if (n_files > 0 && n_readable == 0)
    {
      g_set_error (error, SC_JOURNAL_ERROR, SC_JOURNAL_ERROR_PERMISSION,
                   _("You may not read the system journal, where AppArmor and seccomp "
                     "denials are logged, so the list would be empty or incomplete. "
                     "Add yourself to the systemd-journal group (on Debian and Ubuntu "
                     "the adm group works too): `sudo usermod -aG systemd-journal %s`, "
                     "then log out and in again; or run this command with sudo."),
                   g_get_user_name ());
      return FALSE;
    }
  return TRUE;
}

/* ---- sd-journal back end ---------------------------------------------- */

/* Counts the journal files below DIR (journal-remote folders nest one or two
 * levels) and how many of them this process may read. */
static void
count_journal_files (const char *dir,
                     guint       depth,
                     guint      *n_files,
                     guint      *n_readable)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_str_has_suffix (name, ".journal") || g_str_has_suffix (name, ".journal~"))
        {
          (*n_files)++;
          if (access (path, R_OK) == 0)
            (*n_readable)++;
        }
      else if (depth < 3 && g_file_test (path, G_FILE_TEST_IS_DIR)
               && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        count_journal_files (path, depth + 1, n_files, n_readable);
    }
}

static const char *
journal_group_hint (void)
{
  return _(". Journal files are readable by root and the systemd-journal group (adm on "
           "Debian and Ubuntu): `sudo usermod -aG systemd-journal $USER`, then log in again");
}

/* The three groups of denials.md §5.4. _AUDIT_TYPE is a trusted field that
 * only journald's audit transport sets, so the audit group needs no
 * _TRANSPORT=audit term: an AND of two fields is much slower to evaluate in
 * sd-journal than an OR of values of one field. */
static int
add_matches (sd_journal *j,
             const char *boot_match)
{
  static const char * const groups[][3] = {
    /* printk copies of audit records (Debian/Ubuntu default) */
    { "_TRANSPORT=kernel", NULL },
    /* journald's audit socket: AVC, SECCOMP and USER_AVC only */
    { "_AUDIT_TYPE=1400", "_AUDIT_TYPE=1326", "_AUDIT_TYPE=1107" },
    /* session-bus D-Bus mediation, syslog from the user's dbus-daemon */
    { "SYSLOG_IDENTIFIER=dbus-daemon", NULL },
  };
  int r;

  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    {
      if (g > 0 && (r = SC_SD (sd_journal_add_disjunction) (j)) < 0)
        return r;
      for (guint m = 0; m < G_N_ELEMENTS (groups[g]) && groups[g][m] != NULL; m++)
        if ((r = SC_SD (sd_journal_add_match) (j, groups[g][m], 0)) < 0)
          return r;
      if (boot_match != NULL && (r = SC_SD (sd_journal_add_match) (j, boot_match, 0)) < 0)
        return r;
    }
  return 0;
}

static void
set_open_error (ScJournalReader  *self,
                int               r,
                GError          **error)
{
  const char *path = self->options.path;

  g_set_error (error, SC_JOURNAL_ERROR,
               r == -EACCES || r == -EPERM ? SC_JOURNAL_ERROR_PERMISSION : SC_JOURNAL_ERROR_OPEN,
               _("Cannot open the journal%s%s: %s"),
               path ? " " : "", path ? path : "", g_strerror (-r));
}

/* Opens the source without matches. */
static int
open_handle (ScJournalReader  *self,
             sd_journal      **out)
{
  const ScJournalOptions *o = &self->options;
  int r;

  switch (o->type)
    {
    case SC_JOURNAL_SOURCE_SYSTEM:
      r = SC_SD (sd_journal_open) (out, SD_JOURNAL_SYSTEM | SD_JOURNAL_CURRENT_USER);
      break;
    case SC_JOURNAL_SOURCE_DIRECTORY:
      r = SC_SD (sd_journal_open_directory) (out, o->path, 0);
      break;
    case SC_JOURNAL_SOURCE_FILES:
      r = SC_SD (sd_journal_open_files) (out, (const char **) o->files, 0);
      break;
    case SC_JOURNAL_SOURCE_LOG:
    default:
      g_assert_not_reached ();
    }
  if (r >= 0)
    SC_SD (sd_journal_set_data_threshold) (*out, DATA_THRESHOLD);
  return r;
}

static gboolean
open_journal (ScJournalReader  *self,
              GError          **error)
{
  const ScJournalOptions *o = &self->options;
  int r = 0;

  if (sc_libsystemd_load (error) == NULL)
    return FALSE;

  switch (o->type)
    {
    case SC_JOURNAL_SOURCE_SYSTEM:
      {
        gboolean found = FALSE;

        if (!sc_journal_check_system_access (NULL, &found, error))
          return FALSE;
        if (!found)
          add_warning (self, g_strdup (_("No system journal was found in /var/log/journal or "
                                         "/run/log/journal; only the user journal is read.")));
        break;
      }
    case SC_JOURNAL_SOURCE_DIRECTORY:
      {
        struct stat st;

        /* sd-journal skips what it may not read without a word: check. */
        int saved = 0;

        if (g_stat (o->path, &st) != 0)
          saved = errno;
        else if (!S_ISDIR (st.st_mode))
          saved = ENOTDIR;
        else if (access (o->path, R_OK | X_OK) != 0)
          saved = errno;
        if (saved != 0)
          {
            gboolean denied = saved == EACCES || saved == EPERM;

            g_set_error (error, SC_JOURNAL_ERROR,
                         denied ? SC_JOURNAL_ERROR_PERMISSION : SC_JOURNAL_ERROR_OPEN,
                         "%s: %s%s", o->path,
                         saved == ENOTDIR ? _("not a journal directory") : g_strerror (saved),
                         denied ? journal_group_hint () : "");
            return FALSE;
          }

        /* Readable folder, unreadable files: sd-journal would skip them all
         * and report nothing, which must not look like a clean run. */
        {
          guint n_files = 0, n_readable = 0;

          count_journal_files (o->path, 0, &n_files, &n_readable);
          if (n_files > 0 && n_readable == 0)
            {
              g_set_error (error, SC_JOURNAL_ERROR, SC_JOURNAL_ERROR_PERMISSION,
                           "%s: %s%s", o->path, g_strerror (EACCES), journal_group_hint ());
              return FALSE;
            }
          if (n_readable < n_files)
            /* Translators: %u are counts, %s a folder. */
            add_warning (self, g_strdup_printf (_("%u of the %u journal files in %s cannot be "
                                                  "read and were skipped."),
                                                n_files - n_readable, n_files, o->path));
        }
        break;
      }
    case SC_JOURNAL_SOURCE_FILES:
      for (guint i = 0; o->files != NULL && o->files[i] != NULL; i++)
        if (access (o->files[i], R_OK) != 0)
          {
            int saved = errno;
            g_set_error (error, SC_JOURNAL_ERROR,
                         saved == EACCES ? SC_JOURNAL_ERROR_PERMISSION : SC_JOURNAL_ERROR_OPEN,
                         "%s: %s%s", o->files[i], g_strerror (saved),
                         saved == EACCES ? journal_group_hint () : "");
            return FALSE;
          }
      break;
    case SC_JOURNAL_SOURCE_LOG:
    default:
      g_assert_not_reached ();
    }

  if ((r = open_handle (self, &self->journal)) < 0)
    {
      set_open_error (self, r, error);
      return FALSE;
    }

  if (o->this_boot)
    {
      sd_id128_t boot;
      char id[SD_ID128_STRING_MAX];

      if ((r = SC_SD (sd_id128_get_boot) (&boot)) < 0)
        {
          g_set_error (error, SC_JOURNAL_ERROR, SC_JOURNAL_ERROR_OPEN,
                       _("Cannot tell the current boot: %s"), g_strerror (-r));
          return FALSE;
        }
      self->boot_match = g_strdup_printf ("_BOOT_ID=%s", SC_SD (sd_id128_to_string) (boot, id));
    }

  if ((r = add_matches (self->journal, self->boot_match)) < 0)
    {
      g_set_error (error, SC_JOURNAL_ERROR, SC_JOURNAL_ERROR_OPEN,
                   _("Cannot filter the journal: %s"), g_strerror (-r));
      return FALSE;
    }

  /* Without a time or boot limit the records already there are read by
   * catch_up() from a second handle; this one waits at the last matching
   * entry (the anchor) and returns only what comes after it. With a limit,
   * walking the matching entries from the start of the window is cheaper. */
  self->use_catch_up = o->since_usec <= 0 && !o->this_boot;
  if (self->use_catch_up)
    {
      r = SC_SD (sd_journal_seek_tail) (self->journal);
      if (r >= 0 && (r = SC_SD (sd_journal_previous) (self->journal)) > 0)
        {
          SC_SD (sd_journal_get_realtime_usec) (self->journal, &self->anchor_usec);
          SC_SD (sd_journal_get_monotonic_usec) (self->journal, &self->anchor_monotonic,
                                         &self->anchor_boot);
          self->caught_up = FALSE;
        }
      else if (r >= 0)
        {
          /* Nothing matches yet: everything that comes is new. */
          self->caught_up = TRUE;
          r = SC_SD (sd_journal_seek_head) (self->journal);
        }
    }
  else
    {
      self->caught_up = TRUE;
      if (o->since_usec > 0)
        r = SC_SD (sd_journal_seek_realtime_usec) (self->journal, (guint64) o->since_usec);
      else
        r = SC_SD (sd_journal_seek_head) (self->journal);
    }
  if (r < 0)
    {
      g_set_error (error, SC_JOURNAL_ERROR, SC_JOURNAL_ERROR_READ,
                   _("Cannot read the journal: %s"), g_strerror (-r));
      return FALSE;
    }

  /* Watch for new files from now on (sd-journal sets up inotify on the first
   * sd_journal_get_fd()), so that read() after a while sees what was added
   * in between even when the caller never polls. */
  if (o->type != SC_JOURNAL_SOURCE_FILES)
    (void) SC_SD (sd_journal_get_fd) (self->journal);

  return TRUE;
}

/* Whether the current entry of U comes after the anchor in sd-journal's
 * order: by monotonic time within the anchor's boot, else by wall clock.
 * Those are read by the main handle, the others by catch_up(). */
static gboolean
after_anchor (ScJournalReader *self,
              sd_journal      *u,
              guint64          realtime,
              guint64         *monotonic)
{
  sd_id128_t boot;

  if (SC_SD (sd_journal_get_monotonic_usec) (u, monotonic, &boot) >= 0 &&
      sd_id128_equal (boot, self->anchor_boot))
    return *monotonic > self->anchor_monotonic;
  return realtime > self->anchor_usec;
}

/* The fields of an entry the parser's context needs; "" when absent. */
typedef struct
{
  char transport[32];
  char hostname[FIELD_MAX];
  char audit_type[16];
  char audit_type_name[32];
  char audit_id[32];
  char identifier[64];
  char source_realtime[32];
} EntryFields;

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
    { copy_value (f->field, sizeof f->field, d, len, sizeof name - 1); continue; }

/* Reads all the wanted fields in one walk over the entry's items: one
 * sd_journal_get_data() call per field would walk them once per field. */
static void
read_entry_fields (sd_journal  *j,
                   EntryFields *f)
{
  const void *data;
  size_t len;

  f->transport[0] = f->hostname[0] = f->audit_type[0] = f->audit_type_name[0] = '\0';
  f->audit_id[0] = f->identifier[0] = f->source_realtime[0] = '\0';

  SC_SD (sd_journal_restart_data) (j);
  while (SC_SD (sd_journal_enumerate_available_data) (j, &data, &len) > 0)
    {
      const char *d = data;

      if (len < 3)
        continue;
      if (d[0] == 'S')
        {
          TAKE (identifier, "SYSLOG_IDENTIFIER=");
          continue;
        }
      if (d[0] != '_')
        continue;
      TAKE (transport, "_TRANSPORT=");
      TAKE (hostname, "_HOSTNAME=");
      TAKE (audit_type, "_AUDIT_TYPE=");
      TAKE (audit_type_name, "_AUDIT_TYPE_NAME=");
      TAKE (audit_id, "_AUDIT_ID=");
      TAKE (source_realtime, "_SOURCE_REALTIME_TIMESTAMP=");
    }
}

#undef TAKE

static const char *
nonempty (const char *value)
{
  return value[0] != '\0' ? value : NULL;
}

/* Whether an entry with fields F belongs to one of the match groups. */
static gboolean
entry_in_groups (const EntryFields *f)
{
  if (strcmp (f->transport, "kernel") == 0)
    return TRUE;
  if (strcmp (f->transport, "audit") == 0)
    return strcmp (f->audit_type, "1400") == 0 || strcmp (f->audit_type, "1326") == 0 ||
           strcmp (f->audit_type, "1107") == 0;
  return strcmp (f->identifier, "dbus-daemon") == 0;
}

/* One matching entry, kept until all are known so they can be handed on
 * in journal order. The small strings live in a GStringChunk. */
typedef struct
{
  guint64     realtime;
  guint64     monotonic;
  guint       message;        /* index into the message array */
  guint       seq;            /* order found, the last tie-breaker */
  const char *transport;
  const char *hostname;
  const char *audit_type_name;
  const char *audit_id;
  const char *syslog_identifier;
  gint64      source_realtime;
} Pending;

static int
compare_pending (gconstpointer a,
                 gconstpointer b)
{
  const Pending *pa = a, *pb = b;

  if (pa->realtime != pb->realtime)
    return pa->realtime < pb->realtime ? -1 : 1;
  if (pa->monotonic != pb->monotonic)
    return pa->monotonic < pb->monotonic ? -1 : 1;
  return pa->seq < pb->seq ? -1 : pa->seq > pb->seq;
}

static const char *
chunk_value (GStringChunk *chunk,
             const char   *value)
{
  return value[0] != '\0' ? g_string_chunk_insert_const (chunk, value) : NULL;
}

static gboolean
is_journal_file_name (const char *name)
{
  return g_str_has_suffix (name, ".journal") || g_str_has_suffix (name, ".journal~");
}

static void
add_journal_files (GPtrArray  *files,
                   const char *dir,
                   guint       depth,
                   gboolean  (*accept) (const char *name))
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (is_journal_file_name (name))
        {
          if ((accept == NULL || accept (name)) && access (path, R_OK) == 0)
            g_ptr_array_add (files, g_steal_pointer (&path));
        }
      else if (depth > 0 && g_file_test (path, G_FILE_TEST_IS_DIR))
        add_journal_files (files, path, depth - 1, accept);
    }
}

static gboolean
is_own_system_or_user_file (const char *name)
{
  g_autofree char *user = g_strdup_printf ("user-%u.", (guint) getuid ());
  g_autofree char *user_rotated = g_strdup_printf ("user-%u@", (guint) getuid ());

  return g_str_has_prefix (name, "system.") || g_str_has_prefix (name, "system@") ||
         g_str_has_prefix (name, user) || g_str_has_prefix (name, user_rotated);
}

/* The journal files of the source, one by one, so that catch_up() can read
 * each with its own short-lived handle. NULL when they cannot be listed. */
static GPtrArray *
list_journal_files (ScJournalReader *self)
{
  const ScJournalOptions *o = &self->options;
  GPtrArray *files = g_ptr_array_new_with_free_func (g_free);

  switch (o->type)
    {
    case SC_JOURNAL_SOURCE_FILES:
      for (guint i = 0; o->files[i] != NULL; i++)
        g_ptr_array_add (files, g_strdup (o->files[i]));
      break;
    case SC_JOURNAL_SOURCE_DIRECTORY:
      /* The folder itself and its machine folders, like sd-journal. */
      add_journal_files (files, o->path, 1, NULL);
      break;
    case SC_JOURNAL_SOURCE_SYSTEM:
      {
        sd_id128_t machine;
        char id[SD_ID128_STRING_MAX];

        if (SC_SD (sd_id128_get_machine) (&machine) < 0)
          break;
        SC_SD (sd_id128_to_string) (machine, id);
        for (guint i = 0; i < 2; i++)
          {
            g_autofree char *dir = g_build_filename (i == 0 ? "/var/log/journal" : "/run/log/journal",
                                                     id, NULL);
            add_journal_files (files, dir, 0, is_own_system_or_user_file);
          }
        break;
      }
    case SC_JOURNAL_SOURCE_LOG:
    default:
      g_assert_not_reached ();
    }

  if (files->len == 0)
    g_clear_pointer (&files, g_ptr_array_unref);
  return files;
}

typedef struct
{
  GPtrArray    *messages;   /* of GBytes, "MESSAGE=…" */
  GArray       *pending;    /* of Pending */
  GStringChunk *strings;
} CatchUp;

/* HACK: sd-journal keeps every window of a journal file it mapped until the
 * handle is closed, and listing the distinct MESSAGE values of a large file
 * touches most of it: the process's resident size grows by the file's size
 * although nothing is allocated. The files are mapped read-only and shared,
 * so their pages can be dropped from this process at any time
 * (MADV_DONTNEED): a later access faults them in again from the page cache
 * with the same contents. This keeps peak memory bounded on large journals. */
static void
drop_journal_pages (void)
{
  g_autofree char *maps = NULL;
  char *line, *next;

  if (!g_file_get_contents ("/proc/self/maps", &maps, NULL, NULL))
    return;
  for (line = maps; line != NULL && *line != '\0'; line = next)
    {
      unsigned long start, end;
      char *path;

      next = strchr (line, '\n');
      if (next != NULL)
        *next++ = '\0';
      path = strchr (line, '/');
      if (path == NULL
          || !(g_str_has_suffix (path, ".journal") || g_str_has_suffix (path, ".journal~")))
        continue;
      if (sscanf (line, "%lx-%lx", &start, &end) == 2 && end > start)
        madvise ((void *) start, end - start, MADV_DONTNEED);
    }
}

/* Finds the matching entries of journal U (see catch_up()). U is closed
 * after the distinct values were listed and REOPEN (nullable) gives a fresh
 * handle for looking up their entries, so that the two walks do not map the
 * same file pages twice. */
static int
catch_up_handle (ScJournalReader *self,
                 sd_journal      *u,
                 sd_journal    *(*reopen) (ScJournalReader *self, gpointer data),
                 gpointer         reopen_data,
                 CatchUp         *c,
                 GCancellable    *cancellable)
{
  guint first = c->messages->len;
  const void *data;
  size_t len;
  guint n = 0;
  int r;

  r = SC_SD (sd_journal_query_unique) (u, "MESSAGE");
  while (r >= 0 && (r = SC_SD (sd_journal_enumerate_available_unique) (u, &data, &len)) > 0)
    {
      const char *msg = (const char *) data + 8;
      size_t mlen = len - 8;

      if ((++n & 0xfff) == 0 && g_cancellable_is_cancelled (cancellable))
        break;
      if ((n & 0x3fff) == 0)
        drop_journal_pages ();
      if (len < 8 || len >= DATA_THRESHOLD || !may_be_record (msg, mlen))
        continue;
      if (!is_ratelimit_text (msg, mlen) && !may_be_snap (self, msg, mlen))
        continue;
      g_ptr_array_add (c->messages, g_bytes_new (data, len));
    }

  if (r >= 0 && reopen != NULL && first < c->messages->len)
    {
      sd_journal *fresh = reopen (self, reopen_data);

      if (fresh != NULL)
        {
          SC_SD (sd_journal_close) (u);
          u = fresh;
        }
    }

  for (guint i = first; r >= 0 && i < c->messages->len; i++)
    {
      gsize mlen;
      const void *m = g_bytes_get_data (g_ptr_array_index (c->messages, i), &mlen);

      if (g_cancellable_is_cancelled (cancellable))
        break;
      /* sd-journal keeps every 8 MiB window it mapped until the handle is
       * closed; the entries of the values are spread over the whole file,
       * so a fresh handle now and then bounds the mapped memory. */
      if (reopen != NULL && i > first && (i - first) % LOOKUPS_PER_HANDLE == 0)
        {
          sd_journal *fresh = reopen (self, reopen_data);

          if (fresh != NULL)
            {
              SC_SD (sd_journal_close) (u);
              u = fresh;
            }
        }
      SC_SD (sd_journal_flush_matches) (u);
      if ((r = SC_SD (sd_journal_add_match) (u, m, mlen)) < 0 || (r = SC_SD (sd_journal_seek_head) (u)) < 0)
        break;
      while ((r = SC_SD (sd_journal_next) (u)) > 0)
        {
          Pending p = { 0 };
          EntryFields f;

          SC_SD (sd_journal_get_realtime_usec) (u, &p.realtime);
          if (after_anchor (self, u, p.realtime, &p.monotonic))
            continue;   /* the main handle reads it */
          read_entry_fields (u, &f);
          if (!entry_in_groups (&f))
            continue;
          p.message = i;
          p.seq = c->pending->len;
          p.transport = chunk_value (c->strings, f.transport);
          p.hostname = chunk_value (c->strings, f.hostname);
          p.audit_type_name = chunk_value (c->strings, f.audit_type_name);
          p.audit_id = chunk_value (c->strings, f.audit_id);
          p.syslog_identifier = chunk_value (c->strings, f.identifier);
          p.source_realtime = g_ascii_strtoll (f.source_realtime, NULL, 10);
          g_array_append_val (c->pending, p);
        }
    }
  SC_SD (sd_journal_close) (u);
  return r < 0 ? r : 0;
}

static sd_journal *
reopen_file (ScJournalReader *self,
             gpointer         data)
{
  const char *one[2] = { data, NULL };
  sd_journal *u = NULL;

  if (SC_SD (sd_journal_open_files) (&u, one, 0) < 0)
    return NULL;
  SC_SD (sd_journal_set_data_threshold) (u, DATA_THRESHOLD);
  return u;
}

static sd_journal *
reopen_source (ScJournalReader *self,
               gpointer         data)
{
  sd_journal *u = NULL;

  return open_handle (self, &u) < 0 ? NULL : u;
}

/* Reads the records that were there when the reader was made, up to the
 * anchor. Instead of visiting every kernel, audit and dbus-daemon entry
 * (most of which are ordinary kernel messages) it enumerates the distinct
 * MESSAGE values (a journal file stores each value once), keeps those the
 * cheap prefilter accepts, and looks up only their entries through the
 * value's own entry list. Its cost follows the number of distinct messages
 * rather than the number of entries. Each file gets its own handle, closed
 * before the next is opened: no value is looked up in the other files, and
 * only one file's pages are mapped at a time. The records are handed on in
 * journal order at the end. */
static gboolean
catch_up (ScJournalReader     *self,
          ScJournalRecordFunc  func,
          gpointer             user_data,
          GCancellable        *cancellable,
          GError             **error)
{
  g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_autoptr(GArray) pending = g_array_new (FALSE, FALSE, sizeof (Pending));
  g_autoptr(GPtrArray) files = list_journal_files (self);
  CatchUp c = { messages, pending, g_string_chunk_new (4096) };
  int r = 0;

  if (files != NULL)
    {
      for (guint i = 0; r >= 0 && i < files->len; i++)
        {
          const char *one[2] = { g_ptr_array_index (files, i), NULL };
          sd_journal *u = NULL;

          /* A file that vanished (rotated and deleted) or is corrupt is
           * skipped, as sd-journal does in a directory. */
          if (SC_SD (sd_journal_open_files) (&u, one, 0) < 0)
            continue;
          SC_SD (sd_journal_set_data_threshold) (u, DATA_THRESHOLD);
          r = catch_up_handle (self, u, reopen_file, (gpointer) one[0], &c, cancellable);
        }
    }
  else
    {
      sd_journal *u = NULL;

      if ((r = open_handle (self, &u)) < 0)
        {
          g_string_chunk_free (c.strings);
          set_open_error (self, r, error);
          return FALSE;
        }
      r = catch_up_handle (self, u, reopen_source, NULL, &c, cancellable);
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      g_string_chunk_free (c.strings);
      return FALSE;
    }
  if (r < 0)
    {
      g_string_chunk_free (c.strings);
      g_set_error (error, SC_JOURNAL_ERROR, SC_JOURNAL_ERROR_READ,
                   _("Cannot read the journal: %s"), g_strerror (-r));
      return FALSE;
    }

  g_array_sort (pending, compare_pending);
  for (guint i = 0; i < pending->len; i++)
    {
      Pending *p = &g_array_index (pending, Pending, i);
      ScRecordContext context = { 0 };
      ScDenial *denial = NULL;
      ScRecordType type;
      guint64 lost = 0;
      gsize mlen;
      const char *m = g_bytes_get_data (g_ptr_array_index (messages, p->message), &mlen);

      context.transport = p->transport;
      context.hostname = p->hostname;
      context.audit_type_name = p->audit_type_name;
      context.audit_id = p->audit_id;
      context.syslog_identifier = p->syslog_identifier;
      context.realtime_usec = p->source_realtime > 0 ? p->source_realtime : (gint64) p->realtime;
      type = sc_denial_parse_message (m + 8, (gssize) mlen - 8, &context, &denial, &lost);
      if (type == SC_RECORD_RATELIMIT && sc_denial_lost_is_total (m + 8, (gssize) mlen - 8))
        lost = lost_total_increase (self, context.hostname, lost);
      deliver (self, type, denial, lost, context.hostname, func, user_data);
    }
  g_string_chunk_free (c.strings);
  return TRUE;
}

static gboolean
read_journal (ScJournalReader     *self,
              ScJournalRecordFunc  func,
              gpointer             user_data,
              GCancellable        *cancellable,
              GError             **error)
{
  sd_journal *j = self->journal;
  guint n = 0;
  int r;

  /* Take in files added since the last call (no-op without changes). */
  if (self->options.type != SC_JOURNAL_SOURCE_FILES)
    (void) SC_SD (sd_journal_process) (j);

  if (!self->caught_up)
    {
      if (!catch_up (self, func, user_data, cancellable, error))
        return FALSE;
      self->caught_up = TRUE;
    }

  while ((r = SC_SD (sd_journal_next) (j)) > 0)
    {
      EntryFields f;
      ScRecordContext context = { 0 };
      ScDenial *denial = NULL;
      ScRecordType type;
      const void *data;
      const char *msg;
      guint64 realtime = 0, lost = 0;
      size_t len;

      if ((++n & 0xfff) == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      if (SC_SD (sd_journal_get_data) (j, "MESSAGE", &data, &len) < 0 || len < 8)
        continue;
      msg = (const char *) data + 8;
      len -= 8;
      if (!may_be_record (msg, len))
        continue;
      if (!is_ratelimit_text (msg, len) && !may_be_snap (self, msg, len))
        continue;

      SC_SD (sd_journal_get_realtime_usec) (j, &realtime);
      if (self->options.since_usec > 0 && realtime < (guint64) self->options.since_usec)
        continue;

      read_entry_fields (j, &f);
      context.transport = nonempty (f.transport);
      context.hostname = nonempty (f.hostname);
      context.audit_type_name = nonempty (f.audit_type_name);
      context.audit_id = nonempty (f.audit_id);
      context.syslog_identifier = nonempty (f.identifier);
      context.realtime_usec = (gint64) realtime;
      if (f.source_realtime[0] != '\0')
        {
          gint64 v = g_ascii_strtoll (f.source_realtime, NULL, 10);
          if (v > 0)
            context.realtime_usec = v;
        }

      /* The other sd_journal_get_data() calls may have moved the mmap
       * window under the first MESSAGE pointer: fetch it again. */
      if (SC_SD (sd_journal_get_data) (j, "MESSAGE", &data, &len) < 0 || len < 8)
        continue;
      msg = (const char *) data + 8;
      len -= 8;

      type = sc_denial_parse_message (msg, (gssize) len, &context, &denial, &lost);
      if (type == SC_RECORD_RATELIMIT && sc_denial_lost_is_total (msg, (gssize) len))
        lost = lost_total_increase (self, context.hostname, lost);
      deliver (self, type, denial, lost, context.hostname, func, user_data);
    }

  if (r < 0)
    {
      g_set_error (error, SC_JOURNAL_ERROR, SC_JOURNAL_ERROR_READ,
                   _("Cannot read the journal: %s"), g_strerror (-r));
      return FALSE;
    }
  return TRUE;
}

/* ---- Saved journal output (journalctl -o json / -o export) ------------ */

static void
saved_entry_reset (SavedEntry *e)
{
  if (e->message == NULL)
    e->message = g_string_new (NULL);
  g_string_truncate (e->message, 0);
  e->has_message = FALSE;
  e->transport[0] = e->hostname[0] = e->audit_type_name[0] = e->audit_id[0] = '\0';
  e->identifier[0] = e->realtime[0] = e->source_realtime[0] = '\0';
}

/* Stores VALUE of field NAME when it is one the parser wants. */
static void
saved_entry_set (SavedEntry *e,
                 const char *name,
                 gsize       name_len,
                 const char *value,
                 gsize       len)
{
  static const struct
  {
    const char *name;
    gsize       offset;
    gsize       size;
  } fields[] = {
#define F(n, m) { n, G_STRUCT_OFFSET (SavedEntry, m), sizeof ((SavedEntry *) 0)->m }
    F ("_TRANSPORT", transport),
    F ("_HOSTNAME", hostname),
    F ("_AUDIT_TYPE_NAME", audit_type_name),
    F ("_AUDIT_ID", audit_id),
    F ("SYSLOG_IDENTIFIER", identifier),
    F ("__REALTIME_TIMESTAMP", realtime),
    F ("_SOURCE_REALTIME_TIMESTAMP", source_realtime),
#undef F
  };

  if (name_len == 7 && memcmp (name, "MESSAGE", 7) == 0)
    {
      /* A field given twice: the first value counts, as in the journal. */
      if (!e->has_message)
        g_string_append_len (e->message, value, (gssize) len);
      e->has_message = TRUE;
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (strlen (fields[i].name) == name_len && memcmp (fields[i].name, name, name_len) == 0)
      {
        char *dest = (char *) e + fields[i].offset;

        if (dest[0] == '\0')
          {
            len = MIN (len, fields[i].size - 1);
            memcpy (dest, value, len);
            dest[len] = '\0';
          }
        return;
      }
}

/* Hands one saved entry to the parser as the journal back end would. */
static void
saved_entry_deliver (ScJournalReader     *self,
                     SavedEntry          *e,
                     ScJournalRecordFunc  func,
                     gpointer             user_data)
{
  ScRecordContext context = { 0 };
  ScDenial *denial = NULL;
  ScRecordType type;
  guint64 lost = 0;
  const char *msg = e->message->str;
  gsize len = e->message->len;
  gint64 v;

  if (!e->has_message || !may_be_record (msg, len))
    return;
  /* The entries the journal back end matches: kernel, audit, and
   * dbus-daemon's own messages. Any program can print a line that looks
   * like a denial on its standard output. */
  if (e->transport[0] != '\0' && strcmp (e->transport, "kernel") != 0 &&
      strcmp (e->transport, "audit") != 0 && strcmp (e->identifier, "dbus-daemon") != 0)
    return;
  if (!is_ratelimit_text (msg, len) && !may_be_snap (self, msg, len))
    {
      self->log_recognised++;
      return;
    }
  context.transport = nonempty (e->transport);
  context.hostname = nonempty (e->hostname);
  context.audit_type_name = nonempty (e->audit_type_name);
  context.audit_id = nonempty (e->audit_id);
  context.syslog_identifier = nonempty (e->identifier);
  v = g_ascii_strtoll (e->source_realtime, NULL, 10);
  if (v <= 0)
    v = g_ascii_strtoll (e->realtime, NULL, 10);
  context.realtime_usec = MAX (v, 0);

  type = sc_denial_parse_message (msg, (gssize) len, &context, &denial, &lost);
  if (type == SC_RECORD_RATELIMIT && sc_denial_lost_is_total (msg, (gssize) len))
    lost = lost_total_increase (self, context.hostname, lost);
  if (type != SC_RECORD_NONE)
    self->log_recognised++;
  deliver (self, type, denial, lost, context.hostname, func, user_data);
}

static const char *
json_skip_ws (const char *p,
              const char *end)
{
  while (p < end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
    p++;
  return p;
}

/* "XXXX" at P (after "\\u") → its value, -1 when not four hex digits. */
static int
json_hex4 (const char *p,
           const char *end)
{
  int v = 0;

  if (end - p < 5)
    return -1;
  for (int i = 1; i <= 4; i++)
    {
      int d = g_ascii_xdigit_value (p[i]);
      if (d < 0)
        return -1;
      v = v * 16 + d;
    }
  return v;
}

/* Reads the JSON string at P (at its opening quote) into OUT (when not
 * NULL). Returns the byte after the closing quote, NULL when malformed. */
static const char *
json_string (const char *p,
             const char *end,
             GString    *out)
{
  if (p >= end || *p != '"')
    return NULL;
  p++;
  while (p < end)
    {
      const char *run = p;

      while (p < end && *p != '"' && *p != '\\')
        p++;
      if (out != NULL)
        g_string_append_len (out, run, p - run);
      if (p >= end)
        return NULL;
      if (*p == '"')
        return p + 1;
      /* An escape. */
      if (++p >= end)
        return NULL;
      switch (*p)
        {
        case 'b': if (out) g_string_append_c (out, '\b'); p++; break;
        case 'f': if (out) g_string_append_c (out, '\f'); p++; break;
        case 'n': if (out) g_string_append_c (out, '\n'); p++; break;
        case 'r': if (out) g_string_append_c (out, '\r'); p++; break;
        case 't': if (out) g_string_append_c (out, '\t'); p++; break;
        case 'u':
          {
            int u = json_hex4 (p, end);
            gunichar c;

            if (u < 0)
              return NULL;
            p += 5;
            c = (gunichar) u;
            /* A high surrogate and its low half: "\ud83d\ude00". */
            if (u >= 0xd800 && u < 0xdc00 && end - p >= 6 && p[0] == '\\' && p[1] == 'u')
              {
                int lo = json_hex4 (p + 1, end);

                if (lo >= 0xdc00 && lo < 0xe000)
                  {
                    c = 0x10000 + (((gunichar) u - 0xd800) << 10) + ((gunichar) lo - 0xdc00);
                    p += 6;
                  }
              }
            if (c >= 0xd800 && c < 0xe000)
              c = 0xfffd;   /* a lone surrogate */
            if (out != NULL)
              g_string_append_unichar (out, c);
          }
          break;
        default:
          /* \" \\ \/ and anything else stand for themselves. */
          if (out != NULL)
            g_string_append_c (out, *p);
          p++;
          break;
        }
    }
  return NULL;
}

/* Skips one JSON value of any type. NULL when malformed. */
static const char *
json_skip_value (const char *p,
                 const char *end)
{
  int depth = 0;

  p = json_skip_ws (p, end);
  do
    {
      if (p >= end)
        return NULL;
      if (*p == '"')
        {
          if ((p = json_string (p, end, NULL)) == NULL)
            return NULL;
        }
      else if (*p == '{' || *p == '[')
        {
          depth++;
          p++;
        }
      else if (*p == '}' || *p == ']')
        {
          if (--depth < 0)
            return NULL;
          p++;
        }
      else if (depth == 0)
        {
          /* number, true, false, null */
          const char *s = p;
          while (p < end && (g_ascii_isalnum (*p) || *p == '-' || *p == '+' || *p == '.'))
            p++;
          return p > s ? p : NULL;
        }
      else
        p++;
    }
  while (depth > 0);
  return p;
}

/* A field value: a string, an array of byte values (journalctl's form for
 * a value that is not printable UTF-8), or an array of those (a field the
 * entry has more than once: the first counts). Returns the byte after the
 * value; OUT is left empty for null and other types. */
static const char *
json_field_value (const char *p,
                  const char *end,
                  GString    *out)
{
  p = json_skip_ws (p, end);
  if (p < end && *p == '"')
    return json_string (p, end, out);
  if (p < end && *p == '[')
    {
      const char *q = json_skip_ws (p + 1, end);

      if (q < end && (*q == '"' || *q == '['))
        {
          /* Several values: take the first, skip the rest. */
          const char *after = json_field_value (q, end, out);
          if (after == NULL)
            return NULL;
          return json_skip_value (p, end);
        }
      while (q < end && *q != ']')
        {
          guint64 b;
          const char *e = q;

          while (e < end && g_ascii_isdigit (*e))
            e++;
          if (e == q || e - q > 3)
            return NULL;
          b = g_ascii_strtoull (q, NULL, 10);
          if (b > 255)
            return NULL;
          g_string_append_c (out, (char) b);
          q = json_skip_ws (e, end);
          if (q < end && *q == ',')
            q = json_skip_ws (q + 1, end);
        }
      return q < end ? q + 1 : NULL;
    }
  return json_skip_value (p, end);
}

/* One line of journalctl -o json. FALSE when it is not a JSON object. */
static gboolean
feed_json_line (ScJournalReader     *self,
                const char          *p,
                gsize                len,
                ScJournalRecordFunc  func,
                gpointer             user_data)
{
  const char *end = p + len;
  g_autoptr(GString) name = g_string_new (NULL);
  g_autoptr(GString) value = g_string_new (NULL);
  SavedEntry *e = &self->entry;

  p = json_skip_ws (p, end);
  if (p >= end || *p != '{')
    return FALSE;
  saved_entry_reset (e);
  p = json_skip_ws (p + 1, end);
  while (p < end && *p != '}')
    {
      g_string_truncate (name, 0);
      g_string_truncate (value, 0);
      if ((p = json_string (p, end, name)) == NULL)
        return FALSE;
      p = json_skip_ws (p, end);
      if (p >= end || *p != ':')
        return FALSE;
      if ((p = json_field_value (p + 1, end, value)) == NULL)
        return FALSE;
      saved_entry_set (e, name->str, name->len, value->str, value->len);
      p = json_skip_ws (p, end);
      if (p < end && *p == ',')
        p = json_skip_ws (p + 1, end);
    }
  if (p >= end)
    return FALSE;
  saved_entry_deliver (self, e, func, user_data);
  return TRUE;
}

/* journalctl -o export: "FIELD=value\n", or for a value that is not text
 * "FIELD\n" + its length (64 bits, little endian) + the bytes + "\n"; a
 * blank line ends an entry. Returns how many bytes were consumed. */
static gsize
feed_export (ScJournalReader     *self,
             const char          *buf,
             gsize                len,
             ScJournalRecordFunc  func,
             gpointer             user_data)
{
  const char *p = buf, *end = buf + len;
  SavedEntry *e = &self->entry;

  if (e->message == NULL)
    saved_entry_reset (e);
  while (p < end)
    {
      const char *nl = memchr (p, '\n', (gsize) (end - p));
      const char *eq;

      if (nl == NULL)
        break;
      if (nl == p)
        {
          saved_entry_deliver (self, e, func, user_data);
          saved_entry_reset (e);
          p++;
          continue;
        }
      eq = memchr (p, '=', (gsize) (nl - p));
      if (eq != NULL)
        {
          saved_entry_set (e, p, (gsize) (eq - p), eq + 1, (gsize) (nl - eq - 1));
          p = nl + 1;
        }
      else
        {
          guint64 n = 0;
          const guchar *l = (const guchar *) nl + 1;

          if (end - nl - 1 < 8)
            break;
          for (int i = 7; i >= 0; i--)
            n = (n << 8) | l[i];
          if (n > (guint64) 64 * 1024 * 1024)
            {
              /* Not the export format after all: give up on the rest. */
              add_warning (self, g_strdup_printf (_("%s: a field longer than 64 MiB; this is not "
                                                    "journalctl -o export output after all, the "
                                                    "rest is not read"),
                                                  self->options.path));
              return len;
            }
          if ((guint64) (end - nl - 1 - 8) < n + 1)
            break;
          saved_entry_set (e, p, (gsize) (nl - p), nl + 1 + 8, (gsize) n);
          p = nl + 1 + 8 + n + 1;
        }
    }
  return (gsize) (p - buf);
}

/* The format of a saved log, from its first bytes: a JSON object, an export
 * field name ("__CURSOR=", "MESSAGE=", "_BOOT_ID\n"), else text. */
static LogFormat
detect_format (const char *p,
               gsize       len)
{
  const char *end = p + len, *q;

  while (p < end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
    p++;
  if (p < end && *p == '{')
    return LOG_FORMAT_JSON;
  q = p;
  while (q < end && *q == '_')
    q++;
  if (q < end && g_ascii_isupper (*q))
    {
      while (q < end && (g_ascii_isupper (*q) || g_ascii_isdigit (*q) || *q == '_'))
        q++;
      if (q < end && (*q == '=' || *q == '\n'))
        return LOG_FORMAT_EXPORT;
    }
  return LOG_FORMAT_TEXT;
}

/* ---- Text-log back end ------------------------------------------------ */

static gboolean
open_log (ScJournalReader  *self,
          GError          **error)
{
  const char *path = self->options.path;
  struct stat st;

  self->inotify_fd = -1;
  self->pending = g_string_new (NULL);
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
      add_warning (self, g_strdup (_("--boot is ignored for a stream: records carry no boot id.")));
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
  if (may_be_record (text, len))
    {
      if (is_ratelimit_text (text, len) || may_be_snap (self, text, len))
        {
          type = sc_denial_parse_line (text, (gssize) len, self->year, &denial, &lost);
          if (type == SC_RECORD_RATELIMIT && sc_denial_lost_is_total (text, (gssize) len))
            lost = lost_total_increase (self, NULL, lost);
          if (type != SC_RECORD_NONE)
            self->log_recognised++;
          deliver (self, type, denial, lost, NULL, func, user_data);
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
        }
      else
        {
          flush_pending (self, func, user_data);
          /* Only lines that may be records are kept for continuation:
           * the common case is skipped without a copy. */
          if (line_len > 0 && may_be_record (p, line_len))
            g_string_append_len (self->pending, p, (gssize) line_len);
        }
      p = nl + 1;
    }
  return (gsize) (p - buf);
}

/* journalctl -o json: one entry a line; -o json-pretty: an entry spread
 * over the lines from "{" to "}". Lines that are neither are skipped: read
 * as text, the quoted MESSAGE of a broken entry would give garbage. */
static gsize
feed_json_lines (ScJournalReader     *self,
                 const char          *buf,
                 gsize                len,
                 ScJournalRecordFunc  func,
                 gpointer             user_data)
{
  const char *p = buf, *end = buf + len;

  while (p < end)
    {
      const char *nl = memchr (p, '\n', (gsize) (end - p));
      gsize line_len;

      if (nl == NULL)
        break;
      line_len = (gsize) (nl - p);
      if (line_len > 0 && p[line_len - 1] == '\r')
        line_len--;

      if (self->json_pending->len > 0)
        {
          g_string_append_len (self->json_pending, p, (gssize) line_len);
          g_string_append_c (self->json_pending, '\n');
          if (line_len == 1 && p[0] == '}')
            {
              (void) feed_json_line (self, self->json_pending->str, self->json_pending->len,
                                     func, user_data);
              g_string_truncate (self->json_pending, 0);
            }
          else if (self->json_pending->len > JSON_ENTRY_MAX)
            g_string_truncate (self->json_pending, 0);   /* not json-pretty after all */
        }
      else if (line_len == 1 && p[0] == '{')
        g_string_append (self->json_pending, "{\n");
      else if (line_len > 0)
        (void) feed_json_line (self, p, line_len, func, user_data);
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
      return feed_json_lines (self, buf, len, func, user_data);
    case LOG_FORMAT_EXPORT:
      return feed_export (self, buf, len, func, user_data);
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

/* Whether the first LEN bytes of OLD_FD and NEW_FD (NEW_SIZE bytes long)
 * are the same. */
static gboolean
log_same_prefix (int   old_fd,
                 int   new_fd,
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

/* After a rotation: continue with the new file at the log's path. */
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
  close (self->log_fd);
  self->log_fd = fd;
  self->log_dev = st.st_dev;
  self->log_ino = st.st_ino;
  if (self->inotify_fd >= 0)
    inotify_add_watch (self->inotify_fd, self->options.path, LOG_FILE_EVENTS);
  return TRUE;
}

static gboolean
read_log (ScJournalReader     *self,
          ScJournalRecordFunc  func,
          gpointer             user_data,
          GCancellable        *cancellable,
          GError             **error)
{
  if (self->log_eof)
    return TRUE;

again:
  if (self->log_regular)
    {
      struct stat st;

      /* Truncated (logrotate's copytruncate): start over. */
      if (fstat (self->log_fd, &st) == 0 && st.st_size < self->log_offset)
        {
          self->log_offset = 0;
          self->buf_len = 0;
          lseek (self->log_fd, 0, SEEK_SET);
        }
    }

  for (;;)
    {
      gssize n;
      gsize used;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      if (self->buf_len == self->buf_size)
        {
          /* A single line longer than the buffer: grow it. */
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
            break;
        }
      n = read (self->log_fd, self->buf + self->buf_len, self->buf_size - self->buf_len);
      if (n < 0)
        {
          int saved = errno;
          if (saved == EINTR)
            continue;
          if (saved == EAGAIN)
            break;
          g_set_error (error, SC_JOURNAL_ERROR, SC_JOURNAL_ERROR_READ, _("%s: %s"),
                       self->options.path, g_strerror (saved));
          return FALSE;
        }
      if (n == 0)
        {
          if (!self->log_regular)
            self->log_eof = TRUE;
          break;
        }
      self->log_offset += n;
      self->buf_len += (gsize) n;
      if (self->log_format == LOG_FORMAT_UNKNOWN &&
          (memchr (self->buf, '\n', self->buf_len) != NULL || self->buf_len >= 4096))
        self->log_format = detect_format (self->buf, self->buf_len);
      used = feed_log (self, self->buf, self->buf_len, func, user_data);
      memmove (self->buf, self->buf + used, self->buf_len - used);
      self->buf_len -= used;
    }

  /* At the end of the data: a stream is finished, so its last line counts
   * even without a newline; a regular file may still grow, so an
   * incomplete line waits for the rest. */
  if ((self->log_eof || log_replaced (self)) && self->buf_len > 0)
    {
      if (self->buf_len == self->buf_size)
        self->buf = g_realloc (self->buf, ++self->buf_size);
      self->buf[self->buf_len] = '\n';
      if (self->log_format == LOG_FORMAT_UNKNOWN)
        self->log_format = detect_format (self->buf, self->buf_len + 1);
      (void) feed_log (self, self->buf, self->buf_len + 1, func, user_data);
      self->buf_len = 0;
    }
  flush_pending (self, func, user_data);
  /* An export entry without the blank line after it. */
  if (self->log_format == LOG_FORMAT_EXPORT && self->buf_len == 0 && self->entry.has_message)
    {
      saved_entry_deliver (self, &self->entry, func, user_data);
      saved_entry_reset (&self->entry);
    }

  /* Some text, but nothing that looked like a record: say so rather than
   * show an empty list as if there were no denials. */
  if (!self->log_checked && self->log_has_text)
    {
      self->log_checked = TRUE;
      if (self->log_recognised == 0)
        add_warning (self, g_strdup_printf (_("no confinement record in a known format in %s"),
                                            self->log_is_stdin ? _("standard input")
                                                               : self->options.path));
    }

  /* The old file was read to its end; go on with the new one. */
  if (log_replaced (self) && reopen_log (self))
    goto again;
  return TRUE;
}

static int
log_watch_fd (ScJournalReader *self)
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

static void
drain_inotify (ScJournalReader *self)
{
  char events[4096] __attribute__ ((aligned (__alignof__ (struct inotify_event))));

  while (read (self->inotify_fd, events, sizeof events) > 0)
    ;
}

/* Whether a log has data the reader has not consumed. */
static gboolean
log_has_news (ScJournalReader *self)
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
  self->warnings = g_ptr_array_new_with_free_func (g_free);
  self->log_fd = -1;
  self->inotify_fd = -1;
  build_snap_needles (self);

  switch (options->type)
    {
    case SC_JOURNAL_SOURCE_SYSTEM:
      ok = open_journal (self, error);
      /* libapparmor tells whether this kernel confines anything at all:
       * without AppArmor there will never be an AppArmor denial to read,
       * and an empty list would wrongly look like a clean run. */
      apparmor = ok ? sc_libapparmor_load (NULL) : NULL;
      if (apparmor != NULL && apparmor->aa_is_enabled () == 0)
        add_warning (self, g_strdup (_("AppArmor is not enabled on this machine, so snaps run "
                                       "without AppArmor confinement and no AppArmor denials "
                                       "are logged here; run the snap on a system with AppArmor "
                                       "(such as Ubuntu) to see them. Seccomp denials are still "
                                       "shown.")));
      break;
    case SC_JOURNAL_SOURCE_DIRECTORY:
      g_return_val_if_fail (options->path != NULL, NULL);
      ok = open_journal (self, error);
      break;
    case SC_JOURNAL_SOURCE_FILES:
      g_return_val_if_fail (options->files != NULL && options->files[0] != NULL, NULL);
      ok = open_journal (self, error);
      break;
    case SC_JOURNAL_SOURCE_LOG:
      g_return_val_if_fail (options->path != NULL, NULL);
      ok = open_log (self, error);
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

  if (reader->journal != NULL)
    return read_journal (reader, func, user_data, cancellable, error);
  return read_log (reader, func, user_data, cancellable, error);
}

int
sc_journal_reader_get_fd (ScJournalReader *reader)
{
  g_return_val_if_fail (reader != NULL, -1);

  if (reader->journal != NULL)
    {
      if (reader->options.type == SC_JOURNAL_SOURCE_FILES)
        return -1;
      return SC_SD (sd_journal_get_fd) (reader->journal);
    }
  return log_watch_fd (reader);
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

  if (reader->journal != NULL)
    return SC_SD (sd_journal_process) (reader->journal) > SD_JOURNAL_NOP;
  /* The size, not the events, decides: a write seen by an earlier read
   * leaves its event queued. */
  if (reader->inotify_fd >= 0)
    drain_inotify (reader);
  return log_has_news (reader);
}

void
sc_journal_reader_set_follow (ScJournalReader *reader,
                              gboolean         follow)
{
  g_return_if_fail (reader != NULL);
  reader->stream_follow = follow && reader->journal == NULL && !reader->log_regular;
}

gboolean
sc_journal_reader_wait (ScJournalReader *reader,
                        gint64           timeout_usec)
{
  int fd;

  g_return_val_if_fail (reader != NULL, FALSE);

  if (reader->journal != NULL)
    {
      if (reader->options.type == SC_JOURNAL_SOURCE_FILES)
        return FALSE;
      return SC_SD (sd_journal_wait) (reader->journal,
                              timeout_usec < 0 ? (uint64_t) -1 : (uint64_t) timeout_usec)
             > SD_JOURNAL_NOP;
    }

  fd = log_watch_fd (reader);
  if (fd < 0)
    return FALSE;
  {
    struct pollfd pfd = { .fd = fd, .events = POLLIN };
    int timeout_ms = timeout_usec < 0 ? -1 : (int) MIN (timeout_usec / 1000, G_MAXINT);
    int r;

    /* Data may already be waiting that arrived before the watch was set. */
    if (log_has_news (reader))
      return TRUE;
    r = poll (&pfd, 1, timeout_ms);
    if (r > 0)
      {
        if (!reader->log_regular)
          return TRUE;   /* data or the end of the stream */
        drain_inotify (reader);
        return log_has_news (reader);
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
