/* sc-extensions.c — being implemented. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "sc-extensions.h"

const char * const *
sc_extension_get_app_plugs (const char *extension, const char *base)
{
  return NULL;
}

GPtrArray *
sc_extension_dup_top_level_plugs (const char *extension, const char *base)
{
  return NULL;
}

const char * const *
sc_extension_get_hook_plugs (const char *extension, const char *base, const char *hook)
{
  return NULL;
}

gboolean
sc_extension_is_known (const char *extension)
{
  return FALSE;
}

const char * const *
sc_extension_get_bases (const char *extension)
{
  return NULL;
}

GPtrArray *
sc_project_dup_effective_plugs (ScProject *project, ScTarget *target)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) sc_effective_plug_free);
}

void
sc_effective_plug_free (ScEffectivePlug *plug)
{
  if (plug == NULL)
    return;
  g_free (plug->plug);
  g_free (plug->interface);
  g_free (plug->extension);
  g_free (plug);
}
