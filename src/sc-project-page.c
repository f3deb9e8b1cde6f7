/* sc-project-page.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How the page opens fast. The target (bench/bench-window.sh): the first
 * frame of `snapconfine examples/skylark` within 1.3× that of a bare
 * AdwApplicationWindow. Each tweak below was measured by taking it out
 * alone, as callgrind instructions to the first frame with the cairo
 * renderer (bench-window-app; counts repeat to within 0.01 %). With all
 * of them: 831 M against 648 M for the bare window (1.28×).
 *
 *   wrapping labels kept to one line until the first frame
 *     (unwrap_labels, here)                                    +133 M without
 *   a row separator drawn as one rectangle (ui/style.css, locked
 *     by /window/row-separators)                                +55 M without
 *   only the first screen's plug rows built before the first
 *     frame (FIRST_SCREEN_ROWS, here; ScAppRow's row limit)     +43 M without
 *   ScPlugRow laid out like AdwActionRow without its wrapping
 *     labels and bindings (sc-plug-row.ui)       +68 M as an AdwActionRow
 *     (measured when it was introduced: dbd6f8f, 2633330)
 *
 * Each is robust to a libadwaita update in the sense that matters: if
 * libadwaita renames its style classes, the separator rule and ScPlugRow's
 * classes stop matching and the page looks plainer, but nothing breaks;
 * the other two are ours alone. The list of apps and hooks costs 13 M.
 * Tweaks that did not pay were removed when they were measured.
 */

#define G_LOG_DOMAIN "sc-project-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-check.h"
#include "sc-findings.h"
#include "sc-project-page-private.h"
#include "sc-utils.h"

/* Plug rows that fill the first screen of a 1100×760 window; the others
 * are built right after the first frame (see bench/README.md). */
#define FIRST_SCREEN_ROWS 8

/* Below this many apps and hooks the page has no list to move between
 * them: the groups fit on a screen or two. */
#define NAV_MIN_TARGETS 3

struct _ScProjectPage
{
  AdwBin                parent_instance;

  /* Template widgets */
  GtkRevealer          *banner;
  GtkLabel             *banner_label;
  AdwLeaflet           *leaflet;
  GtkScrolledWindow    *nav_scroller;
  GtkListBox           *nav_list;
  GtkWidget            *nav_separator;
  GtkButton            *nav_button;
  GtkScrolledWindow    *project_scroller;
  GtkLabel             *name_label;
  GtkLabel             *path_label;
  GtkLabel             *confinement_label;
  GtkLabel             *snapd_label;
  GtkLabel             *base_label;
  GtkLabel             *grade_label;
  AdwPreferencesGroup  *findings_group;
  GtkBox               *targets_box;

  /* Owned */
  ScProject            *project;
  GHashTable           *app_rows;        /* target → ScAppRow*, borrowed */
  GHashTable           *definitions;     /* plug → GVariant a{sv}: pending top-level definitions */
  GPtrArray            *findings;        /* of ScFinding* */
  GPtrArray            *finding_rows;    /* of GtkWidget* in findings_group, borrowed */
  GPtrArray            *tick_history;    /* of PendingTick*, last on top (Ctrl+Z) */
  GPtrArray            *deferred;        /* of ScTarget*, borrowed: groups not built yet */
  GPtrArray            *unwrapped_labels; /* of GtkLabel*: wrapping labels kept to one
                                           * line until the first frame is out */
  GtkWidget            *reveal_row;      /* ScPlugRow to scroll to once laid out */
  guint                 deferred_id;
  gulong                deferred_paint_id;
  gulong                reveal_paint_id;

  gboolean              updating;
};

G_DEFINE_FINAL_TYPE (ScProjectPage, sc_project_page, ADW_TYPE_BIN)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

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

static PendingTick *
pending_tick_new (const char *target,
                  const char *plug,
                  gboolean    active)
{
  PendingTick *tick = g_new0 (PendingTick, 1);

  tick->target = g_strdup (target);
  tick->plug = g_strdup (plug);
  tick->active = active;
  return tick;
}

static void
emit_changed (ScProjectPage *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

/* ---- Pending ticks ------------------------------------------------------ */

static GPtrArray *
collect_pending (ScProjectPage *self)
{
  GPtrArray *pending = g_ptr_array_new_with_free_func ((GDestroyNotify)pending_tick_free);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->targets_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GPtrArray *rows;

      if (!SC_IS_APP_ROW (child))
        continue;
      rows = sc_app_row_get_plug_rows (SC_APP_ROW (child));
      for (guint i = 0; i < rows->len; i++)
        {
          ScPlugRow *row = g_ptr_array_index (rows, i);

          if (!sc_plug_row_get_changed (row) || sc_plug_row_get_locked (row))
            continue;
          g_ptr_array_add (pending, pending_tick_new (sc_plug_row_get_target (row),
                                                      sc_plug_row_get_plug (row),
                                                      sc_plug_row_get_active (row)));
        }
    }

  return pending;
}

gboolean
sc_project_page_has_pending (ScProjectPage *self)
{
  g_autoptr(GPtrArray) pending = NULL;

  g_return_val_if_fail (SC_IS_PROJECT_PAGE (self), FALSE);

  if (self->project == NULL)
    return FALSE;

  pending = collect_pending (self);
  return pending->len > 0;
}

gboolean
sc_project_page_get_plug_ticked (ScProjectPage *self,
                                 const char    *target,
                                 const char    *plug)
{
  ScAppRow *group;
  ScPlugRow *row;

  g_return_val_if_fail (SC_IS_PROJECT_PAGE (self), FALSE);
  g_return_val_if_fail (target != NULL && plug != NULL, FALSE);

  group = g_hash_table_lookup (self->app_rows, target);
  row = group != NULL ? sc_app_row_find_plug (group, plug) : NULL;
  return row != NULL && sc_plug_row_get_active (row);
}

static gboolean
plug_is_ticked_anywhere (ScProjectPage *self,
                         const char    *plug)
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

/* Whether PENDING ticks PLUG on somewhere. */
static gboolean
pending_adds (GPtrArray  *pending,
              const char *plug)
{
  for (guint i = 0; i < pending->len; i++)
    {
      const PendingTick *tick = g_ptr_array_index (pending, i);

      if (tick->active && g_strcmp0 (tick->plug, plug) == 0)
        return TRUE;
    }
  return FALSE;
}

ScEdit *
sc_project_page_build_edit (ScProjectPage  *self,
                            gboolean        strict,
                            GError        **error)
{
  g_autoptr(ScEdit) edit = NULL;
  g_autoptr(GPtrArray) pending = NULL;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (SC_IS_PROJECT_PAGE (self), NULL);
  g_return_val_if_fail (self->project != NULL, NULL);

  edit = sc_edit_new (self->project);
  if (strict && g_strcmp0 (sc_project_get_confinement (self->project), "strict") != 0)
    sc_edit_set_confinement (edit, "strict");

  pending = collect_pending (self);

  /* A definition a suggestion asked for is written only while some app
   * still ticks the plug that uses it. A new one a tick adds goes with
   * that tick, below; one that changes the project's goes here. */
  g_hash_table_iter_init (&iter, self->definitions);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      if (!plug_is_ticked_anywhere (self, key))
        continue;
      if (sc_project_find_plug_def (self->project, key) == NULL && pending_adds (pending, key))
        continue;
      if (!sc_edit_define_plug (edit, key, value, error))
        return NULL;
    }

  for (guint i = 0; i < pending->len; i++)
    {
      const PendingTick *tick = g_ptr_array_index (pending, i);
      GVariant *definition = g_hash_table_lookup (self->definitions, tick->plug);
      gboolean ok;

      /* A new definition: what `snapconfine-cli strict --plug
       * TARGET=NAME=INTERFACE:ATTR=VALUE,…` does, checks included. */
      if (tick->active && definition != NULL
          && sc_project_find_plug_def (self->project, tick->plug) == NULL)
        {
          g_autoptr(ScPlugSpec) spec = sc_plug_spec_new_from_definition (tick->plug, definition);

          ok = spec != NULL
               ? sc_edit_add_plug_spec (edit, tick->target, spec, NULL, error)
               : sc_edit_add_plug (edit, tick->target, tick->plug, error);
        }
      else if (tick->active)
        ok = sc_edit_add_plug (edit, tick->target, tick->plug, error);
      else
        ok = sc_edit_remove_plug (edit, tick->target, tick->plug, error);
      if (!ok)
        return NULL;
    }

  return g_steal_pointer (&edit);
}

/* ---- Findings ----------------------------------------------------------- */

static void
apply_group_findings (ScProjectPage *self,
                      ScAppRow      *app_row)
{
  const char *target = sc_app_row_get_target (app_row);
  GPtrArray *rows = sc_app_row_get_plug_rows (app_row);
  g_autoptr(GPtrArray) target_findings = sc_findings_filter (self->findings, target, NULL);

  sc_app_row_set_findings (app_row, target_findings);
  for (guint i = 0; i < rows->len; i++)
    {
      ScPlugRow *row = g_ptr_array_index (rows, i);
      g_autoptr(GPtrArray) plug_findings =
        sc_findings_filter (self->findings, target, sc_plug_row_get_plug (row));

      sc_plug_row_set_findings (row, plug_findings);
    }
}

/* Findings follow the ticks: `check` runs on the text that would be written
 * (without the confinement change), so a plug ticked a moment ago shows that
 * it needs store approval before anything is saved. */
static void
update_findings (ScProjectPage *self)
{
  g_autoptr(ScProject) preview = NULL;
  ScProject *checked = self->project;
  GHashTableIter iter;
  gpointer value;

  if (self->project == NULL)
    return;

  if (sc_project_page_has_pending (self))
    {
      g_autoptr(ScEdit) edit = sc_project_page_build_edit (self, FALSE, NULL);
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
  while (g_hash_table_iter_next (&iter, NULL, &value))
    apply_group_findings (self, value);

  /* Project-wide findings, and findings about top-level plugs. */
  for (guint i = 0; i < self->finding_rows->len; i++)
    adw_preferences_group_remove (self->findings_group, g_ptr_array_index (self->finding_rows, i));
  g_ptr_array_set_size (self->finding_rows, 0);

  for (guint i = 0; self->findings != NULL && i < self->findings->len; i++)
    {
      const ScFinding *finding = g_ptr_array_index (self->findings, i);
      GtkWidget *row;

      if (finding->target != NULL
          && sc_project_find_target (self->project, finding->target) != NULL)
        continue;

      row = sc_finding_row_new (finding);
      adw_preferences_group_add (self->findings_group, row);
      g_ptr_array_add (self->finding_rows, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->findings_group), self->finding_rows->len > 0);
}

static void
plug_row_changed_cb (ScProjectPage *self,
                     GParamSpec    *pspec,
                     ScPlugRow     *row)
{
  if (self->updating)
    return;

  /* Ctrl+Z puts the tick back. */
  g_ptr_array_add (self->tick_history,
                   pending_tick_new (sc_plug_row_get_target (row), sc_plug_row_get_plug (row),
                                     !sc_plug_row_get_active (row)));

  update_findings (self);
  emit_changed (self);
}

static void
watch_plug_rows (ScProjectPage *self,
                 ScAppRow      *app_row)
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

/* ---- Header ------------------------------------------------------------- */

static void
set_confinement_badge (ScProjectPage *self,
                       const char    *label,
                       const char    *tooltip,
                       const char    *css_class)
{
  static const char * const classes[] = { "devmode", "strict", "classic", "unset" };

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->confinement_label), classes[i]);
  gtk_label_set_label (self->confinement_label, label);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->confinement_label), tooltip);
  gtk_widget_add_css_class (GTK_WIDGET (self->confinement_label), css_class);
}

static void
update_header (ScProjectPage *self)
{
  const char *confinement = sc_project_get_confinement (self->project);
  const char *base = sc_project_get_base (self->project);
  const char *grade = sc_project_get_grade (self->project);
  const char *name = sc_project_get_name (self->project);
  g_autofree char *display = sc_dup_display_path (sc_project_get_path (self->project));

  if (name == NULL || *name == '\0')
    name = _("Unnamed snap");

  gtk_label_set_label (self->name_label, name);
  gtk_label_set_label (self->path_label, display);

  if (g_strcmp0 (confinement, "strict") == 0)
    set_confinement_badge (self, _("strict"),
                           _("Strict confinement: the snap only gets what its plugs allow"),
                           "strict");
  else if (g_strcmp0 (confinement, "classic") == 0)
    set_confinement_badge (self, _("classic"),
                           _("Classic confinement: the snap runs without a sandbox"),
                           "classic");
  else if (g_strcmp0 (confinement, "devmode") == 0)
    set_confinement_badge (self, _("devmode"),
                           _("Developer mode: violations are only logged, and the store "
                             "accepts the snap only in the beta and edge channels"),
                           "devmode");
  else
    set_confinement_badge (self, confinement != NULL ? confinement : _("no confinement"),
                           _("snapcraft.yaml does not set a confinement"), "unset");

  gtk_label_set_label (self->base_label, base != NULL ? base : _("no base"));
  if (grade != NULL)
    gtk_label_set_label (self->grade_label, grade);
  gtk_widget_set_visible (GTK_WIDGET (self->grade_label), grade != NULL);
}

/* ---- Groups, built in steps around the first frame ---------------------- */

static void
plug_rows_added_cb (ScProjectPage *self,
                    ScAppRow      *app_row)
{
  watch_plug_rows (self, app_row);
  if (self->findings != NULL)
    apply_group_findings (self, app_row);
}

/* Adds the group of TARGET with at most MAX_ROWS plug rows built now (the
 * others wait for build_pending_rows()); returns how many were built. */
static guint
add_target_group (ScProjectPage *self,
                  ScTarget      *target,
                  guint          max_rows)
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
first_pending_group (ScProjectPage *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->targets_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (SC_IS_APP_ROW (child) && sc_app_row_has_pending (SC_APP_ROW (child)))
      return SC_APP_ROW (child);
  return NULL;
}

/* Wrapping labels are costly to measure in GTK 4.8 (the findings row alone
 * took 33 M instructions of the first frame), so the first screen is laid
 * out with its wrapping labels ellipsized to one line: at the usual window
 * sizes they fit on one line anyway. They wrap again right after the first
 * frame. */
static void
unwrap_labels (ScProjectPage *self,
               GtkWidget     *widget)
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
rewrap_labels (ScProjectPage *self)
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
flush_deferred (ScProjectPage *self)
{
  ScAppRow *group;

  g_clear_handle_id (&self->deferred_id, g_source_remove);
  while ((group = first_pending_group (self)) != NULL)
    sc_app_row_build_pending (group);
  rewrap_labels (self);

  for (guint i = 0; i < self->deferred->len; i++)
    add_target_group (self, g_ptr_array_index (self->deferred, i), G_MAXUINT);
  g_ptr_array_set_size (self->deferred, 0);
}

static gboolean
build_deferred_cb (gpointer user_data)
{
  ScProjectPage *self = user_data;
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
deferred_after_paint_cb (ScProjectPage *self,
                         GdkFrameClock *clock)
{
  g_clear_signal_handler (&self->deferred_paint_id, clock);

  rewrap_labels (self);
  if ((self->deferred->len > 0 || first_pending_group (self) != NULL) && self->deferred_id == 0)
    self->deferred_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, build_deferred_cb, self, NULL);
}

static void
schedule_deferred (ScProjectPage *self)
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

/* ---- Navigation between apps and hooks ---------------------------------- */

static GtkWidget *
nav_row_new (ScTarget *target)
{
  const char *name = target->name;
  gboolean hook = target->is_hook;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (name);
  g_autofree char *key = hook ? g_strconcat ("hook:", name, NULL) : g_strdup (name);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  if (hook)
    {
      GtkWidget *kind = gtk_label_new (_("hook"));

      gtk_widget_add_css_class (kind, "dim-label");
      gtk_widget_add_css_class (kind, "caption");
      gtk_box_append (GTK_BOX (box), kind);
    }
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "sc-target", g_steal_pointer (&key), g_free);
  gtk_widget_set_tooltip_text (row, name);

  return row;
}

static void
rebuild_nav (ScProjectPage *self,
             GPtrArray     *targets)
{
  GtkWidget *child;
  gboolean shown = targets->len >= NAV_MIN_TARGETS;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->nav_list))) != NULL)
    gtk_list_box_remove (self->nav_list, child);

  gtk_widget_set_visible (GTK_WIDGET (self->nav_scroller), shown);
  gtk_widget_set_visible (self->nav_separator, shown);
  if (!shown)
    return;

  for (guint i = 0; i < targets->len; i++)
    gtk_list_box_append (self->nav_list, nav_row_new (g_ptr_array_index (targets, i)));
}

static void
update_nav_button (ScProjectPage *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->nav_button),
                          adw_leaflet_get_folded (self->leaflet)
                          && gtk_widget_get_visible (GTK_WIDGET (self->nav_scroller)));
}

static void
scroll_to_widget (ScProjectPage *self,
                  GtkWidget     *widget,
                  gboolean       top)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->project_scroller);
  GtkWidget *viewport = gtk_scrolled_window_get_child (self->project_scroller);
  double value = gtk_adjustment_get_value (adjustment);
  graphene_point_t point;

  if (viewport == NULL
      || !gtk_widget_compute_point (widget, viewport, &GRAPHENE_POINT_INIT (0, 0), &point))
    return;

  if (top)
    gtk_adjustment_set_value (adjustment, value + point.y - 12);
  else
    gtk_adjustment_clamp_page (adjustment, value + point.y - 24,
                               value + point.y + gtk_widget_get_height (widget) + 24);
}

static void
nav_row_activated_cb (ScProjectPage *self,
                      GtkListBoxRow *row,
                      GtkListBox    *list)
{
  const char *target = g_object_get_data (G_OBJECT (row), "sc-target");
  ScAppRow *group = _sc_project_page_get_app_row (self, target);

  adw_leaflet_set_visible_child_name (self->leaflet, "content");
  if (group != NULL)
    {
      scroll_to_widget (self, GTK_WIDGET (group), TRUE);
      gtk_widget_child_focus (GTK_WIDGET (group), GTK_DIR_TAB_FORWARD);
    }
}

static void
nav_button_clicked_cb (ScProjectPage *self)
{
  adw_leaflet_set_visible_child_name (self->leaflet, "targets");
}

/* ---- Showing a project -------------------------------------------------- */

static void
rebuild (ScProjectPage *self)
{
  g_autoptr(GPtrArray) targets = g_ptr_array_new ();
  GPtrArray *apps = sc_project_get_apps (self->project);
  GPtrArray *hooks = sc_project_get_hooks (self->project);
  GtkWidget *child;
  guint n_rows = 0;
  gboolean defer;

  g_clear_handle_id (&self->deferred_id, g_source_remove);
  g_ptr_array_set_size (self->deferred, 0);
  g_hash_table_remove_all (self->app_rows);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->targets_box))) != NULL)
    gtk_box_remove (self->targets_box, child);

  update_header (self);

  for (guint i = 0; apps != NULL && i < apps->len; i++)
    g_ptr_array_add (targets, g_ptr_array_index (apps, i));
  for (guint i = 0; hooks != NULL && i < hooks->len; i++)
    g_ptr_array_add (targets, g_ptr_array_index (hooks, i));
  rebuild_nav (self, targets);
  update_nav_button (self);

  /* Before the page is first shown, only the rows that fill the first
   * screen are built; the rest of their group follows right after the
   * first frame, then the other groups one by one, so a project with many
   * apps or plugs opens as fast as a small one. */
  defer = !gtk_widget_get_mapped (GTK_WIDGET (self));
  for (guint i = 0; i < targets->len; i++)
    {
      ScTarget *target = g_ptr_array_index (targets, i);

      if (!defer)
        add_target_group (self, target, G_MAXUINT);
      else if (n_rows >= FIRST_SCREEN_ROWS)
        g_ptr_array_add (self->deferred, target);
      else
        n_rows += add_target_group (self, target, FIRST_SCREEN_ROWS - n_rows);
    }

  if (targets->len == 0)
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

/* Puts PENDING ticks and the pending definitions back on the rows. */
static void
apply_pending (ScProjectPage *self,
               GPtrArray     *pending)
{
  GHashTableIter iter;
  gpointer key, value;

  self->updating = TRUE;

  for (guint i = 0; pending != NULL && i < pending->len; i++)
    {
      const PendingTick *tick = g_ptr_array_index (pending, i);
      ScAppRow *app_row = _sc_project_page_get_app_row (self, tick->target);
      ScPlugRow *row;

      if (app_row == NULL)
        continue;

      row = sc_app_row_ensure_plug (app_row, tick->plug);
      sc_plug_row_set_active (row, tick->active);
      watch_plug_rows (self, app_row);
    }

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

  self->updating = FALSE;
}

void
sc_project_page_set_project (ScProjectPage *self,
                             ScProject     *project,
                             gboolean       keep_pending)
{
  g_autoptr(GPtrArray) pending = NULL;

  g_return_if_fail (SC_IS_PROJECT_PAGE (self));
  g_return_if_fail (SC_IS_PROJECT (project));

  if (keep_pending && self->project != NULL)
    pending = collect_pending (self);
  else
    g_hash_table_remove_all (self->definitions);

  g_set_object (&self->project, project);
  g_ptr_array_set_size (self->tick_history, 0);
  sc_project_page_set_banner (self, NULL);

  rebuild (self);
  if (pending != NULL && pending->len > 0)
    apply_pending (self, pending);
  update_findings (self);

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      unwrap_labels (self, GTK_WIDGET (self->findings_group));
      unwrap_labels (self, GTK_WIDGET (self->targets_box));
    }
  if (gtk_widget_get_realized (GTK_WIDGET (self)))
    schedule_deferred (self);

  emit_changed (self);
}

ScProject *
sc_project_page_get_project (ScProjectPage *self)
{
  g_return_val_if_fail (SC_IS_PROJECT_PAGE (self), NULL);
  return self->project;
}

void
sc_project_page_set_snapd_text (ScProjectPage *self,
                                const char    *text)
{
  g_return_if_fail (SC_IS_PROJECT_PAGE (self));

  gtk_label_set_label (self->snapd_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->snapd_label), text != NULL);
}

GtkLabel *
_sc_project_page_get_snapd_label (ScProjectPage *self)
{
  return self->snapd_label;
}

void
sc_project_page_set_banner (ScProjectPage *self,
                            const char    *message)
{
  g_return_if_fail (SC_IS_PROJECT_PAGE (self));

  if (message != NULL)
    gtk_label_set_label (self->banner_label, message);
  gtk_revealer_set_reveal_child (self->banner, message != NULL);
}

const char **
sc_project_page_dup_targets (ScProjectPage *self)
{
  GPtrArray *targets = g_ptr_array_new ();

  g_return_val_if_fail (SC_IS_PROJECT_PAGE (self), NULL);

  flush_deferred (self);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->targets_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (SC_IS_APP_ROW (child))
      g_ptr_array_add (targets, (gpointer)sc_app_row_get_target (SC_APP_ROW (child)));
  g_ptr_array_add (targets, NULL);

  return (const char **)g_ptr_array_free (targets, FALSE);
}

ScAppRow *
_sc_project_page_get_app_row (ScProjectPage *self,
                              const char    *target)
{
  g_return_val_if_fail (SC_IS_PROJECT_PAGE (self), NULL);
  g_return_val_if_fail (target != NULL, NULL);

  flush_deferred (self);
  return g_hash_table_lookup (self->app_rows, target);
}

ScPlugRow *
_sc_project_page_get_plug_row (ScProjectPage *self,
                               const char    *target,
                               const char    *plug)
{
  ScAppRow *app_row = _sc_project_page_get_app_row (self, target);

  return app_row != NULL ? sc_app_row_find_plug (app_row, plug) : NULL;
}

GtkListBox *
_sc_project_page_get_nav_list (ScProjectPage *self)
{
  return self->nav_list;
}

AdwLeaflet *
_sc_project_page_get_leaflet (ScProjectPage *self)
{
  return self->leaflet;
}

GtkWidget *
_sc_project_page_get_banner (ScProjectPage *self)
{
  return GTK_WIDGET (self->banner);
}

GtkScrolledWindow *
_sc_project_page_get_scroller (ScProjectPage *self)
{
  return self->project_scroller;
}

/* ---- Adding plugs and taking ticks back --------------------------------- */

/* A row just added has no size until the next layout: it is scrolled to
 * and highlighted after the frame that lays it out. */
static void
reveal_after_paint_cb (ScProjectPage *self,
                       GdkFrameClock *clock)
{
  g_autoptr(GtkWidget) row = g_steal_pointer (&self->reveal_row);

  g_clear_signal_handler (&self->reveal_paint_id, clock);
  if (row == NULL || !gtk_widget_is_ancestor (row, GTK_WIDGET (self)))
    return;

  scroll_to_widget (self, row, FALSE);
  sc_plug_row_highlight (SC_PLUG_ROW (row));
}

static void
reveal_row (ScProjectPage *self,
            ScPlugRow     *row)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  adw_leaflet_set_visible_child_name (self->leaflet, "content");
  g_set_object (&self->reveal_row, GTK_WIDGET (row));
  if (clock == NULL)
    {
      sc_plug_row_highlight (row);
      return;
    }
  if (self->reveal_paint_id == 0)
    self->reveal_paint_id = g_signal_connect_object (clock, "after-paint",
                                                     G_CALLBACK (reveal_after_paint_cb), self,
                                                     G_CONNECT_SWAPPED);
  gtk_widget_queue_resize (GTK_WIDGET (row));
}

gboolean
sc_project_page_add_plug (ScProjectPage  *self,
                          const char     *target,
                          const char     *plug,
                          GVariant       *definition,
                          GError        **error)
{
  g_autoptr(GVariant) attributes = definition != NULL ? g_variant_ref_sink (definition) : NULL;
  ScAppRow *app_row;
  ScPlugRow *row;

  g_return_val_if_fail (SC_IS_PROJECT_PAGE (self), FALSE);
  g_return_val_if_fail (target != NULL, FALSE);
  g_return_val_if_fail (plug != NULL, FALSE);

  if (self->project == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                           _("No project is open"));
      return FALSE;
    }

  app_row = _sc_project_page_get_app_row (self, target);
  if (app_row == NULL)
    {
      g_set_error (error, SC_PROJECT_ERROR, SC_PROJECT_ERROR_UNKNOWN_TARGET,
                   /* Translators: %s is an app name or “hook:NAME”. */
                   _("The project has no app or hook “%s”"), target);
      return FALSE;
    }

  self->updating = TRUE;
  row = sc_app_row_ensure_plug (app_row, plug);
  if (attributes != NULL)
    {
      g_autoptr(GVariant) iface = g_variant_lookup_value (attributes, "interface",
                                                          G_VARIANT_TYPE_STRING);

      g_hash_table_insert (self->definitions, g_strdup (plug), g_variant_ref (attributes));
      sc_plug_row_set_definition (row, iface != NULL ? g_variant_get_string (iface, NULL) : plug,
                                  attributes);
    }
  watch_plug_rows (self, app_row);
  if (!sc_plug_row_get_active (row))
    g_ptr_array_add (self->tick_history, pending_tick_new (target, plug, FALSE));
  sc_plug_row_set_active (row, TRUE);
  self->updating = FALSE;

  update_findings (self);
  emit_changed (self);
  reveal_row (self, row);

  return TRUE;
}

gboolean
sc_project_page_can_undo_tick (ScProjectPage *self)
{
  g_return_val_if_fail (SC_IS_PROJECT_PAGE (self), FALSE);
  return self->tick_history->len > 0;
}

gboolean
sc_project_page_undo_tick (ScProjectPage *self)
{
  PendingTick *tick;
  ScPlugRow *row;

  g_return_val_if_fail (SC_IS_PROJECT_PAGE (self), FALSE);

  if (self->tick_history->len == 0)
    return FALSE;

  tick = g_ptr_array_steal_index (self->tick_history, self->tick_history->len - 1);
  row = _sc_project_page_get_plug_row (self, tick->target, tick->plug);
  if (row != NULL)
    {
      self->updating = TRUE;
      sc_plug_row_set_active (row, tick->active);
      self->updating = FALSE;
      update_findings (self);
      reveal_row (self, row);
    }
  pending_tick_free (tick);
  emit_changed (self);

  return TRUE;
}

/* ---- GObject ------------------------------------------------------------ */

static void
sc_project_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (sc_project_page_parent_class)->map (widget);
  schedule_deferred (SC_PROJECT_PAGE (widget));
}

static void
sc_project_page_dispose (GObject *object)
{
  ScProjectPage *self = (ScProjectPage *)object;

  g_clear_handle_id (&self->deferred_id, g_source_remove);
  g_clear_object (&self->reveal_row);
  if (self->unwrapped_labels != NULL)
    g_ptr_array_set_size (self->unwrapped_labels, 0);

  gtk_widget_dispose_template (GTK_WIDGET (self), SC_TYPE_PROJECT_PAGE);

  G_OBJECT_CLASS (sc_project_page_parent_class)->dispose (object);
}

static void
sc_project_page_finalize (GObject *object)
{
  ScProjectPage *self = (ScProjectPage *)object;

  g_clear_object (&self->project);
  g_clear_pointer (&self->app_rows, g_hash_table_unref);
  g_clear_pointer (&self->definitions, g_hash_table_unref);
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  g_clear_pointer (&self->finding_rows, g_ptr_array_unref);
  g_clear_pointer (&self->deferred, g_ptr_array_unref);
  g_clear_pointer (&self->unwrapped_labels, g_ptr_array_unref);
  g_clear_pointer (&self->tick_history, g_ptr_array_unref);

  G_OBJECT_CLASS (sc_project_page_parent_class)->finalize (object);
}

static void
sc_project_page_class_init (ScProjectPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sc_project_page_dispose;
  object_class->finalize = sc_project_page_finalize;
  widget_class->map = sc_project_page_map;

  /* Ticks, definitions or the project changed. */
  signals[CHANGED] = g_signal_new ("changed",
                                   G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);

  g_type_ensure (SC_TYPE_APP_ROW);
  g_type_ensure (SC_TYPE_PLUG_ROW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/SnapConfine/sc-project-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ScProjectPage, banner);
  gtk_widget_class_bind_template_child (widget_class, ScProjectPage, banner_label);
  gtk_widget_class_bind_template_child (widget_class, ScProjectPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, ScProjectPage, nav_scroller);
  gtk_widget_class_bind_template_child (widget_class, ScProjectPage, nav_list);
  gtk_widget_class_bind_template_child (widget_class, ScProjectPage, nav_separator);
  gtk_widget_class_bind_template_child (widget_class, ScProjectPage, nav_button);
  gtk_widget_class_bind_template_child (widget_class, ScProjectPage, project_scroller);
  gtk_widget_class_bind_template_child (widget_class, ScProjectPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, ScProjectPage, path_label);
  gtk_widget_class_bind_template_child (widget_class, ScProjectPage, confinement_label);
  gtk_widget_class_bind_template_child (widget_class, ScProjectPage, base_label);
  gtk_widget_class_bind_template_child (widget_class, ScProjectPage, grade_label);
  gtk_widget_class_bind_template_child (widget_class, ScProjectPage, snapd_label);
  gtk_widget_class_bind_template_child (widget_class, ScProjectPage, findings_group);
  gtk_widget_class_bind_template_child (widget_class, ScProjectPage, targets_box);
  gtk_widget_class_bind_template_callback (widget_class, nav_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, nav_button_clicked_cb);
}

static void
sc_project_page_init (ScProjectPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->app_rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->definitions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify)g_variant_unref);
  self->finding_rows = g_ptr_array_new ();
  self->deferred = g_ptr_array_new ();
  self->unwrapped_labels = g_ptr_array_new_with_free_func (g_object_unref);
  self->tick_history = g_ptr_array_new_with_free_func ((GDestroyNotify)pending_tick_free);

  g_signal_connect_object (self->leaflet, "notify::folded", G_CALLBACK (update_nav_button), self,
                           G_CONNECT_SWAPPED);
  adw_leaflet_set_visible_child_name (self->leaflet, "content");
}

GtkWidget *
sc_project_page_new (void)
{
  return g_object_new (SC_TYPE_PROJECT_PAGE, NULL);
}
