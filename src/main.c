/* main.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "snapconfine"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "sc-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(ScApplication) app = NULL;
  const char *localedir;

  /* `meson devenv` (po/meson.build) sets SNAPCONFINE_LOCALEDIR to the
   * catalogues compiled into the build tree; installed, it is unset. */
  localedir = g_getenv ("SNAPCONFINE_LOCALEDIR");
  if (localedir == NULL || *localedir == '\0')
    localedir = LOCALEDIR;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = sc_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
