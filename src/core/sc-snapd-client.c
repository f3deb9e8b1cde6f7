/* sc-snapd-client.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-snapd"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "sc-interface-catalogue.h"
#include "sc-project.h"
#include "sc-snapd-client.h"
#include "sc-system-libs.h"

G_DEFINE_QUARK (sc-snapd-error-quark, sc_snapd_error)

#define SNAPD(name) (lib->name)

/* ---- Results ------------------------------------------------------------ */

static void
connection_free (ScSnapdConnection *c)
{
  g_free (c->slot_snap);
  g_free (c->slot);
  g_free (c);
}

static void
plug_free (ScSnapdPlug *p)
{
  g_free (p->name);
  g_free (p->interface);
  g_strfreev (p->targets);
  g_ptr_array_unref (p->connections);
  g_free (p);
}

static void
snap_clear (ScSnapdSnap *snap)
{
  g_free (snap->name);
  g_free (snap->revision);
  g_free (snap->version);
  g_free (snap->channel);
  g_free (snap->mounted_from);
  g_free (snap->confinement);
  g_ptr_array_unref (snap->plugs);
}

ScSnapdSnap *
sc_snapd_snap_ref (ScSnapdSnap *snap)
{
  return g_atomic_rc_box_acquire (snap);
}

void
sc_snapd_snap_unref (ScSnapdSnap *snap)
{
  g_atomic_rc_box_release_full (snap, (GDestroyNotify) snap_clear);
}

ScSnapdPlug *
sc_snapd_snap_find_plug (ScSnapdSnap *snap,
                         const char  *plug)
{
  g_return_val_if_fail (snap != NULL, NULL);

  for (guint i = 0; plug != NULL && i < snap->plugs->len; i++)
    {
      ScSnapdPlug *p = g_ptr_array_index (snap->plugs, i);
      if (strcmp (p->name, plug) == 0)
        return p;
    }
  return NULL;
}

gboolean
sc_snapd_plug_has_target (ScSnapdPlug *plug,
                          const char  *target)
{
  g_return_val_if_fail (plug != NULL, FALSE);
  return target != NULL && g_strv_contains ((const char * const *) plug->targets, target);
}

gboolean
sc_snapd_plug_is_connected (ScSnapdPlug *plug)
{
  g_return_val_if_fail (plug != NULL, FALSE);
  return plug->connections->len > 0;
}

const char *
sc_snapd_connection_kind_to_string (ScSnapdConnectionKind kind)
{
  switch (kind)
    {
    case SC_SNAPD_CONNECTION_MANUAL: return "manual";
    case SC_SNAPD_CONNECTION_GADGET: return "gadget";
    case SC_SNAPD_CONNECTION_AUTO:
    default: return "auto";
    }
}

const char *
sc_snapd_snap_get_source (ScSnapdSnap *snap)
{
  g_return_val_if_fail (snap != NULL, NULL);
  if (snap->try_mode)
    return "try mode";
  if (snap->channel != NULL && *snap->channel != '\0')
    return snap->channel;
  return "local";
}

/* ---- Client ------------------------------------------------------------- */

struct _ScSnapdClient
{
  GObject       parent_instance;

  SnapdClient  *client;          /* created on the first call */
  GMainContext *sync_context;    /* of the _sync calls, created on the first */
  char         *socket_path;
  guint         read_ms;
  guint         change_ms;
  gboolean      allow_interaction;
};

G_DEFINE_FINAL_TYPE (ScSnapdClient, sc_snapd_client, G_TYPE_OBJECT)

static guint
env_timeout_ms (guint fallback)
{
  const char *text = g_getenv ("SNAPCONFINE_SNAPD_TIMEOUT");
  char *end = NULL;
  double seconds;

  if (text == NULL || *text == '\0')
    return fallback;
  seconds = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0' || seconds <= 0 || seconds > 3600)
    return fallback;
  return (guint) (seconds * 1000);
}

static void
sc_snapd_client_finalize (GObject *object)
{
  ScSnapdClient *self = SC_SNAPD_CLIENT (object);

  g_clear_object (&self->client);
  g_clear_pointer (&self->sync_context, g_main_context_unref);
  g_free (self->socket_path);

  G_OBJECT_CLASS (sc_snapd_client_parent_class)->finalize (object);
}

static void
sc_snapd_client_class_init (ScSnapdClientClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sc_snapd_client_finalize;
}

static void
sc_snapd_client_init (ScSnapdClient *self)
{
  sc_snapd_client_set_timeout (self, 0, 0);
}

ScSnapdClient *
sc_snapd_client_new (void)
{
  return g_object_new (SC_TYPE_SNAPD_CLIENT, NULL);
}

void
sc_snapd_client_set_timeout (ScSnapdClient *self,
                             guint          read_ms,
                             guint          change_ms)
{
  g_return_if_fail (SC_IS_SNAPD_CLIENT (self));
  self->read_ms = read_ms != 0 ? read_ms : env_timeout_ms (SC_SNAPD_DEFAULT_TIMEOUT_MS);
  self->change_ms = change_ms != 0 ? change_ms : env_timeout_ms (SC_SNAPD_CHANGE_TIMEOUT_MS);
}

void
sc_snapd_client_set_allow_interaction (ScSnapdClient *self,
                                       gboolean       allow)
{
  const ScLibsnapdGlib *lib;

  g_return_if_fail (SC_IS_SNAPD_CLIENT (self));
  self->allow_interaction = allow;
  if (self->client != NULL && (lib = sc_libsnapd_glib_load (NULL)) != NULL)
    SNAPD (snapd_client_set_allow_interaction) (self->client, allow);
}

void
sc_snapd_client_set_socket_path (ScSnapdClient *self,
                                 const char    *path)
{
  const ScLibsnapdGlib *lib;

  g_return_if_fail (SC_IS_SNAPD_CLIENT (self));
  g_free (self->socket_path);
  self->socket_path = g_strdup (path);
  if (self->client != NULL && (lib = sc_libsnapd_glib_load (NULL)) != NULL)
    SNAPD (snapd_client_set_socket_path) (self->client, path);
}

static const ScLibsnapdGlib *
ensure_client (ScSnapdClient  *self,
               GError        **error)
{
  g_autoptr(GError) local_error = NULL;
  const ScLibsnapdGlib *lib = sc_libsnapd_glib_load (&local_error);

  if (lib == NULL)
    {
      g_set_error (error, SC_SNAPD_ERROR, SC_SNAPD_ERROR_NO_LIBRARY,
                   /* Translators: %s is the reason from the system. */
                   _("Cannot talk to snapd without libsnapd-glib: %s"), local_error->message);
      return NULL;
    }
  if (self->client == NULL)
    {
      self->client = SNAPD (snapd_client_new) ();
      if (self->socket_path != NULL)
        SNAPD (snapd_client_set_socket_path) (self->client, self->socket_path);
      SNAPD (snapd_client_set_allow_interaction) (self->client, self->allow_interaction);
    }
  return lib;
}

/* ---- One call: a timeout and the caller's cancellable ------------------- */

typedef struct
{
  const ScLibsnapdGlib *lib;
  GCancellable *cancellable;     /* ours: the timer or the caller's cancel it */
  GCancellable *outer;
  gulong        outer_id;
  GSource      *timer;
  GSource      *cancel_idle;
  gboolean      timed_out;
  gboolean      returned;      /* the task has its result: later callbacks are dropped */
  guint         timeout_ms;

  /* get_snap */
  char         *name;
  ScSnapdSnap  *snap;

  /* connect / disconnect */
  gboolean      connect;
  char         *plug;
  char         *slot_snap;
  char         *slot;
  GPtrArray    *to_disconnect;   /* of ScSnapdConnection* */
} Call;

/* Drops what refers back to the task: the timer, the idle and the
 * caller's cancellable handler each hold a reference to it. */
static void
call_release (Call *call)
{
  call->returned = TRUE;
  if (call->timer != NULL)
    {
      g_source_destroy (call->timer);
      g_clear_pointer (&call->timer, g_source_unref);
    }
  if (call->cancel_idle != NULL)
    {
      g_source_destroy (call->cancel_idle);
      g_clear_pointer (&call->cancel_idle, g_source_unref);
    }
  if (call->outer != NULL)
    {
      g_cancellable_disconnect (call->outer, call->outer_id);
      g_clear_object (&call->outer);
    }
}

static void
call_free (Call *call)
{
  call_release (call);
  g_clear_object (&call->cancellable);
  g_free (call->name);
  g_clear_pointer (&call->snap, sc_snapd_snap_unref);
  g_free (call->plug);
  g_free (call->slot_snap);
  g_free (call->slot);
  g_clear_pointer (&call->to_disconnect, g_ptr_array_unref);
  g_free (call);
}

/* Every result goes through these: the first wins, the timer and the
 * cancel handler go, and a late answer of libsnapd-glib is dropped. */
static void
task_return_error (GTask  *task,
                   GError *error)
{
  Call *call = g_task_get_task_data (task);

  if (call->returned)
    {
      g_error_free (error);
      return;
    }
  call_release (call);
  g_task_return_error (task, error);
}

static void
task_return_pointer (GTask          *task,
                     gpointer        result,
                     GDestroyNotify  destroy)
{
  Call *call = g_task_get_task_data (task);

  if (call->returned)
    {
      destroy (result);
      return;
    }
  call_release (call);
  g_task_return_pointer (task, result, destroy);
}

static void
task_return_boolean (GTask    *task,
                     gboolean  value)
{
  Call *call = g_task_get_task_data (task);

  if (call->returned)
    return;
  call_release (call);
  g_task_return_boolean (task, value);
}

static GError *call_timeout_error (Call *call);

/* libsnapd-glib does not end a request snapd has not answered (it can only
 * abort a change it knows the id of), so the timeout and the caller's
 * cancel end the task themselves. */
static gboolean
timer_cb (gpointer user_data)
{
  g_autoptr(GTask) task = g_object_ref (user_data);
  Call *call = g_task_get_task_data (task);

  call->timed_out = TRUE;
  g_cancellable_cancel (call->cancellable);
  task_return_error (task, call_timeout_error (call));
  return G_SOURCE_REMOVE;
}

static gboolean
cancel_idle_cb (gpointer user_data)
{
  g_autoptr(GTask) task = g_object_ref (user_data);

  task_return_error (task, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                                _("Operation was cancelled")));
  return G_SOURCE_REMOVE;
}

/* May run in any thread: cancels ours and returns in the task's context. */
static void
outer_cancelled_cb (GCancellable *outer,
                    GTask        *task)
{
  Call *call = g_task_get_task_data (task);
  GSource *idle = g_idle_source_new ();

  g_cancellable_cancel (call->cancellable);
  g_source_set_callback (idle, cancel_idle_cb, g_object_ref (task), g_object_unref);
  g_source_set_static_name (idle, "[snapconfine] snapd cancel");
  g_source_attach (idle, g_task_get_context (task));
  if (call->cancel_idle == NULL)
    call->cancel_idle = idle;
  else
    g_source_unref (idle);
}

static Call *
call_new (GTask                *task,
          const ScLibsnapdGlib *lib,
          guint                 timeout_ms,
          GCancellable         *outer)
{
  Call *call = g_new0 (Call, 1);

  call->lib = lib;
  call->cancellable = g_cancellable_new ();
  call->timeout_ms = timeout_ms;
  g_task_set_task_data (task, call, (GDestroyNotify) call_free);
  call->timer = g_timeout_source_new (timeout_ms);
  g_source_set_callback (call->timer, timer_cb, g_object_ref (task), g_object_unref);
  g_source_set_static_name (call->timer, "[snapconfine] snapd timeout");
  g_source_attach (call->timer, g_task_get_context (task));
  if (outer != NULL)
    {
      call->outer = g_object_ref (outer);
      call->outer_id = g_cancellable_connect (outer, G_CALLBACK (outer_cancelled_cb),
                                              g_object_ref (task), g_object_unref);
    }
  return call;
}

/* SnapdError and cancellations → SC_SNAPD_ERROR with a message that says
 * what to do. WHAT is the request, for the message. */
static GError *
map_error (Call       *call,
           GError     *error,
           const char *what)
{
  const ScLibsnapdGlib *lib = call->lib;
  const char *message = error->message;
  GError *mapped;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      if (!call->timed_out)
        return g_error_copy (error);
      return call_timeout_error (call);
    }

  if (error->domain != SNAPD (snapd_error_quark) ())
    return g_error_new (SC_SNAPD_ERROR, SC_SNAPD_ERROR_UNAVAILABLE,
                        _("snapd is not reachable (%s): %s"), what, error->message);

  /* libsnapd-glib prefixes snapd's message with the error kind, "(null)"
   * when snapd gave none. */
  if (g_str_has_prefix (message, "(null): "))
    message += strlen ("(null): ");

  /* An int, not SnapdError: the library has many codes this maps to one. */
  switch (error->code)
    {
    case SNAPD_ERROR_CONNECTION_FAILED:
    case SNAPD_ERROR_WRITE_FAILED:
    case SNAPD_ERROR_READ_FAILED:
      mapped = g_error_new (SC_SNAPD_ERROR, SC_SNAPD_ERROR_UNAVAILABLE,
                            _("snapd is not running or not reachable at /run/snapd.socket "
                              "(%s); connection state is unavailable"), message);
      break;
    case SNAPD_ERROR_NOT_INSTALLED:
    case SNAPD_ERROR_NOT_FOUND:
      if (call->name != NULL)
        mapped = g_error_new (SC_SNAPD_ERROR, SC_SNAPD_ERROR_NOT_INSTALLED,
                              _("The snap “%s” is not installed on this machine"), call->name);
      else
        mapped = g_error_new (SC_SNAPD_ERROR, SC_SNAPD_ERROR_BAD_ARGUMENT, "%s", message);
      break;
    case SNAPD_ERROR_BAD_REQUEST:
      mapped = g_error_new (SC_SNAPD_ERROR, SC_SNAPD_ERROR_BAD_ARGUMENT,
                            _("snapd refused %s: %s"), what, message);
      break;
    case SNAPD_ERROR_AUTH_DATA_REQUIRED:
    case SNAPD_ERROR_AUTH_DATA_INVALID:
    case SNAPD_ERROR_PERMISSION_DENIED:
    case SNAPD_ERROR_AUTH_CANCELLED:
      mapped = g_error_new (SC_SNAPD_ERROR, SC_SNAPD_ERROR_PERMISSION,
                            _("snapd refused %s: permission denied (%s). Run it with sudo, "
                              "or allow it when polkit asks"), what, message);
      break;
    default:
      mapped = g_error_new (SC_SNAPD_ERROR, SC_SNAPD_ERROR_FAILED,
                            _("snapd refused %s: %s"), what, message);
      break;
    }
  return mapped;
}

static GError *
call_timeout_error (Call *call)
{
  return g_error_new (SC_SNAPD_ERROR, SC_SNAPD_ERROR_TIMEOUT,
                      /* Translators: %.1f is seconds. */
                      _("snapd did not answer within %.1f s; connection state is unavailable"),
                      call->timeout_ms / 1000.0);
}

static gint64
date_to_usec (GDateTime *date)
{
  return date != NULL ? g_date_time_to_unix (date) * G_USEC_PER_SEC
                        + g_date_time_get_microsecond (date)
                      : 0;
}

/* ---- get_snap ----------------------------------------------------------- */

static int
compare_plugs (gconstpointer a,
               gconstpointer b)
{
  const ScSnapdPlug *pa = *(ScSnapdPlug * const *) a;
  const ScSnapdPlug *pb = *(ScSnapdPlug * const *) b;

  return strcmp (pa->name, pb->name);
}

static void
add_target (GHashTable *targets,
            const char *plug,
            const char *target)
{
  GPtrArray *list = g_hash_table_lookup (targets, plug);

  if (list == NULL)
    {
      list = g_ptr_array_new_with_free_func (g_free);
      g_hash_table_insert (targets, g_strdup (plug), list);
    }
  if (!g_ptr_array_find_with_equal_func (list, target, g_str_equal, NULL))
    g_ptr_array_add (list, g_strdup (target));
}

/* Which apps and hooks use each plug, from the installed revision's
 * meta/snap.yaml (snapd's API lists plugs without them). A plug no app or
 * hook names is bound to all of them, as snapd does. */
static void
fill_targets (ScSnapdSnap *snap)
{
  g_autofree char *path = g_build_filename ("/snap", snap->name, snap->revision,
                                            "meta", "snap.yaml", NULL);
  g_autofree char *data = NULL;
  gsize len = 0;
  g_autoptr(ScProject) project = NULL;
  g_autoptr(GHashTable) targets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                         (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_free);

  if (g_file_get_contents (path, &data, &len, NULL))
    project = sc_project_load_from_data (path, data, len, NULL);

  if (project != NULL)
    {
      GPtrArray *lists[2] = { sc_project_get_apps (project), sc_project_get_hooks (project) };

      for (guint l = 0; l < 2; l++)
        for (guint i = 0; i < lists[l]->len; i++)
          {
            ScTarget *target = g_ptr_array_index (lists[l], i);
            g_autofree char *label = target->is_hook ? g_strdup_printf ("hook:%s", target->name)
                                                     : g_strdup (target->name);

            g_ptr_array_add (all, g_strdup (label));
            for (guint k = 0; k < target->plugs->len; k++)
              add_target (targets, ((ScPlugRef *) g_ptr_array_index (target->plugs, k))->name,
                          label);
          }
    }

  for (guint i = 0; i < snap->plugs->len; i++)
    {
      ScSnapdPlug *plug = g_ptr_array_index (snap->plugs, i);
      GPtrArray *list = g_hash_table_lookup (targets, plug->name);
      GPtrArray *source = list != NULL ? list : all;
      GStrvBuilder *builder = g_strv_builder_new ();

      for (guint k = 0; k < source->len; k++)
        g_strv_builder_add (builder, g_ptr_array_index (source, k));
      g_strfreev (plug->targets);
      plug->targets = g_strv_builder_end (builder);
      g_strv_builder_unref (builder);
    }
}

static void
connections_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Call *call = g_task_get_task_data (task);
  const ScLibsnapdGlib *lib = call->lib;
  g_autoptr(GPtrArray) established = NULL;
  g_autoptr(GPtrArray) plugs = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *what = g_strdup_printf (_("reading the connections of %s"), call->name);

  if (call->returned)
    return;

  if (!SNAPD (snapd_client_get_connections2_finish) ((SnapdClient *) source, result, &established,
                                                     NULL, &plugs, NULL, &error))
    {
      task_return_error (task, map_error (call, error, what));
      return;
    }

  for (guint i = 0; plugs != NULL && i < plugs->len; i++)
    {
      SnapdPlug *raw = g_ptr_array_index (plugs, i);
      const ScInterfaceInfo *info;
      ScSnapdPlug *plug;

      if (g_strcmp0 (SNAPD (snapd_plug_get_snap) (raw), call->name) != 0)
        continue;
      plug = g_new0 (ScSnapdPlug, 1);
      plug->name = g_strdup (SNAPD (snapd_plug_get_name) (raw));
      plug->interface = g_strdup (SNAPD (snapd_plug_get_interface) (raw));
      plug->targets = g_new0 (char *, 1);
      plug->connections = g_ptr_array_new_with_free_func ((GDestroyNotify) connection_free);
      info = sc_interface_catalogue_lookup (plug->interface);
      plug->auto_connects = info != NULL && info->auto_connect;
      g_ptr_array_add (call->snap->plugs, plug);
    }
  g_ptr_array_sort (call->snap->plugs, compare_plugs);

  for (guint i = 0; established != NULL && i < established->len; i++)
    {
      SnapdConnection *raw = g_ptr_array_index (established, i);
      SnapdPlugRef *plug_ref = SNAPD (snapd_connection_get_plug) (raw);
      SnapdSlotRef *slot_ref = SNAPD (snapd_connection_get_slot) (raw);
      ScSnapdPlug *plug;
      ScSnapdConnection *c;

      if (g_strcmp0 (SNAPD (snapd_plug_ref_get_snap) (plug_ref), call->name) != 0)
        continue;
      plug = sc_snapd_snap_find_plug (call->snap, SNAPD (snapd_plug_ref_get_plug) (plug_ref));
      if (plug == NULL)
        continue;
      c = g_new0 (ScSnapdConnection, 1);
      c->slot_snap = g_strdup (SNAPD (snapd_slot_ref_get_snap) (slot_ref));
      c->slot = g_strdup (SNAPD (snapd_slot_ref_get_slot) (slot_ref));
      c->kind = SNAPD (snapd_connection_get_gadget) (raw) ? SC_SNAPD_CONNECTION_GADGET
              : SNAPD (snapd_connection_get_manual) (raw) ? SC_SNAPD_CONNECTION_MANUAL
              : SC_SNAPD_CONNECTION_AUTO;
      g_ptr_array_add (plug->connections, c);
    }

  fill_targets (call->snap);
  task_return_pointer (task, sc_snapd_snap_ref (call->snap), (GDestroyNotify) sc_snapd_snap_unref);
}

static void
snap_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Call *call = g_task_get_task_data (task);
  const ScLibsnapdGlib *lib = call->lib;
  g_autoptr(SnapdSnap) raw = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *what = g_strdup_printf (_("reading the snap %s"), call->name);
  ScSnapdSnap *snap;
  const char *channel;

  if (call->returned)
    return;

  raw = SNAPD (snapd_client_get_snap_finish) ((SnapdClient *) source, result, &error);
  if (raw == NULL)
    {
      task_return_error (task, map_error (call, error, what));
      return;
    }

  snap = call->snap = g_atomic_rc_box_new0 (ScSnapdSnap);
  snap->name = g_strdup (SNAPD (snapd_snap_get_name) (raw));
  snap->revision = g_strdup (SNAPD (snapd_snap_get_revision) (raw));
  snap->version = g_strdup (SNAPD (snapd_snap_get_version) (raw));
  channel = SNAPD (snapd_snap_get_tracking_channel) (raw);
  snap->channel = channel != NULL && *channel != '\0' ? g_strdup (channel) : NULL;
  snap->try_mode = SNAPD (snapd_snap_get_trymode) (raw);
  snap->mounted_from = g_strdup (SNAPD (snapd_snap_get_mounted_from) (raw));
  if (SNAPD (snapd_snap_get_jailmode) (raw))
    snap->confinement = g_strdup ("jailmode");
  else if (SNAPD (snapd_snap_get_devmode) (raw) ||
           SNAPD (snapd_snap_get_confinement) (raw) == SNAPD_CONFINEMENT_DEVMODE)
    snap->confinement = g_strdup ("devmode");
  else if (SNAPD (snapd_snap_get_confinement) (raw) == SNAPD_CONFINEMENT_CLASSIC)
    snap->confinement = g_strdup ("classic");
  else
    snap->confinement = g_strdup ("strict");
  snap->install_usec = date_to_usec (SNAPD (snapd_snap_get_install_date) (raw));
  snap->plugs = g_ptr_array_new_with_free_func ((GDestroyNotify) plug_free);

  SNAPD (snapd_client_get_connections2_async) ((SnapdClient *) source,
                                               SNAPD_GET_CONNECTIONS_FLAGS_SELECT_ALL,
                                               call->name, NULL, call->cancellable,
                                               connections_cb, g_steal_pointer (&task));
}

void
sc_snapd_client_get_snap_async (ScSnapdClient       *self,
                                const char          *name,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  const ScLibsnapdGlib *lib;
  Call *call;

  g_return_if_fail (SC_IS_SNAPD_CLIENT (self));
  g_return_if_fail (name != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sc_snapd_client_get_snap_async);
  lib = ensure_client (self, &error);
  if (lib == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  call = call_new (task, lib, self->read_ms, cancellable);
  call->name = g_strdup (name);
  SNAPD (snapd_client_get_snap_async) (self->client, name, call->cancellable, snap_cb,
                                       g_steal_pointer (&task));
}

ScSnapdSnap *
sc_snapd_client_get_snap_finish (ScSnapdClient  *self,
                                 GAsyncResult   *result,
                                 GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- connect / disconnect ----------------------------------------------- */

static void disconnect_next (GTask *task);

static char *
call_what (Call *call)
{
  return g_strdup_printf (call->connect ? _("connecting %s:%s") : _("disconnecting %s:%s"),
                          call->name, call->plug);
}

static void
change_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Call *call = g_task_get_task_data (task);
  const ScLibsnapdGlib *lib = call->lib;
  g_autoptr(GError) error = NULL;
  g_autofree char *what = call_what (call);
  gboolean ok;

  if (call->returned)
    return;

  if (call->connect)
    ok = SNAPD (snapd_client_connect_interface_finish) ((SnapdClient *) source, result, &error);
  else
    ok = SNAPD (snapd_client_disconnect_interface_finish) ((SnapdClient *) source, result, &error);

  if (!ok)
    {
      /* Not NOT_INSTALLED: the snap is there, the plug or slot is not. */
      g_clear_pointer (&call->name, g_free);
      task_return_error (task, map_error (call, error, what));
      return;
    }
  if (call->to_disconnect != NULL && call->to_disconnect->len > 0)
    {
      disconnect_next (g_steal_pointer (&task));
      return;
    }
  task_return_boolean (task, TRUE);
}

static void
disconnect_next (GTask *task)
{
  Call *call = g_task_get_task_data (task);
  const ScLibsnapdGlib *lib = call->lib;
  ScSnapdClient *self = g_task_get_source_object (task);
  ScSnapdConnection *c = g_ptr_array_steal_index (call->to_disconnect, 0);

  SNAPD (snapd_client_disconnect_interface_async) (self->client, call->name, call->plug,
                                                   c->slot_snap, c->slot, NULL, NULL,
                                                   call->cancellable, change_cb, task);
  connection_free (c);
}

/* Disconnect without a slot: every connection of the plug, one by one. */
static void
disconnect_all_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Call *call = g_task_get_task_data (task);
  g_autoptr(ScSnapdSnap) snap = NULL;
  g_autoptr(GError) error = NULL;
  ScSnapdPlug *plug;

  if (call->returned)
    return;

  snap = sc_snapd_client_get_snap_finish (SC_SNAPD_CLIENT (source), result, &error);
  if (snap == NULL)
    {
      task_return_error (task, g_steal_pointer (&error));
      return;
    }
  plug = sc_snapd_snap_find_plug (snap, call->plug);
  if (plug == NULL)
    {
      task_return_error (task, g_error_new (SC_SNAPD_ERROR, SC_SNAPD_ERROR_BAD_ARGUMENT,
                                            _("The installed snap %s has no plug “%s”"),
                                            call->name, call->plug));
      return;
    }
  call->to_disconnect = g_ptr_array_new_with_free_func ((GDestroyNotify) connection_free);
  for (guint i = 0; i < plug->connections->len; i++)
    {
      ScSnapdConnection *c = g_ptr_array_index (plug->connections, i);
      ScSnapdConnection *copy = g_new0 (ScSnapdConnection, 1);

      copy->slot_snap = g_strdup (c->slot_snap);
      copy->slot = g_strdup (c->slot);
      copy->kind = c->kind;
      g_ptr_array_add (call->to_disconnect, copy);
    }
  if (call->to_disconnect->len == 0)
    {
      /* Already disconnected: nothing to do. */
      task_return_boolean (task, TRUE);
      return;
    }
  disconnect_next (g_steal_pointer (&task));
}

void
sc_snapd_client_connect_async (ScSnapdClient       *self,
                               gboolean             connect,
                               const char          *snap,
                               const char          *plug,
                               const char          *slot_snap,
                               const char          *slot,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  const ScLibsnapdGlib *lib;
  Call *call;

  g_return_if_fail (SC_IS_SNAPD_CLIENT (self));
  g_return_if_fail (snap != NULL && plug != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sc_snapd_client_connect_async);
  lib = ensure_client (self, &error);
  if (lib == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  call = call_new (task, lib, self->change_ms, cancellable);
  call->connect = connect;
  call->name = g_strdup (snap);
  call->plug = g_strdup (plug);
  call->slot_snap = g_strdup (slot_snap != NULL ? slot_snap : "");
  call->slot = g_strdup (slot != NULL ? slot : "");

  if (connect)
    SNAPD (snapd_client_connect_interface_async) (self->client, snap, plug,
                                                  call->slot_snap, call->slot, NULL, NULL,
                                                  call->cancellable, change_cb,
                                                  g_steal_pointer (&task));
  else if (*call->slot == '\0')
    sc_snapd_client_get_snap_async (self, snap, call->cancellable, disconnect_all_cb,
                                    g_steal_pointer (&task));
  else
    SNAPD (snapd_client_disconnect_interface_async) (self->client, snap, plug,
                                                     call->slot_snap, call->slot, NULL, NULL,
                                                     call->cancellable, change_cb,
                                                     g_steal_pointer (&task));
}

gboolean
sc_snapd_client_connect_finish (ScSnapdClient  *self,
                                GAsyncResult   *result,
                                GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---- Synchronous, on a private main context ----------------------------- */

static void
store_result_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GMainContext *
push_sync_context (ScSnapdClient *self)
{
  /* One context for the client's life: libsnapd-glib keeps its socket's
   * source on the context of the call that opened it. */
  if (self->sync_context == NULL)
    self->sync_context = g_main_context_new ();
  g_main_context_push_thread_default (self->sync_context);
  return self->sync_context;
}

static void
wait_for (GMainContext  *context,
          GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (context, TRUE);
}

ScSnapdSnap *
sc_snapd_client_get_snap_sync (ScSnapdClient  *self,
                               const char     *name,
                               GError        **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  GMainContext *context = push_sync_context (self);
  ScSnapdSnap *snap;

  sc_snapd_client_get_snap_async (self, name, NULL, store_result_cb, &result);
  wait_for (context, &result);
  snap = sc_snapd_client_get_snap_finish (self, result, error);
  g_main_context_pop_thread_default (context);
  return snap;
}

gboolean
sc_snapd_client_connect_sync (ScSnapdClient  *self,
                              gboolean        connect,
                              const char     *snap,
                              const char     *plug,
                              const char     *slot_snap,
                              const char     *slot,
                              GError        **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  GMainContext *context = push_sync_context (self);
  gboolean ok;

  sc_snapd_client_connect_async (self, connect, snap, plug, slot_snap, slot, NULL,
                                 store_result_cb, &result);
  wait_for (context, &result);
  ok = sc_snapd_client_connect_finish (self, result, error);
  g_main_context_pop_thread_default (context);
  return ok;
}
