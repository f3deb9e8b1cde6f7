/* sc-plug-format.h
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Plug attributes as one line of text, for every front end.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* "a{sv}" attributes as "read: $HOME/.config/foo; write: …" ("interface"
 * left out); an empty string for NULL or no attributes. */
char *sc_plug_format_attributes (GVariant *attributes);

G_END_DECLS
