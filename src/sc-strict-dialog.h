/* sc-strict-dialog.h
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shows the diff that is about to be written to snapcraft.yaml, with added
 * lines in green and removed ones in red, and asks before writing.
 */
#pragma once

#include "sc-types.h"

G_BEGIN_DECLS

#define SC_TYPE_STRICT_DIALOG (sc_strict_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ScStrictDialog, sc_strict_dialog, SC, STRICT_DIALOG, AdwMessageDialog)

/* SWITCHING tells whether the change switches confinement to strict or only
 * saves plug changes. Responses: "cancel" and "apply". */
ScStrictDialog *sc_strict_dialog_new       (GtkWindow      *parent,
                                            const char     *display_path,
                                            const char     *diff,
                                            gboolean        switching);
const char     *sc_strict_dialog_get_diff  (ScStrictDialog *self);
/* When snapcraft.yaml links out of the project: says, under the body,
 * that the bytes will be written to TARGET (an absolute path). */
void            sc_strict_dialog_set_write_target (ScStrictDialog *self,
                                                   const char     *display_path,
                                                   const char     *target);
/* The text buffer showing the diff, for tests. */
GtkTextBuffer  *sc_strict_dialog_get_buffer (ScStrictDialog *self);

G_END_DECLS
