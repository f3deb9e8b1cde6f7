/* sc-window-actions.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's win.* actions and their keyboard shortcuts.
 */

#define G_LOG_DOMAIN "sc-window-actions"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-application.h"
#include "sc-window-private.h"

static void
open_project_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  _sc_window_open_project_dialog (SC_WINDOW (widget));
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  g_autoptr(GFile) file = g_file_new_for_path (g_variant_get_string (param, NULL));
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (widget));

  if (SC_IS_APPLICATION (app))
    sc_application_open_file (SC_APPLICATION (app), file);
}

static void
remove_recent_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (widget));

  if (SC_IS_APPLICATION (app))
    sc_application_remove_recent (SC_APPLICATION (app), g_variant_get_string (param, NULL));
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  ScWindow *self = SC_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!sc_window_reload (self, TRUE, &error))
    _sc_window_show_error (self, error);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  _sc_window_save (SC_WINDOW (widget));
}

static void
switch_to_strict_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  _sc_window_show_review (SC_WINDOW (widget), TRUE);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  _sc_window_undo (SC_WINDOW (widget));
}

static void
undo_write_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  _sc_window_undo_write (SC_WINDOW (widget));
}

static void
add_interface_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  _sc_window_show_add_interface (SC_WINDOW (widget), NULL);
}

static void
add_interface_to_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  _sc_window_show_add_interface (SC_WINDOW (widget), g_variant_get_string (param, NULL));
}

static void
add_plug_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  ScWindow *self = SC_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  const char *target;
  const char *plug;

  g_variant_get (param, "(&s&s)", &target, &plug);
  if (!sc_window_add_plug (self, target, plug, NULL, &error))
    _sc_window_show_error (self, error);
}

/* The shortcuts window is built the first time it is shown rather than
 * with every window, which GtkApplication would do for a gtk/help-overlay.ui
 * under the resource base path. */
static void
show_help_overlay_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (widget);
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (window);

  if (overlay == NULL)
    {
      g_autoptr(GtkBuilder) builder = NULL;
      GObject *object;

      builder = gtk_builder_new_from_resource ("/org/example/SnapConfine/help-overlay.ui");
      object = gtk_builder_get_object (builder, "help_overlay");
      g_return_if_fail (GTK_IS_SHORTCUTS_WINDOW (object));
      overlay = GTK_SHORTCUTS_WINDOW (object);
      gtk_application_window_set_help_overlay (window, overlay);
    }

  gtk_window_present (GTK_WINDOW (overlay));
}

void
_sc_window_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.open-project", NULL, open_project_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.remove-recent", "s", remove_recent_action);
  gtk_widget_class_install_action (widget_class, "win.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.switch-to-strict", NULL,
                                   switch_to_strict_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.undo-write", NULL, undo_write_action);
  gtk_widget_class_install_action (widget_class, "win.add-interface", NULL, add_interface_action);
  gtk_widget_class_install_action (widget_class, "win.add-interface-to", "s",
                                   add_interface_to_action);
  gtk_widget_class_install_action (widget_class, "win.add-plug", "(ss)", add_plug_action);
  gtk_widget_class_install_property_action (widget_class, "win.show-denials", "show-denials");
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL,
                                   show_help_overlay_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK,
                                       "win.open-project", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "win.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK,
                                       "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "win.add-interface", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0,
                                       "win.show-denials", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0,
                                       "win.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_question, GDK_CONTROL_MASK,
                                       "win.show-help-overlay", NULL);
}

void
_sc_window_actions_update (ScWindow *self)
{
  gboolean has_project = self->project != NULL;
  gboolean pending = sc_window_has_pending (self);
  gboolean strict = _sc_window_is_strict (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reload", has_project);
  /* Nothing is written while the file on disk does not parse. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save",
                                 has_project && pending && !self->broken);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.switch-to-strict",
                                 has_project && (!strict || pending) && !self->broken);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 self->undo_before != NULL
                                 || sc_project_page_can_undo_tick (self->project_page));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo-write", self->undo_before != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-interface", has_project);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-interface-to", has_project);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-plug", has_project);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-denials", has_project);
}
