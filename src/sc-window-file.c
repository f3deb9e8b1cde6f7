/* sc-window-file.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window and its file: writing with a review first, undo, and watching
 * snapcraft.yaml for changes made by other programs.
 */

#define G_LOG_DOMAIN "sc-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sc-file-util.h"
#include "sc-strict-dialog.h"
#include "sc-utils.h"
#include "sc-window-private.h"
#include "sc-yaml-document.h"

/* ---- Writing and undo --------------------------------------------------- */

gboolean
sc_window_write (ScWindow  *self,
                 gboolean   strict,
                 GError   **error)
{
  return sc_window_write_full (self, strict, SC_FILE_REPLACE_NONE, error);
}

gboolean
sc_window_write_full (ScWindow            *self,
                      gboolean             strict,
                      ScFileReplaceFlags   flags,
                      GError             **error)
{
  g_autoptr(ScEdit) edit = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (SC_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (self->project != NULL, FALSE);

  edit = sc_project_page_build_edit (self->project_page, strict, error);
  if (edit == NULL)
    return FALSE;
  if (sc_edit_is_empty (edit))
    return TRUE;

  before = g_bytes_ref (sc_project_get_bytes (self->project));
  path = g_strdup (sc_project_get_path (self->project));

  if (!sc_edit_write_full (edit, flags, error))
    return FALSE;

  if (!sc_window_reload (self, FALSE, error))
    return FALSE;

  g_clear_pointer (&self->undo_before, g_bytes_unref);
  g_clear_pointer (&self->undo_after, g_bytes_unref);
  self->undo_before = g_steal_pointer (&before);
  self->undo_after = g_bytes_ref (sc_project_get_bytes (self->project));
  sc_set_str (&self->undo_path, path);
  /* A write the user forced (a read-only file) is undone the same way. */
  self->undo_flags = flags;

  _sc_window_update_state (self);

  return TRUE;
}

gboolean
sc_window_undo_write (ScWindow  *self,
                      GError   **error)
{
  const char *before;
  gsize len = 0;

  g_return_val_if_fail (SC_IS_WINDOW (self), FALSE);

  if (self->undo_before == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("Nothing to undo"));
      return FALSE;
    }

  before = g_bytes_get_data (self->undo_before, &len);
  if (!sc_file_replace_atomic_full (self->undo_path, before != NULL ? before : "", len,
                                    self->undo_after, self->undo_flags, error))
    return FALSE;

  g_clear_pointer (&self->undo_before, g_bytes_unref);
  g_clear_pointer (&self->undo_after, g_bytes_unref);
  g_clear_pointer (&self->undo_path, g_free);

  if (self->project != NULL && !sc_window_reload (self, FALSE, error))
    return FALSE;

  _sc_window_update_state (self);

  return TRUE;
}

void
_sc_window_undo (ScWindow *self)
{
  /* Ticks since the last load or write go back one by one first. */
  if (!sc_project_page_undo_tick (self->project_page))
    _sc_window_undo_write (self);
}

void
_sc_window_undo_write (ScWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (!sc_window_undo_write (self, &error))
    {
      if (g_error_matches (error, SC_PROJECT_ERROR, SC_PROJECT_ERROR_CHANGED))
        _sc_window_show_error_dialog (self, _("Cannot Undo"), error);
      else
        _sc_window_show_error (self, error);
      return;
    }

  _sc_window_toast (self, _("Change undone"));
}

static void
written (ScWindow *self,
         gboolean  strict)
{
  AdwToast *t;

  t = adw_toast_new (strict ? _("Switched to strict confinement") : _("Plug changes saved"));
  adw_toast_set_button_label (t, _("_Undo"));
  adw_toast_set_action_name (t, "win.undo-write");
  adw_toast_set_priority (t, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, t);
}

static gboolean write_and_report (ScWindow           *self,
                                  gboolean            strict,
                                  ScFileReplaceFlags  flags);

static void
force_response_cb (ScWindow         *self,
                   const char       *response,
                   AdwMessageDialog *dialog)
{
  if (g_strcmp0 (response, "write") != 0)
    return;
  if (write_and_report (self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "sc-strict")),
                        SC_FILE_REPLACE_FORCE) &&
      g_object_get_data (G_OBJECT (dialog), "sc-close") != NULL)
    {
      /* Asked from the close dialog's Save: close once written. */
      self->closing = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
}

/* A read-only (or hard-linked) snapcraft.yaml is written only when the
 * user says so, as an editor asks; the core keeps its mode and owner.
 * CLOSE: the question comes from the close dialog's Save, and the window
 * closes once the file is written. */
void
_sc_window_ask_force (ScWindow     *self,
                      gboolean      strict,
                      const GError *error,
                      gboolean      close)
{
  GtkWidget *dialog;
  gboolean read_only = g_error_matches (error, SC_FILE_ERROR, SC_FILE_ERROR_READ_ONLY);

  dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                   read_only ? _("snapcraft.yaml Is Read-Only")
                                             : _("snapcraft.yaml Has Other Hard Links"),
                                   NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), "%s\n\n%s", error->message,
                                  read_only
                                  ? _("Write it anyway? It stays read-only afterwards.")
                                  : _("Write it anyway? The other links keep the old text."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "write", _("_Write Anyway"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "write",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "sc-strict", GINT_TO_POINTER (strict));
  g_object_set_data (G_OBJECT (dialog), "sc-close", GINT_TO_POINTER (close));
  g_signal_connect_object (dialog, "response", G_CALLBACK (force_response_cb), self,
                           G_CONNECT_SWAPPED);
  _sc_window_present_dialog (self, GTK_WINDOW (dialog));
}

static gboolean
write_and_report (ScWindow           *self,
                  gboolean            strict,
                  ScFileReplaceFlags  flags)
{
  g_autoptr(GError) error = NULL;
  gboolean was_strict = _sc_window_is_strict (self);

  if (!sc_window_write_full (self, strict, flags, &error))
    {
      if (flags == SC_FILE_REPLACE_NONE && sc_file_error_needs_force (error))
        _sc_window_ask_force (self, strict, error, FALSE);
      else
        _sc_window_show_error_dialog (self,
                                      g_error_matches (error, SC_PROJECT_ERROR,
                                                       SC_PROJECT_ERROR_CHANGED)
                                      ? _("The File Changed on Disk")
                                      : _("Could Not Write snapcraft.yaml"),
                                      error);
      return FALSE;
    }

  written (self, strict && !was_strict);
  return TRUE;
}

static void
review_response_cb (ScWindow       *self,
                    const char     *response,
                    ScStrictDialog *dialog)
{
  if (g_strcmp0 (response, "apply") != 0)
    return;

  write_and_report (self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "sc-strict")),
                    SC_FILE_REPLACE_NONE);
}

void
_sc_window_show_review (ScWindow *self,
                        gboolean  strict)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *diff = NULL;
  ScStrictDialog *dialog;
  gboolean switching;

  if (self->project == NULL)
    return;

  switching = strict && !_sc_window_is_strict (self);
  diff = sc_window_dup_pending_diff (self, switching, &error);
  if (diff == NULL)
    {
      _sc_window_show_error_dialog (self, _("Cannot Prepare the Change"), error);
      return;
    }
  if (*diff == '\0')
    {
      _sc_window_toast (self, _("Nothing to change"));
      return;
    }

  dialog = sc_strict_dialog_new (GTK_WINDOW (self),
                                 sc_project_get_display_path (self->project),
                                 diff, switching);
  if (sc_project_get_path (self->project) != NULL)
    {
      g_autofree char *outside = sc_file_get_outside_target (sc_project_get_path (self->project),
                                                             sc_project_get_root (self->project));

      if (outside != NULL)
        sc_strict_dialog_set_write_target (dialog, sc_project_get_display_path (self->project),
                                           outside);
    }
  g_object_set_data (G_OBJECT (dialog), "sc-strict", GINT_TO_POINTER (switching));
  g_signal_connect_object (dialog, "response", G_CALLBACK (review_response_cb), self,
                           G_CONNECT_SWAPPED);
  _sc_window_present_dialog (self, GTK_WINDOW (dialog));
}

void
_sc_window_save (ScWindow *self)
{
  if (self->project == NULL || !sc_window_has_pending (self))
    return;

  /* Once strict, saving ticks changes nothing about confinement, so it
   * needs no review. Before that, show what is written. */
  if (_sc_window_is_strict (self))
    write_and_report (self, FALSE, SC_FILE_REPLACE_NONE);
  else
    _sc_window_show_review (self, FALSE);
}

/* ---- Watching the file -------------------------------------------------- */

static void
reload_response_cb (ScWindow         *self,
                    const char       *response,
                    AdwMessageDialog *dialog)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "keep") == 0)
    {
      if (!sc_window_reload (self, TRUE, &error))
        _sc_window_show_error (self, error);
    }
  else if (g_strcmp0 (response, "discard") == 0)
    {
      if (!sc_window_reload (self, FALSE, &error))
        _sc_window_show_error (self, error);
      else
        _sc_window_toast (self, _("Reloaded snapcraft.yaml"));
    }
}

static void
ask_keep_or_discard (ScWindow *self)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                   _("snapcraft.yaml Changed on Disk"),
                                   _("Another program changed the file. Keep your unsaved plug "
                                     "changes on top of the new contents, or discard them?"));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "discard", _("_Discard Changes"),
                                    "keep", _("_Keep Changes"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "keep",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (reload_response_cb), self,
                           G_CONNECT_SWAPPED);
  _sc_window_present_dialog (self, GTK_WINDOW (dialog));
}

/* While snapcraft.yaml does not parse, the page keeps what it showed under
 * a banner and nothing can be written; the next change on disk that
 * parses again lifts it. */
static void
set_broken (ScWindow     *self,
            const GError *error)
{
  self->broken = error != NULL;
  sc_project_page_set_banner (self->project_page, error != NULL ? error->message : NULL);
  _sc_window_update_state (self);
}

static gboolean
check_disk_cb (gpointer user_data)
{
  ScWindow *self = user_data;
  g_autoptr(GBytes) current = NULL;
  const char *contents;
  g_autoptr(ScProject) parsed = NULL;
  g_autoptr(GError) error = NULL;
  gsize len = 0;
  GBytes *bytes;

  self->monitor_timeout_id = 0;

  if (self->project == NULL)
    return G_SOURCE_REMOVE;

  /* A question now would open over the dialog shown (a review whose diff
   * it makes stale): look again once that dialog is gone. */
  if (self->dialog != NULL)
    {
      self->disk_check_pending = TRUE;
      return G_SOURCE_REMOVE;
    }

  /* Never blocks, not even when the file became a FIFO. */
  current = sc_file_read_limited (sc_project_get_path (self->project), SC_YAML_MAX_SIZE, &error);
  if (current == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        _sc_window_toast (self, _("snapcraft.yaml was deleted; saving will fail until it is back"));
      else
        set_broken (self, error);
      return G_SOURCE_REMOVE;
    }
  contents = g_bytes_get_data (current, &len);

  bytes = sc_project_get_bytes (self->project);
  if (len == g_bytes_get_size (bytes) && memcmp (contents, g_bytes_get_data (bytes, NULL), len) == 0)
    {
      if (self->broken)
        set_broken (self, NULL);
      return G_SOURCE_REMOVE;
    }

  parsed = sc_project_load_from_data (sc_project_get_display_path (self->project),
                                      contents, len, &error);
  if (parsed == NULL)
    {
      set_broken (self, error);
      return G_SOURCE_REMOVE;
    }

  if (!sc_window_has_pending (self))
    {
      g_clear_error (&error);
      if (!sc_window_reload (self, FALSE, &error))
        _sc_window_show_error (self, error);
      else
        _sc_window_toast (self, _("Reloaded: snapcraft.yaml changed on disk"));
      return G_SOURCE_REMOVE;
    }

  if (self->broken)
    set_broken (self, NULL);
  ask_keep_or_discard (self);

  return G_SOURCE_REMOVE;
}

void
_sc_window_schedule_disk_check (ScWindow *self,
                     guint     delay_ms)
{
  g_clear_handle_id (&self->monitor_timeout_id, g_source_remove);
  self->monitor_timeout_id = g_timeout_add (delay_ms, check_disk_cb, self);
}

void
_sc_window_monitor_changed_cb (ScWindow          *self,
                               GFile             *file,
                               GFile             *other_file,
                               GFileMonitorEvent  event,
                               GFileMonitor      *monitor)
{
  switch (event)
    {
    case G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT:
    case G_FILE_MONITOR_EVENT_CREATED:
    case G_FILE_MONITOR_EVENT_DELETED:
    case G_FILE_MONITOR_EVENT_MOVED_IN:
    case G_FILE_MONITOR_EVENT_MOVED_OUT:
    case G_FILE_MONITOR_EVENT_RENAMED:
    case G_FILE_MONITOR_EVENT_CHANGED:
      /* Editors write in several steps; look once they are done. */
      _sc_window_schedule_disk_check (self, 200);
      break;

    case G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED:
    case G_FILE_MONITOR_EVENT_PRE_UNMOUNT:
    case G_FILE_MONITOR_EVENT_UNMOUNTED:
    case G_FILE_MONITOR_EVENT_MOVED:
    default:
      break;
    }
}
