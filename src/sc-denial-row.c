/* sc-denial-row.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-denial-row"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-denial-row.h"
#include "sc-utils.h"

struct _ScDenialRow
{
  GtkWidget     parent_instance;

  /* template widgets */
  GtkImage     *kind_icon;
  GtkLabel     *target_label;
  GtkLabel     *operation_label;
  GtkLabel     *mode_badge;
  GtkLabel     *object_label;
  GtkLabel     *meta_label;
  GtkWidget    *suggestion_box;
  GtkLabel     *plug_label;
  GtkLabel     *connect_badge;
  GtkLabel     *reason_label;
  GtkWidget    *add_button;
  GtkWidget    *fix_box;
  GtkLabel     *fix_label;
  GtkToggleButton *details_button;
  GtkImage     *details_arrow;
  GtkRevealer  *details_revealer;
  GtkWidget    *more_box;
  GtkLabel     *raw_label;

  /* owned */
  ScDenialItem *item;
  char         *cant_add_reason;

  gulong        notify_id;
  gboolean      can_add;
  gboolean      more_filled;
};

G_DEFINE_FINAL_TYPE (ScDenialRow, sc_denial_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ITEM,
  N_PROPS
};

enum {
  ADD_PLUG,
  IGNORE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* ---- Helpers ---------------------------------------------------------- */

const char *
sc_denial_kind_icon_name (ScDenialKind kind)
{
  switch (kind)
    {
    case SC_DENIAL_KIND_FILE:
      return "text-x-generic-symbolic";
    case SC_DENIAL_KIND_UNIX:
      return "network-transmit-receive-symbolic";
    case SC_DENIAL_KIND_NETWORK:
      return "network-wired-symbolic";
    case SC_DENIAL_KIND_CAPABILITY:
      return "dialog-password-symbolic";
    case SC_DENIAL_KIND_DBUS:
      return "mail-send-receive-symbolic";
    case SC_DENIAL_KIND_SIGNAL:
      return "process-stop-symbolic";
    case SC_DENIAL_KIND_PTRACE:
      return "edit-find-symbolic";
    case SC_DENIAL_KIND_MOUNT:
      return "drive-harddisk-symbolic";
    case SC_DENIAL_KIND_SECCOMP:
      return "application-x-executable-symbolic";
    case SC_DENIAL_KIND_OTHER:
    default:
      return "dialog-question-symbolic";
    }
}

static const char *
kind_display_name (ScDenialKind kind)
{
  switch (kind)
    {
    case SC_DENIAL_KIND_FILE:       return _("File access");
    case SC_DENIAL_KIND_UNIX:       return _("Unix socket");
    case SC_DENIAL_KIND_NETWORK:    return _("Network");
    case SC_DENIAL_KIND_CAPABILITY: return _("Capability");
    case SC_DENIAL_KIND_DBUS:       return _("D-Bus");
    case SC_DENIAL_KIND_SIGNAL:     return _("Signal");
    case SC_DENIAL_KIND_PTRACE:     return _("Process tracing");
    case SC_DENIAL_KIND_MOUNT:      return _("Mount");
    case SC_DENIAL_KIND_SECCOMP:    return _("System call");
    case SC_DENIAL_KIND_OTHER:
    default:                        return _("Other");
    }
}

char *
sc_denial_format_relative_time (gint64 then_usec,
                                gint64 now_usec)
{
  gint64 diff;

  if (then_usec <= 0)
    return g_strdup ("");

  diff = (now_usec - then_usec) / G_USEC_PER_SEC;

  if (diff < 60)
    return g_strdup (_("just now"));

  if (diff < 60 * 60)
    {
      int minutes = (int) (diff / 60);
      /* Translators: a time span, as in "last seen 5 min ago" */
      return g_strdup_printf (ngettext ("%d min ago", "%d min ago", minutes), minutes);
    }

  if (diff < 24 * 60 * 60)
    {
      int hours = (int) (diff / (60 * 60));
      /* Translators: a time span in hours, as in "last seen 3 h ago" */
      return g_strdup_printf (ngettext ("%d h ago", "%d h ago", hours), hours);
    }

  if (diff < 2 * 24 * 60 * 60)
    return g_strdup (_("yesterday"));

  if (diff < 7 * 24 * 60 * 60)
    {
      int days = (int) (diff / (24 * 60 * 60));
      return g_strdup_printf (ngettext ("%d day ago", "%d days ago", days), days);
    }

  {
    g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (then_usec / G_USEC_PER_SEC);

    if (dt == NULL)
      return g_strdup ("");
    /* Translators: a date, see g_date_time_format() */
    return g_date_time_format (dt, _("%e %b %Y"));
  }
}

static const char *
target_display (ScDenialItem *item)
{
  ScDenial *denial = sc_denial_item_get_denial (item);

  if (denial->app != NULL)
    return denial->app;
  if (denial->hook != NULL)
    return denial->hook;
  if (denial->noise)
    return _("snapd");
  return denial->snap != NULL ? denial->snap : _("Unknown");
}

static void
update_meta (ScDenialRow *self,
             gint64       now_usec)
{
  g_autofree char *when = NULL;
  g_autofree char *number = NULL;
  g_autofree char *count = NULL;
  g_autofree char *text = NULL;
  const char * const *hosts;
  guint64 n;

  if (self->item == NULL)
    return;

  n = sc_denial_item_get_count (self->item);
  /* xgettext cannot see through G_GUINT64_FORMAT, so the number goes in as a string */
  number = g_strdup_printf ("%" G_GUINT64_FORMAT, n);
  /* Translators: how many times a denial was logged; %s is the number */
  count = g_strdup_printf (ngettext ("%s time", "%s times", (gulong) MIN (n, G_MAXULONG)), number);
  when = sc_denial_format_relative_time (sc_denial_item_get_last_seen (self->item), now_usec);
  hosts = sc_denial_item_get_hosts (self->item);

  if (*when != '\0' && hosts[0] != NULL && hosts[1] != NULL)
    /* Translators: "12 times · 2 min ago · 3 hosts" */
    text = g_strdup_printf (_("%s · %s · %u hosts"), count, when, g_strv_length ((char **) hosts));
  else if (*when != '\0' && hosts[0] != NULL)
    /* Translators: "12 times · 2 min ago · hostname" */
    text = g_strdup_printf (_("%s · %s · %s"), count, when, hosts[0]);
  else if (*when != '\0')
    /* Translators: "12 times · 2 min ago" */
    text = g_strdup_printf (_("%s · %s"), count, when);
  else
    text = g_steal_pointer (&count);

  gtk_label_set_label (self->meta_label, text);
}

static void
set_badge (GtkLabel   *badge,
           const char *text,
           const char *style,
           const char *tooltip)
{
  static const char * const styles[] = { "denied", "allowed", "logged", "auto", "manual", "approval" };

  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (badge), styles[i]);
  gtk_label_set_label (badge, text);
  gtk_widget_add_css_class (GTK_WIDGET (badge), style);
  gtk_widget_set_tooltip_text (GTK_WIDGET (badge), tooltip);
}

static void
set_connect_badge (GtkLabel           *badge,
                   const ScSuggestion *suggestion)
{
  if (suggestion->store_approval)
    set_badge (badge, _("store approval"), "approval",
               _("The Snap Store must approve this plug before the snap can be published"));
  else if (suggestion->auto_connect)
    set_badge (badge, _("auto-connects"), "auto",
               _("Connected automatically when the snap is installed"));
  else
    set_badge (badge, _("manual"), "manual",
               _("Users must connect this plug with “snap connect”"));
}

static void
emit_add_plug (ScDenialRow        *self,
               const ScSuggestion *suggestion)
{
  const char *target;

  if (self->item == NULL || suggestion == NULL)
    return;

  target = sc_denial_item_get_target (self->item);
  if (target == NULL)
    return;

  g_signal_emit (self, signals[ADD_PLUG], 0,
                 target, sc_suggestion_get_plug_name (suggestion), suggestion->plug);
}

static void
more_add_clicked_cb (GtkButton   *button,
                     ScDenialRow *self)
{
  const ScSuggestionResult *result;
  guint index;

  if (self->item == NULL)
    return;

  result = sc_denial_item_get_suggestions (self->item);
  index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "sc-suggestion-index"));
  if (result != NULL && index < result->suggestions->len)
    emit_add_plug (self, g_ptr_array_index (result->suggestions, index));
}

static void
clear_more (ScDenialRow *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->more_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->more_box), child);
  self->more_filled = FALSE;
}

/* The further suggestions are built only when the details are opened, so
 * that binding a row (which happens while scrolling) stays cheap. */
static void
fill_more (ScDenialRow *self)
{
  const ScSuggestionResult *result;

  if (self->more_filled || self->item == NULL)
    return;

  self->more_filled = TRUE;
  result = sc_denial_item_get_suggestions (self->item);
  if (result == NULL || result->suggestions->len < 2)
    return;

  {
    GtkWidget *heading = gtk_label_new (_("Other Suggestions"));

    gtk_label_set_xalign (GTK_LABEL (heading), 0);
    gtk_widget_add_css_class (heading, "caption-heading");
    gtk_widget_add_css_class (heading, "dim-label");
    gtk_box_append (GTK_BOX (self->more_box), heading);
  }

  for (guint i = 1; i < result->suggestions->len; i++)
    {
      const ScSuggestion *suggestion = g_ptr_array_index (result->suggestions, i);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      GtkWidget *title_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *name = gtk_label_new (sc_suggestion_get_plug_name (suggestion));
      GtkWidget *badge = gtk_label_new (NULL);
      GtkWidget *reason = gtk_label_new (suggestion->reason);
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Add"));

      gtk_widget_add_css_class (box, "sc-suggestion");
      gtk_label_set_xalign (GTK_LABEL (name), 0);
      gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (name, "sc-plug-name");
      gtk_widget_add_css_class (badge, "sc-badge");
      gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
      set_connect_badge (GTK_LABEL (badge), suggestion);
      gtk_box_append (GTK_BOX (title_box), name);
      gtk_box_append (GTK_BOX (title_box), badge);

      gtk_label_set_xalign (GTK_LABEL (reason), 0);
      gtk_label_set_wrap (GTK_LABEL (reason), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (reason), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_max_width_chars (GTK_LABEL (reason), 30);
      gtk_widget_add_css_class (reason, "caption");

      gtk_widget_set_hexpand (text, TRUE);
      gtk_widget_set_valign (text, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (text), title_box);
      gtk_box_append (GTK_BOX (text), reason);

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_sensitive (button, self->can_add);
      if (!self->can_add)
        gtk_widget_set_tooltip_text (button, self->cant_add_reason);
      g_object_set_data (G_OBJECT (button), "sc-suggestion-index", GUINT_TO_POINTER (i));
      g_signal_connect_object (button, "clicked", G_CALLBACK (more_add_clicked_cb), self, 0);

      gtk_box_append (GTK_BOX (box), text);
      gtk_box_append (GTK_BOX (box), button);
      gtk_box_append (GTK_BOX (self->more_box), box);
    }
}

static void
update_add_sensitivity (ScDenialRow *self)
{
  gtk_widget_set_sensitive (self->add_button, self->can_add);
  if (self->can_add)
    {
      const ScSuggestionResult *result = self->item ? sc_denial_item_get_suggestions (self->item) : NULL;
      g_autofree char *tip = NULL;

      if (result != NULL && result->suggestions->len > 0)
        {
          const ScSuggestion *first = g_ptr_array_index (result->suggestions, 0);

          /* Translators: tooltip of the "Add" button: plug name, then app or hook */
          tip = g_strdup_printf (_("Add the “%s” plug to %s"),
                                 sc_suggestion_get_plug_name (first),
                                 sc_denial_item_get_target (self->item));
        }
      gtk_widget_set_tooltip_text (self->add_button, tip);
    }
  else
    {
      gtk_widget_set_tooltip_text (self->add_button, self->cant_add_reason);
    }
}

static void
update_all (ScDenialRow *self)
{
  ScDenial *denial;
  const ScSuggestionResult *result;
  const char *object;
  g_autofree char *operation = NULL;

  clear_more (self);
  gtk_toggle_button_set_active (self->details_button, FALSE);
  gtk_revealer_set_reveal_child (self->details_revealer, FALSE);

  if (self->item == NULL)
    return;

  denial = sc_denial_item_get_denial (self->item);

  gtk_image_set_from_icon_name (self->kind_icon, sc_denial_kind_icon_name (denial->kind));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->kind_icon), kind_display_name (denial->kind));

  if (denial->hook != NULL)
    {
      /* Translators: a snap hook, e.g. "configure hook" */
      g_autofree char *hook = g_strdup_printf (_("%s hook"), denial->hook);
      gtk_label_set_label (self->target_label, hook);
    }
  else
    {
      gtk_label_set_label (self->target_label, target_display (self->item));
    }

  if (denial->permissions != NULL && *denial->permissions != '\0')
    operation = g_strdup_printf ("%s (%s)", denial->operation ? denial->operation : "",
                                 denial->permissions);
  else
    operation = g_strdup (denial->operation ? denial->operation : "");
  gtk_label_set_label (self->operation_label, operation);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->operation_label), operation);

  switch (denial->mode)
    {
    case SC_DENIAL_MODE_DENIED:
      set_badge (self->mode_badge, _("DENIED"), "denied",
                 _("Blocked: the snap was refused this access"));
      break;
    case SC_DENIAL_MODE_ALLOWED:
      set_badge (self->mode_badge, _("ALLOWED"), "allowed",
                 _("Allowed in devmode, but strict confinement would block it"));
      break;
    case SC_DENIAL_MODE_LOGGED:
    default:
      set_badge (self->mode_badge, _("LOGGED"), "logged",
                 _("System call logged in devmode; strict confinement would refuse it"));
      break;
    }

  object = sc_denial_item_get_object (self->item);
  gtk_label_set_label (self->object_label, object ? object : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->object_label), object);
  gtk_widget_set_visible (GTK_WIDGET (self->object_label), object != NULL && *object != '\0');

  result = sc_denial_item_get_suggestions (self->item);
  if (result != NULL && result->suggestions->len > 0)
    {
      const ScSuggestion *first = g_ptr_array_index (result->suggestions, 0);

      gtk_label_set_label (self->plug_label, sc_suggestion_get_plug_name (first));
      gtk_label_set_label (self->reason_label, first->reason);
      set_connect_badge (self->connect_badge, first);
      gtk_widget_set_visible (self->suggestion_box, TRUE);
    }
  else
    {
      gtk_widget_set_visible (self->suggestion_box, FALSE);
    }

  if (result != NULL && result->fix != NULL)
    {
      gtk_label_set_label (self->fix_label, result->fix);
      gtk_widget_set_visible (self->fix_box, TRUE);
    }
  else if (denial->noise)
    {
      gtk_label_set_label (self->fix_label,
                           denial->noise_reason ? denial->noise_reason
                                                : _("Logged by snapd itself, not by the app"));
      gtk_widget_set_visible (self->fix_box, TRUE);
    }
  else if (result == NULL || result->suggestions->len == 0)
    {
      gtk_label_set_label (self->fix_label, _("No interface is known to allow this"));
      gtk_widget_set_visible (self->fix_box, TRUE);
    }
  else
    {
      gtk_widget_set_visible (self->fix_box, FALSE);
    }

  gtk_label_set_label (self->raw_label, denial->raw ? denial->raw : "");

  update_add_sensitivity (self);
  update_meta (self, g_get_real_time ());
}

static void
item_notify_cb (ScDenialRow *self,
                GParamSpec  *pspec,
                GObject     *item)
{
  update_meta (self, g_get_real_time ());
}

/* ---- Template callbacks ----------------------------------------------- */

static void
add_clicked_cb (ScDenialRow *self)
{
  const ScSuggestionResult *result;

  if (self->item == NULL)
    return;

  result = sc_denial_item_get_suggestions (self->item);
  if (result != NULL && result->suggestions->len > 0)
    emit_add_plug (self, g_ptr_array_index (result->suggestions, 0));
}

static void
ignore_clicked_cb (ScDenialRow *self)
{
  if (self->item != NULL)
    g_signal_emit (self, signals[IGNORE], 0);
}

static void
details_toggled_cb (ScDenialRow *self)
{
  gboolean active = gtk_toggle_button_get_active (self->details_button);

  if (active)
    fill_more (self);
  gtk_image_set_from_icon_name (self->details_arrow,
                                active ? "pan-down-symbolic" : "pan-end-symbolic");
  gtk_revealer_set_reveal_child (self->details_revealer, active);
}

/* ---- GObject ---------------------------------------------------------- */

static void
sc_denial_row_dispose (GObject *object)
{
  ScDenialRow *self = (ScDenialRow *) object;

  sc_denial_row_set_item (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SC_TYPE_DENIAL_ROW);
  /* dispose_template only unparents bound children; unnamed ones of the
   * template are still ours. */
  {
    GtkWidget *child;

    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
      gtk_widget_unparent (child);
  }

  G_OBJECT_CLASS (sc_denial_row_parent_class)->dispose (object);
}

static void
sc_denial_row_finalize (GObject *object)
{
  ScDenialRow *self = (ScDenialRow *) object;

  g_clear_pointer (&self->cant_add_reason, g_free);

  G_OBJECT_CLASS (sc_denial_row_parent_class)->finalize (object);
}

static void
sc_denial_row_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  ScDenialRow *self = SC_DENIAL_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_denial_row_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  ScDenialRow *self = SC_DENIAL_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      sc_denial_row_set_item (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_denial_row_class_init (ScDenialRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sc_denial_row_dispose;
  object_class->finalize = sc_denial_row_finalize;
  object_class->get_property = sc_denial_row_get_property;
  object_class->set_property = sc_denial_row_set_property;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, SC_TYPE_DENIAL_ITEM,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ScDenialRow::add-plug:
   * @target: the app name or "hook:NAME"
   * @plug: the plug name to list
   * @definition: (nullable): a{sv} top-level plug definition to create
   */
  signals[ADD_PLUG] =
    g_signal_new ("add-plug",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3,
                  G_TYPE_STRING, G_TYPE_STRING, G_TYPE_VARIANT);

  signals[IGNORE] =
    g_signal_new ("ignore",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/SnapConfine/sc-denial-row.ui");
  gtk_widget_class_bind_template_child (widget_class, ScDenialRow, kind_icon);
  gtk_widget_class_bind_template_child (widget_class, ScDenialRow, target_label);
  gtk_widget_class_bind_template_child (widget_class, ScDenialRow, operation_label);
  gtk_widget_class_bind_template_child (widget_class, ScDenialRow, mode_badge);
  gtk_widget_class_bind_template_child (widget_class, ScDenialRow, object_label);
  gtk_widget_class_bind_template_child (widget_class, ScDenialRow, meta_label);
  gtk_widget_class_bind_template_child (widget_class, ScDenialRow, suggestion_box);
  gtk_widget_class_bind_template_child (widget_class, ScDenialRow, plug_label);
  gtk_widget_class_bind_template_child (widget_class, ScDenialRow, connect_badge);
  gtk_widget_class_bind_template_child (widget_class, ScDenialRow, reason_label);
  gtk_widget_class_bind_template_child (widget_class, ScDenialRow, add_button);
  gtk_widget_class_bind_template_child (widget_class, ScDenialRow, fix_box);
  gtk_widget_class_bind_template_child (widget_class, ScDenialRow, fix_label);
  gtk_widget_class_bind_template_child (widget_class, ScDenialRow, details_button);
  gtk_widget_class_bind_template_child (widget_class, ScDenialRow, details_arrow);
  gtk_widget_class_bind_template_child (widget_class, ScDenialRow, details_revealer);
  gtk_widget_class_bind_template_child (widget_class, ScDenialRow, more_box);
  gtk_widget_class_bind_template_child (widget_class, ScDenialRow, raw_label);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, ignore_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, details_toggled_cb);

  gtk_widget_class_set_css_name (widget_class, "sc-denial-row");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
sc_denial_row_init (ScDenialRow *self)
{
  self->can_add = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
sc_denial_row_new (void)
{
  return g_object_new (SC_TYPE_DENIAL_ROW, NULL);
}

ScDenialItem *
sc_denial_row_get_item (ScDenialRow *self)
{
  g_return_val_if_fail (SC_IS_DENIAL_ROW (self), NULL);

  return self->item;
}

void
sc_denial_row_set_item (ScDenialRow  *self,
                        ScDenialItem *item)
{
  g_return_if_fail (SC_IS_DENIAL_ROW (self));
  g_return_if_fail (item == NULL || SC_IS_DENIAL_ITEM (item));

  if (self->item == item)
    return;

  if (self->item != NULL)
    {
      g_clear_signal_handler (&self->notify_id, self->item);
      g_clear_object (&self->item);
    }

  if (item != NULL)
    {
      self->item = g_object_ref (item);
      self->notify_id = g_signal_connect_object (item, "notify",
                                                 G_CALLBACK (item_notify_cb), self,
                                                 G_CONNECT_SWAPPED);
    }

  update_all (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}

void
sc_denial_row_set_can_add (ScDenialRow *self,
                           gboolean     can_add,
                           const char  *reason)
{
  g_return_if_fail (SC_IS_DENIAL_ROW (self));

  self->can_add = !!can_add;
  sc_set_str (&self->cant_add_reason, can_add ? NULL : reason);
  update_add_sensitivity (self);

  /* Buttons of the further suggestions follow the main one. */
  if (self->more_filled)
    {
      clear_more (self);
      if (gtk_toggle_button_get_active (self->details_button))
        fill_more (self);
    }
}

void
sc_denial_row_update_time (ScDenialRow *self,
                           gint64       now_usec)
{
  g_return_if_fail (SC_IS_DENIAL_ROW (self));

  update_meta (self, now_usec);
}
