/* sc-file-util.h
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define SC_FILE_ERROR (sc_file_error_quark ())

/* Why a write was refused before anything was written. The CLI exits 4 for
 * all of them. */
typedef enum
{
  SC_FILE_ERROR_READ_ONLY,     /* the mode forbids writing (e.g. 0444) but the caller owns
                                * the file (or is root): SC_FILE_REPLACE_FORCE writes anyway */
  SC_FILE_ERROR_HARD_LINKED,   /* the file has other hard links, which would keep the old
                                * text: SC_FILE_REPLACE_FORCE writes anyway */
  SC_FILE_ERROR_NOT_PERMITTED, /* the caller may not write the file, or replacing it would
                                * change its owner or group: never overridden */
  SC_FILE_ERROR_NOT_REGULAR,   /* a FIFO, device, socket or folder */
  SC_FILE_ERROR_INTERRUPTED,   /* SIGINT/SIGTERM/SIGHUP arrived; the temporary was removed */
} ScFileError;

GQuark sc_file_error_quark (void);

typedef enum
{
  SC_FILE_REPLACE_NONE  = 0,
  SC_FILE_REPLACE_FORCE = 1 << 0, /* write a read-only or hard-linked file anyway (mode and
                                   * owner are still kept; other hard links keep the old text) */
} ScFileReplaceFlags;

/* TRUE when ERROR is one the user may override (READ_ONLY, HARD_LINKED):
 * ask, then retry with SC_FILE_REPLACE_FORCE. */
gboolean sc_file_error_needs_force (const GError *error);

/* Replaces the file at PATH atomically: a temporary file in the same folder
 * (named .BASE.snapconfine-PID-XXXXXX), fsync, then an atomic exchange with
 * the old file; when EXPECTED is not NULL the old file, now at the temporary
 * name, must still hold EXPECTED, else the two are swapped back and
 * SC_PROJECT_ERROR_CHANGED is raised. Where the filesystem cannot exchange,
 * the contents are compared just before a plain rename.
 *
 * Mode bits (setuid/setgid included), owner, group, ACLs and extended
 * attributes are kept; when PATH is a symlink the link's target is replaced
 * and the link kept. Refused (SC_FILE_ERROR): a file the caller may not write
 * or whose owner/group would change, and without FORCE a read-only or
 * hard-linked file. A SIGINT/SIGTERM/SIGHUP during the write removes the
 * temporary before the signal takes effect; temporaries left by a killed
 * earlier run are removed. Errors: SC_FILE_ERROR_*, SC_PROJECT_ERROR_CHANGED,
 * SC_PROJECT_ERROR_WRITE. */
gboolean sc_file_replace_atomic_full (const char          *path,
                                      const char          *contents,
                                      gsize                len,
                                      GBytes              *expected,
                                      ScFileReplaceFlags   flags,
                                      GError             **error);

/* sc_file_replace_atomic_full() without flags. */
gboolean sc_file_replace_atomic (const char  *path,
                                 const char  *contents,
                                 gsize        len,
                                 GBytes      *expected,
                                 GError     **error);

/* The checks sc_file_replace_atomic_full() makes before writing, without
 * writing: lets a front end ask its question before the review. */
gboolean sc_file_check_replaceable (const char          *path,
                                    ScFileReplaceFlags   flags,
                                    GError             **error);

/* Reads a regular file of at most MAX_SIZE bytes (else G_IO_ERROR_NO_SPACE
 * with a message naming the file and the limit). Never blocks on a FIFO or
 * device: those fail with G_IO_ERROR_NOT_REGULAR_FILE. */
GBytes  *sc_file_read_limited   (const char  *path,
                                 gsize        max_size,
                                 GError     **error);

/* Before project discovery: fails with SC_PROJECT_ERROR_NOT_FOUND and a
 * precise message when PATH cannot be looked at (a symlink loop, a folder
 * without permission), or when PATH is a folder in which none of CANDIDATES
 * is a regular file but one of them exists and cannot be read (permission
 * denied, a loop, a FIFO...). Returns TRUE otherwise, also when nothing is
 * there at all (the caller says "not found" in its own words). */
gboolean sc_file_check_project_path (const char          *path,
                                     const char * const  *candidates,
                                     GError             **error);

/* When FILE (a project's snapcraft.yaml) resolves, through symlinks, to a
 * file outside the folder ROOT, the absolute path the bytes would be written
 * to; NULL otherwise. */
char    *sc_file_get_outside_target (const char  *file,
                                     const char  *root);

G_END_DECLS
