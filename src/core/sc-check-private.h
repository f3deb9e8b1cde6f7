/* sc-check-private.h
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Text positions for the checks (sc-check-text.c).
 */
#pragma once

#include "sc-check.h"

G_BEGIN_DECLS

/* Position of a root-level KEY: a line starting with "KEY:" in column 1. */
gboolean _sc_check_find_root_key             (ScProject  *project,
                                              const char *key,
                                              guint      *line,
                                              guint      *column);
/* In the block under the mapping key at LINE:COLUMN, the position of its
 * child KEY (NEEDLE NULL) or of the token NEEDLE in KEY's value. */
gboolean _sc_check_find_in_block             (ScProject  *project,
                                              guint       line,
                                              guint       column,
                                              const char *key,
                                              const char *needle,
                                              guint      *out_line,
                                              guint      *out_column);
/* Whether the `plugs:` key at LINE holds an explicit `[]` (not null). */
gboolean _sc_check_plugs_value_is_empty_list (ScProject  *project,
                                              guint       line);

G_END_DECLS
