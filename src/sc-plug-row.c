/* sc-plug-row.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-plug-row"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sc-interface-catalogue.h"
#include "sc-plug-row.h"
#include "sc-utils.h"
#include "sc-window-snapd.h"

struct _ScPlugRow
{
  AdwPreferencesRow  parent_instance;

  /* Template widgets */
  GtkCheckButton *check;
  GtkLabel       *title_label;
  GtkLabel       *subtitle_label;
  GtkWidget      *suffixes;
  GtkLabel       *extension_label;
  GtkLabel       *badge_label;
  GtkButton      *docs_button;

  /* Suffixes added the first time they show (NULL until then): most rows
   * never have a finding or a change, and a row is cheaper without them */
  GtkImage       *finding_image;
  GtkButton      *reset_button;
  GtkWidget      *changed_dot;
  GtkLabel       *link_label;
  GtkSwitch      *link_switch;
  ScPlugLink      link;

  /* Owned */
  char           *target;
  char           *plug;
  char           *interface;
  char           *extension;
  char           *definition_text;
  char           *findings_text;
  GVariant       *attributes;       /* of the top-level definition, nullable */
  guint           highlight_id;

  /* Borrowed: the list this row is in, whose row-activated we follow */
  GtkWidget      *list;
  gulong          row_activated_id;

  /* Borrowed, static */
  const ScInterfaceInfo *info;

  gboolean        original_active;
  gboolean        changed;
};

G_DEFINE_FINAL_TYPE (ScPlugRow, sc_plug_row, ADW_TYPE_PREFERENCES_ROW)

enum {
  PROP_0,
  PROP_TARGET,
  PROP_PLUG,
  PROP_INTERFACE,
  PROP_ACTIVE,
  PROP_ORIGINAL_ACTIVE,
  PROP_LOCKED,
  PROP_CHANGED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum { CONNECTION_TOGGLED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* One look for a severity wherever findings show (the Checks group, app
 * groups, plug rows). */
const char *
sc_severity_icon_name (ScSeverity severity)
{
  switch (severity)
    {
    case SC_SEVERITY_ERROR:
      return "dialog-error-symbolic";
    case SC_SEVERITY_WARNING:
      return "dialog-warning-symbolic";
    case SC_SEVERITY_NOTE:
    default:
      return "dialog-information-symbolic";
    }
}

const char *
sc_severity_css_class (ScSeverity severity)
{
  switch (severity)
    {
    case SC_SEVERITY_ERROR:
      return "error";
    case SC_SEVERITY_WARNING:
      return "warning";
    case SC_SEVERITY_NOTE:
    default:
      return "accent";
    }
}

/* The subtitle is one ellipsized line: our description of the interface,
 * after the top-level definition when the plug has one; findings show as
 * the icon after the title. One line measures much faster than wrapped
 * text, which matters with dozens of rows; everything is in the row's
 * tooltip. */
static void
update_subtitle (ScPlugRow *self)
{
  g_autoptr(GString) tooltip = g_string_new (NULL);
  g_autofree char *first_line = NULL;
  const char *description = NULL;
  const char *line;

  if (self->info != NULL)
    description = _(self->info->description);
  else if (self->definition_text == NULL)
    description = _("Not an interface snapd knows");

  if (self->definition_text != NULL && self->info != NULL)
    first_line = g_strdup_printf ("%s · %s", description, self->definition_text);
  else
    {
      line = self->definition_text != NULL ? self->definition_text : description;
      first_line = g_strdup (line);
    }
  if (first_line != NULL)
    g_strdelimit (first_line, "\n", ' ');
  gtk_label_set_label (self->subtitle_label, first_line != NULL ? first_line : "");
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label),
                          first_line != NULL && *first_line != '\0');

  for (guint i = 0; i < 3; i++)
    {
      const char *part = i == 0 ? self->definition_text
                         : i == 1 ? description
                         : self->findings_text;

      if (part == NULL)
        continue;
      if (tooltip->len > 0)
        g_string_append (tooltip, "\n\n");
      g_string_append (tooltip, part);
    }
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), tooltip->len > 0 ? tooltip->str : NULL);
}

/* Content slots of the platform snaps (themes, GNOME and KDE runtimes,
 * graphics) are published with a store declaration that lets every snap's
 * content plug auto-connect to them; snapd's base declaration alone would
 * not (it allows auto-connection between snaps of one publisher). */
static gboolean
is_platform_provider (const char *provider)
{
  static const char * const exact[] = {
    "gtk-common-themes", "qt-common-themes", "gpu-2404",
  };
  static const char * const prefixes[] = {
    "gnome-3-", "gnome-4", "kde-frameworks-", "kf5-", "kf6-", "mesa-",
  };

  for (guint i = 0; i < G_N_ELEMENTS (exact); i++)
    if (g_strcmp0 (provider, exact[i]) == 0)
      return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    if (g_str_has_prefix (provider, prefixes[i]))
      return TRUE;
  return FALSE;
}

static gboolean
connects_through_provider (ScPlugRow *self)
{
  g_autoptr(GVariant) value = NULL;
  g_autofree char *provider = NULL;
  char *colon;

  if (g_strcmp0 (self->interface, "content") != 0 || self->attributes == NULL)
    return FALSE;

  value = g_variant_lookup_value (self->attributes, "default-provider", G_VARIANT_TYPE_STRING);
  if (value == NULL)
    return FALSE;
  provider = g_variant_dup_string (value, NULL);
  colon = strchr (provider, ':');
  if (colon != NULL)
    *colon = '\0';

  return is_platform_provider (provider);
}

/* Only what asks something of the developer gets a badge: store approval,
 * or a connection that someone has to make by hand. */
static void
update_badge (ScPlugRow *self)
{
  const char *reason;
  gboolean shown;

  gtk_widget_remove_css_class (GTK_WIDGET (self->badge_label), "manual-connect");
  gtk_widget_remove_css_class (GTK_WIDGET (self->badge_label), "store-approval");

  shown = self->info != NULL
          && (self->info->store_approval
              || (!self->info->auto_connect && !connects_through_provider (self)));
  gtk_widget_set_visible (GTK_WIDGET (self->badge_label), shown);
  gtk_widget_set_visible (GTK_WIDGET (self->docs_button), self->info != NULL);
  if (!shown)
    return;

  gtk_label_set_label (self->badge_label, sc_interface_connection_label (self->info));

  if (self->info->store_approval)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->badge_label), "store-approval");
      reason = _("A snap in the store gets this plug connected only after the store grants it "
                 "(a snap declaration), so ask for it on the forum before you publish.");
    }
  else
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->badge_label), "manual-connect");
      reason = _("The user or an administrator has to connect this plug with "
                 "“snap connect” after installing the snap.");
    }

  if (self->info->policy_notes != NULL && *self->info->policy_notes != '\0')
    {
      g_autofree char *tooltip = g_strdup_printf ("%s\n\n%s", reason, self->info->policy_notes);

      gtk_widget_set_tooltip_text (GTK_WIDGET (self->badge_label), tooltip);
    }
  else
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->badge_label), reason);
}

static void reset_clicked_cb (ScPlugRow *self);

/* The reset button and the dot that mark a changed row, after the docs
 * button. */
static void
ensure_change_widgets (ScPlugRow *self)
{
  if (self->reset_button != NULL)
    return;

  self->reset_button = GTK_BUTTON (gtk_button_new_from_icon_name ("edit-undo-symbolic"));
  gtk_widget_set_valign (GTK_WIDGET (self->reset_button), GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->reset_button),
                               _("Reset to the value in the file"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->reset_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Reset plug"),
                                  -1);
  gtk_widget_add_css_class (GTK_WIDGET (self->reset_button), "flat");
  gtk_widget_add_css_class (GTK_WIDGET (self->reset_button), "circular");
  g_signal_connect_swapped (self->reset_button, "clicked", G_CALLBACK (reset_clicked_cb), self);
  gtk_box_append (GTK_BOX (self->suffixes), GTK_WIDGET (self->reset_button));

  self->changed_dot = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_set_valign (self->changed_dot, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (self->changed_dot, _("Changed since the file was loaded"));
  gtk_widget_add_css_class (self->changed_dot, "changed-dot");
  gtk_box_append (GTK_BOX (self->suffixes), self->changed_dot);
}

/* The finding icon, first of the suffixes. */
static void
ensure_finding_image (ScPlugRow *self)
{
  if (self->finding_image != NULL)
    return;

  self->finding_image = GTK_IMAGE (gtk_image_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->finding_image), "finding-icon");
  gtk_widget_set_valign (GTK_WIDGET (self->finding_image), GTK_ALIGN_CENTER);
  gtk_box_insert_child_after (GTK_BOX (self->suffixes), GTK_WIDGET (self->finding_image), NULL);
}

static void
update_changed (ScPlugRow *self)
{
  gboolean changed;

  changed = gtk_check_button_get_active (self->check) != self->original_active;

  if (changed)
    ensure_change_widgets (self);
  if (self->reset_button != NULL)
    {
      gtk_widget_set_visible (self->changed_dot, changed);
      gtk_widget_set_visible (GTK_WIDGET (self->reset_button), changed);
    }
  if (changed)
    gtk_widget_add_css_class (GTK_WIDGET (self), "changed");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "changed");

  if (changed != self->changed)
    {
      self->changed = changed;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHANGED]);
    }
}

static void
check_toggled_cb (ScPlugRow *self)
{
  gtk_accessible_update_state (GTK_ACCESSIBLE (self),
                               GTK_ACCESSIBLE_STATE_CHECKED,
                               gtk_check_button_get_active (self->check)
                                 ? GTK_ACCESSIBLE_TRISTATE_TRUE
                                 : GTK_ACCESSIBLE_TRISTATE_FALSE,
                               -1);
  update_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
}

static void
reset_clicked_cb (ScPlugRow *self)
{
  sc_plug_row_set_active (self, self->original_active);
}

static void
docs_clicked_cb (ScPlugRow *self)
{
  g_autofree char *url = NULL;
  GtkRoot *root;

  if (self->info == NULL)
    return;

  url = sc_interface_dup_doc_url (self->info);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, url, GDK_CURRENT_TIME);
}

static void follow_list (ScPlugRow *self,
                         GtkWidget *parent);

static void
sc_plug_row_dispose (GObject *object)
{
  ScPlugRow *self = (ScPlugRow *)object;

  g_clear_handle_id (&self->highlight_id, g_source_remove);
  follow_list (self, NULL);

  G_OBJECT_CLASS (sc_plug_row_parent_class)->dispose (object);
}

static void
sc_plug_row_finalize (GObject *object)
{
  ScPlugRow *self = (ScPlugRow *)object;

  g_clear_pointer (&self->target, g_free);
  g_clear_pointer (&self->plug, g_free);
  g_clear_pointer (&self->interface, g_free);
  g_clear_pointer (&self->extension, g_free);
  g_clear_pointer (&self->definition_text, g_free);
  g_clear_pointer (&self->findings_text, g_free);
  g_clear_pointer (&self->attributes, g_variant_unref);

  G_OBJECT_CLASS (sc_plug_row_parent_class)->finalize (object);
}

static void
sc_plug_row_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  ScPlugRow *self = SC_PLUG_ROW (object);

  switch (prop_id)
    {
    case PROP_TARGET:
      g_value_set_string (value, self->target);
      break;

    case PROP_PLUG:
      g_value_set_string (value, self->plug);
      break;

    case PROP_INTERFACE:
      g_value_set_string (value, self->interface);
      break;

    case PROP_ACTIVE:
      g_value_set_boolean (value, sc_plug_row_get_active (self));
      break;

    case PROP_ORIGINAL_ACTIVE:
      g_value_set_boolean (value, self->original_active);
      break;

    case PROP_LOCKED:
      g_value_set_boolean (value, sc_plug_row_get_locked (self));
      break;

    case PROP_CHANGED:
      g_value_set_boolean (value, self->changed);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_plug_row_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  ScPlugRow *self = SC_PLUG_ROW (object);

  switch (prop_id)
    {
    case PROP_ACTIVE:
      sc_plug_row_set_active (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The user flipped the switch: the window connects or disconnects, and
 * sets the link again when snapd has answered. */
static gboolean
link_state_set_cb (GtkSwitch *sw,
                   gboolean   state,
                   ScPlugRow *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (sw), FALSE);
  g_signal_emit (self, signals[CONNECTION_TOGGLED], 0, state);
  gtk_widget_activate_action (GTK_WIDGET (self), "snapd.connect", "(ssb)",
                              self->target, self->plug, state);
  return TRUE;   /* the switch shows snapd's state, not the wish */
}

static void
ensure_link_widgets (ScPlugRow *self)
{
  if (self->link_label != NULL)
    return;

  self->link_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_ellipsize (self->link_label, PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (self->link_label, 24);
  gtk_label_set_xalign (self->link_label, 1);
  gtk_widget_set_valign (GTK_WIDGET (self->link_label), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (self->link_label), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (self->link_label), "dim-label");
  gtk_box_append (GTK_BOX (self->suffixes), GTK_WIDGET (self->link_label));

  self->link_switch = GTK_SWITCH (gtk_switch_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->link_switch), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->link_switch),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Connected on this machine"),
                                  -1);
  g_signal_connect (self->link_switch, "state-set", G_CALLBACK (link_state_set_cb), self);
  gtk_box_append (GTK_BOX (self->suffixes), GTK_WIDGET (self->link_switch));
}

void
sc_plug_row_set_link (ScPlugRow  *self,
                      ScPlugLink  link,
                      const char *text)
{
  gboolean connected = link == SC_PLUG_LINK_CONNECTED;

  g_return_if_fail (SC_IS_PLUG_ROW (self));

  self->link = link;
  if (self->link_label == NULL && link == SC_PLUG_LINK_UNKNOWN && text == NULL)
    return;
  ensure_link_widgets (self);
  gtk_label_set_label (self->link_label, text != NULL ? text : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->link_label), text);
  gtk_widget_set_visible (GTK_WIDGET (self->link_label), text != NULL);
  if (link == SC_PLUG_LINK_NOT_INSTALLED)
    gtk_widget_add_css_class (GTK_WIDGET (self->link_label), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->link_label), "warning");

  g_signal_handlers_block_by_func (self->link_switch, link_state_set_cb, self);
  gtk_switch_set_active (self->link_switch, connected);
  gtk_switch_set_state (self->link_switch, connected);
  g_signal_handlers_unblock_by_func (self->link_switch, link_state_set_cb, self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->link_switch), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->link_switch),
                          connected || link == SC_PLUG_LINK_DISCONNECTED);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->link_switch),
                               connected ? _("Disconnect this plug on this machine")
                                         : _("Connect this plug on this machine"));
}

ScPlugLink
sc_plug_row_get_link (ScPlugRow *self)
{
  g_return_val_if_fail (SC_IS_PLUG_ROW (self), SC_PLUG_LINK_UNKNOWN);
  return self->link;
}

const char *
sc_plug_row_get_link_text (ScPlugRow *self)
{
  g_return_val_if_fail (SC_IS_PLUG_ROW (self), NULL);
  if (self->link_label == NULL || !gtk_widget_get_visible (GTK_WIDGET (self->link_label)))
    return NULL;
  return gtk_label_get_label (self->link_label);
}

GtkSwitch *
sc_plug_row_get_link_switch (ScPlugRow *self)
{
  g_return_val_if_fail (SC_IS_PLUG_ROW (self), NULL);
  return self->link_switch;
}

/* A row built after snapd answered shows the connection as soon as it
 * is in the window. */
static void
sc_plug_row_root (GtkWidget *widget)
{
  ScSnapdMonitor *monitor;

  GTK_WIDGET_CLASS (sc_plug_row_parent_class)->root (widget);
  monitor = sc_window_snapd_get_monitor (GTK_WIDGET (gtk_widget_get_root (widget)));
  if (monitor != NULL)
    sc_window_snapd_apply_to_row (monitor, SC_PLUG_ROW (widget));
}

static void
sc_plug_row_class_init (ScPlugRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sc_plug_row_dispose;
  object_class->finalize = sc_plug_row_finalize;
  object_class->get_property = sc_plug_row_get_property;
  object_class->set_property = sc_plug_row_set_property;
  widget_class->root = sc_plug_row_root;

  properties[PROP_TARGET] =
    g_param_spec_string ("target", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_PLUG] =
    g_param_spec_string ("plug", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_INTERFACE] =
    g_param_spec_string ("interface", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_ACTIVE] =
    g_param_spec_boolean ("active", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ORIGINAL_ACTIVE] =
    g_param_spec_boolean ("original-active", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_LOCKED] =
    g_param_spec_boolean ("locked", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_CHANGED] =
    g_param_spec_boolean ("changed", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ScPlugRow::connection-toggled:
   * @connect: TRUE to connect the plug on this machine, FALSE to disconnect
   */
  signals[CONNECTION_TOGGLED] =
    g_signal_new ("connection-toggled", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/SnapConfine/sc-plug-row.ui");
  gtk_widget_class_bind_template_child (widget_class, ScPlugRow, check);
  gtk_widget_class_bind_template_child (widget_class, ScPlugRow, extension_label);
  gtk_widget_class_bind_template_child (widget_class, ScPlugRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, ScPlugRow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, ScPlugRow, suffixes);
  gtk_widget_class_bind_template_child (widget_class, ScPlugRow, badge_label);
  gtk_widget_class_bind_template_child (widget_class, ScPlugRow, docs_button);
  gtk_widget_class_bind_template_callback (widget_class, check_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, docs_clicked_cb);
}

/* Activating the row (a click, Enter or Space on it) toggles the check,
 * as AdwActionRow does for its activatable widget. */
static void
row_activated_cb (ScPlugRow     *self,
                  GtkListBoxRow *row)
{
  if (row == GTK_LIST_BOX_ROW (self))
    gtk_widget_mnemonic_activate (GTK_WIDGET (self->check), FALSE);
}

static void
follow_list (ScPlugRow *self,
             GtkWidget *parent)
{
  if (self->list != NULL)
    {
      g_clear_signal_handler (&self->row_activated_id, self->list);
      g_object_remove_weak_pointer (G_OBJECT (self->list), (gpointer *) &self->list);
      self->list = NULL;
    }
  if (GTK_IS_LIST_BOX (parent))
    {
      self->list = parent;
      g_object_add_weak_pointer (G_OBJECT (self->list), (gpointer *) &self->list);
      self->row_activated_id = g_signal_connect_swapped (parent, "row-activated",
                                                         G_CALLBACK (row_activated_cb), self);
    }
}

static void
parent_changed_cb (ScPlugRow  *self,
                   GParamSpec *pspec,
                   gpointer    user_data)
{
  follow_list (self, gtk_widget_get_parent (GTK_WIDGET (self)));
}

static void
sc_plug_row_init (ScPlugRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self, "notify::parent", G_CALLBACK (parent_changed_cb), NULL);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self),
                               GTK_ACCESSIBLE_STATE_CHECKED, GTK_ACCESSIBLE_TRISTATE_FALSE,
                               -1);
}

GtkWidget *
sc_plug_row_new (const char *target,
                 const char *plug,
                 ScPlugDef  *definition,
                 const char *extension,
                 gboolean    original_active)
{
  ScPlugRow *self;

  g_return_val_if_fail (target != NULL, NULL);
  g_return_val_if_fail (plug != NULL, NULL);

  self = g_object_new (SC_TYPE_PLUG_ROW, NULL);
  self->target = g_strdup (target);
  self->plug = g_strdup (plug);
  self->extension = g_strdup (extension);
  self->original_active = original_active || extension != NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), plug);
  gtk_label_set_label (self->title_label, plug);

  if (definition != NULL)
    sc_plug_row_set_definition (self, definition->interface, definition->attributes);
  else
    {
      self->interface = g_strdup (plug);
      self->info = sc_interface_catalogue_lookup (plug);
    }

  if (extension != NULL)
    {
      g_autofree char *label = NULL;

      /* Translators: %s is a snapcraft extension such as “gnome”. */
      label = g_strdup_printf (_("from %s"), extension);
      gtk_label_set_label (self->extension_label, label);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->extension_label),
                                   _("The extension adds this plug; it cannot be removed here"));
      gtk_widget_set_visible (GTK_WIDGET (self->extension_label), TRUE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->check), FALSE);
      gtk_widget_add_css_class (GTK_WIDGET (self), "locked");
    }

  g_signal_handlers_block_by_func (self->check, check_toggled_cb, self);
  gtk_check_button_set_active (self->check, self->original_active);
  g_signal_handlers_unblock_by_func (self->check, check_toggled_cb, self);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self),
                               GTK_ACCESSIBLE_STATE_CHECKED,
                               self->original_active ? GTK_ACCESSIBLE_TRISTATE_TRUE
                                                     : GTK_ACCESSIBLE_TRISTATE_FALSE,
                               -1);

  update_badge (self);
  update_subtitle (self);

  return GTK_WIDGET (self);
}

const char *
sc_plug_row_get_target (ScPlugRow *self)
{
  g_return_val_if_fail (SC_IS_PLUG_ROW (self), NULL);
  return self->target;
}

const char *
sc_plug_row_get_plug (ScPlugRow *self)
{
  g_return_val_if_fail (SC_IS_PLUG_ROW (self), NULL);
  return self->plug;
}

const char *
sc_plug_row_get_interface (ScPlugRow *self)
{
  g_return_val_if_fail (SC_IS_PLUG_ROW (self), NULL);
  return self->interface;
}

gboolean
sc_plug_row_get_active (ScPlugRow *self)
{
  g_return_val_if_fail (SC_IS_PLUG_ROW (self), FALSE);
  return gtk_check_button_get_active (self->check);
}

void
sc_plug_row_set_active (ScPlugRow *self,
                        gboolean   active)
{
  g_return_if_fail (SC_IS_PLUG_ROW (self));

  if (self->extension != NULL)
    return;

  /* The check button's toggled handler notifies and updates the marker. */
  gtk_check_button_set_active (self->check, !!active);
}

gboolean
sc_plug_row_get_original_active (ScPlugRow *self)
{
  g_return_val_if_fail (SC_IS_PLUG_ROW (self), FALSE);
  return self->original_active;
}

const char *
sc_plug_row_get_extension (ScPlugRow *self)
{
  g_return_val_if_fail (SC_IS_PLUG_ROW (self), NULL);
  return self->extension;
}

gboolean
sc_plug_row_get_locked (ScPlugRow *self)
{
  g_return_val_if_fail (SC_IS_PLUG_ROW (self), FALSE);
  return self->extension != NULL;
}

gboolean
sc_plug_row_get_changed (ScPlugRow *self)
{
  g_return_val_if_fail (SC_IS_PLUG_ROW (self), FALSE);
  return self->changed;
}

void
sc_plug_row_set_definition (ScPlugRow  *self,
                            const char *interface,
                            GVariant   *attributes)
{
  g_autofree char *attrs = NULL;

  g_return_if_fail (SC_IS_PLUG_ROW (self));
  g_return_if_fail (interface != NULL);

  sc_set_str (&self->interface, interface);
  self->info = sc_interface_catalogue_lookup (interface);

  g_clear_pointer (&self->attributes, g_variant_unref);
  if (attributes != NULL)
    self->attributes = g_variant_ref_sink (attributes);
  attrs = sc_plug_format_attributes (attributes);
  g_free (self->definition_text);
  if (attrs != NULL && *attrs != '\0')
    /* Translators: a plug defined at the top level of snapcraft.yaml: its
     * interface, then its attributes such as “read: $HOME/.config/foo”. */
    self->definition_text = g_strdup_printf (_("Interface %s · %s"), interface, attrs);
  else
    self->definition_text = g_strdup_printf (_("Interface %s"), interface);

  update_badge (self);
  update_subtitle (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INTERFACE]);
}

void
sc_plug_row_set_findings (ScPlugRow *self,
                          GPtrArray *findings)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) tooltip = g_string_new (NULL);
  ScSeverity worst = SC_SEVERITY_NOTE;

  g_return_if_fail (SC_IS_PLUG_ROW (self));

  for (guint i = 0; findings != NULL && i < findings->len; i++)
    {
      const ScFinding *finding = g_ptr_array_index (findings, i);

      worst = MIN (worst, finding->severity);
      if (text->len > 0)
        {
          g_string_append_c (text, '\n');
          g_string_append (tooltip, "\n\n");
        }
      g_string_append (text, finding->message);
      g_string_append (tooltip, finding->message);
      if (finding->hint != NULL)
        {
          g_string_append_printf (tooltip, "\n%s", finding->hint);
          g_string_append_printf (text, "\n%s", finding->hint);
        }
    }

  g_clear_pointer (&self->findings_text, g_free);
  if (text->len > 0)
    self->findings_text = g_strdup (text->str);

  if (text->len > 0)
    ensure_finding_image (self);
  if (self->finding_image != NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->finding_image), text->len > 0);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->finding_image),
                                   tooltip->len > 0 ? tooltip->str : NULL);
      gtk_image_set_from_icon_name (self->finding_image, sc_severity_icon_name (worst));
      for (ScSeverity s = SC_SEVERITY_ERROR; s <= SC_SEVERITY_NOTE; s++)
        gtk_widget_remove_css_class (GTK_WIDGET (self->finding_image), sc_severity_css_class (s));
      gtk_widget_add_css_class (GTK_WIDGET (self->finding_image), sc_severity_css_class (worst));
    }

  update_subtitle (self);
}

static gboolean
unhighlight_cb (gpointer user_data)
{
  ScPlugRow *self = user_data;

  self->highlight_id = 0;
  gtk_widget_remove_css_class (GTK_WIDGET (self), "highlight");
  return G_SOURCE_REMOVE;
}

void
sc_plug_row_highlight (ScPlugRow *self)
{
  g_return_if_fail (SC_IS_PLUG_ROW (self));

  g_clear_handle_id (&self->highlight_id, g_source_remove);
  gtk_widget_add_css_class (GTK_WIDGET (self), "highlight");
  self->highlight_id = g_timeout_add_seconds (2, unhighlight_cb, self);
  gtk_widget_grab_focus (GTK_WIDGET (self));
}
