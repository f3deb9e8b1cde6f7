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
#include "sc-project-error.h"

G_BEGIN_DECLS

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

/* ---- Effective plugs (sc-project-plugs.c) ------------------------------ */

typedef enum
{
  SC_PLUG_ORIGIN_DECLARED,    /* listed in the app's/hook's plugs */
  SC_PLUG_ORIGIN_EXTENSION,   /* added by an extension the app uses */
  SC_PLUG_ORIGIN_UNSCOPED,    /* a top-level plug no app/hook lists: bound to all */
} ScPlugOrigin;

typedef struct
{
  char         *plug;          /* plug name */
  char         *interface;     /* resolved interface */
  ScPlugOrigin  origin;
  char         *extension;     /* for EXTENSION (also set for unscoped plugs an extension adds) */
  ScPlugDef    *definition;    /* borrowed top-level definition, nullable */
} ScEffectivePlug;

/* Of ScEffectivePlug*, declared first then implied, no duplicates. */
GPtrArray          *sc_project_dup_effective_plugs (ScProject *project,
                                                    ScTarget  *target);
void                sc_effective_plug_free       (ScEffectivePlug *plug);

/* The base extensions are checked against: `base`, or `build-base` when the
 * base is missing, `bare` or `devel`. Nullable. */
const char         *sc_project_get_extension_base (ScProject *project);
/* Which of TARGET's extensions adds PLUG to it (for hooks: the configure
 * hook plugs of any app's extension), or NULL. */
const char         *sc_project_get_plug_extension (ScProject  *project,
                                                   ScTarget   *target,
                                                   const char *plug);

/* The top-level definition called NAME that one of the project's
 * extensions adds (for the project's base), or NULL; borrowed, lives as
 * long as PROJECT. EXTENSION, when not NULL, receives the extension name. */
ScPlugDef          *sc_project_find_extension_plug_def (ScProject   *project,
                                                        const char  *name,
                                                        const char **extension);

/* TRUE when no app or hook lists NAME, extensions included: snapd then
 * binds the top-level plug NAME to every app and hook. */
gboolean            sc_project_plug_is_unscoped   (ScProject  *project,
                                                   const char *name);

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

/* What the user asks for with `--plug TARGET=SPEC` or the window's "Add
 * interface…" form. SPEC is one of
 *   NAME                              an interface, or a plug the project
 *                                     (or an extension) defines
 *   INTERFACE:ATTR=VALUE[,ATTR=VALUE…]  a new top-level definition with
 *                                     those attributes, named after them
 *   NAME=INTERFACE[:ATTR=VALUE,…]     the same under the name NAME
 * e.g. personal-files:read=$HOME/.foo,write=$HOME/.bar. VALUE true/false is
 * a boolean, a plain integer a number, anything else a string; an
 * attribute given twice, or one that holds a list (read, write, …), is a
 * list. "\," is a comma inside a value. */
typedef struct
{
  char     *name;        /* nullable: chosen from the attributes */
  char     *interface;   /* NULL for a bare NAME */
  GVariant *attributes;  /* a{sv}, nullable: no attributes */
} ScPlugSpec;

ScPlugSpec  *sc_plug_spec_parse           (const char   *text,
                                           GError      **error);
/* For forms: INTERFACE (required) and NAME (nullable), then attributes
 * one by one, VALUE read as in the text form (a repeated ATTRIBUTE makes a
 * list). */
ScPlugSpec  *sc_plug_spec_new             (const char   *interface,
                                           const char   *name);
gboolean     sc_plug_spec_add_attribute   (ScPlugSpec   *spec,
                                           const char   *attribute,
                                           const char   *value,
                                           GError      **error);
void         sc_plug_spec_free            (ScPlugSpec   *spec);
/* The a{sv} of the top-level definition SPEC makes: "interface", then its
 * attributes in order; NULL for a bare NAME. What sc_edit_add_plug_spec()
 * defines, for a front end that keeps the definition until it writes. */
GVariant    *sc_plug_spec_dup_definition  (const ScPlugSpec *spec);
/* The inverse: the spec of NAME defined as DEFINITION (a{sv} with
 * "interface"), for a front end that kept the definition; NULL when it has
 * no interface. */
ScPlugSpec  *sc_plug_spec_new_from_definition (const char *name,
                                               GVariant   *definition);

/* Adds the plug SPEC describes to TARGET ("APP" or "hook:NAME"), refusing
 * (BAD_ARGUMENT, with "did you mean") what snapd would refuse: a name that
 * is neither an interface nor a definition, an interface that needs
 * attributes given without them (sc-plug-rules.h), a path snapd rejects.
 * With attributes, a top-level definition is created (or an identical one
 * reused) and its name listed. A plug TARGET already lists may always be
 * kept. A plug an extension already gives TARGET is not written; a note
 * says so. PLUG_NAME (nullable) receives the name listed (or that would
 * have been). */
gboolean     sc_edit_add_plug_spec        (ScEdit       *edit,
                                           const char   *target,
                                           const ScPlugSpec *spec,
                                           char        **plug_name,
                                           GError      **error);

/* A top-level definition that the apps and hooks listed before the edit
 * and none lists after it would go to every app and hook (snapd binds
 * unscoped plugs to all): by default the edit removes it. With KEEP, it
 * stays and a warning says who gets it. */
void         sc_edit_set_keep_definitions (ScEdit       *edit,
                                           gboolean      keep);

typedef enum
{
  SC_EDIT_MESSAGE_NOTE,      /* what the edit did beyond what was asked, or skipped */
  SC_EDIT_MESSAGE_WARNING,   /* what it changes for others: plugs they lose or gain */
} ScEditMessageKind;

typedef struct
{
  ScEditMessageKind  kind;
  char              *text;   /* one sentence, no trailing newline */
} ScEditMessage;

/* Of ScEditMessage*, for the review (CLI summary, window dialog). */
GPtrArray   *sc_edit_dup_messages         (ScEdit       *edit);
void         sc_edit_message_free         (ScEditMessage *message);

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
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScPlugSpec, sc_plug_spec_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScEditMessage, sc_edit_message_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScEffectivePlug, sc_effective_plug_free)

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
