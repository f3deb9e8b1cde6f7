/* sc-denial-format.h
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Words and numbers for denials, the same in every front end: relative
 * times, the kind of access, the operation with its permissions.
 */
#pragma once

#include "sc-denial.h"

G_BEGIN_DECLS

/* "just now", "5 min ago", "3 h ago", "yesterday", "4 days ago", then a
 * date; "" for 0. Translated. */
char       *sc_denial_format_relative_time (gint64          then_usec,
                                            gint64          now_usec);
/* "File access", "Unix socket", "D-Bus"… Translated. */
const char *sc_denial_kind_display_name    (ScDenialKind    kind);
/* "open (r)", "connect", "capable"… */
char       *sc_denial_format_operation     (const ScDenial *denial);

G_END_DECLS
