/* sc-test-journal.h: journal files for the journal tests, written by
 * systemd-journal-remote (a real journald writer).
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* TRUE when systemd-journal-remote is there; else marks the test skipped
 * (naming the package) and returns FALSE. */
gboolean sc_test_have_journal_remote       (void);

/* Writes the journal file OUT from LEN bytes of journal export format. */
void     sc_test_make_journal              (const char *export_text,
                                            gsize       len,
                                            const char *out);

/* Writes the journal file OUT from the export-format file EXPORT_PATH. */
void     sc_test_make_journal_from_file    (const char *export_path,
                                            const char *out);

G_END_DECLS
