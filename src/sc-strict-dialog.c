/* sc-strict-dialog.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-strict-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sc-strict-dialog.h"

struct _ScStrictDialog
{
  AdwMessageDialog  parent_instance;

  /* Template widgets */
  GtkTextView      *text_view;

  /* Owned */
  char             *diff;
};

G_DEFINE_FINAL_TYPE (ScStrictDialog, sc_strict_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
sc_strict_dialog_finalize (GObject *object)
{
  ScStrictDialog *self = (ScStrictDialog *)object;

  g_clear_pointer (&self->diff, g_free);

  G_OBJECT_CLASS (sc_strict_dialog_parent_class)->finalize (object);
}

static void
sc_strict_dialog_class_init (ScStrictDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = sc_strict_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/SnapConfine/sc-strict-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ScStrictDialog, text_view);
}

/* Text tags take no CSS colours, so the diff picks libadwaita's palette
 * for the style in use: the darker shades on a light background, the
 * lighter ones on a dark background, each at least 4.5:1 against it. */
static void
update_colors (ScStrictDialog *self)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (gtk_text_view_get_buffer (self->text_view));
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());

  g_object_set (gtk_text_tag_table_lookup (table, "added"),
                "foreground", dark ? "#8ff0a4" : "#1b7a43",
                "paragraph-background", dark ? "rgba(46,194,126,0.16)" : "rgba(46,194,126,0.12)",
                NULL);
  g_object_set (gtk_text_tag_table_lookup (table, "removed"),
                "foreground", dark ? "#ffa49c" : "#c01c28",
                "paragraph-background", dark ? "rgba(255,123,99,0.16)" : "rgba(224,27,36,0.10)",
                NULL);
  g_object_set (gtk_text_tag_table_lookup (table, "hunk"),
                "foreground", dark ? "#99c1f1" : "#1a5fb4",
                NULL);
}

static void
sc_strict_dialog_init (ScStrictDialog *self)
{
  GtkTextBuffer *buffer;

  gtk_widget_init_template (GTK_WIDGET (self));

  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_create_tag (buffer, "added", NULL);
  gtk_text_buffer_create_tag (buffer, "removed", NULL);
  gtk_text_buffer_create_tag (buffer, "hunk", NULL);
  update_colors (self);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (update_colors), self, G_CONNECT_SWAPPED);
  gtk_text_buffer_create_tag (buffer, "header",
                              "weight", PANGO_WEIGHT_BOLD,
                              NULL);
}

static void
fill_buffer (ScStrictDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  const char *line = self->diff;
  GtkTextIter end;

  gtk_text_buffer_set_text (buffer, "", 0);

  while (line != NULL && *line != '\0')
    {
      const char *eol = strchr (line, '\n');
      gsize len = eol != NULL ? (gsize)(eol - line + 1) : strlen (line);
      const char *tag = NULL;

      if (g_str_has_prefix (line, "+++ ") || g_str_has_prefix (line, "--- "))
        tag = "header";
      else if (line[0] == '+')
        tag = "added";
      else if (line[0] == '-')
        tag = "removed";
      else if (g_str_has_prefix (line, "@@"))
        tag = "hunk";

      gtk_text_buffer_get_end_iter (buffer, &end);
      if (tag != NULL)
        gtk_text_buffer_insert_with_tags_by_name (buffer, &end, line, len, tag, NULL);
      else
        gtk_text_buffer_insert (buffer, &end, line, len);

      line += len;
    }
}

ScStrictDialog *
sc_strict_dialog_new (GtkWindow  *parent,
                      const char *display_path,
                      const char *diff,
                      gboolean    switching)
{
  ScStrictDialog *self;
  g_autofree char *body = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (diff != NULL, NULL);

  self = g_object_new (SC_TYPE_STRICT_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->diff = g_strdup (diff);

  if (switching)
    /* Translators: %s is the path of the snapcraft.yaml file. */
    body = g_strdup_printf (_("These lines of %s will change. The file is checked before it "
                              "is written, and you can undo the change afterwards."),
                            display_path);
  else
    {
      /* Translators: %s is the path of the snapcraft.yaml file. */
      body = g_strdup_printf (_("These lines of %s will change. Confinement stays as it is."),
                              display_path);
      adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), _("Save Plug Changes?"));
      adw_message_dialog_set_response_label (ADW_MESSAGE_DIALOG (self), "apply", _("_Save"));
    }
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), body);

  fill_buffer (self);

  return self;
}

void
sc_strict_dialog_set_write_target (ScStrictDialog *self,
                                   const char     *display_path,
                                   const char     *target)
{
  g_autofree char *body = NULL;

  g_return_if_fail (SC_IS_STRICT_DIALOG (self));
  g_return_if_fail (display_path != NULL && target != NULL);

  /* Translators: the first %s is the body above, the second the path of
   * snapcraft.yaml in the project, the third an absolute path elsewhere. */
  body = g_strdup_printf (_("%s\n\n%s is a symlink out of the project: the bytes will be "
                            "written to %s."),
                          adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (self)),
                          display_path, target);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), body);
}

const char *
sc_strict_dialog_get_diff (ScStrictDialog *self)
{
  g_return_val_if_fail (SC_IS_STRICT_DIALOG (self), NULL);
  return self->diff;
}

GtkTextBuffer *
sc_strict_dialog_get_buffer (ScStrictDialog *self)
{
  g_return_val_if_fail (SC_IS_STRICT_DIALOG (self), NULL);
  return gtk_text_view_get_buffer (self->text_view);
}
