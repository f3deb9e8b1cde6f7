/* bench-sidebar.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Loads 100,000 distinct denial groups into the denial sidebar in a real
 * window and measures what the user would feel:
 *
 * - the longest main-loop stall while loading: a 1 ms timeout at high
 *   priority records the gaps between its dispatches;
 * - the longest gap between frames (a tick callback on the window);
 * - the time until everything is listed;
 * - scrolling the full list half a page per frame: the longest frame gap;
 * - peak memory (max RSS) and RSS before and after loading, split into
 *   anonymous memory (the heap, what malloc keeps free) and mapped files
 *   (libraries: their pages count once touched);
 * - after that, the longest main-loop stall of filter changes: "show
 *   noise" on and off, Ignore on the top group and Undo, and ignoring every
 *   third group at once (keys restored from settings) and clearing them.
 *
 *   bench-sidebar [--groups N] [--log PATH [--noise-every K] | --journal DIR]
 *
 * The log is generated once and reused (a PATH.ok stamp marks it done);
 * --journal reads a journal folder instead (bench-sidebar.sh --journal
 * makes one with systemd-journal-remote).
 * The machine's load average is printed too: on a shared 2-core machine
 * other processes decide much of the wall-clock figures.
 */

#define _GNU_SOURCE 1

#include "config.h"

#include <malloc.h>
#include <sys/resource.h>
#include <adwaita.h>

#include "sc-denial-item.h"
#include "sc-denial-sidebar.h"

static int n_groups = 100000;
static char *log_path = NULL;
static int noise_every = 0;
static char *journal_dir = NULL;

typedef struct
{
  GtkWidget       *window;
  ScDenialSidebar *sidebar;
  GMainLoop       *loop;

  gboolean         measuring;
  gint64           last_tick;
  gint64           max_stall;
  guint            n_stalls_50;    /* gaps over 50 ms */
  guint            n_stalls_100;

  gint64           last_frame;
  gint64           max_frame_gap;
  guint            n_frames;

  gint64           load_start;
  gint64           load_end;

  GtkAdjustment   *vadj;
  gint64           scroll_start;
  gint64           scroll_last;
  gint64           scroll_max_gap;
  guint            scroll_frames;
} Bench;

static const char * const apps[] = { "foo", "daemon", "cli", "viewer", "hook.configure" };

static gboolean
generate_log (const char *path,
              int         groups,
              GError    **error)
{
  g_autoptr(GString) out = g_string_sized_new ((gsize) groups * 260);
  gint64 base = g_get_real_time () / G_USEC_PER_SEC - 2 * 24 * 3600;
  guint serial = 1000;

  for (int i = 0; i < groups; i++)
    {
      const char *app = apps[i % G_N_ELEMENTS (apps)];
      gint64 t = base + i; /* one second apart */
      g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (t);
      g_autofree char *iso = g_date_time_format (dt, "%Y-%m-%dT%H:%M:%S.000000+00:00");
      /* Every fifth group is seen a few more times, so counts differ. */
      int repeats = (i % 5 == 0) ? 3 : 1;
      const char *child = noise_every > 0 && i % noise_every == 0 ? "//helper" : "";

      for (int r = 0; r < repeats; r++, serial++)
        {
          switch (i % 4)
            {
            case 0:
              g_string_append_printf (out,
                "%s bench kernel: [%d.000000] audit: type=1400 audit(%" G_GINT64_FORMAT ".%03d:%u): "
                "apparmor=\"ALLOWED\" operation=\"open\" class=\"file\" profile=\"snap.bench.%s%s\" "
                "name=\"/etc/bench/conf-%d.d/settings\" pid=4242 comm=\"bench\" requested_mask=\"r\" "
                "denied_mask=\"r\" fsuid=1000 ouid=0\n",
                iso, i, t, r, serial, app, child, i);
              break;
            case 1:
              g_string_append_printf (out,
                "%s bench kernel: [%d.000000] audit: type=1400 audit(%" G_GINT64_FORMAT ".%03d:%u): "
                "apparmor=\"ALLOWED\" operation=\"mknod\" class=\"file\" profile=\"snap.bench.%s%s\" "
                "name=\"/home/alice/.bench-%d/state\" pid=4242 comm=\"bench\" requested_mask=\"c\" "
                "denied_mask=\"c\" fsuid=1000 ouid=1000\n",
                iso, i, t, r, serial, app, child, i);
              break;
            case 2:
              g_string_append_printf (out,
                "%s bench kernel: [%d.000000] audit: type=1400 audit(%" G_GINT64_FORMAT ".%03d:%u): "
                "apparmor=\"DENIED\" operation=\"open\" class=\"file\" profile=\"snap.bench.%s%s\" "
                "name=\"/srv/bench/data-%d.db\" pid=4242 comm=\"bench\" requested_mask=\"wr\" "
                "denied_mask=\"wr\" fsuid=1000 ouid=0\n",
                iso, i, t, r, serial, app, child, i);
              break;
            default:
              g_string_append_printf (out,
                "%s bench kernel: [%d.000000] audit: type=1400 audit(%" G_GINT64_FORMAT ".%03d:%u): "
                "apparmor=\"ALLOWED\" operation=\"open\" class=\"file\" profile=\"snap.bench.%s%s\" "
                "name=\"/media/alice/disk-%d/file\" pid=4242 comm=\"bench\" requested_mask=\"r\" "
                "denied_mask=\"r\" fsuid=1000 ouid=1000\n",
                iso, i, t, r, serial, app, child, i);
              break;
            }
        }
    }

  return g_file_set_contents (path, out->str, (gssize) out->len, error);
}

static long
max_rss_kib (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

static long
current_rss_kib (void)
{
  g_autofree char *status = NULL;
  const char *p;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  p = strstr (status, "VmRSS:");
  return p ? strtol (p + 6, NULL, 10) : -1;
}

/* Bytes malloc has handed out and not had back (all arenas). */
static double
heap_mib (void)
{
  struct mallinfo2 info = mallinfo2 ();

  return (info.uordblks + info.hblkhd) / (1024.0 * 1024.0);
}

/* Free memory malloc keeps in its arenas (resident once touched). */
static double
heap_free_mib (void)
{
  struct mallinfo2 info = mallinfo2 ();

  return info.fordblks / (1024.0 * 1024.0);
}

/* A field of /proc/self/status, in KiB. */
static long
status_kib (const char *field)
{
  g_autofree char *status = NULL;
  const char *p;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  p = strstr (status, field);
  return p ? strtol (p + strlen (field), NULL, 10) : -1;
}

static double
main_thread_cpu_sec (void)
{
  struct rusage usage;

  getrusage (RUSAGE_THREAD, &usage);
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

static char *
load_average (void)
{
  g_autofree char *text = NULL;

  if (!g_file_get_contents ("/proc/loadavg", &text, NULL, NULL))
    return g_strdup ("?");
  return g_strndup (text, strcspn (text, " ") + 5);
}

static gboolean
tick_cb (gpointer data)
{
  Bench *b = data;
  gint64 now = g_get_monotonic_time ();

  if (b->measuring && b->last_tick != 0)
    {
      gint64 gap = now - b->last_tick;

      b->max_stall = MAX (b->max_stall, gap);
      if (gap > 50 * 1000)
        b->n_stalls_50++;
      if (gap > 100 * 1000)
        b->n_stalls_100++;
      if (g_getenv ("BENCH_VERBOSE") != NULL && gap > 30 * 1000)
        g_printerr ("stall %.1f ms at %.3f s\n", gap / 1e3, (now - b->load_start) / 1e6);
    }
  b->last_tick = now;
  return G_SOURCE_CONTINUE;
}

static gboolean
frame_cb (GtkWidget     *widget,
          GdkFrameClock *clock,
          gpointer       data)
{
  Bench *b = data;
  gint64 now = g_get_monotonic_time ();

  if (b->measuring)
    {
      if (b->last_frame != 0)
        b->max_frame_gap = MAX (b->max_frame_gap, now - b->last_frame);
      b->n_frames++;
    }
  b->last_frame = now;
  return G_SOURCE_CONTINUE;
}

static gboolean
scroll_cb (GtkWidget     *widget,
           GdkFrameClock *clock,
           gpointer       data)
{
  Bench *b = data;
  gint64 now = g_get_monotonic_time ();
  double upper, page, value;

  if (b->scroll_last != 0)
    b->scroll_max_gap = MAX (b->scroll_max_gap, now - b->scroll_last);
  b->scroll_last = now;
  b->scroll_frames++;

  upper = gtk_adjustment_get_upper (b->vadj);
  page = gtk_adjustment_get_page_size (b->vadj);
  /* Half a page per frame: every frame brings new rows into view. */
  value = gtk_adjustment_get_value (b->vadj) + page / 2;

  if (now - b->scroll_start > 3 * G_USEC_PER_SEC || value >= upper - page)
    {
      g_main_loop_quit (b->loop);
      return G_SOURCE_REMOVE;
    }

  gtk_adjustment_set_value (b->vadj, value);
  return G_SOURCE_CONTINUE;
}

static void
loading_cb (ScDenialSidebar *sidebar,
            GParamSpec      *pspec,
            Bench           *b)
{
  if (sc_denial_sidebar_get_loading (sidebar) || b->load_start == 0 || b->load_end != 0)
    return;

  b->load_end = g_get_monotonic_time ();
}

static GtkWidget *
find_list_view (GtkWidget *widget)
{
  if (GTK_IS_GRID_VIEW (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_list_view (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
iterate_for (gint64 usec)
{
  gint64 until = g_get_monotonic_time () + usec;

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
}

typedef void (*FilterChange) (ScDenialSidebar *sidebar,
                              gpointer         data);

static void
change_show_noise (ScDenialSidebar *sidebar,
                   gpointer         data)
{
  sc_denial_sidebar_set_show_noise (sidebar, GPOINTER_TO_INT (data));
}

static void
change_ignored (ScDenialSidebar *sidebar,
                gpointer         data)
{
  sc_denial_sidebar_set_ignored (sidebar, data);
}

/* The longest main-loop stall around CHANGE (the change itself and the
 * frames that follow it). */
static void
measure_filter_change (Bench        *b,
                       const char   *what,
                       FilterChange  change,
                       gpointer      data)
{
  gint64 start;
  gint64 call;

  b->max_stall = 0;
  b->last_tick = 0;
  b->measuring = TRUE;
  iterate_for (G_USEC_PER_SEC / 10);
  start = g_get_monotonic_time ();
  change (b->sidebar, data);
  call = g_get_monotonic_time () - start;
  iterate_for (G_USEC_PER_SEC / 4);
  b->measuring = FALSE;
  g_print ("filter change: %-26s %.1f ms stall, %.1f ms of it the call (shown %u)\n", what,
           b->max_stall / 1e3, call / 1e3, sc_denial_sidebar_get_n_visible (b->sidebar));
}

static void
measure_filter_changes (Bench *b)
{
  GListModel *model = sc_denial_sidebar_get_model (b->sidebar);
  guint n = g_list_model_get_n_items (model);
  g_autoptr(GPtrArray) third = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *top = NULL;
  const char *one[2] = { NULL, NULL };

  if (n == 0)
    return;
  for (guint i = 0; i < n; i += 3)
    {
      g_autoptr(ScDenialItem) item = g_list_model_get_item (model, i);

      if (i == 0)
        top = g_strdup (sc_denial_item_get_key (item));
      g_ptr_array_add (third, g_strdup (sc_denial_item_get_key (item)));
    }
  g_ptr_array_add (third, NULL);
  one[0] = top;

  measure_filter_change (b, "show noise on", change_show_noise, GINT_TO_POINTER (TRUE));
  measure_filter_change (b, "show noise off", change_show_noise, GINT_TO_POINTER (FALSE));
  measure_filter_change (b, "ignore the top group", change_ignored, one);
  measure_filter_change (b, "undo", change_ignored, NULL);
  measure_filter_change (b, "ignore every third group", change_ignored, third->pdata);
  measure_filter_change (b, "clear the ignored", change_ignored, NULL);
}

static gboolean
timeout_cb (gpointer data)
{
  g_printerr ("bench-sidebar: timed out\n");
  exit (1);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autofree char *default_log = NULL;
  g_autofree char *load_before = NULL;
  g_autofree char *load_after = NULL;
  GOptionEntry entries[] = {
    { "groups", 0, 0, G_OPTION_ARG_INT, &n_groups, "Distinct denial groups", "N" },
    { "log", 0, 0, G_OPTION_ARG_FILENAME, &log_path, "Generated log (cached)", "PATH" },
    { "noise-every", 0, 0, G_OPTION_ARG_INT, &noise_every,
      "Every Kth group from a child profile (noise, hidden until \"show noise\")", "K" },
    { "journal", 0, 0, G_OPTION_ARG_FILENAME, &journal_dir, "Read this journal folder instead", "DIR" },
    { NULL }
  };
  Bench b = { 0 };
  ScJournalOptions options = { 0 };
  long rss_before, anon_before, file_before;
  double heap_before, free_before;
  double cpu_before;
  GtkWidget *list_view;

  context = g_option_context_new ("- denial sidebar loading benchmark");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  if (log_path == NULL)
    log_path = default_log = g_strdup_printf ("sidebar-%d.log", n_groups);

  if (journal_dir == NULL)
    {
      g_autofree char *stamp = g_strdup_printf ("%s.ok", log_path);
      gint64 start = g_get_monotonic_time ();

      if (!g_file_test (stamp, G_FILE_TEST_EXISTS) || !g_file_test (log_path, G_FILE_TEST_EXISTS))
        {
          if (!generate_log (log_path, n_groups, &error) ||
              !g_file_set_contents (stamp, "", 0, &error))
            {
              g_printerr ("bench-sidebar: %s\n", error->message);
              return 1;
            }
          g_print ("generated %s (%d groups) in %.2f s\n", log_path, n_groups,
                   (g_get_monotonic_time () - start) / 1e6);
        }
    }

  if (!gtk_init_check ())
    {
      g_printerr ("bench-sidebar: no display (run under xvfb-run)\n");
      return 77;
    }
  adw_init ();

  b.loop = g_main_loop_new (NULL, FALSE);
  b.window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (b.window), 420, 900);
  b.sidebar = SC_DENIAL_SIDEBAR (sc_denial_sidebar_new ());
  gtk_window_set_child (GTK_WINDOW (b.window), GTK_WIDGET (b.sidebar));
  g_signal_connect (b.sidebar, "notify::loading", G_CALLBACK (loading_cb), &b);

  g_timeout_add_full (G_PRIORITY_HIGH, 1, tick_cb, &b, NULL);
  gtk_widget_add_tick_callback (b.window, frame_cb, &b, NULL);
  g_timeout_add_seconds (600, timeout_cb, NULL);

  /* A source is set before the window is shown, so the sidebar does not
   * first read the system journal. */
  options.type = SC_JOURNAL_SOURCE_LOG;
  options.path = (char *) "/dev/null";
  sc_denial_sidebar_set_source (b.sidebar, &options);
  gtk_window_present (GTK_WINDOW (b.window));
  iterate_for (G_USEC_PER_SEC);
  while (sc_denial_sidebar_get_loading (b.sidebar))
    g_main_context_iteration (NULL, TRUE);

  rss_before = current_rss_kib ();
  heap_before = heap_mib ();
  anon_before = status_kib ("RssAnon:");
  file_before = status_kib ("RssFile:");
  free_before = heap_free_mib ();
  load_before = load_average ();
  cpu_before = main_thread_cpu_sec ();

  if (journal_dir != NULL)
    {
      options.type = SC_JOURNAL_SOURCE_DIRECTORY;
      options.path = journal_dir;
      g_print ("source:                   journal folder %s\n", journal_dir);
    }
  else
    {
      options.path = log_path;
      g_print ("source:                   text log %s\n", log_path);
    }
  b.measuring = TRUE;
  b.last_tick = 0;
  b.last_frame = 0;
  b.load_start = g_get_monotonic_time ();
  sc_denial_sidebar_set_source (b.sidebar, &options);
  while (b.load_end == 0)
    g_main_context_iteration (NULL, TRUE);
  /* The frame showing the complete list belongs to the load. */
  iterate_for (G_USEC_PER_SEC / 4);
  b.measuring = FALSE;
  load_after = load_average ();

  g_print ("groups loaded:            %u (shown %u)\n",
           sc_denial_sidebar_get_n_groups (b.sidebar), sc_denial_sidebar_get_n_visible (b.sidebar));
  g_print ("load time (wall):         %.2f s\n", (b.load_end - b.load_start) / 1e6);
  g_print ("main thread CPU (load):   %.2f s\n", main_thread_cpu_sec () - cpu_before);
  g_print ("longest main-loop stall:  %.1f ms (target < 50 ms); stalls > 50 ms: %u, > 100 ms: %u\n",
           b.max_stall / 1e3, b.n_stalls_50, b.n_stalls_100);
  g_print ("frames while loading:     %u, longest gap %.1f ms\n", b.n_frames, b.max_frame_gap / 1e3);

  list_view = find_list_view (GTK_WIDGET (b.sidebar));
  b.vadj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list_view));
  gtk_adjustment_set_value (b.vadj, 0);
  iterate_for (G_USEC_PER_SEC / 4);
  b.scroll_start = g_get_monotonic_time ();
  gtk_widget_add_tick_callback (b.window, scroll_cb, &b, NULL);
  g_main_loop_run (b.loop);

  g_print ("scrolling (3 s):          %u frames, longest frame gap %.1f ms\n",
           b.scroll_frames, b.scroll_max_gap / 1e3);
  g_print ("RSS before / after load:  %.1f / %.1f MiB\n",
           rss_before / 1024.0, current_rss_kib () / 1024.0);
  g_print ("heap before / after load: %.1f / %.1f MiB\n", heap_before, heap_mib ());
  g_print ("malloc free before / after load: %.1f / %.1f MiB\n", free_before, heap_free_mib ());
  g_print ("RSS anon before / after load: %.1f / %.1f MiB; files %.1f / %.1f MiB\n",
           anon_before / 1024.0, status_kib ("RssAnon:") / 1024.0,
           file_before / 1024.0, status_kib ("RssFile:") / 1024.0);
  g_print ("peak RSS:                 %.1f MiB\n", max_rss_kib () / 1024.0);
  gtk_adjustment_set_value (b.vadj, 0);
  iterate_for (G_USEC_PER_SEC / 4);
  measure_filter_changes (&b);
  g_print ("load average before/after: %s / %s\n", load_before, load_after);

  gtk_window_destroy (GTK_WINDOW (b.window));
  g_main_loop_unref (b.loop);
  return 0;
}
