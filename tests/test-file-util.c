/* test-file-util.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sc-file-util.h"
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
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GDir) d = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (f->dir);
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
  return g_test_run ();
}
