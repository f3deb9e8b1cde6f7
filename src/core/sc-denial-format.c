/* sc-denial-format.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sc-denial-format"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sc-denial-format.h"

const char *
sc_denial_kind_display_name (ScDenialKind kind)
{
  switch (kind)
    {
    case SC_DENIAL_KIND_FILE:       return _("File access");
    case SC_DENIAL_KIND_UNIX:       return _("Unix socket");
    case SC_DENIAL_KIND_NETWORK:    return _("Network");
    case SC_DENIAL_KIND_CAPABILITY: return _("Capability");
    case SC_DENIAL_KIND_DBUS:       return _("D-Bus");
    case SC_DENIAL_KIND_SIGNAL:     return _("Signal");
    case SC_DENIAL_KIND_PTRACE:     return _("Process tracing");
    case SC_DENIAL_KIND_MOUNT:      return _("Mount");
    case SC_DENIAL_KIND_SECCOMP:    return _("System call");
    case SC_DENIAL_KIND_OTHER:
    default:                        return _("Other");
    }
}

char *
sc_denial_format_relative_time (gint64 then_usec,
                                gint64 now_usec)
{
  gint64 diff;

  if (then_usec <= 0)
    return g_strdup ("");

  diff = (now_usec - then_usec) / G_USEC_PER_SEC;

  if (diff < 60)
    return g_strdup (_("just now"));

  if (diff < 60 * 60)
    {
      int minutes = (int) (diff / 60);
      /* Translators: a time span, as in "last seen 5 min ago" */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d min ago", "%d min ago", minutes), minutes);
    }

  if (diff < 24 * 60 * 60)
    {
      int hours = (int) (diff / (60 * 60));
      /* Translators: a time span in hours, as in "last seen 3 h ago" */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d h ago", "%d h ago", hours), hours);
    }

  if (diff < 2 * 24 * 60 * 60)
    return g_strdup (_("yesterday"));

  if (diff < 7 * 24 * 60 * 60)
    {
      int days = (int) (diff / (24 * 60 * 60));
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day ago", "%d days ago", days), days);
    }

  {
    g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (then_usec / G_USEC_PER_SEC);

    if (dt == NULL)
      return g_strdup ("");
    /* Translators: a date, see g_date_time_format() */
    return g_date_time_format (dt, _("%e %b %Y"));
  }
}

char *
sc_denial_format_operation (const ScDenial *denial)
{
  if (denial->permissions != NULL && *denial->permissions != '\0')
    return g_strdup_printf ("%s (%s)", denial->operation ? denial->operation : "",
                            denial->permissions);
  return g_strdup (denial->operation ? denial->operation : "");
}

