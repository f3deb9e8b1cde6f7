/* test-journal-reader.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The journal reader against real journal files, made in the test from the
 * export-format fixtures in tests/data/journal/ with systemd-journal-remote,
 * and against the text-log fixtures. Also: follow mode (a journal file and
 * a log file growing while the reader waits) and the permission check.
 */
#include "config.h"

#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1   /* setresuid */
#endif

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/apparmor.h>
#include <sys/wait.h>
#include <systemd/sd-id128.h>
#include <unistd.h>

#include "sc-journal-reader.h"
#include "sc-test-journal.h"

#define T0_USEC G_GINT64_CONSTANT (1718031201000000)

typedef struct
{
  GPtrArray *denials;   /* of ScDenial*, owned */
  guint64    lost;
} Records;

static void
records_clear (Records *r)
{
  g_clear_pointer (&r->denials, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Records, records_clear)

static void
record_cb (ScDenial *denial,
           guint64   lost,
           gpointer  user_data)
{
  Records *r = user_data;

  if (denial == NULL)
    {
      g_assert_cmpuint (lost, >, 0);
      r->lost += lost;
      return;
    }
  g_ptr_array_add (r->denials, sc_denial_ref (denial));
}

static void
records_init (Records *r)
{
  r->denials = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_denial_unref);
  r->lost = 0;
}

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "journal", name, NULL);
}

static char *
make_fixture_journal (const char *dir,
                      const char *fixture,
                      const char *file_name)
{
  g_autofree char *export_path = fixture_path (fixture);
  char *out = g_build_filename (dir, file_name, NULL);

  sc_test_make_journal_from_file (export_path, out);
  return out;
}

static void
read_all (const ScJournalOptions *options,
          Records                *records)
{
  g_autoptr(ScJournalReader) reader = NULL;
  g_autoptr(GError) error = NULL;

  reader = sc_journal_reader_new (options, &error);
  g_assert_no_error (error);
  g_assert_nonnull (reader);
  g_assert_true (sc_journal_reader_read (reader, record_cb, records, NULL, &error));
  g_assert_no_error (error);
}

static ScDenial *
find_denial (Records    *r,
             const char *object_part)
{
  for (guint i = 0; i < r->denials->len; i++)
    {
      ScDenial *d = g_ptr_array_index (r->denials, i);
      if (d->object != NULL && strstr (d->object, object_part) != NULL)
        return d;
    }
  return NULL;
}

static guint
count_kind (Records      *r,
            ScDenialKind  kind)
{
  guint n = 0;

  for (guint i = 0; i < r->denials->len; i++)
    if (((ScDenial *) g_ptr_array_index (r->denials, i))->kind == kind)
      n++;
  return n;
}

/* ---- Journal sources --------------------------------------------------- */

static void
test_kernel_transport (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *file = NULL;
  g_auto(Records) r = { 0 };
  ScJournalOptions options = { .type = SC_JOURNAL_SOURCE_FILES };
  char *files[2] = { NULL, NULL };
  ScDenial *d;

  g_test_summary ("Every printk-copied record of the kernel fixture reaches the caller, "
                  "with host, transport and event time; unrelated entries do not; the "
                  "callbacks-suppressed line becomes a lost count.");
  if (!sc_test_have_journal_remote ())
    return;

  dir = g_dir_make_tmp ("sc-journal-XXXXXX", NULL);
  file = make_fixture_journal (dir, "kernel.export", "kernel.journal");
  files[0] = file;
  options.files = files;
  records_init (&r);
  read_all (&options, &r);

  /* 3 × /etc/foo.conf, mknod, capability, network, unix, hex path, two
   * seccomp, USER_AVC, STATUS, snap-confine, /proc/PID/mounts. */
  g_assert_cmpuint (r.denials->len, ==, 14);
  g_assert_cmpuint (r.lost, ==, 12);
  g_assert_cmpuint (count_kind (&r, SC_DENIAL_KIND_SECCOMP), ==, 2);
  g_assert_cmpuint (count_kind (&r, SC_DENIAL_KIND_DBUS), ==, 1);
  g_assert_cmpuint (count_kind (&r, SC_DENIAL_KIND_CAPABILITY), ==, 2);

  d = g_ptr_array_index (r.denials, 0);
  g_assert_cmpstr (d->object, ==, "/etc/foo.conf");
  g_assert_cmpstr (d->snap, ==, "foo");
  g_assert_cmpstr (d->app, ==, "foo");
  g_assert_cmpstr (d->host, ==, "alpha");
  g_assert_cmpstr (d->transport, ==, "kernel");
  g_assert_cmpint (d->timestamp_usec, ==, T0_USEC + 482000);

  /* Hex-decoded path. */
  g_assert_nonnull (find_denial (&r, "/home/alice/My Documents"));
  /* The USER_AVC's embedded newline did not cut the record. */
  d = find_denial (&r, "timedate1");
  g_assert_nonnull (d);
  g_assert_cmpstr (sc_denial_get_detail (d, "exe"), ==, "/usr/bin/dbus-daemon");
  /* arm64 seccomp resolved with the record's own architecture. */
  g_assert_nonnull (find_denial (&r, "mount"));

  g_unlink (file);
  g_rmdir (dir);
}

static void
test_audit_transport (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *file = NULL;
  g_auto(Records) r = { 0 };
  ScJournalOptions options = { .type = SC_JOURNAL_SOURCE_FILES };
  char *files[2] = { NULL, NULL };
  ScDenial *d;

  g_test_summary ("Records of journald's audit socket (AVC, SECCOMP, USER_AVC) are read with "
                  "their audit serial; other audit record types are skipped by the matches.");
  if (!sc_test_have_journal_remote ())
    return;

  dir = g_dir_make_tmp ("sc-journal-XXXXXX", NULL);
  file = make_fixture_journal (dir, "audit.export", "audit.journal");
  files[0] = file;
  options.files = files;
  records_init (&r);
  read_all (&options, &r);

  g_assert_cmpuint (r.denials->len, ==, 4);
  g_assert_cmpuint (r.lost, ==, 0);
  for (guint i = 0; i < r.denials->len; i++)
    {
      d = g_ptr_array_index (r.denials, i);
      g_assert_cmpstr (d->transport, ==, "audit");
      g_assert_nonnull (d->audit_id);
      g_assert_cmpstr (d->snap, ==, "foo");
    }
  d = g_ptr_array_index (r.denials, 0);
  g_assert_cmpstr (d->object, ==, "/etc/foo.conf");
  /* The same event as the first kernel record: same dedup key. */
  g_assert_true (g_str_has_suffix (d->audit_id, ":1187"));
  g_assert_cmpuint (count_kind (&r, SC_DENIAL_KIND_SECCOMP), ==, 1);
  g_assert_cmpuint (count_kind (&r, SC_DENIAL_KIND_DBUS), ==, 1);

  g_unlink (file);
  g_rmdir (dir);
}

static void
test_user_dbus (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *file = NULL;
  g_auto(Records) r = { 0 };
  ScJournalOptions options = { .type = SC_JOURNAL_SOURCE_FILES };
  char *files[2] = { NULL, NULL };

  g_test_summary ("Session-bus denials logged by the user's dbus-daemon through syslog are "
                  "read; its ordinary lines are not.");
  if (!sc_test_have_journal_remote ())
    return;

  dir = g_dir_make_tmp ("sc-journal-XXXXXX", NULL);
  file = make_fixture_journal (dir, "user-dbus.export", "user-1000.journal");
  files[0] = file;
  options.files = files;
  records_init (&r);
  read_all (&options, &r);

  g_assert_cmpuint (r.denials->len, ==, 3);
  g_assert_cmpuint (count_kind (&r, SC_DENIAL_KIND_DBUS), ==, 3);
  g_assert_cmpstr (((ScDenial *) g_ptr_array_index (r.denials, 0))->transport, ==, "syslog");
  g_assert_cmpstr (((ScDenial *) g_ptr_array_index (r.denials, 2))->snap, ==, "notes");
  g_assert_cmpint (((ScDenial *) g_ptr_array_index (r.denials, 2))->mode, ==,
                   SC_DENIAL_MODE_ALLOWED);

  g_unlink (file);
  g_rmdir (dir);
}

static void
test_directory_hosts (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_auto(Records) r = { 0 };
  ScJournalOptions options = { .type = SC_JOURNAL_SOURCE_DIRECTORY };
  gboolean seen_alpha = FALSE, seen_beta = FALSE;

  g_test_summary ("A systemd-journal-remote folder with two machines' files: each record "
                  "carries its own host.");
  if (!sc_test_have_journal_remote ())
    return;

  dir = g_dir_make_tmp ("sc-journal-XXXXXX", NULL);
  a = make_fixture_journal (dir, "remote-alpha.export", "remote-alpha.journal");
  b = make_fixture_journal (dir, "remote-beta.export", "remote-beta.journal");
  options.path = dir;
  records_init (&r);
  read_all (&options, &r);

  g_assert_cmpuint (r.denials->len, ==, 2);
  for (guint i = 0; i < r.denials->len; i++)
    {
      ScDenial *d = g_ptr_array_index (r.denials, i);
      g_assert_cmpstr (d->object, ==, "/etc/machine-info");
      seen_alpha |= g_strcmp0 (d->host, "alpha") == 0;
      seen_beta |= g_strcmp0 (d->host, "beta") == 0;
    }
  g_assert_true (seen_alpha);
  g_assert_true (seen_beta);

  g_unlink (a);
  g_unlink (b);
  g_rmdir (dir);
}

static void
test_filters (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *k = NULL;
  g_autofree char *u = NULL;
  g_autofree char *boot_export = NULL;
  g_autofree char *boot_journal = NULL;
  g_autofree char *boot_id = NULL;
  g_autoptr(GError) error = NULL;
  ScJournalOptions options = { .type = SC_JOURNAL_SOURCE_DIRECTORY };
  sd_id128_t boot;
  char id[SD_ID128_STRING_MAX];

  g_test_summary ("--snap, --since and --boot filters: only the snap's records (and rate-limit "
                  "notes), only records at or after the time, only this boot's entries.");
  if (!sc_test_have_journal_remote ())
    return;

  dir = g_dir_make_tmp ("sc-journal-XXXXXX", NULL);
  k = make_fixture_journal (dir, "kernel.export", "system.journal");
  u = make_fixture_journal (dir, "user-dbus.export", "user-1000.journal");
  options.path = dir;

  {
    g_auto(Records) r = { 0 };
    records_init (&r);
    read_all (&options, &r);
    g_assert_cmpuint (r.denials->len, ==, 17);
  }

  {
    /* A time limit reads through the field matches instead of the
     * distinct-message catch-up: both must find the same records. */
    g_auto(Records) all = { 0 };
    g_auto(Records) r = { 0 };

    records_init (&all);
    read_all (&options, &all);
    options.since_usec = 1;
    records_init (&r);
    read_all (&options, &r);
    options.since_usec = 0;
    g_assert_cmpuint (r.denials->len, ==, all.denials->len);
    g_assert_cmpuint (r.lost, ==, all.lost);
    for (guint i = 0; i < r.denials->len; i++)
      {
        ScDenial *a = g_ptr_array_index (all.denials, i);
        ScDenial *b = g_ptr_array_index (r.denials, i);

        g_assert_cmpstr (a->raw, ==, b->raw);
        g_assert_cmpint (a->timestamp_usec, ==, b->timestamp_usec);
        g_assert_cmpstr (a->transport, ==, b->transport);
      }
  }

  {
    g_auto(Records) r = { 0 };
    options.snap = (char *) "vlc";
    records_init (&r);
    read_all (&options, &r);
    g_assert_cmpuint (r.denials->len, ==, 2);
    for (guint i = 0; i < r.denials->len; i++)
      g_assert_cmpstr (((ScDenial *) g_ptr_array_index (r.denials, i))->snap, ==, "vlc");
    /* The lost count is not about one snap: it is kept. */
    g_assert_cmpuint (r.lost, ==, 12);
  }

  {
    g_auto(Records) r = { 0 };
    options.snap = (char *) "notes";
    records_init (&r);
    read_all (&options, &r);
    g_assert_cmpuint (r.denials->len, ==, 1);
    options.snap = NULL;
  }

  {
    g_auto(Records) r = { 0 };
    /* From the vlc /proc/PID/mounts record on: it and the session-bus lines. */
    options.since_usec = T0_USEC + 15 * G_USEC_PER_SEC;
    records_init (&r);
    read_all (&options, &r);
    g_assert_cmpuint (r.denials->len, ==, 4);
    for (guint i = 0; i < r.denials->len; i++)
      g_assert_cmpint (((ScDenial *) g_ptr_array_index (r.denials, i))->timestamp_usec, >=,
                       options.since_usec);
    options.since_usec = 0;
  }

  /* The fixtures come from another boot; add one entry of this boot. */
  g_assert_cmpint (sd_id128_get_boot (&boot), ==, 0);
  boot_id = g_strdup (sd_id128_to_string (boot, id));
  boot_export = g_build_filename (dir, "boot.export", NULL);
  {
    g_autofree char *text = g_strdup_printf (
      "__REALTIME_TIMESTAMP=%" G_GINT64_FORMAT "\n__MONOTONIC_TIMESTAMP=1000\n_BOOT_ID=%s\n"
      "_HOSTNAME=alpha\n_TRANSPORT=kernel\nSYSLOG_IDENTIFIER=kernel\n"
      "MESSAGE=audit: type=1400 audit(1718031300.000:5000): apparmor=\"DENIED\" "
      "operation=\"open\" class=\"file\" profile=\"snap.foo.foo\" name=\"/etc/this-boot\" "
      "pid=1 comm=\"foo\" requested_mask=\"r\" denied_mask=\"r\" fsuid=0 ouid=0\n\n",
      T0_USEC + 100 * G_USEC_PER_SEC, boot_id);
    g_file_set_contents (boot_export, text, -1, &error);
    g_assert_no_error (error);
  }
  boot_journal = g_build_filename (dir, "boot.journal", NULL);
  sc_test_make_journal_from_file (boot_export, boot_journal);

  {
    g_auto(Records) r = { 0 };
    options.this_boot = TRUE;
    records_init (&r);
    read_all (&options, &r);
    g_assert_cmpuint (r.denials->len, ==, 1);
    g_assert_cmpstr (((ScDenial *) g_ptr_array_index (r.denials, 0))->object, ==,
                     "/etc/this-boot");
    g_assert_cmpuint (r.lost, ==, 0);
  }

  g_unlink (k);
  g_unlink (u);
  g_unlink (boot_export);
  g_unlink (boot_journal);
  g_rmdir (dir);
}

static void assert_same_records (Records *a,
                                 Records *b);

static void
test_once (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *k = NULL;
  g_autofree char *u = NULL;
  g_autofree char *later_export = NULL;
  g_autofree char *later = NULL;
  g_autoptr(GError) error = NULL;
  ScJournalOptions options = { .type = SC_JOURNAL_SOURCE_DIRECTORY };

  g_test_summary ("A reader that reads once (no live handle, no anchor) finds what a "
                  "followable one finds, and with --boot the same newest boot of the folder, "
                  "taken from the files themselves; it has nothing to wait for.");
  if (!sc_test_have_journal_remote ())
    return;

  dir = g_dir_make_tmp ("sc-journal-XXXXXX", NULL);
  k = make_fixture_journal (dir, "kernel.export", "system.journal");
  u = make_fixture_journal (dir, "user-dbus.export", "user-1000.journal");
  options.path = dir;

  for (guint boot = 0; boot < 2; boot++)
    {
      g_auto(Records) followable = { 0 };
      g_auto(Records) once = { 0 };

      options.this_boot = boot == 1;
      options.once = FALSE;
      records_init (&followable);
      read_all (&options, &followable);
      options.once = TRUE;
      records_init (&once);
      read_all (&options, &once);
      g_assert_cmpuint (once.denials->len, >, 0);
      assert_same_records (&followable, &once);
    }

  /* A later boot in a file of its own: --boot now means it, both ways. */
  later_export = g_build_filename (dir, "later.export", NULL);
  {
    g_autofree char *text = g_strdup_printf (
      "__REALTIME_TIMESTAMP=%" G_GINT64_FORMAT "\n__MONOTONIC_TIMESTAMP=1000\n"
      "_BOOT_ID=0badc0de0badc0de0badc0de0badc0de\n"
      "_HOSTNAME=alpha\n_TRANSPORT=kernel\nSYSLOG_IDENTIFIER=kernel\n"
      "MESSAGE=audit: type=1400 audit(1718031900.000:6000): apparmor=\"DENIED\" "
      "operation=\"open\" class=\"file\" profile=\"snap.foo.foo\" name=\"/etc/later-boot\" "
      "pid=1 comm=\"foo\" requested_mask=\"r\" denied_mask=\"r\" fsuid=0 ouid=0\n\n",
      T0_USEC + (gint64) 3600 * G_USEC_PER_SEC);
    g_file_set_contents (later_export, text, -1, &error);
    g_assert_no_error (error);
  }
  later = g_build_filename (dir, "system@later.journal", NULL);
  sc_test_make_journal_from_file (later_export, later);
  options.this_boot = TRUE;
  for (guint once = 0; once < 2; once++)
    {
      g_auto(Records) r = { 0 };

      options.once = once == 1;
      records_init (&r);
      read_all (&options, &r);
      g_assert_cmpuint (r.denials->len, ==, 1);
      g_assert_cmpstr (((ScDenial *) g_ptr_array_index (r.denials, 0))->object, ==, "/etc/later-boot");
    }

  {
    g_autoptr(ScJournalReader) reader = sc_journal_reader_new (&options, &error);

    g_assert_no_error (error);
    g_assert_cmpint (sc_journal_reader_get_fd (reader), ==, -1);
    g_assert_false (sc_journal_reader_process (reader));
    g_assert_false (sc_journal_reader_wait (reader, 0));
  }

  g_unlink (k);
  g_unlink (u);
  g_unlink (later_export);
  g_unlink (later);
  g_rmdir (dir);
}

/* ---- Text logs --------------------------------------------------------- */

typedef struct
{
  const char *file;
  guint       n_denials;
  guint64     lost;
  const char *host;      /* of the first record, nullable */
} LogCase;

static const LogCase log_cases[] = {
  /* The kernel fixture's 14 records as rsyslog writes them (control
   * characters as #012). */
  { "syslog.log", 14, 12, "alpha" },
  { "kern.log", 14, 12, "alpha" },
  /* auditd: no printk, so nothing is lost; SYSCALL records skipped. */
  { "audit.log", 14, 0, NULL },
  /* journalctl -o short of the kernel and user journals, with the indented
   * continuation line of the USER_AVC record. */
  { "journalctl-short.log", 17, 12, "alpha" },
};

static void
test_text_log (gconstpointer data)
{
  const LogCase *c = data;
  g_autofree char *path = fixture_path (c->file);
  g_auto(Records) r = { 0 };
  ScJournalOptions options = { .type = SC_JOURNAL_SOURCE_LOG, .path = path };
  ScDenial *d;

  g_test_summary ("Text logs of each format give the same records as the journal.");
  records_init (&r);
  read_all (&options, &r);

  g_assert_cmpuint (r.denials->len, ==, c->n_denials);
  g_assert_cmpuint (r.lost, ==, c->lost);
  d = g_ptr_array_index (r.denials, 0);
  g_assert_cmpstr (d->object, ==, "/etc/foo.conf");
  g_assert_cmpstr (d->host, ==, c->host);
  g_assert_cmpint (d->timestamp_usec, ==, T0_USEC + 482000);
  d = find_denial (&r, "timedate1");
  g_assert_nonnull (d);
  g_assert_cmpstr (sc_denial_get_detail (d, "exe"), ==, "/usr/bin/dbus-daemon");
  g_assert_nonnull (find_denial (&r, "/home/alice/My Documents"));
}

static void
test_log_snap_filter (void)
{
  g_autofree char *path = fixture_path ("journalctl-short.log");
  g_auto(Records) r = { 0 };
  ScJournalOptions options = { .type = SC_JOURNAL_SOURCE_LOG, .path = path, .snap = (char *) "foo" };

  g_test_summary ("The snap filter applies to text logs too.");
  records_init (&r);
  read_all (&options, &r);
  /* foo: 3 + mknod + cap + net + hex + 2 seccomp + USER_AVC + 2 session = 12;
   * the STATUS record names snap.foo.foo but is attributed to no snap. */
  for (guint i = 0; i < r.denials->len; i++)
    g_assert_cmpstr (((ScDenial *) g_ptr_array_index (r.denials, i))->snap, ==, "foo");
  g_assert_cmpuint (r.denials->len, ==, 12);
}

static void
test_log_errors (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScJournalReader) reader = NULL;
  ScJournalOptions options = { .type = SC_JOURNAL_SOURCE_LOG, .path = (char *) "/nonexistent/log" };

  g_test_summary ("A missing log or journal directory is an OPEN error naming the path.");
  reader = sc_journal_reader_new (&options, &error);
  g_assert_null (reader);
  g_assert_error (error, SC_JOURNAL_ERROR, SC_JOURNAL_ERROR_OPEN);
  g_assert_nonnull (strstr (error->message, "/nonexistent/log"));
  g_clear_error (&error);

  options.type = SC_JOURNAL_SOURCE_DIRECTORY;
  options.path = (char *) "/nonexistent/journal";
  reader = sc_journal_reader_new (&options, &error);
  g_assert_null (reader);
  g_assert_error (error, SC_JOURNAL_ERROR, SC_JOURNAL_ERROR_OPEN);
  g_assert_nonnull (strstr (error->message, "/nonexistent/journal"));
}

static void
test_log_cancel (void)
{
  g_autofree char *path = fixture_path ("syslog.log");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(ScJournalReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Records) r = { 0 };
  ScJournalOptions options = { .type = SC_JOURNAL_SOURCE_LOG, .path = path };

  g_test_summary ("A cancelled read stops with G_IO_ERROR_CANCELLED.");
  records_init (&r);
  reader = sc_journal_reader_new (&options, &error);
  g_assert_no_error (error);
  g_cancellable_cancel (cancellable);
  g_assert_false (sc_journal_reader_read (reader, record_cb, &r, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (r.denials->len, ==, 0);
}

/* ---- Follow ------------------------------------------------------------ */

/* Waits until at least N records arrived (giving up after 60 s, which only
 * catches a hang); returns the time it took in µs, for the test log: how
 * fast it is belongs in bench/, not in an assertion. */
static gint64
wait_for (ScJournalReader *reader,
          Records         *r,
          guint            n)
{
  gint64 start = g_get_monotonic_time ();

  while (r->denials->len < n && g_get_monotonic_time () - start < 60 * G_USEC_PER_SEC)
    {
      g_autoptr(GError) error = NULL;

      sc_journal_reader_wait (reader, 200000);
      g_assert_true (sc_journal_reader_read (reader, record_cb, r, NULL, &error));
      g_assert_no_error (error);
    }
  return g_get_monotonic_time () - start;
}

static void
test_follow_directory (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *first = NULL;
  g_autofree char *export_path = NULL;
  g_autofree char *second = NULL;
  g_autoptr(ScJournalReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Records) r = { 0 };
  ScJournalOptions options = { .type = SC_JOURNAL_SOURCE_DIRECTORY };
  gint64 took;

  g_test_summary ("Following a directory: a journal file written into it while the reader "
                  "waits is noticed and its records arrive.");
  if (!sc_test_have_journal_remote ())
    return;

  dir = g_dir_make_tmp ("sc-journal-XXXXXX", NULL);
  first = make_fixture_journal (dir, "remote-alpha.export", "remote-alpha.journal");
  options.path = dir;
  records_init (&r);
  reader = sc_journal_reader_new (&options, &error);
  g_assert_no_error (error);
  g_assert_true (sc_journal_reader_read (reader, record_cb, &r, NULL, &error));
  g_assert_cmpuint (r.denials->len, ==, 1);
  g_assert_cmpint (sc_journal_reader_get_fd (reader), >=, 0);
  g_assert_cmpint (sc_journal_reader_get_events (reader), !=, 0);
  /* Nothing new yet. */
  g_assert_false (sc_journal_reader_process (reader));
  g_assert_false (sc_journal_reader_wait (reader, 1000));

  export_path = fixture_path ("remote-beta.export");
  second = g_build_filename (dir, "remote-beta.journal", NULL);
  sc_test_make_journal_from_file (export_path, second);

  took = wait_for (reader, &r, 2);
  g_assert_cmpuint (r.denials->len, ==, 2);
  g_assert_cmpstr (((ScDenial *) g_ptr_array_index (r.denials, 1))->host, ==, "beta");
  g_test_message ("new journal file noticed after %" G_GINT64_FORMAT " µs", took);

  g_unlink (first);
  g_unlink (second);
  g_rmdir (dir);
}

static void
test_anchor (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;
  g_autofree char *older = NULL;
  g_autoptr(ScJournalReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Records) r = { 0 };
  ScJournalOptions options = { .type = SC_JOURNAL_SOURCE_DIRECTORY };

  g_test_summary ("Records written between opening the reader and its first read, newer or "
                  "older than what was there, are each delivered exactly once; so are "
                  "records written after the first read.");
  if (!sc_test_have_journal_remote ())
    return;

  dir = g_dir_make_tmp ("sc-journal-XXXXXX", NULL);
  a = make_fixture_journal (dir, "remote-alpha.export", "remote-alpha.journal");
  options.path = dir;
  reader = sc_journal_reader_new (&options, &error);
  g_assert_no_error (error);

  /* Newer (beta is a minute later) and older (the kernel fixture starts
   * before alpha's record) files appear before the first read. */
  b = make_fixture_journal (dir, "remote-beta.export", "remote-beta.journal");
  older = make_fixture_journal (dir, "user-dbus.export", "user-1000.journal");
  records_init (&r);
  g_assert_true (sc_journal_reader_read (reader, record_cb, &r, NULL, &error));
  g_assert_no_error (error);
  /* alpha + beta + the three session-bus lines, each once. */
  g_assert_cmpuint (r.denials->len, ==, 5);

  /* After the first read: a newer record is followed, once. */
  {
    g_autofree char *export_path = g_build_filename (dir, "later.export", NULL);
    g_autofree char *text = g_strdup_printf (
      "__REALTIME_TIMESTAMP=%" G_GINT64_FORMAT "\n__MONOTONIC_TIMESTAMP=1000\n"
      "_BOOT_ID=5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e\n_HOSTNAME=gamma\n_TRANSPORT=kernel\n"
      "MESSAGE=audit: type=1400 audit(1718032201.000:7000): apparmor=\"DENIED\" "
      "operation=\"open\" class=\"file\" profile=\"snap.foo.foo\" name=\"/etc/later\" "
      "pid=1 comm=\"foo\" requested_mask=\"r\" denied_mask=\"r\" fsuid=0 ouid=0\n\n",
      T0_USEC + 1000 * G_USEC_PER_SEC);

    g_file_set_contents (export_path, text, -1, &error);
    g_assert_no_error (error);
    c = g_build_filename (dir, "later.journal", NULL);
    sc_test_make_journal_from_file (export_path, c);
    g_unlink (export_path);
  }
  wait_for (reader, &r, 6);
  g_assert_true (sc_journal_reader_read (reader, record_cb, &r, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (r.denials->len, ==, 6);
  g_assert_cmpstr (((ScDenial *) g_ptr_array_index (r.denials, 5))->object, ==, "/etc/later");
  {
    g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

    for (guint i = 0; i < r.denials->len; i++)
      {
        ScDenial *d = g_ptr_array_index (r.denials, i);
        g_autofree char *key = g_strdup_printf ("%s|%" G_GINT64_FORMAT "|%s", d->raw,
                                                d->timestamp_usec, d->host);
        /* The two identical session-bus lines differ in time. */
        g_assert_true (g_hash_table_add (seen, g_steal_pointer (&key)));
      }
  }

  g_unlink (a);
  g_unlink (b);
  g_unlink (c);
  g_unlink (older);
  g_rmdir (dir);
}

static void
test_follow_log (void)
{
  g_autofree char *dir = g_dir_make_tmp ("sc-journal-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "kern.log", NULL);
  g_autoptr(ScJournalReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Records) r = { 0 };
  ScJournalOptions options = { .type = SC_JOURNAL_SOURCE_LOG, .path = path };
  const char *line =
    "Jun 10 14:53:21 alpha kernel: [81461.6] audit: type=1400 audit(1718031201.482:%d): "
    "apparmor=\"DENIED\" operation=\"open\" class=\"file\" profile=\"snap.foo.foo\" "
    "name=\"/etc/follow-%d\" pid=1 comm=\"foo\" requested_mask=\"r\" denied_mask=\"r\" "
    "fsuid=0 ouid=0\n";
  FILE *f;
  gint64 took;

  g_test_summary ("Following a text log: appended lines are read, an incomplete last line "
                  "waits for its end, a rotated log is followed into its new file.");
  f = fopen (path, "w");
  g_assert_nonnull (f);
  fprintf (f, line, 1, 1);
  fflush (f);

  records_init (&r);
  reader = sc_journal_reader_new (&options, &error);
  g_assert_no_error (error);
  sc_journal_reader_set_follow (reader, TRUE);
  g_assert_true (sc_journal_reader_read (reader, record_cb, &r, NULL, &error));
  g_assert_cmpuint (r.denials->len, ==, 1);
  g_assert_cmpint (sc_journal_reader_get_fd (reader), >=, 0);
  /* Nothing new: a caller polling the fd must not be told to read again. */
  g_assert_false (sc_journal_reader_process (reader));

  /* Half a line: not a record yet. */
  {
    g_autofree char *second = g_strdup_printf (line, 2, 2);
    gsize half = strlen (second) / 2;

    fwrite (second, 1, half, f);
    fflush (f);
    g_assert_true (sc_journal_reader_process (reader));
    g_assert_true (sc_journal_reader_wait (reader, G_USEC_PER_SEC));
    g_assert_true (sc_journal_reader_read (reader, record_cb, &r, NULL, &error));
    g_assert_cmpuint (r.denials->len, ==, 1);
    fputs (second + half, f);
    fflush (f);
  }
  took = wait_for (reader, &r, 2);
  g_assert_cmpuint (r.denials->len, ==, 2);
  g_assert_cmpstr (((ScDenial *) g_ptr_array_index (r.denials, 1))->object, ==, "/etc/follow-2");
  g_test_message ("appended line read after %" G_GINT64_FORMAT " µs", took);
  g_assert_false (sc_journal_reader_process (reader));
  fclose (f);

  /* Rotation: the log is renamed and written anew. */
  {
    g_autofree char *rotated = g_build_filename (dir, "kern.log.1", NULL);

    g_assert_cmpint (g_rename (path, rotated), ==, 0);
    f = fopen (path, "w");
    g_assert_nonnull (f);
    fprintf (f, line, 3, 3);
    fclose (f);
    took = wait_for (reader, &r, 3);
    g_assert_cmpuint (r.denials->len, ==, 3);
    g_assert_cmpstr (((ScDenial *) g_ptr_array_index (r.denials, 2))->object, ==,
                     "/etc/follow-3");
    g_test_message ("record in the rotated log read after %" G_GINT64_FORMAT " µs", took);
    g_assert_false (sc_journal_reader_process (reader));
    g_unlink (rotated);
  }

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_files_not_followable (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *file = NULL;
  g_autoptr(ScJournalReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  ScJournalOptions options = { .type = SC_JOURNAL_SOURCE_FILES };
  char *files[2] = { NULL, NULL };

  g_test_summary ("Explicit journal files cannot be followed: no fd, wait returns at once.");
  if (!sc_test_have_journal_remote ())
    return;
  dir = g_dir_make_tmp ("sc-journal-XXXXXX", NULL);
  file = make_fixture_journal (dir, "remote-alpha.export", "a.journal");
  files[0] = file;
  options.files = files;
  reader = sc_journal_reader_new (&options, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sc_journal_reader_get_fd (reader), ==, -1);
  g_assert_false (sc_journal_reader_wait (reader, 10 * G_USEC_PER_SEC));
  g_unlink (file);
  g_rmdir (dir);
}

/* ---- Permissions ------------------------------------------------------- */

/* Runs sc_journal_check_system_access (ROOTS) as an unprivileged user when
 * we are root; returns 0 readable, 1 permission error, 2 other. */
static int
check_access_as_nobody (const char * const *roots)
{
  pid_t pid = fork ();
  int status = 0;

  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      g_autoptr(GError) error = NULL;
      gboolean found = FALSE;

      if (geteuid () == 0 && (setgroups (0, NULL) != 0 || setresgid (65534, 65534, 65534) != 0 ||
                              setresuid (65534, 65534, 65534) != 0))
        _exit (3);
      if (sc_journal_check_system_access (roots, &found, &error))
        _exit (found ? 0 : 4);
      _exit (g_error_matches (error, SC_JOURNAL_ERROR, SC_JOURNAL_ERROR_PERMISSION) &&
             strstr (error->message, "systemd-journal") != NULL ? 1 : 2);
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

static void
test_permission_check (void)
{
  g_autofree char *root = g_dir_make_tmp ("sc-journal-XXXXXX", NULL);
  g_autofree char *machine = g_build_filename (root, "0123456789abcdef0123456789abcdef", NULL);
  g_autofree char *system = g_build_filename (machine, "system.journal", NULL);
  g_autofree char *user = g_build_filename (machine, "user-1000.journal", NULL);
  const char *roots[] = { root, NULL };
  g_autoptr(GError) error = NULL;
  gboolean found = TRUE;

  g_test_summary ("The system journal counts as unreadable only when its files exist and none "
                  "can be read; the error says which group to join.");

  /* No journal at all: not a permission problem. */
  g_assert_true (sc_journal_check_system_access (roots, &found, &error));
  g_assert_no_error (error);
  g_assert_false (found);

  /* g_dir_make_tmp() made the root 0700; journald's folders are 0755 and 2755. */
  g_assert_cmpint (g_chmod (root, 0755), ==, 0);
  g_assert_cmpint (g_mkdir (machine, 0755), ==, 0);
  g_assert_true (g_file_set_contents (system, "x", 1, NULL));
  g_assert_true (g_file_set_contents (user, "x", 1, NULL));

  /* World-readable: fine for everybody. */
  g_assert_cmpint (g_chmod (system, 0644), ==, 0);
  g_assert_cmpint (check_access_as_nobody (roots), ==, 0);

  /* Owner and group only (the systemd-journal group), as journald makes
   * them: an unprivileged user may not read it. Root may. */
  g_assert_cmpint (g_chmod (system, 0640), ==, 0);
  if (geteuid () == 0 || access (system, R_OK) != 0)
    g_assert_cmpint (check_access_as_nobody (roots), ==, 1);
  else
    {
      /* We own the file, so chmod cannot take our read access away. */
      g_assert_cmpint (g_chmod (system, 0200), ==, 0);
      g_assert_cmpint (check_access_as_nobody (roots), ==, 1);
    }
  if (geteuid () == 0)
    {
      g_assert_true (sc_journal_check_system_access (roots, &found, &error));
      g_assert_true (found);
    }

  g_unlink (system);
  g_unlink (user);
  g_rmdir (machine);
  g_rmdir (root);
}

static void
test_apparmor_note (void)
{
  ScJournalOptions options = { .type = SC_JOURNAL_SOURCE_SYSTEM };
  g_autoptr(ScJournalReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  gboolean noted = FALSE;
  GPtrArray *warnings;

  g_test_summary ("Reading the system journal says so when the kernel has no AppArmor, "
                  "instead of showing an empty list as a clean run");
  reader = sc_journal_reader_new (&options, &error);
  if (reader == NULL)
    {
      /* No readable journal at all is reported as an error, which is fine. */
      g_assert_error (error, SC_JOURNAL_ERROR, SC_JOURNAL_ERROR_PERMISSION);
      return;
    }
  warnings = sc_journal_reader_get_warnings (reader);
  for (guint i = 0; i < warnings->len; i++)
    noted |= strstr (g_ptr_array_index (warnings, i), "AppArmor is not enabled") != NULL;
  g_assert_cmpint (noted, ==, aa_is_enabled () == 0);
}

/* Runs journalctl --file JOURNAL -o FORMAT into OUT. FALSE (test skipped)
 * when journalctl is not there. */
static gboolean
save_journal (const char *journal,
              const char *format,
              const char *out)
{
  g_autofree char *journalctl = g_find_program_in_path ("journalctl");
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;

  if (journalctl == NULL)
    {
      g_test_skip ("journalctl is not installed");
      return FALSE;
    }
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_subprocess_launcher_set_stdout_file_path (launcher, out);
  proc = g_subprocess_launcher_spawn (launcher, &error, journalctl, "--file", journal,
                                      "-o", format, NULL);
  g_assert_no_error (error);
  g_subprocess_wait_check (proc, NULL, &error);
  g_assert_no_error (error);
  return TRUE;
}

static void
assert_same_records (Records *a,
                     Records *b)
{
  g_assert_cmpuint (a->denials->len, ==, b->denials->len);
  g_assert_cmpuint (a->lost, ==, b->lost);
  for (guint i = 0; i < a->denials->len; i++)
    {
      ScDenial *x = g_ptr_array_index (a->denials, i);
      ScDenial *y = g_ptr_array_index (b->denials, i);

      g_assert_cmpstr (x->object, ==, y->object);
      g_assert_cmpstr (x->operation, ==, y->operation);
      g_assert_cmpstr (x->snap, ==, y->snap);
      g_assert_cmpstr (x->app, ==, y->app);
      g_assert_cmpstr (x->host, ==, y->host);
      g_assert_cmpstr (x->transport, ==, y->transport);
      g_assert_cmpstr (x->audit_id, ==, y->audit_id);
      g_assert_cmpint (x->timestamp_usec, ==, y->timestamp_usec);
      g_assert_cmpint (x->mode, ==, y->mode);
    }
}

static void
test_saved_journal (gconstpointer data)
{
  const char *fixture = data;
  g_autofree char *dir = NULL;
  g_autofree char *journal = NULL;
  g_auto(Records) direct = { 0 };
  const char *formats[] = { "json", "export", "json-pretty" };

  g_test_summary ("Saved journalctl -o json, json-pretty and export output given as a log gives the same "
                  "records, hosts, times and audit ids as the journal file itself");
  if (!sc_test_have_journal_remote ())
    return;
  dir = g_dir_make_tmp ("sc-saved-XXXXXX", NULL);
  journal = make_fixture_journal (dir, fixture, "saved.journal");
  {
    const char *files[] = { journal, NULL };
    ScJournalOptions options = { .type = SC_JOURNAL_SOURCE_FILES, .files = (GStrv) files };

    records_init (&direct);
    read_all (&options, &direct);
    g_assert_cmpuint (direct.denials->len, >, 0);
  }

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *out = g_build_filename (dir, formats[i], NULL);
      ScJournalOptions options = { .type = SC_JOURNAL_SOURCE_LOG, .path = out };
      g_autoptr(ScJournalReader) reader = NULL;
      g_autoptr(GError) error = NULL;
      g_auto(Records) saved = { 0 };

      g_test_message ("format %s", formats[i]);
      if (!save_journal (journal, formats[i], out))
        return;
      records_init (&saved);
      reader = sc_journal_reader_new (&options, &error);
      g_assert_no_error (error);
      g_assert_true (sc_journal_reader_read (reader, record_cb, &saved, NULL, &error));
      g_assert_no_error (error);
      assert_same_records (&direct, &saved);
      g_assert_cmpuint (sc_journal_reader_get_warnings (reader)->len, ==, 0);
      g_unlink (out);
    }
  g_unlink (journal);
  g_rmdir (dir);
}

/* Hand-written saved entries: the forms journalctl uses for values. */
static const struct
{
  const char *name;
  const char *text;
  guint       n_denials;
  guint64     lost;
  const char *object;      /* of the first denial */
  const char *host;
  gint64      ts;
} saved_cases[] = {
  { "json-byte-array",
    "{\"__REALTIME_TIMESTAMP\":\"1718031201482900\",\"_TRANSPORT\":\"kernel\",\"_HOSTNAME\":\"h\\u00e9\","
    "\"MESSAGE\":[97,117,100,105,116,58,32,116,121,112,101,61,49,52,48,48,32,97,117,100,105,116,"
    "40,49,55,49,56,48,51,49,50,48,49,46,52,56,50,58,57,41,58,32,97,112,112,97,114,109,111,114,"
    "61,34,68,69,78,73,69,68,34,32,111,112,101,114,97,116,105,111,110,61,34,111,112,101,110,34,"
    "32,112,114,111,102,105,108,101,61,34,115,110,97,112,46,100,46,100,34,32,110,97,109,101,61,"
    "34,47,120,255,34]}\n", 1, 0, "/x\xef\xbf\xbd", "h\xc3\xa9", G_GINT64_CONSTANT (1718031201482000) },
  { "json-escapes-and-lists",
    "{\"MESSAGE\":[\"audit: type=1400 audit(1718031201.482:9): apparmor=\\\"DENIED\\\" "
    "operation=\\\"open\\\" profile=\\\"snap.d.d\\\" name=\\\"/a\\u00e9\\/\\ud83d\\ude00\\\"\","
    "\"second\"],\"_TRANSPORT\":\"kernel\",\"X\":{\"y\":[1,{\"z\":\"}\"}]},\"N\":null}\n"
    "not json at all\n", 1, 0, "/a\xc3\xa9/\xf0\x9f\x98\x80", NULL, G_GINT64_CONSTANT (1718031201482000) },
  { "json-ratelimit",
    "{\"MESSAGE\":\"kauditd_printk_skb: 7 callbacks suppressed\",\"_TRANSPORT\":\"kernel\"}\n",
    0, 7, NULL, NULL, 0 },
  { "json-truncated",
    "{\"MESSAGE\":\"audit: type=1400 apparmor=\\\"DENIED\\\" operation=\\\"open\\\" profile=\\\"snap.d.d\\\" "
    "name=\\\"/x\\\"\",\"_TRANS", 0, 0, NULL, NULL, 0 },
  /* Only the kernel, audit and dbus-daemon entries: anyone can print a
   * line that looks like a denial. */
  { "json-other-transports",
    "{\"_TRANSPORT\":\"stdout\",\"SYSLOG_IDENTIFIER\":\"foo\",\"MESSAGE\":\"apparmor=\\\"DENIED\\\" "
    "operation=\\\"open\\\" profile=\\\"snap.d.d\\\" name=\\\"/fake\\\"\"}\n"
    "{\"_TRANSPORT\":\"syslog\",\"SYSLOG_IDENTIFIER\":\"dbus-daemon\",\"MESSAGE\":\"apparmor=\\\"DENIED\\\" "
    "operation=\\\"dbus_bind\\\" bus=\\\"session\\\" name=\\\"org.d\\\" mask=\\\"bind\\\" "
    "label=\\\"snap.d.d\\\"\"}\n", 1, 0, "session org.d", NULL, 0 },
  { "json-pretty-broken",
    "{\n\t\"_TRANSPORT\" : \"kernel\",\n\t\"MESSAGE\" : \"audit: type=1400 audit(1718031201.482:9): "
    "apparmor=\\\"DENIED\\\" operation=\\\"open\\\" profile=\\\"snap.d.d\\\" name=\\\"/x\\\"\"\n"
    "{\n\t\"MESSAGE\" : \"audit: type=1400 audit(1718031201.482:10): apparmor=\\\"DENIED\\\" "
    "operation=\\\"open\\\" profile=\\\"snap.d.d\\\" name=\\\"/y\\\"\"\n}\n", 0, 0, NULL, NULL, 0 },
  { "export-no-final-blank",
    "__REALTIME_TIMESTAMP=1718031201482900\n_TRANSPORT=kernel\n_HOSTNAME=h\n"
    "MESSAGE=audit: type=1400 audit(1718031201.482:9): apparmor=\"DENIED\" operation=\"open\" "
    "profile=\"snap.d.d\" name=\"/x\"\n", 1, 0, "/x", "h", G_GINT64_CONSTANT (1718031201482000) },
};

static void
test_saved_cases (void)
{
  g_autofree char *dir = g_dir_make_tmp ("sc-saved-XXXXXX", NULL);

  g_test_summary ("journalctl -o json values given as byte arrays, lists and escapes, and "
                  "-o export binary fields, are decoded; broken lines are skipped");

  for (guint i = 0; i < G_N_ELEMENTS (saved_cases) + 1; i++)
    {
      g_autofree char *path = g_build_filename (dir, "saved", NULL);
      ScJournalOptions options = { .type = SC_JOURNAL_SOURCE_LOG, .path = path };
      g_autoptr(ScJournalReader) reader = NULL;
      g_autoptr(GError) error = NULL;
      g_auto(Records) r = { 0 };
      ScDenial *d;

      if (i < G_N_ELEMENTS (saved_cases))
        {
          g_test_message ("case %s", saved_cases[i].name);
          g_assert_true (g_file_set_contents (path, saved_cases[i].text, -1, NULL));
        }
      else
        {
          /* Export with a binary MESSAGE: "MESSAGE\n" + length + bytes + "\n". */
          static const char msg[] = "audit: type=1400 audit(1718031201.482:9): apparmor=\"DENIED\" "
                                    "operation=\"open\" profile=\"snap.d.d\" name=\"/b\"\nsecond line";
          g_autoptr(GString) text = g_string_new ("_TRANSPORT=kernel\nMESSAGE\n");
          guint64 n = sizeof msg - 1;

          for (int b = 0; b < 8; b++)
            g_string_append_c (text, (char) ((n >> (8 * b)) & 0xff));
          g_string_append_len (text, msg, (gssize) n);
          g_string_append (text, "\n_HOSTNAME=bin\n\n");
          g_test_message ("case export-binary");
          g_assert_true (g_file_set_contents (path, text->str, (gssize) text->len, NULL));
        }

      records_init (&r);
      reader = sc_journal_reader_new (&options, &error);
      g_assert_no_error (error);
      g_assert_true (sc_journal_reader_read (reader, record_cb, &r, NULL, &error));
      g_assert_no_error (error);

      if (i == G_N_ELEMENTS (saved_cases))
        {
          g_assert_cmpuint (r.denials->len, ==, 1);
          d = g_ptr_array_index (r.denials, 0);
          g_assert_cmpstr (d->object, ==, "/b");
          g_assert_cmpstr (d->host, ==, "bin");
          g_assert_cmpstr (d->transport, ==, "kernel");
          continue;
        }
      g_assert_cmpuint (r.denials->len, ==, saved_cases[i].n_denials);
      g_assert_cmpuint (r.lost, ==, saved_cases[i].lost);
      if (saved_cases[i].n_denials == 0)
        continue;
      d = g_ptr_array_index (r.denials, 0);
      g_assert_cmpstr (d->object, ==, saved_cases[i].object);
      g_assert_cmpstr (d->host, ==, saved_cases[i].host);
      g_assert_cmpint (d->timestamp_usec, ==, saved_cases[i].ts);
    }
  {
    g_autofree char *path = g_build_filename (dir, "saved", NULL);
    g_unlink (path);
  }
  g_rmdir (dir);
}

/* Logs with no record in any known format get a warning naming the file;
 * an empty log, or one with only another snap's records, does not. */
static void
test_unknown_format_warning (void)
{
  static const struct
  {
    const char *text;
    gboolean    warn;
  } cases[] = {
    { "", FALSE },
    { "\n\n  \n", FALSE },
    { "Jun 10 12:00:01 host systemd[1]: Started foo.\nhello world\n", TRUE },
    { "{\"MESSAGE\":\"Started foo.\"}\n", TRUE },
    { "MESSAGE=Started foo.\n\n", TRUE },
    { "Jun 10 12:00:01 host kernel: audit: type=1400 audit(1718031201.482:9): apparmor=\"DENIED\" "
      "operation=\"open\" profile=\"snap.other.other\" name=\"/x\"\n", FALSE },
  };
  g_autofree char *dir = g_dir_make_tmp ("sc-warn-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "some.log", NULL);

  g_test_summary ("A log with text but no confinement record in a known format gives a warning "
                  "naming the file, never a silent empty result");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      ScJournalOptions options = { .type = SC_JOURNAL_SOURCE_LOG, .path = path, .snap = (char *) "demo" };
      g_autoptr(ScJournalReader) reader = NULL;
      g_autoptr(GError) error = NULL;
      g_auto(Records) r = { 0 };
      GPtrArray *warnings;
      gboolean found = FALSE;

      g_assert_true (g_file_set_contents (path, cases[i].text, -1, NULL));
      records_init (&r);
      reader = sc_journal_reader_new (&options, &error);
      g_assert_no_error (error);
      g_assert_true (sc_journal_reader_read (reader, record_cb, &r, NULL, &error));
      g_assert_cmpuint (r.denials->len, ==, 0);
      warnings = sc_journal_reader_get_warnings (reader);
      for (guint w = 0; w < warnings->len; w++)
        if (strstr (g_ptr_array_index (warnings, w), "no confinement record in a known format") &&
            strstr (g_ptr_array_index (warnings, w), path))
          found = TRUE;
      g_assert_cmpint (found, ==, cases[i].warn);
    }
  g_unlink (path);
  g_rmdir (dir);
}

/* audit_lost=N is the kernel's total since boot: only its growth counts,
 * per host; "callbacks suppressed" counts are added. */
static void
test_lost_totals (void)
{
  static const struct
  {
    const char *text;
    guint64     lost;
  } cases[] = {
    { "Jun 10 12:00:01 h kernel: audit: audit_lost=5 audit_rate_limit=0 audit_backlog_limit=64\n"
      "Jun 10 12:00:02 h kernel: kauditd_printk_skb: 3 callbacks suppressed\n"
      "Jun 10 12:00:03 h kernel: audit: audit_lost=9 audit_rate_limit=0 audit_backlog_limit=64\n"
      "Jun 10 12:00:04 h kernel: audit: audit_lost=9 audit_rate_limit=0 audit_backlog_limit=64\n"
      "Jun 10 12:00:05 h kernel: kauditd_printk_skb: 1 callbacks suppressed\n", 9 + 3 + 1 },
    /* A smaller total: the machine rebooted and counts from zero. */
    { "Jun 10 12:00:01 h kernel: audit: audit_lost=5 audit_rate_limit=0 audit_backlog_limit=64\n"
      "Jun 11 08:00:00 h kernel: audit: audit_lost=2 audit_rate_limit=0 audit_backlog_limit=64\n", 5 + 2 },
    /* Saved journal of two machines: each has its own total. */
    { "__REALTIME_TIMESTAMP=1718031201000000\n"
      "_HOSTNAME=a\n_TRANSPORT=kernel\nMESSAGE=audit: audit_lost=5 audit_rate_limit=0\n\n"
      "_HOSTNAME=b\n_TRANSPORT=kernel\nMESSAGE=audit: audit_lost=7 audit_rate_limit=0\n\n"
      "_HOSTNAME=a\n_TRANSPORT=kernel\nMESSAGE=audit: audit_lost=6 audit_rate_limit=0\n\n"
      "_HOSTNAME=b\n_TRANSPORT=kernel\nMESSAGE=audit: backlog limit exceeded\n\n", 6 + 7 + 1 },
  };
  g_autofree char *dir = g_dir_make_tmp ("sc-lost-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "lost.log", NULL);

  g_test_summary ("The running audit_lost=N totals count once (their largest value per host and "
                  "boot); callbacks-suppressed counts are summed");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      ScJournalOptions options = { .type = SC_JOURNAL_SOURCE_LOG, .path = path };
      g_auto(Records) r = { 0 };

      g_assert_true (g_file_set_contents (path, cases[i].text, -1, NULL));
      records_init (&r);
      read_all (&options, &r);
      g_assert_cmpuint (r.lost, ==, cases[i].lost);
    }
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_copytruncate (void)
{
  g_autofree char *dir = g_dir_make_tmp ("sc-journal-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "kern.log", NULL);
  g_autoptr(ScJournalReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Records) r = { 0 };
  ScJournalOptions options = { .type = SC_JOURNAL_SOURCE_LOG, .path = path };
  const char *line =
    "Jun 10 14:53:21 alpha kernel: audit: type=1400 audit(1718031201.482:%d): "
    "apparmor=\"DENIED\" operation=\"open\" class=\"file\" profile=\"snap.foo.foo\" "
    "name=\"/etc/copy-%d\" pid=1 comm=\"foo\" requested_mask=\"r\" denied_mask=\"r\" "
    "fsuid=0 ouid=0\n";
  g_autofree char *first = g_strdup_printf (line, 1, 1);
  g_autofree char *after = NULL;

  g_test_summary ("Following a log that logrotate's copytruncate empties in place: what is "
                  "written right after the truncation, before the reader looks again, is read "
                  "although the file is no smaller than before (issue 15, item 12).");
  g_assert_true (g_file_set_contents (path, first, -1, NULL));
  records_init (&r);
  reader = sc_journal_reader_new (&options, &error);
  g_assert_no_error (error);
  sc_journal_reader_set_follow (reader, TRUE);
  g_assert_true (sc_journal_reader_read (reader, record_cb, &r, NULL, &error));
  g_assert_cmpuint (r.denials->len, ==, 1);

  /* Truncate and write two records (more bytes than before) at once:
   * the same inode, a larger size. */
  {
    g_autofree char *second = g_strdup_printf (line, 2, 2);
    g_autofree char *third = g_strdup_printf (line, 3, 3);

    after = g_strconcat (second, third, NULL);
  }
  {
    int fd = g_open (path, O_WRONLY | O_TRUNC, 0);

    g_assert_cmpint (fd, >=, 0);
    g_assert_cmpint (write (fd, after, strlen (after)), ==, (gssize) strlen (after));
    close (fd);
  }
  g_assert_true (sc_journal_reader_read (reader, record_cb, &r, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (r.denials->len, ==, 3);
  g_assert_cmpstr (((ScDenial *) g_ptr_array_index (r.denials, 1))->object, ==, "/etc/copy-2");
  g_assert_cmpstr (((ScDenial *) g_ptr_array_index (r.denials, 2))->object, ==, "/etc/copy-3");
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_last_line (void)
{
  g_autofree char *dir = g_dir_make_tmp ("sc-journal-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "pasted.log", NULL);
  const char *text =
    "type=AVC msg=audit(1718031201.482:7): apparmor=\"DENIED\" operation=\"open\" "
    "class=\"file\" profile=\"snap.foo.foo\" name=\"/etc/pasted\" pid=1 comm=\"foo\" "
    "requested_mask=\"r\" denied_mask=\"r\" fsuid=0 ouid=0";

  g_test_summary ("The last record of a log without a final newline is read when the log is "
                  "not followed, and waits for its end when it is (issue 15, item 11).");
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  for (guint follow = 0; follow < 2; follow++)
    {
      ScJournalOptions options = { .type = SC_JOURNAL_SOURCE_LOG, .path = path };
      g_autoptr(ScJournalReader) reader = NULL;
      g_autoptr(GError) error = NULL;
      g_auto(Records) r = { 0 };

      records_init (&r);
      reader = sc_journal_reader_new (&options, &error);
      g_assert_no_error (error);
      sc_journal_reader_set_follow (reader, follow);
      g_assert_true (sc_journal_reader_read (reader, record_cb, &r, NULL, &error));
      g_assert_cmpuint (r.denials->len, ==, follow ? 0 : 1);
    }
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_lost_since (void)
{
  g_autofree char *dir = g_dir_make_tmp ("sc-lost-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "lost.log", NULL);
  static const char * const texts[] = {
    /* journalctl -o export: the notice has its own time. */
    "__REALTIME_TIMESTAMP=1718031201000000\n_HOSTNAME=a\n_TRANSPORT=kernel\n"
    "MESSAGE=kauditd_printk_skb: 7 callbacks suppressed\n\n"
    "__REALTIME_TIMESTAMP=1718031301000000\n_HOSTNAME=a\n_TRANSPORT=kernel\n"
    "MESSAGE=audit: type=1400 audit(1718031301.000:9): apparmor=\"DENIED\" operation=\"open\" "
    "class=\"file\" profile=\"snap.foo.foo\" name=\"/etc/late\" pid=1 comm=\"foo\" "
    "requested_mask=\"r\" denied_mask=\"r\" fsuid=0 ouid=0\n\n",
    /* A text log: the notice follows the records it is about. */
    "2024-06-10T14:53:21.000000+00:00 a kernel: audit: type=1400 audit(1718031201.000:8): "
    "apparmor=\"DENIED\" operation=\"open\" class=\"file\" profile=\"snap.foo.foo\" "
    "name=\"/etc/early\" pid=1 comm=\"foo\" requested_mask=\"r\" denied_mask=\"r\" fsuid=0 ouid=0\n"
    "2024-06-10T14:53:22.000000+00:00 a kernel: kauditd_printk_skb: 7 callbacks suppressed\n"
    "2024-06-10T14:55:01.000000+00:00 a kernel: audit: type=1400 audit(1718031301.000:9): "
    "apparmor=\"DENIED\" operation=\"open\" class=\"file\" profile=\"snap.foo.foo\" "
    "name=\"/etc/late\" pid=1 comm=\"foo\" requested_mask=\"r\" denied_mask=\"r\" fsuid=0 ouid=0\n",
  };

  g_test_summary ("Records lost to rate limiting before --since are not counted (issue 15, "
                  "item 13); without --since they are.");
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    for (guint with_since = 0; with_since < 2; with_since++)
      {
        ScJournalOptions options = { .type = SC_JOURNAL_SOURCE_LOG, .path = path };
        g_auto(Records) r = { 0 };

        options.since_usec = with_since ? G_GINT64_CONSTANT (1718031300000000) : 0;
        g_assert_true (g_file_set_contents (path, texts[i], -1, NULL));
        records_init (&r);
        read_all (&options, &r);
        g_assert_cmpuint (r.lost, ==, with_since ? 0 : 7);
        g_assert_cmpuint (r.denials->len, >=, 1);
      }
  g_unlink (path);
  g_rmdir (dir);
}

/* Writes a journal of N_ENTRIES entries into DIR/NAME: every 100th a
 * kernel-transport AppArmor record, the rest kernel messages from three
 * templates (REPEATED) or syslog lines that are all different. */
static char *
make_generated_journal (const char *dir,
                        const char *name,
                        guint       n_entries,
                        gboolean    repeated)
{
  g_autofree char *export_path = g_strdup_printf ("%s/%s.export", dir, name);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  char *out = g_build_filename (dir, name, NULL);

  for (guint n = 0; n < n_entries; n++)
    {
      g_string_append_printf (text, "__REALTIME_TIMESTAMP=%" G_GINT64_FORMAT "\n"
                              "__MONOTONIC_TIMESTAMP=%u\n_BOOT_ID=4f3c2a1b0e9d8c7b6a5f4e3d2c1b0a99\n"
                              "_HOSTNAME=alpha\n", T0_USEC + n * 1000, 1000 + n * 1000);
      if (n % 100 == 50)
        g_string_append_printf (text, "_TRANSPORT=kernel\nSYSLOG_IDENTIFIER=kernel\n"
                                "MESSAGE=audit: type=1400 audit(1718031201.%03u:%u): "
                                "apparmor=\"DENIED\" operation=\"open\" class=\"file\" "
                                "profile=\"snap.foo.foo\" name=\"/etc/gen-%u\" pid=%u comm=\"foo\" "
                                "requested_mask=\"r\" denied_mask=\"r\" fsuid=0 ouid=0\n\n",
                                n % 1000, n, n, 100 + n);
      else if (repeated)
        g_string_append_printf (text, "_TRANSPORT=kernel\nSYSLOG_IDENTIFIER=kernel\n"
                                "MESSAGE=usb 1-%u: new high-speed USB device using xhci_hcd\n\n",
                                n % 3);
      else
        g_string_append_printf (text, "_TRANSPORT=%s\nSYSLOG_IDENTIFIER=sshd\n"
                                "MESSAGE=Accepted publickey for alice port %u ssh2\n\n",
                                n % 10 == 0 ? "kernel" : "syslog", n);
    }
  g_file_set_contents (export_path, text->str, (gssize) text->len, &error);
  g_assert_no_error (error);
  sc_test_make_journal_from_file (export_path, out);
  g_unlink (export_path);
  return out;
}

static void
test_strategies (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *repeated = NULL;
  g_autofree char *distinct = NULL;

  g_test_summary ("A file whose messages repeat is read by its distinct messages, one whose "
                  "messages differ by walking its matching entries: both find every record, "
                  "once, in time order, with its fields.");
  if (!sc_test_have_journal_remote ())
    return;

  dir = g_dir_make_tmp ("sc-journal-XXXXXX", NULL);
  repeated = make_generated_journal (dir, "repeated.journal", 6000, TRUE);
  distinct = make_generated_journal (dir, "distinct.journal", 6000, FALSE);
  for (guint i = 0; i < 2; i++)
    {
      const char *files[] = { i == 0 ? repeated : distinct, NULL };
      ScJournalOptions options = { .type = SC_JOURNAL_SOURCE_FILES, .files = (GStrv) files };
      g_auto(Records) r = { 0 };

      records_init (&r);
      read_all (&options, &r);
      g_assert_cmpuint (r.denials->len, ==, 60);
      for (guint k = 0; k < r.denials->len; k++)
        {
          ScDenial *d = g_ptr_array_index (r.denials, k);
          g_autofree char *object = g_strdup_printf ("/etc/gen-%u", k * 100 + 50);

          g_assert_cmpstr (d->object, ==, object);
          g_assert_cmpstr (d->host, ==, "alpha");
          g_assert_cmpstr (d->transport, ==, "kernel");
        }
    }
  g_unlink (repeated);
  g_unlink (distinct);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/journal-reader/kernel-transport", test_kernel_transport);
  g_test_add_func ("/journal-reader/audit-transport", test_audit_transport);
  g_test_add_func ("/journal-reader/user-dbus", test_user_dbus);
  g_test_add_func ("/journal-reader/directory-hosts", test_directory_hosts);
  g_test_add_func ("/journal-reader/filters", test_filters);
  g_test_add_func ("/journal-reader/once", test_once);
  g_test_add_func ("/journal-reader/strategies", test_strategies);
  g_test_add_func ("/journal-reader/copytruncate", test_copytruncate);
  g_test_add_func ("/journal-reader/last-line", test_last_line);
  g_test_add_func ("/journal-reader/lost-since", test_lost_since);
  for (guint i = 0; i < G_N_ELEMENTS (log_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/journal-reader/log/%s", log_cases[i].file);
      g_test_add_data_func (name, &log_cases[i], test_text_log);
    }
  g_test_add_func ("/journal-reader/log-snap-filter", test_log_snap_filter);
  g_test_add_data_func ("/journal-reader/saved/kernel", "kernel.export", test_saved_journal);
  g_test_add_data_func ("/journal-reader/saved/audit", "audit.export", test_saved_journal);
  g_test_add_data_func ("/journal-reader/saved/user-dbus", "user-dbus.export", test_saved_journal);
  g_test_add_func ("/journal-reader/saved/cases", test_saved_cases);
  g_test_add_func ("/journal-reader/unknown-format-warning", test_unknown_format_warning);
  g_test_add_func ("/journal-reader/lost-totals", test_lost_totals);
  g_test_add_func ("/journal-reader/log-errors", test_log_errors);
  g_test_add_func ("/journal-reader/log-cancel", test_log_cancel);
  g_test_add_func ("/journal-reader/follow-directory", test_follow_directory);
  g_test_add_func ("/journal-reader/follow-log", test_follow_log);
  g_test_add_func ("/journal-reader/anchor", test_anchor);
  g_test_add_func ("/journal-reader/files-not-followable", test_files_not_followable);
  g_test_add_func ("/journal-reader/permission-check", test_permission_check);
  g_test_add_func ("/journal-reader/apparmor-note", test_apparmor_note);

  return g_test_run ();
}
