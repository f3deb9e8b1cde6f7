/* test-snapd-client.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The snapd client where no snapd is needed: no socket gives "unavailable"
 * at once; a socket that accepts and never answers (a snapd that hangs)
 * gives a timeout on the caller's main context, never a hang; the caller
 * can cancel. And the logic that compares a project with an installed
 * snap. Talking to a real snapd is tests/snapd/.
 */

#include "config.h"

#include <gio/gio.h>
#include <gio/gunixsocketaddress.h>
#include <glib/gstdio.h>

#include "sc-snapd-client.h"
#include "sc-snapd-monitor.h"
#include "sc-snapd-project.h"

typedef struct
{
  char           *dir;
  char           *path;
  GSocketService *service;
  GPtrArray      *held;        /* accepted connections, never answered */
} SilentServer;

static gboolean
incoming_cb (GSocketService    *service,
             GSocketConnection *connection,
             GObject           *source,
             gpointer           user_data)
{
  SilentServer *server = user_data;

  g_ptr_array_add (server->held, g_object_ref (connection));
  return TRUE;
}

static void
silent_server_start (SilentServer *server)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSocketAddress) address = NULL;

  server->dir = g_dir_make_tmp ("sc-snapd-client-XXXXXX", &error);
  g_assert_no_error (error);
  server->path = g_build_filename (server->dir, "snapd.socket", NULL);
  server->held = g_ptr_array_new_with_free_func (g_object_unref);
  server->service = g_socket_service_new ();
  address = g_unix_socket_address_new (server->path);
  g_socket_listener_add_address (G_SOCKET_LISTENER (server->service), address,
                                 G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_DEFAULT,
                                 NULL, NULL, &error);
  g_assert_no_error (error);
  g_signal_connect (server->service, "incoming", G_CALLBACK (incoming_cb), server);
  g_socket_service_start (server->service);
}

static void
silent_server_stop (SilentServer *server)
{
  g_socket_service_stop (server->service);
  g_socket_listener_close (G_SOCKET_LISTENER (server->service));
  g_clear_object (&server->service);
  g_ptr_array_unref (server->held);
  g_unlink (server->path);
  g_rmdir (server->dir);
  g_free (server->path);
  g_free (server->dir);
}

static void
store_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static void
test_no_socket (void)
{
  g_autoptr(ScSnapdClient) client = sc_snapd_client_new ();
  g_autoptr(ScSnapdSnap) snap = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  g_test_summary ("No snapd socket: SC_SNAPD_ERROR_UNAVAILABLE at once, saying so");
  sc_snapd_client_set_socket_path (client, "/nonexistent/snapd.socket");
  snap = sc_snapd_client_get_snap_sync (client, "skylark", &error);
  g_assert_null (snap);
  g_assert_error (error, SC_SNAPD_ERROR, SC_SNAPD_ERROR_UNAVAILABLE);
  g_assert_nonnull (strstr (error->message, "not running or not reachable"));
  g_assert_cmpint (g_get_monotonic_time () - start, <, 2 * G_USEC_PER_SEC);

  g_clear_error (&error);
  g_assert_false (sc_snapd_client_connect_sync (client, TRUE, "skylark", "camera",
                                                NULL, NULL, &error));
  g_assert_error (error, SC_SNAPD_ERROR, SC_SNAPD_ERROR_UNAVAILABLE);
}

static void
test_timeout_async (void)
{
  SilentServer server = { 0 };
  g_autoptr(ScSnapdClient) client = sc_snapd_client_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) result2 = NULL;
  g_autoptr(ScSnapdSnap) snap = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;

  g_test_summary ("A snapd that accepts and never answers: the async read and connect end "
                  "with SC_SNAPD_ERROR_TIMEOUT on the default main context");
  silent_server_start (&server);
  sc_snapd_client_set_socket_path (client, server.path);
  sc_snapd_client_set_timeout (client, 300, 400);

  start = g_get_monotonic_time ();
  sc_snapd_client_get_snap_async (client, "skylark", NULL, store_cb, &result);
  sc_snapd_client_connect_async (client, TRUE, "skylark", "camera", NULL, NULL, NULL,
                                 store_cb, &result2);
  while (result == NULL || result2 == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 3 * G_USEC_PER_SEC);

  snap = sc_snapd_client_get_snap_finish (client, result, &error);
  g_assert_null (snap);
  g_assert_error (error, SC_SNAPD_ERROR, SC_SNAPD_ERROR_TIMEOUT);
  g_assert_nonnull (strstr (error->message, "did not answer"));
  g_clear_error (&error);
  g_assert_false (sc_snapd_client_connect_finish (client, result2, &error));
  g_assert_error (error, SC_SNAPD_ERROR, SC_SNAPD_ERROR_TIMEOUT);
  g_assert_cmpuint (server.held->len, >=, 1);

  silent_server_stop (&server);
}

static void
test_cancel (void)
{
  SilentServer server = { 0 };
  g_autoptr(ScSnapdClient) client = sc_snapd_client_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(ScSnapdSnap) snap = NULL;
  g_autoptr(GError) error = NULL;

  g_test_summary ("The caller's cancellable ends a call with G_IO_ERROR_CANCELLED, not a timeout");
  silent_server_start (&server);
  sc_snapd_client_set_socket_path (client, server.path);
  sc_snapd_client_set_timeout (client, 60000, 60000);
  sc_snapd_client_get_snap_async (client, "skylark", cancellable, store_cb, &result);
  g_cancellable_cancel (cancellable);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  snap = sc_snapd_client_get_snap_finish (client, result, &error);
  g_assert_null (snap);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  silent_server_stop (&server);
}

/* An installed snap as sc_snapd_client_get_snap() builds it. */
static ScSnapdPlug *
add_plug (ScSnapdSnap *snap,
          const char  *name,
          const char  *interface,
          const char  *targets,
          gboolean     auto_connects,
          const char  *slot)
{
  ScSnapdPlug *plug = g_new0 (ScSnapdPlug, 1);

  plug->name = g_strdup (name);
  plug->interface = g_strdup (interface);
  plug->targets = g_strsplit (targets, ",", -1);
  plug->auto_connects = auto_connects;
  plug->connections = g_ptr_array_new ();
  if (slot != NULL)
    {
      ScSnapdConnection *c = g_new0 (ScSnapdConnection, 1);
      c->slot_snap = g_strdup ("snapd");
      c->slot = g_strdup (slot);
      c->kind = SC_SNAPD_CONNECTION_MANUAL;
      g_ptr_array_add (plug->connections, c);
    }
  g_ptr_array_add (snap->plugs, plug);
  return plug;
}

static void
free_plug (ScSnapdPlug *plug)
{
  for (guint i = 0; i < plug->connections->len; i++)
    {
      ScSnapdConnection *c = g_ptr_array_index (plug->connections, i);
      g_free (c->slot_snap);
      g_free (c->slot);
      g_free (c);
    }
  g_ptr_array_unref (plug->connections);
  g_strfreev (plug->targets);
  g_free (plug->name);
  g_free (plug->interface);
  g_free (plug);
}

static void
test_plug_to_connect (void)
{
  ScSnapdSnap snap = { .name = (char *) "skylark", .revision = (char *) "x1" };
  ScSnapdPlug *camera, *webcam;

  g_test_summary ("The plug a denial needs connected: by name or interface, on that target, "
                  "none when one of that interface is connected or none is installed");
  snap.plugs = g_ptr_array_new_with_free_func ((GDestroyNotify) free_plug);
  camera = add_plug (&snap, "camera", "camera", "skylark", FALSE, NULL);
  add_plug (&snap, "home", "home", "skylark,import", TRUE, "home");

  g_assert_true (sc_snapd_snap_plug_to_connect (&snap, "skylark", "camera", "camera") == camera);
  g_assert_null (sc_snapd_snap_plug_to_connect (&snap, "import", "camera", "camera"));
  g_assert_null (sc_snapd_snap_plug_to_connect (&snap, "skylark", "home", "home"));
  g_assert_null (sc_snapd_snap_plug_to_connect (&snap, "skylark", "audio-record", "audio-record"));

  /* Declared under another name: found by its interface. */
  webcam = add_plug (&snap, "webcam", "camera", "hook:configure", FALSE, NULL);
  g_assert_true (sc_snapd_snap_plug_to_connect (&snap, "hook:configure", "camera", "camera") == webcam);

  /* Another plug of the interface connected on that target: nothing to connect. */
  add_plug (&snap, "camera-2", "camera", "skylark", FALSE, "camera");
  g_assert_null (sc_snapd_snap_plug_to_connect (&snap, "skylark", "camera", "camera"));

  g_ptr_array_unref (snap.plugs);
}

static const char project_yaml[] =
  "name: skylark\n"
  "base: core22\n"
  "confinement: strict\n"
  "apps:\n"
  "  skylark:\n"
  "    command: bin/skylark\n"
  "    plugs: [home, network, camera]\n"
  "  import:\n"
  "    command: bin/import\n"
  "    plugs: [camera, audio-record]\n";

static void
test_check_connections (void)
{
  ScSnapdSnap snap = { .name = (char *) "skylark", .revision = (char *) "x3" };
  g_autoptr(ScProject) project = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GError) error = NULL;
  ScFinding *f;

  g_test_summary ("check's not-connected note: declared manual plugs the installed snap has "
                  "and has not connected, once per plug, at the first place it is listed");
  project = sc_project_load_from_data ("snapcraft.yaml", project_yaml, sizeof project_yaml - 1, &error);
  g_assert_no_error (error);
  snap.plugs = g_ptr_array_new_with_free_func ((GDestroyNotify) free_plug);
  add_plug (&snap, "camera", "camera", "skylark,import", FALSE, NULL);
  add_plug (&snap, "home", "home", "skylark", TRUE, NULL);        /* auto: no note */
  add_plug (&snap, "network", "network", "skylark", TRUE, "network");
  /* audio-record is not in the installed revision: no note (rebuild first). */

  findings = sc_snapd_check_connections (project, &snap);
  g_assert_cmpuint (findings->len, ==, 1);
  f = g_ptr_array_index (findings, 0);
  g_assert_cmpstr (f->code, ==, "not-connected");
  g_assert_cmpint (f->severity, ==, SC_SEVERITY_NOTE);
  g_assert_cmpstr (f->plug, ==, "camera");
  g_assert_cmpstr (f->target, ==, "skylark");
  g_assert_cmpuint (f->line, ==, 7);
  g_assert_cmpstr (f->hint, ==, "snap connect skylark:camera");
  g_assert_nonnull (strstr (f->message, "x3"));
  g_ptr_array_unref (snap.plugs);
}

static void
changed_cb (ScSnapdMonitor *monitor,
            guint          *count)
{
  (*count)++;
}

static void
test_monitor_unavailable (void)
{
  g_autoptr(ScSnapdClient) client = sc_snapd_client_new ();
  g_autoptr(ScSnapdMonitor) monitor = NULL;
  guint changed = 0;

  g_test_summary ("The window's monitor: without snapd, UNAVAILABLE with the reason, "
                  "refreshes folded while one is on the way");
  sc_snapd_client_set_socket_path (client, "/nonexistent/snapd.socket");
  monitor = sc_snapd_monitor_new (client);
  g_signal_connect (monitor, "changed", G_CALLBACK (changed_cb), &changed);
  g_assert_cmpint (sc_snapd_monitor_get_state (monitor), ==, SC_SNAPD_STATE_UNKNOWN);

  sc_snapd_monitor_set_snap_name (monitor, "skylark");
  g_assert_true (sc_snapd_monitor_is_busy (monitor));
  sc_snapd_monitor_refresh (monitor);
  sc_snapd_monitor_refresh (monitor);
  while (sc_snapd_monitor_is_busy (monitor))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (sc_snapd_monitor_get_state (monitor), ==, SC_SNAPD_STATE_UNAVAILABLE);
  g_assert_error (sc_snapd_monitor_get_error (monitor), SC_SNAPD_ERROR, SC_SNAPD_ERROR_UNAVAILABLE);
  g_assert_null (sc_snapd_monitor_get_snap (monitor));
  /* UNKNOWN on rename, then one answer and one more for the folded refreshes. */
  g_assert_cmpuint (changed, ==, 3);
}

static void
test_plug_link (void)
{
  ScSnapdSnap snap = { .name = (char *) "skylark", .revision = (char *) "x2",
                       .try_mode = TRUE, .confinement = (char *) "devmode" };
  g_autofree char *text = NULL;
  g_autofree char *header = NULL;

  g_test_summary ("A plug row's connection text: connected to which slot, not connected, "
                  "or not in the installed revision");
  snap.plugs = g_ptr_array_new_with_free_func ((GDestroyNotify) free_plug);
  add_plug (&snap, "camera", "camera", "skylark", FALSE, "camera");
  add_plug (&snap, "home", "home", "skylark", TRUE, NULL);

  g_assert_cmpint (sc_snapd_plug_link (&snap, "skylark", "camera", &text), ==, SC_PLUG_LINK_CONNECTED);
  g_assert_cmpstr (text, ==, "Connected to snapd:camera");
  g_clear_pointer (&text, g_free);
  g_assert_cmpint (sc_snapd_plug_link (&snap, "skylark", "home", &text), ==, SC_PLUG_LINK_DISCONNECTED);
  g_clear_pointer (&text, g_free);
  g_assert_cmpint (sc_snapd_plug_link (&snap, "skylark", "audio-record", &text), ==,
                   SC_PLUG_LINK_NOT_INSTALLED);
  g_assert_nonnull (strstr (text, "rebuild"));
  g_clear_pointer (&text, g_free);
  /* Installed, but not for this app. */
  g_assert_cmpint (sc_snapd_plug_link (&snap, "import", "camera", NULL), ==, SC_PLUG_LINK_NOT_INSTALLED);
  g_assert_cmpint (sc_snapd_plug_link (NULL, "skylark", "camera", NULL), ==, SC_PLUG_LINK_UNKNOWN);

  header = sc_snapd_snap_describe (&snap);
  g_assert_cmpstr (header, ==, "Installed here: revision x2, try mode, devmode");
  g_ptr_array_unref (snap.plugs);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_unsetenv ("SNAPCONFINE_SNAPD_TIMEOUT");

  g_test_add_func ("/snapd-client/no-socket", test_no_socket);
  g_test_add_func ("/snapd-client/timeout-async", test_timeout_async);
  g_test_add_func ("/snapd-client/cancel", test_cancel);
  g_test_add_func ("/snapd-client/plug-to-connect", test_plug_to_connect);
  g_test_add_func ("/snapd-client/check-connections", test_check_connections);
  g_test_add_func ("/snapd-client/monitor-unavailable", test_monitor_unavailable);
  g_test_add_func ("/snapd-client/plug-link", test_plug_link);

  return g_test_run ();
}
