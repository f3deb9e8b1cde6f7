/* sc-app-row.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-app-row"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-app-row.h"
#include "sc-extensions.h"

struct _ScAppRow
{
  AdwPreferencesGroup  parent_instance;

  /* Template widgets */
  GtkButton           *add_button;

  /* Added when first needed (NULL until then) */
  AdwActionRow        *findings_row;
  GtkImage            *findings_icon;
  AdwActionRow        *empty_row;
  AdwExpanderRow      *extension_row;  /* what extensions give, collapsed */

  /* Owned */
  char                *target;
  GPtrArray           *plug_rows;   /* of ScPlugRow*, borrowed from the widget tree */
  GHashTable          *by_plug;     /* plug name → ScPlugRow*, borrowed */
  GPtrArray           *pending;     /* of PendingPlug*: rows not built yet, in order */
  GHashTable          *pending_by_plug; /* plug name → PendingPlug*, borrowed from pending */

  /* Borrowed: the project outlives the rows built from it */
  ScProject           *project;
};

/* A plug row left for later: everything sc_plug_row_new needs. */
typedef struct
{
  char      *plug;
  ScPlugDef *definition;   /* borrowed from the project */
  char      *extension;
  gboolean   from_extension;
  gboolean   active;
} PendingPlug;

G_DEFINE_FINAL_TYPE (ScAppRow, sc_app_row, ADW_TYPE_PREFERENCES_GROUP)

enum {
  PLUG_ROWS_ADDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
pending_plug_free (PendingPlug *pending)
{
  g_free (pending->plug);
  g_free (pending->extension);
  g_free (pending);
}

static void
update_empty (ScAppRow *self)
{
  gboolean empty = self->plug_rows->len == 0 && self->pending->len == 0;

  if (empty && self->empty_row == NULL)
    {
      self->empty_row = ADW_ACTION_ROW (adw_action_row_new ());
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->empty_row), _("No plugs"));
      adw_action_row_set_subtitle (self->empty_row,
                                   _("Under strict confinement this app gets only the default "
                                     "sandbox"));
      gtk_widget_add_css_class (GTK_WIDGET (self->empty_row), "dim-label");
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->empty_row));
    }
  if (self->empty_row != NULL)
    gtk_widget_set_visible (GTK_WIDGET (self->empty_row), empty);
}

/* The row listing the group's findings, first in the list. */
static void
ensure_findings_row (ScAppRow *self)
{
  GtkWidget *icon;
  GtkWidget *sibling;
  GtkWidget *list;

  if (self->findings_row != NULL)
    return;

  self->findings_row = ADW_ACTION_ROW (adw_action_row_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->findings_row), "finding");
  icon = gtk_image_new ();
  self->findings_icon = GTK_IMAGE (icon);
  adw_action_row_add_prefix (self->findings_row, icon);

  /* AdwPreferencesGroup only appends; its list is the parent of any row. */
  if (self->extension_row != NULL)
    sibling = GTK_WIDGET (self->extension_row);
  else
    sibling = self->plug_rows->len > 0 ? g_ptr_array_index (self->plug_rows, 0)
                                       : GTK_WIDGET (self->empty_row);
  list = sibling != NULL ? gtk_widget_get_parent (sibling) : NULL;
  if (GTK_IS_LIST_BOX (list))
    gtk_list_box_prepend (GTK_LIST_BOX (list), GTK_WIDGET (self->findings_row));
  else
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->findings_row));
}

static void
sc_app_row_finalize (GObject *object)
{
  ScAppRow *self = (ScAppRow *)object;

  g_clear_pointer (&self->target, g_free);
  g_clear_pointer (&self->plug_rows, g_ptr_array_unref);
  g_clear_pointer (&self->by_plug, g_hash_table_unref);
  g_clear_pointer (&self->pending_by_plug, g_hash_table_unref);
  g_clear_pointer (&self->pending, g_ptr_array_unref);

  G_OBJECT_CLASS (sc_app_row_parent_class)->finalize (object);
}

static void
sc_app_row_class_init (ScAppRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = sc_app_row_finalize;

  g_type_ensure (SC_TYPE_PLUG_ROW);

  /**
   * ScAppRow::plug-rows-added:
   *
   * Rows left for later by sc_app_row_new_with_limit() were built and
   * appended (sc_app_row_get_plug_rows() lists them now).
   */
  signals[PLUG_ROWS_ADDED] =
    g_signal_new ("plug-rows-added",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/SnapConfine/sc-app-row.ui");
  gtk_widget_class_bind_template_child (widget_class, ScAppRow, add_button);
}

static void
sc_app_row_init (ScAppRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->plug_rows = g_ptr_array_new ();
  self->by_plug = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->pending = g_ptr_array_new_with_free_func ((GDestroyNotify)pending_plug_free);
  self->pending_by_plug = g_hash_table_new (g_str_hash, g_str_equal);
}

/* What the app gets without listing it (from its extensions, or top-level
 * plugs no app lists) is one collapsed row: on a GNOME or KDE app a dozen
 * plugs, on lxd five content plugs in each of 17 groups, none of which
 * can be changed here. */
static void
ensure_extension_row (ScAppRow *self)
{
  if (self->extension_row != NULL)
    return;

  self->extension_row = ADW_EXPANDER_ROW (adw_expander_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->extension_row),
                                 _("Implied plugs"));
  gtk_widget_add_css_class (GTK_WIDGET (self->extension_row), "extension-plugs");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->extension_row));
}

static void
update_extension_row (ScAppRow *self)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) plugs = g_string_new (NULL);
  g_autofree char *subtitle = NULL;
  guint n = 0;

  for (guint i = 0; i < self->plug_rows->len; i++)
    {
      ScPlugRow *row = g_ptr_array_index (self->plug_rows, i);
      const char *extension = sc_plug_row_get_extension (row);

      if (self->extension_row == NULL || extension == NULL
          || !gtk_widget_is_ancestor (GTK_WIDGET (row), GTK_WIDGET (self->extension_row)))
        continue;
      n++;
      if (plugs->len > 0)
        g_string_append (plugs, ", ");
      g_string_append (plugs, sc_plug_row_get_plug (row));
      if (!g_ptr_array_find_with_equal_func (names, extension, g_str_equal, NULL))
        g_ptr_array_add (names, g_strdup (extension));
    }
  for (guint i = 0; i < self->pending->len; i++)
    {
      const PendingPlug *pending = g_ptr_array_index (self->pending, i);

      if (!pending->from_extension)
        continue;
      n++;
      if (plugs->len > 0)
        g_string_append (plugs, ", ");
      g_string_append (plugs, pending->plug);
      if (!g_ptr_array_find_with_equal_func (names, pending->extension, g_str_equal, NULL))
        g_ptr_array_add (names, g_strdup (pending->extension));
    }
  g_ptr_array_add (names, NULL);

  if (self->extension_row == NULL)
    return;

  {
    g_autofree char *joined = g_strjoinv (", ", (char **)names->pdata);
    g_autofree char *title = NULL;

    /* Translators: the title of the collapsed row of an app's plugs that
     * extensions add; %u is how many, %s the extensions, e.g. “gnome”. */
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u plug from %s",
                                          "%u plugs from %s", n), n, joined);
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->extension_row), title);
  }
  subtitle = g_markup_escape_text (plugs->str, -1);
  adw_expander_row_set_subtitle (self->extension_row, subtitle);
}

static ScPlugRow *
add_plug_row (ScAppRow   *self,
              const char *plug,
              ScPlugDef  *definition,
              const char *extension,
              gboolean    from_extension,
              gboolean    active)
{
  GtkWidget *row;

  row = sc_plug_row_new (self->target, plug, definition, extension, active);
  if (from_extension)
    {
      ensure_extension_row (self);
      adw_expander_row_add_row (self->extension_row, row);
    }
  else
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
  g_ptr_array_add (self->plug_rows, row);
  g_hash_table_insert (self->by_plug, g_strdup (plug), row);
  update_empty (self);

  return SC_PLUG_ROW (row);
}

/* Builds the row now while fewer than MAX_ROWS exist, else keeps it for
 * sc_app_row_build_pending(). */
static void
add_or_defer_plug_row (ScAppRow   *self,
                       guint       max_rows,
                       const char *plug,
                       ScPlugDef  *definition,
                       const char *extension,
                       gboolean    from_extension,
                       gboolean    active)
{
  PendingPlug *pending;

  /* The rows in the collapsed extension row are not seen before it is
   * opened: they wait for after the first frame, the row counts as one. */
  if (from_extension && max_rows != G_MAXUINT)
    ensure_extension_row (self);
  else if (self->plug_rows->len < max_rows && self->pending->len == 0)
    {
      add_plug_row (self, plug, definition, extension, from_extension, active);
      return;
    }

  pending = g_new0 (PendingPlug, 1);
  pending->plug = g_strdup (plug);
  pending->definition = definition;
  pending->extension = g_strdup (extension);
  pending->from_extension = from_extension;
  pending->active = active;
  g_ptr_array_add (self->pending, pending);
  g_hash_table_insert (self->pending_by_plug, pending->plug, pending);
}

static gboolean
has_plug (ScAppRow   *self,
          const char *plug)
{
  return g_hash_table_contains (self->by_plug, plug)
         || g_hash_table_contains (self->pending_by_plug, plug);
}

static char *
describe_target (ScTarget *target)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (target->command != NULL)
    g_ptr_array_add (parts, g_markup_escape_text (target->command, -1));
  if (target->daemon != NULL)
    /* Translators: %s is a daemon type such as “simple” or “forking”. */
    g_ptr_array_add (parts, g_strdup_printf (_("%s daemon"), target->daemon));
  if (target->extensions != NULL && target->extensions[0] != NULL)
    {
      g_autofree char *joined = g_strjoinv (", ", target->extensions);

      /* Translators: %s is a list of snapcraft extensions, e.g. “gnome”. */
      g_ptr_array_add (parts, g_strdup_printf (_("extensions: %s"), joined));
    }
  g_ptr_array_add (parts, NULL);

  return g_strjoinv (" · ", (char **)parts->pdata);
}

GtkWidget *
sc_app_row_new (ScProject *project,
                ScTarget  *target)
{
  return sc_app_row_new_with_limit (project, target, G_MAXUINT);
}

/**
 * sc_app_row_new_with_limit:
 * @max_rows: how many plug rows to build now
 *
 * Like sc_app_row_new(), but builds only the first @max_rows plug rows;
 * the others wait for sc_app_row_build_pending(), which looking a plug up
 * also calls. A window uses it to build only what its first screen shows.
 */
GtkWidget *
sc_app_row_new_with_limit (ScProject *project,
                           ScTarget  *target,
                           guint      max_rows)
{
  ScAppRow *self;
  g_autoptr(GPtrArray) effective = NULL;
  g_autofree char *description = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (SC_IS_PROJECT (project), NULL);
  g_return_val_if_fail (target != NULL, NULL);

  self = g_object_new (SC_TYPE_APP_ROW, NULL);
  self->project = project;
  if (target->is_hook)
    {
      self->target = g_strconcat ("hook:", target->name, NULL);
      /* Translators: the title of a group listing a hook's plugs; %s is
       * the hook's name, e.g. “configure”. */
      title = g_strdup_printf (_("%s hook"), target->name);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->add_button),
                                   _("Add an interface to this hook"));
    }
  else
    {
      self->target = g_strdup (target->name);
      title = g_strdup (target->name);
    }

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), title);
  description = describe_target (target);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self), description);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->add_button), "s", self->target);
  gtk_widget_set_name (GTK_WIDGET (self), self->target);

  /* Declared plugs first, in file order, then what extensions and unscoped
   * top-level plugs imply. */
  for (guint i = 0; i < target->plugs->len; i++)
    {
      const ScPlugRef *ref = g_ptr_array_index (target->plugs, i);

      if (!has_plug (self, ref->name))
        add_or_defer_plug_row (self, max_rows, ref->name,
                               sc_project_find_plug_def (project, ref->name), NULL, FALSE, TRUE);
    }

  effective = sc_project_dup_effective_plugs (project, target);
  for (guint i = 0; effective != NULL && i < effective->len; i++)
    {
      const ScEffectivePlug *plug = g_ptr_array_index (effective, i);
      const char *source;

      if (plug->origin == SC_PLUG_ORIGIN_DECLARED || has_plug (self, plug->plug))
        continue;

      /* Translators: shown as “from top-level plugs” on a plug that every app
       * gets because it is defined at the top level and not listed by any. */
      source = plug->extension != NULL ? plug->extension : _("top-level plugs");
      add_or_defer_plug_row (self, max_rows, plug->plug, plug->definition, source, TRUE, TRUE);
    }

  update_extension_row (self);
  update_empty (self);

  return GTK_WIDGET (self);
}

const char *
sc_app_row_get_target (ScAppRow *self)
{
  g_return_val_if_fail (SC_IS_APP_ROW (self), NULL);
  return self->target;
}

ScPlugRow *
sc_app_row_find_plug (ScAppRow   *self,
                      const char *plug)
{
  g_return_val_if_fail (SC_IS_APP_ROW (self), NULL);
  g_return_val_if_fail (plug != NULL, NULL);

  if (g_hash_table_contains (self->pending_by_plug, plug))
    sc_app_row_build_pending (self);

  return g_hash_table_lookup (self->by_plug, plug);
}

gboolean
sc_app_row_has_pending (ScAppRow *self)
{
  g_return_val_if_fail (SC_IS_APP_ROW (self), FALSE);
  return self->pending->len > 0;
}

/**
 * sc_app_row_build_pending:
 *
 * Builds the plug rows sc_app_row_new_with_limit() left for later, in
 * order after the others, and emits ScAppRow::plug-rows-added.
 */
void
sc_app_row_build_pending (ScAppRow *self)
{
  g_return_if_fail (SC_IS_APP_ROW (self));

  if (self->pending->len == 0)
    return;

  for (guint i = 0; i < self->pending->len; i++)
    {
      const PendingPlug *plug = g_ptr_array_index (self->pending, i);

      add_plug_row (self, plug->plug, plug->definition, plug->extension, plug->from_extension,
                    plug->active);
    }
  g_hash_table_remove_all (self->pending_by_plug);
  g_ptr_array_set_size (self->pending, 0);

  g_signal_emit (self, signals[PLUG_ROWS_ADDED], 0);
}

ScPlugRow *
sc_app_row_ensure_plug (ScAppRow   *self,
                        const char *plug)
{
  ScPlugRow *row;

  g_return_val_if_fail (SC_IS_APP_ROW (self), NULL);
  g_return_val_if_fail (plug != NULL, NULL);

  /* A new row goes after all the others. */
  sc_app_row_build_pending (self);
  row = sc_app_row_find_plug (self, plug);
  if (row == NULL)
    row = add_plug_row (self, plug, sc_project_find_plug_def (self->project, plug), NULL, FALSE,
                        FALSE);

  return row;
}

/* The rows built so far: those left for later are missing until
 * sc_app_row_build_pending(). */
GPtrArray *
sc_app_row_get_plug_rows (ScAppRow *self)
{
  g_return_val_if_fail (SC_IS_APP_ROW (self), NULL);
  return self->plug_rows;
}

void
sc_app_row_set_findings (ScAppRow  *self,
                         GPtrArray *findings)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) title = g_string_new (NULL);
  ScSeverity worst = SC_SEVERITY_NOTE;

  g_return_if_fail (SC_IS_APP_ROW (self));

  for (guint i = 0; findings != NULL && i < findings->len; i++)
    {
      const ScFinding *finding = g_ptr_array_index (findings, i);
      g_autofree char *message = g_markup_escape_text (finding->message, -1);

      worst = MIN (worst, finding->severity);
      if (title->len == 0)
        g_string_append (title, message);
      else
        {
          if (text->len > 0)
            g_string_append_c (text, '\n');
          g_string_append (text, message);
        }
      if (finding->hint != NULL)
        {
          g_autofree char *hint = g_markup_escape_text (finding->hint, -1);

          if (text->len > 0)
            g_string_append_c (text, '\n');
          g_string_append (text, hint);
        }
    }

  if (title->len > 0)
    ensure_findings_row (self);
  if (self->findings_row == NULL)
    return;

  gtk_widget_set_visible (GTK_WIDGET (self->findings_row), title->len > 0);
  gtk_image_set_from_icon_name (self->findings_icon, sc_severity_icon_name (worst));
  for (ScSeverity s = SC_SEVERITY_ERROR; s <= SC_SEVERITY_NOTE; s++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->findings_icon), sc_severity_css_class (s));
  gtk_widget_add_css_class (GTK_WIDGET (self->findings_icon), sc_severity_css_class (worst));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->findings_row), title->str);
  adw_action_row_set_subtitle (self->findings_row, text->str);
}
