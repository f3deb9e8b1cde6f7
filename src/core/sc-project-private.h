/* sc-project-private.h
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the files of the project model share and nobody else sees:
 *   sc-project.c              model and validation (loading)
 *   sc-project-plugs.c        effective plugs (extensions, unscoped plugs)
 *   sc-project-edit.c         the edit API (ScEdit): intents, no text
 *   sc-project-render.c       intents → byte-range replacements: plug lists
 *   sc-project-render-anchors.c  … lists shared through anchors and aliases
 *   sc-project-render-defs.c  … new top-level keys, hooks that were files,
 *                             plug definitions
 *   sc-project-spec.c         plug specs (`--plug APP=IFACE:ATTR=VALUE`) → edits
 *   sc-project-verify.c       re-parse and compare before anything is written
 */
#pragma once

#include <string.h>

#include "sc-project.h"
#include "sc-yaml-document.h"

G_BEGIN_DECLS

/* Where an app or hook lives in the tree. */
typedef struct
{
  ScTarget   *target;
  ScYamlNode *key;          /* apps.<name> key */
  ScYamlNode *value;        /* raw value: mapping, null scalar or alias */
  ScYamlNode *mapping;      /* resolved mapping, NULL when the value is null */
  ScYamlNode *plugs_key;    /* own `plugs` key, NULL when absent */
  ScYamlNode *plugs_value;  /* raw value of that key */
  gboolean    plugs_merged; /* the list comes from a `<<` merge */
  gboolean    file_only;    /* a hook that is only a file in the hooks folder */
} ScTargetInfo;

struct _ScProject
{
  GObject         parent_instance;

  char           *root;
  char           *path;
  char           *display_path;
  char           *error_name;
  GBytes         *bytes;
  ScYamlDocument *doc;
  GPtrArray      *warnings;

  char           *name;
  char           *base;
  char           *build_base;
  char           *grade;
  char           *confinement;
  ScYamlNode     *confinement_key;
  ScYamlNode     *confinement_value;

  GPtrArray      *apps;        /* ScTarget* */
  GPtrArray      *hooks;       /* ScTarget* */
  GPtrArray      *app_infos;   /* ScTargetInfo*, same order */
  GPtrArray      *hook_infos;
  GPtrArray      *plug_defs;   /* ScPlugDef* */
  GHashTable     *plug_def_index; /* name -> ScPlugDef*, built on demand */
  ScYamlNode     *plugs_key;   /* top-level */
  ScYamlNode     *plugs_value;
  GStrv           slot_names;  /* top-level slots: keys (or items of the old list form) */
};

typedef struct
{
  char     *name;
  GVariant *attributes;   /* normalised a{sv} without "interface" */
  char     *interface;
} ScDefEdit;

struct _ScEdit
{
  ScProject  *project;
  char       *confinement;
  GPtrArray  *touched;      /* ScTargetInfo*, in the order first touched */
  GHashTable *desired;      /* ScTargetInfo* -> GPtrArray of char* */
  GPtrArray  *defs;         /* ScDefEdit* */
  GPtrArray  *notes;        /* ScEditMessage* recorded while adding */
  gboolean    keep_definitions;
};

/* State of one rendering: the patch being built and the file's layout. */
typedef struct
{
  ScEdit         *edit;
  ScProject      *project;
  ScYamlDocument *doc;
  ScYamlPatch    *patch;
  const char     *data;
  gsize           len;
  const char     *eol;
  gboolean        flow_plugs;   /* the file writes its plug lists as [a, b] */
  gboolean        no_plug_lists; /* the file has no plug list at all */
  guint           seq_offset;   /* dash column minus key column for block lists */
  guint           map_step;     /* indentation of nested mappings */
  GHashTable     *rendered;     /* ScTargetInfo* whose plug list is rewritten */
  GHashTable     *expanded;     /* anchored scalars whose aliases are written out as values */
  GHashTable     *kept_aliases; /* ScTargetInfo* whose `plugs: *alias` follows the edited anchor */
  GHashTable     *drop_anchor;  /* ScTargetInfo* whose list gives its anchor to another */
  GHashTable     *anchor_moves; /* ScTargetInfo* → anchor name its new list takes over */
} ScRender;

/* ---- sc-project.c ---- */

gboolean      _sc_project_valid_name        (const char  *s,
                                             gboolean     app);
ScTargetInfo *_sc_project_find_info         (ScProject   *self,
                                             const char  *target);
ScProject    *_sc_project_load_bytes        (const char  *path,
                                             const char  *root,
                                             const char  *display_path,
                                             const char  *error_name,
                                             GBytes      *bytes,
                                             GError     **error);

/* ---- sc-project-edit.c ---- */

GPtrArray    *_sc_target_dup_plug_names     (ScTarget     *target);
GHashTable   *_sc_name_set                  (GPtrArray    *names);
gboolean      _sc_names_equal               (GPtrArray    *a,
                                             GPtrArray    *b);
gboolean      _sc_edit_def_is_noop          (ScEdit       *edit,
                                             ScDefEdit    *def);
gboolean      _sc_edit_confinement_changes  (ScEdit       *edit);
/* The plug list INFO should end with (borrowed): its own when untouched. */
GPtrArray    *_sc_edit_desired_of           (ScEdit       *edit,
                                             ScTargetInfo *info);

/* Top-level definitions of the project that apps or hooks listed before
 * the edit and none lists after it (of ScPlugDef*, borrowed); empty with
 * keep_definitions. */
GPtrArray    *_sc_edit_dup_orphaned_defs    (ScEdit       *edit);
ScDefEdit    *_sc_edit_find_def             (ScEdit       *edit,
                                             const char   *name);

/* ---- sc-project-plugs.c ---- */

/* TRUE when an extension lists NAME for some app or hook (the configure
 * hook it creates included). */
gboolean      _sc_project_extension_lists   (ScProject    *project,
                                             const char   *name);

/* ---- sc-project-render.c ---- */

static inline char *
spaces (guint n)
{
  char *s = g_malloc (n + 1);

  memset (s, ' ', n);
  s[n] = '\0';
  return s;
}

/* 0-based column of NODE. */
static inline guint
col0 (const ScYamlNode *node)
{
  return node->column > 0 ? node->column - 1 : 0;
}

static inline gsize
line_end (ScRender *r,
          gsize     offset)
{
  return sc_yaml_document_line_end (r->doc, offset);
}

/* "hook" or "app", translated, for messages. */
const char   *_sc_target_kind               (gboolean     is_hook);
gboolean      _sc_verify_fail               (GError     **error,
                                             const char  *format,
                                             ...) G_GNUC_PRINTF (2, 3);
gsize         _sc_render_colon_after        (ScRender    *r,
                                             ScYamlNode  *key);
gsize         _sc_render_insert_point_after (ScRender    *r,
                                             ScYamlNode  *node,
                                             gsize        min_end);
char         *_sc_render_flow_list          (GPtrArray   *names);
char         *_sc_render_list_value         (ScRender    *r,
                                             GPtrArray   *names,
                                             guint        key_col,
                                             gboolean     flow);
/* Removes the KEY: VALUE pair from MAPPING, with its lines in block style. */
void          _sc_render_remove_pair        (ScRender    *r,
                                             ScYamlNode  *mapping,
                                             ScYamlNode  *key,
                                             ScYamlNode  *value);
void          _sc_render_init               (ScRender    *r,
                                             ScEdit      *edit);
void          _sc_render_clear              (ScRender    *r);
/* Every replacement the edit needs, applied: the new text, not verified. */
GBytes       *_sc_render_apply              (ScRender    *r,
                                             GError     **error);

/* ---- sc-project-render-anchors.c ---- */

/* Marks what each edited list needs, sharing through anchors considered. */
gboolean      _sc_render_plan_shared_lists  (ScRender    *r,
                                             GError     **error);
void          _sc_render_expand_removed_anchors (ScRender *r);
/* Removes the ` &name` written before NODE: another list takes it over. */
void          _sc_render_drop_anchor        (ScRender    *r,
                                             ScYamlNode  *node);

/* ---- sc-project-render-defs.c ---- */

void          _sc_render_insert_top_level_after (ScRender    *r,
                                                 ScYamlNode  *key,
                                                 ScYamlNode  *value,
                                                 const char  *block);
gboolean      _sc_render_file_hooks         (ScRender    *r,
                                             GError     **error);
gboolean      _sc_render_defs               (ScRender    *r,
                                             GError     **error);

/* ---- sc-project-verify.c ---- */

/* AFTER (the rendered text, loaded) holds what R's edit asked for and
 * nothing else. */
gboolean      _sc_render_verify             (ScRender    *r,
                                             ScProject   *after,
                                             GError     **error);

G_END_DECLS
