/* sc-utils.h
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* GLib 2.74 has no g_set_str. Returns TRUE when *STR_PTR changed. */
gboolean sc_set_str (char       **str_ptr,
                     const char  *new_str);

/* Levenshtein distance, for "did you mean". */
guint    sc_edit_distance (const char *a,
                           const char *b);

/* Rearranges the N elements of SIZE bytes at BASE so that the K first in
 * COMPARE's order are in BASE[0..K), in no particular order (a quickselect
 * with a median-of-three pivot: linear on average and on nearly sorted
 * input). Elements must compare unequal to each other. */
void     sc_select_first (void         *base,
                          gsize         n,
                          gsize         size,
                          gsize         k,
                          GCompareFunc  compare);

/* PATH with the home folder written as "~", for display. */
char    *sc_dup_display_path (const char *path);

/* A glob character class "[…]" ("[^…]" or "[!…]" negated, "a-z" ranges) at
 * *PATTERN: whether C is in it; *PATTERN is moved past the "]". Shared by the
 * AppArmor policy matcher and the fix rules' globs. */
gboolean sc_glob_match_class (const char **pattern,
                              char         c);

G_END_DECLS
