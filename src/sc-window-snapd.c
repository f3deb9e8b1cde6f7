/* sc-window-snapd.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "snapconfine"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-denial-sidebar.h"
#include "sc-project-page-private.h"
#include "sc-window-private.h"
#include "sc-window-snapd.h"

#define MONITOR_KEY "sc-snapd-monitor"

ScSnapdMonitor *
sc_window_snapd_get_monitor (GtkWidget *root)
{
  if (root == NULL)
    return NULL;
  return g_object_get_data (G_OBJECT (root), MONITOR_KEY);
}

void
sc_window_snapd_apply_to_row (ScSnapdMonitor *monitor,
                              ScPlugRow      *row)
{
  g_autofree char *text = NULL;
  ScPlugLink link;

  if (monitor == NULL || sc_snapd_monitor_get_state (monitor) != SC_SNAPD_STATE_INSTALLED)
    {
      sc_plug_row_set_link (row, SC_PLUG_LINK_UNKNOWN, NULL);
      return;
    }
  link = sc_snapd_plug_link (sc_snapd_monitor_get_snap (monitor), sc_plug_row_get_target (row),
                             sc_plug_row_get_plug (row), &text);
  sc_plug_row_set_link (row, link, text);
}

/* Every plug row built so far; the others look when they are added. */
static void
apply_to_rows (ScSnapdMonitor *monitor,
               GtkWidget      *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (SC_IS_PLUG_ROW (child))
        sc_window_snapd_apply_to_row (monitor, SC_PLUG_ROW (child));
      else
        apply_to_rows (monitor, child);
    }
}

static void
update (ScWindow *self)
{
  ScSnapdMonitor *monitor = sc_window_snapd_get_monitor (GTK_WIDGET (self));
  ScSnapdSnap *snap = monitor != NULL ? sc_snapd_monitor_get_snap (monitor) : NULL;
  g_autofree char *text = NULL;

  switch (monitor != NULL ? sc_snapd_monitor_get_state (monitor) : SC_SNAPD_STATE_UNKNOWN)
    {
    case SC_SNAPD_STATE_INSTALLED:
      text = sc_snapd_snap_describe (snap);
      break;
    case SC_SNAPD_STATE_NOT_INSTALLED:
      text = g_strdup (_("Not installed on this machine"));
      break;
    case SC_SNAPD_STATE_UNAVAILABLE:
      text = g_strdup (_("Connection state is unavailable: snapd is not running or does not answer"));
      break;
    case SC_SNAPD_STATE_UNKNOWN:
    default:
      break;
    }
  if (self->project_page != NULL)
    {
      sc_project_page_set_snapd_text (self->project_page, text);
      apply_to_rows (monitor, GTK_WIDGET (self->project_page));
    }
  if (self->sidebar != NULL)
    sc_denial_sidebar_set_installed (self->sidebar, snap);
}

static void
monitor_changed_cb (ScSnapdMonitor *monitor,
                    ScWindow       *self)
{
  update (self);
}

static ScSnapdMonitor *
ensure_monitor (ScWindow *self)
{
  ScSnapdMonitor *monitor = sc_window_snapd_get_monitor (GTK_WIDGET (self));
  g_autoptr(ScSnapdClient) client = NULL;

  if (monitor != NULL)
    return monitor;
  client = sc_snapd_client_new ();
  /* A switch flipped by the user: polkit may ask for a password. */
  sc_snapd_client_set_allow_interaction (client, TRUE);
  monitor = sc_snapd_monitor_new (client);
  g_object_set_data_full (G_OBJECT (self), MONITOR_KEY, monitor, g_object_unref);
  g_signal_connect_object (monitor, "changed", G_CALLBACK (monitor_changed_cb), self, 0);
  return monitor;
}

typedef struct
{
  ScWindow *self;
  char     *target;
  char     *plug;
  gboolean  connect;
} ConnectData;

static void
connect_data_free (ConnectData *data)
{
  g_object_unref (data->self);
  g_free (data->target);
  g_free (data->plug);
  g_free (data);
}

static void
connect_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  ConnectData *data = user_data;
  g_autoptr(GError) error = NULL;

  if (!sc_snapd_monitor_connect_finish (SC_SNAPD_MONITOR (source), result, &error))
    {
      g_autofree char *heading = g_strdup_printf (data->connect ? _("Could not connect %s")
                                                                : _("Could not disconnect %s"),
                                                  data->plug);
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _sc_window_show_error_dialog (data->self, heading, error);
    }
  else
    {
      g_autofree char *title = g_strdup_printf (data->connect ? _("Connected %s")
                                                              : _("Disconnected %s"),
                                                data->plug);
      _sc_window_toast (data->self, title);
    }
  /* The rows show snapd's answer again (the monitor refreshes too). */
  update (data->self);
  connect_data_free (data);
}

static void
connect_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ScWindow *self = SC_WINDOW (widget);
  ScSnapdMonitor *monitor = ensure_monitor (self);
  ConnectData *data = g_new0 (ConnectData, 1);
  const char *target, *plug;

  g_variant_get (parameter, "(&s&sb)", &target, &plug, &data->connect);
  data->self = g_object_ref (self);
  data->target = g_strdup (target);
  data->plug = g_strdup (plug);
  sc_snapd_monitor_connect_async (monitor, data->connect, plug, NULL, connect_cb, data);
}

static void
is_active_cb (ScWindow   *self,
              GParamSpec *pspec,
              gpointer    user_data)
{
  ScSnapdMonitor *monitor = sc_window_snapd_get_monitor (GTK_WIDGET (self));

  if (monitor != NULL && gtk_window_is_active (GTK_WINDOW (self)))
    sc_snapd_monitor_refresh (monitor);
}

void
_sc_window_snapd_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "snapd.connect", "(ssb)", connect_action);
}

void
_sc_window_snapd_init (ScWindow *self)
{
  g_signal_connect (self, "notify::is-active", G_CALLBACK (is_active_cb), NULL);
}

/* After the first frame: asking snapd opens libsnapd-glib. The idle does
 * not keep a closed window alive. */
static gboolean
set_name_idle_cb (gpointer user_data)
{
  g_autoptr(ScWindow) self = g_weak_ref_get (user_data);
  ScSnapdMonitor *monitor;

  if (self == NULL)
    return G_SOURCE_REMOVE;
  monitor = ensure_monitor (self);
  sc_snapd_monitor_set_snap_name (monitor, self->project != NULL
                                           ? sc_project_get_name (self->project) : NULL);
  update (self);
  return G_SOURCE_REMOVE;
}

static void
weak_ref_free (gpointer data)
{
  g_weak_ref_clear (data);
  g_free (data);
}

void
_sc_window_snapd_project_changed (ScWindow *self)
{
  ScSnapdMonitor *monitor = sc_window_snapd_get_monitor (GTK_WIDGET (self));

  if (monitor == NULL)
    {
      if (self->project != NULL)
        {
          GWeakRef *ref = g_new0 (GWeakRef, 1);

          g_weak_ref_init (ref, self);
          g_idle_add_full (G_PRIORITY_LOW, set_name_idle_cb, ref, weak_ref_free);
        }
      return;
    }
  sc_snapd_monitor_set_snap_name (monitor, self->project != NULL
                                           ? sc_project_get_name (self->project) : NULL);
  /* New rows were built for the project: show what is known. */
  update (self);
}

void
_sc_window_snapd_sidebar_created (ScWindow *self)
{
  update (self);
}
