/* sc-suggestion-rank.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Ranking: orders the candidate interfaces of a matched rule and of
 * snapd's policy, least privilege first, uses the project context, and
 * builds the suggestions with their reasons.
 */
#define G_LOG_DOMAIN "sc-suggestion-rules"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sc-denial.h"
#include "sc-interface-catalogue.h"
#include "sc-policy.h"
#include "sc-suggestion-rules.h"
#include "sc-suggestion-rules-private.h"

/* Interfaces that grant far more than a single denial asks for; shown only
 * when nothing narrower matches. */
static const char * const catch_all_interfaces[] = {
  "browser-support", "classic-support", "docker-support", "fwupd", "greengrass-support",
  "kubernetes-support", "lxd-support", "microstack-support", "multipass-support",
  "nomad-support", "polkit-agent", "steam-support", "system-backup",
  NULL,
};

/* Ranking */

static gboolean
looks_like_browser (const ScDenial *denial)
{
  static const char * const hints[] = {
    "chrom", "electron", "firefox", "brave", "opera", "vivaldi", "edge", "thunderbird",
    "code", "slack", "discord", "teams", "signal", NULL,
  };
  const char *fields[] = { detail (denial, "comm"), detail (denial, "exe"), denial->snap };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *lower = NULL;

      if (fields[i] == NULL)
        continue;
      lower = g_ascii_strdown (fields[i], -1);
      for (guint j = 0; hints[j] != NULL; j++)
        if (strstr (lower, hints[j]) != NULL)
          return TRUE;
    }
  return FALSE;
}

/* Interfaces that grant far more than a single denial asks for, and the
 * plugs built from the denied path: shown only when nothing narrower
 * allows the access. */
static gboolean
is_catch_all (const char *interface)
{
  return g_strv_contains (catch_all_interfaces, interface);
}

/* Interfaces whose rules snapd builds from plug or slot attributes: the
 * static policy table cannot say what they allow, so our table's word
 * stands. */
static const char * const attribute_built_interfaces[] = {
  "content", "custom-device", "dbus", "gpio", "hidraw", "i2c", "iio", "mount-control",
  "posix-mq", "pwm", "raw-volume", "serial-port", "shared-memory", "spi", "uio",
  NULL,
};

typedef enum
{
  TIER_CONNECT,       /* declared, not connected: snap connect */
  TIER_AUTO,          /* auto-connects */
  TIER_MANUAL,        /* manual connection */
  TIER_APPROVAL,      /* needs store approval */
  TIER_BUILT,         /* personal-files, system-files built from the path */
  TIER_CATCH_ALL,     /* catch-alls and attribute-built plugs */
} Tier;

typedef struct
{
  ScSuggestion *suggestion;
  Tier          tier;
  int           hand_position;  /* position in the hand rule's list, G_MAXINT when absent */
  guint         specificity;    /* of the narrowest policy rule */
  guint         n_rules;        /* breadth of the interface's policy */
  gboolean      broad;          /* the policy rule grants far more than this access */
} Ranked;

/* A declared plug to connect first; catch-alls last; in between the
 * interfaces our table names for this access, when snapd's policy
 * confirms they allow it (the table knows what an access is for: uevents
 * are hardware-observe's job even though x11 also allows them), then
 * auto-connecting, manual, store-approved ones, each the narrowest rule
 * and the least privileged interface first. */
static int
compare_ranked (gconstpointer a,
                gconstpointer b)
{
  const Ranked *ra = a;
  const Ranked *rb = b;
  gboolean a_edge = ra->tier == TIER_CONNECT || ra->tier >= TIER_BUILT;
  gboolean b_edge = rb->tier == TIER_CONNECT || rb->tier >= TIER_BUILT;

  gboolean a_hand = ra->hand_position != G_MAXINT;
  gboolean b_hand = rb->hand_position != G_MAXINT;

  if ((a_edge || b_edge) && ra->tier != rb->tier)
    return ra->tier < rb->tier ? -1 : 1;
  if (a_hand != b_hand)
    return a_hand ? -1 : 1;
  if (a_hand && (ra->tier == TIER_APPROVAL) != (rb->tier == TIER_APPROVAL))
    return ra->tier == TIER_APPROVAL ? 1 : -1;
  if (ra->hand_position != rb->hand_position)
    return ra->hand_position < rb->hand_position ? -1 : 1;
  if (ra->tier != rb->tier)
    return ra->tier < rb->tier ? -1 : 1;
  if (ra->specificity != rb->specificity)
    return ra->specificity > rb->specificity ? -1 : 1;
  if (ra->n_rules != rb->n_rules)
    return ra->n_rules < rb->n_rules ? -1 : 1;
  return strcmp (ra->suggestion->interface, rb->suggestion->interface);
}

static char *
expand_fix (const char  *fix,
            const Facts *facts)
{
  GString *text = g_string_new (_(fix));
  const char *snap = facts->snap_name;

  if (snap == NULL)
    snap = facts->denial->snap;
  /* "{snap}" in fix texts stands for the snap name. */
  g_string_replace (text, "{snap}", snap != NULL ? snap : "<snap>", 0);
  return g_string_free (text, FALSE);
}

static const ScSuggestPlug *
context_plug (const ScSuggestContext *context,
              const char             *interface)
{
  const ScSuggestPlug *found = NULL;

  for (guint i = 0; context != NULL && i < context->n_plugs; i++)
    {
      const ScSuggestPlug *plug = &context->plugs[i];
      const char *iface = plug->interface != NULL ? plug->interface : plug->name;

      if (g_strcmp0 (iface, interface) != 0)
        continue;
      /* A disconnected one is the interesting one. */
      if (found == NULL || plug->state == SC_PLUG_STATE_DISCONNECTED)
        found = plug;
    }
  return found;
}

static ScSuggestion *
new_suggestion (const char *interface)
{
  const ScInterfaceInfo *info = sc_interface_catalogue_lookup (interface);
  ScSuggestion *suggestion = g_new0 (ScSuggestion, 1);

  suggestion->interface = g_strdup (interface);
  suggestion->source = "rule";
  if (info != NULL)
    {
      suggestion->auto_connect = info->auto_connect;
      suggestion->store_approval = info->store_approval;
    }
  else
    {
      g_debug ("Interface %s is not in the catalogue", interface);
    }
  return suggestion;
}

/* Plug attributes a policy variant needs ("allow-sandbox=true",
 * "read=all"), as a candidate of the hand table's syntax. */
static gboolean
variant_candidate (const char *interface,
                   const char *variant,
                   Candidate  *candidate)
{
  static const struct { const char *interface; const char *variant; const char *plug; } plugs[] = {
    { "browser-support", "allow-sandbox=true", "browser-sandbox" },
    { "home", "read=all", "home-all" },
    { "shared-memory", "private=true", "shared-memory-private" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (plugs); i++)
    if (strcmp (plugs[i].interface, interface) == 0 && strcmp (plugs[i].variant, variant) == 0)
      {
        candidate->interface = (char *) interface;
        candidate->plug_name = (char *) plugs[i].plug;
        candidate->attrs = g_new0 (char *, 2);
        candidate->attrs[0] = g_strdup (variant);
        return TRUE;
      }
  return FALSE;
}

/* Connection facts of a plug with attributes, from the base declaration's
 * plug-attribute rules (sc-policy-data.h): home read: all and
 * browser-support allow-sandbox: true need the store, shared-memory
 * private: true auto-connects. An attribute the declaration does not
 * mention keeps the interface's own facts. */
static void
apply_attribute_policy (ScSuggestion    *suggestion,
                        const Candidate *candidate)
{
  for (guint i = 0; candidate->attrs != NULL && candidate->attrs[i] != NULL; i++)
    {
      const char *eq = strchr (candidate->attrs[i], '=');
      g_autofree char *key = NULL;

      if (eq == NULL)
        continue;
      key = g_strndup (candidate->attrs[i], eq - candidate->attrs[i]);
      sc_policy_attribute_effect (suggestion->interface, key, eq + 1,
                                  &suggestion->auto_connect, &suggestion->store_approval);
    }
}

static int
hand_position (const Rule *rule,
               const char *interface)
{
  if (rule != NULL && rule->def->weak)
    return G_MAXINT;
  for (guint i = 0; rule != NULL && i < rule->candidates->len; i++)
    if (strcmp (g_array_index (rule->candidates, Candidate, i).interface, interface) == 0)
      return (int) i;
  return G_MAXINT;
}

static char *
describe_access (const ScDenial *denial)
{
  const char *object = denial->object != NULL ? denial->object : denial->operation;
  const char *mask = _sc_suggestion_denial_mask (denial);

  if (denial->kind == SC_DENIAL_KIND_FILE && mask != NULL)
    return g_strdup_printf ("%s (%s)", object != NULL ? object : "?", mask);
  if (denial->kind == SC_DENIAL_KIND_SECCOMP)
    return g_strdup_printf (_("the system call %s"), object != NULL ? object : "?");
  return g_strdup_printf ("%s %s", sc_denial_kind_to_string (denial->kind),
                          object != NULL ? object : "");
}

static char *
policy_reason (const ScSuggestion *suggestion)
{
  /* Translators: the first %s is an interface, the second a rule of snapd's
   * AppArmor or seccomp policy, e.g. "/sys/module/{,**} r". */
  return g_strdup_printf (_("snapd's policy for %s has the rule “%s”, which allows this access."),
                          suggestion->interface, suggestion->policy_rule);
}

static char *
alternative_reason (const ScSuggestion *suggestion)
{
  const ScInterfaceInfo *info = sc_interface_catalogue_lookup (suggestion->interface);

  if (suggestion->policy_rule != NULL)
    /* Translators: %s is a rule of snapd's policy. */
    return g_strdup_printf (_("Also allows this access (“%s”), but grants more or needs more "
                              "to connect."), suggestion->policy_rule);
  if (info != NULL && info->description != NULL)
    /* Translators: %s is the description of an interface. */
    return g_strdup_printf (_("Also allows this access: %s"),
                            g_dgettext (GETTEXT_PACKAGE, info->description));
  return g_strdup (_("Also allows this access, but grants more than the first suggestion."));
}

#define MAX_SUGGESTIONS 6

static gboolean
policy_has_narrow_match (const ScDenial *denial)
{
  g_autoptr(GArray) matches = sc_policy_match (denial);

  for (guint i = 0; i < matches->len; i++)
    {
      const ScPolicyMatch *m = &g_array_index (matches, ScPolicyMatch, i);

      if (!m->broad && !is_catch_all (m->interface) && strcmp (m->interface, "dbus") != 0)
        return TRUE;
    }
  return FALSE;
}

/* Answers that are not an interface: noise from snapd's own helpers, an
 * access today's base template allows, a fix rule that decides alone.
 * Returns TRUE when RESULT is complete; otherwise RESULT may hold a fix
 * shown beside the interfaces. */
static gboolean
answer_without_interface (ScSuggestionResult *result,
                          const ScDenial     *denial,
                          const Rule         *rule,
                          const Facts        *facts)
{
  g_autofree char *template_rule = NULL;

  if (rule == NULL && denial->noise)
    {
      result->fix = g_strdup (denial->noise_reason != NULL
                                ? denial->noise_reason
                                : _("Caused by snapd's own helpers, not by the app: nothing to "
                                    "add."));
      result->fix_source = "noise";
      return TRUE;
    }

  /* What today's snapd gives every strict snap. */
  if (!denial->noise && sc_policy_template_allows (denial, &template_rule))
    {
      /* Translators: %s is a rule of snapd's base template. */
      result->fix = g_strdup_printf (_("Allowed by current snapd's base template (“%s”): this "
                                       "record comes from an older snapd. Updating snapd fixes "
                                       "it; no plug is needed."), template_rule);
      result->fix_source = "template";
      return TRUE;
    }

  /* Fixes that are not an interface decide alone. */
  if (rule != NULL && rule->def->fix != NULL)
    {
      result->fix = expand_fix (rule->def->fix, facts);
      result->fix_source = "fix";
      if (rule->candidates->len == 0 && !(rule->def->fallback && policy_has_narrow_match (denial)))
        return TRUE;
      /* Otherwise snapd's policy has an interface for it, which is the
       * answer rather than our generic advice. */
      if (rule->candidates->len == 0)
        {
          g_clear_pointer (&result->fix, g_free);
          result->fix_source = NULL;
        }
    }
  return FALSE;
}

/* 1. The interfaces whose rules in snapd's policy allow the access, once
 * per interface and variant (recorded in SEEN). */
static void
rank_policy_matches (GArray         *ranked,
                     GHashTable     *seen,
                     const ScDenial *denial,
                     const Rule     *rule)
{
  g_autoptr(GArray) matches = sc_policy_match (denial);

  for (guint i = 0; i < matches->len; i++)
    {
      const ScPolicyMatch *m = &g_array_index (matches, ScPolicyMatch, i);
      ScSuggestion *suggestion;
      Candidate variant = { 0 };
      Ranked entry = { 0 };
      g_autofree char *key = g_strconcat (m->interface, "\x1f", m->variant, NULL);

      /* The dbus interface's rules come from its bus and name attributes,
       * for talking to another snap's slot: our table decides. */
      if (strcmp (m->interface, "dbus") == 0 || !g_hash_table_add (seen, g_steal_pointer (&key)))
        continue;
      suggestion = new_suggestion (m->interface);
      suggestion->source = "policy";
      suggestion->policy_rule = g_strdup (m->rule);
      if (*m->variant != '\0')
        {
          if (!variant_candidate (m->interface, m->variant, &variant))
            {
              sc_suggestion_free (suggestion);
              continue;
            }
          suggestion->plug = _sc_suggestion_build_attribute_plug (&variant);
          apply_attribute_policy (suggestion, &variant);
          g_strfreev (variant.attrs);
        }
      entry.suggestion = suggestion;
      entry.hand_position = hand_position (rule, m->interface);
      entry.specificity = m->specificity;
      entry.n_rules = m->n_rules;
      entry.broad = m->broad;
      g_array_append_val (ranked, entry);
    }
}

/* The suggestion for the hand rule's CANDIDATE, or NULL when snapd's
 * policy already answered for it or says it would not help. */
static ScSuggestion *
hand_suggestion (const Candidate *candidate,
                 GHashTable      *seen,
                 const Facts     *facts)
{
  ScSuggestion *suggestion;
  gboolean built = strcmp (candidate->interface, "personal-files") == 0 ||
                   strcmp (candidate->interface, "system-files") == 0;

  if (candidate->plug_name == NULL && !built && sc_policy_has_interface (candidate->interface) &&
      !g_strv_contains (attribute_built_interfaces, candidate->interface))
    return NULL;
  if (candidate->plug_name == NULL && !built)
    {
      g_autofree char *key = g_strconcat (candidate->interface, "\x1f", NULL);

      if (g_hash_table_contains (seen, key))
        return NULL;
    }
  suggestion = new_suggestion (candidate->interface);
  if (candidate->plug_name != NULL)
    {
      g_autofree char *key = g_strconcat (candidate->interface, "\x1f", candidate->attrs[0], NULL);

      if (g_hash_table_contains (seen, key))
        {
          sc_suggestion_free (suggestion);
          return NULL;
        }
      suggestion->plug = _sc_suggestion_build_attribute_plug (candidate);
      apply_attribute_policy (suggestion, candidate);
    }
  else if (built)
    {
      suggestion->plug = _sc_suggestion_build_files_plug (candidate->interface, facts);
      if (suggestion->plug == NULL)
        {
          /* No literal path to offer: such a plug could not be
           * written, so do not suggest it. */
          sc_suggestion_free (suggestion);
          return NULL;
        }
    }
  return suggestion;
}

/* 2. Plugs the hand table builds from the denied path, and interfaces
 * whose rules snapd builds at run time (not in the policy table). A hand
 * candidate the policy has rules for but that did not match is dropped:
 * snapd's policy says it would not help. */
static void
rank_hand_candidates (GArray      *ranked,
                      GHashTable  *seen,
                      const Rule  *rule,
                      const Facts *facts)
{
  for (guint i = 0; rule != NULL && i < rule->candidates->len; i++)
    {
      const Candidate *candidate = &g_array_index (rule->candidates, Candidate, i);
      Ranked entry = { 0 };

      entry.suggestion = hand_suggestion (candidate, seen, facts);
      if (entry.suggestion == NULL)
        continue;
      entry.hand_position = (int) i;
      entry.specificity = 0;
      entry.n_rules = G_MAXUINT;
      g_array_append_val (ranked, entry);
    }
}

/* 3. Tiers: connect a declared plug, then narrow to broad. Returns how
 * many entries are narrower than a catch-all. */
static guint
assign_tiers (GArray                 *ranked,
              const ScDenial         *denial,
              const ScSuggestContext *context)
{
  guint n_narrow = 0;

  for (guint i = 0; i < ranked->len; i++)
    {
      Ranked *entry = &g_array_index (ranked, Ranked, i);
      ScSuggestion *suggestion = entry->suggestion;
      const ScSuggestPlug *declared = context_plug (context, suggestion->interface);

      if (declared != NULL && declared->state == SC_PLUG_STATE_DISCONNECTED &&
          suggestion->plug == NULL)
        {
          suggestion->connect = TRUE;
          entry->tier = TIER_CONNECT;
        }
      else if (entry->broad ||
               (is_catch_all (suggestion->interface) &&
               /* browser-support is the normal answer for browsers and Electron apps. */
               !(strcmp (suggestion->interface, "browser-support") == 0 && looks_like_browser (denial))))
        entry->tier = TIER_CATCH_ALL;
      else if (strcmp (suggestion->interface, "personal-files") == 0 ||
               strcmp (suggestion->interface, "system-files") == 0)
        entry->tier = TIER_BUILT;
      else if (suggestion->store_approval)
        entry->tier = TIER_APPROVAL;
      else if (suggestion->auto_connect)
        entry->tier = TIER_AUTO;
      else
        entry->tier = TIER_MANUAL;
      /* Declared and connected, yet denied: not the answer. */
      if (declared != NULL && declared->state == SC_PLUG_STATE_CONNECTED &&
          suggestion->plug == NULL)
        entry->tier = TIER_CATCH_ALL + 1;
      if (entry->tier < TIER_CATCH_ALL)
        n_narrow++;
    }
  return n_narrow;
}

/* Why the first suggestion fits. */
static char *
first_reason (const ScSuggestion *suggestion,
              const Ranked       *entry,
              const Rule         *rule)
{
  g_autofree char *why = NULL;

  if (rule != NULL && rule->def->reason != NULL && entry->hand_position == 0)
    why = g_strdup (_(rule->def->reason));
  else if (suggestion->policy_rule != NULL)
    why = policy_reason (suggestion);
  else if (rule != NULL && rule->def->reason != NULL)
    why = g_strdup (_(rule->def->reason));
  else
    why = alternative_reason (suggestion);
  if (suggestion->connect)
    /* Translators: %s is the reason the interface fits. */
    return g_strdup_printf (_("The app declares this plug but it is not connected: connect "
                              "it. %s"), why);
  return g_steal_pointer (&why);
}

/* Moves the best of the sorted RANKED into RESULT with their reasons, and
 * frees the others. Returns TRUE when every one kept is broad. */
static gboolean
keep_best (ScSuggestionResult *result,
           GArray             *ranked,
           guint               n_narrow,
           const Rule         *rule)
{
  gboolean all_broad = TRUE;

  for (guint i = 0; i < ranked->len; i++)
    {
      Ranked *entry = &g_array_index (ranked, Ranked, i);
      ScSuggestion *suggestion = entry->suggestion;

      /* Catch-alls only when nothing narrower fits; a connected plug never. */
      if ((entry->tier == TIER_CATCH_ALL && n_narrow > 0) || entry->tier > TIER_CATCH_ALL ||
          result->suggestions->len >= MAX_SUGGESTIONS)
        {
          sc_suggestion_free (suggestion);
          continue;
        }
      all_broad = all_broad && entry->broad;
      if (result->suggestions->len == 0)
        suggestion->reason = first_reason (suggestion, entry, rule);
      else
        suggestion->reason = alternative_reason (suggestion);
      g_ptr_array_add (result->suggestions, suggestion);
    }
  return all_broad;
}

/* The fix that says no (narrow) interface grants the access, when so. */
static void
explain_missing_interface (ScSuggestionResult *result,
                           const ScDenial     *denial,
                           const Rule         *rule,
                           gboolean            all_broad)
{
  if (result->suggestions->len == 0 && result->fix == NULL)
    {
      g_autofree char *access = describe_access (denial);

      /* Translators: %s describes the denied access, e.g. a path and its
       * permissions or a D-Bus call. */
      result->fix = g_strdup_printf (_("No interface grants this: snapd's policy has no rule that "
                                       "allows %s. Change the app so it does not need it, or ask "
                                       "the service it talks to for an interface that does."),
                                     access);
      result->fix_source = "fix";
    }
  else if (result->suggestions->len > 0 && all_broad && result->fix == NULL)
    {
      g_autofree char *access = describe_access (denial);

      /* Translators: %s describes the denied access. */
      result->fix = g_strdup_printf (_("No narrow interface grants this: only interfaces that "
                                       "grant far more allow %s. Prefer changing the app so it "
                                       "does not need it."), access);
      result->fix_source = "fix";
    }
  else if (result->suggestions->len == 0 && rule != NULL && rule->candidates->len > 0 &&
           result->fix != NULL)
    {
      g_autofree char *fix = g_steal_pointer (&result->fix);

      /* Translators: %s is advice on a fix. */
      result->fix = g_strdup_printf (_("No interface grants this: %s"), fix);
    }
}

ScSuggestionResult *
sc_suggest_for_denial_with_context (const ScDenial         *denial,
                                    const char             *snap_name,
                                    const ScSuggestContext *context)
{
  ScSuggestionResult *result;
  g_autoptr(GArray) ranked = NULL;
  g_autoptr(GHashTable) seen = NULL;
  const Rule *rule;
  Facts facts;
  guint n_narrow;
  gboolean all_broad;

  g_return_val_if_fail (denial != NULL, NULL);

  _sc_suggestion_ensure_rules ();

  result = g_new0 (ScSuggestionResult, 1);
  result->suggestions = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_suggestion_free);

  if (snap_name == NULL)
    snap_name = denial->snap;
  _sc_suggestion_facts_init (&facts, denial, snap_name);

  rule = _sc_suggestion_find_rule (&facts);
  if (answer_without_interface (result, denial, rule, &facts))
    {
      _sc_suggestion_facts_clear (&facts);
      return result;
    }

  ranked = g_array_new (FALSE, TRUE, sizeof (Ranked));
  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  rank_policy_matches (ranked, seen, denial, rule);
  rank_hand_candidates (ranked, seen, rule, &facts);
  n_narrow = assign_tiers (ranked, denial, context);
  g_array_sort (ranked, compare_ranked);
  all_broad = keep_best (result, ranked, n_narrow, rule);
  explain_missing_interface (result, denial, rule, all_broad);

  _sc_suggestion_facts_clear (&facts);
  return result;
}

ScSuggestionResult *
sc_suggest_for_denial (const ScDenial *denial,
                       const char     *snap_name)
{
  return sc_suggest_for_denial_with_context (denial, snap_name, NULL);
}

void
sc_suggestion_free (ScSuggestion *suggestion)
{
  if (suggestion == NULL)
    return;
  g_free (suggestion->interface);
  g_free (suggestion->reason);
  g_free (suggestion->policy_rule);
  g_clear_pointer (&suggestion->plug, g_variant_unref);
  g_free (suggestion);
}

void
sc_suggestion_result_free (ScSuggestionResult *result)
{
  if (result == NULL)
    return;
  g_clear_pointer (&result->suggestions, g_ptr_array_unref);
  g_free (result->fix);
  g_free (result);
}

const char *
sc_suggestion_get_plug_name (const ScSuggestion *suggestion)
{
  const char *name = NULL;

  g_return_val_if_fail (suggestion != NULL, NULL);
  if (suggestion->plug != NULL &&
      g_variant_lookup (suggestion->plug, "name", "&s", &name))
    return name;
  return suggestion->interface;
}
