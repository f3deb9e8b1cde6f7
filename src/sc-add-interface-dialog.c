/* sc-add-interface-dialog.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-add-interface-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sc-add-interface-dialog.h"
#include "sc-add-interface-form.h"
#include "sc-interface-catalogue.h"

struct _ScAddInterfaceDialog
{
  AdwWindow       parent_instance;

  /* Template widgets */
  GtkSearchEntry *search_entry;
  GtkDropDown    *target_dropdown;
  GtkListBox     *list_box;
  GtkStack       *stack;

  /* The second step for an interface that needs attributes, or NULL */
  ScAddInterfaceForm *form;

  /* Owned */
  ScProject      *project;
  char           *form_target;
  ScAddInterfaceEditFunc edit_func;
  gpointer        edit_data;
  GStrv           targets;
  GPtrArray      *rows;      /* of GtkListBoxRow*, borrowed, in display order */
};

G_DEFINE_FINAL_TYPE (ScAddInterfaceDialog, sc_add_interface_dialog, ADW_TYPE_WINDOW)

enum {
  INTERFACE_CHOSEN,
  PLUG_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkWidget *
create_row (const ScInterfaceInfo *info)
{
  GtkWidget *row;
  GtkWidget *badge;
  GtkWidget *category;
  GtkWidget *box;
  g_autofree char *description = g_markup_escape_text (_(info->description), -1);

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), info->name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), description);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), "sc-interface", (gpointer)info->name);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);

  badge = gtk_label_new (sc_interface_connection_label (info));
  gtk_widget_add_css_class (badge, "pill");
  if (info->store_approval)
    gtk_widget_add_css_class (badge, "store-approval");
  else if (info->auto_connect)
    gtk_widget_add_css_class (badge, "auto-connect");
  else
    gtk_widget_add_css_class (badge, "manual-connect");
  gtk_widget_set_halign (badge, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (box), badge);

  category = gtk_label_new (info->category);
  gtk_widget_add_css_class (category, "caption");
  gtk_widget_add_css_class (category, "dim-label");
  gtk_widget_set_halign (category, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (box), category);

  adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);

  return row;
}

static void
clear_rows (ScAddInterfaceDialog *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);
  g_ptr_array_set_size (self->rows, 0);
}

static void
refilter (ScAddInterfaceDialog *self)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  clear_rows (self);

  if (query == NULL || *query == '\0')
    {
      guint n = 0;
      const ScInterfaceInfo *all = sc_interface_catalogue_get_all (&n);

      for (guint i = 0; i < n; i++)
        {
          GtkWidget *row = create_row (&all[i]);

          gtk_list_box_append (self->list_box, row);
          g_ptr_array_add (self->rows, row);
        }
    }
  else
    {
      g_autoptr(GPtrArray) found = sc_interface_catalogue_search (query);

      for (guint i = 0; found != NULL && i < found->len; i++)
        {
          GtkWidget *row = create_row (g_ptr_array_index (found, i));

          gtk_list_box_append (self->list_box, row);
          g_ptr_array_add (self->rows, row);
        }
    }

  gtk_stack_set_visible_child_name (self->stack, self->rows->len > 0 ? "results" : "empty");
}

static void
search_changed_cb (ScAddInterfaceDialog *self)
{
  refilter (self);
}

static void
form_plug_chosen_cb (ScAddInterfaceDialog *self,
                     const char           *plug,
                     GVariant             *definition,
                     ScAddInterfaceForm   *form)
{
  g_signal_emit (self, signals[PLUG_CHOSEN], 0, self->form_target, plug, definition);
  gtk_window_close (GTK_WINDOW (self));
}

static void
form_back_cb (ScAddInterfaceDialog *self)
{
  GtkWidget *form = GTK_WIDGET (self->form);

  self->form = NULL;
  gtk_stack_set_visible_child_name (self->stack, "results");
  gtk_stack_remove (self->stack, form);
  gtk_widget_set_sensitive (GTK_WIDGET (self->search_entry), TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->target_dropdown), TRUE);
}

/* personal-files, content… are not added bare (snapd would refuse the
 * snap): the form asks for their attributes first. */
static void
show_form (ScAddInterfaceDialog *self,
           const char           *target,
           const char           *interface)
{
  g_free (self->form_target);
  self->form_target = g_strdup (target);
  self->form = SC_ADD_INTERFACE_FORM (sc_add_interface_form_new (interface, self->project,
                                                                 target));
  sc_add_interface_form_set_edit_func (self->form, self->edit_func, self->edit_data);
  g_signal_connect_object (self->form, "plug-chosen", G_CALLBACK (form_plug_chosen_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->form, "back", G_CALLBACK (form_back_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->form), "form");
  gtk_stack_set_visible_child_name (self->stack, "form");
  gtk_widget_set_sensitive (GTK_WIDGET (self->search_entry), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->target_dropdown), FALSE);
  gtk_widget_child_focus (GTK_WIDGET (self->form), GTK_DIR_TAB_FORWARD);
}

static void
choose (ScAddInterfaceDialog *self,
        const char           *interface)
{
  guint selected = gtk_drop_down_get_selected (self->target_dropdown);

  if (interface == NULL || self->targets == NULL || selected >= g_strv_length (self->targets))
    return;

  if (sc_add_interface_form_needs_form (interface))
    {
      show_form (self, self->targets[selected], interface);
      return;
    }

  g_signal_emit (self, signals[INTERFACE_CHOSEN], 0, self->targets[selected], interface);
  gtk_window_close (GTK_WINDOW (self));
}

static void
search_activate_cb (ScAddInterfaceDialog *self)
{
  if (self->rows->len > 0)
    choose (self, g_object_get_data (g_ptr_array_index (self->rows, 0), "sc-interface"));
}

/* Down from the search entry goes to the results, as in GNOME Settings'
 * search. */
static gboolean
search_key_pressed_cb (ScAddInterfaceDialog  *self,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       GtkEventControllerKey *controller)
{
  if ((keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down) || self->rows->len == 0)
    return GDK_EVENT_PROPAGATE;

  gtk_widget_grab_focus (g_ptr_array_index (self->rows, 0));
  return GDK_EVENT_STOP;
}

static void
row_activated_cb (ScAddInterfaceDialog *self,
                  GtkListBoxRow        *row)
{
  choose (self, g_object_get_data (G_OBJECT (row), "sc-interface"));
}

static void
sc_add_interface_dialog_finalize (GObject *object)
{
  ScAddInterfaceDialog *self = (ScAddInterfaceDialog *)object;

  g_clear_pointer (&self->targets, g_strfreev);
  g_clear_pointer (&self->form_target, g_free);
  g_clear_object (&self->project);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (sc_add_interface_dialog_parent_class)->finalize (object);
}

static void
sc_add_interface_dialog_class_init (ScAddInterfaceDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = sc_add_interface_dialog_finalize;

  /**
   * ScAddInterfaceDialog::interface-chosen:
   * @target: the app name or "hook:NAME"
   * @interface: the interface (and plug) name
   */
  signals[INTERFACE_CHOSEN] =
    g_signal_new ("interface-chosen",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  /**
   * ScAddInterfaceDialog::plug-chosen:
   * @target: the app name or "hook:NAME"
   * @plug: the plug name
   * @definition: (nullable): the new top-level definition (a{sv} with
   *   "interface"), or NULL for a definition the project has
   */
  signals[PLUG_CHOSEN] =
    g_signal_new ("plug-chosen",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_VARIANT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/SnapConfine/sc-add-interface-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ScAddInterfaceDialog, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ScAddInterfaceDialog, target_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ScAddInterfaceDialog, list_box);
  gtk_widget_class_bind_template_child (widget_class, ScAddInterfaceDialog, stack);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
}

static void
sc_add_interface_dialog_init (ScAddInterfaceDialog *self)
{
  GtkEventController *key;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_ptr_array_new ();
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));

  key = gtk_event_controller_key_new ();
  g_signal_connect_object (key, "key-pressed", G_CALLBACK (search_key_pressed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), key);
}

ScAddInterfaceDialog *
sc_add_interface_dialog_new (GtkWindow          *parent,
                             const char * const *targets,
                             const char         *target)
{
  ScAddInterfaceDialog *self;
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  guint selected = 0;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  self = g_object_new (SC_TYPE_ADD_INTERFACE_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->targets = g_strdupv ((char **)targets);

  for (guint i = 0; targets != NULL && targets[i] != NULL; i++)
    {
      if (g_str_has_prefix (targets[i], "hook:"))
        {
          /* Translators: an entry of the “Add to” list; %s is a hook name. */
          g_autofree char *label = g_strdup_printf (_("%s hook"), targets[i] + strlen ("hook:"));

          gtk_string_list_append (labels, label);
        }
      else
        gtk_string_list_append (labels, targets[i]);

      if (g_strcmp0 (targets[i], target) == 0)
        selected = i;
    }

  gtk_drop_down_set_model (self->target_dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->target_dropdown, selected);

  refilter (self);

  return self;
}

void
sc_add_interface_dialog_set_query (ScAddInterfaceDialog *self,
                                   const char           *query)
{
  g_return_if_fail (SC_IS_ADD_INTERFACE_DIALOG (self));

  g_signal_handlers_block_by_func (self->search_entry, search_changed_cb, self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), query != NULL ? query : "");
  g_signal_handlers_unblock_by_func (self->search_entry, search_changed_cb, self);
  refilter (self);
}

guint
sc_add_interface_dialog_get_n_results (ScAddInterfaceDialog *self)
{
  g_return_val_if_fail (SC_IS_ADD_INTERFACE_DIALOG (self), 0);
  return self->rows->len;
}

const char *
sc_add_interface_dialog_get_result (ScAddInterfaceDialog *self,
                                    guint                 index)
{
  g_return_val_if_fail (SC_IS_ADD_INTERFACE_DIALOG (self), NULL);

  if (index >= self->rows->len)
    return NULL;
  return g_object_get_data (g_ptr_array_index (self->rows, index), "sc-interface");
}

void
sc_add_interface_dialog_activate_result (ScAddInterfaceDialog *self,
                                         guint                 index)
{
  g_return_if_fail (SC_IS_ADD_INTERFACE_DIALOG (self));
  g_return_if_fail (index < self->rows->len);

  g_signal_emit_by_name (self->list_box, "row-activated", g_ptr_array_index (self->rows, index));
}

void
sc_add_interface_dialog_set_project (ScAddInterfaceDialog *self,
                                     ScProject            *project)
{
  g_return_if_fail (SC_IS_ADD_INTERFACE_DIALOG (self));

  g_set_object (&self->project, project);
}

void
sc_add_interface_dialog_set_edit_func (ScAddInterfaceDialog   *self,
                                       ScAddInterfaceEditFunc  func,
                                       gpointer                user_data)
{
  g_return_if_fail (SC_IS_ADD_INTERFACE_DIALOG (self));

  self->edit_func = func;
  self->edit_data = user_data;
}

ScAddInterfaceForm *
sc_add_interface_dialog_get_form (ScAddInterfaceDialog *self)
{
  g_return_val_if_fail (SC_IS_ADD_INTERFACE_DIALOG (self), NULL);
  return self->form;
}
