/* sc-journal-reader-sd.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sd-journal source: the system and user journal, a journal folder
 * (recursively, journal-remote folders too) or explicit journal files.
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
#include "sc-journal-file.h"
#include "sc-journal-reader-private.h"
#include "sc-system-libs.h"


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
int
_sc_journal_sd_add_matches (sd_journal *j,
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
int
_sc_journal_sd_open_handle (ScJournalReader  *self,
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
    SC_SD (sd_journal_set_data_threshold) (*out, SC_JOURNAL_DATA_THRESHOLD);
  return r;
}

/* A journal folder must exist and be readable, and so must its files:
 * sd-journal skips what it may not read without a word. */
static gboolean
check_directory (ScJournalReader  *self,
                 GError          **error)
{
  const ScJournalOptions *o = &self->options;
  guint n_files = 0, n_readable = 0;
  struct stat st;
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

  /* Readable folder, unreadable files: sd-journal would skip them all and
   * report nothing, which must not look like a clean run. */
  count_journal_files (o->path, 0, &n_files, &n_readable);
  if (n_files > 0 && n_readable == 0)
    {
      g_set_error (error, SC_JOURNAL_ERROR, SC_JOURNAL_ERROR_PERMISSION,
                   "%s: %s%s", o->path, g_strerror (EACCES), journal_group_hint ());
      return FALSE;
    }
  if (n_files == 0)
    _sc_journal_add_warning (self, g_strdup_printf (_("No journal files were found in %s (files "
                                                      "named *.journal, there or in a folder "
                                                      "below it)."), o->path));
  else if (n_readable < n_files)
    /* Translators: %u are counts, %s a folder. */
    _sc_journal_add_warning (self, g_strdup_printf (_("%u of the %u journal files in %s cannot be "
                                                      "read and were skipped."),
                                                    n_files - n_readable, n_files, o->path));
  return TRUE;
}

static GPtrArray *list_journal_files (ScJournalReader *self);

/* The boot of the newest entry in the files of the source, the boot
 * journalctl -b means for a folder or files from elsewhere, read from the
 * files' indexes: what the live handle's last entry says otherwise. FALSE
 * when a file cannot be read that way (sd-journal then decides). */
static gboolean
newest_boot_of_files (ScJournalReader *self,
                      sd_id128_t      *boot,
                      gboolean        *found)
{
  g_autoptr(GPtrArray) files = list_journal_files (self);
  g_autoptr(ScJournalFile) f = NULL;
  const char *newest = NULL;
  guint64 newest_usec = 0;
  ScJournalFileEntry e;
  int r;

  *found = FALSE;
  /* The file whose header says it ends last. */
  for (guint i = 0; files != NULL && i < files->len; i++)
    {
      guint64 n_entries, n_data, head, tail;
      goffset size;

      if (!_sc_journal_read_file_header (g_ptr_array_index (files, i), &size, &n_entries, &n_data,
                                         &head, &tail))
        return FALSE;
      if (n_entries > 0 && (newest == NULL || tail > newest_usec))
        {
          newest = g_ptr_array_index (files, i);
          newest_usec = tail;
        }
    }
  if (newest == NULL)
    return TRUE;
  if ((f = sc_journal_file_open (newest, &r)) == NULL || sc_journal_file_last_entry (f, &e) <= 0)
    return FALSE;
  memcpy (boot->bytes, e.boot_id, sizeof boot->bytes);
  *found = TRUE;
  return TRUE;
}

/* Keeps BOOT's entries only (--boot). */
static void
set_boot (ScJournalReader *self,
          sd_id128_t       boot)
{
  char id[SD_ID128_STRING_MAX];

  self->boot_match = g_strdup_printf ("_BOOT_ID=%s", SC_SD (sd_id128_to_string) (boot, id));
  self->boot_id = boot;
}

/* Opens a reader that reads the journal once (ScJournalOptions.once):
 * there is no live handle to wait at the last entry, so there is no
 * anchor, and catch_up() reads every entry of the files. Opening the
 * handle maps every file and finds its last entry, a good part of a
 * whole read of a folder of rotated files. FALSE when the reader must
 * have the handle after all. */
static gboolean
open_once (ScJournalReader *self)
{
  const ScJournalOptions *o = &self->options;
  sd_id128_t boot;
  gboolean found = FALSE;

  if (o->this_boot)
    {
      if (o->type != SC_JOURNAL_SOURCE_SYSTEM && !newest_boot_of_files (self, &boot, &found))
        return FALSE;
      if (!found && SC_SD (sd_id128_get_boot) (&boot) < 0)
        return FALSE;
      set_boot (self, boot);
    }
  self->no_anchor = TRUE;
  self->caught_up = FALSE;
  return TRUE;
}

gboolean
_sc_journal_sd_open (ScJournalReader  *self,
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
          _sc_journal_add_warning (self, g_strdup (_("No system journal was found in /var/log/journal or "
                                         "/run/log/journal; only the user journal is read.")));
        break;
      }
    case SC_JOURNAL_SOURCE_DIRECTORY:
      if (!check_directory (self, error))
        return FALSE;
      break;
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

  if (o->once && open_once (self))
    return TRUE;

  if ((r = _sc_journal_sd_open_handle (self, &self->journal)) < 0)
    {
      set_open_error (self, r, error);
      return FALSE;
    }

  /* The records already there are read by catch_up(), file by file in
   * parallel; this handle waits at the last entry (the anchor) and returns
   * only what comes after it: the live traffic, a few entries a second,
   * which _sc_journal_sd_read() sorts itself. It has no field matches:
   * with them, finding the last matching entry of each file, or the next
   * one, takes a walk along the entry arrays of every matched value. */
  r = SC_SD (sd_journal_seek_tail) (self->journal);
  if (r >= 0 && (r = SC_SD (sd_journal_previous) (self->journal)) > 0)
    {
      SC_SD (sd_journal_get_realtime_usec) (self->journal, &self->anchor_usec);
      SC_SD (sd_journal_get_monotonic_usec) (self->journal, &self->anchor_monotonic,
                                             &self->anchor_boot);
    }
  else if (r >= 0)
    {
      /* An empty journal: everything that comes is new, and catch_up()
       * only looks at the files (anchor 0: every entry is after it). */
      self->anchor_usec = 0;
      self->anchor_monotonic = 0;
      r = SC_SD (sd_journal_seek_head) (self->journal);
    }
  self->caught_up = FALSE;
  if (r < 0)
    {
      g_set_error (error, SC_JOURNAL_ERROR, SC_JOURNAL_ERROR_READ,
                   _("Cannot read the journal: %s"), g_strerror (-r));
      return FALSE;
    }

  if (o->this_boot)
    {
      sd_id128_t boot;

      /* As journalctl -b: this machine's boot for its own journal; the
       * newest boot in a journal folder or file read from elsewhere (a
       * copy from a test machine does not hold this machine's boot). */
      if (o->type != SC_JOURNAL_SOURCE_SYSTEM && self->anchor_usec > 0)
        boot = self->anchor_boot;
      else if ((r = SC_SD (sd_id128_get_boot) (&boot)) < 0)
        {
          g_set_error (error, SC_JOURNAL_ERROR, SC_JOURNAL_ERROR_OPEN,
                       _("Cannot tell the current boot: %s"), g_strerror (-r));
          return FALSE;
        }
      set_boot (self, boot);
    }

  /* Watch for new files from now on (sd-journal sets up inotify on the first
   * sd_journal_get_fd()), so that read() after a while sees what was added
   * in between even when the caller never polls. */
  if (o->type != SC_JOURNAL_SOURCE_FILES)
    (void) SC_SD (sd_journal_get_fd) (self->journal);

  return TRUE;
}

/* Reads all the wanted fields in one walk over the entry's items: one
 * sd_journal_get_data() call per field would walk them once per field. */
void
_sc_journal_sd_read_fields (sd_journal  *j,
                   ScJournalEntryFields *f)
{
  const void *data;
  size_t len;

  f->transport[0] = f->hostname[0] = f->audit_type[0] = f->audit_type_name[0] = '\0';
  f->audit_id[0] = f->identifier[0] = f->source_realtime[0] = '\0';

  SC_SD (sd_journal_restart_data) (j);
  while (SC_SD (sd_journal_enumerate_available_data) (j, &data, &len) > 0)
    _sc_journal_entry_fields_take (f, data, len);
}

const char *
_sc_journal_nonempty (const char *value)
{
  return value[0] != '\0' ? value : NULL;
}

/* Whether an entry with fields F belongs to one of the match groups. */
gboolean
_sc_journal_sd_entry_in_groups (const ScJournalEntryFields *f)
{
  if (strcmp (f->transport, "kernel") == 0)
    return TRUE;
  if (strcmp (f->transport, "audit") == 0)
    return strcmp (f->audit_type, "1400") == 0 || strcmp (f->audit_type, "1326") == 0 ||
           strcmp (f->audit_type, "1107") == 0;
  return strcmp (f->identifier, "dbus-daemon") == 0;
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

/* Reads the records that were there when the reader was made, up to the
 * anchor, file by file in parallel (sc-journal-reader-sd-scan.c). */
static gboolean
catch_up (ScJournalReader     *self,
          ScJournalRecordFunc  func,
          gpointer             user_data,
          GCancellable        *cancellable,
          GError             **error)
{
  g_autoptr(GPtrArray) files = list_journal_files (self);

  return _sc_journal_sd_catch_up (self, files, func, user_data, cancellable, error);
}

gboolean
_sc_journal_sd_read (ScJournalReader     *self,
              ScJournalRecordFunc  func,
              gpointer             user_data,
              GCancellable        *cancellable,
              GError             **error)
{
  sd_journal *j = self->journal;
  guint n = 0;
  int r;

  /* Take in files added since the last call (no-op without changes). */
  if (j != NULL && self->options.type != SC_JOURNAL_SOURCE_FILES)
    (void) SC_SD (sd_journal_process) (j);

  if (!self->caught_up)
    {
      if (!catch_up (self, func, user_data, cancellable, error))
        return FALSE;
      self->caught_up = TRUE;
    }
  /* Read once: catch_up() read everything. */
  if (j == NULL)
    return TRUE;

  while ((r = SC_SD (sd_journal_next) (j)) > 0)
    {
      ScJournalEntryFields f;
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
      if (!_sc_journal_may_be_record (msg, len))
        continue;
      if (!_sc_journal_is_ratelimit_text (msg, len) && !_sc_journal_may_be_snap (self, msg, len))
        continue;

      SC_SD (sd_journal_get_realtime_usec) (j, &realtime);
      if (self->options.since_usec > 0 && realtime < (guint64) self->options.since_usec)
        continue;

      _sc_journal_sd_read_fields (j, &f);
      /* What the field matches of catch_up() select: the kernel, audit and
       * dbus-daemon groups, of this boot with --boot. */
      if (!_sc_journal_sd_entry_in_groups (&f))
        continue;
      if (self->boot_match != NULL)
        {
          guint64 monotonic;
          sd_id128_t boot;

          if (SC_SD (sd_journal_get_monotonic_usec) (j, &monotonic, &boot) < 0 ||
              !sd_id128_equal (boot, self->boot_id))
            continue;
        }
      context.transport = _sc_journal_nonempty (f.transport);
      context.hostname = _sc_journal_nonempty (f.hostname);
      context.audit_type_name = _sc_journal_nonempty (f.audit_type_name);
      context.audit_id = _sc_journal_nonempty (f.audit_id);
      context.syslog_identifier = _sc_journal_nonempty (f.identifier);
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
        lost = _sc_journal_lost_total_increase (self, context.hostname, lost);
      _sc_journal_deliver (self, type, denial, lost, context.hostname, (gint64) realtime,
                           func, user_data);
    }

  if (r < 0)
    {
      g_set_error (error, SC_JOURNAL_ERROR, SC_JOURNAL_ERROR_READ,
                   _("Cannot read the journal: %s"), g_strerror (-r));
      return FALSE;
    }
  return TRUE;
}

