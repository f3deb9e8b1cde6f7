/* sc-project-error.h
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The error domain of loading, editing and writing a project. Lower layers
 * (the YAML document, the atomic file replace) raise it too, so it has a
 * header of its own that needs nothing but GLib.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SC_PROJECT_ERROR (sc_project_error_quark ())

typedef enum
{
  SC_PROJECT_ERROR_NOT_FOUND,      /* no snapcraft.yaml in the folder / path does not exist */
  SC_PROJECT_ERROR_INVALID,        /* bad YAML or not a valid project: CLI exit 3 */
  SC_PROJECT_ERROR_UNKNOWN_TARGET, /* no such app or hook: CLI exit 2 */
  SC_PROJECT_ERROR_BAD_ARGUMENT,   /* invalid plug name etc.: CLI exit 2 */
  SC_PROJECT_ERROR_VERIFY,         /* the edited text did not re-parse to the intended model: exit 4 */
  SC_PROJECT_ERROR_CHANGED,        /* the file changed on disk since it was read: exit 4 */
  SC_PROJECT_ERROR_WRITE,          /* I/O failure while writing: exit 4 */
} ScProjectError;

GQuark sc_project_error_quark (void);

/* Errors of domain SC_PROJECT_ERROR with code INVALID carry a message that
 * starts with "FILE:LINE:COL: " (FILE as given by the user, LINE and COL
 * 1-based) so that front ends can print it unchanged. */

G_END_DECLS
