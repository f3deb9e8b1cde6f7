/* sc-system-libs.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-system-libs"

#include "config.h"

#include <dlfcn.h>
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <string.h>

#include "sc-system-libs.h"

#define SC_SYSTEM_LIBS_NAME(name) #name,

gboolean
sc_system_lib_open (const char         *soname,
                    const char * const *symbols,
                    gpointer           *table,
                    GError            **error)
{
  void *handle;

  g_return_val_if_fail (soname != NULL, FALSE);
  g_return_val_if_fail (symbols != NULL, FALSE);
  g_return_val_if_fail (table != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* RTLD_LOCAL: its symbols stay out of the global scope every later
   * lookup in the process walks. */
  handle = dlopen (soname, RTLD_LAZY | RTLD_LOCAL);
  if (handle == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   /* Translators: %s is a library file name such as
                    * “libsystemd.so.0”, the second the system's reason. */
                   _("Could not load %s: %s"), soname, dlerror ());
      return FALSE;
    }

  for (guint i = 0; symbols[i] != NULL; i++)
    {
      table[i] = dlsym (handle, symbols[i]);
      if (table[i] == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                       /* Translators: the first %s is a function name, the
                        * second a library file name. */
                       _("%s is missing from %s (a version too old?)"), symbols[i], soname);
          memset (table, 0, (i + 1) * sizeof (gpointer));
          dlclose (handle);
          return FALSE;
        }
    }

  /* Kept open for the life of the process. */
  return TRUE;
}

typedef struct
{
  GError   *error;   /* why it could not be loaded */
  gboolean  loaded;
} LoadState;

static gboolean
load_once (gsize              *once,
           LoadState          *state,
           const char         *soname,
           const char * const *symbols,
           gpointer           *table,
           GError            **error)
{
  if (g_once_init_enter (once))
    {
      state->loaded = sc_system_lib_open (soname, symbols, table, &state->error);
      g_once_init_leave (once, 1);
    }

  if (!state->loaded)
    {
      if (error != NULL)
        *error = g_error_copy (state->error);
      return FALSE;
    }
  return TRUE;
}

#define SC_DEFINE_LOADER(Type, func, soname, FUNCTIONS)                           \
  static Type func##_table;                                                       \
  static LoadState func##_state;                                                  \
  static gsize func##_once;                                                       \
                                                                                  \
  const Type *                                                                    \
  func##_load (GError **error)                                                    \
  {                                                                               \
    static const char * const names[] = { FUNCTIONS (SC_SYSTEM_LIBS_NAME) NULL }; \
                                                                                  \
    G_STATIC_ASSERT (sizeof (Type) == (G_N_ELEMENTS (names) - 1) * sizeof (gpointer)); \
    if (!load_once (&func##_once, &func##_state, soname, names,                   \
                    (gpointer *) &func##_table, error))                           \
      return NULL;                                                                \
    return &func##_table;                                                         \
  }

SC_DEFINE_LOADER (ScLibsystemd, sc_libsystemd, "libsystemd.so.0", SC_LIBSYSTEMD_FUNCTIONS)
SC_DEFINE_LOADER (ScLibseccomp, sc_libseccomp, "libseccomp.so.2", SC_LIBSECCOMP_FUNCTIONS)
SC_DEFINE_LOADER (ScLibapparmor, sc_libapparmor, "libapparmor.so.1", SC_LIBAPPARMOR_FUNCTIONS)
SC_DEFINE_LOADER (ScLibsnapdGlib, sc_libsnapd_glib, "libsnapd-glib-2.so.1", SC_LIBSNAPD_GLIB_FUNCTIONS)

const ScLibsystemd *
sc_libsystemd (void)
{
  /* Every path into sd-journal calls sc_libsystemd_load() first. */
  g_assert (sc_libsystemd_state.loaded);
  return &sc_libsystemd_table;
}
