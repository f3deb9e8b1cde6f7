/* sc-cli-denials.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `snapconfine-cli denials`: reads AppArmor, seccomp and D-Bus records from
 * the journal or a log, groups them and prints each group with the
 * interfaces that would allow it.
 *
 * JSON output (--json): one array of group objects, each
 *
 *   { "snap", "instance", "app", "hook", "kind", "mode", "operation",
 *     "object", "object_pattern", "permissions", "count", "first_seen",
 *     "last_seen", "hosts": [], "noise", "noise_reason", "details": {},
 *     "suggestions": [ { "interface", "reason", "auto_connect",
 *                        "store_approval", "plug" } ],
 *     "fix" }
 *
 * "kind" is file, unix, network, capability, dbus, signal, ptrace, mount or
 * seccomp, and "other" for records of a class none of these names: user
 * namespaces (class="namespace", operation userns_create), posix_mqueue,
 * io_uring, classes of newer kernels, and AppArmor STATUS messages. "mode"
 * is denied, allowed (devmode let a denied access through) or logged
 * (seccomp's log action, and noise records such as STATUS or AUDIT that
 * deny nothing).
 *
 * Absent values are null. Times are UTC in ISO 8601 with microseconds
 * ("2024-06-10T14:53:21.482000Z"). With --follow, every group is printed
 * as one JSON object per line, first all known groups and then each group
 * again whenever a record is added to it (same "count", newer "last_seen").
 * Warnings go to stderr only.
 */
#define G_LOG_DOMAIN "snapconfine-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "sc-cli.h"
#include "sc-cli-denials.h"
#include "sc-denial-store.h"
#include "sc-journal-reader.h"
#include "sc-json.h"
#include "sc-policy.h"
#include "sc-utils.h"

/* ---- Source options ----------------------------------------------------- */

GOptionEntry *
sc_cli_source_entries (ScCliSourceArgs *args)
{
  /* GOption translates the argument names (DIR, FILE…) as well as the
   * descriptions, as the window's --denials=FILE: the catalogue has "FILE"
   * from there, so all are marked and the descriptions name them as
   * translated. The synopses of `snapconfine-cli --help` stay English. */
  GOptionEntry entries[] = {
    { "journal", 0, 0, G_OPTION_ARG_NONE, &args->journal,
      N_("Read the system journal and your user journal (default)"), NULL },
    { "directory", 0, 0, G_OPTION_ARG_FILENAME, &args->directory,
      /* Translators: DIR is the argument of --directory: write it as you
       * translated “DIR”. */
      N_("Read the journal files in DIR (e.g. a systemd-journal-remote folder)"),
      /* Translators: the argument of --directory in --help, in capitals. */
      N_("DIR") },
    { "file", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &args->files,
      N_("Read these journal files"),
      /* Translators: the argument of --file in --help; keep “.journal”. */
      N_("FILE.journal") },
    { "log", 0, 0, G_OPTION_ARG_FILENAME, &args->log,
      /* Translators: the file names and journalctl are names, keep them; “-” means
       * standard input. */
      N_("Read a text log (syslog, kern.log, audit.log, journalctl output); - for stdin"),
      N_("FILE") },
    { "snap", 0, 0, G_OPTION_ARG_STRING, &args->snap, N_("Only records of this snap"),
      N_("NAME") },
    { "since", 0, 0, G_OPTION_ARG_STRING, &args->since,
      /* Translators: TIME is the argument of --since: write it as you translated
       * “TIME”; keep the examples of what it may be as they are. */
      N_("Only records since TIME (2024-06-10 14:00, ISO 8601, -1h, @UNIX)"),
      /* Translators: the argument of --since in --help, in capitals. */
      N_("TIME") },
    { "boot", 0, 0, G_OPTION_ARG_NONE, &args->boot,
      /* Translators: “journalctl -b” is a command, keep it. */
      N_("Only records of the current boot (of a journal folder or file: its newest boot, as journalctl -b)"),
      NULL },
    { "max-groups", 0, 0, G_OPTION_ARG_INT, &args->max_groups,
      /* Translators: N is the argument of --max-groups: write it as you
       * translated “N”. */
      N_("Keep at most N groups; count the records of further ones (default: all)"),
      /* Translators: the argument of --max-groups in --help, a number. */
      N_("N") },
    { "since-install", 0, 0, G_OPTION_ARG_NONE, &args->since_install,
      N_("Only records since the snap's installed revision was installed or refreshed (asks snapd)"),
      NULL },
    { NULL }
  };

  return g_memdup2 (entries, sizeof entries);
}

void
sc_cli_source_args_clear (ScCliSourceArgs *args)
{
  g_clear_pointer (&args->directory, g_free);
  g_clear_pointer (&args->files, g_strfreev);
  g_clear_pointer (&args->log, g_free);
  g_clear_pointer (&args->snap, g_free);
  g_clear_pointer (&args->since, g_free);
}

static gboolean
parse_relative (const char *text,
                gint64      now_usec,
                gint64     *usec)
{
  char *end = NULL;
  guint64 n;
  gint64 unit;

  if (text[0] != '-' || !g_ascii_isdigit (text[1]))
    return FALSE;
  n = g_ascii_strtoull (text + 1, &end, 10);
  if (end == NULL)
    return FALSE;
  switch (*end)
    {
    case 's': unit = G_USEC_PER_SEC; break;
    case 'm': unit = G_GINT64_CONSTANT (60) * G_USEC_PER_SEC; break;
    case 'h': unit = G_GINT64_CONSTANT (3600) * G_USEC_PER_SEC; break;
    case 'd': unit = G_GINT64_CONSTANT (86400) * G_USEC_PER_SEC; break;
    case 'w': unit = G_GINT64_CONSTANT (7 * 86400) * G_USEC_PER_SEC; break;
    default: return FALSE;
    }
  if (end[1] != '\0' || n > (guint64) (G_MAXINT64 / unit))
    return FALSE;
  *usec = MAX (now_usec - (gint64) n * unit, 1);
  return TRUE;
}

gboolean
sc_cli_parse_since (const char  *text,
                    gint64       now_usec,
                    gint64      *usec,
                    GError     **error)
{
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  g_autoptr(GDateTime) dt = NULL;
  int y, mo, d, h = 0, mi = 0;
  double s = 0;

  g_return_val_if_fail (text != NULL, FALSE);

  if (parse_relative (text, now_usec, usec))
    return TRUE;

  if (text[0] == '@')
    {
      char *end = NULL;
      double v = g_ascii_strtod (text + 1, &end);

      if (end != text + 1 && *end == '\0' && v >= 0 && v < 1e11)
        {
          *usec = MAX ((gint64) (v * G_USEC_PER_SEC), 1);
          return TRUE;
        }
    }
  else if (g_str_equal (text, "now"))
    {
      *usec = now_usec;
      return TRUE;
    }
  else if (g_str_equal (text, "today") || g_str_equal (text, "yesterday"))
    {
      g_autoptr(GDateTime) now = g_date_time_new_from_unix_local (now_usec / G_USEC_PER_SEC);
      g_autoptr(GDateTime) midnight = g_date_time_new (local, g_date_time_get_year (now),
                                                       g_date_time_get_month (now),
                                                       g_date_time_get_day_of_month (now),
                                                       0, 0, 0);

      *usec = g_date_time_to_unix (midnight) * G_USEC_PER_SEC;
      if (text[0] == 'y')
        *usec -= G_GINT64_CONSTANT (86400) * G_USEC_PER_SEC;
      return TRUE;
    }
  else
    {
      /* "YYYY-MM-DD" or "YYYY-MM-DD HH:MM[:SS]" in local time, like
       * journalctl; anything else must be ISO 8601. */
      int n = 0, n2 = 0;

      if (sscanf (text, "%4d-%2d-%2d%n", &y, &mo, &d, &n) == 3 && text[n] == '\0')
        dt = g_date_time_new (local, y, mo, d, 0, 0, 0);
      else if (sscanf (text, "%4d-%2d-%2d %2d:%2d%n", &y, &mo, &d, &h, &mi, &n) == 5)
        {
          if (text[n] == '\0')
            dt = g_date_time_new (local, y, mo, d, h, mi, 0);
          else if (sscanf (text + n, ":%lf%n", &s, &n2) == 1 && text[n + n2] == '\0')
            dt = g_date_time_new (local, y, mo, d, h, mi, s);
        }
      else
        dt = g_date_time_new_from_iso8601 (text, local);
    }

  if (dt != NULL)
    {
      *usec = g_date_time_to_unix (dt) * G_USEC_PER_SEC + g_date_time_get_microsecond (dt);
      return TRUE;
    }

  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               "cannot read --since “%s”: use YYYY-MM-DD[ HH:MM[:SS]], ISO 8601, "
               "-1h/-30m/-2d or @UNIX-SECONDS", text);
  return FALSE;
}

gboolean
sc_cli_source_options (const char       *subcommand,
                       ScCliSourceArgs  *args,
                       char            **rest,
                       const char       *default_snap,
                       ScJournalOptions *options)
{
  guint n_sources = 0;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);

  n_sources += args->journal ? 1 : 0;
  n_sources += args->directory != NULL ? 1 : 0;
  n_sources += args->files != NULL ? 1 : 0;
  n_sources += args->log != NULL ? 1 : 0;
  if (n_sources > 1)
    {
      sc_cli_usage_error (subcommand,
                          /* Translators: keep the options. */
                          _("choose one of --journal, --directory, --file and --log"));
      return FALSE;
    }

  for (guint i = 0; args->files != NULL && args->files[i] != NULL; i++)
    g_ptr_array_add (files, g_strdup (args->files[i]));
  for (guint i = 0; rest != NULL && rest[i] != NULL; i++)
    {
      if (args->files == NULL)
        {
          sc_cli_usage_error (subcommand, _("unexpected argument “%s”"), rest[i]);
          return FALSE;
        }
      g_ptr_array_add (files, g_strdup (rest[i]));
    }

  memset (options, 0, sizeof *options);
  if (args->directory != NULL)
    {
      options->type = SC_JOURNAL_SOURCE_DIRECTORY;
      options->path = g_strdup (args->directory);
    }
  else if (files->len > 0)
    {
      options->type = SC_JOURNAL_SOURCE_FILES;
      g_ptr_array_add (files, NULL);
      options->files = (GStrv) g_ptr_array_free (g_steal_pointer (&files), FALSE);
    }
  else if (args->log != NULL)
    {
      options->type = SC_JOURNAL_SOURCE_LOG;
      options->path = g_strdup (args->log);
    }
  else
    options->type = SC_JOURNAL_SOURCE_SYSTEM;

  options->snap = g_strdup (args->snap != NULL ? args->snap : default_snap);
  if (options->snap != NULL && *options->snap == '\0')
    g_clear_pointer (&options->snap, g_free);
  options->this_boot = args->boot;

  if (args->since != NULL)
    {
      g_autoptr(GError) error = NULL;

      if (!sc_cli_parse_since (args->since, g_get_real_time (), &options->since_usec, &error))
        {
          sc_cli_usage_error (subcommand, "%s", error->message);
          sc_journal_options_clear (options);
          return FALSE;
        }
    }
  if (args->since_install)
    {
      gint64 installed = 0;

      if (!sc_cli_snapd_since_install (subcommand, options->snap, &installed, &args->exit_code))
        {
          sc_journal_options_clear (options);
          return FALSE;
        }
      /* With --since too, the later of both. */
      options->since_usec = MAX (options->since_usec, installed);
    }
  return TRUE;
}

/* ---- Reading ------------------------------------------------------------ */

typedef struct
{
  ScDenialStore *store;
  GPtrArray     *changed;       /* of ScDenialGroup*, borrowed, nullable */
  GHashTable    *changed_set;
} Collect;

static void
collect_cb (ScDenial *denial,
            guint64   lost,
            gpointer  user_data)
{
  Collect *c = user_data;
  ScDenialGroup *group;

  if (denial == NULL)
    {
      sc_denial_store_add_lost (c->store, lost);
      return;
    }
  group = sc_denial_store_add (c->store, denial, NULL);
  if (group != NULL && c->changed != NULL && g_hash_table_add (c->changed_set, group))
    g_ptr_array_add (c->changed, group);
}

gboolean
sc_cli_read_into_store (ScJournalReader *reader,
                        ScDenialStore   *store,
                        GError         **error)
{
  Collect c = { store, NULL, NULL };

  return sc_journal_reader_read (reader, collect_cb, &c, NULL, error);
}

void
sc_cli_print_warnings (ScJournalReader *reader,
                       ScDenialStore   *store)
{
  GPtrArray *warnings = sc_journal_reader_get_warnings (reader);
  guint64 lost = sc_denial_store_get_lost (store);

  guint64 dropped = sc_denial_store_get_n_dropped_groups (store);

  for (guint i = 0; i < warnings->len; i++)
    /* Translators: the prefix of a warning line on standard error. */
    fprintf (stderr, _("warning: %s\n"), (const char *) g_ptr_array_index (warnings, i));
  if (dropped > 0)
    fprintf (stderr, ngettext ("warning: %lu more group not shown (%lu records): only the first %u "
                               "groups are kept (--max-groups)\n",
                               "warning: %lu more groups not shown (%lu records): only the first %u "
                               "groups are kept (--max-groups)\n", (gulong) dropped),
             (gulong) dropped, (gulong) sc_denial_store_get_n_dropped_records (store),
             sc_denial_store_get_max_groups (store));
  if (lost > 0)
    fprintf (stderr,
             ngettext ("warning: %lu record was lost to rate limiting; run "
                       "`sudo sysctl -w kernel.printk_ratelimit=0` (until reboot), or enable "
                       "journald's audit socket, then reproduce the problem.\n",
                       "warning: %lu records were lost to rate limiting; run "
                       "`sudo sysctl -w kernel.printk_ratelimit=0` (until reboot), or enable "
                       "journald's audit socket, then reproduce the problem.\n", (gulong) lost),
             (gulong) lost);
}

/* ---- Output ------------------------------------------------------------- */

char *
sc_cli_format_time (gint64 usec)
{
  g_autoptr(GDateTime) dt = NULL;
  g_autofree char *base = NULL;

  if (usec <= 0)
    return NULL;
  dt = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);
  if (dt == NULL)
    return NULL;
  base = g_date_time_format (dt, "%Y-%m-%dT%H:%M:%S");
  return g_strdup_printf ("%s.%06dZ", base, (int) (usec % G_USEC_PER_SEC));
}

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* ---- Suggestions on all cores ------------------------------------------ */

/* The suggestions of a list of groups, worked out a batch ahead of the
 * printing on all cores (matching a group against the policy is most of
 * what printing it costs), and handed out in order. */
#define SUGGEST_BATCH 256

typedef struct
{
  GPtrArray           *groups;   /* borrowed */
  GThreadPool         *pool;     /* NULL on one core */
  guint                n_helpers;
  ScSuggestionResult  *out[SUGGEST_BATCH];
  guint                lo;       /* out[k] is group lo + k */
  guint                hi;
  gint                 next;     /* atomic: the next group of the batch */
  guint                busy;     /* helpers still at the batch, under lock */
  GMutex               lock;
  GCond                cond;
} Suggester;

static void
suggest_some (Suggester *s)
{
  guint i;

  while ((i = s->lo + (guint) g_atomic_int_add (&s->next, 1)) < s->hi)
    s->out[i - s->lo] = sc_denial_group_dup_suggestions (g_ptr_array_index (s->groups, i));
}

static void
suggest_helper (gpointer data,
                gpointer user_data)
{
  Suggester *s = user_data;

  suggest_some (s);
  g_mutex_lock (&s->lock);
  if (--s->busy == 0)
    g_cond_signal (&s->cond);
  g_mutex_unlock (&s->lock);
}

static Suggester *
suggester_new (GPtrArray *groups)
{
  Suggester *s = g_new0 (Suggester, 1);

  s->groups = groups;
  s->n_helpers = MIN ((guint) g_get_num_processors (), 8) - 1;
  if (s->n_helpers > 0 && groups->len > 1)
    s->pool = g_thread_pool_new (suggest_helper, s, (gint) s->n_helpers, FALSE, NULL);
  g_mutex_init (&s->lock);
  g_cond_init (&s->cond);
  return s;
}

/* The suggestions of group I (transfer full); I goes up one by one. */
static ScSuggestionResult *
suggester_take (Suggester *s,
                guint      i)
{
  ScSuggestionResult *r;

  if (i < s->lo || i >= s->hi)
    {
      for (guint k = 0; k < s->hi - s->lo; k++)
        g_clear_pointer (&s->out[k], sc_suggestion_result_free);
      s->lo = i;
      s->hi = MIN (i + SUGGEST_BATCH, s->groups->len);
      g_atomic_int_set (&s->next, 0);
      if (s->pool != NULL)
        {
          s->busy = s->n_helpers;
          for (guint h = 0; h < s->n_helpers; h++)
            g_thread_pool_push (s->pool, GUINT_TO_POINTER (1), NULL);
        }
      suggest_some (s);
      g_mutex_lock (&s->lock);
      while (s->pool != NULL && s->busy > 0)
        g_cond_wait (&s->cond, &s->lock);
      g_mutex_unlock (&s->lock);
    }
  r = g_steal_pointer (&s->out[i - s->lo]);
  return r;
}

static void
suggester_free (Suggester *s)
{
  if (s->pool != NULL)
    g_thread_pool_free (s->pool, FALSE, TRUE);
  for (guint k = 0; k < s->hi - s->lo; k++)
    g_clear_pointer (&s->out[k], sc_suggestion_result_free);
  g_mutex_clear (&s->lock);
  g_cond_clear (&s->cond);
  g_free (s);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Suggester, suggester_free)

/* Writes GROUP with its SUGGESTIONS (transfer full, nullable). */
static void
write_group (ScJson             *json,
             ScDenialGroup      *group,
             ScSuggestionResult *suggestions_owned)
{
  ScDenial *d = group->denial;
  g_autoptr(ScSuggestionResult) suggestions = suggestions_owned;
  g_autoptr(GHashTable) details = sc_denial_group_dup_details (group);
  g_autofree char *first = sc_cli_format_time (group->first_seen_usec);
  g_autofree char *last = sc_cli_format_time (group->last_seen_usec);
  g_autofree const char **keys = NULL;
  guint n_keys = 0;

  sc_json_begin_object (json);
  sc_json_member_string (json, "snap", d->snap);
  sc_json_member_string (json, "instance", d->instance);
  sc_json_member_string (json, "app", d->app);
  sc_json_member_string (json, "hook", d->hook);
  sc_json_member_string (json, "kind", sc_denial_kind_to_string (d->kind));
  sc_json_member_string (json, "mode", sc_denial_mode_to_string (d->mode));
  sc_json_member_string (json, "operation", d->operation);
  sc_json_member_string (json, "object", d->object);
  sc_json_member_string (json, "object_pattern", group->object_pattern);
  sc_json_member_string (json, "permissions", d->permissions);
  sc_json_key (json, "count");
  sc_json_uint (json, group->count);
  sc_json_member_string (json, "first_seen", first);
  sc_json_member_string (json, "last_seen", last);
  sc_json_key (json, "hosts");
  sc_json_begin_array (json);
  for (guint i = 0; group->hosts != NULL && i < group->hosts->len; i++)
    sc_json_string (json, g_ptr_array_index (group->hosts, i));
  sc_json_end_array (json);
  sc_json_member_boolean (json, "noise", d->noise);
  sc_json_member_string (json, "noise_reason", d->noise_reason);

  sc_json_key (json, "details");
  sc_json_begin_object (json);
  keys = (const char **) g_hash_table_get_keys_as_array (details, &n_keys);
  qsort (keys, n_keys, sizeof (char *), compare_keys);
  for (guint i = 0; i < n_keys; i++)
    sc_json_member_string (json, keys[i], g_hash_table_lookup (details, keys[i]));
  sc_json_end_object (json);

  sc_json_key (json, "suggestions");
  sc_json_begin_array (json);
  for (guint i = 0; suggestions != NULL && i < suggestions->suggestions->len; i++)
    {
      ScSuggestion *s = g_ptr_array_index (suggestions->suggestions, i);

      sc_json_begin_object (json);
      sc_json_member_string (json, "interface", s->interface);
      sc_json_member_string (json, "reason", s->reason);
      sc_json_member_boolean (json, "auto_connect", s->auto_connect);
      sc_json_member_boolean (json, "store_approval", s->store_approval);
      sc_json_key (json, "plug");
      if (s->plug != NULL)
        sc_json_variant (json, s->plug);
      else
        sc_json_null (json);
      sc_json_end_object (json);
    }
  sc_json_end_array (json);
  sc_json_member_string (json, "fix", suggestions != NULL ? suggestions->fix : NULL);
  sc_json_end_object (json);
}

void
sc_cli_write_group (ScJson        *json,
                    ScDenialGroup *group)
{
  write_group (json, group, sc_denial_group_dup_suggestions (group));
}

static void
print_group_line (ScDenialGroup *group)
{
  g_autoptr(ScJson) json = sc_json_new (FALSE);
  g_autofree char *text = NULL;

  sc_cli_write_group (json, group);
  text = sc_json_free_to_string (g_steal_pointer (&json));
  fputs (text, stdout);
  fputc ('\n', stdout);
}

static char *
target_label (const ScDenial *d)
{
  if (d->hook != NULL)
    /* Translators: a snap and one of its hooks. */
    return g_strdup_printf (_("%s, hook %s"), d->instance ? d->instance : d->snap, d->hook);
  if (d->app != NULL)
    /* Translators: a snap and one of its apps. */
    return g_strdup_printf (_("%s, app %s"), d->instance ? d->instance : d->snap, d->app);
  if (d->snap != NULL)
    return g_strdup (d->instance ? d->instance : d->snap);
  return g_strdup (d->profile != NULL ? d->profile : _("(unknown profile)"));
}

static char *
describe_group (ScDenialGroup *group)
{
  ScDenial *d = group->denial;
  const char *object = group->object_pattern != NULL ? group->object_pattern : d->object;
  g_autofree char *valid = object != NULL ? g_utf8_make_valid (object, -1) : NULL;
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, "%5" G_GUINT64_FORMAT "×  %-7s  %-10s  %-16s  %s",
                          group->count, sc_denial_mode_to_string (d->mode),
                          sc_denial_kind_to_string (d->kind),
                          d->operation != NULL ? d->operation : "-",
                          valid != NULL ? valid : "-");
  if (d->permissions != NULL && *d->permissions != '\0')
    g_string_append_printf (out, " [%s]", d->permissions);
  return g_string_free (out, FALSE);
}

static void
print_suggestion_lines (ScSuggestionResult *owned,
                        const char         *indent)
{
  g_autoptr(ScSuggestionResult) r = owned;

  if (r == NULL)
    return;
  if (r->fix != NULL)
    printf ("%s→ %s\n", indent, r->fix);
  if (r->suggestions->len > 0)
    {
      ScSuggestion *s = g_ptr_array_index (r->suggestions, 0);
      const char *plug = sc_suggestion_get_plug_name (s);
      g_autofree char *name = g_strcmp0 (plug, s->interface) != 0
                              ? g_strdup_printf ("%s (%s)", plug, s->interface) : g_strdup (plug);

      /* Translators: %s is a plug (and its interface); the second %s is
       * empty or one of the two notes below. */
      printf ("%s→ ", indent);
      printf (_("plug %s%s"), name,
              s->auto_connect ? "" : s->store_approval ? _(", needs store approval")
                                                       : _(", connect it by hand"));
      putchar ('\n');
      if (s->reason != NULL)
        printf ("%s  %s\n", indent, s->reason);
      if (r->suggestions->len > 1)
        {
          g_autoptr(GString) others = g_string_new (NULL);

          for (guint i = 1; i < r->suggestions->len && i < 4; i++)
            {
              ScSuggestion *o = g_ptr_array_index (r->suggestions, i);
              g_string_append_printf (others, "%s%s", i > 1 ? ", " : "", o->interface);
            }
          /* Translators: other interfaces that would allow it. */
          printf ("%s  ", indent);
          printf (_("also: %s"), others->str);
          putchar ('\n');
        }
    }
  else if (r->fix == NULL)
    printf ("%s→ %s\n", indent, _("no interface is known to allow this"));
}

static int
compare_groups (gconstpointer a,
                gconstpointer b)
{
  const ScDenialGroup *ga = *(ScDenialGroup * const *) a;
  const ScDenialGroup *gb = *(ScDenialGroup * const *) b;
  g_autofree char *la = target_label (ga->denial);
  g_autofree char *lb = target_label (gb->denial);
  int r;

  if (ga->denial->noise != gb->denial->noise)
    return ga->denial->noise ? 1 : -1;
  if ((r = g_strcmp0 (la, lb)) != 0)
    return r;
  return ga->index < gb->index ? -1 : ga->index > gb->index;
}

static void
print_text (ScDenialStore *store)
{
  GPtrArray *all = sc_denial_store_get_groups (store);
  /* Not g_ptr_array_copy(): the copy would free the groups. */
  g_autoptr(GPtrArray) groups = g_ptr_array_sized_new (all->len);
  g_autofree char *current = NULL;
  gboolean in_noise = FALSE;
  guint64 n_records = 0;
  g_autoptr(Suggester) suggester = NULL;

  for (guint i = 0; i < all->len; i++)
    g_ptr_array_add (groups, g_ptr_array_index (all, i));
  if (groups->len == 0)
    {
      printf ("%s\n", _("No confinement records found."));
      return;
    }

  g_ptr_array_sort (groups, compare_groups);
  suggester = suggester_new (groups);
  for (guint i = 0; i < groups->len; i++)
    {
      ScDenialGroup *group = g_ptr_array_index (groups, i);
      g_autofree char *label = target_label (group->denial);
      g_autofree char *line = describe_group (group);

      n_records += group->count;
      if (group->denial->noise && !in_noise)
        {
          printf ("\n%s\n", _("From snapd itself, not the app (usually harmless):"));
          in_noise = TRUE;
          g_clear_pointer (&current, g_free);
        }
      if (g_strcmp0 (label, current) != 0)
        {
          printf ("%s%s:\n", i > 0 && !in_noise ? "\n" : "", label);
          sc_set_str (&current, label);
        }
      printf ("%s", line);
      if (group->hosts != NULL && group->hosts->len > 1)
        printf (ngettext ("  (%u host)", "  (%u hosts)", group->hosts->len), group->hosts->len);
      printf ("\n");
      if (!group->denial->noise)
        print_suggestion_lines (suggester_take (suggester, i), "          ");
      else if (group->denial->noise_reason != NULL)
        printf ("          %s\n", group->denial->noise_reason);
    }
  {
    g_autofree char *records = g_strdup_printf (ngettext ("%lu record", "%lu records", (gulong) n_records),
                                                (gulong) n_records);

    /* Translators: "12 records in 11 groups." */
    printf ("\n");
    printf (ngettext ("%s in %u group.\n", "%s in %u groups.\n", groups->len), records, groups->len);
  }
}

static void
print_json_array (ScDenialStore *store)
{
  GPtrArray *groups = sc_denial_store_get_groups (store);
  g_autoptr(ScJson) json = sc_json_new (TRUE);
  g_autoptr(Suggester) suggester = suggester_new (groups);
  g_autofree char *text = NULL;

  sc_json_begin_array (json);
  for (guint i = 0; i < groups->len; i++)
    {
      write_group (json, g_ptr_array_index (groups, i), suggester_take (suggester, i));
      /* Streamed: a million groups would be a gigabyte of text. */
      sc_json_flush (json, stdout);
    }
  sc_json_end_array (json);
  text = sc_json_free_to_string (g_steal_pointer (&json));
  fputs (text, stdout);
  fputc ('\n', stdout);
}

static void
print_follow_change (ScDenialGroup *group,
                     gboolean       json)
{
  if (json)
    print_group_line (group);
  else
    {
      g_autofree char *label = target_label (group->denial);
      g_autofree char *line = describe_group (group);
      g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (group->last_seen_usec / G_USEC_PER_SEC);
      g_autofree char *when = dt != NULL ? g_date_time_format (dt, "%H:%M:%S") : g_strdup ("--:--:--");

      printf ("%s  %s:%s\n", when, label, line);
      if (!group->denial->noise)
        print_suggestion_lines (sc_denial_group_dup_suggestions (group), "                    ");
    }
}

static int
follow (ScJournalReader *reader,
        ScDenialStore   *store,
        gboolean         stream,
        gboolean         json)
{
  g_autoptr(GPtrArray) changed = g_ptr_array_new ();
  g_autoptr(GHashTable) changed_set = g_hash_table_new (NULL, NULL);
  Collect c = { store, changed, changed_set };
  guint64 lost_reported = sc_denial_store_get_lost (store);

  if (sc_journal_reader_get_fd (reader) < 0)
    {
      if (!stream)
        fprintf (stderr, "%s\n", _("warning: this source cannot be followed; it was read to the end."));
      return SC_EXIT_OK;
    }

  for (;;)
    {
      g_autoptr(GError) error = NULL;
      guint64 lost;

      /* A followed stream has ended: nothing more will come. */
      if (sc_journal_reader_get_fd (reader) < 0)
        break;

      sc_journal_reader_wait (reader, G_USEC_PER_SEC);
      if (!sc_journal_reader_read (reader, collect_cb, &c, NULL, &error))
        return sc_cli_fail (error);

      g_ptr_array_sort (changed, compare_groups);
      for (guint i = 0; i < changed->len; i++)
        print_follow_change (g_ptr_array_index (changed, i), json);
      g_ptr_array_set_size (changed, 0);
      g_hash_table_remove_all (changed_set);

      lost = sc_denial_store_get_lost (store);
      if (lost > lost_reported)
        {
          fprintf (stderr, ngettext ("warning: %lu more record was lost to rate limiting; run "
                                     "`sudo sysctl -w kernel.printk_ratelimit=0`.\n",
                                     "warning: %lu more records were lost to rate limiting; run "
                                     "`sudo sysctl -w kernel.printk_ratelimit=0`.\n",
                                     (gulong) (lost - lost_reported)),
                   (gulong) (lost - lost_reported));
          lost_reported = lost;
        }
      fflush (stdout);
    }
  return SC_EXIT_OK;
}

int
sc_cli_denials (int    argc,
                char **argv)
{
  ScCliSourceArgs args = { 0 };
  g_autofree GOptionEntry *source_entries = sc_cli_source_entries (&args);
  gboolean json = FALSE, follow_mode = FALSE;
  GOptionEntry entries[] = {
    { "follow", 'f', 0, G_OPTION_ARG_NONE, &follow_mode, N_("Keep printing new records"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  /* Translators: follows “Usage: snapconfine-cli denials [OPTION…]” in --help;
   * keep the leading “- ”. */
  g_autoptr(GOptionContext) context = g_option_context_new (N_("- list confinement denials"));
  g_auto(ScJournalOptions) options = { 0 };
  g_autoptr(ScJournalReader) reader = NULL;
  g_autoptr(ScDenialStore) store = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, source_entries, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_help_enabled (context, TRUE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      sc_cli_source_args_clear (&args);
      return sc_cli_usage_error ("denials", "%s", error->message);
    }

  if (!sc_cli_source_options ("denials", &args, argc > 1 ? argv + 1 : NULL, NULL, &options))
    {
      sc_cli_source_args_clear (&args);
      return args.exit_code != 0 ? args.exit_code : SC_EXIT_USAGE;
    }
  sc_cli_source_args_clear (&args);

  /* Every group printed carries its suggestions. */
  sc_policy_prepare_in_background ();
  options.once = !follow_mode;
  reader = sc_journal_reader_new (&options, &error);
  if (reader == NULL)
    return sc_cli_fail (error);

  store = sc_denial_store_new (options.snap);
  sc_denial_store_set_max_groups (store, (guint) MAX (args.max_groups, 0));
  sc_journal_reader_set_follow (reader, follow_mode);
  if (!sc_cli_read_into_store (reader, store, &error))
    return sc_cli_fail (error);

  sc_cli_print_warnings (reader, store);

  if (follow_mode)
    {
      GPtrArray *groups = sc_denial_store_get_groups (store);

      if (json)
        for (guint i = 0; i < groups->len; i++)
          print_group_line (g_ptr_array_index (groups, i));
      else
        print_text (store);
      fflush (stdout);
      status = follow (reader, store,
                       options.type == SC_JOURNAL_SOURCE_LOG && g_str_equal (options.path, "-"),
                       json);
      return status;
    }

  if (json)
    print_json_array (store);
  else
    print_text (store);
  return SC_EXIT_OK;
}
