/* sc-denial-sidebar.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The denial sidebar: a list of denial groups as cards, its status line
 * and pages, and its API. Loading never blocks the window: the core's
 * loader (sc-denial-loader.c) reads the source in a worker thread, groups
 * records in an ScDenialStore, and hands snapshots of the groups it
 * touched to the main loop in batches, which sc-denial-sidebar-load.c
 * applies under a time budget (and follows the source). The list is kept
 * sorted in sc-denial-sidebar-list.c; sources are chosen in
 * sc-denial-sidebar-sources.c.
 */

#define G_LOG_DOMAIN "sc-denial-sidebar"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-denial-item.h"
#include "sc-denial-row.h"
#include "sc-denial-sidebar-private.h"
#include "sc-denial-source.h"
#include "sc-utils.h"

#define TICK_SECONDS          30


G_DEFINE_FINAL_TYPE (ScDenialSidebar, sc_denial_sidebar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_FOLLOW,
  PROP_IGNORED,
  PROP_SHOW_NOISE,
  PROP_SORT_BY,
  PROP_LOADING,
  PROP_SINCE_INSTALL,
  N_PROPS
};

enum {
  ADD_PLUG,
  ADD_TOAST,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* The handler takes the reference, as adw_toast_overlay_add_toast() does;
 * without one the toast is dropped. */
void
_sc_denial_sidebar_emit_toast (ScDenialSidebar *self,
            AdwToast        *toast)
{
  if (!g_signal_has_handler_pending (self, signals[ADD_TOAST], 0, TRUE))
    {
      g_object_unref (toast);
      return;
    }
  g_signal_emit (self, signals[ADD_TOAST], 0, toast);
}

static void update_status  (ScDenialSidebar *self);

/* ---- Applying batches on the main thread ------------------------------ */

/* Decided from the group, without an item: a filter change asks about
 * every listed group. */
static gboolean
group_visible (ScDenialModel       *model,
               const ScDenialGroup *group,
               gpointer             user_data)
{
  ScDenialSidebar *self = user_data;

  if (!self->show_noise && sc_denial_group_is_noise (group))
    return FALSE;
  if (g_hash_table_size (self->ignored) > 0 && g_hash_table_contains (self->ignored, group->key))
    return FALSE;
  if (self->since_install && self->installed != NULL && self->installed->install_usec > 0 &&
      sc_denial_model_get_last_seen (model, group->index) < self->installed->install_usec)
    return FALSE;
  return TRUE;
}

/* ---- Status ----------------------------------------------------------- */

void
_sc_denial_sidebar_notify_loading (ScDenialSidebar *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

void
_sc_denial_sidebar_update_status (ScDenialSidebar *self)
{
  update_status (self);
}

static void
update_status (ScDenialSidebar *self)
{
  guint n_groups = sc_denial_model_get_n_listed (self->items);
  guint n_visible = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  g_autofree char *text = NULL;
  g_autofree char *groups = NULL;
  g_autofree char *records = NULL;
  g_autofree char *n_records = NULL;

  /* Translators: number of denial groups shown in the sidebar */
  groups = g_strdup_printf (ngettext ("%u denial", "%u denials", n_visible), n_visible);
  /* xgettext cannot see through G_GUINT64_FORMAT (the message would be
   * extracted as a bare "%" and never match), so numbers go in as strings.
   * tests/test-po.sh fails on such messages. */
  n_records = g_strdup_printf ("%" G_GUINT64_FORMAT, self->n_records);
  /* Translators: number of log records the groups were made from; %s is the number */
  records = g_strdup_printf (ngettext ("%s record", "%s records",
                                       (gulong) MIN (self->n_records, G_MAXULONG)),
                             n_records);
  if (self->loading && n_visible == 0)
    text = g_strdup (records);   /* the loading page counts the denials */
  else if (n_groups > n_visible)
    /* Translators: "12 denials · 3 hidden · 140 records" */
    text = g_strdup_printf (_("%s · %u hidden · %s"), groups, n_groups - n_visible, records);
  else
    /* Translators: "12 denials · 140 records" */
    text = g_strdup_printf (_("%s · %s"), groups, records);
  if (self->n_dropped > 0)
    {
      g_autofree char *n_dropped = g_strdup_printf ("%" G_GUINT64_FORMAT, self->n_dropped);
      g_autofree char *more = NULL;
      g_autofree char *shown = NULL;

      /* Translators: groups beyond the sidebar's limit; %s is the number */
      more = g_strdup_printf (ngettext ("%s more group not shown", "%s more groups not shown",
                                        (gulong) MIN (self->n_dropped, G_MAXULONG)), n_dropped);
      /* Translators: "12 denials · 140 records" followed by "3 more groups not shown" */
      shown = g_strdup_printf (_("%s · %s"), text, more);
      g_free (text);
      text = g_steal_pointer (&shown);
    }
  if (g_strcmp0 (gtk_label_get_label (self->status_label), text) != 0)
    gtk_label_set_label (self->status_label, text);

  if (self->n_lost > 0)
    {
      g_autofree char *title = NULL;
      g_autofree char *n_lost = g_strdup_printf ("%" G_GUINT64_FORMAT, self->n_lost);

      /* Translators: records lost to the kernel's printk rate limit; %s is the number */
      title = g_strdup_printf (ngettext ("%s record was lost", "%s records were lost",
                                         (gulong) MIN (self->n_lost, G_MAXULONG)),
                               n_lost);
      gtk_label_set_label (self->lost_title, title);
    }
  gtk_revealer_set_reveal_child (self->lost_revealer, self->n_lost > self->lost_dismissed);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "error") == 0)
    return;

  if (n_visible > 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "list");
    }
  else if (self->loading && _sc_denial_sidebar_job_is_initial (self))
    {
      guint found = sc_denial_model_get_n_known (self->items);
      g_autofree char *progress = NULL;

      /* Translators: progress while reading: "1200 denials in 45000 records" */
      progress = g_strdup_printf (ngettext ("%u denial in %s", "%u denials in %s", found),
                                  found, records);
      if (g_strcmp0 (gtk_label_get_label (self->loading_label), progress) != 0)
        gtk_label_set_label (self->loading_label, progress);
      gtk_stack_set_visible_child_name (self->stack, "loading");
      gtk_spinner_start (self->spinner);
    }
  else
    {
      gboolean offer_log = self->project_log != NULL &&
                           g_strcmp0 (self->options.path, self->project_log) != 0;

      gtk_widget_set_visible (GTK_WIDGET (self->project_log_button), offer_log && n_groups == 0);
      adw_status_page_set_title (self->empty_page, _("No Denials"));
      adw_status_page_set_icon_name (self->empty_page, "security-high-symbolic");
      if (n_groups == 0 && self->source_problem != NULL)
        {
          /* Not "nothing was refused": nothing could have been seen. */
          adw_status_page_set_title (self->empty_page, _("Denials Cannot Be Seen Here"));
          adw_status_page_set_icon_name (self->empty_page, "dialog-warning-symbolic");
          adw_status_page_set_description (self->empty_page, self->source_problem);
        }
      else if (n_groups > 0)
        adw_status_page_set_description (self->empty_page,
                                         _("Every denial is hidden: ignored, or logged by snapd "
                                           "itself. Use the view menu to show them."));
      else if (self->project != NULL)
        adw_status_page_set_description (self->empty_page,
                                         _("Nothing was refused to this snap. Install it in "
                                           "devmode and use every feature: what strict "
                                           "confinement would block shows up here."));
      else
        adw_status_page_set_description (self->empty_page,
                                         _("No confinement denials were found in this source."));
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }
}

/* ---- List rows -------------------------------------------------------- */

static void
refresh_rows (ScDenialSidebar *self)
{
  GHashTableIter iter;
  gpointer row;

  g_hash_table_iter_init (&iter, self->bound_rows);
  while (g_hash_table_iter_next (&iter, &row, NULL))
    {
      sc_denial_row_set_installed (row, self->installed);
      sc_denial_row_set_plan (row, self->plan);
    }
}

static void
row_add_plug_cb (ScDenialRow     *row,
                 const char      *target,
                 const char      *plug,
                 GVariant        *definition,
                 ScDenialSidebar *self)
{
  g_signal_emit (self, signals[ADD_PLUG], 0, target, plug, definition);
  /* Other cards may ask for the same plug: they now say it was added. */
  refresh_rows (self);
}

static int
strv_compare (gconstpointer a,
              gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

static void
ignored_changed (ScDenialSidebar *self)
{
  GHashTableIter iter;
  gpointer key;
  guint i = 0;

  g_strfreev (self->ignored_strv);
  self->ignored_strv = g_new0 (char *, g_hash_table_size (self->ignored) + 1);
  g_hash_table_iter_init (&iter, self->ignored);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    self->ignored_strv[i++] = g_strdup (key);
  qsort (self->ignored_strv, i, sizeof (char *), strv_compare);

  sc_denial_model_refilter (self->items);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IGNORED]);
  update_status (self);
}

static void
unignore_cb (AdwToast        *toast,
             ScDenialSidebar *self)
{
  const char *key = g_object_get_data (G_OBJECT (toast), "sc-key");

  if (key != NULL && g_hash_table_remove (self->ignored, key))
    ignored_changed (self);
}

static void
row_ignore_cb (ScDenialRow     *row,
               ScDenialSidebar *self)
{
  ScDenialItem *item = sc_denial_row_get_item (row);
  const char *key;
  AdwToast *toast;

  if (item == NULL)
    return;

  key = sc_denial_item_get_key (item);
  if (!g_hash_table_add (self->ignored, g_strdup (key)))
    return;
  ignored_changed (self);

  toast = adw_toast_new (_("Denial ignored for this project"));
  adw_toast_set_button_label (toast, _("_Undo"));
  g_object_set_data_full (G_OBJECT (toast), "sc-key", g_strdup (key), g_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (unignore_cb), self, 0);
  _sc_denial_sidebar_emit_toast (self, toast);
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          ScDenialSidebar          *self)
{
  GtkWidget *row = sc_denial_row_new ();

  g_signal_connect_object (row, "add-plug", G_CALLBACK (row_add_plug_cb), self, 0);
  g_signal_connect_object (row, "ignore", G_CALLBACK (row_ignore_cb), self, 0);
  gtk_list_item_set_activatable (list_item, FALSE);
  gtk_list_item_set_selectable (list_item, FALSE);
  gtk_list_item_set_child (list_item, row);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *list_item,
         ScDenialSidebar          *self)
{
  ScDenialRow *row = SC_DENIAL_ROW (gtk_list_item_get_child (list_item));

  sc_denial_row_set_item (row, gtk_list_item_get_item (list_item));
  sc_denial_row_set_installed (row, self->installed);
  sc_denial_row_set_plan (row, self->plan);
  g_hash_table_add (self->bound_rows, row);
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           ScDenialSidebar          *self)
{
  ScDenialRow *row = SC_DENIAL_ROW (gtk_list_item_get_child (list_item));

  g_hash_table_remove (self->bound_rows, row);
  sc_denial_row_set_item (row, NULL);
}

static void
teardown_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             ScDenialSidebar          *self)
{
  GtkWidget *row = gtk_list_item_get_child (list_item);

  if (row != NULL)
    g_hash_table_remove (self->bound_rows, row);
}

static gboolean
tick_cb (gpointer user_data)
{
  ScDenialSidebar *self = user_data;
  gint64 now = g_get_real_time ();
  GHashTableIter iter;
  gpointer row;

  g_hash_table_iter_init (&iter, self->bound_rows);
  while (g_hash_table_iter_next (&iter, &row, NULL))
    sc_denial_row_update_time (row, now);

  return G_SOURCE_CONTINUE;
}

static void
dismiss_lost_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  ScDenialSidebar *self = SC_DENIAL_SIDEBAR (widget);

  /* Until more records are lost. */
  self->lost_dismissed = self->n_lost;
  gtk_revealer_set_reveal_child (self->lost_revealer, FALSE);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  sc_denial_sidebar_reload (SC_DENIAL_SIDEBAR (widget));
}

static void
reset_ignored_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  sc_denial_sidebar_set_ignored (SC_DENIAL_SIDEBAR (widget), NULL);
}

static void
copy_ratelimit_command_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *param)
{
  ScDenialSidebar *self = SC_DENIAL_SIDEBAR (widget);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget),
                          "sudo sysctl -w kernel.printk_ratelimit=0");
  _sc_denial_sidebar_emit_toast (self, adw_toast_new (_("Command copied")));
}

/* ---- GObject ---------------------------------------------------------- */

static void
sc_denial_sidebar_dispose (GObject *object)
{
  ScDenialSidebar *self = (ScDenialSidebar *) object;

  g_clear_pointer (&self->installed, sc_snapd_snap_unref);
  _sc_denial_sidebar_cancel_job (self);
  if (self->fd_source != NULL)
    {
      g_source_destroy (self->fd_source);
      g_clear_pointer (&self->fd_source, g_source_unref);
    }
  g_clear_handle_id (&self->tick_id, g_source_remove);

  if (self->list_view != NULL)
    gtk_grid_view_set_model (self->list_view, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SC_TYPE_DENIAL_SIDEBAR);
  /* Boxes without an id binding are not cleared by the template. */
  {
    GtkWidget *child;

    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
      gtk_widget_unparent (child);
  }

  g_clear_object (&self->items);
  g_clear_pointer (&self->pending_new, g_array_unref);
  g_clear_pointer (&self->reader, sc_journal_reader_free);
  g_clear_pointer (&self->store, sc_denial_store_unref);
  g_clear_pointer (&self->plan, sc_denial_plan_unref);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (sc_denial_sidebar_parent_class)->dispose (object);
}

static void
sc_denial_sidebar_finalize (GObject *object)
{
  ScDenialSidebar *self = (ScDenialSidebar *) object;

  sc_journal_options_clear (&self->options);
  g_clear_pointer (&self->ignored, g_hash_table_unref);
  g_clear_pointer (&self->ignored_strv, g_strfreev);
  g_clear_pointer (&self->bound_rows, g_hash_table_unref);
  g_clear_pointer (&self->sort_by, g_free);
  g_clear_pointer (&self->source_problem, g_free);
  g_clear_pointer (&self->project_log, g_free);
  _sc_denial_sidebar_remove_paste_file (self);

  G_OBJECT_CLASS (sc_denial_sidebar_parent_class)->finalize (object);
}

static void
sc_denial_sidebar_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  ScDenialSidebar *self = SC_DENIAL_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    case PROP_FOLLOW:
      g_value_set_boolean (value, self->follow);
      break;
    case PROP_IGNORED:
      g_value_set_boxed (value, self->ignored_strv);
      break;
    case PROP_SHOW_NOISE:
      g_value_set_boolean (value, self->show_noise);
      break;
    case PROP_SORT_BY:
      g_value_set_string (value, self->sort_by);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    case PROP_SINCE_INSTALL:
      g_value_set_boolean (value, self->since_install);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
set_sort_by (ScDenialSidebar *self,
             const char      *sort_by)
{
  if (g_strcmp0 (sort_by, "count") != 0)
    sort_by = "last-seen";

  if (sc_set_str (&self->sort_by, sort_by))
    {
      if (self->items != NULL)
        _sc_denial_sidebar_resort (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT_BY]);
    }
}

static void
sc_denial_sidebar_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  ScDenialSidebar *self = SC_DENIAL_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      sc_denial_sidebar_set_project (self, g_value_get_object (value));
      break;
    case PROP_FOLLOW:
      sc_denial_sidebar_set_follow (self, g_value_get_boolean (value));
      break;
    case PROP_IGNORED:
      sc_denial_sidebar_set_ignored (self, g_value_get_boxed (value));
      break;
    case PROP_SHOW_NOISE:
      sc_denial_sidebar_set_show_noise (self, g_value_get_boolean (value));
      break;
    case PROP_SORT_BY:
      set_sort_by (self, g_value_get_string (value));
      break;
    case PROP_SINCE_INSTALL:
      sc_denial_sidebar_set_since_install (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_denial_sidebar_map (GtkWidget *widget)
{
  ScDenialSidebar *self = SC_DENIAL_SIDEBAR (widget);

  GTK_WIDGET_CLASS (sc_denial_sidebar_parent_class)->map (widget);

  /* Read lazily: a hidden sidebar costs nothing until it is first shown. */
  if (!self->have_source)
    sc_denial_sidebar_reload (self);

  if (self->tick_id == 0)
    self->tick_id = g_timeout_add_seconds (TICK_SECONDS, tick_cb, self);
}

static void
sc_denial_sidebar_unmap (GtkWidget *widget)
{
  ScDenialSidebar *self = SC_DENIAL_SIDEBAR (widget);

  g_clear_handle_id (&self->tick_id, g_source_remove);

  GTK_WIDGET_CLASS (sc_denial_sidebar_parent_class)->unmap (widget);
}

static void
sc_denial_sidebar_class_init (ScDenialSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sc_denial_sidebar_dispose;
  object_class->finalize = sc_denial_sidebar_finalize;
  object_class->get_property = sc_denial_sidebar_get_property;
  object_class->set_property = sc_denial_sidebar_set_property;

  widget_class->map = sc_denial_sidebar_map;
  widget_class->unmap = sc_denial_sidebar_unmap;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, SC_TYPE_PROJECT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_FOLLOW] =
    g_param_spec_boolean ("follow", NULL, NULL, TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_IGNORED] =
    g_param_spec_boxed ("ignored", NULL, NULL, G_TYPE_STRV,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SHOW_NOISE] =
    g_param_spec_boolean ("show-noise", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SORT_BY] =
    g_param_spec_string ("sort-by", NULL, NULL, "last-seen",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SINCE_INSTALL] =
    g_param_spec_boolean ("since-install", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ScDenialSidebar::add-plug:
   * @target: the app name or "hook:NAME"
   * @plug: the plug name to list under the target
   * @definition: (nullable): a{sv} top-level plug definition to create
   */
  signals[ADD_PLUG] =
    g_signal_new ("add-plug",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3,
                  G_TYPE_STRING, G_TYPE_STRING, G_TYPE_VARIANT);

  signals[ADD_TOAST] =
    g_signal_new ("add-toast",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1,
                  ADW_TYPE_TOAST);

  g_type_ensure (SC_TYPE_DENIAL_ROW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/SnapConfine/sc-denial-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, ScDenialSidebar, source_button);
  gtk_widget_class_bind_template_child (widget_class, ScDenialSidebar, source_label);
  gtk_widget_class_bind_template_child (widget_class, ScDenialSidebar, source_icon);
  gtk_widget_class_bind_template_child (widget_class, ScDenialSidebar, follow_switch);
  gtk_widget_class_bind_template_child (widget_class, ScDenialSidebar, lost_revealer);
  gtk_widget_class_bind_template_child (widget_class, ScDenialSidebar, lost_title);
  gtk_widget_class_bind_template_child (widget_class, ScDenialSidebar, notes_revealer);
  gtk_widget_class_bind_template_child (widget_class, ScDenialSidebar, notes_label);
  gtk_widget_class_bind_template_child (widget_class, ScDenialSidebar, stack);
  gtk_widget_class_bind_template_child (widget_class, ScDenialSidebar, list_view);
  gtk_widget_class_bind_template_child (widget_class, ScDenialSidebar, empty_page);
  gtk_widget_class_bind_template_child (widget_class, ScDenialSidebar, error_page);
  gtk_widget_class_bind_template_child (widget_class, ScDenialSidebar, spinner);
  gtk_widget_class_bind_template_child (widget_class, ScDenialSidebar, loading_label);
  gtk_widget_class_bind_template_child (widget_class, ScDenialSidebar, status_spinner);
  gtk_widget_class_bind_template_child (widget_class, ScDenialSidebar, status_label);
  gtk_widget_class_bind_template_child (widget_class, ScDenialSidebar, project_log_button);

  _sc_denial_sidebar_class_sources_init (widget_class);
  gtk_widget_class_install_action (widget_class, "sidebar.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "sidebar.dismiss-lost", NULL, dismiss_lost_action);
  gtk_widget_class_install_action (widget_class, "sidebar.reset-ignored", NULL,
                                   reset_ignored_action);
  gtk_widget_class_install_action (widget_class, "sidebar.copy-ratelimit-command", NULL,
                                   copy_ratelimit_command_action);
  gtk_widget_class_install_property_action (widget_class, "sidebar.show-noise", "show-noise");
  gtk_widget_class_install_property_action (widget_class, "sidebar.since-install", "since-install");
  gtk_widget_class_install_property_action (widget_class, "sidebar.sort-by", "sort-by");

  gtk_widget_class_set_css_name (widget_class, "sc-denial-sidebar");
}

static void
sc_denial_sidebar_init (ScDenialSidebar *self)
{
  GtkListItemFactory *factory;

  self->follow = TRUE;
  self->max_groups = SC_DENIAL_SIDEBAR_DEFAULT_MAX_GROUPS;
  self->sort_by = g_strdup ("last-seen");
  self->options.type = SC_JOURNAL_SOURCE_SYSTEM;
  self->ignored = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->ignored_strv = g_new0 (char *, 1);
  self->bound_rows = g_hash_table_new (NULL, NULL);
  self->pending_new = g_array_new (FALSE, FALSE, sizeof (guint32));

  gtk_widget_init_template (GTK_WIDGET (self));

  self->items = sc_denial_model_new ();
  sc_denial_model_set_filter (self->items, group_visible, self);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect_object (factory, "setup", G_CALLBACK (setup_cb), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_cb), self, 0);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (unbind_cb), self, 0);
  g_signal_connect_object (factory, "teardown", G_CALLBACK (teardown_cb), self, 0);
  gtk_grid_view_set_factory (self->list_view, factory);
  g_object_unref (factory);

  {
    GtkNoSelection *selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->items)));

    gtk_grid_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
    g_object_unref (selection);
  }

  g_object_bind_property (self, "follow", self->follow_switch, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);

  _sc_denial_sidebar_update_source_label (self);
  _sc_denial_sidebar_update_project_log (self);
  update_status (self);
  /* Until snapd says when the installed revision came. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sidebar.since-install", FALSE);
}

/* ---- Public API ------------------------------------------------------- */

GtkWidget *
sc_denial_sidebar_new (void)
{
  return g_object_new (SC_TYPE_DENIAL_SIDEBAR, NULL);
}

ScProject *
sc_denial_sidebar_get_project (ScDenialSidebar *self)
{
  g_return_val_if_fail (SC_IS_DENIAL_SIDEBAR (self), NULL);

  return self->project;
}

void
sc_denial_sidebar_set_project (ScDenialSidebar *self,
                               ScProject       *project)
{
  const char *old_name;
  const char *new_name;
  gboolean same_snap;

  g_return_if_fail (SC_IS_DENIAL_SIDEBAR (self));
  g_return_if_fail (project == NULL || SC_IS_PROJECT (project));

  if (self->project == project)
    return;

  old_name = self->project ? sc_project_get_name (self->project) : NULL;
  new_name = project ? sc_project_get_name (project) : NULL;
  same_snap = g_strcmp0 (old_name, new_name) == 0;

  g_set_object (&self->project, project);
  g_clear_pointer (&self->plan, sc_denial_plan_unref);
  g_clear_pointer (&self->project_log, g_free);
  if (project != NULL)
    {
      self->plan = sc_denial_plan_new (project);
      self->project_log = sc_project_find_denial_log (project);
    }
  _sc_denial_sidebar_update_project_log (self);

  /* A reloaded project of the same snap keeps what was read; only what
   * the cards offer changes. */
  if (same_snap)
    {
      refresh_rows (self);
    }
  else
    {
      sc_set_str (&self->options.snap, new_name);
      if (self->have_source)
        sc_denial_sidebar_reload (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

gboolean
sc_denial_sidebar_get_follow (ScDenialSidebar *self)
{
  g_return_val_if_fail (SC_IS_DENIAL_SIDEBAR (self), FALSE);

  return self->follow;
}

void
sc_denial_sidebar_set_follow (ScDenialSidebar *self,
                              gboolean         follow)
{
  g_return_if_fail (SC_IS_DENIAL_SIDEBAR (self));

  follow = !!follow;
  if (self->follow == follow)
    return;

  self->follow = follow;
  _sc_denial_sidebar_update_follow (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOLLOW]);
}

const char * const *
sc_denial_sidebar_get_ignored (ScDenialSidebar *self)
{
  g_return_val_if_fail (SC_IS_DENIAL_SIDEBAR (self), NULL);

  return (const char * const *) self->ignored_strv;
}

void
sc_denial_sidebar_set_ignored (ScDenialSidebar    *self,
                               const char * const *ignored)
{
  g_autoptr(GHashTable) old = NULL;
  gboolean changed = FALSE;
  GHashTableIter iter;
  gpointer key;

  g_return_if_fail (SC_IS_DENIAL_SIDEBAR (self));

  old = g_steal_pointer (&self->ignored);
  self->ignored = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; ignored != NULL && ignored[i] != NULL; i++)
    {
      g_hash_table_add (self->ignored, g_strdup (ignored[i]));
      if (!g_hash_table_contains (old, ignored[i]))
        changed = TRUE;
    }

  g_hash_table_iter_init (&iter, old);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (self->ignored, key))
      changed = TRUE;

  if (changed)
    ignored_changed (self);
}

gboolean
sc_denial_sidebar_get_show_noise (ScDenialSidebar *self)
{
  g_return_val_if_fail (SC_IS_DENIAL_SIDEBAR (self), FALSE);

  return self->show_noise;
}

void
sc_denial_sidebar_set_show_noise (ScDenialSidebar *self,
                                  gboolean         show_noise)
{
  g_return_if_fail (SC_IS_DENIAL_SIDEBAR (self));

  show_noise = !!show_noise;
  if (self->show_noise == show_noise)
    return;

  self->show_noise = show_noise;
  sc_denial_model_refilter (self->items);
  update_status (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_NOISE]);
}

gboolean
sc_denial_sidebar_get_since_install (ScDenialSidebar *self)
{
  g_return_val_if_fail (SC_IS_DENIAL_SIDEBAR (self), FALSE);
  return self->since_install;
}

void
sc_denial_sidebar_set_since_install (ScDenialSidebar *self,
                                     gboolean         since_install)
{
  g_return_if_fail (SC_IS_DENIAL_SIDEBAR (self));

  since_install = !!since_install;
  if (self->since_install == since_install)
    return;
  self->since_install = since_install;
  sc_denial_model_refilter (self->items);
  update_status (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SINCE_INSTALL]);
}

void
sc_denial_sidebar_set_installed (ScDenialSidebar *self,
                                 ScSnapdSnap     *snap)
{
  gint64 before, after;

  g_return_if_fail (SC_IS_DENIAL_SIDEBAR (self));

  before = self->installed != NULL ? self->installed->install_usec : 0;
  after = snap != NULL ? snap->install_usec : 0;
  if (snap != NULL)
    sc_snapd_snap_ref (snap);
  g_clear_pointer (&self->installed, sc_snapd_snap_unref);
  self->installed = snap;
  /* "Since this revision" needs to know when it was installed. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sidebar.since-install", after > 0);
  if (self->since_install && before != after)
    {
      sc_denial_model_refilter (self->items);
      update_status (self);
    }
  refresh_rows (self);
}

gboolean
sc_denial_sidebar_get_loading (ScDenialSidebar *self)
{
  g_return_val_if_fail (SC_IS_DENIAL_SIDEBAR (self), FALSE);

  return self->loading;
}

void
sc_denial_sidebar_set_source (ScDenialSidebar        *self,
                              const ScJournalOptions *options)
{
  g_return_if_fail (SC_IS_DENIAL_SIDEBAR (self));

  sc_journal_options_clear (&self->options);
  memset (&self->options, 0, sizeof self->options);

  if (options != NULL)
    {
      self->options.type = options->type;
      self->options.path = g_strdup (options->path);
      self->options.files = g_strdupv (options->files);
      self->options.since_usec = options->since_usec;
      self->options.this_boot = options->this_boot;
    }
  else
    {
      self->options.type = SC_JOURNAL_SOURCE_SYSTEM;
    }
  self->options.snap = self->project ? g_strdup (sc_project_get_name (self->project)) : NULL;

  /* Pasted records are kept only while they are shown. */
  if (self->paste_path != NULL && g_strcmp0 (self->options.path, self->paste_path) != 0)
    _sc_denial_sidebar_remove_paste_file (self);

  _sc_denial_sidebar_update_source_label (self);
  sc_denial_sidebar_set_follow (self, self->options.type == SC_JOURNAL_SOURCE_SYSTEM);
  sc_denial_sidebar_reload (self);
}

void
sc_denial_sidebar_reload (ScDenialSidebar *self)
{
  const char *snap;

  g_return_if_fail (SC_IS_DENIAL_SIDEBAR (self));

  _sc_denial_sidebar_cancel_job (self);
  if (self->fd_source != NULL)
    {
      g_source_destroy (self->fd_source);
      g_clear_pointer (&self->fd_source, g_source_unref);
    }
  g_clear_pointer (&self->reader, sc_journal_reader_free);

  g_array_set_size (self->pending_new, 0);
  g_clear_pointer (&self->store, sc_denial_store_unref);

  snap = self->project ? sc_project_get_name (self->project) : NULL;
  self->store = sc_denial_store_new (snap);
  /* A record of a text log is read again from the log when its card is
   * opened: the store keeps its place, not its text. */
  sc_denial_store_set_keep_spans (self->store, TRUE);
  sc_denial_model_reset (self->items, self->store);
  sc_denial_store_set_max_groups (self->store, self->max_groups);
  self->n_dropped = 0;
  self->n_lost = 0;
  self->n_records = 0;
  self->have_source = TRUE;

  self->lost_dismissed = 0;
  g_clear_pointer (&self->source_problem, g_free);
  if (self->options.type == SC_JOURNAL_SOURCE_SYSTEM)
    sc_denial_source_check_system (NULL, NULL, &self->source_problem);

  gtk_revealer_set_reveal_child (self->notes_revealer, FALSE);
  gtk_revealer_set_reveal_child (self->lost_revealer, FALSE);
  gtk_stack_set_visible_child_name (self->stack, "loading");

  _sc_denial_sidebar_start_job (self, TRUE);
  update_status (self);
}

void
sc_denial_sidebar_update_added (ScDenialSidebar           *self,
                                ScDenialSidebarTickedFunc  is_ticked,
                                gpointer                   user_data)
{
  GPtrArray *targets;
  gboolean changed = FALSE;

  g_return_if_fail (SC_IS_DENIAL_SIDEBAR (self));
  g_return_if_fail (is_ticked != NULL);

  if (self->plan == NULL)
    return;

  targets = sc_denial_plan_get_targets (self->plan);
  for (guint i = 0; i < targets->len; i++)
    {
      ScPlannedTarget *tp = g_ptr_array_index (targets, i);

      /* From the end: forgetting removes from this array. */
      for (guint j = tp->plugs->len; j > 0; j--)
        {
          ScPlannedPlug *p = g_ptr_array_index (tp->plugs, j - 1);

          if (!is_ticked (tp->target, p->plug, user_data) &&
              sc_denial_plan_forget_plug (self->plan, tp->target, p->plug))
            changed = TRUE;
        }
    }
  if (changed)
    refresh_rows (self);
}

void
sc_denial_sidebar_set_max_groups (ScDenialSidebar *self,
                                  guint            max_groups)
{
  g_return_if_fail (SC_IS_DENIAL_SIDEBAR (self));

  if (self->max_groups == max_groups)
    return;
  self->max_groups = max_groups;
  if (self->have_source)
    sc_denial_sidebar_reload (self);
}

guint64
sc_denial_sidebar_get_n_dropped (ScDenialSidebar *self)
{
  g_return_val_if_fail (SC_IS_DENIAL_SIDEBAR (self), 0);

  return self->n_dropped;
}

guint
sc_denial_sidebar_get_n_groups (ScDenialSidebar *self)
{
  g_return_val_if_fail (SC_IS_DENIAL_SIDEBAR (self), 0);

  return sc_denial_model_get_n_listed (self->items);
}

guint
sc_denial_sidebar_get_n_visible (ScDenialSidebar *self)
{
  g_return_val_if_fail (SC_IS_DENIAL_SIDEBAR (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->items));
}

guint64
sc_denial_sidebar_get_n_lost (ScDenialSidebar *self)
{
  g_return_val_if_fail (SC_IS_DENIAL_SIDEBAR (self), 0);

  return self->n_lost;
}

GListModel *
sc_denial_sidebar_get_model (ScDenialSidebar *self)
{
  g_return_val_if_fail (SC_IS_DENIAL_SIDEBAR (self), NULL);

  return G_LIST_MODEL (self->items);
}

const char *
sc_denial_sidebar_get_page (ScDenialSidebar *self)
{
  g_return_val_if_fail (SC_IS_DENIAL_SIDEBAR (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}
