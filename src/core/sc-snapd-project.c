/* sc-snapd-project.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-snapd"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sc-interface-catalogue.h"
#include "sc-snapd-project.h"

static gboolean
plug_used_by (ScSnapdPlug *plug,
              const char  *target)
{
  /* Targets unknown (snap.yaml unreadable): any app may use it. */
  return plug->targets[0] == NULL || sc_snapd_plug_has_target (plug, target);
}

ScSnapdPlug *
sc_snapd_snap_plug_to_connect (ScSnapdSnap *snap,
                               const char  *target,
                               const char  *plug,
                               const char  *interface)
{
  ScSnapdPlug *named;
  ScSnapdPlug *other = NULL;

  g_return_val_if_fail (snap != NULL, NULL);
  g_return_val_if_fail (target != NULL, NULL);

  named = sc_snapd_snap_find_plug (snap, plug);
  if (named != NULL && !plug_used_by (named, target))
    named = NULL;

  for (guint i = 0; i < snap->plugs->len; i++)
    {
      ScSnapdPlug *p = g_ptr_array_index (snap->plugs, i);

      if (interface == NULL || g_strcmp0 (p->interface, interface) != 0 || !plug_used_by (p, target))
        continue;
      if (sc_snapd_plug_is_connected (p))
        return NULL;
      if (other == NULL)
        other = p;
    }
  if (named != NULL && sc_snapd_plug_is_connected (named))
    return NULL;
  return named != NULL ? named : other;
}

ScSuggestPlug *
sc_snapd_suggest_context (ScSnapdSnap *snap,
                          const char  *target,
                          guint       *n_plugs)
{
  ScSuggestPlug *plugs = g_new0 (ScSuggestPlug, snap->plugs->len + 1);
  guint n = 0;

  for (guint i = 0; i < snap->plugs->len; i++)
    {
      ScSnapdPlug *p = g_ptr_array_index (snap->plugs, i);

      if (!plug_used_by (p, target))
        continue;
      plugs[n].name = p->name;
      plugs[n].interface = p->interface;
      plugs[n].state = sc_snapd_plug_is_connected (p) ? SC_PLUG_STATE_CONNECTED
                                                      : SC_PLUG_STATE_DISCONNECTED;
      n++;
    }
  *n_plugs = n;
  return plugs;
}

ScSnapdPlug *
sc_snapd_plug_to_connect_for_denial (ScSnapdSnap    *snap,
                                     const ScDenial *denial,
                                     const char     *target)
{
  g_autofree ScSuggestPlug *plugs = NULL;
  g_autoptr(ScSuggestionResult) result = NULL;
  ScSuggestContext context = { 0 };
  ScSuggestion *best;

  g_return_val_if_fail (snap != NULL && denial != NULL && target != NULL, NULL);

  plugs = sc_snapd_suggest_context (snap, target, &context.n_plugs);
  context.plugs = plugs;
  result = sc_suggest_for_denial_with_context (denial, snap->name, &context);
  if (result == NULL || result->suggestions->len == 0)
    return NULL;
  best = g_ptr_array_index (result->suggestions, 0);
  if (!best->connect)
    return NULL;
  for (guint i = 0; i < context.n_plugs; i++)
    if (plugs[i].state == SC_PLUG_STATE_DISCONNECTED &&
        g_strcmp0 (plugs[i].interface, best->interface) == 0)
      return sc_snapd_snap_find_plug (snap, plugs[i].name);
  return NULL;
}

static void
connect_need_free (ScConnectNeed *need)
{
  g_free (need->target);
  g_free (need->plug);
  g_free (need->interface);
  g_free (need);
}

GPtrArray *
sc_connect_needs_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) connect_need_free);
}

void
sc_connect_needs_add (GPtrArray   *needs,
                      const char  *target,
                      ScSnapdPlug *plug,
                      guint64      denials)
{
  ScConnectNeed *need;

  for (guint i = 0; i < needs->len; i++)
    {
      need = g_ptr_array_index (needs, i);
      if (g_str_equal (need->target, target) && g_str_equal (need->plug, plug->name))
        {
          need->denials += denials;
          return;
        }
    }
  need = g_new0 (ScConnectNeed, 1);
  need->target = g_strdup (target);
  need->plug = g_strdup (plug->name);
  need->interface = g_strdup (plug->interface);
  need->denials = denials;
  g_ptr_array_add (needs, need);
}

char *
sc_snapd_connect_command (const char *snap,
                          const char *plug)
{
  return g_strdup_printf ("snap connect %s:%s", snap, plug);
}

GPtrArray *
sc_snapd_check_connections (ScProject   *project,
                            ScSnapdSnap *snap)
{
  GPtrArray *findings = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_finding_free);
  GPtrArray *lists[2] = { sc_project_get_apps (project), sc_project_get_hooks (project) };
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_val_if_fail (SC_IS_PROJECT (project), findings);
  g_return_val_if_fail (snap != NULL, findings);

  for (guint l = 0; l < 2; l++)
    for (guint i = 0; i < lists[l]->len; i++)
      {
        ScTarget *target = g_ptr_array_index (lists[l], i);

        for (guint k = 0; k < target->plugs->len; k++)
          {
            ScPlugRef *ref = g_ptr_array_index (target->plugs, k);
            ScSnapdPlug *plug = sc_snapd_snap_find_plug (snap, ref->name);
            ScFinding *finding;

            if (plug == NULL || plug->auto_connects || sc_snapd_plug_is_connected (plug))
              continue;
            if (!g_hash_table_add (seen, ref->name))
              continue;
            finding = g_new0 (ScFinding, 1);
            finding->severity = SC_SEVERITY_NOTE;
            finding->code = g_strdup ("not-connected");
            finding->target = target->is_hook ? g_strdup_printf ("hook:%s", target->name)
                                              : g_strdup (target->name);
            finding->plug = g_strdup (ref->name);
            finding->line = ref->line;
            finding->column = ref->column;
            finding->message = g_strdup_printf (
              /* Translators: the first %s is a plug name, the second an
               * interface, the third the snap's revision. */
              _("Plug “%s” (%s) is declared but not connected on this machine "
                "(installed revision %s); it does not connect by itself"),
              ref->name, plug->interface, snap->revision);
            finding->hint = sc_snapd_connect_command (snap->name, ref->name);
            g_ptr_array_add (findings, finding);
          }
      }
  return findings;
}

static int
compare_position (gconstpointer a,
                  gconstpointer b)
{
  const ScFinding *fa = *(ScFinding * const *) a;
  const ScFinding *fb = *(ScFinding * const *) b;

  if (fa->line != fb->line)
    return fa->line < fb->line ? -1 : 1;
  if (fa->column != fb->column)
    return fa->column < fb->column ? -1 : 1;
  return 0;
}

void
sc_snapd_add_check_findings (ScProject *project,
                             GPtrArray *findings)
{
  g_autoptr(ScSnapdClient) client = NULL;
  g_autoptr(ScSnapdSnap) snap = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (SC_IS_PROJECT (project));
  g_return_if_fail (findings != NULL);

  if (sc_project_get_name (project) == NULL)
    return;
  client = sc_snapd_client_new ();
  snap = sc_snapd_client_get_snap_sync (client, sc_project_get_name (project), &error);
  if (snap == NULL)
    {
      g_debug ("No connection state for check: %s", error->message);
      return;
    }
  notes = sc_snapd_check_connections (project, snap);
  for (guint i = 0; i < notes->len; i++)
    g_ptr_array_add (findings, g_ptr_array_steal_index (notes, i--));
  /* Stable: findings of the same position keep their order. */
  g_ptr_array_sort (findings, compare_position);
}
