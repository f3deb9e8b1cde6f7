/* sc-cli-snapd.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What this machine's snapd says about an installed snap:
 *
 *   snapconfine-cli connections SNAP [--json]
 *   snapconfine-cli connect SNAP:PLUG [SLOT-SNAP[:SLOT] | :SLOT]
 *   snapconfine-cli disconnect SNAP:PLUG [SLOT-SNAP:SLOT | :SLOT]
 *
 * Exit codes: 0 done, 2 usage error or no such plug, 3 snapd not running,
 * not answering in time, or the snap not installed, 4 snapd refused
 * (permission: run with sudo or allow it in the polkit dialog).
 *
 * JSON of `connections`:
 *   { "snap", "revision", "version", "channel" (null), "try": bool,
 *     "confinement": "strict"|"devmode"|"jailmode"|"classic",
 *     "installed": "2026-12-05T17:10:40.000000Z" (null),
 *     "plugs": [ { "plug", "interface", "targets": ["app", "hook:configure"],
 *                  "connected": bool, "auto_connects": bool,
 *                  "slots": [ { "snap", "slot", "kind": "auto"|"manual"|"gadget" } ] } ] }
 */
#define G_LOG_DOMAIN "snapconfine-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "sc-cli.h"
#include "sc-cli-denials.h"
#include "sc-json.h"
#include "sc-snapd-client.h"

int
sc_cli_snapd_fail (const GError *error)
{
  int code = SC_EXIT_WRITE;

  if (error->domain == SC_SNAPD_ERROR)
    switch ((ScSnapdError) error->code)
      {
      case SC_SNAPD_ERROR_NO_LIBRARY:
      case SC_SNAPD_ERROR_UNAVAILABLE:
      case SC_SNAPD_ERROR_TIMEOUT:
      case SC_SNAPD_ERROR_NOT_INSTALLED:
        code = SC_EXIT_INVALID;
        break;
      case SC_SNAPD_ERROR_BAD_ARGUMENT:
        code = SC_EXIT_USAGE;
        break;
      case SC_SNAPD_ERROR_PERMISSION:
      case SC_SNAPD_ERROR_FAILED:
      default:
        code = SC_EXIT_WRITE;
        break;
      }
  fprintf (stderr, "snapconfine-cli: %s\n", error->message);
  return code;
}

ScSnapdSnap *
sc_cli_snapd_get_installed (const char *name)
{
  g_autoptr(ScSnapdClient) client = NULL;
  g_autoptr(GError) error = NULL;
  ScSnapdSnap *snap;

  if (name == NULL)
    return NULL;
  client = sc_snapd_client_new ();
  snap = sc_snapd_client_get_snap_sync (client, name, &error);
  if (snap == NULL)
    g_debug ("%s", error->message);
  return snap;
}

gboolean
sc_cli_snapd_since_install (const char *subcommand,
                            const char *snap_name,
                            gint64     *usec,
                            int        *exit_code)
{
  g_autoptr(ScSnapdClient) client = sc_snapd_client_new ();
  g_autoptr(ScSnapdSnap) snap = NULL;
  g_autoptr(GError) error = NULL;

  if (snap_name == NULL)
    {
      *exit_code = sc_cli_usage_error (subcommand,
                                        /* Translators: keep the options; NAME as
                                         * the argument of --snap. */
                                        _("--since-install needs --snap NAME"));
      return FALSE;
    }
  snap = sc_snapd_client_get_snap_sync (client, snap_name, &error);
  if (snap == NULL)
    {
      *exit_code = sc_cli_snapd_fail (error);
      return FALSE;
    }
  if (snap->install_usec <= 0)
    {
      fprintf (stderr, _("snapconfine-cli: snapd does not say when %s revision %s was installed\n"),
               snap->name, snap->revision);
      *exit_code = SC_EXIT_INVALID;
      return FALSE;
    }
  *usec = snap->install_usec;
  return TRUE;
}

static void
print_json (ScSnapdSnap *snap)
{
  g_autoptr(ScJson) json = sc_json_new (TRUE);
  g_autofree char *installed = sc_cli_format_time (snap->install_usec);
  g_autofree char *text = NULL;

  sc_json_begin_object (json);
  sc_json_member_string (json, "snap", snap->name);
  sc_json_member_string (json, "revision", snap->revision);
  sc_json_member_string (json, "version", snap->version);
  sc_json_member_string (json, "channel", snap->channel);
  sc_json_member_boolean (json, "try", snap->try_mode);
  sc_json_member_string (json, "confinement", snap->confinement);
  sc_json_member_string (json, "installed", installed);
  sc_json_key (json, "plugs");
  sc_json_begin_array (json);
  for (guint i = 0; i < snap->plugs->len; i++)
    {
      ScSnapdPlug *plug = g_ptr_array_index (snap->plugs, i);

      sc_json_begin_object (json);
      sc_json_member_string (json, "plug", plug->name);
      sc_json_member_string (json, "interface", plug->interface);
      sc_json_key (json, "targets");
      sc_json_strv (json, (const char * const *) plug->targets);
      sc_json_member_boolean (json, "connected", sc_snapd_plug_is_connected (plug));
      sc_json_member_boolean (json, "auto_connects", plug->auto_connects);
      sc_json_key (json, "slots");
      sc_json_begin_array (json);
      for (guint k = 0; k < plug->connections->len; k++)
        {
          ScSnapdConnection *c = g_ptr_array_index (plug->connections, k);

          sc_json_begin_object (json);
          sc_json_member_string (json, "snap", c->slot_snap);
          sc_json_member_string (json, "slot", c->slot);
          sc_json_member_string (json, "kind", sc_snapd_connection_kind_to_string (c->kind));
          sc_json_end_object (json);
        }
      sc_json_end_array (json);
      sc_json_end_object (json);
    }
  sc_json_end_array (json);
  sc_json_end_object (json);

  text = sc_json_free_to_string (g_steal_pointer (&json));
  printf ("%s\n", text);
}

static char *
targets_text (ScSnapdPlug *plug)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; plug->targets[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (s, ',');
      g_string_append (s, plug->targets[i]);
    }
  if (s->len == 0)
    g_string_append_c (s, '-');
  return g_string_free (s, FALSE);
}

/* The columns of ROW, each but the last padded to its width in
 * characters (printf pads bytes). */
static void
print_row (const char * const *row,
           const gsize        *widths)
{
  for (guint col = 0; col < 4; col++)
    {
      gsize len = (gsize) g_utf8_strlen (row[col], -1);

      printf ("%s%*s  ", row[col], (int) (widths[col] > len ? widths[col] - len : 0), "");
    }
  printf ("%s\n", row[4]);
}

static void
print_text (ScSnapdSnap *snap)
{
  g_autoptr(GDateTime) dt = snap->install_usec > 0
    ? g_date_time_new_from_unix_local (snap->install_usec / G_USEC_PER_SEC) : NULL;
  g_autofree char *when = dt != NULL ? g_date_time_format (dt, "%Y-%m-%d %H:%M:%S %Z") : NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  /* Translators: the headings of the connections table. */
  const char *headings[5] = { _("Plug"), _("Interface"), _("Used by"), _("Slot"), _("Notes") };
  gsize widths[4];

  for (guint col = 0; col < 4; col++)
    widths[col] = (gsize) g_utf8_strlen (headings[col], -1);
  /* Translators: the name, version, revision, source (store, local,
   * try) and confinement of a snap. */
  printf (_("%s %s, revision %s, %s, %s"), snap->name, snap->version ? snap->version : "",
          snap->revision, sc_snapd_snap_get_source (snap), snap->confinement);
  if (when != NULL)
    /* Translators: after the snap's revision; %s is a date and time. */
    printf (_(", installed %s"), when);
  printf ("\n\n");

  for (guint i = 0; i < snap->plugs->len; i++)
    {
      ScSnapdPlug *plug = g_ptr_array_index (snap->plugs, i);
      guint n = MAX (plug->connections->len, 1);

      for (guint k = 0; k < n; k++)
        {
          ScSnapdConnection *c = k < plug->connections->len
                                 ? g_ptr_array_index (plug->connections, k) : NULL;
          char **row = g_new0 (char *, 6);

          row[0] = g_strdup (k == 0 ? plug->name : "");
          row[1] = g_strdup (k == 0 ? plug->interface : "");
          row[2] = k == 0 ? targets_text (plug) : g_strdup ("");
          row[3] = c != NULL ? g_strdup_printf ("%s:%s", c->slot_snap, c->slot) : g_strdup ("-");
          if (c != NULL)
            row[4] = g_strdup (sc_snapd_connection_kind_to_string (c->kind));
          else if (plug->auto_connects)
            row[4] = g_strdup (_("auto-connects, disconnected"));
          else
            row[4] = g_strdup_printf (_("not connected: snap connect %s:%s"), snap->name, plug->name);
          for (guint col = 0; col < 4; col++)
            widths[col] = MAX (widths[col], (gsize) g_utf8_strlen (row[col], -1));
          g_ptr_array_add (rows, row);
        }
    }

  print_row (headings, widths);
  for (guint i = 0; i < rows->len; i++)
    print_row ((const char * const *) g_ptr_array_index (rows, i), widths);
  if (rows->len == 0)
    printf ("%s\n", _("(no plugs)"));
}

int
sc_cli_connections (int    argc,
                    char **argv)
{
  g_autoptr(ScSnapdClient) client = NULL;
  g_autoptr(ScSnapdSnap) snap = NULL;
  g_autoptr(GError) error = NULL;
  const char *name = NULL;
  gboolean json = FALSE;

  for (int i = 1; i < argc; i++)
    {
      if (strcmp (argv[i], "--json") == 0)
        json = TRUE;
      else if (strcmp (argv[i], "--help") == 0 || strcmp (argv[i], "-h") == 0)
        {
          printf ("%s %s\n", _("Usage:"),
                  /* Translators: keep the command, SNAP (snapd's term) and --json. */
                  _("snapconfine-cli connections SNAP [--json]"));
          return SC_EXIT_OK;
        }
      else if (argv[i][0] == '-')
        return sc_cli_usage_error ("connections", _("unknown option “%s”"), argv[i]);
      else if (name == NULL)
        name = argv[i];
      else
        return sc_cli_usage_error ("connections", _("more than one SNAP given"));
    }
  if (name == NULL)
    return sc_cli_usage_error ("connections", _("missing SNAP (an installed snap's name)"));

  client = sc_snapd_client_new ();
  snap = sc_snapd_client_get_snap_sync (client, name, &error);
  if (snap == NULL)
    return sc_cli_snapd_fail (error);

  if (json)
    print_json (snap);
  else
    print_text (snap);
  return SC_EXIT_OK;
}

/* "SNAP:NAME" → both; "SNAP" → snap only (when BARE_SNAP_OK); ":NAME" →
 * the system snap's NAME. */
static gboolean
split_ref (const char  *text,
           gboolean     bare_snap_ok,
           char       **snap,
           char       **name)
{
  const char *colon = strchr (text, ':');

  if (colon == NULL)
    {
      if (!bare_snap_ok || *text == '\0')
        return FALSE;
      *snap = g_strdup (text);
      *name = NULL;
      return TRUE;
    }
  if (strchr (colon + 1, ':') != NULL || colon[1] == '\0')
    return FALSE;
  *snap = g_strndup (text, colon - text);
  *name = g_strdup (colon + 1);
  return TRUE;
}

static int
connect_command (const char *subcommand,
                 gboolean    connect,
                 int         argc,
                 char      **argv)
{
  g_autoptr(ScSnapdClient) client = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *snap = NULL, *plug = NULL, *slot_snap = NULL, *slot = NULL;
  const char *plug_arg = NULL, *slot_arg = NULL;

  for (int i = 1; i < argc; i++)
    {
      if (strcmp (argv[i], "--help") == 0 || strcmp (argv[i], "-h") == 0)
        {
          /* The same synopsis as the top-level --help's. */
          printf ("%s snapconfine-cli %s\n", _("Usage:"),
                  connect ? _("connect SNAP:PLUG [SLOT-SNAP[:SLOT]]")
                          : _("disconnect SNAP:PLUG [SLOT-SNAP:SLOT]"));
          return SC_EXIT_OK;
        }
      else if (argv[i][0] == '-')
        return sc_cli_usage_error (subcommand, _("unknown option “%s”"), argv[i]);
      else if (plug_arg == NULL)
        plug_arg = argv[i];
      else if (slot_arg == NULL)
        slot_arg = argv[i];
      else
        return sc_cli_usage_error (subcommand, _("too many arguments"));
    }
  if (plug_arg == NULL)
    return sc_cli_usage_error (subcommand, _("missing SNAP:PLUG"));
  if (!split_ref (plug_arg, FALSE, &snap, &plug) || *snap == '\0')
    return sc_cli_usage_error (subcommand, _("“%s” is not SNAP:PLUG"), plug_arg);
  if (slot_arg != NULL && !split_ref (slot_arg, connect, &slot_snap, &slot))
    return sc_cli_usage_error (subcommand,
                               /* Translators: %s is an argument on the command line;
                                * keep SNAP, SLOT and the punctuation around them. */
                               connect ? _("“%s” is not SLOT-SNAP[:SLOT] or :SLOT")
                                       : _("“%s” is not SLOT-SNAP:SLOT or :SLOT"),
                               slot_arg);

  client = sc_snapd_client_new ();
  /* A terminal user can answer polkit's question. */
  sc_snapd_client_set_allow_interaction (client, TRUE);
  if (!sc_snapd_client_connect_sync (client, connect, snap, plug, slot_snap, slot, &error))
    return sc_cli_snapd_fail (error);

  if (connect)
    /* Translators: %s:%s is the snap and its plug. */
    printf (_("Connected %s:%s\n"), snap, plug);
  else
    printf (_("Disconnected %s:%s\n"), snap, plug);
  return SC_EXIT_OK;
}

int
sc_cli_connect (int    argc,
                char **argv)
{
  return connect_command ("connect", TRUE, argc, argv);
}

int
sc_cli_disconnect (int    argc,
                   char **argv)
{
  return connect_command ("disconnect", FALSE, argc, argv);
}
