/* sc-add-interface-form.h
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The second step of Add Interface for an interface that snapd refuses
 * without attributes (personal-files, system-files, content, dbus): use a
 * definition the project already has, or fill in a new top-level one.
 */
#pragma once

#include "sc-types.h"
#include "sc-project.h"

G_BEGIN_DECLS

#define SC_TYPE_ADD_INTERFACE_FORM (sc_add_interface_form_get_type ())
G_DECLARE_FINAL_TYPE (ScAddInterfaceForm, sc_add_interface_form, SC, ADD_INTERFACE_FORM, AdwBin)

/* Whether INTERFACE needs attributes before snapd accepts a plug of it. */
gboolean   sc_add_interface_form_needs_form (const char *interface);

/* PROJECT (nullable) gives the existing definitions; the plug is for
 * TARGET ("APP" or "hook:NAME"). The fields make an ScPlugSpec that the
 * core names and checks as for `snapconfine-cli strict --plug` (its errors
 * show in the form). Emits "plug-chosen" (plug name, a{sv} definition as
 * sc_plug_spec_dup_definition() gives it, or NULL for an existing one)
 * and "back". */
GtkWidget *sc_add_interface_form_new        (const char *interface,
                                             ScProject  *project,
                                             const char *target);
/* Makes the edit a new plug's name must fit into: the project with what
 * the window has not written yet, so that two plugs added before one
 * write do not get the same name. Without it the form uses the file. */
typedef ScEdit *(*ScAddInterfaceEditFunc) (gpointer   user_data,
                                           GError   **error);
void       sc_add_interface_form_set_edit_func (ScAddInterfaceForm     *self,
                                                ScAddInterfaceEditFunc  func,
                                                gpointer                user_data);
/* The entry row of attribute KEY ("read", "target", "name", "plug-name"…),
 * for tests. */
AdwEntryRow *sc_add_interface_form_get_entry (ScAddInterfaceForm *self,
                                              const char         *key);
/* Clicks Add; FALSE when the form is not valid (the error shows). */
gboolean   sc_add_interface_form_submit     (ScAddInterfaceForm *self);

G_END_DECLS
