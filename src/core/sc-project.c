/* sc-project.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Placeholder bodies; the real implementation follows shortly.
 */
#define G_LOG_DOMAIN "sc-project"

#include "config.h"

#include "sc-project.h"

G_DEFINE_QUARK (sc-project-error-quark, sc_project_error)

const char * const sc_project_candidates[] = {
  "snapcraft.yaml",
  "snap/snapcraft.yaml",
  "build-aux/snap/snapcraft.yaml",
  ".snapcraft.yaml",
  NULL,
};

struct _ScProject
{
  GObject parent_instance;
};

G_DEFINE_FINAL_TYPE (ScProject, sc_project, G_TYPE_OBJECT)

static void sc_project_class_init (ScProjectClass *klass) { }
static void sc_project_init (ScProject *self) { }

struct _ScEdit
{
  ScProject *project;
};

static void
not_yet (GError **error)
{
  g_set_error_literal (error, SC_PROJECT_ERROR, SC_PROJECT_ERROR_INVALID, "not implemented yet");
}

ScProject *sc_project_load (const char *path, GError **error) { not_yet (error); return NULL; }
ScProject *sc_project_load_from_data (const char *display_name, const char *data, gsize len, GError **error) { not_yet (error); return NULL; }
const char *sc_project_get_root (ScProject *self) { return NULL; }
const char *sc_project_get_path (ScProject *self) { return NULL; }
const char *sc_project_get_display_path (ScProject *self) { return NULL; }
GBytes *sc_project_get_bytes (ScProject *self) { return NULL; }
GPtrArray *sc_project_get_warnings (ScProject *self) { return NULL; }
const char *sc_project_get_name (ScProject *self) { return NULL; }
const char *sc_project_get_base (ScProject *self) { return NULL; }
const char *sc_project_get_build_base (ScProject *self) { return NULL; }
const char *sc_project_get_grade (ScProject *self) { return NULL; }
const char *sc_project_get_confinement (ScProject *self) { return NULL; }
void sc_project_get_confinement_position (ScProject *self, guint *line, guint *column) { *line = 0; *column = 0; }
GPtrArray *sc_project_get_apps (ScProject *self) { return NULL; }
GPtrArray *sc_project_get_hooks (ScProject *self) { return NULL; }
GPtrArray *sc_project_get_plug_defs (ScProject *self) { return NULL; }
ScTarget *sc_project_find_target (ScProject *self, const char *target) { return NULL; }
ScPlugDef *sc_project_find_plug_def (ScProject *self, const char *name) { return NULL; }
ScEdit *sc_edit_new (ScProject *project) { ScEdit *e = g_new0 (ScEdit, 1); e->project = g_object_ref (project); return e; }
void sc_edit_free (ScEdit *edit) { if (edit) { g_object_unref (edit->project); g_free (edit); } }
void sc_edit_set_confinement (ScEdit *edit, const char *confinement) { }
gboolean sc_edit_add_plug (ScEdit *edit, const char *target, const char *plug, GError **error) { not_yet (error); return FALSE; }
gboolean sc_edit_remove_plug (ScEdit *edit, const char *target, const char *plug, GError **error) { not_yet (error); return FALSE; }
gboolean sc_edit_define_plug (ScEdit *edit, const char *name, GVariant *attributes, GError **error) { not_yet (error); return FALSE; }
gboolean sc_edit_is_empty (ScEdit *edit) { return TRUE; }
GBytes *sc_edit_render (ScEdit *edit, GError **error) { not_yet (error); return NULL; }
char *sc_edit_diff (ScEdit *edit, GError **error) { not_yet (error); return NULL; }
gboolean sc_edit_write (ScEdit *edit, GError **error) { not_yet (error); return FALSE; }
gboolean sc_project_replace_contents (const char *path, GBytes *expected, GBytes *new_contents, GError **error) { not_yet (error); return FALSE; }
void sc_target_free (ScTarget *target) { }
void sc_plug_ref_free (ScPlugRef *ref) { }
void sc_plug_def_free (ScPlugDef *def) { }
