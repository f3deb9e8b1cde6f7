/* test-file-util.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <grp.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <sys/xattr.h>
#include <time.h>
#include <unistd.h>

#include "sc-file-util.h"
#include "sc-file-util-private.h"
#include "sc-project.h"

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = g_dir_make_tmp ("sc-file-util-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
}

static guint
count_entries (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (d) != NULL)
    n++;
  return n;
}

static void
remove_tree (const char *path)
{
  struct stat st;

  if (lstat (path, &st) != 0)
    return;
  if (S_ISDIR (st.st_mode))
    {
      g_autoptr(GDir) d = NULL;
      const char *name;

      g_chmod (path, 0700);
      d = g_dir_open (path, 0, NULL);
      while (d != NULL && (name = g_dir_read_name (d)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  remove_tree (f->dir);
  g_free (f->dir);
}

static char *
read_all (const char *path)
{
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  return contents;
}

static void
test_replace_keeps_mode (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "snapcraft.yaml", NULL);
  g_autoptr(GBytes) expected = g_bytes_new_static ("old\n", 4);
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;
  struct stat st;

  g_test_summary ("Atomic replace keeps mode bits and leaves no temporary file");
  g_assert_true (g_file_set_contents (path, "old\n", -1, NULL));
  g_assert_cmpint (g_chmod (path, 0640), ==, 0);

  g_assert_true (sc_file_replace_atomic (path, "new\n", 4, expected, &error));
  g_assert_no_error (error);
  after = read_all (path);
  g_assert_cmpstr (after, ==, "new\n");
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0640);
  g_assert_cmpuint (count_entries (f->dir), ==, 1);
}

static void
test_replace_refuses_changed (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "snapcraft.yaml", NULL);
  g_autoptr(GBytes) expected = g_bytes_new_static ("old\n", 4);
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;

  g_test_summary ("A file changed on disk since it was read is never overwritten");
  g_assert_true (g_file_set_contents (path, "someone else's edit\n", -1, NULL));
  g_assert_false (sc_file_replace_atomic (path, "new\n", 4, expected, &error));
  g_assert_error (error, SC_PROJECT_ERROR, SC_PROJECT_ERROR_CHANGED);
  after = read_all (path);
  g_assert_cmpstr (after, ==, "someone else's edit\n");
  g_assert_cmpuint (count_entries (f->dir), ==, 1);
}

static void
test_replace_through_symlink (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *real = g_build_filename (f->dir, "real.yaml", NULL);
  g_autofree char *link = g_build_filename (f->dir, "snapcraft.yaml", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;
  g_autofree char *target = NULL;

  g_test_summary ("Writing through a symlink replaces the target and keeps the link");
  g_assert_true (g_file_set_contents (real, "old\n", -1, NULL));
  g_assert_cmpint (symlink ("real.yaml", link), ==, 0);

  g_assert_true (sc_file_replace_atomic (link, "new\n", 4, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  target = g_file_read_link (link, NULL);
  g_assert_cmpstr (target, ==, "real.yaml");
  after = read_all (real);
  g_assert_cmpstr (after, ==, "new\n");
  g_assert_cmpuint (count_entries (f->dir), ==, 2);
}

static void
test_replace_missing (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "nope.yaml", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (sc_file_replace_atomic (path, "x", 1, NULL, &error));
  g_assert_error (error, SC_PROJECT_ERROR, SC_PROJECT_ERROR_WRITE);
  g_assert_cmpuint (count_entries (f->dir), ==, 0);
}

static void
test_read_limited (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "big", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) small = NULL;

  g_test_summary ("Reading refuses files over the limit with a message naming the file");
  g_assert_true (g_file_set_contents (path, "0123456789", -1, NULL));
  bytes = sc_file_read_limited (path, 5, &error);
  g_assert_null (bytes);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_assert_nonnull (strstr (error->message, path));
  g_clear_error (&error);

  small = sc_file_read_limited (path, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (small), ==, 10);
}

/* ---- The write path: issue 15 ------------------------------------------- */

#define NOBODY 65534

/* Writes TEXT to PATH without following the usual helpers (which would
 * replace the file): an append or overwrite in place, as an editor with the
 * file open would. */
static void
append_in_place (const char *path,
                 const char *text)
{
  int fd = g_open (path, O_WRONLY | O_APPEND, 0);

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (write (fd, text, strlen (text)), ==, (gssize) strlen (text));
  close (fd);
}

static void
append_hook (const char *target,
             gpointer    user_data)
{
  append_in_place (target, user_data);
}

static void
test_race_append_kept (Fixture       *f,
                       gconstpointer  data)
{
  gboolean no_exchange = GPOINTER_TO_INT (data);
  g_autofree char *path = g_build_filename (f->dir, "snapcraft.yaml", NULL);
  g_autoptr(GBytes) expected = g_bytes_new_static ("old\n", 4);
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;

  g_test_summary ("An edit by another program that lands after every check but right "
                  "before the new file is moved into place is never lost (issue 15, item 1)");
  g_assert_true (g_file_set_contents (path, "old\n", -1, NULL));

  sc_file_set_test_hooks (append_hook, (gpointer) "appended by another program\n", no_exchange);
  g_assert_false (sc_file_replace_atomic (path, "new\n", 4, expected, &error));
  sc_file_set_test_hooks (NULL, NULL, FALSE);

  g_assert_error (error, SC_PROJECT_ERROR, SC_PROJECT_ERROR_CHANGED);
  after = read_all (path);
  g_assert_cmpstr (after, ==, "old\nappended by another program\n");
  g_assert_cmpuint (count_entries (f->dir), ==, 1);
}

typedef struct
{
  const char *dir;
  gboolean    done;
} ReplaceHook;

static void
replace_hook (const char *target,
              gpointer    user_data)
{
  /* An editor that saves by writing a new file and renaming it over. */
  g_assert_true (g_file_set_contents (target, "saved by an editor\n", -1, NULL));
}

static void
test_race_rename_kept (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "snapcraft.yaml", NULL);
  g_autoptr(GBytes) expected = g_bytes_new_static ("old\n", 4);
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;

  g_test_summary ("A save by rename that lands right before ours is swapped back, not lost");
  g_assert_true (g_file_set_contents (path, "old\n", -1, NULL));
  sc_file_set_test_hooks (replace_hook, NULL, FALSE);
  g_assert_false (sc_file_replace_atomic (path, "new\n", 4, expected, &error));
  sc_file_set_test_hooks (NULL, NULL, FALSE);
  g_assert_error (error, SC_PROJECT_ERROR, SC_PROJECT_ERROR_CHANGED);
  after = read_all (path);
  g_assert_cmpstr (after, ==, "saved by an editor\n");
  g_assert_cmpuint (count_entries (f->dir), ==, 1);
}

static void
test_fallback_writes (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "snapcraft.yaml", NULL);
  g_autoptr(GBytes) expected = g_bytes_new_static ("old\n", 4);
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;

  g_test_summary ("Where the filesystem cannot exchange two names, a compare-then-rename "
                  "still writes and leaves nothing behind");
  g_assert_true (g_file_set_contents (path, "old\n", -1, NULL));
  sc_file_set_test_hooks (NULL, NULL, TRUE);
  g_assert_true (sc_file_replace_atomic (path, "new\n", 4, expected, &error));
  sc_file_set_test_hooks (NULL, NULL, FALSE);
  g_assert_no_error (error);
  after = read_all (path);
  g_assert_cmpstr (after, ==, "new\n");
  g_assert_cmpuint (count_entries (f->dir), ==, 1);
}

/* Runs FUNC(DATA) in a child process as the user nobody; returns its exit
 * status. */
static int
run_as_nobody (int    (*func) (gpointer),
               gpointer data)
{
  pid_t pid;
  int status = 0;

  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      if (setgroups (0, NULL) != 0 || setgid (NOBODY) != 0 || setuid (NOBODY) != 0)
        _exit (99);
      _exit (func (data));
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

static int
reach_folder (gpointer data)
{
  return access (data, R_OK | W_OK | X_OK) == 0 ? 0 : 1;
}

static gboolean
can_become_nobody (Fixture *f)
{
  if (geteuid () != 0)
    {
      g_test_skip ("needs root to make a file owned by another user and to run as nobody");
      return FALSE;
    }
  /* nobody must reach the fixture folder. */
  g_assert_cmpint (g_chmod (f->dir, 0755), ==, 0);
  g_assert_cmpint (chown (f->dir, NOBODY, NOBODY), ==, 0);
  if (run_as_nobody (reach_folder, f->dir) != 0)
    {
      g_test_skip ("the user nobody cannot reach the temporary folder");
      return FALSE;
    }
  return TRUE;
}

static int
write_expecting_not_permitted (gpointer data)
{
  g_autoptr(GError) error = NULL;

  if (sc_file_replace_atomic (data, "new\n", 4, NULL, &error))
    return 1;
  g_printerr ("%s\n", error->message);
  if (!g_error_matches (error, SC_FILE_ERROR, SC_FILE_ERROR_NOT_PERMITTED)
      || strstr (error->message, "you may not write") == NULL)
    return 2;
  return 0;
}

static void
test_owner_kept (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "snapcraft.yaml", NULL);
  g_autofree char *after = NULL;
  struct stat st;

  g_test_summary ("A user who owns the folder but not the file (root-owned 0644) is refused "
                  "and the file keeps its owner (issue 15, item 2)");
  if (!can_become_nobody (f))
    return;
  g_assert_true (g_file_set_contents (path, "old\n", -1, NULL));
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);

  g_assert_cmpint (run_as_nobody (write_expecting_not_permitted, path), ==, 0);
  after = read_all (path);
  g_assert_cmpstr (after, ==, "old\n");
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpuint (st.st_uid, ==, 0);
  g_assert_cmpuint (count_entries (f->dir), ==, 1);

  /* Writable through its group, but the new file would be nobody's. */
  g_assert_cmpint (chown (path, 0, NOBODY), ==, 0);
  g_assert_cmpint (g_chmod (path, 0664), ==, 0);
  g_assert_cmpint (run_as_nobody (write_expecting_not_permitted, path), ==, 0);
  g_clear_pointer (&after, g_free);
  after = read_all (path);
  g_assert_cmpstr (after, ==, "old\n");
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpuint (st.st_uid, ==, 0);
  g_assert_cmpuint (count_entries (f->dir), ==, 1);
}

static void
test_read_only (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "snapcraft.yaml", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;
  struct stat st;

  g_test_summary ("A read-only (0444) file is refused unless forced, and keeps 0444 when "
                  "forced (issue 15, item 3)");
  g_assert_true (g_file_set_contents (path, "old\n", -1, NULL));
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);

  g_assert_false (sc_file_check_replaceable (path, SC_FILE_REPLACE_NONE, &error));
  g_assert_error (error, SC_FILE_ERROR, SC_FILE_ERROR_READ_ONLY);
  g_clear_error (&error);

  g_assert_false (sc_file_replace_atomic (path, "new\n", 4, NULL, &error));
  g_assert_error (error, SC_FILE_ERROR, SC_FILE_ERROR_READ_ONLY);
  g_assert_true (sc_file_error_needs_force (error));
  g_assert_nonnull (strstr (error->message, "read-only"));
  g_assert_nonnull (strstr (error->message, path));
  g_clear_error (&error);
  after = read_all (path);
  g_assert_cmpstr (after, ==, "old\n");
  g_assert_cmpuint (count_entries (f->dir), ==, 1);

  g_assert_true (sc_file_check_replaceable (path, SC_FILE_REPLACE_FORCE, &error));
  g_assert_true (sc_file_replace_atomic_full (path, "new\n", 4, NULL, SC_FILE_REPLACE_FORCE, &error));
  g_assert_no_error (error);
  g_clear_pointer (&after, g_free);
  after = read_all (path);
  g_assert_cmpstr (after, ==, "new\n");
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0444);
  g_assert_cmpuint (count_entries (f->dir), ==, 1);
}

static void
test_setuid_kept (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "snapcraft.yaml", NULL);
  g_autoptr(GError) error = NULL;
  struct stat st;
  uid_t uid = geteuid () == 0 ? NOBODY : geteuid ();
  gid_t gid = geteuid () == 0 ? NOBODY : getegid ();

  g_test_summary ("setuid and setgid bits survive a write, also when the owner is set "
                  "(which clears them) (issue 15, item 4)");
  g_assert_true (g_file_set_contents (path, "old\n", -1, NULL));
  g_assert_cmpint (chown (path, uid, gid), ==, 0);
  g_assert_cmpint (g_chmod (path, 06754), ==, 0);

  g_assert_true (sc_file_replace_atomic (path, "new\n", 4, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 06754);
  g_assert_cmpuint (st.st_uid, ==, uid);
  g_assert_cmpuint (st.st_gid, ==, gid);
}

/* A POSIX ACL in the kernel's xattr form (linux/posix_acl_xattr.h). */
typedef struct
{
  guint16 tag;
  guint16 perm;
  guint32 id;
} AclEntry;

static GBytes *
make_acl (guint32 extra_user)
{
  const AclEntry entries[] = {
    { 0x01, 6, G_MAXUINT32 },   /* ACL_USER_OBJ rw */
    { 0x02, 4, extra_user },    /* ACL_USER r */
    { 0x04, 4, G_MAXUINT32 },   /* ACL_GROUP_OBJ r */
    { 0x10, 4, G_MAXUINT32 },   /* ACL_MASK r */
    { 0x20, 0, G_MAXUINT32 },   /* ACL_OTHER --- */
  };
  GByteArray *acl = g_byte_array_new ();
  guint32 version = 2;

  g_byte_array_append (acl, (const guint8 *) &version, sizeof version);
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      g_byte_array_append (acl, (const guint8 *) &entries[i].tag, 2);
      g_byte_array_append (acl, (const guint8 *) &entries[i].perm, 2);
      g_byte_array_append (acl, (const guint8 *) &entries[i].id, 4);
    }
  return g_byte_array_free_to_bytes (acl);
}

static GBytes *
get_xattr (const char *path,
           const char *name)
{
  char buf[4096];
  gssize n = getxattr (path, name, buf, sizeof buf);

  return n < 0 ? NULL : g_bytes_new (buf, (gsize) n);
}

static void
test_xattrs_kept (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "snapcraft.yaml", NULL);
  g_autoptr(GBytes) acl = make_acl (4242);
  g_autoptr(GBytes) user_after = NULL;
  g_autoptr(GBytes) acl_after = NULL;
  g_autoptr(GBytes) default_acl = make_acl (4343);
  g_autoptr(GError) error = NULL;
  g_autofree char *other = g_build_filename (f->dir, "other.yaml", NULL);
  struct stat st;

  g_test_summary ("Extended attributes (user.*) and the ACL (system.posix_acl_access) are "
                  "copied to the new file before it replaces the old one (issue 15, item 4)");
  g_assert_true (g_file_set_contents (path, "old\n", -1, NULL));
  if (setxattr (path, "user.sc-test", "kept", 4, 0) != 0)
    {
      g_autofree char *reason = g_strdup_printf ("user extended attributes are not supported "
                                                 "in %s: %s", f->dir, g_strerror (errno));
      g_test_skip (reason);
      return;
    }
  if (setxattr (path, "system.posix_acl_access", g_bytes_get_data (acl, NULL),
                g_bytes_get_size (acl), 0) != 0)
    {
      g_autofree char *reason = g_strdup_printf ("ACLs are not supported in %s: %s",
                                                 f->dir, g_strerror (errno));
      g_test_skip (reason);
      return;
    }

  g_assert_true (sc_file_replace_atomic (path, "new\n", 4, NULL, &error));
  g_assert_no_error (error);
  user_after = get_xattr (path, "user.sc-test");
  g_assert_nonnull (user_after);
  g_assert_cmpmem (g_bytes_get_data (user_after, NULL), g_bytes_get_size (user_after), "kept", 4);
  acl_after = get_xattr (path, "system.posix_acl_access");
  g_assert_nonnull (acl_after);
  g_assert_true (g_bytes_equal (acl_after, acl));
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0640);

  /* A file without an ACL does not get one from the folder's default. */
  g_assert_true (g_file_set_contents (other, "old\n", -1, NULL));
  g_assert_cmpint (g_chmod (other, 0644), ==, 0);
  g_assert_cmpint (setxattr (f->dir, "system.posix_acl_default", g_bytes_get_data (default_acl, NULL),
                             g_bytes_get_size (default_acl), 0), ==, 0);
  g_assert_true (sc_file_replace_atomic (other, "new\n", 4, NULL, &error));
  g_assert_no_error (error);
  g_assert_null (get_xattr (other, "system.posix_acl_access"));
  g_assert_cmpint (g_stat (other, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0644);
  removexattr (f->dir, "system.posix_acl_default");
}

static void
test_hard_link (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "snapcraft.yaml", NULL);
  g_autofree char *backup = g_build_filename (f->dir, "backup.yaml", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;
  g_autofree char *other = NULL;

  g_test_summary ("A hard-linked file is refused unless forced; forced, the other name keeps "
                  "the old text (issue 15, item 4)");
  g_assert_true (g_file_set_contents (path, "old\n", -1, NULL));
  g_assert_cmpint (link (path, backup), ==, 0);

  g_assert_false (sc_file_replace_atomic (path, "new\n", 4, NULL, &error));
  g_assert_error (error, SC_FILE_ERROR, SC_FILE_ERROR_HARD_LINKED);
  g_assert_true (sc_file_error_needs_force (error));
  g_assert_nonnull (strstr (error->message, "1 other hard link"));
  g_clear_error (&error);
  after = read_all (path);
  g_assert_cmpstr (after, ==, "old\n");

  g_assert_true (sc_file_replace_atomic_full (path, "new\n", 4, NULL, SC_FILE_REPLACE_FORCE, &error));
  g_assert_no_error (error);
  g_clear_pointer (&after, g_free);
  after = read_all (path);
  g_assert_cmpstr (after, ==, "new\n");
  other = read_all (backup);
  g_assert_cmpstr (other, ==, "old\n");
  g_assert_cmpuint (count_entries (f->dir), ==, 2);
}

static void
raise_hook (const char *target,
            gpointer    user_data)
{
  raise (GPOINTER_TO_INT (user_data));
}

static void
test_sigterm_removes_temporary (Fixture       *f,
                                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "snapcraft.yaml", NULL);
  g_autoptr(GBytes) expected = g_bytes_new_static ("old\n", 4);
  g_autofree char *after = NULL;
  int sig = GPOINTER_TO_INT (data);
  int status = 0;
  pid_t pid;

  g_test_summary ("SIGTERM or SIGINT in the middle of a write removes the temporary, leaves "
                  "the file as it was and still ends the process (issue 15, item 5)");
  g_assert_true (g_file_set_contents (path, "old\n", -1, NULL));

  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      sc_file_set_test_hooks (raise_hook, GINT_TO_POINTER (sig), FALSE);
      sc_file_replace_atomic (path, "new\n", 4, expected, NULL);
      _exit (0);
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status));
  g_assert_cmpint (WTERMSIG (status), ==, sig);
  after = read_all (path);
  g_assert_cmpstr (after, ==, "old\n");
  g_assert_cmpuint (count_entries (f->dir), ==, 1);
}

static volatile sig_atomic_t app_handler_ran;

static void
app_handler (int sig)
{
  app_handler_ran = sig;
}

static void
test_signal_chains_to_app_handler (Fixture       *f,
                                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "snapcraft.yaml", NULL);
  g_autoptr(GBytes) expected = g_bytes_new_static ("old\n", 4);
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;
  struct sigaction sa = { 0 }, old, now;

  g_test_summary ("A program with its own SIGINT handler (the window) gets the signal after "
                  "the temporary is removed, and the write fails as interrupted");
  g_assert_true (g_file_set_contents (path, "old\n", -1, NULL));
  sa.sa_handler = app_handler;
  sigemptyset (&sa.sa_mask);
  g_assert_cmpint (sigaction (SIGINT, &sa, &old), ==, 0);
  app_handler_ran = 0;

  sc_file_set_test_hooks (raise_hook, GINT_TO_POINTER (SIGINT), FALSE);
  g_assert_false (sc_file_replace_atomic (path, "new\n", 4, expected, &error));
  sc_file_set_test_hooks (NULL, NULL, FALSE);

  g_assert_cmpint (app_handler_ran, ==, SIGINT);
  g_assert_error (error, SC_FILE_ERROR, SC_FILE_ERROR_INTERRUPTED);
  after = read_all (path);
  g_assert_cmpstr (after, ==, "old\n");
  g_assert_cmpuint (count_entries (f->dir), ==, 1);
  g_assert_cmpint (sigaction (SIGINT, NULL, &now), ==, 0);
  g_assert_true (now.sa_handler == app_handler);
  sigaction (SIGINT, &old, NULL);
}

static void
touch_at (const char *path,
          time_t      when)
{
  struct timespec times[2] = { { when, 0 }, { when, 0 } };

  g_assert_true (g_file_set_contents (path, "partial", -1, NULL));
  g_assert_cmpint (utimensat (AT_FDCWD, path, times, 0), ==, 0);
}

static void
test_stale_temporaries (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "snapcraft.yaml", NULL);
  g_autofree char *dead = NULL, *alive = NULL, *alive_old = NULL, *unrelated = NULL;
  g_autoptr(GError) error = NULL;
  time_t now = time (NULL);
  pid_t child;

  g_test_summary ("Temporaries left by a killed write are removed by the next write; those "
                  "of a live writer and other files are not (issue 15, item 5)");
  child = fork ();
  if (child == 0)
    _exit (0);
  g_assert_cmpint (waitpid (child, NULL, 0), ==, child);

  g_assert_true (g_file_set_contents (path, "old\n", -1, NULL));
  dead = g_strdup_printf ("%s/.snapcraft.yaml.snapconfine-%d-Ab12Cd", f->dir, (int) child);
  alive = g_strdup_printf ("%s/.snapcraft.yaml.snapconfine-%d-Ef34Gh", f->dir, (int) getppid ());
  alive_old = g_strdup_printf ("%s/.snapcraft.yaml.snapconfine-%d-Ij56Kl", f->dir, (int) getppid ());
  unrelated = g_build_filename (f->dir, ".snapcraft.yaml.swp", NULL);
  touch_at (dead, now);
  touch_at (alive, now);
  touch_at (alive_old, now - 2 * 60 * 60);
  touch_at (unrelated, now - 2 * 60 * 60);

  g_assert_true (sc_file_replace_atomic (path, "new\n", 4, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (dead, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (alive, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (alive_old, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (unrelated, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_entries (f->dir), ==, 3);
}

static void
test_fifo_never_blocks (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *fifo = g_build_filename (f->dir, "snapcraft.yaml", NULL);
  g_autofree char *project = g_build_filename (f->dir, "proj", NULL);
  g_autofree char *snap = g_build_filename (project, "snap", NULL);
  g_autofree char *inner = g_build_filename (snap, "snapcraft.yaml", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  ScProject *loaded;

  g_test_summary ("A FIFO as snapcraft.yaml is refused at once, never read (issue 15, item 6)");
  g_assert_cmpint (mkfifo (fifo, 0644), ==, 0);
  alarm (20);   /* a hang fails the test instead of stalling the suite */

  bytes = sc_file_read_limited (fifo, 1024, &error);
  g_assert_null (bytes);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_assert_nonnull (strstr (error->message, "FIFO"));
  g_clear_error (&error);

  loaded = sc_project_load (fifo, &error);
  g_assert_null (loaded);
  g_assert_error (error, SC_PROJECT_ERROR, SC_PROJECT_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "not a regular file"));
  g_clear_error (&error);

  g_assert_false (sc_file_replace_atomic (fifo, "x", 1, NULL, &error));
  g_assert_error (error, SC_FILE_ERROR, SC_FILE_ERROR_NOT_REGULAR);
  g_clear_error (&error);

  /* In a folder: say which candidate is not a file. */
  g_assert_cmpint (g_mkdir_with_parents (snap, 0755), ==, 0);
  g_assert_cmpint (mkfifo (inner, 0644), ==, 0);
  loaded = sc_project_load (project, &error);
  g_assert_null (loaded);
  g_assert_error (error, SC_PROJECT_ERROR, SC_PROJECT_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "snap/snapcraft.yaml: not a regular file (it is a FIFO)"));
  alarm (0);
}

static void
test_symlink_loop (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *loop = g_build_filename (f->dir, "snapcraft.yaml", NULL);
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;
  ScProject *loaded;

  g_test_summary ("A symlink loop says so, not “no such file” (issue 15, item 13)");
  g_assert_cmpint (symlink ("snapcraft.yaml", loop), ==, 0);

  loaded = sc_project_load (loop, &error);
  g_assert_null (loaded);
  g_assert_error (error, SC_PROJECT_ERROR, SC_PROJECT_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "symlink loop"));
  g_clear_error (&error);

  /* Found while looking in the folder. */
  loaded = sc_project_load (f->dir, &error);
  g_assert_null (loaded);
  g_assert_error (error, SC_PROJECT_ERROR, SC_PROJECT_ERROR_NOT_FOUND);
  message = g_strdup_printf ("%s: symlink loop", loop);
  g_assert_nonnull (strstr (error->message, message));
}

static int
load_expecting_permission_denied (gpointer data)
{
  g_autoptr(GError) error = NULL;
  ScProject *loaded = sc_project_load (data, &error);

  if (loaded != NULL)
    return 1;
  g_printerr ("%s\n", error->message);
  return strstr (error->message, "permission denied") != NULL
         && strstr (error->message, "no snapcraft.yaml") == NULL ? 0 : 2;
}

static void
test_snap_folder_unreadable (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *project = g_build_filename (f->dir, "proj", NULL);
  g_autofree char *snap = g_build_filename (project, "snap", NULL);
  g_autofree char *file = g_build_filename (snap, "snapcraft.yaml", NULL);

  g_test_summary ("A snap/ folder with mode 000 says permission denied, not “no snapcraft.yaml "
                  "found” (issue 15, item 13)");
  g_assert_cmpint (g_mkdir_with_parents (snap, 0755), ==, 0);
  g_assert_true (g_file_set_contents (file, "name: x\n", -1, NULL));
  g_assert_cmpint (g_chmod (snap, 0), ==, 0);
  g_assert_cmpint (g_chmod (project, 0755), ==, 0);

  if (geteuid () == 0)
    {
      if (!can_become_nobody (f))
        {
          g_chmod (snap, 0755);
          return;
        }
      g_assert_cmpint (run_as_nobody (load_expecting_permission_denied, project), ==, 0);
    }
  else
    g_assert_cmpint (load_expecting_permission_denied (project), ==, 0);
  g_assert_cmpint (g_chmod (snap, 0755), ==, 0);
}

static void
test_outside_target (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *project = g_build_filename (f->dir, "proj", NULL);
  g_autofree char *snap = g_build_filename (project, "snap", NULL);
  g_autofree char *file = g_build_filename (snap, "snapcraft.yaml", NULL);
  g_autofree char *elsewhere = g_build_filename (f->dir, "elsewhere.yaml", NULL);
  g_autofree char *inside = g_build_filename (project, "real.yaml", NULL);
  g_autofree char *real_elsewhere = NULL;
  g_autofree char *outside = NULL;
  g_autofree char *none = NULL;

  g_test_summary ("A snapcraft.yaml that links out of the project names where the bytes go "
                  "(issue 15, item 13)");
  g_assert_cmpint (g_mkdir_with_parents (snap, 0755), ==, 0);
  g_assert_true (g_file_set_contents (elsewhere, "name: x\n", -1, NULL));
  g_assert_true (g_file_set_contents (inside, "name: x\n", -1, NULL));
  g_assert_cmpint (symlink ("../../elsewhere.yaml", file), ==, 0);

  real_elsewhere = realpath (elsewhere, NULL);
  outside = sc_file_get_outside_target (file, project);
  g_assert_cmpstr (outside, ==, real_elsewhere);

  g_assert_cmpint (g_unlink (file), ==, 0);
  g_assert_cmpint (symlink ("../real.yaml", file), ==, 0);
  none = sc_file_get_outside_target (file, project);
  g_assert_null (none);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/file-util/replace-keeps-mode", Fixture, NULL, fixture_setup, test_replace_keeps_mode, fixture_teardown);
  g_test_add ("/file-util/replace-refuses-changed", Fixture, NULL, fixture_setup, test_replace_refuses_changed, fixture_teardown);
  g_test_add ("/file-util/replace-through-symlink", Fixture, NULL, fixture_setup, test_replace_through_symlink, fixture_teardown);
  g_test_add ("/file-util/replace-missing", Fixture, NULL, fixture_setup, test_replace_missing, fixture_teardown);
  g_test_add ("/file-util/read-limited", Fixture, NULL, fixture_setup, test_read_limited, fixture_teardown);
  g_test_add ("/file-util/race/append-kept", Fixture, GINT_TO_POINTER (FALSE), fixture_setup, test_race_append_kept, fixture_teardown);
  g_test_add ("/file-util/race/append-kept-without-exchange", Fixture, GINT_TO_POINTER (TRUE), fixture_setup, test_race_append_kept, fixture_teardown);
  g_test_add ("/file-util/race/rename-kept", Fixture, NULL, fixture_setup, test_race_rename_kept, fixture_teardown);
  g_test_add ("/file-util/fallback-writes", Fixture, NULL, fixture_setup, test_fallback_writes, fixture_teardown);
  g_test_add ("/file-util/owner-kept", Fixture, NULL, fixture_setup, test_owner_kept, fixture_teardown);
  g_test_add ("/file-util/read-only", Fixture, NULL, fixture_setup, test_read_only, fixture_teardown);
  g_test_add ("/file-util/setuid-kept", Fixture, NULL, fixture_setup, test_setuid_kept, fixture_teardown);
  g_test_add ("/file-util/xattrs-kept", Fixture, NULL, fixture_setup, test_xattrs_kept, fixture_teardown);
  g_test_add ("/file-util/hard-link", Fixture, NULL, fixture_setup, test_hard_link, fixture_teardown);
  g_test_add ("/file-util/signal/sigterm", Fixture, GINT_TO_POINTER (SIGTERM), fixture_setup, test_sigterm_removes_temporary, fixture_teardown);
  g_test_add ("/file-util/signal/sigint", Fixture, GINT_TO_POINTER (SIGINT), fixture_setup, test_sigterm_removes_temporary, fixture_teardown);
  g_test_add ("/file-util/signal/chains-to-app-handler", Fixture, NULL, fixture_setup, test_signal_chains_to_app_handler, fixture_teardown);
  g_test_add ("/file-util/stale-temporaries", Fixture, NULL, fixture_setup, test_stale_temporaries, fixture_teardown);
  g_test_add ("/file-util/fifo-never-blocks", Fixture, NULL, fixture_setup, test_fifo_never_blocks, fixture_teardown);
  g_test_add ("/file-util/symlink-loop", Fixture, NULL, fixture_setup, test_symlink_loop, fixture_teardown);
  g_test_add ("/file-util/snap-folder-unreadable", Fixture, NULL, fixture_setup, test_snap_folder_unreadable, fixture_teardown);
  g_test_add ("/file-util/outside-target", Fixture, NULL, fixture_setup, test_outside_target, fixture_teardown);
  return g_test_run ();
}
