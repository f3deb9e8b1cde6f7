/* sc-extensions.h
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What snapcraft extensions add, per base, and the effective plugs of an
 * app or hook (declared + implied by extensions + unscoped top-level plugs).
 */
#pragma once

#include "sc-project.h"

G_BEGIN_DECLS

typedef enum
{
  SC_PLUG_ORIGIN_DECLARED,    /* listed in the app's/hook's plugs */
  SC_PLUG_ORIGIN_EXTENSION,   /* added by an extension the app uses */
  SC_PLUG_ORIGIN_UNSCOPED,    /* a top-level plug no app/hook lists: bound to all */
} ScPlugOrigin;

typedef struct
{
  char         *plug;          /* plug name */
  char         *interface;     /* resolved interface */
  ScPlugOrigin  origin;
  char         *extension;     /* for EXTENSION (also set for unscoped plugs an extension adds) */
  ScPlugDef    *definition;    /* borrowed top-level definition, nullable */
} ScEffectivePlug;

/* Plugs an extension adds to each app listing it, for BASE (NULL-terminated,
 * static); NULL when the extension is unknown or does not support the base. */
const char * const *sc_extension_get_app_plugs   (const char *extension,
                                                  const char *base);
/* Top-level plug definitions the extension adds: array of ScPlugDef*
 * (new, owned by the caller); NULL when unknown. */
GPtrArray          *sc_extension_dup_top_level_plugs (const char *extension,
                                                      const char *base);
/* Hooks the extension adds, e.g. configure: [desktop]. */
const char * const *sc_extension_get_hook_plugs  (const char *extension,
                                                  const char *base,
                                                  const char *hook);
gboolean            sc_extension_is_known        (const char *extension);
/* FALSE for unknown extensions and for classic confinement on extensions
 * that only support strict and devmode (all but env-injector). */
gboolean            sc_extension_supports_confinement (const char *extension,
                                                       const char *confinement);
const char * const *sc_extension_get_bases       (const char *extension);

/* Of ScEffectivePlug*, declared first then implied, no duplicates. */
GPtrArray          *sc_project_dup_effective_plugs (ScProject *project,
                                                    ScTarget  *target);
void                sc_effective_plug_free       (ScEffectivePlug *plug);

/* Every known extension name, sorted as in the table (static). */
const char * const *sc_extension_get_names       (void);
/* The base extensions are checked against: `base`, or `build-base` when the
 * base is missing, `bare` or `devel`. Nullable. */
const char         *sc_project_get_extension_base (ScProject *project);
/* Which of TARGET's extensions adds PLUG to it (for hooks: the configure
 * hook plugs of any app's extension), or NULL. */
const char         *sc_project_get_plug_extension (ScProject  *project,
                                                   ScTarget   *target,
                                                   const char *plug);

/* The top-level definition called NAME that one of the project's
 * extensions adds (for the project's base), or NULL; borrowed, lives as
 * long as PROJECT. EXTENSION, when not NULL, receives the extension name. */
ScPlugDef          *sc_project_find_extension_plug_def (ScProject   *project,
                                                        const char  *name,
                                                        const char **extension);

/* TRUE when no app or hook lists NAME, extensions included: snapd then
 * binds the top-level plug NAME to every app and hook. */
gboolean            sc_project_plug_is_unscoped   (ScProject  *project,
                                                   const char *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScEffectivePlug, sc_effective_plug_free)

G_END_DECLS
