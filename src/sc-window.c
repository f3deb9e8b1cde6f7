/* sc-window.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-window"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "sc-add-interface-dialog.h"
#include "sc-application.h"
#include "sc-check.h"
#include "sc-file-util.h"
#include "sc-start-page.h"
#include "sc-strict-dialog.h"
#include "sc-utils.h"
#include "sc-yaml-document.h"
#include "sc-window-private.h"

# include "sc-denial-sidebar.h"

/* Plug rows that fill the first screen of a 1100×760 window. */
#define FIRST_SCREEN_ROWS 8

G_DEFINE_FINAL_TYPE (ScWindow, sc_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_SHOW_DENIALS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  char     *target;
  char     *plug;
  gboolean  active;
} PendingTick;

static void
pending_tick_free (PendingTick *tick)
{
  g_free (tick->target);
  g_free (tick->plug);
  g_free (tick);
}

static void update_state (ScWindow *self);

/* ---- Helpers ------------------------------------------------------------ */

gboolean
_sc_window_is_strict (ScWindow *self)
{
  return self->project != NULL
         && g_strcmp0 (sc_project_get_confinement (self->project), "strict") == 0;
}

void
_sc_window_set_dialog (ScWindow  *self,
                       GtkWindow *dialog)
{
  self->dialog = dialog;
}

static void
dialog_destroyed_cb (ScWindow  *self,
                     GtkWindow *dialog)
{
  if (self->dialog == dialog)
    self->dialog = NULL;
}

static void
present_dialog (ScWindow  *self,
                GtkWindow *dialog)
{
  self->dialog = dialog;
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (dialog_destroyed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (dialog);
}

void
sc_window_add_toast (ScWindow *self,
                     AdwToast *toast)
{
  g_return_if_fail (SC_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
toast (ScWindow   *self,
       const char *title)
{
  g_autofree char *escaped = g_markup_escape_text (title, -1);
  AdwToast *t = adw_toast_new (escaped);

  adw_toast_overlay_add_toast (self->toast_overlay, t);
}

void
_sc_window_show_error (ScWindow     *self,
                       const GError *error)
{
  g_autofree char *escaped = NULL;
  AdwToast *t;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* Toast titles are Pango markup in libadwaita 1.2. */
  escaped = g_markup_escape_text (error->message, -1);
  t = adw_toast_new (escaped);
  adw_toast_set_timeout (t, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, t);
}

static void
show_error_dialog (ScWindow     *self,
                   const char   *heading,
                   const GError *error)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  present_dialog (self, GTK_WINDOW (dialog));
}

/* ---- Recent projects ---------------------------------------------------- */

static void update_recent (ScWindow *self);

static void
stack_page_changed_cb (ScWindow *self)
{
  if (self->recent_stale)
    update_recent (self);
}

static void
update_recent (ScWindow *self)
{
  g_auto(GStrv) recent = NULL;

  /* The list is only seen on the start page: while a project is shown (or
   * before the start page is built) it is rebuilt when the start page
   * shows, not with every open. */
  if (self->start_page == NULL
      || g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "start") != 0)
    {
      self->recent_stale = TRUE;
      return;
    }
  self->recent_stale = FALSE;

  recent = g_settings_get_strv (self->settings, "recent-projects");
  sc_start_page_set_recent (self->start_page, (const char * const *)recent);
}

/* ---- Project page ------------------------------------------------------- */

static GPtrArray *
collect_pending (ScWindow *self)
{
  GPtrArray *pending = g_ptr_array_new_with_free_func ((GDestroyNotify)pending_tick_free);
  GtkWidget *child;

  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->targets_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GPtrArray *rows = sc_app_row_get_plug_rows (SC_APP_ROW (child));

      for (guint i = 0; i < rows->len; i++)
        {
          ScPlugRow *row = g_ptr_array_index (rows, i);
          PendingTick *tick;

          if (!sc_plug_row_get_changed (row) || sc_plug_row_get_locked (row))
            continue;

          tick = g_new0 (PendingTick, 1);
          tick->target = g_strdup (sc_plug_row_get_target (row));
          tick->plug = g_strdup (sc_plug_row_get_plug (row));
          tick->active = sc_plug_row_get_active (row);
          g_ptr_array_add (pending, tick);
        }
    }

  return pending;
}

gboolean
sc_window_has_pending (ScWindow *self)
{
  g_autoptr(GPtrArray) pending = NULL;

  g_return_val_if_fail (SC_IS_WINDOW (self), FALSE);

  if (self->project == NULL)
    return FALSE;

  pending = collect_pending (self);
  return pending->len > 0;
}

static gboolean
plug_is_ticked_anywhere (ScWindow   *self,
                         const char *plug)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->app_rows);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      ScPlugRow *row = sc_app_row_find_plug (value, plug);

      if (row != NULL && sc_plug_row_get_active (row))
        return TRUE;
    }

  return FALSE;
}

static ScEdit *
build_edit (ScWindow  *self,
            gboolean   strict,
            GError   **error)
{
  g_autoptr(ScEdit) edit = NULL;
  g_autoptr(GPtrArray) pending = NULL;
  GHashTableIter iter;
  gpointer key, value;

  edit = sc_edit_new (self->project);
  if (strict && !_sc_window_is_strict (self))
    sc_edit_set_confinement (edit, "strict");

  /* A definition a suggestion asked for is written only while some app
   * still ticks the plug that uses it. */
  g_hash_table_iter_init (&iter, self->definitions);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      if (plug_is_ticked_anywhere (self, key)
          && !sc_edit_define_plug (edit, key, value, error))
        return NULL;
    }

  pending = collect_pending (self);
  for (guint i = 0; i < pending->len; i++)
    {
      const PendingTick *tick = g_ptr_array_index (pending, i);
      gboolean ok;

      if (tick->active)
        ok = sc_edit_add_plug (edit, tick->target, tick->plug, error);
      else
        ok = sc_edit_remove_plug (edit, tick->target, tick->plug, error);
      if (!ok)
        return NULL;
    }

  return g_steal_pointer (&edit);
}

char *
sc_window_dup_pending_diff (ScWindow  *self,
                            gboolean   strict,
                            GError   **error)
{
  g_autoptr(ScEdit) edit = NULL;

  g_return_val_if_fail (SC_IS_WINDOW (self), NULL);
  g_return_val_if_fail (self->project != NULL, NULL);

  edit = build_edit (self, strict, error);
  if (edit == NULL)
    return NULL;

  return sc_edit_diff (edit, error);
}

static GPtrArray *
filter_findings (GPtrArray  *findings,
                 const char *target,
                 const char *plug,
                 gboolean    any_plug)
{
  GPtrArray *out = g_ptr_array_new ();

  for (guint i = 0; findings != NULL && i < findings->len; i++)
    {
      ScFinding *finding = g_ptr_array_index (findings, i);

      if (g_strcmp0 (finding->target, target) != 0)
        continue;
      if (!any_plug && g_strcmp0 (finding->plug, plug) != 0)
        continue;
      g_ptr_array_add (out, finding);
    }

  return out;
}

static void
apply_group_findings (ScWindow *self,
                      ScAppRow *app_row)
{
  const char *target = sc_app_row_get_target (app_row);
  GPtrArray *rows = sc_app_row_get_plug_rows (app_row);
  g_autoptr(GPtrArray) target_findings = filter_findings (self->findings, target, NULL, FALSE);

  sc_app_row_set_findings (app_row, target_findings);
  for (guint i = 0; i < rows->len; i++)
    {
      ScPlugRow *row = g_ptr_array_index (rows, i);
      g_autoptr(GPtrArray) plug_findings =
        filter_findings (self->findings, target, sc_plug_row_get_plug (row), FALSE);

      sc_plug_row_set_findings (row, plug_findings);
    }
}

/* Findings follow the ticks: `check` runs on the text that would be written
 * (without the confinement change), so a plug ticked a moment ago shows that
 * it needs store approval before anything is saved. */
static void
update_findings (ScWindow *self)
{
  g_autoptr(ScProject) preview = NULL;
  ScProject *checked = self->project;
  GHashTableIter iter;
  gpointer key, value;

  if (self->project == NULL)
    return;

  if (sc_window_has_pending (self))
    {
      g_autoptr(ScEdit) edit = build_edit (self, FALSE, NULL);
      g_autoptr(GBytes) bytes = NULL;

      if (edit != NULL)
        bytes = sc_edit_render (edit, NULL);
      if (bytes != NULL)
        preview = sc_project_load_from_data (sc_project_get_display_path (self->project),
                                             g_bytes_get_data (bytes, NULL),
                                             g_bytes_get_size (bytes), NULL);
      if (preview != NULL)
        checked = preview;
    }

  g_clear_pointer (&self->findings, g_ptr_array_unref);
  self->findings = sc_check_project (checked);

  g_hash_table_iter_init (&iter, self->app_rows);
  while (g_hash_table_iter_next (&iter, &key, &value))
    apply_group_findings (self, value);

  /* Project-wide findings, and findings about top-level plugs. */
  for (guint i = 0; i < self->finding_rows->len; i++)
    adw_preferences_group_remove (self->findings_group, g_ptr_array_index (self->finding_rows, i));
  g_ptr_array_set_size (self->finding_rows, 0);

  for (guint i = 0; self->findings != NULL && i < self->findings->len; i++)
    {
      const ScFinding *finding = g_ptr_array_index (self->findings, i);
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      GtkWidget *row;
      GtkWidget *icon;

      if (finding->target != NULL
          && sc_project_find_target (self->project, finding->target) != NULL)
        continue;

      title = g_markup_escape_text (finding->message, -1);
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      if (finding->hint != NULL)
        {
          subtitle = g_markup_escape_text (finding->hint, -1);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
        }
      icon = gtk_image_new_from_icon_name (finding->severity == SC_SEVERITY_ERROR
                                           ? "dialog-error-symbolic"
                                           : finding->severity == SC_SEVERITY_WARNING
                                           ? "dialog-warning-symbolic"
                                           : "dialog-information-symbolic");
      gtk_widget_add_css_class (icon, finding->severity == SC_SEVERITY_ERROR ? "error"
                                      : finding->severity == SC_SEVERITY_WARNING ? "warning"
                                      : "dim-label");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      adw_preferences_group_add (self->findings_group, row);
      g_ptr_array_add (self->finding_rows, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->findings_group), self->finding_rows->len > 0);
}

static void
plug_row_changed_cb (ScWindow  *self,
                     GParamSpec *pspec,
                     ScPlugRow *row)
{
  PendingTick *tick;

  if (self->updating)
    return;

  /* Ctrl+Z puts the tick back. */
  tick = g_new0 (PendingTick, 1);
  tick->target = g_strdup (sc_plug_row_get_target (row));
  tick->plug = g_strdup (sc_plug_row_get_plug (row));
  tick->active = !sc_plug_row_get_active (row);
  g_ptr_array_add (self->tick_history, tick);

  update_findings (self);
  update_state (self);
}

static void
watch_plug_rows (ScWindow *self,
                 ScAppRow *app_row)
{
  GPtrArray *rows = sc_app_row_get_plug_rows (app_row);

  for (guint i = 0; i < rows->len; i++)
    {
      ScPlugRow *row = g_ptr_array_index (rows, i);

      if (g_object_get_data (G_OBJECT (row), "sc-watched") != NULL)
        continue;
      g_object_set_data (G_OBJECT (row), "sc-watched", GINT_TO_POINTER (TRUE));
      g_signal_connect_object (row, "notify::active", G_CALLBACK (plug_row_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }
}

static void
update_header (ScWindow *self)
{
  const char *confinement = sc_project_get_confinement (self->project);
  const char *base = sc_project_get_base (self->project);
  const char *grade = sc_project_get_grade (self->project);
  const char *name = sc_project_get_name (self->project);
  g_autofree char *display = sc_dup_display_path (sc_project_get_path (self->project));
  static const char * const classes[] = { "devmode", "strict", "classic", "unset" };

  if (name == NULL || *name == '\0')
    name = _("Unnamed snap");

  gtk_label_set_label (self->name_label, name);
  gtk_label_set_label (self->path_label, display);
  adw_window_title_set_title (self->window_title, name);
  adw_window_title_set_subtitle (self->window_title, display);
  gtk_window_set_title (GTK_WINDOW (self), name);

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->confinement_label), classes[i]);

  if (g_strcmp0 (confinement, "strict") == 0)
    {
      gtk_label_set_label (self->confinement_label, _("strict"));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->confinement_label),
                                   _("Strict confinement: the snap only gets what its plugs allow"));
      gtk_widget_add_css_class (GTK_WIDGET (self->confinement_label), "strict");
    }
  else if (g_strcmp0 (confinement, "classic") == 0)
    {
      gtk_label_set_label (self->confinement_label, _("classic"));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->confinement_label),
                                   _("Classic confinement: the snap runs without a sandbox"));
      gtk_widget_add_css_class (GTK_WIDGET (self->confinement_label), "classic");
    }
  else if (g_strcmp0 (confinement, "devmode") == 0)
    {
      gtk_label_set_label (self->confinement_label, _("devmode"));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->confinement_label),
                                   _("Developer mode: violations are only logged, and the store "
                                     "accepts the snap only in the beta and edge channels"));
      gtk_widget_add_css_class (GTK_WIDGET (self->confinement_label), "devmode");
    }
  else
    {
      gtk_label_set_label (self->confinement_label, confinement != NULL ? confinement
                                                                         : _("no confinement"));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->confinement_label),
                                   _("snapcraft.yaml does not set a confinement"));
      gtk_widget_add_css_class (GTK_WIDGET (self->confinement_label), "unset");
    }

  gtk_label_set_label (self->base_label, base != NULL ? base : _("no base"));
  if (grade != NULL)
    gtk_label_set_label (self->grade_label, grade);
  gtk_widget_set_visible (GTK_WIDGET (self->grade_label), grade != NULL);
}

static void
plug_rows_added_cb (ScWindow *self,
                    ScAppRow *app_row)
{
  watch_plug_rows (self, app_row);
  if (self->findings != NULL)
    apply_group_findings (self, app_row);
}

/* Adds the group of TARGET with at most MAX_ROWS plug rows built now (the
 * others wait for build_pending_rows()); returns how many were built. */
static guint
add_target_group (ScWindow *self,
                  ScTarget *target,
                  guint     max_rows)
{
  GtkWidget *app_row = sc_app_row_new_with_limit (self->project, target, max_rows);

  g_hash_table_insert (self->app_rows,
                       g_strdup (sc_app_row_get_target (SC_APP_ROW (app_row))),
                       app_row);
  gtk_box_append (self->targets_box, app_row);
  g_signal_connect_object (app_row, "plug-rows-added", G_CALLBACK (plug_rows_added_cb), self,
                           G_CONNECT_SWAPPED);
  watch_plug_rows (self, SC_APP_ROW (app_row));
  if (self->findings != NULL)
    apply_group_findings (self, SC_APP_ROW (app_row));

  return sc_app_row_get_plug_rows (SC_APP_ROW (app_row))->len;
}

/* The group whose plug rows past the first screen are not built yet (only
 * the group the first screen ends in has some), or NULL. */
static ScAppRow *
first_pending_group (ScWindow *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->targets_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (SC_IS_APP_ROW (child) && sc_app_row_has_pending (SC_APP_ROW (child)))
      return SC_APP_ROW (child);
  return NULL;
}

/* Builds the plug rows the first screen left out of its groups. */
static void
build_pending_rows (ScWindow *self)
{
  ScAppRow *group;

  while ((group = first_pending_group (self)) != NULL)
    sc_app_row_build_pending (group);
}

/* Wrapping labels are costly to measure in GTK 4.8 (the findings row alone
 * took 33 M instructions of the first frame), so the first screen is laid
 * out with its wrapping labels ellipsized to one line: at the usual window
 * sizes they fit on one line anyway. They wrap again right after the first
 * frame. */
static void
unwrap_labels (ScWindow  *self,
               GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!GTK_IS_LABEL (child))
        unwrap_labels (self, child);
      else if (gtk_label_get_wrap (GTK_LABEL (child))
               && gtk_label_get_ellipsize (GTK_LABEL (child)) == PANGO_ELLIPSIZE_NONE)
        {
          gtk_label_set_wrap (GTK_LABEL (child), FALSE);
          gtk_label_set_ellipsize (GTK_LABEL (child), PANGO_ELLIPSIZE_END);
          g_ptr_array_add (self->unwrapped_labels, g_object_ref (child));
        }
    }
}

static void
rewrap_labels (ScWindow *self)
{
  for (guint i = 0; i < self->unwrapped_labels->len; i++)
    {
      GtkLabel *label = g_ptr_array_index (self->unwrapped_labels, i);

      gtk_label_set_ellipsize (label, PANGO_ELLIPSIZE_NONE);
      gtk_label_set_wrap (label, TRUE);
    }
  g_ptr_array_set_size (self->unwrapped_labels, 0);
}

/* Builds what was left for after the first frame, all of it now. Every
 * entry point that looks at groups calls this first. */
static void
flush_deferred (ScWindow *self)
{
  g_clear_handle_id (&self->deferred_id, g_source_remove);
  build_pending_rows (self);
  rewrap_labels (self);

  for (guint i = 0; i < self->deferred->len; i++)
    add_target_group (self, g_ptr_array_index (self->deferred, i), G_MAXUINT);
  g_ptr_array_set_size (self->deferred, 0);
}

static gboolean
build_deferred_cb (gpointer user_data)
{
  ScWindow *self = user_data;
  ScAppRow *group = first_pending_group (self);

  /* One group (or the rest of one) per main loop turn keeps input and
   * frames flowing. */
  if (group != NULL)
    {
      sc_app_row_build_pending (group);
      return G_SOURCE_CONTINUE;
    }

  if (self->deferred->len > 0)
    {
      add_target_group (self, g_ptr_array_index (self->deferred, 0), G_MAXUINT);
      g_ptr_array_remove_index (self->deferred, 0);
    }

  if (self->deferred->len > 0)
    return G_SOURCE_CONTINUE;

  self->deferred_id = 0;
  return G_SOURCE_REMOVE;
}

/* Right after the first frame: labels wrap again, and what the first
 * screen left out is built from an idle callback, not here, so the frame
 * clock is not held up. */
static void
deferred_after_paint_cb (ScWindow      *self,
                         GdkFrameClock *clock)
{
  g_clear_signal_handler (&self->deferred_paint_id, clock);

  rewrap_labels (self);
  if ((self->deferred->len > 0 || first_pending_group (self) != NULL) && self->deferred_id == 0)
    self->deferred_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, build_deferred_cb, self, NULL);
}

static void
schedule_deferred (ScWindow *self)
{
  GdkFrameClock *clock;

  if ((self->deferred->len == 0 && first_pending_group (self) == NULL
       && self->unwrapped_labels->len == 0)
      || self->deferred_id != 0 || self->deferred_paint_id != 0)
    return;

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
  if (clock != NULL)
    self->deferred_paint_id = g_signal_connect_object (clock, "after-paint",
                                                       G_CALLBACK (deferred_after_paint_cb),
                                                       self, G_CONNECT_SWAPPED);
}

static void
rebuild_project_page (ScWindow *self)
{
  GPtrArray *apps;
  GPtrArray *hooks;
  GtkWidget *child;

  guint n_rows = 0;
  gboolean defer;

  g_clear_handle_id (&self->deferred_id, g_source_remove);
  g_ptr_array_set_size (self->deferred, 0);
  g_hash_table_remove_all (self->app_rows);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->targets_box))) != NULL)
    gtk_box_remove (self->targets_box, child);

  update_header (self);

  /* Before the window is first shown, only the rows that fill the first
   * screen are built; the rest of their group follows right after the
   * first frame, then the other groups one by one, so a project with many
   * apps or plugs opens as fast as a small one. */
  defer = !gtk_widget_get_mapped (GTK_WIDGET (self));

  apps = sc_project_get_apps (self->project);
  hooks = sc_project_get_hooks (self->project);
  for (guint l = 0; l < 2; l++)
    {
      GPtrArray *targets = l == 0 ? apps : hooks;

      for (guint i = 0; targets != NULL && i < targets->len; i++)
        {
          ScTarget *target = g_ptr_array_index (targets, i);

          if (!defer)
            add_target_group (self, target, G_MAXUINT);
          else if (n_rows >= FIRST_SCREEN_ROWS)
            g_ptr_array_add (self->deferred, target);
          else
            n_rows += add_target_group (self, target, FIRST_SCREEN_ROWS - n_rows);
        }
    }
  if ((self->deferred->len > 0 || first_pending_group (self) != NULL)
      && gtk_widget_get_realized (GTK_WIDGET (self)))
    schedule_deferred (self);

  if (g_hash_table_size (self->app_rows) == 0 && self->deferred->len == 0)
    {
      GtkWidget *status = adw_status_page_new ();

      adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "dialog-information-symbolic");
      adw_status_page_set_title (ADW_STATUS_PAGE (status), _("No Apps or Hooks"));
      adw_status_page_set_description (ADW_STATUS_PAGE (status),
                                       _("This snapcraft.yaml declares no apps and no hooks, so "
                                         "there is nothing to give plugs to."));
      gtk_box_append (self->targets_box, status);
    }
}

ScAppRow *
sc_window_get_app_row (ScWindow   *self,
                       const char *target)
{
  g_return_val_if_fail (SC_IS_WINDOW (self), NULL);
  g_return_val_if_fail (target != NULL, NULL);

  flush_deferred (self);
  return g_hash_table_lookup (self->app_rows, target);
}

ScPlugRow *
sc_window_get_plug_row (ScWindow   *self,
                        const char *target,
                        const char *plug)
{
  ScAppRow *app_row = sc_window_get_app_row (self, target);

  return app_row != NULL ? sc_app_row_find_plug (app_row, plug) : NULL;
}

static void
scroll_to_row (ScWindow  *self,
               GtkWidget *row)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->project_scroller);
  GtkWidget *viewport = gtk_scrolled_window_get_child (self->project_scroller);
  graphene_point_t point;

  if (viewport == NULL || !gtk_widget_compute_point (row, viewport, &GRAPHENE_POINT_INIT (0, 0),
                                                      &point))
    return;

  gtk_adjustment_clamp_page (adjustment,
                             gtk_adjustment_get_value (adjustment) + point.y - 24,
                             gtk_adjustment_get_value (adjustment) + point.y
                             + gtk_widget_get_height (row) + 24);
}

gboolean
sc_window_add_plug (ScWindow    *self,
                    const char  *target,
                    const char  *plug,
                    GVariant    *definition,
                    GError     **error)
{
  ScAppRow *app_row;
  ScPlugRow *row;

  g_return_val_if_fail (SC_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (target != NULL, FALSE);
  g_return_val_if_fail (plug != NULL, FALSE);

  if (self->project == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                           _("No project is open"));
      return FALSE;
    }

  app_row = sc_window_get_app_row (self, target);
  if (app_row == NULL)
    {
      g_set_error (error, SC_PROJECT_ERROR, SC_PROJECT_ERROR_UNKNOWN_TARGET,
                   /* Translators: %s is an app name or “hook:NAME”. */
                   _("The project has no app or hook “%s”"), target);
      return FALSE;
    }

  if (definition != NULL)
    {
      g_autoptr(GVariant) attributes = g_variant_ref_sink (definition);
      const char *interface = plug;
      g_autoptr(GVariant) iface = g_variant_lookup_value (attributes, "interface",
                                                          G_VARIANT_TYPE_STRING);

      if (iface != NULL)
        interface = g_variant_get_string (iface, NULL);
      g_hash_table_insert (self->definitions, g_strdup (plug), g_variant_ref (attributes));

      self->updating = TRUE;
      row = sc_app_row_ensure_plug (app_row, plug);
      sc_plug_row_set_definition (row, interface, attributes);
      self->updating = FALSE;
    }
  else
    row = sc_app_row_ensure_plug (app_row, plug);

  watch_plug_rows (self, app_row);
  if (!sc_plug_row_get_active (row))
    {
      PendingTick *tick = g_new0 (PendingTick, 1);

      tick->target = g_strdup (target);
      tick->plug = g_strdup (plug);
      tick->active = FALSE;
      g_ptr_array_add (self->tick_history, tick);
    }
  self->updating = TRUE;
  sc_plug_row_set_active (row, TRUE);
  self->updating = FALSE;

  update_findings (self);
  update_state (self);

  scroll_to_row (self, GTK_WIDGET (row));
  sc_plug_row_highlight (row);

  return TRUE;
}

/* ---- Loading ------------------------------------------------------------ */

static void
apply_pending (ScWindow  *self,
               GPtrArray *pending)
{
  self->updating = TRUE;

  for (guint i = 0; pending != NULL && i < pending->len; i++)
    {
      const PendingTick *tick = g_ptr_array_index (pending, i);
      ScAppRow *app_row = sc_window_get_app_row (self, tick->target);
      ScPlugRow *row;

      if (app_row == NULL)
        continue;

      row = sc_app_row_ensure_plug (app_row, tick->plug);
      sc_plug_row_set_active (row, tick->active);
      watch_plug_rows (self, app_row);
    }

  /* Pending definitions show on the rows that use them. */
  {
    GHashTableIter iter;
    gpointer key, value;

    g_hash_table_iter_init (&iter, self->definitions);
    while (g_hash_table_iter_next (&iter, &key, &value))
      {
        GHashTableIter rows_iter;
        gpointer app_row;
        g_autoptr(GVariant) iface = g_variant_lookup_value (value, "interface",
                                                            G_VARIANT_TYPE_STRING);

        g_hash_table_iter_init (&rows_iter, self->app_rows);
        while (g_hash_table_iter_next (&rows_iter, NULL, &app_row))
          {
            ScPlugRow *row = sc_app_row_find_plug (app_row, key);

            if (row != NULL)
              sc_plug_row_set_definition (row,
                                          iface != NULL ? g_variant_get_string (iface, NULL) : key,
                                          value);
          }
      }
  }

  self->updating = FALSE;
}

static void
load_ignored (ScWindow *self)
{
  g_autoptr(GVariant) all = g_settings_get_value (self->settings, "ignored-denials");
  g_autofree const char **ignored = NULL;

  if (self->sidebar == NULL || self->project == NULL)
    return;

  if (!g_variant_lookup (all, sc_project_get_path (self->project), "^a&s", &ignored))
    ignored = NULL;

  g_object_set (self->sidebar, "ignored", ignored, NULL);
}

static void
sidebar_ignored_cb (ScWindow   *self,
                    GParamSpec *pspec,
                    GtkWidget  *sidebar)
{
  g_autoptr(GVariant) all = NULL;
  g_auto(GStrv) ignored = NULL;
  g_auto(GVariantBuilder) builder = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE ("a{sas}"));
  GVariantIter iter;
  const char *key;
  GVariant *value;
  const char *path;

  if (self->project == NULL)
    return;

  path = sc_project_get_path (self->project);
  g_object_get (sidebar, "ignored", &ignored, NULL);
  all = g_settings_get_value (self->settings, "ignored-denials");

  g_variant_iter_init (&iter, all);
  while (g_variant_iter_next (&iter, "{&s@as}", &key, &value))
    {
      if (g_strcmp0 (key, path) != 0)
        g_variant_builder_add (&builder, "{s@as}", key, value);
      g_variant_unref (value);
    }
  if (ignored != NULL && ignored[0] != NULL)
    g_variant_builder_add (&builder, "{s^as}", path, ignored);

  g_settings_set_value (self->settings, "ignored-denials", g_variant_builder_end (&builder));
}

static void
sidebar_add_plug_cb (ScWindow   *self,
                     const char *target,
                     const char *plug,
                     GVariant   *definition,
                     GtkWidget  *sidebar)
{
  g_autoptr(GError) error = NULL;

  if (!sc_window_add_plug (self, target, plug, definition, &error))
    _sc_window_show_error (self, error);
}

static void
sidebar_add_toast_cb (ScWindow  *self,
                      AdwToast  *t,
                      GtkWidget *sidebar)
{
  /* The sidebar hands over its reference, as adw_toast_overlay_add_toast () expects. */
  adw_toast_overlay_add_toast (self->toast_overlay, t);
}

static void
apply_denials_log (ScWindow *self)
{
  g_auto(ScJournalOptions) options = { 0 };

  if (g_file_test (self->denials_log, G_FILE_TEST_IS_DIR))
    options.type = SC_JOURNAL_SOURCE_DIRECTORY;
  else if (g_str_has_suffix (self->denials_log, ".journal"))
    {
      options.type = SC_JOURNAL_SOURCE_FILES;
      options.files = g_new0 (char *, 2);
      options.files[0] = g_strdup (self->denials_log);
    }
  else
    options.type = SC_JOURNAL_SOURCE_LOG;
  if (options.type != SC_JOURNAL_SOURCE_FILES)
    options.path = g_strdup (self->denials_log);

  sc_denial_sidebar_set_source (SC_DENIAL_SIDEBAR (self->sidebar), &options);
}

void
sc_window_set_denials_log (ScWindow   *self,
                           const char *path)
{
  g_return_if_fail (SC_IS_WINDOW (self));

  sc_set_str (&self->denials_log, path);
  if (self->sidebar != NULL && self->project != NULL && path != NULL)
    apply_denials_log (self);
}

static void monitor_changed_cb (ScWindow          *self,
                                GFile             *file,
                                GFile             *other_file,
                                GFileMonitorEvent  event,
                                GFileMonitor      *monitor);

static void
set_project (ScWindow  *self,
             ScProject *project)
{
  g_autoptr(GFile) yaml = NULL;

  g_set_object (&self->project, project);
  g_ptr_array_set_size (self->tick_history, 0);

  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }

  yaml = g_file_new_for_path (sc_project_get_path (project));
  self->monitor = g_file_monitor_file (yaml, G_FILE_MONITOR_WATCH_MOVES, self->cancellable, NULL);
  if (self->monitor != NULL)
    g_signal_connect_object (self->monitor, "changed", G_CALLBACK (monitor_changed_cb), self,
                             G_CONNECT_SWAPPED);

  rebuild_project_page (self);

  if (self->sidebar != NULL)
    {
      g_object_set (self->sidebar, "project", project, NULL);
      load_ignored (self);
      if (self->denials_log != NULL)
        apply_denials_log (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

gboolean
sc_window_open (ScWindow  *self,
                GFile     *file,
                GError   **error)
{
  g_autoptr(ScProject) project = NULL;
  g_autofree char *path = NULL;
  GtkApplication *app;

  g_return_val_if_fail (SC_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   /* Translators: %s is a URI that is not a local file. */
                   _("“%s” is not a local folder"), uri);
      return FALSE;
    }

  project = sc_project_load (path, error);
  if (project == NULL)
    return FALSE;

  g_set_object (&self->file, file);
  g_hash_table_remove_all (self->definitions);
  g_clear_pointer (&self->undo_before, g_bytes_unref);
  g_clear_pointer (&self->undo_after, g_bytes_unref);
  g_clear_pointer (&self->undo_path, g_free);

  set_project (self, project);
  update_findings (self);
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      unwrap_labels (self, GTK_WIDGET (self->findings_group));
      unwrap_labels (self, GTK_WIDGET (self->targets_box));
      if (gtk_widget_get_realized (GTK_WIDGET (self)))
        schedule_deferred (self);
    }
  gtk_stack_set_visible_child_name (self->stack, "project");
  update_state (self);

  app = gtk_window_get_application (GTK_WINDOW (self));
  if (SC_IS_APPLICATION (app))
    sc_application_add_recent (SC_APPLICATION (app), path);

  return TRUE;
}

gboolean
sc_window_reload (ScWindow  *self,
                  gboolean   keep_pending,
                  GError   **error)
{
  g_autoptr(ScProject) project = NULL;
  g_autoptr(GPtrArray) pending = NULL;

  g_return_val_if_fail (SC_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (self->project != NULL, FALSE);

  project = sc_project_load (g_file_peek_path (self->file), error);
  if (project == NULL)
    return FALSE;

  if (keep_pending)
    pending = collect_pending (self);
  else
    g_hash_table_remove_all (self->definitions);

  set_project (self, project);
  apply_pending (self, pending);
  update_findings (self);
  update_state (self);

  return TRUE;
}

ScProject *
sc_window_get_project (ScWindow *self)
{
  g_return_val_if_fail (SC_IS_WINDOW (self), NULL);
  return self->project;
}

gboolean
sc_window_shows_file (ScWindow *self,
                      GFile    *file)
{
  g_autoptr(GFile) yaml = NULL;
  const char *root;

  g_return_val_if_fail (SC_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (self->project == NULL)
    return FALSE;
  if (self->file != NULL && g_file_equal (self->file, file))
    return TRUE;

  yaml = g_file_new_for_path (sc_project_get_path (self->project));
  if (g_file_equal (yaml, file))
    return TRUE;

  root = sc_project_get_root (self->project);
  if (root != NULL)
    {
      g_autoptr(GFile) root_file = g_file_new_for_path (root);

      if (g_file_equal (root_file, file))
        return TRUE;
    }

  return FALSE;
}

GtkWindow *
sc_window_get_dialog (ScWindow *self)
{
  g_return_val_if_fail (SC_IS_WINDOW (self), NULL);
  return self->dialog;
}

/* ---- Writing and undo --------------------------------------------------- */

gboolean
sc_window_write (ScWindow  *self,
                 gboolean   strict,
                 GError   **error)
{
  g_autoptr(ScEdit) edit = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (SC_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (self->project != NULL, FALSE);

  edit = build_edit (self, strict, error);
  if (edit == NULL)
    return FALSE;
  if (sc_edit_is_empty (edit))
    return TRUE;

  before = g_bytes_ref (sc_project_get_bytes (self->project));
  path = g_strdup (sc_project_get_path (self->project));

  if (!sc_edit_write (edit, error))
    return FALSE;

  if (!sc_window_reload (self, FALSE, error))
    return FALSE;

  g_clear_pointer (&self->undo_before, g_bytes_unref);
  g_clear_pointer (&self->undo_after, g_bytes_unref);
  self->undo_before = g_steal_pointer (&before);
  self->undo_after = g_bytes_ref (sc_project_get_bytes (self->project));
  sc_set_str (&self->undo_path, path);

  update_state (self);

  return TRUE;
}

gboolean
sc_window_undo_write (ScWindow  *self,
                      GError   **error)
{
  g_return_val_if_fail (SC_IS_WINDOW (self), FALSE);

  if (self->undo_before == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("Nothing to undo"));
      return FALSE;
    }

  if (!sc_project_replace_contents (self->undo_path, self->undo_after, self->undo_before, error))
    return FALSE;

  g_clear_pointer (&self->undo_before, g_bytes_unref);
  g_clear_pointer (&self->undo_after, g_bytes_unref);
  g_clear_pointer (&self->undo_path, g_free);

  if (self->project != NULL && !sc_window_reload (self, FALSE, error))
    return FALSE;

  update_state (self);

  return TRUE;
}

void
_sc_window_undo (ScWindow *self)
{
  g_autoptr(GError) error = NULL;

  /* Ticks since the last load or write go back one by one first. */
  if (self->tick_history->len > 0)
    {
      PendingTick *tick = g_ptr_array_steal_index (self->tick_history,
                                                   self->tick_history->len - 1);
      ScPlugRow *row = sc_window_get_plug_row (self, tick->target, tick->plug);

      if (row != NULL)
        {
          self->updating = TRUE;
          sc_plug_row_set_active (row, tick->active);
          self->updating = FALSE;
          scroll_to_row (self, GTK_WIDGET (row));
          update_findings (self);
          update_state (self);
        }
      pending_tick_free (tick);
      return;
    }

  _sc_window_undo_write (self);
}

void
_sc_window_undo_write (ScWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (!sc_window_undo_write (self, &error))
    {
      if (g_error_matches (error, SC_PROJECT_ERROR, SC_PROJECT_ERROR_CHANGED))
        show_error_dialog (self, _("Cannot Undo"), error);
      else
        _sc_window_show_error (self, error);
      return;
    }

  toast (self, _("Change undone"));
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

static void
write_and_report (ScWindow *self,
                  gboolean  strict)
{
  g_autoptr(GError) error = NULL;
  gboolean was_strict = _sc_window_is_strict (self);

  if (!sc_window_write (self, strict, &error))
    {
      show_error_dialog (self,
                         g_error_matches (error, SC_PROJECT_ERROR, SC_PROJECT_ERROR_CHANGED)
                         ? _("The File Changed on Disk")
                         : _("Could Not Write snapcraft.yaml"),
                         error);
      return;
    }

  written (self, strict && !was_strict);
}

static void
review_response_cb (ScWindow       *self,
                    const char     *response,
                    ScStrictDialog *dialog)
{
  if (g_strcmp0 (response, "apply") != 0)
    return;

  write_and_report (self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "sc-strict")));
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
      show_error_dialog (self, _("Cannot Prepare the Change"), error);
      return;
    }
  if (*diff == '\0')
    {
      toast (self, _("Nothing to change"));
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
  present_dialog (self, GTK_WINDOW (dialog));
}

void
_sc_window_save (ScWindow *self)
{
  if (self->project == NULL || !sc_window_has_pending (self))
    return;

  /* Once strict, saving ticks changes nothing about confinement, so it
   * needs no review. Before that, show what is written. */
  if (_sc_window_is_strict (self))
    write_and_report (self, FALSE);
  else
    _sc_window_show_review (self, FALSE);
}

/* ---- Adding interfaces -------------------------------------------------- */

static void
interface_chosen_cb (ScWindow             *self,
                     const char           *target,
                     const char           *interface,
                     ScAddInterfaceDialog *dialog)
{
  g_autoptr(GError) error = NULL;

  if (!sc_window_add_plug (self, target, interface, NULL, &error))
    _sc_window_show_error (self, error);
}

void
_sc_window_show_add_interface (ScWindow   *self,
                               const char *target)
{
  g_autoptr(GPtrArray) targets = g_ptr_array_new ();
  ScAddInterfaceDialog *dialog;
  GtkWidget *child;

  if (self->project == NULL)
    return;

  flush_deferred (self);
  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->targets_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (SC_IS_APP_ROW (child))
      g_ptr_array_add (targets, (gpointer)sc_app_row_get_target (SC_APP_ROW (child)));
  g_ptr_array_add (targets, NULL);

  if (targets->len == 1)
    {
      toast (self, _("The project has no apps or hooks"));
      return;
    }

  dialog = sc_add_interface_dialog_new (GTK_WINDOW (self),
                                        (const char * const *)targets->pdata, target);
  g_signal_connect_object (dialog, "interface-chosen", G_CALLBACK (interface_chosen_cb), self,
                           G_CONNECT_SWAPPED);
  present_dialog (self, GTK_WINDOW (dialog));
}

/* ---- Opening ------------------------------------------------------------ */

static void
file_chooser_response_cb (ScWindow             *self,
                          int                   response,
                          GtkFileChooserNative *native)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

      if (file != NULL && SC_IS_APPLICATION (app))
        sc_application_open_file (SC_APPLICATION (app), file);
    }

  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (native));
  g_object_unref (native);
}

void
_sc_window_open_project_dialog (ScWindow *self)
{
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (_("Open Project"),
                                        GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                        _("_Open"),
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  g_signal_connect_object (native, "response", G_CALLBACK (file_chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static gboolean
drop_cb (ScWindow      *self,
         const GValue  *value,
         double         x,
         double         y,
         GtkDropTarget *target)
{
  GdkFileList *list;
  g_autoptr(GSList) files = NULL;
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  list = g_value_get_boxed (value);
  files = gdk_file_list_get_files (list);
  if (files == NULL)
    return FALSE;

  for (GSList *l = files; l != NULL; l = l->next)
    {
      if (SC_IS_APPLICATION (app))
        sc_application_open_file (SC_APPLICATION (app), l->data);
      else
        {
          g_autoptr(GError) error = NULL;

          if (!sc_window_open (self, l->data, &error))
            _sc_window_show_error (self, error);
        }
    }

  return TRUE;
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
        toast (self, _("Reloaded snapcraft.yaml"));
    }
}

static gboolean
check_disk_cb (gpointer user_data)
{
  ScWindow *self = user_data;
  g_autoptr(GBytes) current = NULL;
  GBytes *bytes;
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;

  self->monitor_timeout_id = 0;

  if (self->project == NULL)
    return G_SOURCE_REMOVE;

  /* Never blocks, not even when the file became a FIFO. */
  current = sc_file_read_limited (sc_project_get_path (self->project), SC_YAML_MAX_SIZE, &error);
  if (current == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        toast (self, _("snapcraft.yaml was deleted; saving will fail until it is back"));
      else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE))
        toast (self, _("snapcraft.yaml is no longer a regular file; saving will fail"));
      return G_SOURCE_REMOVE;
    }

  bytes = sc_project_get_bytes (self->project);
  if (g_bytes_equal (current, bytes))
    return G_SOURCE_REMOVE;

  if (!sc_window_has_pending (self))
    {
      if (!sc_window_reload (self, FALSE, &error))
        _sc_window_show_error (self, error);
      else
        toast (self, _("Reloaded: snapcraft.yaml changed on disk"));
      return G_SOURCE_REMOVE;
    }

  if (self->dialog != NULL && g_object_get_data (G_OBJECT (self->dialog), "sc-reload") != NULL)
    return G_SOURCE_REMOVE;

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
  g_object_set_data (G_OBJECT (dialog), "sc-reload", GINT_TO_POINTER (TRUE));
  g_signal_connect_object (dialog, "response", G_CALLBACK (reload_response_cb), self,
                           G_CONNECT_SWAPPED);
  present_dialog (self, GTK_WINDOW (dialog));

  return G_SOURCE_REMOVE;
}

static void
monitor_changed_cb (ScWindow          *self,
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
      g_clear_handle_id (&self->monitor_timeout_id, g_source_remove);
      self->monitor_timeout_id = g_timeout_add (200, check_disk_cb, self);
      break;

    case G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED:
    case G_FILE_MONITOR_EVENT_PRE_UNMOUNT:
    case G_FILE_MONITOR_EVENT_UNMOUNTED:
    case G_FILE_MONITOR_EVENT_MOVED:
    default:
      break;
    }
}

/* ---- State -------------------------------------------------------------- */

static void
update_state (ScWindow *self)
{
  gboolean has_project = self->project != NULL;
  gboolean pending = sc_window_has_pending (self);
  gboolean strict = _sc_window_is_strict (self);

  gtk_widget_set_visible (GTK_WIDGET (self->strict_button), has_project);
  gtk_widget_set_visible (GTK_WIDGET (self->add_button), has_project);
  gtk_widget_set_visible (GTK_WIDGET (self->denials_button),
                          has_project && _sc_window_has_sidebar (self));

  if (strict && !pending)
    {
      gtk_button_set_label (self->strict_button, _("Already Strict"));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->strict_button),
                                   _("The snap uses strict confinement and no plug changes "
                                     "are waiting to be saved"));
    }
  else if (strict)
    {
      gtk_button_set_label (self->strict_button, _("Save Changes"));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->strict_button),
                                   _("Write the plug changes to snapcraft.yaml (Ctrl+S)"));
    }
  else
    {
      gtk_button_set_label (self->strict_button, _("Switch to Strict"));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->strict_button),
                                   _("Review and write confinement: strict with the ticked plugs"));
    }

  _sc_window_actions_update (self);
}

gboolean
sc_window_get_show_denials (ScWindow *self)
{
  g_return_val_if_fail (SC_IS_WINDOW (self), FALSE);
  return self->show_denials;
}

/* A hidden sidebar is not measured or drawn at all; it is shown just
 * before the flap slides it in and hidden once the flap is closed. */
static void
reveal_progress_cb (AdwFlap    *flap,
                    GParamSpec *pspec,
                    ScWindow   *self)
{
  if (self->sidebar != NULL && !self->show_denials
      && adw_flap_get_reveal_progress (flap) <= 0.0)
    gtk_widget_set_visible (self->sidebar, FALSE);
}

gboolean
_sc_window_has_sidebar (ScWindow *self)
{
  return TRUE;
}

/* The sidebar is built the first time it is shown: most windows open
 * without it, and building it would only delay their first frame. */
static void
ensure_sidebar (ScWindow *self)
{
  if (self->sidebar != NULL)
    return;

  self->sidebar = g_object_new (SC_TYPE_DENIAL_SIDEBAR, NULL);
  adw_flap_set_flap (self->flap, self->sidebar);
  g_signal_connect_object (self->sidebar, "add-plug", G_CALLBACK (sidebar_add_plug_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sidebar, "add-toast", G_CALLBACK (sidebar_add_toast_cb), self,
                           G_CONNECT_SWAPPED);
  if (self->project != NULL)
    {
      g_object_set (self->sidebar, "project", self->project, NULL);
      load_ignored (self);
      if (self->denials_log != NULL)
        apply_denials_log (self);
    }
  /* Connected after load_ignored () so loading does not write it back. */
  g_signal_connect_object (self->sidebar, "notify::ignored", G_CALLBACK (sidebar_ignored_cb), self,
                           G_CONNECT_SWAPPED);
}

void
sc_window_set_show_denials (ScWindow *self,
                            gboolean  show_denials)
{
  g_return_if_fail (SC_IS_WINDOW (self));

  show_denials = !!show_denials;
  if (self->show_denials == show_denials)
    return;

  self->show_denials = show_denials;
  if (show_denials)
    ensure_sidebar (self);
  if (show_denials && self->sidebar != NULL)
    gtk_widget_set_visible (self->sidebar, TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_DENIALS]);
}

/* ---- Closing ------------------------------------------------------------ */

static void
close_response_cb (ScWindow         *self,
                   const char       *response,
                   AdwMessageDialog *dialog)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "save") == 0)
    {
      if (!sc_window_write (self, FALSE, &error))
        {
          show_error_dialog (self, _("Could Not Write snapcraft.yaml"), error);
          return;
        }
    }
  else if (g_strcmp0 (response, "discard") != 0)
    return;

  self->closing = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
sc_window_close_request (GtkWindow *window)
{
  ScWindow *self = SC_WINDOW (window);
  GtkWidget *dialog;

  if (self->closing || self->project == NULL || !sc_window_has_pending (self))
    return GTK_WINDOW_CLASS (sc_window_parent_class)->close_request (window);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Save Plug Changes?"),
                                   _("Some ticks have not been written to snapcraft.yaml. "
                                     "Confinement stays as it is when you save."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard Changes"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (close_response_cb), self,
                           G_CONNECT_SWAPPED);
  present_dialog (self, GTK_WINDOW (dialog));

  return TRUE;
}

/* ---- First frame: benchmark and screenshots ----------------------------- */

static gboolean
take_screenshot_cb (gpointer user_data)
{
  ScWindow *self = user_data;
  const char *path = g_getenv ("SNAPCONFINE_SCREENSHOT");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  GtkApplication *app;

  paintable = gtk_widget_paintable_new (GTK_WIDGET (self));
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node != NULL)
    texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (self)), node,
                                           &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (texture == NULL || !gdk_texture_save_to_png (texture, path))
    g_printerr ("Could not save a screenshot to %s\n", path);

  app = gtk_window_get_application (GTK_WINDOW (self));
  if (app != NULL)
    g_application_quit (G_APPLICATION (app));

  return G_SOURCE_REMOVE;
}

/* On X11 the first frame clock cycles run while the new surface's updates
 * are still frozen and paint nothing; the first frame is the first one in
 * which this window's surface was rendered. An emission hook runs before
 * GTK's own handler, which stops the emission. */
static gboolean
first_render_hook (GSignalInvocationHint *hint,
                   guint                  n_values,
                   const GValue          *values,
                   gpointer               user_data)
{
  ScWindow *self = user_data;

  if (g_value_get_object (&values[0]) != (gpointer)gtk_native_get_surface (GTK_NATIVE (self)))
    return TRUE;

  self->first_rendered = TRUE;
  self->first_render_hook_id = 0;
  return FALSE;
}

static void
after_paint_cb (ScWindow      *self,
                GdkFrameClock *clock)
{
  const char *screenshot = g_getenv ("SNAPCONFINE_SCREENSHOT");

  if (!self->first_rendered)
    return;

  g_clear_signal_handler (&self->first_frame_id, clock);

  if (g_getenv ("SNAPCONFINE_BENCH_FIRST_FRAME") != NULL)
    {
      GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
      gint64 start = SC_IS_APPLICATION (app) ? sc_application_get_start_time (SC_APPLICATION (app))
                                             : 0;

      g_print ("first-frame-us %" G_GINT64_FORMAT "\n", g_get_monotonic_time () - start);
      exit (0);
    }

  if (screenshot != NULL && *screenshot != '\0')
    {
      const char *delay = g_getenv ("SNAPCONFINE_SCREENSHOT_DELAY");

      g_timeout_add (delay != NULL ? (guint)g_ascii_strtoull (delay, NULL, 10) : 800,
                     take_screenshot_cb, self);
    }
}

static void
sc_window_show (GtkWidget *widget)
{
  ScWindow *self = SC_WINDOW (widget);

  /* A window shown without a project gets the start page; one that opens
   * a project before it is shown never builds it. */
  if (self->project == NULL && self->start_page == NULL)
    {
      self->start_page = SC_START_PAGE (sc_start_page_new ());
      gtk_stack_add_named (self->stack, GTK_WIDGET (self->start_page), "start");
      gtk_stack_set_visible_child_name (self->stack, "start");
    }

  GTK_WIDGET_CLASS (sc_window_parent_class)->show (widget);
}

static void
sc_window_realize (GtkWidget *widget)
{
  ScWindow *self = SC_WINDOW (widget);

  GTK_WIDGET_CLASS (sc_window_parent_class)->realize (widget);

  schedule_deferred (self);

  if (g_getenv ("SNAPCONFINE_BENCH_FIRST_FRAME") != NULL
      || g_getenv ("SNAPCONFINE_SCREENSHOT") != NULL)
    {
      if (self->first_render_hook_id == 0 && !self->first_rendered)
        self->first_render_hook_id =
          g_signal_add_emission_hook (g_signal_lookup ("render", GDK_TYPE_SURFACE), 0,
                                      first_render_hook, self, NULL);
      self->first_frame_id = g_signal_connect_swapped (gtk_widget_get_frame_clock (widget),
                                                       "after-paint",
                                                       G_CALLBACK (after_paint_cb), self);
    }
}

/* ---- GObject ------------------------------------------------------------ */

static void
sc_window_dispose (GObject *object)
{
  ScWindow *self = (ScWindow *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->monitor_timeout_id, g_source_remove);
  g_clear_handle_id (&self->deferred_id, g_source_remove);
  if (self->unwrapped_labels != NULL)
    g_ptr_array_set_size (self->unwrapped_labels, 0);
  if (self->first_render_hook_id != 0)
    {
      g_signal_remove_emission_hook (g_signal_lookup ("render", GDK_TYPE_SURFACE),
                                     self->first_render_hook_id);
      self->first_render_hook_id = 0;
    }
  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), SC_TYPE_WINDOW);

  G_OBJECT_CLASS (sc_window_parent_class)->dispose (object);
}

static void
sc_window_finalize (GObject *object)
{
  ScWindow *self = (ScWindow *)object;

  g_clear_object (&self->project);
  g_clear_object (&self->file);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->app_rows, g_hash_table_unref);
  g_clear_pointer (&self->definitions, g_hash_table_unref);
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  g_clear_pointer (&self->finding_rows, g_ptr_array_unref);
  g_clear_pointer (&self->deferred, g_ptr_array_unref);
  g_clear_pointer (&self->unwrapped_labels, g_ptr_array_unref);
  g_clear_pointer (&self->tick_history, g_ptr_array_unref);
  g_clear_pointer (&self->undo_before, g_bytes_unref);
  g_clear_pointer (&self->undo_after, g_bytes_unref);
  g_clear_pointer (&self->undo_path, g_free);
  g_clear_pointer (&self->denials_log, g_free);

  G_OBJECT_CLASS (sc_window_parent_class)->finalize (object);
}

static void
sc_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  ScWindow *self = SC_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;

    case PROP_SHOW_DENIALS:
      g_value_set_boolean (value, self->show_denials);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  ScWindow *self = SC_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SHOW_DENIALS:
      sc_window_set_show_denials (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_window_class_init (ScWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sc_window_dispose;
  object_class->finalize = sc_window_finalize;
  object_class->get_property = sc_window_get_property;
  object_class->set_property = sc_window_set_property;

  widget_class->show = sc_window_show;
  widget_class->realize = sc_window_realize;
  GTK_WINDOW_CLASS (klass)->close_request = sc_window_close_request;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, SC_TYPE_PROJECT,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_SHOW_DENIALS] =
    g_param_spec_boolean ("show-denials", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SC_TYPE_APP_ROW);
  g_type_ensure (SC_TYPE_PLUG_ROW);
  g_type_ensure (SC_TYPE_DENIAL_SIDEBAR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/SnapConfine/sc-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ScWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, open_button);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, add_button);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, denials_button);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, strict_button);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, project_scroller);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, name_label);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, path_label);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, confinement_label);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, base_label);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, grade_label);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, findings_group);
  gtk_widget_class_bind_template_child (widget_class, ScWindow, targets_box);

  _sc_window_class_actions_init (widget_class);
}

/* GtkMenuButton builds the whole popover when it gets a menu, so the
 * main menu is handed over when it is first opened (click or F10). */
static void
create_primary_menu_cb (GtkMenuButton *button,
                        gpointer       user_data)
{
  ScWindow *self = user_data;

  if (gtk_menu_button_get_menu_model (button) == NULL)
    gtk_menu_button_set_menu_model (button, self->primary_menu);
}

static void
sc_window_init (ScWindow *self)
{
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_menu_button_set_create_popup_func (self->menu_button, create_primary_menu_cb, self, NULL);

  self->cancellable = g_cancellable_new ();
  self->app_rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->definitions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify)g_variant_unref);
  self->finding_rows = g_ptr_array_new ();
  self->deferred = g_ptr_array_new ();
  self->unwrapped_labels = g_ptr_array_new_with_free_func (g_object_unref);
  self->tick_history = g_ptr_array_new_with_free_func ((GDestroyNotify)pending_tick_free);

  self->settings = g_settings_new (APPLICATION_ID);
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "show-denials", self, "show-denials", G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (self->settings, "changed::recent-projects",
                           G_CALLBACK (update_recent), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->stack, "notify::visible-child-name",
                           G_CALLBACK (stack_page_changed_cb), self, G_CONNECT_SWAPPED);
  update_recent (self);

  g_object_bind_property (self, "show-denials", self->flap, "reveal-flap",
                          G_BINDING_SYNC_CREATE);
  g_signal_connect (self->flap, "notify::reveal-progress", G_CALLBACK (reveal_progress_cb), self);

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (drop, "drop", G_CALLBACK (drop_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  self->recent_stale = TRUE;
  update_state (self);
}

ScWindow *
sc_window_new (ScApplication *application)
{
  return g_object_new (SC_TYPE_WINDOW,
                       "application", application,
                       NULL);
}
