/* sc-plug-rules.h
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What snapd says about a plug's attributes, as data: the attributes an
 * interface cannot do without (its plug sanitizer refuses the plug), and
 * the attribute values that change how a plug connects (store approval,
 * auto-connection), decided by the base declaration's generated rows. Each row names the snapd
 * file and function or declaration it comes from (canonical/snapd at the
 * pinned commit, interfaces/builtin/).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* ---- Attributes a plug needs ------------------------------------------ */

typedef enum
{
  SC_REQUIRE_ANY,   /* at least one of the attributes */
  SC_REQUIRE_ALL,   /* every one of them */
} ScRequireMode;

typedef struct
{
  const char    *interface;
  ScRequireMode  mode;
  const char    *attributes[3];  /* NULL-terminated */
  /* What to add, as the CLI's --plug syntax writes it (attr=value,…). */
  const char    *example;        /* nullable: too complex for one line */
  const char    *yaml_example;   /* the same in YAML */
  /* TRUE when snapd only refuses the connection (BeforeConnectPlug), not
   * the installation (BeforePreparePlug). */
  gboolean       at_connection;
  const char    *snapd_error;    /* snapd's own words */
  const char    *source;         /* snapd file and function */
} ScRequiredAttributes;

/* The rule for INTERFACE, or NULL when its plugs need no attribute. */
const ScRequiredAttributes *sc_plug_rules_get_required   (const char *interface);
/* TRUE when ATTRIBUTES (a{sv}, nullable) holds what RULE asks for. */
gboolean                    sc_plug_rules_has_required   (const ScRequiredAttributes *rule,
                                                          GVariant                   *attributes);
/* TRUE when ATTRIBUTE of INTERFACE holds a list (read/write paths, …). */
gboolean                    sc_plug_rules_attribute_is_list (const char *interface,
                                                             const char *attribute);
/* "“read” or “write”" / "“bus” and “name”" (translated). */
char                       *sc_plug_rules_dup_required_text (const ScRequiredAttributes *rule);

/* ---- Paths of personal-files and system-files ---------------------------- */

/* What is wrong with PATH in the read or write list of a plug of INTERFACE
 * (personal-files or system-files), translated (“does not start with
 * “$HOME/””), or NULL when nothing is. *HINT receives what to do
 * (translated, static); *ADVICE is TRUE when snapd and the store accept
 * the path and this is only advice. Rules from snapd's commonFilesInterface
 * (validateSinglePath and the interfaces' extraPathValidate) and the
 * store's review-tools. */
char                       *sc_plug_rules_check_files_path (const char  *interface,
                                                            const char  *path,
                                                            const char **hint,
                                                            gboolean    *advice);

/* ---- Attribute values that change the connection ------------------------ */

/* What a plug's attribute values do to its connection, decided by
 * snapd's base declaration (the generated rows of sc-policy-data.h);
 * strongest first. */
typedef enum
{
  SC_ATTRIBUTE_NEEDS_GRANT,     /* store approval (installation or connection denied) */
  SC_ATTRIBUTE_MANUAL,          /* auto-connection denied */
  SC_ATTRIBUTE_AUTO_CONNECTS,   /* connects on its own whatever the interface's default */
  SC_ATTRIBUTE_DEFAULT,         /* no rule applies: the interface's default */
} ScAttributeEffect;

/* How we word one attribute's effect. */
typedef struct
{
  const char        *interface;
  const char        *attribute;
  const char        *code;       /* check finding code */
  const char        *message;    /* N_(), %s is the plug name */
  const char        *hint;       /* N_(), nullable: the store-approval hint then */
} ScAttributeRule;

/* The effect of the attributes ATTRIBUTES (a{sv}, nullable) of a plug of
 * INTERFACE; *ATTRIBUTE (nullable) receives the attribute that decided it,
 * owned by ATTRIBUTES, or NULL for SC_ATTRIBUTE_DEFAULT. */
ScAttributeEffect           sc_plug_rules_attribute_effect (const char  *interface,
                                                            GVariant    *attributes,
                                                            const char **attribute);
/* Our wording for ATTRIBUTE of INTERFACE, or NULL. */
const ScAttributeRule      *sc_plug_rules_get_attribute_rule (const char *interface,
                                                              const char *attribute);
/* Every row, for tests; N receives the count. */
const ScAttributeRule      *sc_plug_rules_get_attribute_rules (guint *n);
const ScRequiredAttributes *sc_plug_rules_get_required_rules  (guint *n);

G_END_DECLS
