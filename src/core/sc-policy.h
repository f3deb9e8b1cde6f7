/* sc-policy.h
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * snapd's own policy as data (sc-policy-data.h, generated from snapd's
 * source by build-aux/gen-policy.py) and a matcher: which interfaces'
 * connected-plug rules allow a denied access, and whether the base
 * template every strict snap gets already allows it.
 */
#pragma once

#include "sc-denial.h"

G_BEGIN_DECLS

/* One row of the generated table: an interface (or "@template"), the plug
 * attribute its rules need ("" for none, "allow-sandbox=true",
 * "read=all") and its rules, one a line. */
typedef struct
{
  const char *interface;
  const char *variant;
  const char *rules;
} ScPolicyEntry;

/* A plug attribute value snapd's base declaration constrains. */
typedef struct
{
  const char *interface;
  const char *attribute;
  const char *value;        /* "true", "all"…; "$MISSING" with an allow-* kind */
  const char *kind;         /* "deny-installation", "deny-connection", "deny-auto-connection",
                             * "allow-installation", "allow-connection", "allow-auto-connection" */
} ScPolicyAttributeRule;

typedef struct
{
  const char *interface;    /* static */
  const char *variant;      /* static, "" when the plug needs no attribute */
  char       *rule;         /* the narrowest matching rule, AppArmor-like text */
  guint       specificity;  /* larger is narrower */
  guint       n_rules;      /* rules the interface grants in all (its breadth) */
  gboolean    conditional;  /* seccomp rule with argument filters: allows only some calls */
  /* The rule allows far more than this access: "allow all", a D-Bus
   * rule naming only the bus and peer label, a unix rule naming no
   * address, a file rule of a few literal characters (a bare "**"). */
  gboolean    broad;
} ScPolicyMatch;

/* The snapd commit the table was generated from. */
const char *sc_policy_get_snapd_commit   (void);

/* Whether the table has rules for INTERFACE. */
gboolean    sc_policy_has_interface      (const char     *interface);

/* Compiles the policy on a thread of its own, so that it is ready by the
 * time the first denial needs it; the first match waits for it. */
void        sc_policy_prepare_in_background (void);

/* Interfaces whose connected-plug policy allows DENIAL, one per interface
 * and variant, in table order. Free with g_array_unref(); elements are
 * cleared by the array. Never NULL. */
GArray     *sc_policy_match              (const ScDenial *denial);

/* Whether snapd's base template allows DENIAL outright; RULE (nullable)
 * receives the rule. */
gboolean    sc_policy_template_allows    (const ScDenial *denial,
                                          char          **rule);

/* What the base declaration says of a plug of INTERFACE with ATTRIBUTE
 * set to VALUE (snapd's text of it: "true", "all"; "" for a value no
 * literal matches, such as a list of several): *STORE_APPROVAL becomes
 * TRUE when installing or connecting it is denied (the store must grant
 * it), *AUTO_CONNECT FALSE when connecting or auto-connection is denied
 * and TRUE when it is explicitly allowed. A rule allowing something only
 * without the attribute ("$MISSING") denies it whatever VALUE is. Returns
 * whether any rule applied; the outputs are left alone otherwise. */
gboolean    sc_policy_attribute_effect   (const char     *interface,
                                          const char     *attribute,
                                          const char     *value,
                                          gboolean       *auto_connect,
                                          gboolean       *store_approval);

/* The generated plug-attribute rows (sc-policy-data.h), for tests and
 * the tables that present them; N receives the count. */
const ScPolicyAttributeRule *sc_policy_get_attribute_rules (guint *n);

/* Whether one rule line (the generated table's syntax) allows DENIAL;
 * for table tests. */
gboolean    sc_policy_rule_allows        (const char     *rule,
                                          const ScDenial *denial);

/* AppArmor glob match with snapd's variables (@{HOME}, @{PROC}, @{pid},
 * @{SNAP_NAME} → SNAP…); for tests. */
gboolean    sc_policy_glob_match         (const char     *pattern,
                                          const char     *text,
                                          const char     *snap);

G_END_DECLS
