/* sc-extensions.h
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What snapcraft extensions add, per base: plugs for the apps that use
 * them, plugs for hooks, top-level definitions. What that means for one
 * project (effective plugs) is in sc-project.h.
 */
#pragma once

#include "sc-project.h"   /* ScPlugDef */

G_BEGIN_DECLS

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
/* TRUE when snapcraft applies EXTENSION to a project of BASE and
 * CONFINEMENT (nullable); FALSE where it would stop with an error. */
gboolean            sc_extension_applies         (const char *extension,
                                                  const char *base,
                                                  const char *confinement);

/* Every known extension name, sorted as in the table (static). */
const char * const *sc_extension_get_names       (void);

G_END_DECLS
