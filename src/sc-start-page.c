/* sc-start-page.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-start-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-start-page.h"
#include "sc-utils.h"

struct _ScStartPage
{
  AdwBin               parent_instance;

  /* Template widgets */
  AdwStatusPage       *start_page;
  GtkButton           *start_open_button;
  AdwPreferencesGroup *recent_group;
  GtkListBox          *recent_list;
};

G_DEFINE_FINAL_TYPE (ScStartPage, sc_start_page, ADW_TYPE_BIN)

static void
sc_start_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SC_TYPE_START_PAGE);

  G_OBJECT_CLASS (sc_start_page_parent_class)->dispose (object);
}

static void
sc_start_page_class_init (ScStartPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sc_start_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/SnapConfine/sc-start-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ScStartPage, start_page);
  gtk_widget_class_bind_template_child (widget_class, ScStartPage, start_open_button);
  gtk_widget_class_bind_template_child (widget_class, ScStartPage, recent_group);
  gtk_widget_class_bind_template_child (widget_class, ScStartPage, recent_list);
}

static void
sc_start_page_init (ScStartPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
sc_start_page_new (void)
{
  return g_object_new (SC_TYPE_START_PAGE, NULL);
}

/* The row's title is the project's name: the folder, or for
 * snap/snapcraft.yaml the folder above. */
static char *
dup_project_name (const char *path)
{
  g_autofree char *name = g_path_get_basename (path);

  if (g_str_has_suffix (name, ".yaml"))
    {
      g_autofree char *dir = g_path_get_dirname (path);

      g_free (name);
      name = g_path_get_basename (dir);
      if (g_strcmp0 (name, "snap") == 0)
        {
          g_autofree char *parent = g_path_get_dirname (dir);

          g_free (name);
          name = g_path_get_basename (parent);
        }
    }

  return g_steal_pointer (&name);
}

static GtkWidget *
create_recent_row (const char *path)
{
  g_autofree char *display = sc_dup_display_path (path);
  g_autofree char *name = dup_project_name (path);
  g_autofree char *escaped_display = g_markup_escape_text (display, -1);
  g_autofree char *escaped_name = g_markup_escape_text (name, -1);
  GtkWidget *row;
  GtkWidget *remove;
  GtkWidget *arrow;

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped_name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped_display);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.open-recent");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", path);

  remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove from Recent Projects"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Remove from Recent Projects"),
                                  -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "win.remove-recent");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "s", path);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

  arrow = gtk_image_new_from_icon_name ("go-next-symbolic");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);

  return row;
}

void
sc_start_page_set_recent (ScStartPage        *self,
                          const char * const *paths)
{
  GtkWidget *child;

  g_return_if_fail (SC_IS_START_PAGE (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))) != NULL)
    gtk_list_box_remove (self->recent_list, child);

  for (guint i = 0; paths != NULL && paths[i] != NULL; i++)
    gtk_list_box_append (self->recent_list, create_recent_row (paths[i]));

  gtk_widget_set_visible (GTK_WIDGET (self->recent_group), paths != NULL && paths[0] != NULL);
}

GtkListBox *
sc_start_page_get_recent_list (ScStartPage *self)
{
  g_return_val_if_fail (SC_IS_START_PAGE (self), NULL);
  return self->recent_list;
}
