/* bench-edit.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Time to load, edit and render the diff of a 2,000-line snapcraft.yaml
 * (target: under 20 ms), and peak memory. Prints its figures.
 *
 *   build/bench/bench-edit [LINES] [ROUNDS]
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "sc-project.h"

static char *
make_project (guint  target_lines,
              guint *n_apps)
{
  GString *s = g_string_new (NULL);
  guint lines = 0, app = 0, part = 0;

  g_string_append (s,
                   "# A generated project for the benchmark.\n"
                   "name: big-bench\nbase: core22\nversion: '1.0'\n"
                   "summary: A large project\n"
                   "description: |\n  Lots of apps and parts.\n  confinement: devmode (text)\n"
                   "grade: stable\nconfinement: devmode  # to be switched\n\napps:\n");
  lines = 12;
  while (lines < target_lines / 2)
    {
      g_string_append_printf (s,
                              "  app-%u:\n"
                              "    command: bin/app-%u --flag\n"
                              "    # comment inside app %u\n"
                              "    plugs:\n"
                              "      - home\n"
                              "      - network   # trailing\n"
                              "      - audio-playback\n"
                              "    environment:\n"
                              "      FOO: \"bar %u\"\n",
                              app, app, app, app);
      if (app % 3 == 0)
        g_string_append (s, "    daemon: simple\n"), lines++;
      if (app % 4 == 1)
        g_string_append (s, "    extensions: [gnome]\n"), lines++;
      lines += 9;
      app++;
    }
  g_string_append (s, "\nhooks:\n  configure:\n    plugs: [network]\n\nparts:\n");
  lines += 5;
  while (lines < target_lines)
    {
      g_string_append_printf (s,
                              "  part-%u:\n"
                              "    plugin: nil\n"
                              "    source: https://example.com/p%u.tar.gz\n"
                              "    stage-packages:\n"
                              "      - libfoo%u\n"
                              "      - libbar%u\n"
                              "    override-build: |\n"
                              "      echo 'plugs: [fake]'\n"
                              "      craftctl default\n",
                              part, part, part, part);
      lines += 9;
      part++;
    }
  *n_apps = app;
  return g_string_free (s, FALSE);
}

static int
compare_double (const void *a,
                const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

int
main (int   argc,
      char *argv[])
{
  guint target_lines = argc > 1 ? (guint) atoi (argv[1]) : 2000;
  guint rounds = argc > 2 ? (guint) atoi (argv[2]) : 50;
  guint n_apps = 0, n_lines = 0;
  g_autofree char *text = make_project (target_lines, &n_apps);
  gsize len = strlen (text);
  g_autofree double *load_ms = g_new (double, rounds);
  g_autofree double *total_ms = g_new (double, rounds);
  gsize diff_len = 0;
  struct rusage usage;

  for (const char *p = text; *p; p++)
    n_lines += *p == '\n';

  for (guint r = 0; r < rounds; r++)
    {
      g_autoptr(GError) error = NULL;
      gint64 t0 = g_get_monotonic_time (), t1;
      g_autoptr(ScProject) project = sc_project_load_from_data ("snapcraft.yaml", text, len, &error);
      g_autoptr(ScEdit) edit = NULL;
      g_autofree char *diff = NULL;

      if (project == NULL)
        {
          fprintf (stderr, "load failed: %s\n", error->message);
          return 1;
        }
      t1 = g_get_monotonic_time ();

      edit = sc_edit_new (project);
      sc_edit_set_confinement (edit, "strict");
      /* Edit a few apps spread over the file, as a user ticking boxes would. */
      for (guint a = 0; a < n_apps; a += MAX (1, n_apps / 5))
        {
          g_autofree char *name = g_strdup_printf ("app-%u", a);
          if (!sc_edit_add_plug (edit, name, "camera", &error)
              || !sc_edit_remove_plug (edit, name, "network", &error))
            {
              fprintf (stderr, "edit failed: %s\n", error->message);
              return 1;
            }
        }
      diff = sc_edit_diff (edit, &error);
      if (diff == NULL)
        {
          fprintf (stderr, "diff failed: %s\n", error->message);
          return 1;
        }
      diff_len = strlen (diff);
      load_ms[r] = (t1 - t0) / 1000.0;
      total_ms[r] = (g_get_monotonic_time () - t0) / 1000.0;
    }

  qsort (load_ms, rounds, sizeof (double), compare_double);
  qsort (total_ms, rounds, sizeof (double), compare_double);
  getrusage (RUSAGE_SELF, &usage);

  printf ("input: %u lines, %" G_GSIZE_FORMAT " bytes, %u apps; %u rounds; diff %" G_GSIZE_FORMAT " bytes\n",
          n_lines, len, n_apps, rounds, diff_len);
  printf ("load:                  median %.2f ms, min %.2f ms, max %.2f ms\n",
          load_ms[rounds / 2], load_ms[0], load_ms[rounds - 1]);
  printf ("load+edit+render+diff: median %.2f ms, min %.2f ms, max %.2f ms (target < 20 ms)\n",
          total_ms[rounds / 2], total_ms[0], total_ms[rounds - 1]);
  printf ("peak memory (max RSS): %.1f MiB\n", usage.ru_maxrss / 1024.0);
  return 0;
}
