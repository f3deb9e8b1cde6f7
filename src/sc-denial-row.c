/* sc-denial-row.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Binding must be cheap: GTK 4.8's list view keeps 200 rows bound and
 * rebinds all of them when a batch of new denials lands at the top of the
 * list. So the collapsed row sets four single-line labels, tooltips are
 * computed only when asked for, and the details (further suggestions, the
 * fix, the raw record) are built when the row is expanded.
 */

#define G_LOG_DOMAIN "sc-denial-row"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-denial-format.h"
#include "sc-snapd-project.h"
#include "sc-denial-row.h"
#include "sc-utils.h"

struct _ScDenialRow
{
  GtkWidget        parent_instance;

  /* template widgets */
  GtkImage        *kind_icon;
  GtkInscription  *title_label;
  GtkLabel        *mode_badge;
  GtkInscription  *object_label;
  GtkWidget       *suggestion_box;
  GtkInscription  *suggestion_label;
  GtkInscription  *reason_label;
  GtkWidget       *add_button;
  GtkInscription  *meta_label;
  GtkToggleButton *details_button;
  GtkWidget       *ignore_button;

  /* made when first needed: most cards never show a note or their details */
  GtkLabel        *state_label;       /* nullable */
  GtkRevealer     *details_revealer;  /* nullable */

  /* owned */
  ScDenialItem    *item;
  ScDenialPlan    *plan;        /* what Add acts on; NULL without a project */
  ScSnapdSnap     *installed;   /* this machine's snapd's view of the snap, nullable */

  gulong           notify_id;
  gboolean         expanded;
  int              mode;      /* ScDenialMode shown by the badge, -1 before the first bind */
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

/* Setting an unchanged text still makes the label lay out again. */
static void
set_label (GtkLabel   *label,
           const char *text)
{
  if (g_strcmp0 (gtk_label_get_label (label), text) != 0)
    gtk_label_set_label (label, text);
}

static void
set_text (GtkInscription *inscription,
          const char     *text)
{
  if (g_strcmp0 (gtk_inscription_get_text (inscription), text) != 0)
    {
      gtk_inscription_set_text (inscription, text);
      gtk_inscription_set_attributes (inscription, NULL);
    }
}

static void
set_bold_prefix (GtkInscription *label,
                 const char     *text,
                 gsize           bold_len)
{
  PangoAttrList *attrs;
  PangoAttribute *attr;

  if (g_strcmp0 (gtk_inscription_get_text (label), text) == 0)
    return;

  attrs = pango_attr_list_new ();
  attr = pango_attr_weight_new (PANGO_WEIGHT_BOLD);
  attr->start_index = 0;
  attr->end_index = (guint) bold_len;
  pango_attr_list_insert (attrs, attr);
  gtk_inscription_set_text (label, text);
  gtk_inscription_set_attributes (label, attrs);
  pango_attr_list_unref (attrs);
}

static gboolean
query_tooltip_cb (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard_mode,
                  GtkTooltip *tooltip,
                  gpointer    user_data)
{
  const char *text = g_object_get_data (G_OBJECT (widget), "sc-tooltip");

  if (text == NULL || *text == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* gtk_widget_set_tooltip_text() asks the X server where the pointer is on
 * every call, far too slow for rows that are rebound by the hundred. The
 * text is kept on the widget and handed out when a tooltip is asked for. */
static void
set_lazy_tooltip (GtkWidget  *widget,
                  const char *text)
{
  if (g_object_get_data (G_OBJECT (widget), "sc-tooltip-connected") == NULL)
    {
      g_object_set_data (G_OBJECT (widget), "sc-tooltip-connected", GINT_TO_POINTER (1));
      g_signal_connect (widget, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
      gtk_widget_set_has_tooltip (widget, TRUE);
    }
  g_object_set_data_full (G_OBJECT (widget), "sc-tooltip", g_strdup (text), g_free);
}

static const char *
target_display (ScDenial *denial)
{
  if (denial->app != NULL)
    return denial->app;
  if (denial->hook != NULL)
    return denial->hook;
  if (denial->noise)
    return _("snapd");
  return denial->snap != NULL ? denial->snap : _("Unknown");
}

static const char *
connect_label (const ScSuggestion *suggestion)
{
  if (suggestion->store_approval)
    return _("needs store approval");
  if (suggestion->auto_connect)
    return _("auto-connects");
  return _("manual connection");
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
  /* xgettext cannot see through G_GUINT64_FORMAT (the message would be
   * extracted as a bare "%" and never match), so the number goes in as a
   * string. tests/test-po.sh fails on such messages. */
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

  set_text (self->meta_label, text);
}

/* ---- The card's button ------------------------------------------------ */

/* What a suggestion's button offers. Every button of the card (the first
 * suggestion's and those in the details) is decided here, from the
 * project's plan: Add while it would change the project; a note instead
 * when the app declares the plug, an extension gives it, or it was added
 * here already; an insensitive Add saying why when nothing can be added. */
typedef struct
{
  gboolean    show_button;
  gboolean    sensitive;
  const char *note;        /* shown instead of the button, nullable */
  char       *tooltip;
  char       *connect_plug; /* the button connects this declared plug instead of adding */
} Action;

static void
action_clear (Action *action)
{
  g_clear_pointer (&action->tooltip, g_free);
  g_clear_pointer (&action->connect_plug, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Action, action_clear)

static void
decide_action (ScDenialRow        *self,
               const ScSuggestion *suggestion,
               Action             *action)
{
  const char *target = sc_denial_item_get_target (self->item);
  const char *plug = NULL;
  const char *extension = NULL;
  ScPlanState state;

  action->show_button = TRUE;
  action->sensitive = FALSE;
  action->note = NULL;

  if (self->plan == NULL)
    {
      action->tooltip = g_strdup (_("Open a project to add plugs"));
      return;
    }
  if (target == NULL)
    {
      action->tooltip = g_strdup (_("The record names no app or hook"));
      return;
    }

  state = sc_denial_plan_query (self->plan, target, suggestion, &plug, &extension);
  switch (state)
    {
    case SC_PLAN_STATE_NO_TARGET:
      action->tooltip = g_strdup (g_str_has_prefix (target, "hook:")
                                  ? _("This hook is not declared in the project")
                                  : _("This app is not declared in the project"));
      break;
    case SC_PLAN_STATE_DECLARED:
    case SC_PLAN_STATE_EXTENSION:
      {
        /* Declared but not connected on this machine: the answer is to
         * connect it. */
        ScSnapdPlug *installed = self->installed != NULL
          ? sc_snapd_snap_plug_to_connect (self->installed, target, plug, suggestion->interface)
          : NULL;

        if (installed != NULL)
          {
            action->sensitive = TRUE;
            action->connect_plug = g_strdup (installed->name);
            /* Translators: tooltip of the "Connect" button: plug name */
            action->tooltip = g_strdup_printf (_("“%s” is declared but not connected on this "
                                                 "machine: connect it"), installed->name);
            break;
          }
      }
      if (state == SC_PLAN_STATE_EXTENSION)
        {
          action->show_button = FALSE;
          action->note = _("From extension");
          /* Translators: plug name, then extension name (e.g. gnome), then app or hook */
          action->tooltip = g_strdup_printf (_("The %2$s extension gives %3$s the “%1$s” plug"),
                                             plug, extension != NULL ? extension : "?", target);
          break;
        }
      action->show_button = FALSE;
      action->note = _("Declared");
      /* Translators: tooltip of a suggestion the project has: plug name, then app or hook */
      action->tooltip = g_strdup_printf (_("%2$s already lists the “%1$s” plug"), plug, target);
      break;
    case SC_PLAN_STATE_ADDED:
      action->show_button = FALSE;
      action->note = _("Added");
      /* Translators: plug name, then app or hook */
      action->tooltip = g_strdup_printf (_("The “%s” plug is ticked for %s"), plug, target);
      break;
    case SC_PLAN_STATE_ADD:
    default:
      action->sensitive = TRUE;
      /* Translators: tooltip of the "Add" button: plug name, then app or hook */
      action->tooltip = g_strdup_printf (_("Add the “%s” plug to %s"), plug, target);
      break;
    }
}

/* The card's own button and note get their tooltips from the card's
 * query_tooltip(); those in the details keep theirs (with_tooltips). */
static void
apply_action (GtkWidget    *button,
              GtkLabel     *note,
              const Action *action,
              gboolean      with_tooltips)
{
  const char *label = action->connect_plug != NULL ? _("_Connect") : _("_Add");

  gtk_widget_set_visible (button, action->show_button);
  gtk_widget_set_sensitive (button, action->sensitive);
  if (GTK_IS_BUTTON (button) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (button)), label) != 0)
    gtk_button_set_label (GTK_BUTTON (button), label);
  if (with_tooltips)
    set_lazy_tooltip (button, action->show_button ? action->tooltip : NULL);
  if (note != NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (note), action->note != NULL);
      if (action->note != NULL)
        {
          set_label (note, action->note);
          if (with_tooltips)
            set_lazy_tooltip (GTK_WIDGET (note), action->tooltip);
        }
    }
}

static void
add_suggestion (ScDenialRow        *self,
                const ScSuggestion *suggestion)
{
  g_auto(Action) action = { 0 };
  g_autoptr(GVariant) definition = NULL;
  g_autoptr(GError) error = NULL;
  const char *target;
  const char *plug = NULL;

  /* Also when the click comes from an accessibility tool or a test. */
  if (self->item == NULL || suggestion == NULL)
    return;
  decide_action (self, suggestion, &action);
  if (!action.show_button || !action.sensitive)
    return;

  target = sc_denial_item_get_target (self->item);
  if (action.connect_plug != NULL)
    {
      /* The window connects it (sc-window-snapd.c) and refreshes. */
      gtk_widget_activate_action (GTK_WIDGET (self), "snapd.connect", "(ssb)",
                                  target, action.connect_plug, TRUE);
      return;
    }
  if (!sc_denial_plan_add_suggestion (self->plan, target, suggestion,
                                      sc_denial_item_get_count (self->item),
                                      &plug, &definition, &error))
    {
      g_warning ("%s", error->message);
      return;
    }
  g_signal_emit (self, signals[ADD_PLUG], 0, target, plug, definition);
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
    add_suggestion (self, g_ptr_array_index (result->suggestions, index));
}

static GtkWidget *
new_wrapped_label (const char *text,
                   const char *style)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
  if (style != NULL)
    gtk_widget_add_css_class (label, style);
  return label;
}

static GtkWidget *
new_heading (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

/* Everything beyond the first suggestion, built when the row is opened. */
/* The record as it was read, under its heading. */
static void
append_record (GtkWidget           *box,
               const ScDenialGroup *group)
{
  g_autofree char *text = sc_denial_group_dup_raw (group);
  GtkWidget *raw;

  gtk_box_append (GTK_BOX (box), new_heading (_("Record")));
  if (text == NULL && sc_denial_group_has_raw (group))
    {
      /* A record of a text log is read again from the log, which may
       * have been rewritten since (copytruncate, an editor). */
      GtkWidget *label = new_wrapped_label (_("The log changed since it was read: this record "
                                              "is no longer where it was. Reload the denials "
                                              "to read it again."), "caption");

      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (box), label);
      return;
    }

  raw = new_wrapped_label (text != NULL ? text : "", "caption");
  gtk_label_set_wrap_mode (GTK_LABEL (raw), PANGO_WRAP_CHAR);
  gtk_label_set_selectable (GTK_LABEL (raw), TRUE);
  gtk_widget_add_css_class (raw, "monospace");
  gtk_widget_add_css_class (raw, "sc-raw-record");
  gtk_box_append (GTK_BOX (box), raw);
}

static GtkWidget *
build_details (ScDenialRow *self)
{
  const ScSuggestionResult *result = sc_denial_item_get_suggestions (self->item);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gboolean has_suggestions = result != NULL && result->suggestions->len > 0;

  gtk_widget_set_margin_top (box, 4);

  if (has_suggestions)
    {
      const ScSuggestion *first = g_ptr_array_index (result->suggestions, 0);

      /* The first reason, which the collapsed row may have cut short. */
      gtk_box_append (GTK_BOX (box), new_wrapped_label (first->reason, "caption"));
    }

  if (result != NULL && result->fix != NULL && has_suggestions)
    {
      gtk_box_append (GTK_BOX (box), new_heading (_("Or Change the Program")));
      gtk_box_append (GTK_BOX (box), new_wrapped_label (result->fix, "caption"));
    }

  if (result != NULL && result->suggestions->len > 1)
    {
      gtk_box_append (GTK_BOX (box), new_heading (_("Other Suggestions")));

      for (guint i = 1; i < result->suggestions->len; i++)
        {
          const ScSuggestion *suggestion = g_ptr_array_index (result->suggestions, i);
          GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
          GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
          g_autofree char *title = NULL;
          GtkWidget *name;
          GtkWidget *button = gtk_button_new_with_mnemonic (_("_Add"));
          GtkWidget *note = gtk_label_new (NULL);
          g_auto(Action) action = { 0 };

          title = g_markup_printf_escaped ("<b>%s</b> · %s",
                                           sc_suggestion_get_plug_name (suggestion),
                                           connect_label (suggestion));
          name = gtk_label_new (NULL);
          gtk_label_set_markup (GTK_LABEL (name), title);
          gtk_label_set_xalign (GTK_LABEL (name), 0);
          gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
          gtk_widget_add_css_class (name, "caption");

          gtk_widget_add_css_class (row, "sc-suggestion");
          gtk_widget_set_hexpand (text, TRUE);
          gtk_widget_set_valign (text, GTK_ALIGN_CENTER);
          gtk_box_append (GTK_BOX (text), name);
          gtk_box_append (GTK_BOX (text), new_wrapped_label (suggestion->reason, "caption"));

          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (button, "sc-add-button");
          g_object_set_data (G_OBJECT (button), "sc-suggestion-index", GUINT_TO_POINTER (i));
          g_signal_connect_object (button, "clicked", G_CALLBACK (more_add_clicked_cb), self, 0);
          gtk_widget_set_valign (note, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (note, "caption");
          gtk_widget_add_css_class (note, "dim-label");
          decide_action (self, suggestion, &action);
          apply_action (button, GTK_LABEL (note), &action, TRUE);

          gtk_box_append (GTK_BOX (row), text);
          gtk_box_append (GTK_BOX (row), button);
          gtk_box_append (GTK_BOX (row), note);
          gtk_box_append (GTK_BOX (box), row);
        }
    }

  {
    const char * const *hosts = sc_denial_item_get_hosts (self->item);
    g_autofree char *first = NULL;
    g_autofree char *text = NULL;
    gint64 first_seen = sc_denial_item_get_first_seen (self->item);

    if (first_seen > 0)
      {
        g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (first_seen / G_USEC_PER_SEC);
        /* Translators: date and time a denial was first logged, see g_date_time_format() */
        first = dt ? g_date_time_format (dt, _("%e %b %Y %H:%M:%S")) : NULL;
      }

    if (first != NULL && hosts[0] != NULL)
      {
        g_autofree char *joined = g_strjoinv (", ", (char **) hosts);
        /* Translators: "First seen <date> on <host names>" */
        text = g_strdup_printf (_("First seen %s on %s"), first, joined);
      }
    else if (first != NULL)
      /* Translators: "First seen <date>" */
      text = g_strdup_printf (_("First seen %s"), first);

    if (text != NULL)
      {
        GtkWidget *label = new_wrapped_label (text, "caption");
        gtk_widget_add_css_class (label, "dim-label");
        gtk_box_append (GTK_BOX (box), label);
      }
  }

  append_record (box, sc_denial_item_get_group (self->item));

  return box;
}

static void
collapse (ScDenialRow *self)
{
  if (!self->expanded || self->details_revealer == NULL)
    return;
  self->expanded = FALSE;
  g_signal_handlers_block_matched (self->details_button, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  gtk_toggle_button_set_active (self->details_button, FALSE);
  g_signal_handlers_unblock_matched (self->details_button, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  gtk_revealer_set_transition_duration (self->details_revealer, 0);
  gtk_revealer_set_reveal_child (self->details_revealer, FALSE);
  gtk_revealer_set_child (self->details_revealer, NULL);
  gtk_revealer_set_transition_duration (self->details_revealer, 250);
  gtk_widget_set_visible (GTK_WIDGET (self->details_revealer), FALSE);
}

static void update_action (ScDenialRow *self);

void
sc_denial_row_set_installed (ScDenialRow *self,
                             ScSnapdSnap *snap)
{
  g_return_if_fail (SC_IS_DENIAL_ROW (self));

  if (self->installed == snap)
    return;
  if (snap != NULL)
    sc_snapd_snap_ref (snap);
  g_clear_pointer (&self->installed, sc_snapd_snap_unref);
  self->installed = snap;
  update_action (self);
}

static void
update_action (ScDenialRow *self)
{
  const ScSuggestionResult *result;
  g_auto(Action) action = { 0 };

  if (self->item == NULL)
    return;

  result = sc_denial_item_get_suggestions (self->item);
  if (result == NULL || result->suggestions->len == 0)
    {
      gtk_widget_set_visible (self->add_button, FALSE);
      if (self->state_label != NULL)
        gtk_widget_set_visible (GTK_WIDGET (self->state_label), FALSE);
      return;
    }

  decide_action (self, g_ptr_array_index (result->suggestions, 0), &action);
  if (action.note != NULL && self->state_label == NULL)
    {
      GtkWidget *label = gtk_label_new (NULL);

      gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (label, "caption");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "sc-plan-state");
      gtk_grid_attach (GTK_GRID (self->suggestion_box), label, 2, 0, 1, 2);
      self->state_label = GTK_LABEL (label);
    }
  apply_action (self->add_button, self->state_label, &action, FALSE);
}

static void
update_all (ScDenialRow *self)
{
  ScDenial *denial;
  const ScSuggestionResult *result;
  const char *object;
  g_autofree char *operation = NULL;
  g_autofree char *title = NULL;
  g_autofree char *target = NULL;

  collapse (self);

  if (self->item == NULL)
    return;

  denial = sc_denial_item_get_denial (self->item);

  gtk_image_set_from_icon_name (self->kind_icon, sc_denial_kind_icon_name (denial->kind));

  if (denial->hook != NULL)
    /* Translators: a snap hook, e.g. "configure hook" */
    target = g_strdup_printf (_("%s hook"), denial->hook);
  else
    target = g_strdup (target_display (denial));
  operation = sc_denial_format_operation (denial);
  title = g_strconcat (target, "  ", operation, NULL);
  if (g_strcmp0 (gtk_inscription_get_text (self->title_label), title) != 0)
    {
      /* Attributes rather than markup: parsing markup for 200 rows per batch
       * showed up in the loading profile. */
      PangoAttrList *attrs = pango_attr_list_new ();
      PangoAttribute *attr = pango_attr_weight_new (PANGO_WEIGHT_BOLD);

      attr->start_index = 0;
      attr->end_index = strlen (target);
      pango_attr_list_insert (attrs, attr);
      attr = pango_attr_foreground_alpha_new (65535 * 6 / 10);
      attr->start_index = strlen (target);
      attr->end_index = G_MAXUINT;
      pango_attr_list_insert (attrs, attr);
      gtk_inscription_set_text (self->title_label, title);
      gtk_inscription_set_attributes (self->title_label, attrs);
      pango_attr_list_unref (attrs);
    }

  switch (denial->mode)
    {
    case SC_DENIAL_MODE_DENIED:
      set_label (self->mode_badge, _("DENIED"));
      break;
    case SC_DENIAL_MODE_ALLOWED:
      set_label (self->mode_badge, _("ALLOWED"));
      break;
    case SC_DENIAL_MODE_LOGGED:
    default:
      set_label (self->mode_badge, _("LOGGED"));
      break;
    }
  if (self->mode != (int) denial->mode)
    {
      if (self->mode >= 0)
        gtk_widget_remove_css_class (GTK_WIDGET (self->mode_badge),
                                     sc_denial_mode_to_string ((ScDenialMode) self->mode));
      gtk_widget_add_css_class (GTK_WIDGET (self->mode_badge), sc_denial_mode_to_string (denial->mode));
      self->mode = (int) denial->mode;
    }

  object = sc_denial_item_get_object (self->item);
  set_text (self->object_label, object ? object : "");
  gtk_widget_set_visible (GTK_WIDGET (self->object_label), object != NULL && *object != '\0');

  result = sc_denial_item_get_suggestions (self->item);
  if (result != NULL && result->suggestions->len > 0)
    {
      const ScSuggestion *first = g_ptr_array_index (result->suggestions, 0);
      g_autofree char *text = NULL;

      text = g_strdup_printf ("%s · %s", sc_suggestion_get_plug_name (first), connect_label (first));
      set_bold_prefix (self->suggestion_label, text, strlen (sc_suggestion_get_plug_name (first)));
      set_text (self->reason_label, first->reason ? first->reason : "");
      gtk_widget_set_visible (self->suggestion_box, TRUE);
    }
  else
    {
      const char *advice;

      if (result != NULL && result->fix != NULL)
        advice = result->fix;
      else if (denial->noise)
        advice = denial->noise_reason ? denial->noise_reason
                                      : _("Logged by snapd itself, not by the app");
      else
        advice = _("No interface is known to allow this");

      set_bold_prefix (self->suggestion_label, _("Not an interface problem"),
                       strlen (_("Not an interface problem")));
      set_text (self->reason_label, advice);
      gtk_widget_set_visible (self->suggestion_box, TRUE);
    }

  update_action (self);
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
    add_suggestion (self, g_ptr_array_index (result->suggestions, 0));
}

static void
ignore_clicked_cb (ScDenialRow *self)
{
  if (self->item != NULL)
    g_signal_emit (self, signals[IGNORE], 0);
}

static void
revealer_child_revealed_cb (ScDenialRow *self)
{
  if (self->details_revealer != NULL &&
      !gtk_revealer_get_child_revealed (self->details_revealer) &&
      !gtk_toggle_button_get_active (self->details_button))
    gtk_widget_set_visible (GTK_WIDGET (self->details_revealer), FALSE);
}

/* The revealer is the card's last child, made when the card is first opened. */
static GtkRevealer *
ensure_details_revealer (ScDenialRow *self)
{
  if (self->details_revealer == NULL)
    {
      self->details_revealer = GTK_REVEALER (gtk_revealer_new ());
      gtk_revealer_set_transition_type (self->details_revealer,
                                        GTK_REVEALER_TRANSITION_TYPE_SLIDE_DOWN);
      gtk_widget_set_visible (GTK_WIDGET (self->details_revealer), FALSE);
      g_signal_connect_swapped (self->details_revealer, "notify::child-revealed",
                                G_CALLBACK (revealer_child_revealed_cb), self);
      gtk_widget_set_parent (GTK_WIDGET (self->details_revealer), GTK_WIDGET (self));
    }
  return self->details_revealer;
}

static void
details_toggled_cb (ScDenialRow *self)
{
  gboolean active = gtk_toggle_button_get_active (self->details_button);

  self->expanded = active;
  gtk_button_set_icon_name (GTK_BUTTON (self->details_button),
                            active ? "pan-up-symbolic" : "pan-down-symbolic");
  if (!active && self->details_revealer == NULL)
    return;

  ensure_details_revealer (self);
  if (active && self->item != NULL)
    {
      if (gtk_revealer_get_child (self->details_revealer) == NULL)
        gtk_revealer_set_child (self->details_revealer, build_details (self));
      gtk_widget_set_visible (GTK_WIDGET (self->details_revealer), TRUE);
    }
  gtk_revealer_set_reveal_child (self->details_revealer, active);
}

/* ---- Tooltips --------------------------------------------------------- */

/* One handler for the whole card rather than a handler and a copy of the
 * text on each of its widgets: GTK 4.8 keeps 200 cards, and the texts are
 * only wanted when the pointer rests on one. */
static gboolean
is_within (GtkWidget *widget,
           gpointer   ancestor)
{
  return ancestor != NULL && (widget == ancestor || gtk_widget_is_ancestor (widget, ancestor));
}

static gboolean
sc_denial_row_query_tooltip (GtkWidget  *widget,
                             int         x,
                             int         y,
                             gboolean    keyboard_mode,
                             GtkTooltip *tooltip)
{
  ScDenialRow *self = SC_DENIAL_ROW (widget);
  g_autofree char *owned = NULL;
  const char *text = NULL;
  GtkWidget *target;
  ScDenial *denial;

  if (self->item == NULL)
    return FALSE;

  if (keyboard_mode)
    target = gtk_widget_get_root (widget) != NULL
             ? gtk_root_get_focus (gtk_widget_get_root (widget)) : NULL;
  else
    target = gtk_widget_pick (widget, x, y, GTK_PICK_DEFAULT);
  if (target == NULL)
    return FALSE;

  denial = sc_denial_item_get_denial (self->item);
  if (is_within (target, self->details_button))
    text = _("Details");
  else if (is_within (target, self->ignore_button))
    text = _("Hide this denial for this project");
  else if (is_within (target, self->kind_icon))
    text = sc_denial_kind_display_name (denial->kind);
  else if (is_within (target, self->title_label))
    text = owned = sc_denial_format_operation (denial);
  else if (is_within (target, self->mode_badge))
    switch (denial->mode)
      {
      case SC_DENIAL_MODE_DENIED:
        text = _("Blocked: the snap was refused this access");
        break;
      case SC_DENIAL_MODE_ALLOWED:
        text = _("Allowed in devmode, but strict confinement would block it");
        break;
      case SC_DENIAL_MODE_LOGGED:
      default:
        text = _("System call logged in devmode; strict confinement would refuse it");
        break;
      }
  else if (is_within (target, self->object_label))
    text = sc_denial_item_get_object (self->item);
  else if (is_within (target, self->reason_label))
    /* The reason or advice, which the single line may cut short. */
    text = gtk_inscription_get_text (self->reason_label);
  else if (is_within (target, self->add_button) || is_within (target, GTK_WIDGET (self->state_label)))
    {
      const ScSuggestionResult *result = sc_denial_item_get_suggestions (self->item);
      g_auto(Action) action = { 0 };

      if (result == NULL || result->suggestions->len == 0)
        return FALSE;
      decide_action (self, g_ptr_array_index (result->suggestions, 0), &action);
      text = owned = g_steal_pointer (&action.tooltip);
    }

  if (text == NULL || *text == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* ---- GObject ---------------------------------------------------------- */

static void
sc_denial_row_dispose (GObject *object)
{
  ScDenialRow *self = (ScDenialRow *) object;
  GtkWidget *child;

  if (self->item != NULL)
    {
      g_clear_signal_handler (&self->notify_id, self->item);
      g_clear_object (&self->item);
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), SC_TYPE_DENIAL_ROW);
  self->state_label = NULL;
  self->details_revealer = NULL;
  /* Boxes without an id binding are not cleared by the template. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (sc_denial_row_parent_class)->dispose (object);
}

static void
sc_denial_row_finalize (GObject *object)
{
  ScDenialRow *self = (ScDenialRow *) object;

  g_clear_pointer (&self->plan, sc_denial_plan_unref);
  g_clear_pointer (&self->installed, sc_snapd_snap_unref);

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
  widget_class->query_tooltip = sc_denial_row_query_tooltip;

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
  gtk_widget_class_bind_template_child (widget_class, ScDenialRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, ScDenialRow, mode_badge);
  gtk_widget_class_bind_template_child (widget_class, ScDenialRow, object_label);
  gtk_widget_class_bind_template_child (widget_class, ScDenialRow, suggestion_box);
  gtk_widget_class_bind_template_child (widget_class, ScDenialRow, suggestion_label);
  gtk_widget_class_bind_template_child (widget_class, ScDenialRow, reason_label);
  gtk_widget_class_bind_template_child (widget_class, ScDenialRow, add_button);
  gtk_widget_class_bind_template_child (widget_class, ScDenialRow, meta_label);
  gtk_widget_class_bind_template_child (widget_class, ScDenialRow, details_button);
  gtk_widget_class_bind_template_child (widget_class, ScDenialRow, ignore_button);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, ignore_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, details_toggled_cb);

  gtk_widget_class_set_css_name (widget_class, "sc-denial-row");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
sc_denial_row_init (ScDenialRow *self)
{
  self->mode = -1;
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
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
sc_denial_row_set_plan (ScDenialRow  *self,
                        ScDenialPlan *plan)
{
  g_return_if_fail (SC_IS_DENIAL_ROW (self));

  if (self->plan != plan)
    {
      g_clear_pointer (&self->plan, sc_denial_plan_unref);
      self->plan = plan != NULL ? sc_denial_plan_ref (plan) : NULL;
    }
  sc_denial_row_refresh_action (self);
}

void
sc_denial_row_refresh_action (ScDenialRow *self)
{
  g_return_if_fail (SC_IS_DENIAL_ROW (self));

  update_action (self);

  /* The buttons of the further suggestions follow. */
  if (self->details_revealer != NULL && gtk_revealer_get_child (self->details_revealer) != NULL)
    gtk_revealer_set_child (self->details_revealer,
                            self->item ? build_details (self) : NULL);
}

void
sc_denial_row_update_time (ScDenialRow *self,
                           gint64       now_usec)
{
  g_return_if_fail (SC_IS_DENIAL_ROW (self));

  update_meta (self, now_usec);
}
