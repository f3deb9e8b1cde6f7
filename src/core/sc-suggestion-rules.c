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
 */
#define G_LOG_DOMAIN "sc-suggestion-rules"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sc-denial.h"
#include "sc-interface-catalogue.h"
#include "sc-policy.h"
#include "sc-suggestion-rules.h"

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

/* Interfaces that grant far more than a single denial asks for; shown only
 * when nothing narrower matches. */
static const char * const catch_all_interfaces[] = {
  "browser-support", "classic-support", "docker-support", "fwupd", "greengrass-support",
  "kubernetes-support", "lxd-support", "microstack-support", "multipass-support",
  "nomad-support", "polkit-agent", "steam-support", "system-backup",
  NULL,
};

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

static void
ensure_rules (void)
{
  static GOnce once = G_ONCE_INIT;

  g_once (&once, compile_rules, NULL);
}

/* Glob matching */

static gboolean
match_class (const char **pattern,
             char         c)
{
  const char *p = *pattern + 1;
  gboolean negate = FALSE;
  gboolean found = FALSE;

  if (*p == '^' || *p == '!')
    {
      negate = TRUE;
      p++;
    }
  for (gboolean first = TRUE; *p != '\0' && (first || *p != ']'); first = FALSE)
    {
      if (p[1] == '-' && p[2] != ']' && p[2] != '\0')
        {
          if (c >= p[0] && c <= p[2])
            found = TRUE;
          p += 3;
        }
      else
        {
          if (c == *p)
            found = TRUE;
          p++;
        }
    }
  if (*p == ']')
    p++;
  *pattern = p;
  return found != negate;
}

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
          if (*s == '\0' || *s == '/' || !match_class (&p, *s))
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

static const char *
detail (const ScDenial *denial,
        const char     *key)
{
  return g_hash_table_lookup (denial->details, key);
}

static const char *
denial_mask (const ScDenial *denial)
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

static void
facts_init (Facts          *facts,
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
  facts->mask = denial_mask (denial);
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

static void
facts_clear (Facts *facts)
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

static const Rule *
find_rule (Facts *facts)
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

/* Plugs with a top-level definition */

/* "dot-config-myapp" from ".config/myapp": lower case, runs of anything
 * else than [a-z0-9] become one '-', so the result always matches snapd's
 * plug name grammar ^[a-z](?:-?[a-z0-9])*$. */
static char *
plug_name_from_path (const char *prefix,
                     const char *path)
{
  GString *name = g_string_new (prefix);
  gboolean dash = name->len > 0 && name->str[name->len - 1] == '-';

  for (const char *p = path; *p != '\0'; p++)
    {
      char c = g_ascii_tolower (*p);

      if (g_ascii_isalnum (c))
        {
          if (name->len == 0 && !g_ascii_isalpha (c))
            g_string_append (name, "p-");
          g_string_append_c (name, c);
          dash = FALSE;
        }
      else if (!dash && name->len > 0)
        {
          g_string_append_c (name, '-');
          dash = TRUE;
        }
    }
  while (name->len > 0 && name->str[name->len - 1] == '-')
    g_string_truncate (name, name->len - 1);
  if (name->len == 0)
    g_string_append (name, "files");
  return g_string_free (name, FALSE);
}

/* personal-files and system-files paths must be literal: no AppArmor
 * pattern characters, quotes or control characters. */
static gboolean
is_literal_path (const char *path)
{
  for (const char *p = path; *p != '\0'; p++)
    if (strchr ("*?[]{}\"\\,^", *p) != NULL || (guchar) *p < 0x20)
      return FALSE;
  return TRUE;
}

/* $HOME/.config/myapp/settings.ini → $HOME/.config/myapp: the app's own
 * folder under the XDG base folders, else the top dotfile or dot-folder. */
static char *
generalise_home_path (const char *object)
{
  static const char * const xdg_dirs[] = {
    ".config/", ".cache/", ".local/share/", ".local/state/", ".local/lib/", NULL,
  };
  const char *rel = object + strlen ("$HOME/");
  const char *slash;

  for (guint i = 0; xdg_dirs[i] != NULL; i++)
    {
      gsize len = strlen (xdg_dirs[i]);

      if (strncmp (rel, xdg_dirs[i], len) == 0 && rel[len] != '\0' && rel[len] != '/')
        {
          slash = strchr (rel + len, '/');
          return slash != NULL ? g_strndup (object, slash - object) : g_strdup (object);
        }
    }
  slash = strchr (rel, '/');
  if (slash != NULL)
    return g_strndup (object, slash - object);
  /* A bare "$HOME/.local/" style folder name without a trailing part. */
  return g_strdup (object);
}

/* /etc/mytool/conf.d/x.conf → /etc/mytool. */
static char *
generalise_system_path (const char *object)
{
  const char *slash;

  if (object[0] != '/')
    return NULL;
  slash = strchr (object + 1, '/');
  if (slash == NULL)
    return g_strdup (object);
  slash = strchr (slash + 1, '/');
  return slash != NULL ? g_strndup (object, slash - object) : g_strdup (object);
}

static GVariant *
build_files_plug (const char *interface,
                  const Facts *facts)
{
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  const char *object = facts->object;
  const char *paths[2] = { NULL, NULL };
  GVariantBuilder builder;
  gboolean write = g_strcmp0 (facts->perm, "w") == 0;

  if (object == NULL)
    return NULL;

  if (strcmp (interface, "personal-files") == 0)
    {
      if (!g_str_has_prefix (object, "$HOME/.") || object[7] == '\0' || object[7] == '/')
        return NULL;
      path = generalise_home_path (object);
      name = plug_name_from_path ("dot-", path + strlen ("$HOME/."));
    }
  else
    {
      path = generalise_system_path (object);
      if (path == NULL || path[1] == '\0' || path[0] == '$')
        return NULL;
      name = plug_name_from_path ("", path + 1);
    }

  while (g_str_has_suffix (path, "/") && strlen (path) > 1)
    path[strlen (path) - 1] = '\0';
  if (!is_literal_path (path) || !g_utf8_validate (path, -1, NULL))
    return NULL;

  paths[0] = path;
  g_variant_builder_init (&builder, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&builder, "{sv}", "name", g_variant_new_string (name));
  g_variant_builder_add (&builder, "{sv}", "interface", g_variant_new_string (interface));
  g_variant_builder_add (&builder, "{sv}", write ? "write" : "read",
                         g_variant_new_strv (paths, 1));
  return g_variant_ref_sink (g_variant_builder_end (&builder));
}

static GVariant *
build_attribute_plug (const Candidate *candidate)
{
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&builder, "{sv}", "name", g_variant_new_string (candidate->plug_name));
  g_variant_builder_add (&builder, "{sv}", "interface",
                         g_variant_new_string (candidate->interface));
  for (guint i = 0; candidate->attrs[i] != NULL; i++)
    {
      const char *attr = candidate->attrs[i];
      const char *eq = strchr (attr, '=');
      g_autofree char *key = g_strndup (attr, eq - attr);
      GVariant *value;

      if (strcmp (eq + 1, "true") == 0 || strcmp (eq + 1, "false") == 0)
        value = g_variant_new_boolean (eq[1] == 't');
      else
        value = g_variant_new_string (eq + 1);
      g_variant_builder_add (&builder, "{sv}", key, value);
    }
  return g_variant_ref_sink (g_variant_builder_end (&builder));
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

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
  const char *mask = denial_mask (denial);

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

ScSuggestionResult *
sc_suggest_for_denial_with_context (const ScDenial         *denial,
                                    const char             *snap_name,
                                    const ScSuggestContext *context)
{
  ScSuggestionResult *result;
  g_autoptr(GArray) ranked = NULL;
  g_autoptr(GArray) matches = NULL;
  g_autoptr(GHashTable) seen = NULL;
  const Rule *rule;
  Facts facts;
  guint n_narrow = 0;
  gboolean all_broad = TRUE;
  g_autofree char *template_rule = NULL;

  g_return_val_if_fail (denial != NULL, NULL);

  ensure_rules ();

  result = g_new0 (ScSuggestionResult, 1);
  result->suggestions = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_suggestion_free);

  if (snap_name == NULL)
    snap_name = denial->snap;
  facts_init (&facts, denial, snap_name);

  rule = find_rule (&facts);
  if (rule == NULL && denial->noise)
    {
      result->fix = g_strdup (denial->noise_reason != NULL
                                ? denial->noise_reason
                                : _("Caused by snapd's own helpers, not by the app: nothing to "
                                    "add."));
      result->fix_source = "noise";
      facts_clear (&facts);
      return result;
    }

  /* What today's snapd gives every strict snap. */
  if (!denial->noise && sc_policy_template_allows (denial, &template_rule))
    {
      /* Translators: %s is a rule of snapd's base template. */
      result->fix = g_strdup_printf (_("Allowed by current snapd's base template (“%s”): this "
                                       "record comes from an older snapd. Updating snapd fixes "
                                       "it; no plug is needed."), template_rule);
      result->fix_source = "template";
      facts_clear (&facts);
      return result;
    }

  /* Fixes that are not an interface decide alone. */
  if (rule != NULL && rule->def->fix != NULL)
    {
      result->fix = expand_fix (rule->def->fix, &facts);
      result->fix_source = "fix";
      if (rule->candidates->len == 0 && !(rule->def->fallback && policy_has_narrow_match (denial)))
        {
          facts_clear (&facts);
          return result;
        }
      /* Otherwise snapd's policy has an interface for it, which is the
       * answer rather than our generic advice. */
      if (rule->candidates->len == 0)
        {
          g_clear_pointer (&result->fix, g_free);
          result->fix_source = NULL;
        }
    }

  ranked = g_array_new (FALSE, TRUE, sizeof (Ranked));
  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  /* 1. snapd's policy. */
  matches = sc_policy_match (denial);
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
          suggestion->plug = build_attribute_plug (&variant);
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

  /* 2. Plugs the hand table builds from the denied path, and interfaces
   * whose rules snapd builds at run time (not in the policy table). A
   * hand candidate the policy has rules for but that did not match is
   * dropped: snapd's policy says it would not help. */
  for (guint i = 0; rule != NULL && i < rule->candidates->len; i++)
    {
      const Candidate *candidate = &g_array_index (rule->candidates, Candidate, i);
      ScSuggestion *suggestion;
      Ranked entry = { 0 };
      gboolean built = strcmp (candidate->interface, "personal-files") == 0 ||
                       strcmp (candidate->interface, "system-files") == 0;

      if (candidate->plug_name == NULL && !built && sc_policy_has_interface (candidate->interface) &&
          !g_strv_contains (attribute_built_interfaces, candidate->interface))
        continue;
      if (candidate->plug_name == NULL && !built)
        {
          g_autofree char *key = g_strconcat (candidate->interface, "\x1f", NULL);

          if (g_hash_table_contains (seen, key))
            continue;
        }
      suggestion = new_suggestion (candidate->interface);
      if (candidate->plug_name != NULL)
        {
          g_autofree char *key = g_strconcat (candidate->interface, "\x1f", candidate->attrs[0], NULL);

          if (g_hash_table_contains (seen, key))
            {
              sc_suggestion_free (suggestion);
              continue;
            }
          suggestion->plug = build_attribute_plug (candidate);
          apply_attribute_policy (suggestion, candidate);
        }
      else if (built)
        {
          suggestion->plug = build_files_plug (candidate->interface, &facts);
          if (suggestion->plug == NULL)
            {
              /* No literal path to offer: such a plug could not be
               * written, so do not suggest it. */
              sc_suggestion_free (suggestion);
              continue;
            }
        }
      entry.suggestion = suggestion;
      entry.hand_position = (int) i;
      entry.specificity = 0;
      entry.n_rules = G_MAXUINT;
      g_array_append_val (ranked, entry);
    }

  /* 3. Tiers. */
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

  g_array_sort (ranked, compare_ranked);

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
            suggestion->reason = g_strdup_printf (_("The app declares this plug but it is not "
                                                    "connected: connect it. %s"), why);
          else
            suggestion->reason = g_steal_pointer (&why);
        }
      else
        {
          suggestion->reason = alternative_reason (suggestion);
        }
      g_ptr_array_add (result->suggestions, suggestion);
    }

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

  facts_clear (&facts);
  return result;
}

ScSuggestionResult *
sc_suggest_for_denial (const ScDenial *denial,
                       const char     *snap_name)
{
  return sc_suggest_for_denial_with_context (denial, snap_name, NULL);
}

char **
sc_suggestion_rules_dup_interfaces (void)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  ensure_rules ();
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
