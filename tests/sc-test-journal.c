/* sc-test-journal.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>

#include "sc-test-journal.h"

#define JOURNAL_REMOTE "/lib/systemd/systemd-journal-remote"

gboolean
sc_test_have_journal_remote (void)
{
  if (g_file_test (JOURNAL_REMOTE, G_FILE_TEST_IS_EXECUTABLE))
    return TRUE;
  g_test_skip ("systemd-journal-remote is not installed (package systemd-journal-remote)");
  return FALSE;
}

void
sc_test_make_journal (const char *export_text,
                      gsize       len,
                      const char *out)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) input = g_bytes_new (export_text, len);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  proc = g_subprocess_launcher_spawn (launcher, &error, JOURNAL_REMOTE, "-o", out, "-", NULL);
  g_assert_no_error (error);
  g_subprocess_communicate (proc, input, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_successful (proc));
  g_assert_true (g_file_test (out, G_FILE_TEST_EXISTS));
}

void
sc_test_make_journal_from_file (const char *export_path,
                                const char *out)
{
  g_autofree char *text = NULL;
  gsize len = 0;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (export_path, &text, &len, &error);
  g_assert_no_error (error);
  sc_test_make_journal (text, len, out);
}
