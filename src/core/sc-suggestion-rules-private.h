/* sc-suggestion-rules-private.h
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Internals shared by sc-suggestion-rules.c, sc-suggestion-rank.c and
 * sc-suggestion-plugs.c; not for callers.
 */
#pragma once

#include <glib.h>

#include "sc-denial.h"
#include "sc-interface-catalogue.h"
#include "sc-suggestion-rules.h"

G_BEGIN_DECLS

/* Rule definitions (data) */

#define K(kind) (1u << (SC_DENIAL_KIND_##kind))
#define K_ANY   0xffffu

typedef struct
{
  guint        kinds;       /* mask of K(…) */
  const char  *match;       /* space-separated conditions, see below */
  const char  *candidates;  /* space-separated interfaces, best first; NULL for none */
  const char  *reason;      /* N_(): why the first candidate fits */
  const char  *fix;         /* N_(): advice when it is not (only) an interface problem */
  gboolean     fallback;    /* the fix applies only when snapd's policy has no narrow answer */
  gboolean     weak;        /* candidates do not outrank snapd's narrower rules */
} ScRuleDef;

/* Compiled rules */

typedef enum
{
  KEY_OBJECT,
  KEY_OP,
  KEY_PERM,
  KEY_OWNER,
  KEY_PROFILE,
  KEY_ADDR,
  KEY_PEER,
  KEY_MASK,
  KEY_SVC,
  KEY_ACCESS,
  KEY_CAP,
  KEY_SYSCALL,
  KEY_DETAIL,
} KeyType;

typedef struct
{
  char  *text;             /* brace-free glob */
  gsize  prefix_len;       /* literal prefix length, for a cheap first test */
} Glob;

typedef struct
{
  KeyType      type;
  char        *detail;     /* KEY_DETAIL only */
  gboolean     negate;
  GArray      *globs;      /* of Glob */
  const char  *common;     /* literal prefix shared by all globs (in the first glob) */
  gsize        common_len;
} Condition;

typedef struct
{
  char  *interface;
  char  *plug_name;        /* NULL unless attributes are given */
  char **attrs;            /* "key=value", NULL-terminated, nullable */
} Candidate;

typedef struct
{
  const ScRuleDef *def;
  GArray          *conditions;  /* of Condition */
  GArray          *candidates;  /* of Candidate */
  gboolean         uses_svc;
  const char      *object_prefix;     /* literal prefix the object must have, or NULL */
  gsize            object_prefix_len;
} Rule;

/* Facts about one denial, computed once and shared by all rules. */

typedef enum
{
  SVC_INTERFACE,
  SVC_PATH,
  SVC_NAME,
  N_SVC_PASSES,
} SvcPass;

typedef struct
{
  const ScDenial *denial;
  const char     *snap_name;
  char           *object;       /* normalised */
  const char     *perm;         /* "r", "w", "x" or NULL */
  const char     *owner;        /* "yes" or "no" */
  const char     *mask;
  char           *addrs[3];     /* normalised unix addresses */
  char           *svc[N_SVC_PASSES];
  const char     *access;
  SvcPass         pass;
} Facts;


static inline const char *
detail (const ScDenial *denial,
        const char     *key)
{
  return g_hash_table_lookup (denial->details, key);
}


/* sc-suggestion-rules.c */
G_GNUC_INTERNAL
void
_sc_suggestion_ensure_rules (void);
G_GNUC_INTERNAL
const char *
_sc_suggestion_denial_mask (const ScDenial *denial);
G_GNUC_INTERNAL
void
_sc_suggestion_facts_init (Facts          *facts,
                           const ScDenial *denial,
                           const char     *snap_name);
G_GNUC_INTERNAL
void
_sc_suggestion_facts_clear (Facts *facts);
G_GNUC_INTERNAL
const Rule *
_sc_suggestion_find_rule (Facts *facts);

/* sc-suggestion-plugs.c */
G_GNUC_INTERNAL
GVariant *
_sc_suggestion_build_files_plug (const char *interface,
                                 const Facts *facts);
G_GNUC_INTERNAL
GVariant *
_sc_suggestion_build_attribute_plug (const Candidate *candidate);

G_END_DECLS
