/* sc-system-libs.h
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libsystemd (sd-journal), libseccomp and libapparmor, opened the first
 * time a journal, a seccomp record or the AppArmor state is read, and
 * libsnapd-glib (with libsoup and json-glib behind it) the first time
 * snapd is asked something. Linking
 * them would make every start of the window load them and the five
 * libraries behind libsystemd (libgcrypt, libgpg-error, libcap, liblz4,
 * libzstd) and resolve their symbols before the first frame, although
 * most sessions open a project long before they read a journal.
 *
 * Call sites use the real names through SC_SD(), SC_SECCOMP() and
 * SC_APPARMOR(), after the matching sc_*_load() has succeeded.
 */
#pragma once

#include <glib.h>
#include <seccomp.h>
#include <snapd-glib/snapd-glib.h>
#include <sys/apparmor.h>
#include <systemd/sd-id128.h>
#include <systemd/sd-journal.h>

G_BEGIN_DECLS

/* Every libsystemd function Snap Confine calls. */
#define SC_LIBSYSTEMD_FUNCTIONS(F) \
  F (sd_id128_from_string) \
  F (sd_id128_get_boot) \
  F (sd_id128_get_machine) \
  F (sd_id128_to_string) \
  F (sd_journal_add_disjunction) \
  F (sd_journal_add_match) \
  F (sd_journal_close) \
  F (sd_journal_enumerate_available_data) \
  F (sd_journal_enumerate_available_unique) \
  F (sd_journal_flush_matches) \
  F (sd_journal_get_data) \
  F (sd_journal_get_events) \
  F (sd_journal_get_fd) \
  F (sd_journal_get_monotonic_usec) \
  F (sd_journal_get_realtime_usec) \
  F (sd_journal_next) \
  F (sd_journal_open) \
  F (sd_journal_open_directory) \
  F (sd_journal_open_files) \
  F (sd_journal_previous) \
  F (sd_journal_process) \
  F (sd_journal_query_unique) \
  F (sd_journal_restart_data) \
  F (sd_journal_seek_head) \
  F (sd_journal_seek_realtime_usec) \
  F (sd_journal_seek_tail) \
  F (sd_journal_set_data_threshold) \
  F (sd_journal_wait)

#define SC_LIBSECCOMP_FUNCTIONS(F) \
  F (seccomp_syscall_resolve_num_arch)

#define SC_LIBAPPARMOR_FUNCTIONS(F) \
  F (aa_is_enabled)

/* libsnapd-glib: what the snapd client (sc-snapd-client.c) calls. */
#define SC_LIBSNAPD_GLIB_FUNCTIONS(F) \
  F (snapd_error_quark) \
  F (snapd_client_new) \
  F (snapd_client_set_socket_path) \
  F (snapd_client_set_allow_interaction) \
  F (snapd_client_get_snap_async) \
  F (snapd_client_get_snap_finish) \
  F (snapd_client_get_connections2_async) \
  F (snapd_client_get_connections2_finish) \
  F (snapd_client_get_changes_async) \
  F (snapd_client_get_changes_finish) \
  F (snapd_client_connect_interface_async) \
  F (snapd_client_connect_interface_finish) \
  F (snapd_client_disconnect_interface_async) \
  F (snapd_client_disconnect_interface_finish) \
  F (snapd_snap_get_name) \
  F (snapd_snap_get_revision) \
  F (snapd_snap_get_version) \
  F (snapd_snap_get_tracking_channel) \
  F (snapd_snap_get_trymode) \
  F (snapd_snap_get_mounted_from) \
  F (snapd_snap_get_confinement) \
  F (snapd_snap_get_devmode) \
  F (snapd_snap_get_jailmode) \
  F (snapd_snap_get_install_date) \
  F (snapd_plug_get_name) \
  F (snapd_plug_get_snap) \
  F (snapd_plug_get_interface) \
  F (snapd_connection_get_plug) \
  F (snapd_connection_get_slot) \
  F (snapd_connection_get_manual) \
  F (snapd_connection_get_gadget) \
  F (snapd_plug_ref_get_plug) \
  F (snapd_plug_ref_get_snap) \
  F (snapd_slot_ref_get_slot) \
  F (snapd_slot_ref_get_snap) \
  F (snapd_change_get_kind) \
  F (snapd_change_get_status) \
  F (snapd_change_get_ready_time) \
  F (snapd_change_get_spawn_time)

/* A table of pointers typed like the functions themselves, so the
 * compiler checks every call against the library's own header. */
#define SC_SYSTEM_LIBS_POINTER(name) __typeof__ (name) *name;

typedef struct
{
  SC_LIBSYSTEMD_FUNCTIONS (SC_SYSTEM_LIBS_POINTER)
} ScLibsystemd;

typedef struct
{
  SC_LIBSECCOMP_FUNCTIONS (SC_SYSTEM_LIBS_POINTER)
} ScLibseccomp;

typedef struct
{
  SC_LIBAPPARMOR_FUNCTIONS (SC_SYSTEM_LIBS_POINTER)
} ScLibapparmor;

typedef struct
{
  SC_LIBSNAPD_GLIB_FUNCTIONS (SC_SYSTEM_LIBS_POINTER)
} ScLibsnapdGlib;

/* Open the library once (thread-safe) and return its table, or NULL with
 * an error that names the library and what failed. Later calls return the
 * same table or the same failure. */
const ScLibsystemd  *sc_libsystemd_load  (GError **error);
const ScLibseccomp  *sc_libseccomp_load  (GError **error);
const ScLibapparmor *sc_libapparmor_load (GError **error);
const ScLibsnapdGlib *sc_libsnapd_glib_load (GError **error);

/* The table of a library that was loaded already. */
const ScLibsystemd  *sc_libsystemd  (void);

#define SC_SD(name) (sc_libsystemd ()->name)

/* Opens SONAME and looks up every name of SYMBOLS (NULL-terminated) into
 * the same slot of TABLE. FALSE, with nothing kept open, when the library
 * or a symbol is missing. The loaders above are built on it. */
gboolean sc_system_lib_open (const char         *soname,
                             const char * const *symbols,
                             gpointer           *table,
                             GError            **error);

G_END_DECLS
