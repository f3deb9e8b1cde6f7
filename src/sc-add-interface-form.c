/* sc-add-interface-form.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-add-interface-form"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-add-interface-form.h"
#include "sc-plug-row.h"

typedef struct
{
  const char *key;
  const char *title;
  const char *example;   /* shown until the user types */
  gboolean    list;      /* a list of paths, comma-separated in the entry */
} Field;

/* The attributes each form asks for; the core (sc-plug-rules.h) says
 * which snapd requires and checks them. */
static const struct
{
  const char *interface;
  const char *hint;
  Field       fields[3];
} forms[] = {
  { "personal-files",
    N_("snapd refuses a personal-files plug without the paths it opens. Paths start "
       "with $HOME/, several are separated by commas."),
    { { "read", N_("Read"), "$HOME/.config/app", TRUE },
      { "write", N_("Read and write"), "$HOME/.local/share/app", TRUE } } },
  { "system-files",
    N_("snapd refuses a system-files plug without the paths it opens. Paths are "
       "absolute, several are separated by commas."),
    { { "read", N_("Read"), "/etc/app", TRUE },
      { "write", N_("Read and write"), "/var/lib/app", TRUE } } },
  { "content",
    N_("A content plug needs the folder where the shared content appears; the default "
       "provider is the snap installed with it."),
    { { "target", N_("Target folder"), "$SNAP/data-dir/themes", FALSE },
      { "default-provider", N_("Default provider"), "gtk-common-themes", FALSE },
      { "content", N_("Content tag"), "gtk-3-themes", FALSE } } },
  { "dbus",
    N_("A dbus plug talks to one well-known name on the session or system bus."),
    { { "bus", N_("Bus (session or system)"), "session", FALSE },
      { "name", N_("Well-known name"), "org.example.Service", FALSE } } },
};

struct _ScAddInterfaceForm
{
  AdwBin               parent_instance;

  GtkLabel            *error_label;
  GtkButton           *add_button;
  AdwEntryRow         *name_row;
  GHashTable          *entries;     /* key → AdwEntryRow*, borrowed */

  char                *interface;
  char                *target;
  ScProject           *project;
  ScAddInterfaceEditFunc edit_func;
  gpointer             edit_data;
  guint                form;
  gboolean             name_edited;  /* the user typed a plug name */
  gboolean             setting_name;
};

G_DEFINE_FINAL_TYPE (ScAddInterfaceForm, sc_add_interface_form, ADW_TYPE_BIN)

enum {
  PLUG_CHOSEN,
  BACK,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

gboolean
sc_add_interface_form_needs_form (const char *interface)
{
  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    if (g_strcmp0 (forms[i].interface, interface) == 0)
      return TRUE;
  return FALSE;
}

static const char *
entry_text (ScAddInterfaceForm *self,
            const char         *key)
{
  AdwEntryRow *row = g_hash_table_lookup (self->entries, key);

  return row != NULL ? gtk_editable_get_text (GTK_EDITABLE (row)) : "";
}

/* The comma-separated items of TEXT, trimmed, without empty ones. */
static GStrv
split_list (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);
  GPtrArray *out = g_ptr_array_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *item = g_strstrip (parts[i]);

      if (*item != '\0')
        g_ptr_array_add (out, g_strdup (item));
    }
  g_ptr_array_add (out, NULL);
  return (GStrv)g_ptr_array_free (out, FALSE);
}

/* The plug the fields describe, as the CLI's
 * "--plug TARGET=[NAME=]INTERFACE:ATTR=VALUE,…" would: NULL with ERROR when
 * an attribute is refused. */
static ScPlugSpec *
build_spec (ScAddInterfaceForm  *self,
            gboolean            *empty,
            GError             **error)
{
  const char *typed = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  g_autofree char *name = g_strstrip (g_strdup (typed));
  g_autoptr(ScPlugSpec) spec = sc_plug_spec_new (self->interface,
                                                 self->name_edited && *name != '\0' ? name : NULL);

  *empty = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (forms[self->form].fields); i++)
    {
      const Field *field = &forms[self->form].fields[i];
      g_autofree char *text = NULL;

      if (field->key == NULL)
        break;
      text = g_strstrip (g_strdup (entry_text (self, field->key)));
      if (*text == '\0')
        continue;
      /* The bus has a default; it alone is not something typed. */
      if (g_strcmp0 (field->key, "bus") != 0)
        *empty = FALSE;
      if (field->list)
        {
          g_auto(GStrv) items = split_list (text);

          for (guint j = 0; items[j] != NULL; j++)
            if (!sc_plug_spec_add_attribute (spec, field->key, items[j], error))
              return NULL;
        }
      else if (!sc_plug_spec_add_attribute (spec, field->key, text, error))
        return NULL;
    }
  return g_steal_pointer (&spec);
}

/* Names and checks the plug through the core, on a scratch edit of the
 * project: the name it gets (PLUG_NAME) and its definition, or NULL with
 * the core's error. EMPTY tells that nothing was typed yet. */
static GVariant *
resolve (ScAddInterfaceForm  *self,
         char               **plug_name,
         gboolean            *empty,
         GError             **error)
{
  g_autoptr(ScPlugSpec) spec = build_spec (self, empty, error);
  g_autoptr(ScEdit) edit = NULL;

  *plug_name = NULL;
  if (spec == NULL)
    return NULL;
  if (self->project == NULL || self->target == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED, _("No project is open"));
      return NULL;
    }
  edit = self->edit_func != NULL ? self->edit_func (self->edit_data, error)
                                 : sc_edit_new (self->project);
  if (edit == NULL)
    return NULL;
  if (!sc_edit_add_plug_spec (edit, self->target, spec, plug_name, error))
    {
      g_clear_pointer (plug_name, g_free);
      return NULL;
    }
  return sc_plug_spec_dup_definition (spec);
}

/* SHOW_NAME: put the name the core chose in the name row, unless the user
 * typed one; not while the user edits that row (emptying it goes back to
 * the chosen name at the next change elsewhere). */
static void
update_state (ScAddInterfaceForm *self,
              gboolean            show_name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GVariant) definition = NULL;
  gboolean empty = TRUE;

  definition = resolve (self, &name, &empty, &error);
  if (show_name && !self->name_edited && name != NULL)
    {
      self->setting_name = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), name);
      self->setting_name = FALSE;
    }

  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button), definition != NULL);
  /* Nothing typed yet is no error to show. */
  gtk_label_set_label (self->error_label, error != NULL && !empty ? error->message : "");
}

static void
entry_changed_cb (ScAddInterfaceForm *self,
                  GtkEditable        *editable)
{
  if (self->setting_name)
    return;
  if (editable == GTK_EDITABLE (self->name_row))
    self->name_edited = *gtk_editable_get_text (editable) != '\0';
  update_state (self, editable != GTK_EDITABLE (self->name_row));
}

gboolean
sc_add_interface_form_submit (ScAddInterfaceForm *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GVariant) definition = NULL;
  gboolean empty = TRUE;

  g_return_val_if_fail (SC_IS_ADD_INTERFACE_FORM (self), FALSE);

  definition = resolve (self, &name, &empty, &error);
  if (definition == NULL)
    {
      gtk_label_set_label (self->error_label, error->message);
      return FALSE;
    }

  g_signal_emit (self, signals[PLUG_CHOSEN], 0, name, definition);
  return TRUE;
}

static void
existing_activated_cb (ScAddInterfaceForm *self,
                       AdwActionRow       *row)
{
  g_signal_emit (self, signals[PLUG_CHOSEN], 0,
                 g_object_get_data (G_OBJECT (row), "sc-plug"), NULL);
}

static GtkWidget *
existing_group_new (ScAddInterfaceForm *self)
{
  GtkWidget *group = NULL;
  GPtrArray *defs = self->project != NULL ? sc_project_get_plug_defs (self->project) : NULL;

  for (guint i = 0; defs != NULL && i < defs->len; i++)
    {
      ScPlugDef *def = g_ptr_array_index (defs, i);
      g_autofree char *attrs = NULL;
      g_autofree char *subtitle = NULL;
      GtkWidget *row;

      if (g_strcmp0 (def->interface, self->interface) != 0)
        continue;
      if (group == NULL)
        {
          group = adw_preferences_group_new ();
          adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group),
                                           _("Defined in the Project"));
        }
      attrs = sc_plug_format_attributes (def->attributes);
      subtitle = g_markup_escape_text (attrs, -1);
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), def->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "sc-plug", g_strdup (def->name), g_free);
      gtk_widget_set_name (row, def->name);
      g_signal_connect_object (row, "activated", G_CALLBACK (existing_activated_cb), self,
                               G_CONNECT_SWAPPED);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }

  return group;
}

static AdwEntryRow *
entry_row_new (ScAddInterfaceForm *self,
               const char         *key,
               const char         *title,
               const char         *text)
{
  AdwEntryRow *row = ADW_ENTRY_ROW (adw_entry_row_new ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_name (GTK_WIDGET (row), key);
  if (text != NULL)
    gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_connect_object (row, "changed", G_CALLBACK (entry_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "entry-activated", G_CALLBACK (sc_add_interface_form_submit),
                           self, G_CONNECT_SWAPPED);
  g_hash_table_insert (self->entries, (gpointer)key, row);
  return row;
}

static void
back_clicked_cb (ScAddInterfaceForm *self)
{
  g_signal_emit (self, signals[BACK], 0);
}

static void
build (ScAddInterfaceForm *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *hint = gtk_label_new (_(forms[self->form].hint));
  GtkWidget *existing = existing_group_new (self);
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *back = gtk_button_new_with_mnemonic (_("_Back"));
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();

  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_label_set_xalign (GTK_LABEL (hint), 0);
  gtk_widget_add_css_class (hint, "dim-label");
  gtk_box_append (GTK_BOX (box), hint);
  if (existing != NULL)
    gtk_box_append (GTK_BOX (box), existing);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group),
                                   existing != NULL ? _("Or a New Definition")
                                                    : _("New Definition"));
  for (guint i = 0; i < G_N_ELEMENTS (forms[self->form].fields); i++)
    {
      const Field *field = &forms[self->form].fields[i];
      AdwEntryRow *row;

      if (field->key == NULL)
        break;
      row = entry_row_new (self, field->key, _(field->title),
                           g_strcmp0 (field->key, "bus") == 0 ? "session" : NULL);
      gtk_widget_set_tooltip_text (GTK_WIDGET (row), field->example);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (row));
    }
  self->name_row = entry_row_new (self, "plug-name", _("Plug name"), NULL);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->name_row));
  gtk_box_append (GTK_BOX (box), group);

  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->error_label));

  self->add_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Add")));
  gtk_widget_add_css_class (GTK_WIDGET (self->add_button), "suggested-action");
  g_signal_connect_object (self->add_button, "clicked", G_CALLBACK (sc_add_interface_form_submit),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (back, "clicked", G_CALLBACK (back_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (buttons), back);
  gtk_box_append (GTK_BOX (buttons), GTK_WIDGET (self->add_button));
  gtk_box_append (GTK_BOX (box), buttons);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  adw_bin_set_child (ADW_BIN (self), scroller);

  update_state (self, TRUE);
}

void
sc_add_interface_form_set_edit_func (ScAddInterfaceForm     *self,
                                     ScAddInterfaceEditFunc  func,
                                     gpointer                user_data)
{
  g_return_if_fail (SC_IS_ADD_INTERFACE_FORM (self));

  self->edit_func = func;
  self->edit_data = user_data;
}

AdwEntryRow *
sc_add_interface_form_get_entry (ScAddInterfaceForm *self,
                                 const char         *key)
{
  g_return_val_if_fail (SC_IS_ADD_INTERFACE_FORM (self), NULL);
  return g_hash_table_lookup (self->entries, key);
}

static void
sc_add_interface_form_finalize (GObject *object)
{
  ScAddInterfaceForm *self = (ScAddInterfaceForm *)object;

  g_clear_pointer (&self->entries, g_hash_table_unref);
  g_clear_pointer (&self->interface, g_free);
  g_clear_pointer (&self->target, g_free);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (sc_add_interface_form_parent_class)->finalize (object);
}

static void
sc_add_interface_form_class_init (ScAddInterfaceFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sc_add_interface_form_finalize;

  signals[PLUG_CHOSEN] = g_signal_new ("plug-chosen",
                                       G_TYPE_FROM_CLASS (klass),
                                       G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL,
                                       G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_VARIANT);
  signals[BACK] = g_signal_new ("back",
                                G_TYPE_FROM_CLASS (klass),
                                G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL,
                                G_TYPE_NONE, 0);
}

static void
sc_add_interface_form_init (ScAddInterfaceForm *self)
{
  self->entries = g_hash_table_new (g_str_hash, g_str_equal);
}

GtkWidget *
sc_add_interface_form_new (const char *interface,
                           ScProject  *project,
                           const char *target)
{
  ScAddInterfaceForm *self;

  g_return_val_if_fail (sc_add_interface_form_needs_form (interface), NULL);

  self = g_object_new (SC_TYPE_ADD_INTERFACE_FORM, NULL);
  self->interface = g_strdup (interface);
  self->target = g_strdup (target);
  if (project != NULL)
    self->project = g_object_ref (project);
  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    if (g_strcmp0 (forms[i].interface, interface) == 0)
      self->form = i;
  build (self);

  return GTK_WIDGET (self);
}
