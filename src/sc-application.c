/* sc-application.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-application"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-application.h"
#include "sc-window.h"

#define MAX_RECENT 10

struct _ScApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  char           *denials_log;   /* --denials FILE, nullable */
};

G_DEFINE_FINAL_TYPE (ScApplication, sc_application, ADW_TYPE_APPLICATION)

static ScWindow *
find_window (ScApplication *self,
             GFile         *file)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (SC_IS_WINDOW (l->data) && sc_window_shows_file (l->data, file))
      return l->data;

  return NULL;
}

static ScWindow *
find_empty_window (ScApplication *self)
{
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (SC_IS_WINDOW (active) && sc_window_get_project (SC_WINDOW (active)) == NULL)
    return SC_WINDOW (active);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (SC_IS_WINDOW (l->data) && sc_window_get_project (l->data) == NULL)
      return l->data;

  return NULL;
}

static void
show_open_error (ScWindow     *window,
                 GFile        *file,
                 const GError *error)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (window), _("Could Not Open Project"),
                                   error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

ScWindow *
sc_application_open_file (ScApplication *self,
                          GFile         *file)
{
  g_autoptr(GError) error = NULL;
  ScWindow *window;
  gboolean fresh = FALSE;

  g_return_val_if_fail (SC_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  window = find_window (self, file);
  if (window != NULL)
    {
      gtk_window_present (GTK_WINDOW (window));
      return window;
    }

  window = find_empty_window (self);
  if (window == NULL)
    {
      window = sc_window_new (self);
      fresh = TRUE;
    }

  if (self->denials_log != NULL)
    sc_window_set_denials_log (window, self->denials_log);

  if (!sc_window_open (window, file, &error))
    {
      gtk_window_present (GTK_WINDOW (window));
      show_open_error (window, file, error);
      return window;
    }

  /* The project may be open under another name (folder versus yaml). */
  if (fresh)
    {
      for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
        {
          ScProject *project;

          if (l->data == window || !SC_IS_WINDOW (l->data))
            continue;
          project = sc_window_get_project (l->data);
          if (project != NULL
              && g_strcmp0 (sc_project_get_path (project),
                            sc_project_get_path (sc_window_get_project (window))) == 0)
            {
              gtk_window_destroy (GTK_WINDOW (window));
              gtk_window_present (l->data);
              return l->data;
            }
        }
    }

  gtk_window_present (GTK_WINDOW (window));
  return window;
}

void
sc_application_add_recent (ScApplication *self,
                           const char    *path)
{
  g_auto(GStrv) recent = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) updated = NULL;
  guint n = 1;

  g_return_if_fail (SC_IS_APPLICATION (self));
  g_return_if_fail (path != NULL);

  if (self->settings == NULL)
    return;

  recent = g_settings_get_strv (self->settings, "recent-projects");
  g_strv_builder_add (builder, path);
  for (guint i = 0; recent[i] != NULL && n < MAX_RECENT; i++)
    if (g_strcmp0 (recent[i], path) != 0)
      {
        g_strv_builder_add (builder, recent[i]);
        n++;
      }

  updated = g_strv_builder_end (builder);
  if (!g_strv_equal ((const char * const *)recent, (const char * const *)updated))
    g_settings_set_strv (self->settings, "recent-projects", (const char * const *)updated);
}

void
sc_application_remove_recent (ScApplication *self,
                              const char    *path)
{
  g_auto(GStrv) recent = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) updated = NULL;

  g_return_if_fail (SC_IS_APPLICATION (self));
  g_return_if_fail (path != NULL);

  if (self->settings == NULL)
    return;

  recent = g_settings_get_strv (self->settings, "recent-projects");
  for (guint i = 0; recent[i] != NULL; i++)
    if (g_strcmp0 (recent[i], path) != 0)
      g_strv_builder_add (builder, recent[i]);

  updated = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-projects", (const char * const *)updated);
}

/* The application's settings, or NULL when the schema is not installed:
 * a build tree run without `meson devenv`, or a broken installation. That
 * is never fatal (g_settings_new() would abort): one message on stderr, and
 * the window goes on with its defaults and remembers nothing. */
GSettings *
sc_settings_new (void)
{
  static gsize looked_up;
  static GSettingsSchema *schema;

  if (g_once_init_enter (&looked_up))
    {
      GSettingsSchemaSource *source = g_settings_schema_source_get_default ();

      if (source != NULL)
        schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
      if (schema == NULL)
        g_printerr (_("The settings schema “%s” is not installed: window size, recent "
                      "projects and ignored denials will not be remembered. To run "
                      "Snap Confine from its build folder, use “meson devenv -C BUILDDIR "
                      "src/snapconfine”.\n"),
                    APPLICATION_ID);
      g_once_init_leave (&looked_up, 1);
    }

  return schema != NULL ? g_settings_new_full (schema, NULL, NULL) : NULL;
}

GSettings *
sc_application_get_settings (ScApplication *self)
{
  g_return_val_if_fail (SC_IS_APPLICATION (self), NULL);
  return self->settings;
}

static void
sc_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (sc_window_new (SC_APPLICATION (app)));

  gtk_window_present (window);
}

static void
sc_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  for (int i = 0; i < n_files; i++)
    sc_application_open_file (SC_APPLICATION (app), files[i]);
}

/* Closing each window, rather than g_application_quit(), lets a window with
 * unsaved ticks ask first; the application ends with its last window. */
static void
quit_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  g_autoptr(GList) windows = NULL;

  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (user_data)));
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
}

static void
new_window_action (GSimpleAction *action,
                   GVariant      *param,
                   gpointer       user_data)
{
  gtk_window_present (GTK_WINDOW (sc_window_new (SC_APPLICATION (user_data))));
}

static void
about_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  static const char *developers[] = { "The Snap Confine authors", NULL };
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  adw_show_about_window (parent,
                         "application-name", _("Snap Confine"),
                         "application-icon", APPLICATION_ID,
                         "developer-name", _("The Snap Confine authors"),
                         "version", PACKAGE_VERSION,
                         "comments", _("Move a snap from devmode to strict confinement: tick the "
                                       "plugs each app needs, review what the journal says it "
                                       "was denied, and switch with one button."),
                         "website", "https://example.org/snapconfine",
                         "issue-url", "https://example.org/snapconfine/issues",
                         "developers", developers,
                         "copyright", "© 2026 The Snap Confine authors",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         /* Translators: put your name here, one per line. */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action, NULL, NULL, NULL, { 0 } },
  { "about", about_action, NULL, NULL, NULL, { 0 } },
  { "new-window", new_window_action, NULL, NULL, NULL, { 0 } },
};

static void
sc_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *new_window_accels[] = { "<Control>n", NULL };

  G_APPLICATION_CLASS (sc_application_parent_class)->startup (app);

  SC_APPLICATION (app)->settings = sc_settings_new ();

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions),
                                   app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.new-window",
                                         new_window_accels);

}

static int
sc_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  ScApplication *self = SC_APPLICATION (app);
  const char *log = NULL;

  if (g_variant_dict_lookup (options, "denials", "^&ay", &log) && log != NULL && *log != '\0')
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (log);

      g_free (self->denials_log);
      self->denials_log = g_file_get_path (file);
    }

  return -1;
}

static void
sc_application_finalize (GObject *object)
{
  ScApplication *self = (ScApplication *)object;

  g_clear_object (&self->settings);
  g_clear_pointer (&self->denials_log, g_free);

  G_OBJECT_CLASS (sc_application_parent_class)->finalize (object);
}

static void
sc_application_class_init (ScApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = sc_application_finalize;

  app_class->activate = sc_application_activate;
  app_class->open = sc_application_open;
  app_class->startup = sc_application_startup;
  app_class->handle_local_options = sc_application_handle_local_options;
}

static const GOptionEntry options[] = {
  { "denials", 'd', G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
    N_("Read denials from this text log or journal file instead of the system journal"),
    N_("FILE") },
  { NULL }
};

static void
sc_application_init (ScApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), options);
  g_application_set_option_context_parameter_string (G_APPLICATION (self),
                                                     _("[PROJECT…]"));
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Review the plugs of snap projects and switch "
                                              "them to strict confinement."));

}

ScApplication *
sc_application_new (void)
{
  return g_object_new (SC_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/org/example/SnapConfine",
                       NULL);
}
