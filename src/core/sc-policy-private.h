/* sc-policy-private.h
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Internals shared by sc-policy.c, sc-policy-glob.c and
 * sc-policy-compile.c; not for callers.
 */
#pragma once

#include <glib.h>

#include "sc-policy.h"

G_BEGIN_DECLS


#define SNAP_MARK '\x01'
#define MAX_EXPANSIONS 256
#define TEMPLATE "@template"

enum
{
  P_R = 1 << 0,
  P_W = 1 << 1,
  P_A = 1 << 2,
  P_L = 1 << 3,
  P_K = 1 << 4,
  P_M = 1 << 5,
  P_X = 1 << 6,
};

typedef struct
{
  guint16     entry;
  char        cls;
  guint8      owner;
  gboolean    conditional;
  guint       perms;        /* files */
  char       *field[7];     /* expanded patterns / words; NULL = any */
  guint       specificity;
  gboolean    broad;        /* see ScPolicyMatch */
  gboolean    universal;    /* the whole class: "dbus,", "unix,", "capability,", "allow file" */
  const char *line;         /* the rule as in the table (owned by `lines`) */
  char      **words;        /* field[0] split at spaces (dbus, unix, ptrace, signal) */
  char      **words2;       /* signal: field[1] split; mount: field[2] split */
} PRule;

typedef struct
{
  GPtrArray  *by_class[128];      /* char class → GPtrArray of PRule* */
  GHashTable *file_index;         /* first component → GPtrArray of PRule* */
  GPtrArray  *file_generic;       /* file rules without a literal first component */
  GHashTable *dbus_index;         /* literal D-Bus interface → GPtrArray of PRule* */
  GPtrArray  *dbus_generic;       /* D-Bus rules for any or a pattern of interfaces */
  GHashTable *syscall_index;      /* literal syscall name → GPtrArray of PRule* */
  GPtrArray  *syscall_generic;    /* syscall patterns */
  GPtrArray  *lines;              /* owned rule lines */
  guint      *n_rules;            /* per entry */
  guint       template_first;     /* entries with interface TEMPLATE */
} Policy;
/* The compiled table (sc-policy.c). */
G_GNUC_INTERNAL
extern Policy _sc_policy;

/* sc-policy-glob.c */
G_GNUC_INTERNAL
char *
_sc_policy_expand_variables (const char *pattern);
G_GNUC_INTERNAL
void
_sc_policy_collapse_slashes (char *path);
G_GNUC_INTERNAL
gboolean
_sc_policy_expand_braces (const char *pattern,
                          GPtrArray  *out);
G_GNUC_INTERNAL
gboolean
_sc_policy_glob_match (const char *p,
                       const char *s,
                       const char *snap,
                       const char *instance);

/* sc-policy-compile.c */
G_GNUC_INTERNAL
guint
_sc_policy_denied_file_perms (const char *mask);
G_GNUC_INTERNAL
char *
_sc_policy_index_key (const char *path,
                      gboolean    pattern,
                      guint       level);
G_GNUC_INTERNAL
void
_sc_policy_add_rule (PRule *rule);
G_GNUC_INTERNAL
void
_sc_policy_add_indexed_rule (GHashTable *index,
                             GPtrArray  *generic,
                             const char *key,
                             PRule      *rule);
G_GNUC_INTERNAL
void
_sc_policy_add_file_rule (PRule *rule);
G_GNUC_INTERNAL
void
_sc_policy_compile_line (guint16     entry,
                         const char *line,
                         GPtrArray  *out);
G_GNUC_INTERNAL
void
_sc_policy_prule_free (gpointer data);

G_END_DECLS
