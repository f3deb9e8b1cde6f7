/* sc-snapd-monitor.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-snapd"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-snapd-monitor.h"

struct _ScSnapdMonitor
{
  GObject        parent_instance;

  ScSnapdClient *client;
  char          *name;
  ScSnapdState   state;
  ScSnapdSnap   *snap;
  GError        *error;
  GCancellable  *cancellable;    /* of the refresh on the way */
  gboolean       again;          /* refresh once more when it ends */
  guint          generation;     /* bumped by set_snap_name: older answers are dropped */
};

G_DEFINE_FINAL_TYPE (ScSnapdMonitor, sc_snapd_monitor, G_TYPE_OBJECT)

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
sc_snapd_monitor_dispose (GObject *object)
{
  ScSnapdMonitor *self = SC_SNAPD_MONITOR (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);
  g_clear_pointer (&self->snap, sc_snapd_snap_unref);
  g_clear_error (&self->error);
  g_clear_pointer (&self->name, g_free);

  G_OBJECT_CLASS (sc_snapd_monitor_parent_class)->dispose (object);
}

static void
sc_snapd_monitor_class_init (ScSnapdMonitorClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = sc_snapd_monitor_dispose;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
sc_snapd_monitor_init (ScSnapdMonitor *self)
{
}

ScSnapdMonitor *
sc_snapd_monitor_new (ScSnapdClient *client)
{
  ScSnapdMonitor *self = g_object_new (SC_TYPE_SNAPD_MONITOR, NULL);

  self->client = client != NULL ? g_object_ref (client) : sc_snapd_client_new ();
  return self;
}

ScSnapdClient *
sc_snapd_monitor_get_client (ScSnapdMonitor *self)
{
  g_return_val_if_fail (SC_IS_SNAPD_MONITOR (self), NULL);
  return self->client;
}

const char *
sc_snapd_monitor_get_snap_name (ScSnapdMonitor *self)
{
  g_return_val_if_fail (SC_IS_SNAPD_MONITOR (self), NULL);
  return self->name;
}

ScSnapdState
sc_snapd_monitor_get_state (ScSnapdMonitor *self)
{
  g_return_val_if_fail (SC_IS_SNAPD_MONITOR (self), SC_SNAPD_STATE_UNKNOWN);
  return self->state;
}

ScSnapdSnap *
sc_snapd_monitor_get_snap (ScSnapdMonitor *self)
{
  g_return_val_if_fail (SC_IS_SNAPD_MONITOR (self), NULL);
  return self->snap;
}

const GError *
sc_snapd_monitor_get_error (ScSnapdMonitor *self)
{
  g_return_val_if_fail (SC_IS_SNAPD_MONITOR (self), NULL);
  return self->error;
}

gboolean
sc_snapd_monitor_is_busy (ScSnapdMonitor *self)
{
  g_return_val_if_fail (SC_IS_SNAPD_MONITOR (self), FALSE);
  return self->cancellable != NULL;
}

static void
set_result (ScSnapdMonitor *self,
            ScSnapdState    state,
            ScSnapdSnap    *snap,
            GError         *error)
{
  g_clear_pointer (&self->snap, sc_snapd_snap_unref);
  g_clear_error (&self->error);
  self->state = state;
  self->snap = snap;
  self->error = error;
  g_signal_emit (self, signals[CHANGED], 0);
}

typedef struct
{
  ScSnapdMonitor *self;
  guint           generation;
} RefreshData;

static void
refresh_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  RefreshData *data = user_data;
  g_autoptr(ScSnapdMonitor) self = data->self;
  guint generation = data->generation;
  g_autoptr(GError) error = NULL;
  ScSnapdSnap *snap;

  g_free (data);
  snap = sc_snapd_client_get_snap_finish (SC_SNAPD_CLIENT (source), result, &error);
  if (generation != self->generation)
    {
      g_clear_pointer (&snap, sc_snapd_snap_unref);
      return;
    }
  g_clear_object (&self->cancellable);

  if (snap != NULL)
    set_result (self, SC_SNAPD_STATE_INSTALLED, snap, NULL);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    ; /* disposed or renamed meanwhile */
  else if (g_error_matches (error, SC_SNAPD_ERROR, SC_SNAPD_ERROR_NOT_INSTALLED))
    set_result (self, SC_SNAPD_STATE_NOT_INSTALLED, NULL, NULL);
  else
    set_result (self, SC_SNAPD_STATE_UNAVAILABLE, NULL, g_steal_pointer (&error));

  if (self->again && self->name != NULL)
    {
      self->again = FALSE;
      sc_snapd_monitor_refresh (self);
    }
}

void
sc_snapd_monitor_refresh (ScSnapdMonitor *self)
{
  RefreshData *data;

  g_return_if_fail (SC_IS_SNAPD_MONITOR (self));

  if (self->name == NULL)
    return;
  if (self->cancellable != NULL)
    {
      self->again = TRUE;
      return;
    }
  self->cancellable = g_cancellable_new ();
  data = g_new0 (RefreshData, 1);
  data->self = g_object_ref (self);
  data->generation = self->generation;
  sc_snapd_client_get_snap_async (self->client, self->name, self->cancellable, refresh_cb, data);
}

void
sc_snapd_monitor_set_snap_name (ScSnapdMonitor *self,
                                const char     *name)
{
  g_return_if_fail (SC_IS_SNAPD_MONITOR (self));

  if (g_strcmp0 (self->name, name) == 0)
    return;
  g_free (self->name);
  self->name = g_strdup (name);
  self->generation++;
  self->again = FALSE;
  if (self->cancellable != NULL)
    {
      g_cancellable_cancel (self->cancellable);
      g_clear_object (&self->cancellable);
    }
  set_result (self, SC_SNAPD_STATE_UNKNOWN, NULL, NULL);
  sc_snapd_monitor_refresh (self);
}

static void
connect_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ScSnapdMonitor *self = g_task_get_source_object (task);
  GError *error = NULL;

  sc_snapd_monitor_refresh (self);
  if (!sc_snapd_client_connect_finish (SC_SNAPD_CLIENT (source), result, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
sc_snapd_monitor_connect_async (ScSnapdMonitor      *self,
                                gboolean             connect,
                                const char          *plug,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (SC_IS_SNAPD_MONITOR (self));
  g_return_if_fail (plug != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sc_snapd_monitor_connect_async);
  if (self->name == NULL)
    {
      g_task_return_new_error (task, SC_SNAPD_ERROR, SC_SNAPD_ERROR_NOT_INSTALLED,
                               _("No snap to connect"));
      return;
    }
  sc_snapd_client_connect_async (self->client, connect, self->name, plug, NULL, NULL,
                                 cancellable, connect_cb, g_steal_pointer (&task));
}

gboolean
sc_snapd_monitor_connect_finish (ScSnapdMonitor  *self,
                                 GAsyncResult    *result,
                                 GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

ScPlugLink
sc_snapd_plug_link (ScSnapdSnap  *snap,
                    const char   *target,
                    const char   *plug,
                    char        **description)
{
  ScSnapdPlug *installed;

  if (description != NULL)
    *description = NULL;
  if (snap == NULL || plug == NULL)
    return SC_PLUG_LINK_UNKNOWN;

  installed = sc_snapd_snap_find_plug (snap, plug);
  if (installed == NULL ||
      (target != NULL && installed->targets[0] != NULL && !sc_snapd_plug_has_target (installed, target)))
    {
      if (description != NULL)
        *description = g_strdup (_("Not in the installed revision — rebuild"));
      return SC_PLUG_LINK_NOT_INSTALLED;
    }
  if (sc_snapd_plug_is_connected (installed))
    {
      if (description != NULL)
        {
          GString *slots = g_string_new (NULL);

          for (guint i = 0; i < installed->connections->len; i++)
            {
              ScSnapdConnection *c = g_ptr_array_index (installed->connections, i);
              g_string_append_printf (slots, "%s%s:%s", i > 0 ? ", " : "", c->slot_snap, c->slot);
            }
          /* Translators: %s is one or more slots, "snapd:camera" */
          *description = g_strdup_printf (_("Connected to %s"), slots->str);
          g_string_free (slots, TRUE);
        }
      return SC_PLUG_LINK_CONNECTED;
    }
  if (description != NULL)
    *description = g_strdup (installed->auto_connects ? _("Not connected (disconnected by hand)")
                                                      : _("Not connected"));
  return SC_PLUG_LINK_DISCONNECTED;
}

char *
sc_snapd_snap_describe (ScSnapdSnap *snap)
{
  const char *source;

  g_return_val_if_fail (snap != NULL, NULL);

  if (snap->try_mode)
    source = _("try mode");
  else if (snap->channel != NULL)
    source = snap->channel;
  else
    source = _("installed from a file");
  /* Translators: revision (x1, 42), where it came from (a channel, "try
   * mode"), then the confinement (strict, devmode, jailmode, classic). */
  return g_strdup_printf (_("Installed here: revision %s, %s, %s"),
                          snap->revision, source, snap->confinement);
}
