/* sc-suggestion-rules.c
 *
 * Copyright 2026 The Snap Confine authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Which interface would have allowed a denied access. The knowledge lives
 * in a rule table (sc-suggestion-table.h); this file only interprets it:
 *
 *  1. Rules are tried in table order, most specific first; the first rule
 *     whose conditions all hold decides. A rule lists candidate interfaces
 *     (best first) and/or a fix for problems no interface solves.
 *  2. Candidates are ranked: catch-all and super-privileged interfaces are
 *     hidden unless nothing else fits, interfaces that need store approval
 *     go after those that do not, and auto-connecting ones go first.
 *     Otherwise the table order (least privilege first) is kept.
 *  3. personal-files, system-files and interfaces with attributes (home
 *     read: all, browser-support allow-sandbox…) get a complete plug
 *     definition to put under the top-level plugs: of snapcraft.yaml.
 *
 * Conditions are matched against a normalised object ($HOME/…, /proc/PID/…,
 * $SNAP/…: see sc_denial_normalise_path()), so rules never spell out
 * user names, pids or revisions.
 *
 * Files: this one compiles the hand-written rule table and matches a
 * denial against it; sc-suggestion-rank.c ranks the candidates and builds
 * the suggestions, sc-suggestion-plugs.c writes top-level plug
 * definitions. They share sc-suggestion-rules-private.h.
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

/* Condition syntax: "key=glob" or "key!=glob". Globs: '*' within one path
 * component, '**' across '/', '?', "[abc]"/"[^.]" classes and "{a,b}"
 * alternatives. Keys:
 *   object   the normalised object (path, address, capability, syscall…)
 *   op       operation
 *   perm     "r" (reads only), "w" (writes, creates, deletes, links), "x" (exec)
 *   owner    "yes" when fsuid equals ouid (or they are unknown), else "no"
 *   profile  the raw AppArmor label
 *   addr     unix socket: the object, addr or peer_addr (normalised)
 *   peer     peer or peer_label
 *   mask     denied permission words (signal, ptrace, D-Bus)
 *   svc      D-Bus: the interface, else the object path with '/' → '.',
 *            else the well-known destination name (tried in that order)
 *   access   D-Bus: "read" (Get*, List*, signals…) or "write"
 *   cap      capability name
 *   syscall  seccomp syscall name
 *   anything else: a detail of the record (family, sock_type, protocol,
 *            bus, member, fstype, class…)
 *
 * Candidate syntax: "iface" or "iface@plug-name:attr=value,attr=value" for
 * a plug with attributes (a value "true"/"false" is a boolean). Attributes
 * other than those of personal-files/system-files make the plug need store
 * approval (home read: all, browser-support allow-sandbox: true,
 * optical-drive write: true).
 *
 * Fix texts may contain "{snap}", replaced by the snap name. */
#include "sc-suggestion-table.h"
#include "sc-utils.h"

static GArray *rules;  /* of Rule, table order; compiled once, kept for the process */

/* Expands "{a,b}" alternatives (nested too) into separate globs. */
static void
expand_braces (const char *pattern,
               GPtrArray  *out)
{
  const char *open = NULL;
  const char *close = NULL;
  int depth = 0;
  GPtrArray *alternatives;
  const char *alt_start;

  for (const char *p = pattern; *p != '\0'; p++)
    {
      if (*p == '{')
        {
          if (depth++ == 0)
            open = p;
        }
      else if (*p == '}' && depth > 0)
        {
          if (--depth == 0)
            {
              close = p;
              break;
            }
        }
    }

  if (open == NULL || close == NULL)
    {
      g_ptr_array_add (out, g_strdup (pattern));
      return;
    }

  alternatives = g_ptr_array_new_with_free_func (g_free);
  alt_start = open + 1;
  depth = 0;
  for (const char *p = open + 1; p <= close; p++)
    {
      if (*p == '{')
        depth++;
      else if (*p == '}' && depth > 0)
        depth--;
      else if ((*p == ',' && depth == 0) || p == close)
        {
          g_autofree char *expanded = g_strdup_printf ("%.*s%.*s%s",
                                                        (int) (open - pattern), pattern,
                                                        (int) (p - alt_start), alt_start,
                                                        close + 1);
          g_ptr_array_add (alternatives, g_steal_pointer (&expanded));
          alt_start = p + 1;
        }
    }

  for (guint i = 0; i < alternatives->len; i++)
    expand_braces (g_ptr_array_index (alternatives, i), out);
  g_ptr_array_unref (alternatives);
}

static KeyType
parse_key (const char  *key,
           char       **detail)
{
  static const struct { const char *name; KeyType type; } keys[] = {
    { "object", KEY_OBJECT }, { "op", KEY_OP }, { "perm", KEY_PERM },
    { "owner", KEY_OWNER }, { "profile", KEY_PROFILE }, { "addr", KEY_ADDR },
    { "peer", KEY_PEER }, { "mask", KEY_MASK }, { "svc", KEY_SVC },
    { "access", KEY_ACCESS }, { "cap", KEY_CAP }, { "syscall", KEY_SYSCALL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    if (strcmp (key, keys[i].name) == 0)
      return keys[i].type;
  *detail = g_strdup (key);
  return KEY_DETAIL;
}

static void
compile_rule (const ScRuleDef *def,
              Rule            *rule)
{
  g_auto(GStrv) conditions = g_strsplit (def->match, " ", -1);

  rule->def = def;
  rule->conditions = g_array_new (FALSE, TRUE, sizeof (Condition));
  rule->candidates = g_array_new (FALSE, TRUE, sizeof (Candidate));

  for (guint i = 0; conditions[i] != NULL; i++)
    {
      const char *eq;
      g_autofree char *key = NULL;
      g_autoptr(GPtrArray) expanded = g_ptr_array_new_with_free_func (g_free);
      Condition condition = { 0 };

      if (*conditions[i] == '\0')
        continue;
      eq = strchr (conditions[i], '=');
      g_assert (eq != NULL && eq > conditions[i]);
      condition.negate = eq[-1] == '!';
      key = g_strndup (conditions[i], (eq - conditions[i]) - (condition.negate ? 1 : 0));
      condition.type = parse_key (key, &condition.detail);
      if (condition.type == KEY_SVC)
        rule->uses_svc = TRUE;

      condition.globs = g_array_new (FALSE, TRUE, sizeof (Glob));
      expand_braces (eq + 1, expanded);
      for (guint j = 0; j < expanded->len; j++)
        {
          Glob glob;

          glob.text = g_strdup (g_ptr_array_index (expanded, j));
          glob.prefix_len = strcspn (glob.text, "*?[");
          g_array_append_val (condition.globs, glob);
        }

      /* A value must start with the literal prefix all globs share, so a
       * condition with dozens of alternatives ("/proc/{cpuinfo,…}") is
       * usually rejected by a single comparison. */
      condition.common = g_array_index (condition.globs, Glob, 0).text;
      condition.common_len = g_array_index (condition.globs, Glob, 0).prefix_len;
      for (guint j = 1; j < condition.globs->len; j++)
        {
          const Glob *glob = &g_array_index (condition.globs, Glob, j);
          gsize k = 0;

          while (k < condition.common_len && k < glob->prefix_len &&
                 glob->text[k] == condition.common[k])
            k++;
          condition.common_len = k;
        }
      if (condition.type == KEY_OBJECT && !condition.negate && condition.common_len > 0)
        {
          rule->object_prefix = condition.common;
          rule->object_prefix_len = condition.common_len;
        }
      g_array_append_val (rule->conditions, condition);
    }

  if (def->candidates != NULL)
    {
      g_auto(GStrv) names = g_strsplit (def->candidates, " ", -1);

      for (guint i = 0; names[i] != NULL; i++)
        {
          Candidate candidate = { 0 };
          const char *at = strchr (names[i], '@');

          if (*names[i] == '\0')
            continue;
          if (at == NULL)
            {
              candidate.interface = g_strdup (names[i]);
            }
          else
            {
              const char *colon = strchr (at, ':');

              g_assert (colon != NULL);
              candidate.interface = g_strndup (names[i], at - names[i]);
              candidate.plug_name = g_strndup (at + 1, colon - at - 1);
              candidate.attrs = g_strsplit (colon + 1, ",", -1);
            }
          g_array_append_val (rule->candidates, candidate);
        }
    }
}

static gpointer
compile_rules (gpointer data)
{
  (void) data;

  rules = g_array_sized_new (FALSE, TRUE, sizeof (Rule), G_N_ELEMENTS (rule_table));
  for (guint i = 0; i < G_N_ELEMENTS (rule_table); i++)
    {
      Rule rule = { 0 };

      compile_rule (&rule_table[i], &rule);
      g_array_append_val (rules, rule);
    }
  return NULL;
}

void
_sc_suggestion_ensure_rules (void)
{
  static GOnce once = G_ONCE_INIT;

  g_once (&once, compile_rules, NULL);
}

/* Glob matching */

static gboolean
glob_match (const char *p,
            const char *s)
{
  for (;;)
    {
      switch (*p)
        {
        case '\0':
          return *s == '\0';

        case '*':
          if (p[1] == '*')
            {
              p += 2;
              if (*p == '\0')
                return TRUE;
              for (;; s++)
                {
                  if (glob_match (p, s))
                    return TRUE;
                  if (*s == '\0')
                    return FALSE;
                }
            }
          p++;
          for (;; s++)
            {
              if (glob_match (p, s))
                return TRUE;
              if (*s == '\0' || *s == '/')
                return FALSE;
            }

        case '?':
          if (*s == '\0' || *s == '/')
            return FALSE;
          p++;
          s++;
          break;

        case '[':
          if (*s == '\0' || *s == '/' || !sc_glob_match_class (&p, *s))
            return FALSE;
          s++;
          break;

        default:
          if (*p != *s)
            return FALSE;
          p++;
          s++;
          break;
        }
    }
}

static gboolean
condition_matches_value (const Condition *condition,
                         const char      *value)
{
  if (value == NULL)
    return FALSE;
  if (condition->common_len > 0 && strncmp (value, condition->common, condition->common_len) != 0)
    return FALSE;
  for (guint i = 0; i < condition->globs->len; i++)
    {
      const Glob *glob = &g_array_index (condition->globs, Glob, i);

      gsize k = 0;

      /* Most globs fail on their literal prefix within a few bytes; an
       * inline loop is cheaper than a strncmp() call per glob. */
      while (k < glob->prefix_len && glob->text[k] == value[k])
        k++;
      if (k < glob->prefix_len)
        continue;
      if (glob_match (glob->text + k, value + k))
        return TRUE;
    }
  return FALSE;
}

const char *
_sc_suggestion_denial_mask (const ScDenial *denial)
{
  const char *mask = denial->permissions;

  if (mask == NULL || *mask == '\0')
    mask = detail (denial, "denied_mask");
  if (mask == NULL || *mask == '\0')
    mask = detail (denial, "denied");
  if (mask == NULL || *mask == '\0')
    mask = detail (denial, "requested_mask");
  if (mask == NULL || *mask == '\0')
    mask = detail (denial, "requested");
  if (mask == NULL || *mask == '\0')
    mask = detail (denial, "mask");
  return mask;
}

/* File permission class: any of w, a, c, d, l is a write; x an exec;
 * the rest (r, m, k) reads. */
static const char *
file_perm_class (const char *mask)
{
  if (mask == NULL)
    return NULL;
  if (strpbrk (mask, "wacdl") != NULL)
    return "w";
  if (strchr (mask, 'x') != NULL)
    return "x";
  return "r";
}

static const char * const generic_dbus_interfaces[] = {
  "org.freedesktop.DBus.Properties",
  "org.freedesktop.DBus.Introspectable",
  "org.freedesktop.DBus.Peer",
  "org.freedesktop.DBus.ObjectManager",
  NULL,
};

static char *
dbus_path_to_dotted (const char *path)
{
  char *dotted;

  if (path == NULL || path[0] != '/' || path[1] == '\0')
    return NULL;
  dotted = g_strdup (path + 1);
  g_strdelimit (dotted, "/", '.');
  return dotted;
}

static const char *
dbus_access (const ScDenial *denial)
{
  static const char * const read_members[] = {
    "Get*", "List*", "Can*", "Introspect", "Ping", "Describe*", "Read*", "Find*",
    "Lookup*", "Resolve*", "Query*", "Is*", "Has*", NULL,
  };
  const char *member = detail (denial, "member");
  const char *mask = detail (denial, "mask");

  if (member == NULL)
    member = detail (denial, "method");
  if (g_strcmp0 (denial->operation, "dbus_signal") == 0 || g_strcmp0 (mask, "receive") == 0)
    return "read";
  for (guint i = 0; member != NULL && read_members[i] != NULL; i++)
    if (glob_match (read_members[i], member))
      return "read";
  return "write";
}

void
_sc_suggestion_facts_init (Facts          *facts,
                           const ScDenial *denial,
                           const char     *snap_name)
{
  const char *fsuid = detail (denial, "fsuid");
  const char *ouid = detail (denial, "ouid");
  const char *addr_keys[] = { "addr", "peer_addr" };

  memset (facts, 0, sizeof *facts);
  facts->denial = denial;
  facts->snap_name = snap_name;
  facts->object = sc_denial_normalise_object (denial, snap_name);
  facts->mask = _sc_suggestion_denial_mask (denial);
  if (denial->kind == SC_DENIAL_KIND_FILE || denial->kind == SC_DENIAL_KIND_MOUNT)
    facts->perm = file_perm_class (facts->mask);
  facts->owner = (fsuid != NULL && ouid != NULL && strcmp (fsuid, ouid) != 0) ? "no" : "yes";

  if (denial->kind == SC_DENIAL_KIND_UNIX || denial->kind == SC_DENIAL_KIND_NETWORK ||
      denial->kind == SC_DENIAL_KIND_FILE)
    {
      facts->addrs[0] = g_strdup (facts->object);
      for (guint i = 0; i < G_N_ELEMENTS (addr_keys); i++)
        {
          const char *value = detail (denial, addr_keys[i]);

          if (value != NULL && value[0] == '@')
            facts->addrs[i + 1] = sc_denial_normalise_path (value, snap_name, denial->instance);
          else if (value != NULL && value[0] == '/')
            facts->addrs[i + 1] = sc_denial_normalise_path (value, snap_name, denial->instance);
        }
    }

  if (denial->kind == SC_DENIAL_KIND_DBUS)
    {
      const char *iface = detail (denial, "interface");
      const char *name = detail (denial, "name");

      if (iface != NULL && !g_strv_contains (generic_dbus_interfaces, iface))
        facts->svc[SVC_INTERFACE] = g_strdup (iface);
      facts->svc[SVC_PATH] = dbus_path_to_dotted (detail (denial, "path"));
      if (name != NULL && name[0] != ':')
        facts->svc[SVC_NAME] = g_strdup (name);
      facts->access = dbus_access (denial);
    }
}

void
_sc_suggestion_facts_clear (Facts *facts)
{
  g_free (facts->object);
  for (guint i = 0; i < G_N_ELEMENTS (facts->addrs); i++)
    g_free (facts->addrs[i]);
  for (guint i = 0; i < G_N_ELEMENTS (facts->svc); i++)
    g_free (facts->svc[i]);
}

static gboolean
condition_holds (const Condition *condition,
                 const Facts     *facts)
{
  const ScDenial *denial = facts->denial;
  const char *values[3] = { NULL, NULL, NULL };
  gboolean matched = FALSE;

  switch (condition->type)
    {
    case KEY_OBJECT:
      values[0] = facts->object;
      break;
    case KEY_OP:
      values[0] = denial->operation;
      break;
    case KEY_PERM:
      values[0] = facts->perm;
      break;
    case KEY_OWNER:
      values[0] = facts->owner;
      break;
    case KEY_PROFILE:
      values[0] = denial->profile != NULL ? denial->profile : detail (denial, "label");
      break;
    case KEY_ADDR:
      values[0] = facts->addrs[0];
      values[1] = facts->addrs[1];
      values[2] = facts->addrs[2];
      break;
    case KEY_PEER:
      values[0] = detail (denial, "peer");
      values[1] = detail (denial, "peer_label");
      break;
    case KEY_MASK:
      values[0] = facts->mask;
      break;
    case KEY_SVC:
      values[0] = facts->svc[facts->pass];
      break;
    case KEY_ACCESS:
      values[0] = facts->access;
      break;
    case KEY_CAP:
      values[0] = detail (denial, "capname");
      if (values[0] == NULL)
        values[0] = denial->object;
      break;
    case KEY_SYSCALL:
      values[0] = detail (denial, "syscall_name");
      if (values[0] == NULL)
        values[0] = denial->object;
      break;
    case KEY_DETAIL:
    default:
      values[0] = detail (denial, condition->detail);
      break;
    }

  for (guint i = 0; i < G_N_ELEMENTS (values) && !matched; i++)
    matched = condition_matches_value (condition, values[i]);
  return matched != condition->negate;
}

static gboolean
rule_matches (const Rule  *rule,
              const Facts *facts)
{
  if ((rule->def->kinds & (1u << facts->denial->kind)) == 0)
    return FALSE;
  /* Rules without a svc condition are decided in the first pass only. */
  if (facts->pass != SVC_INTERFACE && !rule->uses_svc)
    return FALSE;
  /* Most file rules fail on the object's first few bytes: check that
   * before dispatching on conditions. */
  if (rule->object_prefix != NULL)
    {
      const char *object = facts->object;
      gsize k = 0;

      if (object == NULL)
        return FALSE;
      while (k < rule->object_prefix_len && object[k] == rule->object_prefix[k])
        k++;
      if (k < rule->object_prefix_len)
        return FALSE;
    }
  for (guint i = 0; i < rule->conditions->len; i++)
    if (!condition_holds (&g_array_index (rule->conditions, Condition, i), facts))
      return FALSE;
  return TRUE;
}

const Rule *
_sc_suggestion_find_rule (Facts *facts)
{
  guint n_passes = facts->denial->kind == SC_DENIAL_KIND_DBUS ? N_SVC_PASSES : 1;

  for (facts->pass = SVC_INTERFACE; facts->pass < n_passes; facts->pass++)
    {
      for (guint i = 0; i < rules->len; i++)
        {
          const Rule *rule = &g_array_index (rules, Rule, i);

          if (rule_matches (rule, facts))
            return rule;
        }
    }
  return NULL;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

char **
sc_suggestion_rules_dup_interfaces (void)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  _sc_suggestion_ensure_rules ();
  for (guint i = 0; i < rules->len; i++)
    {
      const Rule *rule = &g_array_index (rules, Rule, i);

      for (guint j = 0; j < rule->candidates->len; j++)
        {
          const char *name = g_array_index (rule->candidates, Candidate, j).interface;

          if (g_hash_table_add (seen, (gpointer) name))
            g_ptr_array_add (names, g_strdup (name));
        }
    }
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&names), FALSE);
}
