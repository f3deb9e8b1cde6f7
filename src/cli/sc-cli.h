/* sc-cli.h
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Subcommands of snapconfine-cli. Each takes the arguments after the
 * subcommand name (argv[0] is the subcommand) and returns the exit code.
 */
#pragma once

#include <glib.h>

#include "sc-project.h"
#include "sc-snapd-client.h"

G_BEGIN_DECLS

enum
{
  SC_EXIT_OK = 0,
  SC_EXIT_FINDINGS = 1,   /* check: error-level findings */
  SC_EXIT_USAGE = 2,
  SC_EXIT_INVALID = 3,
  SC_EXIT_WRITE = 4,
};

int  sc_cli_show        (int argc, char **argv);
int  sc_cli_strict      (int argc, char **argv);
int  sc_cli_interfaces  (int argc, char **argv);
int  sc_cli_check       (int argc, char **argv);
int  sc_cli_denials     (int argc, char **argv);
int  sc_cli_suggest     (int argc, char **argv);
int  sc_cli_connections (int argc, char **argv);
int  sc_cli_connect     (int argc, char **argv);
int  sc_cli_disconnect  (int argc, char **argv);

/* sc-cli-snapd.c: prints a snapd error and returns its exit code (3 snapd
 * unavailable or the snap not installed, 4 refused, 2 bad argument). */
int      sc_cli_snapd_fail          (const GError *error);
/* The installed snap NAME, or NULL (quietly) when snapd does not answer. */
ScSnapdSnap *sc_cli_snapd_get_installed (const char *name);
/* --since-install: when SNAP's installed revision was installed or
 * refreshed. FALSE after printing why, with the exit code to return. */
gboolean sc_cli_snapd_since_install (const char *subcommand,
                                     const char *snap,
                                     gint64     *usec,
                                     int        *exit_code);

/* Maps a GError from the core to the documented exit code and prints
 * "snapconfine-cli: MESSAGE" (or the FILE:LINE:COL message as is) on stderr. */
int  sc_cli_fail        (const GError *error);
int  sc_cli_usage_error (const char *subcommand, const char *format, ...) G_GNUC_PRINTF (2, 3);

/* sc-cli-write.c: writes EDIT (SC_FILE_REPLACE_FORCE with --force), prints
 * "FILE: written" or the error, and returns the exit code. */
int  sc_cli_write_edit  (ScEdit *edit, ScProject *project, gboolean force);
/* Before a review (--dry-run): says where the bytes go when snapcraft.yaml
 * is a symlink out of the project. */
void sc_cli_note_write_target (ScProject *project);

G_END_DECLS
