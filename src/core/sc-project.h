/* sc-project.h
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The project model: which snapcraft.yaml a folder uses, what it declares
 * (apps, hooks, top-level plug definitions), and how to change confinement
 * and plug lists with a verified, byte-preserving edit.
 */
#pragma once

#include <glib-object.h>

#include "sc-file-util.h"

G_BEGIN_DECLS

#define SC_PROJECT_ERROR (sc_project_error_quark ())

typedef enum
{
  SC_PROJECT_ERROR_NOT_FOUND,      /* no snapcraft.yaml in the folder / path does not exist */
  SC_PROJECT_ERROR_INVALID,        /* bad YAML or not a valid project: CLI exit 3 */
  SC_PROJECT_ERROR_UNKNOWN_TARGET, /* no such app or hook: CLI exit 2 */
  SC_PROJECT_ERROR_BAD_ARGUMENT,   /* invalid plug name etc.: CLI exit 2 */
  SC_PROJECT_ERROR_VERIFY,         /* the edited text did not re-parse to the intended model: exit 4 */
  SC_PROJECT_ERROR_CHANGED,        /* the file changed on disk since it was read: exit 4 */
  SC_PROJECT_ERROR_WRITE,          /* I/O failure while writing: exit 4 */
} ScProjectError;

GQuark sc_project_error_quark (void);

/* Errors of domain SC_PROJECT_ERROR with code INVALID carry a message that
 * starts with "FILE:LINE:COL: " (FILE as given by the user, LINE and COL
 * 1-based) so that front ends can print it unchanged. */

/* A plug name in an app's or hook's `plugs:` list. */
typedef struct
{
  char  *name;
  guint  line;    /* 1-based position of the item */
  guint  column;
} ScPlugRef;

/* One app (apps.<name>) or hook (hooks.<name>). */
typedef struct
{
  char      *name;
  gboolean   is_hook;
  char      *command;      /* nullable */
  char      *daemon;       /* nullable */
  GStrv      extensions;   /* never NULL; empty for hooks */
  GPtrArray *plugs;        /* of ScPlugRef*, declared order; never NULL */
  gboolean   has_plugs_key;
  GStrv      slots;        /* never NULL */
  guint      line;         /* 1-based position of the app's key */
  guint      column;
  guint      plugs_line;   /* position of the `plugs` key, 0 when absent */
  guint      plugs_column;
} ScTarget;

/* A top-level `plugs:` definition. */
typedef struct
{
  char     *name;
  char     *interface;    /* resolved: the entry's name when not given */
  GVariant *attributes;   /* a{sv}, never NULL, without "interface"; see below */
  guint     line;
  guint     column;
} ScPlugDef;

/* Attribute values are converted as follows: plain scalars true/false →
 * "b"; plain integers → "x"; other scalars → "s"; null → "ms" (nothing);
 * sequences → "av"; mappings → "a{sv}" (keys in file order). */

#define SC_TYPE_PROJECT (sc_project_get_type ())
G_DECLARE_FINAL_TYPE (ScProject, sc_project, SC, PROJECT, GObject)

/* The four candidate paths in snapcraft's own order. */
extern const char * const sc_project_candidates[];

/* PATH is a snapcraft.yaml file or a project folder. */
ScProject   *sc_project_load               (const char   *path,
                                            GError      **error);
/* Parse TEXT as if read from FILE (used by tests, fuzzers and undo). */
ScProject   *sc_project_load_from_data     (const char   *display_name,
                                            const char   *data,
                                            gsize         len,
                                            GError      **error);

const char  *sc_project_get_root           (ScProject    *self); /* folder, nullable */
const char  *sc_project_get_path           (ScProject    *self); /* the yaml file */
const char  *sc_project_get_display_path   (ScProject    *self); /* relative to what the user gave */
GBytes      *sc_project_get_bytes          (ScProject    *self); /* original bytes, borrowed */
GPtrArray   *sc_project_get_warnings       (ScProject    *self); /* of char* */

const char  *sc_project_get_name          (ScProject    *self);
const char  *sc_project_get_base          (ScProject    *self); /* nullable */
const char  *sc_project_get_build_base    (ScProject    *self); /* nullable */
const char  *sc_project_get_grade         (ScProject    *self); /* nullable */
const char  *sc_project_get_confinement   (ScProject    *self); /* nullable */
void         sc_project_get_confinement_position (ScProject *self, guint *line, guint *column);
GPtrArray   *sc_project_get_apps          (ScProject    *self); /* of ScTarget*, file order */
GPtrArray   *sc_project_get_hooks         (ScProject    *self); /* of ScTarget*, file order */
GPtrArray   *sc_project_get_plug_defs     (ScProject    *self); /* of ScPlugDef*, file order */
/* Names of the top-level slot definitions, NULL-terminated, never NULL. */
const char * const *sc_project_get_slot_names (ScProject *self);

/* TARGET is an app name or "hook:NAME". Returns NULL when there is none. */
ScTarget    *sc_project_find_target       (ScProject    *self,
                                           const char   *target);
ScPlugDef   *sc_project_find_plug_def     (ScProject    *self,
                                           const char   *name);
/* Hooks that exist only as files in the hooks folder
 * (snap/hooks/, or build-aux/snap/hooks/ next to build-aux/snap/
 * snapcraft.yaml) are in sc_project_get_hooks() after the file's own, in
 * name order, with no plugs and line 0. TRUE for those. Adding plugs to one
 * gives it a `hooks:` entry. */
gboolean     sc_project_hook_is_file_only (ScProject    *self,
                                           ScTarget     *hook);

/* ---- Editing ---------------------------------------------------------- */

typedef struct _ScEdit ScEdit;

ScEdit      *sc_edit_new                  (ScProject    *project);
void         sc_edit_free                 (ScEdit       *edit);
void         sc_edit_set_confinement      (ScEdit       *edit,
                                           const char   *confinement);
/* Both fail with UNKNOWN_TARGET or BAD_ARGUMENT. Adding a plug that is
 * there already, or removing one that is not, is not an error. */
gboolean     sc_edit_add_plug             (ScEdit       *edit,
                                           const char   *target,
                                           const char   *plug,
                                           GError      **error);
gboolean     sc_edit_remove_plug          (ScEdit       *edit,
                                           const char   *target,
                                           const char   *plug,
                                           GError      **error);
/* Adds (or replaces) a top-level plug definition; ATTRIBUTES is a{sv} and
 * may contain "interface". Used for personal-files/system-files. */
gboolean     sc_edit_define_plug          (ScEdit       *edit,
                                           const char   *name,
                                           GVariant     *attributes,
                                           GError      **error);
gboolean     sc_edit_is_empty             (ScEdit       *edit);  /* nothing would change */

/* The new text, verified: it is re-parsed and its model must equal the
 * project's model with exactly the requested changes, or VERIFY is raised. */
GBytes      *sc_edit_render               (ScEdit       *edit,
                                           GError      **error);
/* Unified diff between the original and rendered text, labelled
 * a/<display path> and b/<display path>; "" when nothing changes. */
char        *sc_edit_diff                 (ScEdit       *edit,
                                           GError      **error);
/* Render, verify and write atomically; fails with CHANGED when the file on
 * disk differs from the bytes the project was loaded from. */
gboolean     sc_edit_write                (ScEdit       *edit,
                                           GError      **error);
/* sc_edit_write() with SC_FILE_REPLACE_FORCE and friends (sc-file-util.h):
 * FORCE writes a read-only or hard-linked file the user agreed to write. */
gboolean     sc_edit_write_full           (ScEdit              *edit,
                                           ScFileReplaceFlags   flags,
                                           GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScEdit, sc_edit_free)

/* Writes NEW_CONTENTS over the project's file only if it still holds
 * EXPECTED (used for undo). */
gboolean     sc_project_replace_contents  (const char   *path,
                                           GBytes       *expected,
                                           GBytes       *new_contents,
                                           GError      **error);

void         sc_target_free               (ScTarget     *target);
void         sc_plug_ref_free             (ScPlugRef    *ref);
void         sc_plug_def_free             (ScPlugDef    *def);

G_END_DECLS
