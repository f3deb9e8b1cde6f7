/* sc-diff.h
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Line-based unified diff (Myers), as `diff -u` prints it.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* "" when the texts are equal. Lines keep their endings; a last line
 * without a newline is followed by "\ No newline at end of file". */
char *sc_diff_unified (const char *old_text,
                       gsize       old_len,
                       const char *new_text,
                       gsize       new_len,
                       const char *old_label,   /* "a/snap/snapcraft.yaml" */
                       const char *new_label,
                       guint       context);    /* usually 3 */

G_END_DECLS
