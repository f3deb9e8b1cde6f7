/* sc-snapd-client.h
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the snapd of this machine says about one installed snap, through
 * libsnapd-glib (opened on first use, sc-system-libs.c): its revision,
 * channel or try mode, confinement as installed, install/refresh time, and
 * each plug with the slots it is connected to; connect and disconnect.
 *
 * Every call is asynchronous on the thread-default main context and ends
 * within a timeout (SC_SNAPD_DEFAULT_TIMEOUT_MS for reads,
 * SC_SNAPD_CHANGE_TIMEOUT_MS for connect/disconnect, or
 * $SNAPCONFINE_SNAPD_TIMEOUT seconds): a snapd that does not answer gives
 * SC_SNAPD_ERROR_TIMEOUT, never a hang. The _sync variants run the same
 * calls on a private main context, for the command line.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define SC_SNAPD_DEFAULT_TIMEOUT_MS 10000
#define SC_SNAPD_CHANGE_TIMEOUT_MS  60000

#define SC_SNAPD_ERROR (sc_snapd_error_quark ())
GQuark sc_snapd_error_quark (void);

typedef enum
{
  SC_SNAPD_ERROR_NO_LIBRARY,     /* libsnapd-glib is not installed */
  SC_SNAPD_ERROR_UNAVAILABLE,    /* snapd is not running or not reachable */
  SC_SNAPD_ERROR_TIMEOUT,        /* snapd did not answer in time */
  SC_SNAPD_ERROR_NOT_INSTALLED,  /* the snap is not installed here */
  SC_SNAPD_ERROR_PERMISSION,     /* needs root or polkit authorisation */
  SC_SNAPD_ERROR_BAD_ARGUMENT,   /* not SNAP:PLUG, no such plug… */
  SC_SNAPD_ERROR_FAILED,         /* snapd refused; its message */
} ScSnapdError;

typedef enum
{
  SC_SNAPD_CONNECTION_AUTO,      /* snapd connected it by policy */
  SC_SNAPD_CONNECTION_MANUAL,    /* someone ran snap connect */
  SC_SNAPD_CONNECTION_GADGET,    /* the gadget snap asked for it */
} ScSnapdConnectionKind;

typedef struct
{
  char                  *slot_snap;   /* "snapd" for system slots */
  char                  *slot;
  ScSnapdConnectionKind  kind;
} ScSnapdConnection;

typedef struct
{
  char      *name;
  char      *interface;
  /* Apps ("foo") and hooks ("hook:configure") of the installed revision
   * that use the plug, from its meta/snap.yaml; empty when it cannot be
   * read. Never NULL. */
  GStrv      targets;
  GPtrArray *connections;      /* of ScSnapdConnection*, never NULL */
  gboolean   auto_connects;    /* the interface auto-connects (snapd's base declaration) */
} ScSnapdPlug;

typedef struct
{
  char      *name;
  char      *revision;         /* "x1" for try mode and local installs */
  char      *version;
  char      *channel;          /* tracking channel, NULL when none */
  gboolean   try_mode;
  char      *mounted_from;     /* the try folder or the .snap, nullable */
  char      *confinement;      /* as installed: "strict", "devmode", "jailmode", "classic" */
  gint64     install_usec;     /* when this revision was installed or refreshed, 0 unknown */
  GPtrArray *plugs;            /* of ScSnapdPlug*, by name */
} ScSnapdSnap;

ScSnapdSnap       *sc_snapd_snap_ref             (ScSnapdSnap *snap);
void               sc_snapd_snap_unref           (ScSnapdSnap *snap);
ScSnapdPlug       *sc_snapd_snap_find_plug       (ScSnapdSnap *snap,
                                                  const char  *plug);
/* Whether TARGET ("foo" or "hook:NAME") uses PLUG in the installed revision. */
gboolean           sc_snapd_plug_has_target      (ScSnapdPlug *plug,
                                                  const char  *target);
gboolean           sc_snapd_plug_is_connected    (ScSnapdPlug *plug);
const char        *sc_snapd_connection_kind_to_string (ScSnapdConnectionKind kind); /* "auto", … */
/* "stable", "latest/edge", "try mode", "local" (untranslated, for JSON) */
const char        *sc_snapd_snap_get_source      (ScSnapdSnap *snap);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScSnapdSnap, sc_snapd_snap_unref)

#define SC_TYPE_SNAPD_CLIENT (sc_snapd_client_get_type ())
G_DECLARE_FINAL_TYPE (ScSnapdClient, sc_snapd_client, SC, SNAPD_CLIENT, GObject)

/* Does not open libsnapd-glib: that happens on the first call. */
ScSnapdClient *sc_snapd_client_new                   (void);
/* 0 restores the defaults. */
void           sc_snapd_client_set_timeout           (ScSnapdClient *self,
                                                      guint          read_ms,
                                                      guint          change_ms);
/* Lets snapd ask polkit to authorise connect/disconnect interactively. */
void           sc_snapd_client_set_allow_interaction (ScSnapdClient *self,
                                                      gboolean       allow);
/* Default /run/snapd.socket. */
void           sc_snapd_client_set_socket_path       (ScSnapdClient *self,
                                                      const char    *path);

void           sc_snapd_client_get_snap_async        (ScSnapdClient       *self,
                                                      const char          *name,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
ScSnapdSnap   *sc_snapd_client_get_snap_finish       (ScSnapdClient       *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);
ScSnapdSnap   *sc_snapd_client_get_snap_sync         (ScSnapdClient       *self,
                                                      const char          *name,
                                                      GError             **error);

/* SLOT_SNAP and SLOT NULL: snapd picks the slot (as `snap connect SNAP:PLUG`).
 * For disconnect, NULL disconnects every connection of the plug. */
void           sc_snapd_client_connect_async         (ScSnapdClient       *self,
                                                      gboolean             connect,
                                                      const char          *snap,
                                                      const char          *plug,
                                                      const char          *slot_snap,
                                                      const char          *slot,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
gboolean       sc_snapd_client_connect_finish        (ScSnapdClient       *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);
gboolean       sc_snapd_client_connect_sync          (ScSnapdClient       *self,
                                                      gboolean             connect,
                                                      const char          *snap,
                                                      const char          *plug,
                                                      const char          *slot_snap,
                                                      const char          *slot,
                                                      GError             **error);

G_END_DECLS
