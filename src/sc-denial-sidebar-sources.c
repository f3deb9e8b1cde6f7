/* sc-denial-sidebar-sources.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Where the sidebar reads denials from: the system journal, a journal
 * folder or files, a text log, the project's own log, or records pasted
 * from a bug report (saved to a private temporary file and read through
 * the same text-log parser).
 */

#define G_LOG_DOMAIN "sc-denial-sidebar"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "sc-denial-sidebar-private.h"
#include "sc-utils.h"

void
_sc_denial_sidebar_update_source_label (ScDenialSidebar *self)
{
  g_autofree char *label = NULL;
  const char *icon = "utilities-terminal-symbolic";

  switch (self->options.type)
    {
    case SC_JOURNAL_SOURCE_SYSTEM:
      label = g_strdup (_("System Journal"));
      break;
    case SC_JOURNAL_SOURCE_DIRECTORY:
      label = g_path_get_basename (self->options.path);
      icon = "folder-symbolic";
      break;
    case SC_JOURNAL_SOURCE_FILES:
      if (self->options.files != NULL && self->options.files[0] != NULL &&
          self->options.files[1] == NULL)
        label = g_path_get_basename (self->options.files[0]);
      else
        /* Translators: several journal files were chosen */
        label = g_strdup_printf (ngettext ("%u journal file", "%u journal files",
                                           self->options.files ? g_strv_length (self->options.files) : 0),
                                 self->options.files ? g_strv_length (self->options.files) : 0);
      icon = "text-x-generic-symbolic";
      break;
    case SC_JOURNAL_SOURCE_LOG:
    default:
      if (g_strcmp0 (self->options.path, "-") == 0)
        label = g_strdup (_("Standard Input"));
      else
        label = g_path_get_basename (self->options.path);
      icon = "text-x-generic-symbolic";
      break;
    }

  if (self->paste_path != NULL && self->options.type == SC_JOURNAL_SOURCE_LOG &&
      g_strcmp0 (self->options.path, self->paste_path) == 0)
    {
      g_free (label);
      label = g_strdup (_("Pasted Records"));
      icon = "edit-paste-symbolic";
    }

  gtk_label_set_label (self->source_label, label);
  /* Short names are shown whole ("System Journal"); long file names give
   * way in the middle when the sidebar is narrow. */
  gtk_label_set_width_chars (self->source_label, MIN ((int) g_utf8_strlen (label, -1), 16));
  gtk_image_set_from_icon_name (self->source_icon, icon);

  /* Explicit journal files are a closed set: sd-journal cannot watch them. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->follow_switch),
                            self->options.type != SC_JOURNAL_SOURCE_FILES);
  gtk_widget_set_tooltip_text (self->source_button,
                               self->options.path ? self->options.path : label);
}

void
_sc_denial_sidebar_update_project_log (ScDenialSidebar *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sidebar.open-project-log",
                                 self->project_log != NULL);
  if (self->project_log != NULL)
    {
      g_autofree char *name = g_path_get_basename (self->project_log);
      /* Translators: %s is a file name in the project folder, e.g. denials.log */
      g_autofree char *label = g_strdup_printf (_("_Open “%s”"), name);

      gtk_button_set_label (self->project_log_button, label);
    }
}

/* ---- Source choosers -------------------------------------------------- */

static void
set_source_from_chooser (ScDenialSidebar     *self,
                         ScJournalSourceType  type,
                         GtkFileChooser      *chooser)
{
  ScJournalOptions options = { 0 };

  options.type = type;
  if (type == SC_JOURNAL_SOURCE_FILES)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (chooser);
      guint n = g_list_model_get_n_items (files);
      GPtrArray *paths = g_ptr_array_new ();

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);
          char *path = g_file_get_path (file);

          if (path != NULL)
            g_ptr_array_add (paths, path);
        }
      g_ptr_array_add (paths, NULL);
      options.files = (GStrv) g_ptr_array_free (paths, FALSE);
    }
  else
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (chooser);

      options.path = file ? g_file_get_path (file) : NULL;
      if (options.path == NULL)
        return;
    }

  sc_denial_sidebar_set_source (self, &options);
  sc_journal_options_clear (&options);
}

static void
chooser_response_cb (GtkNativeDialog *native,
                     int              response,
                     ScDenialSidebar *self)
{
  ScJournalSourceType type = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (native), "sc-type"));

  if (response == GTK_RESPONSE_ACCEPT)
    set_source_from_chooser (self, type, GTK_FILE_CHOOSER (native));

  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

static void
open_chooser (ScDenialSidebar     *self,
              ScJournalSourceType  type)
{
  GtkFileChooserNative *native;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserAction action = GTK_FILE_CHOOSER_ACTION_OPEN;
  const char *title;

  switch (type)
    {
    case SC_JOURNAL_SOURCE_DIRECTORY:
      title = _("Choose a Journal Folder");
      action = GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER;
      break;
    case SC_JOURNAL_SOURCE_FILES:
      title = _("Choose Journal Files");
      break;
    case SC_JOURNAL_SOURCE_LOG:
    case SC_JOURNAL_SOURCE_SYSTEM:
    default:
      title = _("Choose a Log File");
      break;
    }

  native = gtk_file_chooser_native_new (title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        action, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  if (type == SC_JOURNAL_SOURCE_FILES)
    {
      GtkFileFilter *filter = gtk_file_filter_new ();

      gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (native), TRUE);
      gtk_file_filter_set_name (filter, _("Journal Files"));
      gtk_file_filter_add_pattern (filter, "*.journal");
      gtk_file_filter_add_pattern (filter, "*.journal~");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
      g_object_unref (filter);
    }
  /* The project's folder first: that is where a saved log usually is. */
  if (self->project != NULL && sc_project_get_root (self->project) != NULL)
    {
      g_autoptr(GFile) folder = g_file_new_for_path (sc_project_get_root (self->project));

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), folder, NULL);
    }
  g_object_set_data (G_OBJECT (native), "sc-type", GINT_TO_POINTER (type));
  g_signal_connect_object (native, "response", G_CALLBACK (chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
use_system_journal_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  sc_denial_sidebar_set_source (SC_DENIAL_SIDEBAR (widget), NULL);
}

static void
open_folder_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  open_chooser (SC_DENIAL_SIDEBAR (widget), SC_JOURNAL_SOURCE_DIRECTORY);
}

static void
open_files_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  open_chooser (SC_DENIAL_SIDEBAR (widget), SC_JOURNAL_SOURCE_FILES);
}

static void
open_log_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  open_chooser (SC_DENIAL_SIDEBAR (widget), SC_JOURNAL_SOURCE_LOG);
}

static void
open_project_log_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  ScDenialSidebar *self = SC_DENIAL_SIDEBAR (widget);
  ScJournalOptions options = { 0 };

  if (self->project_log == NULL)
    return;
  options.type = SC_JOURNAL_SOURCE_LOG;
  options.path = self->project_log;
  sc_denial_sidebar_set_source (self, &options);
}

/* ---- Pasted records --------------------------------------------------- */

void
_sc_denial_sidebar_remove_paste_file (ScDenialSidebar *self)
{
  if (self->paste_path != NULL)
    g_unlink (self->paste_path);
  g_clear_pointer (&self->paste_path, g_free);
}

/* Reads TEXT (records copied from a bug report, a terminal, a forum) as a
 * text log: the same parser as a log file, so what it understands there
 * it understands here. */
void
sc_denial_sidebar_load_text (ScDenialSidebar *self,
                             const char      *text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *owned = NULL;
  ScJournalOptions options = { 0 };
  int fd;

  g_return_if_fail (SC_IS_DENIAL_SIDEBAR (self));
  g_return_if_fail (text != NULL);

  fd = g_file_open_tmp ("snapconfine-pasted-XXXXXX.log", &path, &error);
  if (fd < 0)
    {
      _sc_denial_sidebar_emit_toast (self, adw_toast_new (error->message));
      return;
    }
  close (fd);
  /* Text copied from a page rarely ends with a newline; the last record
   * is a whole line all the same. */
  if (!g_str_has_suffix (text, "\n"))
    text = owned = g_strconcat (text, "\n", NULL);
  if (!g_file_set_contents_full (path, text, -1, G_FILE_SET_CONTENTS_NONE, 0600, &error))
    {
      g_unlink (path);
      _sc_denial_sidebar_emit_toast (self, adw_toast_new (error->message));
      return;
    }

  _sc_denial_sidebar_remove_paste_file (self);
  self->paste_path = g_steal_pointer (&path);
  options.type = SC_JOURNAL_SOURCE_LOG;
  options.path = self->paste_path;
  sc_denial_sidebar_set_source (self, &options);
}

static void
paste_text_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(ScDenialSidebar) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);

  if (text == NULL || strspn (text, " \t\r\n") == strlen (text))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _sc_denial_sidebar_emit_toast (self,
                                       adw_toast_new (_("The clipboard holds no text to read "
                                                        "records from")));
      return;
    }
  sc_denial_sidebar_load_text (self, text);
}

static void
paste_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (widget), NULL, paste_text_cb,
                                 g_object_ref (widget));
}

static void
paste_dialog_response_cb (AdwMessageDialog *dialog,
                          const char       *response,
                          ScDenialSidebar  *self)
{
  GtkTextBuffer *buffer = g_object_get_data (G_OBJECT (dialog), "sc-buffer");
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  if (g_strcmp0 (response, "show") != 0)
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (strspn (text, " \t\r\n") != strlen (text))
    sc_denial_sidebar_load_text (self, text);
}

static void
paste_dialog_clipboard_cb (GObject      *source,
                           GAsyncResult *result,
                           gpointer      user_data)
{
  g_autoptr(GtkTextBuffer) buffer = user_data;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);

  /* Only what looks like records, and only into an untouched box. */
  if (text != NULL && gtk_text_buffer_get_char_count (buffer) == 0 &&
      (strstr (text, "apparmor") != NULL || strstr (text, "audit") != NULL ||
       strstr (text, "seccomp") != NULL))
    gtk_text_buffer_set_text (buffer, text, -1);
}

static void
paste_records_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  ScDenialSidebar *self = SC_DENIAL_SIDEBAR (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog;
  GtkWidget *scrolled;
  GtkWidget *view;
  GtkTextBuffer *buffer;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Paste Records"),
                                   _("Paste denial records copied from a bug report, a forum "
                                     "or a terminal (journalctl, dmesg, snappy-debug) to see "
                                     "what they suggest."));
  view = gtk_text_view_new ();
  gtk_text_view_set_monospace (GTK_TEXT_VIEW (view), TRUE);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Records"), -1);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 160);
  gtk_scrolled_window_set_min_content_width (GTK_SCROLLED_WINDOW (scrolled), 280);
  gtk_widget_add_css_class (scrolled, "card");
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scrolled);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "show", _("_Show Suggestions"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "show",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "show");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  g_object_set_data_full (G_OBJECT (dialog), "sc-buffer", g_object_ref (buffer), g_object_unref);
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (widget), NULL,
                                 paste_dialog_clipboard_cb, g_object_ref (buffer));
  g_signal_connect_object (dialog, "response", G_CALLBACK (paste_dialog_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (view);
}


void
_sc_denial_sidebar_class_sources_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "sidebar.use-system-journal", NULL,
                                   use_system_journal_action);
  gtk_widget_class_install_action (widget_class, "sidebar.open-folder", NULL, open_folder_action);
  gtk_widget_class_install_action (widget_class, "sidebar.open-files", NULL, open_files_action);
  gtk_widget_class_install_action (widget_class, "sidebar.open-log", NULL, open_log_action);
  gtk_widget_class_install_action (widget_class, "sidebar.open-project-log", NULL,
                                   open_project_log_action);
  gtk_widget_class_install_action (widget_class, "sidebar.paste", NULL, paste_action);
  gtk_widget_class_install_action (widget_class, "sidebar.paste-records", NULL,
                                   paste_records_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_v, GDK_CONTROL_MASK,
                                       "sidebar.paste", NULL);
}
