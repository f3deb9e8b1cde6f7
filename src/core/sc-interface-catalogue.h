/* sc-interface-catalogue.h
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every snapd interface, as data: policy facts from snapd's base
 * declaration and our own plain-language description.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  const char        *name;
  const char        *category;        /* network, desktop, audio-video, … */
  gboolean           auto_connect;
  gboolean           store_approval;
  gboolean           classic_slot;
  gboolean           core_slot;
  const char * const *attributes;     /* NULL-terminated, never NULL */
  const char        *policy_notes;    /* untranslated facts, "" when none */
  const char        *description;     /* N_() — pass through _() / g_dgettext() to show */
  const char        *risk;            /* N_(), nullable */
} ScInterfaceInfo;

/* All interfaces sorted by name. */
const ScInterfaceInfo *sc_interface_catalogue_get_all   (guint       *n_interfaces);
const ScInterfaceInfo *sc_interface_catalogue_lookup    (const char  *name);
/* Case-insensitive search in name, description (translated) and category;
 * returns a new array of borrowed ScInterfaceInfo*, best matches first. */
GPtrArray             *sc_interface_catalogue_search    (const char  *query);
/* https://snapcraft.io/docs/<name>-interface */
char                  *sc_interface_dup_doc_url         (const ScInterfaceInfo *info);
/* "auto-connects", "needs manual connection", "needs store approval" as a
 * short translated label for the connection class. */
const char            *sc_interface_connection_label    (const ScInterfaceInfo *info);
/* The description and risk line translated for display; risk is NULL
 * when the interface has none. */
const char            *sc_interface_get_description     (const ScInterfaceInfo *info);
const char            *sc_interface_get_risk            (const ScInterfaceInfo *info);

G_END_DECLS
