/* sc-cli-denials.h
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What `denials` and `suggest` share: the source options, reading a
 * source into a denial store, and the JSON shape of a group.
 */
#pragma once

#include <glib.h>

#include "sc-denial-store.h"
#include "sc-journal-reader.h"
#include "sc-json.h"

G_BEGIN_DECLS

/* Values of the source options, filled by GOption. */
typedef struct
{
  gboolean  journal;
  char     *directory;
  GStrv     files;
  char     *log;
  char     *snap;
  char     *since;
  gboolean  boot;
  gint      max_groups;   /* 0: keep every group */
  gboolean  since_install;   /* since snapd installed the snap's current revision */
  int       exit_code;       /* set when sc_cli_source_options() fails with other than 2 */
} ScCliSourceArgs;

/* GOptionEntry array for ARGS (static storage is not needed: the entries
 * point into ARGS). Free with g_free. */
GOptionEntry *sc_cli_source_entries      (ScCliSourceArgs  *args);
void          sc_cli_source_args_clear   (ScCliSourceArgs  *args);

/* ARGS (plus REST, extra positional .journal files after --file) →
 * reader options. Returns FALSE after printing a usage error. */
gboolean      sc_cli_source_options      (const char       *subcommand,
                                          ScCliSourceArgs  *args,
                                          char            **rest,
                                          const char       *default_snap,
                                          ScJournalOptions *options);

/* --since TIME: "YYYY-MM-DD[ HH:MM[:SS]]" (local time), ISO 8601 (local
 * time unless it has a zone), "-1h"/"-30m"/"-2d"/"-45s"/"-1w" relative to
 * NOW_USEC, "@SECONDS[.FRACTION]" (Unix time), "now", "today",
 * "yesterday". */
gboolean      sc_cli_parse_since         (const char       *text,
                                          gint64            now_usec,
                                          gint64           *usec,
                                          GError          **error);

/* Reads everything READER has now into STORE. */
gboolean      sc_cli_read_into_store     (ScJournalReader  *reader,
                                          ScDenialStore    *store,
                                          GError          **error);

/* Prints the reader's warnings and the lost-records note on stderr. */
void          sc_cli_print_warnings      (ScJournalReader  *reader,
                                          ScDenialStore    *store);

/* "2024-06-10T14:53:21.482000Z", or NULL for 0. */
char         *sc_cli_format_time         (gint64            usec);

void          sc_cli_write_group         (ScJson           *json,
                                          ScDenialGroup    *group);

G_END_DECLS
