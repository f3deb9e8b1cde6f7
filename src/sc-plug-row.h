/* sc-plug-row.h
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One plug of an app or hook: a check row with the interface's description,
 * its connection badge, findings of `check`, and a marker plus reset button
 * when the tick differs from the file.
 */
#pragma once

#include "sc-types.h"
#include "sc-check.h"
#include "sc-plug-format.h"
#include "sc-project.h"
#include "sc-snapd-monitor.h"

G_BEGIN_DECLS

#define SC_TYPE_PLUG_ROW (sc_plug_row_get_type ())
G_DECLARE_FINAL_TYPE (ScPlugRow, sc_plug_row, SC, PLUG_ROW, AdwPreferencesRow)

/* DEFINITION is the project's top-level definition of PLUG, nullable;
 * EXTENSION names the extension that provides the plug (the row is then
 * checked and locked), nullable. */
GtkWidget  *sc_plug_row_new              (const char  *target,
                                          const char  *plug,
                                          ScPlugDef   *definition,
                                          const char  *extension,
                                          gboolean     original_active);
const char *sc_plug_row_get_target       (ScPlugRow   *self);
const char *sc_plug_row_get_plug         (ScPlugRow   *self);
const char *sc_plug_row_get_interface    (ScPlugRow   *self);
gboolean    sc_plug_row_get_active       (ScPlugRow   *self);
void        sc_plug_row_set_active       (ScPlugRow   *self,
                                          gboolean     active);
gboolean    sc_plug_row_get_original_active (ScPlugRow *self);
gboolean    sc_plug_row_get_locked       (ScPlugRow   *self);
/* What gives the plug (an extension, or “top-level plugs”), nullable. */
const char *sc_plug_row_get_extension    (ScPlugRow   *self);
gboolean    sc_plug_row_get_changed      (ScPlugRow   *self);
/* Shows a pending top-level definition (from a suggestion) for the plug. */
void        sc_plug_row_set_definition   (ScPlugRow   *self,
                                          const char  *interface,
                                          GVariant    *attributes);
/* Replaces the findings shown on the row; FINDINGS holds borrowed
 * ScFinding*, may be NULL. */
void        sc_plug_row_set_findings     (ScPlugRow   *self,
                                          GPtrArray   *findings);
/* How the plug stands on this machine (sc_snapd_plug_link()): TEXT in a
 * quiet label, and for an installed plug a switch whose flips emit
 * ::connection-toggled (the switch then waits, insensitive, for the next
 * call). SC_PLUG_LINK_UNKNOWN with TEXT NULL shows nothing. */
void        sc_plug_row_set_link         (ScPlugRow   *self,
                                          ScPlugLink   link,
                                          const char  *text);
ScPlugLink  sc_plug_row_get_link         (ScPlugRow   *self);
const char *sc_plug_row_get_link_text    (ScPlugRow   *self);  /* nullable */
GtkSwitch  *sc_plug_row_get_link_switch  (ScPlugRow   *self);  /* nullable */

/* Draws attention to the row for a moment (after a suggestion added it). */
void        sc_plug_row_highlight        (ScPlugRow   *self);

/* The icon and style class of a finding of SEVERITY, the same in every
 * place findings show. */
const char *sc_severity_icon_name        (ScSeverity   severity);
const char *sc_severity_css_class        (ScSeverity   severity);


G_END_DECLS
