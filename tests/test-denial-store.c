/* test-denial-store.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "sc-denial-parser.h"
#include "sc-denial-store.h"
#include "sc-journal-reader.h"

static ScDenial *
make_file_denial (const char *snap,
                  const char *instance,
                  const char *app,
                  const char *path,
                  const char *mask)
{
  ScDenial *denial = sc_denial_new ();

  denial->kind = SC_DENIAL_KIND_FILE;
  denial->mode = SC_DENIAL_MODE_DENIED;
  denial->snap = g_strdup (snap);
  denial->instance = g_strdup (instance != NULL ? instance : snap);
  denial->app = g_strdup (app);
  if (snap != NULL)
    denial->profile = g_strdup_printf ("snap.%s.%s", denial->instance, app);
  denial->operation = g_strdup ("open");
  denial->object = g_strdup (path);
  denial->permissions = g_strdup (mask);
  sc_denial_set_detail (denial, "name", path);
  sc_denial_set_detail (denial, "fsuid", "1000");
  sc_denial_set_detail (denial, "ouid", "1000");
  return denial;
}

/* Normalisation */

typedef struct
{
  ScDenialKind  kind;
  const char   *object;
  const char   *snap;
  const char   *instance;
  const char   *expected;
} NormCase;

static const NormCase norm_cases[] = {
  { SC_DENIAL_KIND_FILE, "/home/alice/Documents/a.txt", "foo", NULL, "$HOME/Documents/a.txt" },
  { SC_DENIAL_KIND_FILE, "/home/alice", "foo", NULL, "$HOME" },
  { SC_DENIAL_KIND_FILE, "/home/alice/", "foo", NULL, "$HOME/" },
  { SC_DENIAL_KIND_FILE, "/root/.config/x", "foo", NULL, "$HOME/.config/x" },
  { SC_DENIAL_KIND_FILE, "/root", "foo", NULL, "$HOME" },
  { SC_DENIAL_KIND_FILE, "/rootfs/x", "foo", NULL, "/rootfs/x" },
  { SC_DENIAL_KIND_FILE, "/home/", "foo", NULL, "/home/" },
  { SC_DENIAL_KIND_FILE, "/proc/1234/mounts", "foo", NULL, "/proc/PID/mounts" },
  { SC_DENIAL_KIND_FILE, "/proc/1234/task/1240/status", "foo", NULL, "/proc/PID/task/TID/status" },
  { SC_DENIAL_KIND_FILE, "/proc/1234", "foo", NULL, "/proc/PID" },
  { SC_DENIAL_KIND_FILE, "/proc/sys/kernel/osrelease", "foo", NULL, "/proc/sys/kernel/osrelease" },
  { SC_DENIAL_KIND_FILE, "/proc/12ab/x", "foo", NULL, "/proc/12ab/x" },
  { SC_DENIAL_KIND_FILE, "/run/user/1000/wayland-0", "foo", NULL, "/run/user/UID/wayland-0" },
  { SC_DENIAL_KIND_FILE, "/snap/foo/42/bin/foo", "foo", NULL, "$SNAP/bin/foo" },
  { SC_DENIAL_KIND_FILE, "/snap/foo/x3/lib", "foo", NULL, "$SNAP/lib" },
  { SC_DENIAL_KIND_FILE, "/snap/foo/current/lib", "foo", NULL, "$SNAP/lib" },
  { SC_DENIAL_KIND_FILE, "/snap/bar/42/lib", "foo", NULL, "/snap/bar/42/lib" },
  { SC_DENIAL_KIND_FILE, "/snap/foobar/42/lib", "foo", NULL, "/snap/foobar/42/lib" },
  { SC_DENIAL_KIND_FILE, "/var/snap/foo/42/db", "foo", NULL, "$SNAP_DATA/db" },
  { SC_DENIAL_KIND_FILE, "/var/snap/foo/common/cache", "foo", NULL, "$SNAP_COMMON/cache" },
  { SC_DENIAL_KIND_FILE, "/home/alice/snap/foo/42/.config", "foo", NULL,
    "$SNAP_USER_DATA/.config" },
  { SC_DENIAL_KIND_FILE, "/home/alice/snap/foo/common/x", "foo", NULL, "$SNAP_USER_COMMON/x" },
  { SC_DENIAL_KIND_FILE, "/home/alice/snap/foo_dev/7/x", "foo", "foo_dev", "$SNAP_USER_DATA/x" },
  { SC_DENIAL_KIND_FILE, "/home/alice/snap/bar/7/x", "foo", NULL, "$HOME/snap/bar/7/x" },
  { SC_DENIAL_KIND_FILE, "/root/snap/foo/7/x", "foo", NULL, "$SNAP_USER_DATA/x" },
  { SC_DENIAL_KIND_FILE, "/dev/video0", "foo", NULL, "/dev/video*" },
  { SC_DENIAL_KIND_FILE, "/dev/hidraw3", "foo", NULL, "/dev/hidraw*" },
  { SC_DENIAL_KIND_FILE, "/dev/ttyUSB12", "foo", NULL, "/dev/ttyUSB*" },
  { SC_DENIAL_KIND_FILE, "/dev/dri/card0", "foo", NULL, "/dev/dri/card*" },
  { SC_DENIAL_KIND_FILE, "/dev/bus/usb/001/004", "foo", NULL, "/dev/bus/usb/*/*" },
  { SC_DENIAL_KIND_FILE, "/dev/nvme0n1p2", "foo", NULL, "/dev/nvme0n1p*" },
  { SC_DENIAL_KIND_FILE, "/dev/snd/pcmC0D0p", "foo", NULL, "/dev/snd/pcmC0D0p" },
  { SC_DENIAL_KIND_FILE, "/dev/fuse", "foo", NULL, "/dev/fuse" },
  { SC_DENIAL_KIND_FILE, "/etc/hosts", "foo", NULL, "/etc/hosts" },
  { SC_DENIAL_KIND_UNIX, "@/home/alice/.cache/ibus/dbus-x", "foo", NULL,
    "@$HOME/.cache/ibus/dbus-x" },
  { SC_DENIAL_KIND_UNIX, "@/tmp/.X11-unix/X0", "foo", NULL, "@/tmp/.X11-unix/X0" },
  { SC_DENIAL_KIND_UNIX, "unix stream", "foo", NULL, "unix stream" },
  { SC_DENIAL_KIND_CAPABILITY, "net_admin", "foo", NULL, "net_admin" },
  { SC_DENIAL_KIND_SECCOMP, "sched_setattr", "foo", NULL, "sched_setattr" },
  { SC_DENIAL_KIND_NETWORK, "inet stream", "foo", NULL, "inet stream" },
  { SC_DENIAL_KIND_DBUS,
    "system :1.104 org.freedesktop.DBus.Properties.GetAll /org/freedesktop/timedate1",
    "foo", NULL, "system :* org.freedesktop.DBus.Properties.GetAll /org/freedesktop/timedate1" },
  { SC_DENIAL_KIND_DBUS, "session org.example.Name", "foo", NULL, "session org.example.Name" },
  /* Hex-decoded names can be any bytes; the pattern is always valid UTF-8. */
  { SC_DENIAL_KIND_FILE, "/home/alice/caf\xe9", "foo", NULL, "$HOME/caf\xef\xbf\xbd" },
};

static void
test_normalise (void)
{
  g_test_summary ("Objects are normalised for grouping and matching (denials.md section 5.6)");

  for (guint i = 0; i < G_N_ELEMENTS (norm_cases); i++)
    {
      const NormCase *c = &norm_cases[i];
      g_autoptr(ScDenial) denial = sc_denial_new ();
      g_autofree char *got = NULL;
      g_autofree char *shown = g_strescape (c->object, NULL);

      denial->kind = c->kind;
      denial->object = g_strdup (c->object);
      denial->snap = g_strdup (c->snap);
      denial->instance = g_strdup (c->instance != NULL ? c->instance : c->snap);
      got = sc_denial_normalise_object (denial, NULL);
      g_test_message ("%s -> %s", shown, got);
      g_assert_cmpstr (got, ==, c->expected);
      g_assert_true (g_utf8_validate (got, -1, NULL));
    }

  /* The explicit snap name wins over the record's. */
  {
    g_autoptr(ScDenial) denial = make_file_denial ("foo", NULL, "foo", "/snap/bar/3/x", "r");
    g_autofree char *got = sc_denial_normalise_object (denial, "bar");

    g_assert_cmpstr (got, ==, "$SNAP/x");
  }
  /* No object, no pattern. */
  {
    g_autoptr(ScDenial) denial = sc_denial_new ();

    g_assert_null (sc_denial_normalise_object (denial, "foo"));
  }
}

/* Grouping */

static void
test_grouping (void)
{
  g_autoptr(ScDenialStore) store = sc_denial_store_new (NULL);
  const char *hosts[] = { "beta", "alpha", NULL, "beta", "gamma" };
  const gint64 times[] = { 3000, 1000, 0, 5000, 2000 };
  ScDenialGroup *group = NULL;
  ScSuggestion *first;
  GPtrArray *groups;

  g_test_summary ("Repeats of one access make one group with count, first and last time and "
                  "sorted unique hosts; other apps, masks or modes make new groups");

  for (guint i = 0; i < G_N_ELEMENTS (hosts); i++)
    {
      g_autofree char *path = g_strdup_printf ("/proc/%u/mounts", 100 + i);
      g_autoptr(ScDenial) d = make_file_denial ("foo", NULL, "foo", path, "r");
      gboolean is_new = TRUE;
      ScDenialGroup *got;

      d->host = g_strdup (hosts[i]);
      d->timestamp_usec = times[i];
      got = sc_denial_store_add (store, d, &is_new);
      g_assert_nonnull (got);
      g_assert_cmpint (is_new, ==, i == 0);
      if (group == NULL)
        group = got;
      g_assert_true (got == group);
    }

  g_assert_cmpuint (group->count, ==, 5);
  g_assert_cmpint (group->first_seen_usec, ==, 1000);
  g_assert_cmpint (group->last_seen_usec, ==, 5000);
  g_assert_cmpstr (group->object_pattern, ==, "/proc/PID/mounts");
  g_assert_cmpuint (group->hosts->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (group->hosts, 0), ==, "alpha");
  g_assert_cmpstr (g_ptr_array_index (group->hosts, 1), ==, "beta");
  g_assert_cmpstr (g_ptr_array_index (group->hosts, 2), ==, "gamma");
  g_assert_cmpuint (group->index, ==, 0);
  g_assert_nonnull (group->key);
  g_assert_nonnull (group->denial);
  g_assert_cmpstr (group->denial->object, ==, "/proc/100/mounts");

  /* Suggestions are computed for the group's record when asked for. */
  {
    g_autoptr(ScSuggestionResult) result = sc_denial_group_dup_suggestions (group);

    g_assert_nonnull (result);
    g_assert_cmpuint (result->suggestions->len, >, 0);
    first = g_ptr_array_index (result->suggestions, 0);
    g_assert_cmpstr (first->interface, ==, "mount-observe");
  }

  /* Each of these differs in one part of the key. */
  {
    g_autoptr(ScDenial) other_app = make_file_denial ("foo", NULL, "daemon", "/proc/1/mounts", "r");
    g_autoptr(ScDenial) other_mask = make_file_denial ("foo", NULL, "foo", "/proc/1/mounts", "rw");
    g_autoptr(ScDenial) other_mode = make_file_denial ("foo", NULL, "foo", "/proc/1/mounts", "r");
    g_autoptr(ScDenial) other_op = make_file_denial ("foo", NULL, "foo", "/proc/1/mounts", "r");
    g_autoptr(ScDenial) other_kind = make_file_denial ("foo", NULL, "foo", "/proc/1/mounts", "r");
    g_autoptr(ScDenial) hook = make_file_denial ("foo", NULL, NULL, "/proc/1/mounts", "r");
    g_autoptr(ScDenial) other_path = make_file_denial ("foo", NULL, "foo", "/proc/1/mountinfo",
                                                       "r");
    g_autoptr(ScDenial) other_snap = make_file_denial ("bar", NULL, "foo", "/proc/1/mounts", "r");
    g_autoptr(ScDenial) instance = make_file_denial ("foo", "foo_dev", "foo", "/proc/1/mounts",
                                                     "r");
    ScDenial *all[] = { other_app, other_mask, other_mode, other_op, other_kind, hook, other_path,
                        other_snap, instance };

    other_mode->mode = SC_DENIAL_MODE_ALLOWED;
    g_free (other_op->operation);
    other_op->operation = g_strdup ("getattr");
    other_kind->kind = SC_DENIAL_KIND_MOUNT;
    hook->hook = g_strdup ("configure");

    for (guint i = 0; i < G_N_ELEMENTS (all); i++)
      {
        gboolean is_new = FALSE;
        ScDenialGroup *got = sc_denial_store_add (store, all[i], &is_new);

        g_assert_nonnull (got);
        g_assert_true (is_new);
        g_assert_cmpuint (got->count, ==, 1);
        g_assert_cmpuint (got->index, ==, i + 1);
        g_assert_cmpuint (got->first_seen_usec, ==, 0);
        g_assert_cmpuint (got->hosts->len, ==, 0);
      }
  }

  groups = sc_denial_store_get_groups (store);
  g_assert_cmpuint (groups->len, ==, 10);
  for (guint i = 0; i < groups->len; i++)
    g_assert_cmpuint (((ScDenialGroup *) g_ptr_array_index (groups, i))->index, ==, i);
  g_assert_cmpuint (sc_denial_store_get_n_records (store), ==, 14);
}

static void
test_audit_id_dedup (void)
{
  g_autoptr(ScDenialStore) store = sc_denial_store_new ("foo");
  g_autoptr(ScDenial) kernel = make_file_denial ("foo", NULL, "foo", "/etc/x", "r");
  g_autoptr(ScDenial) audit = make_file_denial ("foo", NULL, "foo", "/etc/x", "r");
  g_autoptr(ScDenial) later = make_file_denial ("foo", NULL, "foo", "/etc/x", "r");
  g_autoptr(ScDenial) other_host = make_file_denial ("foo", NULL, "foo", "/etc/x", "r");
  g_autoptr(ScDenial) no_id = make_file_denial ("foo", NULL, "foo", "/etc/x", "r");
  ScDenialGroup *group;
  gboolean is_new = TRUE;

  g_test_summary ("The same event through the kernel and the audit transport counts once; "
                  "other events and other hosts count");

  kernel->transport = g_strdup ("kernel");
  kernel->audit_id = g_strdup ("1718031201.482:1187");
  audit->transport = g_strdup ("audit");
  audit->audit_id = g_strdup ("1718031201.482:1187");
  later->audit_id = g_strdup ("1718031202.001:1188");
  other_host->audit_id = g_strdup ("1718031201.482:1187");
  other_host->host = g_strdup ("elsewhere");

  group = sc_denial_store_add (store, kernel, &is_new);
  g_assert_nonnull (group);
  g_assert_true (is_new);
  g_assert_null (sc_denial_store_add (store, audit, &is_new));
  g_assert_false (is_new);
  g_assert_cmpuint (group->count, ==, 1);
  g_assert_true (sc_denial_store_add (store, later, NULL) == group);
  g_assert_true (sc_denial_store_add (store, other_host, NULL) == group);
  g_assert_true (sc_denial_store_add (store, no_id, NULL) == group);
  g_assert_true (sc_denial_store_add (store, no_id, NULL) == group);
  g_assert_cmpuint (group->count, ==, 5);
  g_assert_cmpuint (sc_denial_store_get_n_records (store), ==, 5);

  /* The set of remembered ids is bounded: after many newer events, a very
   * old id is no longer known (and the transports' copies of one event
   * always arrive close together). */
  for (guint i = 0; i < 20000; i++)
    {
      g_autoptr(ScDenial) d = make_file_denial ("foo", NULL, "foo", "/etc/x", "r");

      d->audit_id = g_strdup_printf ("1718031300.000:%u", 2000 + i);
      g_assert_nonnull (sc_denial_store_add (store, d, NULL));
    }
  g_assert_true (sc_denial_store_add (store, audit, NULL) == group);
  g_assert_cmpuint (group->count, ==, 20006);
}

static void
test_transports_through_parser (void)
{
  const char *body = "apparmor=\"DENIED\" operation=\"open\" class=\"file\" "
                     "profile=\"snap.foo.foo\" name=\"/home/alice/.gitconfig\" pid=4242 "
                     "comm=\"foo\" "
                     "requested_mask=\"r\" denied_mask=\"r\" fsuid=1000 ouid=1000";
  g_autofree char *kernel_message =
    g_strdup_printf ("audit: type=1400 audit(1718031201.482:1187): %s", body);
  g_autofree char *audit_message = g_strdup_printf ("AVC %s", body);
  g_autofree char *next_message =
    g_strdup_printf ("audit: type=1400 audit(1718031201.990:1188): %s", body);
  ScRecordContext kernel_context = { .transport = "kernel", .hostname = "h1" };
  ScRecordContext audit_context = {
    .transport = "audit", .hostname = "h1", .audit_type_name = "AVC", .audit_id = "1187",
    .realtime_usec = G_GINT64_CONSTANT (1718031201482000),
  };
  g_autoptr(ScDenialStore) store = sc_denial_store_new ("foo");
  g_autoptr(ScDenial) from_kernel = NULL;
  g_autoptr(ScDenial) from_audit = NULL;
  g_autoptr(ScDenial) next = NULL;
  ScDenialGroup *group;
  ScSuggestion *first;
  guint64 lost = 0;

  g_test_summary ("One event read from the kernel and the audit transport (real parser) is "
                  "counted once; the next event is counted");

  g_assert_cmpint (sc_denial_parse_message (kernel_message, -1, &kernel_context, &from_kernel,
                                            &lost), ==, SC_RECORD_DENIAL);
  g_assert_cmpint (sc_denial_parse_message (audit_message, -1, &audit_context, &from_audit, &lost),
                   ==, SC_RECORD_DENIAL);
  g_assert_cmpint (sc_denial_parse_message (next_message, -1, &kernel_context, &next, &lost),
                   ==, SC_RECORD_DENIAL);
  g_assert_nonnull (from_kernel->audit_id);
  g_assert_cmpstr (from_kernel->audit_id, ==, from_audit->audit_id);

  group = sc_denial_store_add (store, from_kernel, NULL);
  g_assert_nonnull (group);
  g_assert_null (sc_denial_store_add (store, from_audit, NULL));
  g_assert_true (sc_denial_store_add (store, next, NULL) == group);
  g_assert_cmpuint (group->count, ==, 2);
  g_assert_cmpstr (group->object_pattern, ==, "$HOME/.gitconfig");
  {
    g_autoptr(ScSuggestionResult) result = sc_denial_group_dup_suggestions (group);

    first = g_ptr_array_index (result->suggestions, 0);
    g_assert_cmpstr (first->interface, ==, "personal-files");
  }
}

static void
test_snap_filter (void)
{
  g_test_summary ("A store for one snap keeps that snap and its parallel instances only; a "
                  "store for an instance keeps that instance only");

  {
    g_autoptr(ScDenialStore) store = sc_denial_store_new ("foo");
    g_autoptr(ScDenial) own = make_file_denial ("foo", NULL, "foo", "/etc/x", "r");
    g_autoptr(ScDenial) instance = make_file_denial ("foo", "foo_dev", "foo", "/etc/x", "r");
    g_autoptr(ScDenial) other = make_file_denial ("foobar", NULL, "foo", "/etc/x", "r");
    g_autoptr(ScDenial) nobody = make_file_denial (NULL, NULL, NULL, "/etc/x", "r");
    gboolean is_new = TRUE;

    nobody->profile = g_strdup ("/usr/lib/snapd/snap-confine");
    g_assert_nonnull (sc_denial_store_add (store, own, NULL));
    g_assert_nonnull (sc_denial_store_add (store, instance, NULL));
    g_assert_null (sc_denial_store_add (store, other, &is_new));
    g_assert_false (is_new);
    g_assert_null (sc_denial_store_add (store, nobody, NULL));
    /* Instances are separate entries. */
    g_assert_cmpuint (sc_denial_store_get_groups (store)->len, ==, 2);
    g_assert_cmpuint (sc_denial_store_get_n_records (store), ==, 2);
  }
  {
    g_autoptr(ScDenialStore) store = sc_denial_store_new ("foo_dev");
    g_autoptr(ScDenial) own = make_file_denial ("foo", NULL, "foo", "/etc/x", "r");
    g_autoptr(ScDenial) instance = make_file_denial ("foo", "foo_dev", "foo", "/etc/x", "r");

    g_assert_null (sc_denial_store_add (store, own, NULL));
    g_assert_nonnull (sc_denial_store_add (store, instance, NULL));
  }
  {
    /* Without a snap name everything is kept, unattributed records too. */
    g_autoptr(ScDenialStore) store = sc_denial_store_new (NULL);
    g_autoptr(ScDenial) a = make_file_denial ("foo", NULL, "foo", "/etc/x", "r");
    g_autoptr(ScDenial) b = make_file_denial ("bar", NULL, "bar", "/etc/x", "r");
    g_autoptr(ScDenial) c = make_file_denial (NULL, NULL, NULL, "/etc/x", "r");

    c->profile = g_strdup ("/usr/lib/snapd/snap-confine");
    g_assert_nonnull (sc_denial_store_add (store, a, NULL));
    g_assert_nonnull (sc_denial_store_add (store, b, NULL));
    g_assert_nonnull (sc_denial_store_add (store, c, NULL));
    g_assert_cmpuint (sc_denial_store_get_groups (store)->len, ==, 3);
  }
}

static void
test_noise (void)
{
  g_autoptr(ScDenialStore) store = sc_denial_store_new ("foo");
  g_autoptr(ScDenial) real = make_file_denial ("foo", NULL, "foo", "/usr/share/fonts-2/", "r");
  g_autoptr(ScDenial) noise = make_file_denial ("foo", NULL, "foo", "/usr/share/fonts-2/", "r");
  ScDenialGroup *real_group, *noise_group;

  g_test_summary ("Noise records are kept, in groups of their own flagged as noise");

  g_free (noise->profile);
  noise->profile = g_strdup ("snap-update-ns.foo");
  g_clear_pointer (&noise->app, g_free);
  noise->kind = SC_DENIAL_KIND_MOUNT;
  g_free (noise->operation);
  noise->operation = g_strdup ("mount");
  noise->noise = TRUE;
  noise->noise_reason = g_strdup ("snapd could not set up the mount namespace");

  real_group = sc_denial_store_add (store, real, NULL);
  noise_group = sc_denial_store_add (store, noise, NULL);
  g_assert_nonnull (real_group);
  g_assert_nonnull (noise_group);
  g_assert_true (real_group != noise_group);
  g_assert_false (sc_denial_group_is_noise (real_group));
  g_assert_true (sc_denial_group_is_noise (noise_group));
  /* The noise group explains itself and suggests no plug. */
  {
    g_autoptr(ScSuggestionResult) result = sc_denial_group_dup_suggestions (noise_group);

    g_assert_nonnull (result->fix);
    g_assert_cmpuint (result->suggestions->len, ==, 0);
  }
}

static void
test_lost (void)
{
  g_autoptr(ScDenialStore) store = sc_denial_store_new (NULL);

  g_test_summary ("Records lost to rate limiting are counted");
  g_assert_cmpuint (sc_denial_store_get_lost (store), ==, 0);
  sc_denial_store_add_lost (store, 152);
  sc_denial_store_add_lost (store, 3);
  g_assert_cmpuint (sc_denial_store_get_lost (store), ==, 155);
  g_assert_cmpuint (sc_denial_store_get_n_records (store), ==, 0);
}

static void
test_compact_and_shared (void)
{
  g_autoptr(ScDenialStore) store = sc_denial_store_new ("foo");
  g_autoptr(ScDenialStore) kept = NULL;
  ScDenialGroup *a, *b;

  g_test_summary ("A group keeps its record's fields and details without the record, "
                  "repeated strings once, and lives as long as a reference to its store");

  {
    g_autoptr(ScDenial) first = make_file_denial ("foo", NULL, "foo", "/etc/one.conf", "r");
    g_autoptr(ScDenial) second = make_file_denial ("foo", NULL, "foo", "/etc/two.conf", "r");

    sc_denial_set_detail (first, "name", "/etc/one.conf");
    sc_denial_set_detail (first, "comm", "foo");
    sc_denial_set_detail (second, "comm", "foo");
    first->raw = g_strdup ("apparmor=\"DENIED\" name=\"/etc/one.conf\"");
    a = sc_denial_store_add (store, first, NULL);
    b = sc_denial_store_add (store, second, NULL);
  }
  g_assert_true (a != b);
  g_assert_cmpstr (a->denial->object, ==, "/etc/one.conf");
  g_assert_null (a->denial->raw);
  {
    g_autofree char *raw = sc_denial_group_dup_raw (a);

    g_assert_cmpstr (raw, ==, "apparmor=\"DENIED\" name=\"/etc/one.conf\"");
  }
  g_assert_cmpstr (sc_denial_group_get_detail (a, "name"), ==, "/etc/one.conf");
  g_assert_cmpstr (sc_denial_group_get_detail (b, "comm"), ==, "foo");
  g_assert_cmpstr (sc_denial_group_get_detail (b, "fsuid"), ==, "1000");
  g_assert_null (sc_denial_group_get_detail (b, "no-such-detail"));
  {
    g_autoptr(GHashTable) details = sc_denial_group_dup_details (a);

    g_assert_cmpuint (g_hash_table_size (details), ==, 4);
    g_assert_cmpstr (g_hash_table_lookup (details, "ouid"), ==, "1000");
  }
  /* Stored once: equal short strings are one string. */
  g_assert_true (a->denial->app == b->denial->app);
  g_assert_true (a->denial->operation == b->denial->operation);

  kept = sc_denial_store_ref (store);
  g_clear_pointer (&store, sc_denial_store_unref);
  g_assert_cmpstr (a->denial->object, ==, "/etc/one.conf");
  g_assert_cmpuint (sc_denial_store_get_groups (kept)->len, ==, 2);
}

static void
test_max_groups (void)
{
  g_autoptr(ScDenialStore) store = sc_denial_store_new ("foo");

  g_test_summary ("With a cap, further groups are counted as left out, not kept, and records "
                  "of kept groups still count");

  sc_denial_store_set_max_groups (store, 2);
  for (guint i = 0; i < 5; i++)
    for (guint repeat = 0; repeat < 2; repeat++)
      {
        g_autofree char *path = g_strdup_printf ("/etc/file-%u", i);
        g_autoptr(ScDenial) d = make_file_denial ("foo", NULL, "foo", path, "r");
        ScDenialGroup *group = sc_denial_store_add (store, d, NULL);

        if (i < 2)
          g_assert_nonnull (group);
        else
          g_assert_null (group);
      }
  g_assert_cmpuint (sc_denial_store_get_groups (store)->len, ==, 2);
  g_assert_cmpuint (sc_denial_store_get_n_records (store), ==, 4);
  g_assert_cmpuint (sc_denial_store_get_n_dropped_groups (store), ==, 3);
  g_assert_cmpuint (sc_denial_store_get_n_dropped_records (store), ==, 6);
}

static void
test_performance (void)
{
  g_autoptr(ScDenialStore) repeats = sc_denial_store_new ("foo");
  g_autoptr(ScDenialStore) distinct = sc_denial_store_new (NULL);
  g_autoptr(GPtrArray) denials = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_denial_unref);
  const char *templates[] = {
    "/proc/%u/mounts", "/home/user%u/.config/app/x", "/dev/video%u", "/run/user/%u/bus",
    "/etc/resolv.conf", "/sys/devices/system/cpu/cpu%u/online", "/snap/foo/%u/lib/x",
  };
  gint64 start;
  guint64 total = 0;

  g_test_summary ("10,000 realistic records and 100,000 distinct groups go into the store "
                  "(timings reported, not asserted)");

  for (guint i = 0; i < 10000; i++)
    {
      g_autofree char *path = g_strdup_printf (templates[i % G_N_ELEMENTS (templates)], i % 97);
      ScDenial *d = make_file_denial ("foo", NULL, i % 3 ? "foo" : "daemon", path, "r");

      d->audit_id = g_strdup_printf ("1718031201.%03u:%u", i % 1000, i);
      d->timestamp_usec = 1718031201000000 + i;
      d->host = g_strdup (i % 2 ? "a" : "b");
      g_ptr_array_add (denials, d);
    }
  start = g_get_monotonic_time ();
  for (guint i = 0; i < denials->len; i++)
    g_assert_nonnull (sc_denial_store_add (repeats, g_ptr_array_index (denials, i), NULL));
  g_test_message ("10,000 records into %u groups: %.2f ms",
                  sc_denial_store_get_groups (repeats)->len,
                  (g_get_monotonic_time () - start) / 1000.0);
  g_assert_cmpuint (sc_denial_store_get_n_records (repeats), ==, 10000);
  for (guint i = 0; i < sc_denial_store_get_groups (repeats)->len; i++)
    total += ((ScDenialGroup *) g_ptr_array_index (sc_denial_store_get_groups (repeats), i))->count;
  g_assert_cmpuint (total, ==, 10000);

  start = g_get_monotonic_time ();
  for (guint i = 0; i < 100000; i++)
    {
      g_autofree char *path = g_strdup_printf ("/home/alice/.config/app%u/settings.ini", i);
      g_autoptr(ScDenial) d = make_file_denial ("foo", NULL, "foo", path, "r");
      gboolean is_new = FALSE;

      g_assert_nonnull (sc_denial_store_add (distinct, d, &is_new));
      g_assert_true (is_new);
    }
  g_test_message ("100,000 distinct groups (with suggestions): %.2f ms",
                  (g_get_monotonic_time () - start) / 1000.0);
  g_assert_cmpuint (sc_denial_store_get_groups (distinct)->len, ==, 100000);
}

/* The raw text and details of DENIAL as the group must give them back. */
static void
check_group_keeps (ScDenialGroup  *group,
                   const char     *raw,
                   GHashTable     *details)
{
  g_autofree char *kept_raw = sc_denial_group_dup_raw (group);
  g_autoptr(GHashTable) kept = sc_denial_group_dup_details (group);
  GHashTableIter iter;
  gpointer key, value;

  g_assert_cmpstr (kept_raw, ==, raw);
  g_assert_cmpuint (g_hash_table_size (kept), ==, details != NULL ? g_hash_table_size (details) : 0);
  if (details == NULL)
    return;
  g_hash_table_iter_init (&iter, details);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_assert_cmpstr (g_hash_table_lookup (kept, key), ==, value != NULL ? value : "");
      g_assert_cmpstr (sc_denial_group_get_detail (group, key), ==, value != NULL ? value : "");
    }
}

static void
test_records_kept (void)
{
  static const char * const files[] = {
    "audit-cat.txt", "audit.log", "dmesg.txt", "journalctl-short-full.txt",
    "journalctl-short-iso.txt", "journalctl-short-precise.txt", "journalctl-short.txt",
    "kern-iso.log", "kernel-cat.txt", "old-kernel.txt", "syslog.txt", "real/records.txt",
  };
  static const char * const odd_raws[] = {
    "", " ", "  two  spaces  ", "=", "a==b", "trailing ", "name=\"\"", "name=\"/o b\"",
    "name=\"/with=equals\"", "x=\"/etc/odd\"\"/etc/odd\"", "über=\"ä ö\"",
    "a-word-that-is-longer-than-thirty-two-bytes=1 a-word-that-is-longer-than-thirty-two-bytes=1",
  };
  g_autoptr(ScDenialStore) store = sc_denial_store_new (NULL);
  guint n_groups = 0;

  g_test_summary ("A group gives back its first record's raw text and details byte for byte, "
                  "for real records of every log shape and for odd text");

  for (guint f = 0; f < G_N_ELEMENTS (files); f++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "denials", files[f], NULL);
      g_autofree char *contents = NULL;
      g_autoptr(GError) error = NULL;
      g_auto(GStrv) lines = NULL;

      g_file_get_contents (path, &contents, NULL, &error);
      g_assert_no_error (error);
      lines = g_strsplit (contents, "\n", -1);
      /* Twice, so that words seen before are coded by the vocabulary. */
      for (guint round = 0; round < 2; round++)
        for (guint i = 0; lines[i] != NULL; i++)
          {
            g_autoptr(ScDenial) denial = NULL;
            guint64 lost = 0;
            gboolean is_new = FALSE;
            ScDenialGroup *group;

            if (sc_denial_parse_line (lines[i], -1, 2024, &denial, &lost) != SC_RECORD_DENIAL)
              continue;
            /* A new group per record and round: the grouping key takes the app. */
            g_free (denial->app);
            denial->app = g_strdup_printf ("app%u-%u-%u", f, round, i);
            group = sc_denial_store_add (store, denial, &is_new);
            if (group == NULL)
              continue;   /* the same audit event twice */
            g_assert_true (is_new);
            check_group_keeps (group, denial->raw, denial->details);
            n_groups++;
          }
    }
  g_assert_cmpuint (n_groups, >, 100);

  for (guint round = 0; round < 2; round++)
    for (guint i = 0; i < G_N_ELEMENTS (odd_raws); i++)
      {
        g_autofree char *app = g_strdup_printf ("odd%u-%u", round, i);
        g_autoptr(ScDenial) denial = make_file_denial ("foo", NULL, app, "/etc/odd", "r");
        ScDenialGroup *group;

        denial->raw = g_strdup (odd_raws[i]);
        sc_denial_set_detail (denial, "name", "/etc/odd");
        sc_denial_set_detail (denial, "empty", "");
        sc_denial_set_detail (denial, "long", odd_raws[G_N_ELEMENTS (odd_raws) - 1]);
        sc_denial_set_detail (denial, "requested_mask", "r");
        group = sc_denial_store_add (store, denial, NULL);
        check_group_keeps (group, denial->raw, denial->details);
      }

  /* Every group still reads back once all were added. */
  for (guint i = 0; i < sc_denial_store_get_groups (store)->len; i++)
    {
      ScDenialGroup *group = g_ptr_array_index (sc_denial_store_get_groups (store), i);
      g_autofree char *raw = sc_denial_group_dup_raw (group);

      g_assert_nonnull (raw);
    }
}

/* Records in files: a text log's records keep only their place. */

typedef struct
{
  ScJournalReader *reader;
  ScDenialStore   *store;
  int              fd;        /* the log, to check each span */
  guint            n_records;
  guint            n_spans;
} SpanRun;

static void
span_record_cb (ScDenial *denial,
                guint64   lost,
                gpointer  user_data)
{
  SpanRun *run = user_data;
  ScDenialSpan span;

  if (denial == NULL)
    return;
  run->n_records++;
  if (sc_journal_reader_get_record_span (run->reader, &span))
    {
      g_autofree char *bytes = g_malloc0 (span.length + 1);

      /* The span is the record's text, byte for byte. */
      g_assert_cmpint (pread (run->fd, bytes, span.length, (off_t) span.offset), ==, (gssize) span.length);
      g_assert_cmpstr (bytes, ==, denial->raw);
      run->n_spans++;
      sc_denial_store_add_with_span (run->store, denial, &span, NULL);
    }
  else
    sc_denial_store_add (run->store, denial, NULL);
}

static char *
span_log_line (guint i)
{
  return g_strdup_printf ("Jun 10 14:53:%02u host kernel: [%u.%06u] audit: type=1400 "
                          "audit(1718031201.%03u:%u): apparmor=\"DENIED\" operation=\"open\" "
                          "class=\"file\" profile=\"snap.foo.foo\" name=\"/home/ana/.config/foo/f%u\" "
                          "pid=%u comm=\"foo\" requested_mask=\"r\" denied_mask=\"r\" fsuid=1000 ouid=1000",
                          i % 60, 1000 + i, i, i % 1000, 2000 + i, i, 3000 + i);
}

static void
test_records_in_files (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("sc-denial-store-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "kern.log", NULL);
  g_autofree char *rotated = g_build_filename (dir, "kern.log.1", NULL);
  g_autoptr(GString) log = g_string_new (NULL);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(ScDenialStore) store = sc_denial_store_new (NULL);
  g_autoptr(ScDenialStore) coded = sc_denial_store_new (NULL);
  ScJournalOptions options = { 0 };
  SpanRun run = { 0 };
  GPtrArray *groups;
  guint n_lines;
  int fd;

  g_test_summary ("A store that keeps spans reads a text log's records back from the log, "
                  "byte for byte, also after the log was rotated; a log rewritten in place "
                  "gives no text rather than another record's");
  g_assert_no_error (error);

  /* More than the reader's 1 MiB block, so records straddle blocks; a
   * CRLF line and a record with a continuation line among them. */
  for (guint i = 0; log->len < 1536 * 1024; i++)
    {
      char *line = span_log_line (i);

      g_string_append (log, line);
      g_string_append (log, i == 7 ? "\r\n" : "\n");
      if (i == 11)
        g_string_append (log, "  continued\n");
      g_ptr_array_add (lines, line);
      if (i % 97 == 0)
        g_string_append (log, "Jun 10 14:53:00 host kernel: usb 1-1: new device\n");
    }
  n_lines = lines->len;
  g_assert_true (g_file_set_contents (path, log->str, (gssize) log->len, &error));
  g_assert_no_error (error);

  options.type = SC_JOURNAL_SOURCE_LOG;
  options.path = path;
  sc_denial_store_set_keep_spans (store, TRUE);
  run.store = store;
  run.fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  g_assert_cmpint (run.fd, >=, 0);
  run.reader = sc_journal_reader_new (&options, &error);
  g_assert_no_error (error);
  g_assert_true (sc_journal_reader_read (run.reader, span_record_cb, &run, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&run.reader, sc_journal_reader_free);
  close (run.fd);

  /* Every record but the joined one is its line. */
  g_assert_cmpuint (run.n_records, ==, n_lines);
  g_assert_cmpuint (run.n_spans, ==, n_lines - 1);

  groups = sc_denial_store_get_groups (store);
  g_assert_cmpuint (groups->len, ==, n_lines);
  for (guint i = 0; i < groups->len; i++)
    {
      g_autofree char *raw = sc_denial_group_dup_raw (g_ptr_array_index (groups, i));

      g_assert_true (sc_denial_group_has_raw (g_ptr_array_index (groups, i)));
      /* Found by index as in the array (slabs of 256, so several). */
      g_assert_true (sc_denial_store_get_group (store, i) == g_ptr_array_index (groups, i));
      if (i == 11)
        g_assert_true (g_str_has_prefix (raw, lines->pdata[i]) && strstr (raw, "continued") != NULL);
      else
        g_assert_cmpstr (raw, ==, lines->pdata[i]);
    }

  /* logrotate renames the log and starts a new one: the records are
   * still read from the old file. */
  g_assert_cmpint (g_rename (path, rotated), ==, 0);
  g_assert_true (g_file_set_contents (path, "", 0, &error));
  {
    g_autofree char *raw = sc_denial_group_dup_raw (g_ptr_array_index (groups, 3));

    g_assert_cmpstr (raw, ==, lines->pdata[3]);
  }

  /* Rewritten in place, same size: the bytes are no longer the record's. */
  fd = g_open (rotated, O_WRONLY | O_CLOEXEC, 0);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (pwrite (fd, "X", 1, 60), ==, 1);
  g_assert_cmpint (ftruncate (fd, (off_t) (log->len / 2)), ==, 0);
  close (fd);
  g_assert_null (sc_denial_group_dup_raw (g_ptr_array_index (groups, 0)));
  g_assert_true (sc_denial_group_has_raw (g_ptr_array_index (groups, 0)));
  g_assert_null (sc_denial_group_dup_raw (g_ptr_array_index (groups, groups->len - 1)));
  {
    /* Untouched bytes still read back; the joined record kept its text. */
    g_autofree char *raw = sc_denial_group_dup_raw (g_ptr_array_index (groups, 3));
    g_autofree char *joined = sc_denial_group_dup_raw (g_ptr_array_index (groups, 11));

    g_assert_cmpstr (raw, ==, lines->pdata[3]);
    g_assert_nonnull (strstr (joined, "continued"));
  }

  /* A store that does not keep spans keeps the text. */
  {
    g_autoptr(ScDenial) denial = NULL;
    guint64 lost = 0;
    ScDenialSpan span = { -1, 1, 1, 0, strlen (lines->pdata[5]) };
    ScDenialGroup *group;
    g_autofree char *raw = NULL;

    g_assert_cmpint (sc_denial_parse_line (lines->pdata[5], -1, 2024, &denial, &lost), ==, SC_RECORD_DENIAL);
    group = sc_denial_store_add_with_span (coded, denial, &span, NULL);
    raw = sc_denial_group_dup_raw (group);
    g_assert_cmpstr (raw, ==, lines->pdata[5]);
  }

  g_unlink (rotated);
  g_unlink (path);
  g_rmdir (dir);
}


int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/denial-store/normalise", test_normalise);
  g_test_add_func ("/denial-store/grouping", test_grouping);
  g_test_add_func ("/denial-store/audit-id-dedup", test_audit_id_dedup);
  g_test_add_func ("/denial-store/transports-through-parser", test_transports_through_parser);
  g_test_add_func ("/denial-store/snap-filter", test_snap_filter);
  g_test_add_func ("/denial-store/noise", test_noise);
  g_test_add_func ("/denial-store/lost", test_lost);
  g_test_add_func ("/denial-store/compact-and-shared", test_compact_and_shared);
  g_test_add_func ("/denial-store/records-kept", test_records_kept);
  g_test_add_func ("/denial-store/records-in-files", test_records_in_files);
  g_test_add_func ("/denial-store/max-groups", test_max_groups);
  g_test_add_func ("/denial-store/performance", test_performance);

  return g_test_run ();
}
