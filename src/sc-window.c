/* sc-window.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sc-add-interface-dialog.h"
#include "sc-application.h"
#include "sc-denial-sidebar.h"
#include "sc-project-page-private.h"
#include "sc-start-page.h"
#include "sc-strict-dialog.h"
#include "sc-utils.h"
#include "sc-window-snapd.h"
#include "sc-window-private.h"

G_DEFINE_FINAL_TYPE (ScWindow, sc_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_SHOW_DENIALS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];


/* ---- Helpers ------------------------------------------------------------ */

gboolean
_sc_window_is_strict (ScWindow *self)
{
  return self->project != NULL
         && g_strcmp0 (sc_project_get_confinement (self->project), "strict") == 0;
}

static void
dialog_destroyed_cb (ScWindow  *self,
                     GtkWindow *dialog)
{
  if (self->dialog != dialog)
    return;

  self->dialog = NULL;
  if (self->disk_check_pending)
    {
      self->disk_check_pending = FALSE;
      _sc_window_schedule_disk_check (self, 0);
    }
}

void
_sc_window_present_dialog (ScWindow  *self,
                GtkWindow *dialog)
{
  self->dialog = dialog;
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (dialog_destroyed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (dialog);
}

void
_sc_window_toast (ScWindow   *self,
                  const char *title)
{
  g_autofree char *escaped = g_markup_escape_text (title, -1);
  AdwToast *t = adw_toast_new (escaped);

  adw_toast_overlay_add_toast (self->toast_overlay, t);
}

void
_sc_window_show_error (ScWindow     *self,
                       const GError *error)
{
  g_autofree char *escaped = NULL;
  AdwToast *t;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* Toast titles are Pango markup in libadwaita 1.2. */
  escaped = g_markup_escape_text (error->message, -1);
  t = adw_toast_new (escaped);
  adw_toast_set_timeout (t, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, t);
}

void
_sc_window_show_error_dialog (ScWindow     *self,
                   const char   *heading,
                   const GError *error)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  _sc_window_present_dialog (self, GTK_WINDOW (dialog));
}

/* ---- Recent projects ---------------------------------------------------- */

static void update_recent (ScWindow *self);

static void
stack_page_changed_cb (ScWindow *self)
{
  if (self->recent_stale)
    update_recent (self);
}

static void
update_recent (ScWindow *self)
{
  g_auto(GStrv) recent = NULL;

  /* The list is only seen on the start page: while a project is shown (or
   * before the start page is built) it is rebuilt when the start page
   * shows, not with every open. */
  if (self->start_page == NULL
      || g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "start") != 0)
    {
      self->recent_stale = TRUE;
      return;
    }
  self->recent_stale = FALSE;
  if (self->settings == NULL)
    return;

  recent = g_settings_get_strv (self->settings, "recent-projects");
  sc_start_page_set_recent (self->start_page, (const char * const *)recent);
}

/* ---- Project page ------------------------------------------------------- */

static gboolean
page_plug_ticked (const char *target,
                  const char *plug,
                  gpointer    user_data)
{
  ScWindow *self = user_data;

  return sc_project_page_get_plug_ticked (self->project_page, target, plug);
}

static void
page_changed_cb (ScWindow *self)
{
  _sc_window_update_state (self);
  /* A plug a card added may have been unticked. */
  if (self->sidebar != NULL)
    sc_denial_sidebar_update_added (self->sidebar, page_plug_ticked, self);
}

gboolean
sc_window_has_pending (ScWindow *self)
{
  g_return_val_if_fail (SC_IS_WINDOW (self), FALSE);

  return sc_project_page_has_pending (self->project_page);
}

ScAppRow *
sc_window_get_app_row (ScWindow   *self,
                       const char *target)
{
  g_return_val_if_fail (SC_IS_WINDOW (self), NULL);

  return _sc_project_page_get_app_row (self->project_page, target);
}

ScPlugRow *
sc_window_get_plug_row (ScWindow   *self,
                        const char *target,
                        const char *plug)
{
  g_return_val_if_fail (SC_IS_WINDOW (self), NULL);

  return _sc_project_page_get_plug_row (self->project_page, target, plug);
}

char *
sc_window_dup_pending_diff (ScWindow  *self,
                            gboolean   strict,
                            GError   **error)
{
  g_autoptr(ScEdit) edit = NULL;

  g_return_val_if_fail (SC_IS_WINDOW (self), NULL);
  g_return_val_if_fail (self->project != NULL, NULL);

  edit = sc_project_page_build_edit (self->project_page, strict, error);
  if (edit == NULL)
    return NULL;

  return sc_edit_diff (edit, error);
}

/* Where a plug was added, as the toast says it: the app's name or “the
 * configure hook”. */
static char *
dup_target_label (const char *target)
{
  if (g_str_has_prefix (target, "hook:"))
    /* Translators: where a plug was added; %s is a hook's name. */
    return g_strdup_printf (_("the %s hook"), target + strlen ("hook:"));
  return g_strdup (target);
}

gboolean
sc_window_add_plug (ScWindow    *self,
                    const char  *target,
                    const char  *plug,
                    GVariant    *definition,
                    GError     **error)
{
  g_autofree char *where = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (SC_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (target != NULL, FALSE);
  g_return_val_if_fail (plug != NULL, FALSE);

  if (!sc_project_page_add_plug (self->project_page, target, plug, definition, error))
    return FALSE;

  where = dup_target_label (target);
  /* Translators: a toast; the first %s is a plug, the second an app or
   * “the NAME hook”. */
  title = g_strdup_printf (_("Added %s to %s"), plug, where);
  _sc_window_toast (self, title);

  return TRUE;
}


/* ---- Loading ------------------------------------------------------------ */

static void
load_ignored (ScWindow *self)
{
  g_autoptr(GVariant) all = NULL;
  g_autofree const char **ignored = NULL;

  if (self->sidebar == NULL || self->project == NULL || self->settings == NULL)
    return;

  all = g_settings_get_value (self->settings, "ignored-denials");
  if (!g_variant_lookup (all, sc_project_get_path (self->project), "^a&s", &ignored))
    ignored = NULL;

  sc_denial_sidebar_set_ignored (self->sidebar, (const char * const *)ignored);
}

static void
sidebar_ignored_cb (ScWindow        *self,
                    GParamSpec      *pspec,
                    ScDenialSidebar *sidebar)
{
  g_autoptr(GVariant) all = NULL;
  const char * const *ignored;
  g_auto(GVariantBuilder) builder = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE ("a{sas}"));
  GVariantIter iter;
  const char *key;
  GVariant *value;
  const char *path;

  if (self->project == NULL || self->settings == NULL)
    return;

  path = sc_project_get_path (self->project);
  ignored = sc_denial_sidebar_get_ignored (sidebar);
  all = g_settings_get_value (self->settings, "ignored-denials");

  g_variant_iter_init (&iter, all);
  while (g_variant_iter_next (&iter, "{&s@as}", &key, &value))
    {
      if (g_strcmp0 (key, path) != 0)
        g_variant_builder_add (&builder, "{s@as}", key, value);
      g_variant_unref (value);
    }
  if (ignored != NULL && ignored[0] != NULL)
    g_variant_builder_add (&builder, "{s^as}", path, (char **)ignored);

  g_settings_set_value (self->settings, "ignored-denials", g_variant_builder_end (&builder));
}

static void
sidebar_add_plug_cb (ScWindow   *self,
                     const char *target,
                     const char *plug,
                     GVariant        *definition,
                     ScDenialSidebar *sidebar)
{
  g_autoptr(GError) error = NULL;

  if (!sc_window_add_plug (self, target, plug, definition, &error))
    _sc_window_show_error (self, error);
}

static void
sidebar_add_toast_cb (ScWindow        *self,
                      AdwToast        *t,
                      ScDenialSidebar *sidebar)
{
  /* The sidebar hands over its reference, as adw_toast_overlay_add_toast () expects. */
  adw_toast_overlay_add_toast (self->toast_overlay, t);
}

static void
apply_denials_log (ScWindow *self)
{
  g_auto(ScJournalOptions) options = { 0 };

  if (g_file_test (self->denials_log, G_FILE_TEST_IS_DIR))
    options.type = SC_JOURNAL_SOURCE_DIRECTORY;
  else if (g_str_has_suffix (self->denials_log, ".journal"))
    {
      options.type = SC_JOURNAL_SOURCE_FILES;
      options.files = g_new0 (char *, 2);
      options.files[0] = g_strdup (self->denials_log);
    }
  else
    options.type = SC_JOURNAL_SOURCE_LOG;
  if (options.type != SC_JOURNAL_SOURCE_FILES)
    options.path = g_strdup (self->denials_log);

  sc_denial_sidebar_set_source (self->sidebar, &options);
}

void
sc_window_set_denials_log (ScWindow   *self,
                           const char *path)
{
  g_return_if_fail (SC_IS_WINDOW (self));

  sc_set_str (&self->denials_log, path);
  if (self->sidebar != NULL && self->project != NULL && path != NULL)
    apply_denials_log (self);
}

static void
update_title (ScWindow *self)
{
  const char *name = sc_project_get_name (self->project);

  if (name == NULL || *name == '\0')
    name = _("Unnamed snap");

  /* The page shows the path under the name; the header says only which
   * snap this window is about. */
  adw_window_title_set_title (self->window_title, name);
  gtk_window_set_title (GTK_WINDOW (self), name);
}

/* Shows PROJECT, keeping the ticks not written yet when KEEP_PENDING. */
static void
set_project (ScWindow  *self,
             ScProject *project,
             gboolean   keep_pending)
{
  g_autoptr(GFile) yaml = NULL;

  g_set_object (&self->project, project);

  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }

  yaml = g_file_new_for_path (sc_project_get_path (project));
  self->monitor = g_file_monitor_file (yaml, G_FILE_MONITOR_WATCH_MOVES, self->cancellable, NULL);
  if (self->monitor != NULL)
    g_signal_connect_object (self->monitor, "changed", G_CALLBACK (_sc_window_monitor_changed_cb), self,
                             G_CONNECT_SWAPPED);

  update_title (self);

  if (self->sidebar != NULL)
    {
      sc_denial_sidebar_set_project (self->sidebar, project);
      load_ignored (self);
      if (self->denials_log != NULL)
        apply_denials_log (self);
    }

  self->broken = FALSE;
  sc_project_page_set_project (self->project_page, project, keep_pending);
  _sc_window_snapd_project_changed (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

gboolean
sc_window_open (ScWindow  *self,
                GFile     *file,
                GError   **error)
{
  g_autoptr(ScProject) project = NULL;
  g_autofree char *path = NULL;
  GtkApplication *app;

  g_return_val_if_fail (SC_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   /* Translators: %s is a URI that is not a local file. */
                   _("“%s” is not a local folder"), uri);
      return FALSE;
    }

  project = sc_project_load (path, error);
  if (project == NULL)
    return FALSE;

  g_set_object (&self->file, file);
  g_clear_pointer (&self->undo_before, g_bytes_unref);
  g_clear_pointer (&self->undo_after, g_bytes_unref);
  g_clear_pointer (&self->undo_path, g_free);

  set_project (self, project, FALSE);
  gtk_stack_set_visible_child_name (self->stack, "project");
  _sc_window_update_state (self);

  app = gtk_window_get_application (GTK_WINDOW (self));
  if (SC_IS_APPLICATION (app))
    sc_application_add_recent (SC_APPLICATION (app), path);

  return TRUE;
}

gboolean
sc_window_reload (ScWindow  *self,
                  gboolean   keep_pending,
                  GError   **error)
{
  g_autoptr(ScProject) project = NULL;

  g_return_val_if_fail (SC_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (self->project != NULL, FALSE);

  project = sc_project_load (g_file_peek_path (self->file), error);
  if (project == NULL)
    return FALSE;

  set_project (self, project, keep_pending);
  _sc_window_update_state (self);

  return TRUE;
}

ScProject *
sc_window_get_project (ScWindow *self)
{
  g_return_val_if_fail (SC_IS_WINDOW (self), NULL);
  return self->project;
}

gboolean
sc_window_shows_file (ScWindow *self,
                      GFile    *file)
{
  g_autoptr(GFile) yaml = NULL;
  const char *root;

  g_return_val_if_fail (SC_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (self->project == NULL)
    return FALSE;
  if (self->file != NULL && g_file_equal (self->file, file))
    return TRUE;

  yaml = g_file_new_for_path (sc_project_get_path (self->project));
  if (g_file_equal (yaml, file))
    return TRUE;

  root = sc_project_get_root (self->project);
  if (root != NULL)
    {
      g_autoptr(GFile) root_file = g_file_new_for_path (root);

      if (g_file_equal (root_file, file))
        return TRUE;
    }

  return FALSE;
}

GtkWindow *
sc_window_get_dialog (ScWindow *self)
{
  g_return_val_if_fail (SC_IS_WINDOW (self), NULL);
  return self->dialog;
}

/* ---- Adding interfaces -------------------------------------------------- */

static void
interface_chosen_cb (ScWindow             *self,
                     const char           *target,
                     const char           *interface,
                     ScAddInterfaceDialog *dialog)
{
  g_autoptr(GError) error = NULL;

  if (!sc_window_add_plug (self, target, interface, NULL, &error))
    _sc_window_show_error (self, error);
}

static void
plug_chosen_cb (ScWindow             *self,
                const char           *target,
                const char           *plug,
                GVariant             *definition,
                ScAddInterfaceDialog *dialog)
{
  g_autoptr(GError) error = NULL;

  if (!sc_window_add_plug (self, target, plug, definition, &error))
    _sc_window_show_error (self, error);
}

/* What a plug added through the form must not clash with: the file and
 * the ticks not written yet. */
static ScEdit *
pending_edit (gpointer   user_data,
              GError   **error)
{
  ScWindow *self = user_data;

  return sc_project_page_build_edit (self->project_page, FALSE, error);
}

void
_sc_window_show_add_interface (ScWindow   *self,
                               const char *target)
{
  g_autofree const char **targets = NULL;
  ScAddInterfaceDialog *dialog;

  if (self->project == NULL)
    return;

  targets = sc_project_page_dup_targets (self->project_page);
  if (targets[0] == NULL)
    {
      _sc_window_toast (self, _("The project has no apps or hooks"));
      return;
    }

  dialog = sc_add_interface_dialog_new (GTK_WINDOW (self), targets, target);
  sc_add_interface_dialog_set_project (dialog, self->project);
  sc_add_interface_dialog_set_edit_func (dialog, pending_edit, self);
  g_signal_connect_object (dialog, "plug-chosen", G_CALLBACK (plug_chosen_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "interface-chosen", G_CALLBACK (interface_chosen_cb), self,
                           G_CONNECT_SWAPPED);
  _sc_window_present_dialog (self, GTK_WINDOW (dialog));
}

/* ---- Opening ------------------------------------------------------------ */

static void
file_chooser_response_cb (ScWindow             *self,
                          int                   response,
                          GtkFileChooserNative *native)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

      if (file != NULL && SC_IS_APPLICATION (app))
        sc_application_open_file (SC_APPLICATION (app), file);
    }

  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (native));
  g_object_unref (native);
}

void
_sc_window_open_project_dialog (ScWindow *self)
{
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (_("Open Project"),
                                        GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                        _("_Open"),
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  g_signal_connect_object (native, "response", G_CALLBACK (file_chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static gboolean
drop_cb (ScWindow      *self,
         const GValue  *value,
         double         x,
         double         y,
         GtkDropTarget *target)
{
  GdkFileList *list;
  g_autoptr(GSList) files = NULL;
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  list = g_value_get_boxed (value);
  files = gdk_file_list_get_files (list);
  if (files == NULL)
    return FALSE;

  for (GSList *l = files; l != NULL; l = l->next)
    {
      if (SC_IS_APPLICATION (app))
        sc_application_open_file (SC_APPLICATION (app), l->data);
      else
        {
          g_autoptr(GError) error = NULL;

          if (!sc_window_open (self, l->data, &error))
            _sc_window_show_error (self, error);
        }
    }

  return TRUE;
}

/* ---- State -------------------------------------------------------------- */

void
_sc_window_update_state (ScWindow *self)
{
  gboolean has_project = self->project != NULL;
  gboolean pending = sc_window_has_pending (self);
  gboolean strict = _sc_window_is_strict (self);

  gtk_widget_set_visible (GTK_WIDGET (self->strict_squeezer), has_project);
  gtk_widget_set_visible (GTK_WIDGET (self->add_button), has_project);
  gtk_widget_set_visible (GTK_WIDGET (self->denials_button), has_project);

  if (strict && !pending)
    {
      gtk_button_set_label (self->strict_button, _("Already Strict"));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->strict_button),
                                   _("The snap uses strict confinement and no plug changes "
                                     "are waiting to be saved"));
    }
  else if (strict)
    {
      gtk_button_set_label (self->strict_button, _("Save Changes"));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->strict_button),
                                   _("Write the plug changes to snapcraft.yaml (Ctrl+S)"));
    }
  else
    {
      gtk_button_set_label (self->strict_button, _("Switch to Strict"));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->strict_button),
                                   _("Review and write confinement: strict with the ticked plugs"));
    }

  /* The narrow window's button says it in its tooltip. */
  {
    g_autofree char *tooltip = g_strdup_printf ("%s — %s",
                                                gtk_button_get_label (self->strict_button),
                                                gtk_widget_get_tooltip_text (GTK_WIDGET (self->strict_button)));

    gtk_widget_set_tooltip_text (GTK_WIDGET (self->strict_icon_button), tooltip);
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->strict_icon_button),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    gtk_button_get_label (self->strict_button), -1);
  }

  _sc_window_actions_update (self);
}

gboolean
sc_window_get_show_denials (ScWindow *self)
{
  g_return_val_if_fail (SC_IS_WINDOW (self), FALSE);
  return self->show_denials;
}

/* A hidden sidebar is not measured or drawn at all; it is shown just
 * before the flap slides it in and hidden once the flap is closed. */
static void
reveal_progress_cb (AdwFlap    *flap,
                    GParamSpec *pspec,
                    ScWindow   *self)
{
  if (self->sidebar != NULL && !self->show_denials
      && adw_flap_get_reveal_progress (flap) <= 0.0)
    gtk_widget_set_visible (GTK_WIDGET (self->sidebar), FALSE);
}

/* The sidebar is built the first time it is shown: most windows open
 * without it, and building it would only delay their first frame. */
static void
ensure_sidebar (ScWindow *self)
{
  if (self->sidebar != NULL)
    return;

  self->sidebar = SC_DENIAL_SIDEBAR (sc_denial_sidebar_new ());
  /* Folded, the flap slides over the page: it needs a background of its
   * own or the rows show through. */
  gtk_widget_add_css_class (GTK_WIDGET (self->sidebar), "background");
  adw_flap_set_flap (self->flap, GTK_WIDGET (self->sidebar));
  g_signal_connect_object (self->sidebar, "add-plug", G_CALLBACK (sidebar_add_plug_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sidebar, "add-toast", G_CALLBACK (sidebar_add_toast_cb), self,
                           G_CONNECT_SWAPPED);
  if (self->project != NULL)
    {
      sc_denial_sidebar_set_project (self->sidebar, self->project);
      load_ignored (self);
      if (self->denials_log != NULL)
        apply_denials_log (self);
    }
  /* Connected after load_ignored () so loading does not write it back. */
  g_signal_connect_object (self->sidebar, "notify::ignored", G_CALLBACK (sidebar_ignored_cb), self,
                           G_CONNECT_SWAPPED);
  _sc_window_snapd_sidebar_created (self);
}

void
sc_window_set_show_denials (ScWindow *self,
                            gboolean  show_denials)
{
  g_return_if_fail (SC_IS_WINDOW (self));

  show_denials = !!show_denials;
  if (self->show_denials == show_denials)
    return;

  self->show_denials = show_denials;
  if (show_denials)
    ensure_sidebar (self);
  if (show_denials && self->sidebar != NULL)
    gtk_widget_set_visible (GTK_WIDGET (self->sidebar), TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_DENIALS]);
}

/* ---- Closing ------------------------------------------------------------ */

static void
close_response_cb (ScWindow         *self,
                   const char       *response,
                   AdwMessageDialog *dialog)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "save") == 0)
    {
      if (!sc_window_write (self, FALSE, &error))
        {
          /* A read-only file: the same question as any Save, then close. */
          if (sc_file_error_needs_force (error))
            _sc_window_ask_force (self, FALSE, error, TRUE);
          else
            _sc_window_show_error_dialog (self, _("Could Not Write snapcraft.yaml"), error);
          return;
        }
    }
  else if (g_strcmp0 (response, "discard") != 0)
    return;

  self->closing = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
sc_window_close_request (GtkWindow *window)
{
  ScWindow *self = SC_WINDOW (window);
  GtkWidget *dialog;

  if (self->closing || self->project == NULL || !sc_window_has_pending (self))
    return GTK_WINDOW_CLASS (sc_window_parent_class)->close_request (window);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Save Plug Changes?"),
                                   _("Some ticks have not been written to snapcraft.yaml. "
                                     "Confinement stays as it is when you save."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard Changes"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (close_response_cb), self,
                           G_CONNECT_SWAPPED);
  _sc_window_present_dialog (self, GTK_WINDOW (dialog));

  return TRUE;
}

static void
sc_window_show (GtkWidget *widget)
{
  ScWindow *self = SC_WINDOW (widget);

  /* A window shown without a project gets the start page; one that opens
   * a project before it is shown never builds it. */
  if (self->project == NULL && self->start_page == NULL)
    {
      self->start_page = SC_START_PAGE (sc_start_page_new ());
      gtk_stack_add_named (self->stack, GTK_WIDGET (self->start_page), "start");
      gtk_stack_set_visible_child_name (self->stack, "start");
    }

  GTK_WIDGET_CLASS (sc_window_parent_class)->show (widget);
}

/* ---- GObject ------------------------------------------------------------ */

static void
sc_window_dispose (GObject *object)
{
  ScWindow *self = (ScWindow *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->monitor_timeout_id, g_source_remove);
  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), SC_TYPE_WINDOW);

  G_OBJECT_CLASS (sc_window_parent_class)->dispose (object);
}

static void
sc_window_finalize (GObject *object)
{
  ScWindow *self = (ScWindow *)object;

  g_clear_object (&self->project);
  g_clear_object (&self->file);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->undo_before, g_bytes_unref);
  g_clear_pointer (&self->undo_after, g_bytes_unref);
  g_clear_pointer (&self->undo_path, g_free);
  g_clear_pointer (&self->denials_log, g_free);

  G_OBJECT_CLASS (sc_window_parent_class)->finalize (object);
}

static void
sc_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  ScWindow *self = SC_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;

    case PROP_SHOW_DENIALS:
      g_value_set_boolean (value, self->show_denials);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  ScWindow *self = SC_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SHOW_DENIALS:
      sc_window_set_show_denials (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_window_class_init (ScWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sc_window_dispose;
  object_class->finalize = sc_window_finalize;
  object_class->get_property = sc_window_get_property;
  object_class->set_property = sc_window_set_property;
  _sc_window_snapd_class_init (widget_class);

  widget_class->show = sc_window_show;
  GTK_WINDOW_CLASS (klass)->close_request = sc_window_close_request;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, SC_TYPE_PROJECT,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_SHOW_DENIALS] =
    g_param_spec_boolean ("show-denials", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SC_TYPE_PROJECT_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/SnapConfine/sc-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ScWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, open_button);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, add_button);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, denials_button);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, strict_squeezer);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, strict_button);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, strict_icon_button);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, project_page);

  _sc_window_class_actions_init (widget_class);
}

/* GtkMenuButton builds the whole popover when it gets a menu, so the
 * main menu is handed over when it is first opened (click or F10). */
static void
create_primary_menu_cb (GtkMenuButton *button,
                        gpointer       user_data)
{
  ScWindow *self = user_data;

  if (gtk_menu_button_get_menu_model (button) == NULL)
    gtk_menu_button_set_menu_model (button, self->primary_menu);
}

static void
sc_window_init (ScWindow *self)
{
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_menu_button_set_create_popup_func (self->menu_button, create_primary_menu_cb, self, NULL);

  self->cancellable = g_cancellable_new ();
  g_signal_connect_object (self->project_page, "changed", G_CALLBACK (page_changed_cb), self,
                           G_CONNECT_SWAPPED);

  self->settings = sc_settings_new ();
  if (self->settings != NULL)
    {
      g_settings_bind (self->settings, "window-width", self, "default-width",
                       G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "window-height", self, "default-height",
                       G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "window-maximized", self, "maximized",
                       G_SETTINGS_BIND_DEFAULT);
      /* Each window shows or hides its own sidebar (F9); the setting
       * only gives new windows the last choice. */
      g_settings_bind (self->settings, "show-denials", self, "show-denials",
                       G_SETTINGS_BIND_DEFAULT | G_SETTINGS_BIND_GET_NO_CHANGES);
      g_signal_connect_object (self->settings, "changed::recent-projects",
                               G_CALLBACK (update_recent), self, G_CONNECT_SWAPPED);
    }
  g_signal_connect_object (self->stack, "notify::visible-child-name",
                           G_CALLBACK (stack_page_changed_cb), self, G_CONNECT_SWAPPED);
  update_recent (self);

  /* Both ways: a folded flap closes itself (click beside it, swipe,
   * Escape) and the toggle button must follow. */
  g_object_bind_property (self, "show-denials", self->flap, "reveal-flap",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  g_signal_connect (self->flap, "notify::reveal-progress", G_CALLBACK (reveal_progress_cb), self);

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (drop, "drop", G_CALLBACK (drop_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  self->recent_stale = TRUE;
  _sc_window_update_state (self);
  _sc_window_snapd_init (self);
}

ScWindow *
sc_window_new (ScApplication *application)
{
  return g_object_new (SC_TYPE_WINDOW,
                       "application", application,
                       NULL);
}
