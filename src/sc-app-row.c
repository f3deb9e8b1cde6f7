/* sc-app-row.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-app-row"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-app-row.h"
#include "sc-extensions.h"

struct _ScAppRow
{
  AdwPreferencesGroup  parent_instance;

  /* Template widgets */
  GtkButton           *add_button;
  AdwActionRow        *findings_row;
  AdwActionRow        *empty_row;

  /* Owned */
  char                *target;
  GPtrArray           *plug_rows;   /* of ScPlugRow*, borrowed from the widget tree */
  GHashTable          *by_plug;     /* plug name → ScPlugRow*, borrowed */

  /* Borrowed: the project outlives the rows built from it */
  ScProject           *project;
};

G_DEFINE_FINAL_TYPE (ScAppRow, sc_app_row, ADW_TYPE_PREFERENCES_GROUP)

static void
update_empty (ScAppRow *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->empty_row), self->plug_rows->len == 0);
}

static void
sc_app_row_finalize (GObject *object)
{
  ScAppRow *self = (ScAppRow *)object;

  g_clear_pointer (&self->target, g_free);
  g_clear_pointer (&self->plug_rows, g_ptr_array_unref);
  g_clear_pointer (&self->by_plug, g_hash_table_unref);

  G_OBJECT_CLASS (sc_app_row_parent_class)->finalize (object);
}

static void
sc_app_row_class_init (ScAppRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = sc_app_row_finalize;

  g_type_ensure (SC_TYPE_PLUG_ROW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/SnapConfine/sc-app-row.ui");
  gtk_widget_class_bind_template_child (widget_class, ScAppRow, add_button);
  gtk_widget_class_bind_template_child (widget_class, ScAppRow, findings_row);
  gtk_widget_class_bind_template_child (widget_class, ScAppRow, empty_row);
}

static void
sc_app_row_init (ScAppRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->plug_rows = g_ptr_array_new ();
  self->by_plug = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

static ScPlugRow *
add_plug_row (ScAppRow   *self,
              const char *plug,
              ScPlugDef  *definition,
              const char *extension,
              gboolean    active)
{
  GtkWidget *row;

  row = sc_plug_row_new (self->target, plug, definition, extension, active);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
  g_ptr_array_add (self->plug_rows, row);
  g_hash_table_insert (self->by_plug, g_strdup (plug), row);
  update_empty (self);

  return SC_PLUG_ROW (row);
}

static char *
describe_target (ScTarget *target)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (target->command != NULL)
    g_ptr_array_add (parts, g_markup_escape_text (target->command, -1));
  if (target->daemon != NULL)
    /* Translators: %s is a daemon type such as “simple” or “forking”. */
    g_ptr_array_add (parts, g_strdup_printf (_("%s daemon"), target->daemon));
  if (target->extensions != NULL && target->extensions[0] != NULL)
    {
      g_autofree char *joined = g_strjoinv (", ", target->extensions);

      /* Translators: %s is a list of snapcraft extensions, e.g. “gnome”. */
      g_ptr_array_add (parts, g_strdup_printf (_("extensions: %s"), joined));
    }
  g_ptr_array_add (parts, NULL);

  return g_strjoinv (" · ", (char **)parts->pdata);
}

GtkWidget *
sc_app_row_new (ScProject *project,
                ScTarget  *target)
{
  ScAppRow *self;
  g_autoptr(GPtrArray) effective = NULL;
  g_autofree char *description = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (SC_IS_PROJECT (project), NULL);
  g_return_val_if_fail (target != NULL, NULL);

  self = g_object_new (SC_TYPE_APP_ROW, NULL);
  self->project = project;
  if (target->is_hook)
    {
      self->target = g_strconcat ("hook:", target->name, NULL);
      /* Translators: the title of a group listing a hook's plugs; %s is
       * the hook's name, e.g. “configure”. */
      title = g_strdup_printf (_("%s hook"), target->name);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->add_button),
                                   _("Add an interface to this hook"));
    }
  else
    {
      self->target = g_strdup (target->name);
      title = g_strdup (target->name);
    }

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), title);
  description = describe_target (target);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self), description);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->add_button), "s", self->target);
  gtk_widget_set_name (GTK_WIDGET (self), self->target);

  /* Declared plugs first, in file order, then what extensions and unscoped
   * top-level plugs imply. */
  for (guint i = 0; i < target->plugs->len; i++)
    {
      const ScPlugRef *ref = g_ptr_array_index (target->plugs, i);

      if (sc_app_row_find_plug (self, ref->name) == NULL)
        add_plug_row (self, ref->name, sc_project_find_plug_def (project, ref->name), NULL, TRUE);
    }

  effective = sc_project_dup_effective_plugs (project, target);
  for (guint i = 0; effective != NULL && i < effective->len; i++)
    {
      const ScEffectivePlug *plug = g_ptr_array_index (effective, i);
      const char *source;

      if (plug->origin == SC_PLUG_ORIGIN_DECLARED || sc_app_row_find_plug (self, plug->plug))
        continue;

      /* Translators: shown as “from top-level plugs” on a plug that every app
       * gets because it is defined at the top level and not listed by any. */
      source = plug->extension != NULL ? plug->extension : _("top-level plugs");
      add_plug_row (self, plug->plug, plug->definition, source, TRUE);
    }

  update_empty (self);

  return GTK_WIDGET (self);
}

const char *
sc_app_row_get_target (ScAppRow *self)
{
  g_return_val_if_fail (SC_IS_APP_ROW (self), NULL);
  return self->target;
}

ScPlugRow *
sc_app_row_find_plug (ScAppRow   *self,
                      const char *plug)
{
  g_return_val_if_fail (SC_IS_APP_ROW (self), NULL);
  g_return_val_if_fail (plug != NULL, NULL);

  return g_hash_table_lookup (self->by_plug, plug);
}

ScPlugRow *
sc_app_row_ensure_plug (ScAppRow   *self,
                        const char *plug)
{
  ScPlugRow *row;

  g_return_val_if_fail (SC_IS_APP_ROW (self), NULL);
  g_return_val_if_fail (plug != NULL, NULL);

  row = sc_app_row_find_plug (self, plug);
  if (row == NULL)
    row = add_plug_row (self, plug, sc_project_find_plug_def (self->project, plug), NULL, FALSE);

  return row;
}

GPtrArray *
sc_app_row_get_plug_rows (ScAppRow *self)
{
  g_return_val_if_fail (SC_IS_APP_ROW (self), NULL);
  return self->plug_rows;
}

void
sc_app_row_set_findings (ScAppRow  *self,
                         GPtrArray *findings)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) title = g_string_new (NULL);

  g_return_if_fail (SC_IS_APP_ROW (self));

  for (guint i = 0; findings != NULL && i < findings->len; i++)
    {
      const ScFinding *finding = g_ptr_array_index (findings, i);
      g_autofree char *message = g_markup_escape_text (finding->message, -1);

      if (title->len == 0)
        g_string_append (title, message);
      else
        {
          if (text->len > 0)
            g_string_append_c (text, '\n');
          g_string_append (text, message);
        }
      if (finding->hint != NULL)
        {
          g_autofree char *hint = g_markup_escape_text (finding->hint, -1);

          if (text->len > 0)
            g_string_append_c (text, '\n');
          g_string_append (text, hint);
        }
    }

  gtk_widget_set_visible (GTK_WIDGET (self->findings_row), title->len > 0);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->findings_row), title->str);
  adw_action_row_set_subtitle (self->findings_row, text->str);
}
