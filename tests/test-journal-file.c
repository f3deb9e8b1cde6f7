/* test-journal-file.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The journal file reader (src/core/sc-journal-file.c) against sd-journal:
 * every journal made from tests/data/journal/ and journals generated here
 * with systemd-journal-remote (zstd-compressed long messages, several
 * files, several boots) are read once by the file reader and once by
 * sd-journal (SC_JOURNAL_FILE_READER=direct / sd), with --since, --boot and
 * --snap, and the records are compared field by field. Corrupted copies
 * (truncated, flipped bytes) give what sd-journal gives.
 */
#include "config.h"

#include <fcntl.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>
#include <systemd/sd-id128.h>
#include <unistd.h>

#include "sc-journal-file.h"
#include "sc-journal-reader.h"
#include "sc-test-journal.h"

#define T0_USEC G_GUINT64_CONSTANT (1718031201000000)

/* One record handed to the callback: a denial, or lost records. */
typedef struct
{
  ScDenial *denial;
  guint64   lost;
} Rec;

typedef struct
{
  GArray    *recs;       /* of Rec */
  GPtrArray *warnings;   /* of char* */
  char      *error;      /* the reader's error, nullable */
} Result;

static void
result_free (Result *r)
{
  for (guint i = 0; i < r->recs->len; i++)
    g_clear_pointer (&g_array_index (r->recs, Rec, i).denial, sc_denial_unref);
  g_array_unref (r->recs);
  g_ptr_array_unref (r->warnings);
  g_free (r->error);
  g_free (r);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Result, result_free)

static void
record_cb (ScDenial *denial,
           guint64   lost,
           gpointer  user_data)
{
  Result *r = user_data;
  Rec rec = { denial != NULL ? sc_denial_ref (denial) : NULL, lost };

  g_array_append_val (r->recs, rec);
}

static char *
boot_string (void)
{
  sd_id128_t boot;
  char id[SD_ID128_STRING_MAX];

  g_assert_cmpint (sd_id128_get_boot (&boot), >=, 0);
  return g_strdup (sd_id128_to_string (boot, id));
}

/* Appends entry N of a generated journal: ordinary traffic, records of
 * two snaps by the kernel, audit and dbus-daemon transports, long messages
 * (stored zstd-compressed), rate-limit notices. */
static void
append_entry (GString    *out,
              guint       n,
              guint64     realtime,
              guint64     monotonic,
              const char *boot)
{
  const char *snap = n % 3 == 0 ? "bar" : "foo";
  g_autofree char *padding = g_strnfill (600 + n % 900, 'x');

  g_string_append_printf (out, "__REALTIME_TIMESTAMP=%" G_GUINT64_FORMAT "\n"
                               "__MONOTONIC_TIMESTAMP=%" G_GUINT64_FORMAT "\n"
                               "_BOOT_ID=%s\n_MACHINE_ID=a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1\n"
                               "_HOSTNAME=%s\n",
                          realtime, monotonic, boot, n % 7 == 0 ? "beta" : "alpha");
  switch (n % 12)
    {
    case 0:
      g_string_append_printf (out, "_TRANSPORT=kernel\nSYSLOG_IDENTIFIER=kernel\nPRIORITY=5\n"
                              "MESSAGE=audit: type=1400 audit(%" G_GUINT64_FORMAT ".%03u:%u): "
                              "apparmor=\"DENIED\" operation=\"open\" class=\"file\" "
                              "profile=\"snap.%s.%s\" name=\"/etc/%s-%u.conf\" pid=%u comm=\"%s\" "
                              "requested_mask=\"r\" denied_mask=\"r\" fsuid=1000 ouid=0\n",
                              realtime / 1000000, (guint) (realtime / 1000 % 1000), 1000 + n,
                              snap, snap, snap, n % 40, 4000 + n, snap);
      break;
    case 1:
      /* A record long enough to be stored compressed. */
      g_string_append_printf (out, "_TRANSPORT=kernel\nSYSLOG_IDENTIFIER=kernel\nPRIORITY=5\n"
                              "MESSAGE=audit: type=1400 audit(%" G_GUINT64_FORMAT ".%03u:%u): "
                              "apparmor=\"DENIED\" operation=\"open\" class=\"file\" "
                              "profile=\"snap.%s.%s\" name=\"/home/alice/%s/%u\" pid=%u comm=\"%s\" "
                              "requested_mask=\"r\" denied_mask=\"r\" fsuid=1000 ouid=0\n",
                              realtime / 1000000, (guint) (realtime / 1000 % 1000), 1000 + n,
                              snap, snap, padding, n, 4000 + n, snap);
      break;
    case 2:
      g_string_append_printf (out, "_TRANSPORT=audit\nSYSLOG_IDENTIFIER=audit\n_AUDIT_TYPE=1400\n"
                              "_AUDIT_TYPE_NAME=AVC\n_AUDIT_ID=%u\n"
                              "_SOURCE_REALTIME_TIMESTAMP=%" G_GUINT64_FORMAT "\n"
                              "MESSAGE=AVC apparmor=\"DENIED\" operation=\"open\" class=\"file\" "
                              "profile=\"snap.%s.%s\" name=\"/etc/%s-audit-%u\" pid=%u comm=\"%s\" "
                              "requested_mask=\"r\" denied_mask=\"r\" fsuid=1000 ouid=0\n",
                              2000 + n, realtime - 500, snap, snap, snap, n % 30, 5000 + n, snap);
      break;
    case 3:
      g_string_append_printf (out, "_TRANSPORT=kernel\nSYSLOG_IDENTIFIER=kernel\nPRIORITY=5\n"
                              "MESSAGE=audit: type=1326 audit(%" G_GUINT64_FORMAT ".%03u:%u): "
                              "auid=1000 uid=1000 gid=1000 ses=2 subj=snap.%s.%s pid=%u comm=\"%s\" "
                              "exe=\"/snap/%s/12/bin/%s\" sig=0 arch=c000003e syscall=%u compat=0 "
                              "ip=0x7f3a2b1c0d9e code=0x50000\n",
                              realtime / 1000000, (guint) (realtime / 1000 % 1000), 1000 + n,
                              snap, snap, 6000 + n, snap, snap, snap, 165 + n % 5);
      break;
    case 4:
      g_string_append_printf (out, "_TRANSPORT=kernel\nSYSLOG_IDENTIFIER=kernel\nPRIORITY=6\n"
                              "MESSAGE=usb 1-%u: a long kernel line %s\n", n, padding);
      break;
    case 5:
      g_string_append_printf (out, "_TRANSPORT=syslog\nSYSLOG_IDENTIFIER=dbus-daemon\n_UID=1000\n"
                              "MESSAGE=apparmor=\"DENIED\" operation=\"dbus_method_call\"  "
                              "bus=\"session\" path=\"/org/freedesktop/Notifications\" "
                              "interface=\"org.freedesktop.Notifications\" member=\"Notify%u\" "
                              "mask=\"send\" name=\"org.freedesktop.Notifications\" pid=%u "
                              "label=\"snap.%s.%s\" peer_pid=2100 peer_label=\"unconfined\"\n",
                              n % 20, 10000 + n, snap, snap);
      break;
    case 6:
      g_string_append_printf (out, "_TRANSPORT=kernel\nSYSLOG_IDENTIFIER=kernel\nPRIORITY=4\n"
                              "MESSAGE=audit: audit_lost=%u audit_rate_limit=0 "
                              "audit_backlog_limit=64\n", n);
      break;
    case 7:
      /* Not of a matched transport: never a record. */
      g_string_append_printf (out, "_TRANSPORT=syslog\nSYSLOG_IDENTIFIER=sudo\n"
                              "MESSAGE=apparmor=\"DENIED\" operation=\"open\" profile=\"snap.%s.%s\" "
                              "name=\"/etc/shadow\" pid=%u comm=\"x\" requested_mask=\"r\" "
                              "denied_mask=\"r\" fsuid=0 ouid=0\n", snap, snap, n);
      break;
    case 8:
      g_string_append_printf (out, "_TRANSPORT=audit\nSYSLOG_IDENTIFIER=audit\n_AUDIT_TYPE=1131\n"
                              "MESSAGE=SERVICE_STOP pid=1 uid=0 apparmor=\"x\" msg='unit=%u'\n", n);
      break;
    default:
      g_string_append_printf (out, "_TRANSPORT=stdout\nSYSLOG_IDENTIFIER=app\n_PID=%u\n"
                              "MESSAGE=ordinary message number %u at %" G_GUINT64_FORMAT "\n",
                              n, n, realtime);
      break;
    }
  g_string_append_c (out, '\n');
}

/* A folder of journal files made from the fixtures and generated here:
 * N_FILES generated files of PER_FILE entries, over two boots (the second
 * is this machine's, for --boot). */
static char *
make_journal_folder (guint n_files,
                     guint per_file)
{
  static const char * const fixtures[] = {
    "kernel.export", "audit.export", "user-dbus.export", "remote-alpha.export", "remote-beta.export",
  };
  g_autofree char *boot = boot_string ();
  char *dir = g_dir_make_tmp ("sc-journal-file-XXXXXX", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (fixtures); i++)
    {
      g_autofree char *name = g_strdup_printf ("fixture-%u.journal", i);
      g_autofree char *out = g_build_filename (dir, name, NULL);
      g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "data", "journal", fixtures[i], NULL);

      sc_test_make_journal_from_file (fixture, out);
    }
  for (guint f = 0; f < n_files; f++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      g_autofree char *name = g_strdup_printf ("system@gen-%u.journal", f);
      g_autofree char *out = g_build_filename (dir, name, NULL);

      for (guint k = 0; k < per_file; k++)
        {
          guint n = f * per_file + k;
          gboolean second = n >= n_files * per_file / 2;

          append_entry (text, n, T0_USEC + 3600000000 + (guint64) n * 1000000,
                        (second ? 1000000 : 5000000000) + (guint64) n * 1000,
                        second ? boot : "4f3c2d1e0a9b8c7d6e5f4a3b2c1d0e9f");
        }
      sc_test_make_journal (text->str, text->len, out);
    }
  return dir;
}

/* Reads with the file reader in MODE (SC_JOURNAL_FILE_READER); an error
 * fails the test unless MAY_FAIL, which keeps it in the result. */
static Result *
read_with (const ScJournalOptions *options,
           const char             *mode,
           gboolean                may_fail)
{
  g_autoptr(ScJournalReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  Result *r = g_new0 (Result, 1);
  GPtrArray *warnings;

  r->recs = g_array_new (FALSE, FALSE, sizeof (Rec));
  r->warnings = g_ptr_array_new_with_free_func (g_free);
  g_setenv ("SC_JOURNAL_FILE_READER", mode, TRUE);
  reader = sc_journal_reader_new (options, &error);
  if (reader != NULL)
    sc_journal_reader_read (reader, record_cb, r, NULL, &error);
  g_unsetenv ("SC_JOURNAL_FILE_READER");
  if (!may_fail)
    g_assert_no_error (error);
  if (error != NULL)
    r->error = g_strdup (error->message);
  if (reader == NULL)
    return r;
  warnings = sc_journal_reader_get_warnings (reader);
  for (guint i = 0; warnings != NULL && i < warnings->len; i++)
    g_ptr_array_add (r->warnings, g_strdup (g_ptr_array_index (warnings, i)));
  return r;
}

static void
assert_same_denial (const ScDenial *a,
                    const ScDenial *b)
{
  GHashTableIter iter;
  gpointer key, value;

  g_assert_cmpint (a->kind, ==, b->kind);
  g_assert_cmpint (a->mode, ==, b->mode);
  g_assert_cmpstr (a->snap, ==, b->snap);
  g_assert_cmpstr (a->instance, ==, b->instance);
  g_assert_cmpstr (a->app, ==, b->app);
  g_assert_cmpstr (a->hook, ==, b->hook);
  g_assert_cmpstr (a->profile, ==, b->profile);
  g_assert_cmpstr (a->operation, ==, b->operation);
  g_assert_cmpstr (a->object, ==, b->object);
  g_assert_cmpstr (a->permissions, ==, b->permissions);
  g_assert_cmpint (a->timestamp_usec, ==, b->timestamp_usec);
  g_assert_cmpstr (a->host, ==, b->host);
  g_assert_cmpstr (a->audit_id, ==, b->audit_id);
  g_assert_cmpstr (a->transport, ==, b->transport);
  g_assert_cmpint (a->noise, ==, b->noise);
  g_assert_cmpstr (a->noise_reason, ==, b->noise_reason);
  g_assert_cmpstr (a->raw, ==, b->raw);
  g_assert_cmpuint (a->details != NULL ? g_hash_table_size (a->details) : 0, ==,
                    b->details != NULL ? g_hash_table_size (b->details) : 0);
  if (a->details == NULL)
    return;
  g_hash_table_iter_init (&iter, a->details);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_assert_cmpstr (value, ==, g_hash_table_lookup (b->details, key));
}

static void
assert_same_result (const Result *a,
                    const Result *b)
{
  g_assert_cmpuint (a->recs->len, ==, b->recs->len);
  for (guint i = 0; i < a->recs->len; i++)
    {
      const Rec *ra = &g_array_index (a->recs, Rec, i), *rb = &g_array_index (b->recs, Rec, i);

      g_assert_cmpuint (ra->lost, ==, rb->lost);
      g_assert_true ((ra->denial == NULL) == (rb->denial == NULL));
      if (ra->denial != NULL)
        assert_same_denial (ra->denial, rb->denial);
    }
  g_assert_cmpstr (a->error, ==, b->error);
  g_assert_cmpuint (a->warnings->len, ==, b->warnings->len);
  for (guint i = 0; i < a->warnings->len; i++)
    g_assert_cmpstr (g_ptr_array_index (a->warnings, i), ==, g_ptr_array_index (b->warnings, i));
}

static guint
count_denials (const Result *r,
               const char   *transport)
{
  guint n = 0;

  for (guint i = 0; i < r->recs->len; i++)
    {
      ScDenial *d = g_array_index (r->recs, Rec, i).denial;

      if (d != NULL && (transport == NULL || g_strcmp0 (d->transport, transport) == 0))
        n++;
    }
  return n;
}

static void
remove_folder (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
}

static void
test_same_as_sd_journal (void)
{
  g_autofree char *dir = NULL;
  struct { const char *snap; guint64 since; gboolean boot; } cases[] = {
    { NULL, 0, FALSE },
    { "foo", 0, FALSE },
    { "bar", 0, FALSE },
    { NULL, T0_USEC + 3600000000 + 1234 * G_GUINT64_CONSTANT (1000000), FALSE },
    { "foo", T0_USEC + 3600000000 + 2500 * G_GUINT64_CONSTANT (1000000), FALSE },
    { NULL, 0, TRUE },
    { "bar", T0_USEC + 3600000000 + 2600 * G_GUINT64_CONSTANT (1000000), TRUE },
  };

  g_test_summary ("The file reader hands on the same records as sd-journal, field by field and "
                  "in the same order, with the same warnings: journals of the fixtures and "
                  "generated ones (compressed long messages, several files and boots), with "
                  "--snap, --since and --boot, from a folder and from files.");
  if (!sc_test_have_journal_remote ())
    return;

  dir = make_journal_folder (4, 900);
  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    for (guint source = 0; source < 2; source++)
      {
        ScJournalOptions options = { 0 };
        g_autoptr(Result) sd = NULL;
        g_autoptr(Result) direct = NULL;
        g_autoptr(Result) automatic = NULL;
        g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);

        options.snap = (char *) cases[c].snap;
        options.since_usec = (gint64) cases[c].since;
        options.this_boot = cases[c].boot;
        if (source == 0)
          {
            options.type = SC_JOURNAL_SOURCE_DIRECTORY;
            options.path = dir;
          }
        else
          {
            g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
            const char *name;

            while ((name = g_dir_read_name (d)) != NULL)
              g_ptr_array_add (files, g_build_filename (dir, name, NULL));
            g_ptr_array_add (files, NULL);
            options.type = SC_JOURNAL_SOURCE_FILES;
            options.files = (GStrv) files->pdata;
          }
        sd = read_with (&options, "sd", FALSE);
        direct = read_with (&options, "direct", FALSE);
        automatic = read_with (&options, "", FALSE);
        assert_same_result (sd, direct);
        assert_same_result (sd, automatic);
        /* The direct reader read every file: no file was given up on. */
        g_assert_cmpuint (direct->warnings->len, ==, 0);
        /* Every transport and the compressed records are there. */
        if (cases[c].snap == NULL && cases[c].since == 0 && !cases[c].boot)
          {
            g_assert_cmpuint (count_denials (sd, "kernel"), >, 900);
            g_assert_cmpuint (count_denials (sd, "audit"), >, 250);
            g_assert_cmpuint (count_denials (sd, "syslog"), >, 250);
          }
        g_assert_cmpuint (count_denials (sd, NULL), >, 0);
      }
  remove_folder (dir);
}

static void
copy_file (const char *from,
           const char *to,
           gsize       keep)
{
  g_autofree char *contents = NULL;
  gsize len = 0;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (from, &contents, &len, &error);
  g_assert_no_error (error);
  g_file_set_contents (to, contents, MIN (len, keep), &error);
  g_assert_no_error (error);
}

static guint64
read_le64 (const guint8 *p)
{
  guint64 v;

  memcpy (&v, p, sizeof v);
  return GUINT64_FROM_LE (v);
}

/* Compares the file reader (with its fall-back) with sd-journal on PATH,
 * and runs the file reader alone on it. */
static void
compare_on_file (const char *path)
{
  ScJournalOptions options = { .type = SC_JOURNAL_SOURCE_FILES };
  char *files[2] = { (char *) path, NULL };
  g_autoptr(Result) sd = NULL;
  g_autoptr(Result) automatic = NULL;
  g_autoptr(Result) direct = NULL;

  options.files = files;
  sd = read_with (&options, "sd", TRUE);
  automatic = read_with (&options, "", TRUE);
  direct = read_with (&options, "direct", TRUE);
  assert_same_result (sd, automatic);
}

static void
test_corrupted (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *src = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (13);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  guint64 header_size, tail, tail_size, field_table, field_table_size, end, start;
  gsize len = 0;

  g_test_summary ("Truncated journal files and files with flipped bytes give what sd-journal "
                  "gives (the file reader falls back to it), and never crash or hang it.");
  if (!sc_test_have_journal_remote ())
    return;

  dir = g_dir_make_tmp ("sc-journal-file-XXXXXX", NULL);
  src = g_build_filename (dir, "source.journal", NULL);
  copy = g_build_filename (dir, "copy.journal", NULL);
  for (guint n = 0; n < 600; n++)
    append_entry (text, n, T0_USEC + (guint64) n * 1000000, 1000000 + (guint64) n * 1000,
                  "4f3c2d1e0a9b8c7d6e5f4a3b2c1d0e9f");
  sc_test_make_journal (text->str, text->len, src);
  g_file_get_contents (src, &contents, &len, &error);
  g_assert_no_error (error);
  header_size = read_le64 ((const guint8 *) contents + 88);
  field_table = read_le64 ((const guint8 *) contents + 120);
  field_table_size = read_le64 ((const guint8 *) contents + 128);
  tail = read_le64 ((const guint8 *) contents + 136);
  tail_size = read_le64 ((const guint8 *) contents + tail + 8);
  end = tail + tail_size;
  g_assert_cmpuint (end, <=, len);

  /* Truncated. */
  {
    guint64 cuts[] = { 100, header_size, header_size + 4096, end / 2, end - 8, end - 200, end };

    for (guint i = 0; i < G_N_ELEMENTS (cuts); i++)
      {
        g_test_message ("truncated at %" G_GUINT64_FORMAT, cuts[i]);
        copy_file (src, copy, cuts[i]);
        compare_on_file (copy);
      }
  }

  /* One byte flipped: in the header, the field hash table, and the objects
   * after the hash tables (fields, data, entries, entry arrays). */
  start = field_table + field_table_size;
  for (guint i = 0; i < 160; i++)
    {
      guint64 at;
      guint8 mask = (guint8) g_rand_int_range (rand, 1, 256);
      g_autofree char *bytes = g_memdup2 (contents, len);

      if (i < 24)
        at = (guint64) g_rand_int_range (rand, 8, 224);
      else if (i < 40)
        at = field_table + (guint64) g_rand_int_range (rand, 0, (gint32) field_table_size);
      else
        at = start + (guint64) g_rand_int_range (rand, 0, (gint32) (end - start));
      g_test_message ("byte %" G_GUINT64_FORMAT " ^ 0x%02x", at, mask);
      bytes[at] ^= (char) mask;
      g_file_set_contents (copy, bytes, (gssize) len, &error);
      g_assert_no_error (error);
      compare_on_file (copy);
    }

  g_unlink (copy);
  g_unlink (src);
  g_rmdir (dir);
}

static void
test_reader_api (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(ScJournalFile) f = NULL;
  g_autoptr(GArray) all = NULL;
  g_autoptr(GArray) later = NULL;
  g_autoptr(GArray) boot = NULL;
  guint8 boot_id[16] = { 0x4f, 0x3c, 0x2d, 0x1e, 0x0a, 0x9b, 0x8c, 0x7d,
                         0x6e, 0x5f, 0x4a, 0x3b, 0x2c, 0x1d, 0x0e, 0x9f };
  guint8 other_boot[16] = { 0 };
  guint n_kernel = 0, n_compressed = 0;
  int r;

  g_test_summary ("The file reader finds the entries of the matches in file order, seeks "
                  "--since by bisection, keeps one boot, and reads compressed messages.");
  if (!sc_test_have_journal_remote ())
    return;

  dir = g_dir_make_tmp ("sc-journal-file-XXXXXX", NULL);
  path = g_build_filename (dir, "api.journal", NULL);
  for (guint n = 0; n < 240; n++)
    append_entry (text, n, T0_USEC + (guint64) n * 1000000, 1000000 + (guint64) n * 1000,
                  "4f3c2d1e0a9b8c7d6e5f4a3b2c1d0e9f");
  sc_test_make_journal (text->str, text->len, path);

  f = sc_journal_file_open (path, &r);
  g_assert_cmpint (r, ==, 0);
  g_assert_nonnull (f);

  /* The reference vector of SipHash-2-4 (key 00…0f, message 00…0e). */
  {
    guint8 key[16], message[15];

    for (guint i = 0; i < 16; i++)
      key[i] = (guint8) i;
    for (guint i = 0; i < 15; i++)
      message[i] = (guint8) i;
    g_assert_cmphex (_sc_journal_file_siphash24 (message, 15, key), ==,
                     G_GUINT64_CONSTANT (0xa129ca6149be45e5));
  }
  g_assert_cmpint (sc_journal_file_find_matches (f, NULL, 0, &all), ==, 0);
  /* 12 kinds of entry: 0, 1, 3, 4, 6 kernel; 2 audit AVC; 5 dbus-daemon. */
  g_assert_cmpuint (all->len, ==, 240 / 12 * 7);
  for (guint i = 0; i < all->len; i++)
    {
      ScJournalFileEntry e;
      ScJournalEntryFields fields;
      const char *msg;
      gsize len;

      if (i > 0)
        g_assert_cmpuint (g_array_index (all, guint64, i), >, g_array_index (all, guint64, i - 1));
      g_assert_cmpint (sc_journal_file_read_entry (f, g_array_index (all, guint64, i), &e), ==, 0);
      g_assert_cmpint (sc_journal_file_get_message (f, &e, &msg, &len), ==, 1);
      g_assert_true (g_str_has_prefix (msg, "MESSAGE="));
      g_assert_cmpint (sc_journal_file_read_fields (f, &e, &fields), ==, 0);
      if (strcmp (fields.transport, "kernel") == 0)
        n_kernel++;
      if (len > 600 && strstr (msg, "xxxxxxxx") != NULL)
        n_compressed++;
    }
  g_assert_cmpuint (n_kernel, ==, 240 / 12 * 5);
  g_assert_cmpuint (n_compressed, ==, 240 / 12 * 2);

  /* --since: from the first entry at or after the time. */
  g_assert_cmpint (sc_journal_file_find_matches (f, NULL, T0_USEC + 120 * G_GUINT64_CONSTANT (1000000),
                                                 &later), ==, 0);
  g_assert_cmpuint (later->len, ==, all->len / 2);
  /* --boot */
  g_assert_cmpint (sc_journal_file_find_matches (f, boot_id, 0, &boot), ==, 0);
  g_assert_cmpuint (boot->len, ==, all->len);
  g_clear_pointer (&boot, g_array_unref);
  g_assert_cmpint (sc_journal_file_find_matches (f, other_boot, 0, &boot), ==, 0);
  g_assert_cmpuint (boot->len, ==, 0);

  g_clear_pointer (&f, sc_journal_file_free);
  g_unlink (path);
  g_rmdir (dir);
}

/* What the reader gives for the entry at OFFSET: its MESSAGE and the
 * fields it reads, as one string. */
static char *
describe_entry (ScJournalFile *f,
                guint64        offset)
{
  ScJournalFileEntry e;
  ScJournalEntryFields fields;
  const char *msg;
  gsize len;
  g_autofree char *message = NULL;

  g_assert_cmpint (sc_journal_file_read_entry (f, offset, &e), ==, 0);
  g_assert_cmpint (sc_journal_file_get_message (f, &e, &msg, &len), ==, 1);
  message = g_strndup (msg, len);
  g_assert_cmpint (sc_journal_file_read_fields (f, &e, &fields), ==, 0);
  return g_strdup_printf ("%" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT " %s|%s|%s|%s|%s|%s|%s|%s",
                          e.seqnum, e.realtime, message, fields.transport, fields.hostname,
                          fields.audit_type, fields.audit_type_name, fields.audit_id,
                          fields.identifier, fields.source_realtime);
}

static void
test_window (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(ScJournalFile) f = NULL;
  g_autoptr(GArray) all = NULL;
  g_autoptr(GArray) first = NULL;
  g_autoptr(GPtrArray) expected = g_ptr_array_new_with_free_func (g_free);
  guint8 boot_a[16] = { 0x4f, 0x3c, 0x2d, 0x1e, 0x0a, 0x9b, 0x8c, 0x7d,
                        0x6e, 0x5f, 0x4a, 0x3b, 0x2c, 0x1d, 0x0e, 0x9f };
  guint64 size;
  GRand *rand;
  int r;

  g_test_summary ("Entries read through the window (a pread() copy of a stretch of the "
                  "file) are the entries read through the mapping, wherever the window "
                  "starts and ends, also when it cuts objects in two; a file of two boots "
                  "gives the entries of one boot.");
  if (!sc_test_have_journal_remote ())
    return;

  dir = g_dir_make_tmp ("sc-journal-file-XXXXXX", NULL);
  path = g_build_filename (dir, "window.journal", NULL);
  /* Two boots, one after the other, as after a reboot. */
  for (guint n = 0; n < 240; n++)
    append_entry (text, n, T0_USEC + (guint64) n * 1000000, 1000000 + (guint64) n * 1000,
                  n < 100 ? "4f3c2d1e0a9b8c7d6e5f4a3b2c1d0e9f" : "0badc0de0badc0de0badc0de0badc0de");
  sc_test_make_journal (text->str, text->len, path);
  f = sc_journal_file_open (path, &r);
  g_assert_cmpint (r, ==, 0);
  g_assert_nonnull (f);
  size = sc_journal_file_size (f);

  g_assert_cmpint (sc_journal_file_find_matches (f, NULL, 0, &all), ==, 0);
  g_assert_cmpuint (all->len, ==, 240 / 12 * 7);
  g_assert_cmpint (sc_journal_file_find_matches (f, boot_a, 0, &first), ==, 0);
  /* Entries 0..99 of the first boot: 8 rounds of 12 and 0..3 of the ninth. */
  g_assert_cmpuint (first->len, ==, 8 * 7 + 4);
  for (guint i = 0; i < first->len; i++)
    g_assert_cmpuint (g_array_index (first, guint64, i), ==, g_array_index (all, guint64, i));

  for (guint i = 0; i < all->len; i++)
    g_ptr_array_add (expected, describe_entry (f, g_array_index (all, guint64, i)));

  /* The whole file in the window. */
  sc_journal_file_read_window (f, 0, size);
  for (guint i = 0; i < all->len; i++)
    {
      g_autofree char *got = describe_entry (f, g_array_index (all, guint64, i));
      g_assert_cmpstr (got, ==, g_ptr_array_index (expected, i));
    }
  /* Windows of every size around each entry, cutting the entry, its data
   * objects or both; and an empty one. */
  rand = g_rand_new_with_seed (15);
  for (guint round = 0; round < 4000; round++)
    {
      guint i = (guint) g_rand_int_range (rand, 0, (gint32) all->len);
      guint64 offset = g_array_index (all, guint64, i);
      guint64 from = offset - MIN (offset, (guint64) g_rand_int_range (rand, 0, 4096));
      guint64 to = offset + (guint64) g_rand_int_range (rand, 0, 2048);
      g_autofree char *got = NULL;

      if (round % 100 == 0)
        to = from;
      sc_journal_file_read_window (f, from, to);
      got = describe_entry (f, offset);
      g_assert_cmpstr (got, ==, g_ptr_array_index (expected, i));
    }
  /* Past the end of the file: cut to it. */
  sc_journal_file_read_window (f, size - 64, size + 4096);
  {
    g_autofree char *got = describe_entry (f, g_array_index (all, guint64, all->len - 1));
    g_assert_cmpstr (got, ==, g_ptr_array_index (expected, all->len - 1));
  }
  g_rand_free (rand);

  g_clear_pointer (&f, sc_journal_file_free);
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_skip_message (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(ScJournalFile) f = NULL;
  g_autoptr(GArray) all = NULL;
  guint n_read = 0, n_skipped = 0, n_records = 0;
  int r;

  g_test_summary ("A message the scan skipped is not read again where it repeats (get_message "
                  "returns 2), also when another entry lists it first; records in between are "
                  "read as ever.");
  if (!sc_test_have_journal_remote ())
    return;

  dir = g_dir_make_tmp ("sc-journal-file-XXXXXX", NULL);
  path = g_build_filename (dir, "skip.journal", NULL);
  /* 200 kernel entries: a repeated ordinary message, and every fifth a
   * record of its own; long padding puts the repeats outside the window. */
  for (guint n = 0; n < 200; n++)
    {
      g_autofree char *padding = g_strnfill (3000, 'a');
      GRand *rand = g_rand_new_with_seed (n);

      /* Letters at random: journald cannot compress them away. */
      for (guint c = 0; c < 3000; c++)
        padding[c] = (char) ('a' + g_rand_int_range (rand, 0, 26));
      g_rand_free (rand);

      g_string_append_printf (text, "__REALTIME_TIMESTAMP=%" G_GUINT64_FORMAT "\n"
                                    "__MONOTONIC_TIMESTAMP=%u\n"
                                    "_BOOT_ID=4f3c2d1e0a9b8c7d6e5f4a3b2c1d0e9f\n"
                                    "_TRANSPORT=kernel\nPADDING=%u%s\n",
                              T0_USEC + (guint64) n * 1000000, 1000 + n, n, padding);
      if (n % 5 == 4)
        g_string_append_printf (text, "MESSAGE=audit: type=1400 apparmor=\"DENIED\" name=\"/etc/%u\"\n\n", n);
      else
        g_string_append (text, "MESSAGE=usb 1-1: new high-speed USB device using xhci_hcd\n\n");
    }
  sc_test_make_journal (text->str, text->len, path);
  f = sc_journal_file_open (path, &r);
  g_assert_cmpint (r, ==, 0);
  g_assert_nonnull (f);
  g_assert_cmpint (sc_journal_file_find_matches (f, NULL, 0, &all), ==, 0);
  g_assert_cmpuint (all->len, ==, 200);

  for (guint i = 0; i < all->len; i++)
    {
      guint64 offset = g_array_index (all, guint64, i);
      ScJournalFileEntry e;
      const char *msg;
      gsize len;

      /* As the scan reads: a window from a little before each entry. */
      sc_journal_file_read_window (f, offset - MIN (offset, 4096), offset + 1024);
      g_assert_cmpint (sc_journal_file_read_entry (f, offset, &e), ==, 0);
      r = sc_journal_file_get_message (f, &e, &msg, &len);
      if (i % 5 == 4)
        {
          g_autofree char *want = g_strdup_printf ("MESSAGE=audit: type=1400 apparmor=\"DENIED\" "
                                                   "name=\"/etc/%u\"", i);

          g_assert_cmpint (r, ==, 1);
          g_assert_cmpmem (msg, len, want, strlen (want));
          n_records++;
          continue;
        }
      if (r == 2)
        {
          n_skipped++;
          continue;
        }
      g_assert_cmpint (r, ==, 1);
      g_assert_true (g_str_has_prefix (msg, "MESSAGE=usb 1-1"));
      n_read++;
      sc_journal_file_skip_message (f);
    }
  g_assert_cmpuint (n_records, ==, 40);
  /* Read the first time (inside its window), then once it lies before
   * the window, skipped from then on. */
  g_assert_cmpuint (n_read, >=, 1);
  g_assert_cmpuint (n_read, <=, 4);
  g_assert_cmpuint (n_skipped, ==, 160 - n_read);

  g_clear_pointer (&f, sc_journal_file_free);
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/journal-file/api", test_reader_api);
  g_test_add_func ("/journal-file/window", test_window);
  g_test_add_func ("/journal-file/skip-message", test_skip_message);
  g_test_add_func ("/journal-file/same-as-sd-journal", test_same_as_sd_journal);
  g_test_add_func ("/journal-file/corrupted", test_corrupted);

  return g_test_run ();
}
