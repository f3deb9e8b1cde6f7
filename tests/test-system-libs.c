/* test-system-libs.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libsystemd, libseccomp, libapparmor and libsnapd-glib opened on first use: the tables
 * point at the very functions the linker would have bound, and a missing
 * library or symbol is an error that names it.
 */

#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "sc-system-libs.h"

static void
test_loaded (void)
{
  g_autoptr(GError) error = NULL;
  const ScLibsystemd *sd;
  const ScLibseccomp *seccomp;
  const ScLibapparmor *apparmor;
  const ScLibsnapdGlib *snapd;
  g_autofree char *name = NULL;

  g_test_summary ("Each table holds the same functions this test binary links directly, "
                  "and loading again returns the same table");

  sd = sc_libsystemd_load (&error);
  g_assert_no_error (error);
  g_assert_nonnull (sd);
  g_assert_true (sd->sd_journal_open == sd_journal_open);
  g_assert_true (sd->sd_journal_wait == sd_journal_wait);
  g_assert_true (sd->sd_id128_get_boot == sd_id128_get_boot);
  g_assert_true (sc_libsystemd () == sd);
  g_assert_true (sc_libsystemd_load (NULL) == sd);
  g_assert_true (SC_SD (sd_journal_next) == sd_journal_next);

  seccomp = sc_libseccomp_load (&error);
  g_assert_no_error (error);
  g_assert_true (seccomp->seccomp_syscall_resolve_num_arch == seccomp_syscall_resolve_num_arch);
  name = seccomp->seccomp_syscall_resolve_num_arch (SCMP_ARCH_X86_64, 2);
  g_assert_cmpstr (name, ==, "open");

  apparmor = sc_libapparmor_load (&error);
  g_assert_no_error (error);
  g_assert_true (apparmor->aa_is_enabled == aa_is_enabled);
  g_assert_cmpint (apparmor->aa_is_enabled (), ==, aa_is_enabled ());

  snapd = sc_libsnapd_glib_load (&error);
  g_assert_no_error (error);
  g_assert_true (snapd->snapd_client_new == snapd_client_new);
  g_assert_true (snapd->snapd_client_connect_interface_async == snapd_client_connect_interface_async);
  g_assert_cmpuint (snapd->snapd_error_quark (), ==, snapd_error_quark ());
  g_assert_true (sc_libsnapd_glib_load (NULL) == snapd);
}

static void
test_missing_library (void)
{
  static const char * const symbols[] = { "anything", NULL };
  gpointer table[1] = { GINT_TO_POINTER (1) };
  g_autoptr(GError) error = NULL;

  g_test_summary ("A library that cannot be opened is an error naming it");

  g_assert_false (sc_system_lib_open ("libsnapconfine-none.so.9", symbols, table, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "libsnapconfine-none.so.9"));
}

static void
test_missing_symbol (void)
{
  static const char * const symbols[] = { "seccomp_version", "sd_journal_open", NULL };
  gpointer table[2] = { NULL, NULL };
  g_autoptr(GError) error = NULL;

  g_test_summary ("A library without one of the functions is an error naming the function, "
                  "and leaves no half-filled table");

  g_assert_false (sc_system_lib_open ("libseccomp.so.2", symbols, table, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
  g_assert_nonnull (strstr (error->message, "sd_journal_open"));
  g_assert_nonnull (strstr (error->message, "libseccomp.so.2"));
  g_assert_null (table[0]);
  g_assert_null (table[1]);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/system-libs/loaded", test_loaded);
  g_test_add_func ("/system-libs/missing-library", test_missing_library);
  g_test_add_func ("/system-libs/missing-symbol", test_missing_symbol);

  return g_test_run ();
}
