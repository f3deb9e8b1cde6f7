/* sc-cli-catalogue.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * snapconfine-cli interfaces [QUERY] [--json]: lists or searches the
 * interface catalogue, as an aligned table or as JSON.
 */
#define G_LOG_DOMAIN "snapconfine-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "sc-cli.h"
#include "sc-interface-catalogue.h"
#include "sc-json.h"

static void
print_json (GPtrArray *infos)
{
  g_autoptr(ScJson) json = sc_json_new (TRUE);
  g_autofree char *text = NULL;

  sc_json_begin_array (json);
  for (guint i = 0; i < infos->len; i++)
    {
      const ScInterfaceInfo *info = g_ptr_array_index (infos, i);
      g_autofree char *url = sc_interface_dup_doc_url (info);

      sc_json_begin_object (json);
      sc_json_member_string (json, "name", info->name);
      sc_json_member_string (json, "category", info->category);
      sc_json_member_boolean (json, "auto_connect", info->auto_connect);
      sc_json_member_boolean (json, "store_approval", info->store_approval);
      sc_json_member_boolean (json, "classic_slot", info->classic_slot);
      sc_json_member_boolean (json, "core_slot", info->core_slot);
      sc_json_key (json, "attributes");
      sc_json_strv (json, info->attributes);
      sc_json_member_string (json, "policy_notes", info->policy_notes);
      sc_json_member_string (json, "description", sc_interface_get_description (info));
      sc_json_member_string (json, "risk", sc_interface_get_risk (info));
      sc_json_member_string (json, "doc_url", url);
      sc_json_end_object (json);
    }
  sc_json_end_array (json);

  text = sc_json_free_to_string (g_steal_pointer (&json));
  printf ("%s\n", text);
}

/* Pads with spaces to WIDTH characters (not bytes: labels may be
 * translated into scripts with multi-byte characters). */
static void
append_padded (GString    *line,
               const char *text,
               glong       width)
{
  g_string_append (line, text);
  for (glong n = g_utf8_strlen (text, -1); n < width; n++)
    g_string_append_c (line, ' ');
}

static void
print_table (GPtrArray *infos)
{
  /* Translators: column headings of “snapconfine-cli interfaces”. */
  const char *h_name = _("NAME");
  const char *h_connection = _("CONNECTION");
  const char *h_category = _("CATEGORY");
  const char *h_description = _("DESCRIPTION");
  glong w_name = g_utf8_strlen (h_name, -1);
  glong w_connection = g_utf8_strlen (h_connection, -1);
  glong w_category = g_utf8_strlen (h_category, -1);
  g_autoptr(GString) line = g_string_new (NULL);

  for (guint i = 0; i < infos->len; i++)
    {
      const ScInterfaceInfo *info = g_ptr_array_index (infos, i);

      w_name = MAX (w_name, g_utf8_strlen (info->name, -1));
      w_connection = MAX (w_connection, g_utf8_strlen (sc_interface_connection_label (info), -1));
      w_category = MAX (w_category, g_utf8_strlen (info->category, -1));
    }

  append_padded (line, h_name, w_name + 2);
  append_padded (line, h_connection, w_connection + 2);
  append_padded (line, h_category, w_category + 2);
  g_string_append (line, h_description);
  printf ("%s\n", line->str);

  for (guint i = 0; i < infos->len; i++)
    {
      const ScInterfaceInfo *info = g_ptr_array_index (infos, i);

      g_string_truncate (line, 0);
      append_padded (line, info->name, w_name + 2);
      append_padded (line, sc_interface_connection_label (info), w_connection + 2);
      append_padded (line, info->category, w_category + 2);
      g_string_append (line, sc_interface_get_description (info));
      printf ("%s\n", line->str);
    }
}

int
sc_cli_interfaces (int    argc,
                   char **argv)
{
  g_autoptr(GPtrArray) infos = NULL;
  const char *query = NULL;
  gboolean json = FALSE;
  gboolean options_done = FALSE;

  for (int i = 1; i < argc; i++)
    {
      const char *arg = argv[i];

      if (!options_done && strcmp (arg, "--") == 0)
        options_done = TRUE;
      else if (!options_done && strcmp (arg, "--json") == 0)
        json = TRUE;
      else if (!options_done && (strcmp (arg, "--help") == 0 || strcmp (arg, "-h") == 0))
        {
          printf ("%s %s\n\n%s\n", _("Usage:"),
                  /* Translators: QUERY as in the synopsis of interfaces in
                   * “snapconfine-cli --help”; keep the command and --json. */
                  _("snapconfine-cli interfaces [QUERY] [--json]"),
                  /* Translators: QUERY as above; at most 78 columns a line. */
                  _("Lists the snapd interfaces, or those whose name, category or description\n"
                    "matches QUERY (case-insensitive; best matches first)."));
          return SC_EXIT_OK;
        }
      else if (!options_done && arg[0] == '-' && arg[1] != '\0')
        return sc_cli_usage_error ("interfaces", _("unknown option “%s”"), arg);
      else if (query == NULL)
        query = arg;
      else
        return sc_cli_usage_error ("interfaces",
                                   /* Translators: QUERY as in the synopsis of interfaces. */
                                   _("expected at most one QUERY, got “%s” and “%s” "
                                     "(quote a query of several words)"), query, arg);
    }

  infos = sc_interface_catalogue_search (query);

  if (infos->len == 0)
    {
      fprintf (stderr, "snapconfine-cli interfaces: ");
      fprintf (stderr, _("no interface matches “%s”"), query != NULL ? query : "");
      fputc ('\n', stderr);
    }

  if (json)
    print_json (infos);
  else if (infos->len > 0)
    print_table (infos);

  return SC_EXIT_OK;
}
