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

/* The commands, in the order --help lists them. The synopsis and the
 * summary are the one source of the top-level help, the manual page and the
 * bash completion (build-aux/gen-cli-docs.py reads them from --help in the C
 * locale), so a new command needs nothing else: tests/test-cli-docs.py checks
 * both cover it. */
typedef struct
{
  const char *name;
  int       (*func) (int argc, char **argv);
  const char *synopsis;  /* N_(): translated where printed */
  const char *summary;   /* one sentence for --help and the manual page; N_() */
} Command;

/* Synopses and summaries are N_(), translated where printed; each has its
 * translator comment before it, as xgettext attaches a comment only to the
 * string that follows it. */
static const Command commands[] = {
  { "show", sc_cli_show,
    /* Translators: the synopses of the commands in “snapconfine-cli
     * --help”: write the arguments in capitals as you translated them in the
     * options' help (“PATH”, “TARGET=PLUG”, “DIR”, “FILE”, “TIME”, …); keep
     * the command names, the option names (--json, --plug, …) and SNAP, PLUG
     * and SLOT (snapd's terms). */
    N_("show PATH [--json]"),
    N_("Print the apps and hooks of a project with their plugs, the plugs extensions give "
       "them and the top-level plug definitions.") },
  { "strict", sc_cli_strict,
    /* Translators: a synopsis, as that of show. */
    N_("strict PATH [--plug TARGET=PLUG]... [--unplug TARGET=PLUG]... [--dry-run] [--force]"),
    N_("Switch the project to strict confinement, adding and removing plugs on the way; "
       "only the edited lines of snapcraft.yaml change.") },
  { "interfaces", sc_cli_interfaces,
    /* Translators: a synopsis, as that of show; QUERY is a word to search for. */
    N_("interfaces [QUERY] [--json]"),
    N_("List the snapd interfaces: what each allows, whether it auto-connects or needs "
       "store approval.") },
  { "check", sc_cli_check,
    /* Translators: a synopsis, as that of show. */
    N_("check PATH [--json]"),
    N_("Report what snapcraft, snapd or the store review would refuse or warn about, each "
       "with its place in the file and a hint.") },
  { "denials", sc_cli_denials,
    /* Translators: a synopsis, as that of show; keep “.journal”, the “-”
     * (standard input), the line break and the eight spaces after it. */
    N_("denials [--journal | --directory DIR | --file FILE.journal... | --log FILE|-]\n"
       "        [--snap NAME] [--since TIME] [--boot] [--follow] [--json]"),
    N_("List the AppArmor, seccomp and D-Bus denials of snaps from the journal or a text "
       "log, grouped and counted, each with the interface that would allow it.") },
  { "suggest", sc_cli_suggest,
    /* Translators: a synopsis, as that of show; “source options” are the
     * options of denials that choose what to read. */
    N_("suggest PATH [source options] [--apply [--force]] [--dry-run] [--json]"),
    /* Translators: keep denials and --apply. */
    N_("Suggest the plugs each app and hook needs from its denials (the source options are "
       "those of denials), and apply them with --apply.") },
  { "connections", sc_cli_connections,
    /* Translators: a synopsis, as that of show. */
    N_("connections SNAP [--json]"),
    N_("List the plugs of a snap installed on this machine: app or hook, interface, the "
       "slot each is connected to, and whether it connected by itself or by hand.") },
  { "connect", sc_cli_connect,
    /* Translators: a synopsis, as that of show. */
    N_("connect SNAP:PLUG [SLOT-SNAP[:SLOT]]"),
    /* Translators: keep “snap connect”, a command. */
    N_("Connect a plug of an installed snap through snapd, as snap connect does.") },
  { "disconnect", sc_cli_disconnect,
    /* Translators: a synopsis, as that of show. */
    N_("disconnect SNAP:PLUG [SLOT-SNAP:SLOT]"),
    /* Translators: keep “snap disconnect”, a command. */
    N_("Disconnect a plug of an installed snap through snapd, as snap disconnect does.") },
};

/* Folds TEXT to lines of at most WIDTH columns, each starting with INDENT. */
static void
print_wrapped (FILE       *stream,
               const char *indent,
               const char *text,
               guint       width)
{
  g_auto(GStrv) words = g_strsplit (text, " ", -1);
  guint column = 0;

  for (guint i = 0; words[i] != NULL; i++)
    {
      guint len = g_utf8_strlen (words[i], -1);

      if (column > 0 && column + 1 + len > width)
        {
          fputc ('\n', stream);
          column = 0;
        }
      if (column == 0)
        column = fprintf (stream, "%s%s", indent, words[i]);
      else
        column += fprintf (stream, " %s", words[i]);
    }
  fputc ('\n', stream);
}

static void
print_command_synopsis (FILE          *stream,
                        const Command *command)
{
  g_auto(GStrv) lines = g_strsplit (_(command->synopsis), "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    fprintf (stream, "  %s%s\n", i == 0 ? "snapconfine-cli " : "                ", lines[i]);
}

/* The full help, or with BRIEF only the synopses (after a usage error). */
static void
print_usage (FILE     *stream,
             gboolean  brief)
{
  fprintf (stream,
           "%s\n"
           "  snapconfine-cli %s\n"
           "\n", _("Usage:"),
           /* Translators: what the user types after snapconfine-cli, in
            * capitals; keep the brackets and “…”. */
           _("COMMAND [OPTION…]"));
  if (brief)
    {
      fprintf (stream, "%s\n", _("Commands:"));
      for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
        print_command_synopsis (stream, &commands[i]);
      fprintf (stream, "\n%s\n", _("Run “snapconfine-cli --help” for more."));
      return;
    }
  print_wrapped (stream, "",
                 /* Translators: keep snapcraft.yaml, devmode, “confinement: strict”
                  * and snapconfine, names in the file and of the program. */
                 _("Takes a snap from devmode to strict confinement: reads its snapcraft.yaml, "
                   "the confinement denials it caused and snapd's interface catalogue, says "
                   "which plugs it needs and writes them with confinement: strict, touching "
                   "nothing else in the file. The headless twin of the snapconfine window."), 78);
  fprintf (stream, "\n%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      print_command_synopsis (stream, &commands[i]);
      if (commands[i].summary != NULL)
        print_wrapped (stream, "      ", _(commands[i].summary), 78);
    }
  /* The option names stay in a column of their own, the descriptions are
   * translated as those of the commands' options (GOptionContext's). */
  fprintf (stream, "\n%s\n", _("Options:"));
  fprintf (stream, "  %-17s%s\n", "-h, --help", _("Show this help"));
  fprintf (stream, "  %-17s%s\n", "--version", _("Print the version"));
  fprintf (stream, "\n%s\n\n",
           /* Translators: write PATH, TARGET and PLUG as in the synopses;
            * keep snapcraft.yaml, hook:NAME and the command line; at most 78
            * columns a line. */
           _("PATH is a project folder or a snapcraft.yaml. TARGET is an app name or\n"
             "hook:NAME; PLUG is an interface or the name of a top-level plug definition.\n"
             "Run “snapconfine-cli COMMAND --help” for the options of a command."));
  fprintf (stream, "%s\n", _("Exit status:"));
  fprintf (stream, "  0  %s\n", _("done, also when nothing had to change"));
  /* Translators: “check” is the command, keep it. */
  fprintf (stream, "  1  %s\n", _("check found errors"));
  fprintf (stream, "  2  %s\n", _("usage error, including an unknown app or hook"));
  fprintf (stream, "  3  %s\n", _("invalid project or unreadable source"));
  fprintf (stream, "  4  %s\n", _("write failed or the file changed on disk meanwhile"));
  fprintf (stream, "%s\n",
           /* Translators: keep the commands, the numbers, sudo and polkit; at
            * most 78 columns a line. */
           _("connections, connect and disconnect exit 3 when snapd is not running or not\n"
             "answering or the snap is not installed, and 4 when snapd refuses (run with\n"
             "sudo or allow it in polkit)."));
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
      {
        fprintf (stderr, "%s\n", _("Usage:"));
        print_command_synopsis (stderr, &commands[i]);
      }
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
  const char *localedir;

  /* `meson devenv` (po/meson.build) sets SNAPCONFINE_LOCALEDIR to the
   * catalogues compiled into the build tree, as for the window (main.c);
   * installed, it is unset. */
  localedir = g_getenv ("SNAPCONFINE_LOCALEDIR");
  if (localedir == NULL || *localedir == '\0')
    localedir = LOCALEDIR;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2)
    {
      print_usage (stderr, TRUE);
      return SC_EXIT_USAGE;
    }

  if (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0 || strcmp (argv[1], "help") == 0)
    {
      print_usage (stdout, FALSE);
      return SC_EXIT_OK;
    }

  if (strcmp (argv[1], "--version") == 0)
    {
      printf ("snapconfine-cli %s\n", PACKAGE_VERSION);
      return SC_EXIT_OK;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (argv[1], commands[i].name) == 0)
      {
        g_autofree char *prgname = g_strconcat ("snapconfine-cli ", commands[i].name, NULL);

        /* GOptionContext's --help then says "snapconfine-cli show [OPTION…] PATH". */
        g_set_prgname (prgname);
        return commands[i].func (argc - 1, argv + 1);
      }

  fprintf (stderr, "snapconfine-cli: ");
  fprintf (stderr, _("unknown command “%s”"), argv[1]);
  fputc ('\n', stderr);
  print_usage (stderr, TRUE);
  return SC_EXIT_USAGE;
}
