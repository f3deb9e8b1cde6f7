/* sc-add-interface-dialog.h
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A searchable list of every interface in the catalogue; choosing one adds
 * it as a plug to the selected app or hook.
 */
#pragma once

#include "sc-add-interface-form.h"
#include "sc-types.h"
#include "sc-project.h"

G_BEGIN_DECLS

#define SC_TYPE_ADD_INTERFACE_DIALOG (sc_add_interface_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ScAddInterfaceDialog, sc_add_interface_dialog, SC, ADD_INTERFACE_DIALOG,
                      AdwWindow)

/* TARGETS are app names and "hook:NAME"; TARGET selects one of them first
 * (nullable). Emits "interface-chosen" (target, interface) and closes; for
 * an interface that needs attributes it shows a form first and emits
 * "plug-chosen" (target, plug, definition or NULL). */
ScAddInterfaceDialog *sc_add_interface_dialog_new         (GtkWindow            *parent,
                                                           const char * const   *targets,
                                                           const char           *target);
void                  sc_add_interface_dialog_set_query   (ScAddInterfaceDialog *self,
                                                           const char           *query);
guint                 sc_add_interface_dialog_get_n_results (ScAddInterfaceDialog *self);
/* The interface shown at INDEX, NULL past the end. */
const char           *sc_add_interface_dialog_get_result  (ScAddInterfaceDialog *self,
                                                           guint                 index);
/* Activates the row at INDEX as a click would. */
void                  sc_add_interface_dialog_activate_result (ScAddInterfaceDialog *self,
                                                           guint                 index);

/* The project whose definitions the form offers and whose names it
 * avoids (nullable). */
void                  sc_add_interface_dialog_set_project (ScAddInterfaceDialog *self,
                                                           ScProject            *project);
/* Passed on to the form (sc_add_interface_form_set_edit_func()). */
void                  sc_add_interface_dialog_set_edit_func (ScAddInterfaceDialog   *self,
                                                             ScAddInterfaceEditFunc  func,
                                                             gpointer                user_data);
/* The form shown after choosing personal-files, content…, or NULL. */
ScAddInterfaceForm   *sc_add_interface_dialog_get_form    (ScAddInterfaceDialog *self);

G_END_DECLS
