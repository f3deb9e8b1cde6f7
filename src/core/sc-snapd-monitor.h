/* sc-snapd-monitor.h
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the window shows of snapd for the opened project: the installed
 * snap (or why there is none) kept current. refresh() asks snapd again
 * (asynchronously, within the client's timeout; calls while one is on
 * the way are folded into one more); connect/disconnect refresh when they
 * end. "changed" is emitted whenever the state or the snap changed.
 */
#pragma once

#include "sc-snapd-client.h"

G_BEGIN_DECLS

typedef enum
{
  SC_SNAPD_STATE_UNKNOWN,        /* not asked yet */
  SC_SNAPD_STATE_UNAVAILABLE,    /* snapd not running, not answering, or no libsnapd-glib */
  SC_SNAPD_STATE_NOT_INSTALLED,  /* snapd answered: the snap is not installed */
  SC_SNAPD_STATE_INSTALLED,
} ScSnapdState;

/* How a plug of the project stands on this machine. */
typedef enum
{
  SC_PLUG_LINK_UNKNOWN,          /* no installed snap to compare with */
  SC_PLUG_LINK_CONNECTED,
  SC_PLUG_LINK_DISCONNECTED,
  SC_PLUG_LINK_NOT_INSTALLED,    /* declared in the file, not in the installed revision */
} ScPlugLink;

#define SC_TYPE_SNAPD_MONITOR (sc_snapd_monitor_get_type ())
G_DECLARE_FINAL_TYPE (ScSnapdMonitor, sc_snapd_monitor, SC, SNAPD_MONITOR, GObject)

ScSnapdMonitor *sc_snapd_monitor_new            (ScSnapdClient  *client);
ScSnapdClient  *sc_snapd_monitor_get_client     (ScSnapdMonitor *self);
/* NULL forgets the snap (state UNKNOWN). Refreshes when it changes. */
void            sc_snapd_monitor_set_snap_name  (ScSnapdMonitor *self,
                                                 const char     *name);
const char     *sc_snapd_monitor_get_snap_name  (ScSnapdMonitor *self);
void            sc_snapd_monitor_refresh        (ScSnapdMonitor *self);
gboolean        sc_snapd_monitor_is_busy        (ScSnapdMonitor *self);
ScSnapdState    sc_snapd_monitor_get_state      (ScSnapdMonitor *self);
ScSnapdSnap    *sc_snapd_monitor_get_snap       (ScSnapdMonitor *self);  /* nullable, borrowed */
const GError   *sc_snapd_monitor_get_error      (ScSnapdMonitor *self);  /* for UNAVAILABLE */

/* Connect (slot chosen by snapd) or disconnect PLUG of the snap; refreshes
 * afterwards whatever the outcome. */
void            sc_snapd_monitor_connect_async  (ScSnapdMonitor      *self,
                                                 gboolean             connect,
                                                 const char          *plug,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
gboolean        sc_snapd_monitor_connect_finish (ScSnapdMonitor      *self,
                                                 GAsyncResult        *result,
                                                 GError             **error);

/* How PLUG of TARGET ("foo" or "hook:NAME") stands in SNAP (nullable);
 * DESCRIPTION (nullable) receives a short translated text: "Connected to
 * snapd:camera", "Not connected", "Not in the installed revision —
 * rebuild". */
ScPlugLink      sc_snapd_plug_link              (ScSnapdSnap    *snap,
                                                 const char     *target,
                                                 const char     *plug,
                                                 char          **description);
/* "Installed here: revision x1, try mode, devmode" (translated). */
char           *sc_snapd_snap_describe          (ScSnapdSnap    *snap);

G_END_DECLS
