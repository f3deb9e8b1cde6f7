/* sc-file-util.h
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Replaces the file at PATH atomically: a temporary file in the same folder,
 * fsync, rename over. Keeps the mode bits (and owner when possible); when PATH
 * is a symlink the link's target is replaced and the link kept. When EXPECTED
 * is not NULL and the file's current contents differ from it, nothing is
 * written and SC_PROJECT_ERROR_CHANGED is raised. No temporary or backup file
 * is left behind, on success or failure. Errors: SC_PROJECT_ERROR_WRITE. */
gboolean sc_file_replace_atomic (const char  *path,
                                 const char  *contents,
                                 gsize        len,
                                 GBytes      *expected,
                                 GError     **error);

/* Reads a file of at most MAX_SIZE bytes (else G_IO_ERROR_NO_SPACE with a
 * message naming the file and the limit). */
GBytes  *sc_file_read_limited   (const char  *path,
                                 gsize        max_size,
                                 GError     **error);

G_END_DECLS
