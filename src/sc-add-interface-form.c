/* sc-add-interface-form.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-add-interface-form"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sc-add-interface-form.h"
#include "sc-plug-row.h"

typedef struct
{
  const char *key;
  const char *title;
  const char *example;   /* shown until the user types */
  gboolean    list;      /* a list of paths, comma-separated in the entry */
  gboolean    required;
} Field;

/* What snapd's interfaces check before they accept a plug (the
 * BeforePreparePlug of each, at the pinned snapd commit). */
static const struct
{
  const char *interface;
  const char *hint;
  Field       fields[3];
} forms[] = {
  { "personal-files",
    N_("snapd refuses a personal-files plug without the paths it opens. Paths start "
       "with $HOME/, several are separated by commas."),
    { { "read", N_("Read"), "$HOME/.config/app", TRUE, FALSE },
      { "write", N_("Read and write"), "$HOME/.local/share/app", TRUE, FALSE } } },
  { "system-files",
    N_("snapd refuses a system-files plug without the paths it opens. Paths are "
       "absolute, several are separated by commas."),
    { { "read", N_("Read"), "/etc/app", TRUE, FALSE },
      { "write", N_("Read and write"), "/var/lib/app", TRUE, FALSE } } },
  { "content",
    N_("A content plug needs the folder where the shared content appears; the default "
       "provider is the snap installed with it."),
    { { "target", N_("Target folder"), "$SNAP/data-dir/themes", FALSE, TRUE },
      { "default-provider", N_("Default provider"), "gtk-common-themes", FALSE, FALSE },
      { "content", N_("Content tag"), "gtk-3-themes", FALSE, FALSE } } },
  { "dbus",
    N_("A dbus plug talks to one well-known name on the session or system bus."),
    { { "bus", N_("Bus (session or system)"), "session", FALSE, TRUE },
      { "name", N_("Well-known name"), "org.example.Service", FALSE, TRUE } } },
};

struct _ScAddInterfaceForm
{
  AdwBin               parent_instance;

  GtkLabel            *error_label;
  GtkButton           *add_button;
  AdwEntryRow         *name_row;
  GHashTable          *entries;     /* key → AdwEntryRow*, borrowed */

  char                *interface;
  ScProject           *project;
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

/* snapd's rule for plug and slot names. */
static gboolean
is_valid_plug_name (const char *name)
{
  gboolean last_dash = TRUE;

  if (name == NULL || !g_ascii_islower (name[0]))
    return FALSE;
  for (const char *p = name; *p != '\0'; p++)
    {
      if (*p == '-')
        {
          if (last_dash)
            return FALSE;
          last_dash = TRUE;
        }
      else if (g_ascii_islower (*p) || g_ascii_isdigit (*p))
        last_dash = FALSE;
      else
        return FALSE;
    }
  return !last_dash;
}

static gboolean
name_in_use (ScAddInterfaceForm *self,
             const char         *name)
{
  const char * const *slots;

  if (self->project == NULL)
    return FALSE;
  if (sc_project_find_plug_def (self->project, name) != NULL)
    return TRUE;
  slots = sc_project_get_slot_names (self->project);
  return slots != NULL && g_strv_contains (slots, name);
}

/* A plug name from what the plug is for: "$HOME/.config/app" gives
 * "dot-config-app", "org.example.Service" gives "dbus-service". */
static char *
suggest_name (ScAddInterfaceForm *self)
{
  g_autoptr(GString) name = g_string_new (NULL);
  g_autofree char *base = NULL;
  const char *source = NULL;
  g_autofree char *candidate = NULL;

  if (g_strcmp0 (self->interface, "content") == 0)
    {
      source = entry_text (self, "content");
      if (*source == '\0')
        {
          base = g_path_get_basename (entry_text (self, "target"));
          source = base;
        }
    }
  else if (g_strcmp0 (self->interface, "dbus") == 0)
    {
      const char *dot = strrchr (entry_text (self, "name"), '.');

      g_string_append (name, "dbus-");
      source = dot != NULL ? dot + 1 : entry_text (self, "name");
    }
  else
    {
      g_auto(GStrv) read = split_list (entry_text (self, "read"));
      g_auto(GStrv) write = split_list (entry_text (self, "write"));

      source = write[0] != NULL ? write[0] : read[0];
      if (source != NULL && g_str_has_prefix (source, "$HOME/"))
        source += strlen ("$HOME/");
      if (source != NULL)
        base = g_strdup (source);
      source = base;
    }

  for (const char *p = source; p != NULL && *p != '\0'; p++)
    {
      gboolean start = p == source || p[-1] == '/';

      if (*p == '.' && start)
        g_string_append (name, "dot-");
      else if (g_ascii_isalnum (*p))
        g_string_append_c (name, g_ascii_tolower (*p));
      else if (name->len > 0 && name->str[name->len - 1] != '-')
        g_string_append_c (name, '-');
    }
  while (name->len > 0 && name->str[name->len - 1] == '-')
    g_string_truncate (name, name->len - 1);
  if (name->len > 40)
    g_string_truncate (name, 40);
  while (name->len > 0 && !g_ascii_islower (name->str[0]))
    g_string_erase (name, 0, 1);
  if (name->len == 0)
    g_string_append (name, self->interface);

  candidate = g_strdup (name->str);
  for (guint n = 2; name_in_use (self, candidate) && n < 100; n++)
    {
      g_free (candidate);
      candidate = g_strdup_printf ("%s-%u", name->str, n);
    }
  return g_steal_pointer (&candidate);
}

static gboolean
check_path (ScAddInterfaceForm *self,
            const char         *path,
            GString            *error)
{
  gboolean personal = g_strcmp0 (self->interface, "personal-files") == 0;

  if (strstr (path, "..") != NULL)
    /* Translators: %s is a path typed in the form. */
    g_string_printf (error, _("“%s” contains “..”, which snapd refuses"), path);
  else if (personal && !g_str_has_prefix (path, "$HOME/"))
    /* Translators: %s is a path typed in the form. */
    g_string_printf (error, _("“%s” must start with $HOME/"), path);
  else if (!personal && path[0] != '/')
    /* Translators: %s is a path typed in the form. */
    g_string_printf (error, _("“%s” must be an absolute path"), path);
  else if (g_str_has_suffix (path, "/") && strlen (path) > 1)
    /* Translators: %s is a path typed in the form. */
    g_string_printf (error, _("“%s” must not end with “/”"), path);
  return error->len == 0;
}

/* The first problem of the form, or NULL when it can be added. */
static char *
dup_problem (ScAddInterfaceForm *self)
{
  g_autoptr(GString) error = g_string_new (NULL);
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));

  if (g_strcmp0 (self->interface, "personal-files") == 0
      || g_strcmp0 (self->interface, "system-files") == 0)
    {
      g_auto(GStrv) read = split_list (entry_text (self, "read"));
      g_auto(GStrv) write = split_list (entry_text (self, "write"));

      if (read[0] == NULL && write[0] == NULL)
        return g_strdup (_("Give at least one path to read or write"));
      for (guint i = 0; read[i] != NULL; i++)
        if (!check_path (self, read[i], error))
          return g_string_free (g_steal_pointer (&error), FALSE);
      for (guint i = 0; write[i] != NULL; i++)
        if (!check_path (self, write[i], error))
          return g_string_free (g_steal_pointer (&error), FALSE);
    }
  else if (g_strcmp0 (self->interface, "content") == 0)
    {
      g_autofree char *target = g_strstrip (g_strdup (entry_text (self, "target")));

      if (*target == '\0')
        return g_strdup (_("Give the target folder"));
    }
  else if (g_strcmp0 (self->interface, "dbus") == 0)
    {
      const char *bus = entry_text (self, "bus");
      const char *bus_name = entry_text (self, "name");

      if (g_strcmp0 (bus, "session") != 0 && g_strcmp0 (bus, "system") != 0)
        return g_strdup (_("The bus is “session” or “system”"));
      if (!g_dbus_is_name (bus_name) || g_dbus_is_unique_name (bus_name))
        return g_strdup (_("Give a well-known D-Bus name such as org.example.Service"));
    }

  if (!is_valid_plug_name (name))
    return g_strdup (_("The plug name takes lower-case letters, digits and single dashes, "
                       "and starts with a letter"));
  if (name_in_use (self, name))
    /* Translators: %s is a plug name. */
    return g_strdup_printf (_("The project already defines “%s”"), name);

  return NULL;
}

static void
update_state (ScAddInterfaceForm *self)
{
  g_autofree char *problem = NULL;

  if (!self->name_edited)
    {
      g_autofree char *name = suggest_name (self);

      self->setting_name = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), name);
      self->setting_name = FALSE;
    }

  problem = dup_problem (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button), problem == NULL);
  gtk_label_set_label (self->error_label, problem != NULL ? problem : "");
}

static void
entry_changed_cb (ScAddInterfaceForm *self,
                  GtkEditable        *editable)
{
  if (self->setting_name)
    return;
  if (editable == GTK_EDITABLE (self->name_row))
    self->name_edited = TRUE;
  update_state (self);
}

static GVariant *
build_definition (ScAddInterfaceForm *self)
{
  g_auto(GVariantBuilder) builder = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE_VARDICT);

  g_variant_builder_add (&builder, "{sv}", "interface", g_variant_new_string (self->interface));
  for (guint i = 0; i < G_N_ELEMENTS (forms[self->form].fields); i++)
    {
      const Field *field = &forms[self->form].fields[i];
      g_autofree char *text = NULL;

      if (field->key == NULL)
        break;
      text = g_strstrip (g_strdup (entry_text (self, field->key)));
      if (*text == '\0')
        continue;
      if (field->list)
        {
          g_auto(GStrv) items = split_list (text);
          g_auto(GVariantBuilder) list = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE ("av"));

          for (guint j = 0; items[j] != NULL; j++)
            g_variant_builder_add (&list, "v", g_variant_new_string (items[j]));
          g_variant_builder_add (&builder, "{sv}", field->key, g_variant_builder_end (&list));
        }
      else
        g_variant_builder_add (&builder, "{sv}", field->key, g_variant_new_string (text));
    }

  return g_variant_builder_end (&builder);
}

gboolean
sc_add_interface_form_submit (ScAddInterfaceForm *self)
{
  g_autofree char *problem = NULL;
  g_autoptr(GVariant) definition = NULL;

  g_return_val_if_fail (SC_IS_ADD_INTERFACE_FORM (self), FALSE);

  problem = dup_problem (self);
  if (problem != NULL)
    {
      gtk_label_set_label (self->error_label, problem);
      return FALSE;
    }

  definition = g_variant_ref_sink (build_definition (self));
  g_signal_emit (self, signals[PLUG_CHOSEN], 0,
                 gtk_editable_get_text (GTK_EDITABLE (self->name_row)), definition);
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

  update_state (self);
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
                           ScProject  *project)
{
  ScAddInterfaceForm *self;

  g_return_val_if_fail (sc_add_interface_form_needs_form (interface), NULL);

  self = g_object_new (SC_TYPE_ADD_INTERFACE_FORM, NULL);
  self->interface = g_strdup (interface);
  if (project != NULL)
    self->project = g_object_ref (project);
  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    if (g_strcmp0 (forms[i].interface, interface) == 0)
      self->form = i;
  build (self);

  return GTK_WIDGET (self);
}
