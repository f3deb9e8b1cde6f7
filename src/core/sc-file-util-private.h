/* sc-file-util-private.h: test hooks of the write path (tests only).
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef void (*ScFileTestHook) (const char *target,
                                gpointer    user_data);

/* BEFORE_SWAP runs right before the new file is moved into place, after
 * every check made before it (the moment another program's edit would be
 * lost). NO_EXCHANGE takes the path of a filesystem that cannot exchange
 * two names. Pass NULL, NULL, FALSE to reset. */
void sc_file_set_test_hooks (ScFileTestHook  before_swap,
                             gpointer        user_data,
                             gboolean        no_exchange);

G_END_DECLS
