/* snapconfine-cli.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The headless twin of the window: every feature, scriptable, no display.
 */
#define G_LOG_DOMAIN "snapconfine-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "sc-cli.h"
#include "sc-journal-reader.h"
#include "sc-project.h"

typedef struct
{
  const char *name;
  int       (*func) (int argc, char **argv);
  const char *synopsis;
} Command;

static const Command commands[] = {
  { "show", sc_cli_show, "show PATH [--json]" },
  { "strict", sc_cli_strict, "strict PATH [--plug TARGET=PLUG]... [--unplug TARGET=PLUG]... [--dry-run] [--force]" },
  { "interfaces", sc_cli_interfaces, "interfaces [QUERY] [--json]" },
  { "check", sc_cli_check, "check PATH [--json]" },
  { "denials", sc_cli_denials,
    "denials [--journal | --directory DIR | --file FILE.journal... | --log FILE|-]\n"
    "                         [--snap NAME] [--since TIME] [--boot] [--follow] [--json]" },
  { "suggest", sc_cli_suggest, "suggest PATH [source options] [--apply [--force]] [--dry-run] [--json]" },
  { "connections", sc_cli_connections, "connections SNAP [--json]" },
  { "connect", sc_cli_connect, "connect SNAP:PLUG [SLOT-SNAP[:SLOT]]" },
  { "disconnect", sc_cli_disconnect, "disconnect SNAP:PLUG [SLOT-SNAP:SLOT]" },
};

static void
print_usage (FILE *stream)
{
  fprintf (stream, "Usage:\n");
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (stream, "  snapconfine-cli %s\n", commands[i].synopsis);
  fprintf (stream,
           "\nExit codes: 0 done, 1 check found errors, 2 usage error, 3 invalid project,\n"
           "4 write failed or the file changed meanwhile.\n"
           "connections, connect, disconnect: 3 snapd not running or not answering, or the\n"
           "snap not installed; 4 snapd refused (run with sudo or allow it in polkit).\n");
}

int
sc_cli_usage_error (const char *subcommand,
                    const char *format,
                    ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  fprintf (stderr, "snapconfine-cli %s: %s\n", subcommand ? subcommand : "", message);
  for (guint i = 0; subcommand != NULL && i < G_N_ELEMENTS (commands); i++)
    if (strcmp (commands[i].name, subcommand) == 0)
      fprintf (stderr, "Usage: snapconfine-cli %s\n", commands[i].synopsis);
  return SC_EXIT_USAGE;
}

int
sc_cli_fail (const GError *error)
{
  int code = SC_EXIT_WRITE;

  g_return_val_if_fail (error != NULL, SC_EXIT_WRITE);

  if (error->domain == SC_PROJECT_ERROR)
    {
      switch ((ScProjectError) error->code)
        {
        case SC_PROJECT_ERROR_NOT_FOUND:
        case SC_PROJECT_ERROR_INVALID:
          code = SC_EXIT_INVALID;
          break;
        case SC_PROJECT_ERROR_UNKNOWN_TARGET:
        case SC_PROJECT_ERROR_BAD_ARGUMENT:
          code = SC_EXIT_USAGE;
          break;
        case SC_PROJECT_ERROR_VERIFY:
        case SC_PROJECT_ERROR_CHANGED:
        case SC_PROJECT_ERROR_WRITE:
        default:
          code = SC_EXIT_WRITE;
          break;
        }
    }
  else if (error->domain == SC_JOURNAL_ERROR)
    code = SC_EXIT_INVALID;
  else if (error->domain == G_OPTION_ERROR)
    code = SC_EXIT_USAGE;

  if (error->domain == SC_PROJECT_ERROR && error->code == SC_PROJECT_ERROR_INVALID)
    fprintf (stderr, "%s\n", error->message);
  else
    fprintf (stderr, "snapconfine-cli: %s\n", error->message);

  return code;
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2)
    {
      print_usage (stderr);
      return SC_EXIT_USAGE;
    }

  if (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0 || strcmp (argv[1], "help") == 0)
    {
      print_usage (stdout);
      return SC_EXIT_OK;
    }

  if (strcmp (argv[1], "--version") == 0)
    {
      printf ("snapconfine-cli %s\n", PACKAGE_VERSION);
      return SC_EXIT_OK;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (argv[1], commands[i].name) == 0)
      return commands[i].func (argc - 1, argv + 1);

  fprintf (stderr, "snapconfine-cli: unknown command “%s”\n", argv[1]);
  print_usage (stderr);
  return SC_EXIT_USAGE;
}
